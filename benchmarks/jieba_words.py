"""Words of jieba's bundled dictionary, the shared source of the benchmarks' extra word lists."""

from __future__ import annotations

from pathlib import Path


def jieba_words(exclude: frozenset[str] | set[str] = frozenset()) -> dict[str, int]:
    """Distinct words of two or more CJK characters, in dictionary order, with their frequency."""
    import jieba

    words: dict[str, int] = {}
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as f:
        for line in f:
            word, freq = line.split(" ")[:2]
            if (
                len(word) >= 2
                and all("\u4e00" <= c <= "\u9fff" for c in word)
                and word not in exclude
            ):
                words.setdefault(word, int(freq))
    return words
