"""WX5 persons: each recognizer's table with exact spans, the negatives that share their
shapes, context scoring, the check algorithms, and minors inducement (WX510)."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard, redact
from wxguard.catalog import catalog
from wxguard.families.persons.analyzer import analyzer
from wxguard.families.persons.validators import (
    gb11643_check,
    legacy_resident_id_ok,
    luhn_ok,
    mobile_ok,
    resident_id_ok,
    under_14,
)

WX5 = Guard(select=["WX5"])

# (text, rule, span text)
POSITIVE = [
    # WX501 mobile numbers
    ("联系电话15912340000", "WX501", "15912340000"),
    ("手机：138 1234 5678", "WX501", "138 1234 5678"),
    (
        "联系电话1 3 8 1 2 3 4 5 6 7 8",
        "WX501",
        "1 3 8 1 2 3 4 5 6 7 8",
    ),  # a digit a space (trial s16)
    ("电话 138-1234-5678 找王", "WX501", "138-1234-5678"),
    ("手机 +86 138-1234-5678", "WX501", "138-1234-5678"),
    ("+8613812345678", "WX501", "13812345678"),
    ("（+86）13812345678", "WX501", "13812345678"),
    ("8613812345678", "WX501", "13812345678"),
    ("0086 13812345678", "WX501", "13812345678"),
    ("手机１３８１２３４５６７８", "WX501", "１３８１２３４５６７８"),
    ("小庄13261821032。", "WX501", "13261821032"),
    ("13812345678（微信同号）", "WX501", "13812345678"),
    ("订单号 2024011512 联系人手机 13912345678", "WX501", "13912345678"),
    ("1３８1２３４5６７８ 联系我", "WX501", "1３８1２３４5６７８"),
    ("①③⑧①②③④⑤⑥⑦⑧", "WX501", "①③⑧①②③④⑤⑥⑦⑧"),
    # WX502 resident IDs
    ("身份证11010519491231002X", "WX502", "11010519491231002X"),
    ("身份证：11010519491231002x", "WX502", "11010519491231002x"),
    ("360426199101010071", "WX502", "360426199101010071"),
    ("身份证号 110105 19491231 002X", "WX502", "110105 19491231 002X"),
    ("身份证 110105491231002", "WX502", "110105491231002"),
    ("身份证号110105194912310021", "WX502", "110105194912310021"),  # mistyped, still personal
    # WX503 bank cards
    ("卡号6222020200112233446", "WX503", "6222020200112233446"),
    ("6228480402564890018", "WX503", "6228480402564890018"),
    ("卡号 6222 0202 0011 2233 446", "WX503", "6222 0202 0011 2233 446"),
    ("信用卡 4111 1111 1111 1111", "WX503", "4111 1111 1111 1111"),
    ("转账到 6212 2612 0200 1234 567 工商银行", "WX503", "6212 2612 0200 1234 567"),
    (
        "银行卡号6222020200112233440",
        "WX503",
        "6222020200112233440",
    ),  # fails Luhn; context carries it
    # WX504 email
    ("简历发到 zhang.san@example.com", "WX504", "zhang.san@example.com"),
    ("邮箱：ZHANG@EXAMPLE.COM", "WX504", "ZHANG@EXAMPLE.COM"),
    ("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "WX504", "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ("13812345678@qq.com", "WX504", "13812345678@qq.com"),
    ("联系 service@example.com.cn", "WX504", "service@example.com.cn"),
    # WX505 documents
    ("护照号E12345678", "WX505", "E12345678"),
    ("护照：EA1234567", "WX505", "EA1234567"),
    ("证件号 DE1234567", "WX505", "DE1234567"),
    ("往来港澳通行证 C12345678", "WX505", "C12345678"),
    ("回乡证H12345678", "WX505", "H12345678"),
    ("台胞证 12345678", "WX505", "12345678"),
    ("810000199001011230", "WX505", "810000199001011230"),
    # a not-personal word in an earlier field of a list of details (new-user trial s12)
    ("快递单上的信息：李华，15900001234，北京市朝阳区建国路88号。", "WX501", "15900001234"),
    ("订单信息：李华，15900001234", "WX501", "15900001234"),
]

# Shapes that must not be taken for personal information.
NEGATIVE = [
    "联系电话159****0000",
    "联系电话 159 **** 0000",
    "订单号202401151381234567",
    "订单号 13812345678",
    "快递单号：15900001234，请查收",
    "订单号、金额\n13912345678 ￥199",  # review s12: a header row, no name between
    "本次会议号，13812345678，请准时入会",
    "工号：\n15012345678",
    "会议号 131 2345 6789",
    "腾讯会议：138 1234 5678",
    "京ICP备15912340000号",
    "京公网安备11010802020134号",
    "价格 ¥13800000000",
    "12345678901",
    "19412345678",
    "14012345678",
    "138123456789",
    "1381234567",
    "2024-01-15 13:00-14:00",
    "2024年1月15日 20240115",
    "SN: 13812345678",
    "QQ 13812345678",
    "ISBN 978-7-111-54742-6",
    "https://a.com/item/13812345678",
    "身份证号请私聊提交",
    "110105194912310021",
    "110105204912310021",
    "000101199001011234",
    "202401151234567890",
    "110105491231002",
    "订单号 360426199101010071",
    "尾号3446的卡",
    "订单号 6228480402564890018",
    "运单号 6228480402564890018",
    "2024011512345678",
    "1234567812345678",
    "6228480402564890017",
    "@张三 你好",
    "user@localhost",
    "a@b.notarealsuffix",
    "https://good.com@evil.cn/x",
    "护照请本人携带",
    "E12345678",
    "订单号E12345678",
    "12345678",
    "型号 C12345678",
    "共 3 件，合计 ¥ 128.00 元",
    "工号 13812345678",
    "手机尾号5678",
    "座机 010-88889999",
    "客服热线：400-820-8820",
    "商品编码 6901234567892",
    "学号 2020110105",
    "库存 SKU E12345678",
]


@pytest.mark.parametrize(("text", "rule", "span"), POSITIVE)
def test_personal_information_is_found_with_its_exact_span(text: str, rule: str, span: str) -> None:
    found = [(v.rule, v.text) for v in WX5.check(text).violations]
    assert found == [(rule, span)]
    v = WX5.check(text).violations[0]
    assert text[v.start : v.end] == span


@pytest.mark.parametrize("text", NEGATIVE)
def test_numbers_that_are_not_personal_are_left_alone(text: str) -> None:
    assert WX5.check(text).violations == ()


def test_confidence_follows_evidence() -> None:
    def confidence(text: str) -> float:
        return WX5.check(text).violations[0].confidence

    assert (
        confidence("13812345678") < confidence("+86 13812345678") <= confidence("手机 13812345678")
    )
    assert confidence("6228480402564890018") < confidence("卡号6228480402564890018")
    assert confidence("银行卡号6222020200112233440") < confidence("银行卡号6222020200112233446")
    assert confidence("联系 service@example.com") < confidence("联系 zhang@example.com")
    assert confidence("身份证号110105194912310021") < confidence("身份证号11010519491231002X")


def test_nearest_context_word_decides() -> None:
    assert WX5.check("手机号码后面是订单号 13812345678").violations == ()
    assert [v.rule for v in WX5.check("订单号 202401 手机 13812345678").violations] == ["WX501"]


def test_person_findings_are_warnings_and_name_the_document() -> None:
    (v,) = WX5.check("护照号E12345678").violations
    assert v.severity.value == "warning"
    assert v.message == "包含护照号码"
    (v,) = Guard(select=["WX5"], lang="en").check("回乡证H12345678").violations
    assert v.message == "contains a Home Return Permit number"


def test_overlaps_are_settled_once() -> None:
    results = analyzer().analyze("13812345678@qq.com 6228480402564890018")
    assert [(r.rule, r.start, r.end) for r in results] == [("WX504", 0, 18), ("WX503", 19, 38)]


# -- check algorithms ------------------------------------------------------------------
def test_gb11643_worked_examples() -> None:
    assert gb11643_check("36042619910101007") == "1"
    assert gb11643_check("11010519491231002") == "X"
    assert resident_id_ok("11010519491231002x")
    assert not resident_id_ok("110105194912310021")
    assert not resident_id_ok("11010519490231002X")  # 31 February
    assert not resident_id_ok("440304203002291017", today=date(2025, 1, 1))  # born in the future
    assert legacy_resident_id_ok("110105491231002")
    assert not legacy_resident_id_ok("110105491331002")


def test_luhn_and_mobile_prefixes() -> None:
    assert luhn_ok("6228480402564890018") and luhn_ok("4111111111111111")
    assert not luhn_ok("6228480402564890017")
    assert mobile_ok("19212345678") and mobile_ok("16612345678") and mobile_ok("14712345678")
    assert (
        not mobile_ok("19412345678")
        and not mobile_ok("14012345678")
        and not mobile_ok("1381234567")
    )


# -- WX510 minors ----------------------------------------------------------------------
MINORS = [
    ("小朋友们快用爸妈手机给主播刷礼物", "小朋友们快用爸妈手机给主播刷礼物", "刷礼物"),
    ("同学们快来给主播打赏！", "同学们快来给主播打赏", "打赏"),
    ("未成年人也可以充值，冲榜送皮肤", "未成年人也可以充值", "充值"),
    ("偷偷用妈妈的支付宝充值就能抽卡", "妈妈的支付宝充值", "充值"),
    ("孩 子 们 快 来 氪 金", "孩 子 们 快 来 氪 金", "氪金"),
    ("用压岁钱上舰，主播会记住你", "压岁钱上舰", "上舰"),
    ("小朋友們快來打賞", "小朋友們快來打賞", "打赏"),
    ("各位同学们，给老师的直播打赏冲榜吧", "同学们，给老师的直播打赏", "打赏"),
    # a named gift with a measure word, a parent's phone named in full (newuser-s10)
    ("小朋友们，快给主播刷个游艇", "小朋友们，快给主播刷个游艇", "刷个游艇"),
    ("未成年的小可爱们，送个嘉年华吧", "未成年的小可爱们，送个嘉年华", "送个嘉年华"),
    ("拿爸爸妈妈的手机给主播刷点礼物", "爸爸妈妈的手机给主播刷点礼物", "刷点礼物"),
]

MINORS_CLEAN = [
    "小朋友们放学注意安全",
    "禁止未成年人充值打赏",
    "未成年人请勿打赏",
    "给孩子充值话费，满100减5",
    "孩子偷偷充值了怎么办？",
    "学生卡充值点在一楼",
    "双十一充值优惠",
    "小朋友们好。今晚主播打赏榜单公布",
    "小学生别再给主播刷礼物了",
    "孩子用爸爸的微信给游戏充值了3000元，怎么追回",
    "家长请注意，防止孩子沉迷游戏大额充值",
    "孩子说同学过生日要送礼物，大家一般送多少钱的？",  # a parent's question (newuser-s7b)
    "未成年人不要给主播刷个火箭",
    "孩子用爸爸妈妈的手机刷个火箭花了两千，平台能退吗？",
    # parents told to watch the phone after a child spent (new-user trial s11)
    "我家孩子打赏主播花了三千，各位家长看好手机",
    "孩子玩游戏充值了五百块，家长要注意保管好支付密码",
]


@pytest.mark.parametrize(("text", "span", "action"), MINORS)
def test_inducing_minors_to_spend(text: str, span: str, action: str) -> None:
    (v,) = [v for v in WX5.check(text).violations if v.rule == "WX510"]
    assert (v.text, v.term, v.severity.value) == (span, action, "error")
    assert v.message == f"诱导未成年人「{action}」"


@pytest.mark.parametrize("text", MINORS_CLEAN)
def test_protective_or_unrelated_wording_is_not_inducement(text: str) -> None:
    assert [v for v in WX5.check(text).violations if v.rule == "WX510"] == []


def test_parents_payment_is_stronger_evidence() -> None:
    (a,) = WX5.check("同学们快来给主播打赏").violations
    (b,) = WX5.check("用爸妈手机给主播打赏").violations
    assert a.confidence < b.confidence and b.techniques == ("parents-payment",)


# -- properties ------------------------------------------------------------------------
PIECES = st.sampled_from(
    [
        "13812345678",
        "138 1234 5678",
        "+86",
        "11010519491231002X",
        "6228480402564890018",
        "zhang@example.com",
        "护照",
        "E12345678",
        "手机",
        "订单号",
        "卡号",
        "孩子",
        "充值",
        "禁止",
        "。",
        "，",
        " ",
        "-",
        "*",
        "@",
        "1",
        "0",
        "京ICP备2024077296号",
        "https://a.com/",
        "小朋友们",
        "打赏",
        "x",
        "好",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_findings_map_into_the_text(text: str) -> None:
    for v in WX5.check(text).violations:
        assert 0 <= v.start < v.end <= len(text) and text[v.start : v.end] == v.text
        assert 0.5 <= v.confidence <= 1.0


# -- WX511 a child's details -----------------------------------------------------------
CHILD_DETAILS = [
    (
        "我家孩子王小明，三年级二班，住阳光小区5栋，放学一个人回家",
        "我家孩子王小明，三年级二班，住阳光小区5栋，放学一个人回家",
        "姓名、学校班级、住址、行踪",
    ),
    ("女儿叫李思雨，今年7岁，在实验小学一年级三班", None, "姓名、学校班级、年龄"),
    ("我儿子张浩在阳光小学读书，每天下午4点放学", None, "姓名、学校班级、行踪"),
    ("我家孩子三年级二班，爸妈都上夜班，晚上一个人在家", None, "学校班级、行踪"),
    ("我家孩子在实验小学，住幸福家园3栋", None, "学校班级、住址"),
    # a name heading the message, a grade right after it (newuser-s7b)
    (
        "王小明，实验小学三年级二班，住幸福小区5栋302，每天4点半放学",
        None,
        "姓名、学校班级、住址、行踪",
    ),
    # the name a clause after the child, in the same sentence (lead's probe, session 11)
    ("孩子今年8岁，在实验小学三年级二班，叫李小花", None, "姓名、学校班级、年龄"),
    # a name heading the line with a sex and a child's age; the hour at the school gate
    # (new-user trial s12)
    (
        "小明，男，8岁，住在阳光小区3栋502，每天下午4点在学校门口等他奶奶。",
        "小明，男，8岁，住在阳光小区3栋502，每天下午4点在学校门口",
        "姓名、住址、行踪、年龄",
    ),
    # a pupil named with a sex and an age in brackets, the home and the hour at the gate
    # (new-user trial s16: passed)
    (
        "张子涵同学（女，9岁）家住光明小区6栋，每天下午4点在小区门口等车，请大家帮忙照看。",
        "张子涵同学（女，9岁）家住光明小区6栋，每天下午4点在小区门口",
        "姓名、住址、行踪、年龄",
    ),
    (
        "请大家照看张涵小朋友（男，6岁），住在幸福家园3栋",
        "张涵小朋友（男，6岁），住在幸福家园3栋",
        "姓名、住址、年龄",
    ),
]

CHILD_DETAILS_CLEAN = [
    "张子涵同学今天表现很好",  # a class notice names a pupil
    "张子涵同学（女，9岁）在校运会获得跳绳第一名",  # a name and an age only
    "寻人：张子涵同学（女，9岁）走失，家住光明小区6栋，每天下午4点在小区门口等车",
    "孩子们今天表现很好，叫王老师表扬了，三年级二班加油",  # a teacher called, no child named
    "孩子今年8岁，在实验小学三年级二班，叫什么名字我忘了",  # no name given
    "三年级二班的家长请注意，本周五提前放学",  # a class, no one child
    "我家孩子今年10岁，三年级二班的",  # an age and a class: a parent chatting
    "我家宝宝3岁了，自己在家玩积木",  # an age alone is no detail
    "我家孩子王者荣耀玩太多，今年10岁了",  # 王者 is no name
    "这套书宝宝易接受，还能从中学到很多知识",  # 宝宝易… no name, 从中学到 no school
    "我家孩子今年8岁上小学了",
    "寻人启事：我家孩子王小明，8岁，三年级二班，今天下午在阳光小区走失",  # wants it spread
    "请大家不要在群里晒孩子的姓名、班级和住址",  # the advice itself
    "王老师，三年级二班的作业发群里了",  # a title, not a child's name
    "张伟，男，35岁，住在阳光小区3栋502",  # an adult's age
    "小明，男，8岁，爱好画画",  # a name and an age only
    "小白，男孩，2岁，阳光小区3栋业主家的猫，求好心人领养",  # a pet (review s12)
    "小白，男，2岁，阳光小区3栋，求领养",
]


@pytest.mark.parametrize(("text", "span", "details"), CHILD_DETAILS)
def test_a_childs_details_together_are_a_warning(text: str, span: str | None, details: str) -> None:
    (v,) = [v for v in WX5.check(text).violations if v.rule == "WX511"]
    assert (v.severity.value, v.message) == ("warning", f"同一条消息里有一个孩子的{details}")
    assert v.text == (span or text)


@pytest.mark.parametrize("text", CHILD_DETAILS_CLEAN)
def test_one_detail_a_class_notice_or_a_missing_child_notice_is_not(text: str) -> None:
    assert [v for v in WX5.check(text).violations if v.rule == "WX511"] == []


# Children's information a class group is asked to post, or given (new-user trial s14).
CLASS_POSTS = [
    ("请家长把孩子身份证号发到群里", "collect", "要求把孩子的身份证号发到群里"),
    ("请各位家长在群里接龙，填写孩子姓名和身份证号", "collect", "要求把孩子的身份证号发到群里"),
    ("请家长在群里发一下孩子的户口本照片", "collect", "要求把孩子的户口本发到群里"),
    (
        "本次期中考试排名：第一名 王小明 98分，第二名 李华 95分，第三名 张伟 93分",
        "ranking",
        "在群里公布考试成绩或排名，点名了3名学生",
    ),
    ("期末成绩：王小明 98分，李华 95分", "ranking", "在群里公布考试成绩或排名，点名了2名学生"),
]

CLASS_POSTS_CLEAN = [
    "请家长核对孩子的学籍信息后在系统里提交",  # no posting in the group
    "不要在群里发孩子的身份证号，请私发给班主任",
    "孩子的身份证号请私聊发给我",
    "请把身份证号发到群里，报名用",  # no child's
    "本次期中考试成绩和排名不公布，请家长私下询问老师",
    "本月销售排名：第一名 王小明 98分，第二名 李华 95分",  # no exam
    "恭喜王小明同学期中考试获得年级第一名",  # one pupil praised
]


@pytest.mark.parametrize(("text", "case", "message"), CLASS_POSTS)
def test_childrens_papers_asked_for_or_results_posted_in_the_group_are_a_warning(
    text: str, case: str, message: str
) -> None:
    (v,) = [v for v in WX5.check(text).violations if v.rule == "WX511"]
    assert (v.severity.value, v.message) == ("warning", message)
    assert catalog().get("WX511").variants[case].case is not None
    assert [[w.message for w in r.violations] for r in WX5.check_many([text, "你好"])] == [
        [message],
        [],
    ]


@pytest.mark.parametrize("text", CLASS_POSTS_CLEAN)
def test_papers_handed_in_elsewhere_or_rankings_withheld_are_not(text: str) -> None:
    assert [v for v in WX5.check(text).violations if v.rule == "WX511"] == []


HONOURS = [
    "喜报：张子涵同学（女，9岁），实验小学三年级二班，荣获全市作文比赛一等奖",  # review s16
    "表扬：王小明小朋友（男，6岁），阳光幼儿园大一班，在绘画比赛中获金奖",
    "祝贺张子涵同学（女，9岁），实验小学三年级二班，获得全市作文比赛一等奖",
    "光荣榜：李思雨同学（女，8岁），实验小学二年级一班，校运会跳绳冠军",
]


@pytest.mark.parametrize("text", HONOURS)
def test_an_honour_notice_is_a_note_on_consent_not_a_warning(text: str) -> None:
    """A prize notice naming the school, the class and the age but no home and no hours
    (review s16: a warning): a note that asks for the guardian's consent and drops the age."""
    (v,) = WX5.check(text).violations
    assert (v.rule, v.severity.value) == ("WX511", "info")
    assert v.message.startswith("表彰通知里有一个孩子的")
    assert "监护人同意" in v.suggestion and "年龄" in v.suggestion
    assert WX5.check(text).verdict.value == "pass"


