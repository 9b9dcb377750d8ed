"""The compiled lexicon: patterns, Aho-Corasick automata and the candidate scan.

Patterns are written in sound classes (see ``text.sound``), so a single scan finds exact
spellings and homophones alike; the checker then compares characters to tell them apart.
pyahocorasick searches a node's children linearly, so an alphabet of hundreds of classes at
the root would scan at a few MB/s. The collapsed view is therefore re-encoded onto a small
alphabet: each class becomes a (high, low) pair of symbols from two disjoint ranges, every
class outside the lexicon one pair of break symbols. Matches stay aligned to characters
because patterns always start with a high symbol.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import InitVar, dataclass, field
from functools import cache
from itertools import accumulate, chain, compress, count, filterfalse, repeat
from operator import and_, itemgetter, not_
from typing import Any, Literal, NamedTuple, overload

from ...text.folding import TABLE_SIZE, fold, is_cjk
from ...text.sound import BREAK, spell, spell_table
from ...text.views import (
    ARRAY_THRESHOLD,
    STUTTER,
    BlockMap,
    FlatMap,
    TextView,
    collapse,
    sound_classes,
)
from .automata import KeyAutomaton, key_automaton
from .masks import MaskIndex, mask_candidates, masked_slots
from .numerals import numeral_variants
from .prefilter import PairPrefilter
from .splitchars import Joins, splits, variants
from .terms import Term, shape
from .wordlists import rule_for

PatternKind = Literal["exact", "split", "numeral"]
SoundKind = Literal["pinyin", "initials"]


@dataclass(frozen=True)
class Pattern:
    """One spelling of a term, or of its part number ``part`` if it has gaps (代开{*}发票; -1
    for a whole term). ``folded`` is its skeleton; ``origin`` the written character behind each folded one;
    ``key`` its collapsed sound classes and ``runs`` the folded characters behind each class
    of ``key`` (哈哈笑话 → ("哈哈", "笑", "话"))."""

    term: Term
    rule: str
    folded: str
    origin: tuple[str, ...]
    kind: PatternKind
    key: str
    runs: tuple[str, ...]
    cjk_count: int
    part: int = -1


@dataclass(frozen=True)
class SoundPattern:
    pattern: Pattern
    letters: str
    kind: SoundKind


class LetterWindows:
    """The skeleton around every Latin-letter run, joined into one string (windows are
    separated by a character that spells as a break) and spelled as pinyin letters."""

    SEPARATOR = "\x01"

    def __init__(self, skeleton: str, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.offsets: list[int] = []
        pieces: list[str] = []
        pos = 0
        for a, b in spans:
            self.offsets.append(pos)
            pieces.append(skeleton[a:b])
            pos += b - a + 1
        self.chars = self.SEPARATOR.join(pieces)
        self.letters = spell(self.chars)
        # A long text's windows are asked about for every candidate: mapped at once.
        self.map: BlockMap | FlatMap = (
            FlatMap(self.chars, _spelled_sizes)
            if len(self.chars) >= ARRAY_THRESHOLD
            else BlockMap(self.chars, spell, _spelled_sizes)
        )

    def skeleton_index(self, index: int) -> int:
        """Skeleton index of ``chars[index]``."""
        w = bisect_right(self.offsets, index) - 1
        return self.starts[w] + index - self.offsets[w]


@cache
def _size_table() -> tuple[str, ...]:
    """The length of each character's spelling, as the character of that code."""
    return tuple(chr(len(s)) for s in spell_table())


def _spelled_sizes(chars: str) -> Iterable[int]:
    """``len(spell(c))`` for each character, in one ``str.translate`` (a character past the
    table spells as itself: one letter)."""
    sized = chars.translate(_size_table())
    if sized.isascii():  # every character was in the table
        return sized.encode()
    table = spell_table()
    return [len(table[o]) if o < len(table) else 1 for o in map(ord, chars)]


# Which view a candidate's indices point into: ``TextView.collapsed``, ``TextView.sound``
# (the skeleton's indices) or a ``LetterWindows``' letters.
CandidateView = Literal["collapsed", "skeleton", "letters"]


class Candidate(NamedTuple):
    """A raw automaton hit, with indices into its ``view``. A tuple: a long text dense with
    terms makes hundreds of thousands (a frozen dataclass sets each field by a call)."""

    view: CandidateView
    start: int
    end: int
    patterns: tuple[Pattern, ...] = ()
    sounds: tuple[SoundPattern, ...] = ()
    window: LetterWindows | None = None


def make_pattern(term: Term, spelling: str, kind: PatternKind, part: int = -1) -> Pattern:
    folded = fold(spelling)
    origin: list[str] = []
    for char in spelling:
        origin.extend(char * len(fold(char)))
    classes = sound_classes(folded)
    runs: list[str] = []
    key: list[str] = []
    pos = 0
    for m in STUTTER.finditer(classes):
        for i in range(pos, m.start()):
            key.append(classes[i])
            runs.append(folded[i])
        key.append(classes[m.start()])
        runs.append(folded[m.start() : m.end()])
        pos = m.end()
    for i in range(pos, len(classes)):
        key.append(classes[i])
        runs.append(folded[i])
    cjk = sum(1 for c in folded if is_cjk(c))
    # Interned, the characters and runs are shared by every pattern (and stay shared through
    # the disk cache): with 50,000 extra terms, peak memory 642 → 488 MB, load 2.1 → 1.7 s.
    return Pattern(
        term,
        rule_for(term.category),
        folded,
        tuple(map(sys.intern, origin)),
        kind,
        "".join(key),
        tuple(map(sys.intern, runs)),
        cjk,
        part,
    )


