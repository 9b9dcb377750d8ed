"""Finding every link a reader could follow in a message, disguised ones included.

Links are read from the folded view (same length as the original, so full-width
``ｈｔｔｐｓ：／／`` reads as ``https://`` at the original positions). Disguises that change
the length are undone first in a "link text": dots written as ``点`` ``。`` ``dot`` ``[.]``,
letters spaced out (``w w w . e x . c o m``) and zero-width characters between letters. Each
character of the link text remembers the original range it came from, so a link's span
always covers the whole written form.

Every regular expression here is linear: repeated parts are disjoint from what follows
them, and a match that starts always succeeds, so a long run of dots and digits is read once.
A bare name starts only where a label does (no letter of any script before it): a run of
é, λ or ж once was a start at every letter, each read to the run's end.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from bisect import bisect_left
from typing import NamedTuple

from ...text.storedregex import stored_regex
from .data import heuristics
from .hosts import is_ip, split_host, suffixes

# Folded text: U+3000 and NBSP are already plain spaces there.
_ZERO_WIDTH = r"\u200b-\u200d\u2060\ufeff\u00ad"
_EDITS = stored_regex(
    # a scheme written with gaps (h t t p : / /, http ://, h.t.t.p://): taken whole, so its
    # host follows it however the gaps ran
    r"(?P<scheme>(?<![a-z0-9])h[ \t.]*t[ \t.]*t[ \t.]*p[ \t.]*(?:s[ \t.]*)?:[ \t]*/[ \t]*/[ \t]*(?=[a-z0-9]))"
    r"|(?P<spaced>(?<![a-z0-9])[a-z0-9](?![a-z0-9])(?:[ \t]+[a-z0-9./:点。](?![a-z0-9])){5,})"
    r"|(?<=[a-z0-9])(?P<dot>[ \t]*[点。丶·・•][ \t]*|[ \t]+dot[ \t]+"
    r"|[ \t]*[\[(【{<][ \t]*(?:dot|\.|点|。)[ \t]*[\])】}>][ \t]*|[ \t]+\.[ \t]+)(?=[a-z0-9])"
    rf"|(?<=[a-z0-9./:])(?P<zw>[{_ZERO_WIDTH}]+)(?=[a-z0-9./:])"
)
_SPACES = re.compile(r"[ \t]+")
# A scheme the edits take whole is a disguise only with a gap in it (a plain http:// is read
# as written, without the edits' character map).
_GAPPED = re.compile(r"[ \t.]")
# A dot written in brackets: how security notices defang an address (verify-account[.]top).
_DEFANG = re.compile(r"[\[(【{<][ \t]*(?:dot|\.|点|。)[ \t]*[\])】}>]")

_LATIN_CHAR = r"[a-z0-9\u00c0-\u024f\u0370-\u052f-]"
_LATIN = _LATIN_CHAR + "+"
# What every link leaves in the folded text, so one scan rules most messages out. A link
# needs a host letter right before a "." of the link text, or "://"; the edits only delete
# spaces or zero-width characters between kept characters, or write "." for a dot disguise
# or a spaced-out 点 or 。, each of which follows a letter or digit and spaces.
_MAYBE_LINK = re.compile(
    rf"{_LATIN_CHAR}[ \t{_ZERO_WIDTH}]*\.|:[ \t{_ZERO_WIDTH}]*/|[a-z0-9][ \t]*(?:[点。丶·・•\[(【{{<]|dot)"
)
_HAN = r"[\u3400-\u9fff]+"
_LABEL_U = rf"(?:{_LATIN}|{_HAN})"
_URL = stored_regex(
    r"(?:(?<![a-z0-9+.-])(?P<scheme>https?|ftp)://"
    r"(?:(?P<userinfo>[a-z0-9._~%!$&'*+,;=:-]+)@)?"
    rf"(?P<host>\[[0-9a-f:.]+\]|{_LABEL_U}(?:\.{_LABEL_U})*)"
    rf"|(?<![a-z0-9\u00c0-\u024f\u0370-\u052f.@_%+/\\-])(?P<bare>{_LATIN}(?:\.{_LATIN})+)(?![@a-z0-9-]))"
    r"(?::(?P<port>\d{1,5})(?!\d))?"
    r"(?P<rest>[/?#][!-~]*)?"
)

# Characters that end a link although they fold to URL characters: full-width punctuation
# closes a Chinese sentence (https://a.com/x，点击), ASCII ones are not URL characters.
_STOP = frozenset('！（），；？：＂＇＜＞［］｛｝｀<>"`{}|\\^')
# Of those, the full-width ones that write no scheme (``：//``), port or dot disguise
# (``［.］``) are searched as written, so a link's path ends there and the link after them
# is found (``a.cn/x，b.cn/y``); a path running on over the comma hid the second link.
_WRITTEN_STOPS = re.compile("[！，；？＂＇｀]")
_TRAILING = ".,;:!?'*"
_FULLWIDTH = range(0xFF01, 0xFF5F)
_HAN_CHAR = stored_regex(_HAN)
# A host name has at most 253 characters (RFC 1035); longer runs are no host to judge.
_MAX_HOST = 253
# What names a public address after it as one to open: 访问 47.96.12.34 is a link; a version
# number (下载 2.3.1.0 版本), a DNS server to type in, or a router's 192.168.1.1 is not.
_OPEN_CUE = re.compile(r"(?:访问|打开|网址|链接|进入)[:：]?[ \t]{0,2}$")


class Link(NamedTuple):
    """One link as a reader would follow it, with the original span it was written in (a
    tuple: a hostile message holds a link every few characters)."""

    start: int
    end: int
    url: str
    scheme: str | None
    userinfo: str | None
    host: str
    written_host: str
    port: int | None
    rest: str
    techniques: tuple[str, ...]
    # A dot of its domain written in brackets (evil[.]top): what is written cannot be
    # tapped, the way notices quote a bad address on purpose.
    defanged: bool = False

    @property
    def disguised(self) -> bool:
        return bool(self.techniques)

    @property
    def query(self) -> str:
        _, _, after = self.rest.partition("?")
        return after.partition("#")[0]


class LinkText:
    """The folded text with length-changing disguises undone, mapped back to the original."""

    __slots__ = ("_ends", "_kinds", "_marks", "_starts", "text")

    def __init__(self, text: str, folded: str) -> None:
        self.text = folded
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        # Doubled positions: 2k for a replaced character k, 2k-1 for a deletion before k.
        self._marks: list[int] = []
        self._kinds: list[str] = []
        if any(m["scheme"] is None or _GAPPED.search(m["scheme"]) for m in _EDITS.finditer(folded)):
            self._undo(text, folded)

    def _undo(self, text: str, folded: str) -> None:
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0

        def copy(a: int, b: int) -> None:
            out.append(folded[a:b])
            starts.extend(range(a, b))
            ends.extend(range(a + 1, b + 1))

        def mark(kind: str, doubled: int) -> None:
            self._marks.append(doubled)
            self._kinds.append(kind)

        for m in _EDITS.finditer(folded):
            a, b = m.span()
            if m["dot"] is not None and m["dot"].strip() == "。" and _sentence_break(text, a, b):
                continue
            copy(last, a)
            last = b
            if m["scheme"] is not None:
                gap = False
                for pos in range(a, b):
                    char = folded[pos]
                    if char in " \t.":
                        gap = True
                        continue
                    if gap and out:
                        mark("spaced", 2 * len(starts) - 1)
                    gap = False
                    out.append(char)
                    starts.append(pos)
                    ends.append(pos + 1)
                if gap:  # the gap before the host
                    mark("spaced", 2 * len(starts) - 1)
            elif m["dot"] is not None:
                mark("disguised-dot", 2 * len(starts))
                out.append(".")
                starts.append(a)
                ends.append(b)
            elif m["zw"] is not None:
                mark("zero-width", 2 * len(starts) - 1)
            else:
                letters = [a] + [gap.end() for gap in _SPACES.finditer(folded, a, b)]
                for i, pos in enumerate(letters):
                    if i:
                        mark("spaced", 2 * len(starts) - 1)
                    char = folded[pos]
                    if char in "点。":
                        mark("disguised-dot", 2 * len(starts))
                        char = "."
                    out.append(char)
                    starts.append(pos)
                    ends.append(pos + 1)
        copy(last, len(folded))
        self.text = "".join(out)
        self._starts = starts
        self._ends = ends

    def span(self, s: int, e: int) -> tuple[int, int]:
        """Original span of link-text characters ``s:e`` (``e > s``)."""
        if self._starts is None or self._ends is None:
            return s, e
        return self._starts[s], self._ends[e - 1]

    def origin(self, k: int) -> int:
        return k if self._starts is None else self._starts[k]

    def techniques(self, s: int, e: int) -> list[str]:
        """The disguises undone inside link-text characters ``s:e``."""
        if not self._marks:
            return []
        lo = bisect_left(self._marks, 2 * s)
        hi = bisect_left(self._marks, 2 * e - 1)
        return list(dict.fromkeys(self._kinds[lo:hi]))


def _sentence_break(text: str, start: int, end: int) -> bool:
    """``baidu.com。Thanks``: a full stop before a capital ends a sentence; it is no dot."""
    return unicodedata.normalize("NFKC", text[end]).isupper() and not text[start - 1].isupper()


def _trim_rest(rest: str, base: int, text: str, lt: LinkText) -> str:
    """The path, query and fragment up to where the link visibly ends."""
    for i, char in enumerate(rest):
        if char in _STOP or text[lt.origin(base + i)] in _STOP:
            rest = rest[:i]
            break
    end = len(rest)
    unbalanced = rest.count(")") - rest.count("(")
    while end:
        last = rest[end - 1]
        if last == ")" and unbalanced > 0:
            unbalanced -= 1
        elif last not in _TRAILING:
            break
        end -= 1
    return rest[:end]


def _trim_han_host(host: str) -> str:
    """``例子.中国点击`` → ``例子.中国``: a Chinese last label is cut to the longest public
    suffix it starts with; Chinese labels that are no suffix are dropped."""
    labels = host.split(".")
    while labels and _HAN_CHAR.fullmatch(labels[-1]):
        last = labels[-1]
        for k in range(len(last), 0, -1):
            if last[:k] in suffixes():
                labels[-1] = last[:k]
                return ".".join(labels)
        labels.pop()
    return ".".join(labels)


def _written_techniques(written: str) -> list[str]:
    found: list[str] = []
    for char in written:
        if char.isascii():
            continue
        if ord(char) in _FULLWIDTH:
            found.append("fullwidth")
        elif unicodedata.normalize("NFKC", char) != char and not char.isspace():
            found.append("compatibility")
    return list(dict.fromkeys(found))


def _mixed_case(written: str) -> bool:
    letters = [c for c in written if c.isalpha()]
    return any(c.isupper() for c in letters) and any(c.islower() for c in letters)


def may_have_link(folded: str) -> bool:
    """False when the folded text certainly holds no link (the quick test of ``extract_links``)."""
    return _MAYBE_LINK.search(folded) is not None


def extract_links(text: str, folded: str) -> list[Link]:
    """Every link in ``text`` (``folded`` is its same-length folded view)."""
    if not may_have_link(folded):
        return []
    return links_in(text, folded)


def links_in(text: str, folded: str) -> list[Link]:
    """``extract_links`` without the quick test (what the test compares it with)."""
    lt = LinkText(text, _stops_as_written(text, folded))
    if "." not in lt.text and "://" not in lt.text:
        return []
    links: list[Link] = []
    for m in _URL.finditer(lt.text):
        link = _judge(m, text, folded, lt)
        if link is not None:
            links.append(link)
    return links


def _stops_as_written(text: str, folded: str) -> str:
    """``folded`` with the full-width stops of ``text`` put back."""
    parts: list[str] = []
    last = 0
    for m in _WRITTEN_STOPS.finditer(text):
        parts += (folded[last : m.start()], m[0])
        last = m.end()
    if not parts:
        return folded
    parts.append(folded[last:])
    return "".join(parts)


def _judge(m: re.Match[str], text: str, folded: str, lt: LinkText) -> Link | None:
    scheme = m["scheme"]
    host_group = "host" if scheme else "bare"
    host = m[host_group]
    hs, he = m.span(host_group)
    port = int(m["port"]) if m["port"] else None
    rest = m["rest"] or ""
    end = m.end()
    if len(host) > _MAX_HOST:
        return None
    if scheme and _HAN_CHAR.search(host):
        trimmed = _trim_han_host(host)
        if not trimmed:
            return None
        if trimmed != host:
            host, he, port, rest, end = trimmed, hs + len(trimmed), None, "", hs + len(trimmed)
    if rest:
        rest = _trim_rest(rest, m.start("rest"), text, lt)
        end = m.start("rest") + len(rest)
    if scheme and port is None and not rest and "." not in host and lt.text.startswith(":", end):
        return None  # http://http:// …: a word and a colon with no port is no host
    techniques = lt.techniques(m.start(), end)
    host_marks = lt.techniques(hs, he) if techniques else []
    start_o, end_o = lt.span(m.start(), end)
    written = text[start_o:end_o]
    if not written.isascii():
        techniques += [t for t in _written_techniques(written) if t not in techniques]
    host_o = lt.span(hs, he)
    written_host = text[host_o[0] : host_o[1]]
    opened = not scheme and _OPEN_CUE.search(folded, max(0, start_o - 6), start_o) is not None
    if not scheme and not _bare_ok(
        host, written_host, port, rest, "disguised-dot" in host_marks, opened
    ):
        return None
    written_host = unicodedata.normalize("NFKC", written_host).lower() if not host_marks else host
    defanged = "disguised-dot" in host_marks and _defanged(host, he, folded, lt)
    return Link(
        start=start_o,
        end=end_o,
        url=lt.text[m.start() : end],
        scheme=scheme,
        userinfo=m["userinfo"],
        host=host,
        written_host=written_host,
        port=port,
        rest=rest,
        techniques=tuple(techniques),
        defanged=defanged,
    )


def _defanged(host: str, he: int, folded: str, lt: LinkText) -> bool:
    """A dot of the host's registrable domain written in brackets (``[.]``, ``(dot)``), the
    way security notices quote a bad address: no app links what remains to the domain
    (``icbc[.]com.cn.evil.top`` still opens evil.top). Spam disguises its dots too (点, 。,
    spaces), but not in brackets."""
    registrable = split_host(host).registrable or host
    a, b = lt.span(he - len(registrable), he)
    return _DEFANG.search(folded, a, b) is not None


def _public(host: str) -> bool:
    """An IP literal (``is_ip``) of the public internet, not a LAN's or a router's."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_global
    except ValueError:  # an IPv4 part written with leading zeros (010.1.1.1)
        return ipaddress.IPv4Address(".".join(str(int(p)) for p in host.split("."))).is_global


