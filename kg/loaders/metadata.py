"""Report metadata from the title line(s), the delivery subtitle, the page's meta line and the text.

Rules, all general:

* title: the short line near the top that names a document kind (data/kinds.tsv), the
  longest such line; never a photo caption, byline or breadcrumb (记者…摄, 来源：…). A title
  wrapped in 《》 or opening a line (``2012年5月X局关于…的通知正文…``) is cut out of its line;
  a title split over two lines (``2026年X省`` / ``政府工作报告``) is joined. A leading
  ``（山东省）`` and a trailing ``（2023年1月7日）`` are taken off and used as parent and date.
* issuer/jurisdiction, first found wins: the title (``…人民政府``, 国务院, ``X局关于…``, a
  division chain or an anonymised ``XX市`` after an optional year); the delivery subtitle
  (``——2026年1月25日在X省第十四届人民代表大会…``); the speaker (``我代表X人民政府``); a
  notice in the text that prints the titled document (``X关于印发…的通知``); a document
  number standing on its own line (``鲁政办发〔2021〕12号``, data/doc_number_bodies.tsv); a
  signature block at the end (``X人民政府`` / ``2023年5月6日``); for a bare 政府工作报告, the
  city the text names most. Every place is checked against the division table (or is an
  anonymised ``XX市``); the State Council's reports are the country's (中国, no parents).
* parents: the places above the jurisdiction, completed from the division table.
* date: the title's date, else the delivery date, else the date beside the title, else the
  signature date, else the page's posting date (``时间：2019-05-18``), which is also kept as
  ``posted``, else the one year a report's or speech's title names (``1995年…政府工作报告`` →
  ``1995``); masked years (``201*年``) give nothing.
* plan_year: a 政府工作报告 dated Nov/Dec plans the next year, Jan-Oct (or only the title's year) the same year;
  otherwise the year the text's plan phrases name, or the date's year when the text
  speaks of ``今年``/``年内``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

from kg import divisions
from kg.data import data_rows
from kg.loaders.model import Metadata

__all__ = ["extract_metadata", "find_title", "kind_of", "with_row_metadata"]

_DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})(?:\s*[月.\-/]\s*(\d{1,2})\s*日?)?")
_CN_DATE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?"
)
_META_DATE = re.compile(r"(?:时间|日期|发布时间|发布日期|更新时间|发表时间)[：:]\s*" + _DATE.pattern)
_STAMP = re.compile(r"^" + _DATE.pattern + r"\s*\d{1,2}\s*[:时]")
_LEAD_PAREN = re.compile(r"^[（(]([^（）()]{2,20})[）)]")
_TRAIL_PAREN = re.compile(r"[（(]([^（）()]*\d{4}\s*年[^（）()]*)[）)]$")
_LEAD_DATE = re.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}-\d{1,2}(?:-\d{1,2})?)\s*")
_YEAR_PREFIX = re.compile(r"^\d{4}(?:\s*[-—至]\s*\d{4})?\s*年度?")
_QUOTED = re.compile(r"《([^《》]{4,80})》")
_AFTER_QUOTE_DATE = re.compile(r"^\s*(" + _DATE.pattern + r")")
_ANONYMOUS = re.compile(r"^([X×Ｘ某*＊]{1,3}(?:省|自治区|市|自治州|县|区|旗))")
_GOV = "人民政府"
_COUNTRY = divisions.COUNTRY
_STATE_COUNCIL = "国务院"
_NATIONAL_PREFIX = ("中华人民共和国", "国务院", "国家", "中共中央")
_ORG_END = re.compile(r"(?:人民政府|办公室|办公厅|委员会|领导小组|指挥部|局|厅|委|部|政府|中心|公司|办)$")
_KIND_WORDS = "通知|公告|通告|意见|办法|决定|批复|规定|细则|方案|报告|通报|函"
_NOTICE_TITLE = re.compile(
    r"^(?P<org>[\u4e00-\u9fffX×Ｘ、]{0,40}?)关于(?:《[^《》\n]{1,80}》|[^《》\n]){2,80}?的(?:" + _KIND_WORDS + r")"
)
_PRINTS = re.compile(r"(?P<org>[\u4e00-\u9fffX×Ｘ]{2,40}?)关于(?:印发|转发|印送)《?(?P<what>[^《》\n]{4,80}?)》?的通知")
_DELIVERY = re.compile(
    r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日)\s*在\s*(?P<place>[\u4e00-\u9fffX×]{0,20}?)\s*第?[〇一二三四五六七八九十\d]{1,4}\s*届"
    r"\s*(?P<national>全国)?\s*(?:人民代表大会|人大)"
)
_SPEAKER = re.compile(
    r"(?P<lead>我代表|代表|受|根据)\s*(?:中共中央和)?(?P<org>(?:中华人民共和国)?国务院|(?P<place>[\u4e00-\u9fffX×]{0,20}?)人民政府)"
)
_TO_CONGRESS = re.compile(r"[^。\n]{0,12}向[^。\n]{0,20}(?:大会|会议)")
_RELATIVE = ("自治区", "自治州", "自治县", "省", "市", "区", "县", "旗", "镇", "乡")
_DOC_NUMBER = re.compile(
    r"^(?P<place>[\u4e00-\u9fff]{1,4}?)(?P<office>[\u4e00-\u9fff]{1,4}?)(?:发|字|函)?[〔\[［（(【]\s*\d{4}\s*[〕\]］）)】]"
    r"\s*第?\d{1,4}\s*号$"
)
_CAPTION = re.compile(
    r"记者|摄影|摄$|图为|来源[：:]|编辑[：:]|作者[：:]|责任编辑|当前位置|您的位置|首页|[>＞|｜]|[。，]|我代表|^现在|时间[：:]"
)
_SENTENCE_MARK = re.compile(r"[，。；]")
_SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")
_SCALE = {"市": ("全市", "我市", "市委", "市政府"), "区": ("全区", "我区", "区委", "区政府"),
          "县": ("全县", "我县", "县委", "县政府"), "省": ("全省", "我省", "省委", "省政府")}  # fmt: skip
_PLAN_YEAR = re.compile(
    r"(\d{4})年(?:，|是|的)?(?:我们将|我们要|全市|全区|全县|全省|重点|主要|拟|工作|政府工作)"
)
_THIS_YEAR = re.compile(r"今年|年内|年底前|全年")
_REPORT_KINDS = ("政府工作报告", "工作报告", "讲话")
_TITLE_MAX = 80
_CONGRESS = re.compile(r"^(?P<place>[\u4e00-\u9fffX×]{0,20}?)第[一二三四五六七八九十]+届(?P<whole>全国)?人民代表大会")
"""The session that passes a resolution: 第十四届全国人民代表大会第三次会议, XX市第十七届人民代表大会…"""
_CONGRESS_BODY = "人民代表大会"


@dataclass(frozen=True)
class _Body:
    """An issuer candidate: the body's name (or ``None``), its place and the place's parents."""

    issuer: str | None
    place: str | None
    parents: tuple[str, ...] = ()


def extract_metadata(lines: list[str], *, header: list[str] | None = None) -> Metadata:
    """Metadata of a report from its clean ``lines`` and the raw ``header`` lines (page meta)."""
    header = header if header is not None else lines
    text = "\n".join(lines)
    top = "\n".join(lines[:40])
    title_line = find_title(lines)
    title, lead, trail, beside = _split_title(title_line) if title_line else (None, None, None, None)
    kind = kind_of(title) if title else None
    beside = beside or (_date_beside_quote(lines, title) if title else None)
    delivery = _DELIVERY.search(top)
    signature = _signature(lines)
    posted = _meta_date(header) or _stamp_date(lines)
    date = (
        _date_in(trail)
        or (_date_in(delivery.group("date")) if delivery else None)
        or _date_in(beside)
        or (signature[1] if signature else None)
        or posted
        or _top_date(lines)
        or _title_year(f"{title}{trail or ''}" if title else None, kind)
    )
    body = _body(title, lead, kind, text, top, delivery, signature)
    return Metadata(
        title=title,
        issuer=body.issuer,
        jurisdiction=body.place,
        parents=body.parents,
        date=date,
        posted=posted,
        kind=kind,
        plan_year=_plan_year(kind, date, text),
    )


def find_title(lines: list[str], *, window: int = 12) -> str | None:
    """The title line: the first short line near the top naming a document kind, or a later
    line holding all of it (the fuller form of the same title).

    A title cut out of a longer line (《…》 or ``X关于…的通知`` opening it) and a title split over
    two lines count as one line; captions, bylines, breadcrumbs, sentences and numbered
    section headings never do.
    """
    candidates = []
    top = lines[:window]
    for i, line in enumerate(top):
        line = _title_part(line)
        if not line or _CAPTION.search(line) or _SECTION_NUMBER.match(line) or line.endswith(("：", "；", "！", ":")):
            continue
        if len(line) <= _TITLE_MAX and kind_of(line):
            candidates.append(line)
        elif i + 1 < len(top) and (joined := _joined_title(line, _title_part(top[i + 1]))):
            candidates.append(joined)
    return _fullest_first(candidates)


def _fullest_first(candidates: list[str]) -> str | None:
    """The first candidate, or the last later one that contains it."""
    if not candidates:
        return None
    best = candidates[0]
    for later in candidates[1:]:
        if best in later:
            best = later
    return best


def kind_of(title: str) -> str | None:
    """The document kind a title names (政府工作报告, 讲话, 实施方案, 通知 …)."""
    best: tuple[int, int, str] | None = None
    for keyword, kind in _kinds():
        end = title.rfind(keyword)
        if end >= 0:
            key = (end + len(keyword), len(keyword), kind)
            best = max(best, key) if best else key
    return best[2] if best else None


def _title_part(line: str) -> str:
    """The title-shaped start of a line: a 《…》 title, or an ``X关于…的通知`` heading, after a date."""
    line = line.strip()
    date = _LEAD_DATE.match(line)
    at = date.end() if date else 0
    if (m := _QUOTED.match(line, at)) and kind_of(m.group(1)):
        return line[: m.end()]
    if (len(line) > _TITLE_MAX or _SENTENCE_MARK.search(line)) and (m := _NOTICE_TITLE.match(line[at:])):
        return line[: at + m.end()]
    return line


def _joined_title(first: str, second: str) -> str | None:
    """Two lines that make one title: a place (or ``X关于…``) line, then the line naming the kind."""
    if not second or _CAPTION.search(second) or second.startswith(("——", "（", "(")):
        return None
    joined = first + second
    if len(joined) > _TITLE_MAX or not kind_of(joined):
        return None
    if _place_of(_YEAR_PREFIX.sub("", first)) or ("关于" in first and not kind_of(first)):
        return joined
    return None


def _split_title(line: str) -> tuple[str, str | None, str | None, str | None]:
    """The title, its leading parenthesised place, its trailing date and a date printed beside it."""
    lead = trail = beside = None
    if m := _LEAD_DATE.match(line):
        beside, line = m.group(0), line[m.end() :]
    if m := _LEAD_PAREN.match(line):
        lead, line = m.group(1), line[m.end() :]
    if m := _TRAIL_PAREN.search(line):
        trail, line = m.group(1), line[: m.start()]
    if m := _QUOTED.match(line):
        line = m.group(1)
    return line.strip(), lead, trail, beside


def _date_beside_quote(lines: list[str], title: str) -> str | None:
    """A date printed right after the 《title》 on its line (``《…办法》2024-09-26``)."""
    for line in lines[:12]:
        at = line.find(f"《{title}》")
        if at >= 0 and (m := _AFTER_QUOTE_DATE.match(line[at + len(title) + 2 :])):
            return m.group(1)
    return None


def _date_in(text: str | None) -> str | None:
    if not text:
        return None
    if m := _DATE.search(text):
        return _iso(*m.groups())
    if m := _CN_DATE.search(text):
        year = "".join(str(_cn_number(c)) for c in m.group(1))
        day = str(_cn_number(m.group(3))) if m.group(3) else None
        return _iso(year, str(_cn_number(m.group(2))), day)
    return None


_TITLE_YEAR = re.compile(r"(?<![0-9０-９\-—－~～至到])([12][0-9]{3})年(?!度|[0-9]|\s*[-—－~～至到])")
"""The year a title is of (2017年…政府工作报告); not a period (2021—2025年), nor a 年度 (the year reviewed)."""


def _title_year(title: str | None, kind: str | None) -> str | None:
    """The year of a report or speech whose title names exactly one year: the date the text gives when it prints
    no date line (1995年中华人民共和国国务院政府工作报告), as precise as it is."""
    if not title or kind not in _REPORT_KINDS:
        return None
    years = {m.group(1) for m in _TITLE_YEAR.finditer(title)}
    if len(years) != 1 or len(_YEAR_MENTION.findall(title)) != 1:
        return None
    year = years.pop()
    return year if 1949 <= int(year) <= 2100 else None


_YEAR_MENTION = re.compile(r"[0-9]{4}")


def _cn_number(text: str) -> int:
    """1-31 written in Chinese numerals (十二, 二十七, 三十一)."""
    value = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
    if "十" not in text:
        return value.get(text, 0)
    tens, _, units = text.partition("十")
    return (value.get(tens, 0) if tens else 1) * 10 + (value.get(units, 0) if units else 0)


def _meta_date(header: list[str]) -> str | None:
    """The page's posting date from a ``时间：`` line (the label may end its own line)."""
    for i, line in enumerate(header[:20]):
        if m := _META_DATE.search(line):
            return _iso(*m.groups())
        if line.endswith(("时间：", "时间:", "日期：")) and i + 1 < len(header) and (m := _DATE.match(header[i + 1])):
            return _iso(*m.groups())
    return None


