"""A scale corpus: N raw report files recombined from the five real seed reports.

Why: the build, SPARQL, sync and view benchmarks need thousands of reports whose text
makes the loaders and extractors do the work real reports make them do (page noise,
Traditional characters with glued pinyin, headings, lists, agencies, places, numbers),
so the corpus is made at the *text* level from ``examples/reports/*.txt``. (Not to be
confused with ``generate_corpus.py``, which replicates already-built RDF for the Neo4j
benchmark.)

How report ``i`` is made (deterministic: ``random.Random(f"{seed}:{i}")``, so the first
100 reports of a 1 000-report corpus are the 100-report corpus):

1. **Seeds are cut into parts** (:data:`SEEDS` says where, per seed): the *prelude*
   (page noise and the title line), *sections* (a ``一、`` or ``（一）`` heading line and
   the paragraphs up to the next heading; paragraphs before the first heading form a
   lead section), the *appendix* (``民生实事`` / ``附件`` lists) and the *footer* (page
   noise after the text). The Traditional seed is converted to Simplified (OpenCC
   ``t2s``) before anything else; its glued pinyin stays in.
2. **Issuer and year.** All county-level divisions and prefecture-level cities of the
   GB/T 2260 table (:mod:`kg.divisions`; the four municipalities, Hong Kong, Macau and
   Taiwan left out; ``--province`` restricts to one province) are shuffled once with
   the seed; report ``i`` is issued by division ``i // per_place`` (``--per-place``,
   default 4: consecutive years of one place, as a researcher loading "every year of a
   city" would have). The first year of a place is drawn from 2016–2022.
3. **Template.** A seed is drawn as the template: the report takes its prelude, footer,
   appendix, indentation, document kind and script (the speech seed gives a Traditional
   report: every part is converted back with OpenCC ``s2t``).
4. **Body.** A lead section (1–3 paragraphs of any seed's lead), then sections drawn
   from all seeds (a top-level ``一、`` section with probability 0.2) until the text
   reaches a target size (a seed's size × U(0.6, 1.4)); each section keeps its heading
   and a random, order-preserving 50–100 % of its paragraphs. Headings are renumbered
   in order (``一、二、…`` and ``（一）（二）…``, restarting under each top level).
5. **Substitution**, per paragraph, from the seed it came from, in one pass (longest
   name first, so 东昌路 is never half-replaced):

   - the seed's own divisions (full and short names, 山东省/山东, 聊城市/聊城,
     东昌府区/东昌府, nicknames such as 东昌): the seed's own jurisdiction (its district,
     else its city, else the anonymised ``XX市``) becomes the issuer, its city and
     province the issuer's city and province; a city-level issuer gets one of its own
     districts for a district seed's district; the county-level places a seed names
     beside its own (冠县, 临清, …) become other county-level divisions of the issuer's
     city; other real places (济南, 北京, 黄河) stay;
   - jurisdiction words: when the seed is of another level than the issuer (a city
     seed in a county's report), 全市/我市/市委/市政府/市级 and agency prefixes
     (``（市发展改革委、市财政局）`` after punctuation) take the issuer's level character
     (县/区/市/旗), so agency names follow the new jurisdiction;
   - other places: the rivers, lakes, roads, towns, parks, areas and landmarks the
     project's own extractor finds in each seed (no gold file is read) get a new
     two-character stem from :data:`STEMS` (班滑河 -> 青山河, 英俊大街 -> 长乐大街),
     chosen by a hash of the issuer's city and the old name, so the same river has one
     name across all reports of one city, as real rivers do;
   - numbers: years (four digits, 1990–2035) shift by the report's year minus the
     seed's year; other quantities are multiplied by one U(0.5, 2.0) factor per paragraph
     (so ranges such as 10—15个 stay ordered), keeping their decimals
     (percentages ≤ 100 stay ≤ 100); footnote and cross-reference brackets (``[24]``,
     ``[实事1]``), list numbers, months/days, ``4版`` and numbers glued to Latin letters
     (PM2.5, 5G) are left alone.
6. File name ``{i:05d}-{division code}-{year}.txt``, UTF-8.

    python bench/corpus.py --reports 1000 --out /tmp/kg-corpus-1000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg import divisions

__all__ = ["SEEDS", "STEMS", "Seed", "corpus_bytes", "iter_corpus", "make_corpus", "report_text", "vary_numbers"]

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


@dataclass(frozen=True)
class Seed:
    """Where a seed report's parts are (counted in non-empty lines) and whose places it names."""

    file: str
    year: int
    province: str
    city: str  # "XX市" for the anonymised speech
    district: str | None = None
    nicknames: tuple[str, ...] = ()  # other names of the seed's own district/city (东昌)
    local: tuple[str, ...] = ()  # county-level neighbours the text names (冠县, 临清)
    prelude: int = 2  # non-empty lines before the text
    footer: int = 4  # non-empty lines after it
    appendix: str | None = None  # first line of the appendix lists
    traditional: bool = False


