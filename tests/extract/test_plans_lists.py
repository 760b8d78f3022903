"""Tests of programmes listed before one shared head word (甲、乙等行动, 甲、乙、丙三大工程)."""

from kg.extract.plans import plan_names


def test_items_closed_by_deng_share_the_head() -> None:
    assert plan_names("今年将实施农田灌溉提效、林下经济培育、庭院果蔬增收等行动，带动农民增收。") == [
        "农田灌溉提效行动",
        "林下经济培育行动",
        "庭院果蔬增收行动",
    ]
    names = plan_names("深入开展电信诈骗打击、非法采砂整治等专项行动。")
    assert names == ["电信诈骗打击专项行动", "非法采砂整治专项行动"]


def test_a_count_closes_the_list_and_names_the_set() -> None:
    assert plan_names("全面推进老旧管网更新、城市排涝提升、城中村改造三大工程。") == [
        "老旧管网更新工程",
        "城市排涝提升工程",
        "城中村改造工程",
    ]
    assert plan_names("实施城市更新和乡村振兴两大行动。") == ["城市更新行动", "乡村振兴行动"]


def test_a_quoted_set_keeps_its_name_and_gives_its_items() -> None:
    names = plan_names("加快推进湖区生态修复、园区能级跃升等“两大工程”。")
    assert names == ["“两大工程”", "湖区生态修复工程", "园区能级跃升工程"]


def test_quoted_items_keep_their_quotes() -> None:
    assert plan_names("开展“暖心助学”、“银发课堂”等行动。") == ["“暖心助学”行动", "“银发课堂”行动"]


def test_a_verbal_word_after_deng_belongs_to_each_name_a_generic_one_to_none() -> None:
    names = plan_names("统筹推进乡村道路养护、河道清淤疏浚等提升行动。")
    assert names == ["乡村道路养护提升行动", "河道清淤疏浚提升行动"]
    assert plan_names("加快湖区堤防加固、支流河道治理等重点工程。") == ["湖区堤防加固工程", "支流河道治理工程"]


def test_the_first_item_starts_after_the_verb_and_its_adverb() -> None:
    assert plan_names("常态化开展护苗净网、平安校园创建等行动。") == ["护苗净网行动", "平安校园创建行动"]


def test_kinds_of_work_are_no_list_of_names() -> None:
    assert plan_names("开展环境、安全等专项行动。") == []
    assert plan_names("实施交通、水利、能源等重大工程。") == []


def test_a_list_of_works_or_of_kinds_of_projects_shares_no_head() -> None:
    assert plan_names("推动北站枢纽、东湖隧道等工程建设。") == []
    assert plan_names("推动芯片封装测试、传感器研发制造等项目落地。") == []


def test_items_with_a_head_of_their_own_are_named_by_the_ordinary_rule() -> None:
    names = plan_names("实施甲乙立德树人工程、丙丁强师工程等“九大行动”。")
    assert "甲乙立德树人工程" in names and "丙丁强师工程" in names
    assert not any(n.endswith("工程行动") for n in names)


def test_a_counted_or_short_item_makes_no_list() -> None:
    assert plan_names("统一思想、统一意志、统一行动。") == []
    assert plan_names("接续实施一季度开门红、百日攻坚等行动。") == []


def test_sites_listed_before_a_built_project_are_part_of_its_name() -> None:
    assert plan_names("实施甲乡、乙镇污水管网改造工程。") == ["甲乡、乙镇污水管网改造工程"]
    assert plan_names("9月30日前丙庄、丁湾垃圾场封场治理工程完工。") == ["丙庄、丁湾垃圾场封场治理工程"]


def test_other_works_or_kinds_listed_before_a_project_stay_out() -> None:
    assert plan_names("推动丙高铁、丁机场扩建工程。") == []
    assert plan_names("实施交通、水利重大工程。") == []


def test_the_verb_before_the_first_item_leads_every_item() -> None:
    names = plan_names("实施牧草供给提升、肉牛肉羊增产增效、奶业振兴行动。")
    assert names == ["奶业振兴行动", "肉牛肉羊增产增效行动", "牧草供给提升行动"]


