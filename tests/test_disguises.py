"""Every disguise the WX1 layer sees through, each with its exact span in the original."""

from __future__ import annotations

import pytest

from wxguard import Guard, Severity, Verdict

CASES = [
    # text, rule, span text, start, techniques that must be reported
    ("办假证", "WX106", "办假证", 0, set()),
    ("我们专业办假证，当天取", "WX106", "办假证", 4, set()),
    ("辦假證找我", "WX106", "辦假證", 0, {"traditional"}),
    ("ＳＥＸ", "WX102", "ＳＥＸ", 0, {"fullwidth", "case"}),
    ("SEX", "WX102", "SEX", 0, {"case"}),
    ("ⓢⓔⓧ", "WX102", "ⓢⓔⓧ", 0, {"compatibility"}),
    ("𝐟𝐮𝐜𝐤 you", "WX107", "𝐟𝐮𝐜𝐤", 0, {"compatibility"}),
    ("ѕех", "WX102", "ѕех", 0, {"homoglyph"}),
    ("办 假 证", "WX106", "办 假 证", 0, {"noise"}),
    ("办.假-证", "WX106", "办.假-证", 0, {"noise"}),
    # every letter spaced out by a clause break, or written down a column (new-user trial s15)
    ("代，开，发，票", "WX106", "代，开，发，票", 0, {"noise"}),
    ("代\n开\n发\n票", "WX106", "代\n开\n发\n票", 0, {"noise"}),
    ("出\n售\n冰\n毒\n量\n大", "WX104", "冰\n毒", 4, {"noise"}),
    ("出售冰.毒，质量保证", "WX104", "冰.毒", 2, {"noise"}),
    ("办\u200b假\u200d证", "WX106", "办\u200b假\u200d证", 0, {"zero-width"}),
    ("出售冰\ufeff毒", "WX104", "冰\ufeff毒", 2, {"zero-width"}),
    ("办🎉假🎉证", "WX106", "办🎉假🎉证", 0, {"emoji"}),
    ("办假假假证", "WX106", "办假假假证", 0, {"stutter"}),
    ("⼤⿇来了", "WX104", "⼤⿇", 0, {"compatibility"}),
    ("十⑧禁", "WX102", "十⑧禁", 0, {"numeral"}),  # 十八 is 18
    ("二十八禁", None, None, None, None),  # 28, not 18
    ("1⑧禁内容", "WX102", "1⑧禁", 0, {"compatibility"}),
    ("壹夜情", "WX102", "壹夜情", 0, {"numeral"}),
    ("1夜情", "WX102", "1夜情", 0, {"numeral"}),
    ("弓虽奸犯", "WX105", "弓虽奸犯", 0, {"split-character"}),
    ("氵去轮大法", "WX101", "氵去轮大法", 0, {"split-character"}),
    ("水去轮大法", "WX101", "水去轮大法", 0, {"split-character"}),
    (
        "法\u200c輪\u200c大\u200c法",
        "WX101",
        "法\u200c輪\u200c大\u200c法",
        0,
        {"traditional", "zero-width"},
    ),
    ("fuck", "WX107", "fuck", 0, set()),
    ("F.U.C.K", "WX107", "F.U.C.K", 0, {"case", "noise"}),
    ("a弹sex药b", "WX102", "sex", 2, set()),
    ("竞品甲最近很火", "WX108", "竞品甲", 0, set()),
]


@pytest.mark.parametrize(("text", "rule", "span", "start", "techniques"), CASES)
def test_disguise_found_with_exact_span(
    guard: Guard,
    text: str,
    rule: str | None,
    span: str | None,
    start: int | None,
    techniques: set[str] | None,
) -> None:
    report = guard.check(text)
    if rule is None:
        assert report.violations == ()
        return
    assert [v.rule for v in report.violations] == [rule]
    v = report.violations[0]
    assert (v.start, v.text) == (start, span)
    assert text[v.start : v.end] == v.text
    assert techniques is not None and techniques <= set(v.techniques)
    assert v.severity is Severity.ERROR
    assert report.verdict is Verdict.BLOCK


