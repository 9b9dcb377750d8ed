"""The ``wxguard`` command: check copy files, folders or stdin, list and explain the rules.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
configuration or input errors (one line on stderr each, no traceback unless ``--debug``).
As in ruff, a path that cannot be read is one error line and the others are still checked
and reported; the exit code is 2 at the end. A usage or configuration error stops the run.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from importlib import import_module
from pathlib import Path
from typing import NoReturn, TextIO

from ._version import __version__
from .catalog import catalog
from .errors import WxguardError
from .models import Severity
from .report import Report
from .report.terminal import inert, summary, use_colour
from .sources import (
    FileSettings,
    InputError,
    Kind,
    Overrides,
    Project,
    check_files,
    decode,
    kind_of,
    read_source,
)
from .sources.files import walk

# Formats for people: colour when the terminal takes it, and a closing summary line. Each
# format's module of ``wxguard.report`` loads when it is chosen: all of them took 7 ms of
# every run.
HUMAN = {"concise": "render", "full": "render"}
# Formats written exactly, nothing else on stdout: for programs, and html for a browser.
MACHINE = {
    "json": ("json", "render"),
    "json-lines": ("json", "render_lines"),
    "sarif": ("sarif", "render"),
    "github": ("github", "render"),
}
# Formats whose stdout a program parses as a whole (code scanning, workflow commands): with
# --statistics they stay whole, and the counts go to stderr, where a CI log shows them.
READ_BY_PROGRAMS = ("sarif", "github")
# The formats --all-messages lists every message in (SARIF and github list results alone).
_EVERY = ("json", "json-lines")
# html also counts the messages that passed, which the reports with findings do not hold.
FORMATS = [*HUMAN, *MACHINE, "html"]
INPUT_FORMATS = ["txt", "md"]


class UsageError(WxguardError):
    """A bad command line."""


class _Parser(argparse.ArgumentParser):
    """Usage errors become one line on stderr and exit code 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _output_format(value: str) -> str:
    """As in ruff, ``--format`` is the output format; an input kind given there is pointed
    to ``--input-format`` rather than refused with a bare list of output formats."""
    if value in INPUT_FORMATS:
        raise argparse.ArgumentTypeError(
            f"{value!r} is an input format: --input-format {value} reads input as {value}; "
            f"--format and --output-format choose the output ({', '.join(FORMATS)})"
        )
    return value


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(
            f"expected a number of processes (0 for one per CPU), got {value!r}"
        )
    return jobs


_EXIT_CODES = (
    "exit codes: 0 nothing at or above --fail-on (default error); 1 findings at or above it; "
    "2 usage, configuration or input errors (one line each on stderr; a path that cannot be "
    "read does not stop the others)"
)


