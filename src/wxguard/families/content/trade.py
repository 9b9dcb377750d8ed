"""Illegal-trade offers: a product joined to an offer or a contact (WX102, WX103, WX106).

A word list names what is illegal outright (代开发票, 百家乐). Most offers say it with words
that are ordinary alone: 发票 in 请开具发票, 上门服务 of a plumber, 开户 at a bank. Here a
product counts only when it is joined to the trade's offer (代开, 注册送, 包夜 …) or, for
products with no lawful trade, to a contact, within a short window (``phrases.joins``; the
banks and rules are data in ``wordlists/trade.toml``, which users extend with ``[trade]``
tables in their phrase files).

Spam spells these words by sound (婇票, 铳植, 網止), so the join runs on the clause view
respelled by syllable. A part matched through a homophone counts only when the characters
swapped in are not themselves an ordinary word (科长 is a word, so it is never 刻章). A
sentence about one's own invoices (报销, 抬头) is no offer. An offer named in a warning or a
report (谨防代开发票诈骗, 因代开发票被判) is found here and judged by the frame judge, which
reads every content finding's sentence (``wxguard.frames``, issue 14).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path
from typing import NamedTuple

from ...catalog import catalog
from ...compiled import compiled
from ...errors import WordListError
from ...phrases.banks import Bank, Found, Hit, family_banks
from ...phrases.batch import JOIN, Batch
from ...phrases.clauses import STRONG, Clauses
from ...phrases.gate import JoinGate
from ...phrases.joins import Alone, Combine, Join, Spans, find_joins, read_rules, uncovered
from ...phrases.mixed import Mixed, Spelt, may_mix, mixed
from ...text.folding import fold_one_to_one, is_cjk
from ...text.grid import CJK_RUN, WIDTHS, columns, take
from ...text.segment import frequency, in_words, straddles
from ...text.sound import class_table, syllable_table
from ...text.storedregex import stored_trie
from ...text.views import TextView
from ..base import CheckContext, Finding

# What a sender types for a comma when he presses Enter: a sentence end of the clause view that
# is only these is a line break, not a full stop or a question (``lines`` banks).
LINE_BREAKS = frozenset("\n\r\u2028\u2029")
# A Latin letter, as typed or full width: a message without one has no pinyin to read (a
# test in C before the clause view is asked whether letters touch a character).
_LETTER = re.compile("[A-Za-zＡ-Ｚａ-ｚ]")
# Banks this module consults besides those the rules name.
CONTACT = "contact"
# A sentence with a hit of this is no offer: it hands in or claims one's own invoices.
RECEIPT = "receipt"
CONTEXT_BANKS = ("exempt", "blocker", RECEIPT, CONTACT)
# A contact this far from a join (at most one sentence end away) is named with it.
CONTACT_REACH = 30
# Confidence: joined in one clause, or across clause breaks; a contact as well adds to it,
# a homophone takes from it.
CONFIDENCE = {"clause": 0.9, "window": 0.8}
WITH_CONTACT = 0.05
HOMOPHONE = 0.25
# A reading down a grid's columns is less sure than text as written.
GRID = 0.1
TECHNIQUE = "solicitation"
# A character jieba's dictionary counts this often is common: a part made only of common
# characters swapped in for the phrase's own is read as ordinary text.
COMMON = 2000
# Items of a menu (建材、劳务、广告…发票) stand at most this far apart, and a menu is read at
# most this many items either way (a long run of one word is no longer a menu, and stays cheap).
MENU_GAP = 4
MENU_READ = 12


class Disguised(NamedTuple):
    """A sound-alike (WX109) of a block-tier term of the word lists, in the original text:
    joined to an offer it is the offer its term would be, under the term's rule."""

    category: str
    start: int
    end: int
    techniques: tuple[str, ...]


@dataclass(frozen=True)
class TradeModel:
    exact: dict[str, Bank]  # as written: tells exact parts from homophones, finds warnings
    combines: list[Combine]
    alones: list[Alone]
    gate: JoinGate  # on the message's sound view, which WX1 builds anyway
    letters: dict[str, frozenset[str]]  # the characters each bank's phrases are written with
    emoji: dict[str, str]  # emoji written for a product, and the word each is read as
    emoji_regex: re.Pattern[str] | None  # any of them

    # Made on first use (cached_property writes past the frozen fields): the respelled banks
    # when a message first passes the gate (16 % of reviews do), the grid's regex when one
    # first holds a long run of Chinese characters; at construction they took ~40 ms.
    @cached_property
    def sound(self) -> dict[str, Bank]:
        """The banks respelled by syllable: the joins run on these."""
        table = syllable_table()
        return {name: bank.respelled(table) for name, bank in self.exact.items()}

    @cached_property
    def joinable(self) -> JoinGate:
        """The gate's test on the clause view respelled: exact, before the joins."""
        return JoinGate(self.sound, self.combines, self.alones)

    @cached_property
    def words(self) -> dict[str, str]:
        """Each word-list category whose sound-alikes a bank holds (option ``words``), and
        that bank."""
        return {b.options["words"]: n for n, b in self.exact.items() if "words" in b.options}

    @cached_property
    def disguise_banks(self) -> frozenset[str]:
        return frozenset(self.words.values())

    @cached_property
    def with_contact(self) -> frozenset[str]:
        """The banks that join only with a contact near (``with-contact``): one without it
        gives way to the next phrase an action may join (转开发票，点数低)."""
        return frozenset(n for n, b in self.exact.items() if b.options.get("with-contact") is True)

    @cached_property
    def literal(self) -> re.Pattern[str] | None:
        """The products' anchors as written, for the columns of a grid: plain text, where a
        trie regex is faster than the automaton (few characters open a branch)."""
        return _grid_literal(
            [self.exact[c.action] for c in self.combines]
            + [self.exact[a.bank] for a in self.alones]
        )


