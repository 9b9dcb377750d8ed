"""WX6 format: length, layout and attachments (docs/sources.md: limits, layout).

Length counts characters as a reader does (an emoji, a flag or a family emoji is one).
Text rules point at the offending part of the text; attachment rules concern the message
as a whole and use the empty span (0, 0), so they never overlap a text finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...models import Attachment
from ...phrases.batch import Batch
from ...profiles import profile_for
from ...text.emoji import count_and_cut, emoji_spans, prefix_end
from ...text.folding import fold_one_to_one
from ..base import CheckContext, Checker, Finding

if TYPE_CHECKING:
    from ...config import GuardConfig

# Words of capital Latin letters (ASCII or full-width) joined by spaces or light
# punctuation; a word followed by a small letter is not all-caps. Possessive quantifiers
# keep the scan linear on any input.
_UPPER, _LETTER = "A-ZＡ-Ｚ", "A-Za-zＡ-Ｚａ-ｚ"
_CAPS_WORD = rf"[{_UPPER}]++(?![a-zａ-ｚ])"
CAPS_RUN = re.compile(rf"(?<![{_LETTER}]){_CAPS_WORD}(?:[ \t\u3000.,!?'’&-]++{_CAPS_WORD})*")
CAPS_LETTER = re.compile(rf"[{_UPPER}]")
CAPS_WORD = re.compile(rf"[{_UPPER}]{{4}}")
# A word of nothing but X is a redaction mask (税号91310000XXXXXXXX, 尾号XXXX), not shouting
# (new-user trial s15): its letters do not count.
_MASK = re.compile(rf"(?<![{_UPPER}])[XＸ]++(?![{_UPPER}])")

# Loud symbols: punctuation and symbols other than brackets, quotes and dashes, less the
# ones ordinary prose and layout repeat (ellipses, list and Markdown marks, separator lines;
# full-width forms of the ASCII ones too) and less emoji (WX605 judges those).
_CALM = r"。，、,.．;；:：·・…‥*＊#＃/／`\\'\"=＝_~～\u2500-\u257F"
# Sentence marks: a run of these alone is emphasis (谁偷吃了我的蛋糕！！！, 什么？？？: 711 of the
# 35k review lines end a sentence so), so it needs one mark more than a run of symbols.
MARKS = frozenset("！？!?")
_LOUD = rf"[[\p{{Po}}\p{{Sc}}\p{{Sm}}\p{{So}}\p{{Sk}}]--[{_CALM}\p{{Extended_Pictographic}}]]"
# Loud symbols are never letters, digits, "_" or spaces: a run of such characters other than
# the calm ones is a cheap test (``re``, one character class) that most messages fail, so
# the slower Unicode-property regex runs only where a run could be.
_MAYBE_LOUD = rf"[^\w\s{_CALM}]"

# Every emoji (``text.emoji.emoji_spans``) contains a keycap's U+20E3 or a character from the ranges
# that hold every Extended_Pictographic and Regional_Indicator code point (UTS #51; a test
# checks this against the regex module's property tables). Most Chinese text has none, so
# one ``re`` character-class scan rules it out.
MAYBE_EMOJI = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u20e3\u2122-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001ffff]"
)

_MIB = 1024 * 1024


class FormatChecker(Checker):
    family = "WX6"

    def __init__(self, config: GuardConfig) -> None:
        super().__init__(config)
        self.limits = config.format
        # One class, then the rest of the run: ``re`` scans for a lone class in C, while a
        # pattern opening with a repeat enters the matcher at every character (0.73 against
        # 0.55 µs a review).
        self.maybe_symbols = re.compile(
            rf"{_MAYBE_LOUD}{_MAYBE_LOUD}{{{self.limits.symbol_run - 1}}}"
        )
        self.keywords = tuple(
            dict.fromkeys(fold_one_to_one(k.strip()) for k in config.campaign_keywords)
        )

    @cached_property
    def symbols(self) -> Any:
        """Runs of loud symbols (``regex`` set operations); compiled when ``maybe_symbols``
        first passes, so ``regex`` stays out of a cold start."""
        import regex

        return regex.compile(rf"(?V1){_LOUD}{{{self.limits.symbol_run},}}")

    def screen(self, texts: Sequence[str]) -> set[int] | None:
        """The messages a text rule could flag: over the length limit, with enough lines for
        a paragraph, or holding four capitals in a row (shouting needs such a word), a run
        of possibly loud symbols or a possible emoji; each one scan of the batch. A title
        rule (campaign keywords) asks every message."""
        if self.keywords:
            return None
        batch = Batch.of(texts)
        limit = profile_for(self.config, self.config.platform).text_limit
        lines = self.limits.paragraph_lines
        found = {
            i
            for i, t in enumerate(batch)
            if len(t) > limit or ("\n" in t and t.count("\n") >= lines)
        }
        for regex in (CAPS_WORD, self.maybe_symbols, MAYBE_EMOJI):
            found |= batch.matching(regex)
        return found

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.message.text
        yield from self._length(text, ctx.profile.text_limit)
        yield from self._paragraphs(text)
        yield from self._caps(text)
        if self.maybe_symbols.search(text) is not None:
            for match in self.symbols.finditer(text):
                run = match.group()
                if len(run) <= self.limits.symbol_run and MARKS.issuperset(run):
                    continue
                yield Finding(
                    "WX604",
                    match.start(),
                    match.end(),
                    term=match.group(),
                    fields={"term": match.group()},
                )
        yield from self._emoji(text)
        if ctx.message.attachments:
            yield from self._attachments(ctx.message.attachments, ctx.profile.media_size_bytes)
        if self.keywords:
            yield from self._title(ctx)

    @staticmethod
    def _length(text: str, limit: int) -> Iterator[Finding]:
        """WX601, spanning the part past the limit (what would not fit)."""
        if len(text) <= limit:
            return
        length, cut = count_and_cut(text, limit)
        if cut is not None:
            yield Finding("WX601", cut, len(text), fields={"length": length, "limit": limit})

    def _paragraphs(self, text: str) -> Iterator[Finding]:
        """WX602: blank lines separate paragraphs; each non-blank line counts."""
        limit = self.limits.paragraph_lines
        if text.count("\n") < limit:
            return  # at most ``limit`` lines
        lines: list[tuple[int, int]] = []
        pos = 0
        for raw in text.split("\n"):
            end = pos + len(raw)
            if raw.strip():
                lines.append((pos, end))
            elif lines:
                yield from _paragraph(text, lines, limit)
                lines = []
            pos = end + 1
        yield from _paragraph(text, lines, limit)

    def _caps(self, text: str) -> Iterator[Finding]:
        """WX603: a run of all-caps words with enough letters to read as shouting and at
        least one word longer than an acronym (so "VIP APP NBA" passes)."""
        if CAPS_LETTER.search(text) is None:
            return  # the run scan tests a look-behind at every position: skip it without capitals
        for match in CAPS_RUN.finditer(text):
            run = match.group()
            read = _MASK.sub(" ", run) if "X" in run or "Ｘ" in run else run
            if len(CAPS_LETTER.findall(read)) >= self.limits.caps_letters and CAPS_WORD.search(
                read
            ):
                yield Finding("WX603", match.start(), match.end(), term=run, fields={"term": run})

    def _emoji(self, text: str) -> Iterator[Finding]:
        """WX605: a message of nothing but emoji, else runs of emoji (spaces between allowed)."""
        if MAYBE_EMOJI.search(text) is None:
            return
        spans = emoji_spans(text)
        if not spans:
            return
        if len(spans) >= self.limits.emoji_only and _only_emoji(text, spans):
            yield Finding("WX605", spans[0][0], spans[-1][1], fields={"count": len(spans)})
            return
        run = [spans[0]]
        for span in spans[1:]:
            if text[run[-1][1] : span[0]].strip():
                yield from self._emoji_run(run)
                run = []
            run.append(span)
        yield from self._emoji_run(run)

    def _emoji_run(self, run: list[tuple[int, int]]) -> Iterator[Finding]:
        if len(run) >= self.limits.emoji_run:
            yield Finding("WX605", run[0][0], run[-1][1], fields={"count": len(run)})

    def _attachments(
        self, attachments: tuple[Attachment, ...], max_bytes: int
    ) -> Iterator[Finding]:
        """WX606 (images and videos over the size limit) and WX607 (long videos); one finding
        each, naming every attachment concerned and measuring the worst."""
        big = [a for a in attachments if a.kind in ("image", "video") and a.size_bytes > max_bytes]
        if big:
            worst = max(big, key=lambda a: a.size_bytes)
            names = _names(big)
            yield Finding(
                "WX606",
                0,
                0,
                term=names,
                fields={
                    "term": names,
                    "size": f"{worst.size_bytes / _MIB:.1f}MB",
                    "limit": f"{max_bytes / _MIB:g}MB",
                },
            )
        seconds = self.limits.video_seconds
        long = [
            a
            for a in attachments
            if a.kind == "video" and a.duration_s is not None and a.duration_s > seconds
        ]
        if long:
            worst_s = max(a.duration_s or 0.0 for a in long)
            names = _names(long)
            fields = {"term": names, "duration": _clock(worst_s), "limit": _clock(seconds)}
            yield Finding("WX607", 0, 0, term=names, fields=fields)

    def _title(self, ctx: CheckContext) -> Iterator[Finding]:
        """WX608: the first line's first characters should carry a campaign keyword."""
        text = ctx.message.text
        match = re.search(r"\S[^\n]*", text)
        if match is None:
            return
        start = match.start()
        end = prefix_end(text, start, len(match.group().rstrip()) + start, self.limits.title_chars)
        head = ctx.view.folded[start:end]
        if not any(word in head for word in self.keywords):
            yield Finding(
                "WX608",
                start,
                end,
                fields={"limit": self.limits.title_chars, "keywords": "、".join(self.keywords)},
            )


def _paragraph(text: str, lines: list[tuple[int, int]], limit: int) -> Iterator[Finding]:
    if len(lines) > limit:
        first, last = lines[0], lines[-1]
        start = first[0] + len(text[first[0] : first[1]]) - len(text[first[0] : first[1]].lstrip())
        end = last[0] + len(text[last[0] : last[1]].rstrip())
        yield Finding("WX602", start, end, fields={"lines": len(lines), "limit": limit})


def _only_emoji(text: str, spans: list[tuple[int, int]]) -> bool:
    pos = 0
    for start, end in spans:
        if text[pos:start].strip():
            return False
        pos = end
    return not text[pos:].strip()


def _names(attachments: list[Attachment]) -> str:
    return ", ".join(a.name or a.kind for a in attachments)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
