"""What a flat word list cannot say, in the word-list syntax: tiers, companion words, gaps
between parts, masked letters; and the matching around terms: repeats at a Latin word's
edges, numbers written both ways, sound-alikes of two-character terms. One table of texts
that must and must not fire per construct, traps included."""

from __future__ import annotations

from pathlib import Path

import pytest

from wxguard import Guard, Severity, Verdict, WordListError
from wxguard.config import load_config_file
from wxguard.families.content.terms import GAP_LETTERS

from .words import PATTERN_LISTS

LISTS = PATTERN_LISTS
GUARD = Guard(default_wordlists=False, wordlists=LISTS, select=["WX1"])

# text → (rule, severity, reported text, term as listed, techniques that must be reported);
# None: nothing at all.
Expected = tuple[str, Severity, str, str, set[str]] | None
E, W = Severity.ERROR, Severity.WARNING

GAPS: list[tuple[str, Expected]] = [
    ("代开增值税发票", ("WX106", E, "代开增值税发票", "代开{*}发票", set())),
    ("本公司代开各类发票，联系王会计", ("WX106", E, "代开各类发票", "代开{*}发票", set())),
    ("代开发票", ("WX106", E, "代开发票", "代开{*}发票", set())),
    ("代开123456发票", ("WX106", E, "代开123456发票", "代开{*}发票", set())),
    ("代开3.5个点发票", ("WX106", E, "代开3.5个点发票", "代开{*}发票", set())),  # a decimal point
    ("代 开 各 类 发 票", ("WX106", E, "代 开 各 类 发 票", "代开{*}发票", {"noise"})),
    ("代開各類發票", ("WX106", E, "代開各類發票", "代开{*}发票", {"traditional"})),
    ("出售各类发票代开", ("WX106", E, "出售各类发票", "出售{*}发票", set())),
    ("代开1234567发票", None),  # seven letters apart: too far
    ("代开增值税。发票", None),  # never across a sentence end
    ("代开增值税！发票", None),
    ("代开增值税\n发票", None),
    ("请开具发票", None),
    ("现代开发票据系统", None),  # 代开 straddles 现代 and 开发
    ("代开心果的发票", None),  # 代开 straddles 开心
    ("存100送100彩金", ("WX106", E, "存100送", "存{*}送", set())),
    ("存100送100", None),  # needs 彩金 or 流水
]

TIERS: list[tuple[str, Expected]] = [
    ("百家乐", ("WX103", E, "百家乐", "百家乐", set())),
    ("真人荷官在线发牌", ("WX103", W, "荷官", "荷官", set())),
    ("开户送彩金，网址见下", ("WX103", W, "开户", "开户", set())),
    ("银行开户需要身份证", None),
    ("网址在这里。开户送礼", None),  # the companion is in another sentence
    ("开户" + "，" * 10 + "要" * 95 + "网址", None),  # too far away within one sentence
    ("赌场注册就送", ("WX103", E, "赌场", "赌场", set())),
    ("澳门赌场一日游", None),
]

EDGES: list[tuple[str, Expected]] = [
    ("fuck", ("WX107", E, "fuck", "fuck", set())),
    ("fFuck", ("WX107", E, "fFuck", "fuck", {"stutter", "case"})),
    ("ffuck off", ("WX107", E, "ffuck", "fuck", {"stutter"})),
    ("fuckkk", ("WX107", E, "fuckkk", "fuck", {"stutter"})),
    ("FFUCKKK!", ("WX107", E, "FFUCKKK", "fuck", {"stutter", "case"})),
    ("fuckyou", None),
    ("fuckkkyou", None),
    ("sfuck", None),
]

NUMERALS: list[tuple[str, Expected]] = [
    ("一夜情", ("WX102", E, "一夜情", "一夜情", set())),
    ("找1夜情", ("WX102", E, "1夜情", "一夜情", {"numeral"})),
    ("6合彩", ("WX103", E, "6合彩", "六合彩", {"numeral"})),
    ("十八禁游戏", ("WX102", E, "十八禁", "18禁", {"numeral"})),
    ("18禁游戏", ("WX102", E, "18禁", "18禁", set())),
    ("首存送8百家乐", ("WX103", E, "百家乐", "百家乐", set())),  # 百 is no numeral here
    ("二十八禁", None),  # 28
    ("118禁", None),
    ("1对1辅导", None),
    ("一对一辅导", None),
    ("3P插头", None),
]

