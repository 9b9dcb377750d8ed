"""The rule catalog for people: the ``rules`` table, ``explain`` and docs/rules.md."""

from __future__ import annotations

import json

from ..catalog import Rule, Text, catalog
from ..models import Severity
from .links import rule_anchor

REGENERATE = "python scripts/gen_docs.py"


def severities(rule: Rule) -> str:
    """The rule's severities as the tables show them: ``warning/error`` when a case of the
    rule has a severity of its own."""
    return "/".join(s.value for s in rule.severities())


def rules_table() -> str:
    rows = [
        (r.code, severities(r), r.name, f"{r.summary_zh} / {r.summary_en}") for r in catalog().rules
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


def _fix(rule: Rule) -> tuple[str, str]:
    """The rule's fix in both languages. A fix filled in per finding (WX402's ``{fix}``, the
    masked number of WX501) is shown as the failing example gets it, not as a template."""
    zh, en = rule.suggestion_zh, rule.suggestion_en
    if "{" not in zh + en:
        return zh, en
    from ..guard import Guard

    filled = []
    for lang in ("zh", "en"):
        report = Guard(select=[rule.code], lang=lang).check(rule.fail)
        found = [v.suggestion for v in report.violations if v.rule == rule.code]
        if not found:
            return zh, en
        filled.append(found[0])
    return (
        f"每处各异，如失败示例：{filled[0]}",
        f"each finding its own; the failing example: {filled[1]}",
    )


def explain(rule: Rule) -> str:
    """What the rule finds, why it matters, the penalty, the fix, and an example each way."""
    family = catalog().families[rule.code[:3]]
    lines = [
        f"{rule.code} {rule.name} [{severities(rule)}]",
        f"family:      {family.prefix} {family.title_zh} / {family.title_en}",
        f"what:        {rule.summary_zh} / {rule.summary_en}",
        f"why:         {rule.why_en}",
        f"consequence: {rule.consequence_zh} / {rule.consequence_en}",
        "fix:         {} / {}".format(*_fix(rule)),
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
        f"| [{r.code}](#{rule_anchor(r)}) | {r.name} | {severities(r)} "
        f"| {_cell(r.summary_zh)} / {_cell(r.summary_en)} |"
        for r in cat.rules
    ]
    out += _presentation()
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
                f"- **Severity:** {r.severity.value}"
                + (" (the cases below have their own)" if r.cases() else ""),
                f"- **Consequence:** {r.consequence_zh} ({r.consequence_en})",
                f"- **Why:** {r.why_en}",
                "- **Fix:** {} ({})".format(*_fix(r)),
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


# The examples of docs/rules.md's presentation section: findings as checkers give them, so
# that the section shows what the engine makes of them without depending on the word lists.
_AD = "新品上市，原价199现价99，点击下单"
_NOTICE = "请大家不要吸毒"
_HTTP = "限时秒杀 http://shop.example.com/a"
_SPOOF = "登录 http://taoba0.com 领券"


def _missing(code: str) -> dict[str, Text]:
    """The fields a missing part's finding carries: the part and its fix (its suggestion)."""
    rule = catalog().by_code[code]
    fix = Text(zh=rule.suggestion_zh, en=rule.suggestion_en)
    return {"missing": catalog().word("missing", code), "fix": fix}


def _presentation() -> list[str]:
    """How findings are shown: one mark per problem, and the frame a content finding stands
    in; both with an example rendered by the code that renders reports."""
    from ..config import GuardConfig
    from ..families.base import Finding, Frame
    from ..frames import frame_model
    from ..marks import merge

    cat = catalog()
    out = [
        "",
        "## How findings are presented",
        "",
        "### One problem, one mark",
        "",
        "Where findings of several rules mark one problem, the report has one violation: the",
        "kept finding's message names the others and its `also` carries them whole, in every",
        "output format (the HTML label lists their codes after the word, never inside it).",
        "`select`, `ignore`, `per-file-ignores` and `wxguard: ignore[…]` act on each code alike:",
        "ignoring the kept code leaves the others, merged again. The catalog's `[[one-mark]]`",
        "tables say which findings a kept one absorbs: where they overlap, or in one sentence or",
        "one message; `parts` tables join the missing parts of one ad; under a `fixes` table the",
        "kept finding's suggestion adds the others' fixes (one link is one mark, led by its worst",
        "problem: the `first` order); a `moot` table's absorbed findings are named as not",
        "applying, with the reason, not as problems to fix (a 广告 label makes no scam lawful).",
        "The kept finding is the most severe, then (for a `parts` table) the part the others",
        "complete, then (for a `listed-first` table) a word of a list over a curse built of",
        "ordinary words (the insult 煞笔 over the order to leave 滚出这个群 beside it), then the",
        "longest (for an `earliest` table, the earlier: a sentence's first promise), then the",
        "earlier rule.",
        "",
        "| kept | absorbed | where | why |",
        "|---|---|---|---|",
    ]
    for t in cat.one_mark:
        where = {"overlap": "same words", "sentence": "one sentence", "message": "one message"}
        scope = where[t.reach] + (", same rule" if t.same_rule else "")
        scope += f", under {t.least.value} only" if t.least is not Severity.INFO else ""
        scope += ", framed findings apart" if not t.framed else ""
        scope += ", missing parts" if t.parts else ""
        scope += ", fixes listed" if t.fixes else ""
        scope += ", advice does not apply" if t.moot is not None else ""
        scope += f", worst first: {' '.join(t.first)}" if t.first else ""
        scope += ", listed words first" if t.listed_first else ""
        scope += ", earliest first" if t.earliest else ""
        out.append(f"| {', '.join(t.keep)} | {', '.join(t.absorb)} | {scope} | {_cell(t.why)} |")
    config = {lang: GuardConfig(lang=lang) for lang in ("zh", "en")}
    evidence = {"signals": "「原价199现价99」「点击下单」", "score": "…"}
    parts = [
        Finding(code, start, end, fields=evidence | _missing(code))
        for code, start, end in (("WX401", 0, 4), ("WX404", 0, 4), ("WX403", 15, 19))
    ]
    out += [
        "",
        f"An unlabelled ad ({_code(_AD)}) lacks its label, its sender and its opt-out: three",
        "findings, one mark where the first fix goes, which lists the others with their fixes:",
        "",
    ]
    for lang, conf in config.items():
        (mark,) = merge([f.violation(_AD, conf) for f in parts], lang, _AD)
        codes = " ".join(v.rule for v in (mark, *mark.also))
        out.append(f"- {lang}: `{mark.text}` [{codes}] {mark.message}")
    out += [
        "",
        "A missing part's mark stands where its fix goes, not on a piece of evidence: the label's",
        "on the first clause (【广告】 goes before it), the sender's on the label, the opt-out's on",
        "the last clause, each moved off the words another finding marks. The message names the",
        "evidence (依据「…」) and the score; the first clause is marked because a reader fixes the",
        "message there, and an empty span at its start would be no mark to see.",
        "",
        "One link with two problems is one mark with both fixes; a link that must go (here a",
        "brand look-alike) carries the others as not applying:",
        "",
    ]
    # The findings on one link: a marketing link without https or tags, a brand look-alike.
    spoof = {"host": "taoba0.com", "imitated": "taobao.com", "domain": "taoba0.com"}
    links = [
        (
            _HTTP,
            [Finding(c, 5, 30, fields={"host": "shop.example.com"}) for c in ("WX201", "WX209")],
        ),
        (
            _SPOOF,
            [
                Finding("WX201", 3, 20, fields={"host": "taoba0.com"}),
                Finding("WX208", 3, 20, variant="brand-lookalike", fields=spoof),
            ],
        ),
    ]
    for example, found in links:
        for lang, conf in config.items():
            (mark,) = merge([f.violation(example, conf) for f in found], lang, example)
            codes = " ".join(v.rule for v in (mark, *mark.also))
            out.append(f"- {lang}: `{mark.text}` [{codes}] {mark.message} → {mark.suggestion}")
    model = frame_model(())
    out += [
        "",
        "### Context: a warning is not an offer",
        "",
        "Before a content finding (WX1) becomes an error, the frame judge reads its clause and",
        "sentence (and a short heading) for the cues of a frame (`wordlists/frames.toml`, which",
        "users extend with a `[frames]` table in their phrase files). In a frame the finding is",
        "reported at the frame's severity: its message adds the frame and the words that show",
        "it, and its fix and consequence are the frame's, not the rule's. A contact, a price or",
        "an offer in the finding's sentence (a contact the sender gives: anywhere) defeats every",
        "frame, so a solicitation dressed as a warning stays an error; so does a warning the sender",
        "reverses (千万别信代开发票！不过我们是正规的), and a disclaimer (本群不涉及任何违法, 请勿用于非法用途)",
        "frames nothing. Curses (WX107) are framed only when a member rebukes someone else's",
        "(刚才是谁在群里骂人“傻逼”的？). WX3 and WX8 judge their",
        "own quotes of an offer or a scam in a warning or a report (`refuted`, `warned`).",
        "",
        "| frame | severity | the message adds | fix | consequence |",
        "|---|---|---|---|---|",
    ]
    for name, text in cat.frames.items():
        kind = model.kinds.get(name)
        severity = kind.severity.value if kind is not None else "—"
        out.append(
            f"| {name} | {severity} | {_cell(text.zh)} ({_cell(text.en)}) "
            f"| {_cell(text.suggestion_zh)} | {_cell(text.consequence_zh)} |"
        )
    cue = model.kinds["warning"].severity
    finding = Finding(
        "WX104", 5, 7, fields={"term": "吸毒"}, frame=Frame("warning", "不要", cue), severity=cue
    )
    shown = finding.violation(_NOTICE, config["zh"])
    out += [
        "",
        f"Example: {_code(_NOTICE)} gives `{shown.text}` [{shown.rule}, {shown.severity.value}]"
        f" {shown.message}",
    ]
    return out
