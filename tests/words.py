"""A small lexicon of our own, so disguise tests do not depend on the shipped lists."""

from __future__ import annotations

from pathlib import Path

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

# Word lists that use every construct of the syntax (tiers, companions, gaps, masks).
PATTERN_LISTS = sorted((Path(__file__).parent / "data" / "patterns").glob("*.txt"))
