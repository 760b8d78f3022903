"""Scoring against gold annotations, as GUIDELINES.md defines it."""

from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.evaluate import KINDS, Counts, evaluate, score_report
from kg.evaluate.score import total
from tests.conftest import EXAMPLES, GOLD

DOC = {"jurisdiction": "东昌府区", "parents": ["聊城市", "山东省"]}


def _pred(**kinds):
    return {"source": "r.txt", "document": DOC, **kinds}


def _gold(**kinds):
    return {"source": "r.txt", "document": DOC, **kinds}


# P/R/F1 arithmetic -------------------------------------------------------------------------------------
def test_counts_arithmetic():
    c = Counts(matched=3, predicted=4, gold=6)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.5)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)


@pytest.mark.parametrize("predicted,gold,p,r,f", [
    (0, 0, 1.0, 1.0, 1.0),   # nothing to find, nothing found: perfect
    (0, 3, 0.0, 0.0, 0.0),   # found nothing
    (2, 0, 0.0, 0.0, 0.0),   # found only false hits
])
def test_counts_empty_cases(predicted, gold, p, r, f):
    c = Counts(matched=0, predicted=predicted, gold=gold)
    assert (c.precision, c.recall, c.f1) == (p, r, f)


def test_total_is_micro_averaged():
    a = score_report(_pred(places=[{"name": "甲", "type": "Town"}]),
                     _gold(places=[{"name": "甲", "type": "Town"}, {"name": "乙", "type": "Town"}]))
    b = score_report(_pred(places=[{"name": "丙", "type": "Town"}, {"name": "丁", "type": "Road"}]),
                     _gold(places=[{"name": "丙", "type": "River"}]))
    sums = total([a, b])
    assert set(sums) == set(KINDS)
    places = sums["places"]
    assert (places.matched, places.predicted, places.gold) == (2, 3, 3)
    assert places.accuracy["type"] == [1, 2]
    assert len(places.misses) == 1 and len(places.false_hits) == 1


# agencies ------------------------------------------------------------------------------------------------
def test_agencies_match_after_jurisdiction_prefix_removal():
    gold = _gold(agencies=[{"mention": "区水利局", "jurisdiction": "东昌府区", "aliases": []}])
    pred = _pred(agencies=[{"mention": "东昌府区水利局", "jurisdiction": "东昌府区", "aliases": []}])
    assert score_report(pred, gold).kinds["agencies"].matched == 1


def test_agencies_match_via_short_name_prefix():
    gold = _gold(agencies=[{"mention": "东昌府水利局", "jurisdiction": "东昌府区", "aliases": []}])
    pred = _pred(agencies=[{"mention": "区水利局", "jurisdiction": "东昌府区", "aliases": []}])
    assert score_report(pred, gold).kinds["agencies"].matched == 1


def test_agencies_match_via_aliases():
    gold = _gold(agencies=[{"mention": "市发改委", "jurisdiction": "聊城市",
                            "aliases": ["聊城市发展和改革委员会"]}])
    pred = _pred(agencies=[{"mention": "市发展改革委", "jurisdiction": "聊城市",
                            "aliases": ["市发展和改革委员会"]}])
    counts = score_report(pred, gold).kinds["agencies"]
    assert (counts.matched, counts.predicted, counts.gold) == (1, 1, 1)


def test_agencies_need_the_same_jurisdiction():
    gold = _gold(agencies=[{"mention": "市水利局", "jurisdiction": "聊城市", "aliases": []}])
    pred = _pred(agencies=[{"mention": "区水利局", "jurisdiction": "东昌府区", "aliases": []}])
    counts = score_report(pred, gold).kinds["agencies"]
    assert counts.matched == 0
    assert counts.misses == gold["agencies"] and counts.false_hits == pred["agencies"]


