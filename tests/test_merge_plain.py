"""The merge into one mark (``wxguard.marks``) held to its plain definition: every keeper,
most severe first, asks every candidate, and each mark's note, fixes and copy are made
afresh. The merge itself reads each violation's fields into lists once, skips the tables of
the same words for a span that overlaps no other, bisects candidates near a span or in its
sentence, remembers the note and fixes of marks alike, and copies a violation directly: a
long text's merge made tens of thousands of marks (docs/performance.md, session 10)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Severity, Violation, catalog
from wxguard.marks import (
    _PLACE,
    _SENTENCE_END,
    _WIDE,
    _crowded,
    _depth,
    _fixes,
    _note,
    _order,
    _overlap,
    _reaching,
    _spans_overlap,
    _tier,
    merge,
)
from wxguard.text.folding import fold_one_to_one

from .linear import BOUND, growth
from .test_marks import _plain as plain_violation


def _plain_merge(violations: Sequence[Violation], lang: str, text: str | None) -> list[Violation]:
    held = _plain_held(violations)
    first = _plain_pass(violations, lang, text, ("overlap",), held)
    return _plain_pass(first, lang, text, _WIDE, {})


def _plain_held(violations: Sequence[Violation]) -> dict[int, int]:
    """Each finding a message-wide table with a ``moot`` reason absorbs, where a finding of
    its keep rules stands at its least severity or worse: the worst such keeper's rank, which
    a keeper on the same words must reach to take it."""
    held: dict[int, int] = {}
    for t in catalog().one_mark:
        if t.moot is None or t.reach != "message":
            continue
        for j, v in enumerate(violations):
            for w in violations:
                if (
                    v.rule in t.absorb
                    and w.rule in t.keep
                    and w.severity.rank >= t.least.rank
                    and (t.framed or w.frame is None)
                ):
                    held[j] = max(held.get(j, 0), w.severity.rank)
    return held


def _in_sentences(text: str, keeper: Violation, other: Violation) -> bool:
    """``other`` starts in a sentence ``keeper`` spans (a join across a sentence end spans
    both: 溜冰吗？有货，冰毒K粉)."""
    at = _sentence(text, other.start)
    return _sentence(text, keeper.start) <= at <= _sentence(text, max(keeper.start, keeper.end - 1))


def _sentence(text: str | None, pos: int) -> int | None:
    """The sentence ``pos`` is in, a short exclamation (at most 8 characters besides spaces,
    itself no headed sentence) counted with the sentence after it."""
    if text is None:
        return None
    folded = fold_one_to_one(text)
    ends = [m.start() for m in _SENTENCE_END.finditer(folded)]
    kept, headed = [], False
    for n, end in enumerate(ends):
        start = ends[n - 1] + 1 if n else 0
        if not headed and folded[end] == "!" and 0 < len(folded[start:end].strip()) <= 8:
            headed = True
        else:
            kept.append(end)
            headed = False
    return sum(end < pos for end in kept)


def _plain_pass(
    violations: Sequence[Violation],
    lang: str,
    text: str | None,
    reaches: tuple[str, ...],
    held: dict[int, int],
) -> list[Violation]:
    tables = _reaching(reaches)
    order = _order()
    depth = _depth(reaches)
    # a rule with an ``earliest`` table: the earlier of its findings leads, not the longer
    in_order = {rule for rule, kept in tables.items() if any(t.earliest for t in kept)}
    keepers = sorted(
        (i for i, v in enumerate(violations) if v.rule in tables),
        key=lambda i: (
            -violations[i].severity.rank,
            depth.get(violations[i].rule, 0),
            _tier(violations[i].rule),
            0 if violations[i].rule in in_order else violations[i].start - violations[i].end,
            order.get(violations[i].rule, len(order)),
            violations[i].start,
            i,
        ),
    )
    by_start = sorted(range(len(violations)), key=lambda i: violations[i].start)
    taken: dict[int, list[int]] = {}
    gone: set[int] = set()
    for k in keepers:
        if k in gone:
            continue
        keeper = violations[k]
        for table in tables[keeper.rule]:
            if keeper.severity.rank < table.least or (
                not table.framed and keeper.frame is not None
            ):
                continue
            for j in by_start:
                other = violations[j]
                if (
                    j == k
                    or j in gone
                    or j in taken
                    or other.rule not in table.absorb
                    or other.severity.rank > keeper.severity.rank
                    or (table.same_rule and other.rule != keeper.rule)
                    or (not table.framed and other.frame is not None)
                    or (table.reach == "overlap" and not _overlap(keeper, other))
                    or keeper.severity.rank < held.get(j, 0)
                    or (
                        table.reach == "sentence"
                        and (text is None or not _in_sentences(text, keeper, other))
                    )
                ):
                    continue
                taken.setdefault(k, []).append(j)
                gone.add(j)
    out = []
    for i, v in enumerate(violations):
        if i in gone:
            continue
        absorbed = taken.get(i)
        out.append(
            v if absorbed is None else _plain_joined(v, [violations[j] for j in absorbed], lang)
        )
    return out


def _plain_joined(kept: Violation, absorbed: list[Violation], lang: str) -> Violation:
    carried = [w for v in (kept, *absorbed) for w in v.also]
    also = tuple(sorted((*carried, *(_plain_bare(v, lang) for v in absorbed)), key=_PLACE))
    kept = _plain_bare(kept, lang)
    note, fixes = _note(kept, also, lang), _fixes(kept, also, lang)
    suggestion = kept.suggestion + fixes if kept.suggestion is not None else None
    return kept.model_copy(
        update={"message": kept.message + note, "suggestion": suggestion, "also": also}
    )


def _plain_bare(v: Violation, lang: str) -> Violation:
    if not v.also:
        return v
    note, fixes = _note(v, v.also, lang), _fixes(v, v.also, lang)
    message = v.message[: -len(note)] if note and v.message.endswith(note) else v.message
    suggestion = v.suggestion
    if fixes and suggestion is not None and suggestion.endswith(fixes):
        suggestion = suggestion[: -len(fixes)]
    return v.model_copy(update={"message": message, "suggestion": suggestion, "also": ()})


def _exact(v: Violation) -> Any:
    """Everything a report can show of ``v``: its fields, what pydantic records as set (read
    by ``exclude_unset``), and the same of what it carries."""
    fields = {k: val for k, val in v.__dict__.items() if k != "also"}
    return (type(v), fields, sorted(v.model_fields_set), [_exact(w) for w in v.also])


# Rules of every kind of table: terms and their sound-alikes, inducements, links, scams, ads.
RULES = ["WX104", "WX106", "WX107", "WX109", "WX110", "WX301", "WX303", "WX304", "WX305"]
RULES += ["WX201"]
RULES += ["WX203", "WX209", "WX402", "WX403", "WX404", "WX401", "WX405", "WX503", "WX801"]
TEXT = st.text(alphabet="ab 。.1？！", min_size=0, max_size=40)


@st.composite
def _found(draw: st.DrawFn) -> tuple[list[Violation], str | None]:
    text = draw(TEXT)
    size = len(text)
    out = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, size))
        end = draw(st.integers(start, min(size, start + draw(st.sampled_from([0, 1, 3, 80])))))
        fields = {
            "rule": draw(st.sampled_from(RULES)),
            "name": "n",
            "category": "c",
            "severity": draw(st.sampled_from(list(Severity))),
            "start": start,
            "end": end,
            "text": text[start:end],
            "message": draw(st.sampled_from(["m", "msg"])),
            "suggestion": draw(st.sampled_from([None, "s", "t", "u"])),
            "consequence": "c",
            "frame": draw(st.sampled_from([None, None, "warning"])),
        }
        # as validated, or as a checker's finding becomes one (fields shared, not checked)
        if draw(st.booleans()):
            out.append(Violation(**fields))
        else:
            out.append(Violation.found(**fields, term=None, techniques=(), confidence=1.0))
    return out, draw(st.sampled_from([text, None]))


@settings(max_examples=600)
@given(_found(), st.sampled_from(["zh", "en"]))
def test_the_merge_is_its_plain_definition(
    found: tuple[list[Violation], str | None], lang: str
) -> None:
    violations, text = found
    fast = merge(violations, lang, text)
    assert [_exact(v) for v in fast] == [_exact(v) for v in _plain_merge(violations, lang, text)]
    # and merging a merged report again, where marks carry what they absorbed
    again = [*fast, *violations[:3]]
    assert [_exact(v) for v in merge(again, lang, text)] == [
        _exact(v) for v in _plain_merge(again, lang, text)
    ]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=30))
def test_a_span_is_crowded_when_it_overlaps_another(spans: list[tuple[int, int]]) -> None:
    starts = [a for a, _ in spans]
    ends = [a + n for a, n in spans]
    expected = [
        any(
            _spans_overlap(starts[i], ends[i], starts[j], ends[j])
            for j in range(len(spans))
            if j != i
        )
        for i in range(len(spans))
    ]
    assert [bool(c) for c in _crowded(starts, ends)] == expected


def _offers_then_scams(n: int) -> tuple[list[Violation], str]:
    """Sentences of two offers and sentences of a scam, which takes every inducement,
    message-wide, before they take each other: each later scam asked every mark again."""

    def made(start: int, end: int, rule: str) -> Violation:
        return plain_violation(start, end, rule, Severity.ERROR)

    found = []
    for i in range(n):
        found += [made(20 * i, 20 * i + 4, "WX301"), made(20 * i + 4, 20 * i + 8, "WX301")]
        found.append(made(20 * i + 10, 20 * i + 13, "WX801"))
    return found, ("x" * 9 + "。") * (2 * n)


def test_a_message_wide_table_asks_each_finding_once_it_can_take_none() -> None:
    def work(made: tuple[list[Violation], str]) -> None:
        assert len(merge(made[0], "zh", made[1])) == len(made[0]) // 3

    ratio, n = growth(_offers_then_scams, work)
    # One mark taking 32,000 findings outgrows the CPU caches: the linear merge measured ×5.2-6.6
    # for ×4 input at n=4096 (each of its parts ×4.4 under a profiler), asking every mark again
    # took ×16. BOUND (6) leaves this input no room for a noisy CI clone.
    assert ratio < BOUND + 2, f"×4 input took ×{ratio:.1f} (n={n})"