SOUND = [
    ("专业banjiazheng", "banjiazheng", 2, "pinyin"),
    ("办jia证联系我", "办jia证", 0, "pinyin"),
    ("BAN JIA ZHENG", "BAN JIA ZHENG", 0, "pinyin"),
    ("办假正，加我", "办假正", 0, "homophone"),
    ("需要bjz的私聊", "bjz", 2, "initials"),
    ("yiyeqing", "yiyeqing", 0, "pinyin"),
    # pinyin with its tone marks (new-user trial s12: sè qíng passed)
    ("bàn jiǎ zhèng", "bàn jiǎ zhèng", 0, "diacritic"),
]


@pytest.mark.parametrize(("text", "span", "start", "technique"), SOUND)
def test_sound_alikes_are_warnings(
    guard: Guard, text: str, span: str, start: int, technique: str
) -> None:
    report = guard.check(text)
    assert [v.rule for v in report.violations] == ["WX109"]
    v = report.violations[0]
    assert (v.start, v.text) == (start, span)
    assert technique in v.techniques
    assert v.severity is Severity.WARNING
    assert report.verdict is Verdict.REVIEW
    assert v.term is not None


CLEAN = [
    "路口交通拥堵，请绕行",  # 口交 straddles 路口|交通
    "这个消毒品牌很好用",  # 毒品 straddles 消毒|品牌
    "这下有大麻烦了",  # allow-list covers 大麻
    "I have a car",  # av is not in have; sex not in Sussex
    "Sussex is in England",
    "sexual health",  # ASCII terms match whole words only
    "订单号 180012 已发货",  # 18禁 needs its 禁; digits inside longer runs
    "办理签证请带护照",
    "班级正在上课",  # bjz initials only match a whole Latin word
    "abjzx",
    "今天天气真好",
    "我们去café喝咖啡，résumé发你了",  # letters with marks are letters, no more
]


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_text_passes(guard: Guard, text: str) -> None:
    report = guard.check(text)
    assert report.violations == (), report.violations
    assert report.ok


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("地域黑的人是真傻逼，就事论事", "傻逼"),  # jieba lists 真傻 (COLD dev)
        ("他很傻逼", "傻逼"),
        ("你真装逼", "装逼"),
        ("太阳具有能量", None),  # 具有 still crosses the other edge of 阳具
        ("学信网能查真假文凭吗", None),  # 真假 and 最大 are words of their own (review s14)
        ("中国是世界最大麻生产国", None),
    ],
)
def test_a_degree_adverb_jieba_joins_to_a_terms_first_character_hides_nothing(
    default_guard: Guard, text: str, term: str | None
) -> None:
    found = [v.term for v in default_guard.check(text).violations]
    assert found == ([term] if term else [])


@pytest.mark.parametrize("text", ["肏你，算侮辱吗", "肏你妈"])
def test_the_curses_own_character_blocks(default_guard: Guard, text: str) -> None:
    """肏 has no other sense: 肏你妈 was only a sound-alike warning of 操你妈 (COLD dev)."""
    assert [(v.rule, v.severity) for v in default_guard.check(text).violations] == [
        ("WX107", Severity.ERROR)
    ]


def test_longest_wins_and_shorter_term_is_not_lost(guard: Guard) -> None:
    # sexy and sex both listed: "sexy girl" reports sexy; "sexyz" rejects sexy's edge
    # and sex's edge alike, so nothing; "sex girl" still finds the shorter term; "sexyy"
    # is sexy with its last letter repeated.
    assert [v.text for v in guard.check("sexy girl").violations] == ["sexy"]
    assert [v.text for v in guard.check("sex girl").violations] == ["sex"]
    assert guard.check("sexyz").violations == ()
    assert [v.term for v in guard.check("sexyy").violations] == ["sexy"]


def test_doubled_character_terms_are_not_broken_by_stutter_collapse() -> None:
    g = Guard(default_wordlists=False, words={"abuse": ["咪咪", "哈哈笑话"]})
    assert [v.text for v in g.check("他咪咪的").violations] == ["咪咪"]
    v = g.check("哈哈哈笑话").violations[0]
    assert (v.start, v.text) == (1, "哈哈笑话")


def test_a_repeat_inside_an_ordinary_word_is_no_stutter(default_guard: Guard) -> None:
    """小姐姐 is a word: its 姐姐 is not 小姐 stuttered (小姐上门 is an escort term), while a
    repeat that makes no longer word (办假假证, 代开开发票: 开发票 holds only one 开) still is."""
    assert default_guard.check("快递小姐姐上门取件，记得下楼").violations == ()
    assert [v.text for v in default_guard.check("小姐上门，全城最快").violations] == ["小姐上门"]
    assert [v.text for v in default_guard.check("专业办假假证").violations] == ["办假假证"]
    g = Guard(default_wordlists=False, words={"fraud": ["代开发票"]})
    assert [v.text for v in g.check("代开开发票").violations] == ["代开开发票"]