SEEDS = (
    Seed("changchun-erdao-2021-gov-report.txt", 2021, "吉林省", "长春市", "二道区"),
    Seed("fushun-wanghua-2022-gov-report.txt", 2022, "辽宁省", "抚顺市", "望花区", appendix="民生实事"),
    Seed("liaocheng-2023-gov-report-part.txt", 2023, "山东省", "聊城市", None,
         local=("东昌府区", "冠县", "莘县", "东阿", "临清", "阳谷", "高唐", "茌平"), footer=0, appendix="附件1"),
    Seed("liaocheng-dongchangfu-2023-gov-report.txt", 2023, "山东省", "聊城市", "东昌府区", nicknames=("东昌",)),
    Seed("xx-city-quality-speech-2019-traditional.txt", 2019, "辽宁省", "XX市", None,
         local=("铁西", "浑南", "辽中", "东城区"), prelude=6, footer=3, traditional=True),
)
"""The five seeds, annotated by hand (the files are fixed; :func:`_parts` checks the cuts)."""

STEMS = (
    "青山", "南湖", "长乐", "福兴", "新华", "振兴", "建设", "和平", "胜利", "东风", "红旗", "光明", "朝阳", "永安",
    "金水", "清河", "白杨", "松林", "柳泉", "桃源", "杏林", "凤鸣", "龙泉", "石门", "荷塘", "安平", "宁远", "兴隆",
    "庆丰", "玉带", "银河", "翠屏", "碧波", "锦绣", "文昌", "春晖", "海棠", "梧桐", "丹霞", "紫薇", "长青", "泰和",
    "太平", "广济", "通惠", "丰乐", "瑞祥", "鸿运", "育才", "迎宾", "滨江", "望湖", "双桥", "三里", "五星", "七贤",
    "八达", "九龙", "明月", "清风", "卧龙", "卧牛", "马鞍", "凤凰", "黄土", "白沙", "黑石", "红星", "绿洲", "蓝田",
)
"""Generic two-character stems for renamed rivers, roads, towns, parks (none from the seeds' gold files)."""

_KEEP_PLACES = {"黄河", "大运河", "运河", "长江", "浑河"}  # big rivers keep their names everywhere
_RENAMED_TYPES = {"River", "Lake", "Road", "Town", "Park", "Area", "Landmark", "Community"}
_L1 = re.compile(r"^(\s*)([一二三四五六七八九十]+)、")
_L2 = re.compile(r"^(\s*)([（(])([一二三四五六七八九十]+)([)）])")
_NUMBER = re.compile(r"(?<![\dA-Za-z.\[])(\d+(?:\.\d+)?)(?![\dA-Za-z*＊])")
_BRACKETS = re.compile(r"\[[^\]]{0,8}\]|\d{1,2}:\d{2}(?::\d{2})?")
_DATE = re.compile(r"(?<!\d)(\d{4})([-/.]\d{1,2}[-/.]\d{1,2})(?!\d)")
_KEEP_AFTER = ("月", "日", "版", "号", "时", "点", "届", "次全会")
_CHINESE_DIGITS = "一二三四五六七八九十"
_LEVEL_WORDS = ("全{}", "我{}", "本{}", "{}委", "{}政府", "{}人大", "{}政协", "{}级", "{}直", "{}属")
_AGENCY_PREFIX = r"(?<=[（(、，,：:；;\s]){}(?=[\u4e00-\u9fff]{{1,10}}?(?:局|委|办|中心)[、，,）)；;。\s])"


