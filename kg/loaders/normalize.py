"""Normalise characters, punctuation, spacing and in-text marks.

The result follows the gold conventions: full-width Chinese punctuation, ASCII digits
and latin letters, no spaces between Chinese characters. Marks that are not report
text are removed: newspaper continuation marks (``（上接4版）``), footnote marks
(``[24]``) and cross-reference marks (``[实事1]``); the latter are returned with the
offset where they stood so sentences can carry them in :attr:`Sentence.refs`. Line breaks
inside a sentence are repaired: inside a 《title》 or “quote” closed within ``PAIR_SPAN``
characters, before ``，``/``》``…, after ``、``/``《``…, and around a link or subscript a web page
saved on a line of its own.
"""

from __future__ import annotations

import re

__all__ = ["PAIR_SPAN", "join_broken_lines", "normalize_line", "normalize_text", "strip_marks"]

_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH |= {chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)}
_FULLWIDTH |= {chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)}
_FULLWIDTH |= {"％": "%", "\u3000": " ", "\xa0": " ", "\u200b": "", "\ufeff": "", "\t": " "}
_TABLE = str.maketrans(_FULLWIDTH)
_TABLE_CHARS = re.compile(f"[{re.escape(''.join(_FULLWIDTH))}]")
"""Any character :data:`_TABLE` changes: most lines hold none, and a search is 8x cheaper than the translation."""
_WIDE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_NARROW = re.compile(f"[{re.escape(''.join(_WIDE))}]")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_CJK_OR_PUNCT = re.compile(f"[{_CJK}\u3000-\u303f\uff00-\uffef“”‘’—…·]")
_SPACE_NEAR_WIDE = re.compile("(?<=[^\\x00-\\x7f])[ ]+|[ ]+(?=[^\\x00-\\x7f])")
_DASHES = re.compile(r"(?:[—―─━－-]{2,}|[—―─━]{1}(?=[—―─━]))+")
_DASH = re.compile("[—―─━－-]")
_FULLSTOP_IN_NUMBER = re.compile(r"[．。](?<=\d[．。])(?=\d)")  # the mark first: the engine scans for it
_SPACES = re.compile(" {2,}")
# Numbers typeset one character at a time (``1 9 9 7 年``, ``1 1 ．6 ％``), as text taken from
# some PDFs and scans is: three digits spaced so, or two before a spaced point or percent,
# show the line is set so, and then a space between two characters of a number is no space.
_SPACED_NUMBER = re.compile(r"\d \d(?: \d| ?[.．%])")
_SPACE_IN_NUMBER = re.compile(r"(?<=[\d.．]) (?=[\d.．%])")
_CONTINUATION = re.compile(r"[（(][上下][接转][第]?\s*\d+\s*版[)）]|[（(][接转][上下]?第?\s*\d+\s*版[)）]")
_MARK = re.compile(r"[\[［【]([^\[\]［］【】\s]{0,8}?)(\d{1,3})[\]］】]")
_MARKER_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|——|附件|第[一二三四五六七八九十]+)"
)
_ENDS_OPEN = re.compile(f"[{_CJK}\\d]$")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_HEADING_TAIL = re.compile(f"[{_CJK}]{{1,2}}")
_NEVER_OPENS = "，、。；：！？》”）"
"""Marks that close or continue a sentence: a line starting with one goes on from the line before."""
_NEVER_CLOSES = "，、《“（"
"""Marks that open or continue a sentence: a line ending with one goes on in the next line."""
_PAIRS = {"《": "》", "“": "”"}
PAIR_SPAN = 60
"""Longest title or quoted phrase (in characters) that a line break inside it is repaired across."""
_LINK_CHARS = 25
"""Longest phrase a web page's link puts on a line of its own inside a sentence."""
_SENTENCE_MARK = re.compile("[，。；：！？]")
_SCRIPT = re.compile(r"[0-9.]{1,4}|[A-Za-z0-9]{1,2}")
"""A sub- or superscript a web page put on a line of its own (PM / 2.5, CO / 2, m / 3)."""


