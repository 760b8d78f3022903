"""Scoring against gold annotations, as GUIDELINES.md defines it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.evaluate import (
    DOCUMENT_FIELDS,
    KINDS,
    Counts,
    evaluate,
    genre_of,
    gold_files,
    score_document,
    score_report,
    summarize,
    unique_stems,
)
from kg.evaluate.score import total
from tests.conftest import DONGCHANGFU, EXAMPLES, GOLD

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
    stems = {p.stem for p in EXAMPLES.glob("*.txt")}
    # the gold folder also holds the dev set, which the example store does not: those are listed as missing
    assert outcome.missing == sorted(p.name for p in GOLD.glob("*.gold.json") if p.name[:-10] not in stems)
    assert outcome.ungraded == []
    assert {s.source for s in outcome.reports} == {p.name for p in EXAMPLES.glob("*.txt")}
    assert set(outcome.totals) == set(KINDS)
    for kind, counts in outcome.totals.items():
        assert counts.gold == sum(s.kinds[kind].gold for s in outcome.reports)
        assert 0.0 <= counts.f1 <= 1.0
    # gold target counts come straight from the gold files of the stored reports
    gold_targets = sum(len(json.loads(p.read_text(encoding="utf-8"))["targets"]) for p in GOLD.glob("*.gold.json")
                       if p.name[:-10] in stems)
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


# deadlines -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("gold_deadline,predicted,right", [
    ("2025", "2025-12-31", True),     # a bare year and that year's last day are the same deadline
    ("2025-12-31", "2025", True),
    ("2025", "2025-06-30", False),
    ("2025", "2026", False),
    ("2023-06-30", "2023-06-30", True),
])
def test_deadline_bare_year_is_the_last_day(gold_deadline, predicted, right):
    gold = [{"text": "新建口袋公园10处", "value": 10, "unit": "处", "comparator": "=", "role": "target",
             "deadline": gold_deadline, "agency": None, "places": []}]
    pred = [_target(text="新建口袋公园10处", value=10, unit="处", sentence="新建口袋公园10处。", deadline=predicted)]
    counts = score_report(_pred(targets=pred), _gold(targets=gold)).kinds["targets"]
    assert counts.accuracy["deadline"] == [int(right), 1]


# document fields -----------------------------------------------------------------------------------------
GOLD_DOC = {"title": "某某县人民政府工作报告", "issuer": "某某县人民政府", "jurisdiction": "某某县",
            "parents": ["某某市", "某某省"], "date": "2024-01-15", "kind": "政府工作报告"}


def test_document_all_fields_right():
    result = score_document(dict(GOLD_DOC), GOLD_DOC)
    assert set(result) == set(DOCUMENT_FIELDS)
    assert all(f.right for f in result.values())


def test_document_null_is_right_only_against_null():
    gold = {**GOLD_DOC, "issuer": None, "date": None}
    result = score_document({**GOLD_DOC, "issuer": None, "date": "2024-01-15"}, gold)
    assert result["issuer"].right                     # null == null
    assert not result["date"].right                   # a value where gold has none
    assert (result["date"].predicted, result["date"].gold) == ("2024-01-15", None)
    missing = score_document({**GOLD_DOC, "jurisdiction": None}, GOLD_DOC)
    assert not missing["jurisdiction"].right          # nothing where gold has a value


def test_document_date_is_compared_as_written():
    assert not score_document({**GOLD_DOC, "date": "2024-01"}, GOLD_DOC)["date"].right
    assert not score_document({**GOLD_DOC, "date": "2024-01-15"}, {**GOLD_DOC, "date": "2024-01"})["date"].right
    assert score_document({**GOLD_DOC, "date": "2024-01"}, {**GOLD_DOC, "date": "2024-01"})["date"].right


def test_document_parents_keep_their_order():
    result = score_document({**GOLD_DOC, "parents": ["某某省", "某某市"]}, GOLD_DOC)
    assert not result["parents"].right
    assert score_document({**GOLD_DOC, "parents": []}, {**GOLD_DOC, "parents": []})["parents"].right
    assert not score_document({**GOLD_DOC, "parents": ["某某市"]}, GOLD_DOC)["parents"].right


def test_document_strings_ignore_spaces_bracket_width_and_title_marks():
    gold = {**GOLD_DOC, "title": "关于实施某某方案(试行)的通知"}
    pred = {**GOLD_DOC, "title": "《关于实施某某方案（试行）的通知》", "issuer": "某某县 人民政府"}
    result = score_document(pred, gold)
    assert result["title"].right and result["issuer"].right
    assert not score_document({**GOLD_DOC, "title": "2024年《某某县人民政府工作报告》"}, GOLD_DOC)["title"].right


def test_document_missing_record_counts_every_given_field_wrong():
    result = score_document(None, GOLD_DOC)
    assert not any(f.right for f in result.values())
    assert all(f.right for f in score_document(None, None).values())


def test_score_report_carries_document_scores():
    score = score_report({"source": "r.txt", "document": {**GOLD_DOC, "kind": "讲话"}},
                         {"source": "r.txt", "document": GOLD_DOC})
    assert not score.document["kind"].right
    assert score.document["issuer"].right


# genres --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,genre", [
    ("政府工作报告", "work_report"), ("工作报告", "work_report"), ("讲话", "work_report"),
    ("通知", "policy"), ("实施方案", "policy"), ("办法", "policy"), (None, "policy"),
])
def test_genre_of_gold_kind(kind, genre):
    assert genre_of({"kind": kind}) == genre


def test_genre_comes_from_the_gold_document():
    score = score_report({"source": "r.txt", "document": {"kind": "通知"}},
                         {"source": "r.txt", "document": {"kind": "政府工作报告"}})
    assert score.genre == "work_report"


def test_summarize_splits_counts_and_document_accuracies():
    report = score_report(
        {"source": "a.txt", "document": GOLD_DOC, "places": [{"name": "甲河", "type": "River"}]},
        {"source": "a.txt", "document": GOLD_DOC, "places": [{"name": "甲河", "type": "River"}]})
    policy_gold = {"title": "某某办法", "issuer": None, "jurisdiction": "某某市", "parents": [], "date": None,
                   "kind": "办法"}
    policy = score_report(
        {"source": "b.txt", "document": {**policy_gold, "issuer": "某某市人民政府"},
         "places": [{"name": "乙路", "type": "Road"}]},
        {"source": "b.txt", "document": policy_gold, "places": [{"name": "丙路", "type": "Road"}]})
    both = summarize([report, policy])
    assert both.reports == 2
    assert both.documents["issuer"] == [1, 2] and both.documents["title"] == [2, 2]
    assert (both.kinds["places"].matched, both.kinds["places"].gold) == (1, 2)
    work = summarize(s for s in [report, policy] if s.genre == "work_report")
    assert work.reports == 1 and work.kinds["places"].f1 == 1.0 and work.documents["issuer"] == [1, 1]
    empty = summarize([])
    assert empty.reports == 0 and empty.documents["kind"] == [0, 0]


def test_evaluate_totals_genres_and_documents(example_store):
    outcome = evaluate(example_store, GOLD)
    assert set(outcome.genres) == {"work_report", "policy"}
    assert sum(g.reports for g in outcome.genres.values()) == len(outcome.reports)
    for kind in KINDS:
        assert sum(g.kinds[kind].gold for g in outcome.genres.values()) == outcome.totals[kind].gold
    assert all(total == len(outcome.reports) for _, total in outcome.documents.values())


# several gold folders, stems -------------------------------------------------------------------------------
def _copy_gold(folder, names):
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text((GOLD / name).read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_evaluate_over_several_gold_folders(example_store, tmp_path):
    names = sorted(p.name for p in GOLD.glob("*.gold.json"))
    first, second = _copy_gold(tmp_path / "a", names[::2]), _copy_gold(tmp_path / "b", names[1::2])
    split, whole = evaluate(example_store, [first, second]), evaluate(example_store, GOLD)
    assert [s.source for s in split.reports] == [s.source for s in whole.reports]
    assert split.missing == whole.missing
    for kind in KINDS:
        assert split.totals[kind].f1 == whole.totals[kind].f1


def test_gold_stem_in_two_folders_is_an_error(tmp_path):
    name = next(GOLD.glob("*.gold.json")).name
    first, second = _copy_gold(tmp_path / "a", [name]), _copy_gold(tmp_path / "b", [name])
    with pytest.raises(KgError) as info:
        gold_files([first, second])
    assert str(first / name) in str(info.value) and str(second / name) in str(info.value)
    assert list(gold_files([first, first])) == [name[:-10]]   # one folder given twice is one folder


def test_report_stems_must_differ(tmp_path):
    assert set(unique_stems(["a.txt", "b.html"])) == {"a", "b"}
    with pytest.raises(KgError) as info:
        unique_stems(["dir1/a.txt", "dir2/a.html"])
    assert "dir1/a.txt" in str(info.value) and "dir2/a.html" in str(info.value)


def test_evaluate_lists_reports_without_gold(example_store, tmp_path):
    folder = _copy_gold(tmp_path / "one", [f"{Path(DONGCHANGFU).stem}.gold.json"])
    outcome = evaluate(example_store, folder)
    assert [s.source for s in outcome.reports] == [DONGCHANGFU]
    assert outcome.missing == []
    assert outcome.ungraded == sorted(p.name for p in EXAMPLES.glob("*.txt") if p.name != DONGCHANGFU)
