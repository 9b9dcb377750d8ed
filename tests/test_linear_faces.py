"""Linear time on hostile input in the faces: Markdown masking, suppression, the reporters
(timed as ``tests/linear.py`` says)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wxguard import Guard, Report, Severity, Violation
from wxguard.report import full
from wxguard.report.html import highlight
from wxguard.sources import FileSettings, check_text, mask_markdown
from wxguard.sources.suppression import Directive, apply

from .linear import BOUND, growth

# Timing ×1 and ×4 inputs takes minutes: `pytest -m "not slow"` leaves them to CI.
pytestmark = pytest.mark.slow

SMALL = Guard(default_wordlists=False, words={"drugs": ["冰毒"]}, select=["WX1", "WX0"])
SETTINGS = FileSettings(SMALL, None, (), SMALL.enabled_rules)


def _violation(start: int, end: int, rule: str = "WX104") -> Violation:
    return Violation.model_construct(
        rule=rule,
        name="drug-content",
        category="drugs",
        severity=Severity.ERROR,
        start=start,
        end=end,
        text="x" * (end - start),
        term=None,
        techniques=(),
        confidence=1.0,
        message="毒品敏感词「冰毒」",
        suggestion=None,
        consequence="c",
        location=None,
    )


def _report(text: str, violations: list[Violation]) -> Report:
    return Report(text=text, violations=tuple(violations)).located("f.md", 1)


CASES: dict[str, tuple[Callable[[int], Any], Callable[[Any], Any]]] = {
    # Markdown: every unclosed "](" used to scan to the end of the paragraph
    "markdown ](": (lambda n: "](" * n, mask_markdown),
    # every unclosed "<!--" used to look for "-->" to the end of the file
    "markdown <!--": (lambda n: "<!--" * n, mask_markdown),
    # unclosed backtick runs of many lengths each searched to the end
    "markdown ` runs": (
        lambda n: "".join("`" * k + "a" for k in range(1, int((2 * n) ** 0.5))),
        mask_markdown,
    ),
    # an email-like autolink that never closes backtracked over every dot
    "markdown <a@b.": (lambda n: "<a@" + "b." * n, mask_markdown),
    # every masked run against every finding, to find the ones that cross a run
    "masked runs × findings": (
        lambda n: "冰毒 `x` " * n,
        lambda text: list(check_text(text, "md", SETTINGS, "f.md")),
    ),
    # a plain-text line of would-be markers: each one used to be tried to the end of the line
    "txt markers": (
        lambda n: "好 wxguard: ignore[" * n,
        lambda text: list(check_text(text, "txt", SETTINGS, "f.txt")),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_sources_are_linear(name: str) -> None:
    make, work = CASES[name]
    ratio, n = growth(make, work)
    assert ratio < BOUND, f"{name}: ×4 input took ×{ratio:.1f} (n={n})"


def _scoped(n: int) -> tuple[str, list[Violation], list[Directive]]:
    """n disable directives, each followed by a finding every earlier directive covers."""
    piece = "<!-- wxguard-disable WX104 -->冰毒\n"
    at = len("<!-- wxguard-disable WX104 -->")
    directives = [
        Directive(
            "disable", ("WX104",), i * len(piece), i * len(piece) + at, "wxguard-disable WX104"
        )
        for i in range(n)
    ]
    violations = [_violation(i * len(piece) + at, i * len(piece) + at + 2) for i in range(n)]
    return piece * n, violations, directives


def test_suppression_scopes_are_linear() -> None:
    ratio, n = growth(
        _scoped, lambda case: apply(case[0], case[1], case[2], SMALL.enabled_rules, SMALL.config)
    )
    assert ratio < BOUND, f"×4 input took ×{ratio:.1f} (n={n})"
    text, violations, directives = _scoped(3)
    assert apply(text, violations, directives, SMALL.enabled_rules, SMALL.config) == (
        [],
        len(violations),
    )


def test_full_reporter_is_linear_in_findings_over_lines() -> None:
    def make(n: int) -> Report:
        return _report("出售冰毒\n" * n, [_violation(5 * i + 2, 5 * i + 4) for i in range(n)])

    ratio, n = growth(make, lambda report: full.render([report]))
    assert ratio < BOUND, f"×4 input took ×{ratio:.1f} (n={n})"


def test_full_reporter_is_linear_in_findings_on_one_long_line() -> None:
    def make(n: int) -> Report:
        return _report("出售冰毒" * n, [_violation(4 * i + 2, 4 * i + 4) for i in range(n)])

    ratio, n = growth(make, lambda report: full.render([report]))
    assert ratio < BOUND, f"×4 input took ×{ratio:.1f} (n={n})"


def test_html_highlighting_is_linear() -> None:
    def make(n: int) -> tuple[str, list[Violation]]:
        return "出售冰毒" * n, [_violation(4 * i + 2, 4 * i + 4) for i in range(n)]

    ratio, n = growth(make, lambda case: highlight(*case))
    assert ratio < BOUND, f"×4 input took ×{ratio:.1f} (n={n})"
