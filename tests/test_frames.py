"""The frame judge (issue 14): notices, news and lessons that name what they warn against are
not offers; solicitations dressed as warnings stay errors. WX3 and WX8 judge their own
warnings (tests/data/inducement, test_scams); the notices here hold them to no error too."""

from __future__ import annotations

import functools
import json
import tomllib
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wxguard import Guard, Severity, Verdict, WordListError
from wxguard.catalog import catalog
from wxguard.frames import Quotes

from .clitools import Cli
from .strategies import MIXED

DATA = Path(__file__).parent / "data" / "frames.toml"
SETS = tomllib.loads(DATA.read_text(encoding="utf-8"))
NOTICES = [(name, line) for name, table in SETS.items() for line in table.get("notices", [])]
SOLICITATIONS = [line for table in SETS.values() for line in table.get("solicitations", [])]


@pytest.fixture(scope="module")
def judged() -> Guard:
    return Guard()


@pytest.fixture(scope="module")
def unjudged() -> Guard:
    return Guard(frames=False)


def _errors(guard: Guard, text: str) -> list[tuple[str, int, int]]:
    return sorted(
        (v.rule, v.start, v.end)
        for v in guard.check(text).violations
        if v.severity is Severity.ERROR
    )


def test_the_sets_are_large_and_cover_every_kind_of_sender() -> None:
    assert len(NOTICES) >= 200 and len(SOLICITATIONS) >= 50
    assert {
        "anti-drug",
        "anti-fraud",
        "anti-gambling",
        "anti-porn",
        "police",
        "school",
        "news",
        "court",
    } <= set(SETS)


@pytest.mark.parametrize(("kind", "text"), NOTICES)
def test_a_notice_gets_no_error_and_what_it_names_is_judged_not_missed(
    judged: Guard, unjudged: Guard, kind: str, text: str
) -> None:
    report = judged.check(text)
    assert [v.rule for v in report.violations if v.severity is Severity.ERROR] == []
    plain = unjudged.check(text).violations
    assert {(v.rule, v.start) for v in plain} <= {(v.rule, v.start) for v in report.violations}
    lowered = {
        (v.rule, v.start)
        for v in plain
        if v.rule.startswith("WX1") and v.severity is Severity.ERROR
    }
    framed = {(v.rule, v.start) for v in report.violations if v.frame is not None}
    assert lowered <= framed, f"{kind}: {text!r}"


def test_most_notices_name_something_a_rule_flags(unjudged: Guard) -> None:
    flagged = [text for _, text in NOTICES if _errors(unjudged, text)]
    assert len(flagged) >= 0.9 * len(NOTICES)


@pytest.mark.parametrize("text", SOLICITATIONS)
def test_a_solicitation_dressed_as_a_warning_keeps_its_errors(
    judged: Guard, unjudged: Guard, text: str
) -> None:
    before = _errors(unjudged, text)
    assert before, f"no rule flags {text!r}: the case tests nothing"
    assert _errors(judged, text) == before
    assert judged.check(text).verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    ("text", "verdict", "kind", "cue"),
    [
        ("6·26禁毒日，让我们一起向毒品说不。请大家不要吸毒", Verdict.PASS, "warning", "不要"),
        ("反诈提醒：不要轻信代开发票的广告", Verdict.PASS, "warning", "不要"),
        ("社区提醒：说能办假证的都是骗子", Verdict.PASS, "warning", "说能"),
        ("社区提醒：办假证的都是骗子", Verdict.PASS, "warning", "骗子"),
        ("【禁毒宣传】冰毒、海洛因都是毒品", Verdict.PASS, "campaign", "禁毒"),
        ("毒品的危害：长期吸毒会导致精神失常", Verdict.PASS, "education", "危害"),
        ("据报道，男子在网上出售冰毒", Verdict.REVIEW, "report", "据报道"),
        ("据报道，男子在网上出售冰毒被警方抓获", Verdict.PASS, "outcome", "抓获"),
        ("新闻《女子遭轮奸》引发热议", Verdict.REVIEW, "report", "《女子遭轮奸》"),
        ("我从来不吸毒", Verdict.REVIEW, "negation", "从来不"),
        ("这群怎么天天有人发代开发票的，群主管管啊", Verdict.PASS, "complaint", "有人发"),
        # a film's plot is told, not offered, and is no news report (new-user trial s16)
        ("这部电影讲的是卧底打入贩毒集团的故事。", Verdict.PASS, "fiction", "电影讲的是"),
        ("电影同款冰毒出售", Verdict.REVIEW, "work", "电影"),
    ],
)
def test_the_frame_lowers_the_verdict_and_the_message_names_it(
    judged: Guard, text: str, verdict: Verdict, kind: str, cue: str
) -> None:
    report = judged.check(text)
    assert report.verdict is verdict
    framed = [v for v in report.violations if v.frame is not None]
    assert framed and {v.frame for v in framed} == {kind}
    assert any(f"「{cue}」" in v.message for v in framed)


