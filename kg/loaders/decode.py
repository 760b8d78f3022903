"""Turn the raw bytes of a report file into text, detecting the encoding.

Scraped reports arrive as UTF-8 (with or without BOM), GB18030/GBK or Big5. The
encoding is detected, never assumed: a strict UTF-8 decode wins when it succeeds;
otherwise every strict candidate decode is scored by how many of its Chinese
characters are common ones (level-1 characters of GB2312 or Big5), because the
wrong one of GBK/Big5 still decodes but lands on rare characters.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import ReportError

__all__ = ["DecodeError", "decode_bytes", "is_binary", "read_text_file"]

_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x7fELF",
    b"RIFF",
    b"\x1f\x8b",
    b"II*\x00",
    b"MM\x00*",
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CANDIDATES = ("gb18030", "big5")
_MIN_COMMON = 0.6


class DecodeError(ValueError):
    """The bytes are binary or cannot be decoded as Chinese text; the message says why."""


def is_binary(data: bytes) -> bool:
    """Whether ``data`` looks like a binary file (magic header, NUL bytes or control characters)."""
    if data.startswith(_MAGIC):
        return True
    head = data[:8192]
    if any(head.startswith(bom) for bom, enc in _BOMS if enc.startswith("utf-16")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a text file.

    Raises :class:`DecodeError` for binary data or bytes no candidate decodes to
    readable Chinese or ASCII text.
    """
    if is_binary(data):
        raise DecodeError("binary file, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable bytes after a {encoding} byte-order mark") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    scored = []
    for encoding in _CANDIDATES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((common_ratio(text), encoding, text))
    if not scored:
        guess = _charset_normalizer_guess(data)
        if guess is not None:
            scored.append(guess)
    if not scored:
        raise DecodeError("undecodable bytes: not UTF-8, GB18030 or Big5")
    score, encoding, text = max(scored, key=lambda s: s[0])
    if score < _MIN_COMMON:
        raise DecodeError(f"undecodable bytes: best guess {encoding} gives mostly rare characters")
    return text, encoding


def read_text_file(path: Path) -> tuple[str, str]:
    """The decoded text of the file at ``path`` and its encoding; a :class:`ReportError` naming
    the file when it cannot be read, is empty, or decodes as no text encoding."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise ReportError(path, "empty file")
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise ReportError(path, str(exc)) from exc


def common_ratio(text: str) -> float:
    """Share of the CJK characters of ``text`` that are common ones; 1.0 when it has none."""
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"]
    if not cjk:
        return 1.0 if _mostly_printable(text) else 0.0
    return sum(1 for c in cjk if _is_common(c)) / len(cjk)


def _is_common(char: str) -> bool:
    try:
        gb = char.encode("gb2312")
        if 0xB0 <= gb[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E


def _mostly_printable(text: str) -> bool:
    if not text:
        return False
    printable = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return printable / len(text) > 0.95 and sum(c.isascii() for c in text) / len(text) > 0.9


def _charset_normalizer_guess(data: bytes) -> tuple[float, str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return common_ratio(text), best.encoding, text
