"""WX6 format rules: one table per rule, boundaries, configuration and invariants."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wxguard import Attachment, ConfigError, Guard, Message, catalog
from wxguard.errors import MessageError

FORMAT = Guard(select=["WX6"])
KEYWORDS = Guard(select=["WX6"], campaign_keywords=["双十一", "VIP"])
MIB = 1024 * 1024
FAMILY = "👨\u200d👩\u200d👧\u200d👦"  # seven code points, one character


def found(guard: Guard, text: str | Message, rule: str) -> list[tuple[int, int]]:
    return [(v.start, v.end) for v in guard.check(text).violations if v.rule == rule]


# -- WX601 length ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("好" * 1500, []),
        ("好" * 1501, [(1500, 1501)]),
        ("好" * 1499 + FAMILY, []),  # 1,506 code points, 1,500 characters
        ("好" * 1500 + "🇨🇳", [(1500, 1502)]),  # the flag is the 1,501st character
        ("好" * 1500 + "\r\n", [(1500, 1502)]),  # CR LF reads as one line break
        ("好" * 1400 + "e\u0301" * 100, []),  # e + combining accent is one character
        ("a" * 2000, [(1500, 2000)]),
    ],
)
def test_wx601_counts_characters_as_the_reader_sees_them(
    text: str, spans: list[tuple[int, int]]
) -> None:
    assert found(FORMAT, text, "WX601") == spans


def test_wx601_reports_length_and_limit() -> None:
    v = FORMAT.check("好" * 1600).violations[0]
    assert (
        v.rule == "WX601"
        and v.severity.value == "error"
        and "1600" in v.message
        and "1500" in v.message
    )
    assert v.text == "好" * 100


def test_an_over_long_notice_is_held_back_as_undeliverable_not_as_a_violation() -> None:
    """New-user trial s12: a long notice 'blocks like a drug sale'. The sources give one fact
    about length, a limit of 1,500 characters a message (seed: 单条长度限制), and no penalty:
    the message cannot go out whole, so it is held back (an error, as an attachment over
    25 MB is), and its consequence says it breaks no rule."""
    notice = "各位业主：" + "本周六上午九点小区停水检修，请提前储水。" * 80
    (v,) = Guard().check(notice).violations
    assert (v.rule, v.severity.value) == ("WX601", "error")
    assert v.consequence.startswith("不违规、无处罚")
    (en,) = Guard(lang="en").check(notice).violations
    assert en.consequence.startswith("no violation and no penalty")
    video = Message(text="视频", attachments=[Attachment(kind="video", size_bytes=30 * MIB)])
    (v,) = FORMAT.check(video).violations
    assert (v.rule, v.severity.value) == ("WX606", "error")
    assert v.consequence.startswith("不违规、无处罚")


# -- WX602 paragraphs -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("一\n二\n三\n四", []),
        ("一\n二\n三\n四\n五", [(0, 9)]),
        ("  一\n二\n三\n四\n五  \n", [(2, 11)]),
        ("一\n二\n\n三\n四\n五", []),
        ("一\n二\n \t\n三\n四\n五", []),  # a whitespace-only line separates paragraphs too
        ("一\r\n二\r\n三\r\n四\r\n五", [(0, 13)]),
        ("甲\n\n一\n二\n三\n四\n五\n\n乙", [(3, 12)]),
        ("一句很长很长的话" * 40, []),  # hard lines only: wrapping depends on the phone
    ],
)
def test_wx602_paragraph_over_four_lines(text: str, spans: list[tuple[int, int]]) -> None:
    assert found(FORMAT, text, "WX602") == spans


# -- WX603 all caps -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("BUY NOW LIMITED OFFER TODAY", [(0, 27)]),
        ("限时 FREE SHIPPING 包邮", [(3, 16)]),
        ("ＦＲＥＥ ＳＨＩＰＰＩＮＧ", [(0, 13)]),
        ("ATTENTION 请注意", [(0, 9)]),
        ("DON'T MISS IT", [(0, 13)]),
        ("SALE! SALE! SALE!", [(0, 16)]),
        ("Buy now, limited offer today", []),
        ("VIP APP NBA", []),  # acronyms only
        ("新款 iPHONE", []),
        ("BUY NOW", []),  # 6 letters
        ("WELCOME", []),  # 7 letters
        ("CCTV NBA 直播", []),
        ("LIMITED offer", []),  # one word of 7 letters; "offer" is not caps
        # a redaction mask is a placeholder, not shouting (new-user trial s15)
        ("税号91310000XXXXXXXX。", []),
        ("卡号 XXXX XXXX XXXX", []),
        ("ＸＸＸＸＸＸＸＸ", []),
        ("VIP XXXXXXXX", []),  # 3 letters beside the mask
        ("FREE SHIPPING XXXXXXXX", [(0, 22)]),  # shouting beside a mask still is
        ("XXXXXXXXL", [(0, 9)]),  # a word with other letters is no mask
    ],
)
def test_wx603_all_caps_shouting(text: str, spans: list[tuple[int, int]]) -> None:
    assert found(FORMAT, text, "WX603") == spans


# -- WX604 dense symbols --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("限时抢购！！！！！！", [(4, 10)]),
        ("大促!!!!", [(2, 6)]),
        ("只要￥￥￥", [(2, 5)]),
        ("好评★★★", [(2, 5)]),
        ("什么？？？？", [(2, 6)]),
        ("真的!?!?", [(2, 6)]),
        ("$$$ 赚钱", [(0, 3)]),
        ("赚钱！$$", [(2, 5)]),  # a symbol among the marks: three count
        # three sentence marks are everyday emphasis (newuser-s12), and full-width dots,
        # asterisks and backticks are as calm as their ASCII forms
        ("谁偷吃了我放冰箱的蛋糕！！！我要报警了😤", []),
        ("什么？？？", []),
        ("大促!!!", []),
        ("真的!?!", []),
        ("然后．．．．．．", []),
        ("＊＊＊注意＊＊＊", []),
        ("```", []),
        ("限时抢购！", []),
        ("真的吗！！", []),
        ("然后……", []),
        ("然后......", []),
        ("——破折号——", []),
        ("手机 138****5678", []),
        ("### 标题", []),
        ("https://example.com/a", []),
        ("==========", []),
        ("━━━━━━", []),
        ("～～～", []),
        ("（见附件）】。", []),
        ("🎉🎉🎉", []),  # emoji are WX605's
    ],
)
def test_wx604_dense_symbols(text: str, spans: list[tuple[int, int]]) -> None:
    assert found(FORMAT, text, "WX604") == spans


# -- WX605 emoji ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("🎉🎉🎉🎉🎉🎉🎉🎉", [(0, 8)]),
        ("活动开始🎉🎉🎉🎉🎉", [(4, 9)]),
        ("活动开始🎉 🎉 🎉 🎉 🎉！", [(4, 13)]),
        ("活动开始🎉🎉🎉🎉", []),
        ("活动开始啦🎉", []),
        ("👍👍👍", [(0, 3)]),  # a message of nothing but emoji
        (" 👍 👍 👍 ", [(1, 6)]),
        ("👍👍", []),
        ("好" + FAMILY * 4, []),  # four characters, not 28
        ("好" + FAMILY * 5, [(1, 36)]),
        ("🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳 国庆", [(0, 10)]),
        ("©®™ 公司", []),  # symbols, not emoji
    ],
)
def test_wx605_emoji_flood(text: str, spans: list[tuple[int, int]]) -> None:
    assert found(FORMAT, text, "WX605") == spans


# -- WX606 / WX607 attachments --------------------------------------------------------
@pytest.mark.parametrize(
    ("attachments", "wx606", "wx607"),
    [
        ([Attachment(kind="image", size_bytes=25 * MIB)], False, False),
        ([Attachment(kind="image", size_bytes=25 * MIB + 1)], True, False),
        ([Attachment(kind="video", size_bytes=30 * MIB, duration_s=300)], True, True),
        ([Attachment(kind="video", size_bytes=1 * MIB, duration_s=180)], False, False),
        ([Attachment(kind="video", size_bytes=1 * MIB, duration_s=180.5)], False, True),
        ([Attachment(kind="video", size_bytes=1 * MIB)], False, False),  # duration unknown
        (
            [Attachment(kind="file", size_bytes=100 * MIB)],
            False,
            False,
        ),  # the seed's limit is for images and videos
        ([Attachment(kind="audio", size_bytes=30 * MIB, duration_s=600)], False, False),
    ],
)
def test_wx606_wx607_attachments(attachments: list[Attachment], wx606: bool, wx607: bool) -> None:
    report = FORMAT.check(Message(text="请查收", attachments=tuple(attachments)))
    rules = {v.rule for v in report.violations}
    assert ("WX606" in rules, "WX607" in rules) == (wx606, wx607)
    for v in report.violations:  # about the message as a whole: the empty span at 0
        assert (v.start, v.end, v.text) == (0, 0, "")


def test_attachment_findings_name_the_files_and_measure_the_worst() -> None:
    report = FORMAT.check(
        Message(
            text="素材",
            attachments=(
                Attachment(kind="video", size_bytes=30 * MIB, duration_s=200, name="a.mp4"),
                Attachment(kind="image", size_bytes=40 * MIB, name="b.png"),
                Attachment(kind="video", size_bytes=1 * MIB, duration_s=320, name="c.mp4"),
            ),
        )
    )
    by_rule = {v.rule: v for v in report.violations}
    assert by_rule["WX606"].term == "a.mp4, b.png" and "40.0MB" in by_rule["WX606"].message
    assert by_rule["WX607"].term == "a.mp4, c.mp4" and "5:20" in by_rule["WX607"].message
    assert by_rule["WX607"].severity.value == "info" and by_rule["WX606"].severity.value == "error"


def test_negative_sizes_and_durations_are_refused() -> None:
    with pytest.raises(MessageError, match=r"^Attachment\.size_bytes: .*\(given -1\)$"):
        Attachment(kind="image", size_bytes=-1)
    with pytest.raises(MessageError, match=r"^Attachment\.duration_s: .*\(given -3\)$"):
        Attachment(kind="video", duration_s=-3)
    with pytest.raises(MessageError, match=r"^Attachment\.kind: .*\(given 'gif'\)$"):
        Attachment(kind="gif")  # type: ignore[arg-type]


# -- WX608 title keyword --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("大家好，今天给大家带来一个好消息：双十一预售开始", [(0, 12)]),
        ("双十一预售开始，今晚八点准时开抢", []),
        ("今晚八点，一年一度双十一来了", []),  # 双十一 ends at character 12
        ("今晚八点，一年一度的双十一来了", [(0, 12)]),  # its 一 is the 13th character
        ("\n\n  雙十一預售開始", []),  # traditional folds to the keyword
        ("ｖｉｐ专享：会员日", []),  # full-width, lower case
        ("会员日\n双十一预售", [(0, 3)]),  # the title is the first line
        ("🎉" * 9 + "双十一", []),  # an emoji is one character
        (FAMILY * 9 + "双十一", []),
        ("🎉" * 10 + "双十一", [(0, 12)]),
        ("   ", []),
    ],
)
def test_wx608_title_keyword(text: str, spans: list[tuple[int, int]]) -> None:
    assert found(KEYWORDS, text, "WX608") == spans


def test_wx608_is_silent_without_configured_keywords() -> None:
    assert found(FORMAT, "大家好，今天给大家带来一个好消息", "WX608") == []


# -- configuration --------------------------------------------------------------------
def test_thresholds_are_configurable() -> None:
    loose = Guard(
        select=["WX6"],
        format={
            "paragraph-lines": 6,
            "symbol_run": 5,
            "caps-letters": 20,
            "emoji-run": 9,
            "emoji-only": 9,
            "video-seconds": 600,
            "title-chars": 20,
        },
        profiles={"wechat": {"text-limit": 2000, "media-size-mb": 100}},
    )
    text = "一\n二\n三\n四\n五\n！！！！ BUY NOW LIMITED 🎉🎉🎉🎉🎉🎉 " + "好" * 1600
    assert (
        loose.check(
            Message(
                text=text,
                attachments=(Attachment(kind="video", size_bytes=50 * MIB, duration_s=500),),
            )
        ).violations
        == ()
    )
    strict = Guard(select=["WX6"], campaign_keywords=["预售"], format={"title-chars": 2})
    assert found(strict, "预售开始", "WX608") == [] and found(strict, "双十一预售", "WX608") == [
        (0, 2)
    ]


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"format": {"paragraph-lines": 0}}, "format.paragraph-lines"),
        ({"format": {"symbol-run": 1}}, "format.symbol-run"),
        ({"format": {"paragraph-line": 3}}, "format.paragraph-line"),
        ({"format": {"video-seconds": "long"}}, "format.video-seconds"),
        ({"campaign_keywords": ["双十一", " "]}, "campaign-keywords"),
        ({"campaign_keywords": "双十一"}, "campaign-keywords"),
    ],
)
def test_bad_format_settings_name_the_key(kwargs: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError, match="^" + key.replace("-", "[-_]")):
        Guard(**kwargs)  # type: ignore[arg-type]


# -- catalog examples and invariants --------------------------------------------------
@pytest.mark.parametrize("code", sorted(catalog().codes("WX6")))
def test_catalog_examples(code: str) -> None:
    rule = catalog().get(code)
    if not rule.fail.startswith("（"):  # parentheses describe a context a text cannot carry
        assert code in {v.rule for v in Guard().check(rule.fail).violations}
    if not rule.pass_.startswith("（"):
        assert code not in {v.rule for v in Guard().check(rule.pass_).violations}


@given(
    st.text(
        st.sampled_from("好aA Z!！￥★🎉👍\u200d\ufe0f\U0001f3fd\n\r\t。…*#e\u0301🇨")
        | st.characters(),
        max_size=120,
    )
)
def test_any_text_gives_spans_inside_the_original(text: str) -> None:
    for v in KEYWORDS.check(text).violations:
        assert 0 <= v.start <= v.end <= len(text) and text[v.start : v.end] == v.text


@pytest.mark.parametrize(
    "text",
    [
        "A " * 50_000 + "a",
        "A" * 100_000 + "a",
        "!" * 100_000,
        "🎉 " * 50_000,
        "好\n" * 50_000,
        "好" * 200_000,
    ],
)
def test_pathological_inputs_stay_fast(text: str) -> None:
    begin = time.process_time()  # CPU time: a busy machine made wall time fail at 0.2 s of work
    FORMAT.check(text)
    assert time.process_time() - begin < 2.0