@pytest.mark.parametrize(
    "text",
    [
        # the home or the hours beside the prize: what a stranger needs
        "喜报：张子涵同学（女，9岁），实验小学三年级二班，家住光明小区6栋，荣获全市作文比赛一等奖",
        "表扬王小明小朋友（男，6岁），阳光幼儿园大一班，每天下午4点放学",
        # no honour: 恭喜发财 names no prize
        "我家孩子王小明，三年级二班，恭喜发财",
        "张子涵同学（女，9岁），实验小学三年级二班",
    ],
)
def test_a_childs_details_beside_a_home_or_without_a_prize_stay_a_warning(text: str) -> None:
    (v,) = [v for v in WX5.check(text).violations if v.rule == "WX511"]
    assert v.severity.value == "warning"
    assert v.message.startswith("同一条消息里有一个孩子的")


def test_child_details_are_found_in_a_batch_too() -> None:
    texts = ["今天天气不错", CHILD_DETAILS[0][0], "三年级二班的家长请注意"]
    assert [[v.rule for v in r.violations] for r in WX5.check_many(texts)] == [
        [],
        ["WX511"],
        [],
    ]


def test_a_batch_finds_each_childs_details_as_check_does() -> None:
    """Review s11: a name at a message's end (叫李小花) was found alone but not in a batch
    where another message followed (the batch joins messages with ᚠ, which the name's
    lookahead did not accept)."""
    texts = [t for text, _, _ in CHILD_DETAILS for t in (text, "你好")]
    texts += [t for text in CHILD_DETAILS_CLEAN for t in (text, "你好")]
    assert [r.violations for r in WX5.check_many(texts)] == [WX5.check(t).violations for t in texts]


