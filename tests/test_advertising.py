"""WX4 advertising: table-driven cases, the commerciality score, exemptions, user phrase
files, and properties."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wxguard
from wxguard import (
    ConfigError,
    Guard,
    Message,
    Verdict,
    Violation,
    WordListError,
    commercial_score,
)
from wxguard.families.advertising.model import signal_scanner
from wxguard.phrases.clauses import folded

from .advertising_cases import KNOWN_MISSES, NEGATIVES, POSITIVES
from .clitools import Cli
from .spans import apart_of, expected, found


@pytest.fixture(scope="module")
def wx4() -> Guard:
    return Guard(select=["WX4"])


@pytest.mark.parametrize(("text", "rule", "span"), POSITIVES)
def test_advertising_findings_with_their_spans(wx4: Guard, text: str, rule: str, span: str) -> None:
    assert expected(text, rule, span) in found(wx4, text, apart=True)


@pytest.mark.parametrize("text", NEGATIVES)
def test_notices_chat_and_compliant_ads_pass(wx4: Guard, text: str) -> None:
    assert wx4.check(text).violations == ()


@pytest.mark.parametrize(("text", "rule", "span"), KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="not caught yet: see tests/advertising_cases.py")
def test_known_misses(wx4: Guard, text: str, rule: str, span: str) -> None:
    assert expected(text, rule, span) in found(wx4, text)


def test_tables_are_large_enough() -> None:
    assert len(POSITIVES) >= 40 and len(NEGATIVES) >= 40
    assert {rule for _, rule, _ in POSITIVES} == {f"WX40{i}" for i in range(1, 6)}


# -- the commerciality score ------------------------------------------------------------
def test_commercial_score_is_public_and_explains_itself() -> None:
    score = wxguard.commercial_score("新品上市，原价199现价99，点击下单")
    assert score.commercial and score.score >= score.threshold == 4.0
    kinds = {s.kind: s.text for s in score.signals}
    assert kinds["contrast"] == "原价199现价99" and kinds["cta"] == "点击下单"
    assert all(
        "新品上市，原价199现价99，点击下单"[s.start : s.end] == s.text for s in score.signals
    )
    assert score.model_dump()["commercial"] is True


@pytest.mark.parametrize(
    "text",
    ["请各位家长周五前缴纳午餐费300元", "我昨天买的面包才5元，超划算", "明天上午9点开会"],
)
def test_notices_and_chat_are_not_commercial(text: str) -> None:
    assert not commercial_score(text).commercial


def test_notice_and_chat_signals_lower_the_score() -> None:
    kinds = {s.kind: s.weight for s in commercial_score("请各位家长周五前缴纳午餐费300元").signals}
    assert kinds["price"] > 0 > kinds["notice"]


def test_threshold_setting_changes_what_is_commercial() -> None:
    text = "土蜂蜜58元一斤，买三斤包邮，需要的私聊"
    assert 4.0 <= commercial_score(text).score < 6
    assert [v.rule for v in Guard(select=["WX401"]).check(text).violations] == ["WX401"]
    assert Guard(select=["WX401"], commercial_threshold=6).check(text).violations == ()
    assert not commercial_score(text, threshold=6).commercial
    with pytest.raises(ConfigError, match=r"commercial_threshold|commercial-threshold"):
        Guard(commercial_threshold=0)


def test_message_names_the_evidence(wx4: Guard) -> None:
    (v,) = [
        v for v in wx4.check("新品上市，原价199现价99，点击下单").violations if v.rule == "WX401"
    ]
    score = commercial_score("新品上市，原价199现价99，点击下单").score
    assert v.message == (
        f"商业推广内容（依据「原价199现价99」「点击下单」「新品」，商业性评分 {score:g}）"
        "缺少“广告”标识：在开头加上【广告】"
        "；还缺少发送者名称（WX404）和退订方式（WX403）"
        "：写明品牌或商家名称，如【某某旗舰店】；结尾加上“回T退订”"
    )
    assert (
        v.suggestion
        == "在开头加上【广告】；写明品牌或商家名称，如【某某旗舰店】；结尾加上“回T退订”"
    )


# -- one problem, one mark -------------------------------------------------------------------
LABELLING = ("WX401", "WX403", "WX404")
AD = "新品上市，原价199现价99，点击下单"


def test_an_unlabelled_ad_is_one_finding_that_lists_what_is_missing(wx4: Guard) -> None:
    (v,) = wx4.check(AD).violations
    assert (v.rule, v.text) == ("WX401", "新品上市")  # where 【广告】 goes
    assert "还缺少发送者名称（WX404）和退订方式（WX403）" in v.message
    assert [(a.rule, a.text) for a in v.also] == [("WX404", "新品上市"), ("WX403", "点击下单")]
    (en,) = Guard(select=["WX4"], lang="en").check(AD).violations
    assert "lacks the 广告 label" in en.message
    assert "it also lacks the sender's name (WX404) and a way to unsubscribe (WX403)" in en.message


@pytest.mark.parametrize(
    ("settings", "rule", "span", "missing"),
    [
        ({"ignore": ["WX401"]}, "WX404", "新品上市", "缺少发送者名称：写明品牌或商家名称"),
        ({"ignore": ["WX401"]}, "WX404", "新品上市", "还缺少退订方式（WX403）"),
        ({"select": ["WX403"]}, "WX403", "点击下单", "缺少退订方式"),
        ({"select": ["WX401"]}, "WX401", "新品上市", "缺少“广告”标识：在开头加上【广告】"),
        ({"ignore": ["WX401", "WX403", "WX404"]}, None, None, None),
    ],
)
def test_select_and_ignore_still_pick_each_missing_part(
    settings: dict[str, list[str]], rule: str | None, span: str | None, missing: str | None
) -> None:
    found = Guard(**settings).check(AD).violations  # type: ignore[arg-type]
    labelling = [v for v in found if v.rule in LABELLING]
    if rule is None:
        assert labelling == []
    else:
        (v,) = labelling
        assert (v.rule, v.text) == (rule, span) and missing is not None and missing in v.message


Shape = list[tuple[str, str, str, str | None, tuple[tuple[str, str], ...]]]


def _shape(violations: Any) -> Shape:
    """What a reader sees of each mark: its rule, words, message and fix, and what it carries."""
    return [
        (v.rule, v.text, v.message, v.suggestion, tuple((a.rule, a.text) for a in v.also))
        for v in violations
        if v.rule.startswith("WX4")
    ]


def _cli_shape(cli: Cli, *args: str) -> Shape:
    result = cli("check", "--output-format", "json", "--exit-zero", *args)
    assert result.code == 0, result.err
    reports = json.loads(result.out)
    return _shape(Violation.model_validate(v) for r in reports for v in r["violations"])


@pytest.mark.parametrize(
    "text",
    [
        AD,  # label, sender and opt-out missing
        "【广告】全场五折，欢迎选购",  # sender and opt-out
        "【星河超市】周末大促，全场五折",  # label and opt-out
    ],
)
@pytest.mark.parametrize(
    "ignored", [c for k in range(1, 4) for c in itertools.combinations(LABELLING, k)]
)
def test_each_missing_part_is_switched_off_alike_in_every_path(
    text: str,
    ignored: tuple[str, ...],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 14: ignoring one part of an unlabelled ad leaves the others one mark, whether the
    API settings, the command line, per-file ignores or a comment in the copy switch it off;
    an inline comment used to hide all three, --ignore WX401 only the label."""
    codes = ",".join(ignored)
    kept = [c for c in LABELLING if c not in ignored]
    api = _shape(Guard(select=["WX4"], ignore=list(ignored)).check(text).violations)
    assert api == _shape(Guard(select=["WX402", "WX405", *kept]).check(text).violations)
    assert {r for r, *_ in api} | {a for *_, also in api for a, _ in also} == {
        v.rule for v in Guard(select=["WX4"]).check(text).violations for v in (v, *v.also)
    } - set(ignored)
    monkeypatch.chdir(tmp_path)
    cli = Cli(tmp_path, capsys, monkeypatch)
    cli.write("wxguard.toml", 'select = ["WX4"]\n')
    cli.write("ad.txt", text + "\n")
    cli.write("marked.txt", f"{text}  wxguard: ignore[{codes}]\n")
    cli.write("marked.md", f"<!-- wxguard-disable {codes} -->\n{text}\n")
    assert _cli_shape(cli, "ad.txt", "--ignore", codes) == api
    assert _cli_shape(cli, "ad.txt", "--select", ",".join(["WX402", "WX405", *kept])) == api
    assert _cli_shape(cli, "marked.txt") == api
    assert _cli_shape(cli, "marked.md") == api
    cli.write(
        "per-file.toml", f'select = ["WX4"]\n[per-file-ignores]\n"ad.txt" = {list(ignored)!r}\n'
    )
    assert _cli_shape(cli, "ad.txt", "--config", "per-file.toml") == api


@pytest.mark.parametrize(
    ("text", "absolute"),
    [
        ("全网最低价，买到就是赚到", "全网最低价"),
        ("史上最低价！羽绒服全场2折起，点击链接购买", "史上最低价"),
        ("【广告】【星河超市】周末大促，全场五折，全网最低价", "全网最低价"),
    ],
)
def test_absolute_terms_do_not_stack_with_the_missing_parts(
    wx4: Guard, text: str, absolute: str
) -> None:
    found = wx4.check(text).violations
    assert [v.text for v in found if v.rule == "WX402"] == [absolute]
    (labelling,) = [v for v in found if v.rule in LABELLING]
    others = [v for v in found if v is not labelling]
    assert all(labelling.end <= v.start or v.end <= labelling.start for v in others)


@pytest.mark.parametrize(
    "text",
    [
        "原价1200现价300自用闲置",
        "九成新婴儿车转让，原价1200，现价300，自提",
        "搬家处理：二手沙发一套，原价3000现价500，需要的私聊",
        "闲置iPad一台，自用九成新，800元出",
        "个人转让健身卡一张，还剩8个月，原价2400现价900",
        "闲置一台九成新的儿童自行车，原价599，现200出，自提，在3号楼，有意私聊我",
    ],
)
def test_a_neighbours_one_off_sale_is_not_advertising(wx4: Guard, text: str) -> None:
    assert wx4.check(text).violations == ()
    assert any(s.kind == "personal" for s in commercial_score(text).signals)


@pytest.mark.parametrize(
    "text",
    [
        "二手手机批发，iPhone 12 原价3999现1999，iPhone 13 2999，华为 1599，量大从优，加微信",
        "店铺转让，货架500元，冰柜800元，收银台300元，空调1200元，联系13800138000",
    ],
)
def test_a_trade_that_says_second_hand_or_transfer_is_still_advertising(
    wx4: Guard, text: str
) -> None:
    """转让 and 二手 are a neighbour's words, but wholesale or a list of prices is a shop's."""
    assert "personal" not in _kinds(text)
    assert "WX401" in {v.rule for v in wx4.check(text).violations}