def test_matching_is_one_to_one():
    gold = _gold(agencies=[{"mention": "区水利局", "jurisdiction": "东昌府区", "aliases": []}])
    pred = _pred(agencies=[{"mention": "区水利局", "jurisdiction": "东昌府区", "aliases": []},
                           {"mention": "东昌府区水利局", "jurisdiction": "东昌府区", "aliases": []}])
    counts = score_report(pred, gold).kinds["agencies"]
    assert (counts.matched, counts.predicted, counts.gold) == (1, 2, 1)
    assert counts.precision == 0.5 and counts.recall == 1.0


# places, policies, plans, organisations -----------------------------------------------------------------
def test_places_match_on_name_and_score_type_accuracy():
    gold = _gold(places=[{"name": "班滑河", "type": "River"}, {"name": "东昌路", "type": "Road"},
                         {"name": "郑家镇", "type": "Town"}])
    pred = _pred(places=[{"name": "班滑河", "type": "River"}, {"name": "东昌路", "type": "Area"},
                         {"name": "花园路", "type": "Road"}])
    counts = score_report(pred, gold).kinds["places"]
    assert (counts.matched, counts.predicted, counts.gold) == (2, 3, 3)
    assert counts.accuracy["type"] == [1, 2]
    assert [w[0] for w in counts.wrong] == ["type"]
    assert counts.wrong[0][1]["name"] == "东昌路"


def test_policies_plans_organizations_match_exactly():
    gold = _gold(policies=[{"title": "河道管理办法"}], plans=[{"name": "清河行动"}], organizations=[{"name": "一汽"}])
    pred = _pred(policies=[{"title": "河道管理办法"}, {"title": "其他办法"}], plans=[{"name": "清河行动计划"}],
                 organizations=[{"name": "一汽"}])
    kinds = score_report(pred, gold).kinds
    assert (kinds["policies"].matched, kinds["policies"].predicted) == (1, 2)
    assert kinds["plans"].matched == 0
    assert kinds["organizations"].f1 == 1.0


def test_missing_kinds_count_as_empty():
    kinds = score_report({"source": "r.txt"}, {"source": "r.txt"}).kinds
    assert set(kinds) == set(KINDS)
    assert all(c.f1 == 1.0 for c in kinds.values())


# targets -------------------------------------------------------------------------------------------------
SENTENCE = "加快推动班滑河、青周渠、聊位河、南环河4条河道整治提升进度，把水环境做美。"
GOLD_TARGET = {"text": "班滑河、青周渠、聊位河、南环河4条河道整治提升", "value": 4, "unit": "条", "comparator": "=",
               "role": "target", "deadline": None, "agency": None, "places": []}


def _target(**fields):
    base = {"text": "4条河道整治提升", "value": 4, "value_max": None, "unit": "条", "comparator": "=",
            "role": "target", "deadline": None, "agency": None, "places": [], "sentence": SENTENCE}
    return {**base, **fields}


def test_target_matches_on_value_and_unit_in_the_same_sentence():
    counts = score_report(_pred(targets=[_target()]), _gold(targets=[GOLD_TARGET])).kinds["targets"]
    assert counts.matched == 1


def test_target_value_compared_as_number():
    counts = score_report(_pred(targets=[_target(value=4.0)]), _gold(targets=[GOLD_TARGET])).kinds["targets"]
    assert counts.matched == 1


@pytest.mark.parametrize("change", [{"value": 5}, {"unit": "个"}])
def test_target_needs_the_same_value_and_unit(change):
    counts = score_report(_pred(targets=[_target(**change)]), _gold(targets=[GOLD_TARGET])).kinds["targets"]
    assert counts.matched == 0


def test_target_in_another_sentence_does_not_match():
    other = _target(text="新建4条道路", sentence="今年新建4条道路，改善出行条件。")
    counts = score_report(_pred(targets=[other]), _gold(targets=[GOLD_TARGET])).kinds["targets"]
    assert counts.matched == 0
    assert counts.misses == [GOLD_TARGET]


