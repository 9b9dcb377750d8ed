"""What a process's start-up leaves for later: a Guard and a first clean check build only
what a clean message needs, and what they defer gives the same answers when it is built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from wxguard import Guard
from wxguard.families.content.lexicon import _Encoder
from wxguard.families.content.model import lexicon_for
from wxguard.families.content.trade import trade_model
from wxguard.text.folding import TABLE_SIZE

CLEAN = "各位家长好，明天上午九点在学校礼堂召开家长会，请准时参加。"

# Characters on both sides of the encoder table's end, and the alphabet's own.
_CHARS = (
    st.sampled_from(
        [
            "a",
            "b",
            "中",
            "文",
            "\ue000",
            chr(TABLE_SIZE - 1),
            chr(TABLE_SIZE),
            "\U000f0001",
            "\U0010ffff",
        ]
    )
    | st.characters()
)


@given(st.sets(_CHARS, min_size=1, max_size=6), st.text(_CHARS, max_size=30))
def test_encoding_is_one_pair_of_symbols_per_character(alphabet: set[str], text: str) -> None:
    """Past the table (astral private use, or an alphabet symbol there) as within it."""
    enc = _Encoder(alphabet)
    assert enc.encode(text) == "".join(enc.codes.get(c, enc.breaks) for c in text)


def test_a_clean_check_leaves_the_deferred_parts_unbuilt(tmp_path: Path) -> None:
    """Measured in a fresh process with a warm cache (compiling a lexicon spells its terms):
    the regex module, jieba, the public suffix list, the mask slots, the respelled trade
    banks and the pinyin spelling table wait for a message that needs them."""
    code = f"""
import json, sys
from wxguard import Guard
from wxguard.families.content.model import lexicon_for
from wxguard.families.content.trade import trade_model
from wxguard.text.sound import spell_table
guard = Guard()
guard.check({CLEAN!r})
model = trade_model(())
print(json.dumps({{
    "modules": sorted({{"regex", "jieba", "tldextract"}} & set(sys.modules)),
    "masks": lexicon_for(guard.config)._masks is not None,
    "respelled": "sound" in vars(model) or "joinable" in vars(model),
    "spelling": spell_table.cache_info().currsize > 0,
}}))
"""
    env = {**os.environ, "WXGUARD_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run fills the cache
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
    assert json.loads(out.stdout) == {
        "modules": [],
        "masks": False,
        "respelled": False,
        "spelling": False,
    }


def test_deferred_parts_still_find_what_needs_them() -> None:
    guard = Guard()
    assert "WX107" in {v.rule for v in guard.check("你真是个傻X").violations}
    assert lexicon_for(guard.config).masks
    assert guard.check("代开各类发票，联系微信").violations
    assert "sound" in vars(trade_model(()))


def test_the_command_checks_with_the_collector_on(tmp_path: Path) -> None:
    """``wxguard`` builds its Guard with the collector off (start-up makes lasting objects,
    no garbage) and turns it on, what start-up made frozen, before any message is checked."""
    code = """
import gc, json, sys
from wxguard import cli, guard
seen = []
real = guard.Guard.check
def check(self, *args, **kwargs):
    seen.append([gc.isenabled(), gc.get_freeze_count() > 0])
    return real(self, *args, **kwargs)
guard.Guard.check = check
sys.argv = ["wxguard", "check", "--jobs", "1", sys.argv[1]]
try:
    cli.run()
finally:
    print(json.dumps(seen), file=sys.stderr)
"""
    copy = tmp_path / "notice.txt"
    copy.write_text(f"{CLEAN}\n\n明天下午三点开会。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", code, str(copy)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stderr.strip().splitlines()[-1]) == [[True, True], [True, True]]


def test_an_empty_cache_builds_the_sound_tables_without_the_pinyin_package(
    tmp_path: Path,
) -> None:
    """pypinyin's package loads its phrase dictionary (45 MB) that wxguard never uses: the
    tables come from its character data alone, and read as the package reads it."""
    script = r"""
import json, sys
from wxguard import Guard
from wxguard.text import sound
Guard()
built = sound._readings.cache_info().currsize == 1
imported = "pypinyin" in sys.modules
from pypinyin.pinyin_dict import pinyin_dict
print(json.dumps([built, imported, sound._pinyin_dict() == pinyin_dict]))
"""
    env = {**os.environ, "WXGUARD_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert json.loads(out.stdout) == [True, False, True]
