"""wxguard: lint Chinese messages before they reach WeChat, WeCom and DingTalk groups.

>>> from wxguard import Guard
>>> Guard().check("今晚八点直播，准时开始").verdict.value
'pass'
"""

from ._version import __version__
from .catalog import Rule, catalog
from .config import GuardConfig
from .errors import ConfigError, WordListError, WxguardError
from .guard import Guard
from .models import Attachment, Location, Message, Report, Reports, Severity, Verdict, Violation
from .families.links.icp import FilingNumber, IcpRegistry, IcpResolver, find_filing_numbers
from .families.persons.redact import redact
from .families.advertising.model import CommercialScore, CommercialSignal, commercial_score
from .sendlog import SendLog, SendLogError

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
