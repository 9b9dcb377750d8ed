"""The rule catalog for people: the ``rules`` table, ``explain`` and docs/rules.md."""

from __future__ import annotations

import json

from ..catalog import Rule, catalog
from .links import rule_anchor

REGENERATE = "python scripts/gen_docs.py"


def rules_table() -> str:
    rows = [
        (r.code, r.severity.value, r.name, f"{r.summary_zh} / {r.summary_en}")
        for r in catalog().rules
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "".join(
        f"{c:<{widths[0]}}  {s:<{widths[1]}}  {n:<{widths[2]}}  {summary}\n"
        for c, s, n, summary in rows
    )


def rules_json() -> str:
    """The catalog as JSON, keys as in rules.toml (``pass``, not Python's ``pass_``)."""
    rows = []
    for rule in catalog().rules:
        data = rule.model_dump(mode="json")
        data["pass"] = data.pop("pass_")
        rows.append(data)
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _example(text: str) -> str:
    return text.replace("\n", "\\n")


def explain(rule: Rule) -> str:
    """What the rule finds, why it matters, the penalty, the fix, and an example each way."""
    family = catalog().families[rule.code[:3]]
    lines = [
        f"{rule.code} {rule.name} [{rule.severity.value}]",
        f"family:      {family.prefix} {family.title_zh} / {family.title_en}",
        f"what:        {rule.summary_zh} / {rule.summary_en}",
        f"why:         {rule.why_en}",
        f"consequence: {rule.consequence_zh} / {rule.consequence_en}",
        f"fix:         {rule.suggestion_zh} / {rule.suggestion_en}",
        f"fails:       {_example(rule.fail)}",
        f"passes:      {_example(rule.pass_)}",
    ]
    for name, (variant, case) in rule.cases().items():
        lines += [
            f"case {name} [{case.severity.value}]: {variant.zh} / {variant.en}",
            f"  consequence: {case.consequence_zh} / {case.consequence_en}",
            f"  fix:         {case.suggestion_zh} / {case.suggestion_en}",
            f"  fails:       {_example(case.fail)}",
        ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "↵")


def _code(text: str) -> str:
    shown = text.replace("\n", "↵")
    fence = "``" if "`" in shown else "`"
    return f"{fence}{shown}{fence}"


def rules_markdown() -> str:
    """docs/rules.md, generated: never edit the file by hand."""
    cat = catalog()
    out = [
        "# Rules",
        "",
        f"<!-- Generated from src/wxguard/data/rules.toml by `{REGENERATE}`; do not edit. -->",
        "",
        "Every rule has a stable code and kebab-case name (codes are never renumbered), a default",
        'severity (override it with `severity = { CODE = "…" }`), the penalty it avoids, and an',
        "example that fails and one that passes. Examples in parentheses describe context",
        "(attachments, send history) rather than text. `wxguard explain CODE` prints the same.",
        "",
        "| code | name | severity | what |",
        "|---|---|---|---|",
    ]
    out += [
        f"| [{r.code}](#{rule_anchor(r)}) | {r.name} | {r.severity.value} "
        f"| {_cell(r.summary_zh)} / {_cell(r.summary_en)} |"
        for r in cat.rules
    ]
    for prefix, family in cat.families.items():
        rules = [r for r in cat.rules if r.code.startswith(prefix)]
        if not rules:
            continue
        out += ["", f"## {prefix} {family.title_en} ({family.title_zh})"]
        for r in rules:
            out += [
                "",
                f"### {r.code} {r.name}",
                "",
                f"{r.summary_zh} — {r.summary_en}",
                "",
                f"- **Severity:** {r.severity.value}",
                f"- **Consequence:** {r.consequence_zh} ({r.consequence_en})",
                f"- **Why:** {r.why_en}",
                f"- **Fix:** {r.suggestion_zh} ({r.suggestion_en})",
                f"- **Fails:** {_code(r.fail)}",
                f"- **Passes:** {_code(r.pass_)}",
            ]
            for name, (variant, case) in r.cases().items():
                out += [
                    f"- **Case `{name}`** ({case.severity.value}): "
                    f"{_cell(variant.zh)} ({_cell(variant.en)})",
                    f"  - **Consequence:** {case.consequence_zh} ({case.consequence_en})",
                    f"  - **Fix:** {case.suggestion_zh} ({case.suggestion_en})",
                    f"  - **Fails:** {_code(case.fail)}",
                ]
    return "\n".join(out) + "\n"
