"""``Guard.check_many``: input order, streaming an endless input, worker processes."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from itertools import count, cycle, islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard, Message, WxguardError

# (message, rules it must report in that order); clean, one finding, several, a Message.
CASES: list[tuple[str | Message, list[str]]] = [
    ("今晚八点直播，准时开始", []),
    ("出售冰毒", ["WX104"]),
    ("傻逼，出售大麻", ["WX107", "WX104"]),
    ("", []),
    (Message(text="办假证找我", platform="dingtalk"), ["WX106"]),
    ("大麻烦来了", []),
]


def _rules(guard: Guard, messages: list[str | Message], **kw: int) -> list[list[str]]:
    return [[v.rule for v in r.violations] for r in guard.check_many(messages, **kw)]


@pytest.mark.parametrize("workers, chunk_size", [(0, 256), (2, 3)])
def test_reports_come_back_in_input_order(guard: Guard, workers: int, chunk_size: int) -> None:
    messages = [m for m, _ in CASES] * 5
    expected = [rules for _, rules in CASES] * 5
    assert _rules(guard, messages, workers=workers, chunk_size=chunk_size) == expected


def _numbered(counter: list[int], limit: int) -> Iterator[str]:
    """An endless stream whose every third message has a finding; counts what was taken and
    fails (instead of hanging) when read far past ``limit``."""
    for i in count():
        counter[0] = i + 1
        if i > 10 * limit:
            raise AssertionError(f"check_many read {i} messages for {limit} reports")
        yield f"第{i}条：出售冰毒" if i % 3 == 0 else f"第{i}条：今晚八点直播"


@pytest.mark.parametrize("workers, chunk_size, take", [(0, 256, 1000), (2, 16, 100)])
def test_an_endless_input_streams_with_a_bounded_lookahead(
    guard: Guard, workers: int, chunk_size: int, take: int
) -> None:
    taken = [0]
    with closing(
        guard.check_many(_numbered(taken, take), workers=workers, chunk_size=chunk_size)
    ) as reports:
        first = list(islice(reports, take))
    assert [r.text for r in first] == [
        f"第{i}条：{'出售冰毒' if i % 3 == 0 else '今晚八点直播'}" for i in range(take)
    ]
    assert [r.ok for r in first] == [i % 3 != 0 for i in range(take)]
    # At most the chunks in flight (four per worker) and the one being read run ahead.
    assert take <= taken[0] <= take + (4 * workers + 1) * chunk_size


def test_a_bad_message_in_a_worker_raises_the_same_error(guard: Guard) -> None:
    with pytest.raises(WxguardError, match="takes a str or a Message, not int"):
        list(guard.check_many(["出售冰毒", 42], workers=1))  # type: ignore[list-item]


def test_no_messages_no_reports(guard: Guard) -> None:
    assert list(guard.check_many([], workers=2)) == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=20), st.integers(1, 8))
def test_check_many_in_process_is_check_on_each(
    guard: Guard, texts: list[str], chunk_size: int
) -> None:
    assert list(guard.check_many(texts, chunk_size=chunk_size)) == [guard.check(t) for t in texts]


@pytest.mark.slow  # spawns worker processes
@pytest.mark.parametrize("other_thread", [False, True])
def test_workers_give_check_s_reports_whether_forked_or_spawned(other_thread: bool) -> None:
    """A user's own words reach the workers both ways: forked (this process is single-threaded
    on Linux) and spawned (another thread is running, so forking would be unsafe)."""
    guard = Guard(words=["团团圆圆卡"], select=["WX1"])
    messages = [
        "买团团圆圆卡",
        "今晚八点直播",
        Message(text="团团圆圆卡在这", platform="wecom"),
    ] * 3
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    if other_thread:
        thread.start()
    try:
        assert list(guard.check_many(messages, workers=2, chunk_size=2)) == [
            guard.check(m) for m in messages
        ]
    finally:
        stop.set()


@pytest.mark.slow  # spawns a worker process
def test_a_start_method_the_program_chose_is_honoured() -> None:
    from wxguard.guard import _start_method

    multiprocessing.set_start_method("spawn", force=True)
    try:
        assert _start_method().get_start_method() == "spawn"
        guard = Guard(words=["团团圆圆卡"], select=["WX1"])
        assert [r.ok for r in guard.check_many(["买团团圆圆卡", "你好"], workers=1)] == [
            False,
            True,
        ]
    finally:
        multiprocessing.set_start_method(None, force=True)  # type: ignore[arg-type]
    if sys.platform == "linux" and threading.active_count() == 1:
        assert _start_method().get_start_method() == "fork"


REVIEWS = (Path(__file__).parent / "data" / "reviews_sample.txt").read_text("utf-8").splitlines()
# What the batch screen must not lose at a message's edges or between messages: sound-alikes
# (态度 is none of 台独), parts of terms with gaps (办…证件, 存…送), masks (傻X, 傻*, a lone
# letter at an edge), pinyin, stutter, the joining letter itself and its neighbours.
PIECES = [
    "台独",
    "态度",
    "台台独",
    "堵博",
    "赌博",
    "办",
    "证件",
    "存",
    "送",
    "傻",
    "X",
    "*",
    "b",
    "B",
    "逼",
    "dupin",
    "du pin",
    "sb",
    "冰",
    "毒",
    "冰毒",
    "ᚠ",
    "ᚠᚠ",
    " ",
    "，",
    "。",
    "\n",
    "大麻",
    "大妈",
    "代开",
    "发票",
    "1",
    "一",
    "a",
    "你好",
    "出售",
    "妈的",
    "码的",
]


# Findings the screen must let through, each a message of its own among the reviews.
EDGES = [
    "代开增值税发票",
    "代开个发票",
    "办假证件",
    "傻X",
    "X",
    "ᚠ台独",
    "台独ᚠ",
    "态度",
    "sb",
    "卖dupin",
    "傻 *",
]


@pytest.mark.parametrize("select", [None, ["WX1"]])
def test_check_many_gives_check_s_reports_on_real_reviews(select: list[str] | None) -> None:
    guard = Guard(select=select)
    texts = [t for pair in zip(REVIEWS, EDGES * 42, strict=False) for t in pair]
    expected = [guard.check(t) for t in texts]
    assert sum(bool(r.violations) for r in expected) > 300
    for chunk_size in (1, 7, 1024):
        assert list(guard.check_many(texts, chunk_size=chunk_size)) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), max_size=12),
    st.integers(1, 12),
)
def test_check_many_screens_no_finding_away(
    default_guard: Guard, texts: list[str], chunk_size: int
) -> None:
    assert list(default_guard.check_many(texts, chunk_size=chunk_size)) == [
        default_guard.check(t) for t in texts
    ]


def _family_texts() -> list[str]:
    """Messages with findings of every family, from each family's own cases and the catalog's
    examples, among the real reviews."""
    from wxguard import catalog

    from . import advertising_cases, inducement_cases, scam_cases, trade_cases

    cases = [
        *(t for t, _, _ in inducement_cases.POSITIVES),
        *inducement_cases.NEGATIVES,
        *(t for t, _, _ in scam_cases.POSITIVES),
        *scam_cases.NEGATIVES,
        *(t for t, _, _ in trade_cases.OFFERS),
        *trade_cases.TRAPS,
        *(t for t, _, _ in advertising_cases.POSITIVES),
        *(text for rule in catalog().rules for text in (rule.fail, rule.pass_)),
        "访问 http://example.com/a 领奖",
        "网址：www点example点com",
        # inducement with a part typed in pinyin: found only by reading the text by sound
        "帮我kan一刀，就差一个人了",
        "转fa到朋友圈领hong包",
    ]
    return [t for pair in zip(cycle(REVIEWS), cases, strict=False) for t in pair]


@pytest.mark.parametrize("family", ["WX2", "WX3", "WX4", "WX5", "WX6", "WX8"])
def test_a_family_s_screen_keeps_every_message_with_a_finding(family: str) -> None:
    """The families that screen a batch (links, inducement, advertising, persons, format,
    scams) give ``check``'s reports, on their own and in the whole Guard; a screen that
    dropped a message would lose its findings here."""
    texts = _family_texts()
    guard = Guard(select=[family])
    expected = [guard.check(t) for t in texts]
    assert sum(bool(r.violations) for r in expected) > 20
    assert list(guard.check_many(texts, chunk_size=64)) == expected


# Characters the batch views treat specially: the joining letter, decimal points and digits
# (a point is a decimal point only between digits), clause marks, an emoji (the clause view's
# exact path), capitals, loud symbols, line breaks.
VIEW_PIECES = [
    "ᚠ",
    ".",
    "．",
    "1",
    "。",
    "，",
    "!",
    "！",
    "😀",
    "A",
    "Ａ",
    "$",
    "\n",
    " ",
    "台",
    "a",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VIEW_PIECES), max_size=6).map("".join), max_size=8))
def test_a_batch_s_views_are_each_message_s(texts: list[str]) -> None:
    from wxguard.phrases.batch import Batch
    from wxguard.phrases.clauses import compact
    from wxguard.text.folding import fold_one_to_one

    batch = Batch(texts)
    assert batch.compacts == [compact(t) for t in texts]
    assert batch.foldeds == [fold_one_to_one(t) for t in texts]
    assert [
        batch.compact[a : a + len(c)]
        for a, c in zip(batch.compact_starts, batch.compacts, strict=True)
    ] == batch.compacts
    assert [
        batch.folded[a : a + len(t)] for a, t in zip(batch.starts, texts, strict=True)
    ] == batch.foldeds