@dataclass
class _Section:
    heading: str | None  # the heading line (may carry text after the heading), None for a lead
    level: int  # 1 (一、), 2 (（一）), 0 (lead)
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class _SeedParts:
    seed: Seed
    prelude: list[str]
    sections: list[_Section]
    appendix: list[str]
    footer: list[str]
    places: tuple[str, ...]
    indent: str
    size: int


def _chinese_number(n: int) -> str:
    if n <= 10:
        return _CHINESE_DIGITS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CHINESE_DIGITS[tens - 1]) + "十" + (_CHINESE_DIGITS[ones - 1] if ones else "")


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _seed_places(path: Path) -> tuple[str, ...]:
    """Non-administrative place names the project's extractor finds in a seed."""
    from kg.extract import extract_report
    from kg.loaders import load_report

    places = extract_report(load_report(path)).places
    return tuple(sorted({p.name for p in places if p.type in _RENAMED_TYPES and p.name not in _KEEP_PLACES
                         and len(p.name) >= 3 and not re.search(r"\d", p.name)}))


def _level(line: str) -> int:
    return 1 if _L1.match(line) else 2 if _L2.match(line) else 0


@cache
def _parts(folder: str = str(EXAMPLES)) -> tuple[_SeedParts, ...]:
    """The seeds cut into prelude, sections, appendix and footer."""
    out = []
    for seed in SEEDS:
        path = Path(folder) / seed.file
        raw = path.read_text(encoding="utf-8")
        text = _converter("t2s").convert(raw) if seed.traditional else raw
        lines = [line.rstrip() for line in text.splitlines() if line.strip()]
        prelude, body = lines[: seed.prelude], lines[seed.prelude: len(lines) - seed.footer]
        footer = lines[len(lines) - seed.footer:] if seed.footer else []
        appendix: list[str] = []
        if seed.appendix:
            start = next(i for i, line in enumerate(body) if line.strip().startswith(seed.appendix))
            body, appendix = body[:start], body[start:]
        sections = [_Section(None, 0)]
        for line in body:
            level = _level(line)
            if level:
                sections.append(_Section(line, level))
            else:
                sections[-1].paragraphs.append(line)
        if not sections[0].paragraphs:
            sections.pop(0)
        indent = "  " if any(line.startswith("  ") for line in body) else ""
        out.append(_SeedParts(seed, prelude, sections, appendix, footer, _seed_places(path), indent,
                               len(raw.encode("utf-8"))))
    return tuple(out)


@cache
def _issuers(seed: int, province: str | None) -> tuple[divisions.Division, ...]:
    """Every eligible issuing division, shuffled once with the seed."""
    skip = ("11", "12", "31", "50", "71", "81", "82")
    pool = [d for d in divisions.all_divisions() if d.level >= 2 and d.code[:2] not in skip
            and (province is None or d.code.startswith(province[:2]))
            and divisions.parents_of(d) and divisions.parents_of(d)[-1].level == 1]
    random.Random(f"{seed}:issuers").shuffle(pool)
    return tuple(pool)


@cache
def _children(city_code: str) -> tuple[divisions.Division, ...]:
    return tuple(d for d in divisions.all_divisions() if d.level == 3 and d.code[:4] == city_code[:4])


def _stable_choice(items: tuple[str, ...], *key: str) -> str:
    digest = hashlib.sha1("\x1f".join(key).encode()).digest()
    return items[int.from_bytes(digest[:4], "big") % len(items)]


def _level_char(div: divisions.Division) -> str:
    if div.level == 2:
        return "市"
    return next((c for c in ("区", "县", "旗", "市") if div.name.endswith(c)), "县")


