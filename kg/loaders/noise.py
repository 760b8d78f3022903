"""Remove web-page noise lines and duplicated blocks from a scraped report.

The patterns are general boilerplate of aggregator sites (menus, breadcrumbs, meta
lines, disclaimers, comment boxes, copyright lines, spam keyword headers), kept in
``data/noise.tsv`` and ``data/spam.txt``; a report line never matches them.

A line that matches but also carries report text (a page saved without line breaks, a
footer run into the last paragraph) loses only its noise sentences, never the whole line.
"""

from __future__ import annotations

import re
from functools import cache

from kg.data import data_rows, data_words

__all__ = [
    "BREADCRUMB_CHARS",
    "FOOTER_CHARS",
    "drop_repeats",
    "is_noise",
    "noise_kind",
    "remove_noise",
    "without_breadcrumbs",
    "without_footer",
    "without_noise",
]

_SEPARATORS = re.compile(r"[，,、|｜]")


_RUN_CHARS = 200
"""A noise-matching line this long is report text run together with noise, not a noise block
(disclaimers and footers are shorter), so it loses only its noise sentences."""
_SENTENCE_END = re.compile(r"(?<=[。！？])")
"""Where a line splits into sentences (the mark stays with its sentence)."""
FOOTER_CHARS = 600
"""Most characters a dataset footer holds (Wikisource's licence box is about 250)."""
BREADCRUMB_CHARS = 12
"""Longest link text of a breadcrumb trail (a site section's name)."""
_CRUMB_SEPARATORS = (">", "＞", "»", "›")
_CRUMB_STOPS = re.compile("[。，；！？]")
_SLOGAN = re.compile(r"^(?:[\u4e00-\u9fff]{4}[、，·\s]){2,}[\u4e00-\u9fff]{4}$")


def remove_noise(lines: list[str]) -> list[str]:
    """Drop a dataset's footer (:func:`without_footer`), noise lines (or the noise sentences of
    lines that carry report text too), site slogans above the first sentence, then repeated runs
    of lines."""
    kept = [clean for clean in map(without_noise, without_breadcrumbs(without_footer(lines))) if clean]
    body = next((i for i, line in enumerate(kept) if "。" in line), len(kept))
    kept = [line for i, line in enumerate(kept) if i >= body or not _SLOGAN.match(line)]
    return drop_repeats(kept)


def without_footer(lines: list[str]) -> list[str]:
    """``lines`` without the licence notice or source note a digital library appends (``本作品是
    中华人民共和国的法律、法规…属于公有领域`` / ``Public domain``): from the first line that opens
    one (``data/footers.tsv``) to the end, when what it would drop is short enough to be a footer
    (``FOOTER_CHARS``), so a report that quotes such words keeps its text."""
    size = 0
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        size += len(lines[i])
        if size > FOOTER_CHARS:
            break
        if _opens_footer(lines[i]):
            start = i
    return lines[:start]


def without_breadcrumbs(lines: list[str]) -> list[str]:
    """``lines`` without a breadcrumb trail saved one link a line (``首页`` / ``>`` / ``政务信息`` /
    ``>`` / ``要闻``): each ``>`` line goes, with the short phrases (``BREADCRUMB_CHARS``, no
    sentence mark) right before and after it."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if line in _CRUMB_SEPARATORS:
            drop.add(i)
            drop.update(j for j in (i - 1, i + 1) if 0 <= j < len(lines) and _is_crumb(lines[j]))
    return [line for i, line in enumerate(lines) if i not in drop]


def _is_crumb(line: str) -> bool:
    return len(line) <= BREADCRUMB_CHARS and not _CRUMB_STOPS.search(line)


def _opens_footer(line: str) -> bool:
    return any(pattern.search(line) for _, pattern in _footer_patterns())


def without_noise(line: str) -> str:
    """``line`` without its noise: empty for a noise line; for a long line of several sentences,
    the sentences that are not noise, so report text in the same line survives."""
    if not is_noise(line):
        return line
    if len(line) < _RUN_CHARS:
        return ""
    sentences = [s for s in _SENTENCE_END.split(line) if s]
    if len(sentences) < 2:
        return ""
    return "".join(s for s in sentences if not is_noise(s))


def is_noise(line: str) -> bool:
    """Whether ``line`` is web-page noise rather than report text."""
    return noise_kind(line) is not None


def noise_kind(line: str) -> str | None:
    """The kind of noise ``line`` is ("nav", "meta", "disclaimer", "spam" …) or ``None``."""
    for kind, pattern in _patterns():
        if pattern.search(line):
            return kind
    if _is_spam(line):
        return "spam"
    return None


def _is_spam(line: str) -> bool:
    if "。" in line or len(_SEPARATORS.findall(line)) < 3:
        return False
    return sum(1 for word in _spam_words() if word in line) >= 2


def drop_repeats(lines: list[str], *, min_chars: int = 40) -> list[str]:
    """Drop a run of lines that repeats an earlier run verbatim.

    A scraped page may repeat an appendix; a repeat counts when the run has two or more
    lines and ``min_chars`` characters, or is one line of ``2 * min_chars`` or more.
    """
    out: list[str] = []
    first_seen: dict[str, list[int]] = {}
    i = 0
    while i < len(lines):
        run = _longest_repeat(lines, i, first_seen)
        size = sum(len(line) for line in lines[i : i + run])
        if (run >= 2 and size >= min_chars) or (run == 1 and size >= 2 * min_chars):
            i += run
            continue
        first_seen.setdefault(lines[i], []).append(i)
        out.append(lines[i])
        i += 1
    return out


def _longest_repeat(lines: list[str], i: int, first_seen: dict[str, list[int]]) -> int:
    best = 0
    for j in first_seen.get(lines[i], []):
        k = 0
        while i + k < len(lines) and j + k < i and lines[j + k] == lines[i + k]:
            k += 1
        best = max(best, k)
    return best


@cache
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(pattern)) for kind, pattern in data_rows("kg.loaders", "noise.tsv"))


@cache
def _footer_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(pattern)) for kind, pattern in data_rows("kg.loaders", "footers.tsv"))


@cache
def _spam_words() -> tuple[str, ...]:
    return data_words("kg.loaders", "spam.txt")