def test_english_messages_name_the_frame_too() -> None:
    (v,) = Guard(lang="en").check("请大家不要吸毒").violations
    assert v.frame == "warning" and '"不要"' in v.message and v.severity is Severity.INFO


@pytest.mark.parametrize(
    "text",
    [
        "出售冰毒",
        "提醒：货到了，要冰毒的私聊",
        "反诈提醒：代开发票，联系13812345678",
        "严禁外传：摇头丸新货，有需要的私聊",
    ],
)
def test_real_solicitation_is_blocked_in_any_frame(judged: Guard, text: str) -> None:
    assert judged.check(text).verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("新闻：百家乐线上平台注册送88，每天返水", Verdict.BLOCK),
        ("新闻：代开各类发票，联系微信xxxx", Verdict.BLOCK),
        ("警方破获一起百家乐网络赌博案，涉案金额达3000万元", Verdict.PASS),
        ("据报道，某团伙代开发票被判刑", Verdict.PASS),
        ("据报道，某团伙代开发票", Verdict.REVIEW),
    ],
)
def test_news_lowers_a_report_but_not_an_offer_it_heads(
    judged: Guard, text: str, verdict: Verdict
) -> None:
    """A bonus deal or a seller's contact under 新闻： is the offer itself (issue 14)."""
    assert judged.check(text).verdict is verdict


def test_an_official_hotline_does_not_defeat_a_notice(judged: Guard) -> None:
    assert judged.check("发现吸毒贩毒线索，请拨打举报电话110").verdict is Verdict.PASS
    assert judged.check("吸毒请联系我，电话13812345678").verdict is Verdict.BLOCK


def test_a_curse_stays_a_curse_after_a_prohibition(judged: Guard) -> None:
    assert judged.check("别装逼了").verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "你个傻逼",
        '骂你"傻逼"怎么了',
        "“傻逼”说的就是你",
        "你就是个“傻逼”",
        "我骂人傻逼怎么了",
        "请大家不要吸毒，你个傻逼",
        "反诈提醒：傻逼才信刷单",
        "你就是个《傻逼》",  # a title frames only the judged rules
    ],
)
def test_a_curse_said_at_someone_stays_a_curse_quoted_or_not(judged: Guard, text: str) -> None:
    assert ("WX107", Severity.ERROR) in {
        (v.rule, v.severity) for v in judged.check(text).violations
    }