def _build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks for errors"
    )
    parser = _Parser(
        prog="wxguard",
        description="Lint Chinese messages before they are sent.",
        epilog=_EXIT_CODES,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"wxguard {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser(
        "check",
        parents=[common],
        help="check .txt (a message a line) and .md (prose) files, folders or stdin",
        description="Check copy files: .txt is a message a line, .md (.markdown) one message, its prose.",
        epilog=_EXIT_CODES,
    )
    check.add_argument(
        "paths",
        nargs="*",
        help="files and folders to check (folders recursively, for .md, .markdown and .txt files); "
        "'-' reads stdin; nothing checks the current folder",
    )
    check.add_argument(
        "--output-format",
        "--format",
        dest="output_format",
        type=_output_format,
        choices=FORMATS,
        default="concise",
        help="concise (default) and full are for people, with colour and a summary line; "
        "json, json-lines, sarif and github are for programs; html is a standalone page "
        "(> report.html)",
    )
    check.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default=None,
        help="read every input as this kind, whatever its extension",
    )
    check.add_argument(
        "--stdin-filename",
        default=None,
        help="name for stdin in the output (reads stdin when no path is given); "
        "its extension, folder and per-file-ignores apply",
    )
    check.add_argument(
        "--select",
        action="extend",
        type=_codes,
        default=None,
        metavar="CODES",
        help="comma-separated codes or prefixes to check (replaces the file's; repeatable)",
    )
    check.add_argument(
        "--extend-select",
        action="extend",
        type=_codes,
        default=None,
        metavar="CODES",
        help="codes or prefixes to add (repeatable)",
    )
    check.add_argument(
        "--ignore",
        action="extend",
        type=_codes,
        default=None,
        metavar="CODES",
        help="codes or prefixes to switch off (repeatable)",
    )
    check.add_argument(
        "--no-suppress",
        action="extend",
        type=_codes,
        default=None,
        metavar="CODES",
        help="codes or prefixes that no inline suppression comment and no ignore, "
        "per-file-ignores or lower severity in a configuration file can switch off "
        "(a compliance gate: --no-suppress WX1,WX8; repeatable)",
    )
    check.add_argument(
        "--exclude",
        action="extend",
        type=_codes,
        default=None,
        metavar="GLOBS",
        help="files and folders to skip in folders (replaces the file's and the default list)",
    )
    check.add_argument(
        "--extend-exclude",
        action="extend",
        type=_codes,
        default=None,
        metavar="GLOBS",
        help="files and folders to skip in folders, in addition (repeatable)",
    )
    check.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the exclusions to files named on the command line too (the pre-commit hook does)",
    )
    check.add_argument(
        "--config", type=Path, default=None, help="pyproject.toml or wxguard.toml (no discovery)"
    )
    check.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default=None,
        help="the lowest severity that makes the exit code 1 (default: the file's, else error)",
    )
    check.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        default=Severity.INFO.value,
        help="the lowest severity shown, in every format: findings below it are left out, "
        "as --ignore leaves its codes out (warning hides the info notes of messages that "
        "pass; default info)",
    )
    check.add_argument(
        "--all-messages",
        action="store_true",
        help="list every message checked in json, json-lines and html, those that pass too "
        "(an audit log: a verdict for each); by default they list the messages with findings",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="count findings per rule instead of listing them (JSON with json, a page with "
        "html); with sarif and github, which a program reads, the findings stay on stdout and "
        "the counts go to stderr",
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="no summary line after the findings"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes for large inputs (0: one per CPU; default 1: this process)",
    )
    check.add_argument(
        "--lang",
        choices=["zh", "en"],
        default=None,
        help="language of messages, suggestions and consequences (default: the file's, else zh)",
    )
    check.add_argument(
        "--platform",
        choices=["wechat", "wecom", "dingtalk"],
        default=None,
        help="the platform whose limits and link policy apply (default: the file's, else wechat)",
    )

    rules = sub.add_parser("rules", parents=[common], help="list the rule catalog")
    rules.add_argument(
        "--output-format",
        "--format",
        dest="output_format",
        choices=["table", "json"],
        default="table",
    )

    explain_ = sub.add_parser("explain", parents=[common], help="explain one rule, with examples")
    explain_.add_argument("rule", help="a code (WX301) or a name (share-for-reward)")
    return parser


def _selectors(values: list[str] | None, option: str) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(catalog().check_selector(v, option) for v in values)


def _patterns(values: list[str] | None) -> tuple[str, ...] | None:
    """Exclude patterns from the command line: those with a folder are taken from here."""
    if values is None:
        return None
    return tuple(
        str(Path.cwd() / v.removeprefix("./")) if "/" in v.rstrip("/") else v for v in values
    )


def _overrides(args: argparse.Namespace) -> Overrides:
    return Overrides(
        select=_selectors(args.select, "--select"),
        extend_select=_selectors(args.extend_select, "--extend-select") or (),
        ignore=_selectors(args.ignore, "--ignore") or (),
        no_suppress=_selectors(args.no_suppress, "--no-suppress") or (),
        fail_on=args.fail_on,
        lang=args.lang,
        platform=args.platform,
        exclude=_patterns(args.exclude),
        extend_exclude=_patterns(args.extend_exclude) or (),
    )


Input = tuple[str, str, Kind, FileSettings]


