"""Data files (kg.data) and the word regexes every extractor builds from them."""

from __future__ import annotations

import random
import re

import pytest

from kg.data import data_rows, data_words
from kg.extract.lexicon import alternation, word_re, word_set, word_union, words


def _flat(choices: set[str]) -> str:
    """The plain longest-first alternation ``alternation`` must behave like."""
    return "|".join(re.escape(w) for w in sorted(choices, key=lambda w: (-len(w), w)))


@pytest.mark.parametrize("seed", range(5))
def test_alternation_matches_like_a_longest_first_list(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        choices = {"".join(rng.choice("甲乙丙.*") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 10))}
        text = "".join(rng.choice("甲乙丙.*x") for _ in range(30))
        trie, flat = alternation(choices), _flat(choices)
        for tail in ("", "乙", "丙$"):
            assert [m.span() for m in re.finditer(f"(?:{trie}){tail}", text)] == [
                m.span() for m in re.finditer(f"(?:{flat}){tail}", text)
            ]
        # inside a longer pattern the regex backtracks through the words in the same order
        assert [m.groups() for m in re.finditer(f"({trie})({trie})", text)] == [
            m.groups() for m in re.finditer(f"({flat})({flat})", text)
        ]


def test_alternation_edge_cases() -> None:
    assert re.fullmatch(alternation(["a.b"]), "a.b")
    assert not re.fullmatch(alternation(["a.b"]), "axb")
    assert re.search(alternation([]), "anything") is None
    assert re.search(alternation(["", "市"]), "全市").group() == "市"


def test_word_re_prefers_the_longest_word() -> None:
    assert word_re("policy_suffixes.txt").search("实施方案").group() == "实施方案"


def test_data_rows_skip_comments_and_blank_lines(tmp_path, monkeypatch) -> None:
    package = tmp_path / "kgtestdata"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "data" / "t.tsv").write_text(
        "# a comment\n\n甲\t乙 \t\n  \n 丙\t\t丁\n#另一个\n戊\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert data_rows("kgtestdata", "t.tsv") == (("甲", "乙"), ("丙", "", "丁"), ("戊",))
    assert data_words("kgtestdata", "t.tsv") == ("甲", "丙", "戊")


def test_shipped_word_lists_have_no_blank_entries() -> None:
    for name in ("place_generic.txt", "policy_suffixes.txt", "target_names.txt"):
        entries = words(name)
        assert entries and all(entries), name


def test_name_index_finds_names_like_a_regex() -> None:
    from kg.extract.lexicon import NameIndex

    index = NameIndex(["聊城", "聊城市", "东昌府区", "城市"])
    assert index.ends("在聊城市东昌府区", 1) == [4, 3]
    assert index.ends("在聊城市东昌府区", 0) == []
    assert index.ends("聊城", 0) == [2]
    text = "聊城市东昌府区和城市聊城"
    assert index.spans(text) == [m.span() for m in re.finditer(alternation(index.names), text)]
    with pytest.raises(ValueError):
        NameIndex(["市"])


def test_word_union_holds_the_words_of_every_file_and_is_built_once() -> None:
    union = word_union("plan_list_classes.txt", "plan_generic.txt")
    assert union == set(words("plan_list_classes.txt")) | set(words("plan_generic.txt"))
    assert len(union) > len(word_set("plan_generic.txt"))  # the classes add words of their own
    assert word_union("plan_list_classes.txt", "plan_generic.txt") is union
    assert word_union("plan_generic.txt") == word_set("plan_generic.txt")