def trade_model(files: tuple[Path, ...]) -> TradeModel:
    """The model with the phrases of these users' files added."""
    return compiled("trade", lambda: _build(files), files=files, what="phrase file")


def _build(files: tuple[Path, ...]) -> TradeModel:
    data, sources = family_banks("trade", CONTEXT_BANKS, files)
    exact = {name: src.compile() for name, src in sources.items()}
    # Respelling keeps each bank's name and options, all the rules are checked against.
    combines, alones = read_rules(data, exact, "wordlists/trade.toml", "WX1")
    for name, bank in exact.items():
        menu = bank.options.get("menu")
        if menu is not None and (type(menu) is not int or menu < 2):
            raise WordListError(
                "wordlists/trade.toml",
                None,
                f"banks.{name}: menu must be a whole number of at least 2, got {menu!r}",
            )
    for name, bank in exact.items():
        unless = bank.options.get("unless")
        if unless is not None and (unless not in exact or unless == name):
            raise WordListError(
                "wordlists/trade.toml",
                None,
                f"banks.{name}: unless names no other bank: {unless!r}",
            )
    for spec in combines:  # a product's own message (exposure: sextortion) is its rule's
        variant = exact[spec.action].options.get("variant")
        if variant is not None and variant not in catalog().get(spec.rule).variants:
            raise WordListError(
                "wordlists/trade.toml",
                None,
                f"banks.{spec.action}: variant {variant!r} is no message of {spec.rule}",
            )
    letters = {
        name: frozenset(c for raw, _ in src.phrases for c in fold_one_to_one(raw).lower())
        for name, src in sources.items()
    }
    gate = JoinGate(exact, combines, alones, class_table())
    emoji = _emoji_words(data.get("emoji", {}))
    regex = (
        re.compile("|".join(map(re.escape, sorted(emoji, key=len, reverse=True))))
        if emoji
        else None
    )
    return TradeModel(exact, combines, alones, gate, letters, emoji, regex)


def _emoji_words(table: object) -> dict[str, str]:
    """The ``[emoji]`` table: each emoji (no letter, digit or Chinese character, which the
    banks read as written) and the Chinese word it is read as."""

    def bad(why: str) -> WordListError:
        return WordListError("wordlists/trade.toml", None, f"emoji: {why}")

    if not isinstance(table, dict):
        raise bad("must be a table of emoji and the words they are read as")
    for emoji, word in table.items():
        if not emoji or any(c.isalnum() or c.isspace() for c in emoji):
            raise bad(f"{emoji!r} is no emoji")
        if not (isinstance(word, str) and word and all(is_cjk(c) for c in word)):
            raise bad(f"{emoji!r} must be read as Chinese characters, got {word!r}")
    return dict(table)


def _grid_literal(products: list[Bank]) -> re.Pattern[str] | None:
    """The products' anchors as written, for a grid's columns, where only parts as written
    count and a one-character anchor (送 of 100送100) would pass a column of any text (None
    when some product has no literal anchor)."""
    anchors: set[str] = set()
    for bank in products:
        if bank.anchors is None:
            return None
        anchors |= bank.anchors
    if not anchors:
        return None
    return stored_trie(a for a in anchors if len(a) > 1)