def test_a_rebuke_lowers_only_the_curse_it_names() -> None:
    """谁…骂人 names someone else's curse; the sender's own curse after it stays."""
    report = Guard().check("谁在群里骂人傻逼，我就骂他傻逼")
    assert [(v.severity, v.frame) for v in report.violations if v.rule == "WX107"] == [
        (Severity.INFO, "complaint"),
        (Severity.ERROR, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "据报道，该男子在群里辱骂他人“你这个狗东西”，被警方行政拘留",
        "新闻：男子在业主群骂邻居“傻X群主”被拘",
        "被告人公然辱骂对方“你真是个废物”",
    ],
)
def test_a_news_report_of_someones_curse_lowers_it(text: str) -> None:
    """The man who cursed is the subject of 辱骂 (new-user trial s16: news quotes blocked)."""
    report = Guard().check(text)
    assert [(v.rule, v.severity, v.frame) for v in report.violations] == [
        ("WX107", Severity.INFO, "complaint")
    ]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("网友怒骂：这种人贩子他全家都不得好死", "complaint"),  # review s16: a warning
        ("网友纷纷痛骂：这种骗子他全家不得好死", "complaint"),
        ("这部剧里那个反派说“他全家都不得好死”，编剧太狠了", "fiction"),
        ("电影里的反派骂道“你这个狗东西”，演得真好", "fiction"),
        ("剧中反派的台词“他全家都不得好死”太狠了", "fiction"),
    ],
)
def test_readers_anger_reported_or_a_villains_line_lowers_the_curse(text: str, frame: str) -> None:
    """The curse is someone else's words: readers' in a report, a character's in a plot
    (review s16)."""
    report = Guard().check(text)
    assert [(v.rule, v.severity, v.frame) for v in report.violations] == [
        ("WX107", Severity.INFO, frame)
    ]


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("他全家都不得好死", Severity.WARNING),  # no one else's words
        ("你全家不得好死，网友怒骂", Severity.ERROR),  # the cue after the curse
        ("剧里那个反派说得对，你个傻逼", Severity.ERROR),  # the sender's own, a clause later
    ],
)
def test_a_curse_before_the_cue_or_outside_the_villains_clause_stays(
    text: str, severity: Severity
) -> None:
    report = Guard().check(text)
    assert [(v.rule, v.severity, v.frame) for v in report.violations] == [("WX107", severity, None)]


def test_propaganda_borrowing_court_words_is_not_framed(judged: Guard) -> None:
    text = "超过二十万人向最高检察院控告起诉，法轮大法好"
    assert any(
        v.rule == "WX101" and v.severity is Severity.ERROR for v in judged.check(text).violations
    )
    assert judged.check("反邪教宣传：揭穿法轮功的欺骗本质").verdict is Verdict.PASS


@pytest.mark.parametrize(
    "text",
    [
        "请大家不要吸毒",  # WX1, judged in the engine
        "反诈：下载APP领红包的都是骗子",  # WX3, judged while it matches
        "警方提示：不要相信要求把钱转入安全账户的电话。",  # WX8, judged while it matches
        "谨防上门服务类诈骗：美女、包夜等信息都是骗局",  # WX1 trade offers
    ],
)
def test_frames_off_restores_the_plain_severity_in_every_family(text: str) -> None:
    judged = Guard().check(text)
    assert judged.verdict is Verdict.PASS and all(v.frame for v in judged.violations)
    plain = Guard(frames=False).check(text)
    assert plain.verdict is Verdict.BLOCK and not any(v.frame for v in plain.violations)


def test_users_extend_the_frames_with_their_phrase_files(tmp_path: Path) -> None:
    text = "平安夜巡逻：海洛因"
    assert Guard().check(text).verdict is Verdict.BLOCK
    path = tmp_path / "mine.toml"
    path.write_text('[frames]\ncampaign = ["平安夜巡逻"]\n', encoding="utf-8")
    report = Guard(phrases=[path]).check(text)
    assert report.verdict is Verdict.PASS and report.violations[0].frame == "campaign"


def test_an_unknown_frame_bank_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[frames]\n\ncampagne = ["平安夜巡逻"]\n', encoding="utf-8")
    with pytest.raises(WordListError, match=r"mine\.toml:3.*campagne"):
        Guard(phrases=[path])