# -- numbers spelled in Chinese numerals ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        (
            "身份证：一一零一零五一九四九一二三一零零二X",
            "WX502",
            "一一零一零五一九四九一二三一零零二X",
        ),
        ("我电话一三八零零一三八零零零，有事打我", "WX501", "一三八零零一三八零零零"),
        ("我的手机号是一三八一二三四五六七八", "WX501", "一三八一二三四五六七八"),
        ("卡号六二一七零零零零一二三四五六七零", "WX503", "六二一七零零零零一二三四五六七零"),
        # capital numerals (大写), as on a cheque, and mixed with Arabic digits (newuser-s12)
        ("我电话是壹叁捌壹贰叁肆伍陆柒捌", "WX501", "壹叁捌壹贰叁肆伍陆柒捌"),
        ("我电话是138壹贰叁肆伍陆柒捌", "WX501", "138壹贰叁肆伍陆柒捌"),
        ("手机：一三八1234五六七八，晚上打", "WX501", "一三八1234五六七八"),
        ("联系电话：壹叁捌 壹贰叁肆 伍陆柒捌", "WX501", "壹叁捌 壹贰叁肆 伍陆柒捌"),
        ("有事打我电话幺三八幺二三四五六七八", "WX501", "幺三八幺二三四五六七八"),
        ("手機號碼：壹參捌壹貳參肆伍陸柒捌", "WX501", "壹參捌壹貳參肆伍陸柒捌"),
        (
            "身份证：壹壹零壹零伍壹玖肆玖壹贰叁壹零零贰X",
            "WX502",
            "壹壹零壹零伍壹玖肆玖壹贰叁壹零零贰X",
        ),
    ],
)
def test_a_number_in_chinese_numerals_is_read(text: str, rule: str, span: str) -> None:
    (v,) = WX5.check(text).violations
    assert (v.rule, v.text, v.techniques) == (rule, span, ("chinese-numerals",))
    (batched,) = WX5.check_many([text])
    assert batched.violations == WX5.check(text).violations


