"""An on-disk cache for what is slow to build and never changes for the same inputs:
the folding and sound tables, the split-character table and compiled lexicons.

Entries are keyed by the content they were built from (word lists, settings, data-package
versions, this library's code), so a changed input simply misses. The cache never changes
a result and never stops a run: whatever cannot be read back, verified and validated is
rebuilt, and a folder that cannot be written or is not private is skipped.

The folder is ``$WXGUARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/wxguard``, else
``~/.cache/wxguard``; ``WXGUARD_CACHE_DIR=""`` turns the cache off.

Why entries are authenticated pickles. A compiled lexicon is pyahocorasick automata and
hundreds of thousands of pattern objects; a parsed data format would rebuild the automata
at every start, while a pickle is read in one go (docs/performance.md has the figures). But
unpickling runs whatever code the pickle names, so no byte is unpickled before its
HMAC-SHA256 verifies under a per-user secret key, over the entry's own name and its
content: an entry can be neither forged nor moved to another name.

The key (32 random bytes) lives outside the cache folder, in
``$XDG_STATE_HOME/wxguard/cache-key`` (else ``~/.local/state/wxguard/cache-key``), and is
used only if the file is the user's own, mode 0600, in a folder nobody else can write.
Whoever can write into the cache folder (another user through a loose mode, a cache shared
or restored from elsewhere: a CI cache, a volume several containers mount, a copied home)
can delete, truncate or replace entries and plant anything under their names (a pickle
that runs a command, a valid pickle of an empty lexicon, a FIFO, a symlink, a huge file),
but cannot read the key, so nothing they write verifies: it is skipped and rebuilt, and a
cache carried from another machine is rebuilt once. Only a regular file is opened
(``O_NOFOLLOW | O_NONBLOCK``, then ``fstat``), so a FIFO or symlink never blocks a start.
Whoever can replace the key file can also edit the user's shell start-up files; no cache
can defend against that.

After verification, each caller's ``valid`` checks the value's type and content (table
sizes and element types, the fixed points of a fold, a lexicon's patterns against its
configuration), so a wrong entry from a bug is rebuilt, never trusted. The key is the
defence against others: a verified entry is unpickled, so a leaked key is a leaked account
(docs/cache.md).

The folder is created 0o700 and refused (the cache is off, with one warning a process) when
another user owns it or group or others can write it; the key's folder likewise. Entries
together stay under ``$WXGUARD_CACHE_MAX_MB`` megabytes (default 500): when an entry is
written, the least recently used ones are removed (a read refreshes an entry's time).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import io
import logging
import math
import os
import pickle
import secrets
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import IO, TypeGuard, TypeVar

from ._version import __version__
from .collection import paused

T = TypeVar("T")

DEFAULT_MAX_MB = 500
SUFFIX = ".entry"
# Entries of this library's earlier, unauthenticated format: never read, removed when seen.
_LEGACY_SUFFIX = ".pickle"
_MAGIC = b"wxguard-cache-1\n"
_TAG_SIZE = 32
_HEADER = len(_MAGIC) + _TAG_SIZE
_KEY_SIZE = 32
# A temporary file this young may be another process's entry being written.
_TMP_GRACE_S = 600

_O_READ = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
# Windows has no owners or mode bits to check: there the MAC alone protects the cache.
_POSIX = hasattr(os, "geteuid")

_log = logging.getLogger("wxguard.cache")
_lock = threading.Lock()
_warned = False
_keys: dict[Path, bytes] = {}


def cache_dir() -> Path | None:
    configured = os.environ.get("WXGUARD_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wxguard"


def key_file() -> Path:
    """Where the key that authenticates entries lives: outside the cache folder, so a cache
    folder copied, shared or written by someone else carries no key."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "state"
    )
    return Path(base) / "wxguard" / "cache-key"


def max_bytes() -> int:
    """The size all entries together may take, from ``$WXGUARD_CACHE_MAX_MB``."""
    raw = os.environ.get("WXGUARD_CACHE_MAX_MB", "").strip()
    if not raw:
        return DEFAULT_MAX_MB * 10**6
    try:
        mb = float(raw)
    except ValueError:
        mb = math.nan
    if not (math.isfinite(mb) and mb >= 0):
        _warn(f"WXGUARD_CACHE_MAX_MB={raw!r} is not a number of megabytes; using {DEFAULT_MAX_MB}")
        return DEFAULT_MAX_MB * 10**6
    return int(mb * 10**6)