def test_a_governed_bank_read_in_the_whole_message_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cue governs the clauses of its sentence: the judge's index of them would not cover
    a governed bank read in the whole message, so the bank file says so at load."""
    from wxguard import frames

    real = frames.bundled_family

    def patched(family: str) -> Any:
        data, sources = real(family)
        data = {**data, "kinds": {**data["kinds"]}}
        data["kinds"]["warning"] = {**data["kinds"]["warning"], "governed": ["offer", "contact"]}
        return data, sources

    monkeypatch.setattr(frames, "bundled_family", patched)
    with pytest.raises(WordListError, match=r"kinds\.warning\.governed: contact"):
        frames._build(())


@pytest.mark.parametrize(
    "text",
    [
        "【新闻】出售冰毒",
        "【新闻】出售冰毒，货到付款，私聊",
        "[新闻] 有人出售海洛因",
        # a report's words in the next sentence do not make an offer a report
        "【新闻】出售冰毒。不怕警方查",
        "【新闻】男子出售冰毒，货到付款。警方已将其抓获",
        "出售冰毒。据报道最近很紧俏，私聊",
        "【新闻】出售冰毒。绝不会被抓",
    ],
)
def test_a_sale_under_a_news_tag_is_an_offer_dressed_as_news(judged: Guard, text: str) -> None:
    assert judged.check(text).verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "《出售冰毒》",
        "据报道，男子在网上出售冰毒",
        # the source told in the next sentence or the one before
        "男子出售摇头丸。据悉，此案仍在进一步审理中",
        "【新闻】《男子出售冰毒》。详见今日晚报",
    ],
)
def test_news_that_tells_of_a_sale_stays_a_report(judged: Guard, text: str) -> None:
    report = judged.check(text)
    assert report.verdict is Verdict.REVIEW and report.violations[0].frame == "report"


@pytest.mark.parametrize(
    "text",
    [
        "【新闻】男子出售冰毒被判刑",
        "新闻：男子在网上出售冰毒，被警方抓获",
        # new-user trial, session 6
        "据报道，男子网购冰毒被警方抓获，已被刑事拘留",
        "法院判决：被告人因贩卖假发票被判处有期徒刑三年",
        "某明星因吸毒被拘，相关作品已下架",
        # the arrest or the sentence told in the next sentence or the one before
        "【新闻】男子出售冰毒。警方已将其抓获",
        "【新闻】一男子在网上出售冰毒。目前该男子已被抓获",
        "男子出售冰毒。一审被判有期徒刑七年",
        "某地破获一起贩毒团伙案。嫌疑人通过网络出售冰毒和K粉",
        "据报道，一男子在出租屋内贩卖冰毒。该男子已被刑事拘留",
        "本报讯 一男子在网上出售海洛因。警方顺藤摸瓜，抓获下线12人",
        "新闻标题：《男子出售冰毒被抓》",
        "【新闻】《出售冰毒的他，被判了十年》",
        "据报道，警方昨日破获一起案件。一男子在网上出售冰毒",
        "一男子在网上出售冰毒。据报道，该男子已落网",
    ],
)
def test_news_of_an_arrest_or_a_sentence_is_information(judged: Guard, text: str) -> None:
    """A case the police or a court closed is told, not offered (new-user trial, session 6:
    news was review while anti-drug slogans were info)."""
    report = judged.check(text)
    assert report.verdict is Verdict.PASS
    assert {v.frame for v in report.violations} == {"outcome"}


def test_a_told_bank_outside_the_defeaters_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from wxguard import frames

    real = frames.bundled_family

    def patched(family: str) -> Any:
        data, sources = real(family)
        data = {**data, "kinds": {**data["kinds"]}}
        data["kinds"]["negation"] = {**data["kinds"]["negation"], "told": ["official"]}
        return data, sources

    monkeypatch.setattr(frames, "bundled_family", patched)
    with pytest.raises(WordListError, match=r"kinds\.negation\.told: official is not in"):
        frames._build(())


def test_the_frame_is_in_the_json_report(judged: Guard) -> None:
    data = judged.check("请大家不要吸毒").model_dump(mode="json")
    assert data["violations"][0]["frame"] == "warning"


@given(MIXED)
def test_the_judge_never_raises_nor_moves_a_finding(text: str) -> None:
    plain = _FRAMELESS.check(text).violations
    framed = _JUDGED.check(text).violations
    assert [(v.rule, v.start, v.end) for v in framed] == [(v.rule, v.start, v.end) for v in plain]
    assert all(a.severity.rank <= b.severity.rank for a, b in zip(framed, plain, strict=True))


@given(
    st.sampled_from([line for _, line in NOTICES]),
    st.sampled_from(["要的私聊", "加我微信", "有货，找我"]),
)
def test_the_sender_asking_to_be_reached_defeats_any_notice(line: str, offer: str) -> None:
    text = f"{line}。{offer}"
    judged = [e for e in _errors(_JUDGED, text) if e[0].startswith("WX1")]
    assert judged == [e for e in _errors(_FRAMELESS, text) if e[0].startswith("WX1")]


_JUDGED = Guard()
_FRAMELESS = Guard(frames=False)


_NOTICE = "请大家远离冰毒\n"
_BAN = catalog().get("WX104").consequence_zh


@pytest.mark.parametrize(
    "fmt", ["concise", "full", "json", "json-lines", "sarif", "github", "html"]
)
def test_a_judged_finding_carries_its_frame_not_the_rules_penalty(cli: Cli, fmt: str) -> None:
    """A warning against drugs is told it was judged and why, with no ban and no 'delete it'
    (the rule's own consequence stays in SARIF's rule descriptions, not on the result)."""
    if fmt == "html":
        out = Guard().check(_NOTICE).to_html()
    else:
        result = cli("check", "-", "--output-format", fmt, stdin=_NOTICE)
        assert result.code == 0, result.err
        out = result.out
    if fmt == "sarif":
        (found,) = json.loads(out)["runs"][0]["results"]
        out = json.dumps(found, ensure_ascii=False)
        assert found["level"] == "note" and found["properties"]["frame"] == "warning"
    assert "「远离」" in out and "劝阻或警示" in out
    assert _BAN not in out and "删除该内容" not in out
    if fmt != "concise" and fmt != "github":
        assert "无需修改" in out
    if fmt in ("full", "json", "json-lines", "sarif"):
        assert "无处罚：劝阻或警示中提到该内容不是违规" in out


def test_a_review_level_frame_names_the_penalty_only_as_what_follows_if_it_is_no_report() -> None:
    (v,) = Guard().check("据报道，男子在网上出售冰毒").violations
    assert v.severity is Severity.WARNING and v.frame == "report"
    assert v.consequence.startswith("待人工确认：确为新闻或司法报道的无处罚；若实为传播或推销，则")
    assert v.consequence.endswith(_BAN) and v.suggestion == "确认是报道后可照发；否则删除该内容"
    (plain,) = Guard(frames=False).check("据报道，男子在网上出售冰毒").violations
    assert plain.consequence == _BAN and plain.suggestion == "删除该内容"


def test_trafficking_named_beside_drugs_is_no_sale(judged: Guard) -> None:
    """COLD: 严惩强奸犯、拐卖儿童、盗窃、贩毒犯人 was an error: the 卖 of 拐卖 read as a sale
    in a clause the warning did not govern."""
    (v,) = judged.check("严惩强奸犯、拐卖儿童、盗窃、贩毒犯人的最佳办法").violations
    assert (v.rule, v.severity, v.frame) == ("WX104", Severity.INFO, "warning")
    assert judged.check("拐卖儿童、出售冰毒，私聊").verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "看到“出售银行卡、收购电话卡”的信息请举报，买卖两卡违法。",
        "反诈提醒：凡是让你出售银行卡、出租电话卡的都是违法的",
        "警惕！有人在群里发“出售冰毒”的信息，请大家不要理会并举报",
        "【反诈】不要出租出借银行卡，出售银行卡是违法行为",
        "刚有人打电话说是京东金融的客服，说要关闭我的学生贷款否则影响征信，骗子套路，大家小心",
    ],
)
def test_an_anti_fraud_notice_passes_with_no_ad_label_asked(judged: Guard, text: str) -> None:
    """A list of quoted items is governed as one clause, a quoted offer is cited, and a
    campaign tag (【反诈】) is no sender's signature."""
    report = judged.check(text)
    assert report.verdict is Verdict.PASS, [(v.rule, v.severity) for v in report.violations]
    assert not [v for v in report.violations if v.rule.startswith("WX4")]