def test_a_signal_cancelled_by_an_unknown_bank_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from wxguard.families.advertising import model

    real = model.family_banks

    def patched(*args: Any) -> Any:
        data, sources = real(*args)
        sources["signal-personal"].options["unless"] = "personal-nope"
        return data, sources

    monkeypatch.setattr(model, "family_banks", patched)
    with pytest.raises(WordListError, match=r"signal-personal\.unless.*personal-nope"):
        model._build(())


def test_one_piece_of_evidence_counts_once() -> None:
    """The contrast 原价599，现200 is one price: 原价 (a special price) and 价599 (a price) inside
    it add nothing more; a price elsewhere in the message still counts."""
    one = commercial_score("新品上市，原价199现价99，点击下单")
    assert [s.kind for s in one.signals] == ["product", "contrast", "cta"]
    two = commercial_score("新品上市，原价199现价99，另有套餐299元")
    assert [(s.kind, s.text) for s in two.signals if s.kind == "price"] == [("price", "299元")]


# -- WX402 wording and exemptions ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "alternative"),
    [
        ("全网最低价，买到就是赚到", "改为「超值优惠」"),
        (
            "本店招牌奶茶12元一杯，全市销量第一！第二杯半价",
            "改为「领先」，并注明数据来源、统计时间和范围",
        ),
        ("最佳礼品选择，中秋礼盒原价398现价268", "改为「优秀」"),
    ],
)
def test_absolute_terms_come_with_a_compliant_wording(
    wx4: Guard, text: str, alternative: str
) -> None:
    (v,) = [v for v in wx4.check(text).violations if v.rule == "WX402"]
    assert v.message == f"广告中使用绝对化用语「{v.text}」"
    assert v.suggestion == alternative


def test_each_absolute_term_gets_its_own_fix_in_plain_words(wx4: Guard) -> None:
    """The fix said 「建议改为「删除“史上最”」」 and 改用可证明的表述，如“广受好评” on every term
    (newuser-s7): a term to drop says so, a term to replace names the wording, and no fix
    repeats another's."""
    found = [
        v
        for v in wx4.check("全网最低价！史上最强空气净化器，国家级品质，买到就是赚到").violations
        if v.rule == "WX402"
    ]
    fixes = {v.text: v.suggestion for v in found}
    assert fixes["全网最低价"] == "改为「超值优惠」"
    assert fixes["史上最强"] == "删去“史上最强”，直接写产品的具体优点"
    assert fixes["国家级"].startswith("删去“国家级”")
    assert len(set(fixes.values())) == len(fixes)
    assert not any("广受好评" in f or "「删" in f for f in fixes.values())
    (en,) = [
        v for v in Guard(select=["WX402"], lang="en").check("全网最低价，买到就是赚到").violations
    ]
    assert en.suggestion == "write 超值优惠 instead"


@pytest.mark.parametrize(
    "text",
    [
        "二手房出售，三室两厅，满五唯一，有意者电话13812345678",  # a property-tax term
        "澳门线上真人百家乐，首充送100%，稳赚",  # a top-up bonus, not an absolute claim
        "充值500送100%，本周有效，详询前台",
    ],
)
def test_terms_that_only_look_absolute(text: str) -> None:
    assert "WX402" not in {v.rule for v in Guard().check(text).violations}


def test_a_ranking_limited_in_time_and_sourced_is_allowed(wx4: Guard) -> None:
    scoped = "【广告】【云朵烘焙】据天猫统计，2023年烘焙类目销量第一，新品蛋糕8折，回T退订"
    bare = "【广告】【云朵烘焙】烘焙类目销量第一，新品蛋糕8折，回T退订"
    assert [v.rule for v in wx4.check(scoped).violations] == []
    assert [(v.rule, v.text) for v in wx4.check(bare).violations] == [("WX402", "销量第一")]


def test_absolute_terms_only_count_in_commercial_messages(wx4: Guard) -> None:
    assert wx4.check("他是我们班的第一名，也是全校最佳辩手").violations == ()


def test_a_seller_speaking_of_its_product_is_held_to_advertising_law() -> None:
    """本产品, 本药品, 专家坐诊 are a seller speaking; 我们家的 and 这款 are when they make a
    claim: the score was 0 or below for these (newuser-s7), so their claims went unjudged."""
    guard = Guard(select=["WX402", "WX405"])
    for text in (
        "本药品能治愈癌症，已帮助上千名患者康复",
        "本产品采用最先进的技术，顶级品质，行业No.1",
        "这款眼霜用了一周皱纹全没了，比医美还管用",
    ):
        assert commercial_score(text).score < 4
        assert guard.check(text).verdict is Verdict.BLOCK, text


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # the sender's signature beside boasts of its goods: the labelled version of the same
        # message was judged, the unlabelled one passed (new-user trial s11)
        ("【优品奶茶】全市最好喝，第一品牌，国家级品质", ["最好", "第一品牌", "国家级"]),
        ("天天鲜果，全城最低价，驰名商标【天天鲜果】", ["最低价", "驰名商标"]),
        # no boast: a bank's credit limit, a tag before news, a review
        ("【招商银行】尊敬的客户，您的信用卡最高可借5万元", []),
        ("【通知】本周六全市最好的医生来社区义诊", []),
        ("这家奶茶全市最好喝，第一品牌吧", []),
    ],
)
def test_a_signed_boast_is_a_seller_speaking(text: str, terms: list[str]) -> None:
    assert [v.text for v in Guard(select=["WX402"]).check(text).violations] == terms
    (report,) = Guard(select=["WX402"]).check_many([text])
    assert [v.text for v in report.violations] == terms


def test_small_sellers_prices_per_unit_are_evidence() -> None:
    signals = commercial_score("本店新到大闸蟹，4两公蟹88一只，需要的私聊我下单").signals
    assert ("price", "88一只") in {(s.kind, s.text) for s in signals}
    assert any(s.kind == "tip" for s in commercial_score("大家可以去买").signals)


# -- WX405 claims: industry and offers -----------------------------------------------------
def test_claims_count_in_the_guards_or_the_messages_industry() -> None:
    text = "这款理财稳赚不赔"
    assert Guard(select=["WX405"]).check(text).violations == ()
    assert [v.text for v in Guard(select=["WX405"], industry="finance").check(text).violations] == [
        "稳赚不赔"
    ]
    found = Guard(select=["WX405"]).check(Message(text=text, industry="finance")).violations
    assert [(v.rule, v.category) for v in found] == [("WX405", "finance")]
    assert Guard(select=["WX405"], industry="medical").check(text).violations == ()


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("祖传秘方，专治各种癌症，治愈率99%", ["祖传秘方", "专治各种癌症", "治愈率99%"]),
        ("吃了这个保健品，三个月降血压，停药不反弹", ["三个月降血压", "停药不反弹"]),
        # returns promised in a seller's words (new-user trial s13)
        ("零风险高收益，保本保息", ["零风险", "保本保息"]),
        ("零風險高收益，保本保息", ["零風險", "保本保息"]),
        ("跟着老师投资，保证月收益20%，亏了全额赔付。", ["保证月收益20%", "亏了全额赔付"]),
    ],
)
def test_a_sellers_promise_beside_another_is_a_pitch_without_a_price(
    text: str, claims: list[str]
) -> None:
    """Unlabelled cure claims passed while the same text labelled 【广告】 blocked
    (newuser-s6): two promises, one only a seller makes, are an offer of their own."""
    found = apart_of(Guard(select=["WX405"]).check(text).violations)
    assert [(v.rule, v.text) for v in found] == [("WX405", c) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "我妈的病终于治愈了，医生说没有副作用",  # two claims, neither a seller's
        "这种癌症治愈率很低，还没有特效药",  # news of a disease
        "我家有个祖传秘方",  # one promise alone
        "专治各种不服",
        "谨防“祖传秘方，专治癌症”骗局",
        # one promise, however it is spelt (稳赚 inside 稳赚不赔 is no second), a warning, a
        # bank deposit told as capital-protected (trial s13)
        "这款理财稳赚不赔",
        "保本保息",
        "警方提醒：保本保息高收益都是骗局",
        "银行定期存款保本保息，没有风险",
        "我邻居被理财群骗了，人家说零风险，保本保息",
    ],
)
def test_a_claim_in_chat_news_or_a_warning_is_no_pitch(text: str) -> None:
    assert Guard(select=["WX405"]).check(text).violations == ()


@pytest.mark.parametrize(
    "text",
    [
        # new-user trial s7b: a news line and a victim's story quoting the claim
        "电视上报道说那些“包治百病”的神药其实就是淀粉片，骗了好多老人",
        "我邻居被“投资理财群”骗了二十多万，说是导师带单稳赚不赔，唉",
        "我妈被骗了，买了个说是包治百病的保健品",
    ],
)
def test_a_claim_told_in_a_news_or_a_victims_sentence_is_not_made(text: str) -> None:
    assert Guard(select=["WX405"]).check(text).violations == ()


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("我们的药真的“包治百病”，欢迎咨询", "包治百病"),  # quoted for emphasis
        ("别再被骗了，我们的药“包治百病”", "包治百病"),  # a seller's hook tells of no one
        ("被骗过的朋友看过来，我们的药“包治百病”", "包治百病"),
        ("别再被骗了，本品“包治百病”", "包治百病"),  # a seller speaking
        ("新闻报道说这种药包治百病，一盒只要99元", "包治百病"),  # a price addresses a reader
    ],
)
def test_a_seller_quoting_its_own_claim_or_borrowing_a_victims_words_still_makes_it(
    text: str, claim: str
) -> None:
    found = apart_of(Guard(select=["WX405"]).check(text).violations)
    assert [(v.rule, v.text) for v in found] == [("WX405", claim)]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # new-user trial s8: health-food, slimming and acne pitches with no price passed
        ("减肥茶一周瘦十斤，不反弹，纯天然无副作用", ["一周瘦十斤", "不反弹", "无副作用"]),
        ("保健品能治疗癌症，抗癌效果显著，老人必备", ["治疗癌", "抗癌效果显著"]),
        ("专业祛痘，一次根除，永不复发，不好不收钱", ["一次根除", "永不复发", "不好不收钱"]),
        ("这种药治疗高血压疗效显著，欢迎咨询", ["治疗高血压", "疗效显著"]),
    ],
)
def test_a_cure_or_slimming_pitch_is_a_forbidden_claim(text: str, claims: list[str]) -> None:
    found = apart_of(Guard(select=["WX405"]).check(text).violations)
    assert [(v.rule, v.text) for v in found] == [("WX405", c) for c in claims]
    assert Guard().check(text).verdict.value == "block"


