"""The join machinery any family can use: banks it does not have, hits it finds itself, and
phrases that join before the action without a condition."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wxguard import WordListError
from wxguard.phrases import joins as joins_module
from wxguard.phrases.banks import Bank, BankSource, Hit
from wxguard.phrases.clauses import Clauses, compact
from wxguard.phrases.joins import (
    Combine,
    Join,
    Joinables,
    _candidates,
    _join,
    _one_per_place,
    _widen,
    find_joins,
    read_rules,
)
from wxguard.text.views import TextView


def _bank(name: str, *phrases: str) -> Bank:
    return BankSource(name, "", [(p, f"test:{name}") for p in phrases], [], {}).compile()


BANKS = {
    "lure": _bank("lure", "账户冻结"),
    "demand": _bank("demand", "转入{*}账户"),
    "object": _bank("object"),
    "login": _bank("login", "登录"),
}


def _combine(
    *,
    before: int = 0,
    condition: bool = True,
    with_: tuple[str, ...] = ("demand",),
    lead: tuple[str, ...] = (),
) -> Combine:
    return Combine(
        rule="WX301",
        action="lure",
        with_=with_,
        after=20,
        before=before,
        clauses=1,
        yield_to=(),
        condition=condition,
        lead=lead,
    )


def _joined(text: str, combine: Combine, found: dict[str, list[Hit]] | None = None) -> list[str]:
    clauses = Clauses(TextView(text))
    return [
        clauses.text[j.joined[0] : j.joined[1]]
        for j in find_joins(clauses, BANKS, [combine], [], found)
    ]


def test_a_family_without_context_banks_joins() -> None:
    # No exempt, blocker, link, requirement, completion or acquire bank: they are empty.
    assert _joined("账户冻结，转入安全账户", _combine()) == ["转入安全账户"]


def test_hits_the_family_found_itself_join_like_bank_hits() -> None:
    text = "账户冻结请拨打13812345678"
    start = text.index("138")
    combine = _combine(with_=("object",))
    assert _joined(text, combine) == []
    assert _joined(text, combine, {"object": [Hit(start, start + 11, "object")]}) == ["13812345678"]


def test_without_a_condition_a_phrase_before_the_action_joins_within_its_sentence() -> None:
    text = "请转入安全账户，账户冻结"
    assert (
        _joined(text, _combine(before=12)) == []
    )  # inducement's way: the action must be a condition
    assert _joined(text, _combine(before=12, condition=False)) == ["转入安全账户"]
    assert _joined("请转入安全账户。账户冻结", _combine(before=12, condition=False)) == []
    assert (
        _joined("请转入安全账户，我们发现您的账户冻结", _combine(before=4, condition=False)) == []
    )  # too far


def test_a_lead_must_stand_right_before_the_joined_phrase_and_is_named_with_it() -> None:
    combine = _combine(with_=("object",), lead=("login",))

    def hit(text: str) -> dict[str, list[Hit]]:
        start = text.index("x")
        return {"object": [Hit(start, start + 4, "object")]}

    assert _joined("账户冻结请登录xxxx", combine, hit("账户冻结请登录xxxx")) == ["登录xxxx"]
    assert _joined("账户冻结请看xxxx", combine, hit("账户冻结请看xxxx")) == []
    far = "账户冻结请登录我们银行的官方网站xxxx"  # more than LEAD_REACH between them
    assert _joined(far, combine, hit(far)) == []


def test_condition_must_be_a_boolean() -> None:
    data = {"combine": [{"rule": "WX301", "action": "lure", "with": ["demand"], "condition": "no"}]}
    with pytest.raises(WordListError, match=r"bank.toml.*condition must be true or false"):
        read_rules(data, BANKS, "bank.toml", "WX3")


OFFER_BANKS = {
    "product": _bank("product", "发票"),
    "offer": _bank("offer", "代开"),
    "contact": _bank("contact", "联系电话"),
    "blocker": BankSource("blocker", "", [("谨防", "test:blocker")], [], {"reach": 6}).compile(),
}


def _offer(text: str, **spec: object) -> list[str]:
    data = {
        "combine": [{"rule": "WX106", "action": "product", "with": ["offer", "contact"], **spec}]
    }
    combines, alones = read_rules(data, OFFER_BANKS, "trade.toml", "WX1")
    clauses = Clauses(TextView(text))
    return [
        clauses.text[j.joined[0] : j.joined[1]]
        for j in find_joins(clauses, OFFER_BANKS, combines, alones)
    ]


def test_sentence_ends_are_crossed_only_when_a_rule_allows() -> None:
    assert _offer("长期有发票。联系电话123") == []
    assert _offer("长期有发票。联系电话123", sentences=1) == ["联系电话"]
    assert _offer("代开。各类发票", before=6, condition=False) == []
    assert _offer("代开。各类发票", before=6, condition=False, sentences=1) == ["代开"]


def test_a_run_of_sentence_marks_is_one_sentence_end() -> None:
    # a line closed with 。 and a line break, or ！！, ends one sentence (new-user trial s14:
    # scams typed a sentence a line)
    assert _offer("长期有发票。\n联系电话123", sentences=1) == ["联系电话"]
    assert _offer("长期有发票！！联系电话123", sentences=1) == ["联系电话"]
    assert _offer("代开。\n各类发票", before=6, condition=False, sentences=1) == ["代开"]
    assert _offer("长期有发票。\n联系电话123") == []
    assert _offer("长期有发票。好的。联系电话123", sentences=1) == []


@given(st.text(alphabet="。，\n！a", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_sentence_ends_count_the_runs_of_marks(text: str, start: int, end: int) -> None:
    clauses = Clauses(TextView(text))
    strong, _ = clauses.breaks(start, end)
    runs = len([m for m in re.finditer("。+", clauses.text[start:end])])
    assert clauses.sentence_ends(start, end) == runs <= strong


def test_an_untied_later_clause_joins_when_tied_is_false() -> None:
    text = "有发票，有需要请联系电话123"
    assert _offer(text, clauses=1) == []
    assert _offer(text, clauses=1, tied=False) == ["联系电话"]


def test_a_blocker_bank_sets_its_own_reach() -> None:
    assert _offer("谨防不法分子发票联系电话123") == []
    assert _offer("谨防不法分子的各种发票联系电话123") == ["联系电话"]


def test_a_join_names_the_banks_of_its_parts() -> None:
    data = {"combine": [{"rule": "WX106", "action": "product", "with": ["offer", "contact"]}]}
    combines, _ = read_rules(data, OFFER_BANKS, "trade.toml", "WX1")
    (join,) = find_joins(Clauses(TextView("发票联系电话123")), OFFER_BANKS, combines, [])
    assert join.banks == ("product", "contact")


def test_a_rejected_join_does_not_hide_the_one_beside_it() -> None:
    data = {
        "combine": [
            {
                "rule": "WX106",
                "action": "product",
                "with": ["offer"],
                "before": 4,
                "condition": False,
            },
            {"rule": "WX106", "action": "product", "with": ["contact"]},
        ]
    }
    combines, _ = read_rules(data, OFFER_BANKS, "trade.toml", "WX1")
    clauses = Clauses(TextView("代开发票联系电话123"))
    assert [j.banks[1] for j in find_joins(clauses, OFFER_BANKS, combines, [])] == ["contact"]
    kept = find_joins(clauses, OFFER_BANKS, combines, [], accept=lambda j: j.banks[1] != "contact")
    assert [j.banks[1] for j in kept] == ["offer"]


def test_a_product_as_written_wins_over_a_sound_alike_it_overlaps() -> None:
    """售枪 sounds like 手枪 and starts first; read leftmost-longest it hid 枪支 as written
    and overlapped its own sale word, so 出售枪支 joined nothing."""
    banks = {"product": _bank("product", "售枪", "枪支"), "offer": _bank("offer", "出售")}
    data = {
        "combine": [
            {
                "rule": "WX105",
                "action": "product",
                "with": ["offer"],
                "before": 4,
                "condition": False,
            }
        ]
    }
    combines, alones = read_rules(data, banks, "trade.toml", "WX1")

    def products(text: str, written: bool) -> list[str]:
        clauses = Clauses(TextView(text))

        def as_written(bank: str, start: int, end: int) -> bool:
            return clauses.text[start:end] != "售枪"  # the one hit matched by sound

        found = find_joins(
            clauses, banks, combines, alones, written=as_written if written else None
        )
        return [clauses.text[j.action[0] : j.action[1]] for j in found]

    assert (
        products("出售枪支", written=False) == []
    )  # the family that cannot tell keeps its reading
    assert products("出售枪支", written=True) == ["枪支"]
    assert products("出售售枪", written=True) == ["售枪"]  # a sound-alike alone still counts
    assert products("出售枪支，出售售枪", written=True) == ["枪支", "售枪"]


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ({"tied": "no"}, "tied must be true or false"),
        ({"sentences": -1}, "sentences must be a non-negative integer"),
    ],
)
def test_bad_join_options_are_named(spec: dict[str, object], problem: str) -> None:
    data = {"combine": [{"rule": "WX106", "action": "product", "with": ["offer"], **spec}]}
    with pytest.raises(WordListError, match=problem):
        read_rules(data, OFFER_BANKS, "trade.toml", "WX1")


def test_a_bad_reach_is_named() -> None:
    banks = {
        **OFFER_BANKS,
        "blocker": BankSource("blocker", "", [("谨防", "t")], [], {"reach": "far"}).compile(),
    }
    with pytest.raises(
        WordListError, match=r"trade.toml banks.blocker.*reach must be a non-negative integer"
    ):
        read_rules({"combine": []}, banks, "trade.toml", "WX1")


_LINK_WORDS = {"link": "即可", "link-head": "可"}


def _linked(text: str, links: dict[str, dict[str, object]]) -> list[str]:
    """Joins of 代开 to 发票 with these link banks (each name's word, with these options)."""
    made = {
        name: BankSource(name, "", [(_LINK_WORDS[name], "t")], [], options).compile()
        for name, options in links.items()
    }
    banks = {**OFFER_BANKS, **made}
    combines, _ = read_rules(
        {"combine": [{"rule": "WX106", "action": "offer", "with": ["product"]}]},
        banks,
        "t.toml",
        "WX1",
    )
    clauses = Clauses(TextView(text))
    return [
        clauses.text[j.joined[0] : j.joined[1]] for j in find_joins(clauses, banks, combines, [])
    ]


def test_link_words_tie_from_anywhere_and_head_links_only_from_the_start_of_the_clause() -> None:
    assert _linked("代开，可开发票", {"link-head": {"head": 1}}) == ["发票"]
    assert _linked("代开，有需要的公司可开发票", {"link-head": {}}) == ["发票"]
    assert _linked("代开，有需要的公司可开发票", {"link-head": {"head": 1}}) == []
    assert _linked("代开，联系客服即可开发票", {"link": {}, "link-head": {"head": 1}}) == ["发票"]
    assert _linked("代开，联系客服即可开发票", {"link": {"head": 1}}) == []


def test_a_bad_head_is_named() -> None:
    with pytest.raises(
        WordListError, match=r"t.toml banks.link-head.*head must be a non-negative integer"
    ):
        _linked("代开，可开发票", {"link-head": {"head": -1}})


def test_a_full_stop_between_digits_is_a_decimal_point_not_a_sentence_end() -> None:
    clauses = Clauses("转发领0.5元红包，收到.谢谢")
    assert clauses.text == "转发领0.5元红包，收到。谢谢"
    assert clauses.breaks(0, len(clauses.text)) == (1, 1)
    assert compact("发８．８红包") == "发8.8红包"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*list("0123456789.．。 转发元a"), "🧧"]), max_size=30))
