"""WX4 advertising: commercial messages need a 广告 label, a sender and an opt-out, and must
not use absolute terms or forbidden efficacy and guarantee claims.

Only commercial messages are held to advertising rules: the commerciality score decides
(``model``), so notices, reminders and chat that mention prices or 第一 pass.
Claims (WX405) also count in an offer or in the Guard's industry, because a cure promise in
a health-food pitch is forbidden even without a price. A promise beside a guarantee or a price
is itself evidence of an ad (the ``claim`` signal banks), but a claim alone is no offer; a
seller's promise (a ``pitch`` bank: 祖传秘方, 治愈率99%) beside another claim is one, unless
a message that addresses no reader reports, quotes or warns of it (``seller-not``).
A seller speaking of its own product is one too, price or no price: 本产品, 本药品 or 专家坐诊
(the ``seller`` bank) with an absolute term or a claim, or 这款 and 我们家的 (``seller-claim``,
which chat says as well) with a claim of a bank marked ``deixis``; not where the words are
reported or warned about (``seller-not``: 新闻, 宣称, 虚假宣传).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from ...catalog import Text, catalog
from ...phrases.banks import Bank, Hit
from ...phrases.batch import Batch
from ...phrases.clauses import STRONG, WEAK, Clauses
from ...text.storedregex import stored_regex
from ..base import CheckContext, Checker, Finding
from .model import AdvertisingModel, Evidence, Signal, advertising_model

if TYPE_CHECKING:
    from ...config import GuardConfig

# A negation at most this far before a claim cancels it (产品不保本, 并非无风险).
CANCEL_REACH = 2
# Evidence of an ad besides its claims (score units) that addresses a reader: a price (1.85),
# a call to act (2.36), a contact (3.6); a word of the trade (理财 0.96) does not.
ADDRESSED = 1.5
# The fix of an absolute term without a wording of its own in ``[suggest]``.
GENERAL_FIX = Text(
    zh="删去该用语，或改为有数据、检测报告等依据的具体说法",
    en="remove it, or replace it with a specific claim you can back up",
)
# ``[suggest]``: a wording to write instead (…；what to add), or a fix starting with this.
DROP = "删去"
# What an ad must carry, in the order a reader adds them: the 广告 label and the sender's
# name at the start, the opt-out at the end (Advertising Law arts. 14 and 43). Each missing
# part is a finding of its own rule; the catalog's [[one-mark]] tables with ``parts`` make
# them one mark, so that select, ignore and suppression comments act on each part alike.
PARTS = ("WX401", "WX404", "WX403")

# A clause: text between clause punctuation in the folded view (a decimal point is no
# punctuation), without its outer spaces.
_UNIT = r"(?:[^\s,、:;.!?。…~]|\.(?=[\dx]))"
_CLAUSE = re.compile(rf"{_UNIT}+(?:[^\S\n]+{_UNIT}+)*")
_BRACKETED = re.compile(r"[【〖\[][^】〗\]\n]{1,20}[】〗\]]")
_BRACKETED_END = re.compile(_BRACKETED.pattern + "$")
# A link is no clause to put a fix in (暑期班报名 https://…: the label goes before 暑期班报名, the
# opt-out after the link, not inside it).
_LINK = re.compile(r"(?:https?://|www\.)[^\s，。！？]*")


def _blank(m: re.Match[str]) -> str:
    """The link as clause punctuation of the same length, so that spans stay the view's."""
    return "," * len(m.group())


# A name heading the text right after the 广告 label, before a colon (【广告】鲜果坊水果店：):
# letters only, so that an offer's terms (全场8折：) are no name.
_HEAD_NAME = stored_regex(r"\s*([\u4e00-\u9fffa-z][\u4e00-\u9fffa-z·&]{1,15})\s*:")
# A name heading the text after the label, set off by a space (【广告】飞跃健身 年卡…): a sender's
# name unless it holds an offer's words (【广告】全场五折 仅限今天, 【广告】新店开业 …).
_HEAD_SPACED = stored_regex(r"\s*([\u4e00-\u9fffa-z][\u4e00-\u9fffa-z0-9·&]{1,15})[^\S\n]+\S")
# A short quotation or title, with its marks (a data set reverses curly quotes: ”投资稳赚“).
_QUOTATION = re.compile(r"[“”\"「『《]([^“”\"」』》\n]{1,20})[“”\"」』》]")
# Signals that name a business rather than offer anything: a name may hold them.
_NAMING = frozenset({"org", "corp", "mall", "store", "signature"})
# What a message with a sender's 【signature】 holds (a superset, asked before the score).
_SIGN = re.compile(r"[【〖]")
# A sender's signature beside a boast of its goods or standing (``signal-boast``).
_SIGNED_BOAST = frozenset({"signature", "boast"})


