"""wxguard: lint Chinese messages before they reach WeChat, WeCom and DingTalk groups.

>>> from wxguard import Guard
>>> Guard().check("今晚八点直播，准时开始").verdict.value
'pass'

The public API is what ``__all__`` lists, plus ``wxguard.pandas`` (with the ``scale`` extra)
and the ``wxguard`` command. Every other module is internal and may change between
releases (docs/architecture.md says what each holds).
"""

import typing as _typing

from ._version import __version__
from .catalog import Rule, catalog
from .config import GuardConfig
from .errors import ConfigError, WordListError, WxguardError
from .guard import Guard
from .models import Attachment, Location, Message, Severity, Verdict, Violation
from .report import Report, Reports

if _typing.TYPE_CHECKING:
    from .families.advertising.model import CommercialScore, CommercialSignal, commercial_score
    from .families.cadence.sendlog import SendLog, SendLogError
    from .families.links.icp import FilingNumber, IcpRegistry, IcpResolver, find_filing_numbers
    from .families.persons.redact import redact

__all__ = [
    "Attachment",
    "CommercialScore",
    "CommercialSignal",
    "ConfigError",
    "FilingNumber",
    "Guard",
    "GuardConfig",
    "IcpRegistry",
    "IcpResolver",
    "Location",
    "Message",
    "Report",
    "Reports",
    "Rule",
    "SendLog",
    "SendLogError",
    "Severity",
    "Verdict",
    "Violation",
    "WordListError",
    "WxguardError",
    "__version__",
    "catalog",
    "commercial_score",
    "find_filing_numbers",
    "redact",
]


def __getattr__(name: str) -> _typing.Any:
    """The names whose modules ``import wxguard`` does not load until first asked for."""
    if name in ("CommercialScore", "CommercialSignal", "commercial_score"):
        from .families.advertising import model

        value = getattr(model, name)
    elif name in ("FilingNumber", "IcpRegistry", "IcpResolver", "find_filing_numbers"):
        from .families.links import icp

        value = getattr(icp, name)
    elif name == "redact":
        from .families.persons.redact import redact

        value = redact
    elif name in ("SendLog", "SendLogError"):
        from .families.cadence import sendlog

        value = getattr(sendlog, name)
    else:
        raise AttributeError(f"module 'wxguard' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