class _Message:
    """One message's views and what is found in them once."""

    def __init__(
        self, model: TradeModel, original: str, clauses: Clauses, spelt: Spelt | None = None
    ) -> None:
        self.model = model
        self.original = original
        self.clauses = clauses
        # the pinyin runs, when the clauses are those of a copy with them written as
        # characters (``_mixed_offers``)
        self.spelt = spelt
        self._contacts: _Contacts | None = None
        self._receipts: Spans[Found] | None = None
        self._homophones: dict[Join, list[tuple[str, tuple[int, int]]]] = {}
        self._exact: dict[str, Spans[Found]] = {}
        self._items: dict[str, list[tuple[int, int]]] = {}
        self._written: dict[tuple[int, int], str] = {}
        # the word list's sound-alikes given as hits, by compact span: their techniques
        self._disguises: dict[tuple[int, int], tuple[str, ...]] = {}

    def disguised(self, found: Sequence[Disguised]) -> dict[str, list[Hit]]:
        """The sound-alikes as hits of their banks, in compact indices (a span never starts
        or ends on a character the clause view drops)."""
        given: dict[str, list[Hit]] = {}
        if not found:
            return given
        clauses = self.clauses
        size = len(clauses.text)
        ends = [clauses.original(i, i + 1)[1] for i in range(size)]
        for d in found:
            a = bisect_left(ends, d.start + 1)
            b = bisect_left(ends, d.end) + 1
            if a < b <= size:
                bank = self.model.words[d.category]
                given.setdefault(bank, []).append(Hit(a, b, bank))
                self._disguises[a, b] = d.techniques
        return given

    def runs_on(self, join: Join) -> bool:
        """The sound-alike's pinyin at either edge runs on into Chinese characters that are
        not the offer joined to it: the syllable may belong to the next word (大ma哈鱼 is
        大马哈鱼, a salmon), so only an offer right there tells."""
        text = self.clauses.text
        (a, b), (c, d) = join.action, join.joined
        return (b < len(text) and text[b - 1].isascii() and is_cjk(text[b]) and c != b) or (
            a > 0 and text[a].isascii() and is_cjk(text[a - 1]) and d != a
        )

    def disguise(self, join: Join) -> tuple[str, ...]:
        """The techniques of the sound-alike a join's action is, if it is one."""
        if join.banks[0] not in self.model.disguise_banks:
            return ()
        return self._disguises.get(join.action, ())

    def exact(self, bank: str, start: int, end: int) -> bool:
        """The part is spelled as the bank writes it: phrases as written cover all of it (a
        joined part may be two overlapping phrases, 税点 + 点低); the word list's sound-alikes
        were judged as its terms are (``Disguised``)."""
        if bank in self.model.disguise_banks:
            return True
        spelt = self.spelt
        if spelt is not None and spelt.touches(start, end):
            return self.spelt_as_written(bank, start, end)
        spans = self._exact.get(bank)
        if spans is None:
            spans = self._exact[bank] = Spans(self.model.exact[bank].found(self.clauses.text))
        reach = start
        hits = spans.hits
        for i in range(bisect_left(spans.starts, start), len(hits)):
            hit = hits[i]
            if hit[0] > reach:
                break
            if hit[0] >= start and hit[1] <= end:
                reach = max(reach, hit[1])
        return reach >= end

    def spelt_as_written(self, bank: str, start: int, end: int) -> bool:
        """A part with pinyin in it is the bank's phrase with whole syllables typed for
        some of its characters: no run is cut by its edges (fans of 粉丝 is no 翻), and every
        Chinese character no run wrote is one the bank writes (反墙 is no disguise)."""
        spelt = self.spelt
        assert spelt is not None
        if spelt.cuts(start, end):
            return False
        letters, text, ran = self.model.letters[bank], self.clauses.text, spelt.chars
        return all(
            text[i] in letters or not is_cjk(text[i]) or (i < len(ran) and ran[i])
            for i in range(start, end)
        )

    def ordinary_word(self, bank: str, start: int, end: int) -> bool:
        """A homophone part that reads as ordinary text: too short to tell (a single
        character), its swapped-in characters lie inside a real word (科长 for 刻章), a real
        word crosses its edge (精彩尽在 is not 彩金), or every character is swapped for a common
        one (觉被睡 is not 倍水; 倍氺 is)."""
        if end - start < 2:
            return True
        letters = self.model.letters[bank]
        text = self.clauses.text
        swapped = [i for i in range(start, end) if text[i] not in letters and is_cjk(text[i])]
        if len(swapped) == end - start and min(frequency(text[i]) for i in swapped) >= COMMON:
            return True
        at = [self.clauses.original(i, i + 1)[0] for i in swapped]
        lo, hi = self.clauses.original(start, end)
        return straddles(self.original, lo, hi) or (
            bool(at) and in_words(self.original, lo, hi, at)
        )

    def accept(self, join: Join) -> bool:
        """No warning frames the join, and its homophones are disguises: none reads as
        ordinary text, and none is from a bank marked ``sound = false`` (products joined to
        a contact alone: 百嘉乐 is a KTV's name, 百嘉乐 + 注册送 is a casino)."""
        if (
            self.receipt(join)
            or self.unless(join)
            or (join.banks[0] == join.banks[1] and self.same_words(join))
        ):
            return False
        if join.banks[0] in self.model.disguise_banks and self.runs_on(join):
            return False
        spelt = self.spelt
        if spelt is not None and (not spelt.touches(join.start, join.end) or self.homophones(join)):
            return False  # found as written, or by sound: the plain reading's
        if (
            any(self.model.exact[b].options.get("with-contact") is True for b in join.banks)
            and self.contact(join) is None
        ):
            return False
        if self.menus(join) is None:
            return False
        if self.torn(join) or self.stopped(join):
            return False
        return not any(
            self.model.exact[bank].options.get("sound") is False or self.ordinary_word(bank, a, b)
            for bank, (a, b) in self.homophones(join)
        )

    def torn(self, join: Join) -> bool:
        """A two-character part of a bank marked ``whole = true`` that a real word crosses as
        written: 官网投递 holds no 网投, 水平特别 no 平特 (new-user trial s15: a job ad's
        公司官网投递简历 was a casino's offer). Longer names (烈焰钻石) are read in spam's own
        run-on text, which the segmenter cuts anywhere."""
        for bank, (a, b) in zip(join.banks, (join.action, join.joined), strict=True):
            if b - a == 2 and self.model.exact[bank].options.get("whole") is True:
                lo, hi = self.clauses.original(a, b)
                if straddles(self.original, lo, hi):
                    return True
        return False

    def stopped(self, join: Join) -> bool:
        """A join of a product whose bank is marked ``lines = true`` across a sentence end
        that is more than a line break: its combine reaches the next sentence only because a
        dealer presses Enter for a comma (神仙水有货⏎蹦迪必备), while a full stop or a question
        between ends the thought (神仙水是什么？听说蹦迪必备: review s16)."""
        if self.model.exact[join.banks[0]].options.get("lines") is not True:
            return False
        (a, b), (c, d) = join.action, join.joined
        lo, hi = (b, c) if b <= c else (d, a)
        text, original = self.clauses.text, self.clauses.original_text
        return any(
            text[i] == STRONG and original[self.clauses.original(i, i + 1)[0]] not in LINE_BREAKS
            for i in range(lo, hi)
        )

    def same_words(self, join: Join) -> bool:
        """Two parts from one bank name the same thing (模特 … 模特 is not a menu); a
        stand-alone phrase (``[[alone]]``: its one span is both parts) is no menu."""
        text = self.clauses.text
        return join.action != join.joined and text[slice(*join.action)] == text[slice(*join.joined)]

    def homophones(self, join: Join) -> list[tuple[str, tuple[int, int]]]:
        """The parts of a join matched by sound, not as written (with their banks)."""
        found = self._homophones.get(join)
        if found is None:
            found = self._homophones[join] = [
                (bank, span)
                for bank, span in zip(join.banks, (join.action, join.joined), strict=True)
                if not self.exact(bank, *span)
            ]
        return found

    def receipt(self, join: Join) -> bool:
        """The join's sentence is about one's own invoices."""
        if self._receipts is None:
            self._receipts = Spans(self.model.exact[RECEIPT].found(self.clauses.text))
        if not self._receipts.hits:
            return False
        begin, end = self.clauses.sentence_start(join.start), self.clauses.sentence_end(join.end)
        return self._receipts.inside_from(begin, end)

    def unless(self, join: Join) -> bool:
        """A hit of the bank the action's bank names in ``unless`` stands in the join's
        sentence (哈哈你真蠢，钥匙又忘带了: the teasing takes back the insult)."""
        name = self.model.exact[join.banks[0]].options.get("unless")
        if name is None:
            return False
        spans = self._exact.get(name)
        if spans is None:
            spans = self._exact[name] = Spans(self.model.exact[name].found(self.clauses.text))
        if not spans.hits:
            return False
        begin, end = self.clauses.sentence_start(join.start), self.clauses.sentence_end(join.end)
        return spans.inside_from(begin, end)

    def menus(self, join: Join) -> list[tuple[int, int]] | None:
        """The other items of the menus a join's parts stand in, for parts of a bank that
        lists one (``menu = 3``: 建材、劳务、广告…发票 sells invoices, 酒店发票 is a receipt);
        None when such a part stands in too short a list."""
        found: list[tuple[int, int]] = []
        for bank, span in zip(join.banks, (join.action, join.joined), strict=True):
            if "menu" in self.model.exact[bank].options:
                items = self.menu(bank, span)
                if items is None:
                    return None
                found += items
        return found

    def menu(self, bank: str, span: tuple[int, int]) -> list[tuple[int, int]] | None:
        """The other items of the list ``span`` stands in, when it names as many different
        kinds as the bank's ``menu`` asks; the nearest first."""
        kinds = self.model.exact[bank].options["menu"]
        start, end = span
        text = self.clauses.text
        seen = {text[start:end]}
        others = []
        for a, b in sorted(self.listed(bank, span), key=lambda s: abs(s[0] - start)):
            if text[a:b] not in seen:
                seen.add(text[a:b])
                others.append((a, b))
        return others[: kinds - 1] if len(seen) >= kinds else None

    def place(self, start: int, end: int) -> tuple[int, int]:
        """Where the compact ``[start, end)`` stands in the message, grown over the pinyin
        runs it reaches into (its characters are where the runs stand)."""
        if self.spelt is not None:
            return self.spelt.placed(start, end)
        return self.clauses.original(start, end)

    def written(self, start: int, end: int) -> str:
        """The original text of the compact ``[start, end)``, remembered: an item of a long
        list is named by every offer it stands beside (up to ``MENU_READ`` either way), and
        mapping each back through the clause map again was most of a dense text's time."""
        found = self._written.get((start, end))
        if found is None:
            found = self._written[start, end] = self.original[slice(*self.place(start, end))]
        return found

    def listed(self, bank: str, span: tuple[int, int]) -> list[tuple[int, int]]:
        """The other items of the bank, as written, in the list ``span`` stands in (枪支弹药,
        建材、劳务、广告): each at most ``MENU_GAP`` from the next with no sentence end between,
        read ``MENU_READ`` items either way. An item an exemption covers is none (冰箱, K歌
        beside 冰、K: new-user trial s16)."""
        items = self._items.get(bank)
        if items is None:
            text = self.clauses.text
            hits = self.model.exact[bank].found(text)
            if hits:
                hits = uncovered(hits, self.model.exact["exempt"].found(text))
            items = self._items[bank] = sorted({(h[0], h[1]) for h in hits})
        start, end = span
        text = self.clauses.text
        at = bisect_left(items, (start, end))
        chain = [(start, end)]
        for step in (-1, 1):
            edge, i = (start, end), at - 1 if step < 0 else at
            stop = i + step * MENU_READ
            while 0 <= i < len(items) and i != stop:
                a, b = items[i]
                lo, hi = (b, edge[0]) if step < 0 else (edge[1], a)
                if hi - lo > MENU_GAP or STRONG in text[lo:hi]:
                    break
                if a >= edge[1] or b <= edge[0]:
                    chain.append((a, b))
                    edge = (a, b)
                i += step
        return chain[1:]

    def has_contact(self, join: Join) -> bool:
        return self.contact(join) is not None

    def contact(self, join: Join) -> tuple[int, int] | None:
        """The nearest contact to a join that is not one of its parts."""
        if self._contacts is None:
            self._contacts = _Contacts(
                self.model.exact[CONTACT].found(self.clauses.text, overlapping=False)
            )
        best: tuple[int, tuple[int, int]] | None = None
        for hit in self._contacts.near(join.start - CONTACT_REACH, join.end + CONTACT_REACH):
            start, end = hit[0], hit[1]
            if start < join.end and join.start < end:
                continue
            gap = start - join.end if start >= join.end else join.start - end
            a, b = (join.end, start) if start >= join.end else (end, join.start)
            if (
                gap <= CONTACT_REACH
                and self.clauses.breaks(a, b)[0] <= 1
                and (best is None or gap < best[0])
            ):
                best = (gap, (start, end))
        return best[1] if best else None