def _stamp_date(lines: list[str]) -> str | None:
    """A posting time stamp standing on its own line near the top (``2026-02-03 09:02:33``)."""
    for line in lines[:15]:
        if len(line) <= 25 and (m := _STAMP.match(line)):
            return _iso(*m.groups()[:3])
    return None


def _top_date(lines: list[str]) -> str | None:
    """A full date on a short line near the top, or a line that is only a date (（2024年1月）, 二〇二四年一月)."""
    for line in lines[:6]:
        if len(line) <= 40 and "。" not in line and (m := _DATE.search(line)) and m.group(3):
            return _iso(*m.groups())
        if _DATE_LINE.fullmatch(line):
            return _date_in(line)
    return None


_DATE_LINE = re.compile(
    r"[（(—\-－\s]*(?:\d{4}\s*[年.\-/]\s*\d{1,2}(?:\s*[月.\-/]\s*\d{1,2}\s*日?)?\s*月?"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}日)?)\s*[）)]?\s*"
)
"""A line that holds nothing but a date, maybe bracketed or after a dash: the date the report was delivered."""


def _iso(year: str, month: str, day: str | None) -> str | None:
    y, mo = int(year), int(month)
    if not (1949 <= y <= 2100 and 1 <= mo <= 12):
        return None
    if day and 1 <= int(day) <= 31:
        return f"{y:04d}-{mo:02d}-{int(day):02d}"
    return f"{y:04d}-{mo:02d}"


