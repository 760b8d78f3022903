"""Tests of names that open on a division and hold a word the segmenter tags a verb (江苏农商|联合|银行), and of the
verbs of founding that make a place the subject of a predicate over a kind of body (支持江苏|打造|一流大学)."""

from kg.extract.organizations import organization_names


def test_a_name_opening_on_a_division_runs_over_a_verb_inside_it() -> None:
    assert organization_names("年内组建湖南农商联合银行。") == ["湖南农商联合银行"]
    assert organization_names("筹建武汉市生物制造研究院，服务产业升级。") == ["武汉市生物制造研究院"]
    assert organization_names("争取设立甘肃应用技术学院。") == ["甘肃应用技术学院"]


def test_a_unit_named_after_a_river_joins_its_academy() -> None:
    assert "中国科学院珠江创新研究院" in organization_names("支持中国科学院珠江创新研究院扩大规模。")


def test_a_verb_of_founding_after_a_place_is_the_predicate() -> None:
    assert organization_names("支持湖南打造一流大学。") == []
    assert organization_names("支持山西建设研究型医院。") == []
    assert organization_names("推动广西发展民营银行。") == []


def test_a_verb_of_founding_right_before_the_suffix_stays_in_the_name() -> None:
    assert organization_names("与中国建设银行签署合作协议。") == ["中国建设银行"]
    assert organization_names("与国家开发银行签署合作协议。") == ["国家开发银行"]


def test_a_name_does_not_run_over_a_body_before_the_verb() -> None:
    names = organization_names("推动甘肃理工学院更名大学。")
    assert not any(n.endswith("更名大学") for n in names)


def test_a_verb_without_a_division_before_it_still_stops_the_name() -> None:
    assert organization_names("鼓励企业联合银行开展业务。") == []


def test_airlines_in_general_are_no_body() -> None:
    assert organization_names("将民航发展基金航空公司征收标准降低。") == []


def test_laboratories_listed_with_one_suffix_are_each_a_body() -> None:
    names = organization_names("推动岳麓山、洞庭湖、衡山等实验室加快建设。")
    assert names == ["岳麓山实验室", "洞庭湖实验室", "衡山实验室"]


def test_the_grade_and_count_of_a_shared_suffix_list_are_no_part_of_a_name() -> None:
    assert organization_names("支持峨眉、青城2个省实验室运行。") == ["峨眉实验室", "青城实验室"]
    assert organization_names("建设岳麓山、洞庭湖两个重点实验室。") == ["岳麓山重点实验室", "洞庭湖重点实验室"]


def test_common_words_and_kinds_sharing_a_suffix_are_no_laboratories() -> None:
    assert organization_names("推动高校、院所、企业等实验室开放共享。") == []
    assert organization_names("支持国有、民营实验室发展。") == []


def test_a_member_with_a_scope_or_function_word_breaks_the_list() -> None:
    names = organization_names("发挥甘肃某某研究所、在陇全国重点实验室等力量。")
    assert not any(n.endswith("全国重点实验室") and n != "全国重点实验室" for n in names)


def test_two_fields_joined_by_yu_inside_a_name_opened_by_a_division() -> None:
    assert organization_names("组建株洲信息与智慧医学研究院。") == ["株洲信息与智慧医学研究院"]


def test_yu_between_two_partners_joins_no_name() -> None:
    assert organization_names("支持长沙与株洲大学合作。") == ["株洲大学"]
    assert organization_names("深化与中南大学合作。") == ["中南大学"]


def test_a_founded_body_opens_on_its_trade_name_over_a_verb_of_its_field() -> None:
    assert organization_names("组建湘翼具身智能机器人公司。") == ["湘翼具身智能机器人公司"]