def test_the_compact_view_maps_back_character_by_character(text: str) -> None:
    # BlockMap counts each character's share of the view alone: a decimal point must be one
    # character there too, and every position must map to the character that made it.
    assert len(compact(text)) == sum(len(compact(c)) for c in text)
    clauses = Clauses(text)
    for i, c in enumerate(clauses.text):
        start, end = clauses.original(i, i + 1)
        assert compact(text[start:end]) in (c, "。" if c == "." else c)


def test_the_joins_keep_hits_the_collector_stops_walking() -> None:
    """A long text's joins keep every bank's hits (hundreds of thousands in a MB): as plain
    tuples the garbage collector stops tracking them once it has seen them, where a ``Hit``
    (a tuple subclass) was walked at every full collection, a third of WX3's time."""
    import gc

    from wxguard.phrases.joins import _Message

    clauses = Clauses("账户冻结，请转入安全账户，" * 20)
    msg = _Message(clauses, BANKS, {"login": [Hit(0, 2, "login")]})
    kept = msg.live("lure") + msg.live("demand", overlapping=False) + msg.live("login")
    assert len(kept) == 41
    gc.collect()
    assert not any(gc.is_tracked(hit) for hit in kept)


def _plain_widen(join: Join, spec: Combine, action: tuple[int, int], rows: list[Joinables]) -> Join:
    """``_widen`` as first written: every candidate listed, then passes until none grows."""
    first, last = action[0], action[1]
    spans: list[tuple[int, int]] = []
    for made in rows:
        reach = 2 * made[3]
        lo, hi = first - spec.before - reach, last + spec.after + reach
        spans += [(a, b) for a, b, bare, _ in _candidates(made, last, lo, hi) if not bare]
    start, end = join.joined
    grown = True
    while grown:
        grown = False
        for a, b in spans:
            if a < end and start < b and (a < start or b > end) and (b <= first or a >= last):
                start, end, grown = min(a, start), max(b, end), True
    if (start, end) == join.joined:
        return join
    return Join(join.rule, join.action, (start, end), join.confidence, join.label, banks=join.banks)