# The modules whose output is cached: an edit to any of them must not be served stale.
_BUILDERS = (
    "text/folding.py",
    "text/sound.py",
    "families/content/lexicon.py",
    "families/content/automata.py",
    "families/content/splitchars.py",
    "families/content/wordlists.py",
    "families/content/terms.py",
    "families/content/masks.py",
    "families/content/numerals.py",
    "families/content/prefilter.py",
    "families/content/model.py",
    "data/rules.toml",
    "cache.py",
)


def versions(*packages: str) -> str:
    """This library's version and code, Python's and the named data packages' versions."""
    parts = [f"wxguard={__version__}", f"code={_code()}", f"python={sys.version_info[:2]}"]
    parts.extend(f"{name}={_package_version(name)}" for name in packages)
    return ";".join(parts)


@functools.cache
def _code() -> str:
    """The builders' source, read once a process: a running process runs the code it
    imported, whatever is edited on disk meanwhile (a Guard asks for a dozen keys)."""
    here = Path(__file__).parent
    return digest(*((here / name).read_bytes() for name in _BUILDERS))


@functools.cache
def _package_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def cached(
    kind: str, key: str, build: Callable[[], T], valid: Callable[[object], TypeGuard[T]]
) -> T:
    """``build()``'s result, from the cache when the entry for ``key`` verifies and ``valid``
    accepts it; otherwise built and stored."""
    store = _store_for(cache_dir())
    name = f"{kind}-{key}{SUFFIX}"
    with paused():  # millions of objects, no garbage (50,000 terms: 2.7 s -> 1.0 s)
        if store is not None:
            stored = _read(store[0], name, store[1])
            if stored is not None and _accepts(stored, valid):
                return stored
        value = build()
    if store is not None:
        _write(store[0], name, store[1], value)
    return value


def _accepts(value: object, valid: Callable[[object], TypeGuard[T]]) -> TypeGuard[T]:
    try:
        return valid(value)
    except Exception:
        return False


def _warn(message: str) -> None:
    """One warning a process: the cache is an optimisation, its trouble is not the user's
    main business, but a folder refused for safety should not go unnoticed."""
    global _warned
    with _lock:
        if _warned:
            return
        _warned = True
    _log.warning("wxguard: %s", message)


def _unsafe(st: os.stat_result) -> str | None:
    """Why a folder or file with this status could hold what someone else wrote, if it could."""
    if not _POSIX:
        return None
    if st.st_uid != os.geteuid():
        return f"is owned by another user (uid {st.st_uid})"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"can be written by group or others (mode {stat.S_IMODE(st.st_mode):o})"
    return None