def _bare_ok(
    host: str,
    written_host: str,
    port: int | None,
    rest: str,
    disguised_dot: bool,
    opened: bool = False,
) -> bool:
    """Is a name without a scheme a link? An IP needs a port, a path or a word that opens a
    public address (``opened``: 访问 47.96.12.34); a domain needs a real public suffix, one
    spam uses when its dots are disguised, and no file extension."""
    if is_ip(host):
        return port is not None or bool(rest) or (opened and _public(host))
    parts = split_host(host)
    if not parts.suffix or not parts.domain:
        return False
    last = parts.suffix.rsplit(".", 1)[-1]
    www = host.startswith("www.")
    rules = heuristics()
    if disguised_dot:
        return (www or last in rules.disguise_tlds) and any(
            c.isalpha() for c in parts.domain + parts.subdomain
        )
    if www or port is not None or rest:
        return True
    if last in rules.file_extension_tlds:
        return False
    # "1.SONY": a numbered list item, unless the top-level domain is a common one (3.cn).
    if parts.domain.isdigit() and not parts.subdomain and last not in rules.disguise_tlds:
        return False
    # "Mr.Li" and "good.It": a sentence, not a domain (domains are written in one case).
    return not _mixed_case(written_host[written_host.rfind(".") + 1 :])
