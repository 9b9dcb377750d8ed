"""WX504: email addresses whose domain ends in a real public suffix.

Role mailboxes (service@, hr@ …) belong to an organisation, not a person: they are
reported with a lower score.
"""

from __future__ import annotations

from typing import ClassVar

from ..links.hosts import split_host
from .base import Pattern, PatternRecognizer

_ROLES = frozenset(
    {
        "admin",
        "contact",
        "hr",
        "info",
        "jobs",
        "kefu",
        "marketing",
        "noreply",
        "no-reply",
        "office",
        "press",
        "sales",
        "service",
        "support",
        "webmaster",
        "hello",
        "bd",
        "pr",
        "help",
        "feedback",
    }
)


class EmailRecognizer(PatternRecognizer):
    ENTITY = "EMAIL"
    RULE = "WX504"
    KIND = "email"
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "email",
            r"(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+",
            0.9,
        ),
    )
    CONTEXT = ("邮箱", "邮件", "email", "e-mail", "mail", "简历", "发送至", "发至", "联系")

    def normalise(self, matched: str) -> str:
        return matched

    def validate(self, value: str, pattern: Pattern) -> float | None:
        local, _, domain = value.partition("@")
        if local.startswith(".") or local.endswith(".") or ".." in local or len(domain) > 253:
            return None
        parts = split_host(domain)
        if not parts.suffix or not parts.domain:
            return None
        return 0.55 if local in _ROLES else pattern.score
