"""The ``wxguard`` command: check copy files or stdin, list and explain the rules.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
configuration or input errors (one line on stderr, no traceback unless ``--debug``).
Every input is read and every configuration resolved before anything is checked, so a bad
input stops the run before any output.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, NoReturn, Sequence, TextIO

from ._version import __version__
from .catalog import catalog
from .errors import WxguardError
from .models import Report, Severity
from .report import concise, full, github, sarif
from .report import json as json_report
from .report.catalog import explain, rules_json, rules_table
from .sources import FileSettings, Kind, Overrides, Project, check_files, decode, kind_of, read_source

FORMATS: dict[str, Callable[[Sequence[Report]], str]] = {
    "concise": concise.render,
    "full": full.render,
    "json": json_report.render,
    "json-lines": json_report.render_lines,
    "sarif": sarif.render,
    "github": github.render,
}


class UsageError(WxguardError):
    """A bad command line."""


class _Parser(argparse.ArgumentParser):
    """Usage errors become one line on stderr and exit code 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected a number of processes (0 for one per CPU), got {value!r}")
    return jobs


def _build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks for errors")
    parser = _Parser(prog="wxguard", description="Lint Chinese messages before they are sent.", parents=[common])
    parser.add_argument("--version", action="version", version=f"wxguard {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", parents=[common], help="check .txt (a message a line) and .md (prose) files, or stdin")
    check.add_argument("paths", nargs="*", help="files to check; '-' or nothing reads stdin")
    check.add_argument("--output-format", choices=list(FORMATS), default="concise")
    check.add_argument("--input-format", "--format", dest="input_format", choices=["txt", "md"], default=None,
                       help="read every input as this kind, whatever its extension")
    check.add_argument("--stdin-filename", default=None,
                       help="name for stdin in the output; its extension, folder and per-file-ignores apply")
    check.add_argument("--select", type=_codes, default=None, help="comma-separated codes or prefixes (replaces the file's)")
    check.add_argument("--extend-select", type=_codes, default=None, help="codes or prefixes to add")
    check.add_argument("--ignore", type=_codes, default=None, help="codes or prefixes to switch off")
    check.add_argument("--config", type=Path, default=None, help="pyproject.toml or wxguard.toml (no discovery)")
    check.add_argument("--fail-on", choices=[s.value for s in Severity], default=None)
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true", help="count findings per rule instead of listing them")
    check.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                       help="worker processes for large inputs (0: one per CPU; default 1: this process)")
    check.add_argument("--lang", choices=["zh", "en"], default=None)
    check.add_argument("--platform", choices=["wechat", "wecom", "dingtalk"], default=None)

    rules = sub.add_parser("rules", parents=[common], help="list the rule catalog")
    rules.add_argument("--output-format", choices=["table", "json"], default="table")

    explain_ = sub.add_parser("explain", parents=[common], help="explain one rule, with examples")
    explain_.add_argument("rule", help="a code (WX301) or a name (share-for-reward)")
    return parser


def _selectors(values: list[str] | None, option: str) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(catalog().check_selector(v, option) for v in values)


def _overrides(args: argparse.Namespace) -> Overrides:
    return Overrides(
        select=_selectors(args.select, "--select"),
        extend_select=_selectors(args.extend_select, "--extend-select") or (),
        ignore=_selectors(args.ignore, "--ignore") or (),
        fail_on=args.fail_on,
        lang=args.lang,
        platform=args.platform,
    )


def _inputs(args: argparse.Namespace, project: Project, stdin: TextIO) -> list[tuple[str, str, Kind, FileSettings]]:
    """(name, text, kind, settings) for every input, or the first reason one cannot be read."""
    out = []
    for name in args.paths or ["-"]:
        if name == "-":
            shown = args.stdin_filename or "-"
            kind = kind_of(args.stdin_filename, args.input_format) if args.stdin_filename else (args.input_format or "txt")
            text = decode(stdin.buffer.read(), shown)
            file = Path(args.stdin_filename) if args.stdin_filename else None
        else:
            shown = name
            kind, text = read_source(name, args.input_format)
            file = Path(name)
        out.append((shown, text, kind, project.settings(file)))
    return out


def _statistics(reports: Sequence[Report], as_json: bool) -> str:
    counts = Counter(v.rule for r in reports for v in r.violations)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    by_code = catalog().by_code
    if as_json:
        rows = [{"code": code, "name": by_code[code].name, "count": n} for code, n in ordered]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{n}\t{code}\t{by_code[code].name}\n" for code, n in ordered)


def _check(args: argparse.Namespace, stdout: TextIO, stdin: TextIO) -> int:
    project = Project(_overrides(args), args.config)
    failed = False
    found: list[Report] = []
    jobs = args.jobs or os.cpu_count() or 1
    for settings, report in check_files(_inputs(args, project, stdin), jobs):
        if report.violations:
            found.append(report)
            failed = failed or any(v.severity.rank >= settings.fail_on.rank for v in report.violations)
    if args.statistics:
        stdout.write(_statistics(found, args.output_format in ("json", "json-lines")))
    else:
        stdout.write(FORMATS[args.output_format](found))
    return 1 if failed and not args.exit_zero else 0


def _explain(args: argparse.Namespace, stdout: TextIO) -> int:
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
            return _check(args, stdout, sys.stdin)
        if args.command == "explain":
            return _explain(args, stdout)
        stdout.write(rules_json() if args.output_format == "json" else rules_table())
        return 0
    except WxguardError as exc:
        if debug:
            raise
        print(f"wxguard: error: {exc}", file=stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader left (`| head`): silence the flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        return 1
    except Exception as exc:  # a bug: still one line, the traceback behind --debug
        if debug:
            raise
        print(f"wxguard: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
