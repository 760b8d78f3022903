"""``kg eval`` and its printing: per-kind, document-field, per-genre and per-report tables, and the errors.

``--format json`` is one object ``{"kinds", "documents", "genres", "reports", "warnings"}``;
``--format csv`` is one long table (scope, name, item, metric, value) that carries the same figures.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click

from kg.cli.common import fail, format_option, print_rows, store_option
from kg.errors import KgError
from kg.evaluate import DOCUMENT_FIELDS, GENRES, KINDS, Counts, Evaluation, ReportScore

__all__ = ["eval_command", "evaluation_data", "evaluation_warnings", "print_evaluation"]

_GENRE_ACCURACIES = ("comparator", "role", "deadline")
_KEYS = {"agencies": "mention", "places": "name", "policies": "title", "plans": "name", "organizations": "name",
         "targets": "text"}
_MARK = {True: "✓", False: "✗"}


def _pct(value: float) -> str:
    return f"{value:.3f}"


def _ratio(right: int, total: int) -> float | None:
    return right / total if total else None


def _share(pair: list[int] | None) -> str:
    right, total = pair or (0, 0)
    return f"{right / total:.3f} ({right}/{total})" if total else ""


def evaluation_warnings(outcome: Evaluation, *, missing_hint: str = "") -> list[str]:
    """One line per gold file without a report (followed by ``missing_hint``) and per report without a gold file."""
    return ([f"{name}: gold file with no report{missing_hint}" for name in outcome.missing]
            + [f"{name}: report with no gold file" for name in outcome.ungraded])


def _kind_data(c: Counts) -> dict[str, Any]:
    return {"precision": c.precision, "recall": c.recall, "f1": c.f1, "matched": c.matched,
            "predicted": c.predicted, "gold": c.gold,
            "accuracy": {k: {"right": r, "total": t, "accuracy": _ratio(r, t)}
                         for k, (r, t) in sorted(c.accuracy.items())}}


def _documents_data(documents: dict[str, list[int]]) -> dict[str, Any]:
    return {name: {"right": r, "total": t, "accuracy": _ratio(r, t)} for name, (r, t) in documents.items()}


def _report_data(score: ReportScore) -> dict[str, Any]:
    return {"genre": score.genre,
            "kinds": {kind: _kind_data(score.kinds[kind]) for kind in KINDS},
            "documents": {name: {"right": f.right, "predicted": f.predicted, "gold": f.gold}
                          for name, f in score.document.items()}}


def evaluation_data(outcome: Evaluation) -> dict[str, Any]:
    """Everything ``kg eval`` measured, as plain JSON-ready data with stable keys."""
    return {
        "kinds": {kind: _kind_data(outcome.totals[kind]) for kind in KINDS},
        "documents": _documents_data(outcome.documents),
        "genres": {genre: {"label": GENRES[genre], "reports": s.reports,
                           "kinds": {kind: _kind_data(s.kinds[kind]) for kind in KINDS},
                           "documents": _documents_data(s.documents)}
                   for genre, s in outcome.genres.items()},
        "reports": {s.source: _report_data(s) for s in outcome.reports},
        "warnings": evaluation_warnings(outcome),
    }


def _csv_rows(data: dict[str, Any]) -> list[list[Any]]:
    """``evaluation_data`` flattened to (scope, name, item, metric, value) rows."""
    rows: list[list[Any]] = []

    def kinds(scope: str, name: str, entries: dict[str, Any]) -> None:
        for kind, entry in entries.items():
            rows.extend([scope, name, kind, k, entry[k]] for k in ("precision", "recall", "f1", "matched",
                                                                    "predicted", "gold"))
            rows.extend([scope, name, kind, acc, value["accuracy"]] for acc, value in entry["accuracy"].items())

    def documents(scope: str, name: str, entries: dict[str, Any]) -> None:
        for item, entry in entries.items():
            rows.extend([scope, name, item, k, entry[k]] for k in ("accuracy", "right", "total"))

    kinds("total", "", data["kinds"])
    documents("total", "", data["documents"])
    for genre, entry in data["genres"].items():
        rows.append(["genre", genre, "", "reports", entry["reports"]])
        kinds("genre", genre, entry["kinds"])
        documents("genre", genre, entry["documents"])
    for source, entry in data["reports"].items():
        rows.append(["report", source, "", "genre", entry["genre"]])
        kinds("report", source, entry["kinds"])
        for item, value in entry["documents"].items():
            rows += [["report", source, item, "right", int(value["right"])],
                     ["report", source, item, "predicted", _plain(value["predicted"])],
                     ["report", source, item, "gold", _plain(value["gold"])]]
    rows.extend(["warning", "", "", "", line] for line in data["warnings"])
    return rows


def _plain(value: Any) -> Any:
    return "、".join(map(str, value)) if isinstance(value, list) else value


def _print_csv(data: dict[str, Any]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["scope", "name", "item", "metric", "value"])
    writer.writerows([("" if v is None else v) for v in row] for row in _csv_rows(data))


def print_evaluation(outcome: Evaluation, *, fmt: str = "table", show_errors: bool = False) -> None:
    """Per-kind table (P/R/F1 and accuracies), document fields, genres, per-report table, optionally errors."""
    if fmt in ("json", "csv"):
        data = evaluation_data(outcome)
        if fmt == "json":
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            _print_csv(data)
        return
    _print_kinds(outcome)
    click.echo()
    _print_documents(outcome)
    click.echo()
    _print_genres(outcome)
    click.echo()
    _print_reports(outcome)
    if show_errors:
        _print_errors(outcome)


def _print_kinds(outcome: Evaluation) -> None:
    rows = []
    for kind in KINDS:
        c = outcome.totals[kind]
        accs = ", ".join(f"{name} {r / t:.3f} ({r}/{t})" for name, (r, t) in sorted(c.accuracy.items()) if t)
        rows.append([kind, _pct(c.precision), _pct(c.recall), _pct(c.f1), c.matched, c.predicted, c.gold, accs])
    print_rows(["kind", "precision", "recall", "F1", "matched", "predicted", "gold", "accuracy"], rows)


def _print_documents(outcome: Evaluation) -> None:
    rows = [[name, _share(outcome.documents.get(name)),
             *(_share(outcome.genres[genre].documents.get(name)) for genre in GENRES)] for name in DOCUMENT_FIELDS]
    print_rows(["document field", "accuracy", *GENRES.values()], rows)


def _print_genres(outcome: Evaluation) -> None:
    rows = []
    for genre, label in GENRES.items():
        summary = outcome.genres[genre]
        targets = summary.kinds["targets"].accuracy
        rows.append([label, summary.reports, *(_pct(summary.kinds[k].f1) for k in KINDS),
                     *(_share(targets.get(name)) for name in _GENRE_ACCURACIES)])
    print_rows(["genre", "reports", *(f"{k} F1" for k in KINDS), *_GENRE_ACCURACIES], rows)


def _print_reports(outcome: Evaluation) -> None:
    rows = [[s.source, *(_pct(s.kinds[k].f1) for k in KINDS), *(_MARK[s.document[f].right] for f in DOCUMENT_FIELDS)]
            for s in outcome.reports]
    print_rows(["report", *KINDS, *DOCUMENT_FIELDS], rows)


def _print_errors(outcome: Evaluation) -> None:
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
    wrong = [(s.source, name, f) for s in outcome.reports for name, f in s.document.items() if not f.right]
    click.echo(f"\n== document: {len(wrong)} wrong fields")
    for source, name, f in wrong:
        click.echo(f"  WRONG {source} {name}: gold {f.gold!r} got {f.predicted!r}")


def _brief(entry: dict) -> str:
    fields = {k: v for k, v in entry.items() if k not in ("aliases",) and v not in (None, [], "")}
    return json.dumps(fields, ensure_ascii=False)


@click.command("eval")
@click.option("--gold", "gold_dirs", required=True, multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Folder of *.gold.json files (repeatable).")
@click.option("--reports", "reports_dirs", multiple=True, type=click.Path(exists=True),
              help="Build these report folders or files into a throwaway store and score them (repeatable; "
              "default: use --store).")
@click.option("--show-errors", is_flag=True, help="List misses, false hits and wrong fields with their sentences.")
@store_option
@format_option
def eval_command(gold_dirs: tuple[str, ...], reports_dirs: tuple[str, ...], show_errors: bool, store_dir: str | None,
                 fmt: str) -> None:
    """Score the graph against gold annotations: per-kind precision, recall, F1.

    Also the accuracy of the document fields (title, issuer, jurisdiction, parents, date,
    kind), the same split into work reports and policy documents (by the gold kind), and a
    per-report table. Reports match gold files by file stem; a gold file without a report,
    or a report without a gold file, is a warning line on stderr.

    \b
    Examples:
      kg build examples/reports && kg eval --gold ../shared/gold
      kg eval --gold ../shared/gold --reports ../shared/corpus/seeds --reports ../shared/corpus/dev
      kg eval --gold ../shared/gold --reports examples/reports --show-errors --format json
    """
    try:
        outcome = _evaluation(gold_dirs, reports_dirs, store_dir)
    except KgError as error:
        raise fail(error) from None
    hint = "" if reports_dirs else " (not in the store: run kg build on it, or use --reports)"
    for line in evaluation_warnings(outcome, missing_hint=hint):
        click.echo(f"warning: {line}", err=True)
    if not outcome.reports:
        raise fail("no report matches a gold file: nothing to score")
    print_evaluation(outcome, fmt=fmt, show_errors=show_errors)


def _evaluation(gold_dirs: tuple[str, ...], reports_dirs: tuple[str, ...], store_dir: str | None) -> Evaluation:
    """Score the reports of ``reports_dirs`` (built in memory; stems must differ) or of the store."""
    from kg.evaluate import evaluate, unique_stems
    from kg.store import open_store

    if not reports_dirs:
        with open_store(store_dir, read_only=True) as store:
            return evaluate(store, gold_dirs)
    from kg.build import build as run_build
    from kg.build import report_files

    files, errors = report_files(reports_dirs)
    if errors:
        raise KgError(str(errors[0]))
    unique_stems(files)
    with open_store(memory=True) as store:
        result = run_build(files, store)
        for error in result.failed:
            click.echo(f"error: {error}", err=True)
        return evaluate(store, gold_dirs)
