"""WX208 subdomain spoofs of brand hosts: an error on every platform, its own catalog case,
lowered to a warning where a scam warning quotes it; the brand list is no allow list."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wxguard import Guard, Severity, Verdict, catalog
from wxguard.catalog import Variant
from wxguard.cli import main
from wxguard.errors import WordListError
from wxguard.families.links.data import brand_hosts, official_hosts, read_hosts
from wxguard.families.scams.model import scams_model
from wxguard.resources import wordlist_path

PLATFORMS = ("wechat", "wecom", "dingtalk")
GUARDS = {p: Guard(select=["WX2"], platform=p) for p in PLATFORMS}
SPOOF_CASE = catalog().get("WX208").variants["subdomain-spoof"].case
BRAND_CASE = catalog().get("WX208").variants["brand-lookalike"].case

POSITIVES = [
    ("http://icbc.com.cn.verify-account.top/login", "icbc.com.cn", "verify-account.top"),
    ("https://www.12306.cn.refund-help.com/", "www.12306.cn", "refund-help.com"),
    ("https://www.alipay.com.secure-pay.cn/a", "www.alipay.com", "secure-pay.cn"),
    ("https://etax.chinatax.gov.cn.tuishui.top/", "etax.chinatax.gov.cn", "tuishui.top"),
    ("https://www.122.gov.cn.weizhang-pay.com/", "www.122.gov.cn", "weizhang-pay.com"),
    # the name runs into the registrable label (new-user trial, session 10: it passed)
    ("https://www.icbc.com.cn.cn/", "www.icbc.com.cn", "cn.cn"),
]
NEGATIVES = [
    "https://www.icbc.com.cn/icbc/",
    "https://mybank.icbc.com.cn/",
    "https://kyfw.12306.cn/otn/",
    "https://www.122.gov.cn/",
    "https://etax.chinatax.gov.cn/",
    "https://icbc-fans.example.com/",
    "https://icbc.example.com/",
    "https://my12306.cn.example-travel.com/",
]


def _wx208(guard: Guard, text: str) -> list[tuple[Severity, str, str | None]]:
    """The WX208 findings, leading their link's mark or carried in another's ``also`` (an
    http link whose spoof a user lowered to info is the http warning's mark)."""
    return [
        (v.severity, v.message, v.frame)
        for mark in guard.check(text).violations
        for v in (mark, *mark.also)
        if v.rule == "WX208"
    ]


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize(("url", "worn", "domain"), POSITIVES)
def test_a_brand_host_worn_before_another_domain_is_blocked_on_every_platform(
    platform: str, url: str, worn: str, domain: str
) -> None:
    report = GUARDS[platform].check(f"您的账户已冻结，请登录 {url} 验证")
    (v,) = [v for v in report.violations if v.rule == "WX208"]
    assert v.severity is Severity.ERROR and report.verdict.value == "block"
    assert f"「{worn}」" in v.message and f"「{domain}」" in v.message
    assert SPOOF_CASE is not None and v.consequence == SPOOF_CASE.consequence_zh
    assert v.suggestion == SPOOF_CASE.suggestion_zh


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("url", NEGATIVES)
def test_real_brand_hosts_and_names_that_merely_contain_a_brand_are_no_spoof(
    platform: str, url: str
) -> None:
    assert _wx208(GUARDS[platform], f"请登录 {url} 查看") == []


def test_other_lookalikes_keep_the_rules_severity() -> None:
    (found,) = _wx208(GUARDS["wechat"], "官网 https://gооgle.com")  # Cyrillic о, no brand
    assert found[0] is Severity.WARNING


def test_a_users_severity_for_the_code_sets_the_spoof_case_too() -> None:
    guard = Guard(select=["WX2"], severity={"WX208": "info"})
    assert [s for s, _, _ in _wx208(guard, POSITIVES[0][0])] == [Severity.INFO]


NOTICES = [
    "反诈提醒：近期有不法分子发送含 http://icbc.com.cn.verify-account.top/login 的短信，请勿点击。",
    "警惕！https://www.12306.cn.refund-help.com/ 是钓鱼网站",
    "https://www.12306.cn.refund-help.com/ 这类链接都是诈骗，千万不要点",
    "不要点击链接 https://www.12306.cn.refund-help.com/ ，这是诈骗",  # the ask is forbidden
]


@pytest.mark.parametrize("text", NOTICES)
def test_a_scam_warning_that_quotes_a_spoof_asks_for_review_not_a_block(text: str) -> None:
    report = GUARDS["wechat"].check(text)
    assert report.verdict.value == "review"
    (v,) = [v for v in report.violations if v.rule == "WX208"]
    assert (v.severity, v.frame) == (Severity.WARNING, "quoted-link")
    assert "反诈提醒中" in v.message and v.suggestion.startswith("删去链接本身")


@pytest.mark.parametrize(
    "text",
    [
        "谨防诈骗，请登录 http://icbc.com.cn.verify-account.top/login 验证",
        "警惕冒充客服，立即点击 https://www.12306.cn.refund-help.com/ 办理退票",
    ],
)
def test_a_warning_that_asks_to_open_the_spoof_is_a_scam_posing_as_one(text: str) -> None:
    assert [(s, f) for s, _, f in _wx208(GUARDS["wechat"], text)] == [(Severity.ERROR, None)]


def test_the_warning_must_stand_in_the_spoofs_sentence() -> None:
    text = "谨防诈骗。您的积分即将清零，请登录 https://www.10086.cn.jifen-duihuan.com/ 兑换"
    assert [(s, f) for s, _, f in _wx208(GUARDS["wechat"], text)] == [(Severity.ERROR, None)]


def test_the_brand_list_is_no_allow_list() -> None:
    only = Guard(select=["WX204"], allowed_domains=["example.com"])
    assert [v.rule for v in only.check("https://www.icbc.com.cn/").violations] == ["WX204"]
    assert [
        v.rule
        for v in Guard(select=["WX204"], platform="wecom").check("https://www.jd.com/").violations
    ] == ["WX204"]


LABEL = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)
BRANDS = sorted(brand_hosts())


