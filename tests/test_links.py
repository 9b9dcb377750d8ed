"""WX2 links: extraction (disguises, punctuation, userinfo), host rules and ICP filings."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest
import tldextract  # noqa: F401  (imported before sockets are patched in the offline test)
from hypothesis import given, settings
from hypothesis import strategies as st

from wxguard import Guard, IcpRegistry, Message, WordListError, WxguardError, find_filing_numbers
from wxguard.families.links.extract import extract_links
from wxguard.families.links.hosts import lookalike, normalise_domain, reset_extractor, split_host
from wxguard.families.links.icp import parse_filing_number
from wxguard.text.folding import fold_one_to_one

EXAMPLE_REGISTRY = Path(__file__).resolve().parents[1] / "examples" / "icp-registry.csv"
WX2 = Guard(select=["WX2"])


def links(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (text[k.start : k.end], k.host, k.techniques)
        for k in extract_links(text, fold_one_to_one(text))
    ]


def hits(guard: Guard, text: str | Message) -> list[tuple[str, str, str]]:
    """(rule, span text, judged host) of every violation."""
    report = guard.check(text)
    return [(v.rule, v.text, v.term or "") for v in report.violations]


# -- extraction ------------------------------------------------------------------------
EXTRACTED = [
    # (text, [(span text, host, disguises)])
    ("详情见 https://example.com/a", [("https://example.com/a", "example.com", ())]),
    ("HTTPS://EXAMPLE.COM/A 查看", [("HTTPS://EXAMPLE.COM/A", "example.com", ())]),
    ("https://a.com，点击查看", [("https://a.com", "a.com", ())]),
    ("见https://a.com/x。", [("https://a.com/x", "a.com", ())]),
    ("链接(https://a.com/x)里", [("https://a.com/x", "a.com", ())]),
    ("https://a.com/x，点击", [("https://a.com/x", "a.com", ())]),
    ("https://a.com/x?q=1&b=2。后面", [("https://a.com/x?q=1&b=2", "a.com", ())]),
    ("https://a.com点击", [("https://a.com", "a.com", ())]),
    ("https://good.com@evil.cn/login", [("https://good.com@evil.cn/login", "evil.cn", ())]),
    ("https://example.com:8443/x", [("https://example.com:8443/x", "example.com", ())]),
    ("http://[2001:db8::1]:8080/x", [("http://[2001:db8::1]:8080/x", "[2001:db8::1]", ())]),
    ("打开 https://例子.中国点击", [("https://例子.中国", "例子.中国", ())]),
    ("见shop.example.com/a 下单", [("shop.example.com/a", "shop.example.com", ())]),
    ("官网www.baidu.com。Thanks", [("www.baidu.com", "www.baidu.com", ())]),
    ("淘宝 m.tb.cn/h.abc", [("m.tb.cn/h.abc", "m.tb.cn", ())]),
    ("访问 192.168.1.1:8080 配置", [("192.168.1.1:8080", "192.168.1.1", ())]),
    ("3.cn/abc", [("3.cn/abc", "3.cn", ())]),
    # disguised: the span covers the whole written form
    ("加群看 example点com", [("example点com", "example.com", ("disguised-dot",))]),
    ("加群看 example 点 com 哦", [("example 点 com", "example.com", ("disguised-dot",))]),
    ("example[.]com", [("example[.]com", "example.com", ("disguised-dot",))]),
    ("example(dot)com", [("example(dot)com", "example.com", ("disguised-dot",))]),
    ("example dot com", [("example dot com", "example.com", ("disguised-dot",))]),
    ("www。example。com", [("www。example。com", "www.example.com", ("disguised-dot",))]),
    ("https://example點com/x", [("https://example點com/x", "example.com", ("disguised-dot",))]),
    ("ｅｘａｍｐｌｅ．ｃｏｍ", [("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com", ("fullwidth",))]),
    (
        "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａ，点击",
        [("ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａ", "example.com", ("fullwidth",))],
    ),
    (
        "访问 w w w . b a i d u . c o m 吧",
        [("w w w . b a i d u . c o m", "www.baidu.com", ("spaced",))],
    ),
    ("exa\u200bmple.com", [("exa\u200bmple.com", "example.com", ("zero-width",))]),
]

NOT_LINKS = [
    "readme.md 写好了",
    "跑一下 main.py",
    "Mr.Li说得对",
    "good.It is fine",
    "版本 10.0.19041.1",
    "价格9.9元",
    "1.SONY的屏幕",
    "IP 是 1.2.3.4",
    "版本号 1.2.3.4 已发布",  # no word opens it
    "路由器登录 192.168.1.1 改密码就行",  # a private address (review s11)
    "请下载 2.3.1.0 版本的客户端",
    "e.g. 这样",
    "今天。明天",
    "a。b",
    "QQ点app打开",
    "下午3点cn",
    "约翰·史密斯",
    "邮箱 zhang.san@example.com",
    "好评！物流很快。",
    "中文.com",
    "尺寸 2.5mm，适合 No.1 型号",
    "3.15晚会曝光",
    "U.S.A 进口",
    "Node.js 很好用",
    "Python 3.11.2 已发布",
    "文件 report.zip 已上传",
]


@pytest.mark.parametrize(("text", "expected"), EXTRACTED)
def test_links_are_extracted_with_their_whole_written_span(
    text: str, expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert links(text) == expected


@pytest.mark.parametrize("stop", list("！，；？＂＇｀"))
def test_a_link_after_full_width_punctuation_is_found_too(stop: str) -> None:
    text = f"看 http://a.cn/x{stop}http://b.cn/y 和 c.top/z{stop}d.top/w"
    assert [span for span, _, _ in links(text)] == [
        "http://a.cn/x",
        "http://b.cn/y",
        "c.top/z",
        "d.top/w",
    ]


@pytest.mark.parametrize("text", NOT_LINKS)
def test_text_that_only_looks_like_a_link_is_not_one(text: str) -> None:
    assert links(text) == []


# -- rules -----------------------------------------------------------------------------
RULES = [
    # (text, rule, span text, judged host)
    ("详情见 http://example.com/a", "WX201", "http://example.com/a", "example.com"),
    ("HTTP://EXAMPLE.COM/A 查看", "WX201", "HTTP://EXAMPLE.COM/A", "example.com"),
    ("下载 ftp://files.example.com/x", "WX201", "ftp://files.example.com/x", "files.example.com"),
    ("戳 https://t.cn/A6abcd", "WX205", "https://t.cn/A6abcd", "t.cn"),
    # a bare IP a word opens (new-user trial s11), as a port or a path already did
    ("访问 47.96.12.34 获取文件", "WX206", "47.96.12.34", "47.96.12.34"),
    ("网址：47.96.12.34", "WX206", "47.96.12.34", "47.96.12.34"),
    ("淘宝 m.tb.cn/h.abc", "WX205", "m.tb.cn/h.abc", "m.tb.cn"),
    ("https://w.url.cn/s/abc", "WX205", "https://w.url.cn/s/abc", "url.cn"),
    ("看 bit.ly/3abc", "WX205", "bit.ly/3abc", "bit.ly"),
    ("活动详情请戳 https://dwz.cn/abc123", "WX205", "https://dwz.cn/abc123", "dwz.cn"),
    ("链接：http://985.so/9cmi", "WX205", "http://985.so/9cmi", "985.so"),
    ("戳 https://sina.lt/abc", "WX205", "https://sina.lt/abc", "sina.lt"),
    (
        "登录 http://wx.qq.com.login-verify.top/",
        "WX208",
        "http://wx.qq.com.login-verify.top/",
        "wx.qq.com.login-verify.top",
    ),
    (
        "登录 https://203.0.113.7:8443/login",
        "WX206",
        "https://203.0.113.7:8443/login",
        "203.0.113.7:8443",
    ),
    ("https://example.com:8443/x", "WX206", "https://example.com:8443/x", "example.com:8443"),
    ("访问 192.168.1.1:8080 配置", "WX206", "192.168.1.1:8080", "192.168.1.1:8080"),
    ("https://[2001:db8::1]/x", "WX206", "https://[2001:db8::1]/x", "[2001:db8::1]"),
    ("加群看 example点com", "WX207", "example点com", "example.com"),
    (
        "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａ，点击",
        "WX207",
        "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａ",
        "example.com",
    ),
    ("访问 w w w . b a i d u . c o m 吧", "WX207", "w w w . b a i d u . c o m", "www.baidu.com"),
    # a spaced scheme before a host written plainly (trial s16)
    ("网址：h t t p : / / bad-site.top", "WX207", "h t t p : / / bad-site.top", "bad-site.top"),
    ("h t t p s://bad-site.top", "WX207", "h t t p s://bad-site.top", "bad-site.top"),
    ("http ://bad-site.top 领奖", "WX207", "http ://bad-site.top", "bad-site.top"),
    ("h t t p：/ / bad-site.top", "WX207", "h t t p：/ / bad-site.top", "bad-site.top"),
    ("h.t.t.p://bad-site.top", "WX207", "h.t.t.p://bad-site.top", "bad-site.top"),
    ("htt p://bad-site.top", "WX207", "htt p://bad-site.top", "bad-site.top"),
    ("官网 https://xn--pple-43d.com", "WX208", "https://xn--pple-43d.com", "аpple.com"),
    ("登录 https://аpple.com/login", "WX208", "https://аpple.com/login", "аpple.com"),
    ("https://раypal.com", "WX208", "https://раypal.com", "раypal.com"),
    ("https://xn--zzzzzzzz.com", "WX208", "https://xn--zzzzzzzz.com", "xn--zzzzzzzz.com"),
    ("点此 → http://t.cn/xyz", "WX205", "http://t.cn/xyz", "t.cn"),
    ("加 V：abc123 详聊，网址 abc【.】com", "WX207", "abc【.】com", "abc.com"),
    ("https://gооgle.com/login", "WX208", "https://gооgle.com/login", "gооgle.com"),
    ("http://localhost:3000", "WX206", "http://localhost:3000", "localhost:3000"),
    (
        "限时秒杀 https://shop.example.com/a",
        "WX209",
        "https://shop.example.com/a",
        "shop.example.com",
    ),
    (
        "只要¥99 https://shop.example.com/a",
        "WX209",
        "https://shop.example.com/a",
        "shop.example.com",
    ),
]

CLEAN = [
    "详情见 https://example.com/a",
    "HTTPS://EXAMPLE.COM/A",
    "https://example.com:443/a",
    "官网 https://apple.com",
    "官网 https://例子.中国",
    "限时秒杀 https://shop.example.com/a?utm_source=wechat&utm_medium=group",
    "今晚八点直播 https://live.example.com/room",  # not marketing: no cue, no price
    "戳 https://example.com/landing",
    "原文 https://mp.weixin.qq.com/s/abc",
    "IP 是 1.2.3.4",
    "版本号 1.2.3.4 已发布",  # no word opens it
    "路由器登录 192.168.1.1 改密码就行",  # a private address (review s11)
    "请下载 2.3.1.0 版本的客户端",
    "readme.md 写好了",
    "安装包请到应用商店下载 https://example.com/app",  # a page, not a package
    "说明文档 https://example.com/apk-guide.html",
]


@pytest.mark.parametrize(("text", "rule", "span", "host"), RULES)
def test_each_rule_names_the_host_it_judged(text: str, rule: str, span: str, host: str) -> None:
    found = [(v.rule, v.text, v.message) for v in WX2.check(text).violations]
    assert any(r == rule and s == span and host in m for r, s, m in found), found


@pytest.mark.parametrize("text", CLEAN)
def test_clean_links_pass(text: str) -> None:
    assert hits(WX2, text) == []


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # new-user trial s13: a package over http or from a bare IP and an odd port
        ("下载APP领取补贴：http://d.xxapp.top/a.apk", "error"),
        ("下载地址：http://192.168.1.23:8080/app.apk", "error"),
        ("安装包：https://dl.example.com:8443/App.APK?v=2", "error"),
        # a company's or a school's own https site may host its app: for a person to confirm
        ("安装包下载：https://dl.example.com/app.apk", "warning"),
    ],
)
def test_an_android_package_is_reviewed_and_blocked_from_nowhere(text: str, severity: str) -> None:
    """One mark for the link, the package's, whose http or port findings ride along."""
    (v,) = WX2.check(text).violations
    assert (v.rule, v.severity.value) == ("WX210", severity)


