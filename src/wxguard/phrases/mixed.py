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

from dataclasses import dataclass
from functools import lru_cache

from ..text.sound import syllable_chars
from ..text.storedregex import stored_regex

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
    grows it over the runs it reaches into in the clause view (``Spelt`` in WX3)."""

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
