"""Tests of the enterprise that owns a named project (甲市乙县某某科技|产品|项目)."""

from kg.extract.organizations import organization_names


def test_a_trade_name_the_dictionary_does_not_know_and_its_owner_word() -> None:
    assert organization_names("推进岳阳平江垚钜科技储能电池项目建设。") == ["垚钜科技"]


def test_a_trade_name_the_segmenter_tags_a_name_needs_an_owner_word() -> None:
    assert organization_names("加快浏阳蓝思科技触控玻璃研发生产项目。") == ["蓝思科技"]
    assert organization_names("加快浏阳蓝思触控玻璃研发生产项目。") == []


def test_each_listed_project_gives_its_owner() -> None:
    names = organization_names("推进华天科技封装测试、邵阳新邵蓝湾科技光伏玻璃等重点项目。")
    assert names == ["华天科技", "蓝湾科技"]


def test_an_unknown_name_alone_owns_a_later_phase() -> None:
    assert organization_names("推动奕斯伟二期等项目释放产能。") == ["奕斯伟"]


def test_an_owner_word_before_an_industry_belongs_to_the_product() -> None:
    assert organization_names("建设法士特电子化工新材料项目。") == []


def test_no_project_head_no_owner() -> None:
    assert organization_names("华天科技发展很快，浏阳蓝思科技成果丰硕。") == []


def test_a_stretch_of_a_line_is_no_owner() -> None:
    assert organization_names("推进沿江高铁宜涪段、长江存储三期等项目。") == []


def test_an_industry_word_closes_the_owner_after_the_place() -> None:
    assert organization_names("推进湖南岳阳垚钜石化精细化工等重点项目。") == ["垚钜石化"]


def test_project_clauses_says_for_each_word_whether_its_clause_reaches_a_project_head() -> None:
    from kg.extract.organizations import _project_clauses
    from kg.extract.tokens import Token

    texts = ["甲乙", "科技", "固态电池", "项目", "，", "加快", "建设", "，", "丙丁", "基地", "投产"]
    words, at = [], 0
    for text in texts:
        words.append(Token(text, "x" if text == "，" else "n", at, at + len(text)))
        at += len(text)
    reach = _project_clauses(words)
    assert reach == [True, True, True, True, False, False, False, False, True, True, False, False]