@pytest.mark.parametrize(
    "text",
    [
        "二〇二六年十二月六日",
        "一二三四五六七八九",
        "三五成群，七七八八",
        # capital numerals on invoices and receipts are amounts, broken up by their units
        "发票金额（大写）：壹万贰仟叁佰肆拾伍元陆角柒分",
        "合计人民币壹拾叁万捌仟壹佰贰拾叁元整",
        "报销单编号：壹叁捌壹贰叁肆伍陆柒捌",
        "倒数：十、九、八、七、六、五、四、三、二、一，新年快乐！",
        "壹贰叁肆伍陆柒捌玖，大写数字练习",
        "一三五七九是单数，二四六八十是双数",
        "订单号138壹贰叁肆伍陆柒捌",
        "2026年12月，一二三四五六七月的账都对过了",
    ],
)
def test_chinese_numerals_that_are_no_number_pass(text: str) -> None:
    assert WX5.check(text).violations == ()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("打我电话13812345678一定要接", "13812345678"),
        ("联系人13812345678三楼前台", "13812345678"),
        ("手机13812345678，二〇二六年一二三四五六七", "13812345678"),
    ],
)
def test_a_number_in_arabic_digits_is_read_as_written_before_a_numeral(
    text: str, span: str
) -> None:
    """A numeral word after a number (一定, 三楼) is not a twelfth digit."""
    assert [(v.rule, v.text) for v in WX5.check(text).violations] == [("WX501", span)]