def _body(
    title: str | None,
    lead: str | None,
    kind: str | None,
    text: str,
    top: str,
    delivery: re.Match[str] | None,
    signature: tuple[str, str | None] | None,
) -> _Body:
    """The issuer, jurisdiction and parents, from the first source that names them."""
    hint = _province_hint(lead)
    found = [
        _title_body(title, hint, kind, text) if title else None,
        _delivery_body(delivery, hint),
        _speaker_body(top, hint),
        _notice_body(top, title, hint),
    ]
    near = next((b.place for b in found if b is not None and b.place), None)
    found += [_number_body(text, hint, near), _signature_body(signature, hint)]
    found = [b for b in found if b is not None]
    place = next((b for b in found if b.place), None)
    issuer = next((b for b in found if b.issuer), None)
    if issuer is None and place is None:
        return _text_body(kind, text)
    if place is None or (issuer and issuer.place):
        place = issuer  # a body that names its place governs there
    name = issuer.issuer if issuer else None
    if name and _relative_level(name):
        name = _resolve_relative(name, place.place) if place.place else None
    if name is None and place.place and kind in _REPORT_KINDS:
        name = _STATE_COUNCIL if place.place == _COUNTRY else f"{place.place}{_GOV}"
    return _Body(name, place.place, place.parents)


