"""The Dask integration of docs/scale.md, on a local cluster of two worker processes: the
Guard travels pickled as its settings and every partition's results equal a serial run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas", reason="needs pandas: pip install '.[scale]'")
dd = pytest.importorskip("dask.dataframe", reason="needs dask[dataframe]: pip install '.[scale]'")
db = pytest.importorskip("dask.bag", reason="needs dask: pip install '.[scale]'")
distributed = pytest.importorskip("distributed", reason="needs distributed: pip install '.[scale]'")

from wxguard import Guard  # noqa: E402
from wxguard.pandas import findings_frame, verdicts  # noqa: E402

# dask's own Parquet code still passes inplace= to pandas 3.1, which warns.
pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore:The inplace keyword")]

TEXTS = [
    "今晚八点直播",
    "出售冰毒",
    "傻逼，出售大麻",
    "大麻烦来了",
    "出售 冰 毒",
    "办假证找我",
] * 20


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"text": TEXTS}, index=pd.Index([f"m{i:03d}" for i in range(len(TEXTS))], name="id")
    )


def test_map_partitions_on_a_dataframe_equals_a_serial_run(
    client: distributed.Client, guard: Guard, frame: pd.DataFrame, tmp_path: Path
) -> None:
    text = dd.from_pandas(frame, npartitions=4)["text"]
    found = text.map_partitions(findings_frame, guard, meta=findings_frame(text._meta))
    verdict = text.map_partitions(verdicts, guard, meta=verdicts(text._meta))
    found.to_parquet(tmp_path / "findings")
    # Dask stores the string index as its own string dtype; the labels and rows are the same.
    expected = findings_frame(frame["text"], guard)
    pd.testing.assert_frame_equal(found.compute(), expected, check_index_type=False)
    pd.testing.assert_frame_equal(
        dd.read_parquet(tmp_path / "findings").compute(), expected, check_index_type=False
    )
    pd.testing.assert_series_equal(
        verdict.compute(), verdicts(frame["text"], guard), check_index_type=False
    )
    assert expected.rule.value_counts().to_dict() == {"WX104": 60, "WX107": 20, "WX106": 20}


def test_map_on_a_bag_equals_a_serial_run_and_runs_in_the_workers(
    client: distributed.Client, guard: Guard
) -> None:
    checked = (
        db.from_sequence(TEXTS, npartitions=4)
        .map(lambda text: (os.getpid(), guard.check(text)))
        .compute()
    )
    assert [report for _, report in checked] == list(guard.check_many(TEXTS))
    assert {pid for pid, _ in checked} <= set(client.run(os.getpid).values()) - {os.getpid()}
