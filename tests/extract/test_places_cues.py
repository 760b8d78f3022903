"""The sentence-level cue tests of the place rules: a rule skips a sentence only when it cannot match there.

Each rule that skips sentences without its cue (a macro-region's name, a counted noun, a route word, a feature's
or a compass character) must see every word it reads in its cue pattern, else a mention would be lost silently.
"""

from __future__ import annotations

import pytest

from kg.extract import places
from kg.extract.tokens import tokenize


def test_macro_region_cue_holds_every_short_and_joint_name() -> None:
    cue = places._macro_region_re()
    for name in [*places._macro_region_short_names(), "东中部", "中西部", "东中西部"]:
        if name:
            assert cue.search(f"推进{name}发展"), name


def test_counted_noun_cue_holds_every_counted_noun() -> None:
    for noun in places._COUNTED_NOUNS:
        assert places._counted_noun_re().search(f"建成3个{noun}"), noun


def test_route_cue_holds_every_route_word() -> None:
    for word in places._ROUTE_SUFFIXES:
        assert places._route_suffix_re().search(f"建设甲乙{word}"), word


def test_feature_and_compass_cues_hold_their_characters() -> None:
    for char in places._FEATURE_TYPES:
        assert places._FEATURE_END_RE.search(f"甲乙{char}"), char
    for word in places._COMPASS:
        assert places._COMPASS_CHAR_RE.search(word), word


@pytest.mark.parametrize(
    "text",
    ["甲城乙河丙湖公园建设", "推进某某经济技术开发区和某某高新区建设", "没有任何后缀的句子。"],
)
def test_all_suffixes_is_the_match_at_every_offset(text: str) -> None:
    """The shared-suffix rule reads the suffix matched at a word's start from :func:`places._all_suffixes`."""
    found = {m.start(): m.group() for m in places._all_suffixes(text)}
    expected = {i: m.group() for i in range(len(text)) if (m := places._suffix_re().match(text, i))}
    assert found == expected


def test_token_index_covers_each_character_and_the_end() -> None:
    text = "加快建设甲乙高速公路"
    tokens = tokenize(text)
    at = places._token_at(tokens, len(text))
    assert len(at) == len(text) + 1 and at[-1] == len(tokens)
    assert all(tokens[at[i]].start <= i < tokens[at[i]].end for i in range(len(text)))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("深入实施西部大开发战略，推动东北全面振兴。", [("西部", "Area"), ("东北", "Area")]),  # macro-regions
        ("加快建设津潍、京沪高铁。", [("津潍高铁", "Facility"), ("京沪高铁", "Facility")]),  # a route list
        ("推进太湖综合治理。", [("太湖", "Lake")]),  # a water word
        ("建设川东北经济区。", [("川东北经济区", "Area")]),  # a compass region
        ("没有地名的句子，只有数字12345。", []),
    ],
)
def test_rules_behind_cues_still_find_their_places(text: str, expected: list[tuple[str, str]]) -> None:
    """Each rule behind a cue test still reads the sentences holding its cue."""
    assert [(m.name, m.type) for m in places.place_mentions(text)] == expected
