"""The shared segmenter: spans that cover the text, gazetteer words kept whole, tags for boundaries."""

from __future__ import annotations

from itertools import pairwise

from kg.extract.tokens import boundaries, opens_name, sentence_tokens, token_starting_at, tokenize, tokens_in
from kg.loaders import load_text


def test_tokens_cover_the_text_in_order():
    text = "加快建设班滑河综合治理项目，新建口袋公园10处。"
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert [text[t.start : t.end] for t in tokens] == [t.text for t in tokens]
    assert all(a.end == b.start for a, b in pairwise(tokens))


def test_division_names_are_one_token():
    words = [t.text for t in tokenize("湛江、潜江、内江三市和东昌府区")]
    assert {"湛江", "潜江", "内江", "东昌府区"} <= set(words)


def test_a_company_name_does_not_end_inside_the_river():
    tokens = tokenize("长江存储扩大产能")
    assert tokens[0].text == "长江"
    assert 2 in boundaries(tokens)
    assert 1 not in boundaries(tokens)


def test_verbs_and_function_words_do_not_open_a_name():
    tokens = {t.text: t for t in tokenize("我们要加快建设东昌路")}
    assert not opens_name(tokens["我们"])
    assert not opens_name(tokens["加快"])
    assert opens_name(tokens["东昌路"] if "东昌路" in tokens else tokens["东昌"])


def test_token_lookups():
    tokens = tokenize("市财政局牵头")
    assert token_starting_at(tokens, 1).text == "财政局"
    assert token_starting_at(tokens, 2) is None
    assert [t.text for t in tokens_in(tokens, 0, 4)] == ["市", "财政局"]


def test_every_sentence_is_tokenised_once():
    report = load_text(
        "一、工作回顾\n全年新增就业1.2万人。\n二、2026年工作安排\n新建口袋公园10处。\n", source="示例.txt"
    )
    tokens = sentence_tokens(report)
    assert set(tokens) == {s.index for s in report.sentences}
    for sentence in report.sentences:
        assert "".join(t.text for t in tokens[sentence.index]) == sentence.text


def test_the_shared_segmenter_tags_as_a_fresh_one_with_the_gazetteers():
    import rjieba

    from kg.extract.tokens import segmenter, with_gazetteers

    fresh = with_gazetteers(rjieba.Jieba())
    for text in ("东昌府区发展改革委牵头推进经开区建设。", "到2025年，湛江市新建充电桩3000个，南河治理完成。"):
        assert segmenter().tag(text) == fresh.tag(text)
    assert segmenter() is segmenter()
