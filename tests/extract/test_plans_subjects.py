"""Tests of where short and verb-led programme names start: a clause subject (，甲乙行动|实现全覆盖), a verb chain."""

from kg.extract.plans import plan_names


def test_a_short_name_opening_its_clause_before_a_predicate_is_a_programme() -> None:
    assert plan_names("今年，村庄清洁行动实现全覆盖。") == ["村庄清洁行动"]
    assert plan_names("湖区净滩行动深入实施，成效明显。") == ["湖区净滩行动"]
    assert plan_names("引洮济渭工程实现全线通水。") == ["引洮济渭工程"]


def test_a_head_followed_by_a_noun_is_no_programme() -> None:
    assert plan_names("为全市提供行动指南。") == []
    assert plan_names("我们要把思想和行动统一到部署上来。") == []


def test_a_list_item_or_a_modal_statement_is_no_subject() -> None:
    assert plan_names("强化市、区两级重大项目调度。") == []
    assert plan_names("教育发展计划应当纳入总体规划。") == []


def test_too_short_a_stem_is_no_subject_name() -> None:
    assert plan_names("统一思想、统一意志、统一行动，推动发展。") == []


def test_a_verb_chain_before_the_name_is_the_predicate_not_the_name() -> None:
    assert plan_names("巩固提升甲乙沙漠边缘阻击战成果。") == ["甲乙沙漠边缘阻击战"]
    assert plan_names("持续推行中华古籍保护计划。") == ["中华古籍保护计划"]
    assert plan_names("维修养护农村供水工程1900处。") == []


def test_after_a_verb_that_carries_it_out_the_opening_verb_stays() -> None:
    assert plan_names("深入实施扩大消费专项行动。") == ["扩大消费专项行动"]


def test_a_subject_and_its_carry_out_verb_are_no_part_of_the_name() -> None:
    assert plan_names("支持有条件的地区开展湖泊生态补偿试点。") == ["湖泊生态补偿试点"]
    assert plan_names("实施全民健身实施计划。") == ["全民健身实施计划"]


def test_a_compiled_plan_is_a_document_not_a_programme() -> None:
    assert plan_names("探索编制全口径政府投资计划。") == []
    assert plan_names("编制城市更新三年行动计划。") == ["城市更新三年行动计划"]


def test_a_predicate_right_before_the_quote_is_no_part_of_the_name() -> None:
    assert plan_names("甲乙剧目荣获“五个一工程”奖。") == ["“五个一工程”"]
    assert plan_names("首创“智慧口岸+快速通关”模式。") == ["“智慧口岸+快速通关”模式"]
    assert plan_names("匠心做好“甲乙瓷业遗存”项目。") == ["“甲乙瓷业遗存”项目"]


def test_a_word_naming_the_work_before_the_quote_stays() -> None:
    assert plan_names("实施重大慢性病防治“四早”工程。") == ["重大慢性病防治“四早”工程"]


def test_a_quoted_way_of_handling_projects_is_no_project() -> None:
    assert plan_names("坚持“债贷结合”方式支持项目。") == []
    assert plan_names("推进“三化”改造项目。") == ["“三化”改造项目"]


def test_a_verb_of_building_or_carrying_out_opens_no_name() -> None:
    assert plan_names("建设甲乙河综合治理项目。") == ["甲乙河综合治理项目"]
    assert plan_names("建设重点水利工程。") == []


def test_a_head_inside_the_last_word_after_a_listed_quote_reads_without_error() -> None:
    assert plan_names("强化“一表两单”等为企业减负长效机制") == []
