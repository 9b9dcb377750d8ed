"""The rule catalog as data: every face (engine, CLI, docs, reporters) reads it from here."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, Literal, TypeGuard

from pydantic import BaseModel, ConfigDict

from .cache import cached, digest, versions
from .errors import ConfigError
from .models import Severity
from .resources import data_path, parse_toml, read_text, toml_like


class Family(BaseModel):
    model_config = ConfigDict(frozen=True)

    prefix: str
    name: str
    title_zh: str
    title_en: str


class Text(BaseModel):
    """A text in both languages: a message variant or a word that messages put in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    zh: str
    en: str

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Case(BaseModel):
    """What a case of a rule with a severity of its own gives (a look-alike of a trusted host
    is phishing, not a style problem; a vote asked of friends with a thank-you is no assist
    campaign): its severity, consequence, fix and a failing example, so the report and
    ``explain`` say what follows from that case."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    severity: Severity
    consequence_zh: str
    consequence_en: str
    suggestion_zh: str
    suggestion_en: str
    fail: str


class Variant(Text):
    """A message template a checker may choose (``Finding.variant``); ``case`` when the
    variant is a case of its own severity (``[rules.variants.NAME.case]``)."""

    case: Case | None = None


class Rule(BaseModel):
    """One rule: stable code and name, default severity, texts and examples."""

    # A mistyped key (why_zh, sugestion_en) is an error, not a text silently left out.
    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")

    code: str
    name: str
    family: str
    severity: Severity
    category: str | None = None
    summary_zh: str
    summary_en: str
    message_zh: str
    message_en: str
    suggestion_zh: str
    suggestion_en: str
    consequence_zh: str
    consequence_en: str
    why_en: str
    fail: str
    pass_: str
    # Other message templates a checker may choose (``Finding.variant``), by name.
    variants: dict[str, Variant] = {}

    def message(self, lang: str, variant: str | None = None, **fields: object) -> str:
        """The message in ``lang``, its placeholders filled from ``fields``; a ``Text`` field
        (a catalog word) gives its text in the same language."""
        if variant is None:
            template = self.message_en if lang == "en" else self.message_zh
        else:
            template = self.variants[variant].pick(lang)
        values = {k: v.pick(lang) if isinstance(v, Text) else v for k, v in fields.items()}
        return template.format_map(_Blank(values))

    def _case(self, variant: str | None) -> Case | None:
        return self.variants[variant].case if variant is not None else None

    def severity_of(self, variant: str | None = None) -> Severity:
        """The catalog's severity for a finding of this rule in the ``variant`` case."""
        case = self._case(variant)
        return case.severity if case is not None else self.severity

    def suggestion(self, lang: str, variant: str | None = None, **fields: object) -> str:
        """The fix in ``lang``; a template with placeholders (WX402's ``{fix}``: each absolute
        term its own wording) is filled from the finding's ``fields`` as a message is."""
        own: Rule | Case = self._case(variant) or self
        template = own.suggestion_en if lang == "en" else own.suggestion_zh
        if "{" not in template:
            return template
        values = {k: v.pick(lang) if isinstance(v, Text) else v for k, v in fields.items()}
        return template.format_map(_Blank(values))

    def consequence(self, lang: str, variant: str | None = None) -> str:
        own: Rule | Case = self._case(variant) or self
        return own.consequence_en if lang == "en" else own.consequence_zh

    def severities(self) -> tuple[Severity, ...]:
        """Every severity a finding of this rule can have in the catalog, least first: a
        table that showed only the default would call a rule whose cases block a warning."""
        found = {self.severity, *(case.severity for _, case in self.cases().values())}
        return tuple(sorted(found, key=lambda s: s.rank))

    def cases(self) -> dict[str, tuple[Variant, Case]]:
        """The variants that are cases of their own severity, by name (``explain`` and the
        docs list them)."""
        return {name: (v, v.case) for name, v in self.variants.items() if v.case is not None}