def _title_body(title: str, hint: divisions.Division | None, kind: str | None, text: str) -> _Body | None:
    bare = _YEAR_PREFIX.sub("", title)
    if _STATE_COUNCIL in bare[:12] or bare.startswith("中华人民共和国"):
        return _Body(_STATE_COUNCIL, _COUNTRY)
    if (m := _NOTICE_TITLE.match(bare)) and (body := _org_body(_first_issuer(m.group("org")), hint)):
        return body
    if (at := bare.find(_GOV)) > 0 and _place_of(bare[:at]):
        return _org_body(bare[: at + len(_GOV)], hint)
    if m := _ANONYMOUS.match(bare):
        issuer = f"{m.group(1)}{_GOV}" if kind in (*_REPORT_KINDS, None) else None
        return _Body(issuer, m.group(1), _text_province(text, hint))
    chain = _chain_prefix(bare)
    if chain:
        return _Body(None, chain[-1].name, _parents(chain, hint))
    return None


def _delivery_body(delivery: re.Match[str] | None, hint: divisions.Division | None) -> _Body | None:
    """The place of the people's congress a report was delivered to."""
    if delivery is None:
        return None
    if delivery.group("national") and not delivery.group("place"):
        return _Body(_STATE_COUNCIL, _COUNTRY)
    chain = divisions.split_chain(delivery.group("place"))
    return _Body(None, chain[-1].name, _parents(chain, hint)) if chain else None


