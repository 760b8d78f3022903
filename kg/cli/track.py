"""``kg track`` and ``kg diff``: promises across years, and how two reports' targets differ."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.common import fail, format_option, print_rows, store_option
from kg.errors import KgError

__all__ = ["diff", "track"]

TRACK_COLUMNS = ["jurisdiction", "year", "target", "outcome", "verdict", "note", "target_sentence", "target_report",
                 "outcome_sentence", "outcome_report"]


def _check_plot(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value and Path(value).suffix.lower() not in {".png", ".svg", ".pdf"}:
        raise click.BadParameter(f"{value}: plots are written as .png, .svg or .pdf", ctx, param)
    return value


@click.command()
@click.argument("indicator")
@click.option("--jurisdiction", "-j", metavar="PLACE", help="Only this place's reports (中国, 山东省 …).")
@click.option("--from", "start", type=int, metavar="YEAR", help="First year shown.")
@click.option("--to", "end", type=int, metavar="YEAR", help="Last year shown.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), callback=_check_plot,
              help="Also draw target (a band for ranges) against outcome, year by year (.png, .svg or .pdf).")
@store_option
@format_option
def track(indicator: str, jurisdiction: str | None, start: int | None, end: int | None, plot_path: str | None,
          store_dir: str | None, fmt: str) -> None:
    """What each year's report promised for INDICATOR, what the next year's report says was achieved, and
    whether the promise was met.

    INDICATOR is matched through the standard indicator table (国内生产总值, GDP and 经济增长
    are one). The target of year Y is from the plan part of Y's report, the outcome from the
    review part of Y+1's; the verdict is met, missed or unknown (no target or no outcome;
    see kg/analyse/track.py for the rules and the 左右 tolerance). A year with no stored
    report is listed with a note.

    \b
    Example:
      kg build government_work_reports.jsonl
      kg track 国内生产总值 --jurisdiction 中国 --from 2015 --plot gdp.png
      kg track 城镇新增就业 -j 中国 --format json
    """
    from kg.analyse.track import indicator_key, track_indicator
    from kg.store import open_store

    try:
        with open_store(store_dir, read_only=True) as store:
            years = track_indicator(store, indicator, jurisdiction=jurisdiction, start=start, end=end)
    except KgError as error:
        raise fail(error) from None
    if not years:
        where = f" for {jurisdiction}" if jurisdiction else ""
        raise fail(f"{indicator}: no target or outcome of indicator {indicator_key(indicator)!r}{where} in the store")
    if fmt == "json":
        click.echo(json.dumps([y.as_dict() for y in years], ensure_ascii=False, indent=2))
    else:
        print_rows(TRACK_COLUMNS, [_track_row(y) for y in years], fmt)
    if plot_path:
        from kg.analyse.plots import plot_indicator_track, save_figure

        try:
            click.echo(f"wrote {save_figure(plot_indicator_track(years, indicator_key(indicator)), plot_path)}",
                       err=True)
        except ValueError as error:
            raise fail(str(error)) from None


def _track_row(year) -> list[object]:
    from kg.analyse.compare import written_target

    t, o = year.target, year.outcome
    return [year.jurisdiction, year.year, written_target(t), written_target(o), year.verdict, year.note,
            t and t.sentence, t and t.report, o and o.sentence, o and o.report]


@click.command()
@click.argument("report_a")
@click.argument("report_b")
@click.option("--standard", is_flag=True, help="Only the indicators of the standard table (生产总值, 城镇新增就业 …).")
@store_option
@format_option
def diff(report_a: str, report_b: str, standard: bool, store_dir: str | None, fmt: str) -> None:
    """How the targets of REPORT_B differ from REPORT_A's, indicator by indicator: raised, lowered,
    changed (another unit or comparator), new, dropped and kept, with the sentences.

    Reports are named as `kg stats` lists them; a part of the name that only one report has works
    too (say 2024年中华人民共和国国务院政府工作报告). Each report's target for an indicator is the one
    of its plan part that kg track would take.

    \b
    Example:
      kg diff 2024年中华人民共和国国务院政府工作报告 2025年中华人民共和国国务院政府工作报告 --standard
    """
    from kg.analyse.compare import TARGET_COLUMNS, target_changes
    from kg.analyse.projections import ensure_index
    from kg.graph.property_graph import property_graph
    from kg.store import open_store

    try:
        with open_store(store_dir, read_only=True) as store:
            reports = {str(r): str(s) for r, s in store.query(
                "SELECT ?r ?s WHERE { GRAPH ?r { ?r a kg:Report ; kg:sourceFile ?s } }")}
            a, b = _report(reports, report_a), _report(reports, report_b)
            index = ensure_index(property_graph(store, graphs=[a, b]))
        changes = target_changes(index, a, b, standard=standard)
    except KgError as error:
        raise fail(error) from None
    if fmt == "table":
        click.echo(f"A = {reports[a]}\nB = {reports[b]}")
    print_rows(TARGET_COLUMNS, [c.row() for c in changes], fmt)


def _report(reports: dict[str, str], name: str) -> str:
    """The IRI of the report ``name`` names: its source or IRI, else the only source containing it."""
    from kg.analyse.nodes import find_report

    try:
        return find_report(reports, name)
    except KgError:
        matches = [uri for uri, source in reports.items() if name in source]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise KgError(f"{name}: names {len(matches)} reports ({', '.join(sorted(reports[m] for m in matches)[:5])}"
                          " …); give more of the name") from None
        raise KgError(f"{name}: no such report in the store (kg stats lists them)") from None
