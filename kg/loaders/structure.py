"""The section tree of a report, and the role of each of its lines.

Markers and levels: ``一、`` 1, ``（一）`` 2, ``1.``/``1、``/``（1）`` 3, ``一是`` and
``——`` lead paragraphs 4; a short first sentence ending in 。 that heads a paragraph
(``优化区域发展空间。``) opens a section one level below the enclosing one. ``附件N``
opens an appendix (id ``A{N}``), and so does a glossary's title line (``名词解释``, ``注释``);
a short ``…：`` title followed by numbered lines up to the end of the body opens an end list
(id ``L{k}``); their numbered lines are items.

A short unmarked line that names a part (``“十四五”时期工作回顾``, ``2026年重点工作``) is a
top-level heading too.

Parts: a section whose title names its part (data/parts.tsv) takes it, and a title whose
years all precede the plan year (``2025年主要工作`` in a 2026 report) opens the review; a
top-level section that does neither is told by its opening words (``一年来``, ``今年是``),
else carries on the part before it, corrected by the tense of its text (``了`` for past
work; ``要``/``将``/``力争``/deadlines for planned work). Children inherit, unless their title
names a part (a review's subsection moves to the plan only for ``下一步``, ``明年`` …). The part before
the first heading is guessed from the tense of the opening text, as scraped fragments
often start mid-report. A review section whose title names the plan too (…发展成就和…主要目标任务)
turns to the plan at its first paragraph that looks ahead (``“十四五”时期是…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.data import data_rows
from kg.loaders.model import Section

__all__ = [
    "Line",
    "build_structure",
    "five_year_period",
    "named_years",
    "opening_part",
    "part_of_title",
    "tense",
    "turns_ahead",
]

_NUM = "一二三四五六七八九十百零〇两"
_MARKERS = (
    (1, re.compile(f"^([{_NUM}]+)、")),
    (2, re.compile(f"^[（(]([{_NUM}]+)[)）]")),
    (3, re.compile(r"^(\d{1,3})(?:[.．、](?!\d)|\s)\s*")),
    (3, re.compile(r"^[（(](\d{1,3})[)）]")),
    (4, re.compile(f"^([{_NUM}]+)是")),
    (4, re.compile(r"^——")),
)
_APPENDIX = re.compile(r"^附件\s*(\d{1,2})?[：:]?\s*(.{0,40})$")
_GLOSSARY = re.compile(r"^(?:《[^》]{1,30}》)?(?:有关内容|有关)?(?:名词(?:术语)?(?:解释|注释)|注释|注解|附注)[：:]?$")
"""The title line of a glossary at the end of a report (名词解释, 《政府工作报告》有关内容名词注释)."""
_ITEM = re.compile(r"^(\d{1,3})(?:[.．、](?!\d)|\s)\s*|^[（(](\d{1,3})[)）]")
_LEAD = re.compile(r"^([^。，！？；：（）]{3,18}。)(?=.)")
_REVIEW_CUES = re.compile(
    r"了|累计|同比|入选|获评|获批|荣获|成功举办|连续|居全国|位居|跃居|首次"
    r"|(?:扎实|有序|稳步|深入|全面)推进[。；，]|增长[0-9.]+%(?!左右|以上)"
)
"""Words of done work: 了, a total, a title won (入选, 获批), a rank held, a streak, a first, a rise reported as a
figure (增长6.2%, not the aim 增长5%左右), a task said to be under way at the clause's end (…建设扎实推进。). Each is at
least ten times as frequent in the review parts of the 27 provincial 2026 reports as in their plan parts, so a part
whose heading is a slogan is told from its text."""
_PLAN_CUES = re.compile(r"要|将|力争|确保|加快|推进|推动|争创|底前|年内|新增|持续|全力")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")
_PLAN_YEAR = re.compile(r"(?<![到至—\-－~～])((?:19|20)[0-9]{2})年")  # not the end of 到2027年, 2024—2027年
_CHINESE_YEAR = re.compile(r"((?:一九|二〇|二零)[一二三四五六七八九〇零]{2})年")
_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_FIVE_YEAR = re.compile(r"“(十[一二三四五]?五)”|第([一二三四五六七八九十]{1,3})个五年(?:计划|规划)")
_SENTENCE_MARKS = re.compile(r"[。，,；;：:！？!?]")
_LEAD_PERIOD = re.compile(
    r"^(?:各位代表[，！]?)?((?:19|20)[0-9]{2}年(?=[，是])|(?:“十[一二三四五]?五”|第[一二三四五六七八九十]{1,3}个五年(?:计划|规划))"
    r"(?:规划|计划)?(?:时期|期间)(?=[，是]))"
)
_DOCUMENT_TITLE = re.compile(r"会议|讲话|报告|方案|通知|意见|办法|规划纲要")


@dataclass
class Line:
    """One line of the normalised text and its role.

    ``role`` is "heading" (a marker or lead opens a section here), "item" (a numbered
    line of an appendix or end list), "title" (the title line of an appendix or list)
    or "text". ``body`` is where the line's content starts after its marker.
    """

    start: int
    end: int
    body: int
    role: str = "text"
    section: str | None = None
    number: str | None = None
    part: str | None = None  # the line's part where it differs from its section's (:func:`_turn_to_plan`)


def build_structure(
    text: str, *, default_part: str | None = None, plan_year: int | None = None
) -> tuple[list[Section], list[Line]]:
    """Build the section tree of ``text`` (lines separated by ``\\n``) and describe its lines.

    ``plan_year`` (the year the report plans for) tells a past year's title from the plan's.
    """
    lines = _split_lines(text)
    roots: list[Section] = []
    stack: list[Section] = []
    bare: list[Section] = []
    in_list = False
    list_count = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        content = text[line.start : line.end]
        appendix = _APPENDIX.match(content)
        if appendix and (appendix.group(1) or not appendix.group(2)):
            number = appendix.group(1) or str(sum(1 for r in roots if r.id.startswith("A")) + 1)
            title = appendix.group(2).strip()
            section = Section(f"A{number}", 1, content[: len(content) - len(title)].strip(), title,
                              line.start, line.end, part="appendix")  # fmt: skip
            line.role, line.body = "heading", line.start + len(content) - len(title)
            _attach(section, roots, [])
            stack, in_list = [section], True
            if not title and index + 1 < len(lines) and _is_list_title(text, lines[index + 1]):
                index += 1
                lines[index].role = "title"
                section.title = text[lines[index].start : lines[index].end]
            index += 1
            continue
        if _GLOSSARY.match(content):
            number = str(sum(1 for r in roots if r.id.startswith("A")) + 1)
            section = Section(f"A{number}", 1, None, content.rstrip("：:"), line.start, line.end, part="appendix")
            line.role = "title"
            _attach(section, roots, [])
            stack, in_list = [section], True
            index += 1
            continue
        if not in_list and _starts_end_list(text, lines, index):
            list_count += 1
            section = Section(f"L{list_count}", 1, None, content.rstrip("：:"), line.start, line.end,
                              part="appendix")  # fmt: skip
            line.role = "title"
            _attach(section, roots, [])
            stack, in_list = [section], True
            index += 1
            continue
        if in_list:
            item = _ITEM.match(content)
            if item:
                line.role, line.body = "item", line.start + item.end()
                line.number = item.group(1) or item.group(2)
            index += 1
            continue
        section = _heading(content, line)
        if section is None and _is_part_title(content):
            section = Section("", 1, None, content.strip(), line.start, line.end)
            bare.append(section)
            roots.append(section)
            stack = [section]
            line.role = "heading"
        elif section:
            if section.number is None:
                if stack and stack[-1].number is None and not any(stack[-1] is b for b in bare):
                    section.level = stack.pop().level
                else:
                    section.level = stack[-1].level + 1 if stack else 3
            while stack and stack[-1].level >= section.level:
                stack.pop()
            _attach(section, roots, stack)
            stack.append(section)
            line.role = "heading"
        index += 1
    _assign_ids(roots)
    _close(roots, len(text))
    _assign_parts(roots, text, default_part, plan_year, bare)
    _mark_lines(roots, lines)
    for root in roots:
        if root.part == "review" and _names_both_parts(root.title):
            _turn_to_plan(root, lines, text, plan_year)
    return roots, lines


def _names_both_parts(title: str) -> bool:
    """A title naming the review and the plan (“十三五”时期发展成就和“十四五”时期主要目标任务)."""
    return part_of_title(title) == "review" and any(
        part == "plan" and pattern.search(title) for part, pattern in _part_patterns()
    )


def _turn_to_plan(root: Section, lines: list[Line], text: str, plan_year: int | None) -> None:
    """In a section reviewing and then planning, the plan from the first paragraph that opens by
    looking ahead (``“十四五”时期是…``, :func:`opening_part`): its subsections, and its own lines."""
    inside = [line for line in lines if root.start <= line.start < root.end]
    turn = next((line.start for line in inside if line.role == "text"
                 and opening_part(text[line.body : line.end], plan_year) == "plan"), None)  # fmt: skip
    if turn is None:
        return
    for section in root.walk():
        if section is not root and section.start >= turn:
            section.part = "plan"
    for line in inside:
        if line.section == root.id and line.start >= turn:
            line.part = "plan"


def _split_lines(text: str) -> list[Line]:
    lines, start = [], 0
    for chunk in text.split("\n"):
        lines.append(Line(start, start + len(chunk), start))
        start += len(chunk) + 1
    return lines


def _heading(content: str, line: Line) -> Section | None:
    for level, pattern in _MARKERS:
        if m := pattern.match(content):
            body = content[m.end() :]
            line.body = line.start + m.end()
            title = body.split("。", 1)[0].rstrip("：:；;").strip()
            return Section("", level, m.group(0), title, line.start, line.end)
    if m := _LEAD.match(content):
        return Section("", 0, None, m.group(1).rstrip("。"), line.start, line.end)
    return None


def _is_part_title(content: str) -> bool:
    """A short line without sentence punctuation that names a review or plan part.

    The document's own title line (…工作部署会议讲话稿, …工作报告) names its kind and is not one.
    """
    line = content.strip()
    if not 4 <= len(line) <= 30 or _SENTENCE_MARKS.search(line) or _DOCUMENT_TITLE.search(line):
        return False
    return part_of_title(line, strong=True) in ("review", "plan")


def _is_list_title(text: str, line: Line) -> bool:
    content = text[line.start : line.end]
    return 0 < len(content) <= 40 and "。" not in content and not _ITEM.match(content)


def _starts_end_list(text: str, lines: list[Line], index: int) -> bool:
    content = text[lines[index].start : lines[index].end]
    if not (2 <= len(content) <= 20 and content.endswith(("：", ":")) and "，" not in content):
        return False
    rest = [text[ln.start : ln.end] for ln in lines[index + 1 :]]
    items = 0
    for following in rest:
        if _ITEM.match(following):
            items += 1
        elif _APPENDIX.match(following) or _starts_end_list_title(following):
            break
        else:
            return False
    return items >= 1


def _starts_end_list_title(content: str) -> bool:
    return 2 <= len(content) <= 20 and content.endswith(("：", ":"))


def _attach(section: Section, roots: list[Section], stack: list[Section]) -> None:
    (stack[-1].children if stack else roots).append(section)


def _assign_ids(roots: list[Section]) -> None:
    def visit(sections: list[Section], prefix: str) -> None:
        for n, section in enumerate(sections, 1):
            if not section.id:
                section.id = f"{prefix}{n}"
            visit(section.children, f"{section.id}.")

    counter = 0
    for section in roots:
        if not section.id:
            counter += 1
            section.id = str(counter)
        visit(section.children, f"{section.id}.")


def _close(sections: list[Section], end: int) -> None:
    """Set each section's end to the start of the next sibling (or the parent's end)."""
    for i, section in enumerate(sections):
        nxt = sections[i + 1].start if i + 1 < len(sections) else end
        section.end = nxt
        _close(section.children, nxt)
    for section in sections:
        section.end = max(section.end, section.start)


def _assign_parts(
    roots: list[Section], text: str, default: str | None, plan_year: int | None, bare: list[Section] = ()
) -> None:
    """Give each root its part (see the module docstring); the numbered sections under an unmarked
    part heading (``过去五年工作的基本总结`` / ``一、…`` / ``二、…``) keep its part unless their title
    names another (not by its opening verb, nor by the tense of its text)."""
    first = roots[0].start if roots else len(text)
    current = default if default is not None else tense(text[:first] or text[:2000])
    later_years = _later_title_years(roots)
    grouped = False
    for root, later in zip(roots, later_years, strict=True):
        if root.part != "appendix":
            named = _past_year_title(root.title, max(filter(None, (plan_year, later)), default=None))
            named = named or part_of_title(root.title, strong=grouped) or _plan_year_title(root.title, plan_year)
            if named:
                current = named
                grouped = any(root is b for b in bare)
            elif root.level <= 1 and not grouped:
                opening = text[root.start : root.end].partition("\n")[2][:80]
                current = _opening_part(opening) or tense(text[root.start : root.end]) or current
            root.part = current
        _inherit(root, plan_year)


def _plan_year_title(title: str, plan_year: int | None) -> str | None:
    """The plan part for a title naming the plan year and no earlier one (一九五九年经济战线上的任务)."""
    years = named_years(title)
    return "plan" if plan_year is not None and plan_year in years and min(years) >= plan_year else None


def _later_title_years(roots: list[Section]) -> list[int | None]:
    """For each root, the largest year a later root's title names (2026年重点工作 after 2025年…)."""
    out: list[int | None] = []
    latest: int | None = None
    for root in reversed(roots):
        out.append(latest)
        years = [int(y) for y in _PLAN_YEAR.findall(root.title)] if root.part != "appendix" else []
        latest = max([*years, latest or 0]) or None
    return out[::-1]