class AdvertisingChecker(Checker):
    family = "WX4"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.model: AdvertisingModel = advertising_model(config.phrases)
        self.threshold = config.commercial_threshold
        self.enabled = config.enabled_codes() & set(PARTS)

    def screen(self, texts: Sequence[str]) -> set[int]:
        """The messages ``check`` reads further: a claim's anchor in the clause view, or
        evidence that could reach the threshold (``Ceiling``), each asked of the whole batch
        in one pass."""
        batch = Batch.of(texts)
        if not batch:
            return set()
        quick = self.model.claims_prefilter
        claimed = (
            set(range(len(batch)))
            if quick is None
            else batch.matching(quick, batch.compact, batch.compact_starts)
        )
        signed = batch.matching(_SIGN, batch.folded, batch.starts)
        boasts = self.model.banks["signal-boast"].regex
        boastful = set() if boasts is None else batch.matching(boasts, batch.folded, batch.starts)
        return (
            claimed
            | signed
            | boastful
            | self.model.ceiling.screen(batch.folded, batch.starts, self.threshold)
        )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        clauses = Clauses.of(ctx.view)
        quick = self.model.claims_prefilter
        claimed = quick is None or quick.search(clauses.text) is not None
        signed = _SIGN.search(ctx.view.folded) is not None
        boastful = _first(self.model.banks["signal-boast"], ctx.view.folded) is not None
        if (
            not claimed
            and not signed
            and not boastful
            and not self.model.may_reach(ctx.view.folded, self.threshold)
        ):
            return  # no claim, no signature, no boast, too little evidence to be an ad: most
            # messages
        score = self.model.evidence(ctx.view.folded)
        found = self._found_claims(clauses.text) if claimed else []
        commercial = score.score >= self.threshold
        seller = (
            (claimed and self._seller(clauses.text, found))
            or _boasts(score)
            or (boastful and self._boasting(clauses.text, ctx.view.folded, score))
        )
        promised = bool(found) and self._promised(clauses, score, found)
        specific: list[Finding] = []
        if commercial or seller or promised:
            specific += self._absolute(ctx, clauses)
        if found:
            specific += self._claims(ctx, clauses, score, found, seller, promised)
        if commercial:
            yield from self._labelling(ctx, score, specific)
        yield from specific

    def _found_claims(self, text: str) -> list[tuple[Bank, list[Hit]]]:
        return [
            (bank, hits)
            for bank in self.model.claims
            if (hits := bank.hits(text, overlapping=False))
        ]

    def _seller(self, text: str, found: list[tuple[Bank, list[Hit]]]) -> bool:
        """A seller speaking of its own product: its own words (本产品, 专家坐诊), or words chat
        shares (这款, 我们家的) beside a claim only a product is praised with; not in a report,
        a complaint or a warning that quotes it."""
        banks = self.model.banks
        if _first(banks["seller-not"], text) is not None:
            return False
        if _first(banks["seller"], text) is not None:
            return True
        return any(bank.options.get("deixis") for bank, _ in found) and (
            _first(banks["seller-claim"], text) is not None
        )

    def _boasting(self, text: str, view: str, score: Evidence) -> bool:
        """A seller boasting of its goods in its own voice or with a call to buy (我们是全国最好
        的奶粉品牌, 行业第一品牌…买它准没错): ad copy, whose absolute terms WX402 judges without
        a price or a contact, as a signed boast's (``_boasts``); not a report of it. So is a
        boast beside a shop's word for itself (``seller-claim``: 本店商品质量第一，价格最低), or
        two boasts (全网最低价，国家级产品: a line only ad copy writes), where nothing reads as
        a guest's or a buyer's words (``boast-guest``: 这家, 下次还来; evidence that weighs
        against an ad: a review, a reply to one) or as someone's words passed on (顾客说…)."""
        banks = self.model.banks
        if _first(banks["seller-not"], text) is not None:
            return False
        if _first(banks["seller-boast"], text) is not None:
            return True
        if (
            any(s.weight < 0 for s in score.signals)
            or _first(banks["boast-guest"], text) is not None
            or self._tellings(text)
        ):
            return False
        return (
            _first(banks["seller-claim"], text) is not None
            or len(_merged(banks["signal-boast"].hits(view))) >= 2
        )

    def _promised(
        self, clauses: Clauses, score: Evidence, found: list[tuple[Bank, list[Hit]]]
    ) -> bool:
        """A seller's promise without a price or a contact: one of a bank marked ``offer``
        (an exam passed or money back: 驾照科目一包过, 考不上退全款) that is not negated, asked
        or held by a report or a quote (有人说包过，真的假的; 驾校老师说科目一包过，结果我挂了, where
        nothing addresses the reader), or a promise only a seller makes
        (a ``pitch`` bank: 祖传秘方, 100%有效) beside another (…，绝无副作用), unless a message
        that addresses no reader reports, quotes or warns of it (``seller-not``: 别信, 查处)."""
        banks = self.model.banks
        text = clauses.text
        quoted = _first(banks["seller-not"], text) is not None
        # what addresses a reader besides the claims (欢迎咨询, a price, a contact)
        pitched = sum(
            s.weight for s in score.signals if s.weight > 0 and s.kind not in self.model.claim_kinds
        )
        told = [] if pitched >= ADDRESSED else self._tellings(text)
        if not quoted and any(
            bank.options.get("offer")
            and not self._disowned(clauses, h)
            and not _told(clauses, h, told)
            for bank, hits in found
            for h in hits
        ):
            return True
        if not any(bank.options.get("pitch") for bank, _ in found):
            return False
        return len(_promises(text, found, banks["claim-exempt"].hits(text))) >= 2 and (
            pitched >= ADDRESSED or not quoted
        )

    # -- WX401, WX403, WX404 ------------------------------------------------------------
    def _labelling(
        self, ctx: CheckContext, score: Evidence, taken: list[Finding]
    ) -> Iterator[Finding]:
        """A finding for each part (of those enabled) an ad lacks: its label, its sender or
        its opt-out, anchored where its fix goes (the message's start for a label or a
        sender, the first words after a label that is there for a sender, the end for an
        opt-out) and clear of the absolute terms and claims marked on their own. The merge
        makes them one mark."""
        if not any(s.weight > 0 for s in score.signals):
            return  # a threshold of zero or less: nothing commercial to point at
        banks = self.model.banks
        text, view = ctx.view.text, ctx.view.folded
        label = _first(banks["label"], view)
        lacking = {
            "WX401": label is None,
            "WX404": not self._identified(view, label, score.signals),
            "WX403": _first(banks["unsubscribe"], view) is None,
        }
        missing = [code for code in PARTS if lacking[code] and code in self.enabled]
        if not missing:
            return
        busy = [(f.start, f.end) for f in taken]
        strongest = _strongest(score.signals)
        signals = "".join(f"「{text[s.start : s.end].strip()}」" for s in strongest)
        confidence = min(1.0, 0.5 + score.score / (4 * self.threshold))
        for rule in missing:
            at_end = rule == "WX403"
            # the sender's name goes right after a label that is there: the mark sits on the
            # words it goes before, as a missing label's does, not on the label, which is right
            # (new-user trial s13 read a mark on 【广告】 as the label being the problem)
            if rule == "WX404" and label is not None:
                start, end = _after_label(view, label, busy)
            else:
                start, end = _anchor(view, busy, at_end=at_end)
            yield Finding(
                rule,
                start,
                end,
                term=text[start:end],
                confidence=confidence,
                fields={
                    "signals": signals,
                    "score": f"{score.score:g}",
                    "missing": catalog().word("missing", rule),
                    "fix": _fix(rule),
                },
                anchor="end" if at_end else "start",
            )

    def _identified(
        self, view: str, label: tuple[int, int] | None, signals: tuple[Signal, ...]
    ) -> bool:
        """A 【signature】 that is not a tag, a name heading the text after the label
        (【广告】鲜果坊水果店：…, 【广告】飞跃健身 年卡…), an organisation name, or a signed-off
        line."""
        banks = self.model.banks
        generic, nobody = banks["identity-generic"], banks["identity-not"]
        if label is not None:
            head = _HEAD_NAME.match(view, label[1])
            if head is not None and not _only(generic, head.group(1)):
                return True
            shop = banks["identity-head"].regex
            named = shop.match(view, label[1]) if shop is not None else None
            if named is not None and not _only(generic, named.group().strip()):
                return True
            spaced = _HEAD_SPACED.match(view, label[1])
            if (
                spaced is not None
                and not _only(generic, spaced.group(1))
                and not any(
                    s.kind not in _NAMING and s.start < spaced.end(1) and spaced.start(1) < s.end
                    for s in signals
                )
            ):
                return True
        for start, end in _brackets(view):
            inner = view[start:end].strip()
            if 2 <= len(inner) <= 20 and not _only(generic, inner):
                return True
        regex = banks["identity"].regex
        for m in regex.finditer(view) if regex is not None else ():
            name = m.groupdict().get("name")
            if name is None or not any(name.endswith(w) for w in _phrases(nobody, name)):
                return True
        return False

    # -- WX402 ---------------------------------------------------------------------------
    def _absolute(self, ctx: CheckContext, clauses: Clauses) -> Iterator[Finding]:
        banks = self.model.banks
        text = clauses.text
        exempt = banks["absolute-exempt"].hits(text)
        hits = [h for h in banks["absolute"].hits(text) if not _covered(h, exempt)]
        ranking = banks["absolute-ranking"].hits(text)
        for start, end in _merged(hits):
            if any(r.start < end and start < r.end for r in ranking) and self._scoped(
                clauses, start
            ):
                continue
            if self._negated(clauses, start):  # 价格不是最便宜的 claims nothing
                continue
            o0, o1 = clauses.original(start, end)
            term = ctx.view.text[o0:o1]
            yield Finding(
                "WX402",
                o0,
                o1,
                term=term,
                confidence=0.9,
                fields={"term": term, "fix": self._fix(text[start:end], term)},
            )

    def _scoped(self, clauses: Clauses, pos: int) -> bool:
        """A ranking limited in time and sourced in its sentence (SAMR 2023, exemption 9)."""
        banks = self.model.banks
        sentence = clauses.text[clauses.sentence_start(pos) : clauses.sentence_end(pos)]
        return (
            _first(banks["ranking-time"], sentence) is not None
            and _first(banks["ranking-source"], sentence) is not None
        )

    def _fix(self, hit: str, term: str) -> Text:
        """What to do with this absolute term (``hit`` in the clause view, ``term`` as
        written): its ``[suggest]`` entry, the longest key inside the hit, as a fix of its
        own (改为「超值优惠」, 删去“史上最强”…)."""
        keys = [k for k in self.model.suggest if k in hit]
        if not keys:
            return GENERAL_FIX
        advice = self.model.suggest[max(keys, key=len)]
        if advice.startswith(DROP):
            rest = advice.removeprefix(DROP)
            reason = rest[rest.find("（") :] if rest.endswith("）") else ""
            return Text(zh=f"{DROP}“{term}”{rest}", en=f"remove it {reason}".strip())
        wording, _, more = advice.partition("；")
        return Text(
            zh=f"改为「{wording}」" + (f"，{more}" if more else ""),
            en=f"write {wording} instead" + (f" ({more})" if more else ""),
        )

    # -- WX405 ---------------------------------------------------------------------------
    def _claims(
        self,
        ctx: CheckContext,
        clauses: Clauses,
        score: Evidence,
        found: list[tuple[Bank, list[Hit]]],
        seller: bool,
        promised: bool,
    ) -> Iterator[Finding]:
        banks = self.model.banks
        text = clauses.text
        # In an ad, or in a message half-way to one without the claims' own evidence: a
        # cure alone is no offer (我妈的病治愈了); a seller speaking of its product
        # (``seller``) or promising what only a seller does (``promised``) makes one.
        claims = sum(s.weight for s in score.signals if s.kind in self.model.claim_kinds)
        # what addresses a reader besides the claims (欢迎咨询, a price, a contact)
        pitched = sum(
            s.weight for s in score.signals if s.weight > 0 and s.kind not in self.model.claim_kinds
        )
        # An offer's word (课程, 名额) puts a claim in one, but not a claim's own (90%的学员考上:
        # 我们班…，恭喜大家 is a class's result), nor one in a short quotation or title (可买到
        # “投资稳赚”: a name given), nor one in a message that reports, quotes or doubts an ad and
        # is none (…升学率98%，这广告谁信).
        claimed = _Covers((h.start, h.end) for _, hits in found for h in hits)
        quoted = _Covers(m.span() for m in _QUOTATION.finditer(ctx.view.text))
        doubted = score.score < self.threshold and _first(banks["seller-not"], text) is not None
        offer = (
            seller
            or promised
            or score.score >= self.threshold
            or score.score - claims >= self.threshold / 2
            or (
                not doubted
                and any(
                    not claimed.covers(h.start, h.end)
                    and not quoted.inside(*clauses.original(h.start, h.end))
                    for h in banks["offer"].hits(text, overlapping=False)
                )
            )
        )
        judged = [
            (hit, bank)
            for bank, hits in found
            if offer or ctx.industry == bank.options.get("industry")
            for hit in hits
        ]
        if not judged:
            return
        exempt = banks["claim-exempt"].hits(text)
        # Outside a seller's words and what addresses a reader, a claim in a news or a
        # victim's sentence is told of whoever made it (电视上报道说那些“包治百病”的神药…,
        # 我邻居被…骗了…稳赚不赔).
        told = [] if seller or pitched >= ADDRESSED else self._tellings(text)
        end = -1
        # the longest of overlapping promises (治愈率99% over 治愈率), once
        for hit, bank in sorted(judged, key=lambda hb: (hb[0].start, -hb[0].end)):
            if hit.start < end:
                continue
            end = hit.end
            if _covered(hit, exempt) or self._disowned(clauses, hit) or _told(clauses, hit, told):
                continue
            o0, o1 = clauses.original(hit.start, hit.end)
            term = ctx.view.text[o0:o1]
            yield Finding(
                "WX405",
                o0,
                o1,
                term=term,
                category=str(bank.options.get("industry")),
                confidence=0.9,
                fields={"term": term, "kind": str(bank.options.get("kind", ""))},
            )

    def _tellings(self, text: str) -> list[tuple[Hit, bool]]:
        """What tells a claim of someone else: a report or a victim's story anywhere in its
        sentence (``claim-report``), someone's words passed on before it (``claim-hearsay``:
        the flag)."""
        banks = self.model.banks
        return [(h, False) for h in banks["claim-report"].hits(text)] + [
            (h, True) for h in banks["claim-hearsay"].hits(text)
        ]

    def _negated(self, clauses: Clauses, start: int) -> bool:
        """A negation or a warning right before ``start`` in its clause (不保本, 不是最便宜的)."""
        begin = clauses.clause_start(start)
        return any(
            c.end <= start and start - c.end <= CANCEL_REACH and begin <= c.start
            for c in self.model.banks["claim-cancel"].hits(clauses.text)
        )

    def _disowned(self, clauses: Clauses, hit: Hit) -> bool:
        """Negated (不保本), warned about (谨防稳赚骗局) or asked (能根治吗？)."""
        banks = self.model.banks
        text = clauses.text
        if self._negated(clauses, hit.start):
            return True
        begin, end = clauses.clause_start(hit.start), clauses.clause_end(hit.end)
        clause = text[begin:end]
        warning = banks["claim-warning"].regex
        if warning is not None and warning.search(clause):
            return True
        if clause.endswith(("吗", "么", "嘛")):
            return True
        if end < len(text) and text[end] in (STRONG, WEAK):
            o = clauses.original(end, end + 1)[0]
            return clauses.original_char(o) in "?？"
        return False