class _Inputs:
    """Every input to check, in command-line order, folders walked. A path that cannot be
    read is reported on stderr at once and counted; the others go on."""

    def __init__(
        self, args: argparse.Namespace, project: Project, stdin: TextIO, stderr: TextIO
    ) -> None:
        self.args, self.project, self.stdin, self.stderr = args, project, stdin, stderr
        self.failed = 0
        self.files = 0
        self.seen: set[Path] = set()

    def fail(self, exc: InputError) -> None:
        self.failed += 1
        print(f"wxguard: error: {inert(str(exc))}", file=self.stderr)

    def __iter__(self) -> Iterator[Input]:
        args = self.args
        for name in args.paths or (["-"] if args.stdin_filename else ["."]):
            try:
                if name == "-":
                    yield self._stdin()
                elif Path(name).is_dir():
                    yield from self._folder(name)
                else:
                    found = self._file(name, Path(name), explicit=True)
                    if found is not None:
                        yield found
            except InputError as exc:
                self.fail(exc)

    def _stdin(self) -> Input:
        args = self.args
        shown = args.stdin_filename or "-"
        kind = (
            kind_of(args.stdin_filename, args.input_format)
            if args.stdin_filename
            else (args.input_format or "txt")
        )
        text = decode(self.stdin.buffer.read(), shown)
        self.files += 1
        return (
            shown,
            text,
            kind,
            self._settings(Path(args.stdin_filename) if args.stdin_filename else None),
        )

    def _folder(self, name: str) -> Iterator[Input]:
        for item in walk(Path(name), name, self.project.exclusion):
            if isinstance(item, InputError):
                self.fail(item)
                continue
            try:
                found = self._file(item[0], item[1], explicit=False)
            except InputError as exc:
                self.fail(exc)
                continue
            if found is not None:
                yield found

    def _file(self, shown: str, path: Path, explicit: bool) -> Input | None:
        resolved = path.resolve()
        if resolved in self.seen:
            return None
        self.seen.add(resolved)
        if (
            explicit
            and self.args.force_exclude
            and self.project.exclusion(resolved.parent).excludes_within(resolved)
        ):
            return None
        kind, text = read_source(shown, self.args.input_format)
        self.files += 1
        return shown, text, kind, self._settings(path)

    def _settings(self, path: Path | None) -> FileSettings:
        settings = self.project.settings(path)
        _started()  # a Guard is built: before any message is checked or a worker forked
        return settings


def _statistics(reports: Sequence[Report], output_format: str, checked: int = 0) -> str:
    """Findings per rule, most first: JSON for the JSON formats, a page for html (the page
    the format promises, not a text table a browser would show as one line, with the
    messages counted as the report page counts them: ``checked`` in all), else text."""
    counts = Counter(v.rule for r in reports for v in r.violations)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    by_code = catalog().by_code
    if output_format in ("json", "json-lines"):
        rows = [{"code": code, "name": by_code[code].name, "count": n} for code, n in ordered]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if output_format == "html":
        from .report import html

        return html.statistics_page(ordered, reports, checked)
    return "".join(f"{n}\t{code}\t{by_code[code].name}\n" for code, n in ordered)


def _piped(stdin: TextIO) -> bool:
    """Whether stdin is a pipe or a file: text sent to a check that reads folders instead.
    A terminal and /dev/null (CI, cron, pre-commit) are not, so those stay quiet."""
    try:
        mode = os.fstat(stdin.fileno()).st_mode
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def _check(args: argparse.Namespace, stdout: TextIO, stdin: TextIO, stderr: TextIO) -> int:
    project = Project(_overrides(args), args.config)
    inputs = _Inputs(args, project, stdin, stderr)
    failed = False
    found: list[Report] = []
    listed: list[Report] = []  # --all-messages: every report, for json, json-lines and html
    checked = suppressed = held = unshown = 0
    jobs = args.jobs or os.cpu_count() or 1
    if not args.paths and not args.stdin_filename and _piped(stdin):
        print(
            "wxguard: note: no PATH given, so the current folder is checked and stdin is not "
            "read; `wxguard check -` checks stdin",
            file=stderr,
        )
    least = Severity(args.min_severity)
    for settings, report in check_files(inputs, jobs):
        checked += 1
        if least is not Severity.INFO and report.violations:
            # the warnings left out still make their message's verdict (the summary's counts)
            unshown += sum(
                1
                for v in report.violations
                if v.severity is Severity.WARNING and v.severity.rank < least.rank
            )
            kept = _at_least(report, least)
            if not kept.violations and not report.ok:
                held += 1
            report = kept
        suppressed += report.suppressed
        if args.all_messages:
            listed.append(report)
        if report.violations:
            found.append(report)
            failed = failed or any(
                v.severity.rank >= settings.fail_on.rank for v in report.violations
            )
    if inputs.files == 0 and inputs.failed == 0:
        print(
            "wxguard: warning: no .md, .markdown or .txt files found under the given paths",
            file=stderr,
        )
    elif checked == 0 and inputs.failed == 0:
        print("wxguard: warning: the input holds no message (empty or blank)", file=stderr)
    if args.statistics and args.output_format in READ_BY_PROGRAMS:
        stderr.write(_statistics(found, "concise"))
        stdout.write(_machine(args.output_format)(found))
    elif args.statistics:
        stdout.write(_statistics(found, args.output_format, checked))
    elif args.output_format in HUMAN:
        colour = use_colour(stdout)
        stdout.write(_human(args.output_format)(found, colour))
        if not args.quiet:
            stdout.write(
                ("\n" if args.output_format == "full" and found else "")
                + summary(found, inputs.failed, colour, suppressed, checked, held, unshown)
            )
    elif args.output_format == "html":
        from .report import html

        stdout.write(html.page(listed if args.all_messages else found, checked))
    else:
        shown = listed if args.all_messages and args.output_format in _EVERY else found
        stdout.write(_machine(args.output_format)(shown))
    if inputs.failed:
        return 2
    return 1 if failed and not args.exit_zero else 0