def test_a_list_done_as_one_is_one_programme() -> None:
    names = plan_names("深化法治甲市、法治政府、法治社会一体建设试点。")
    assert names == ["法治甲市、法治政府、法治社会一体建设试点"]


def test_a_first_item_of_two_joined_activities_opens_after_the_verb() -> None:
    names = plan_names("推进甲乙灌区续建配套与现代化改造、丙丁江防洪治理等工程前期工作。")
    assert names == ["甲乙灌区续建配套与现代化改造工程", "丙丁江防洪治理工程"]


def test_a_first_item_cut_inside_makes_no_list() -> None:
    assert plan_names("推进老城片区供水管网和燃气更新、滨江堤防加固等工程。") == []


def test_a_campaign_after_another_and_its_conjunction_keeps_its_own_verb() -> None:
    names = plan_names("组织清洁家园活动和打击非法捕捞专项行动，维护渔业秩序。")
    assert names == ["打击非法捕捞专项行动"]
    assert plan_names("实施文明出行活动和整治违规停车专项行动。") == ["整治违规停车专项行动"]
    assert plan_names("实施乡村道路和桥梁安全提升行动。") == ["乡村道路和桥梁安全提升行动"]


def test_a_count_tells_that_the_last_conjunction_lists_one_more_item() -> None:
    names = plan_names("实施城乡供水一体化、农村公路提质改造和农房抗震改造三项工程。")
    assert names == ["城乡供水一体化工程", "农村公路提质改造工程", "农房抗震改造工程"]
    names = plan_names("实施城乡供水一体化、农村公路提质改造和农房抗震改造两项工程。")
    assert names == ["城乡供水一体化工程", "农村公路提质改造和农房抗震改造工程"]


def test_after_deng_a_conjunction_joins_one_more_item_when_both_sides_are_stems() -> None:
    names = plan_names("实施农田水利提升、林下经济培育和庭院经济增收等行动。")
    assert names == ["农田水利提升行动", "林下经济培育行动", "庭院经济增收行动"]


def test_quoted_names_before_their_count_give_one_each() -> None:
    assert plan_names("深入实施“强链”“延链”“补链”三大行动。") == ["“强链”行动", "“延链”行动", "“补链”行动"]
    assert plan_names("实施“百校”“千企”三项工程。") == ["“百校”“千企”三项工程"]  # the count does not match


def test_an_activity_after_deng_is_done_to_every_item() -> None:
    names = plan_names("今年实施白杨河、青石湖等综合治理工程。")
    assert names == ["白杨河综合治理工程", "青石湖综合治理工程"]
    names = plan_names("开工500千伏东岭、220千伏西屏等输变电工程。")
    assert names == ["500千伏东岭输变电工程", "220千伏西屏输变电工程"]


def test_items_of_one_shared_activity_joined_by_yu_stay_one_item() -> None:
    names = plan_names("重点实施科尔沁沙化土地、吕梁山区植被恢复与水土流失等综合治理工程。")
    assert names == ["科尔沁沙化土地综合治理工程", "吕梁山区植被恢复与水土流失综合治理工程"]


def test_a_class_word_after_deng_is_no_part_of_the_items() -> None:
    names = plan_names("深入推进地方戏曲传承发展、群众文艺精品创优等生态工程。")
    assert names == ["地方戏曲传承发展工程", "群众文艺精品创优工程"]


def test_a_kind_after_deng_says_the_items_are_fields() -> None:
    assert plan_names("实施先进制造、数字经济等领域专项计划。") == []
    assert plan_names("推进东湖、西湖等旅游工程。") == []


def test_a_count_written_in_two_words_closes_the_list() -> None:
    names = plan_names("实施农业转移人口市民化、县城补短板强弱项等5项行动。")
    assert names == ["农业转移人口市民化行动", "县城补短板强弱项行动"]


def test_objects_listed_before_one_activity_are_part_of_its_name() -> None:
    names = plan_names("开展水田、旱地、园地权属争议化解试点。")
    assert names == ["水田、旱地、园地权属争议化解试点"]
    names = plan_names("持续开展酒店、景区行业服务质量提升行动。")
    assert names == ["酒店、景区行业服务质量提升行动"]


