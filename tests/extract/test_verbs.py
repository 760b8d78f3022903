"""Tests of verbs jieba writes as one word with the manner adverb before them (逐步推进, 系统实施)."""

from kg.extract.plans import plan_names
from kg.extract.verbs import verb_in, verb_under_adverb


def test_a_manner_adverb_joined_to_a_verb_leaves_the_verb() -> None:
    assert verb_under_adverb("逐步推进") == "推进"
    assert verb_under_adverb("进一步实施") == "实施"
    assert verb_under_adverb("推进") == "推进"
    assert verb_under_adverb("全面") == "全面"  # the adverb alone is no verb


def test_a_fused_word_counts_as_its_verb_only_when_the_verb_is_listed() -> None:
    assert verb_in("系统实施", {"实施"})
    assert verb_in("实施", {"实施"})
    assert not verb_in("系统工程", {"实施"})
    assert not verb_in("重点实施", {"实施"})  # 重点 is a noun, not a listed adverb


def test_a_campaign_carried_out_by_a_fused_verb_keeps_its_own_verb() -> None:
    assert plan_names("逐步推进提振消费专项行动。") == ["提振消费专项行动"]
    assert plan_names("系统实施提振消费专项行动。") == ["提振消费专项行动"]


def test_a_quote_carried_out_by_a_fused_verb_is_a_programme() -> None:
    assert plan_names("系统实施“双百提升”。") == ["“双百提升”"]


def test_a_joined_adverb_and_verb_open_no_programme_name() -> None:
    assert plan_names("逐步提高水利工程供水价格。") == []
    assert plan_names("今年继续抓好甲乙丙综合整治工程。") == ["甲乙丙综合整治工程"]


def test_an_adverb_that_also_opens_a_noun_phrase_stays_in_the_name() -> None:
    assert plan_names("实施全面振兴新突破三年行动。") == ["全面振兴新突破三年行动"]