def _past_year_title(title: str, plan_year: int | None) -> str | None:
    """The review part for a title naming only years or five-year periods before ``plan_year``
    (2025年主要工作, “十四五”时期发展成就 in 2026)."""
    years = named_years(title)
    if plan_year is None or not years or max(years) >= plan_year:
        return None
    return "review"


def named_years(text: str) -> list[int]:
    """The years ``text`` names: each year (2025年, 一九五九年), and for a five-year period (“十四五”,
    第一个五年计划) its last year, so a period is past when its last year is."""
    years = [int(y) for y in _YEAR.findall(text)]
    years += [int(y.translate(_CHINESE_DIGITS)) for y in _CHINESE_YEAR.findall(text)]
    for short, ordinal in _FIVE_YEAR.findall(text):
        number = _chinese_number((short[:-1] if len(short) == 3 else "十") if short else ordinal)
        if number:
            years.append(five_year_period(number)[1])
    return years


def five_year_period(number: int) -> tuple[int, int]:
    """First and last year of the ``number``-th national five-year plan (1st 1953–1957, 2nd
    1958–1962, then from the 3rd in 1966 one every five years: the 14th is 2021–2025)."""
    first = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return first, first + 4


def _chinese_number(numeral: str) -> int | None:
    """The value of a Chinese numeral up to 99 (十四 -> 14, 二十 -> 20), ``None`` if it is not one."""
    digits = "一二三四五六七八九"
    if not numeral or any(c not in digits + "十" for c in numeral):
        return None
    if "十" not in numeral:
        return digits.index(numeral) + 1 if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(units) + 1 if units else 0)


