"""The garbage collector is the host's: a check, however long, neither pauses it nor changes
its state; tables are built with it paused (``collection.paused``) and it comes back as the
caller had it, across threads."""

from __future__ import annotations

import gc
import threading
from typing import Any

from wxguard import Guard
from wxguard.collection import paused
from wxguard.families.base import Finding
from wxguard.marks import merge
from wxguard.models import Violation

GUARD = Guard(select=["WX3"])
LONG = "分享到3个群。" * 20_000  # 140,000 characters, 20,000 findings (a sentence each: one mark)


def test_a_long_check_leaves_the_collector_running() -> None:
    """Pausing it for long texts saved 1-5 % on real text and surprised every other thread
    of the host process; the collections it would have skipped happen during the check."""
    seen: list[bool] = []
    gc.callbacks.append(lambda phase, info: seen.append(phase == "start"))
    try:
        report = GUARD.check(LONG)
    finally:
        gc.callbacks.pop()
    assert len(report.violations) > 1000
    assert sum(seen) > 10
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


def test_the_translate_tables_are_not_walked_by_the_collector() -> None:
    """The fold, sound, clause and lexicon tables hold 2.2 million entries. As lists, every
    full collection walked them (a 1 MB check runs eight or nine); as tuples of strings and
    numbers the collector stops tracking them once it has seen them."""
    from wxguard.families.content.checker import ContentChecker
    from wxguard.text.compact import _size_table, _squeeze_table
    from wxguard.text.folding import tables
    from wxguard.text.sound import class_table, spell_table, syllable_table

    wx1 = Guard(select=["WX1"])
    wx1.check("出售冰毒 b a n 假 证")
    checkers = wx1._checkers  # type: ignore[attr-defined]
    (content,) = (c for c, _ in checkers if isinstance(c, ContentChecker))
    big = [
        tables().skeleton,
        tables().one_to_one,
        class_table(),
        spell_table(),
        syllable_table(),
        _squeeze_table(),
        _size_table(),
        content.lexicon._encoder.table,
    ]
    gc.collect()
    assert all(len(t) >= 65_536 for t in big)
    assert not [len(t) for t in big if gc.is_tracked(t)]


def _tracked_by(violations: tuple[Violation, ...]) -> int:
    """The distinct objects the collector tracks among the violations and what they hold."""
    seen = {id(o) for v in violations for o in (v, *gc.get_referents(v)) if gc.is_tracked(o)}
    return len(seen)


def test_a_violation_gives_the_collector_two_objects() -> None:
    """The model and its dict of values: a long text keeps tens of thousands, walked at
    every full collection. Each also held a set of its fields (validation's record of what
    was given), the same fourteen names every time: one set is shared now."""
    violations = GUARD.check("分享到3个群。" * 400).violations
    assert len(violations) == 400
    assert _tracked_by(violations) <= 2 * len(violations) + 2  # + the class and the set


def test_no_finding_is_kept_while_violations_are_merged() -> None:
    """Once the violations are made, the findings are dropped: the merge makes enough objects
    to run full collections, which would walk every finding again."""
    import wxguard.guard as engine

    alive: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> list[Violation]:
        alive.append(sum(type(o) is Finding for o in gc.get_objects()))
        return merge(*args, **kwargs)

    engine.merge = counting  # type: ignore[assignment]
    try:
        report = GUARD.check("分享到3个群。" * 400)
    finally:
        engine.merge = merge
    assert alive == [0] and len(report.violations) == 400


def test_a_mark_shares_the_set_of_fields_validation_records() -> None:
    """A mark of two findings (转fa…: the share and its gate on the same words) gives the
    collector its model and dict (and the tuple of what it absorbed), as a finding's
    violation does: each held a set of its fields too, the same names every time."""
    violations = GUARD.check("转fa到wu个群，jie图找我领hong包。" * 200).violations
    assert len(violations) == 200 and all(len(v.also) == 1 for v in violations)
    assert _tracked_by(violations) <= 2 * len(violations) + 2  # + the class and the set


def test_each_finding_is_let_go_once_its_violation_is_made() -> None:
    """Findings and violations alive at once were twice the objects for each full
    collection to walk while a long text's violations are made."""
    import wxguard.guard as engine
    from wxguard.families.base import Violations

    alive: list[int] = []

    class Counting(Violations):
        def __call__(self, f: Finding) -> Violation:
            alive.append(sum(type(o) is Finding for o in gc.get_objects()))
            return super().__call__(f)

    engine.Violations = Counting  # type: ignore[misc]
    try:
        GUARD.check("分享到3个群，" * 400)
    finally:
        engine.Violations = Violations  # type: ignore[misc]
    assert len(alive) == 400 and max(alive[-10:]) <= 10


def test_each_join_is_let_go_once_its_finding_is_made() -> None:
    """WX3 keeps no join it has made a finding of: a long text's joins and findings alive
    at once were walked together at each full collection."""
    from wxguard.families.base import CheckContext
    from wxguard.models import Message
    from wxguard.phrases.joins import Join
    from wxguard.text.views import TextView

    text = "转fa到wu个群，jie图找我领hong包。" * 200
    checker = GUARD._checkers[0][0]  # type: ignore[attr-defined]
    ctx = CheckContext(message=Message(text=text), view=TextView(text), config=GUARD.config)
    alive = []
    for _ in checker.check(ctx):
        alive.append(sum(type(o) is Join for o in gc.get_objects()))
    assert len(alive) == 400 and max(alive[-10:]) <= 10


def test_the_offers_set_aside_for_a_term_are_not_walked_by_the_collector() -> None:
    """《出售冰毒》 × n: every 出售 the term marks is set aside, not joined (one a title, 29,000
    a MB). As named tuples holding their combine they stayed tracked, walked at every full
    collection; as plain tuples of numbers and the action's plain tuple they are not."""
    from wxguard.phrases import joins

    held: list[list[Any]] = []
    needed = joins._needed

    def keeping(deferred: list[Any], *args: Any) -> Any:
        held.append(deferred)
        return needed(deferred, *args)

    joins._needed = keeping  # type: ignore[assignment]
    try:
        Guard(select=["WX1"]).check("《出售冰毒》 " * 300)
    finally:
        joins._needed = needed
    # A collection untracks a tuple of untracked items as it meets it: one whose inner tuple
    # comes later in the collector's list waits for the next collection (the full suite's
    # order failed this with one).
    gc.collect()
    gc.collect()
    assert len(held) == 1 and len(held[0]) == 300
    assert not [item for item in held[0] if gc.is_tracked(item)]
