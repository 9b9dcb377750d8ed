"""Reading copy files: which kind a file is and its text, or a one-line reason why not."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..errors import WxguardError

Kind = Literal["txt", "md"]
KINDS: dict[str, Kind] = {".txt": "txt", ".md": "md", ".markdown": "md"}


class InputError(WxguardError):
    """A file wxguard cannot read: the message names the file and the reason."""


def kind_of(name: str, forced: Kind | None = None) -> Kind:
    """``.txt`` is read line by line, ``.md`` and ``.markdown`` as prose; anything else needs ``forced``."""
    if forced is not None:
        return forced
    suffix = Path(name).suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        what = f"{suffix} files" if suffix else "files without an extension"
        raise InputError(
            f"{name}: cannot read {what} (wxguard reads .md, .markdown and .txt; --input-format txt|md reads it anyway)"
        )
    return kind


def read_source(name: str, forced: Kind | None = None) -> tuple[Kind, str]:
    """A file's kind and text; refused in the order a user fixes things: a folder, an
    extension wxguard does not read, a file that cannot be opened, bytes that are not text."""
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a directory")
    kind = kind_of(name, forced)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror or exc}") from None
    return kind, decode(data, name)


# Byte-order marks of the wide encodings, UTF-32's first (its little-endian mark begins
# with UTF-16's).
_WIDE_CODECS = (
    ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32"),
    ((b"\xff\xfe", b"\xfe\xff"), "utf-16"),
)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text without a byte-order mark, or UTF-16 or UTF-32 with one (Windows Notepad
    and Excel save "Unicode text" as UTF-16); binary data and bad bytes are errors."""
    for boms, codec in _WIDE_CODECS:
        if data.startswith(boms):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {codec.upper()} ({exc.reason})") from None
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: not valid UTF-8{_gbk_hint(data)}") from None


def _gbk_hint(data: bytes) -> str:
    """How to convert a file Chinese Windows and Excel saved as GBK (GB18030), when the bad
    lines read as Chinese text that way; when other lines hold UTF-8 Chinese (one pasted
    GBK line), converting the whole file would garble them, so the lines are named."""
    bad: list[int] = []
    bad_lines: list[bytes] = []
    utf8_wide = False
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
            bad_lines.append(line)
        else:  # GBK bytes can pass as UTF-8 by chance (全 is "ȫ"), rarely as Chinese
            utf8_wide = utf8_wide or _chinese(text)
    if not _reads_as_gbk(b"\n".join(bad_lines)):
        return ""
    if not utf8_wide:
        return " (it reads as GBK/GB18030 text: convert it with `iconv -f gb18030 -t utf-8`)"
    shown = ", ".join(map(str, bad[:5])) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
    return (
        f" (line{'s' if len(bad) > 1 else ''} {shown} read as GBK/GB18030 text in a file"
        " otherwise UTF-8: converting the whole file would garble the rest; re-type or"
        " re-save those lines as UTF-8)"
    )


def _reads_as_gbk(data: bytes) -> bool:
    try:
        return _chinese(data.decode("gb18030"))
    except UnicodeDecodeError:
        return False


def _chinese(text: str) -> bool:
    """Whether most of ``text``'s non-ASCII characters are Chinese ones."""
    wide = [c for c in text if ord(c) > 0x7F]
    chinese = sum(1 for c in wide if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f")
    return bool(wide) and chinese * 2 >= len(wide)
