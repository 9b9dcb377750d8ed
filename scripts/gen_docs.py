"""Regenerate the docs that come from code: docs/rules.md (the catalog) and
docs/report.schema.json (the Report model). tests/test_docs.py fails when they are stale."""

from __future__ import annotations

from pathlib import Path

from wxguard.report.catalog import rules_markdown
from wxguard.report.json import schema_text

DOCS = Path(__file__).resolve().parents[1] / "docs"
GENERATED = {"rules.md": rules_markdown, "report.schema.json": schema_text}


def main() -> None:
    for name, render in GENERATED.items():
        (DOCS / name).write_text(render(), "utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
