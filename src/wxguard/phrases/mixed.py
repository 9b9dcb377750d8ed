"""Pinyin typed among Chinese characters: 帮我kan一刀, 转fa到wu个群，jie图找我领hong包.

Spam writes a character or two of a watched phrase in pinyin, so that a filter reading the
characters misses it. A run of Latin letters that touches a Chinese character and reads as
pinyin syllables is written back as characters of those sounds, in a copy of the message of
the same length (the first letter of a syllable becomes the character, the others spaces,
which the clause view drops): spans found in the copy are spans of the message. Matching
the copy by sound (``Clauses.respelled`` with the syllable table) then reads kan一刀 as
砍一刀. Only these runs are read by sound; a family checks that the rest of a match is
written as its phrases write it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text.sound import syllable_chars
from ..text.storedregex import stored_regex
from ..text.views import ARRAY_THRESHOLD
from .clauses import compact_sizes

# A run of Latin letters touching a Chinese character on either side (the folded text:
# full-width letters and capitals are plain lower-case there).
_RUN = stored_regex(
    r"(?<![a-z])(?:(?<=[\u3400-\u9fff])[a-z]{1,12}|[a-z]{1,12}(?=[\u3400-\u9fff]))(?![a-z])"
)
# A quick test on the clause view (folded, noise dropped): some letters touch a character.
# Each match opens with the letter, so ``re`` skips to the letters at C speed: Chinese text
# has few (0.30 µs a review against 1.45 for the pair written either way round).
_MAY = stored_regex(r"[a-z](?:(?<=[\u3400-\u9fff].)|(?=[\u3400-\u9fff]))")
# Longest syllable (zhuang), and the most a run may hold: a longer one is a word, not a
# disguise.
_LONGEST = 6
_MOST = 3


@dataclass(frozen=True)
class Mixed:
    """The message with its pinyin runs written as characters, and where those runs are
    (they never overlap). A family asks of a join's span whether it touches a run and
    grows it over the runs it reaches into in the clause view (``Spelt``)."""

    text: str
    runs: tuple[tuple[int, int], ...]  # original indices, by start
    syllables: tuple[int, ...]  # how many each run holds


def may_mix(compact: str) -> bool:
    """Letters touch a Chinese character in the clause view: only then can ``mixed`` find
    anything (most messages have no Latin letter at all)."""
    return _MAY.search(compact) is not None


def mixed(original: str, folded: str) -> Mixed | None:
    """The message with each pinyin run written as characters, if it has one. ``folded``
    is the message folded one character for one (``TextView.folded``). The copy is joined
    from the text between the runs and each run's characters, made once per run's letters
    (a long text repeats the same few runs)."""
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    counts: list[int] = []
    done = 0
    for m in _RUN.finditer(folded):
        start, end = m.span()
        written = _written(folded[start:end])
        if written is None:
            continue
        pieces.append(original[done:start])
        pieces.append(written[0])
        done = end
        runs.append((start, end))
        counts.append(written[1])
    if not runs:
        return None
    pieces.append(original[done:])
    return Mixed("".join(pieces), tuple(runs), tuple(counts))


@lru_cache(maxsize=4096)  # runs repeat across messages; a stream of new ones stays bounded
def _written(run: str) -> tuple[str, int] | None:
    """The run written as its syllables' characters, each followed by a space for every
    other letter of its syllable (as long as the run), and how many syllables; or None."""
    parts = _syllables(run)
    if parts is None:
        return None
    chars = syllable_chars()
    return "".join(chars[s] + " " * (len(s) - 1) for s in parts), len(parts)


def _syllables(run: str) -> tuple[str, ...] | None:
    """The run as the fewest pinyin syllables (at most ``_MOST``), or None."""
    known = syllable_chars()
    best: list[tuple[str, ...] | None] = [None] * (len(run) + 1)
    best[0] = ()
    for i in range(len(run)):
        here = best[i]
        if here is None or len(here) >= _MOST:
            continue
        for j in range(i + 1, min(len(run), i + _LONGEST) + 1):
            if run[i:j] in known:
                found = best[j]
                if found is None or len(found) > len(here) + 1:
                    best[j] = (*here, run[i:j])
    return best[len(run)]


class Spelt:
    """Where the characters written for each pinyin run stand in the clause view of the copy
    (``Mixed.text``), counted once over it (``compact_sizes``): a run's letters are its
    syllables' characters there, the rest of it dropped. A join's span and each of its
    characters are asked whether they were spelt in pinyin, and mapping each back to the
    message was most of a long pinyin text's time. The runs never overlap, so neither do
    their characters: ``chars`` says of each character whether a run wrote it, ``lone``
    whether a run of one syllable did, and a span's run is a bisection away."""

    __slots__ = ("_at", "_ends", "_runs", "chars", "lone", "written")

    def __init__(self, mix: Mixed) -> None:
        sizes = compact_sizes(mix.text)
        self._runs = mix.runs
        if len(sizes) >= ARRAY_THRESHOLD:
            self._counted(sizes, mix)
        else:
            self._walked(sizes, mix)
        # Per join's rule, action bank, and the characters of its parts with the runs'
        # marks: whether those parts are written as the banks write them.
        self.written: dict[tuple[str, str, str, bytes, str, bytes], bool] = {}

    def _walked(self, sizes: bytes, mix: Mixed) -> None:
        """The clause view's map back to the message (``_at``: where each of its characters
        stands there, what ``Clauses.original`` reads, here without a call for each end of
        each join), where each run's characters end in it, and the runs' marks (1 where a
        run's characters stand, up to the last run's end; ``lone``: of a run of one
        syllable), run by run."""
        self._at: Sequence[int] = [i for i, size in enumerate(sizes) if size]
        starts: list[int] = []
        self._ends: list[int] = []
        at = done = 0
        ones = sizes.count  # each character's output is 0 or 1 characters long
        for a, b in mix.runs:
            at += ones(1, done, a)
            starts.append(at)
            at += ones(1, a, b)
            self._ends.append(at)
            done = b
        chars = bytearray(at)
        lone = bytearray(at)
        for start, end, count in zip(starts, self._ends, mix.syllables, strict=True):
            chars[start:end] = b"\x01" * (end - start)
            if count == 1:
                lone[start:end] = b"\x01" * (end - start)
        self.chars = bytes(chars)
        self.lone = bytes(lone)

    def _counted(self, sizes: bytes, mix: Mixed) -> None:
        """``_walked`` in numpy, for a long text (a MB of pinyin-spelt offers has 90,000
        runs): a run's characters in the clause view start at the count of characters
        kept before it, and the marks are runs of 0 and 1 of the lengths between."""
        import numpy as np  # here: numpy is loaded for long texts only

        at = np.flatnonzero(np.frombuffer(sizes, dtype=np.uint8))
        self._at = at.data
        bounds = np.searchsorted(at, np.array(mix.runs, dtype=np.intp))
        starts, ends = bounds[:, 0], bounds[:, 1]
        self._ends = ends.tolist()
        lengths = np.empty(2 * len(starts), dtype=np.intp)
        lengths[0::2] = starts - np.concatenate(([0], ends[:-1]))  # before each run
        lengths[1::2] = ends - starts
        marks = np.zeros(len(lengths), dtype=np.uint8)
        marks[1::2] = 1
        self.chars = np.repeat(marks, lengths).tobytes()
        marks[1::2] = np.array(mix.syllables) == 1
        self.lone = np.repeat(marks, lengths).tobytes()

    def touches(self, start: int, end: int) -> bool:
        """A run's characters lie in ``[start, end)`` of the clause view (as a run overlaps
        its span in the message)."""
        return self.chars.find(1, start, end) >= 0

    def cuts(self, start: int, end: int) -> bool:
        """An edge of ``[start, end)`` of the clause view falls inside a run's characters:
        the span holds part of a run, not whole syllables of it."""
        ran, ends = self.chars, self._ends
        return any(
            0 < at < len(ran)
            and ran[at - 1]
            and ran[at]
            and bisect_right(ends, at - 1) == bisect_right(ends, at)
            for at in (start, end)
        )

    def open_ended(self, end: int) -> bool:
        """A span ending at ``end`` ends on a run of one syllable (as its span in the
        message does)."""
        return end <= len(self.lone) and self.lone[end - 1] == 1

    def placed(self, start: int, end: int) -> tuple[int, int]:
        """Where ``[start, end)`` of the clause view stands in the message, grown over the
        runs its span there overlaps: a run holds the span's first or last character there
        exactly when it holds it here, and only such a run grows it."""
        ran, runs, ends = self.chars, self._runs, self._ends
        s = (
            runs[bisect_right(ends, start)][0]
            if start < len(ran) and ran[start]
            else self._at[start]
        )
        if end <= len(ran) and ran[end - 1]:
            return s, runs[bisect_right(ends, end - 1)][1]
        return s, self._at[end - 1] + 1