@pytest.mark.parametrize(
    "text",
    [
        "专家提醒：声称能治疗癌症的保健品都是骗局",
        "警方查获一批假冒抗癌药，号称能治疗癌症，已立案",
        "警方查获一批假药，商家宣传一次根除、永不复发，抗癌效果显著",
        "朋友圈卖的减肥茶说一周瘦十斤，不反弹，纯天然无副作用，大家别信",
        "声称一周瘦十斤不反弹的减肥茶都是骗局",
        "研究显示，该药治疗肺癌疗效显著",
        "我瘦了十斤，一直不反弹",
        "这家店不好不收钱，老板很实在",
    ],
)
def test_the_same_claims_warned_of_reported_or_lived_are_not_made(text: str) -> None:
    assert Guard(select=["WX405"]).check(text).violations == ()


@pytest.mark.parametrize(
    "text",
    [
        "【广告】美佳口腔，种植牙6800元/颗，医保可用，咨询电话 0571-88888888，回T退订",
        "【广告】美佳口腔 种植牙6800元/颗，回T退订",
        "【广告】【李记水果店】车厘子99元一斤，回T退订",
    ],
)
def test_a_clinic_or_shop_named_after_the_label_is_the_sender(wx4: Guard, text: str) -> None:
    """New-user trial s8: 【李记水果店】 counted as the sender but 【广告】美佳口腔，… did not."""
    assert "WX404" not in {v.rule for v in wx4.check(text).violations}


def test_a_heading_after_the_label_is_still_no_sender(wx4: Guard) -> None:
    found = wx4.check("【广告】暑期培训，全场五折，回T退订").violations
    assert [v.rule for v in found] == ["WX404"]


@pytest.mark.parametrize(
    "text",
    [
        # spam_sms eval rows: a red packet or a gift pack is no exam passed (包过)
        "周年庆开抢，大红包过亿，会员专享，回td退订",
        "年货礼包过期如未领用上(链接)礼包内含8元券，回td退订",
    ],
)
def test_a_red_packet_or_gift_pack_is_no_pass_guarantee(text: str) -> None:
    assert Guard(select=["WX405"]).check(text).violations == ()


def test_claim_message_names_its_kind(wx4: Guard) -> None:
    (v,) = [v for v in wx4.check("专业考证培训，保过，报名从速").violations if v.rule == "WX405"]
    assert v.message == "违规承诺「保过」（教育培训效果保证）"


# -- users' phrase files -------------------------------------------------------------------
def test_a_phrase_file_adds_an_absolute_term_and_an_exemption(tmp_path: Path) -> None:
    product = "【广告】【乐途】最佳拍档套餐立减20元，回T退订"
    boast = "【广告】【乐途】宇宙第一好喝，立减20元，回T退订"
    default = Guard(select=["WX402"])
    assert [v.text for v in default.check(product).violations] == ["最佳"]
    assert default.check(boast).violations == ()
    path = tmp_path / "brand.toml"
    path.write_text(
        '[advertising]\nabsolute = ["宇宙第一"]\nabsolute-exempt = ["最佳拍档"]\n', "utf-8"
    )
    guard = Guard(select=["WX402"], phrases=[path])
    assert guard.check(product).violations == ()
    assert [v.text for v in guard.check(boast).violations] == ["宇宙第一"]


def test_a_phrase_file_adds_commercial_evidence(tmp_path: Path) -> None:
    text = "土蜂蜜今天到了，欢迎团购"
    assert not commercial_score(text).commercial
    path = tmp_path / "shop.toml"
    path.write_text('[advertising]\nsignal-contrast = ["今天到了"]\n', "utf-8")
    assert commercial_score(text, phrases=(path,)).commercial


def test_bad_advertising_phrase_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[advertising]\nabsolutes = ["最强"]\n', "utf-8")
    with pytest.raises(WordListError, match=rf"^{path}:2: \[advertising\] has no bank 'absolutes'"):
        Guard(select=["WX4"], phrases=[path])


# -- properties ----------------------------------------------------------------------------
_ALPHABET = list(
    "原价现价元折全场最佳第一国家级回T退订【广告】星河书店包过保本根治本品报名，。！？ 0123456789"
)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60))
def test_spans_map_into_the_original_and_nothing_crashes(text: str) -> None:
    found = Guard(select=["WX4"]).check(text).violations
    for v in found:
        assert 0 <= v.start < v.end <= len(text) and text[v.start : v.end] == v.text
    assert len([v for v in found if v.rule in LABELLING]) <= 1
    assert len({(v.start, v.end) for v in found}) == len(found)  # one mark per span
    score = commercial_score(text)
    assert score.commercial == (score.score >= score.threshold)
    assert all(text[s.start : s.end] == s.text for s in score.signals)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_scored_without_error(text: str) -> None:
    Guard(select=["WX4"]).check(text)
    commercial_score(text)


def test_message_commercial_by_its_label_alone_does_not_crash() -> None:
    text = "【广告】【广告】广告：（广告）\n本文介绍【广告】标签的写法。"
    report = Guard().check(text)
    assert all(text[v.start : v.end] == v.text for v in report.violations)


# -- evidence real ads carry (issue 13 item 7, session 3) -----------------------------------
def _kinds(text: str) -> set[str]:
    return {s.kind for s in commercial_score(text).signals}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("新春红包大派送，进店即送精美礼品", "promo"),  # a campaign, not a parcel on its way
        ("洋酒专场买一瓶送一瓶，欢迎新老朋友光顾", "discount"),  # any measure word
        ("本月商场满300元抵50元，家电以旧换新", "discount"),
        ("同程旅游夏日特惠，海岛度假(链接)回td退订", "url"),
        ("新款春装上市 https://shop.example.cn/spring 回T退订", "url"),
        ("收购二手家电、旧空调，上门回收，电话13812345678", "offering"),  # a trade in 二手 goods
        ("高价回收二手车，免费评估，当场交易，联系电话13812345678张先生", "offering"),
        ("麻将机控制器，现场试效果，满意再付款，咨询电话13812345678", "offering"),  # terms
        ("已收到您的简历，您已被录用，请添加人事微信13812345678了解详情", "recruit"),
        ("新学期补习班招生啦，一对一辅导，名师授课", "tuition"),  # sign-up and what is sold
        ("无抵押信用贷款，利息低，有需要的联系我", "credit-terms"),  # the offer and its terms
    ],
)
def test_evidence_real_ads_carry(text: str, kind: str) -> None:
    score = commercial_score(text)
    assert kind in {s.kind for s in score.signals}
    assert score.commercial
    # no evidence against: 二手 in a trade, 满意 in terms of sale, 收到 from a sender,
    # 派送 in a campaign are not a neighbour's sale, a review, chat or a parcel
    assert all(s.weight > 0 for s in score.signals)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("出个二手婴儿车，九成新，50元，楼下自提", "personal"),
        ("我家那辆二手车想卖了，8万，有兴趣的私聊", "personal"),
        ("我在楼下超市买的西瓜才2块钱一斤，太划算了", "chat"),
        ("妈，小区门口那家水果店开业了，全场八折，我买了点橘子回来", "chat"),
        ("收到，谢谢大家", "chat"),
        ("这家酒店住得很满意，早餐也不错，下次还来", "review"),
        ("快递显示正在派送，下午应该能到", "transaction"),
        ("孩子们的照片已上传到 https://pan.example.com/abc ，大家自取", "url"),
        ("今晚聚餐地点 https://map.example.com/xyz ，人均100元，大家准时", "url"),
        ("孩子在学校托管班，费用每月300元", "price"),
        ("家里闲置的婴儿床，谁要就拿走", "personal"),
        ("今天的作业是第三页，明天交", "notice"),
        ("我们昨天入住的，房间很干净", "chat"),
        ("这套房子首付30万，我们还在考虑要不要买", "realestate"),
    ],
)
def test_personal_messages_with_the_same_words_stay_non_commercial(text: str, kind: str) -> None:
    assert kind in _kinds(text)
    assert not commercial_score(text).commercial


def test_an_email_address_is_not_a_link() -> None:
    assert "url" not in _kinds("有兴趣的可以一起研究，我的邮箱 bookzip@qq.com")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("打车去吧，出租车十分钟就到", "realestate"),  # a taxi, not a flat to let
        ("这家公司准备上市融资", "product"),  # a listing, not goods on sale
        ("推出个人无抵押贷款", "personal"),  # a lender's product, not 出个 (selling one)
        ("有闲置的资金可以买理财", "personal"),  # money to invest, not things to sell
        ("辅导作业班正在报名", "notice"),  # a course, not homework
        ("精装修，拎包入住", "chat"),  # a flat for sale, not a guest's stay
        ("给您提供满意的装修方案", "review"),
        ("移动大礼包派送开始啦", "transaction"),  # a campaign, not a parcel
        ("诚聘英才 代理合作 联系我们", "solicit"),  # a website's footer, not "contact me"
        ("他以1700万英镑买下了一座豪宅", "price"),  # 万 before another currency
        ("全市近20万人参加了这次活动", "price"),  # 万 before a count
        ("这是在置业者购房前必须了解的事", "property"),  # 置业 is realestate, not a sale
        ("活动在白云国际会议中心举行", "notice"),  # a venue, not a meeting
        ("感谢致电安泰物流萧山公司", "chat"),  # a carrier's name, not a customer's parcel
    ],
)
def test_look_alikes_are_no_evidence(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


def test_a_news_report_on_a_business_counts_against() -> None:
    score = commercial_score("步步高集团20周年庆典暨创新论坛在长沙召开")
    assert any(s.kind == "news" and s.weight < 0 for s in score.signals)


@pytest.mark.parametrize(
    ("masked", "real", "word", "kind"),
    [
        ("面积xxx平，采光好", "面积120平，采光好", "面积box平，采光好", "realestate"),
        (
            "首发第一站茉莉花酒店xx楼",
            "首发第一站茉莉花酒店12楼",
            "首发第一站茉莉花酒店ox楼",
            "address",
        ),
        ("活动xx月x日至xx月x日", "活动12月1日至12月8日", "活动ox月x日至ox月x日", "event"),
    ],
)
def test_a_masked_number_of_several_digits_counts_like_a_real_one(
    masked: str, real: str, word: str, kind: str
) -> None:
    assert kind in _kinds(masked)
    assert kind in _kinds(real)
    assert kind not in _kinds(word)  # box, ox: letters, not a masked number


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("羊绒衫全场85折", "discount"),  # 85折 is 8.5折
        ("羊绒衫全场xx折", "discount"),
        ("全场x.xx折起", "discount"),
        ("化妆品xxx减xxx", "discount"),  # spend-x-save-y written without 满
        ("化妆品300减100", "discount"),
        ("送餐的师傅说 xxx xxxx xxxx", "phone"),  # a mobile number written in groups
        ("送餐的师傅说 138-1234-5678", "phone"),
        ("订餐请拨 138-1234-5678", "contact"),  # a call and its number: one contact line
        ("我是您的置业顾问小王", "intro"),
        ("首付x万起，现房销售", "price"),
        ("有意收购的请与项目部联系", "solicit"),
        ("欢迎家长朋友们过来看一下", "cta"),
        ("本周六盛大开盘，样板间开放", "property"),  # a developer's words, beside 首付 or 均价
        ("复核增分最后x个名额", "event"),
        ("信用贷款，手续简单，当天放款", "credit-terms"),
        ("远景教育特开设全日制课程", "enrol"),
        ("买一年送一年，健身游泳都可以", "discount"),
        ("存xxx送xx%，即存即送", "discount"),  # a top-up bonus
        ("买一箱奶粉加送洗衣液", "discount"),
        ("“【乐宾百货】三八节大型彩妆促销", "signature"),  # after an opening quote
        ("诚等您的来电", "cta"),
        ("有意向的朋友来公司详谈", "solicit"),
        ("商铺首付xxw起", "price"),
    ],
)
def test_shapes_of_real_ads_are_evidence(text: str, kind: str) -> None:
    assert kind in _kinds(text)