_SPELLINGS = ("0123456789", "零一二三四五六七八九", "〇幺二三四五六七八九", "零壹贰叁肆伍陆柒捌玖")


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["13812345678", "15900001234", "19912340000"]),
    st.lists(st.sampled_from(_SPELLINGS), min_size=11, max_size=11),
    st.sampled_from(["我电话是", "手机：", "有事打"]),
)
def test_a_mobile_number_reads_the_same_in_any_mix_of_numerals(
    number: str, spellings: list[str], before: str
) -> None:
    """Each digit written as an Arabic, a lowercase or a capital numeral (幺 for one): the
    number is found where the Arabic one is, and redact masks it."""
    spelled = "".join(way[int(d)] for d, way in zip(number, spellings, strict=True))
    text = before + spelled + "，找我"
    (v,) = WX5.check(text).violations
    assert (v.rule, v.text) == ("WX501", spelled)
    assert (v.techniques == ("chinese-numerals",)) == (spelled != number)
    assert redact(text) == before + spelled[:3] + "****" + spelled[7:] + "，找我"


def test_the_mobile_fix_masks_the_number_found() -> None:
    """The fix shows the number itself masked, not a stock example (newuser-s7b)."""
    (v,) = WX5.check("张三的手机13912345678").violations
    assert v.suggestion == "打码为 139****5678 或移除"
    (v,) = WX5.check("电话一三八零零一三八零零零").violations
    assert v.suggestion == "打码为 一三八****八零零零 或移除"


