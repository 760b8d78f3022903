"""Tests of zones opened by a position word (沿/环 … 带/圈), a river's mouth as a stem, long topics after a full
place name, and a state-level new area written with its city (甲市 short name + its district …新区)."""

from kg.extract.places import place_mentions


def _names(text: str) -> list[str]:
    return [m.name for m in place_mentions(text)]


def _typed(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in place_mentions(text)]


def test_a_belt_along_two_cities_ends_on_a_bare_head() -> None:
    assert _names("沿京津一线带动产业发展。") == []  # 带 of a verb (带动) heads nothing
    assert ("沿京津数字创新带", "Area") in _typed("推进沿京津数字创新带建设。")


def test_a_circle_around_a_lake_with_its_topic_in_one_word() -> None:
    assert "环洞庭湖科创圈" in _names("共建环洞庭湖科创圈。")


def test_a_bare_circle_or_belt_without_a_position_word_is_no_zone() -> None:
    assert _names("打造15分钟便民生活圈，发挥城乡纽带作用。") == []
    assert "杭州科创圈" not in _names("融入杭州科创圈。")


def test_a_rivers_mouth_opens_a_zone_with_a_long_topic() -> None:
    assert "珠江口生态文明绿色发展协同区" in _names("共建珠江口生态文明绿色发展协同区。")


def test_a_long_topic_after_short_names_is_no_zone() -> None:
    assert _names("培育商文旅体展融合发展集聚区20个。") == []


def test_a_count_glued_to_a_word_heads_a_list_not_a_zone() -> None:
    found = _names("做强沿海蓝色、山区绿色、平原高效三大特色农业产业带。")
    assert not any(name.endswith("三大特色农业产业带") for name in found)


def test_a_new_area_written_with_its_citys_short_name_is_one_area() -> None:
    found = _typed("支持天津滨海新区开发开放。")
    assert ("天津滨海新区", "Area") in found and ("滨海新区", "District") not in found


def test_a_new_area_glued_to_its_city_in_one_word_is_one_area() -> None:
    assert ("上海浦东新区", "Area") in _typed("发挥上海浦东新区的示范作用。")


def test_a_city_written_in_full_before_its_district_is_an_address() -> None:
    found = _typed("天津市滨海新区举办论坛。")
    assert ("天津市", "City") in found and ("滨海新区", "District") in found
    assert all(name != "天津市滨海新区" for name, _ in found)


def test_a_national_pilot_zone_the_report_builds_is_an_area() -> None:
    assert ("国家智能社会治理综合试验区", "Area") in _typed("高标准建设国家智能社会治理综合试验区。")


def test_a_national_pilot_title_sought_or_ranked_is_a_kind() -> None:
    assert _typed("争创国家智能社会治理综合试验区，推进国家级跨境电商综合试验区建设。") == []


def test_a_quoted_brand_inside_a_zones_topic_is_part_of_its_name() -> None:
    assert ("环洞庭湖“鱼米之乡”生态经济区", "Area") in _typed("打造环洞庭湖“鱼米之乡”生态经济区。")


def test_a_quoted_slogan_before_a_kind_of_zone_is_no_zone() -> None:
    assert _typed("实施“绿色家园”示范区建设。") == []


def test_a_lake_the_segmenter_reads_as_a_name_opens_a_ring_zone() -> None:
    assert "环阳澄湖生态发展区" in _names("建设环阳澄湖生态发展区。")  # 阳澄湖/nr


def test_a_ring_zone_named_after_two_mountains_joined_by_a_dash_is_one_area() -> None:
    found = _names("建设环天目山—武功山乡村文旅融合发展区。")  # 武功山/nr, a topic of eight characters
    assert found == ["环天目山—武功山乡村文旅融合发展区"]
