from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Tests never write to the user's cache folder, nor make a cache key in the user's state folder.
os.environ.setdefault("WXGUARD_CACHE_DIR", tempfile.mkdtemp(prefix="wxguard-test-cache-"))
os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="wxguard-test-state-"))
# Output is compared byte for byte: colour only where a test turns it on.
os.environ.pop("NO_COLOR", None)
os.environ.pop("FORCE_COLOR", None)

from wxguard import Guard

from .clitools import Cli, make_cli
from .words import WORDS

# One hypothesis profile for the whole suite: no deadline (a first call may build tables).
settings.register_profile(
    "wx", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.load_profile("wx")


@pytest.fixture(scope="session")
def guard() -> Guard:
    return Guard(default_wordlists=False, words=WORDS, allow=["大麻烦"], select=["WX1"])


@pytest.fixture(scope="session")
def default_guard() -> Guard:
    return Guard()


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return make_cli(tmp_path, capsys, monkeypatch)