def test_disguised_links_are_errors_and_say_what_was_seen_through() -> None:
    v = WX2.check("加群看 example点com").violations[0]
    assert (v.rule, v.severity.value, v.techniques) == ("WX207", "error", ("disguised-dot",))


def test_userinfo_trick_judges_the_real_host() -> None:
    guard = Guard(select=["WX2"], blocked_domains=["evil.cn"])
    assert hits(guard, "https://good.com@evil.cn/login") == [
        ("WX203", "https://good.com@evil.cn/login", "evil.cn")
    ]
    assert WX2.check("https://good.com@evil.cn/login").violations == ()
    assert (
        Guard(select=["WX2"], blocked_domains=["good.com"])
        .check("https://good.com@evil.cn/x")
        .violations
        == ()
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://a.b.evil.cn/x", [("WX203", "https://a.b.evil.cn/x", "evil.cn")]),
        ("evil.cn/abc", [("WX203", "evil.cn/abc", "evil.cn")]),
        ("https://notevil.cn/x", []),
        ("https://evil.cn.example.com/x", []),
    ],
)
def test_blocked_domains_cover_subdomains_only(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert hits(Guard(select=["WX2"], blocked_domains=["*.Evil.CN"]), text) == expected


def test_allow_list_applies_on_wecom_or_when_set() -> None:
    text = "报名 https://other.cn/form"
    assert hits(WX2, text) == []
    assert hits(WX2, Message(text=text, platform="wecom")) == [
        ("WX204", "https://other.cn/form", "other.cn")
    ]
    assert hits(Guard(select=["WX2"], platform="wecom"), text) == [
        ("WX204", "https://other.cn/form", "other.cn")
    ]
    allowed = Guard(select=["WX2"], allowed_domains=["example.com"])
    assert hits(allowed, "报名 https://work.example.com/form") == []
    assert hits(allowed, text) == [("WX204", "https://other.cn/form", "other.cn")]


WECOM_OWN = [
    "资料 https://work.weixin.qq.com/x",
    "原文 https://mp.weixin.qq.com/s/abc",
    "文档 https://docs.qq.com/doc/DAbc",
    "政策 https://www.gov.cn/zhengce/content.htm",
    "办事 https://www.beijing.gov.cn/fuwu",
    "会议 https://meeting.tencent.com/dm/abc",
]


@pytest.mark.parametrize("text", WECOM_OWN)
def test_wecom_allows_its_own_and_government_hosts_by_default(text: str) -> None:
    assert hits(Guard(select=["WX2"], platform="wecom"), text) == []


def test_a_wecom_allow_list_in_config_replaces_the_default() -> None:
    own = Guard(select=["WX2"], platform="wecom", profiles={"wecom": {"allowed-domains": []}})
    assert hits(own, WECOM_OWN[0]) == [
        ("WX204", "https://work.weixin.qq.com/x", "work.weixin.qq.com")
    ]
    # The user's allowed domains add to the platform's own.
    more = Guard(select=["WX2"], platform="wecom", allowed_domains=["example.com"])
    assert hits(more, "见 https://shop.example.com/a 和 " + WECOM_OWN[1]) == []


def test_a_bad_profile_allow_list_names_the_key() -> None:
    with pytest.raises(WxguardError, match=r"profiles\.mine\.allowed-domains: 'https://x\.cn'"):
        Guard(profiles={"mine": {"allowed-domains": ["https://x.cn"]}})


SPOOFS = [
    # (host, the trusted name it wears, the domain it belongs to)
    ("wx.qq.com.login-verify.top", "wx.qq.com", "login-verify.top"),
    ("mp.weixin.qq.com.evil.cn", "mp.weixin.qq.com", "evil.cn"),
    ("secure.wx.qq.com.verify.login.xyz", "secure.wx.qq.com", "login.xyz"),
    ("www.gov.cn.notice.top", "www.gov.cn", "notice.top"),
    # new-user trial s11: Baidu and NetEase mail were not on the brand list
    ("www.baidu.com.evil.cn", "www.baidu.com", "evil.cn"),
    ("mail.163.com.verify-login.top", "mail.163.com", "verify-login.top"),
]
NOT_SPOOFS = [
    "mp.weixin.qq.com",  # a real subdomain
    "wx.qq.com",
    "qq.example.com",  # merely contains a word
    "weixin.example.cn",
    "qqcom.example.top",
    "weixin.qq.com.cn",  # its own registrable domain, qq.com.cn
    "com.cn.example.top",  # a bare suffix is no trusted name
    "gov.example.cn",
    "pan.baidu.com",
    "mail.163.com",
]


@pytest.mark.parametrize(("host", "worn", "domain"), SPOOFS)
def test_a_trusted_host_worn_as_leading_labels_is_a_lookalike(
    host: str, worn: str, domain: str
) -> None:
    (v,) = [v for v in WX2.check(f"登录 https://{host}/a").violations if v.rule == "WX208"]
    assert "subdomain-spoof" in v.techniques
    assert f"「{worn}」" in v.message and f"「{domain}」" in v.message


@pytest.mark.parametrize("host", NOT_SPOOFS)
def test_real_subdomains_and_words_in_names_are_no_spoof(host: str) -> None:
    assert [v.rule for v in WX2.check(f"见 https://{host}/a").violations] == []


def test_the_users_allowed_domains_are_trusted_too() -> None:
    guard = Guard(select=["WX2"], allowed_domains=["example.com"])
    # one link, one mark: the spoof leads, the allow list's finding rides in ``also``
    found = guard.check("https://pay.example.com.evil.cn/x").violations
    assert [(v.rule, v.also_codes) for v in found] == [("WX208", ("WX204",))]
    assert WX2.check("https://pay.example.com.evil.cn/x").violations == ()


LABEL = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(LABEL, max_size=3), st.sampled_from(["weixin.qq.com", "docs.qq.com", "gov.cn"]))
def test_no_host_under_a_trusted_one_is_a_spoof(labels: list[str], trusted: str) -> None:
    host = ".".join([*labels, trusted])
    assert not [v for v in WX2.check(f"https://{host}/a").violations if v.rule == "WX208"]