# -- claims as evidence of an ad (issue 13 item 7) ------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "这款减肥茶一个月瘦二十斤，无效退款",  # a promise and a guarantee
        "一次根治，永不复发，138元一盒",  # a promise and a price
        "专治鼻炎，签约治疗，无效退款，详询13812345678",
    ],
)
def test_an_efficacy_promise_with_a_guarantee_or_a_price_is_an_ad(wx4: Guard, text: str) -> None:
    assert commercial_score(text).commercial
    rules = {v.rule for v in wx4.check(text).violations}
    assert "WX405" in rules
    assert "WX401" in rules  # an ad, so it must be labelled too


@pytest.mark.parametrize(
    "text",
    [
        "我觉得这家店最好吃",  # an opinion with an absolute term
        "我一个月瘦了二十斤，开心",  # someone's news, not a promise
        "这病没法根治，医生说只能控制",  # a negated cure
        "警惕“一个月瘦二十斤，无效退款”的虚假宣传",  # a promise quoted to warn against it
        "医生说坚持锻炼能根治失眠",  # a cure alone, no seller
    ],
)
def test_opinions_news_and_warnings_about_claims_are_not_ads(wx4: Guard, text: str) -> None:
    assert not commercial_score(text).commercial
    assert wx4.check(text).violations == ()


@pytest.mark.parametrize(
    "text",
    [
        "【广告】鲜果坊水果店：今日车厘子特价，回T退订",  # named after the label
        "【广告】星河烘焙：新品上市，全场8折，退订回T",
        "【广告】今日车厘子特价，全场8折，回T退订【鲜果坊】",  # signed at the end
        "【广告】今日车厘子特价，全场8折，回T退订 —鲜果坊",
        "【广告】今日车厘子特价，全场8折，回T退订—鲜果坊",
        "【广告】今日车厘子特价，全场8折，回T退订 - 鲜果坊",
        "【广告】今日车厘子特价，全场8折，回T退订——鲜果坊",
    ],
)
def test_a_sender_named_after_the_label_or_signed_at_the_end_is_a_sender(
    wx4: Guard, text: str
) -> None:
    """Issue 14: only a 【…】 bracket counted as the sender's name."""
    assert wx4.check(text).violations == ()


@pytest.mark.parametrize(
    "text",
    [
        "【广告】新品上市：全场8折，回T退订",  # a heading, not a name
        "【广告】双十一大促：全场8折，回T退订",
        "【广告】活动时间：本周末全场8折，回T退订",
        "【广告】限时特价：大闸蟹原价388现价188，回T退订",
        "【广告】【新品上市】全场8折，回T退订",
        "【广告】全场5折—仅限今天，回T退订",  # a dash inside the text signs nothing
        "【广告】全场5折，回T退订。鲜果坊",  # a bare word at the end may be anything
    ],
)
def test_a_heading_or_a_dash_inside_the_text_is_no_sender(wx4: Guard, text: str) -> None:
    assert [v.rule for v in wx4.check(text).violations] == ["WX404"]


@pytest.mark.parametrize(
    "text",
    [
        "我们店可以开发票",  # a shop's service: it issues invoices for what it sells
        "我们店能开具发票，需要的话跟前台说",
        "本周六上午9点，学校运动会开始报名，请家长通过链接报名：https://www.example.edu.cn/signup",
        "校运会报名 https://sports.example.edu.cn/a",
        "六一文艺汇演节目报名，请点击链接填写：https://www.example.edu.cn/form",
        "社区志愿者报名：https://www.example.gov.cn/volunteer",
    ],
)
def test_a_shops_invoice_and_a_schools_sign_up_are_not_ads(text: str) -> None:
    """Issue 14 (the new-user trial): 我们店可以开发票 scored 4.12 (发票 as illegal trade), a
    school's sign-up notice with an https link 4.03."""
    assert not commercial_score(text).commercial
    assert Guard().check(text).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "text",
    [
        "开发票(电话)某某",
        "你好，本公司可开发票，点数优惠，验证后付款，联系电话13800138000",
        "发票请联系(电话)某某",
        "暑期班火热报名中，名额有限，报名链接 https://www.example.com/signup",
        "少儿编程春季班报名 https://www.example.com/a，前20名立减300元",
        "运动会专场：全场运动鞋5折，点击链接 https://shop.example.com/a 抢购",
    ],
)
def test_invoice_sellers_and_course_sign_ups_stay_commercial(text: str) -> None:
    assert commercial_score(text).commercial


# -- shapes of real ads the score missed (issue 13 item 7, session 5) -----------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("楼贷、工薪贷、企业贷，利息低，欢迎咨询", "loan"),  # the kinds of loan a lender lists
        ("护肤品每满300元获赠面膜一盒", "discount"),  # a gift for spending
        ("婚宴用酒一律一瓶送一瓶", "discount"),  # buy-x-get-y without 买
        ("澳门线上投注平台，赔率最高", "illicit"),  # a betting site's words
        ("官网:wxqqk.cc 查看领取", "link"),  # where to sign up or claim
        ("黄岐君景湾全新一手楼，商住两用", "property"),
        ("电子厂招临时工，长白班，男女不限", "recruit"),
        ("另招男女小时工，每小时20元", "recruit"),
        ("春装已到，详情请联系店长", "cta"),
        ("厂商直销，价格透明", "offering"),
        ("款式齐全，做工精细", "offering"),
        ("有需求的农户欢迎与本公司联系", "solicit"),
        ("现场礼品多多，惊喜多多", "promo"),
        ("数量有限，莫失良机", "cta"),
    ],
)
def test_what_real_ads_say_is_evidence(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "楼贷、工薪贷、企业贷，利息x.xx起，欢迎咨询",
        "澳门线上娱乐场，真人百家乐，官网:www.example-casino.com",
        "电子厂招临时工，长白班，xx元每小时，详情请联系",
        "金地一手楼首开，xx-xxx平精装公寓，首付xx万起",
    ],
)
def test_real_ad_shapes_are_commercial(text: str) -> None:
    assert commercial_score(text).commercial


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("送货也很快，第二天上午就送到了", "benefit"),  # a delivery, not a gift
        ("享受待遇期限为一年", "job-terms"),  # what a policy grants, not a job's pay
        ("作为金卡会员，充分享受金卡的待遇", "benefit"),
        ("步步高集团20周年庆典在长沙召开", "promo"),  # a ceremony the news reports
        ("酒店旁边是个娱乐场所，很吵", "illicit"),  # a venue, not a casino
        ("每天8小时工作，周末双休", "recruit"),  # a working day, not hourly work
        ("专业的全球物流快递服务", "chat"),  # a carrier's trade, not a customer's parcel
        ("首付x万起入住", "chat"),  # a flat on sale, not a guest's stay
        ("个人作品网址:example.com", "link"),
    ],
)
def test_look_alikes_of_ad_shapes_are_no_evidence(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("暑期班火热报名 https://www.example.com/a", "暑期班火热报名", "暑期班火热报名"),
        ("点击 https://shop.example.com/a 抢购，全场5折", "点击", "全场5折"),
        ("全场5折，抢购 www.shop.com/a", "全场5折", "抢购"),
    ],
)
def test_a_missing_part_is_never_anchored_inside_a_link(
    wx4: Guard, text: str, start: str, end: str
) -> None:
    """The label goes before the first clause and the opt-out after the last one: a link is
    neither (the anchor was 「暑期班报名 https」 and 「com/a」)."""
    (mark,) = wx4.check(text).violations
    spans = {v.rule: v.text for v in (mark, *mark.also)}
    assert spans == {"WX401": start, "WX404": start, "WX403": end}


@pytest.mark.parametrize(
    "text",
    [
        "报名在这个页面 https://www.qq.com/",
        "报名表：张小明，8岁，三年级二班，家住幸福里小区5栋301，家长电话13800001111",
        "公司开票信息：星辰科技有限公司，税号91110108MA01234567，开户行招商银行北京分行",
    ],
)
def test_a_sign_up_page_a_childs_form_and_billing_details_are_not_ads(text: str) -> None:
    """New-user trial s5: each was told to add 【广告】 and 回T退订 (报名 + a link 4.07; a
    parent's phone in a form 6.19; 开户行 and 招商银行 read as a gambling account and a
    franchise call, 5.54)."""
    assert not commercial_score(text).commercial
    assert not [v for v in Guard().check(text).violations if v.rule.startswith("WX4")]


@pytest.mark.parametrize(
    "text",
    [
        "火锅品牌招商加盟，零经验开店，咨询电话13800001111",
        "真人百家乐在线开户，首存送彩金，联系电话13800001111",
        "少儿编程春季班报名表已出，学费2980元，报名热线13800001111",
    ],
)
def test_franchise_calls_gambling_accounts_and_courses_stay_commercial(text: str) -> None:
    assert commercial_score(text).commercial


# -- shapes of real ads the score missed (issue 13 item 7, session 6) -----------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("您日后有资金需求可以与我联系", "solicit"),  # 需求 + contact me
        ("如有需要，请提前预订", "solicit"),
        ("我是做无抵押信用贷款的小李", "intro"),  # a trade introduced, not a person
        ("全场满百送百", "discount"),  # spend-x-get-y in Chinese numerals
        ("豪宅品鉴热线：", "contact"),  # a hotline label, its number cut off
        ("10分钟当场放款", "credit-terms"),
        ("营销中心盛大开放", "property"),
        ("项目位于地铁口，主力面积90平", "property"),
        ("我公司生产塑料检查井对外销售", "offering"),
        ("浙江优安（专业制造商）", "offering"),
        ("春夏款上衣已到", "product"),
        ("新年好！本店祝您财源广进", "greeting"),
        ("昂立外语春季班正在报名中", "tuition"),
        ("周末班、提高班均有名额", "enrol"),
        ("电子厂长白班，包吃住", "job-terms"),  # a job's terms apart from the offer
        ("价格很有优势，质量有保证", "quality"),
        ("感恩老客户", "customers"),
        ("这次活动力度很大", "promo"),
        ("到场即有精美礼品", "gift"),
        ("凭此短信到店领取礼品", "benefit"),  # what the message itself is worth
        ("仅此一天", "event"),
        ("1月8号当天", "event"),
        ("需要用车请联系李师傅", "cta"),
    ],
)
def test_more_of_what_real_ads_say_is_evidence(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("这件毛呢大衣真好看", "question"),  # wool cloth
        ("好开心??", "question"),  # emoji lost to the encoding, no question
        ("上海瑞玛广告|VI设计公司|品牌策划", "label"),  # a company named 广告, no label
        ("宽带10元一小时", "job-terms"),  # a price per hour, not a wage
        ("工资什么时候发", "job-terms"),  # workers talk of their pay
        ("如有疑问请联系班主任", "cta"),  # a notice's help line
        ("步行至外滩仅需4分钟", "price"),  # a walk, not a price
        ("真的很想报名中传啊", "tuition"),  # applying to a university, no course on sale
        ("两地的朋友请联系我", "cta"),  # one request, counted once (solicit's)
    ],
)
def test_look_alikes_of_the_new_shapes_are_no_evidence(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "我是做无抵押信用贷款的，有资金需求可以与我联系",
        "家长您好！新学期补课已经开始报名，周末班、提高班均有名额",
        "我公司专业生产PE管材，对外销售，价格很有优势",
        "主力面积90平，地铁口准现房，品鉴热线：",
    ],
)
def test_loans_courses_factories_and_flats_as_real_ads_word_them_are_commercial(
    text: str,
) -> None:
    assert commercial_score(text).commercial


