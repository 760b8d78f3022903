"""Tests of the agency finder: prefixes, list continuations, jurisdictions, merging."""

from kg.extract.agencies import agency_mentions, find_agencies
from kg.extract.context import doc_context


def test_mentions_skip_enterprises_and_generic_groups() -> None:
    text = "由市住建局牵头，市执法局、供电公司配合，各地区和相关部门负责"
    assert [m for _, _, m in agency_mentions(text)] == ["市住建局", "市执法局"]


def test_bare_name_in_a_list_shares_the_prefix() -> None:
    assert [m for _, _, m in agency_mentions("由市建委、交通局负责")] == ["市建委", "交通局"]


def test_words_that_contain_a_prefix_are_not_agencies() -> None:
    assert agency_mentions("推动市属企业优化重组，建设市级旅游集散中心，实现区域均衡布局") == []
    assert agency_mentions("自觉接受人大监督、政协监督") == []


def test_office_of_the_party_committee_and_government() -> None:
    found = [m for _, _, m in agency_mentions("市委宣传部、市政府外办和市委、市政府督考办")]
    assert found == ["市委宣传部", "市政府外办", "市委", "市政府督考办"]


def test_city_body_in_a_district_report_belongs_to_the_parent_city(make_report) -> None:
    report = make_report("在市委、市政府和区委的坚强领导下，由市发展改革委牵头。省委省政府工作要求。")
    agencies = {(a.mention, a.jurisdiction) for a in find_agencies(report, doc_context(report.meta))}
    assert agencies == {
        ("市委", "聊城市"),
        ("市政府", "聊城市"),
        ("区委", "东昌府区"),
        ("市发展改革委", "聊城市"),
        ("省委", "山东省"),
        ("省政府", "山东省"),
    }


def test_forms_of_one_body_merge_with_aliases(make_report) -> None:
    report = make_report("由市发改委负责。市发展改革委牵头。", jurisdiction="聊城市", parents=("山东省",))
    [agency] = find_agencies(report, doc_context(report.meta))
    assert agency.name == "发展和改革委员会"
    assert agency.jurisdiction == "聊城市"
    assert {"市发展改革委", "聊城市发展和改革委员会"} <= {agency.mention, *agency.aliases}
    assert agency.sentences == [0, 1]


def test_central_party_body_is_national(make_report) -> None:
    report = make_report("紧密团结在以习近平同志为核心的党中央周围。")
    [agency] = find_agencies(report, doc_context(report.meta))
    assert (agency.mention, agency.jurisdiction) == ("党中央", "中国")


def test_mention_search_finds_what_a_regex_search_finds() -> None:
    import re

    from kg.extract.agencies import _LEVEL_PREFIXES, _PARTIES, _bodies, _mention_search, _places
    from kg.extract.lexicon import alternation

    place = rf"(?:{alternation(_places().names)}|X{{2,3}}(?:省|市|区|县))"
    regex = re.compile(
        rf"(?P<pre>(?:{alternation(_PARTIES)})?(?:(?P<place>{place})|(?P<level>{alternation(_LEVEL_PREFIXES)})))"
        rf"(?P<body>{_bodies()})"
    )
    text = (
        "中共聊城市委员会、市发展改革委和中国共产党东昌府区委员会，XXX市财政局与全市市场监管局、"
        "县委宣传部，XX县人民政府和自治区党委、中共中央、北京市朝阳区人民政府"
    )
    search = _mention_search(text)
    for pos in range(len(text) + 1):
        plain, found = regex.search(text, pos), search(pos)
        expected = plain and (plain.start(), plain.end(), plain.group("pre", "place", "level", "body"))
        assert (found and (found.start, found.end, (found.pre, found.place, found.level, found.body))) == expected
