"""Tests of reforms named by a quote (“某某”改革), which are programmes as a quoted 机制 is."""

from kg.extract.plans import plan_names


def test_a_quoted_reform_is_a_plan_with_its_short_scope() -> None:
    assert plan_names("深化“减证便民”改革，优化营商环境。") == ["“减证便民”改革"]
    assert plan_names("深化农村“两权抵押”改革。") == ["农村“两权抵押”改革"]


def test_quotes_that_follow_each_other_are_one_reform_each() -> None:
    assert plan_names("深化“医保支付”“药品集采”改革。") == ["“医保支付”改革", "“药品集采”改革"]


def test_a_quoted_list_of_principles_names_no_reform() -> None:
    assert plan_names("按照“精准施策、放权赋能”改革要求推进。") == []


def test_a_quoted_programme_shape_keeps_its_bare_name() -> None:
    assert plan_names("拓展“高效办成一件事”改革。") == ["“高效办成一件事”"]


def test_an_unquoted_reform_is_no_plan_here() -> None:
    assert plan_names("深化财税体制改革。") == []


def test_a_reform_named_by_what_it_separates_is_a_plan() -> None:
    assert plan_names("探索园区与街道适度分离改革。") == ["园区与街道适度分离改革"]


def test_a_reform_named_by_what_it_joins_opens_after_its_verb() -> None:
    assert plan_names("全面启动收运处一体化大环卫改革，破解多头管理难题。") == ["收运处一体化大环卫改革"]


def test_a_joining_word_alone_names_no_reform() -> None:
    assert plan_names("深化医疗卫生体制改革和一体化改革。") == []


def test_a_list_before_a_joining_word_is_what_the_reform_joins() -> None:
    names = plan_names("持续深化城乡统筹、产村融合、强村富民贯通联动改革，集体收入持续增长。")
    assert names == ["城乡统筹、产村融合、强村富民贯通联动改革"]
    assert plan_names("统筹推进智慧医疗建设、“三医”联动改革。") == []  # a quoted item: no list of what is joined
    assert plan_names("深化财税、金融体制改革。") == []  # fields of reform, no joining word