def test_a_users_own_term_is_never_a_cue() -> None:
    """README's 套路贷 holds the debunking cue 套路: it made 办假证 a warning's info."""
    report = Guard(words={"fraud": ["套路贷"]}).check("专业辦 假 證 套路贷")
    found = [(v.rule, v.text, v.severity) for v in report.violations]
    found += [(a.rule, a.text, a.severity) for v in report.violations for a in v.also]
    assert sorted(found) == [
        ("WX106", "套路贷", Severity.ERROR),
        ("WX106", "辦 假 證", Severity.ERROR),
    ]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("冰毒、海洛因都是毒品，大家要远离", "远离"),
        ("冰毒、海洛因都是毒品，大家要远离它们", "远离"),
        ("吸食冰毒会成瘾，远离毒品", "远离"),
        ("警惕！网上赌博百家乐", "警惕"),
        ("谨防代开发票诈骗", "谨防"),
    ],
)
def test_a_verb_cue_warns_of_what_it_names_or_of_what_came_before(
    judged: Guard, text: str, cue: str
) -> None:
    """谨防/远离 with nothing after them, a pronoun or a finding still warn; with another
    object (远离假平台) they warn of that, and the tests/data/frames.toml slogans keep their
    errors."""
    report = judged.check(text)
    assert report.verdict is Verdict.PASS
    assert any(f"「{cue}」" in v.message for v in report.violations if v.frame == "warning")