def _at_least(report: Report, least: Severity) -> Report:
    """The report without its findings below ``least`` (``--min-severity``), its verdict
    that of the findings kept."""
    kept = [v for v in report.violations if v.severity.rank >= least.rank]
    if len(kept) == len(report.violations):
        return report
    return Report(
        text=report.text,
        violations=tuple(kept),
        path=report.path,
        line=report.line,
        suppressed=report.suppressed,
    )


def _human(output_format: str) -> Callable[[Sequence[Report], bool], str]:
    render: Callable[[Sequence[Report], bool], str] = getattr(
        import_module(f"{__package__}.report.{output_format}"), HUMAN[output_format]
    )
    return render


def _machine(output_format: str) -> Callable[[Sequence[Report]], str]:
    module, name = MACHINE[output_format]
    render: Callable[[Sequence[Report]], str] = getattr(
        import_module(f"{__package__}.report.{module}"), name
    )
    return render


def _explain(args: argparse.Namespace, stdout: TextIO) -> int:
    from .report.catalog import explain

    try:
        rule = catalog().get(args.rule)
    except KeyError:
        raise UsageError(f"unknown rule {args.rule!r} (see `wxguard rules`)") from None
    stdout.write(explain(rule))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    stdout, stderr = sys.stdout, sys.stderr
    for stream in (stdout, stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    try:
        args = _build_parser().parse_args(argv)
        if args.command == "check":
            return _check(args, stdout, sys.stdin, stderr)
        if args.command == "explain":
            return _explain(args, stdout)
        from .report.catalog import rules_json, rules_table

        stdout.write(rules_json() if args.output_format == "json" else rules_table())
        return 0
    except WxguardError as exc:
        if debug:
            raise
        print(f"wxguard: error: {inert(str(exc))}", file=stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader left (`| head`): silence the flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        return 1
    except Exception as exc:  # a bug: still one line, the traceback behind --debug
        if debug:
            raise
        print(
            f"wxguard: internal error: {type(exc).__name__}: {inert(str(exc))} (run with --debug for the traceback)",
            file=stderr,
        )
        return 2


def run() -> NoReturn:
    """The ``wxguard`` command: ``main`` on the process's arguments, then exit. Start-up makes
    objects that last and little garbage, so the collector waits until a Guard is built
    (``_started``); the collections that walked the Guard's objects as it was built cost
    17 ms. Before exit it is frozen, so the interpreter's shutdown does not walk them
    again and again as it clears the modules (~40 ms of a one-line check; the memory goes
    back to the system with the process)."""
    global _collect_when_started
    if gc.isenabled():
        gc.disable()
        _collect_when_started = True
    code = main()
    gc.freeze()
    sys.exit(code)


# Set by ``run`` when it turned the collector off for the start-up.
_collect_when_started = False


def _started() -> None:
    """A Guard is built: what start-up made lasts (the Guard, its tables), so it is moved
    out of the collector's way for good, and the collector runs from here on."""
    global _collect_when_started
    if _collect_when_started:
        _collect_when_started = False
        gc.freeze()
        gc.enable()


if __name__ == "__main__":
    run()
