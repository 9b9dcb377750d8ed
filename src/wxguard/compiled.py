"""Models compiled from data files and settings, built once and shared.

A family's model (the WX1 lexicon, the WX3 and WX4 phrase models) is a function of data
files and settings. ``compiled`` builds it once per process for the same files (by path,
modification time and size) and settings, and every Guard built with them shares it: a
Guard is cheap to build after the first. The most recent few models of each kind are kept.
A model that is slow to build also goes to the on-disk cache (``cache``), keyed by the
content it depends on, so the next process reads it instead of building it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeGuard, TypeVar

from . import cache
from .errors import WordListError

T = TypeVar("T")

# Models kept per kind: a process rarely uses more than a couple of settings at once.
KEEP = 16

_lock = threading.RLock()  # a build may use another compiled model
_models: dict[str, OrderedDict[Hashable, object]] = {}


def file_key(path: Path, what: str) -> tuple[str, int, int]:
    """What identifies a data file's version in this process: path, mtime and size."""
    try:
        st = path.stat()
    except OSError as exc:
        raise WordListError(path, None, f"cannot read {what}: {exc.strerror or exc}") from None
    return (str(path), st.st_mtime_ns, st.st_size)


@dataclass(frozen=True)
class OnDisk(Generic[T]):
    """How a model is kept in the on-disk cache: ``content`` gives everything it is built
    from (data files' bytes, settings, versions: see ``cache.versions``) and ``valid`` is the
    check a stored copy must pass before it is used."""

    content: Callable[[], list[bytes | str]]
    valid: Callable[[object], TypeGuard[T]]


def compiled(
    kind: str,
    build: Callable[[], T],
    *,
    files: Iterable[Path] = (),
    settings: Hashable = (),
    what: str = "data file",
    disk: OnDisk[T] | None = None,
) -> T:
    """``build()``'s model of ``kind`` for these data files and settings, built at most once
    while it is kept (and, with ``disk``, read from the on-disk cache when it holds it).
    ``what`` names the files in errors ("word list")."""
    key = (settings, tuple(file_key(Path(p), what) for p in files))
    with _lock:
        models = _models.setdefault(kind, OrderedDict())
        if key in models:
            models.move_to_end(key)
            return models[key]  # type: ignore[return-value]
        model = (
            build()
            if disk is None
            else cache.cached(kind, cache.digest(*disk.content()), build, disk.valid)
        )
        models[key] = model
        if len(models) > KEEP:
            models.popitem(last=False)
        return model
