"""Printing ``kg eval`` results: per-kind and per-report tables, and the error list."""

from __future__ import annotations

import json

import click

from kg.cli.common import print_rows
from kg.evaluate import KINDS, Evaluation

__all__ = ["print_evaluation"]

_ACCURACIES = {"places": ["type"], "targets": ["comparator", "role", "deadline", "agency"]}
_KEYS = {"agencies": "mention", "places": "name", "policies": "title", "plans": "name", "organizations": "name",
         "targets": "text"}


def _pct(value: float) -> str:
    return f"{value:.3f}"


def print_evaluation(outcome: Evaluation, *, fmt: str = "table", show_errors: bool = False) -> None:
    """Per-kind table (P/R/F1 and accuracies), per-report F1 table, and optionally the errors."""
    if fmt == "json":
        data = {
            "totals": {kind: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "matched": c.matched,
                              "predicted": c.predicted, "gold": c.gold,
                              "accuracy": {k: (r / t if t else None) for k, (r, t) in c.accuracy.items()}}
                       for kind, c in outcome.totals.items()},
            "reports": {s.source: {kind: c.f1 for kind, c in s.kinds.items()} for s in outcome.reports},
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows = []
    for kind in KINDS:
        c = outcome.totals[kind]
        accs = ", ".join(f"{name} {r / t:.3f} ({r}/{t})" for name, (r, t) in sorted(c.accuracy.items()) if t)
        rows.append([kind, _pct(c.precision), _pct(c.recall), _pct(c.f1), c.matched, c.predicted, c.gold, accs])
    print_rows(["kind", "precision", "recall", "F1", "matched", "predicted", "gold", "accuracy"], rows, fmt)
    click.echo()
    print_rows(["report", *KINDS], [[s.source, *(_pct(s.kinds[k].f1) for k in KINDS)] for s in outcome.reports], fmt)
    if not show_errors:
        return
    for kind in KINDS:
        c = outcome.totals[kind]
        key = _KEYS[kind]
        click.echo(f"\n== {kind}: {len(c.misses)} missed, {len(c.false_hits)} false hits, {len(c.wrong)} wrong fields")
        for entry in c.misses:
            click.echo(f"  MISS  {entry.get(key)}  {_brief(entry)}")
        for entry in c.false_hits:
            click.echo(f"  FALSE {entry.get(key)}  {_brief(entry)}")
        for name, gold, pred in c.wrong:
            click.echo(f"  WRONG {name}: gold {gold.get(name)!r} got {pred.get(name)!r}  [{gold.get(key)}]"
                       + (f"  « {pred['sentence']} »" if pred.get("sentence") else ""))


def _brief(entry: dict) -> str:
    fields = {k: v for k, v in entry.items() if k not in ("aliases",) and v not in (None, [], "")}
    return json.dumps(fields, ensure_ascii=False)