def _private_folder(folder: Path, what: str) -> bool:
    """Create ``folder`` (0o700) if missing; True when it is a folder only this user can write."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError:
        return False  # read-only, or a file in the way: carry on without the cache
    if not stat.S_ISDIR(st.st_mode):
        return False
    problem = _unsafe(st)
    if problem is not None:
        _warn(f"cache off: the {what} {folder} {problem}; make it yours with mode 700 to use it")
        return False
    return True


def _store_for(folder: Path | None) -> tuple[Path, bytes] | None:
    """The cache folder and the key, or None when the cache is off or not safe to use."""
    if folder is None or not _private_folder(folder, "cache folder"):
        return None
    key = _key(key_file())
    return None if key is None else (folder, key)


def _key(path: Path) -> bytes | None:
    with _lock:
        known = _keys.get(path)
    if known is not None:
        return known
    if not _private_folder(path.parent, "key folder"):
        return None
    key = _read_key(path)
    if key is None and not path.exists() and not path.is_symlink():
        _create_key(path)
        key = _read_key(path)
    if key is not None:
        with _lock:
            _keys[path] = key
    return key


def _read_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, _O_READ)
    except FileNotFoundError:
        return None
    except OSError as exc:
        _warn(f"cache off: cannot read the cache key {path}: {exc.strerror or exc}")
        return None
    f, st = _regular(fd)
    if f is None:
        problem: str | None = "is not a regular file"
        key = b""
    else:
        with f:
            problem = _unsafe(st)
            if problem is None and _POSIX and st.st_mode & (stat.S_IRGRP | stat.S_IROTH):
                problem = f"can be read by group or others (mode {stat.S_IMODE(st.st_mode):o})"
            key = f.read(_KEY_SIZE + 1) if problem is None else b""
    if problem is None and len(key) != _KEY_SIZE:
        problem = f"is not a {_KEY_SIZE}-byte key"
    if problem is not None:
        _warn(f"cache off: the cache key {path} {problem}; delete it to have a new one made")
        return None
    return key


def _regular(fd: int) -> tuple[io.BufferedReader | None, os.stat_result]:
    """The open file as a reader if it is a regular file; else None, the descriptor closed (a
    folder planted under an entry's name cannot even be wrapped: IsADirectoryError)."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        return None, st
    return os.fdopen(fd, "rb"), st


def _create_key(path: Path) -> None:
    """Write a new key under a temporary name and link it into place, so that of processes
    starting together one key wins and none reads a half-written one."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(_KEY_SIZE))
            f.flush()
            os.fsync(f.fileno())
        os.link(tmp, path)
    except FileExistsError:
        return  # another process made it first: use theirs
    except OSError as exc:
        _warn(f"cache off: cannot create the cache key {path}: {exc.strerror or exc}")
    finally:
        os.unlink(tmp)


def _mac(key: bytes, name: str) -> hmac.HMAC:
    mac = hmac.new(key, digestmod=hashlib.sha256)
    mac.update(_MAGIC + name.encode("utf-8") + b"\0")
    return mac


def _read(folder: Path, name: str, key: bytes) -> object | None:
    """The value stored under ``name`` if the file is a regular file of this user's that only
    they can write and whose MAC verifies; None otherwise (missing, planted, truncated, from
    another key). The file is verified, then unpickled from the same open file: only its
    owner can change its bytes in between, and wxguard never rewrites a file in place, so
    the cache takes no more memory than its objects (a 66 MB entry is not held twice)."""
    try:
        fd = os.open(folder / name, _O_READ)
    except OSError:
        return None  # missing, unreadable, or a symlink (O_NOFOLLOW)
    f, st = _regular(fd)
    if f is None:
        return None
    with f:
        if _unsafe(st) or not _HEADER <= st.st_size <= max_bytes():
            return None
        if not _verifies(f, name, key):
            return None
        f.seek(_HEADER)
        try:
            value: object = pickle.load(f)
        except Exception:
            return None
        if os.utime in os.supports_fd:
            with suppress(OSError):  # a read-only folder still serves its entries
                os.utime(f.fileno())  # recently used: evicted last
    return value


def _verifies(f: io.BufferedReader, name: str, key: bytes) -> bool:
    header = f.read(_HEADER)
    if header[: len(_MAGIC)] != _MAGIC:
        return False
    mac = _mac(key, name)
    chunk = bytearray(1 << 20)
    view = memoryview(chunk)
    while n := f.readinto(chunk):
        mac.update(view[:n])
    return hmac.compare_digest(mac.digest(), header[len(_MAGIC) :])


class _Signing:
    """A file that feeds what the pickler writes to the MAC too, so a large entry is signed
    while it is written, without a second copy in memory."""

    def __init__(self, file: IO[bytes], mac: hmac.HMAC) -> None:
        self.file, self.mac = file, mac

    def write(self, data: bytes) -> int:
        self.mac.update(data)
        return self.file.write(data)


def _write(folder: Path, name: str, key: bytes, value: object) -> None:
    limit = max_bytes()
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{name}.", suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(bytes(_HEADER))
                mac = _mac(key, name)
                pickle.dump(value, _Signing(f, mac), protocol=pickle.HIGHEST_PROTOCOL)
                fits = f.tell() <= limit
                f.seek(0)
                f.write(_MAGIC + mac.digest())
            if fits:
                os.replace(tmp, folder / name)
        finally:
            if os.path.lexists(tmp):
                os.unlink(tmp)
    except OSError:
        return  # a read-only or full disk: carry on without the cache
    _evict(folder, limit, keep=name)


def _evict(folder: Path, limit: int, keep: str) -> None:
    """Remove the least recently used entries until all fit in ``limit`` bytes; entries of
    the old format and temporary files left by a killed process go too."""
    now = time.time()
    entries: list[tuple[float, int, str]] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                st = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(st.st_mode):
                    continue
                if entry.name.endswith(_LEGACY_SUFFIX) or (
                    entry.name.endswith(".tmp") and now - st.st_mtime > _TMP_GRACE_S
                ):
                    entries.append((-math.inf, st.st_size, entry.name))
                elif entry.name.endswith(SUFFIX):
                    entries.append((st.st_mtime, st.st_size, entry.name))
    except OSError:
        return
    total = sum(size for _, size, _ in entries)
    for mtime, size, name in sorted(entries):
        if total <= limit and mtime != -math.inf:
            break
        if name == keep:
            continue
        try:
            with suppress(FileNotFoundError):  # another process evicted it
                os.unlink(folder / name)
        except OSError:
            continue
        total -= size
