"""Docs generated from code are current: regenerate with `python scripts/gen_docs.py`."""

from __future__ import annotations

import ast
import json
import re
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


# Documents that are not in the repository: user-facing text must not send readers to them
# (issue 14: docs cited an undefined "seed section 一/二/三").
_UNSHIPPED = re.compile(
    r"\bseed section|\bseed [一二三四五六七八]|the seed\b|seed's|DESIGN\.md|section [一二三四五六七八]",
    re.I,
)


def _user_facing() -> list[Path]:
    root = DOCS.parent
    files = [
        root / "README.md",
        *DOCS.glob("*.md"),
        *(root / "wordlists").rglob("*.toml"),
        *(root / "wordlists").rglob("*.txt"),
    ]
    return files + sorted((root / "src" / "wxguard" / "data").glob("*.toml"))


def test_user_facing_text_cites_only_what_the_repo_holds() -> None:
    files = _user_facing()
    assert len(files) > 10
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not _UNSHIPPED.search(line), f"{path.name}:{number}: {line.strip()}"
    for rule in catalog().rules:
        for text in (rule.why_en, rule.consequence_zh, rule.consequence_en):
            assert not _UNSHIPPED.search(text), rule.code


def test_doc_links_to_sources_name_a_topic_it_has() -> None:
    topics = {
        line[3:].strip()
        for line in (DOCS / "sources.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("## ")
    }
    cited = set()
    for path in _user_facing():
        cited |= set(re.findall(r"sources\.md#([a-z-]+)", path.read_text(encoding="utf-8")))
    assert cited and cited <= topics, cited - topics


def test_readme_python_example_shows_the_real_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python example runs, and every `expression  # value` line in it shows
    what the expression gives (newuser-s4 item 16: a consequence that had drifted)."""
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    section = readme.split("## Use it from Python\n", 1)[1]
    block = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(DOCS.parent)  # where a reader of the README runs it (newuser-s6)
    namespace: dict[str, object] = {}
    lines = block.splitlines()
    checked = 0
    for node in ast.parse(block).body:
        source = ast.get_source_segment(block, node)
        assert source is not None
        if isinstance(node, ast.Expr):
            comment = lines[node.lineno - 1].split("  # ", 1)[1]
            shown = eval(source, namespace)
            try:
                expected = ast.literal_eval(comment)
            except (ValueError, SyntaxError):
                assert str(shown) == comment, source
            else:
                assert shown == expected, source
            checked += 1
        else:
            exec(compile(ast.Module([node], []), "README.md", "exec"), namespace)
    assert checked >= 5


def test_rules_md_shows_how_findings_are_presented() -> None:
    """Issue 14: one mark per problem and the frames, with examples the engine renders."""
    text = rules_markdown().split("## How findings are presented\n", 1)[1].split("\n## WX1", 1)[0]
    assert (
        "`新品上市` [WX401 WX404 WX403]" in text
        and "还缺少发送者名称（WX404）和退订方式（WX403）" in text
    )
    assert "`吸毒` [WX104, info]" in text
    for kind in catalog().frames:
        assert f"\n| {kind} | " in text
    assert text.count("\n| WX") == len(catalog().one_mark)
