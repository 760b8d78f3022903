"""Promises across years: what a year's report set for an indicator, what the next year's report
said was achieved, and whether the promise was kept.

A work report's year is its plan year (the 2025 report, delivered in March 2025, sets the 2025
targets in its plan part and reviews 2024 in its review part). So the **target** of year Y is a
figure of the indicator in the plan part of Y's report and the **outcome** of Y a figure in the
review part of Y+1's report, in the target's unit. The rows come from the library query
``queries/indicator_track.rq``, so ``kg track`` and a SPARQL user see the same figures.

Which figure, when a part has several: the target is the first one stated as a target (role
``target``, a comparator: 左右, 以上, 以内, or a range) in a sentence saying it is this year's
(今年, 2025年, 预期目标, and not 去年), else the first stated, else the first; the outcome one in the
target's unit, preferring one whose sentence names the year (去年, 全年, 2024年). Figures of
several years are left out of both: 年均 (a yearly average), 累计, a comparison with a year other
than the one before (比2002年增长65.5%), and a count over :data:`_SPAN` times the yearly target
(a five-year review's 5771万人 against 900万人以上). Among targets, a 左右 or a range comes
before 以上/以内, which come before a bare figure (a past figure the plan part recalls).

The verdict uses the indicator's good direction (``data/indicators.tsv``): ``以上`` is met at or
above, ``以内`` at or below, a range inside it or beyond it in the good direction, ``左右`` (and a
bare figure) within :data:`TOLERANCE` of it or beyond it in the good direction; no target, no
outcome or different units → ``unknown``. A figure stated as a fall (降低2.5%, 下降3%以上; the
words of ``data/fall_words.txt``) is signed, a fall of 2.5 % being -2.5 (and 以上 a ceiling on the
signed value), so that 降低3% meets 降低2.5%左右 for an indicator whose good direction is down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.extract.lexicon import words
from kg.extract.targets import indicator_direction, standard_indicator
from kg.store import GraphStore

__all__ = [
    "QUERY", "TOLERANCE", "Figure", "YearTrack", "indicator_key", "promise", "track_indicator", "track_rows", "verdict",
]

QUERY = Path(__file__).resolve().parents[2] / "queries" / "indicator_track.rq"
TOLERANCE = 0.05
"""How far from a 左右 target an outcome may fall (as a share of the target) and still meet it:
5.2% meets 5%左右 (within 0.25 points), 4.7% misses it; beyond it in the good direction always meets."""
_MULTI_YEAR = re.compile(r"年均|平均每年|五年|累计|[0-9]{4}年至|[0-9]{4}[—-][0-9]{4}")
_RATES = {"%", "个百分点", "‰"}
_SPAN = 3
"""A count (jobs, output) over this many times the yearly target is a total of several years, not the year's."""
_FALL = re.compile(f"(?:{'|'.join(map(re.escape, words('fall_words.txt')))})(?![到至为])")
"""A fall stated by its size (降低2.5%), not a fall to a level (下降到5%, 降至5%)."""
_BASE_YEAR = re.compile(r"(?:比|较|同)((?:1[89]|2[0-9])[0-9]{2})年")


@dataclass(frozen=True)
class Figure:
    """One figure of the indicator: a target (with its range and comparator) or an outcome."""

    value: float
    unit: str
    sentence: str
    report: str
    value_max: float | None = None
    comparator: str = "="

    def as_target(self) -> dict[str, Any]:
        return {"value": self.value, "value_max": self.value_max, "comparator": self.comparator, "unit": self.unit,
                "sentence": self.sentence, "report": self.report}

    def as_outcome(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "sentence": self.sentence, "report": self.report}


@dataclass(frozen=True)
class YearTrack:
    """One year of an indicator: the promise, the outcome reported a year later, the verdict."""

    year: int
    target: Figure | None
    outcome: Figure | None
    verdict: str
    jurisdiction: str | None = None
    note: str = ""  # a year no stored report covers: "no 2020 report"

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: ``year``, ``target`` {value, value_max, comparator, unit, sentence, report},
        ``outcome`` {value, unit, sentence, report} (``null`` when missing), ``verdict``."""
        return {"year": self.year, "jurisdiction": self.jurisdiction,
                "target": self.target.as_target() if self.target else None,
                "outcome": self.outcome.as_outcome() if self.outcome else None, "verdict": self.verdict,
                "note": self.note}


def indicator_key(name: str) -> str:
    """The standard indicator a user's wording names (国内生产总值, GDP, 经济增长 → 生产总值); else the wording."""
    name = name.strip()
    if not name:
        raise KgError("give an indicator, e.g. 国内生产总值")
    return standard_indicator(name)


def track_rows(store: GraphStore, indicator: str, jurisdiction: str | None = None) -> list[dict[str, Any]]:
    """The rows of the library query ``indicator_track`` for the indicator (a key) and place."""
    from kg.query.library import select_rows

    if not QUERY.is_file():
        raise KgError(f"{QUERY}: the query library is missing (kg track needs queries/indicator_track.rq)")
    params = {"indicator": indicator, **({"place": jurisdiction} if jurisdiction else {})}
    names, rows = select_rows(store, QUERY.read_text(encoding="utf-8"), params)
    return [dict(zip(names, row, strict=True)) for row in rows]


