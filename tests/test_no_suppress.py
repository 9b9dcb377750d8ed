"""A compliance gate that suppressions cannot open: ``no-suppress`` (setting) and
``--no-suppress`` (command line) keep the listed rules on whatever a discovered
configuration's ``select``, ``ignore``, ``per-file-ignores`` or ``severity`` say, and whatever
an inline ``wxguard: ignore`` or ``wxguard-disable`` says; the human formats count the
findings that suppressions hid."""

from __future__ import annotations

import re

import pytest

from wxguard import ConfigError, Guard, Severity, Verdict

from .clitools import Cli

OFFER = "出售冰毒，量大从优"
WORDS = 'default-wordlists = false\nwords = { drugs = ["冰毒", "大麻"], custom = ["稳赚"] }\n'


def test_ignore_cannot_switch_off_a_rule_the_guard_may_not_suppress() -> None:
    assert Guard(ignore=["WX"]).check(OFFER).verdict is Verdict.PASS
    guard = Guard(ignore=["WX"], no_suppress=["WX1"])
    assert guard.check(OFFER).verdict is Verdict.BLOCK
    assert {c[:3] for c in guard.enabled_rules} == {"WX1"}
    assert Guard(select=["WX4"], no_suppress=["WX104"]).check(OFFER).verdict is Verdict.BLOCK


def test_a_lower_severity_cannot_soften_a_rule_the_guard_may_not_suppress() -> None:
    softened = Guard(severity={"WX104": "info"})
    assert softened.check(OFFER).verdict is Verdict.PASS
    gate = Guard(severity={"WX104": "info", "WX107": "error"}, no_suppress=["WX1"])
    assert [v.severity for v in gate.check(OFFER).violations if v.rule == "WX104"] == [
        Severity.ERROR
    ]
    assert gate.config.severity_of("WX107") is Severity.ERROR  # raising stays allowed


def test_an_unknown_selector_is_named_with_its_key() -> None:
    with pytest.raises(ConfigError, match=r"no-suppress.*WX9"):
        Guard(no_suppress=["WX9"])


def test_an_inline_ignore_hides_the_finding_and_the_summary_says_so(cli: Cli) -> None:
    cli.write("copy.txt", "冰毒 wxguard: ignore[WX104]\n")
    result = cli("check", "copy.txt")
    assert result.code == 0 and result.findings == []
    assert result.summary is not None and "1 finding suppressed" in result.summary
    assert "All checks passed" not in result.out


def test_an_inline_ignore_without_codes_hides_no_error(cli: Cli) -> None:
    """A blanket comment let a drug sale through a compliance gate (trial s16): an error is
    accepted only by naming its rule, and the comment is told so."""
    cli.write("copy.txt", "冰毒 wxguard: ignore\n")
    result = cli("check", "copy.txt")
    assert result.code == 1
    assert "WX104 [error]" in result.out
    assert "WX001 [warning] 不带规则代码的抑制注释不隐藏错误级问题：WX104" in result.out


@pytest.mark.parametrize("fmt", ["concise", "full"])
def test_no_suppress_on_the_command_line_refuses_inline_comments(cli: Cli, fmt: str) -> None:
    cli.write("copy.txt", "冰毒 wxguard: ignore\n大麻 wxguard: ignore[WX104]\n")
    cli.write("notes.md", "<!-- wxguard-disable -->\n冰毒\n")
    result = cli("check", "copy.txt", "notes.md", "--no-suppress", "WX1", "--output-format", fmt)
    assert result.code == 1
    assert len(re.findall(r"^\S+:\d+:\d+: WX104", result.out, re.M)) == 3
    assert "WX001" not in result.out  # the refused comments are not called unused
    assert result.summary is not None and "suppressed" not in result.summary


def test_no_suppress_refuses_the_ignores_of_a_discovered_config(cli: Cli) -> None:
    cli.write("team/wxguard.toml", WORDS + 'ignore = ["WX"]\n')
    cli.write("team/copy.txt", "冰毒\n")
    assert cli("check", "team/copy.txt").code == 0
    gated = cli("check", "team/copy.txt", "--no-suppress", "WX1,WX8")
    assert gated.code == 1 and "WX104" in gated.out


def test_no_suppress_in_the_config_refuses_per_file_ignores_and_comments(cli: Cli) -> None:
    cli.write(
        "wxguard.toml",
        WORDS + 'no-suppress = ["WX1"]\n[per-file-ignores]\n"*.txt" = ["WX1"]\n',
    )
    cli.write("copy.txt", "冰毒 wxguard: ignore\n")
    result = cli("check", "copy.txt")
    assert result.code == 1 and "WX104" in result.out
    cli.write("wxguard.toml", WORDS + '[per-file-ignores]\n"*.txt" = ["WX1"]\n')
    hidden = cli("check", "copy.txt")
    assert hidden.code == 0
    assert hidden.summary is not None and "suppressed" in hidden.summary


def test_a_bad_no_suppress_code_on_the_command_line_is_an_error(cli: Cli) -> None:
    cli.write("copy.txt", "冰毒\n")
    result = cli("check", "copy.txt", "--no-suppress", "XX1")
    assert result.code == 2 and "--no-suppress: unknown rule selector 'XX1'" in result.err


def test_the_option_is_in_the_help(cli: Cli) -> None:
    with pytest.raises(SystemExit):
        cli("check", "--help")
    assert "--no-suppress" in cli.capsys.readouterr().out