class _Renamer:
    """The substitution of one seed's names for one report's issuer (see the module doc)."""

    def __init__(self, parts: _SeedParts, issuer: divisions.Division, rng: random.Random) -> None:
        seed = parts.seed
        parents = divisions.parents_of(issuer)
        city = issuer if issuer.level == 2 else parents[0]
        province = parents[-1]
        children = _children(city.code) or (city,)
        mapping: dict[str, str] = {}

        def both(old: str, new: divisions.Division) -> None:
            mapping[old] = new.name
            old_short, new_short = divisions.short_name(old), new.short
            if old_short and old_short not in mapping:
                mapping[old_short] = new_short

        both(seed.province, province)
        # the seed's own jurisdiction becomes the issuer; its parents the issuer's parents
        if seed.district:
            both(seed.city, city)
            own = issuer if issuer.level == 3 else rng.choice(children)
            both(seed.district, own)
        elif seed.city == "XX市":
            own = issuer
            mapping["XX市"], mapping["XX"] = issuer.name, issuer.short
        else:
            own = issuer
            both(seed.city, issuer)
        for nick in seed.nicknames:
            mapping[nick] = own.short
        for name in seed.local:
            other = rng.choice(children)
            mapping[name] = other.name if name.endswith(("区", "县", "市")) else other.short
        for name in parts.places:
            mapping.setdefault(name, _stable_choice(STEMS, city.code, name) + name[2:])
        seed_level = "区" if seed.district else "市"
        issuer_level = _level_char(issuer)
        self.mapping = mapping
        keys = sorted(mapping, key=len, reverse=True)
        self.names = re.compile("|".join(map(re.escape, keys)))
        self.level_words = None
        if seed_level != issuer_level:
            words = {w.format(seed_level): w.format(issuer_level) for w in _LEVEL_WORDS}
            self.level_mapping = words
            self.level_words = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
            self.agency = re.compile(_AGENCY_PREFIX.format(seed_level))
            self.issuer_level = issuer_level

    def __call__(self, line: str) -> str:
        line = self.names.sub(lambda m: self.mapping[m[0]], line)
        if self.level_words is not None:
            line = self.level_words.sub(lambda m: self.level_mapping[m[0]], line)
            line = self.agency.sub(self.issuer_level, line)
        return line


def vary_numbers(line: str, rng: random.Random, *, year_shift: int = 0) -> str:
    """Shift years by ``year_shift`` and scale other quantities by U(0.5, 2.0) (see the module doc)."""
    line = _DATE.sub(lambda m: f"{int(m[1]) + year_shift}{m[2]}", line)
    protected = [m.span() for m in _BRACKETS.finditer(line)] + [(m.start(2), m.end()) for m in _DATE.finditer(line)]
    dates = [m.span(1) for m in _DATE.finditer(line)]
    factor = rng.uniform(0.5, 2.0)  # one per line, so ranges (10—15个) and sums stay consistent
    leading = re.match(r"^\s*\d+[.．、]", line)

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        text = match[1]
        if (leading and start < leading.end()) or any(a <= start < b for a, b in protected):
            return text
        if line.startswith(_KEEP_AFTER, end):
            return text
        if len(text) == 4 and text.isdigit() and 1990 <= int(text) <= 2035:
            return text if any(a <= start < b for a, b in dates) else str(int(text) + year_shift)
        decimals = len(text.split(".")[1]) if "." in text else 0
        value = float(text) * factor
        if line.startswith("%", end) and float(text) <= 100:
            value = min(value, 100.0)
        if decimals:
            return f"{value:.{decimals}f}"
        return str(max(1, round(value)))

    return _NUMBER.sub(replace, line)


def _renumber(line: str, level: int, number: int) -> str:
    if level == 1:
        return _L1.sub(lambda m: f"{m[1]}{_chinese_number(number)}、", line, count=1)
    return _L2.sub(lambda m: f"{m[1]}{m[2]}{_chinese_number(number)}{m[4]}", line, count=1)


def _sample(paragraphs: list[str], rng: random.Random) -> list[str]:
    if len(paragraphs) <= 1:
        return list(paragraphs)
    keep = max(1, round(len(paragraphs) * rng.uniform(0.5, 1.0)))
    chosen = sorted(rng.sample(range(len(paragraphs)), keep))
    return [paragraphs[i] for i in chosen]