def _speaker_body(top: str, hint: divisions.Division | None) -> _Body | None:
    """The government the speaker stands for: ``我代表X人民政府``, or one that ``受…委托``/``根据…决定``
    or ``代表…`` speaks to the congress (``向大会``); a government merely cited gives nothing."""
    speakers = (m for m in _SPEAKER.finditer(top) if m.group("lead") == "我代表" or _TO_CONGRESS.match(top, m.end()))
    m = next(speakers, None)
    if m is None:
        return None
    if m.group("org").endswith(_STATE_COUNCIL):
        return _Body(_STATE_COUNCIL, _COUNTRY)
    place = m.group("place")
    if place in _RELATIVE:
        return _Body(f"{place}{_GOV}", None)
    return _org_body(f"{place}{_GOV}", hint) if _place_of(place) else None


def _notice_body(top: str, title: str | None, hint: divisions.Division | None) -> _Body | None:
    """The body whose notice prints the titled document (``X关于印发<title>的通知``)."""
    if not title:
        return None
    for m in _PRINTS.finditer(top):
        if m.group("what").strip("《》") == title:
            return _org_body(_first_issuer(_after_boundary(m.group("org"))), hint)
    return None


def _number_body(text: str, hint: divisions.Division | None, near: str | None) -> _Body | None:
    """The body a document number on its own line names (鲁政办发〔2021〕12号); ``near`` is the
    place found elsewhere, which a city's one-character abbreviation (聊政发) must open."""
    lines = text.split("\n")
    for line in [*lines[:15], *lines[-10:]]:
        m = _DOC_NUMBER.match(line.strip()) if len(line) <= 30 else None
        if m is None:
            continue
        offices = _offices()
        for cut in range(1, len(m.group("place")) + len(m.group("office"))):
            code = (m.group("place") + m.group("office"))[:cut], (m.group("place") + m.group("office"))[cut:]
            if code[1] in offices and (place := _abbreviated_place(code[0], hint, near)):
                provincial, lower = offices[code[1]]
                body = provincial if place.level == 1 and not place.is_municipality else lower
                return _Body(f"{place.name}{body}", place.name, _parents([place], hint))
    return None


def _abbreviated_place(abbr: str, hint: divisions.Division | None, near: str | None) -> divisions.Division | None:
    """The place a document number's abbreviation names: the known place when it opens with the
    abbreviation, else the province of a one-character abbreviation or the division of that short name."""
    if near and near.startswith(abbr) and (known := divisions.by_name(near)):
        return known[0]
    if len(abbr) == 1:
        name = dict(_province_abbreviations()).get(abbr)
        return divisions.by_name(name)[0] if name and divisions.by_name(name) else None
    found = [d for d in divisions.by_short_name(abbr) if not hint or d.code[:2] == hint.code[:2]]
    return found[0] if len(found) == 1 else None