@settings(max_examples=200, deadline=None)
@given(st.lists(LABEL, max_size=2), LABEL, st.sampled_from(["top", "cn", "com", "xyz"]))
def test_every_trusted_name_worn_before_another_domain_is_a_spoof(
    before: list[str], name: str, tld: str
) -> None:
    host = ".".join([*before, "wx.qq.com", f"{name}-x", tld])  # a hyphen: no public suffix
    found = [v for v in WX2.check(f"https://{host}/a").violations if v.rule == "WX208"]
    assert [v.techniques for v in found] == [("subdomain-spoof",)]


def test_bad_domain_lists_name_the_key() -> None:
    with pytest.raises(WxguardError, match=r"blocked-domains.*'https://x.cn/a'"):
        Guard(blocked_domains=["https://x.cn/a"])


# -- ICP -------------------------------------------------------------------------------
def test_registry_file_marks_filed_domains_and_their_subdomains() -> None:
    guard = Guard(select=["WX202"], icp_registry=EXAMPLE_REGISTRY)
    assert hits(guard, "下单 https://shop.example.com/a") == []
    assert hits(guard, "下单 https://unfiled.cn/a") == [
        ("WX202", "https://unfiled.cn/a", "unfiled.cn")
    ]
    assert (
        hits(Guard(select=["WX202"]), "下单 https://unfiled.cn/a") == []
    )  # no registry, no verdict