def track_indicator(
    store: GraphStore, indicator: str, *, jurisdiction: str | None = None, start: int | None = None,
    end: int | None = None,
) -> list[YearTrack]:
    """Year by year, for every place (or only ``jurisdiction``): target, outcome and verdict.

    The years run from the first with a figure of the indicator to the last plan year of the
    place's reports, within ``start``..``end``; a year no report covers is listed with a note
    (``no 2020 report``) and neither figure, rather than left out unnoticed.
    """
    key = indicator_key(indicator)
    rows = track_rows(store, key, jurisdiction)
    covered = _report_years(store, jurisdiction)
    by_place: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_place.setdefault(str(row["jurisdiction"]), []).append(row)
    direction = indicator_direction(key)
    out: list[YearTrack] = []
    for place in sorted(by_place):
        years = covered.get(place, set())
        found = [r["year"] - (r["part"] == "review") for r in by_place[place]]
        first, last = max(min(found), start or min(found)), min(max(years | set(found)), end or 9999)
        for year in range(first, last + 1):
            target = promise((r for r in by_place[place] if r["year"] == year and r["part"] == "plan"), year)
            outcome = _outcome((r for r in by_place[place] if r["year"] == year + 1 and r["part"] == "review"),
                               year, target)
            note = "; ".join(n for n in (
                f"no {year} report" if year not in years else "",
                f"no {year + 1} report to give the outcome" if year + 1 not in years and year in years else "",
            ) if n)
            out.append(YearTrack(year, target, outcome, verdict(target, outcome, direction), place, note))
    return out


def verdict(target: Figure | None, outcome: Figure | None, direction: str | None) -> str:
    """``met``, ``missed`` or ``unknown`` (see the module docstring for the rules)."""
    if target is None or outcome is None or target.unit != outcome.unit:
        return "unknown"
    low, got = target.value, outcome.value
    high = target.value_max if target.value_max is not None else low
    if target.comparator == ">=":
        return "met" if got >= low else "missed"
    if target.comparator == "<=":
        return "met" if got <= high else "missed"
    if target.value_max is None:  # 左右 or a bare figure: a band around it
        slack = abs(low) * TOLERANCE
        low, high = low - slack, high + slack
    if low <= got <= high or (direction == "up" and got > high) or (direction == "down" and got < low):
        return "met"
    return "missed"


def _figure(row: dict[str, Any]) -> Figure:
    """The row's figure, signed: a fall stated by its size is negative (see the module docstring)."""
    value = float(row["value"])
    value_max = float(row["valueMax"]) if row.get("valueMax") is not None else None
    comparator = str(row["comparator"])
    if _FALL.search(str(row.get("text") or "")):
        value, value_max = (-value, None) if value_max is None else (-value_max, -value)
        comparator = {">=": "<=", "<=": ">="}.get(comparator, comparator)
    return Figure(value, str(row["unit"]), str(row["sentence"]), str(row["report"]), value_max, comparator)


def promise(rows: Any, year: int) -> Figure | None:
    """The year's promise: the first figure stated as a target (role target, a comparator or a range),
    preferring one whose sentence says it is this year's (今年, 2025年, 预期目标); multi-year figures left out."""
    rows = [r for r in rows if not _MULTI_YEAR.search(str(r["text"]))]

    def rank(row: dict[str, Any]) -> tuple[int, int, int]:
        aim = 0 if row["comparator"] == "~" or row.get("valueMax") is not None else 1 if row["comparator"] != "=" else 2
        stated = row["role"] == "target" or aim < 2
        sentence = str(row["sentence"])
        this_year = any(word in sentence for word in ("今年", f"{year}年", "预期目标")) and not any(
            word in sentence for word in (f"{year - 1}年", "去年", "过去一年"))
        return (0 if stated and this_year else 1 if stated else 2), aim, int(row["offset"])

    return _figure(min(rows, key=rank)) if rows else None


def _outcome(rows: Any, year: int, target: Figure | None) -> Figure | None:
    """The year's result as the next report gives it: a figure in the target's unit about that year alone,
    the first whose sentence names the year (2024年, 去年, 过去一年, 全年), else the first."""
    unit = target.unit if target else None
    found = []
    for row in rows:
        text = str(row["text"])
        base = _BASE_YEAR.search(text)
        if _MULTI_YEAR.search(text) or (base and int(base.group(1)) != year - 1) or (unit and row["unit"] != unit):
            continue
        if target is not None and unit not in _RATES and target.value and abs(float(row["value"])) > _SPAN * abs(
                target.value):
            continue  # 五年城镇新增就业5771万人 against a yearly 900万: a figure of several years
        found.append(row)
    named = [r for r in found if any(w in str(r["sentence"]) for w in (f"{year}年", "去年", "过去一年", "全年"))]
    return _figure((named or found)[0]) if found else None


def _report_years(store: GraphStore, jurisdiction: str | None) -> dict[str, set[int]]:
    """Place → the plan years of its stored reports (a resolution on a report is not one)."""
    sparql = """SELECT ?place ?year WHERE { GRAPH ?g { ?r a kg:Report ; kg:planYear ?y ;
                kg:jurisdiction/skos:prefLabel ?place . FILTER NOT EXISTS { ?r kg:kind "决议"@zh } }
                BIND(YEAR(?y) AS ?year) }"""
    years: dict[str, set[int]] = {}
    for place, year in store.query(sparql):
        if jurisdiction is None or str(place) == jurisdiction:
            years.setdefault(str(place), set()).add(int(year.toPython()))
    return years
