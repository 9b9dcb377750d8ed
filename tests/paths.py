"""Checking one text on both view paths: the numpy arrays long texts take and the
per-message ``str.translate`` path, which must agree."""

from __future__ import annotations

import pytest

from wxguard import Guard, Report
from wxguard.text import views


def both_paths(text: str, guard: Guard) -> tuple[Report, Report]:
    """(report on the array path, report on the translate path)."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(views, "ARRAY_THRESHOLD", 0)
        fast = guard.check(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(views, "ARRAY_THRESHOLD", 10**12)
        reference = guard.check(text)
    return fast, reference