@pytest.mark.parametrize(
    "text",
    [
        "从头到尾看了遍Amazon的会员大促销的东西",  # someone who looked, not a shop
        "百度众测送我200元百度钱包代金券",  # a gift received
        "收了包天的10元话费，却打不出电话",  # a complaint about a charge
        "办了张50元的会员卡，被忽悠了，郁闷",
    ],
)
def test_people_telling_what_they_saw_got_or_paid_for_are_not_ads(text: str) -> None:
    """Each held two kinds of evidence that the session-6 weights add up past the threshold
    (a price and a voucher, a price and a phone bill); what the sender did (看了, 送我, 收了,
    忽悠) takes it back."""
    assert not commercial_score(text).commercial


# -- shapes of real ads the score missed (issue 13 item 7, session 8) -----------------------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("第108期：三肖中特，绿波", "lottery"),  # a lottery tip's issue and pick
        ("本期主攻鼠牛虎兔", "lottery"),  # four zodiac signs picked
        ("有事请打13900001111张经理", "signature"),  # a seller signs the number
        ("订票85556666", "contact"),  # a booking line without 电话
        ("微信号：shop2024", "contact"),
        ("现货供应，13900001111w", "phone"),  # a letter stuck on to pass filters
        ("我是阳光KTV的小美", "intro"),
        ("我是专业疏通下水道的", "intro"),  # a trade, not a person
        ("有任何问题可以咨询我", "solicit"),
        ("周年活动正式开始", "promo"),
        ("多买多得", "promo"),
        ("进店抽大奖", "gift"),
        ("购车即享三重礼", "gift"),
        ("提成丰厚，上不封顶", "job-terms"),
        ("注册网址www.example.com", "link"),
        ("本公司有税票", "illicit"),
        ("我们的价格全市最低", "quality"),
        ("市政道路工程招标公告", "notice"),  # a tender is a notice
        ("感谢您的宝贵意见，给您带来不便深表歉意", "reply"),  # a reply to a complaint
    ],
)
def test_what_real_ads_say_is_evidence_s8(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("原本期望很高", "lottery"),  # 本期 inside 原本期望
        ("这件事他办得马马虎虎", "lottery"),  # a saying, not four picks
        ("我是专业人员也搞了一天的", "intro"),  # a customer who is an expert
        ("江南大学公开课在商学院举办", "enrol"),  # a lecture, not a course on sale
        ("截止2024年6月30日，本行资产总额增长", "event"),  # a statement's as-of date
        ("这也是上半年房地产贷款的主要增长点", "org"),  # the trade, not a developer
        ("绿地拟参与工业地产的开发建设", "org"),  # the trade, not a developer
        ("转发本条，抽3位送500元京东卡", "price"),  # a prize's worth, not a price
        ("酒店宽带很慢", "telecom"),  # a guest's broadband
        ("在网上订购的书今天到了", "telecom"),  # a reader's order
        ("工单号13900001111", "signature"),  # no name after the number
    ],
)
def test_look_alikes_of_the_s8_shapes_are_no_evidence(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "第108期：三肖中特，绿波必中",
        "货源充足13900001111张经理",
        "我是阳光KTV的小美，今晚有空来玩，期待您的光临",
        "临街门面出租，无转让费，有意者联系电话13900001111",
    ],
)
def test_tips_signed_numbers_venues_and_jobs_as_real_ads_word_them_are_commercial(
    text: str,
) -> None:
    assert commercial_score(text).commercial


@pytest.mark.parametrize(
    "text",
    [
        "感谢您的宝贵意见，给您带来不便深表歉意，本店已整改，期待您再次光临",
        "这也是上半年房地产贷款的主要增长点",
        "尊敬的用户：截止2024年6月30日20时",
        "江南大学公开课在现代建筑设计集团举办",
    ],
)
def test_replies_statements_and_news_are_not_ads(text: str) -> None:
    assert not commercial_score(text).commercial


# -- session 9: evidence read in spaced-out words, look-alikes taken out --------------------
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("专 业 办 理 无 抵 押 贷 款，利 息 低", {"loan", "credit-terms"}),
        ("零/首/付，贷/款/秒/批", {"realestate", "loan", "credit-terms"}),
        ("名*师*授*课，一*对*一", {"tuition"}),
    ],
)
def test_words_spaced_out_or_split_by_symbols_are_read_whole(text: str, kinds: set[str]) -> None:
    score = commercial_score(text)
    assert kinds <= {s.kind for s in score.signals}
    assert all(text[s.start : s.end] == s.text for s in score.signals)  # spans of the original
    assert any(" " in s.text or "/" in s.text or "*" in s.text for s in score.signals)