def test_a_stutter_at_a_term_s_edge_is_no_word_around_it(default_guard: Guard) -> None:
    """jieba reads 死光光 as a word, which crossed 全家死光's end: the curse passed when its
    last character was doubled (new-user trial s10), while the repeat is the term's own."""
    for text in ("你全家死光光", "去死吧，你全家死光光！"):
        assert [v.rule for v in default_guard.check(text).violations] == ["WX107"], text
    assert default_guard.check("快递小姐姐上门取件，记得下楼").violations == ()
    # a repeat that opens the next word is no stutter (eval: this lost its WX101 once)
    found = default_guard.check("新年好法轮大法法轮功是佛家上乘功法").violations
    assert [v.text for v in found] == ["法轮大法", "法轮功"]


def test_a_companion_inside_a_doubled_word_is_no_companion(default_guard: Guard) -> None:
    """上门服务 needs an escort word beside it: 小姐姐 (a courier, a shop assistant) is not 小姐."""
    assert default_guard.check("快递小姐姐上门服务很周到").violations == ()
    (found,) = default_guard.check("小姐姐小姐上门服务").violations
    assert found.rule == "WX102"


def test_spans_never_start_or_end_on_noise(guard: Guard) -> None:
    v = guard.check("【 办 假 证 】").violations[0]
    assert v.text == "办 假 证"


def test_allow_list_covering_wherever_it_starts() -> None:
    g = Guard(default_wordlists=False, words={"drugs": ["大麻"]}, allow=["麻烦事"])
    assert g.check("大麻，烦事").violations  # 麻烦事 matches but does not cover 大麻
    g2 = Guard(default_wordlists=False, words={"drugs": ["大麻"]}, allow=["这大麻"])
    assert g2.check("这大麻").violations == ()
    assert g2.check("那大麻").violations


def test_allow_regex_on_original_text() -> None:
    g = Guard(default_wordlists=False, words={"porn": ["sex"]}, allow=["/Sex Pistols/i"])
    assert g.check("I like the sex pistols").violations == ()
    assert g.check("sex").violations


@pytest.mark.parametrize(
    "text",
    [
        "他没有发票，代开的事以后再说。",
        "票据要真发票。代开不行",
    ],
)
def test_a_clause_break_between_two_words_joins_no_term(guard: Guard, text: str) -> None:
    """Two clauses meet by chance (发票，代开 is no 发票代开; new-user trial s15): only a sender
    spacing out every letter writes a term across punctuation."""
    assert [v.term for v in guard.check(text).violations] == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("代开发，票，加V：fp8888", "代开发票"),
        ("专业办假，证，三天出证", "办假证"),
        ("出售麻，古，量大从优", "麻古"),
    ],
)
def test_a_clause_break_that_cuts_a_word_is_a_separator(
    default_guard: Guard, text: str, term: str
) -> None:
    """Review s15: one comma inside a word (代开发，票) hid the term."""
    assert term in [v.term for v in default_guard.check(text).violations]


def test_large_gap_is_not_one_term(guard: Guard) -> None:
    assert guard.check("办。。。。。。。。。。假证").violations == ()


def test_custom_category_reports_its_name(guard: Guard) -> None:
    v = guard.check("竞品甲").violations[0]
    assert (v.rule, v.category, v.name) == ("WX108", "competitors", "custom-term")
    assert "竞品甲" in v.message


def test_english_messages(guard: Guard) -> None:
    g = Guard(default_wordlists=False, words={"fraud": ["办假证"]}, lang="en")
    v = g.check("办假证").violations[0]
    assert v.message == 'fraud or illegal-trade term "办假证"'
    assert v.consequence.startswith("blocked by content security (fraud")


HANGUL_FILLERS = ["\u3164", "\u115f", "\u1160", "\uffa0"]