SPAN = st.tuples(st.integers(0, 40), st.integers(1, 8)).map(lambda s: (s[0], s[0] + s[1]))


@st.composite
def _joinables(draw: st.DrawFn) -> Joinables:
    spans = sorted(draw(st.lists(st.tuples(SPAN, st.booleans()), max_size=12)))
    rows = [(a, b, bare, "bank") for (a, b), bare in spans]
    return [r[0] for r in rows], rows, None, draw(st.integers(0, 8))


@given(
    st.lists(_joinables(), min_size=1, max_size=3),
    SPAN,
    SPAN,
    st.integers(0, 20),
    st.integers(0, 6),
)
@example(  # 红包 grows the reward back to 领取, which then reaches 即可 before it
    [([5, 7], [(5, 8, False, "bank"), (7, 11, False, "bank")], None, 8)], (20, 22), (10, 12), 20, 6
)
def test_a_joined_span_grows_to_the_same_closure_in_one_pass_or_many(
    rows: list[Joinables],
    action: tuple[int, int],
    joined: tuple[int, int],
    after: int,
    before: int,
) -> None:
    """``_widen`` takes a first pass over the candidates as they come and lists them only
    where one grew: the span it grows a joined span to is the one passes over the listed
    candidates give."""
    spec = Combine("WX301", "share", ("reward",), after, before, 2, ())
    join = Join("WX301", action, joined, 0.9, banks=("share", "reward"))
    near = [_candidates(made, action[1], *_wide(spec, action, made)) for made in rows]
    assert _widen(joined, action, near) == _plain_widen(join, spec, action, rows).joined