def test_registry_from_config_file_relative_path(tmp_path: Path) -> None:
    (tmp_path / "filings.toml").write_text(
        '[filings]\n"filed.cn" = "沪ICP备2021012345号-3"\n', "utf-8"
    )
    (tmp_path / "wxguard.toml").write_text(
        'select = ["WX202"]\nicp-registry = "filings.toml"\n', "utf-8"
    )
    guard = Guard.from_config(tmp_path / "wxguard.toml")
    assert hits(guard, "https://www.filed.cn/a https://other.cn/b") == [
        ("WX202", "https://other.cn/b", "other.cn")
    ]


@pytest.mark.parametrize(
    ("content", "where", "problem"),
    [
        (
            "domain,filing\nexample.com,京ICP备2024077296号\nhttp://x.cn/a,京ICP备2024077296号\n",
            ":3",
            "not a domain",
        ),
        ("example.com,查询失败\n", ":1", "not a well-formed ICP number"),
        ("example.com\n", ":1", "expected 2 columns"),
    ],
)
def test_registry_errors_name_file_and_line(
    tmp_path: Path, content: str, where: str, problem: str
) -> None:
    path = tmp_path / "reg.csv"
    path.write_text(content, "utf-8")
    with pytest.raises(WordListError, match=f"reg.csv{where}: .*{problem}"):
        Guard(icp_registry=path)


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        (
            "reg.csv",
            b"domain,filing\n" + "example.com,京ICP备2024077296号\n".encode("gbk"),
            "reg.csv:2: not valid UTF-8",
        ),
        ("reg.toml", b"[filings]\nexample.com = \n", "reg.toml:2: not valid TOML"),
    ],
)
def test_unreadable_registry_text_names_the_line(
    tmp_path: Path, name: str, content: bytes, error: str
) -> None:
    """Registries are read like every other data file: bad bytes and bad TOML name their line."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WordListError, match=error):
        Guard(icp_registry=path)


class Resolver:
    """A user's lookup: only example.com is known; other answers model failing services."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers

    def lookup(self, domain: str) -> str | None:
        answer = self.answers.get(domain)
        if isinstance(answer, Exception):
            raise answer
        return answer  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("answer", "filed"),
    [
        ("京ICP备2024077296号-1", True),
        ("京ICP证110507号", True),
        (None, False),
        ("查询失败", False),  # a third-party API's "code 200" error text
        ("", False),
        (TimeoutError("rate limited"), False),
        (200, False),
    ],
)
def test_only_a_positive_resolver_answer_counts_as_filed(answer: Any, filed: bool) -> None:
    guard = Guard(select=["WX202"], icp_resolver=Resolver({"example.cn": answer}))
    found = hits(guard, "https://shop.example.cn/a")
    assert found == ([] if filed else [("WX202", "https://shop.example.cn/a", "shop.example.cn")])