@settings(max_examples=150, deadline=None)
@given(st.lists(LABEL, max_size=2), st.sampled_from(BRANDS), LABEL, st.sampled_from(PLATFORMS))
def test_every_brand_worn_before_another_domain_is_an_error(
    before: list[str], brand: str, name: str, platform: str
) -> None:
    host = ".".join([*before, brand, f"{name}-x", "top"])  # a hyphen: no public suffix
    assert [s for s, _, _ in _wx208(GUARDS[platform], f"https://{host}/a")] == [Severity.ERROR]


@settings(max_examples=150, deadline=None)
@given(st.lists(LABEL, max_size=3), st.sampled_from(BRANDS), st.sampled_from(PLATFORMS))
def test_no_host_under_a_brand_is_a_spoof(labels: list[str], brand: str, platform: str) -> None:
    assert _wx208(GUARDS[platform], "https://" + ".".join([*labels, brand]) + "/a") == []


def test_every_brand_host_names_its_source_in_the_header() -> None:
    path, _ = wordlist_path("links", "brands.txt")
    header = "\n".join(
        line for line in path.read_text("utf-8").splitlines() if line.startswith("#")
    )
    for host in BRANDS:
        assert re.search(rf"https://(www\.|[a-z]+\.)?{re.escape(host)}\b", header), host
    assert {"icbc.com.cn", "ccb.com", "boc.cn", "abchina.com", "bankcomm.com"} <= set(BRANDS)
    assert {"cmbchina.com", "12306.cn", "chinatax.gov.cn", "122.gov.cn", "sf-express.com"} <= set(
        BRANDS
    )


def test_a_case_of_its_own_severity_needs_all_its_texts() -> None:
    with pytest.raises(ValidationError, match="consequence_zh"):
        Variant(zh="a", en="b", case={"severity": "error", "fail": "x"})  # type: ignore[arg-type]


def test_explain_shows_the_spoof_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "WX208"]) == 0
    out = capsys.readouterr().out
    assert "case subdomain-spoof [error]" in out
    assert SPOOF_CASE is not None and SPOOF_CASE.consequence_en in out
    assert GUARDS["wechat"].check(SPOOF_CASE.fail).verdict.value == "block"


@pytest.mark.parametrize("plain_first", [False, True])
@pytest.mark.parametrize("text", NOTICES[1:3])
def test_frames_off_keeps_a_quoted_spoof_an_error(text: str, plain_first: bool) -> None:
    """Guards of both settings, built in either order and used in turns, each keep theirs:
    nothing a Guard remembers (the brand names, the frame model, the host answers) is
    shared across settings."""
    guards = [Guard(frames=False), Guard()] if plain_first else [Guard(), Guard(frames=False)]
    plain, judged = sorted(guards, key=lambda g: g.config.frames)
    for _ in range(2):
        seen = judged.check(text)
        assert seen.verdict is Verdict.REVIEW and all(v.frame for v in seen.violations)
        raw = plain.check(text)
        assert raw.verdict is Verdict.BLOCK and not any(v.frame for v in raw.violations)


