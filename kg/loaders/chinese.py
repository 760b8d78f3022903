"""Chinese-specific clean-up: Traditional to Simplified, and pinyin glued after characters.

Some aggregator sites convert pages to Traditional characters and gloss each converted
character with its pinyin, giving ``長(zhǎng)`` or ``規(guī)劃``. The gloss is removed only when
it is a pinyin syllable right after a CJK character, so ``(RCEP)`` or ``(PM2.5)`` stay.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["repair_misdecoding", "strip_pinyin", "to_simplified"]

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PLAIN = str.maketrans(_TONED, "aaaaeeeeiiiioooouuuuvvvvvnnnm")
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in"
    r"|ua|uo|ui|un|ve|vn|ue|a|o|e|i|u|v)"
)
_SYLLABLE = re.compile(f"{_INITIAL}{_FINAL}")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A gloss: one or two syllables of lower-case latin letters in half- or full-width parentheses,
# right after a CJK character (or after the '?' a mis-decoded character leaves).
_GLOSS = re.compile(f"(?<=[{_CJK}?])[(（]([a-z{_TONED}]{{1,7}}(?: [a-z{_TONED}]{{1,7}})?)[)）]")


# A character lost by a broken GBK decoder: '?' (its lead byte, which swallowed the next
# byte), the tail of the pinyin gloss that followed, then a run of characters decoded one
# byte off, ending at the ASCII byte where the decoder fell back in step (燃?xì)夤芫W = 燃氣管網).
_GLOSS_TAIL = f"[a-z{_TONED}]{{1,7}}[)）]"
_SHIFTED = re.compile(
    f"\\?(?:([a-z{_TONED}]{{1,7}})[)）])?"
    "([^\\x00-\\x7f（），。、；：“”]{1,16}?)"
    "([A-Za-z@\\[\\]^_`{|}~])"
)
_LOST = re.compile(
    f"\\?{_GLOSS_TAIL}|(?<=[{_CJK}\ufffd])(?<![吗呢么吧啊嘛呀乎])\\?(?=[{_CJK}\ufffd])"
)
# A character whose trail byte survived as an ASCII letter, its gloss intact (，F(xiàn)在 = 現在).
_TRAIL_ONLY = re.compile(
    f"(?<![A-Za-z0-9])([A-Z@\\[\\]^_`{{|}}~])[(（]([a-z{_TONED}]{{1,7}})[)）](?=[{_CJK}])"
)
UNKNOWN = "\ufffd"
_ZHE = re.compile("著")


def repair_misdecoding(text: str) -> str:
    """Re-align characters a broken GBK decoder shifted by one byte; mark lost ones.

    ``燃?xì)夤芫W`` holds 氣管網 shifted by one byte: the run is re-encoded in GBK and
    decoded again one byte further on. The first character's lead byte is lost; it is
    recovered only when the pinyin gloss that survived picks one candidate (needs the
    optional ``pypinyin`` package), else it becomes U+FFFD. A '?' followed by a gloss tail,
    or glued between Chinese characters (not after a question particle), is such a lost
    character too.
    """
    text = _SHIFTED.sub(_realign, text)
    text = _TRAIL_ONLY.sub(lambda m: _lost_char(ord(m.group(1)), m.group(2)), text)
    return _LOST.sub(UNKNOWN, text)


def _realign(match: re.Match) -> str:
    gloss, run, ascii_byte = match.groups()
    try:
        data = (run + ascii_byte).encode("gbk")
        tail = data[1:].decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return match.group(0)
    if not tail or not all(_is_common_char(c) for c in tail):
        return match.group(0)
    return _lost_char(data[0], gloss) + tail


def _is_common_char(char: str) -> bool:
    from kg.loaders.decode import common_ratio

    return common_ratio(char) == 1.0 and not char.isascii()


@lru_cache(maxsize=4096)
def _lost_char(trail: int, gloss: str | None, *, keep: str = UNKNOWN) -> str:
    readings = _char_readings() if gloss else None
    if not readings:
        return keep
    found = []
    for lead in range(0x81, 0xFF):
        try:
            char = bytes([lead, trail]).decode("gbk")
        except UnicodeDecodeError:
            continue
        if gloss in readings.get(ord(char), "").split(","):
            found.append(char)
    return found[0] if len(found) == 1 else keep


@cache
def _char_readings() -> dict[int, str]:
    """pypinyin's readings of single characters (code point -> "zhǎng,cháng"), {} without pypinyin.

    This table is what ``pypinyin.pinyin(char, style=Style.TONE, heteronym=True)`` answers from
    for one character. It is read from the package's ``pinyin_dict.json`` without importing
    ``pypinyin``, whose import also loads its phrase dictionary (~0.6 CPU-s per process).
    """
    import importlib.util
    import json

    spec = importlib.util.find_spec("pypinyin")
    if spec is None:
        return {}
    for folder in spec.submodule_search_locations or ():
        table = Path(folder) / "pinyin_dict.json"
        if table.is_file():
            return {int(code): readings for code, readings in json.loads(table.read_text("utf-8")).items()}
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)


def strip_pinyin(text: str) -> str:
    """Remove pinyin glosses glued after Chinese characters: ``長(zhǎng)`` -> ``長``."""
    return _GLOSS.sub(lambda m: "" if _is_pinyin(m.group(1)) else m.group(0), text)


@lru_cache(maxsize=4096)
def _is_pinyin(gloss: str) -> bool:
    return all(_SYLLABLE.fullmatch(word.translate(_PLAIN)) for word in gloss.split())


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified with OpenCC (``t2s``).

    ``t2s`` keeps 著 where mainland usage writes the particle 着 (隨著 -> 随著); the
    ``tw2s`` table tells the two apart, so its choice is taken at those positions only.
    """
    simplified = _converter("t2s").convert(text)
    if "著" not in simplified:
        return simplified
    variant = _converter("tw2s").convert(text)
    if len(variant) != len(simplified):
        return simplified
    parts, last = [], 0
    for at in (m.start() for m in _ZHE.finditer(simplified)):
        parts += [simplified[last:at], variant[at]]
        last = at + 1
    return "".join(parts) + simplified[last:]


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)
