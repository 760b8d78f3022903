"""The held-out evaluation set (tests/data/heldout): every gold file reads in kg's gold reader and
follows the schema of GUIDELINES.md, and every text builds and meets its gold file, so that
``kg eval --gold tests/data/heldout --reports tests/data/heldout`` scores all of it.

No score is asserted: the set measures the extractors, it does not pin them.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from kg.build import build, report_files
from kg.evaluate import DOCUMENT_FIELDS, KINDS, evaluate, gold_files

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
TEXTS = sorted(HELDOUT.glob("*.txt"))
GOLDS = sorted(HELDOUT.glob("*.gold.json"))

PLACE_TYPES = {"River", "Lake", "Road", "Town", "Subdistrict", "District", "County", "City", "Province", "Area",
               "Park", "Landmark", "Community", "Village", "Facility"}
COMPARATORS = {"=", ">=", "<=", "~"}
ROLES = {"target", "achievement", "statistic", "change"}
POLICY_STATUS = {"planned", "issued", "cited"}


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _text(gold: dict) -> str:
    """The source text as gold strings write it: full-width digits and letters folded to half-width
    (punctuation stays full-width)."""
    return "".join(map(_half_width, (HELDOUT / gold["source"]).read_text(encoding="utf-8")))


def _half_width(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if ch.isalnum() and folded.isascii() else ch


def test_set_is_five_documents_each_with_its_gold_file():
    assert len(TEXTS) == 5
    assert {p.name[: -len(".gold.json")] for p in GOLDS} == {p.stem for p in TEXTS}


def test_gold_reader_reads_every_file():
    assert sorted(gold_files([HELDOUT]).values()) == GOLDS


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name)
def test_gold_file_follows_the_schema(path):
    gold = _gold(path)
    assert gold["source"] == path.name.replace(".gold.json", ".txt")
    assert set(DOCUMENT_FIELDS) <= set(gold["document"])
    assert set(KINDS) <= set(gold)
    for place in gold["places"]:
        assert place["type"] in PLACE_TYPES, place
    for policy in gold["policies"]:
        assert policy["status"] in POLICY_STATUS, policy
    for target in gold["targets"]:
        assert isinstance(target["value"], int | float) and not isinstance(target["value"], bool), target
        assert target["unit"] and target["comparator"] in COMPARATORS and target["role"] in ROLES, target
        assert target.get("value_max") is None or target["value_max"] > target["value"], target


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name)
def test_gold_strings_come_from_the_text(path):
    """Target spans, agency mentions and place names are copied from the text, not paraphrased
    (names split from a shared head, like A、B等专项行动, are the exception and are not checked)."""
    gold = _gold(path)
    text = _text(gold)
    assert [t["text"] for t in gold["targets"] if t["text"] not in text] == []
    assert all(a["mention"] in text for a in gold["agencies"])
    assert all(p["name"] in text for p in gold["places"])
    assert all(p["title"] in text for p in gold["policies"])


@pytest.fixture(scope="module")
def heldout_evaluation():
    from kg.store import open_store

    files, errors = report_files([HELDOUT])
    assert errors == []
    with open_store(memory=True) as store:
        result = build(files, store)
        yield result, evaluate(store, HELDOUT)


def test_every_text_builds_without_warnings(heldout_evaluation):
    result, _ = heldout_evaluation
    assert result.failed == []
    assert sorted(s.source for s in result.built) == [p.name for p in TEXTS]
    assert [s.warnings for s in result.built] == [()] * len(TEXTS)


def test_every_gold_file_meets_its_report(heldout_evaluation):
    _, outcome = heldout_evaluation
    assert outcome.missing == [] and outcome.ungraded == []
    assert len(outcome.reports) == len(GOLDS)
    for kind in KINDS:  # the gold side of each count is exactly what the files hold
        assert outcome.totals[kind].gold == sum(len(_gold(p)[kind]) for p in GOLDS), kind