class _Covers:
    """Spans, asked whether one of them holds a given span: sorted once, each question a
    bisection (an offer word asked of every claim and every quotation made a long run of
    claims quadratic: review s16, '90%的学员考上'×8000 took 10 s)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        """Some span starts at or before ``start`` and ends at or after ``end``."""
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end

    def inside(self, start: int, end: int) -> bool:
        """Some span starts before ``start`` and ends after ``end``."""
        k = bisect_left(self.starts, start)
        return k > 0 and self.reach[k - 1] > end


def _boasts(score: Evidence) -> bool:
    """The sender's signature beside a boast of its goods or its standing (【优品奶茶】全市最好
    喝，第一品牌): a business speaking of itself, as 本产品 is, so its absolute terms are an
    ad's, price or no price; labelling the message must not be what gets them judged."""
    return _SIGNED_BOAST.issubset(s.kind for s in score.signals)


def _anchor(view: str, busy: list[tuple[int, int]], at_end: bool) -> tuple[int, int]:
    """Where a fix goes: the first clause (a leading 【…】 alone), or the last one (a
    trailing 【…】 alone) for ``at_end``; the next clause inwards when that one overlaps a
    span already marked, and the outermost clause when every one does."""
    spans = [m.span() for m in _CLAUSE.finditer(_LINK.sub(_blank, view))]
    if not spans:
        return 0, len(view)
    head = _BRACKETED.match(view, spans[0][0])
    if head is not None:
        spans.insert(0, head.span())
        spans[1] = (head.end(), spans[1][1])
    last = spans[-1]
    tail = _BRACKETED_END.search(view, last[0], last[1])
    if tail is not None and tail.start() > last[0]:
        spans[-1] = (last[0], tail.start())
        spans.append(tail.span())
    spans = [(a, b) for a, b in spans if b > a and view[a:b].strip()]
    order = spans[::-1] if at_end else spans
    free = (s for s in order if not any(a < s[1] and s[0] < b for a, b in busy))
    return next(free, order[0])


