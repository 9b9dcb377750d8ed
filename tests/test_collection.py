"""Checking a long text pauses the garbage collector and leaves it as the caller had it."""

from __future__ import annotations

import gc
import threading

from wxguard import Guard, Message
from wxguard.collection import paused
from wxguard.guard import LONG_TEXT

GUARD = Guard(select=["WX3"])
LONG = "分享到3个群，" * (LONG_TEXT // 7 + 1)


def test_a_long_check_runs_paused_and_restores_the_collector() -> None:
    seen: list[bool] = []
    assert gc.isenabled()
    gc.callbacks.append(lambda phase, info: seen.append(phase == "start"))
    try:
        report = GUARD.check(LONG)
    finally:
        gc.callbacks.pop()
    assert len(report.violations) > 1000
    assert sum(seen) <= 3  # only once the pause is over, if the count is due
    unpaused: list[bool] = []
    gc.callbacks.append(lambda phase, info: unpaused.append(phase == "start"))
    try:
        GUARD._report(Message(text=LONG), GUARD._checkers, None)
    finally:
        gc.callbacks.pop()
    assert sum(unpaused) > 10  # what the pause saves
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled() -> None:
    gc.disable()
    try:
        GUARD.check(LONG)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_in_threads_end_with_the_collector_on() -> None:
    inside = threading.Barrier(8)

    def work() -> None:
        with paused():
            inside.wait()
            assert not gc.isenabled()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.isenabled()