class _Contacts:
    """Contacts read leftmost-longest: they never overlap, so their starts and ends both
    rise, and those near a join are one slice (a long spam line holds thousands)."""

    def __init__(self, hits: list[Found]) -> None:
        self.hits = hits
        self._starts = [h[0] for h in hits]
        self._ends = [h[1] for h in hits]

    def near(self, lo: int, hi: int) -> list[Found]:
        """In text order, the contacts ending at ``lo`` or later and starting by ``hi``."""
        return self.hits[bisect_left(self._ends, lo) : bisect_right(self._starts, hi)]


def trade_possible(model: TradeModel, view: TextView) -> bool:
    """The message may hold an offer: a product's anchor and an anchor of what it joins are
    in its sound view and their banks' regexes match its clause view respelled (as
    ``trade_findings`` asks before its joins), or a product's anchor is written in a column
    of a grid it may be written as."""
    return (
        _joinable(model, view.sound, Clauses.of(view).text)
        or bool(_grid(model, view))
        or (model.emoji_regex is not None and model.emoji_regex.search(view.text) is not None)
        or (
            _LETTER.search(view.text) is not None
            and may_mix(view.folded)
            and _spelt(model, view) is not None
        )
    )


def _joinable(model: TradeModel, sound: str, clauses: str) -> bool:
    """A join may stand in the message whose sound view is ``sound`` and whose clause view
    is ``clauses``: the anchors, then the regexes (the gate lets 10 % of reviews through,
    the regexes 3.6 %)."""
    return model.gate.possible(sound) and model.joinable.near(clauses.translate(syllable_table()))


