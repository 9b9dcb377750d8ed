"""WX3 inducement: table-driven cases, the join logic, user phrase files, and properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard, Severity, WordListError
from wxguard.phrases.clauses import compact, folded
from wxguard.text.folding import fold_one_to_one

from .inducement_cases import KNOWN_MISSES, NEGATIVES, POSITIVES
from .spans import expected, found


@pytest.fixture(scope="module")
def wx3() -> Guard:
    return Guard(select=["WX3"])


@pytest.mark.parametrize(("text", "rule", "span"), POSITIVES)
def test_inducement_is_found_with_its_span(wx3: Guard, text: str, rule: str, span: str) -> None:
    assert expected(text, rule, span) in found(wx3, text)


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_messages_with_the_same_words_pass(wx3: Guard, text: str) -> None:
    assert wx3.check(text).violations == ()


@pytest.mark.parametrize(("text", "rule", "span"), KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="not caught yet: see tests/inducement_cases.py")
def test_known_misses(wx3: Guard, text: str, rule: str, span: str) -> None:
    assert expected(text, rule, span) in found(wx3, text)


def test_tables_are_large_enough() -> None:
    assert len(POSITIVES) >= 40 and len(NEGATIVES) >= 40
    assert {rule for _, rule, _ in POSITIVES} == {f"WX30{i}" for i in range(1, 8)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("家人们！转发本条消息到朋友圈，即可领取10元红包", "以「即可领取10元红包」诱导「转发」"),
        ("分享后方可查看完整答案", "强制分享：「分享」（后方可查看）"),
        ("不转不是中国人！", "胁迫/道德绑架式转发：「转」（不是中国人）"),
        ("帮我砍一刀", "好友助力/邀请：「帮我砍一刀」（好友助力）"),
        ("关注公众号回复666领取资料", "诱导关注：「关注公众号」（领取资料）"),
    ],
)
def test_message_names_the_action_and_what_it_is_joined_to(
    wx3: Guard, text: str, message: str
) -> None:
    assert message in [v.message for v in wx3.check(text).violations]


def test_english_message_names_both_parts() -> None:
    v = Guard(select=["WX301"], lang="en").check("转发抽奖！周五开奖").violations[0]
    assert v.message == '"转发" in exchange for "抽奖"'


def test_spans_point_into_the_original_through_disguises(wx3: Guard) -> None:
    text = "轉 發★到 五 個 群，才 能 查 看 答 案"
    (v,) = [v for v in wx3.check(text).violations if v.rule == "WX303"]
    assert text[v.start : v.end] == v.text == "轉 發★到 五 個 群"


def test_a_sentence_end_separates_action_and_reward(wx3: Guard) -> None:
    assert wx3.check("请把通知转发给家长。红包已经发到群里了").violations == ()
    assert [v.rule for v in wx3.check("请把通知转发给家长，就送红包").violations] == ["WX301"]


def test_reward_before_the_action_needs_the_action_as_condition(wx3: Guard) -> None:
    assert wx3.check("红包已发，请大家转发通知").violations == ()
    assert [v.rule for v in wx3.check("红包等你拿！只需转发到朋友圈").violations] == ["WX301"]


def test_blockers_cancel_the_action(wx3: Guard) -> None:
    assert wx3.check("无需转发，领取红包请到前台").violations == ()
    assert wx3.check("已经转发到三个群了").violations == ()


# -- users' phrase files -----------------------------------------------------------------
def test_a_phrase_file_adds_a_reward_and_an_exemption(tmp_path: Path) -> None:
    text = "转发到朋友圈送小熊玩偶一个"
    meeting = "周四分享沙龙后抽取幸运观众送礼品"
    assert Guard(select=["WX3"]).check(text).violations == ()
    assert [v.rule for v in Guard(select=["WX3"]).check(meeting).violations] == ["WX301"]
    path = tmp_path / "team.toml"
    path.write_text('[inducement]\ngift = ["玩偶"]\nexempt = ["分享沙龙"]\n', "utf-8")
    guard = Guard(select=["WX3"], phrases=[path])
    (v,) = guard.check(text).violations
    assert (v.rule, v.text) == ("WX301", "转发到朋友圈送小熊玩偶")
    assert guard.check(meeting).violations == ()


def test_phrase_file_from_a_config_file(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "team.toml").write_text('[inducement]\nshare = ["甩到群里"]\n', "utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.wxguard]\nselect = ["WX3"]\nphrases = ["lists/team.toml"]\n', "utf-8"
    )
    guard = Guard.from_config(tmp_path / "pyproject.toml")
    assert [v.rule for v in guard.check("甩到群里就送红包").violations] == ["WX301"]


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ('[inducement]\nrewards = ["红包"]\n', 2, "has no bank 'rewards'"),
        ('[inducements]\nreward = ["红包"]\n', 1, "unknown table [inducements]"),
        ('[inducement]\nreward = ["红包", 3]\n', None, "expected a list of strings"),
        ('[inducement]\nreward = ["现金{M}"]\n', 2, "stray"),
        ('[inducement]\nreward = ["领取({N}元|红包)"]\n', 2, "holds a placeholder"),
        ('[inducement]\nreward = ["领取{N}?元"]\n', 2, "? makes only a (a|b) group optional"),
        ('[inducement]\nreward = ["领取的?红包"]\n', 2, "'?' is not phrase syntax"),
        ('[inducement]\nreward = ["领取.*红包"]\n', 2, "'*' is not phrase syntax"),
        ('[inducement]\nassist = ["[砍"]\n', 2, "[ without ]"),
        ('[inducement]\nassist = ["砍"]\n', 2, "fires on its own"),
        ('[inducement]\nreward = ["（）"]\n', 2, "no letters or digits"),
        ("[inducement\n", 1, "not valid TOML"),
    ],
)
def test_bad_phrase_files_name_file_and_line(
    tmp_path: Path, content: str, line: int | None, problem: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(WordListError) as err:
        Guard(select=["WX3"], phrases=[path])
    where = f"{path}:{line}: " if line else f"{path}: "
    assert str(err.value).startswith(where) and problem in str(err.value)


def test_missing_phrase_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WordListError, match="cannot read phrase file"):
        Guard(select=["WX3"], phrases=[tmp_path / "nope.toml"])


# -- properties ----------------------------------------------------------------------------
_NOISE = st.sampled_from([" ", "　", "★", "~", "\u200b", "🎉", "*"])


@settings(max_examples=60, deadline=None)
@given(case=st.sampled_from(POSITIVES), noise=st.lists(_NOISE, min_size=1, max_size=3))
def test_noise_inside_words_does_not_hide_inducement(
    case: tuple[str, str, str], noise: list[str]
) -> None:
    text, rule, _ = case
    # Noise after every character of the message; punctuation stays where it was.
    disguised = "".join(c + ("".join(noise) if "\u4e00" <= c <= "\u9fff" else "") for c in text)
    found = Guard(select=["WX3"]).check(disguised).violations
    assert rule in {v.rule for v in found}
    assert all(disguised[v.start : v.end] == v.text for v in found)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("警惕“砍一刀”“集赞”类链接，可能窃取个人信息。", Severity.INFO),  # trial s17
        ("大家远离转发领红包这种活动", Severity.INFO),
        ("谨防那些帮我砍一刀的链接", Severity.INFO),
        # a refusal, a virus warning, someone else's post (review s17)
        ("帮我砍一刀？不存在的，拼多多我早卸载了", Severity.INFO),
        ("警惕！最近群里“帮我砍一刀”的链接是病毒，别点", Severity.INFO),
        ("大家警惕，群里有人在发“砍一刀”的链接", Severity.INFO),
        # a seller's "beware of fakes" in another clause warns of fakes, not of his offer
        ("谨防假冒，转发到三个群领红包", Severity.ERROR),
        ("谨防假冒。帮我砍一刀", Severity.ERROR),
        ("小心！转发到三个群领红包", Severity.ERROR),
        ("我不小心把关注公众号即可领取红包发到群里了", Severity.ERROR),  # by accident
    ],
)
def test_beware_of_an_inducement_in_its_clause_is_a_warning_about_it(
    wx3: Guard, text: str, severity: Severity
) -> None:
    assert [v.severity for v in wx3.check(text).violations] == [severity]


@pytest.mark.parametrize("dot", [".", "．"])
def test_full_stops_between_characters_do_not_hide_inducement(wx3: Guard, dot: str) -> None:
    """转.发.到.三.个.群 is one clause typed with a stop after each character (trial s16),
    not six sentences; the same stops in clean messages flag nothing."""
    between = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")
    for text, rule, _ in POSITIVES:
        dotted = between.sub(dot, text)
        assert rule in {v.rule for v in wx3.check(dotted).violations}, dotted
    for text in NEGATIVES:
        dotted = between.sub(dot, text)
        assert not wx3.check(dotted).violations, dotted
    assert found(wx3, f"转{dot}发{dot}抽{dot}奖") == {("WX301", 0, 7)}


@pytest.mark.parametrize(
    "text",
    [
        "步骤：1.打开微信 2.转发到群 3.截图保存",
        "版本1.2.3已发布，转发到群里的同事请更新，领取安装包找IT",
        "访问www.abc.com.cn查看活动规则.转发到群.有奖品的另行通知",
        "第1.2.3条：转发到群须审核.领取奖品以公告为准",
        "转发到群.明天.有奖品的通知另发",
    ],
)
def test_stops_that_are_not_between_every_character_still_end_sentences(
    wx3: Guard, text: str
) -> None:
    assert not wx3.check(text).violations


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "转发分享朋友圈领红包集赞满个群才能查看关注公众号回复点击下载邀请好友助力不是中国人，。！ 5三.．"
            )
        ),
        max_size=60,
    )
)
def test_spans_map_into_the_original_and_nothing_crashes(text: str) -> None:
    for v in Guard(select=["WX3"]).check(text).violations:
        assert 0 <= v.start < v.end <= len(text) and text[v.start : v.end] == v.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_fast_views_equal_the_foundation_fold(text: str) -> None:
    assert folded(text) == fold_one_to_one(text)
    assert len(folded(text)) == len(text)
    assert "_" not in compact(text)


# -- offers quoted in warnings -------------------------------------------------------------
def test_a_refuted_offer_names_the_word_that_framed_it_in_english() -> None:
    (v,) = Guard(select=["WX3"], lang="en").check("反诈：下载APP领红包的都是骗子").violations
    assert v.severity.value == "info"
    assert v.frame == "refuted" and v.message.endswith(
        '; quoted in a warning, a rumour rebuttal or a news report ("骗子"): for information only'
    )
    assert v.suggestion == "nothing to change" and v.consequence.startswith("no penalty")


@pytest.mark.parametrize(
    "text",
    [
        "昨天有人在群里发“转发到10个群送红包”，已经被我踢了。",
        "昨天有人在群里发转发到10个群送红包，已经被我踢了",  # no quotation marks in chat
        "群里有人发转发抽奖，别理他",
        '有人在群里发"转发到10个群送红包"，是真的吗？',  # asked, not vouched for
        "昨天有人在群里发转发抽奖，我已经移出群了，大家有广告需求请找我报备",
    ],
)
def test_someone_elses_post_reported_is_no_inducement(wx3: Guard, text: str) -> None:
    """A member or an admin reporting what someone else posted (new-user trial s11: an error)
    names the post after 有人在群里发: it is judged, at info, with that cue."""
    (v,) = wx3.check(text).violations
    assert (v.severity, v.frame) == (Severity.INFO, "complaint"), v
    assert "抱怨别人发的内容（「有人" in v.message


@pytest.mark.parametrize(
    "text",
    [
        "有人在群里发砍一刀链接，我也发一个：帮我砍一刀，送你红包",  # the sender's own, later
        "有人发红包，转发到3个群就送",  # 有人发 is not what was posted here
        "有人转发到10个群就送红包",  # the cue is the join's own action
        # the sender vouching for the post or handing out its reward makes it his (session 13)
        '有人在群里发"转发到10个群送红包"，我试了真的给，大家快转',
        "有人在群里发转发到10个群送红包，是真的，截图找我领",
        "有人在群里发转发朋友圈集赞送面膜，亲测到账",
    ],
)
def test_an_offer_beside_a_report_is_still_an_offer(wx3: Guard, text: str) -> None:
    assert Severity.ERROR in {v.severity for v in wx3.check(text).violations}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("不转发的会被踢", "不转发的会被踢"),
        ("不转的踢出群", "不转的踢出群"),
        ("不转发的，明天一律移出群聊", "不转发的，明天一律移出群聊"),
    ],
)
def test_removal_threatened_for_not_forwarding_is_coercion(
    wx3: Guard, text: str, span: str
) -> None:
    assert expected(text, "WX304", span) in found(wx3, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("不转发这条就会倒霉", "不转发这条就会倒霉"),
        ("看到不转发，倒霉一辈子", "不转发，倒霉"),
        ("转发这条就会倒霉", "转发这条就会倒霉"),
    ],
)
def test_a_curse_on_not_forwarding_is_marked_with_its_not(wx3: Guard, text: str, span: str) -> None:
    """The 不 carries the threat: the mark of 不转发这条就会倒霉 held only 转发这条就会倒霉."""
    assert [(v.rule, v.text) for v in wx3.check(text).violations] == [("WX304", span)]


@pytest.mark.parametrize(
    "text", ["禁止转发广告，违者踢出群", "转发广告的踢出群", "不转发也不会被踢，大家自愿"]
)
def test_removal_for_forwarding_or_none_at_all_is_no_coercion(wx3: Guard, text: str) -> None:
    assert wx3.check(text).violations == ()


def test_a_phrase_file_adds_a_refuting_word(tmp_path: Path) -> None:
    text = "转发朋友圈领红包？纯属忽悠"
    assert [v.severity.value for v in Guard(select=["WX3"]).check(text).violations] == ["error"]
    path = tmp_path / "team.toml"
    path.write_text('[frames]\nrefuted = ["忽悠"]\n', "utf-8")
    assert [
        v.severity.value for v in Guard(select=["WX3"], phrases=[path]).check(text).violations
    ] == ["info"]


# -- pinyin typed among the characters (new-user trial, session 7) --------------------------
@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("帮我kan一刀，差一点点就免费拿了", "WX305", "帮我kan一刀"),
        ("转fa到wu个群，jie图找我领hong包", "WX301", "转fa到wu个群，jie图找我领hong包"),
        ("转发到朋友圈领HONGBAO", "WX301", "转发到朋友圈领HONGBAO"),
        ("fen享到朋友圈就送礼品", "WX301", "fen享到朋友圈就送礼品"),
        ("帮我kan一刀，别信", "WX305", "帮我kan一刀"),
    ],
)
def test_pinyin_among_the_characters_does_not_hide_inducement(
    wx3: Guard, text: str, rule: str, span: str
) -> None:
    (v,) = [v for v in wx3.check(text).violations if v.rule == rule]
    assert (v.rule, v.start, v.end) == expected(text, rule, span)
    assert v.techniques == ("pinyin",) and v.severity.value == "error"


@pytest.mark.parametrize(
    "text",
    [
        "帮我kan一下这个文件",  # kan is 看 as often as 砍: a lone syllable ending the match
        "帮我kan下，谢谢",
        "我把文件转fa给你了",
        "今天fa工资了，晚上请大家吃饭",
        "砖fa到朋友圈领红包",  # 砖 sounds like 转 but is written, not typed in pinyin
        "别再给我发kan一刀了",
        "这个app下载了吗",
        "VIP会员到期了，记得续费",
        "iPhone转给你了，记得查收",
    ],
)
def test_pinyin_look_alikes_pass(wx3: Guard, text: str) -> None:
    assert wx3.check(text).violations == ()


PIECES = [
    *"转发分享朋友圈领红包帮我砍一刀群截图，。 ",
    "kan",
    "fa",
    "hong",
    "bao",
    "jie",
    "wu",
    "x",
    "app",
]


def _letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_a_span_read_through_pinyin_never_cuts_a_latin_run(text: str) -> None:
    for v in Guard(select=["WX3"]).check(text).violations:
        assert text[v.start : v.end] == v.text
        assert not (v.start > 0 and _letter(text[v.start - 1]) and _letter(text[v.start])), v
        assert not (v.end < len(text) and _letter(text[v.end - 1]) and _letter(text[v.end])), v


def test_a_click_for_a_reward_beside_a_phishing_link_is_the_scams_lure() -> None:
    """New-user trial, session 7: WX307's fix (删除点击与奖励的绑定) beside a phishing finding told
    the phisher how to rephrase. In a message with a scam, the click is named by the scam's
    mark, whose fix is the scam's."""
    text = "您的积分即将清零，请登录 http://jf-10086.top 办理。点击领取现金红包"
    (v,) = Guard().check(text).violations
    assert v.rule == "WX801" and "WX307" in {w.rule for w in v.also}
    assert "绑定" not in v.suggestion
    alone = Guard().check("点击领取现金红包").violations
    assert [(w.rule, w.suggestion) for w in alone] == [("WX307", "删除点击与奖励的绑定")]
