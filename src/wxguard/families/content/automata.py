"""Aho-Corasick automata over a lexicon's keys, kept small when the keys are many.

pyahocorasick makes a node (32 bytes, and an array for its children) for every distinct
prefix of a key. With houbb's 65,000 terms as a user list, the main automaton had 2.0 M
nodes: 107 MB in memory and a 73 MB pickle that ``pickle`` holds whole while the nodes are
made again, for 0.16 s of every warm ``Guard()``. Most nodes lie deep inside long keys (the
split-character spellings are 376,000 of 445,000 patterns), and a text rarely holds the start
of one: the first four classes of a longer key were found 509 times in 5,000 corpus lines.

So an automaton of ``DEEP`` keys or more holds each key cut to its first ``depth`` symbols
(351,000 nodes), and the rest of every longer key lies in one string, sorted, looked up by
bisection when its cut is found. ``iter`` gives what the automaton of the whole keys would:
(end, key number) for every occurrence, by end, the longest first at an end.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from heapq import heappop, heappush
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, itemgetter, ne, or_
from typing import Any

import ahocorasick

# From this many keys on, keys are cut. Below, the automaton of whole keys is small (the
# bundled lists: 2,805 keys, 14,479 nodes) and its iterator stays in C for every hit.
DEEP = 20_000
# Rests joined at a time when a cut automaton is built.
_AT_ONCE = 16_384


def _int_automaton(auto: Any) -> bool:
    return (
        type(auto) is ahocorasick.Automaton
        and auto.kind == ahocorasick.AHOCORASICK
        and auto.store == ahocorasick.STORE_INTS
    )


class KeyAutomaton:
    """The occurrences of ``keys`` in a text, each reported as its index in ``keys``."""

    def __init__(self, keys: list[str], depth: int, deep: int | None = None) -> None:
        """``keys`` are distinct; ``deep``: the number of keys from which on they are cut
        (``DEEP`` if None)."""
        n = len(keys)
        self.size = n
        self.depth = depth
        auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        sizes = array("i", map(len, keys))
        cut = n >= (DEEP if deep is None else deep) and n > 0 and max(sizes) > depth
        # Bucket b, found as n + b, is a cut (buckets go by cut): the key equal to it (if
        # any, in ``whole``) and the longer keys it begins, their rests sorted by (length,
        # rest) in runs of one length. Every bucket has a longer key. Built by sorts and
        # maps over key numbers, making no string but the rests and the cuts (335,000 keys:
        # a loop over tuples of them took 0.7 s and 60 MB).
        longer = (
            sorted(compress(range(n), map(depth.__lt__, sizes)), key=keys.__getitem__)
            if cut
            else []
        )
        m = len(longer)
        if m:
            head = itemgetter(slice(None, depth))
            ordered = list(map(keys.__getitem__, longer))
            fresh = map(ne, map(head, islice(ordered, 1, None)), map(head, ordered))
            buckets = array("i", accumulate(chain((0,), fresh)))
            del ordered
            lengths = array("i", map(sizes.__getitem__, longer))
            width = max(lengths) + 1
            rank = array("q", map(add, map(width.__mul__, buckets), lengths))
            # Sorted by key, the keys of a cut lie together; by length within it, stably.
            order = sorted(range(m), key=rank.__getitem__)
            del rank
            longer = list(map(longer.__getitem__, order))
            buckets = array("i", map(buckets.__getitem__, order))
            lengths = array("i", map(lengths.__getitem__, order))
            del order
        else:
            buckets, lengths = array("i"), array("i")
        self.groups = array("i", longer)
        rest = itemgetter(slice(depth, None))
        self.rests = "".join(
            "".join(map(rest, map(keys.__getitem__, longer[lo : lo + _AT_ONCE])))
            for lo in range(0, m, _AT_ONCE)
        )
        self.rest_at = array("i", [0])
        self.rest_at.extend(accumulate(map(depth.__rsub__, lengths)))
        new_bucket = list(map(ne, buckets[1:], buckets[:-1]))
        bucket_starts = [0, *compress(range(1, m), new_bucket)] if m else []
        new_run = map(or_, new_bucket, map(ne, lengths[1:], lengths[:-1]))
        run_starts = [0, *compress(range(1, m), new_run)] if m else []
        del new_bucket, buckets, lengths
        self.run_at = array("i", run_starts)
        self.run_at.append(m)
        self.bucket_runs = array("i", map(bisect_left, repeat(run_starts), bucket_starts))
        self.bucket_runs.append(len(run_starts))
        cuts = list(
            map(
                itemgetter(slice(None, depth)),
                map(keys.__getitem__, map(longer.__getitem__, bucket_starts)),
            )
        )
        del longer, run_starts, bucket_starts
        short = list(compress(range(n), map(depth.__ge__, sizes))) if cut else range(n)
        numbered = dict(zip(map(keys.__getitem__, short), short, strict=True))
        self.whole = array("i", map(numbered.pop, cuts, repeat(-1)))
        for key, g in numbered.items():
            auto.add_word(key, g)
        for b, key in enumerate(cuts, start=n):
            auto.add_word(key, b)
        if n:
            auto.make_automaton()
        self.auto = auto

    def __len__(self) -> int:
        return self.size

    def iter(self, text: str) -> Iterable[tuple[int, int]]:
        """(end index, key number) of every occurrence, as pyahocorasick's ``iter`` gives
        them for the whole keys."""
        if not self.groups:
            return self.auto.iter(text)  # type: ignore[no-any-return]
        return self._iter_cut(text)

    def _iter_cut(self, text: str) -> Iterator[tuple[int, int]]:
        n, whole = self.size, self.whole
        pending: list[tuple[int, int, int]] = []  # (end, -length, key): longest first
        for end, v in self.auto.iter(text):
            while pending and pending[0][0] <= end:
                e, _, g = heappop(pending)
                yield e, g
            if v < n:
                yield end, v
                continue
            for found in self._longer(text, end + 1, v - n):
                heappush(pending, found)
            g = whole[v - n]
            if g >= 0:
                yield end, g
        while pending:
            e, _, g = heappop(pending)
            yield e, g

    def _longer(self, text: str, at: int, b: int) -> Iterator[tuple[int, int, int]]:
        """(end, -length, key) of bucket ``b``'s longer keys whose rest is at ``text[at:]``."""
        rests, rest_at, run_at = self.rests, self.rest_at, self.run_at
        for r in range(self.bucket_runs[b], self.bucket_runs[b + 1]):
            lo, hi = run_at[r], run_at[r + 1]
            size = rest_at[lo + 1] - rest_at[lo]
            probe = text[at : at + size]
            if len(probe) < size:
                return  # runs go by length: no longer rest fits either
            while lo < hi:
                mid = (lo + hi) // 2
                a = rest_at[mid]
                if rests[a : a + size] < probe:
                    lo = mid + 1
                else:
                    hi = mid
            if lo < run_at[r + 1] and rests.startswith(probe, rest_at[lo]):
                yield at + size - 1, -(self.depth + size), self.groups[lo]

    def get(self, key: str, default: Any = None) -> Any:
        """The number of ``key``, or ``default`` if it is not one of the keys."""
        n = self.size
        if len(key) <= self.depth or not self.groups:
            v = self.auto.get(key, None)
            if type(v) is not int or v < n:
                return default if v is None else v
            g = self.whole[v - n] if v - n < len(self.whole) else -1
            return g if g >= 0 else default
        v = self.auto.get(key[: self.depth], None)
        if type(v) is not int or not n <= v < n + len(self.whole):
            return default
        for end, _, g in self._longer(key, self.depth, v - n):
            if end == len(key) - 1:
                return g
        return default

    def intact(self) -> bool:
        """Whether the parts have the types and sizes building gives (for a copy read from
        the disk cache)."""
        arrays = (self.whole, self.rest_at, self.groups, self.bucket_runs, self.run_at)
        if not (
            _int_automaton(self.auto)
            and all(type(a) is array and a.typecode == "i" for a in arrays)
            and type(self.rests) is str
            and type(self.size) is int
            and type(self.depth) is int
            and self.depth > 0
        ):
            return False
        buckets, longer = len(self.whole), len(self.groups)
        wholes = sum(1 for g in self.whole if g >= 0)
        return (
            len(self.rest_at) == longer + 1
            and self.rest_at[0] == 0
            and self.rest_at[-1] == len(self.rests)
            and len(self.bucket_runs) == buckets + 1
            and self.bucket_runs[0] == 0
            and self.bucket_runs[-1] == len(self.run_at) - 1
            and (not self.run_at or (self.run_at[0] == 0 and self.run_at[-1] == longer))
            and (not buckets or (min(self.whole) >= -1 and max(self.whole) < self.size))
            and (not longer or (min(self.groups) >= 0 and max(self.groups) < self.size))
            and len(self.auto) == self.size - longer - wholes + buckets
        )


def key_automaton(keys: Iterable[str], depth: int) -> KeyAutomaton | None:
    """The automaton of ``keys`` (None when there are none), cut at ``depth`` symbols if
    they are many."""
    listed = list(keys)
    return KeyAutomaton(listed, depth) if listed else None
