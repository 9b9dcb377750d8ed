"""Compiled models are shared while their data files are unchanged and rebuilt when they change."""

from __future__ import annotations

import os
from pathlib import Path

from wxguard import Guard


def test_an_edited_phrase_file_is_read_again_by_the_next_guard(tmp_path: Path) -> None:
    phrases = tmp_path / "phrases.toml"
    phrases.write_text('[advertising]\nabsolute = ["宇宙无敌"]\n', "utf-8")
    first = Guard(select=["WX4"], phrases=[phrases])
    text = "全场包邮，原价199现价99，宇宙第一好用，点击下单"
    assert "宇宙第一" not in {v.text for v in first.check(text).violations}

    phrases.write_text('[advertising]\nabsolute = ["宇宙第一"]\n', "utf-8")
    stat = phrases.stat()
    os.utime(phrases, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = Guard(select=["WX4"], phrases=[phrases])
    assert "宇宙第一" in {v.text for v in second.check(text).violations}
    assert "宇宙第一" not in {
        v.text for v in first.check(text).violations
    }  # a built Guard keeps its model


def test_guards_with_the_same_files_share_one_model(tmp_path: Path) -> None:
    phrases = tmp_path / "phrases.toml"
    phrases.write_text('[inducement]\nreward = ["积分好礼"]\n', "utf-8")
    one, two = Guard(select=["WX3"], phrases=[phrases]), Guard(select=["WX3"], phrases=[phrases])
    assert one._checkers[0][0].model is two._checkers[0][0].model  # type: ignore[attr-defined]
