"""The rule families: one package each, holding its checker and everything only it uses.

``families/<name>/checker.py`` defines the family's ``Checker`` (its ``family`` is the catalog
prefix, so its codes are the catalog's codes of that prefix); the other modules of the
package are its model, its data readers and its matchers. Code two families share lives
outside (``text``, ``phrases``). The engine runs the checkers listed in ``checkers()``;
adding a family is a package here, one line there, and its catalog entries.
Everything under ``families`` is internal: the public API is what ``wxguard`` exports.
"""

from .base import CheckContext, Checker, Finding, Frame

__all__ = ["CheckContext", "Checker", "Finding", "Frame", "checkers"]


def checkers() -> tuple[type[Checker], ...]:
    """Every family's checker, in family order. Imported here, when a Guard is first built,
    so that ``import wxguard`` does not load the families' matchers."""
    from .advertising.checker import AdvertisingChecker
    from .cadence.checker import CadenceChecker
    from .content.checker import ContentChecker
    from .format.checker import FormatChecker
    from .inducement.checker import InducementChecker
    from .links.checker import LinksChecker
    from .persons.checker import PersonsChecker
    from .scams.checker import ScamsChecker

    return (
        ContentChecker,
        LinksChecker,
        InducementChecker,
        AdvertisingChecker,
        PersonsChecker,
        FormatChecker,
        CadenceChecker,
        ScamsChecker,
    )