IMITATIONS = [
    ("https://alipay.com-secure.info/login", "alipay.com", "com-secure.info", "hyphenated"),
    ("https://paypa1.com/signin", "paypal.com", "paypa1.com", "typo"),
    ("http://tao6ao.com/item", "taobao.com", "tao6ao.com", "typo"),
    ("https://icbc-verify.top/", "icbc.com.cn", "icbc-verify.top", "hyphenated"),
    ("https://12306-tuipiao.cn/", "12306.cn", "12306-tuipiao.cn", "hyphenated"),
    ("http://www.icbc.com.cn@evil.top/login", "www.icbc.com.cn", "evil.top", "userinfo"),
    ("https://іcbc.com.cn/", "icbc.com.cn", "іcbc.com.cn", "mixed-script"),  # Cyrillic і
    ("https://раураl.com/", "paypal.com", "раураl.com", "mixed-script"),  # Cyrillic р а у
]
NOT_IMITATIONS = [
    "https://www.icbc.com.cn/",
    "https://pay.weixin.qq.com/index.php",
    "https://m.taobao.com/item",
    "https://www.paypal.com/signin",
    "https://example.com/paypal/login",  # a brand word in a path
    "https://wechat-tools.com/",  # a brand joined to a word that is no lure
    "https://icbc-fans.example.com/verify",  # in another domain's subdomain
    "http://user@www.icbc.com.cn/",  # userinfo before the real host
    "https://taobao.hk/",  # the brand's own label under another suffix
    "https://10088.cn/",  # a number is no typo of another
]


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize(("url", "imitated", "domain", "how"), IMITATIONS)
def test_a_brand_imitated_by_another_domain_is_blocked(
    platform: str, url: str, imitated: str, domain: str, how: str
) -> None:
    report = GUARDS[platform].check(f"请登录 {url} 查看")
    (v,) = [v for v in report.violations if v.rule == "WX208"]
    assert (v.severity, report.verdict) == (Severity.ERROR, Verdict.BLOCK)
    assert f"仿冒「{imitated}」" in v.message and f"实际属于「{domain}」" in v.message
    assert how in v.techniques
    assert BRAND_CASE is not None and v.consequence == BRAND_CASE.consequence_zh


@pytest.mark.parametrize("url", NOT_IMITATIONS)
def test_real_brand_hosts_and_brand_words_are_no_imitation(url: str) -> None:
    assert _wx208(GUARDS["wechat"], f"请登录 {url} 查看") == []


def test_a_look_alike_of_an_allowed_domain_is_not_allowed() -> None:
    """The host a link opens is the one written: a Cyrillic і folds to i in the text links
    are read from, but іcbc.com.cn is not the allowed icbc.com.cn."""
    guard = Guard(select=["WX204"], allowed_domains=["icbc.com.cn"])
    assert guard.check("https://www.icbc.com.cn/").violations == ()
    assert [v.rule for v in guard.check("https://www.іcbc.com.cn/").violations] == ["WX204"]


def test_the_brand_list_refuses_an_unknown_mark_with_its_line() -> None:
    with pytest.raises(WordListError, match=r"brands\.txt:3: unknown mark 'opne'"):
        read_hosts("# x\nqq.com open\nalipay.com opne\n", "brands.txt", frozenset({"open"}))


def test_wx8_reads_the_brand_list_as_its_official_sites() -> None:
    """One list: a link to a brand's own site is no scammer's channel for WX8, except on an
    open host where anyone publishes (a QQ group invitation)."""
    assert scams_model(()).official == official_hosts()
    assert official_hosts() < brand_hosts() and "qq.com" not in official_hosts()
    wx8 = Guard(select=["WX8"])
    bank = "您的账户已冻结，请登录 https://www.icbc.com.cn 解冻"
    assert wx8.check(bank).violations == ()
    group = "您的账户已冻结，请点击 https://qm.qq.com/q/abc123 解冻"
    assert [v.rule for v in wx8.check(group).violations]