def turns_ahead(sentence: str) -> bool:
    """Whether ``sentence`` opens with the work ahead (``要…``, ``我们将…``, data/parts.tsv plan-turn):
    a look back that a paragraph opened with ends there."""
    return any(part == "plan-turn" and pattern.search(sentence) for part, pattern in _part_patterns())


def opening_part(sentence: str, plan_year: int | None) -> str | None:
    """The part the first words of a paragraph's sentence announce, or ``None``.

    A sentence opening with a look back (``过去五年，`` ``一年来`` ``这五年``, ``data/parts.tsv``
    review-lead) or with a year or five-year period already over (``2025年，``, ``“十四五”时期，``
    in a report planning 2026) reviews; one opening with the year ahead (``今年是``, ``新的一年``,
    plan-lead) or with the plan year or a period not over (``2026年是``, ``“十五五”时期``) plans.
    Reports put such paragraphs inside the other part (a plan's ``过去一年，国防和军队建设取得…``;
    the review of the last five-year period opening the new plan's outline).
    """
    for part, pattern in _part_patterns():
        if part in ("review-lead", "plan-lead") and pattern.search(sentence):
            return part.removesuffix("-lead")
    lead = _LEAD_PERIOD.match(sentence)
    if lead is None or plan_year is None:
        return None
    years = named_years(lead.group(1))
    if not years:
        return None
    return "review" if max(years) < plan_year else "plan"


