"""Numbers with units in Chinese text: 4.5万人, 二十五个, 10—15个, 85%以上, 约7个百分点.

:func:`parse_number` turns one written number into a float; :func:`find_quantities`
finds every number that is followed by a counting unit (``data/units.tsv``) and reads
the range, multiplier and comparator words around it (最高补贴 → ``<=``, 下限 → ``>=``). A rate
keeps its unit as written (0.2元/千瓦时 → ``元/千瓦时``), and 年 counts only after a verb of
duration (暂定3年, 连续5年), since a bare 年 is a date. Whether a quantity is a target
(not a date, an ordinal or part of a name) is decided by :mod:`kg.extract.targets`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kg.extract.lexicon import alternation, rows, words

__all__ = ["CHINESE_DIGITS", "Quantity", "find_quantities", "load_units", "parse_number"]

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DIGITS_OR_TEN = frozenset([*CHINESE_DIGITS, "十"])
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_MULTIPLIERS = {
    "万亿": 1e12,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "亿": 1e8,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,
}
_TAIL_MULTIPLIERS = (("", 1.0), *sorted(_MULTIPLIERS.items(), key=lambda kv: -len(kv[0])))
"""No multiplier, then the multipliers longest first: what may follow a number before its unit."""
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

_ARABIC = r"[0-9０-９]+(?:[,，][0-9]{3}(?![0-9]))*(?:[.．][0-9]+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"
_NUMBER_RE = re.compile(rf"{_ARABIC}|{_CHINESE}")
_RANGE_SEP = "-—–－~～至到"
_ABOUT = "余多"

_GRANT = r"(?:为|是|可|可达)?(?:补贴|补助|奖补|奖励|资助|支持|给予)?(?:用?电量|用?气量|资金|金额)?"
"""What may stand between a ceiling or floor word and its number: 最高补贴1200元, 最高补贴电量6000千瓦时."""
_NOT_RECORD = "(?<!全球|世界|全国|国内|国际|历史|亚洲|全省)"
"""全球最高10米: after a scope word 最高/最低 is a record (a superlative), no ceiling or floor."""
_FLOOR = f"{_NOT_RECORD}(?:最低|下限){_GRANT}"
_CEILING = f"{_NOT_RECORD}(?:最高|最多|上限|封顶){_GRANT}"
_AT_LEAST = "[≥⩾]|大于等于|大于或等于"
_AT_MOST = "[≤⩽]|小于等于|小于或等于"
"""The bounds of standards and tables written as signs or in full (≥90%, 小于或等于35微克)."""
_MUST_NOT = "不(?:得|应|应当|宜|能|可|准)?"
"""不低于 and the modal bounds of rules (不得低于, 不应超过, 不宜大于): 办法 and 标准 state their limits so."""
_NO_MODAL = "(?<!不)(?<!不得)(?<!不应)(?<!应当)(?<!不宜)(?<!不能)(?<!不可)(?<!不准)"
_PREFIX_COMPARATORS = [
    (
        re.compile(
            rf"(?:{_MUST_NOT}(?:低于|少于|小于)|至少|{_NO_MODAL}(?:超过|多于|超)|(?<![不超得应宜能可准])过|突破|逾"
            rf"|{_FLOOR}|{_AT_LEAST})$"
        ),
        ">=",
    ),
    (re.compile(rf"(?:{_MUST_NOT}(?:超过|高于|多于|大于)|不足|不到|少于|控制在|{_CEILING}|{_AT_MOST})$"), "<="),
    (re.compile(r"(?:大约|约|将近|接近|近)(?:为|有|占|达)?(?:每[年月天日人户])?$"), "~"),
]
_BARE_BOUNDS = [
    (re.compile(rf"{_NO_MODAL}(?:高于|大于)$"), ">="),
    (re.compile(rf"{_NO_MODAL}(?:低于|小于)$"), "<="),
]
"""Bare 高于/大于 right before a number are a floor, 低于/小于 a ceiling (失业率低于5.3%), unless the figure
qualifies a noun with 的 (高于2.5万人/平方公里的合理密度: the figure compared with, no bound); a gap to another
figure (低于全国1个百分点) has that figure between, so none either."""
_INCLUSIVE = r"(?:[（(]含[）)])?"
"""100万元（含）以上: a bound that says it includes its number."""
_SUFFIX_COMPARATORS = [
    (re.compile(rf"^{_INCLUSIVE}(?:及以上|以上|为下限)"), ">="),
    (re.compile(rf"^{_INCLUSIVE}(?:及以下|以下|以内|之内|封顶|为上限|为限)"), "<="),
    (re.compile(r"^(?:左右|上下)"), "~"),
]
_PER = "/／"
_PER_TIME = {"年": "年", "月": "月", "日": "日", "秒": "秒", "周": "周"}
"""Time words that may stand after ``/`` in a rate (万吨/年, 元/月) though they are no counting unit."""
_DURATION_BEFORE = re.compile(r"(?:延长|暂定|为期|期限为|期限|长达|有效期为|有效期|连续|提前)$")
"""Verbs and nouns of length of time: the 年 after them counts years (再延长30年, 有效期5年, a streak 连续十年,
提前两年完成: how much earlier), it is no date."""
_LENGTH_BEFORE = re.compile(r"长达$")
"""长达2600年: the length a time reached; no calendar year follows 长达, so the number may be as large as it likes."""
_YEARS = r"年(?![0-9一二三四五六七八九十]+月|度|底|末|前|以来|起|内)"
_PERCENT_WORDS = re.compile(r"(百分之|千分之)([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?")
"""A rate written out in words (百分之十一点八, older reports' style): a quantity in % or ‰."""
_CN_DECIMAL = re.compile(r"([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)")
_LIST_JOINERS = re.compile(r"^(?:、|和|与|及|,|，)$")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, found in a text.

    ``start``/``end`` cover the comparator words, the number(s) and the unit
    (约 10—15个以上); ``num_start``/``num_end`` the first number only.
    """

    value: float
    unit: str
    start: int
    end: int
    num_start: int
    num_end: int
    value_max: float | None = None
    comparator: str = "="
    raw_unit: str = ""
    arabic: bool = True
    unit_end: int = 0  # end of the unit, before any suffix comparator


@dataclass(frozen=True)
class _Unit:
    written: str
    normal: str
    after_chinese: bool


@cache
def load_units() -> dict[str, tuple[str, bool]]:
    """Map each written unit to (normalised unit, may follow a Chinese numeral)."""
    return {written: (normal, cn == "y") for written, normal, cn, *_ in rows("units.tsv")}


@cache
def _units() -> dict[str, _Unit]:
    return {w: _Unit(w, n, cn) for w, (n, cn) in load_units().items()}


@cache
def _unit_re(*, arabic: bool) -> re.Pattern[str]:
    """The longest unit at a position; after a Chinese numeral only the units that may follow one."""
    return re.compile(alternation(u.written for u in _units().values() if arabic or u.after_chinese))


@lru_cache(maxsize=4096)  # the same numerals (一, 十, 二十) come back all the time
@lru_cache(maxsize=1 << 12)  # short runs that recur (一, 十, 两, 三千): each prefix of each run is parsed
def _parse_chinese(text: str) -> float | None:
    """Parse 二十五, 三千, 一百零五, 两万, 十二; ``None`` when it is not a well-formed numeral."""
    if _DIGITS_OR_TEN.isdisjoint(text):  # empty, or no digit to read
        return None
    total = 0.0
    section = 0.0
    digit: float | None = None
    for ch in text:
        if ch in CHINESE_DIGITS:
            if digit is not None and digit != 0 and CHINESE_DIGITS[ch] != 0:
                return None  # 三四, 二三十: approximate spans, not one number
            digit = CHINESE_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total = (total + section) * _CN_BIG[ch] if ch == "亿" else total + section * _CN_BIG[ch]
            section = 0.0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def parse_number(text: str) -> float | None:
    """Parse a written number: ``1,048``, ``4.5万``, ``460亿``, ``二十五``, ``两``.

    >>> parse_number("4.5万"), parse_number("二十五"), parse_number("1,048")
    (45000.0, 25.0, 1048.0)
    """
    text = text.strip().translate(_FULLWIDTH)
    if not text:
        return None
    m = re.fullmatch(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(千万|百万|十万|万亿|亿|万|千|百)?", text)
    if m:
        value = float(m.group(1).replace(",", ""))
        return value * _MULTIPLIERS[m.group(2)] if m.group(2) else value
    return _parse_chinese(text)


@cache
def _false_unit_re() -> re.Pattern[str]:
    """Words that open with a unit but are other words (5部门, 1对1): ``data/unit_false_words.txt``."""
    return re.compile(alternation(words("unit_false_words.txt")))


@lru_cache(maxsize=1 << 12)
def _match_unit(text: str, pos: int, *, arabic: bool) -> _Unit | None:
    """The unit written at ``pos``, or ``None``; cached, as the reader asks again at the same place (a range's end,
    a tail read twice): 44 % of the calls repeat one."""
    m = _unit_re(arabic=arabic).match(text, pos)
    if m is None:
        return None
    other = _false_unit_re().match(text, pos)
    if other and other.end() > m.end():
        return None
    if m.group().isascii() and m.end() < len(text) and text[m.end()].isascii() and text[m.end()].isalnum():
        return None  # 4000Pa, 5kgs: a Latin unit ends where the Latin word ends
    return _units()[m.group()]


@dataclass
class _Num:
    value: float
    start: int
    end: int
    arabic: bool

    @property
    def any_unit(self) -> bool:
        """Whether every unit may follow: Arabic digits, or a numeral written out in two characters or more.

        The units marked ``n`` in ``units.tsv`` are kept from single numerals, which open common
        words (一方面, 六次全会, 二期); 三千亿度, 二十次, 一千九百五十万千瓦 are plain counts.
        """
        return self.arabic or self.end - self.start >= 2


def _read_tail(text: str, num: _Num) -> tuple[float, bool, _Unit, int] | None:
    """Read [余多] multiplier [余多] unit after a number: (factor, floor, unit, end).

    A numeral written out takes a multiplier only after 多/余 (三千五百多万人, 二十余亿元): without
    one, its 万 and 亿 are part of the numeral itself. The multiplier then closes the numeral's
    last section (六亿三千多万 is 六亿三千万, not 六亿三千 times 万).
    """
    pos = num.end
    floor = False
    if pos < len(text) and text[pos] in _ABOUT:
        floor, pos = True, pos + 1
    best: tuple[float, bool, _Unit, int] | None = None
    multiplied = num.arabic or floor
    for word, factor in _TAIL_MULTIPLIERS:
        if word and not multiplied:
            break  # only the empty multiplier (first) applies
        if word and not text.startswith(word, pos):
            continue
        if word and not num.arabic:
            whole = _parse_chinese(text[num.start : num.end] + word)
            if not whole or not num.value:
                continue
            factor = whole / num.value
        p = pos + len(word)
        f = floor
        if word and p < len(text) and text[p] in _ABOUT:
            f, p = True, p + 1
        unit = _match_unit(text, p, arabic=num.any_unit)
        if unit is None:
            continue
        if best is None or len(unit.written) > len(best[2].written):
            best = (factor, f, unit, p + len(unit.written))
    return best


@cache
def _per_re() -> re.Pattern[str]:
    """``/`` and the unit a rate is counted per: /千瓦时, /户, /平方米, /年."""
    return re.compile(f"[{_PER}]({alternation([*_units(), *_PER_TIME])})")


def _with_per(text: str, unit: _Unit, end: int) -> tuple[_Unit, int]:
    """The unit as written, a rate included (元/千瓦时, 元/户): the denominator keeps its own normal form."""
    m = _per_re().match(text, end)
    if m is None:
        return unit, end
    den = m.group(1)
    normal = _units()[den].normal if den in _units() else _PER_TIME[den]
    return _Unit(f"{unit.written}/{den}", f"{unit.normal}/{normal}", unit.after_chinese), m.end()


def _duration_tail(text: str, num: _Num) -> tuple[float, bool, _Unit, int] | None:
    """暂定3年, 再延长30年, 长达2600年: a number of years after a verb of duration (a year number is no duration)."""
    if num.value != int(num.value) or not _years_re().match(text, num.end):
        return None
    if not _DURATION_BEFORE.search(text, max(0, num.start - 4), num.start):
        return None
    if num.value >= 100 and not _LENGTH_BEFORE.search(text, max(0, num.start - 2), num.start):
        return None
    return 1.0, False, _Unit("年", "年", True), num.end + 1


def _other_tail(text: str, num: _Num) -> tuple[float, bool, _Unit, int] | None:
    """The tail of a number with no unit of ``units.tsv`` right after it: a duration, a count of people (the noun
    after or before it), tenths."""
    return _duration_tail(text, num) or _people_tail(text, num) or _people_before(text, num) or _tenths_tail(text, num)


_TENTHS_BEFORE = re.compile(r"(?:近|超|约|逾|超过|接近|占[^，,；;。、]{0,4}|提升|提高|增长|下降|减少|降低|增产|减产)$")
_TENTHS_AFTER = re.compile(r"(?:以上|左右|多)")


def _tenths_tail(text: str, num: _Num) -> tuple[float, bool, _Unit, int] | None:
    """近五成, 占全国两成以上, 下降超过六成: a single numeral written out before 成 (tenths) when a comparator, a
    share (占) or a rise or fall stands before it or a bound after it; bare, 三成 opens other words (一成不变)."""
    if num.arabic or num.end - num.start != 1 or text[num.end : num.end + 1] != "成":
        return None
    if (other := _false_unit_re().match(text, num.end)) and other.end() > num.end + 1:
        return None
    if not (_TENTHS_BEFORE.search(text, max(0, num.start - 6), num.start) or _TENTHS_AFTER.match(text, num.end + 1)):
        return None
    return 1.0, False, _units()["成"], num.end + 1


def _count_in_wan(text: str, num: _Num) -> tuple[float, bool, str, int] | None:
    """(factor, floor, multiplier written after it, position after it) of a count in 万 or 亿 with no unit of its
    own, as counts of people are written: 52万, 500多万 (a floor), 四千二百多万 (the written-out numeral takes the
    万 after 多), 五百万 (the numeral's own 万: factor 1, no multiplier after it); None for another number."""
    pos, floor = num.end, False
    if text[pos : pos + 1] in _ABOUT:
        floor, pos = True, pos + 1
    mult = next((w for w in ("万亿", "亿", "万") if text.startswith(w, pos)), "")
    if num.arabic:
        return (_MULTIPLIERS[mult], floor, mult, pos + len(mult)) if mult else None
    if floor and mult:
        whole = _parse_chinese(text[num.start : num.end] + mult)
        return (whole / num.value, True, mult, pos + len(mult)) if whole and num.value else None
    if text[num.end - 1 : num.end] in ("万", "亿"):
        return 1.0, floor, "", pos
    return None


_PEOPLE_LINK = "(?:达到|达|为|超过|超|约|近|突破|增加|减少)?"
_CLAUSE_END = "，,；;。、）)"


@cache
def _people_before_re() -> re.Pattern[str]:
    """A noun for people, maybe a linking verb, at the end of the text before a count (新增人口, 常住人口达)."""
    return re.compile(rf"({alternation(_people_units())}){_PEOPLE_LINK}$")


def _people_before(text: str, num: _Num) -> tuple[float, bool, _Unit, int] | None:
    """新增人口100万, 城镇人口达500多万: a count in 万 or 亿 that ends its clause right after a noun for people
    (``data/target_people_nouns.tsv``) counts people (人) or households (户), as 万人 does; the noun is not written
    after the number, so the unit is the multiplier alone."""
    count = _count_in_wan(text, num)
    if count is None:
        return None
    factor, floor, mult, pos = count
    if pos < len(text) and text[pos] not in _CLAUSE_END:
        return None
    m = _people_before_re().search(text, max(0, num.start - 8), num.start)
    if m is None:
        return None
    return factor, floor, _Unit(mult, _people_units()[m.group(1)], True), pos


@cache
def _people_re() -> re.Pattern[str]:
    """Up to four words, then a noun of ``data/target_people_nouns.tsv``: 群众, 困难群众, 农村贫困人口; the last noun
    heads the phrase (贫困家庭学生 are pupils), and a bound (20万以上人口县) says what class is counted."""
    return re.compile(rf"(?:(?!以上|以下|以内)[\u4e00-\u9fff]){{0,4}}({alternation(_people_units())})")


@cache
def _people_units() -> dict[str, str]:
    return {noun: unit for noun, unit, *_ in rows("target_people_nouns.tsv")}


def _people_tail(text: str, num: _Num) -> tuple[float, bool, _Unit, int] | None:
    """52万群众, 1800多万农民工, 82万宽带用户, 五百万群众, 四千二百多万劳动力: a count in 万 or 亿 right before a
    noun for people (``data/target_people_nouns.tsv``) counts people (人) or households (户), as 万人 does; a
    numeral written out ends in its own 万 or 亿, or takes one after 多/余."""
    count = _count_in_wan(text, num)
    if count is None:
        return None
    factor, floor, _, pos = count
    if text[pos : pos + 1] in _ABOUT:
        floor, pos = True, pos + 1
    m = _people_re().match(text, pos)
    if m is None:
        return None
    return factor, floor, _Unit(text[pos : m.end()], _people_units()[m.group(1)], True), m.end()


@cache
def _years_re() -> re.Pattern[str]:
    return re.compile(_YEARS)


def _cn_decimals(text: str) -> list[_Num]:
    """Decimals written out (一点二倍, 零点五, 三点五亿): read like Arabic ones, so a multiplier may follow."""
    found = []
    for m in _CN_DECIMAL.finditer(text):
        whole = _parse_chinese(m.group(1))
        if whole is not None:
            fraction = float("0." + "".join(str(CHINESE_DIGITS[d]) for d in m.group(2)))
            found.append(_Num(whole + fraction, m.start(), m.end(), True))
    return found


def _numbers(text: str) -> list[_Num]:
    found = _cn_decimals(text) if "点" in text else []
    taken = [(n.start, n.end) for n in found]
    for m in _NUMBER_RE.finditer(text):
        if taken and any(s <= m.start() < e for s, e in taken):
            continue
        raw = m.group(0)
        if raw[0] not in _CHINESE:
            value = float(raw.translate(_FULLWIDTH).replace(",", ""))
            found.append(_Num(value, m.start(), m.end(), True))
            continue
        # A Chinese run may be glued to following words (十二五, 一二三产) or to a unit that opens
        # with a numeral character (一千九百五十万|千瓦): keep the longest well-formed numeral at its
        # start that a unit follows, else the longest well-formed one.
        if _approximate(text, m.start(), m.end()):
            continue
        numerals = [
            _Num(value, m.start(), end, False)
            for end in range(m.end(), m.start(), -1)
            if (value := _parse_chinese(raw[: end - m.start()])) is not None
        ]
        if numerals:
            found.append(next((n for n in numerals if _match_unit(text, n.end, arabic=n.any_unit)), numerals[0]))
    return sorted(found, key=lambda n: n.start) if taken else found


def _approximate(text: str, start: int, end: int) -> bool:
    """一百几十亿, 十几个, 几千人: a numeral joined to 几 is a rough size with no value of its own."""
    return text[start - 1 : start] == "几" or text[end : end + 1] == "几"


def _range_end(text: str, num: _Num, nxt: _Num | None) -> bool:
    """True when ``nxt`` closes a range opened by ``num`` (10—15, 10万-15万, 1至2)."""
    if nxt is None or nxt.arabic != num.arabic:
        return False
    pos = num.end
    for word, _ in _TAIL_MULTIPLIERS[1:]:
        if num.arabic and text.startswith(word, pos):
            pos += len(word)
            break
    unit = _match_unit(text, pos, arabic=num.any_unit)
    if unit is not None:
        pos += len(unit.written)
    return nxt.start == pos + 1 and text[pos] in _RANGE_SEP


def _prefix_comparator(
    text: str, start: int, patterns: list[tuple[re.Pattern[str], str]] = _PREFIX_COMPARATORS
) -> tuple[str, int]:
    before = text[max(0, start - 8) : start]
    for pattern, comparator in patterns:
        m = pattern.search(before)
        if m:
            return comparator, start - (len(before) - m.start())
    return "=", start


def _suffix_comparator(text: str, end: int) -> tuple[str | None, int]:
    after = text[end : end + 7]
    for pattern, comparator in _SUFFIX_COMPARATORS:
        m = pattern.match(after)
        if m:
            return comparator, end + m.end()
    return None, end


def find_quantities(text: str) -> list[Quantity]:
    """Every number followed by a counting unit, with its range and comparator.

    >>> [(q.value, q.unit, q.comparator) for q in find_quantities("新增就业4.5万人以上")]
    [(45000.0, '人', '>=')]
    """
    return list(_quantities_in(text))


@lru_cache(maxsize=16)
def _quantities_in(text: str) -> tuple[Quantity, ...]:
    """The quantities of ``text``, kept for the sentence being read (the targets and their size classes ask)."""
    worded = _worded_rates(text)
    nums = _numbers(text)
    if worded:
        nums = [n for n in nums if not any(q.start <= n.start < q.end for q in worded)]
    out: list[Quantity] = []
    bare: list[_Num] = []  # Arabic numbers without a unit of their own: maybe items of a 分别 list
    i = 0
    while i < len(nums):
        first = nums[i]
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        last = first
        if nxt is not None and _range_end(text, first, nxt) and _read_tail(text, nxt):
            last = nxt
            i += 1
        i += 1
        tail = _read_tail(text, last) or (_other_tail(text, last) if last is first else None)
        if tail is None:
            if last is first and first.arabic:
                bare.append(first)
            continue
        factor, floor, unit, unit_end = tail
        unit, unit_end = _with_per(text, unit, unit_end)
        value = first.value * factor
        value_max = None
        if last is not first:
            own = _read_tail(text, first)
            value = first.value * (own[0] if own else factor)
            value_max = last.value * factor
        comparator, start = _prefix_comparator(text, first.start)
        if comparator == "=" and not text.startswith("的", unit_end):
            comparator, start = _prefix_comparator(text, first.start, _BARE_BOUNDS)
        suffix, end = _suffix_comparator(text, unit_end)
        if suffix is not None:
            comparator = suffix
        elif floor:
            comparator = ">="
        out.append(
            Quantity(
                value=_clean(value),
                unit=unit.normal,
                start=start,
                end=end,
                num_start=first.start,
                num_end=last.end,
                value_max=_clean(value_max) if value_max is not None else None,
                comparator=comparator,
                raw_unit=unit.written,
                arabic=first.arabic,
                unit_end=unit_end,
            )
        )
    if worded:
        out = sorted([*out, *worded], key=lambda q: q.start)
    if "分别" in text:
        out = _respective_bounds(text, _elliptical_items(text, bare, out))
    return tuple(_share_list_comparators(text, _bounded_ranges(text, out)))


_ITEM_JOINERS = "、和与及"
_CLAUSE_MARKS = re.compile(r"[，,；;。：:！？]")


def _is_item_joiner(between: str) -> bool:
    return len(between) == 1 and between in _ITEM_JOINERS


def _after_respectively(text: str, pos: int) -> bool:
    """Whether 分别 stands in the clause before ``pos``: what follows is one item of a list of respective figures."""
    marks = [m.end() for m in _CLAUSE_MARKS.finditer(text, 0, pos)]
    return "分别" in text[marks[-1] if marks else 0 : pos]


def _multiplier_at(text: str, pos: int) -> str:
    """The multiplier word (万, 亿, 万亿 …) written at ``pos``, or ``""``."""
    return next((word for word, _ in _TAIL_MULTIPLIERS[1:] if text.startswith(word, pos)), "")


def _elliptical_items(text: str, bare: list[_Num], found: list[Quantity]) -> list[Quantity]:
    """The items of a 分别 list that leave their unit to the last one, each given that unit.

    分别提高15、22个百分点 (15 个百分点), 分别达1409万、1305万人次 (1409万 人次), 分别快于全国3.4个、1个百分点
    (3.4 个百分点, not 个): a list of respective figures writes its unit once, after the last item. A bare
    number takes the unit only when it is written with the same kind of multiplier (both 万, or neither), since
    3、5万人 may mean 3 people; 2、3个 without 分别 is a rough count, not a list.
    """
    out = sorted(found, key=lambda q: q.num_start)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        if (q.end == q.unit_end and q.value_max is None and _is_item_joiner(text[q.end : nxt.start])
                and len(nxt.raw_unit) > len(q.raw_unit) > 0 and nxt.raw_unit.startswith(q.raw_unit)
                and _after_respectively(text, q.num_start)):
            out[k] = replace(q, unit=nxt.unit, raw_unit=nxt.raw_unit)
    for num in reversed(bare):
        mult = _multiplier_at(text, num.end)
        joiner = num.end + len(mult)
        nxt = next((q for q in out if q.start == joiner + 1), None)
        if nxt is None or not _is_item_joiner(text[joiner : joiner + 1]):
            continue
        written_mult = text[nxt.num_end : nxt.unit_end - len(nxt.raw_unit)].strip(_ABOUT)
        if bool(mult) != bool(written_mult) or not _after_respectively(text, num.start):
            continue
        comparator, start = _prefix_comparator(text, num.start)
        value = num.value * (_MULTIPLIERS[mult] if mult else 1.0)
        out.append(Quantity(value=_clean(value), unit=nxt.unit, start=start, end=joiner, num_start=num.start,
                            num_end=num.end, comparator=comparator, raw_unit="", arabic=True, unit_end=joiner))
        out.sort(key=lambda q: q.num_start)
    return out


def _respective_bounds(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """分别达2050万吨、4200万吨、19万吨以上: a bound written after the last item of a 分别 list bounds every item."""
    result = list(quantities)
    bound: str | None = None  # the bound written after the item to the right, carried leftwards along the list
    for k in range(len(result) - 1, -1, -1):
        q = result[k]
        if (bound is not None and q.comparator == "=" and q.end == q.unit_end
                and _is_item_joiner(text[q.end : result[k + 1].start]) and _after_respectively(text, q.num_start)):
            result[k] = replace(q, comparator=bound)
            continue
        bound = q.comparator if q.end > q.unit_end and q.comparator != "=" else None
    return result


_FLOOR_THEN_CEILING = re.compile(rf"^{_INCLUSIVE}(?:以上|及以上)$")


def _bounded_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join a floor and the ceiling right after it in the same unit into one range (处1万元以上3万元以下罚款 →
    10000–30000 元), as rules write a range in words; GUIDELINES give a range as value and value_max."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value_max is None
            and q.value_max is None
            and prev.end == q.start
            and prev.unit == q.unit
            and prev.comparator == ">="
            and q.comparator == "<="
            and _FLOOR_THEN_CEILING.match(text[prev.unit_end : prev.end])
            and text[q.unit_end : q.end].endswith("以下")
            and q.value > prev.value
        ):
            out[-1] = replace(
                prev, end=q.end, num_end=q.num_end, value_max=q.value, comparator="=", unit_end=q.unit_end
            )
        else:
            out.append(q)
    return out


def _worded_rates(text: str) -> list[Quantity]:
    """Rates written in words: 百分之十一点八 → 11.8 %, 千分之五 → 5 ‰, with the comparator words around them."""
    found: list[Quantity] = []
    for m in _PERCENT_WORDS.finditer(text):
        whole = _parse_chinese(m.group(2))
        if whole is None:
            continue
        fraction = float("0." + "".join(str(CHINESE_DIGITS[d]) for d in m.group(3))) if m.group(3) else 0.0
        comparator, start = _prefix_comparator(text, m.start())
        suffix, end = _suffix_comparator(text, m.end())
        found.append(Quantity(value=_clean(whole + fraction), unit="%" if m.group(1) == "百分之" else "‰",
                              start=start, end=end, num_start=m.start(), num_end=m.end(),
                              comparator=suffix or comparator, raw_unit=m.group(1), arabic=False, unit_end=m.end()))
    return found


def _clean(value: float) -> float:
    """``value`` without the noise of binary arithmetic: 4398.6亿 is 439860000000, not 439860000000.00006.

    A written number has far fewer than 15 significant digits, so rounding to 15 keeps it whole.
    """
    return float(f"{round(value, 6):.15g}")


def _share_list_comparators(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """分别不低于95%、30%、60%: a prefix comparator holds for the whole 、-list."""
    result = list(quantities)
    for k in range(1, len(result)):
        prev, cur = result[k - 1], result[k]
        if cur.comparator == "=" and prev.comparator != "=" and _LIST_JOINERS.match(text[prev.end : cur.start]):
            head = _list_head(result, k)
            if head.start < head.num_start:  # the comparator was written before the list
                result[k] = Quantity(**{**cur.__dict__, "comparator": head.comparator})
    return result


def _list_head(quantities: list[Quantity], k: int) -> Quantity:
    j = k - 1
    while j > 0 and quantities[j].start == quantities[j].num_start:
        j -= 1
    return quantities[j]