def trade_screen(model: TradeModel, batch: Batch, skip: set[int]) -> set[int]:
    """The messages of the batch outside ``skip`` for which ``trade_possible`` holds: the
    gate over the batch's sound view in one pass, and a grid read only in a message that
    can be one (a long run of Chinese characters, or lines)."""
    if not batch.separate:
        return {
            i for i, t in enumerate(batch) if i not in skip and trade_possible(model, TextView(t))
        }
    sound = batch.view.sound  # a view character by character: ``JOIN`` stays, as itself
    starts = [0, *(m.end() for m in _JOINS.finditer(sound))]
    compacts, table = batch.compacts, syllable_table()
    found = {
        i
        for i in model.gate.screen(sound, starts) - skip
        if model.joinable.near(compacts[i].translate(table))
    }
    if model.literal is not None:
        found |= _grid_screen(model, model.literal, batch, skip | found)
    if model.emoji_regex is not None:
        found |= batch.matching(model.emoji_regex) - skip
    found |= {
        i
        for i, compact in enumerate(compacts)
        if i not in skip
        and i not in found
        and may_mix(compact)
        and _spelt(model, TextView(batch[i])) is not None
    }
    return found


def _grid_screen(
    model: TradeModel, literal: re.Pattern[str], batch: Batch, skip: set[int]
) -> set[int]:
    """The messages outside ``skip`` with a grid column that holds a product's anchor (as
    ``_grid`` finds them): the columns of every long run of Chinese characters in the batch
    searched as one text; a message with lines, or whose lowered view changes length, is
    read on its own."""
    joined = batch.joined
    lowered = batch.folded.lower()
    alone = {i for i, t in enumerate(batch) if "\n" in t} - skip
    if len(lowered) != len(joined):
        alone = {i for i in range(len(batch)) if i not in skip}
    pieces: list[str] = []
    owners: list[int] = []
    for run in CJK_RUN.finditer(joined):
        start, end = run.span()
        i = batch.owner(start)
        if i in skip or i in alone:
            continue
        for width in WIDTHS:
            for c in range(width):
                pieces.append(lowered[start + c : end : width])
                owners.append(i)
    found = {owners[k] for k in Batch(pieces).matching(literal)}
    found.update(i for i in sorted(alone) if _grid(model, TextView(batch[i])))
    return found