def test_only_gaps_between_two_chinese_characters_are_closed() -> None:
    from wxguard.families.advertising.model import closed

    text = "房间 很大，88 元一斤，call me 明天"
    assert closed(text) == (
        "房间很大，88 元一斤，call me 明天",
        [i for i in range(len(text)) if i != 2],
    )
    assert closed("没有空格的一句话") is None
    assert closed("第一行\n第二行") is None  # a new line is no gap inside a word


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("新春好礼等你领", "cta"),
        ("敬请关注本店新品", "cta"),
        ("现在预约可享优惠", "cta"),
        ("有空过来看看", "cta"),
        ("营业时间内遇忙请拨打总台", "contact"),
        ("需要的朋友均可拨打", "contact"),
        ("收到请回复，帮您预留席位", "event"),  # a seminar's seats
        ("这是我的业务QQ，您存下", "intro"),  # a salesperson's number to save
        ("专业上门开锁换锁芯", "offering"),
        ("石料厂现有大量碎石", "offering"),
        ("不知您最近是否有资金上的需要？", "solicit"),  # an offer asked as a question
        ("成绩快速提升，轻松考上名校", "tuition"),
        ("我们帮助您解决装修烦恼", "pitch"),
        ("庆祝开学(3号到9号)文具大甩卖", "event"),  # a campaign's days
        ("欢迎大家来参观咨询", "cta"),
        ("机器正规，费率低，详情跟我联系。", "solicit"),  # closing the offer
        ("票据价格跟市场走。周建国13900001111", "signature"),  # a name signing off before a mobile
        ("新进一批除草剂", "product"),
        ("年后有装修需要，可以联系我们", "solicit"),
        ("希望能与贵公司长期合作", "solicit"),
        ("年货节预订有礼", "gift"),
        ("祛斑一次性见效", "efficacy"),
        ("尊敬的朋友，您好", "customers"),
        ("售楼处下周开始接受预约", "cta"),
        ("买办公家具，找宏达家具城", "cta"),  # the seller's slogan
        ("红米手机原价999，现场899", "contrast"),  # the on-site price
    ],
)
def test_what_real_ads_say_is_evidence_s9(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("这家酒店2005年开业至今没重新装修过", "promo"),  # a hotel's age, not an opening
        ("比不上新开业的那家", "promo"),
        ("退房时多收了我30元电话费", "telecom"),  # a phone bill, not a top-up
        ("昨天才收到货，物流太慢", "product"),  # a customer's parcel, not new stock
        ("赠品缺货，提不到货", "product"),
        ("楼下有超市，买东西很方便", "org"),  # a mall beside the hotel is weighed apart
        ("顺便叫了当地产的啤酒", "org"),  # a place's produce, not a developer
        ("九鼎控股集团项目正式上市的日子", "org"),  # a group in the news is weighed apart
        ("公司申请出租汽车经营资格证", "realestate"),  # a taxi, not a flat to let
        ("这是置业者买房前要了解的事", "org"),  # a buyer, not a developer
        ("单位团购房的名额下来了", "promo"),  # an employer's scheme, not a group buy
        ("全市有近20万商铺", "price"),  # 万 before a count
        ("我在群里说了，请周建国13900001111", "signature"),  # a name inside a sentence
        ("【新闻】《男子出售冰毒》。详见今日晚报", "signature"),  # a news tag, not a sender
        ("软件更新进入最后阶段", "product"),  # an update, not new stock
        ("请各位老总上网站查阅价格", "notice"),  # a seller addressing buyers, not a notice
    ],
)
def test_look_alikes_of_ads_in_reviews_and_news_are_no_evidence_s9(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


def test_a_news_line_on_sales_figures_counts_against() -> None:
    assert "news" in _kinds("项目累计成交均价为15309元/平方米")


def test_a_trade_in_second_hand_machines_is_no_neighbours_sale() -> None:
    assert "personal" in _kinds("二手挖机，九成新，便宜出")
    assert "personal" not in _kinds("二手挖机买卖，旧机置换，欢迎咨询")


# -- session 10: evidence against that read an ad wrongly; shapes of offers; greetings --------
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("生产塑料托盘、垃圾桶周转箱，对外销售", "review"),  # goods, not a verdict
        ("不看后悔的好房", "review"),  # a seller's urgency, not a buyer's regret
        ("错过机会请别后悔", "review"),
        ("有机会来体验相信会满意", "review"),  # a seller's promise
        ("不用着急，把行驶证拍照发给我", "chat"),  # reassurance, not a product in use
        ("10万精装没住过人", "chat"),  # a flat never lived in
        ("迅捷物流，山西专线，正常营业", "chat"),  # the carrier sending the message
        ("各位家长朋友：小红帽托管班开始招生了", "notice"),  # a class of its own name enrolling
        ("各位家长您好：昂立外语春季班正在报名中", "notice"),
        ("有鸡翅尖四百斤，低价出售", "personal"),  # stock by the hundred jin: a trader
        ("银行承兑汇票转让贴现", "personal"),  # a finance trade
    ],
)
def test_evidence_against_does_not_misread_an_ad_s10(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("住了一晚就后悔了", "review"),
        ("垃圾酒店，再也不来", "review"),
        ("服务很满意", "review"),
        ("这手机用着还行", "chat"),
        ("昨天收到，物流太慢", "chat"),
        ("没住过这么差的酒店", "chat"),
        ("各位家长：学校严禁教师办校外辅导班，下周开始报名兴趣课", "notice"),
        ("搬家低价出一个冰箱", "personal"),
    ],
)
def test_reviews_notices_and_neighbours_still_count_against_s10(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("迎新年，充1000赠送100", "discount"),  # a top-up bonus
        ("一次性购买满八百元即可赠送棉袄一件", "discount"),  # Chinese numerals
        ("订购1000元即可获赠价值100元产品", "discount"),  # spend x, get a gift
        ("家装活动交三千顶六千", "discount"),  # pay x, count as y
        ("定金100抵1000", "discount"),
        ("100元起投，按月付息", "finance"),  # an investment's minimum stake
        ("办各类证件。祥：1 3 8 1 2 3 4 5 6 7 8 李伟", "phone"),  # digits spaced out
        ("按摩一次100，需要的请打电话，上门服务", "offering"),
        ("按摩一次100，需要的请打电话，上门服务", "price"),
        ("上海大众4S店团购活动", "store"),
        ("专业食品包装设计，如有需要请与我联系", "offering"),
        ("还能帮您代开发票", "pitch"),  # a seller's offer to a customer
        ("合同到期，所有货品出厂价大处理", "promo"),  # a clearance
        ("下载APP即送百元券", "gift"),  # a voucher's worth
        ("我是潜山路奢侈品折扣店，近期到了很多春款", "org"),
        ("二手车市场A10档口，今日正式开工", "org"),
        ("本公司主要经营各类管材", "offering"),
        ("距离家装文化节还有10天", "event"),  # a countdown
        ("我司即今天正式开售私募产品", "promo"),  # a launch on sale
        ("手续简单，一周内办好！想了解更多请来电", "cta"),
        ("欢迎您莅临1号馆，必让你不虚此行", "pitch"),  # a seller's promise
        ("网站导航 关于我们 诚聘英才 代理合作", "site"),  # a web page's chrome
        ("欢迎您再次下榻，祝您身体健康", "reply"),  # a hotel thanking a guest
    ],
)
def test_shapes_of_offers_and_of_page_chrome_s10(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    "text",
    ["我交了三千块钱的学费", "付一百元顶多买两斤", "满八百元的东西我可买不起"],
)
def test_look_alikes_of_the_offer_shapes_are_no_discount_s10(text: str) -> None:
    assert "discount" not in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("余额宝的收益怎么样", "finance"),  # no advertised number
        ("第1 2 3 4 5 6 7 8 9 10 11名", "contact"),  # a list of places, not a number spaced out
        ("我的专业是设计", "offering"),  # a field of study
        ("我可以帮你问问", "pitch"),  # a friend's help
        ("他一次100个俯卧撑", "price"),  # a count
        ("国库券和债券", "gift"),
        ("距离高考还有10天", "event"),  # an exam's countdown, not a campaign's
        ("我主要做饭", "offering"),
    ],
)
def test_look_alikes_of_the_new_evidence_are_none_s10(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


def test_a_business_greeting_its_customers_is_marketing() -> None:
    """会员关怀 is marketing (营销短信 in Tencent Cloud's SMS classes): the greeting counts
    beside a business's trade or name, never beside a phone number alone."""
    ad = "新年好!欧克莱窗帘祝你身体健康，合家幸福!我们已正式上班，有空过来看看!"
    assert "greeting" in _kinds(ad) and commercial_score(ad).commercial
    assert not commercial_score(
        ad.replace("新年好!", "").replace("祝你身体健康，合家幸福!", "")
    ).commercial
    for friend in (
        "祝您新年快乐！这是我的新号码13812345678",
        "新年快乐，万事如意！",
        "元宵节快乐，红包100元",
    ):
        assert "greeting" not in _kinds(friend)
        assert not commercial_score(friend).commercial


def test_a_site_footer_is_no_offer() -> None:
    footer = "免费注册 网站导航 宾馆索引 服务说明 关于携程 诚聘英才 代理合作 广告业务 联系我们"
    assert not commercial_score(footer).commercial


# -- session 11: one piece of text, one piece of evidence; notices; claims alone -------------
def _rules(guard: Guard, text: str) -> list[str]:
    return [v.rule for v in guard.check(text).violations]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("详情见 https://notice.example.org/2024", ["cta"]),  # a call and the link it points to
        ("登录 https://my.example.org/login", ["link"]),  # a link to click, not that and a link
        ("打开 www.example.org 查看", ["link"]),
        ("请致电95530", ["cta"]),  # 致电 inside the call is no contact line besides
        ("欢迎致电小李面馆", ["cta", "org"]),  # the call, and the business it names
        ("联系我13912345678", ["solicit"]),  # a call and the number right after it
    ],
)
def test_a_call_and_what_it_points_to_are_one_piece_of_evidence(
    text: str, kinds: list[str]
) -> None:
    assert [s.kind for s in commercial_score(text).signals] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "点击链接 https://shop.example.com/a 立即下单，全场5折",  # the link and other calls count
        "欢迎致电：13912345678，本周全场8折",
        "新店开业，欢迎光临，订座电话13912345678",
    ],
)
def test_an_offer_with_its_call_and_its_number_is_still_commercial(text: str) -> None:
    assert commercial_score(text).commercial


@pytest.mark.parametrize(
    "text",
    [
        "【平安银行】您的账户有一笔资金变动，请登录 https://bank.example.com 查看",
        "【东方航空】您预订的MU5101航班延误，如需改签请致电95530",
        "【顺丰速运】您的包裹已到驿站，详情见 https://sf.example.com/t/1",
        "老顾客注意：本店春节期间营业时间调整为9:00-18:00，感谢支持",
        "本群是老客户售后群，使用中有问题在群里说，工作日有人回复",
        "这是我的新号码13912345678，有事打给我",  # a bare number is a friend's as often
        "快递员电话13912345678，放门口就行",
    ],
)
def test_service_notices_and_a_bare_number_are_not_ads(wx4: Guard, text: str) -> None:
    assert not commercial_score(text).commercial
    assert _rules(wx4, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "本店新春特惠，全场8折，欢迎新老顾客光临",  # a shop's offer beside its hours
        "本店营业时间调整为9点到21点，全场满100减20，欢迎选购",
        "【兴业银行】您的账户积分可兑换，分期手续费5折，详询13912345678",
        "咨询电话：13912345678，寒假班8折",
    ],
)
def test_offers_beside_notice_words_stay_ads(text: str) -> None:
    assert commercial_score(text).commercial


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("【广告】阳光烘焙 新品蛋糕8折，回T退订", []),  # the sender named after the label
        ("【广告】蓝海游泳馆 暑期班8节课499元，回T退订", []),
        ("【广告】全场五折 仅限今天，回T退订", ["WX404"]),  # an offer, no sender
        ("【广告】新店开业 进店有礼，回T退订", ["WX404"]),
        ("【广告】今晚八点 直播抢购，回T退订", ["WX404"]),  # a time, no sender
        ("【广告】明天上午10点 新品首发，回T退订", ["WX404"]),
        ("【广告】周六下午 到店有礼，回T退订", ["WX404"]),
    ],
)
def test_a_name_set_off_after_the_label_is_the_sender(
    wx4: Guard, text: str, rules: list[str]
) -> None:
    assert _rules(wx4, text) == rules


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("科目二包过，学不会不收钱", ["包过"]),  # an exam pass promised: a course seller's
        ("保证考进重点大学，考不上退学费", ["保证考进", "考不上退学费"]),
        ("这款霜100%有效，绝无副作用", ["100%有效", "绝无副作用"]),  # two of a maker's promises
        ("澳洲保健品降三高，两瓶299包邮", ["降三高"]),  # a price per units is an offer
    ],
)
def test_a_sellers_promise_alone_is_judged(text: str, claims: list[str]) -> None:
    found = apart_of(Guard(select=["WX405"]).check(text).violations)
    assert [v.text for v in found] == claims


@pytest.mark.parametrize(
    "text",
    [
        "我们驾校不保证包过，请认真练习",  # negated
        "他考不上也没关系，退一步海阔天空",
        "医生说这个药没有副作用，能根治吗？",  # asked, and no maker's promise
        "我爸吃了这个药，血压降了不少",
        "新闻：某驾校承诺包过，被市场监管局查处",  # reported
        "驾校老师说科目一包过，结果我挂了",  # someone else's words, told
        "据说这家驾校包过，我看悬",  # 这家驾校 is no business's name
    ],
)
def test_the_same_promises_negated_asked_or_reported_are_not(text: str) -> None:
    assert Guard(select=["WX405"]).check(text).violations == ()
    assert Guard(select=["WX405"], industry="education").check(text).violations == ()


@pytest.mark.parametrize(
    "text",
    [
        "教练说了，我们这包过，报名找我",  # a seller quoting its staff to a reader
        "学员都说包过，报名电话13812345678",
        "科目二包过，学员都说好",  # the praise is reported, the promise is not
    ],
)
def test_a_promise_beside_reported_words_that_addresses_a_reader_is_judged(text: str) -> None:
    assert [v.text for v in Guard(select=["WX405"]).check(text).violations] == ["包过"]


def test_a_resellers_call_for_agents_is_an_offer() -> None:
    assert commercial_score("诚招代理，一件代发，感兴趣的私我").commercial
    assert not commercial_score("9号聚会的同学们私我").commercial  # chat: no one interested