def _after_label(view: str, label: tuple[int, int], busy: list[tuple[int, int]]) -> tuple[int, int]:
    """Where a labelled ad's sender goes: beside the label, on the first clause after it
    (「(广告) 双十一大促」 gives 双十一大促), or on the label itself when that clause is marked
    already (【广告】全网最低价，…: a later clause is not where the name goes) or nothing follows
    the label."""
    after = _CLAUSE.search(_LINK.sub(_blank, view), label[1])
    if after is None or any(a < after.end() and after.start() < b for a, b in busy):
        return label
    return after.span()


def _fix(code: str) -> Text:
    """The fix of one missing part: its rule's suggestion."""
    rule = catalog().by_code[code]
    return Text(zh=rule.suggestion_zh, en=rule.suggestion_en)


def _told(clauses: Clauses, hit: Hit, tellings: list[tuple[Hit, bool]]) -> bool:
    """A telling in the claim's sentence (before the claim, for words passed on)."""
    sentence = clauses.sentence_start(hit.start), clauses.sentence_end(hit.end - 1)
    return any(
        sentence[0] <= r.start and r.end <= (hit.start if before else sentence[1])
        for r, before in tellings
    )


def _first(bank: Bank, text: str) -> tuple[int, int] | None:
    m = bank.regex.search(text) if bank.regex is not None else None
    return (m.start(), m.end()) if m is not None and m.end() > m.start() else None


