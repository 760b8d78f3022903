"""Report metadata from the title line(s), the page's meta line and the text.

Rules, all general:

* title: the short line near the top that names a document kind (data/kinds.tsv),
  the longest such line; a leading ``（山东省）`` and a trailing ``（2023年1月7日）``
  are taken off and used as parent and date.
* issuer/jurisdiction: ``…人民政府`` in the title; else a division chain or an
  anonymised place (``XX市``) opening the title; else, for a bare title such as
  ``政府工作报告``, the prefecture-level city the text names most, when the text
  clearly says so.
* parents: the title's chain and the parenthesised province, completed from the
  division table; for an anonymised place, a province the text names.
* date: the title's date, else the page meta line (``时间：2019-05-18``), else a
  date line at the top; masked years (``201*年``) give nothing.
* plan_year: a 政府工作报告 dated Nov/Dec plans the next year, Jan-Oct the same year;
  otherwise the year the text's plan phrases name, or the date's year when the text
  speaks of ``今年``/``年内``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from kg import divisions
from kg.data import data_rows
from kg.loaders.model import Metadata

__all__ = ["extract_metadata", "find_title", "kind_of"]

_DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})(?:\s*[月.\-/]\s*(\d{1,2})\s*日?)?")
_META_DATE = re.compile(r"(?:时间|日期|发布时间|发布日期|更新时间)[：:]\s*" + _DATE.pattern)
_LEAD_PAREN = re.compile(r"^[（(]([^（）()]{2,20})[）)]")
_TRAIL_PAREN = re.compile(r"[（(]([^（）()]*\d{4}\s*年[^（）()]*)[）)]$")
_ANONYMOUS = re.compile(r"^([X×Ｘ某*＊]{1,3}(?:省|自治区|市|自治州|县|区|旗))")
_GOV = "人民政府"
_ORG_END = re.compile(r"(?:人民政府|办公室|办公厅|委员会|局|厅|委|部|政府)$")
_SCALE = {"市": ("全市", "我市", "市委", "市政府"), "区": ("全区", "我区", "区委", "区政府"),
          "县": ("全县", "我县", "县委", "县政府"), "省": ("全省", "我省", "省委", "省政府")}  # fmt: skip
_PLAN_YEAR = re.compile(
    r"(\d{4})年(?:，|是|的)?(?:我们将|我们要|全市|全区|全县|全省|重点|主要|拟|工作|政府工作)"
)
_THIS_YEAR = re.compile(r"今年|年内|年底前|全年")


def extract_metadata(lines: list[str], *, header: list[str] | None = None) -> Metadata:
    """Metadata of a report from its clean ``lines`` and the raw ``header`` lines (page meta)."""
    header = header if header is not None else lines
    text = "\n".join(lines)
    title_line = find_title(lines)
    title, lead, trail = _split_title(title_line) if title_line else (None, None, None)
    kind = kind_of(title) if title else None
    date = _date_in(trail) or _date_in(title_line) or _meta_date(header) or _top_date(lines)
    issuer, place, parents = _issuer(title, lead, kind, text)
    return Metadata(
        title=title,
        issuer=issuer,
        jurisdiction=place,
        parents=parents,
        date=date,
        kind=kind,
        plan_year=_plan_year(kind, date, text),
    )


def find_title(lines: list[str], *, window: int = 12) -> str | None:
    """The title line: the longest short line near the top naming a document kind."""
    candidates = []
    for line in lines[:window]:
        if len(line) > 60 or line.endswith(("。", "：", "；", "！")):
            continue
        if kind_of(line):
            candidates.append(line)
    return max(candidates, key=len) if candidates else None


def kind_of(title: str) -> str | None:
    """The document kind a title names (政府工作报告, 讲话, 实施方案, 通知 …)."""
    best: tuple[int, int, str] | None = None
    for keyword, kind in _kinds():
        end = title.rfind(keyword)
        if end >= 0:
            key = (end + len(keyword), len(keyword), kind)
            best = max(best, key) if best else key
    return best[2] if best else None


def _split_title(line: str) -> tuple[str, str | None, str | None]:
    lead = trail = None
    if m := _LEAD_PAREN.match(line):
        lead, line = m.group(1), line[m.end() :]
    if m := _TRAIL_PAREN.search(line):
        trail, line = m.group(1), line[: m.start()]
    return line.strip(), lead, trail


def _date_in(text: str | None) -> str | None:
    if not text:
        return None
    m = _DATE.search(text)
    return _iso(*m.groups()) if m else None


def _meta_date(header: list[str]) -> str | None:
    for line in header[:15]:
        if m := _META_DATE.search(line):
            return _iso(*m.groups())
    return None


def _top_date(lines: list[str]) -> str | None:
    for line in lines[:6]:
        if len(line) <= 40 and "。" not in line and (m := _DATE.search(line)) and m.group(3):
            return _iso(*m.groups())
    return None


def _iso(year: str, month: str, day: str | None) -> str | None:
    y, mo = int(year), int(month)
    if not (1949 <= y <= 2100 and 1 <= mo <= 12):
        return None
    if day and 1 <= int(day) <= 31:
        return f"{y:04d}-{mo:02d}-{int(day):02d}"
    return f"{y:04d}-{mo:02d}"


def _issuer(
    title: str | None, lead: str | None, kind: str | None, text: str
) -> tuple[str | None, str | None, tuple[str, ...]]:
    hint = _province_hint(lead)
    if title:
        if (at := title.find(_GOV)) > 0:
            name = title[:at]
            chain = divisions.split_chain(name)
            place = chain[-1].name if chain else _place_suffix(name)
            return title[: at + len(_GOV)], place, _parents(chain, hint, text)
        if m := _ANONYMOUS.match(title):
            place = m.group(1)
            issuer = f"{place}{_GOV}" if kind in ("讲话", "政府工作报告", "工作报告", None) else None
            return issuer, place, _text_province(text, hint)
        chain = _chain_prefix(title)
        if chain:
            place = chain[-1].name
            prefix = title[: title.find("关于")] if "关于" in title else ""
            if prefix and _ORG_END.search(prefix):
                issuer = prefix
            elif kind in ("讲话", "政府工作报告", "工作报告"):
                issuer = f"{place}{_GOV}"
            else:
                issuer = None
            return issuer, place, _parents(chain, hint, text)
    if kind in ("政府工作报告", "工作报告", "讲话"):
        city = _city_from_text(text)
        if city:
            return f"{city.name}{_GOV}", city.name, tuple(d.name for d in divisions.parents_of(city))
    return None, None, ()


def _place_suffix(name: str) -> str | None:
    m = re.search(r"[\u4e00-\u9fffX×]{1,8}?(?:省|自治区|市|自治州|县|区|旗|镇|乡|街道)$", name)
    return m.group(0) if m else (name or None)


def _chain_prefix(title: str) -> list[divisions.Division]:
    for end in range(min(len(title), 20), 1, -1):
        chain = divisions.split_chain(title[:end])
        if chain:
            return chain
    return []


def _province_hint(lead: str | None) -> divisions.Division | None:
    if not lead:
        return None
    found = [d for d in divisions.by_name(lead) if d.level == 1]
    return found[0] if found else None


def _parents(
    chain: list[divisions.Division], hint: divisions.Division | None, text: str
) -> tuple[str, ...]:
    if not chain:
        return (hint.name,) if hint else ()
    place = chain[-1]
    if hint and len(chain) == 1:
        inside = [d for d in divisions.by_name(place.name) if d.code[:2] == hint.code[:2]]
        place = inside[0] if inside else place
    names = [d.name for d in reversed(chain[:-1])]
    for parent in divisions.parents_of(place):
        if parent.name not in names:
            names.append(parent.name)
    if hint and hint.name not in names:
        names.append(hint.name)
    return tuple(names)


def _text_province(text: str, hint: divisions.Division | None) -> tuple[str, ...]:
    """A province the text names, for a report whose own place is anonymised."""
    if hint:
        return (hint.name,)
    votes: Counter[str] = Counter()
    for division in _provinces():
        if division.is_municipality:
            continue
        votes[division.name] += text.count(division.short)
    for m in re.finditer(r"省内([\u4e00-\u9fff]{2,4}?)市", text):
        for city in divisions.by_short_name(m.group(1)):
            if city.level == 2:
                votes.update(p.name for p in divisions.parents_of(city))
    ranked = votes.most_common(2)
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return (ranked[0][0],)
    return ()


def _city_from_text(text: str) -> divisions.Division | None:
    """The prefecture-level city a report without a place in its title is about."""
    scale = {unit: sum(text.count(w) for w in words) for unit, words in _SCALE.items()}
    if scale["市"] < max(scale["区"], scale["县"], scale["省"], 1):
        return None
    votes: Counter[divisions.Division] = Counter()
    for division in _cities():
        count = text.count(division.short)
        if count:
            votes[division] = count
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


@cache
def _provinces() -> tuple[divisions.Division, ...]:
    return tuple(d for d in _all_divisions() if d.level == 1)


@cache
def _cities() -> tuple[divisions.Division, ...]:
    return tuple(d for d in _all_divisions() if d.level == 2 and not d.is_municipality)


def _all_divisions() -> tuple[divisions.Division, ...]:
    return divisions.all_divisions()


def _plan_year(kind: str | None, date: str | None, text: str) -> int | None:
    year = int(date[:4]) if date else None
    month = int(date[5:7]) if date and len(date) >= 7 else None
    if kind in ("政府工作报告", "工作报告") and year and month:
        return year + 1 if month >= 11 else year
    named = Counter(int(m.group(1)) for m in _PLAN_YEAR.finditer(text))
    if year:
        named = Counter({y: n for y, n in named.items() if y >= year})
    if named:
        return named.most_common(1)[0][0]
    if year and _THIS_YEAR.search(text):
        return year
    return None


def _kinds() -> tuple[tuple[str, ...], ...]:
    return data_rows("kg.loaders", "kinds.tsv")
