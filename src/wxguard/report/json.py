"""``json`` and ``json-lines``: the ``Report`` model's own serialisation, one object per
message with findings. The objects follow the published schema (docs/report.schema.json).

JSON escapes C0 controls itself; DEL, C1 controls, line separators and bidi controls it
writes raw, so they are written as ``\\uXXXX`` escapes here: the same JSON value, and
a terminal that shows the output is not driven by the message."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from . import Report
from .terminal import BEYOND_C0

_RAW = re.compile(f"[{BEYOND_C0}]")


def inert_json(text: str) -> str:
    """JSON text with the characters JSON leaves raw but terminals act on escaped. They can
    only stand inside strings, where ``\\uXXXX`` means the same character."""
    if _RAW.search(text) is None:
        return text
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def report_schema() -> dict[str, Any]:
    """The JSON schema of one report object (draft 2020-12), as published in docs/. It
    describes output, where every key is always present, so every key is required."""
    schema = Report.model_json_schema(mode="serialization")
    for model in [schema, *schema.get("$defs", {}).values()]:
        if "properties" in model:
            model["required"] = list(model["properties"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


def render(reports: Sequence[Report]) -> str:
    return (
        inert_json(
            json.dumps([r.model_dump(mode="json") for r in reports], ensure_ascii=False, indent=2)
        )
        + "\n"
    )


def render_lines(reports: Sequence[Report]) -> str:
    return "".join(
        inert_json(json.dumps(r.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")))
        + "\n"
        for r in reports
    )
