"""numpy forms of the folding and sound-class tables, for long texts.

``str.translate`` costs about 30 ns a character; for a long text the same work (fold, drop
noise, collapse stutter, encode) runs several times faster as array lookups. numpy is
imported only when a long text is first checked.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .folding import tables
from .sound import class_table

# Class value of a character that folds to several: such texts take the translate path.
EXPANDS = 0xFFFFFFFF


@cache
def class_arrays() -> Any:
    """Class value per code point: 0 for noise, ``EXPANDS`` for a character that folds to several."""
    import numpy as np

    classes = np.arange(0x110000, dtype=np.uint32)
    for cp, entry in enumerate(class_table()):
        if entry is None or entry == "":
            classes[cp] = 0
        elif isinstance(entry, str):
            classes[cp] = ord(entry) if len(entry) == 1 else EXPANDS
    # Above the translate table only tags and variation selectors are noise.
    classes[0xE0000:0xE1000] = 0
    return classes


@cache
def folded_array() -> Any:
    """The folded character per code point (valid where ``class_arrays`` has a class)."""
    import numpy as np

    folded = np.arange(0x110000, dtype=np.uint32)
    for cp, entry in enumerate(tables().skeleton):
        if isinstance(entry, str) and len(entry) == 1:
            folded[cp] = ord(entry)
    return folded
