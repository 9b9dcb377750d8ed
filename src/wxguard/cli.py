"""The ``wxguard`` command: check copy files or stdin, list the rules.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
configuration or input errors (one line on stderr, no traceback unless ``--debug``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator, Sequence

from .catalog import catalog
from .errors import WxguardError
from .guard import Guard
from .models import Report, Severity
from .report.concise import concise_lines

_READABLE = (".txt",)


class _UsageError(WxguardError):
    pass


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wxguard", description="Lint Chinese messages before they are sent.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check text files (one message a line) or stdin")
    check.add_argument("paths", nargs="*", help="files to check; '-' or nothing reads stdin")
    check.add_argument("--output-format", choices=["concise", "json"], default="concise")
    check.add_argument("--select", type=_codes, default=None, help="comma-separated codes or prefixes")
    check.add_argument("--ignore", type=_codes, default=None)
    check.add_argument("--extend-select", type=_codes, default=None)
    check.add_argument("--config", type=Path, default=None, help="pyproject.toml or wxguard.toml")
    check.add_argument("--fail-on", choices=[s.value for s in Severity], default=None)
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--lang", choices=["zh", "en"], default=None)

    rules = sub.add_parser("rules", help="list the rule catalog")
    rules.add_argument("--output-format", choices=["table", "json"], default="table")
    return parser


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _guard(args: argparse.Namespace) -> Guard:
    if args.config is not None:
        base = Guard.from_config(args.config).config
    else:
        from .config import GuardConfig

        base = GuardConfig()
    updates: dict[str, object] = {}
    if args.select is not None:
        updates["select"] = tuple(args.select)
    if args.ignore is not None:
        updates["ignore"] = tuple(args.ignore)
    if args.extend_select is not None:
        updates["extend_select"] = tuple(args.extend_select)
    if args.fail_on is not None:
        updates["fail_on"] = args.fail_on
    if args.lang is not None:
        updates["lang"] = args.lang
    from .config import build_config

    return Guard(config=build_config({**base.model_dump(), **updates}))


def _read(path: str) -> tuple[str, str]:
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "-"
    else:
        p = Path(path)
        if p.is_dir():
            raise _UsageError(f"{path}: is a directory")
        if p.suffix.lower() not in _READABLE:
            raise _UsageError(f"{path}: cannot read {p.suffix or 'extensionless'} files (wxguard reads .txt)")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise _UsageError(f"{path}: {exc.strerror or exc}") from None
        name = path
    if b"\x00" in data:
        raise _UsageError(f"{name}: binary file (contains NUL bytes)")
    try:
        return name, data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _UsageError(f"{name}:{line}: not valid UTF-8") from None


def _messages(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line.strip():
            yield number, line


def _check(args: argparse.Namespace) -> int:
    guard = _guard(args)
    fail_rank = guard.config.fail_on.rank
    failed = False
    paths = args.paths or ["-"]
    for path in paths:
        name, text = _read(path)
        for number, line in _messages(text):
            report: Report = guard.check(line)
            if any(v.severity.rank >= fail_rank for v in report.violations):
                failed = True
            if args.output_format == "json":
                if report.violations:
                    payload = {"path": name, "line": number, **report.model_dump(mode="json")}
                    print(json.dumps(payload, ensure_ascii=False))
            else:
                for out in concise_lines(name, report, line_offset=number - 1):
                    print(out)
    return 1 if failed and not args.exit_zero else 0


def _rules(args: argparse.Namespace) -> int:
    if args.output_format == "json":
        print(json.dumps([r.model_dump(mode="json", by_alias=True) for r in catalog().rules], ensure_ascii=False, indent=2))
        return 0
    for rule in catalog().rules:
        print(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<28}  {rule.summary_zh} / {rule.summary_en}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        return _rules(args)
    except WxguardError as exc:
        if args.debug:
            raise
        print(f"wxguard: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