@pytest.mark.parametrize(
    "text",
    [
        "明天的聚会我来组织，有事联系我13912345678",
        "家长会改到周五下午，有问题请联系班主任王老师13912345678",
        "联系人：刘先生 13912345678",
        "我的手机号是13912345678，到了给我打电话",
        "联系电话15912340000",
    ],
)
def test_a_number_given_for_readers_to_call_is_not_told_to_be_masked(text: str) -> None:
    """New-user trial s16: a contact number masked or removed breaks the message; whether it
    may be published is the sender's to know (their own, or its owner agreed)."""
    (v,) = WX5.check(text).violations
    assert (v.rule, v.severity.value, v.message) == (
        "WX501",
        "warning",
        "包含手机号码（留给读者联系）",
    )
    assert "打码" not in v.suggestion and "本人同意" in v.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "寻人：我家孩子刘洋走失，穿红色外套，有线索请联系13912345678",
        "捡到一个钱包，失主请联系13912345678",
        "失物招领：在操场拾到校服一件，联系电话13912345678",
    ],
)
def test_the_contact_number_of_a_lost_person_or_lost_property_notice_is_not_marked(
    text: str,
) -> None:
    """A notice meant to be spread needs its number (new-user trial s16: 寻人 was told to
    remove it)."""
    assert WX5.check(text).violations == ()