_JOINS = re.compile(JOIN)


def _grid(model: TradeModel, view: TextView) -> list[Sequence[int]]:
    """The columns of the message's grids that hold a product's anchor as written (folded,
    so 註冊 is 注册): worked out once, for the gate and the offers."""

    def build() -> list[Sequence[int]]:
        text, literal = view.text, model.literal
        if literal is None:
            return []
        found = columns(text)
        if not found:
            return []
        folded = view.folded.lower()  # only a text laid out as a grid needs it
        return [at for at in found if literal.search(take(folded, at))]

    return view.memo("trade-grid", build)


def trade_findings(
    model: TradeModel,
    ctx: CheckContext,
    taken: Iterable[tuple[str, int, int]],
    review: Iterable[tuple[str, int, int]] = (),
    disguised: Sequence[Disguised] = (),
) -> Iterator[Finding]:
    """The trade offers in one message, except where a word-list finding of the same rule
    (``taken``: rule, start, end in the original) already marks the place, or a review-tier
    term of the same rule (``review``) does and the offer names no contact: the term's
    curated tier says that, without a way to reach the seller, it stays a warning
    (货到验后付款，可开发票 is a shop). Offers written down the columns of a grid (办货保 /
    证到留 / 刻付备 / 章款用) are found in its columns where none is found as written.
    ``disguised``: the word list's sound-alikes of its block-tier terms (冰du, 堵博网站), which
    the banks with a ``words`` option hold (``Disguised``)."""
    view = ctx.view
    disguised = [d for d in disguised if d.category in model.words]
    written = bool(disguised) or model.gate.possible(view.sound)
    grid = _grid(model, view)
    emoji = _emoji_reading(model, view.text)
    mixing = _LETTER.search(view.text) is not None and may_mix(view.folded)
    if not written and not grid and emoji is None and not mixing:
        return
    taken = tuple(taken)
    strong = _spans(taken)
    # Each offer's place first: the finding (its parts named, its confidence) is made only
    # where no word-list finding marks the place already (《出售冰毒》 × n: every offer). A
    # place holds its join, so a join a term of its rule overlaps is dropped before its
    # place (its listed products, its contact) is worked out, and before it is judged where
    # it competes with no other join, except where a grid's offers are asked against every
    # place.
    msg, joins = (
        _joins(model, view.text, Clauses.of(view), None if grid else strong, disguised)
        if written
        else (None, [])
    )
    if not joins and not grid and emoji is None and not mixing:
        return
    weak = _spans((*taken, *review))
    placed: list[tuple[Join, _Place]] = []
    if msg is not None:
        kept = joins if grid else [j for j in joins if not _marked(msg, j, strong=strong)]
        placed = [(join, _place(msg, join)) for join in kept]
    gridded = (
        _grid_offers(model, view, grid, _spans((j.rule, p.start, p.end) for j, p in placed))
        if grid
        else []
    )
    for join, place in placed:
        same = (strong if place.named else weak).get(join.rule)
        if same is None or not same.overlaps(place.start, place.end):
            assert msg is not None
            yield _finding(msg, join, place)[0]
    if emoji is not None:
        gridded += _emoji_offers(
            model,
            emoji,
            _spans(
                [(j.rule, p.start, p.end) for j, p in placed]
                + [(f.rule, f.start, f.end) for f, _ in gridded]
            ),
        )
    if mixing:
        gridded += _mixed_offers(model, view, [(f.rule, f.start, f.end) for f, _ in gridded])
    for finding, contact in gridded:
        same = (strong if contact else weak).get(finding.rule)
        if same is None or not same.overlaps(finding.start, finding.end):
            yield finding


def _offers(model: TradeModel, original: str, clauses: Clauses) -> list[tuple[Finding, bool]]:
    """The offers in one text (a message, or a reading of it), with whether each names a
    contact; spans are indices into ``original``."""
    msg, joins = _joins(model, original, clauses)
    return [_finding(msg, join) for join in joins] if msg is not None else []