@pytest.mark.parametrize(
    "text",
    [
        "谨防有人出售冰毒，加微信abc_123。" * 3,
        "谨防有人出售冰毒 " * 5,
        "《出售冰毒》 " * 5,
        "严禁出售冰毒，加微信abc_123 " * 3,
        "【反诈提醒】不要相信出售冰毒的人，举报请拨打110。",
    ],
    ids=["warning-contact", "warning", "titles", "prohibition", "heading"],
)
def test_wx1_and_the_judge_read_bank_hits_as_plain_tuples(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The frame judge and WX1's trade offers keep bank hits as plain tuples (``Bank.found``):
    the collector stops walking a tuple of ints and a string once it has seen it, but walks
    a ``Hit`` at every full collection, and a long warning holds one or two a finding."""
    from wxguard.phrases.banks import Bank

    guard = Guard(select=["WX1"])
    expected = guard.check(text)
    assert expected.violations

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("Bank.hits read")

    monkeypatch.setattr(Bank, "hits", refused)
    assert guard.check(text) == expected


_PIECES = st.sampled_from(
    [
        "谨防",
        "严禁",
        "不要",
        "警方破获",
        "【新闻】",
        "提醒：",
        "冰毒",
        "出售冰毒",
        "办假证",
        "赌博",
        "《",
        "》",
        "《出售冰毒》",
        "《赌博》",
        "加微信abc_123",
        "有人",
        "，",
        "。",
        " ",
        "的",
    ]
)


@functools.cache
def _everything() -> Guard:
    return Guard()


@settings(max_examples=300, deadline=None)
@example("【新闻】有人出售冰毒")  # told: the tag's cue tells nothing of the sale after it
@example("《出售冰毒》")  # a title and no cue
@given(
    st.builds(
        str.__add__,
        st.sampled_from(["", "【新闻】", "【提醒】", "通知："]),  # a tag, or a heading
        st.lists(_PIECES, max_size=14).map("".join),
    )
)
def test_the_judges_shortcuts_give_what_reading_everything_gives(text: str) -> None:
    """A message where no cue has a hit and no title stands is left unread
    (``_Reading.may_frame``), and a cue's framing hits are looked for once for whether it
    frames and whether it tells (``_Cued.any``): the reports are those of reading every
    finding and asking every time."""
    from wxguard.frames import _Cued, _Reading

    guard = _everything()
    fast = guard.check(text)
    with (
        patch.object(_Reading, "may_frame", lambda self: True),
        patch.object(_Cued, "any_from", _Cued._any_from),
    ):
        assert guard.check(text) == fast


def test_a_cue_inside_a_longer_word_is_not_the_reason_named(judged: Guard) -> None:
    """New-user trial s11: 「别」 inside 识别 was named as the prohibition that framed the
    term; the lesson's own word is the reason."""
    (v,) = judged.check("今天讲座的主题是“如何识别网络赌博陷阱”").violations
    assert v.frame is not None and "「别」" not in v.message


@pytest.mark.parametrize(
    ("text", "inner", "quoted"),
    [
        ("骗子会说'恭喜中奖，加QQ领取'，别信", "恭喜中奖", True),
        ('骗子会说"恭喜中奖，加QQ领取"，别信', "恭喜中奖", True),
        # an apostrophe inside an English word opens nothing
        ("It's 恭喜中奖，加QQ领取, don't", "恭喜中奖", False),
        # nor beside a digit; and a quote is closed only by a quotation mark (review s12)
        ("谨防假冒，90's老店唯一客服微信kf2024，添加领取，it's true", "老店", False),
        ("恭喜中奖，加QQ领取", "恭喜中奖", False),
    ],
)
def test_ascii_single_quotes_quote_but_apostrophes_do_not(
    text: str, inner: str, quoted: bool
) -> None:
    start = text.index(inner)
    assert Quotes(text).around(start, start + len(inner)) is quoted