def _signature(lines: list[str]) -> tuple[str, str | None] | None:
    """The signing body and date at the end of a document (``X人民政府`` then ``2023年5月6日``)."""
    tail = [line.strip() for line in lines[-8:]]
    for i, line in enumerate(tail):
        if len(line) > 30 or not _ORG_END.search(line) or not _place_of_org(line):
            continue
        rest = tail[i + 1] if i + 1 < len(tail) else ""
        m = _DATE.fullmatch(rest) or _CN_DATE.fullmatch(rest)
        if m or i == len(tail) - 1:
            return line, _date_in(rest) if m else None
    return None


def _signature_body(signature: tuple[str, str | None] | None, hint: divisions.Division | None) -> _Body | None:
    return _org_body(signature[0], hint) if signature else None


def _org_body(org: str, hint: divisions.Division | None) -> _Body | None:
    """A body named with its place: the full name (province dropped before a lower place), place, parents."""
    if org.startswith(_NATIONAL_PREFIX):
        return _Body(_full_name(org), _COUNTRY)
    if m := _ANONYMOUS.match(org):
        return _Body(_full_name(org), m.group(1), (hint.name,) if hint else ())
    if _relative_level(org):
        return _Body(_full_name(org), None)
    chain = _chain_prefix(org)
    if not chain:
        return None
    prefix = "".join(d.name for d in chain)
    if not org.startswith(prefix) or len(org) == len(prefix):
        return None
    name = org
    if len(chain) >= 2 and chain[0].level == 1 and not chain[0].is_municipality:
        name = org[len(chain[0].name) :]
    return _Body(_full_name(name), chain[-1].name, _parents(chain, hint))


def _first_issuer(orgs: str) -> str:
    """The first of several issuers (``X委、Y局等`` -> X委)."""
    orgs = orgs.removesuffix("等")
    return re.split(r"[、，,\s]", orgs, maxsplit=1)[0]


def _after_boundary(text: str) -> str:
    """What follows the last punctuation in ``text``: the run of characters that names a body."""
    return re.split(r"[》」”，。；：、\s]", text)[-1]


def _full_name(org: str) -> str:
    """``org`` with a short body name after its place written out (天津市发展改革委 -> …发展和改革委员会)."""
    for short, full in _short_forms():
        place = org[: -len(short)]
        if org.endswith(short) and (_place_of(place) or place in _RELATIVE or place == "国家"):
            return place + full
    return org


def _relative_level(org: str) -> str | None:
    """The level word an org name opens with when it names no place (``省人民政府`` -> 省)."""
    for level in _RELATIVE:
        if org.startswith(level) and not _chain_prefix(org):
            return level
    return None


def _resolve_relative(org: str, place: str) -> str | None:
    """``省人民政府`` of 甘肃省 -> 甘肃省人民政府; ``None`` when the levels disagree."""
    level = _relative_level(org)
    if level and place.endswith(level):
        return _full_name(place + org[len(level) :])
    return None


def _place_of(name: str) -> bool:
    """Whether ``name`` is entirely a run of division names or an anonymised place."""
    return bool(name) and (bool(divisions.split_chain(name)) or bool(_ANONYMOUS.fullmatch(name)))


def _place_of_org(org: str) -> bool:
    return bool(_chain_prefix(org) or _ANONYMOUS.match(org) or org.startswith(_NATIONAL_PREFIX))


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


def _parents(chain: list[divisions.Division], hint: divisions.Division | None) -> tuple[str, ...]:
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
    if hint and hint.name not in names and hint.name != place.name:
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


def _text_body(kind: str | None, text: str) -> _Body:
    """For a report without a place in its title: the city the text clearly is about."""
    if kind in _REPORT_KINDS and (city := _city_from_text(text)):
        return _Body(f"{city.name}{_GOV}", city.name, tuple(d.name for d in divisions.parents_of(city)))
    return _Body(None, None)


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
    return tuple(d for d in divisions.all_divisions() if d.level == 1)


@cache
def _cities() -> tuple[divisions.Division, ...]:
    return tuple(d for d in divisions.all_divisions() if d.level == 2 and not d.is_municipality)


