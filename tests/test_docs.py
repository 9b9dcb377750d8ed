"""Docs generated from code are current: regenerate with `python scripts/gen_docs.py`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wxguard import catalog
from wxguard.report.catalog import rules_markdown
from wxguard.report.json import schema_text
from wxguard.report.links import rule_anchor

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize(
    ("name", "render"), [("rules.md", rules_markdown), ("report.schema.json", schema_text)]
)
def test_generated_docs_are_current(name: str, render: object) -> None:
    assert callable(render)
    assert (DOCS / name).read_text("utf-8") == render(), (
        f"docs/{name} is stale: run `python scripts/gen_docs.py`"
    )


def test_rules_md_documents_every_rule_with_both_examples() -> None:
    text = rules_markdown()
    for rule in catalog().rules:
        section = text.split(f"### {rule.code} {rule.name}\n", 1)[1].split("\n### ", 1)[0]
        assert f"(#{rule_anchor(rule)})" in text
        for label in ("Severity", "Consequence", "Why", "Fix", "Fails", "Passes"):
            assert f"- **{label}:** " in section, (rule.code, label)


def test_schema_describes_the_report() -> None:
    schema = json.loads(schema_text())
    assert schema["title"] == "Report" and {
        "text",
        "violations",
        "verdict",
        "schema_version",
    } <= set(schema["required"])
    assert schema["$defs"]["Violation"]["properties"]["location"]