class _Encoder:
    """The small-alphabet encoding shared by the encoded automata of one lexicon."""

    _pairs: Any

    def __init__(self, symbols: Iterable[str]) -> None:
        alphabet = sorted(set(symbols))
        base = max(2, math.isqrt(max(1, len(alphabet) - 1)) + 1)
        hi0, lo0 = 0x21, 0x21 + base
        breaks = chr(lo0 + base) * 2
        codes = {
            symbol: chr(hi0 + i // base) + chr(lo0 + i % base) for i, symbol in enumerate(alphabet)
        }
        self.__setstate__({"breaks": breaks, "codes": codes})

    def __getstate__(self) -> dict[str, Any]:
        # The tables are large and quick to rebuild from the codes.
        return {"breaks": self.breaks, "codes": self.codes}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.breaks, self.codes = state["breaks"], state["codes"]
        # Up to the folding tables' end, not all of Unicode: laid out in every process, 1.1
        # million entries took 6-10 ms. A character past it (translate keeps it as it is)
        # leaves the text shorter than two symbols a character, and ``encode`` then looks
        # each character up instead.
        size = max([TABLE_SIZE, *(ord(symbol) + 1 for symbol in self.codes)])
        table: list[str] = [self.breaks] * size
        for symbol, code in self.codes.items():
            table[ord(symbol)] = code
        # A tuple: the collector stops walking its entries once it has seen it.
        self.table = tuple(table)
        self._pairs = None

    def encode(self, text: str) -> str:
        encoded = text.translate(self.table)
        if len(encoded) == 2 * len(text):
            return encoded
        breaks, codes = self.breaks, self.codes
        return "".join(codes.get(c, breaks) for c in text)

    def encode_each(self, keys: list[str]) -> list[str]:
        """``[encode(k) for k in keys]`` in one call: ``_SEP``, outside the alphabet, encodes
        as the break pair, which no code holds; so does any other character outside it, and
        then the pieces outnumber the keys."""
        if _SEP in self.codes:
            return [self.encode(k) for k in keys]
        encoded = self.encode(_SEP.join(keys)).split(self.breaks) if keys else []
        return encoded if len(encoded) == len(keys) else [self.encode(k) for k in keys]

    def encode_array(self, values: Any) -> str | None:
        """The same encoding for an array of class values (None when codes exceed a byte)."""
        if ord(self.breaks[0]) > 0xFF:
            return None
        if self._pairs is None:
            import numpy as np

            pairs = np.full(0x110000, ord(self.breaks[0]) * 0x101, dtype="<u2")
            for symbol, code in self.codes.items():
                pairs[ord(symbol)] = ord(code[0]) | ord(code[1]) << 8
            self._pairs = pairs
        return str(self._pairs[values].tobytes().decode("latin-1"))

    def encode_view(self, view: TextView) -> str:
        arrays = view.arrays
        if arrays is not None:
            encoded = self.encode_array(arrays.collapsed)
            if encoded is not None:
                return encoded
        return self.encode(view.collapsed)


# Pattern kinds as stored in a ``PatternTable`` row.
KINDS: tuple[PatternKind, ...] = ("exact", "split", "numeral")
_EXACT, _SPLIT, _NUMERAL = range(3)


class _MadeOnUse:
    """Objects made on first use are kept in ``_made``, which the disk cache does not store."""

    _made: dict[Any, Any]

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_made"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._made = {}


class TermTable(_MadeOnUse):
    """The deny terms by column. Read back from the disk cache, 65,000 ``Term`` objects took
    0.16 s, their columns 0.02 s; a term is made when a pattern of it is."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.texts: list[str] = []
        self.sources: list[str] = []
        self.categories: list[str] = []
        self.category_ids = array("H")
        self.review = bytearray()  # 1 for a review-tier term
        self.companions: dict[int, tuple[str, ...]] = {}
        index: dict[str, int] = {}
        for i, t in enumerate(terms):
            self.texts.append(t.text)
            self.sources.append(t.source)
            self.category_ids.append(index.setdefault(t.category, len(index)))
            self.review.append(t.tier == "review")
            if t.companions:
                self.companions[i] = t.companions
        self.categories = list(index)
        self._made: dict[int, Term] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Term:
        made = self._made.get(i)
        if made is None:
            term = Term(
                self.texts[i],
                self.categories[self.category_ids[i]],
                self.sources[i],
                "review" if self.review[i] else "block",
                self.companions.get(i, ()),
            )
            made = self._made.setdefault(i, term)
        return made

    def intact(self) -> bool:
        n = len(self.texts)
        return (
            type(self.texts) is list
            and type(self.sources) is list
            and type(self.categories) is list
            and type(self.category_ids) is array
            and type(self.review) is bytearray
            and type(self.companions) is dict
            and len(self.sources) == len(self.category_ids) == len(self.review) == n
            and (not n or max(self.category_ids) < len(self.categories))
            and all(type(c) is str for c in self.categories)
            and all(type(k) is int and 0 <= k < n for k in self.companions)
        )


class PatternTable(_MadeOnUse, Sequence[Pattern]):
    """The deny patterns as rows (term, part, kind, which variant), each made into a
    ``Pattern`` on first use. With 65,000 extra terms a lexicon has 445,000 patterns, most of
    them split-character spellings, of which a message touches a handful: as objects they took
    ~500 MB and seconds to read back from the cache; as rows, 3.5 MB."""

    def __init__(
        self,
        terms: TermTable,
        term_ids: array[int],
        parts: array[int],
        kinds: bytearray,
        variant_ids: array[int],
    ) -> None:
        self.terms = terms
        self.term_ids, self.parts, self.kinds, self.variant_ids = (
            term_ids,
            parts,
            kinds,
            variant_ids,
        )
        self._made: dict[int, Pattern] = {}

    def __len__(self) -> int:
        return len(self.term_ids)

    @overload
    def __getitem__(self, i: int) -> Pattern: ...

    @overload
    def __getitem__(self, i: slice) -> list[Pattern]: ...

    def __getitem__(self, i: int | slice) -> Pattern | list[Pattern]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        made = self._made.get(i)
        if made is None:
            term = self.terms[self.term_ids[i]]
            pattern = make_pattern(term, self.spelling(i), self.kind(i), self.parts[i])
            made = self._made.setdefault(i, pattern)
        return made

    def kind(self, i: int) -> PatternKind:
        return KINDS[self.kinds[i]]

    def spelling(self, i: int) -> str:
        """The spelling row ``i`` stands for, as ``compile_lexicon`` made it."""
        parts = shape(self.terms.texts[self.term_ids[i]]).parts
        part = parts[max(0, self.parts[i])]
        kind = self.kinds[i]
        if kind == _EXACT:
            return part
        if kind == _NUMERAL:
            return numeral_variants(fold(part))[self.variant_ids[i]]
        return variants(part)[self.variant_ids[i]]

    def intact(self) -> bool:
        n = len(self.term_ids)
        return (
            type(self.terms) is TermTable
            and self.terms.intact()
            and type(self.term_ids) is array
            and type(self.parts) is array
            and type(self.variant_ids) is array
            and type(self.kinds) is bytearray
            and len(self.parts) == len(self.variant_ids) == len(self.kinds) == n
            and (not n or (max(self.term_ids) < len(self.terms) and min(self.term_ids) >= 0))
            and (not n or max(self.kinds) < len(KINDS))
        )


def _key(folded: str) -> str:
    """A spelling's collapsed sound classes, as ``make_pattern`` computes ``Pattern.key``."""
    return collapse(sound_classes(folded))


# Joins spellings for one ``str.translate`` over all of them when a lexicon is compiled: a
# letter that folding and the class table keep as it is (checked each time), so the result
# splits back into one piece per spelling. 445,000 calls of each fold took seconds.
_SEP = "\u16a0"
_REPEATED_INSIDE = re.compile(f"([^{_SEP}])(?=\\1)", re.S)


def _each(fn: Callable[[str], str], items: list[str]) -> list[str] | None:
    """``[fn(x) for x in items]`` from one call on the items joined, for an ``fn`` that maps
    each character on its own; None when ``_SEP`` would not separate the results. ``fn``
    keeps each ``_SEP`` as it is, so the result holds as many as the input exactly when no
    other character gave one: a count in C, where a set of the joined characters took 0.2 s
    of compiling 65,000 extra terms."""
    if not items:
        return []
    joined = _SEP.join(items)
    seps = len(items) - 1
    if joined.count(_SEP) != seps or fn(_SEP) != _SEP:
        return None
    done = fn(joined)
    return done.split(_SEP) if done.count(_SEP) == seps else None


def _folds(spellings: list[str]) -> list[str]:
    folds = _each(fold, spellings)
    return [fold(s) for s in spellings] if folds is None else folds


def _keys(folds: list[str]) -> list[str]:
    """``[_key(f) for f in folds]``: the classes of all at once, then each run of a repeated
    class collapsed, never across ``_SEP``."""
    classes = _each(sound_classes, folds)
    if classes is None:
        return [_key(f) for f in folds]
    return _REPEATED_INSIDE.sub("", _SEP.join(classes)).split(_SEP) if folds else []


# Patterns whose keys are made at a time (``_Matcher``), and a key's head for the prefilter.
_SLICE = 16_384
_HEAD = itemgetter(slice(None, 3))
# Joins the heads: a control character, which folding deletes from every key.
_HEADS_SEP = "\n"


def _syllables(folded: str) -> list[str]:
    """``[spell(c) for c in folded]``, by list look-up (as ``str.translate`` reads the table:
    a character past its end stays as it is)."""
    table = spell_table()
    size = len(table)
    return [table[o] if (o := ord(c)) < size else c for c in folded]


class _Groups:
    """The patterns behind each value of an automaton that stores integers: group ``g`` is
    ``members[starts[g]:starts[g + 1]]`` (indices into ``patterns``), ``sizes[g]`` long."""

    def __init__(self, keyed: dict[str, list[int]], width: int) -> None:
        self.starts = array("i", [0])
        self.starts.extend(accumulate(map(len, keyed.values())))
        self.members = array("i", chain.from_iterable(keyed.values()))
        self.sizes = array("i", map(width.__rfloordiv__, map(len, keyed)))

    @classmethod
    def numbered(cls, keys: list[str], width: int, items: array[int], ids: array[int]) -> _Groups:
        """The groups of ``keys`` when item ``items[j]`` is in group ``ids[j]`` (every group
        has one), each group's items in the order given: as ``_Groups(keyed, width)`` makes
        them, by sorts and counts that run in C."""
        groups = cls.__new__(cls)
        order = sorted(range(len(ids)), key=ids.__getitem__)  # stable
        groups.members = array("i", map(items.__getitem__, order))
        del order
        counted = Counter(ids)
        groups.starts = array("i", [0])
        groups.starts.extend(accumulate(map(counted.__getitem__, range(len(keys)))))
        groups.sizes = array("i", map(width.__rfloordiv__, map(len, keys)))
        return groups

    def __len__(self) -> int:
        return len(self.sizes)

    def members_of(self, g: int) -> array[int]:
        return self.members[self.starts[g] : self.starts[g + 1]]

    def intact(self, patterns: int) -> bool:
        return (
            type(self.starts) is array
            and type(self.members) is array
            and type(self.sizes) is array
            and len(self.starts) == len(self.sizes) + 1
            and self.starts[-1] == len(self.members)
            and (not self.members or (min(self.members) >= 0 and max(self.members) < patterns))
        )


def _automaton(keys: list[str], depth: int) -> KeyAutomaton | None:
    """An automaton whose value for a key is its index in ``keys``, the key's group number
    in ``_Groups``: integers, so that reading it back from the cache makes no Python object
    per key."""
    return key_automaton(keys, depth)


def _intact_automaton(auto: object) -> bool:
    return type(auto) is KeyAutomaton and auto.intact()


# Where a big lexicon's automata cut their keys (``automata.KeyAutomaton``): four classes of
# two symbols; eight pinyin letters.
MAIN_DEPTH = 8
LETTER_DEPTH = 8


class _Matcher:
    """Patterns whose key has two or more classes run, encoded, on the collapsed view
    (stutter-tolerant); those that collapse to one class (咪咪) run on the uncollapsed view."""

    def __init__(self, patterns: Sequence[Pattern], folds: _Folds, enc: _Encoder) -> None:
        """``folds``: each pattern's fold. Their keys are made and encoded a slice at a time
        and only the distinct encodings are kept: with 65,000 extra terms, 445,000 keys and
        as many encodings held at once took 120 MB."""
        self.enc = enc
        self.patterns = patterns
        main: dict[str, int] = {}  # encoded key -> group
        items, ids = array("i"), array("i")
        short: dict[str, list[int]] = {}
        heads: set[str] = set()
        longest_key = 2
        self.longest = 0
        for lo, part in folds.drain():
            self.longest = max(self.longest, max(map(len, part)))
            keys = _keys(part)
            sizes = list(map(len, keys))
            if min(sizes) < 2:
                for j in compress(range(len(keys)), map((2).__gt__, sizes)):
                    short.setdefault(sound_classes(part[j]), []).append(lo + j)
                kept = list(map((2).__le__, sizes))
                keys = list(compress(keys, kept))
                items.extend(compress(range(lo, lo + len(part)), kept))
            else:
                items.extend(range(lo, lo + len(part)))
            encoded = enc.encode_each(keys)
            main.update(
                zip(filterfalse(main.__contains__, dict.fromkeys(encoded)), count(len(main)))
            )
            ids.extend(map(main.__getitem__, encoded))
            heads.update(map(_HEAD, keys))
            longest_key = max(longest_key, max(sizes))
        main_keys = list(main)
        del main
        self._main_groups = _Groups.numbered(main_keys, 2, items, ids)
        self._short_groups = _Groups(short, 1)
        del items, ids
        self.main = _automaton(main_keys, MAIN_DEPTH)
        del main_keys
        self.short = _automaton(list(short), MAIN_DEPTH)
        self._short_longest = max(map(len, short), default=0)
        # The prefilter reads only each key's first three classes and the longest key.
        self._main_heads = _HEADS_SEP.join(sorted(heads))  # 68,000 heads: one string, not 7 MB
        self._main_longest = longest_key
        self._prefilter: PairPrefilter | None = None
        self._prefilter_built = False
        self._made: dict[tuple[bool, int], tuple[int, tuple[Pattern, ...]]] = {}

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_prefilter"], state["_prefilter_built"] = None, False  # numpy tables: rebuilt on use
        state["_made"] = {}
        return state

    def group(self, short: bool, g: int) -> tuple[int, tuple[Pattern, ...]]:
        """(length in classes, patterns) of an automaton value, made on first use."""
        made = self._made.get((short, g))
        if made is None:
            groups = self._short_groups if short else self._main_groups
            patterns = self.patterns
            group = (groups.sizes[g], tuple(patterns[i] for i in groups.members_of(g)))
            made = self._made.setdefault((short, g), group)
        return made

    def intact(self) -> bool:
        n = len(self.patterns)
        return (
            all(a is None or _intact_automaton(a) for a in (self.main, self.short))
            and type(self._main_groups) is _Groups
            and type(self._short_groups) is _Groups
            and self._main_groups.intact(n)
            and self._short_groups.intact(n)
            and (self.main is None or len(self.main) == len(self._main_groups))
            and (self.short is None or len(self.short) == len(self._short_groups))
        )

    def holds(self, indices: Iterable[int]) -> bool:
        """Whether the main automaton finds each of the patterns at ``indices`` of two or more
        classes under its key."""
        for i in indices:
            p = self.patterns[i]
            if len(p.key) < 2:
                continue
            if self.main is None:
                return False
            g = self.main.get(self.enc.encode(p.key), None)
            if type(g) is not int or not 0 <= g < len(self._main_groups):
                return False
            if i not in self._main_groups.members_of(g):
                return False
        return True

    def prefilter(self) -> PairPrefilter | None:
        if not self._prefilter_built:
            self._prefilter = PairPrefilter.build(
                self._main_heads.split(_HEADS_SEP) if self._main_heads else [],
                list(self.enc.codes),
                self._main_longest,
            )
            self._prefilter_built = True
        return self._prefilter

    def _main_hits(self, view: TextView) -> Iterable[tuple[int, int]]:
        """(end in encoded symbols, group) for every main match."""
        assert self.main is not None
        arrays = view.arrays
        prefilter = self.prefilter() if arrays is not None else None
        if arrays is None or prefilter is None:
            return self.main.iter(self.enc.encode_view(view))
        encoded = self.enc.encode_view(view)
        windows = prefilter.windows(arrays.collapsed)
        if sum(b - a for a, b in windows) * 4 > len(arrays.collapsed):
            return self.main.iter(encoded)
        hits: list[tuple[int, int]] = []
        for a, b in windows:
            # Slices, not iter(start, end): pyahocorasick converts the whole input each call.
            hits.extend((end + 2 * a, g) for end, g in self.main.iter(encoded[2 * a : 2 * b]))
        return hits

    def scan(self, view: TextView) -> list[Candidate]:
        return list(self.each(view))

    def joined_ranges(self, view: TextView, k: int, joined: str) -> Iterator[tuple[int, int, int]]:
        """(pattern index, first and last collapsed index it stands on in ``view``) of each
        pattern found across skeleton characters ``k`` and ``k + 1`` read as the one character
        ``joined``: the classes around them are scanned with the pair's class put in. The runs
        of the two components are dropped with them (弓弓长三 reads 张三), and where such a run
        holds other characters of the class, also kept (its class may be a term's own)."""
        join = sound_classes(joined)
        if len(join) != 1:
            return
        if self.main is not None:
            collapsed = view.collapsed
            cx, cy = view.collapsed_index(k), view.collapsed_index(k + 1)
            reach = self._main_longest
            a0, b0 = max(0, cx - reach), min(len(collapsed), cy + 1 + reach)
            lefts = [cx] if view.skeleton_run(cx) == (k, k) else [cx, cx + 1]
            rights = [cy + 1] if view.skeleton_run(cy) == (k + 1, k + 1) else [cy + 1, cy]
            for left in lefts:
                for right in rights:
                    yield from self._across(
                        collapsed[a0:left] + join + collapsed[right:b0],
                        a0,
                        left - a0,
                        (cx, cy),
                        right,
                    )
        if self.short is not None:
            sound = view.sound
            groups = self._short_groups
            # The uncollapsed classes: the components' runs go with them or stay.
            first_x = view.skeleton_run(view.collapsed_index(k))[0]
            last_y = view.skeleton_run(view.collapsed_index(k + 1))[1]
            for left in [k] if first_x == k else [k, first_x]:
                for right in [k + 2] if last_y == k + 1 else [k + 2, last_y + 1]:
                    lo = max(0, left - self._short_longest)
                    hi = min(len(sound), right + self._short_longest)
                    at = left - lo
                    for end, g in self.short.iter(sound[lo:left] + join + sound[right:hi]):
                        start = end + 1 - groups.sizes[g]
                        if start <= at <= end:
                            first = lo + start if start < at else left
                            last = right + end - at - 1 if end > at else right - 1
                            cs, ce = view.collapsed_index(first), view.collapsed_index(last)
                            for row in groups.members_of(g):
                                yield row, cs, ce

    def _across(
        self, classes: str, base: int, at: int, joined: tuple[int, int], right: int
    ) -> Iterator[tuple[int, int, int]]:
        """``joined_ranges`` of one spelling of the classes around a joined pair: ``classes``
        stand on collapsed indices ``base`` onwards up to ``at``, where the joined class
        stands on ``joined``, and on ``right`` onwards after it; collapsed again first."""
        out: list[str] = []
        firsts: list[int] = []
        lasts: list[int] = []
        spot = 0
        for i, c in enumerate(classes):
            if i < at:
                f = t = base + i
            elif i == at:
                f, t = joined
            else:
                f = t = right + i - at - 1
            if out and out[-1] == c:
                firsts[-1], lasts[-1] = min(firsts[-1], f), max(lasts[-1], t)
            else:
                out.append(c)
                firsts.append(f)
                lasts.append(t)
            if i == at:
                spot = len(out) - 1
        assert self.main is not None
        groups = self._main_groups
        for end, g in self.main.iter(self.enc.encode("".join(out))):
            stop = (end + 1) // 2
            start = stop - groups.sizes[g]
            if start <= spot < stop:
                for row in groups.members_of(g):
                    yield row, firsts[start], lasts[stop - 1]

    def spells_exactly(self, folded: str, table: PatternTable) -> bool:
        """Whether ``folded`` is the fold of an exact or numeral pattern."""
        key = _key(folded)
        auto, groups = (
            (self.main, self._main_groups) if len(key) >= 2 else (self.short, self._short_groups)
        )
        if auto is None:
            return False
        g = auto.get(self.enc.encode(key) if len(key) >= 2 else sound_classes(folded))
        if type(g) is not int:
            return False
        return any(
            table.kinds[r] != _SPLIT and fold(table.spelling(r)) == folded
            for r in groups.members_of(g)
        )

    def each(self, view: TextView) -> Iterator[Candidate]:
        """The candidates as they are found (``tuple.__new__``: no Python frame of the
        NamedTuple constructor for each)."""
        new = tuple.__new__
        if self.main is not None:
            for end, g in self._main_hits(view):
                n, patterns = self.group(False, g)
                stop = (end + 1) // 2
                yield new(Candidate, ("collapsed", stop - n, stop, patterns, (), None))
        if self.short is not None:
            for end, g in self.short.iter(view.sound):
                n, patterns = self.group(True, g)
                yield new(Candidate, ("skeleton", end + 1 - n, end + 1, patterns, (), None))


def _consistent(p: Pattern) -> bool:
    """Whether a pattern's parts agree with each other and, for an exact one, with its term."""
    return (
        type(p.folded) is str
        and type(p.key) is str
        and 0 < len(p.key) == len(p.runs)
        and "".join(p.runs) == p.folded
        and len(p.origin) == len(p.folded)
        and p.rule == rule_for(p.term.category)
        and (p.kind == "split" or (p.kind == "exact" and fold(p.term.text) == p.folded))
    )


# Latin runs of up to this many letters are looked up in a set of every piece of a pinyin
# key that long (bounded by the alphabet, not the lexicon); a longer one in the keys' text.
PIECE = 3
# The pieces are taken from this many characters of the keys' text at a time.
_PIECES_AT_ONCE = 1 << 16


class _Letters(_MadeOnUse):
    """Pinyin and initials of the terms, typed in Latin letters: an automaton over letters,
    and the test that a Latin run of a text can be part of some key (a match covers every
    Latin run it touches, so only runs inside a key open a window)."""

    def __init__(self, patterns: Sequence[Pattern], rows: list[int], folds: list[str]) -> None:
        """``rows``: the patterns to spell (``folds[i]`` is pattern ``rows[i]``'s fold).
        What a character spells is looked up once for each distinct one."""
        self.patterns = patterns
        chars = set("".join(folds))
        cjk = set(filter(is_cjk, chars))
        spelled = {c: spell(c) for c in chars}
        unspelled = {c for c, s in spelled.items() if not s or BREAK in s}
        initials = {ord(c): s[0] for c, s in spelled.items() if c not in unspelled}
        if unspelled:
            kept = [unspelled.isdisjoint(f) for f in folds]
            rows, folds = list(compress(rows, kept)), list(compress(folds, kept))
        self.margin = max(map(len, folds), default=0)
        # Spelled, their initials and their CJK characters counted in one call each over
        # the folds joined by a line break: a character no fold holds, which spells as a
        # break (no kept fold's spelling holds one) and has no initial.
        joined = "\n".join(folds)
        spelled_rows = spell(joined).split(BREAK) if folds else []
        if len(spelled_rows) != len(folds):
            spelled_rows = [spell(f) for f in folds]
        initial_rows = joined.translate(initials).split("\n") if folds else []
        not_cjk = dict.fromkeys(map(ord, chars - cjk))
        cjk_counts = map(len, joined.translate(not_cjk).split("\n")) if folds else iter(())
        keyed: dict[str, list[int]] = {}
        for i, spelled_row, initial_row, cjk_count in zip(
            rows, spelled_rows, initial_rows, cjk_counts, strict=True
        ):
            keyed.setdefault(spelled_row, []).append(2 * i)
            if cjk_count >= 3:
                keyed.setdefault(initial_row, []).append(2 * i + 1)
        self.auto = _automaton(list(keyed), LETTER_DEPTH)
        self.groups = _Groups(keyed, 1)
        self.text = text = "\n".join(keyed)
        pieces: set[str] = set()
        for a in range(0, len(text), _PIECES_AT_ONCE):  # a million characters with 65,000 terms
            chunk = text[a : a + _PIECES_AT_ONCE + PIECE - 1]
            for n in range(1, PIECE + 1):
                pieces.update(map("".join, zip(*(chunk[k:] for k in range(n)), strict=False)))
        self.pieces = frozenset(p for p in pieces if "\n" not in p)
        self._made: dict[int, tuple[int, tuple[SoundPattern, ...]]] = {}

    def __bool__(self) -> bool:
        return self.auto is not None

    def inside_key(self, run: str) -> bool:
        """Whether ``run`` occurs inside some key."""
        if len(run) <= PIECE:
            return run in self.pieces
        pieces = self.pieces
        return all(run[i : i + PIECE] in pieces for i in range(len(run) - PIECE + 1)) and (
            run in self.text
        )

    def group(self, g: int) -> tuple[int, tuple[SoundPattern, ...]]:
        made = self._made.get(g)
        if made is None:
            sounds: list[SoundPattern] = []
            for m in self.groups.members_of(g):
                p = self.patterns[m // 2]
                syllables = [spell(c) for c in p.folded]
                if m % 2:
                    sounds.append(SoundPattern(p, "".join(s[0] for s in syllables), "initials"))
                else:
                    sounds.append(SoundPattern(p, "".join(syllables), "pinyin"))
            made = self._made.setdefault(g, (self.groups.sizes[g], tuple(sounds)))
        return made

    def intact(self) -> bool:
        return (
            (self.auto is None or _intact_automaton(self.auto))
            and type(self.groups) is _Groups
            and self.groups.intact(2 * len(self.patterns))
            and (self.auto is None or len(self.auto) == len(self.groups))
            and type(self.text) is str
            and type(self.pieces) is frozenset
            and type(self.margin) is int
        )


class _Folds:
    """Patterns' folds in slices, each joined by ``_SEP`` (when no fold holds it): with
    65,000 extra terms, 445,000 folds as strings of their own took 40 MB."""

    def __init__(self, folds: Iterable[str] = ()) -> None:
        self.slices: list[str | list[str]] = []
        self.chars: set[str] = set()
        self.add(list(folds))

    def add(self, folds: list[str], holding: Iterable[str] | None = None) -> None:
        """``holding``: strings that together hold every character of ``folds`` that the
        folds added before lack (the folds themselves if None)."""
        self.chars.update("".join(folds if holding is None else holding))
        for lo in range(0, len(folds), _SLICE):
            part = folds[lo : lo + _SLICE]
            joined = _SEP.join(part)
            self.slices.append(joined if joined.count(_SEP) == len(part) - 1 else part)

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        """(index of the first, folds) of each slice."""
        lo = 0
        for piece in self.slices:
            part = piece.split(_SEP) if isinstance(piece, str) else piece
            yield lo, part
            lo += len(part)

    def drain(self) -> Iterator[tuple[int, list[str]]]:
        """``iter(self)``, each slice let go once given (the main matcher reads the folds
        last): its memory serves the automata."""
        self.slices.reverse()
        lo = 0
        while self.slices:
            piece = self.slices.pop()
            part = piece.split(_SEP) if isinstance(piece, str) else piece
            del piece
            yield lo, part
            lo += len(part)

    def symbols(self) -> set[str]:
        """The symbols of the folds' keys (a fold's classes, character by character)."""
        return set(sound_classes("".join(self.chars - {_SEP})))

    def pick(self, rows: list[int]) -> list[str]:
        """The folds of ``rows`` (ascending)."""
        picked: list[str] = []
        for lo, part in self:
            if not rows or lo > rows[-1]:
                break  # the rest lie past the last row (exact spellings come first)
            a, b = bisect_left(rows, lo), bisect_left(rows, lo + len(part))
            picked += (part[i - lo] for i in rows[a:b])
        return picked


def _deny_folds(patterns: Sequence[Pattern], folds: _Folds | None) -> _Folds:
    """Each pattern's fold, read from the rows of a ``PatternTable`` (making no
    ``Pattern``) or from the patterns of a list."""
    if folds is not None:
        return folds
    if isinstance(patterns, PatternTable):
        return _Folds(_folds([patterns.spelling(i) for i in range(len(patterns))]))
    return _Folds(p.folded for p in patterns)


def _letter_rows(patterns: Sequence[Pattern], folds: _Folds) -> tuple[list[int], list[str]]:
    """The patterns whose pinyin is looked for, and their folds: whole terms spelled
    exactly, of CJK characters and digits, two CJK characters or more."""
    if isinstance(patterns, PatternTable):
        whole = map((0).__gt__, patterns.parts)
        exact = map(_EXACT.__eq__, patterns.kinds)
        rows = list(compress(range(len(patterns)), map(and_, exact, whole)))
    else:
        rows = [i for i, p in enumerate(patterns) if p.part < 0 and p.kind == "exact"]
    row_folds = folds.pick(rows)
    chars = set("".join(row_folds))
    cjk = set(filter(is_cjk, chars))
    allowed = cjk | {c for c in chars if c.isdigit()}
    kept = [allowed.issuperset(f) and sum(map(cjk.__contains__, f)) >= 2 for f in row_folds]
    return list(compress(rows, kept)), list(compress(row_folds, kept))


@dataclass
class Lexicon:
    """Deny patterns (exact and split spellings), allow phrases and their automata."""

    patterns: Sequence[Pattern]
    allow_patterns: list[Pattern]
    allow_regexes: list[re.Pattern[str]] = field(default_factory=list)
    sound_enabled: bool = True
    auto_masks: bool = True
    # Split spellings read by joining component pairs in the text (None: only as patterns).
    joins: Joins | None = None
    # The deny patterns' folds when ``compile_lexicon`` has them at hand (not kept).
    folds: InitVar[_Folds | None] = None

    def __post_init__(self, given: _Folds | None) -> None:
        self._masks: MaskIndex | None = None
        folds = _deny_folds(self.patterns, given)
        allow_folds = _Folds(p.folded for p in self.allow_patterns)
        self._encoder = _Encoder(folds.symbols() | allow_folds.symbols())
        spelled = _letter_rows(self.patterns, folds) if self.sound_enabled else None
        self._deny = _Matcher(self.patterns, folds, self._encoder)
        self._allow = (
            _Matcher(self.allow_patterns, allow_folds, self._encoder)
            if self.allow_patterns
            else None
        )
        self._letters: _Letters | None = None
        if spelled is not None:
            letters = _Letters(self.patterns, *spelled)
            self._letters = letters if letters else None

    def candidates(self, view: TextView) -> list[Candidate]:
        """All overlapping hits. Pinyin typed in letters is looked for only in windows
        around Latin letters, since a spelling must contain some."""
        return list(self.each_candidate(view))

    def each_candidate(self, view: TextView) -> Iterator[Candidate]:
        """``candidates`` as they are found: judged one by one, none outlives its judgement
        (a long text dense with terms held hundreds of thousands, which every full
        collection of the garbage collector walked)."""
        yield from self._deny.each(view)
        if self.joins is not None:
            yield from self._split_candidates(view, self.joins)
        letters = self._letters
        if letters is not None and letters.auto is not None:
            windows = _windows(view, letters)
            if windows is not None:
                new = tuple.__new__
                for end, g in letters.auto.iter(windows.letters):
                    n, sounds = letters.group(g)
                    yield new(Candidate, ("letters", end + 1 - n, end + 1, (), sounds, windows))

    def deny_terms(self) -> list[Term]:
        """Every deny term, in the order of the word lists."""
        patterns = self.patterns
        if isinstance(patterns, PatternTable):
            return [patterns.terms[i] for i in range(len(patterns.terms))]
        return list(dict.fromkeys(p.term for p in patterns if p.kind == "exact" and p.part <= 0))

    def term_texts(self) -> set[str]:
        """The texts of the deny terms."""
        patterns = self.patterns
        if isinstance(patterns, PatternTable):
            return set(patterns.terms.texts)
        return {p.term.text for p in patterns if p.kind == "exact"}

    def sample_terms(self, n: int) -> list[Term]:
        """About ``n`` deny and ``n`` allow terms, spread over the lists."""
        patterns, allowed = self.patterns, self.allow_patterns
        deny = patterns.terms if isinstance(patterns, PatternTable) else [p.term for p in patterns]
        return [
            *(deny[i] for i in range(0, len(deny), max(1, len(deny) // n))),
            *(p.term for p in allowed[:: max(1, len(allowed) // n)]),
        ]

    def has_split(self) -> bool:
        """Whether split-character spellings are looked for (joined, or as patterns)."""
        if self.joins is not None:
            return True
        patterns = self.patterns
        if isinstance(patterns, PatternTable):
            return _SPLIT in patterns.kinds
        return any(p.kind == "split" for p in patterns)

    def _split_candidates(self, view: TextView, joins: Joins) -> Iterator[Candidate]:
        """The candidates the split spellings of the terms would give as patterns, read
        from the text with each component pair joined (``joined_ranges``): for each exact
        term found across a joined character, its split spellings that write that character
        with that pair, wherever their keys occur in the collapsed classes the joined match
        stands on (or in the classes, for a key of one class). Each is placed and judged as
        before; candidates at one place share one pattern tuple, in the order the rows had."""
        skeleton = view.skeleton
        found = joins.at(skeleton)
        if not found:
            return
        table = self.patterns
        if not isinstance(table, PatternTable):
            return
        collapsed, sound = view.collapsed, view.sound
        places: dict[tuple[CandidateView, int, int], dict[tuple[int, int, int], Pattern]] = {}
        for k in found:
            pair = skeleton[k : k + 2]
            for joined in joins.pairs[pair]:
                for row, cs, ce in self._deny.joined_ranges(view, k, joined):
                    if table.kinds[row] != _EXACT:
                        continue
                    for order, pattern in self._split_patterns(joins, row, pair, joined):
                        key = pattern.key
                        if len(key) >= 2:
                            spots = _spots("collapsed", collapsed, key, cs, ce)
                        else:
                            lo, hi = view.skeleton_run(cs)[0], view.skeleton_run(ce)[1]
                            classes = sound_classes(pattern.folded)
                            spots = _spots("skeleton", sound, classes, lo, hi)
                        for spot in spots:
                            places.setdefault(spot, {})[order] = pattern
        groups = joins._made.setdefault("groups", {})
        new = tuple.__new__
        for (where, a, b), made in sorted(places.items(), key=lambda kv: (kv[0][2], kv[0][1])):
            orders = tuple(sorted(made))
            patterns = groups.get(orders)
            if patterns is None:
                patterns = groups.setdefault(orders, tuple(made[o] for o in orders))
            yield new(Candidate, (where, a, b, patterns, (), None))

    def _split_patterns(
        self, joins: Joins, row: int, pair: str, joined: str
    ) -> list[tuple[tuple[int, int, int], Pattern]]:
        """(row order, pattern) of the split spellings of exact row ``row``'s part that write
        a character folding to ``joined`` as ``pair`` and spell no exact fold, as compiling
        kept them when they were rows."""
        table = self.patterns
        assert isinstance(table, PatternTable)
        memo = joins._made.setdefault("patterns", {})
        key = (row, pair, joined)
        made: list[tuple[tuple[int, int, int], Pattern]] | None = memo.get(key)
        if made is None:
            t, part_id = table.term_ids[row], table.parts[row]
            part = shape(table.terms.texts[t]).parts[max(0, part_id)]
            made = []
            if not joins.rowed(part):
                term = table.terms[t]
                for v, _, spelling in joins.spellings(part, pair, joined):
                    folded = fold(spelling)
                    if not self._deny.spells_exactly(folded, table):
                        pattern = make_pattern(term, spelling, "split", part_id)
                        made.append(((t, max(0, part_id), v), pattern))
            memo[key] = made
        return made

    @property
    def masks(self) -> MaskIndex:
        """Masked spellings (傻X), built on first use: few messages hold a mask, and with a
        large list they would make every Guard() slower to load (and the cache larger)."""
        if self._masks is None:
            self._masks = MaskIndex(
                s
                for t in self.deny_terms()
                for s in masked_slots(t, rule_for(t.category), self.auto_masks)
            )
        return self._masks

    def mask_positions(self, view: TextView) -> list[int]:
        """Where a mask could hide a character of a term (mask symbols, lone Latin letters);
        most messages have none, and then nothing more is looked up: not even the slots,
        which a process's first clean check used to build (7 ms of a cold ``check``)."""
        found = mask_candidates(view)
        return found if found and self.masks else []

    def allow_hits(self, view: TextView) -> list[Candidate]:
        return self._allow.scan(view) if self._allow is not None else []

    def intact(self) -> bool:
        """Whether this lexicon has the types and shape compiling gives, with its main
        automaton holding its patterns and its patterns their terms' folds (checked on a few
        of those kept as objects; the rows of a ``PatternTable`` are checked for shape, since
        making a pattern would load the sound and split tables): for a lexicon read from the
        disk cache. Loads no sound table."""
        patterns, allowed = self.patterns, self.allow_patterns
        if not (
            type(patterns) in (list, PatternTable)
            and type(allowed) is list
            and type(self.allow_regexes) is list
        ):
            return False
        if isinstance(patterns, PatternTable) and not patterns.intact():
            return False
        if not (len(patterns) or allowed) or type(self.sound_enabled) is not bool:
            return False
        samples = {
            id(matcher): (
                matcher,
                group,
                []
                if isinstance(group, PatternTable)
                else list(range(0, len(group), max(1, len(group) // 8))),
            )
            for matcher, group in ((self._deny, patterns), (self._allow, allowed))
            if matcher is not None
        }
        every = [group[i] for _, group, indices in samples.values() for i in indices]
        if not set(map(type, every)) <= {Pattern} or not set(
            map(type, (p.term for p in every))
        ) <= {Term}:
            return False
        if not all(isinstance(r, re.Pattern) for r in self.allow_regexes):
            return False
        if not (
            type(self._encoder) is _Encoder
            and type(self._deny) is _Matcher
            and self._deny.enc is self._encoder
            and self._deny.patterns is patterns
        ):
            return False
        if (self._allow is None) != (not allowed):
            return False
        if self._allow is not None and not (
            type(self._allow) is _Matcher
            and self._allow.enc is self._encoder
            and self._allow.patterns is allowed
        ):
            return False
        if not (
            self._letters is None
            or (
                self.sound_enabled
                and type(self._letters) is _Letters
                and self._letters.patterns is patterns
                and self._letters.intact()
            )
        ):
            return False
        if type(self.auto_masks) is not bool or not (
            self._masks is None or type(self._masks) is MaskIndex
        ):
            return False
        if self.joins is not None and not (type(self.joins) is Joins and self.joins.intact()):
            return False
        for matcher, _, indices in samples.values():
            if not (matcher.intact() and matcher.holds(indices)):
                return False
        return all(map(_consistent, every))

    @property
    def allow_starts(self) -> frozenset[str]:
        """The characters an exactly spelled allowed phrase puts first in the skeleton (its
        first folded character, and those behind its first sound class): a window holding
        none of them holds no allowed phrase, and need not be scanned."""
        found: frozenset[str] | None = self.__dict__.get("_allow_starts")
        if found is None:
            found = frozenset(
                c
                for p in self.allow_patterns
                for c in (p.folded[:1] + (p.runs[0] if p.runs else ""))
            )
            self.__dict__["_allow_starts"] = found
        return found

    @property
    def allow_reach(self) -> int:
        """How far (in original characters) an allowed phrase can reach around a hit."""
        return 0 if self._allow is None else self._allow.longest * 8


def _windows(view: TextView, letters: _Letters) -> LetterWindows | None:
    runs = view.latin_runs()
    if not runs:
        return None
    skeleton = view.skeleton
    margin = letters.margin
    merged: list[list[int]] = []
    for a, b in runs:
        if not letters.inside_key(skeleton[a:b]):
            continue
        lo, hi = max(0, a - margin), min(len(skeleton), b + margin)
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return LetterWindows(skeleton, [(lo, hi) for lo, hi in merged]) if merged else None


class _Rows:
    """The columns of ``PatternTable`` rows as they are made."""

    def __init__(self) -> None:
        self.term_ids, self.part_ids, self.variant_ids = array("i"), array("h"), array("i")
        self.kinds = bytearray()

    def extend(
        self, terms: Iterable[int], parts: Iterable[int], kind: int, variants: Iterable[int]
    ) -> None:
        before = len(self.term_ids)
        self.term_ids.extend(terms)
        self.part_ids.extend(parts)
        self.variant_ids.extend(variants)
        self.kinds.extend(bytes([kind]) * (len(self.term_ids) - before))


def _split_folds(parts: list[str], folds: list[str]) -> tuple[list[int], list[str], list[str]]:
    """For ``parts`` and their folds: how many split-character spellings each has, the folds
    of those spellings (in the order of ``variants``), and what each put in that its part's
    fold lacks. Where every character of a part folds to one character, the fold of a split
    character's two components is spliced into the part's fold: making 376,000 spellings of
    65,000 terms and folding them took 0.3 s."""
    table = splits()
    chars = set("".join(parts))
    joined = {c: tuple(fold(a + b) for a, b in table[c]) for c in chars if c in table}
    uneven = {c for c in chars if len(fold(c)) != 1}
    counts: list[int] = []
    out: list[str] = []
    used: list[str] = []
    for part, folded in zip(parts, folds, strict=True):
        if uneven.isdisjoint(part):
            made = [
                folded[:i] + f + folded[i + 1 :]
                for i, c in enumerate(part)
                if c in joined
                for f in joined[c]
            ]
            used += [f for c in part if c in joined for f in joined[c]]
        else:
            made = [fold(v) for v in variants(part)]
            used += made
        counts.append(len(made))
        out += made
    return counts, out, used


# A fold that may hold a number of 10-99 (``numeral_variants``): a digit or 十.
_MAY_NUMBER = re.compile(r"[\d十]")


def compile_lexicon(
    deny: Iterable[Term],
    allow: Iterable[Term],
    allow_regexes: Iterable[re.Pattern[str]] = (),
    *,
    split_characters: bool = True,
    sound: bool = True,
    auto_masks: bool = True,
    join_splits: bool = True,
) -> Lexicon:
    """Fold every term like text, add numeral, split-character and masked spellings, and
    build the automata. A term with gaps (代开{*}发票) gives one pattern per part. Patterns
    are rows of a ``PatternTable``: only their folds are computed here. Split spellings are
    read by joining pairs in the text; ``join_splits=False`` spells them all as patterns
    (the reference the joins are tested against)."""
    terms = TermTable(dict.fromkeys(deny))
    # Every part of every term: a whole term is part -1 (parts are numbered only when a term
    # has gaps). Its exact spelling is a row, then those with numbers written the other way.
    part_terms, part_ids, parts = array("i"), array("h"), list[str]()
    for t, text in enumerate(terms.texts):
        spelled = (text.strip(),) if "{" not in text else shape(text).parts
        if len(spelled) == 1:
            part_terms.append(t)
            part_ids.append(-1)
        else:
            part_terms.extend(repeat(t, len(spelled)))
            part_ids.extend(range(len(spelled)))
        parts.extend(spelled)
    rows = _Rows()
    exact_folds = _folds(parts)
    # Rows in order: each part's exact spelling, then its spellings with numbers written the
    # other way (few folds may hold a number: the rest are taken in runs, not one by one).
    whole_folds: list[str] = []
    done = 0
    for j in compress(count(), map(_MAY_NUMBER.search, exact_folds)):
        numbered = numeral_variants(exact_folds[j])
        if not numbered:
            continue
        rows.extend(
            part_terms[done : j + 1], part_ids[done : j + 1], _EXACT, repeat(0, j + 1 - done)
        )
        whole_folds += exact_folds[done : j + 1]
        n = len(numbered)
        rows.extend(repeat(part_terms[j], n), repeat(part_ids[j], n), _NUMERAL, range(n))
        whole_folds += map(fold, numbered)
        done = j + 1
    end = len(exact_folds)
    rows.extend(part_terms[done:], part_ids[done:], _EXACT, repeat(0, end - done))
    whole_folds += exact_folds[done:]
    folds = _Folds(whole_folds)
    joins: Joins | None = None
    if split_characters:
        # Split spellings are found by joining component pairs in the text (``Joins``); only
        # parts whose folds do not line up character by character keep them as patterns.
        joins = (Joins(parts) or None) if join_splits else None
        if joins is not None:
            rowed = [j for j, part in enumerate(parts) if joins.rowed(part)]
            parts = [parts[j] for j in rowed]
            exact_folds = [exact_folds[j] for j in rowed]
            part_terms = array("i", map(part_terms.__getitem__, rowed))
            part_ids = array("h", map(part_ids.__getitem__, rowed))
        exact = set(whole_folds)
        for lo in range(0, len(parts), _SLICE):
            hi = min(lo + _SLICE, len(parts))
            counts, split_folds, used = _split_folds(parts[lo:hi], exact_folds[lo:hi])
            # Kept: a fold of two characters or more that no exact spelling has.
            kept = list(
                map(
                    and_,
                    map((2).__le__, map(len, split_folds)),
                    map(not_, map(exact.__contains__, split_folds)),
                )
            )
            rows.extend(
                compress(chain.from_iterable(map(repeat, part_terms[lo:hi], counts)), kept),
                compress(chain.from_iterable(map(repeat, part_ids[lo:hi], counts)), kept),
                _SPLIT,
                compress(chain.from_iterable(map(range, counts)), kept),
            )
            folds.add(list(compress(split_folds, kept)), set(compress(used, kept)))
        del exact
    del parts, part_terms, part_ids, exact_folds, whole_folds
    allow_patterns = [make_pattern(t, t.text, "exact") for t in dict.fromkeys(allow)]
    return Lexicon(
        PatternTable(terms, rows.term_ids, rows.part_ids, rows.kinds, rows.variant_ids),
        allow_patterns,
        list(allow_regexes),
        sound_enabled=sound,
        auto_masks=auto_masks,
        joins=joins,
        folds=folds,
    )


def _spots(
    where: CandidateView, seq: str, key: str, lo: int, hi: int
) -> list[tuple[CandidateView, int, int]]:
    """The candidate places in the view ``where`` at which ``key`` occurs in ``seq``: a start
    from ``lo`` on, an end at most ``hi + 1`` (one loop for both views the joins read)."""
    return [
        (where, a, a + len(key)) for a in range(lo, hi - len(key) + 2) if seq.startswith(key, a)
    ]
