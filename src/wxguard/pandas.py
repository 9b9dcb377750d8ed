"""pandas helpers: a column of messages in, a frame of findings and a verdict per message out.

>>> import pandas as pd
>>> from wxguard.pandas import check
>>> found, verdict = check(pd.Series(["出售冰毒", "今晚八点直播"], index=["a", "b"]))
>>> found[["rule", "text", "severity"]].to_dict("records")
[{'rule': 'WX104', 'text': '冰毒', 'severity': 'error'}]
>>> verdict.tolist()
['block', 'pass']

Rows are indexed by the label of the message they came from, so ``found.loc[label]`` and
joins on the index work, and ``findings_frame`` keeps a Dask partition's index: use it as
``text.map_partitions(findings_frame, guard, meta=findings_frame(text._meta))`` (see
docs/scale.md). pandas is imported here only: ``import wxguard`` never loads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import pandas as pd

from .guard import Guard
from .models import Message
from .report import Report

SEVERITY = pd.CategoricalDtype(["info", "warning", "error"], ordered=True)
"""Ordered, so ``found[found.severity >= "warning"]`` keeps warnings and errors."""

VERDICT = pd.CategoricalDtype(["pass", "review", "block"], ordered=True)
"""Ordered, so ``verdict >= "review"`` selects messages that need a look."""

_DTYPES: dict[str, Any] = {
    "rule": "string",
    "name": "string",
    "category": "string",
    "severity": SEVERITY,
    "start": "int64",
    "end": "int64",
    "text": "string",
    "term": "string",
    "techniques": "string",
    "confidence": "float64",
    "message": "string",
    "also": "string",
}
COLUMNS: tuple[str, ...] = tuple(_DTYPES)
"""The columns of a findings frame, in order: the fields of ``Violation``, with the
disguises seen in ``techniques`` and the codes of the findings it absorbed (``also``: one
problem, one mark; each code once) joined by commas ("" for none), so every column is a plain dtype that
Parquet, CSV and Dask take as it is."""

_AS_IS = ("rule", "name", "category", "start", "end", "text", "term", "confidence", "message")


class Checked(NamedTuple):
    """Both results of one pass over the messages."""

    findings: pd.DataFrame
    verdicts: pd.Series


def check(messages: Iterable[Any], guard: Guard | None = None, *, workers: int = 0) -> Checked:
    """``findings_frame`` and ``verdicts`` from one pass over the messages."""
    index, reports = _run(messages, guard, workers)
    return Checked(_findings(index, reports), _verdicts(index, reports))


def findings_frame(
    messages: Iterable[Any], guard: Guard | None = None, *, workers: int = 0
) -> pd.DataFrame:
    """One row per violation, indexed by its message's label (a Series' index, else the
    position), columns ``COLUMNS``. Messages are str or ``Message``; missing values (None,
    NaN, NA) have no findings. ``workers`` goes to ``guard.check_many``."""
    return _findings(*_run(messages, guard, workers))


def verdicts(messages: Iterable[Any], guard: Guard | None = None, *, workers: int = 0) -> pd.Series:
    """The verdict of each message (ordered categorical ``VERDICT``), indexed like the input,
    named ``verdict``; NA where the message is missing."""
    return _verdicts(*_run(messages, guard, workers))


def _run(
    messages: Iterable[Any], guard: Guard | None, workers: int
) -> tuple[pd.Index, list[Report | None]]:
    """The input's index and a report per message (None for a missing one)."""
    if isinstance(messages, pd.Series):
        index = messages.index
        values: list[Any] = messages.tolist()
    else:
        values = list(messages)
        index = pd.RangeIndex(len(values))
    present = [i for i, value in enumerate(values) if not _missing(value)]
    reports: list[Report | None] = [None] * len(values)
    checked = (guard if guard is not None else Guard()).check_many(
        (values[i] for i in present), workers=workers
    )
    for i, report in zip(present, checked, strict=True):
        reports[i] = report
    return index, reports


def _missing(value: Any) -> bool:
    if isinstance(value, (str, Message)):
        return False
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def _findings(index: pd.Index, reports: list[Report | None]) -> pd.DataFrame:
    positions: list[int] = []
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for position, report in enumerate(reports):
        for v in report.violations if report is not None else ():
            positions.append(position)
            for name in _AS_IS:
                columns[name].append(getattr(v, name))
            columns["severity"].append(v.severity.value)
            columns["techniques"].append(",".join(v.techniques))
            columns["also"].append(",".join(v.also_codes))
    frame = pd.DataFrame(
        {name: pd.Series(values, dtype=_DTYPES[name]) for name, values in columns.items()}
    )
    return frame.set_axis(index.take(positions))


def _verdicts(index: pd.Index, reports: list[Report | None]) -> pd.Series:
    values = [None if r is None else r.verdict.value for r in reports]
    return pd.Series(values, index=index, dtype=VERDICT, name="verdict")