MASKS: list[tuple[str, Expected]] = [
    ("你个傻X", ("WX107", E, "傻X", "傻{逼}", {"masked"})),
    ("傻x吧", ("WX107", E, "傻x", "傻{逼}", {"masked"})),
    ("傻*", ("WX107", E, "傻*", "傻{逼}", {"masked"})),
    ("傻＊", ("WX107", E, "傻＊", "傻{逼}", {"masked"})),
    ("傻×", ("WX107", E, "傻×", "傻{逼}", {"masked"})),
    ("傻b", ("WX107", E, "傻b", "傻{逼}", {"masked-initial"})),
    ("草X妈", ("WX107", E, "草X妈", "草你妈", {"masked"})),  # inside a term: automatic
    ("草*妈的", ("WX107", E, "草*妈", "草你妈", {"masked"})),
    ("X你大爷", ("WX107", E, "X你大爷", "操你大爷", {"masked"})),  # at an edge: four characters
    ("这b超显示一切正常", None),  # B超, not 这逼
    ("拍个X光", None),
    ("傻X光", None),
    ("傻p", None),  # p is not 逼's initial
    ("傻bb", None),
    ("傻瓜", None),
    ("草地", None),
    ("草莓", None),
    ("请于x月x日的会议前报名", None),  # 狗日的 is three characters: no mask at its edges
    ("xx日的活动", None),
]

SOUNDS: list[tuple[str, Expected]] = [
    ("来堵博吧", ("WX109", W, "堵博", "赌博", {"homophone"})),
    ("一起去嫖昌", ("WX109", W, "嫖昌", "嫖娼", {"homophone"})),
    ("端正态度", None),  # a word
    ("我想读博", None),  # 读 dú, not 赌 dǔ
    ("我订了4件货", None),  # 件 is a common word by itself
    ("还没见货", None),
    ("大妈来了", None),
]


TABLES = {
    "gap": GAPS,
    "tier": TIERS,
    "edge": EDGES,
    "numeral": NUMERALS,
    "mask": MASKS,
    "sound": SOUNDS,
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(text, expected, id=f"{name}-{text[:12]}")
        for name, table in TABLES.items()
        for text, expected in table
    ],
)
def test_each_construct_fires_where_it_should_and_nowhere_else(
    text: str, expected: Expected
) -> None:
    found = GUARD.check(text).violations
    if expected is None:
        assert found == (), found
        return
    rule, severity, shown, term, techniques = expected
    assert [(v.rule, v.severity, v.text, v.term) for v in found] == [(rule, severity, shown, term)]
    assert techniques <= set(found[0].techniques), found[0].techniques


def test_numeral_traps_stay_clean_with_the_shipped_lists(default_guard: Guard) -> None:
    for text in ("1对1辅导", "一对一辅导", "3P插头", "二十八禁"):
        assert not [v for v in default_guard.check(text).violations if v.rule.startswith("WX1")], (
            text
        )


def test_the_gap_bound_is_six_letters_or_digits() -> None:
    assert GAP_LETTERS == 6
    assert GUARD.check("代开" + "各" * GAP_LETTERS + "发票").violations
    assert not GUARD.check("代开" + "各" * (GAP_LETTERS + 1) + "发票").violations


def test_messages_name_the_tier_and_the_companion_in_both_languages() -> None:
    zh = GUARD.check("真人荷官").violations[0].message
    assert "荷官" in zh and "复核" in zh
    en = (
        Guard(default_wordlists=False, wordlists=LISTS, lang="en")
        .check("真人荷官")
        .violations[0]
        .message
    )
    assert "荷官" in en and "review" in en
    report = GUARD.check("开户送彩金，网址见下")
    assert report.verdict is Verdict.REVIEW
    assert "「网址」" in report.violations[0].message and "复核" in report.violations[0].message
    block = GUARD.check("赌场注册就送").violations[0]
    assert "「注册」" in block.message and "复核" not in block.message
    en_block = (
        Guard(default_wordlists=False, wordlists=LISTS, lang="en")
        .check("赌场注册就送")
        .violations[0]
    )
    assert '"注册"' in en_block.message and "same sentence" in en_block.message
    assert GUARD.check("代开各类发票").violations[0].message == "违法交易敏感词「代开…发票」"


def test_the_nearest_companion_is_named() -> None:
    message = GUARD.check("真人视频开户送彩金请上网址").violations[0].message
    assert "「真人」" in message


