"""Tests of research institutes named 创新院 with a proper stem and of enterprises named right before a product
written in Latin capitals (甲乙科技|PCB) or by a trade name and an industry word (甲建|重工)."""

from kg.extract.organizations import organization_names


def test_a_research_institute_named_by_a_place() -> None:
    assert "珠江科技创新院" in organization_names("加快建设珠江科技创新院和一所新大学。")


def test_an_institute_of_a_kind_is_no_body() -> None:
    assert organization_names("支持高校建设产业创新院。") == []


def test_an_enterprise_named_before_its_product_code() -> None:
    assert "京东方科技" in organization_names("推动京东方科技OLED产线扩产。")


def test_a_common_word_before_a_product_code_is_no_enterprise() -> None:
    assert organization_names("发展数字科技AI应用。") == []


def test_a_standing_forum_named_before_its_annual_meeting_is_a_body() -> None:
    assert organization_names("办好陆家嘴金融论坛年会。") == ["陆家嘴金融论坛"]


def test_a_forum_held_is_an_event() -> None:
    assert organization_names("举办陆家嘴金融论坛。") == []


def test_a_two_character_trade_name_the_dictionary_does_not_know_names_a_firm() -> None:
    # 港|建 read on their own are a noun and a verb, but the segmenter tags the unknown pair an abbreviation
    names = organization_names("推动甲大学新算法、港建重工盾构装备等关键技术取得突破。")
    assert "港建重工" in names
    assert organization_names("大力发展汽车产业。") == []
