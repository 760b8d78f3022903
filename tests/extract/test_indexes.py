"""The per-report and per-table indexes that replace scans: each must give what the scan gave."""

from itertools import pairwise

from kg.extract.model import Place
from kg.extract.places import _first_by_start, _suffix_type, _suffixes
from kg.extract.targets import _place_names, _PlaceLookup
from kg.extract.tokens import Token, tokenize


def test_place_lookup_names_match_a_scan_of_all_places():
    places = [
        Place("甲河", "River", sentences=[1, 3]),
        Place("乙市", "City", aliases=["乙"]),
        Place("丙山公园", "Park", sentences=[3, 3]),
        Place("丁湖", "Lake", sentences=[2]),
    ]
    lookup = _PlaceLookup(places)
    for index in range(5):
        assert lookup.names(index) == _place_names(places, index)
    assert lookup.names(3)[0] == "丙山公园"
    assert "丁湖" not in lookup.names(3)
    assert lookup.canonical["乙"] == "乙市"


def test_suffix_type_matches_the_longest_first_table_scan():
    for name in ("甲山国家公园", "乙河流域", "丙路", "丁", "", "戊镇", "己经开区"):
        expected = next(((s, t) for s, t, _, _ in _suffixes() if name.endswith(s)), None)
        assert _suffix_type(name) == expected


def test_first_by_start_keeps_the_first_token_at_each_offset():
    first, second = Token("甲", "n", 0, 1), Token("甲乙", "n", 0, 2)
    by_start = _first_by_start([first, second, Token("丙", "n", 2, 3)])
    assert by_start[0] is first
    assert by_start[2].text == "丙"


def test_tokens_cover_the_text_with_contiguous_spans():
    text = "今年新建城市公园12个，改造老旧小区。"
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(a.end == b.start for a, b in pairwise(tokens))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokenize("") == []