class FrameText(BaseModel):
    """What a framed finding says instead of a plain one: the note its message ends with
    (``{cue}``: the words that opened the frame), and the suggestion and consequence that
    replace the rule's own (``{suggestion}`` and ``{consequence}`` quote them, as what to do
    and what follows if the judgement is wrong): a warning against drugs is not met with a
    ban, nor told to delete the word."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    zh: str
    en: str
    suggestion_zh: str
    suggestion_en: str
    consequence_zh: str
    consequence_en: str

    def note(self, lang: str, cue: str) -> str:
        return (self.en if lang == "en" else self.zh).format_map(_Blank({"cue": cue}))

    def suggestion(self, lang: str, own: str) -> str:
        template = self.suggestion_en if lang == "en" else self.suggestion_zh
        return template.format_map(_Blank({"suggestion": own}))

    def consequence(self, lang: str, own: str) -> str:
        template = self.consequence_en if lang == "en" else self.consequence_zh
        return template.format_map(_Blank({"consequence": own}))


class OneMark(BaseModel):
    """Rules whose findings mark one problem (``wxguard.marks``): where they overlap, or (``reach``)
    anywhere in one sentence or one message; ``same_rule`` only the kept finding's own rule's,
    ``least`` only under a finding at least this severe; ``framed = false``: a finding a
    frame lowered stays a mark of its own and takes nothing (a curse a rebuke names, a drug
    a report names, is someone else's);
    ``parts``: the absorbed findings are
    other missing parts of the kept one's problem (an ad's sender and opt-out), which its
    message lists with their fixes; ``fixes``: other problems of the same thing (one link's
    scheme and tags), whose fixes the kept finding's suggestion adds; ``moot``: why the
    absorbed findings' advice does not apply (a label makes no scam lawful), which the kept
    finding's message says instead of naming them as problems; ``first``: of equally severe
    findings of these rules, the one listed first keeps the mark (the worst of a link's
    problems leads); ``listed_first``: of equally severe findings, one of a word list leads
    over one built of ordinary words (a solicitation), whatever their lengths (the insult
    煞笔, not the order to leave 滚出这个群 beside it); ``earliest``: of equally severe findings
    of the kept rules, the earlier leads, whatever their lengths (a sentence's first promise,
    which the others back: 保证考过, not 不过全额退 after it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    why: str
    keep: tuple[str, ...]
    absorb: tuple[str, ...]
    reach: Literal["overlap", "sentence", "message"] = "overlap"
    same_rule: bool = False
    least: Severity = Severity.INFO
    framed: bool = True
    parts: bool = False
    fixes: bool = False
    moot: Text | None = None
    first: tuple[str, ...] = ()
    listed_first: bool = False
    earliest: bool = False


class _Blank(dict[str, object]):
    """Leaves unknown placeholders visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Catalog:
    """All rules, in code order, with ruff-style selector resolution."""

    def __init__(
        self,
        families: dict[str, Family],
        rules: list[Rule],
        words: dict[str, dict[str, Text]],
        frames: dict[str, FrameText] | None = None,
        one_mark: tuple[OneMark, ...] = (),
    ) -> None:
        self.families = families
        self.rules = rules
        self.words = words
        # What a finding says when the frame judge lowered it, by frame kind.
        self.frames = frames or {}
        self.one_mark = one_mark
        self.by_code = {r.code: r for r in rules}
        self.by_name = {r.name: r for r in rules}
        self._family_codes: dict[str, frozenset[str]] = {}

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def get(self, code_or_name: str) -> Rule:
        key = code_or_name.strip()
        rule = self.by_code.get(key.upper()) or self.by_name.get(key.lower())
        if rule is None:
            raise KeyError(code_or_name)
        return rule

    def word(self, group: str, key: str) -> Text:
        """A word messages put in (``word("weekday", "mon")``), in both languages."""
        return self.words[group][key]

    def codes(self, prefix: str) -> frozenset[str]:
        """The codes of a family (``WX6``): what its checker may emit, and nothing else."""
        found = self._family_codes.get(prefix)
        if found is None:
            if prefix not in self.families:
                raise KeyError(f"no rule family {prefix!r} in the catalog")
            found = self._family_codes[prefix] = frozenset(
                c for c in self.by_code if c[:3] == prefix
            )
        return found

    def check_selector(self, selector: str, key: str = "select") -> str:
        """Normalise a selector (WX, WX1, WX10, WX101 or ALL) or raise naming it."""
        sel = selector.strip().upper()
        if sel == "ALL":
            return "WX"
        if not sel.startswith("WX") or not any(code.startswith(sel) for code in self.by_code):
            raise ConfigError(
                key,
                f"unknown rule selector {selector!r} (use a code such as WX101 or a prefix such as WX1)",
            )
        return sel

    def resolve(
        self,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> frozenset[str]:
        """Enabled codes: the most specific matching selector wins; ignore wins ties."""
        sel = [self.check_selector(s, "select") for s in (select if select is not None else ["WX"])]
        sel += [self.check_selector(s, "extend-select") for s in extend_select]
        ign = [self.check_selector(s, "ignore") for s in ignore]
        enabled = set()
        for code in self.by_code:
            best_sel = max((len(s) for s in sel if code.startswith(s)), default=-1)
            best_ign = max((len(s) for s in ign if code.startswith(s)), default=-1)
            if best_sel >= 0 and best_sel > best_ign:
                enabled.add(code)
        return frozenset(enabled)


@cache
def catalog() -> Catalog:
    raw = _rules_table()
    families = {
        prefix: Family(prefix=prefix, **fields) for prefix, fields in raw["families"].items()
    }
    rules = []
    for entry in raw["rules"]:
        fam = families[entry["code"][:3]]
        rules.append(
            Rule(
                family=fam.name,
                pass_=entry.pop("pass"),
                **entry,
            )
        )
    words = {
        group: {key: Text(**text) for key, text in entries.items()}
        for group, entries in raw["words"].items()
    }
    frames = {kind: FrameText(**text) for kind, text in raw.get("frames", {}).items()}
    codes = [r.code for r in rules]
    one_mark = tuple(
        OneMark(
            why=table["why"],
            keep=_codes(codes, table["keep"], "keep"),
            absorb=_codes(codes, table["absorb"], "absorb"),
            reach=table.get("reach", "overlap"),
            same_rule=table.get("same-rule", False),
            least=table.get("least", Severity.INFO),
            framed=table.get("framed", True),
            parts=table.get("parts", False),
            fixes=table.get("fixes", False),
            moot=Text(**table["moot"]) if "moot" in table else None,
            first=_listed(codes, table.get("first", []), "first"),
            listed_first=table.get("listed-first", False),
            earliest=table.get("earliest", False),
        )
        for table in raw.get("one-mark", [])
    )
    return Catalog(families, rules, words, frames, one_mark)


_SHOWN = "data/rules.toml"
_CODE_LINE = re.compile(r'^code\s*=\s*"([^"]*)"', re.M)


def _rules_table() -> dict[str, Any]:
    """``data/rules.toml`` parsed, from the on-disk cache when it holds this text's entry:
    parsing it was 7 ms of every process's first ``Guard()``. Every rule is validated by
    its model afterwards, as when it is parsed."""
    text = read_text(data_path("rules.toml"), _SHOWN, "data file")
    return cached(
        "rules", digest(text, versions()), lambda: parse_toml(text, _SHOWN).data, _valid(text)
    )


def _valid(text: str) -> Callable[[object], TypeGuard[dict[str, Any]]]:
    """A cached table is used only if it is what TOML parsing gives and holds the families,
    word groups and rule codes ``text`` writes, in its order."""
    codes = _CODE_LINE.findall(text)
    families = re.findall(r"^\[families\.([^\]]+)\]", text, re.M)
    words = re.findall(r"^\[words\.([^\]]+)\]", text, re.M)

    def valid(value: object) -> TypeGuard[dict[str, Any]]:
        if type(value) is not dict or not toml_like(value):
            return False
        rules, table = value.get("rules"), value.get("families")
        return (
            type(rules) is list
            and all(type(rule) is dict for rule in rules)
            and [rule.get("code") for rule in rules] == codes
            and type(table) is dict
            and list(table) == families
            and type(value.get("words")) is dict
            and list(value["words"]) == words
        )

    return valid


def _listed(codes: list[str], listed: list[str], key: str) -> tuple[str, ...]:
    """A ``[[one-mark]]`` list of whole codes, in its own order."""
    unknown = [c for c in listed if c not in codes]
    if unknown:
        raise ConfigError(f"one-mark.{key}", f"no rule {', '.join(unknown)}")
    return tuple(listed)


def _codes(codes: list[str], prefixes: list[str], key: str) -> tuple[str, ...]:
    """The codes a ``[[one-mark]]`` list names by code or prefix (WX3, WX10)."""
    found = tuple(c for c in codes if any(c.startswith(p) for p in prefixes))
    unknown = [p for p in prefixes if not any(c.startswith(p) for c in codes)]
    if unknown:
        raise ConfigError(f"one-mark.{key}", f"no rule matches {', '.join(unknown)}")
    return found
