"""Tests of quoted mechanisms with what they do written before 机制 (“甲乙”综合服务机制) and quoted modes of work
named by their shape (“一企一策”)."""

from kg.extract.plans import plan_names


def test_two_words_of_doing_between_the_quote_and_the_head_belong_to_the_name() -> None:
    assert plan_names("完善“科贷通”综合服务机制。") == ["“科贷通”综合服务机制"]
    assert plan_names("建立“人、地、钱”要素联动机制。") == ["“人、地、钱”要素联动机制"]
    assert plan_names("构建“大协作”协同机制。") == ["“大协作”协同机制"]


def test_a_run_of_quotes_names_the_mechanism_together() -> None:
    assert plan_names("健全“府院”“府校”联动机制。") == ["“府院”“府校”联动机制"]


def test_a_kind_of_mechanism_a_predicate_or_a_list_gives_no_name() -> None:
    assert plan_names("创新“大综合一体化”城市治理体制机制。") == []
    assert plan_names("用好“红黄蓝”“双报告”等有效机制。") == []


def test_a_quoted_policy_for_each_unit_is_a_mode_of_work() -> None:
    assert plan_names("坚持“一园一策”，推动园区转型。") == ["“一园一策”"]
    assert plan_names("“一行一策”“一区一策”推动服务业升级。") == ["“一行一策”", "“一区一策”"]
    assert plan_names("建设“一乡一品”供应链。") == []  # a product for each unit, not a policy