def normalize_text(text: str) -> list[str]:
    """Split ``text`` into normalised, non-empty lines.

    A line holding only zero-width spaces marks where a web page broke a paragraph (as
    Wikisource's page joins do: ``国内生产总值达到74.4`` / ``\u200b`` / ``万亿元，增长6.7%``): the
    lines around it are one, when the one before is a paragraph left open (:func:`_open_sentence`).
    Adjacent lines (no blank line between) are one when the break falls inside a sentence
    (:func:`_inline_break`), and a short phrase on a line of its own inside a sentence joins both
    neighbours (:func:`_cut_phrase`): pages saved from a wiki put each link on its own line.
    """
    out: list[str] = []
    adjacent: list[bool] = []  # whether out[i] followed out[i - 1] with no blank line between
    broken = gap = False
    for raw in text.splitlines():
        line = normalize_line(raw)
        if not line:
            broken = broken or (bool(raw.strip()) and not raw.strip(_ZERO_WIDTH + " \t\u3000"))
            gap = gap or not broken
            continue
        if not gap and len(out) > 1 and adjacent[-1] and _cut_phrase(out[-2], out[-1], line):
            phrase = out.pop()
            adjacent.pop()
            out[-1] += phrase + line
            broken = False
            continue
        if out and ((broken and _open_sentence(out[-1])) or (not gap and _inline_break(out[-1], line))):
            out[-1] += line
        else:
            out.append(line)
            adjacent.append(not gap)
        broken = gap = False
    return out


def _inline_break(line: str, following: str) -> bool:
    """Whether the break between two adjacent lines (no blank line between them) falls inside a
    sentence, as where a web page's links were saved on lines of their own (``根据《`` /
    ``中华人民共和国著作权法`` / ``》第五条``).

    It does when ``following`` starts with a mark no paragraph starts with (``，`` ``》`` …), when
    ``line`` ends with one no paragraph ends with (``、`` ``《`` …), or when a title mark or quote
    opened in ``line`` closes early in ``following`` (:func:`_closes_pair`).
    """
    return following[0] in _NEVER_OPENS or line[-1] in _NEVER_CLOSES or _closes_pair(line, following)


def _cut_phrase(line: str, phrase: str, following: str) -> bool:
    """Whether ``phrase``, a short line between ``line`` and ``following``, is a run of words cut
    out of one sentence: a link (``所作的`` / ``政府工作报告`` / ``。会议…``; ``“双向`` / ``揭榜`` /
    ``挂帅”``) or a sub- or superscript (``PM`` / ``2.5`` / ``浓度``), as web pages are saved."""
    if _SCRIPT.fullmatch(phrase):
        return line[-1].isascii() and line[-1].isalpha()  # PM 2.5, not a page number after 6.5
    if len(phrase) > _LINK_CHARS or _SENTENCE_MARK.search(phrase) or _MARKER_START.match(phrase):
        return False
    return (following[0] in _NEVER_OPENS and bool(_ENDS_OPEN.search(line))) or _closes_pair(line + phrase, following)


def _closes_pair(line: str, following: str) -> bool:
    """A ``《`` or ``“`` left open at the end of ``line`` closes within ``PAIR_SPAN`` characters of
    ``following``: the line break falls inside a title or a quoted phrase."""
    for opener, closer in _PAIRS.items():
        tail = line[line.rfind(opener) + 1 :] if opener in line else None
        if tail is None or closer in tail or len(tail) > PAIR_SPAN:
            continue
        close = following.find(closer)
        if close >= 0 and len(tail) + close <= PAIR_SPAN and opener not in following[:close]:
            return True
    return False


def _open_sentence(line: str) -> bool:
    """A paragraph line that stops mid-sentence: long or holding punctuation (so not a title),
    ending in a character or digit."""
    return (len(line) >= 30 or any(mark in line for mark in "，。；")) and bool(_ENDS_OPEN.search(line))


def normalize_line(line: str) -> str:
    """Normalise one line: character widths, punctuation, dashes and spaces.

    Each step runs only on a line holding a character it changes (most lines hold none):
    a fifth of the cost of running every step on every line.
    """
    if _TABLE_CHARS.search(line):
        line = line.translate(_TABLE)
    if " " in line and _SPACED_NUMBER.search(line):
        line = _SPACE_IN_NUMBER.sub("", line)
    line = _FULLSTOP_IN_NUMBER.sub(".", line.strip())
    line = _widen_punctuation(line)
    if _DASH.search(line):
        line = _DASHES.sub(_dash, line)
    if " " in line:
        line = _SPACES.sub(" ", _SPACE_NEAR_WIDE.sub("", line))
    return line