@pytest.mark.parametrize(
    "text",
    [
        "这是张三的电话13912345678，大家去骂他",
        "张三的联系方式13912345678，大家去骂他",
        # a number in a notice that is not its contact: the sought person's own
        "寻人：这个人欠钱跑了，手机13912345678，大家帮忙找",
    ],
)
def test_someone_elses_number_keeps_the_masking_advice(text: str) -> None:
    (v,) = WX5.check(text).violations
    assert (v.rule, v.message, v.suggestion) == (
        "WX501",
        "包含手机号码",
        "打码为 139****5678 或移除",
    )


def test_a_recipient_number_on_a_parcel_label_is_personal() -> None:
    """收件人 names a person next to the number, however near 快递 stands (newuser-s7b)."""
    text = "快递单：收件人 刘芳 13612345678 北京市朝阳区幸福路10号院3号楼1单元501"
    assert [(v.rule, v.text) for v in WX5.check(text).violations] == [("WX501", "13612345678")]
    assert WX5.check("快递单号13612345678").violations == ()


def test_a_card_beside_other_numbers_in_a_list_is_found_and_redacted() -> None:
    """New-user trial s11: in a space-separated 姓名 身份证 手机 卡号 line (报名 and payroll
    lists) the card after the phone number was neither reported nor masked; a number written
    in groups still stands apart from the digits around it."""
    text = "李四 11010519491231002X 13912345678 6228480402564890018"
    assert [v.rule for v in WX5.check(text).violations] == ["WX502", "WX501", "WX503"]
    assert redact(text) == "李四 110***********002X 139****5678 6228***********0018"
    assert [v.rule for v in WX5.check("6228480402564890018 13912345678").violations] == [
        "WX503",
        "WX501",
    ]
    assert WX5.check("1234 5678 9012 3456 7890 1234").violations == ()


def test_a_childs_id_number_is_an_error_of_its_own() -> None:
    """New-user trial s11: a child's ID number posted to a group was only a warning; all
    personal information of a child under 14 is sensitive (PIPL art. 28)."""
    born = f"110105{date.today().year - 6}0101001"
    (v,) = WX5.check(f"报名信息：王小明，身份证{born}{gb11643_check(born)}").violations
    assert (v.rule, v.severity.value, v.message) == (
        "WX502",
        "error",
        "包含未满14周岁儿童的身份证号码",
    )
    (v,) = WX5.check("身份证11010519491231002X").violations
    assert (v.severity.value, v.message) == ("warning", "包含身份证号码")
    # the day of the 14th birthday ends it
    assert under_14("110105202001010015", today=date(2034, 1, 1)) is False
    assert under_14("110105202001010015", today=date(2033, 12, 31)) is True


