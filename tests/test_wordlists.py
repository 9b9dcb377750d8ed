"""Word lists: the shipped files load, user files work, and bad lines name file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from wxguard import Guard, WordListError, WxguardError
from wxguard.families.content.wordlists import builtin_categories, bundled_wordlists, read_wordlist
from wxguard.resources import wordlists_dir


def test_shipped_lists_cover_every_builtin_category_and_name_their_sources() -> None:
    base = wordlists_dir()
    names = {entry.name for entry in base.iterdir()}
    for category in builtin_categories():
        assert f"{category}.txt" in names
    assert "allow.txt" in names
    for entry in base.iterdir():
        if entry.name.endswith(".txt"):
            head = entry.read_text("utf-8").split("\n", 30)
            assert any(line.startswith("# category:") for line in head), entry.name
            assert any(
                line.lower().startswith("# sources:") or line.lower().startswith("# source:")
                for line in head
            ), entry.name


def test_shipped_lists_parse_and_have_no_single_character_terms() -> None:
    deny, allow = bundled_wordlists()
    assert len(deny) > 100 and len(allow) > 10
    assert {t.category for t in deny} == set(builtin_categories())


def test_user_wordlist_file_with_header(tmp_path: Path) -> None:
    path = tmp_path / "brand.txt"
    path.write_text(
        "# category: competitors\n# source: our sales team\n竞品甲\n竞品乙  # inline comment\n",
        "utf-8",
    )
    guard = Guard(default_wordlists=False, wordlists=[path])
    report = guard.check("听说竞品乙更便宜")
    assert [(v.rule, v.category, v.text) for v in report.violations] == [
        ("WX108", "competitors", "竞品乙")
    ]


def test_category_from_file_name_when_header_missing(tmp_path: Path) -> None:
    path = tmp_path / "gambling.txt"
    path.write_text("地下赌场\n", "utf-8")
    category, _terms = read_wordlist(path)
    assert category == "gambling"
    assert (
        Guard(default_wordlists=False, wordlists=[path]).check("地下赌场").violations[0].rule
        == "WX103"
    )


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("# category: fraud\n办假证\n赌\n", 3, "single-character term"),
        ("# category: fraud\n办假证\n\n！！\n", 4, "no letters or digits"),
        ("# category: fraud\n办\t假证\n", 2, "tab inside term"),
        ("# category: fraud\n办假\x07证\n", 2, "control character U+0007"),
        ("# category: Fraud Stuff\n办假证\n", 1, "bad category name"),
    ],
)
def test_malformed_line_names_file_and_line(
    tmp_path: Path, content: str, line: int, problem: str
) -> None:
    path = tmp_path / "mine.txt"
    path.write_text(content, "utf-8")
    with pytest.raises(WordListError) as err:
        Guard(default_wordlists=False, wordlists=[path])
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert problem in str(err.value)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("# category: fraud\n办假证\n".encode() + b"\xff\xfe\n")
    with pytest.raises(WordListError, match=rf"^{path}:3: not valid UTF-8"):
        Guard(default_wordlists=False, wordlists=[path])


def test_missing_wordlist_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WordListError, match="cannot read word list"):
        Guard(default_wordlists=False, wordlists=[tmp_path / "nope.txt"])


def test_words_in_code_are_validated() -> None:
    with pytest.raises(WordListError, match=r"words\['fraud'\]\[1\]: single-character"):
        Guard(default_wordlists=False, words={"fraud": ["办假证", "假"]})
    with pytest.raises(WxguardError, match="expected a list of strings, got the string"):
        Guard(default_wordlists=False, words={"fraud": "办假证"})


@pytest.mark.parametrize(("name", "meant"), [("gamblng", "gambling"), ("drug", "drugs")])
def test_a_category_one_slip_from_a_bundled_one_is_refused(
    tmp_path: Path, name: str, meant: str
) -> None:
    """A typo in the header would report drug offers as custom terms (newuser-s6)."""
    path = tmp_path / "mine.txt"
    path.write_text(f"# category: {name}\n百家乐\n", encoding="utf-8")
    with pytest.raises(WordListError, match=rf"mine.txt:1: category '{name}' .*'{meant}'"):
        Guard(wordlists=[path])
    with pytest.raises(WordListError, match=f"did you mean '{meant}'"):
        Guard(words={name: ["百家乐"]})


def test_a_category_of_ones_own_reports_as_custom_terms() -> None:
    report = Guard(select=["WX1"], words={"brand": ["某某品牌"]}).check("买某某品牌")
    assert [(v.rule, v.text) for v in report.violations] == [("WX108", "某某品牌")]