def _joins(
    model: TradeModel,
    original: str,
    clauses: Clauses,
    strong: dict[str, Spans[Found]] | None = None,
    disguised: Sequence[Disguised] = (),
) -> tuple[_Message | None, list[Join]]:
    """The joins of one text, read by sound, with the message they were judged in; with
    ``strong``, the terms whose places drop the joins they overlap; with ``disguised``, the
    word list's sound-alikes as hits of their banks."""
    if not disguised and not model.joinable.near(clauses.text.translate(syllable_table())):
        return None, []
    sound = clauses.respelled(syllable_table())
    msg = _Message(model, original, clauses)
    given = msg.disguised(disguised)
    joins = find_joins(
        sound,
        model.sound,
        model.combines,
        model.alones,
        given=given,
        accept=msg.accept,
        written=msg.exact,
        dropped=partial(_marked, msg, strong=strong) if strong else None,
        partner=(model.with_contact, msg.has_contact),
    )
    return msg, joins


def _grid_offers(
    model: TradeModel, view: TextView, grid: list[Sequence[int]], found: dict[str, Spans[Found]]
) -> list[tuple[Finding, bool]]:
    """Offers in the columns of a grid, mapped back to the message: each spans the grid rows
    its parts stand in, names its product and parts as read (刻章, 办证 + 刻章: characters of
    the span, in order), and adds the technique ``grid``; none where an offer of the same rule
    was found as written. Only parts as written count: a column of ordinary text is a random
    string, in which sound-alikes of two-character phrases abound."""
    out: list[tuple[Finding, bool]] = []
    for at in grid:
        text = take(view.text, at)
        for finding, contact in _offers(model, text, Clauses(text)):
            if "homophone" in finding.techniques:
                continue
            start, end = at[finding.start], at[finding.end - 1] + 1
            same = found.get(finding.rule)
            if same is not None and same.overlaps(start, end):
                continue
            out.append(
                (
                    replace(
                        finding,
                        start=start,
                        end=end,
                        techniques=(*finding.techniques, "grid"),
                        confidence=round(finding.confidence - GRID, 2),
                    ),
                    contact,
                )
            )
    return out


class _Reading(NamedTuple):
    """A copy of a message with each product emoji written as its word: for each of its
    characters, where it starts and ends in the message (a word's characters all stand for
    its emoji), and which characters an emoji's word wrote."""

    text: str
    starts: list[int]
    ends: list[int]
    words: bytes


def _emoji_reading(model: TradeModel, text: str) -> _Reading | None:
    """The message read with its product emoji as words; None when it has none."""
    regex = model.emoji_regex
    if regex is None or regex.search(text) is None:
        return None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    words = bytearray()
    last = 0
    for m in regex.finditer(text):
        a, b = m.span()
        word = model.emoji[m.group()]
        pieces += (text[last:a], word)
        starts += [*range(last, a), *[a] * len(word)]
        ends += [*range(last + 1, a + 1), *[b] * len(word)]
        words += bytes(a - last) + b"\x01" * len(word)
        last = b
    pieces.append(text[last:])
    starts += range(last, len(text))
    ends += range(last + 1, len(text) + 1)
    words += bytes(len(text) - last)
    return _Reading("".join(pieces), starts, ends, bytes(words))


def _emoji_offers(
    model: TradeModel, reading: _Reading, found: dict[str, Spans[Found]]
) -> list[tuple[Finding, bool]]:
    """Offers an emoji's word is part of, mapped back to the message with the technique
    ``emoji-word`` (``emoji`` is an emoji padding a term, seen through as noise); none where
    an offer of the same rule was found as written, and none read by sound (the word is what
    the emoji means, not a disguise)."""
    out: list[tuple[Finding, bool]] = []
    for finding, contact in _offers(model, reading.text, Clauses(reading.text)):
        if (
            "homophone" in finding.techniques
            or reading.words.find(1, finding.start, finding.end) < 0
        ):
            continue
        start, end = reading.starts[finding.start], reading.ends[finding.end - 1]
        same = found.get(finding.rule)
        if same is not None and same.overlaps(start, end):
            continue
        out.append(
            (
                replace(
                    finding, start=start, end=end, techniques=(*finding.techniques, "emoji-word")
                ),
                contact,
            )
        )
    return out


def _spelt(model: TradeModel, view: TextView) -> tuple[Mixed, Clauses] | None:
    """The message with its pinyin runs written as characters and its clauses, where the
    banks' regexes match them read by sound (as ``_joins`` asks); else None."""

    def build() -> tuple[Mixed, Clauses] | None:
        mix = mixed(view.text, view.folded)
        if mix is None:
            return None
        plain = Clauses(mix.text)
        if not model.joinable.near(plain.text.translate(syllable_table())):
            return None
        return mix, plain

    return view.memo("trade-spelt", build)


