"""``json`` and ``json-lines``: the ``Report`` model's own serialisation, one object per
message with findings. The objects follow the published schema (docs/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any, Sequence

from ..models import Report

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
    return json.dumps([r.model_dump(mode="json") for r in reports], ensure_ascii=False, indent=2) + "\n"


def render_lines(reports: Sequence[Report]) -> str:
    return "".join(r.model_dump_json() + "\n" for r in reports)
