"""Tests of the generic nouns shaped like places (a kind of village, a designation's level before a park word) and of
a district named before its street."""

from kg.extract.model import DocContext
from kg.extract.places import place_mentions

_YUNNAN = DocContext("云南省", "province")


def _names(text: str, ctx: DocContext | None = None) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text, ctx)]


def test_a_district_before_its_street_is_a_place_of_its_own() -> None:
    assert _names("整治五华区金碧路和官渡区东门街。", _YUNNAN) == [
        ("五华区", "District"),
        ("金碧路", "Road"),
        ("官渡区", "District"),
        ("东门街", "Road"),
    ]


def test_a_street_named_after_a_word_keeps_its_name() -> None:
    assert _names("改造北京路和人民路。") == [("北京路", "Road"), ("人民路", "Road")]


def test_a_kind_of_village_named_after_a_place_is_no_village() -> None:
    assert _names("建成松江民居试点村20个，创建宜居示范村。") == []


def test_villages_described_by_what_happens_to_them_are_no_villages() -> None:
    assert _names("完成地质灾害威胁村整体搬迁。") == []


def test_a_named_village_stays_a_village() -> None:
    assert _names("支持李家庄村发展乡村旅游。") == [("李家庄村", "Village")]


def test_a_national_designation_of_parks_is_no_park() -> None:
    assert _names("创建国家植物园和国家森林公园。") == []


def test_a_park_named_after_its_place_stays_a_park() -> None:
    assert _names("支持成都国家植物园建设。") == [("成都国家植物园", "Park")]