def test_items_with_an_activity_or_a_head_of_their_own_stay_apart() -> None:
    names = plan_names("实施街巷环境提升工程、社区服务质量提升行动。")
    assert names == ["街巷环境提升工程", "社区服务质量提升行动"]


def test_places_before_a_pilot_are_its_sites() -> None:
    assert "郑州、开封零售业创新提升试点" not in plan_names("加快郑州、开封零售业创新提升试点。")


def test_a_list_as_the_clauses_subject_opens_at_the_clause() -> None:
    names = plan_names("医保服务持续优化，创新药应用、远程医疗服务等试点深入开展。")
    assert names == ["创新药应用试点", "远程医疗服务试点"]


def test_a_lead_verb_before_a_short_first_item_still_opens_the_list() -> None:
    assert plan_names("今年推进药品集采、医保支付等试点。") == ["药品集采试点", "医保支付试点"]


def test_kinds_of_places_before_a_shared_activity_name_no_works() -> None:
    assert plan_names("实施老旧街区、背街小巷等改造提升工程。") == []


def test_a_phase_names_a_listed_project() -> None:
    names = plan_names("实施青龙河引水二期、白马湖清淤整治等工程。")
    assert names == ["青龙河引水二期工程", "白马湖清淤整治工程"]


def test_a_bare_facility_in_a_list_of_works_is_no_project() -> None:
    names = plan_names("加快建设东山南线高铁、西岭高铁、北环高速改扩建等重点工程。")
    assert names == ["北环高速改扩建工程"]


def test_a_list_of_works_shares_a_head_written_once() -> None:
    names = plan_names("加快青州机场三期、临江新机场工程前期工作。")
    assert sorted(names) == ["临江新机场工程", "青州机场三期工程"]
    names = plan_names("启动湿地质量提升、南岭山区生态修复工程。")
    assert sorted(names) == ["南岭山区生态修复工程", "湿地质量提升工程"]


def test_modifiers_listed_before_a_shared_work_are_no_projects() -> None:
    assert plan_names("实施高水平通用、垂类大模型培育工程。") == ["垂类大模型培育工程"]
    assert plan_names("建设东山高铁、西岭机场工程。") == []


def test_a_verb_inside_a_parallel_item_stays_in_its_name() -> None:
    names = plan_names("务实开展智慧港口、绿色港口、无废港口试点建设。")
    assert sorted(names) == ["无废港口试点", "智慧港口试点", "绿色港口试点"]
    assert plan_names("统一思想、统一意志、统一行动。") == []


def test_a_phase_names_a_project_without_a_verb_before_it() -> None:
    assert plan_names("确保西线铁路、青峡三期工程等一批重点工程建成投产。") == ["青峡三期工程"]
    assert plan_names("二期工程建成。") == []


def test_listed_works_counted_after_their_head_are_of_a_kind() -> None:
    assert plan_names("实施东溪河、西沟河、白湖等综合治理工程150多个。") == []
    assert plan_names("实施城市更新项目20余个。") == []


def test_nouns_listed_before_one_activity_are_one_programmes_objects() -> None:
    assert plan_names("开展绿色社区、完整社区、美丽社区创建行动。") == ["绿色社区、完整社区、美丽社区创建行动"]
    assert sorted(plan_names("实施农田灌溉提效、林下经济培育行动。")) == ["农田灌溉提效行动", "林下经济培育行动"]


def test_paired_actions_of_ecological_programmes_share_the_head() -> None:
    names = plan_names("继续实施湿地保护、退牧还草、防沙治沙等重点生态工程。")
    assert names == ["湿地保护工程", "退牧还草工程", "防沙治沙工程"]
    assert plan_names("巩固草原保护、退耕还林等重大工程成果。") == ["草原保护工程", "退耕还林工程"]


def test_a_facility_listed_beside_paired_actions_still_is_no_work() -> None:
    assert "西江高铁工程" not in plan_names("推进西江高铁、退耕还林、防沙治沙等工程。")