def test_target_accuracies():
    gold = [
        {**GOLD_TARGET},
        {"text": "新建口袋公园10处", "value": 10, "unit": "处", "comparator": ">=", "role": "target",
         "deadline": "2023-12-31", "agency": "区住建局", "places": []},
    ]
    pred = [
        _target(comparator="~", role="achievement", deadline="2024", agency="区水利局"),
        _target(text="新建口袋公园10处", value=10, unit="处", comparator=">=", sentence="新建口袋公园10处。",
                deadline="2023-12-31", agency="东昌府区住建局"),
    ]
    counts = score_report(_pred(targets=pred), _gold(targets=gold)).kinds["targets"]
    assert counts.matched == 2
    assert counts.accuracy["comparator"] == [1, 2]
    assert counts.accuracy["role"] == [1, 2]
    # only the second gold target gives a deadline and an agency
    assert counts.accuracy["deadline"] == [1, 1]
    assert counts.accuracy["agency"] == [1, 1]


def test_target_deadline_and_agency_wrong():
    gold = [{"text": "新建口袋公园10处", "value": 10, "unit": "处", "comparator": "=", "role": "target",
             "deadline": "2023-12-31", "agency": "区住建局", "places": []}]
    pred = [_target(text="新建口袋公园10处", value=10, unit="处", sentence="新建口袋公园10处。", deadline="2023-06-30",
                    agency=None)]
    counts = score_report(_pred(targets=pred), _gold(targets=gold)).kinds["targets"]
    assert counts.accuracy["deadline"] == [0, 1]
    assert counts.accuracy["agency"] == [0, 1]
    assert {w[0] for w in counts.wrong} == {"deadline", "agency"}


# evaluate() on the example store ---------------------------------------------------------------------------
def test_evaluate_examples(example_store):
    outcome = evaluate(example_store, GOLD)
    assert len(outcome.reports) == 5
    assert outcome.missing == []
    assert {s.source for s in outcome.reports} == {p.name for p in EXAMPLES.glob("*.txt")}
    assert set(outcome.totals) == set(KINDS)
    for kind, counts in outcome.totals.items():
        assert counts.gold == sum(s.kinds[kind].gold for s in outcome.reports)
        assert 0.0 <= counts.f1 <= 1.0
    # gold target counts come straight from the gold files
    gold_targets = sum(len(json.loads(p.read_text(encoding="utf-8"))["targets"]) for p in GOLD.glob("*.gold.json"))
    assert outcome.totals["targets"].gold == gold_targets
    assert outcome.totals["targets"].matched > 0


def test_evaluate_reports_missing_reports(memory_store):
    outcome = evaluate(memory_store, GOLD)
    assert outcome.reports == []
    assert len(outcome.missing) == len(list(GOLD.glob("*.gold.json")))


def test_evaluate_errors(memory_store, tmp_path):
    with pytest.raises(KgError):
        evaluate(memory_store, tmp_path)
    (tmp_path / "bad.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(KgError) as info:
        evaluate(memory_store, tmp_path)
    assert "bad.gold.json" in str(info.value)


def test_short_span_from_another_sentence_does_not_match():
    other = _target(text="4条", sentence="今年新建4条道路，改善出行条件。")
    counts = score_report(_pred(targets=[other]), _gold(targets=[GOLD_TARGET])).kinds["targets"]
    assert counts.matched == 0


def test_shorter_span_in_the_same_sentence_matches():
    counts = score_report(_pred(targets=[_target(text="4条河道")]), _gold(targets=[GOLD_TARGET])).kinds["targets"]
    assert counts.matched == 1


def test_full_and_half_width_brackets_compare_equal():
    gold = _gold(places=[{"name": "国家文化公园(聊城段)", "type": "Park"}])
    pred = _pred(places=[{"name": "国家文化公园（聊城段）", "type": "Park"}])
    assert score_report(pred, gold).kinds["places"].matched == 1
