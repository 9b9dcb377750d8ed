"""Catalog, checkers and examples agree, both ways.

- Every family of the catalog has exactly one checker (WX0, wxguard's own rules, is the file
  checker's), and a checker emits only its family's codes.
- Every rule documents a failing and a passing example, and the examples are true: Guard()
  flags the failing one with that rule and not the passing one. Examples in parentheses
  describe context (attachments, a send history); ``DESCRIBED`` builds each of them,
  ``SETTINGS`` gives the settings a rule needs to run, and every rule's examples run, so no
  rule is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest

from wxguard import Attachment, Guard, Message, Rule, SendLog, catalog
from wxguard.families import CheckContext, checkers
from wxguard.sources import FileSettings, check_text
from wxguard.sources.suppression import UNUSED_SUPPRESSION
from wxguard.text.views import TextView

MIB = 1024 * 1024
TUESDAY = datetime(2024, 5, 7, 20, 30)  # naive: Beijing time
SUNDAY = datetime(2024, 5, 12)


@dataclass
class Example:
    """A message with what it is checked with: Guard settings and sends already logged."""

    message: Message
    settings: dict[str, Any] = field(default_factory=dict)
    sent: list[Message] = field(default_factory=list)

    def rules(self, kept: bool = False) -> set[str]:
        log = None
        if self.sent or self.message.send_at is not None:
            log = SendLog(clock=lambda: self.message.send_at or TUESDAY)
            for message in self.sent:
                log.record(message)
        report = Guard(**self.settings).check(self.message, log=log)
        if kept:  # the marks a reader sees, at their rule's own weight (no frame lowered them)
            return {v.rule for v in report.violations if v.frame is None}
        # A rule whose finding another absorbed (one problem, one mark) still fired.
        return {w.rule for v in report.violations for w in (v, *v.also)}


def _sends(n: int, *, text: str = "消息{i}", minutes: float = 1, **kw: Any) -> list[Message]:
    return [
        Message(text=text.format(i=i), send_at=TUESDAY - timedelta(minutes=minutes * (n - i)), **kw)
        for i in range(n)
    ]


def _at(when: datetime, text: str = "今晚八点直播", **kw: Any) -> Message:
    return Message(text=text, send_at=when, **kw)


def _media(kind: str, mib: float = 1, seconds: float | None = None) -> Message:
    attachment = Attachment(
        kind=kind, size_bytes=int(mib * MIB), duration_s=seconds, name=f"a.{kind}"
    )  # type: ignore[arg-type]
    return Message(text="请查收附件", attachments=(attachment,))


class _Filings:
    """An ICP lookup that knows one filed domain."""

    def lookup(self, domain: str) -> str | None:
        return "京ICP备2024077296号-1" if domain == "filed.example" else None


# Settings a rule's examples are checked with (both of them): rules that, by definition, fire
# only for the user's own lists or settings.
SETTINGS: dict[str, dict[str, Any]] = {
    "WX108": {"words": {"custom": ["套路贷"]}},
    "WX202": {"icp_resolver": _Filings()},
    "WX203": {"blocked_domains": ["blocked.example"]},
    "WX204": {"allowed_domains": ["work.example"]},
    "WX608": {"campaign_keywords": ["双十一"]},
}
_IMAGE = (Attachment(kind="image"),)
# What each example in parentheses describes, by its text in the catalog.
DESCRIBED: dict[str, Example] = {
    "（配置 icp-registry 后，域名不在备案库中：下单 https://unfiled.example/a）": Example(
        Message(text="下单 https://unfiled.example/a")
    ),
    '（配置 blocked-domains = ["blocked.example"] 后：看这里 https://blocked.example/x）': Example(
        Message(text="看这里 https://blocked.example/x")
    ),
    '（企业微信白名单，或配置 allowed-domains = ["work.example"] 后：报名 https://other.example/form）': Example(
        Message(text="报名 https://other.example/form")
    ),
    "（超过1500字的文本）": Example(Message(text="今" * 1501)),
    "（30MB 的视频附件）": Example(_media("video", 30)),
    "（5MB 的图片附件）": Example(_media("image", 5)),
    "（自定义词库 custom 含「套路贷」时：专业套路贷，当天放款）": Example(
        Message(text="专业套路贷，当天放款")
    ),
    "（自定义词库 custom 含「套路贷」时：贷款请走正规渠道）": Example(
        Message(text="贷款请走正规渠道")
    ),
    "（5分钟的视频）": Example(_media("video", seconds=300)),
    "（2分钟的视频）": Example(_media("video", seconds=120)),
    "（配置活动关键词「双十一」后：大家好，今天给大家带来一个好消息：双十一预售开始）": Example(
        Message(text="大家好，今天给大家带来一个好消息：双十一预售开始")
    ),
    "（配置活动关键词「双十一」后：双十一预售开始，今晚八点准时开抢）": Example(
        Message(text="双十一预售开始，今晚八点准时开抢")
    ),
    "（第6次发送同一条消息）": Example(
        _at(TUESDAY, "同一条消息"), sent=_sends(5, text="同一条消息")
    ),
    "（第2次发送同一条消息）": Example(
        _at(TUESDAY, "同一条消息"), sent=_sends(1, text="同一条消息")
    ),
    "（一小时内第31条）": Example(_at(TUESDAY), sent=_sends(30)),
    "（一小时内第5条）": Example(_at(TUESDAY), sent=_sends(4)),
    "（电商群当天第3条促销）": Example(
        _at(TUESDAY, industry="ecommerce"), sent=_sends(2, industry="ecommerce")
    ),
    "（电商群当天第1条促销）": Example(_at(TUESDAY, industry="ecommerce")),
    "（当天第51张图片）": Example(
        Message(text="图", send_at=TUESDAY, attachments=_IMAGE),
        sent=[
            Message(text=f"图{i}", send_at=TUESDAY - timedelta(minutes=60 + i), attachments=_IMAGE)
            for i in range(50)
        ],
    ),
    "（当天第3张图片）": Example(
        Message(text="图", send_at=TUESDAY, attachments=_IMAGE),
        sent=[
            Message(text=f"图{i}", send_at=TUESDAY - timedelta(minutes=60 + i), attachments=_IMAGE)
            for i in range(2)
        ],
    ),
    "（电商促销 12:30 发送）": Example(
        _at(TUESDAY.replace(hour=12, minute=30), industry="ecommerce")
    ),
    "（电商促销 20:30 发送）": Example(_at(TUESDAY, industry="ecommerce")),
    "（周日 22:00 的企业通知）": Example(_at(SUNDAY.replace(hour=22), industry="enterprise")),
    "（周二 9:30 的企业通知）": Example(
        _at(TUESDAY.replace(hour=9, minute=30), industry="enterprise")
    ),
}
CHECKED = frozenset().union(*(checker.codes() for checker in checkers()))


def _described(text: str) -> bool:
    return text.startswith(("(", "（")) and text.endswith((")", "）"))


def _example(rule: Rule, failing: bool) -> Example:
    written = rule.fail if failing else rule.pass_
    example = DESCRIBED[written] if _described(written) else Example(Message(text=written))
    return Example(example.message, SETTINGS.get(rule.code, {}), example.sent)


def test_every_family_has_one_checker_and_every_checker_a_family() -> None:
    families = [checker.family for checker in checkers()]
    assert len(families) == len(set(families))
    assert set(catalog().families) == {*families, UNUSED_SUPPRESSION[:3]}
    assert catalog().codes(UNUSED_SUPPRESSION[:3]) == {UNUSED_SUPPRESSION}
    assert CHECKED | {UNUSED_SUPPRESSION} == set(catalog().by_code)


@pytest.mark.parametrize("checker", checkers(), ids=lambda c: c.family)
def test_a_checker_emits_only_its_family_s_codes(checker: Any) -> None:
    """Every example of every rule, through the checker alone: no code of another family or
    outside the catalog, and each of the family's codes fires on its own example."""
    fired: set[str] = set()
    for rule in catalog().rules:
        for failing in (True, False):
            example = (
                _example(rule, failing)
                if rule.code != UNUSED_SUPPRESSION
                else Example(Message(text=rule.fail))
            )
            config = Guard(**example.settings).config
            ctx = CheckContext(
                message=example.message, view=TextView(example.message.text), config=config
            )
            fired |= {f.rule for f in checker(config).check(ctx)}
    assert fired <= checker.codes()
    # Cadence counts need a send log, which the direct call does not give.
    assert fired or checker.family == "WX7"


