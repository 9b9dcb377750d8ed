"""The public surface: ``wxguard.__all__`` is sorted and is exactly the package's public names,
and ``import wxguard`` loads only what a first check needs."""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import wxguard


def test_all_is_sorted_and_unique() -> None:
    assert wxguard.__all__ == sorted(set(wxguard.__all__))


def test_every_exported_name_resolves_to_wxguard_code() -> None:
    for name in wxguard.__all__:
        value = getattr(wxguard, name)
        if name != "__version__":
            assert value.__module__.startswith("wxguard."), name


def test_every_public_name_is_exported() -> None:
    for name in wxguard.__all__:
        getattr(wxguard, name)  # lazy names too
    public = {
        name
        for name, value in vars(wxguard).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)
    }
    assert public == set(wxguard.__all__) - {"__version__"}
    assert set(wxguard.__all__) <= set(dir(wxguard))


def test_an_unknown_name_is_an_attribute_error() -> None:
    assert not hasattr(wxguard, "Gaurd")


def test_import_wxguard_leaves_the_optional_parts_unloaded() -> None:
    """Send logs (sqlite3), the WX4 model, ICP registries, redaction and the ``regex`` module
    load on first use."""
    code = "import sys, wxguard; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "wxguard.guard" in loaded
    lazy = {
        "regex",  # allow regexes and emoji clusters only
        "sqlite3",
        "wxguard.families.cadence.sendlog",
        "wxguard.families.advertising.model",
        "wxguard.families.links.icp",
        "wxguard.families.persons.redact",
        "wxguard.report.html",
        "pandas",
    }
    assert not lazy & loaded


def test_a_guard_loads_the_public_suffix_list_only_for_a_link() -> None:
    """Splitting hosts needs tldextract (and requests, which it imports): a third of a
    Guard's construction, so it waits for a message that holds a link."""
    code = (
        "import sys, wxguard; g = wxguard.Guard(); g.check('今晚八点直播')\n"
        "print('tldextract' in sys.modules)\n"
        "g.check('登录 wx.qq.com.login-verify.top 领奖')\n"
        "print('tldextract' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True"]
