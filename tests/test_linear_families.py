"""Linear time on hostile input in the families (timed as ``tests/linear.py`` says): the
patterns of issue 16's audit and their neighbours. ``benchmarks/bench_hostile.py`` holds the
absolute budget (seconds per MB) for these and more."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wxguard import Guard

from .linear import BOUND, growth

# Timing ×1 and ×4 inputs takes minutes: `pytest -m "not slow"` leaves them to CI.
pytestmark = pytest.mark.slow

GUARDS = {family: Guard(select=[family]) for family in ("WX2", "WX3")}

CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    # every reward tried for every action, and every join against every kept one
    "分享到3个群，× n": ("WX3", lambda n: "分享到3个群，" * n),
    "dense inducement words": ("WX3", lambda n: "转发领红包，关注即可抽奖，邀请3位好友助力，" * n),
    # overlapping bank hits restarted one digit on, each read to the end of the run
    "digit run in a count": ("WX3", lambda n: "分享到" + "3" * n + "个群"),
    "digit run, no count": ("WX3", lambda n: "分享到" + "3" * n + "个"),
    "Chinese numeral run": ("WX3", lambda n: "分享到" + "三" * n + "个群"),
    "多一 run": ("WX3", lambda n: "分享到" + "多一" * n + "个群"),
    # a bare domain tried from every letter of a run the start guard did not know
    "é run then x.": ("WX2", lambda n: "é" * n + "x."),
    "λ run then x.": ("WX2", lambda n: "λ" * n + "x."),
    "ж run then x.": ("WX2", lambda n: "ж" * n + "x."),
    "éa run then x.": ("WX2", lambda n: "éa" * n + "x."),
}


@pytest.mark.parametrize("name", list(CASES))
def test_families_are_linear(name: str) -> None:
    family, make = CASES[name]
    guard = GUARDS[family]
    ratio, n = growth(make, guard.check)
    assert ratio < BOUND, f"{name}: ×4 input took ×{ratio:.1f} (n={n})"


def test_counts_and_domains_are_still_found() -> None:
    wx3 = GUARDS["WX3"]
    for text in (
        "分享到3个群即可领取",
        "分享到三个群即可领取",
        "分享到100个群即可领取",
        "每转发一次多一次抽奖机会",
    ):
        assert [v.rule for v in wx3.check(text).violations], text
    assert [v.text for v in GUARDS["WX2"].check("访问 www.bаidu-login.cn 领取").violations]
