from __future__ import annotations

import os
import tempfile

import pytest

# Tests never write to the user's cache folder.
os.environ.setdefault("WXGUARD_CACHE_DIR", tempfile.mkdtemp(prefix="wxguard-test-cache-"))
# Output is compared byte for byte: colour only where a test turns it on.
os.environ.pop("NO_COLOR", None)
os.environ.pop("FORCE_COLOR", None)

from wxguard import Guard

# A small lexicon of our own, so disguise tests do not depend on the shipped lists.
WORDS = {
    "fraud": ["办假证", "套路贷", "代开发票"],
    "drugs": ["毒品", "冰毒", "大麻", "海洛因"],
    "porn": ["口交", "sex", "sexy", "18禁", "一夜情"],
    "abuse": ["傻逼", "fuck"],
    "politics": ["法轮大法"],
    "violence": ["强奸犯"],
    "gambling": ["网络赌博", "百家乐"],
    "competitors": ["竞品甲"],
}


@pytest.fixture(scope="session")
def guard() -> Guard:
    return Guard(default_wordlists=False, words=WORDS, allow=["大麻烦"], select=["WX1"])


@pytest.fixture(scope="session")
def default_guard() -> Guard:
    return Guard()
