"""Checkers, one module per rule family, listed in ``checkers()``: the engine runs those."""

from .base import Checker, CheckContext, Finding

__all__ = ["CheckContext", "Checker", "Finding", "checkers"]


def checkers() -> tuple[type[Checker], ...]:
    """Every family's checker, in family order. Imported here, when a Guard is first built,
    so that ``import wxguard`` does not load the families' matchers."""
    from .advertising import AdvertisingChecker
    from .cadence import CadenceChecker
    from .content import ContentChecker
    from .format import FormatChecker
    from .inducement import InducementChecker
    from .links import LinksChecker
    from .persons import PersonsChecker

    return (
        ContentChecker,
        LinksChecker,
        InducementChecker,
        AdvertisingChecker,
        PersonsChecker,
        FormatChecker,
        CadenceChecker,
    )
