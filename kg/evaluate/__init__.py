"""Scoring the stored graph against gold annotations (``kg eval``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.evaluate.score import KINDS, Counts, ReportScore, score_report, total
from kg.query.readback import report_record
from kg.store import GraphStore

__all__ = ["KINDS", "Counts", "Evaluation", "ReportScore", "evaluate", "score_report"]


@dataclass
class Evaluation:
    """Per-report scores, their micro-averaged totals, and gold files whose report is not stored."""

    reports: list[ReportScore] = field(default_factory=list)
    totals: dict[str, Counts] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def evaluate(store: GraphStore, gold_dir: str | Path) -> Evaluation:
    """Score every ``*.gold.json`` in ``gold_dir`` against the stored report of the same source."""
    files = sorted(Path(gold_dir).glob("*.gold.json"))
    if not files:
        raise KgError(f"{gold_dir}: no *.gold.json files")
    result = Evaluation()
    for path in files:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise KgError(f"{path}: not a readable gold file ({exc})") from None
        record = report_record(store, gold["source"])
        if record is None:
            result.missing.append(gold["source"])
            continue
        result.reports.append(score_report(record, gold))
    result.totals = total(result.reports)
    return result