def test_resolver_must_be_code_not_a_config_string(tmp_path: Path) -> None:
    with pytest.raises(WxguardError, match=r"icp_resolver|icp-resolver"):
        Guard(icp_resolver="my.module:Resolver")
    assert isinstance(IcpRegistry.load(EXAMPLE_REGISTRY).lookup("a.example.org"), str)


@pytest.mark.parametrize(
    ("text", "kind", "valid"),
    [
        ("京ICP备2024077296号-1", "icp-filing", True),
        ("蜀ICP备12014244号-2", "icp-filing", True),
        ("黔ICP备17003900号-1", "icp-filing", True),
        ("滇ICP备2023001289号-1", "icp-filing", True),
        ("陇ICP备2021003158号-1", "icp-filing", True),
        ("粤ＩＣＰ备2026073665号-1", "icp-filing", True),
        ("京ICP证040867号-3", "icp-licence", True),
        ("浙B2-20120165", "telecom-licence", True),
        ("京公网安备11010802020134号", "police-filing", True),
        ("浙公网安备 33010202000302号", "police-filing", True),
        ("京ICP备123号", "icp-filing", False),
        ("沪ICP备1999077296号", "icp-filing", False),
        ("京公网安备44030002017573号", "police-filing", False),
    ],
)
def test_filing_numbers_in_text_are_recognised_and_validated(
    text: str, kind: str, valid: bool
) -> None:
    (number,) = find_filing_numbers(fold_one_to_one(text))
    assert (number.start, number.end, number.kind, number.valid) == (0, len(text), kind, valid)