# -- session 13: service notices, contact cards, ad copy without a price, evidence real ads carry
@pytest.mark.parametrize(
    "text",
    [
        # the new-user trial of session 13: each was told to add 【广告】 and 回T退订
        "【建设银行】尊敬的客户，您的储蓄卡将于2027年1月到期，请携带身份证到任意网点办理换卡。",
        "本店春节期间2月8日至2月15日休息，2月16日正常营业，给大家拜个早年！",
        "本次比赛第一名到第三名将获得证书和奖杯，欢迎报名参加。",
        "报名请打开 https://www.gov.cn 查看具体政策。",
        "本次活动免费参加，名额有限，请尽快报名。（社区老年大学）",
        "李华 15900001234",
        # more of the same kinds: a card's or a line's holder told of it, a utility's outage,
        # a shop closed over a holiday, a community's or a school's sign-up, a contact card
        "【工商银行】尊敬的客户，您的信用卡将于2027年3月到期，新卡已寄出，请注意查收。",
        "【中国电信】尊敬的用户，您的宽带将于6月30日到期，请及时续费以免影响使用。",
        "【国家电网】尊敬的客户，因线路检修，6月3日8:00至18:00您所在小区将停电，敬请谅解。",
        "【中国联通】尊敬的用户，您的号码已欠费停机，请及时缴费。",
        "各位顾客：本店国庆期间10月1日至10月3日放假休息，10月4日正常营业。",
        "本店五一期间5月1日至5月3日休息，5月4日恢复营业，给您带来不便敬请谅解。",
        "小区物业通知：明天上午9点至11点停水，请提前储水。",
        "社区居委会：本周六上午在社区服务中心开展免费义诊，名额有限，欢迎居民报名。",
        "本周六社区图书馆举办亲子读书会，免费参加，名额有限，请尽快报名。",
        "学校通知：本学期兴趣班报名截止到周五，请家长填写报名表。",
        "本次征文比赛一等奖三名，颁发证书和奖品，欢迎同学们踊跃报名。",
        "报名请登录 https://www.edu.cn 查看招生简章。",
        "王芳 13912345678",
        "联系人：刘强 13711112222",
    ],
)
def test_service_notices_community_sign_ups_and_contact_cards_are_not_ads(
    wx4: Guard, text: str
) -> None:
    assert not commercial_score(text).commercial
    assert wx4.check(text).violations == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("6月30日到期", "event"),  # a due date, not a campaign's dates (6月1日到6月3日)
        ("因线路检修停电，敬请谅解", "invite"),  # an apology, not an invitation
        ("恭喜您！这位会员提供的京东券很好用", "member"),  # a forum's member
        ("我们是第一次来这家店", "intro"),
    ],
)
def test_look_alikes_of_a_campaign_an_invitation_and_a_membership_are_none(
    text: str, kind: str
) -> None:
    assert kind not in _kinds(text)


def test_a_name_signed_before_a_number_needs_a_message_before_it() -> None:
    assert "signature" not in _kinds("李华 15900001234")  # a contact card
    assert "signature" not in _kinds("联系人：李华 15900001234")
    assert "signature" in _kinds("价格跟市场走，质量有保证。孙郡阳13812345678")


def test_a_mark_beside_a_number_leaves_out_the_space_between() -> None:
    report = Guard(select=["WX4", "WX5"]).check("王洋 13812345678 原价199现价99")
    assert [(v.rule, v.text) for v in report.violations] == [
        ("WX401", "王洋"),
        ("WX501", "13812345678"),
    ]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("我们是全国最好的奶粉品牌，销量第一，国家级品质保证！", ["最好", "销量第一", "国家级"]),
        ("行业第一品牌，销量遥遥领先，买它准没错！", ["行业第一品牌", "遥遥领先"]),
        ("认准老字号，全国销量第一，品质遥遥领先！", ["全国销量第一", "遥遥领先"]),
        ("本品牌国家级品质，行业第一。", ["国家级", "行业第一"]),
        # a shop's word for itself beside a boast, two boasts alone (new-user trial s13)
        ("本店商品质量第一，价格最低，服务最好。", ["价格最低", "最好"]),
        ("全网最低价，国家级产品", ["全网最低价", "国家级"]),
        ("全网最低價，國家級產品", ["全网最低價", "國家級"]),
    ],
)
def test_a_brand_boasting_in_its_own_voice_is_ad_copy(text: str, terms: list[str]) -> None:
    """No price or contact, but a seller's voice (我们是…品牌, 本品牌) or a call to buy (买它,
    认准) beside a boast of its goods: WX402 judges the absolute terms (new-user trial s13)."""
    assert [v.text for v in Guard(select=["WX402"]).check(text).violations] == terms


def test_an_endorsed_secret_recipe_said_to_work_is_a_pitch() -> None:
    """One sentence of claims is one mark, on the first, naming the others; the absolute
    terms inside them are the claims' own wording."""
    text = "国家级专家推荐，独家秘方，绝对有效。"
    (mark,) = Guard(select=["WX4"]).check(text).violations
    assert (mark.rule, mark.text) == ("WX405", "国家级专家推荐")
    claims = [v.text for v in apart_of([mark]) if v.rule == "WX405"]
    assert claims == ["国家级专家推荐", "独家秘方", "绝对有效"]
    assert {w.rule for w in mark.also} == {"WX402", "WX405"}


@pytest.mark.parametrize(
    "text",
    [
        "这本书我是冲着作者买的，买它就对了。",  # a reader's call to buy, no boast
        "新闻：某品牌宣称销量第一、遥遥领先，被市场监管局查处。",  # reported
        "我们是第一次来这家店，感觉全国最好吃的火锅也不过如此。",  # a guest
        "听说他们家号称全国销量第一，买它的人很多吗？",  # hearsay, asked
        "专家推荐多喝水，这个方法绝对有效。",  # advice, one claim
        # a customer's words, a claim told of, a guest's praise (trial s13)
        "顾客说这是全网最低价",
        "这家店号称全网最低价，结果质量很差",
        "这家酒店是全市最好的，价格最低，下次还来",
        "全网最低价",
    ],
)
def test_a_boast_or_a_call_to_buy_told_reported_or_alone_is_not_ad_copy(text: str) -> None:
    assert Guard(select=["WX4"]).check(text).violations == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("欢迎致电球记海鲜楼", "org"),  # the business a welcome names
        ("鑫鑫商贸感谢您的来电", "org"),  # the business that thanks for a call
        ("恒合金座两室一厅出租，联系人，张小姐", "contact"),
        ("代购日韩产品，微信号码:emily100", "contact"),
        ("证件制作质量更好，qq邮箱100000000", "contact"),
        ("出发提前电联小宋", "contact"),
        ("新品全省同步发售！预定进行中……", "promo"),
        ("中考模拟卷、专题书预订中!", "promo"),
        ("即将开设小学书法，英语，奥数，作文，吉他班", "enrol"),
        ("晚自习作业辅导班已经开课，成绩提高快", "tuition"),
        ("诚邀您的孩子参加我校小升初全真模拟测试", "tuition"),
        ("一年拿大专，网络本科，专本套读", "tuition"),
        ("智能服装CAD绘图仪切割机，惠存备用", "intro"),
        ("到会额外送养生坐炙1套", "benefit"),
        ("全新产品到货！享1年或1万公里质保", "benefit"),
        ("你的优蕙你做主", "deal"),  # spam's look-alike of 优惠
        ("昆明万通有限公司招聘信息：招聘条件：男性", "job-terms"),
        ("有兴趣请与我联系，工资可谈", "job-terms"),
        ("招大厨，会炒菜就可以", "recruit"),
        ("( 新* 葡*京 )充存立送", "illicit"),  # a casino's brand
        ("大拇指鳄鱼1号活动如下：购物1件折上1折", "event"),
        ("专业文化雕塑品彩绘，手绘，喷漆", "offering"),
        ("是您刊登广告的首选媒体", "offering"),
        ("10本以上菜品免费拍照", "offering"),
        ("公交方便，生活配套齐全，高层住宅", "property"),
        ("老板你好！海螺水泥：每吨100元", "customers"),
        ("购买安儿乐任意一包，送心相印婴儿软抽一包", "discount"),
        ("ruigouw.org/?f=100 苹果手机只要100元", "url"),
    ],
)
def test_what_real_ads_say_is_evidence_s13(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("非常感谢您的来电", "org"),  # no one's name before the thanks
        ("欢迎来到", "org"),
        ("预定中午12点入住", "promo"),  # a time
        ("我有朋友在宁夏那边自考", "tuition"),  # a student's own exam
        ("购买时送了一个包", "discount"),  # a buyer telling what came with it
        ("ruigouw.org/?f=100", "question"),  # a link's query, not a question
        ("价格不是最便宜的，招商还是浦发银行", "offering"),  # 招商银行
        ("手机用户拨打您的固话", "transaction"),  # a seller's pitch to a business
    ],
)
def test_look_alikes_of_the_s13_evidence_are_none(text: str, kind: str) -> None:
    assert kind not in _kinds(text)


def test_opening_again_after_a_holiday_is_still_found() -> None:
    """The fit weighs opening hours at about nothing (notices and ads both give them), but the
    bank still finds them: a user's phrase file or a refit can weigh them again."""
    scanner = signal_scanner()
    found = scanner.scan(folded("春节后已正式营业，欢迎新老顾客"))
    assert "hours" in {scanner.specs[b].kind for b in found}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("买房就是投资，我们的楼盘三年必涨50%，包回报。", ["三年必涨50%", "包回报"]),
        ("【某某置业】黄金地段，只涨不跌，首付10万起，电话13800001111", ["只涨不跌"]),
        ("本项目保底回报，年回报率8%，欢迎咨询", ["保底回报"]),
        ("商铺包升值，投资首选，咨询热线400-123-4567", ["包升值"]),
        ("这只基金必涨30%，保证回报，现在认购享优惠", ["必涨30%", "保证回报"]),
    ],
)
def test_a_promised_rise_or_return_is_a_return_guarantee(text: str, claims: list[str]) -> None:
    """New-user trial s12: 必涨 and 包回报 passed where 稳赚 was judged. A promised rise in
    value or a return on an investment (a property sold as one too) is what art. 25 forbids
    for investments and art. 26 (一) for property: 升值或者投资回报的承诺."""
    found = apart_of(Guard(select=["WX405"]).check(text).violations)
    assert [v.text for v in found] == claims
    assert all(v.severity.value == "error" for v in found)


@pytest.mark.parametrize(
    "text",
    [
        "【某某公寓】整租出租，押一付三，房租两年必涨一次，电话13800001111",
        "【某某科技】招聘销售，入职满一年工资必涨10%，简历请发13800001111",
        "房价会只涨不跌吗？专家说不会",
        "谨防“包回报”的理财骗局，不要轻信陌生人",
        "看完这篇文章必涨知识，转给朋友",
    ],
)
def test_a_rent_or_pay_rise_and_a_warning_are_no_return_guarantee(text: str) -> None:
    assert Guard(select=["WX405"]).check(text).violations == ()


