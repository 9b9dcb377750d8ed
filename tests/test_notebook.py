"""docs/vetting.ipynb runs headless and shows highlighted, escaped HTML reports."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is part of the [test] extra")
nbclient = pytest.importorskip("nbclient", reason="nbclient is part of the [test] extra")
pytest.importorskip("ipykernel", reason="ipykernel is part of the [test] extra")

pytestmark = pytest.mark.slow  # starts a Jupyter kernel

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "vetting.ipynb"


def _html_outputs(cell: Any) -> list[str]:
    return [
        out["data"]["text/html"]
        for out in cell.get("outputs", [])
        if "text/html" in out.get("data", {})
    ]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), (
        "commit the notebook without outputs"
    )
    client = nbclient.NotebookClient(
        nb,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path_factory.mktemp("nb"))}},
    )
    client.execute()
    return nb


def test_notebook_runs_without_errors(executed: Any) -> None:
    for cell in executed.cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", out


def test_batch_display_is_highlighted_and_escaped(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    (batch,) = _html_outputs(code[1])
    assert batch.startswith('<div class="wxguard-report tex2jax_ignore"')
    assert "6 messages" in batch and "BLOCK" in batch and "PASS" in batch
    assert batch.count("<mark") >= 3 and "<table" in batch
    assert "<script" not in batch and "alert(&#x27;hi&#x27;)&lt;/script&gt;" in batch
    assert "$5" in batch  # left alone, MathJax is told to skip the element
    plain = code[1]["outputs"][0]["data"]["text/plain"]
    assert plain.startswith("6 messages")


def test_single_report_and_filter(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    (single,) = _html_outputs(code[2])
    assert re.search(
        r'<mark class="wxguard-mark wxguard-error" title="WX106 fraud-content \[error\]', single
    )
    namespace: dict[str, Any] = {}
    exec(
        code[0].source + "\n" + code[1].source.rsplit("\n", 1)[0], namespace
    )  # the notebook's own setup
    assert _html_outputs(code[3]) == [namespace["reports"].filter(rule="WX3").to_html()]
