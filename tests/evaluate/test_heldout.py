"""The held-out evaluation sets (tests/data/heldout, heldout2 … heldout7): every gold file reads in
kg's gold reader and follows the schema of GUIDELINES.md, and every text builds and meets its gold
file, so that ``kg eval --gold tests/data/heldoutN --reports tests/data/heldoutN`` scores all of it.

No score is asserted: the sets measure the extractors, they do not pin them.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from kg.build import build, report_files
from kg.evaluate import DOCUMENT_FIELDS, KINDS, evaluate, gold_files

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = {"heldout": 5, "heldout2": 6, "heldout3": 6, "heldout4": 6, "heldout5": 6, "heldout6": 6,
        "heldout7": 6}  # folder -> documents
FOLDERS = [DATA / name for name in SETS]
GOLDS = [path for folder in FOLDERS for path in sorted(folder.glob("*.gold.json"))]

PLACE_TYPES = {"River", "Lake", "Road", "Town", "Subdistrict", "District", "County", "City", "Province", "Area",
               "Park", "Landmark", "Community", "Village", "Facility"}
COMPARATORS = {"=", ">=", "<=", "~"}
ROLES = {"target", "achievement", "statistic", "change"}
POLICY_STATUS = {"planned", "issued", "cited"}


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _text(path: Path, gold: dict) -> str:
    """The source text as gold strings write it: full-width digits, letters, decimal points and percent
    signs folded to half-width, as kg's reader folds them (other punctuation stays full-width)."""
    return "".join(map(_half_width, (path.parent / gold["source"]).read_text(encoding="utf-8")))


def _unspaced(text: str) -> str:
    return text.replace(" ", "")


def _half_width(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded.isascii() and (ch.isalnum() or folded in ".%") else ch


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_set_has_its_documents_each_with_its_gold_file(folder):
    texts, golds = sorted(folder.glob("*.txt")), sorted(folder.glob("*.gold.json"))
    assert len(texts) == SETS[folder.name]
    assert {p.name[: -len(".gold.json")] for p in golds} == {p.stem for p in texts}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_gold_reader_reads_every_file(folder):
    assert sorted(gold_files([folder]).values()) == sorted(folder.glob("*.gold.json"))


@pytest.mark.parametrize("path", GOLDS, ids=_id)
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


@pytest.mark.parametrize("path", GOLDS, ids=_id)
def test_gold_strings_come_from_the_text(path):
    """Target spans, agency mentions, place names and policy titles are copied from the text, not
    paraphrased. Names split from a shared head (A、B等专项行动, A、B等高铁) are the exception: plans are
    not checked, and a place split so carries the form the text writes as an alias. Spaces do not count:
    GUIDELINES writes strings with spaces removed, so a source that spaces its digits (1 9 9 7 年) is
    quoted without them."""
    gold = _gold(path)
    text = _unspaced(_text(path, gold))

    def quoted(string: str) -> bool:
        return _unspaced(string) in text

    assert [t["text"] for t in gold["targets"] if not quoted(t["text"])] == []
    assert [a["mention"] for a in gold["agencies"] if not quoted(a["mention"])] == []
    assert [p["name"] for p in gold["places"]
            if not any(quoted(name) for name in [p["name"], *p.get("aliases", [])])] == []
    assert [p["title"] for p in gold["policies"] if not quoted(p["title"])] == []


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: p.name)
def heldout_evaluation(request):
    from kg.store import open_store

    folder = request.param
    files, errors = report_files([folder])
    assert errors == []
    with open_store(memory=True) as store:
        result = build(files, store)
        yield folder, result, evaluate(store, folder)


def test_every_text_builds_without_warnings(heldout_evaluation):
    folder, result, _ = heldout_evaluation
    texts = sorted(folder.glob("*.txt"))
    assert result.failed == []
    assert sorted(s.source for s in result.built) == [p.name for p in texts]
    assert [s.warnings for s in result.built] == [()] * len(texts)


def test_every_gold_file_meets_its_report(heldout_evaluation):
    folder, _, outcome = heldout_evaluation
    golds = sorted(folder.glob("*.gold.json"))
    assert outcome.missing == [] and outcome.ungraded == []
    assert len(outcome.reports) == len(golds)
    for kind in KINDS:  # the gold side of each count is exactly what the files hold
        assert outcome.totals[kind].gold == sum(len(_gold(p)[kind]) for p in golds), kind
