"""The rule catalog is complete data, and a released code is never renumbered or removed."""

from __future__ import annotations

import string

from wxguard import Severity, catalog

# Every code released so far: new rules add codes, these stay (tests elsewhere check the rest).
RELEASED = (
    [f"WX10{i}" for i in range(1, 10)]
    + [f"WX20{i}" for i in range(1, 10)]
    + [f"WX30{i}" for i in range(1, 8)]
    + [f"WX40{i}" for i in range(1, 6)]
    + ["WX501", "WX502", "WX503", "WX504", "WX505", "WX510"]
    + [f"WX60{i}" for i in range(1, 9)]
    + [f"WX70{i}" for i in range(1, 7)]
    + [f"WX80{i}" for i in range(1, 9)]
    + ["WX001"]  # wxguard's own: unused suppressions (ruff's RUF100)
)

DEFAULT_SEVERITY = {
    "WX109": "warning",
    "WX203": "error",
    "WX207": "error",
    "WX209": "info",
    "WX308": "warning",
    "WX402": "error",
    "WX405": "error",
    "WX506": "error",
    "WX510": "error",
    "WX601": "error",
    "WX606": "error",
    "WX705": "info",
    "WX808": "error",
    "WX811": "warning",
}


def test_released_codes_stay_and_codes_are_in_order() -> None:
    codes = [r.code for r in catalog().rules]
    assert set(RELEASED) <= set(codes)
    assert len(codes) == len(set(codes))
    for family in catalog().families:
        mine = [c for c in codes if c[:3] == family]
        assert mine == sorted(mine), family


def test_default_severities_follow_the_readme() -> None:
    family_default = {
        "WX1": "error",
        "WX2": "warning",
        "WX3": "error",
        "WX4": "warning",
        "WX5": "warning",
        "WX7": "warning",
        "WX8": "error",
    }
    for rule in catalog().rules:
        expected = DEFAULT_SEVERITY.get(rule.code) or family_default.get(rule.code[:3])
        if expected:
            assert rule.severity == Severity(expected), rule.code


def test_every_rule_has_texts_examples_and_a_unique_kebab_name() -> None:
    names = set()
    for rule in catalog().rules:
        assert rule.name == rule.name.lower() and " " not in rule.name
        names.add(rule.name)
        for text in (
            rule.summary_zh,
            rule.summary_en,
            rule.message_zh,
            rule.message_en,
            rule.consequence_zh,
            rule.consequence_en,
            rule.why_en,
            rule.fail,
            rule.pass_,
        ):
            assert text.strip(), rule.code
    assert len(names) == len(catalog().rules)


def test_each_rule_states_its_own_consequence() -> None:
    """The penalty table's rows where they apply (content security, frequent sending, induced
    sharing), the statute elsewhere, and no penalty for advice."""
    get = catalog().get
    assert get("WX101").consequence_zh == "永久封禁，不可解封"
    assert get("WX702").consequence_zh.startswith("限制发送功能24小时")
    assert get("WX301").consequence_zh.startswith("按诱导分享处理：文章或链接被封禁，修改后可申诉")
    assert (
        "第五十九条" in get("WX401").consequence_zh and "第六十二条" in get("WX403").consequence_zh
    )
    assert "个人信息保护法" in get("WX501").consequence_zh
    # issue 14: a missing UTM tag blocks nothing, a lunchtime send restricts nothing, a
    # sound-alike goes to review
    assert "封禁" not in get("WX209").consequence_zh and "24小时" not in get("WX705").consequence_zh
    assert (
        "永久封禁" not in get("WX109").consequence_zh and "二次审核" in get("WX109").consequence_zh
    )
    for rule in catalog().rules:
        if rule.severity is Severity.INFO:
            assert rule.consequence_zh.startswith("无处罚") and rule.consequence_en.startswith(
                "no penalty"
            ), rule.code
    by_text: dict[str, set[str]] = {}
    for rule in catalog().rules:
        by_text.setdefault(rule.consequence_zh, set()).add(rule.code[:3])
    assert all(len(families) == 1 for families in by_text.values()), by_text


def test_lookup_by_name_and_code() -> None:
    assert catalog().get("drug-content").code == "WX104"
    assert catalog().get("wx104").name == "drug-content"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_of_a_message_take_the_same_fields() -> None:
    """Checkers give language-neutral fields (numbers, catalog words) and every sentence is a
    catalog template, so the Chinese and English templates name the same fields."""
    for rule in catalog().rules:
        templates = [
            (rule.message_zh, rule.message_en),
            *((v.zh, v.en) for v in rule.variants.values()),
        ]
        for zh, en in templates:
            assert _fields(zh) == _fields(en), rule.code


def test_catalog_words_are_given_in_both_languages() -> None:
    assert {"document", "weekday", "window", "period"} <= set(catalog().words)
    for group in catalog().words.values():
        for text in group.values():
            assert text.zh.strip() and text.en.strip()
    assert catalog().word("weekday", "sun").pick("zh") == "周日"