def test_parse_filing_number_accepts_only_one_whole_icp_number() -> None:
    assert parse_filing_number(" 京ICP备2024077296号-1 ") is not None
    assert parse_filing_number("京公网安备11010802020134号") is None
    assert parse_filing_number("京ICP备2024077296号 京ICP备2024077297号") is None


# -- hosts -----------------------------------------------------------------------------
def test_host_analysis_uses_the_public_suffix_list() -> None:
    assert split_host("a.b.example.com.cn").registrable == "example.com.cn"
    assert split_host("例子.中国").suffix == "中国"
    assert split_host("intranet").suffix == ""
    assert normalise_domain("*.Example.COM.") == "example.com"
    assert normalise_domain("例子.中国") == "xn--fsqu00a.xn--fiqs8s"
    assert normalise_domain("not a domain") is None


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("аpple.com", "mixed-script"),
        ("аре.com", "confusable"),
        ("xn--abc-.com", "punycode"),
        ("apple.com", None),
        ("例子.中国", None),
        ("qq邮箱.com", None),
        ("xn--fiqs8s", None),
    ],
)
def test_lookalike_hosts(host: str, reason: str | None) -> None:
    assert lookalike(host) == reason


def test_host_lookups_never_open_a_socket_or_write_a_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("wxguard tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    reset_extractor()
    report = Guard(select=["WX2"], blocked_domains=["example.com.cn"]).check(
        "见 shop.example.com.cn/a 和 https://例子.中国"
    )
    assert [v.rule for v in report.violations] == ["WX203"]
    assert split_host("x.y.gov.cn").registrable == "y.gov.cn"
    assert os.listdir(tmp_path) == []


# -- properties ------------------------------------------------------------------------
URLISH = st.lists(
    st.sampled_from(
        [
            *list("abcxyz019.:/@?#-_ 点。．ｈｔｐｓ：／（），[]()"),
            "http",
            "https://",
            "www.",
            ".com",
            ".cn",
            "dot",
            "\u200b",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(URLISH)
def test_link_spans_lie_inside_the_text(text: str) -> None:
    for link in extract_links(text, fold_one_to_one(text)):
        assert 0 <= link.start < link.end <= len(text)
        assert link.host
    for v in WX2.check(text).violations:
        assert text[v.start : v.end] == v.text and v.text


def test_adversarial_input_is_read_in_linear_time() -> None:
    import time

    unit = "http://1.2.3.4:80/a.b.c 1.1.1.1.1 https://x.cn@ 点com a.a.a 8 6 1 3 8 ."
    timings = []
    for n in (2_000, 4_000):
        text = unit * n
        t0 = time.process_time()
        Guard(select=["WX2", "WX5"]).check(text)
        timings.append(time.process_time() - t0)
    assert timings[1] < 4 * timings[0] + 0.5


def test_a_run_of_schemes_is_no_run_of_links() -> None:
    """http://http:// …: a word and a colon with no port is no host (a megabyte of it was
    140,000 WX201 findings); a bare word host still counts at the end or with a port."""
    assert WX2.check("http://" * 50).violations == ()
    assert [v.text for v in WX2.check("店铺 http://i").violations] == ["http://i"]
    found = WX2.check("http://localhost:3000").violations
    assert [(v.rule, v.also_codes) for v in found] == [("WX206", ("WX201",))]


def test_a_bare_ip_a_word_opens_is_a_link_only_when_public() -> None:
    """Review s11: the cue made private and zero-padded addresses links too (and 010.1.1.1,
    which ``ipaddress`` refuses, raised)."""
    for text in ("访问 010.1.1.1", "访问 192.168.001.001", "打开 127.0.0.1"):
        assert WX2.check(text).violations == (), text
    assert [v.rule for v in WX2.check("访问 047.096.012.034").violations] == ["WX206"]