def _plan_year(kind: str | None, date: str | None, text: str) -> int | None:
    year = int(date[:4]) if date else None
    month = int(date[5:7]) if date and len(date) >= 7 else None
    if kind in ("政府工作报告", "工作报告") and year and month:
        return year + 1 if month >= 11 else year
    if kind in ("政府工作报告", "工作报告") and year and date == str(year):
        return year  # dated by its title's year alone (1975年…政府工作报告): the year of the session it plans
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


@cache
def _offices() -> dict[str, tuple[str, str]]:
    """Office abbreviation of a document number -> (body at province level, body below)."""
    return {row[0]: (row[1], row[2]) for row in data_rows("kg.loaders", "doc_number_bodies.tsv")}


def _province_abbreviations() -> tuple[tuple[str, ...], ...]:
    return data_rows("kg.loaders", "province_abbreviations.tsv")


@cache
def _short_forms() -> tuple[tuple[str, str], ...]:
    """(short form, full name) of body names whose short form abbreviates the full name in order.

    Read from the agency alias table of the extractors (kg/extract/data/agency_aliases.tsv);
    only forms of two or more characters whose characters all occur, in order, in the full
    name (发展改革委 -> 发展和改革委员会, 政府 -> 人民政府), so a different body (教育厅 for
    教育局) is never renamed. Longest short form first.
    """
    pairs = []
    for row in data_rows("kg.extract", "agency_aliases.tsv"):
        full = row[0]
        for short in row[1:]:
            if len(short) >= 2 and short != full and _is_subsequence(short, full):
                pairs.append((short, full))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _is_subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(c in chars for c in short)


def with_row_metadata(meta: Metadata, row: Mapping[str, str], text: str) -> Metadata:
    """``meta`` (what the text says) with what a dataset row or ``metadata.csv`` says put over it.

    The row wins field by field; what it lacks comes from the text. A row's title also gives
    the kind (a row titled …的决议 is a 决议 even when its text opens with the report's title);
    a row's ``year`` is the plan year, and the date unless the text's date falls in that year or
    the one before (a report delivered in December plans the next year). An issuer or
    jurisdiction the text does not give comes from the row's title when it names one, and so
    does the issuer when the text took its own from another title it cites; a 决议
    that names no issuer is the people's congress whose session it opens with.
    """
    title = row.get("title") or meta.title
    kind = row.get("kind") or (kind_of(row["title"]) if row.get("title") else None) or meta.kind
    issuer, place = row.get("issuer") or meta.issuer, row.get("jurisdiction") or meta.jurisdiction
    given = row.get("issuer") and row.get("jurisdiction")
    body = _title_body(row["title"], None, kind, text) if row.get("title") and not given else None
    foreign = bool(meta.title and meta.title != row.get("title"))
    if body and body.issuer and not row.get("issuer") and foreign and body.issuer != issuer:
        # the text's issuer came from another title it prints or cites (1979: 中共中央关于…的决定（草案）)
        issuer, place = body.issuer, row.get("jurisdiction") or body.place or place
    elif body and not (issuer and place):  # 1985年…国务院政府工作报告: the title names what the text does not
        issuer, place = issuer or body.issuer, place or body.place
    if kind == "决议" and not row.get("issuer") and (m := _CONGRESS.match(text.lstrip())):
        if m.group("whole"):
            issuer, place = f"全国{_CONGRESS_BODY}", _COUNTRY
        elif _place_of(m.group("place")):
            issuer, place = f"{m.group('place')}{_CONGRESS_BODY}", m.group("place")
    parents = meta.parents if place == meta.jurisdiction else body.parents if body and place == body.place else ()
    date = row.get("date") or meta.date
    year = int(row["year"]) if row.get("year") else None
    if year and not row.get("date") and not (date and date[:4].isdigit() and int(date[:4]) in (year, year - 1)):
        date = str(year)
    plan_year = year or (_plan_year(kind, date, text) if row.get("date") or row.get("kind") else meta.plan_year)
    return replace(meta, title=title, kind=kind, issuer=issuer, jurisdiction=place, parents=parents, date=date,
                   plan_year=plan_year, approves=row.get("approves") or meta.approves)
