"""National programmes cited by their fixed names, two names joined with their own heads, and heads joined to the
work done on them (工程进度, 试点工作)."""

from kg.extract.plans import plan_names


def test_a_national_programme_named_alone_is_a_plan() -> None:
    assert plan_names("今年要巩固退牧还草和退耕还林的成果。") == ["退牧还草", "退耕还林"]
    assert plan_names("西电东送、南水北调等重大建设按期推进。") == ["西电东送", "南水北调"]
    assert plan_names("切实做好天然林保护工作。") == ["天然林保护"]
    assert plan_names("各地积极支持“西气东输”，保障沿线用地。") == ["“西气东输”"]
    assert plan_names("全面推进社会主义新农村建设，增加农民收入。") == ["社会主义新农村建设"]
    assert plan_names("加快建设社会主义新农村。") == []  # the aim as a verb phrase


def test_a_national_programme_as_an_amount_or_a_verb_or_inside_a_name_is_no_plan() -> None:
    assert plan_names("今年退耕还林、封山育林合计500万亩。") == []  # an amount of the work done
    assert plan_names("坡耕地要逐步地退耕还林。") == []  # a verb: what is done to the land
    assert plan_names("加强南水北调水源区保护。") == []  # the start of a longer name
    assert plan_names("“西气东输”第五通道开工。") == []  # a line of the programme: a work


def test_a_head_the_segmenter_joins_to_its_name_still_splits_two_names() -> None:
    assert plan_names("三峡工程和葛洲坝工程的建设都要抓紧。") == ["三峡工程", "葛洲坝工程"]


def test_a_head_joined_to_the_work_done_on_it_still_ends_the_name() -> None:
    assert plan_names("加快红石灌区工程进度。") == ["红石灌区工程"]
    assert plan_names("深化数据资产登记试点工作。") == ["数据资产登记试点"]
    assert plan_names("做好清江通道项目前期工作。") == ["清江通道项目"]
    assert plan_names("开展慢病用药线上支付试点工作。") == ["慢病用药线上支付试点"]  # a verb inside the name


def test_the_work_word_alone_after_the_verb_names_nothing() -> None:
    assert plan_names("稳步推进试点工作。") == []
    assert plan_names("扎实推进工程进度。") == []


def test_works_held_back_and_a_five_year_plan_under_a_scope_are_no_plans() -> None:
    assert plan_names("严格控制普通加工工业项目。") == []
    assert plan_names("严防“面子”工程。") == []
    assert plan_names("在不突破本省“八五”计划规定的总额的前提下，简化审批。") == []  # the economic plan: a policy
    assert plan_names("有序启动“十五”规划重点项目。") == []  # the projects a plan lists


def test_criticised_works_are_no_plans() -> None:
    assert plan_names("个别地方热衷于搞“面子工程”、“政绩工程”。") == []


def test_a_bare_head_before_and_ends_the_name_before() -> None:
    assert plan_names("落实就业促进计划和创业引领计划。") == ["创业引领计划"]


def test_a_national_programme_a_review_reports_on_is_named() -> None:
    assert plan_names("去年，西气东输全面投产，城乡供气更加稳定。") == ["西气东输"]
    assert plan_names("三峡工程防洪效益持续显现。") == ["三峡工程"]


def test_a_national_programme_written_with_its_head_is_named_so() -> None:
    assert plan_names("南水北调工程进展顺利。") == ["南水北调工程"]
    assert plan_names("抓好沿线各省的南水北调工程建设。") == ["南水北调工程"]


def test_a_region_or_an_amount_after_a_national_programme_names_none() -> None:
    assert plan_names("加强南水北调水源及沿线的污染防治。") == []
    assert plan_names("今年，退耕还林还草800万亩。") == []
