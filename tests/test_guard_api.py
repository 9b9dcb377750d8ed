"""The public API contract: what the README and docs/usage.md promise a Python caller."""

from __future__ import annotations

import inspect
import json
import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

import wxguard
from wxguard import ConfigError, Guard, GuardConfig, Message, Report, Severity, Verdict, Violation


def test_public_names() -> None:
    for name in ("Guard", "Message", "Attachment", "Report", "Violation", "Severity", "Verdict"):
        assert hasattr(wxguard, name)
    assert Verdict.BLOCK.value == "block" and Severity.WARNING.value == "warning"


def test_violation_fields(guard: Guard) -> None:
    v = guard.check("出售冰毒").violations[0]
    assert isinstance(v, Violation)
    assert (v.rule, v.name, v.category, v.severity) == (
        "WX104",
        "drug-content",
        "drugs",
        Severity.ERROR,
    )
    assert (v.start, v.end, v.text, v.term) == (2, 4, "冰毒", "冰毒")
    assert v.techniques == () and v.confidence == 1.0
    assert v.message == "毒品敏感词「冰毒」"
    assert v.suggestion and v.consequence.startswith("消息被内容安全拦截（涉毒违法）")


def test_check_accepts_message(guard: Guard) -> None:
    report = guard.check(Message(text="出售冰毒", platform="dingtalk", industry="ecommerce"))
    assert report.verdict is Verdict.BLOCK and not report.ok


def test_check_rejects_other_types(guard: Guard) -> None:
    with pytest.raises(wxguard.WxguardError, match="takes a str or a Message, not int"):
        guard.check(42)  # type: ignore[arg-type]


def test_verdicts() -> None:
    def v(sev: str) -> dict[str, object]:
        return dict(
            rule="WX101",
            name="x",
            category="c",
            severity=sev,
            start=0,
            end=1,
            text="a",
            message="m",
            consequence="c",
        )

    assert Report(text="a").verdict is Verdict.PASS
    assert Report(text="a", violations=[v("info")]).verdict is Verdict.PASS
    assert Report(text="a", violations=[v("info"), v("warning")]).verdict is Verdict.REVIEW
    assert Report(text="a", violations=[v("warning"), v("error")]).verdict is Verdict.BLOCK


def test_report_round_trips_through_json(guard: Guard) -> None:
    report = guard.check("辦假證和冰毒")
    data = json.loads(report.model_dump_json())
    assert data["verdict"] == "block"
    assert [x["rule"] for x in data["violations"]] == ["WX106", "WX104"]
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_select_and_ignore() -> None:
    words = {"drugs": ["冰毒"], "fraud": ["办假证"]}
    text = "冰毒 办假证"
    assert [v.rule for v in Guard(default_wordlists=False, words=words).check(text).violations] == [
        "WX104",
        "WX106",
    ]
    assert [
        v.rule
        for v in Guard(default_wordlists=False, words=words, ignore=["WX104"])
        .check(text)
        .violations
    ] == ["WX106"]
    assert [
        v.rule
        for v in Guard(default_wordlists=False, words=words, select=["WX106"])
        .check(text)
        .violations
    ] == ["WX106"]
    # the more specific selector wins over a broader ignore
    g = Guard(default_wordlists=False, words=words, select=["WX104"], ignore=["WX1"])
    assert [v.rule for v in g.check(text).violations] == ["WX104"]
    assert Guard(default_wordlists=False, words=words, select=["WX2"]).check(text).violations == ()


def test_severity_override_changes_verdict() -> None:
    g = Guard(default_wordlists=False, words={"drugs": ["冰毒"]}, severity={"WX104": "warning"})
    report = g.check("冰毒")
    assert report.violations[0].severity is Severity.WARNING
    assert report.verdict is Verdict.REVIEW


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"select": ["WX999"]}, "select: unknown rule selector 'WX999'"),
        ({"ignore": ["XY1"]}, "unknown rule selector 'XY1'"),
        ({"platform": "qq"}, "platform"),
        ({"severity": {"WX999": "error"}}, "unknown rule code 'WX999'"),
        ({"severity": {"WX101": "fatal"}}, "severity.WX101"),
        ({"lang": "fr"}, "lang"),
        ({"allow": ["/([/"]}, "bad regular expression"),
        ({"select": "WX1"}, "expected a list of strings"),
    ],
)
def test_bad_settings_name_the_key(kwargs: dict[str, object], needle: str) -> None:
    with pytest.raises(wxguard.WxguardError) as err:
        Guard(default_wordlists=False, **kwargs)  # type: ignore[arg-type]
    assert needle in str(err.value)


def test_guard_is_immutable(guard: Guard) -> None:
    with pytest.raises(AttributeError, match="immutable"):
        guard.config = None  # type: ignore[misc]


def test_guard_pickles_to_an_equivalent_guard(guard: Guard) -> None:
    clone = pickle.loads(pickle.dumps(guard))
    assert clone.config == guard.config
    for text in ("辦假證", "路口交通", "banjiazheng"):
        assert clone.check(text) == guard.check(text)


def test_guard_is_thread_safe(guard: Guard) -> None:
    texts = ["辦假證", "路口交通", "办jia证", "出售冰 毒", "今天天气真好", "消毒品牌"] * 50
    serial = [guard.check(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        parallel = list(pool.map(guard.check, texts))
    assert parallel == serial


def test_check_many_keeps_order_in_process_and_with_workers(guard: Guard) -> None:
    texts = [f"第{i}条：" + ("冰毒" if i % 3 == 0 else "你好") for i in range(40)]
    expected = [guard.check(t) for t in texts]
    assert list(guard.check_many(texts)) == expected
    assert list(guard.check_many(iter(texts), workers=2, chunk_size=7)) == expected


def test_from_config(tmp_path: pytest.TempPathFactory) -> None:  # type: ignore[name-defined]
    from pathlib import Path

    base = Path(str(tmp_path))
    (base / "lists").mkdir()
    (base / "lists" / "brand.txt").write_text("# category: brand\n竞品甲\n", "utf-8")
    (base / "pyproject.toml").write_text(
        '[tool.wxguard]\ndefault-wordlists = false\nwordlists = ["lists/brand.txt"]\n'
        'select = ["WX1"]\nlang = "en"\n',
        "utf-8",
    )
    guard = Guard.from_config(base / "pyproject.toml")
    v = guard.check("竞品甲").violations[0]
    assert (v.rule, v.category) == ("WX108", "brand")
    assert v.message.startswith("term")


def test_config_unknown_key_names_key_and_file(tmp_path: pytest.TempPathFactory) -> None:  # type: ignore[name-defined]
    from pathlib import Path

    path = Path(str(tmp_path)) / "wxguard.toml"
    path.write_text('selct = ["WX1"]\n', "utf-8")
    with pytest.raises(ConfigError) as err:
        Guard.from_config(path)
    assert str(err.value).startswith(f"{path}:1: selct: unknown key")


def test_every_setting_is_a_typed_guard_keyword_with_the_config_default() -> None:
    """Guard(...) takes each GuardConfig field by name (no **kwargs), so editors and type
    checkers know every setting, and a keyword left out means the setting's default."""
    params = inspect.signature(Guard.__init__).parameters
    assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    keywords = {name for name, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert keywords == {*GuardConfig.model_fields, "config"}
    defaults = GuardConfig()
    for name in GuardConfig.model_fields:
        given = params[name].default
        if given is not None and not isinstance(given, tuple):
            assert getattr(defaults, name) == given, name
    assert Guard().config == defaults