def _brackets(text: str) -> Iterator[tuple[int, int]]:
    """Inner spans of 【…】 and [...] pairs."""
    for opening, closing in (("【", "】"), ("[", "]")):
        pos = 0
        while (i := text.find(opening, pos)) >= 0 and (j := text.find(closing, i + 1)) >= 0:
            yield i + 1, j
            pos = j + 1


def _only(bank: Bank, inner: str) -> bool:
    """The bracket holds nothing but tag words (通知, 限时秒杀)."""
    regex = bank.regex
    return regex is not None and regex.sub("", inner).strip(" !！·|/-_") == ""


def _phrases(bank: Bank, name: str) -> list[str]:
    regex = bank.regex
    return [m.group() for m in regex.finditer(name)] if regex is not None else []


def _promises(text: str, found: list[tuple[Bank, list[Hit]]], exempt: list[Hit]) -> set[str]:
    """The different promises the claims make: a claim inside a longer one of a bank marked
    ``whole`` (稳赚 in 稳赚不赔, 保本 in 保本保息) or inside an everyday phrase (定期存款保本保息) is
    no second promise."""
    wholes = [h for bank, hits in found if bank.options.get("whole") for h in hits]
    return {
        text[h.start : h.end]
        for _, hits in found
        for h in hits
        if not _covered(h, exempt) and not any(_inside(h, w) for w in wholes)
    }


def _inside(hit: Hit, other: Hit) -> bool:
    """``hit`` lies within ``other``, which is longer."""
    return (
        other.start <= hit.start
        and hit.end <= other.end
        and other.end - other.start > hit.end - hit.start
    )


def _covered(hit: Hit, spans: list[Hit]) -> bool:
    return any(e.start <= hit.start and hit.end <= e.end for e in spans)


def _merged(hits: list[Hit]) -> list[tuple[int, int]]:
    """Overlapping or touching hits as one span (全网最低 + 最低价 → 全网最低价)."""
    spans: list[list[int]] = []
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        if spans and h.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], h.end)
        else:
            spans.append([h.start, h.end])
    return [(a, b) for a, b in spans]


def _strongest(signals: tuple[Signal, ...], most: int = 3) -> list[Signal]:
    """The heaviest positive signals, leaving out one whose text lies inside another already
    named (原价199现价99 and its 价199 are one piece of evidence, quoted once)."""
    kept: list[Signal] = []
    for s in sorted((s for s in signals if s.weight > 0), key=lambda s: -s.weight):
        if not any(k.start <= s.start and s.end <= k.end for k in kept):
            kept.append(s)
            if len(kept) == most:
                break
    return kept
