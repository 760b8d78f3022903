"""Load a report file: decode, clean, structure, split into sentences.

Pipeline: bytes -> :mod:`~kg.loaders.decode` -> :mod:`~kg.loaders.html` (HTML pages)
-> :mod:`~kg.loaders.chinese` (pinyin glosses, Traditional -> Simplified) ->
:mod:`~kg.loaders.normalize` -> :mod:`~kg.loaders.noise` -> :mod:`~kg.loaders.metadata`,
:mod:`~kg.loaders.structure`, :mod:`~kg.loaders.sentences`, :mod:`~kg.loaders.lists`.
Every problem with the input is raised as :class:`~kg.errors.ReportError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from kg.errors import ReportError
from kg.loaders import chinese, noise, normalize
from kg.loaders.datasets import ReportInput
from kg.loaders.decode import decode_bytes, read_text_file
from kg.loaders.html import html_to_text, looks_like_html
from kg.loaders.lists import extract_items
from kg.loaders.metadata import extract_metadata, with_row_metadata
from kg.loaders.model import Report
from kg.loaders.sentences import split_sentences
from kg.loaders.structure import build_structure, tense

__all__ = ["clean_text", "load_report", "load_text"]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_CHINESE_SENTENCE = re.compile(r"[\u4e00-\u9fff][^。！？\n]{4,}[。！？；]")


def load_report(path: str | Path | ReportInput, *, source: str | None = None) -> Report:
    """Read, clean and structure the report at ``path`` (a file, or a dataset row: :class:`ReportInput`).

    ``source`` is the name the report is known by (:attr:`Report.source`, which names its
    graph): by default the file name, without spaces around it (a row's own source name).
    What a row or ``metadata.csv`` says beats what the text says (:func:`with_row_metadata`).

    Raises :class:`ReportError` naming the file and the reason when the path is missing,
    a directory, empty, binary, undecodable, or holds no recognisable report.
    """
    row: Mapping[str, str] | None = None
    if isinstance(path, ReportInput):
        row, source = dict(path.meta), source or path.source
        if path.text is not None:
            return _build(path.text, source=source.strip(), suffix=".txt", encoding=None, where=path.label, row=row)
        path = path.path
    path = Path(path)
    if not path.exists():
        raise ReportError(path, "no such file")
    if path.is_dir():
        raise ReportError(path, "is a directory, not a report file")
    text, encoding = read_text_file(path)
    return _build(text, source=(source or path.name).strip(), suffix=path.suffix.lower(), encoding=encoding, where=path,
                  row=row)


def load_text(text: str, *, source: str = "<text>", suffix: str = ".txt") -> Report:
    """Clean and structure a report given as a decoded string (tests, notebooks)."""
    return _build(text, source=source, suffix=suffix, encoding=None, where=source)


def clean_text(raw: bytes | str, *, suffix: str = ".txt") -> tuple[str, str | None]:
    """The normalised text of ``raw`` (as :attr:`Report.text`) and the detected encoding."""
    encoding = None
    if isinstance(raw, bytes):
        raw, encoding = decode_bytes(raw)
    lines, _ = _clean_lines(raw, suffix)
    text, _ = normalize.strip_marks("\n".join(lines))
    return text, encoding


def _clean_lines(text: str, suffix: str) -> tuple[list[str], list[str]]:
    """Clean lines of the report, and the normalised lines before noise removal (page meta)."""
    if suffix in _HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
    text = chinese.to_simplified(chinese.strip_pinyin(chinese.repair_misdecoding(text)))
    header = normalize.normalize_text(text)
    lines = normalize.join_broken_lines(noise.remove_noise(header))
    return lines, header


def _build(
    text: str, *, source: str, suffix: str, encoding: str | None, where: str | Path,
    row: Mapping[str, str] | None = None,
) -> Report:
    if not text.strip():
        raise ReportError(where, "empty file")
    lines, header = _clean_lines(text, suffix)
    if not lines:
        raise ReportError(where, "no report text: only whitespace or web-page noise")
    clean, refs = normalize.strip_marks("\n".join(lines))
    if not _CHINESE_SENTENCE.search(clean):
        raise ReportError(where, "no recognisable report structure: no Chinese sentences")
    meta = extract_metadata(clean.split("\n"), header=header)
    if row:
        meta = with_row_metadata(meta, row, clean)
    default = tense(clean[:3000])
    sections, line_roles = build_structure(clean, default_part=default, plan_year=meta.plan_year)
    sentences = split_sentences(clean, line_roles, sections, refs, default_part=default, plan_year=meta.plan_year)
    items = extract_items(clean, line_roles, sections, sentences)
    return Report(
        source=source,
        text=clean,
        meta=meta,
        sections=sections,
        sentences=sentences,
        items=items,
        encoding=encoding,
    )