# -- session 14: the session-13 trial's and review's false alarms -------------------------
@pytest.mark.parametrize(
    ("text", "ad"),
    [
        # a plan's usage told to its holder is the carrier's notice; a plan on sale is an ad
        ("【中国移动】尊敬的客户，您本月套餐内流量已使用80%，如需加购可回复KT。", False),
        ("【中国移动】尊敬的客户，流量月包限时5折，10元享1GB，回复KT办理", True),
        # a shop telling its customers when their orders ship; a holiday sale that ships too
        ("亲们，店铺国庆期间正常发货，10月1日-3日下单的订单会在4日统一发出哦。", False),
        ("亲们，国庆期间正常发货，全场包邮，下单立减20元", True),
        # staff offering help with a problem; staff offering goods
        ("大家好，我是新来的客服小王，以后售后问题可以找我。", False),
        ("大家好，我是新来的客服小王，店里新品8折，需要的找我", True),
        # a neighbourhood's game; a course's sign-up
        ("小区篮球赛报名截止到本周五，每队5人。", False),
        ("篮球培训班暑假班招生，报名截止本周五，学费800元", True),
        # a shop's terms refused; a shop's terms offered
        ("本店商品不支持货到付款，请见谅。", False),
        ("本店支持货到付款，欢迎选购", True),
        # lost and found; a trade's contact line
        ("失物招领：在3号楼捡到钥匙一串，请失主电联13812345678", False),
        ("专业装修，免费上门量房，请电联13812345678", True),
        # a welcome to a guest, a home or a hotline; a welcome to a business
        ("欢迎莅临指导，张局长", False),
        ("欢迎光临寒舍，下次再来玩", False),
        ("欢迎光临我家小院，大家周末来烧烤", False),
        ("欢迎致电市民热线12345反映问题", False),
        ("欢迎光临惠美便利店", True),
        ("欢迎致电球记海鲜楼", True),
        # an institution thanking a caller without its name; a business by its name
        ("医院感谢您的来电，请保持电话畅通", False),
        ("鑫鑫商贸感谢您的来电", True),
        # a rent reported as it moved (a normal SMS of the eval set); a flat's rent on offer
        ("写字楼最贵租金达到120元/平米", False),
        ("写字楼出租，租金每平米120元，欢迎来电", True),
    ],
)
def test_notices_and_group_talk_are_no_ads_beside_their_look_alikes(
    wx4: Guard, text: str, ad: bool
) -> None:
    """New-user trial s13 (P6) and review s13 (item 6): each notice was told to add 【广告】."""
    assert commercial_score(text).commercial is ad
    assert ("WX401" in {v.rule for v in wx4.check(text).violations}) is ad


def test_a_business_a_welcome_names_is_shown_whole_or_not_at_all() -> None:
    """Evidence is quoted to the user: a name cut at 12 characters (「市民热线12345反映问」) is
    no evidence to show; the name runs to its clause's end."""
    assert "org" not in _kinds("欢迎致电市民热线12345反映问题")
    assert "org" not in _kinds("欢迎光临本市最大的海鲜批发市场海鲜楼，订餐")
    assert "球记海鲜楼" in {s.text for s in commercial_score("欢迎致电球记海鲜楼，订餐").signals}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("【广告】周末会员日全场8折，退订回T", "周末会员日全场8折"),
        ("(广告) 双十一大促，下单立减50元，退订回TD", "双十一大促"),
        ("【广告】全网最低价，回T退订", "【广告】"),  # the first words carry their own mark
        ("周末会员日全场8折，退订回T【广告】", "【广告】"),  # nothing after the label
    ],
)
def test_a_labelled_ads_missing_sender_is_marked_where_the_name_goes(
    wx4: Guard, text: str, span: str
) -> None:
    """New-user trial s13: the mark sat on 【广告】 and read as the label being wrong; it sits
    on the words the name goes before, as a missing label's mark does."""
    (mark,) = [v for v in wx4.check(text).violations if v.rule == "WX404"]
    assert mark.text == span


@pytest.mark.parametrize(
    ("text", "judged"),
    [
        ("亚马逊中国可买到”投资稳赚“", False),  # a book's title (a normal SMS of the eval set)
        ("推荐一本书《投资稳赚》", False),
        ("投资“稳赚”，年化收益15%", True),  # the offer's words outside the quotation
        ("本平台投资稳赚", True),
    ],
)
def test_an_offer_word_inside_a_quoted_title_makes_no_offer(text: str, judged: bool) -> None:
    """A title or a quote names a claim (可买到“投资稳赚”); 投资 inside it offers nothing."""
    found = Guard(select=["WX405"]).check(text).violations
    assert bool(found) is judged


@pytest.mark.parametrize(
    "text",
    [
        "这款奶粉价格最低，我家宝宝一直喝",  # a parent's words (review s14)
        "这款书包最受欢迎，班里好多孩子都背",
        "我比了一圈，拼多多价格最低，京东最正宗",  # a buyer comparing shops
        "余额宝零风险？不可能，保本保息的东西早就没了",  # doubted, not promised
    ],
)
def test_a_members_praise_or_doubt_is_no_seller_speaking(text: str) -> None:
    assert [v.rule for v in Guard().check(text).violations if v.rule.startswith("WX4")] == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # the pupil between the promise and the result (new-user trial s14)
        ("保证孩子考上重点中学", "保证孩子考上"),
        ("保证你家孩子100%提分", "保证你家孩子100%提分"),
        ("暑假班招生，保证孩子成绩提高20分", "保证孩子成绩提高20分"),
        ("我们保证学员一次考过", "保证学员一次考过"),
    ],
)
def test_an_exam_result_promised_for_the_pupil_is_a_forbidden_claim(text: str, claim: str) -> None:
    found = Guard(select=["WX405"]).check(text).violations
    assert [(v.rule, v.text, v.severity.value) for v in found] == [("WX405", claim, "error")]


@pytest.mark.parametrize(
    "text",
    [
        "老师保证每个孩子都会被关注",  # care promised, no result
        "不能保证孩子考上重点",
        "谁也没法保证孩子考上名校，尽力就好",
        "家长们别信那些保证孩子考上重点的机构",
        "我保证你们考上大学后会感谢我",  # a time after the result
    ],
)
def test_care_promised_or_a_result_disclaimed_is_no_exam_guarantee(text: str) -> None:
    assert Guard(select=["WX405"]).check(text).violations == ()


# -- session 15: an account's statement, and a warning that names an illicit sale ----------
@pytest.mark.parametrize(
    "text",
    [
        # a balance, a bill, an amount owed or a movement told to the account's holder
        "【中国银行】您尾号1234的账户于12月5日支出500.00元，余额3,210.55元。",
        "【中国移动】您本月话费账单已出，本月消费58.00元，详情请登录APP查询。",
        "【中国移动】您本月话费账单已出，详情请登录APP查询。",
        "【工商银行】您的信用卡本期账单金额2,345.00元，到期还款日12月20日。",  # 本期: no draw
        "【国家电网】您户号1234567的电费余额不足，请及时缴费。",
        "【招商银行】您账户7788于12月03日14:22收入(工资)8,500.00元，余额12,034.10元。",
        "【中国联通】尊敬的客户，您11月话费账单：套餐费39元，通话费2.4元，合计41.40元，可登录联通APP查询详单。",
        "【中国电信】您好，截至12月6日，您的话费余额为12.30元，为避免停机请及时充值。",
        "【中国移动】尊敬的客户，您本月已消费86.50元，账户余额13.50元，详情请登录中国移动APP查询。",
        "【交通银行】您的信用卡本期账单已出，账单金额3,456.78元，请于12月22日前还款，详情请登录手机银行查看。",
        "【自来水公司】您户号102030本期水费45.60元，请于月底前缴纳。",
        "【中国银行】您尾号1234的信用卡于12月5日消费128.00元，可用额度21,872.00元。",
        "【国家电网】尊敬的客户：您户号12345截至12月5日电费余额为-12.30元，请尽快缴费。",
        "【深圳燃气】尊敬的客户，您户号8765432上期燃气费126.30元已扣款成功。",
    ],
)
def test_an_accounts_statement_to_its_holder_is_no_ad(wx4: Guard, text: str) -> None:
    assert not commercial_score(text).commercial
    assert wx4.check(text).violations == ()


@pytest.mark.parametrize(
    "text",
    [
        # the same senders' offers, with and without an amount of the reader's account
        "【中国银行】信用卡分期享88折，回T退订",
        "【招商银行】您的信用卡账单已出，可申请账单分期，手续费低至6折，详询95555",
        "【中国电信】您的话费余额为5.20元，充值100元送30元，回T退订",
        "【中国移动】月底特惠，充100元话费送20元，点击 http://10086.cn/x 办理，回TD退订",
        "【建设银行】刷卡消费满200元返20元，活动期间每周五可享，详询95533，回T退订",  # no fen
        "【交通银行】您的账户余额可购买理财，年化收益4.2%，详询95559，回T退订",
    ],
)
def test_the_same_senders_offers_stay_ads(wx4: Guard, text: str) -> None:
    assert commercial_score(text).commercial
    assert "WX401" in _rules(wx4, text)


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("出售发票是违法的，请勿购买", True),  # a warning names the sale it forbids
        ("买卖发票属于违法行为，发现请举报", True),
        ("代开发票涉嫌违法，大家不要相信", True),
        ("代开发票，不是违法的，点数低，加V", False),  # a seller's denial is no warning
    ],
)
def test_a_trade_judged_unlawful_is_a_warning(text: str, warning: bool) -> None:
    score = commercial_score(text)
    assert ("warning" in {s.kind for s in score.signals}) is warning
    assert not score.commercial
    assert "WX401" not in _rules(Guard(), text)


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("我们机构90%的学员考上重点，报名加微信", {"WX401", "WX405"}),
        ("这所学校升学率高达98%，学费一年五万，欢迎报名", {"WX401", "WX405"}),
        # a seller's dare keeps the doubt's words (review s16)
        ("升学率高达98%，真的假的？不信你来试听，报名电话13812345678", {"WX401", "WX405"}),
        ("我们的课程今天开始报名，限10个名额，电话13812345678", {"WX401"}),
        ("出售茶叶，量大从优，电话13812345678", {"WX401"}),
        # an ad's hook asks about the price: no buyer's complaint
        ("装修太贵了？来星河装饰，全包价9.9万，电话13812345678", {"WX401"}),
    ],
)
def test_a_sellers_own_rate_sign_up_or_sale_stays_an_ad(
    wx4: Guard, text: str, rules: set[str]
) -> None:
    """The doubt, the hearsay, the notice and the arrest words that take back the near-misses
    in ``NEGATIVES`` leave a seller's own offer an ad (review s16)."""
    assert rules <= {v.rule for v in wx4.check(text).violations}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("孩子的培训班说升学率高达98%，真的假的", "doubt"),
        ("补习班老师说90%的学员考上了重点", "hearsay"),
        ("这所学校学费一年五万，太贵了", "review"),
        ("新闻：男子出售冰毒被抓，举报电话13812345678", "caught"),
        ("春游报名只剩3个名额了，还没报的家长抓紧", "notice"),
        ("少年宫体验课免费，限10个名额", "public"),
    ],
)
def test_a_parents_doubt_hearsay_or_complaint_and_news_of_an_arrest_count_against(
    text: str, kind: str
) -> None:
    signals = commercial_score(text).signals
    assert any(s.kind == kind and s.weight < 0 for s in signals)
    assert not commercial_score(text).commercial


@pytest.mark.parametrize(
    "text",
    [
        "我不太信别家，我们机构90%的学员考上重点",  # a seller's distrust of the others
        "我们说到做到，90%的学员考上重点",  # a speaker's own words
        "不怕被抓",  # a seller's bravado
        "我们的课程今天开始报名",  # a course opening, not closing
    ],
)
def test_a_sellers_own_words_are_no_doubt_hearsay_or_arrest(text: str) -> None:
    kinds = {s.kind for s in commercial_score(text).signals}
    assert kinds.isdisjoint({"doubt", "hearsay", "caught"})
