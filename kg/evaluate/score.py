"""Score read-back records against gold annotations, as ``GUIDELINES.md`` defines.

- agencies match on (jurisdiction, name) where the name is the mention or any alias,
  compared after removing the jurisdiction prefix;
- places match on name (type scored separately as accuracy);
- policies and plans match on title or name;
- targets match on (value, unit) inside the same sentence; comparator, role, deadline and
  agency are accuracies over matched targets (deadline and agency only where gold gives one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.divisions import short_name

__all__ = ["KINDS", "Counts", "ReportScore", "score_report", "total"]

KINDS = ("agencies", "places", "policies", "plans", "organizations", "targets")


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


@dataclass
class ReportScore:
    source: str
    kinds: dict[str, Counts]


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


def _deadline(value: Any) -> str | None:
    return str(value)[:10] if value not in (None, "") else None


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
    return ReportScore(pred.get("source", "?"), kinds)


def total(scores: Iterable[ReportScore]) -> dict[str, Counts]:
    """Sum per-kind counts over reports (micro-averaged scores)."""
    out = {kind: Counts() for kind in KINDS}
    for score in scores:
        for kind, counts in score.kinds.items():
            out[kind].add(counts)
    return out