def _dash(match: re.Match) -> str:
    return "——" if len(match.group(0)) >= 2 else match.group(0)


def _widen_punctuation(line: str) -> str:
    if not _NARROW.search(line):
        return line
    chinese: bool | None = None  # whether most of the line is Chinese: counted when first asked
    chars = list(line)
    for found in _NARROW.finditer(line):
        i, char = found.start(), found.group()
        if char == "(":
            close = line.find(")", i)
            inner = line[i + 1 : close] if close > i else line[i + 1 :]
            if _near_chinese(line, i) or _CJK_OR_PUNCT.search(inner) or not inner:
                chars[i] = "（"
                if close > i:
                    chars[close] = "）"
        elif char == ")":
            if chars[i] == ")" and _near_chinese(line, i):
                chars[i] = "）"
        elif char in ".%":
            continue
        elif _near_chinese(line, i):
            chars[i] = _WIDE[char]
        elif not _between_digits(line, i):
            if chinese is None:
                chinese = _mostly_chinese(line)
            if chinese:
                chars[i] = _WIDE[char]
    return "".join(chars)


def _mostly_chinese(line: str) -> bool:
    """Whether at least half the characters of ``line`` but spaces are Chinese."""
    return len(_CJK_RE.findall(line)) * 2 >= len(line.replace(" ", ""))


def _between_digits(line: str, i: int) -> bool:
    return 0 < i < len(line) - 1 and line[i - 1].isdigit() and line[i + 1].isdigit()


def _near_chinese(line: str, i: int) -> bool:
    """Whether the nearest non-space character on either side of ``line[i]`` is Chinese."""
    before = i - 1
    while before >= 0 and line[before].isspace():
        before -= 1
    after = i + 1
    while after < len(line) and line[after].isspace():
        after += 1
    return bool(
        (before >= 0 and _CJK_OR_PUNCT.match(line[before])) or (after < len(line) and _CJK_OR_PUNCT.match(line[after]))
    )


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join a paragraph that a page break split mid-sentence (``美在古`` / ``今交融``).

    A line is continued by the next one when it is long or holds a comma (so it is not a
    title), ends with a character rather than punctuation, does not start with a section
    marker, and the next line does not start with one either; and a title broken before
    its last character or two (:func:`_split_heading`).
    """
    out: list[str] = []
    for line in lines:
        if (
            out
            and (len(out[-1]) >= 30 or "，" in out[-1])
            and _ENDS_OPEN.search(out[-1])
            and not _MARKER_START.match(out[-1])
            and not _MARKER_START.match(line)
        ) or (out and _split_heading(out[-1], line)):
            out[-1] += line
        else:
            out.append(line)
    return out


def _split_heading(line: str, tail: str) -> bool:
    """A title broken before its last character or two (``政府工作报`` / ``告``): only together do
    the lines name a document kind (``data/kinds.tsv``)."""
    from kg.loaders.metadata import kind_of

    return (len(line) <= 30 and bool(_HEADING_TAIL.fullmatch(tail)) and _CJK_RE.match(line[-1]) is not None
            and kind_of(line + tail) is not None and kind_of(line) != kind_of(line + tail))


def strip_marks(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Remove continuation, footnote and cross-reference marks from ``text``.

    Returns the text without marks and, for each cross-reference mark (a mark whose
    label has a non-digit prefix, ``[实事1]``), ``(offset, label)`` where ``offset`` is
    the position in the returned text where the mark stood, i.e. just after the
    character it followed.
    """
    text = _CONTINUATION.sub("", text)
    refs: list[tuple[int, str]] = []
    parts: list[str] = []
    length = 0
    last = 0
    for match in _MARK.finditer(text):
        parts.append(text[last : match.start()])
        length += match.start() - last
        prefix, number = match.groups()
        if prefix:
            refs.append((length, f"{prefix}{number}"))
        last = match.end()
    parts.append(text[last:])
    return "".join(parts), refs