def _opening_part(opening: str) -> str | None:
    """The part the first words of a section's text announce (一年来，… / 今年是…)."""
    for part, pattern in _part_patterns():
        if part.endswith("-open") and pattern.search(opening):
            return part.removesuffix("-open")
    return None


def _inherit(section: Section, plan_year: int | None) -> None:
    for child in section.children:
        if section.part == "appendix":
            child.part = "appendix"
        else:
            named = part_of_title(child.title, strong=True) if child.number else None
            if named == "plan" and section.part == "review" and not _names_next_period(child.title):
                named = None
            if section.part != "review" and _is_title(child.title) and _past_year_title(child.title, plan_year):
                named = "review"  # （二）“十五”期间主要情况 inside a plan part
            child.part = named or section.part
        _inherit(child, plan_year)


def _is_title(title: str) -> bool:
    """A section title rather than a numbered line's opening sentence (``3.“自审自发”：2024年…``)."""
    return len(title) <= 30 and not _SENTENCE_MARKS.search(title)


def _names_next_period(title: str) -> bool:
    """Whether a title names the period ahead (今后, 明年, 下一步): a review's subsection then plans."""
    return any(part == "plan-next" and pattern.search(title) for part, pattern in _part_patterns())


def part_of_title(title: str, *, strong: bool = False) -> str | None:
    """The part a section title names ("review", "plan", "appendix") or ``None``.

    With ``strong``, only explicit words count, not a title's opening verb (加快…, which
    subsections of a review part use too).
    """
    for part, pattern in _part_patterns():
        if part.endswith(("-open", "-next", "-lead", "-turn")):
            continue
        if part.endswith("-verb"):
            if strong:
                continue
            part = part.removesuffix("-verb")
        if pattern.search(title):
            return part
    return None


def tense(text: str) -> str | None:
    """Guess whether ``text`` reports past work ("review") or plans ("plan")."""
    review = len(_REVIEW_CUES.findall(text))
    plan = len(_PLAN_CUES.findall(text))
    if plan >= 3 and plan >= 3 * review:
        return "plan"
    if review >= 3 and review * 2 >= plan:
        return "review"
    return None


def _mark_lines(roots: list[Section], lines: list[Line]) -> None:
    sections = [s for root in roots for s in root.walk()]
    for line in lines:
        owner = None
        for section in sections:
            inside = section.start <= line.start < max(section.end, section.start + 1)
            if inside and (owner is None or (section.level, section.start) >= (owner.level, owner.start)):
                owner = section
        line.section = owner.id if owner else None


@cache
def _part_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((part, re.compile(pattern)) for part, pattern in data_rows("kg.loaders", "parts.tsv"))