def _wide(spec: Combine, action: tuple[int, int], made: Joinables) -> tuple[int, int]:
    """Where the phrases ``_join`` looks at start: within twice a span's reach of the
    action's window."""
    reach = 2 * made[3]
    return action[0] - spec.before - reach, action[1] + spec.after + reach


def _narrow_order(spec: Combine, action: tuple[int, int], rows: list[Joinables]) -> list[Any]:
    """The candidates ``_join`` tries, nearest first, as first written: each bank's looked
    up where a phrase near enough to be joined starts (within one span's reach of the
    window, and after the action only when nothing before it may join)."""
    first, last = action
    far = last + spec.after
    order: list[tuple[int, int, Any]] = []
    for made in rows:
        reach = made[3]
        lo = first - spec.before - reach if spec.before else last
        for c in _candidates(made, last, lo, far + reach):
            if c[0] >= last and not c[2]:
                if c[0] <= far:
                    order.append((c[0] - last, len(order), c))
            elif spec.before and 0 <= first - c[1] <= spec.before:
                order.append((first - c[1], len(order), c))
    order.sort()
    return [c for _, _, c in order]


@st.composite
def _reaching(draw: st.DrawFn) -> Joinables:
    """A bank's joinables whose reach is at least its longest span, as ``_Message.reach``
    makes it."""
    starts, rows, _, _ = draw(_joinables())
    longest = max((b - a for a, b, _, _ in rows), default=0)
    return starts, rows, None, longest + draw(st.integers(0, 4))


