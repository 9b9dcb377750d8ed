"""Where the rule documentation lives, for help links in SARIF and the HTML report."""

from __future__ import annotations

from ..catalog import Rule

PROJECT_URL = "https://github.com/wxguard/wxguard"
RULES_DOC_URL = f"{PROJECT_URL}/blob/main/docs/rules.md"


def rule_anchor(rule: Rule) -> str:
    """The anchor GitHub gives the rule's heading ``WX402 absolute-terms`` in docs/rules.md."""
    return f"{rule.code.lower()}-{rule.name}"


def rule_url(rule: Rule) -> str:
    return f"{RULES_DOC_URL}#{rule_anchor(rule)}"