def _mixed_offers(
    model: TradeModel, view: TextView, others: list[tuple[str, int, int]]
) -> list[tuple[Finding, bool]]:
    """Offers with a part typed in pinyin (fan墙软件出售, 弄si你全家): read by sound in a copy
    with each run written as its syllables' characters, each run a whole syllable of the
    phrase's character at its place and the rest as the banks write it; none where an offer
    of the same rule was found otherwise (``others``, or a join of the message as written,
    asked only when some offer is found here: whether a term drops it or not). They add
    the technique ``pinyin``."""
    spelt = _spelt(model, view)
    if spelt is None:
        return []
    mix, plain = spelt
    msg = _Message(model, view.text, plain, Spelt(mix))
    joins = find_joins(
        plain.respelled(syllable_table()),
        model.sound,
        model.combines,
        model.alones,
        accept=msg.accept,
        written=msg.exact,
        partner=(model.with_contact, msg.has_contact),
    )
    if not joins:
        return []
    written, found = _joins(model, view.text, Clauses.of(view))
    if written is not None:
        others = others + [(j.rule, *_place(written, j)[:2]) for j in found]
    taken = _spans(others)
    out: list[tuple[Finding, bool]] = []
    # one letter over and over (ooo曾, xx元) masks a number, not a syllable
    folded = view.folded
    masks = Spans([(a, b, "") for a, b in mix.runs if len(set(folded[a:b])) == 1])
    for join in joins:
        finding, contact = _finding(msg, join)
        same = taken.get(finding.rule)
        if (same is not None and same.overlaps(finding.start, finding.end)) or masks.overlaps(
            finding.start, finding.end
        ):
            continue
        out.append((replace(finding, techniques=(*finding.techniques, "pinyin")), contact))
    return out


def _spans(places: Iterable[tuple[str, int, int]]) -> dict[str, Spans[Found]]:
    """Places (rule, start, end) indexed per rule, as plain tuples (``Found``): the collector
    stops walking them, and a long text marks a place for every finding."""
    marked: dict[str, list[Found]] = {}
    for rule, start, end in sorted(places, key=lambda t: (t[1], t[2])):
        marked.setdefault(rule, []).append((start, end, rule))
    return {rule: Spans(hits) for rule, hits in marked.items()}


def _marked(msg: _Message, join: Join, *, strong: dict[str, Spans[Found]]) -> bool:
    """A term of the join's rule overlaps the join itself, and so any place it stands in."""
    same = strong.get(join.rule)
    return same is not None and same.overlaps(*msg.clauses.original(join.start, join.end))


class _Place(NamedTuple):
    """Where a join's offer stands in the original (its parts, the products listed with it
    and its contact), and whether it names a contact."""

    start: int
    end: int
    parts: list[tuple[int, int]]
    contact: tuple[int, int] | None
    named: bool  # a contact, or a joined bank as sure (``_place``)


def _place(msg: _Message, join: Join) -> _Place:
    """The span of a join's offer: asked of every join, before the finding is made for
    those a word-list finding does not mark already."""
    parts = list(dict.fromkeys([join.action, join.joined]))  # a stand-alone phrase is one
    parts += msg.menus(join) or []
    # The products listed with the one joined (枪支弹药，货到付款) are the offer too: the mark
    # covers them.
    parts += [p for p in msg.listed(join.banks[0], join.action) if p not in parts]
    first, last = min(join.start, *(a for a, _ in parts)), max(join.end, *(b for _, b in parts))
    contact = None if join.banks[1] == CONTACT else msg.contact(join)
    if contact is not None:
        parts.append(contact)
    start, end = msg.place(first, last)
    # Named: the offer gives a way to reach the seller, or a bank of the join is as sure (an
    # insult aimed at a member, a spiking drug sold: bank option ``sure``): a review-tier term
    # on its words hides it no more than it hides an offer with a contact.
    exact = msg.model.exact
    sure = join.banks[1] == CONTACT or any(exact[b].options.get("sure") is True for b in join.banks)
    return _Place(start, end, parts, contact, contact is not None or sure)


def _finding(msg: _Message, join: Join, place: _Place | None = None) -> tuple[Finding, bool]:
    """The finding of a join, and whether it names a contact."""
    if place is None:
        place = _place(msg, join)
    homophone = bool(msg.homophones(join))
    named = [msg.written(a, b) for a, b in sorted(place.parts)]
    strong, weak = msg.clauses.breaks(join.start, join.end)
    confidence = CONFIDENCE["window" if strong or weak else "clause"]
    if place.contact is not None or join.banks[1] == CONTACT:
        confidence += WITH_CONTACT
    if homophone:
        confidence -= HOMOPHONE
    disguise = msg.disguise(join)
    finding = Finding(
        rule=join.rule,
        start=place.start,
        end=place.end,
        term=msg.written(*join.action),
        techniques=tuple(dict.fromkeys((TECHNIQUE, *disguise, *(("homophone",) * homophone)))),
        confidence=round(confidence, 2),
        fields={"term": " + ".join(named)},
        variant=msg.model.exact[join.banks[0]].options.get("variant"),
    )
    return finding, place.named