@given(
    st.lists(_reaching(), min_size=1, max_size=3),
    SPAN,
    st.integers(0, 20),
    st.integers(0, 6),
)
def test_a_join_tries_the_phrases_near_enough_to_be_joined_nearest_first(
    rows: list[Joinables], action: tuple[int, int], after: int, before: int
) -> None:
    """``_join`` looks up each bank's phrases once, as far as the joined span may widen:
    it tries those near enough to be joined in the order a lookup of only them gave, and
    widens the first joined over the rest as a lookup of the wider place does."""
    spec = Combine("WX301", "share", ("reward",), after, before, 2, ())
    tried: list[Any] = []

    def placed(*args: Any) -> bool:
        tried.append((args[3], args[4], args[5], args[6]))
        return False  # not joined, and no side closed: every candidate is tried

    def joined(*args: Any) -> tuple[tuple[int, int], float]:
        return (args[3], args[4]), 0.9

    expected = _narrow_order(spec, action, rows)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(joins_module, "_placed", placed)
        msg = SimpleNamespace(partner=None)  # no bank joined only on the family's word
        assert _join(msg, spec, action, rows) is None  # type: ignore[arg-type]
        assert tried == expected
        patch.setattr(joins_module, "_placed", joined)
        found = _join(msg, spec, action, rows)  # type: ignore[arg-type]
    if expected:
        first = Join("WX301", action, expected[0][:2], 0.9, banks=("share", expected[0][3]))
        assert found == _plain_widen(first, spec, action, rows)


def _one_per_place_by_pairs(joins: list[Join]) -> list[Join]:
    """Within a rule, overlapping joins keep the surest, then the tightest, then the
    earliest: each asked against every join kept before it."""
    ranked = sorted(joins, key=lambda j: (-j.confidence, j.end - j.start, j.start))
    kept: list[Join] = []
    for join in ranked:
        if not any(k.rule == join.rule and k.start < join.end and join.start < k.end for k in kept):
            kept.append(join)
    order = {id(j): i for i, j in enumerate(kept)}
    return sorted(kept, key=lambda j: (j.start, j.rule, order[id(j)]))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["WX301", "WX303"]),
            SPAN,
            SPAN,
            st.sampled_from([0.75, 0.8, 0.9]),
            st.none() | SPAN,
        ),
        max_size=14,
    )
)
def test_one_join_is_kept_per_place_as_asked_against_every_kept_one(
    drawn: list[tuple[str, tuple[int, int], tuple[int, int], float, tuple[int, int] | None]],
) -> None:
    """``_one_per_place`` keeps, per rule, the surest, tightest, earliest of overlapping
    joins by one bisection of the kept spans a join: the same joins, in the same order, as
    asking each against every join kept before it."""
    joins = [
        Join(rule, action, joined, confidence, whole=whole)
        for rule, action, joined, confidence, whole in drawn
    ]
    assert _one_per_place(joins) == _one_per_place_by_pairs(joins)


@st.composite
def _spans_in(draw: st.DrawFn, size: int, name: str) -> list[Hit]:
    starts = draw(st.lists(st.integers(0, size - 1), max_size=8))
    return [Hit(a, draw(st.integers(a + 1, min(size, a + 4))), name) for a in starts]


@given(st.text(alphabet="ab。，", min_size=1, max_size=16), st.data())
def test_a_noun_grows_back_over_the_latest_quiet_verb_of_getting(
    text: str, data: st.DataObject
) -> None:
    """Each noun that needs a verb of getting grows back over the verb ending latest (then
    the longest, then the first) within reach before it with no clause marker between, and
    stays bare without one: as picking among every such verb at once."""
    from wxguard.phrases.joins import ACQUIRE_REACH, _Message

    clauses = Clauses(text)
    assert clauses.text == text
    given = {
        "acquire": data.draw(_spans_in(len(text), "acquire")),
        "reward": data.draw(_spans_in(len(text), "reward")),
    }
    msg = _Message(clauses, {}, given)
    spans = msg.spans("acquire")
    expected = []
    for noun in msg.live("reward"):
        near = [
            q for q in spans.ending(noun[0] - ACQUIRE_REACH, noun[0]) if msg.quiet(q[1], noun[0])
        ]
        if near:
            verb = max(near, key=lambda q: (q[1], q[1] - q[0]))
            expected.append((noun, (verb[0], noun[1], False)))
        else:
            expected.append((noun, (noun[0], noun[1], True)))
    assert msg.acquired("reward") == expected
