"""SARIF 2.1.0 for code-scanning dashboards (GitHub and others).

Columns are Unicode code points (``columnKind: unicodeCodePoints``), as Python counts them,
so 🧧 is one column; the end column is exclusive. Fingerprints come from content (rule, file,
matched text, occurrence), not line numbers, so an alert survives edits above it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .._version import __version__
from ..catalog import Rule, catalog
from ..models import Severity, Violation
from .concise import located_violations
from .json import inert_json
from .links import PROJECT_URL, rule_url

if TYPE_CHECKING:
    from . import Report

# Lone surrogates that stand for undecodable bytes (U+DC80–U+DCFF) and no others.
_ESCAPED_ONLY = re.compile("[^\ud800-\udc7f\udd00-\udfff]*")
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "wxguard/v1"


def artifact_uri(path: str | None) -> str:
    """A repository-relative, ``/``-separated, percent-encoded URI reference. A file name
    that is not UTF-8 (read as lone surrogates, Python's way) is encoded as its bytes."""
    relative = (path or "-").replace("\\", "/").removeprefix("./")
    raw = relative.encode(
        "utf-8", "surrogateescape" if _ESCAPED_ONLY.fullmatch(relative) else "replace"
    )
    return quote(raw, safe="/-._~!$&'()*+,;=@")


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.summary_zh} — {rule.summary_en}"},
        "fullDescription": {"text": rule.why_en},
        "help": {
            "text": f"{rule.suggestion_zh} / {rule.suggestion_en}. {rule.consequence_zh} / {rule.consequence_en}."
        },
        "helpUri": rule_url(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def sarif_log(reports: Sequence[Report]) -> dict[str, Any]:
    rules = catalog().rules
    index = {rule.code: i for i, rule in enumerate(rules)}
    seen: dict[tuple[str, str, str], int] = {}
    results = []
    for report in reports:
        uri = artifact_uri(report.path)
        for v in located_violations(report):
            assert v.location is not None
            key = (v.rule, uri, v.text)
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            basis = f"{v.rule}|{uri}|{v.text}|{occurrence}"
            digest = hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()
            properties: dict[str, Any] = {
                "name": v.name,
                "category": v.category,
                "confidence": v.confidence,
                "consequence": v.consequence,
            }
            if v.suggestion:
                properties["suggestion"] = v.suggestion
            if v.term is not None:
                properties["term"] = v.term
            if v.techniques:
                properties["techniques"] = list(v.techniques)
            if v.frame is not None:
                properties["frame"] = v.frame
            if v.also:
                properties["also"] = list(v.also_codes)
            result: dict[str, Any] = {
                "ruleId": v.rule,
                "ruleIndex": index[v.rule],
                "level": LEVELS[v.severity],
                "message": {"text": v.message},
                "locations": [{"physicalLocation": _physical(uri, v)}],
                "partialFingerprints": {FINGERPRINT: digest},
                "properties": properties,
            }
            # the findings the mark took in, each where it stands (another line, maybe)
            related = [
                {"id": k, "physicalLocation": _physical(uri, a), "message": {"text": a.message}}
                for k, a in enumerate(v.also)
                if a.location is not None
            ]
            if related:
                result["relatedLocations"] = related
            results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "wxguard",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": PROJECT_URL,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [{"executionSuccessful": True}],
                "results": results,
            }
        ],
    }


def render(reports: Sequence[Report]) -> str:
    return inert_json(json.dumps(sarif_log(reports), ensure_ascii=False, indent=2)) + "\n"


def _physical(uri: str, v: Violation) -> dict[str, Any]:
    assert v.location is not None
    return {
        "artifactLocation": {"uri": uri},
        "region": {
            "startLine": v.location.line,
            "startColumn": v.location.column,
            "endLine": v.location.end_line,
            "endColumn": v.location.end_column,
            "snippet": {"text": v.text},
        },
    }