def test_a_review_term_is_at_most_a_warning_and_follows_lowered_severities() -> None:
    assert GUARD.check("荷官").violations[0].severity is Severity.WARNING
    info = Guard(default_wordlists=False, wordlists=LISTS, severity={"WX103": "info"})
    assert info.check("荷官").violations[0].severity is Severity.INFO
    assert info.check("百家乐").violations[0].severity is Severity.INFO


def test_a_block_term_wins_over_a_review_term_on_the_same_text() -> None:
    guard = Guard(
        default_wordlists=False, words={"gambling": {"review": ["荷官"], "block": ["荷官"]}}
    )
    assert [v.severity for v in guard.check("荷官").violations] == [Severity.ERROR]


def test_tiers_and_syntax_given_in_code_and_in_config(tmp_path: Path) -> None:
    words = {
        "gambling": {"review": ["荷官", "开户 + 网址"]},
        "fraud": ["代开{*}发票"],
        "abuse": ["傻{逼}"],
    }
    in_code = Guard(default_wordlists=False, words=words, select=["WX1"])
    config = tmp_path / "wxguard.toml"
    config.write_text(
        'default-wordlists = false\nselect = ["WX1"]\n'
        '[words]\ngambling = { review = ["荷官", "开户 + 网址"] }\nfraud = ["代开{*}发票"]\nabuse = ["傻{逼}"]\n',
        "utf-8",
    )
    from_file = Guard(config=load_config_file(config))
    for guard in (in_code, from_file):
        assert [(v.rule, v.severity) for v in guard.check("荷官").violations] == [
            ("WX103", Severity.WARNING)
        ]
        assert [v.text for v in guard.check("开户请上网址").violations] == ["开户"]
        assert not guard.check("开户").violations
        assert [v.text for v in guard.check("代开各类发票").violations] == ["代开各类发票"]
        assert [v.text for v in guard.check("傻X").violations] == ["傻X"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[warn]", "unknown section [warn] (sections are [block], [review])"),
        ("开户 +", "no companion words after '+'"),
        ("开户 + 网址||彩票", "an empty companion word"),
        ("开户 + 网{*}址", "companion '网{*}址' holds syntax characters"),
        ("开户 + ！！", "companion '！！' has no letters or digits"),
        ("{*}发票", "needs letters on both sides"),
        ("代开{*}", "needs letters on both sides"),
        ("代开{*}{*}发票", "needs letters on both sides"),
        ("傻{逼逼}", "braces hold '*' (a gap) or one letter that may be masked"),
        ("傻{}", "braces hold '*' (a gap) or one letter"),
        ("傻{逼", "unmatched '{'"),
        ("傻逼}", "unmatched '}'"),
        ("[真太]他妈", "brackets only make section lines"),
        ("赌博|赌场", "alternatives are companion words after '+'"),
        ("代{开}{*}发票", "either gaps or masked letters, not both"),
        ("{赌}", "single-character term"),
    ],
)
def test_bad_syntax_names_file_line_and_problem(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "mine.txt"
    path.write_text(f"# category: gambling\n百家乐\n\n{line}\n", "utf-8")
    with pytest.raises(WordListError) as err:
        Guard(default_wordlists=False, wordlists=[path])
    assert str(err.value).startswith(f"{path}:4: ")
    assert problem in str(err.value)


@pytest.mark.parametrize("line", ["[review]", "代开{*}发票", "傻{逼}", "开户 + 网址"])
def test_an_allow_list_takes_plain_phrases_only(tmp_path: Path, line: str) -> None:
    path = tmp_path / "allow.txt"
    path.write_text(f"# category: allow\n消毒品牌\n{line}\n", "utf-8")
    with pytest.raises(WordListError, match=rf"^{path}:3: .*(allow list)"):
        Guard(default_wordlists=False, wordlists=[path])


def test_bad_tier_in_code_names_where() -> None:
    with pytest.raises(WordListError, match=r"words\['gambling'\]\['warn'\]: unknown tier 'warn'"):
        Guard(default_wordlists=False, words={"gambling": {"warn": ["荷官"]}})
    with pytest.raises(
        WordListError, match=r"words\['gambling'\]\['review'\]\[1\]: .*needs letters on both sides"
    ):
        Guard(default_wordlists=False, words={"gambling": {"review": ["荷官", "{*}网址"]}})