@pytest.mark.parametrize("rule", catalog().rules, ids=lambda r: r.code)
def test_every_rule_has_a_failing_and_a_passing_example(rule: Rule) -> None:
    assert rule.fail.strip() and rule.pass_.strip() and rule.fail != rule.pass_
    for example in (rule.fail, rule.pass_):
        if _described(example):
            assert example in DESCRIBED, f"{rule.code}: say in DESCRIBED what {example!r} describes"


def test_every_described_example_is_in_the_catalog() -> None:
    written = {text for rule in catalog().rules for text in (rule.fail, rule.pass_)}
    assert set(DESCRIBED) <= written
    assert set(SETTINGS) <= CHECKED


@pytest.mark.parametrize(
    "rule", [r for r in catalog().rules if r.code in CHECKED], ids=lambda r: r.code
)
def test_failing_example_fires(rule: Rule) -> None:
    """Reported under its own code, as `wxguard explain` promises: not only absorbed into
    another rule's mark (卡号6222… was WX808's, with WX503 in its `also`), nor lowered by a
    frame (WX108's 套路贷不要碰 was a warning's info: new-user trial s11)."""
    found = _example(rule, True).rules(kept=True)
    assert rule.code in found, f"{rule.code} fail example {rule.fail!r} gave {sorted(found)}"


@pytest.mark.parametrize(
    "rule", [r for r in catalog().rules if r.code in CHECKED], ids=lambda r: r.code
)
def test_passing_example_does_not_fire(rule: Rule) -> None:
    found = _example(rule, False).rules()
    if rule.code.startswith("WX8"):  # a scam described in a warning is judged, info at most
        report = Guard().check(rule.pass_)
        found = {w.rule for v in report.violations for w in (v, *v.also) if w.frame is None}
    assert rule.code not in found, f"{rule.code} pass example {rule.pass_!r} gave {sorted(found)}"


def test_unused_suppression_examples() -> None:
    """WX001 is about directives in files, so its examples run through the file checker."""
    rule = catalog().get(UNUSED_SUPPRESSION)
    guard = Guard()
    settings = FileSettings(guard, None, (), guard.enabled_rules)

    def fired(text: str) -> set[str]:
        return {
            v.rule
            for report in check_text(text, "txt", settings, "x.txt")
            for v in report.violations
        }

    assert UNUSED_SUPPRESSION in fired(rule.fail)
    assert UNUSED_SUPPRESSION not in fired(rule.pass_)
