"""The channels a scam wants the reader to use: links, phone numbers, bank accounts, chat ids.

A phrase cannot spell these, so they are found by code and handed to the joins as the hits
of the banks ``url``, ``phone``, ``account`` and ``chat-id``:

- ``url``: every link the WX2 reader finds (disguised ones included), except links to the
  official sites the model names (12306.cn, jd.com …): a genuine notice links its own site;
- ``phone``: mainland mobiles (+86 optional), landlines with an area code, 400/800 numbers.
  Official short service numbers (95588, 10086, 12306 …) are not channels: genuine notices
  give them, a scam gives a number it answers itself;
- ``account``: a run of 16–19 digits, spaced or dashed in fours or not (bank cards and
  accounts);
- ``chat-id``: a WeChat or QQ id or group number written after its name (微信：abc_123,
  QQ 12345678, QQ群 73328190).

The fake-base-station SMS data set (Zhang et al., CCS 2020) was anonymised: every link,
number, account and chat id became a placeholder, ``(链接)``, ``(电话)``, ``(银行)``,
``(微信)`` or ``(QQ)``. Written with brackets (half- or full-width) these are read as the
thing they replaced, so messages in that spelling can be judged; the bare words 链接 or 电话
are never a channel.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...phrases.joins import Disjoint
from ...text.storedregex import stored_regexes
from ..links.extract import extract_links, may_have_link
from ..links.hosts import listed

# Folded text: full-width forms are ASCII and letters lower case, same length as the original.
_PHONE = re.compile(
    r"(?<![0-9])(?:"
    r"(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]){8}"  # mobile
    r"|0[1-9][0-9]{1,2}[ -]?[2-9](?:[ -]?[0-9]){6,7}"  # landline with its area code
    # written apart from its area code, a local number starting with 1 is still read as one
    # (0755-12345678): people write placeholder numbers that way, and scams copy them
    r"|0[1-9][0-9]{1,2}[ -]1[0-9]{6,7}"
    r"|[48]00(?:[ -]?[0-9]){7}"  # 400 / 800
    r")(?![0-9])"
)
_ACCOUNT = re.compile(r"(?<![0-9])[1-9][0-9]{3}(?:[ -]?[0-9]{4}){3}(?:[ -]?[0-9]{1,3})?(?![0-9])")
# Senders break a chat app's name with emoji, symbols or spaces (微💰信, 加🔥V, 微 信) as they
# break words: up to two such characters may stand between its letters, and any such run
# with the colon between the name and the id. (Spaces, symbols, dingbats, emoji, zero-width
# and variation selectors; no letter, digit, line break or clause punctuation.)
_NOISE = (
    "[ \t\u00a0\u00b7\u2000-\u200d\u2010-\u2015\u2020-\u2022\u2030-\u2bff\u3000\u2060\ufe0f\ufeff*~"
    "\U0001f000-\U0001faff]"
)
_CHAT_APPS = (
    *("微信", "威信", "薇信", "徽信", "v信", "vx", "wx", "weixin", "wechat", "qq", "扣扣"),
    *("+v", "加v"),
)


def _spaced(name: str) -> str:
    return f"{_NOISE}{{0,2}}".join(re.escape(c) for c in name)


_APP = "|".join(_spaced(name) for name in _CHAT_APPS)
# These two unions of the apps' spaced names compile slowly (7 ms): their code is kept in the
# on-disk cache, read when the family is first loaded.
_CHAT_ID, _NAMED = stored_regexes(
    [
        rf"(?:{_APP})(?:号码|群号|号|群)?(?:是|为)?(?:[:：]|{_NOISE})*"
        r"(?:[a-z][-_a-z0-9]{5,19}|[1-9][0-9]{4,11})(?![-_a-z0-9])",
        # A placeholder or a chat app's name (see ``may_have_channel``).
        rf"\((?:链接|电话|银行|微信|qq)\)|{_APP}",
    ]
)
_PLACEHOLDER = re.compile(r"\((链接|电话|银行|微信|qq)\)")
_PLACEHOLDER_KIND = {
    "链接": "url",
    "电话": "phone",
    "银行": "account",
    "微信": "chat-id",
    "qq": "chat-id",
}
# What a number, a placeholder or a chat id needs somewhere: seven digits (single spaces or
# dashes between them), a placeholder, a chat app's name. Links have the WX2 reader's test.
_DIGITS = re.compile(r"[0-9](?:[ -]?[0-9]){6}")

KINDS = ("url", "phone", "account", "chat-id")


class Channel(NamedTuple):
    start: int
    end: int
    kind: str


def may_have_channel(folded: str) -> bool:
    """False when the folded text certainly holds no channel: a cheap test before the search."""
    return (
        _DIGITS.search(folded) is not None
        or _NAMED.search(folded) is not None
        or may_have_link(folded)
    )


def find_channels(text: str, folded: str, official: frozenset[str] = frozenset()) -> list[Channel]:
    """Every channel in ``text`` (``folded`` is its same-length folded view), in order,
    without overlaps (a link wins over digits inside it, a number over a shorter one). A link
    to one of the ``official`` domains (or below one) is no channel, and its digits are
    no number either."""
    found = [
        Channel(link.start, link.end, "official" if listed(link.host, official) else "url")
        for link in extract_links(text, folded)
    ]
    if _NAMED.search(folded) is not None:
        found += [
            Channel(*m.span(), _PLACEHOLDER_KIND[m.group(1)]) for m in _PLACEHOLDER.finditer(folded)
        ]
        found += [Channel(*m.span(), "chat-id") for m in _CHAT_ID.finditer(folded)]
    if _DIGITS.search(folded) is not None:
        found += [Channel(*m.span(), "account") for m in _ACCOUNT.finditer(folded)]
        found += [Channel(*m.span(), "phone") for m in _PHONE.finditer(folded)]
    kept: list[Channel] = []
    spans = Disjoint()
    for channel in found:  # earlier kinds win where spans overlap
        if not spans.overlaps(channel.start, channel.end):
            kept.append(channel)
            spans.add(channel.start, channel.end)
    return sorted(c for c in kept if c.kind != "official")


# Written over a channel before the clause view is built: a letter that survives compacting
# and that no phrase uses, so a link's dots are no sentence end and no phrase matches inside.
MASK = "\u3400"


def masked(text: str, channels: list[Channel]) -> str:
    """``text`` with every channel written as a run of ``MASK`` (same length)."""
    parts, pos = [], 0
    for c in channels:
        parts += [text[pos : c.start], MASK * (c.end - c.start)]
        pos = c.end
    parts.append(text[pos:])
    return "".join(parts)
