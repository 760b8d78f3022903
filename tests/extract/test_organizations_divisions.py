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
