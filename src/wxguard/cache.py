"""An on-disk cache for what is slow to build and never changes for the same inputs:
the folding and sound tables and compiled lexicons.

Entries are keyed by the content they were built from (word lists, settings, data-package
versions, this library's version), so a changed input simply misses. A file that cannot be
read back (corrupt, truncated, from another Python) is rebuilt and replaced; a cache folder
that cannot be written is skipped. Files are written to a temporary name and renamed, so
concurrent processes never read a half-written entry.

The folder is ``$WXGUARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/wxguard``, else
``~/.cache/wxguard``; ``WXGUARD_CACHE_DIR=""`` turns the cache off. Entries are pickles: keep
the folder private to the user, as with any cache of Python objects.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from ._version import __version__

T = TypeVar("T")


def cache_dir() -> Path | None:
    configured = os.environ.get("WXGUARD_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wxguard"


# The modules whose output is cached: an edit to any of them must not be served stale.
_BUILDERS = ("text/folding.py", "text/sound.py", "lexicon/automata.py", "lexicon/splitchars.py",
             "lexicon/loading.py", "lexicon/terms.py", "lexicon/masks.py", "lexicon/numerals.py",
             "lexicon/prefilter.py", "cache.py")


def versions(*packages: str) -> str:
    """This library's version and code, Python's and the named data packages' versions."""
    from importlib import metadata

    here = Path(__file__).parent
    code = digest(*((here / name).read_bytes() for name in _BUILDERS))
    parts = [f"wxguard={__version__}", f"code={code}", f"python={sys.version_info[:2]}"]
    for name in packages:
        try:
            parts.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}=?")
    return ";".join(parts)


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when an entry for ``key`` can be read back."""
    folder = cache_dir()
    if folder is None:
        with _no_collection():
            return build()
    path = folder / f"{kind}-{key}.pickle"
    with _no_collection():
        stored = _read(path)
        if stored is not None and stored[0] == key:
            return stored[1]  # type: ignore[return-value]
        value = build()
    _store(folder, path, key, value)
    return value


@contextmanager
def _no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while a table or lexicon is built or read: it
    makes millions of objects and none of them garbage, yet each few hundred trigger a
    collection that walks them all (reading a lexicon of 50,000 terms: 2.7 s → 1.0 s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read(path: Path) -> tuple[object, object] | None:
    """The stored (key, value); None for a missing or unreadable entry, which is rebuilt,
    never trusted."""
    try:
        with open(path, "rb") as f:
            stored = pickle.load(f)
    except Exception:  # noqa: BLE001 - truncated, corrupt, or from another Python
        return None
    return stored if isinstance(stored, tuple) and len(stored) == 2 else None


def _store(folder: Path, path: Path, key: str, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return  # a read-only or full disk: carry on without the cache