def report_text(i: int, *, seed: int = 0, per_place: int = 4, province: str | None = None) -> tuple[str, str]:
    """File name and text of report ``i`` of the corpus (the same for every corpus size)."""
    parts = _parts()
    issuers = _issuers(seed, province)
    issuer = issuers[(i // per_place) % len(issuers)]
    first_year = random.Random(f"{seed}:year:{issuer.code}").randint(2016, 2022)
    year = first_year + i % per_place
    rng = random.Random(f"{seed}:{i}")
    template = rng.choice(parts)
    renamers: dict[str, _Renamer] = {}

    def convert(line: str, source: _SeedParts) -> str:
        name = source.seed.file
        if name not in renamers:
            renamers[name] = _Renamer(source, issuer, rng)
        line = vary_numbers(renamers[name](line), rng, year_shift=year - source.seed.year)
        return line

    out = [convert(line, template) for line in template.prelude]
    size_target = rng.choice(parts).size * rng.uniform(0.6, 1.4)
    size = 0
    leads = [(p, s) for p in parts for s in p.sections if s.level == 0]
    source, lead = rng.choice(leads)
    body: list[str] = []
    for para in lead.paragraphs[: rng.randint(1, 3)]:
        body.append(template.indent + convert(para.strip(), source))
    numbers = [0, 0]
    tops = [(p, s) for p in parts for s in p.sections if s.level == 1]
    seconds = [(p, s) for p in parts for s in p.sections if s.level == 2]
    size = sum(len(line.encode("utf-8")) for line in body)
    while size < size_target:
        source, section = rng.choice(tops if rng.random() < 0.2 else seconds)
        numbers[section.level - 1] += 1
        if section.level == 1:
            numbers[1] = 0
        number = numbers[section.level - 1]
        heading = _renumber(section.heading.strip(), section.level, min(number, 99))
        body.append(template.indent + convert(heading, source))
        for para in _sample(section.paragraphs, rng):
            body.append(template.indent + convert(para.strip(), source))
        size = sum(len(line.encode("utf-8")) for line in body)
    out += body
    out += [convert(line, template) for line in template.appendix]
    out += [convert(line, template) for line in template.footer]
    text = "\n\n".join(out) + "\n"
    if template.seed.traditional:
        text = _converter("s2t").convert(text)
    return f"{i:05d}-{issuer.code}-{year}.txt", text


def make_corpus(n: int, out: str | Path, *, seed: int = 0, per_place: int = 4, province: str | None = None,
                progress: bool = False) -> list[Path]:
    """Write reports ``0 … n-1`` into ``out`` (kept if already there with the same text); return the paths."""
    from tqdm import tqdm

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in tqdm(range(n), desc="corpus", unit="report", disable=not progress, file=sys.stderr):
        name, text = report_text(i, seed=seed, per_place=per_place, province=province)
        path = folder / name
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths


def corpus_bytes(paths: list[Path]) -> int:
    """Total size of the report files, in bytes."""
    return sum(p.stat().st_size for p in paths)


def iter_corpus(n: int, **options: object) -> Iterator[tuple[str, str]]:
    """(file name, text) of reports ``0 … n-1`` without writing them."""
    for i in range(n):
        yield report_text(i, **options)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", "-n", type=int, default=100)
    parser.add_argument("--out", required=True, help="folder to write the .txt files into")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-place", type=int, default=4, help="consecutive years per issuing place")
    parser.add_argument("--province", help="GB/T 2260 code of one province (e.g. 370000), default all")
    args = parser.parse_args()
    started = time.perf_counter()
    paths = make_corpus(args.reports, args.out, seed=args.seed, per_place=args.per_place, province=args.province,
                        progress=True)
    seconds = time.perf_counter() - started
    size = corpus_bytes(paths)
    row = {"benchmark": "corpus", "reports": len(paths), "mb": round(size / 1e6, 2),
           "mean_kb": round(size / 1e3 / max(1, len(paths)), 1), "seconds": round(seconds, 2), "seed": args.seed}
    print(f"{'reports':>8}  {'MB':>8}  {'mean KB':>8}  {'seconds':>8}")
    print(f"{row['reports']:>8}  {row['mb']:>8}  {row['mean_kb']:>8}  {row['seconds']:>8}")
    print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
