"""Score read-back records against gold annotations, as ``GUIDELINES.md`` defines.

- agencies match on (jurisdiction, name) where the name is the mention or any alias,
  compared after removing the jurisdiction prefix;
- places match on name (type scored separately as accuracy);
- policies and plans match on title or name;
- targets match on (value, unit) inside the same sentence; comparator, role, deadline and
  agency are accuracies over matched targets (deadline and agency only where gold gives one);
  a bare year and that year's last day are the same deadline;
- the document's own fields (title, issuer, jurisdiction, parents, date, kind) are accuracies
  over documents: exact match after removing spaces and bracket width (a null is right only
  where gold is null too);
- a report's genre is a work report (政府工作报告, 工作报告, 讲话 by the gold kind) or a policy
  document (everything else), so each genre can be scored on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.divisions import short_name

__all__ = [
    "DOCUMENT_FIELDS", "GENRES", "KINDS", "Counts", "FieldScore", "ReportScore", "Summary", "genre_of",
    "score_document", "score_report", "summarize", "total",
]

KINDS = ("agencies", "places", "policies", "plans", "organizations", "targets")
DOCUMENT_FIELDS = ("title", "issuer", "jurisdiction", "parents", "date", "kind")
GENRES = {"work_report": "work reports", "policy": "policy documents"}  # key -> label
_WORK_REPORT_KINDS = frozenset({"政府工作报告", "工作报告", "讲话"})


@dataclass
class Counts:
    """Matched, predicted and gold counts of one kind, with accuracies over matches."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0
    accuracy: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_hits: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[tuple[str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0 if not self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold
        for name, (right, total) in other.accuracy.items():
            acc = self.accuracy.setdefault(name, [0, 0])
            acc[0] += right
            acc[1] += total
        self.misses += other.misses
        self.false_hits += other.false_hits
        self.wrong += other.wrong

    def check(self, name: str, right: bool, gold: dict[str, Any], pred: dict[str, Any]) -> None:
        acc = self.accuracy.setdefault(name, [0, 0])
        acc[0] += int(right)
        acc[1] += 1
        if not right:
            self.wrong.append((name, gold, pred))


@dataclass(frozen=True)
class FieldScore:
    """One document field of one report: right or not, with both values for the error list."""

    right: bool
    predicted: Any
    gold: Any


@dataclass
class ReportScore:
    """One report's per-kind counts, its document-field scores and its genre (a ``GENRES`` key)."""

    source: str
    kinds: dict[str, Counts]
    document: dict[str, FieldScore] = field(default_factory=dict)
    genre: str = "policy"


@dataclass
class Summary:
    """Micro-averaged kinds and document-field accuracies (field -> [right, total]) over some reports."""

    reports: int = 0
    kinds: dict[str, Counts] = field(default_factory=dict)
    documents: dict[str, list[int]] = field(default_factory=dict)


def _strip(name: str, jurisdiction: str | None) -> str:
    prefixes = [jurisdiction, short_name(jurisdiction)] if jurisdiction else []
    for prefix in sorted(filter(None, prefixes), key=len, reverse=True):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    if name[:1] in "省市区县镇乡" and len(name) > 2:
        return name[1:]
    return name


_BRACKETS = str.maketrans("（）【】", "()[]")


def _name(text: str | None) -> str:
    """A name compared as gold writes it: full- and half-width brackets are the same."""
    return (text or "").translate(_BRACKETS)


def _agency_names(entry: dict[str, Any]) -> set[str]:
    jur = entry.get("jurisdiction")
    return {_strip(_name(n), jur) for n in [entry.get("mention"), *(entry.get("aliases") or [])] if n}


def _match(
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    same: Callable[[dict[str, Any], dict[str, Any]], bool],
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Greedy one-to-one matching in order; returns pairs, unmatched gold, unmatched predictions."""
    free = list(pred)
    pairs, misses = [], []
    for g in gold:
        hit = next((p for p in free if same(g, p)), None)
        if hit is None:
            misses.append(g)
        else:
            free.remove(hit)
            pairs.append((g, hit))
    return pairs, misses, free


def _counts(gold: list[dict], pred: list[dict], same: Callable[[dict, dict], bool]) -> tuple[Counts, list]:
    pairs, misses, extra = _match(gold, pred, same)
    counts = Counts(matched=len(pairs), predicted=len(pred), gold=len(gold), misses=misses, false_hits=extra)
    return counts, pairs


def _same_number(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))
    except (TypeError, ValueError):
        return False


def _compact(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isalnum() or ch in "%.")


def _same_target(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if not (_same_number(g.get("value"), p.get("value")) and g.get("unit") == p.get("unit")):
        return False
    gold_text, text, sentence = _compact(g.get("text")), _compact(p.get("text")), _compact(p.get("sentence"))
    if not gold_text:
        return False
    if gold_text in sentence or gold_text in text:
        return True
    if not text or text not in gold_text:
        return False
    return not sentence or _around(gold_text, text) in sentence


def _around(gold_text: str, text: str, width: int = 4) -> str:
    """``text`` inside ``gold_text`` with up to ``width`` characters either side: a short
    predicted span matches a longer gold span only where the two sentences agree around it."""
    start = gold_text.find(text)
    return gold_text[max(0, start - width):start + len(text) + width]


_YEAR = re.compile(r"\d{4}")


def _deadline(value: Any) -> str | None:
    """A deadline as an ISO day: a bare year is that year's last day, as GUIDELINES.md scores it."""
    if value in (None, ""):
        return None
    text = str(value)[:10]
    return f"{text}-12-31" if _YEAR.fullmatch(text) else text


def genre_of(document: dict[str, Any] | None) -> str:
    """``work_report`` when the (gold) document's kind is a work report or speech, else ``policy``."""
    return "work_report" if (document or {}).get("kind") in _WORK_REPORT_KINDS else "policy"


_SPACE = re.compile(r"\s+")


def _text(value: Any) -> str | None:
    """A document string as gold writes it: no spaces, one bracket width, no 《》 around a whole title."""
    text = _SPACE.sub("", _name(str(value))) if value is not None else ""
    if text.startswith("《") and text.endswith("》"):
        text = text[1:-1]
    return text or None


def _comparable(name: str, value: Any) -> Any:
    if name == "parents":
        return tuple(filter(None, (_text(v) for v in value or [])))
    return _text(value)


def score_document(pred: dict[str, Any] | None, gold: dict[str, Any] | None) -> dict[str, FieldScore]:
    """Each of ``DOCUMENT_FIELDS`` right or wrong: equal after normalisation, null right only against null."""
    pred, gold = pred or {}, gold or {}
    return {name: FieldScore(_comparable(name, pred.get(name)) == _comparable(name, gold.get(name)),
                             pred.get(name), gold.get(name))
            for name in DOCUMENT_FIELDS}


def score_report(pred: dict[str, Any], gold: dict[str, Any]) -> ReportScore:
    """Per-kind counts and accuracies of one predicted record against its gold record."""
    kinds: dict[str, Counts] = {}
    kinds["agencies"], _ = _counts(
        gold.get("agencies", []), pred.get("agencies", []),
        lambda g, p: g.get("jurisdiction") == p.get("jurisdiction") and bool(_agency_names(g) & _agency_names(p)),
    )
    kinds["places"], pairs = _counts(gold.get("places", []), pred.get("places", []),
                                     lambda g, p: _name(g["name"]) == _name(p["name"]))
    for g, p in pairs:
        kinds["places"].check("type", g.get("type") == p.get("type"), g, p)
    kinds["policies"], _ = _counts(gold.get("policies", []), pred.get("policies", []),
                                   lambda g, p: _name(g["title"]) == _name(p["title"]))
    kinds["plans"], _ = _counts(gold.get("plans", []), pred.get("plans", []),
                                lambda g, p: _name(g["name"]) == _name(p["name"]))
    kinds["organizations"], _ = _counts(gold.get("organizations", []), pred.get("organizations", []),
                                        lambda g, p: _name(g["name"]) == _name(p["name"]))
    counts, pairs = _counts(gold.get("targets", []), pred.get("targets", []), _same_target)
    for g, p in pairs:
        counts.check("comparator", g.get("comparator") == p.get("comparator"), g, p)
        counts.check("role", g.get("role") == p.get("role"), g, p)
        if g.get("deadline"):
            counts.check("deadline", _deadline(g["deadline"]) == _deadline(p.get("deadline")), g, p)
        if g.get("agency"):
            jur = pred.get("document", {}).get("jurisdiction")
            same = p.get("agency") and _strip(g["agency"], jur) == _strip(p["agency"], jur)
            counts.check("agency", bool(same), g, p)
    kinds["targets"] = counts
    document = score_document(pred.get("document"), gold.get("document"))
    return ReportScore(pred.get("source", "?"), kinds, document, genre_of(gold.get("document")))


def total(scores: Iterable[ReportScore]) -> dict[str, Counts]:
    """Sum per-kind counts over reports (micro-averaged scores)."""
    out = {kind: Counts() for kind in KINDS}
    for score in scores:
        for kind, counts in score.kinds.items():
            out[kind].add(counts)
    return out


def summarize(scores: Iterable[ReportScore]) -> Summary:
    """Kinds summed over reports (as ``total``) and document-field accuracies counted over them."""
    scores = list(scores)
    documents = {name: [0, 0] for name in DOCUMENT_FIELDS}
    for score in scores:
        for name, result in score.document.items():
            documents[name][0] += int(result.right)
            documents[name][1] += 1
    return Summary(len(scores), total(scores), documents)
