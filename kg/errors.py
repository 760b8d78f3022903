"""Errors a user can act on: each names the file and the reason in one line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

__all__ = ["KgError", "ReportError", "one_line"]


_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Unicode categories written as escapes: controls, format, surrogates, private, unassigned, line breaks."""


def _escaped(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte that is not UTF-8, kept by os.fsdecode
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in named:
        return named[ch]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def one_line(text: str) -> str:
    """``text`` with line breaks, other control and invisible format characters, and undecodable
    bytes written as escapes (``\\n``, ``\\x1b``, ``\\u2028``), so a file name or reason shows as one
    line that says exactly what it is; other text (Chinese included) is unchanged."""
    if text.isprintable():
        return text
    return "".join(_escaped(ch) if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


class KgError(Exception):
    """Base of the errors kg reports to users without a traceback."""


class ReportError(KgError):
    """A report file that cannot be loaded: empty, binary, undecodable, no structure, missing."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{one_line(self.path)}: {one_line(reason)}")

    def __reduce__(self) -> tuple[type[ReportError], tuple[str, str]]:
        return type(self), (self.path, self.reason)  # picklable, so worker processes can return it