@pytest.mark.parametrize("filler", HANGUL_FILLERS)
@pytest.mark.parametrize(
    "text",
    [
        "出售冰毒，货到付款",
        "关注公众号领红包",
        "转发到3个群领红包",
        "公安局通知，请将资金转入安全账户",
        "澳门百家乐，注册送88元",
    ],
)
def test_blank_hangul_letters_between_characters_hide_nothing(
    default_guard: Guard, text: str, filler: str
) -> None:
    """The Hangul fillers show as nothing but are letters by category: between the characters
    they hid every finding of every family (audit s9). They are zero-width noise now."""
    plain = {v.rule for v in default_guard.check(text).violations if v.severity is Severity.ERROR}
    padded = default_guard.check(filler.join(text))
    assert plain and plain <= {v.rule for v in padded.violations}
    assert padded.verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("为我们小区投票，每户都要投，投完截图发群里", None),  # 要投完 is no 摇头丸 (trial s13)
        ("每户都要投完", None),
        ("摇头玩，私聊", "摇头丸"),  # a disguise keeps part of the term
        ("踏马的真是", "他妈的"),
        ("佰#佳#楽", "百家乐"),  # or every tone
        ("塔玛德，又涨价了", "他妈的"),  # or rarer characters (review s13)
        ("珐仑公", "法轮功"),
    ],
)
def test_a_sound_alike_that_swaps_every_character_keeps_every_tone(
    default_guard: Guard, text: str, term: str | None
) -> None:
    found = [v.term for v in default_guard.check(text).violations if v.rule == "WX109"]
    assert found == ([term] if term else [])


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "今天的拼音作业：bō cài（菠菜）、dà mǎ（大马）",
            False,
        ),  # tones of other words (review s13)
        ("dǔ bó 网站，注册就送", True),  # the term's own tones
        ("du bo 网站，注册就送", True),
        ("wai wei nv，私聊", True),
        ("wài wéi nǔ，私聊", False),  # a tone mark on another vowel: another syllable
        ("dü bó 平台，首充送", True),  # a diaeresis over a plain u is a disguise (review s14)
        ("bing dü 有货，私聊", True),
        # ü typed for the v key (nǚ is nv, 女), read so as well as as u (session 15)
        ("wài wéi nǚ，私聊", True),
        ("外围nǚ，上门服务", True),
        ("外围nü，私聊", True),
        ("Müller先生下周来上海开会", False),
        ("路边的lǜ化带修好了", False),
    ],
)
def test_pinyin_tone_marks_that_are_not_the_terms_read_as_other_words(
    default_guard: Guard, text: str, flagged: bool
) -> None:
    assert bool(default_guard.check(text).violations) is flagged


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("操你🐴", "WX109", "操你🐴"),
        ("草泥🐴", "WX107", "草泥🐴"),
        ("你🐴的，滚", "WX109", "你🐴的"),
    ],
)
def test_a_horse_emoji_written_for_its_sound_is_read_as_the_character(
    text: str, rule: str, span: str
) -> None:
    """🐴 (马) for 妈 is read as 马: the term it makes is the warning 马 itself would give,
    naming the emoji (the checker screen lets it through to the same finding)."""
    guard = Guard()
    found = [v for v in guard.check(text).violations if v.rule.startswith("WX1")]
    assert [(v.rule, v.text, v.severity) for v in found] == [(rule, span, Severity.WARNING)]
    assert "emoji-word" in found[0].techniques
    (many,) = guard.check_many([text])
    assert many.violations == guard.check(text).violations


@pytest.mark.parametrize(
    "text", ["祝大家🐴年大吉，🐴到成功！", "🐴上发财，🐴上有钱", "周末去草原骑🐴，我家的🐴跑得快"]
)
def test_a_horse_emoji_in_greetings_and_rides_is_a_horse(text: str) -> None:
    assert Guard().check(text).violations == ()


@pytest.mark.parametrize(
    ("text", "insults"),
    [
        ("请点击链接提取到银行卡：http://sb-tq.cc", []),  # review s16: the host's letters
        ("详情见 https://sb.example.com/nmsl/index", []),
        ("打开www.nmsl.cn看看", []),
        ("sb.com的老板是sb", ["sb"]),  # the one outside the address is aimed at someone
        ("你是sb，看 https://a.com", ["sb"]),
    ],
)
def test_insults_in_letters_inside_a_link_are_part_of_the_address(
    default_guard: Guard, text: str, insults: list[str]
) -> None:
    found = [v.term for v in default_guard.check(text).violations if v.rule == "WX107"]
    assert found == insults