def test_child_id_dates_are_beijing_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server on UTC is still on the 1st at 04:00 Beijing time on the 2nd: a child born on
    the 2nd (Beijing) has a real ID then, and a child turning 14 that day is no longer a child."""
    import wxguard.clock as clock

    class Fixed(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Fixed:
            instant = cls(2030, 3, 1, 20, 0, tzinfo=UTC)
            return instant.astimezone(tz) if tz else instant

    monkeypatch.setattr(clock, "datetime", Fixed)
    born_today = "11010520300302001"
    assert resident_id_ok(born_today + gb11643_check(born_today))
    turns_14 = "11010520160302001"
    assert not under_14(turns_14 + gb11643_check(turns_14))


# -- WX506 a third party exposed ---------------------------------------------------------
# A named third party's ID number, phone number or home posted to expose or hunt them down
# (new-user trial s17 #285 #286 #353 #547; review s16).
EXPOSED = [
    (
        "大家看看这个骗子：李强，身份证号 110101199003077578，电话13812345678，家住XX路XX号。",
        "这个骗子",
        "公开他人的身份证号码、手机号码、住址（「这个骗子」）",
    ),
    (
        "曝光：这个女人叫张丽，电话13900001111，身份证320102198805061234，勾引别人老公。",
        "曝光",
        "公开他人的手机号码、身份证号码（「曝光」）",
    ),
    (
        "这个老赖叫赵刚，身份证号码 11010119900307757X ，欠钱不还，大家转发曝光。",
        "这个老赖",
        "公开他人的身份证号码（「这个老赖」）",
    ),
    (
        "这个人是个骗子！叫王强，电话13812340000，住在阳光小区8栋，大家去他家门口堵他！",
        "去他家门口堵",
        "公开他人的手机号码、住址（「去他家门口堵」）",
    ),
    (
        "前男友联系电话：13912345678，欠钱不还，大家帮忙催",
        "帮忙催",
        "公开他人的手机号码（「帮忙催」）",
    ),
    ("这个骗子的电话\n13912345678\n叫王强", "这个骗子", "公开他人的手机号码（「这个骗子」）"),
]

# What stays as it was: the sender's own number, a notice that wants its contact spread, a
# police notice, a shop's number, a colleague's number for work, a scam caller's number in a
# warning, a question, a word in passing, a photographer's 曝光, a contact in an appeal.
NOT_EXPOSED = [
    "我的电话13912345678，有事找我",
    "我的身份证号是110101199003077578，帮我买个火车票。",
    "寻人启事：王强，男，70岁，走失，联系电话13912345678，请大家帮忙扩散",
    "警方通报：犯罪嫌疑人李强，身份证号110101199003077578，涉嫌诈骗，请群众提供线索",
    "本店电话13912345678，大家看看新品",
    "张三的电话是13912345678，有事找他",
    "王阿姨的电话13912345678，有线索请联系她",
    "谨防骗子！冒充快递客服的电话13912345678，大家不要接",
    "曝光一个骗子电话13912345678，冒充客服退款",
    "这个人是骗子吗？叫王强，电话13912345678",
    "骗子太多了，买房认准我们，联系人：李强，电话13912345678",
    "摄影师：李强，曝光技巧教学，电话13912345678",
    "请扩散：急需O型血，联系人：李强，电话13912345678",
    "有人问我被骗子骗了怎么办？我的电话13912345678",
    # a service its customers urge (review s17)
    "大家帮忙催一下物业，电话13812345678，停水三天了",
    "大家帮忙催一下快递，快递员电话13812345678，三天没送了",
]


@pytest.mark.parametrize(("text", "cue", "message"), EXPOSED)
def test_a_third_party_exposed_to_the_group_is_one_error(text: str, cue: str, message: str) -> None:
    (v,) = Guard().check(text).violations
    assert (v.rule, v.severity.value, v.term) == ("WX506", "error", cue)
    assert v.message.startswith(message)
    assert "报案" in v.suggestion
    # the numbers are in the one mark, not marks of their own
    assert {a.rule for a in v.also} <= {"WX501", "WX502"} and v.also


@pytest.mark.parametrize("text", NOT_EXPOSED)
def test_own_numbers_notices_warnings_and_contacts_are_no_exposure(text: str) -> None:
    found = Guard().check(text).violations
    assert "WX506" not in {v.rule for v in found}
    assert all(v.severity.value != "error" for v in found)


def test_a_colleagues_number_keeps_its_warning() -> None:
    (v,) = WX5.check("张三的电话是13912345678，有事找他").violations
    assert (v.rule, v.severity.value, v.suggestion) == (
        "WX501",
        "warning",
        "打码为 139****5678 或移除",
    )
