"""Reports as researchers hold them: one row per report in a CSV, TSV or JSON Lines file.

A row becomes a :class:`ReportInput`: its text (the ``content``, ``full_text`` or ``text``
column, or the one named), the metadata the row gives (``title``, ``year``, ``date``,
``issuer``, ``jurisdiction``, ``url``, ``kind``; other column names mapped with
``columns``), and a stable source name made of the dataset's file name and the row's key
(``url``, else ``title`` + ``year``, else the row number; a URL by its page name when
no other row's URL ends the same), so building the dataset again replaces its rows'
graphs. A folder's ``metadata.csv`` (``file, title, issuer, jurisdiction, date, kind``)
gives the same kind of metadata for the files it names.

Parquet is not read: its only reader is pyarrow (a large binary dependency), which kg does
not need otherwise; ``pandas.read_parquet(path).to_csv(...)`` turns one into a CSV kg reads.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kg.errors import ReportError
from kg.loaders.decode import read_text_file

__all__ = [
    "DATASET_SUFFIXES",
    "METADATA_FILE",
    "META_FIELDS",
    "TEXT_COLUMNS",
    "DatasetOptions",
    "ReportInput",
    "dataset_inputs",
    "folder_metadata",
    "is_dataset",
]

DATASET_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson")
TEXT_COLUMNS = ("content", "full_text", "text")
"""Columns holding a row's text, found without ``--text-column``, in this order."""
META_FIELDS = ("title", "year", "date", "issuer", "jurisdiction", "url", "kind")
METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("title", "issuer", "jurisdiction", "date", "kind")
_YEAR = re.compile(r"(1[89]|2[0-9])[0-9]{2}")
_RESOLUTION = re.compile(r"关于.{0,20}报告的决议$")
_APPROVED_YEAR = re.compile(r"报告提出的((?:1[89]|2[0-9])[0-9]{2})年")
_TITLE_YEAR = re.compile(r"^((?:1[89]|2[0-9])[0-9]{2})年")


@dataclass(frozen=True)
class DatasetOptions:
    """How to read a dataset: the text column (found by itself when ``None``) and extra
    metadata columns (``{"jurisdiction": "province"}``: the field takes that column's value)."""

    text_column: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportInput:
    """A report that is not a plain file: a dataset row, or a file a ``metadata.csv`` describes.

    ``text`` is ``None`` for a file (read from ``path``); ``meta`` holds what the row says
    (it beats what the text says); ``label`` is where errors point (``data.csv:row 3``).
    """

    path: Path
    label: str
    source: str
    text: str | None = None
    meta: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.label

    def __fspath__(self) -> str:
        """The file the report is read from (a row's dataset), so ``Path(item)`` works where a file is expected."""
        return str(self.path)


def is_dataset(path: Path) -> bool:
    """Whether ``path`` names a dataset file (one report per row) rather than one report."""
    return path.suffix.lower() in DATASET_SUFFIXES


def dataset_inputs(path: Path, options: DatasetOptions | None = None) -> tuple[list[ReportInput], list[ReportError]]:
    """The reports of a dataset file, one per good row, and one error per bad row (``FILE:row N: reason``).

    A dataset that cannot be read at all (undecodable, no text column, no rows) is one error naming the file.
    """
    options = options or DatasetOptions()
    try:
        rows = list(_rows(path))
    except ReportError as error:
        return [], [error]
    if not rows:
        return [], [ReportError(path, "dataset holds no rows")]
    header = {key for _, row in rows if isinstance(row, dict) for key in row}
    text_column = options.text_column or next((c for c in TEXT_COLUMNS if c in header), None)
    if text_column is None or text_column not in header:
        wanted = repr(text_column) if text_column else " or ".join(TEXT_COLUMNS)
        return [], [ReportError(path, f"no text column {wanted} (name it with --text-column)")]
    missing = sorted(c for c in options.columns.values() if c not in header)
    if missing:
        return [], [ReportError(path, f"no column {', '.join(map(repr, missing))} (--column)")]
    good: list[tuple[int, str, str, dict[str, str]]] = []
    errors: list[ReportError] = []
    keys: dict[str, int] = {}
    for number, row in rows:
        where = f"{path}:row {number}"
        if isinstance(row, ReportError):
            errors.append(ReportError(where, row.reason))
            continue
        text = _cell(row.get(text_column))
        if not text:
            errors.append(ReportError(where, f"no text in column {text_column!r}"))
            continue
        meta = _row_meta(row, options.columns)
        key = _row_key(meta, number)
        if key in keys:
            errors.append(ReportError(where, f"same key {key!r} as row {keys[key]} (not built)"))
            continue
        keys[key] = number
        good.append((number, key, text, meta))
    names = _short_keys([key for _, key, _, _ in good])
    inputs = [ReportInput(path, f"{path}:row {number}", f"{path.name}#{names[key]}", text, tuple(sorted(meta.items())))
              for number, key, text, meta in good]
    return _link_resolutions(inputs), errors


def _short_keys(keys: list[str]) -> dict[str, str]:
    """Each key by its last path part (a URL's page name) when no other key ends the same, else in full."""
    last = [key.rsplit("/", 1)[-1] or key for key in keys]
    counts: dict[str, int] = {}
    for name in last:
        counts[name] = counts.get(name, 0) + 1
    return {key: name if counts[name] == 1 else key for key, name in zip(keys, last, strict=True)}


def folder_metadata(folder: Path) -> tuple[dict[str, dict[str, str]], list[ReportError]]:
    """What ``folder/metadata.csv`` says about the files it names (path relative to the folder → fields)."""
    path = folder / METADATA_FILE
    if not path.is_file():
        return {}, []
    try:
        rows = list(_rows(path))
    except ReportError as error:
        return {}, [error]
    found: dict[str, dict[str, str]] = {}
    errors: list[ReportError] = []
    for number, row in rows:
        where = f"{path}:row {number}"
        if isinstance(row, ReportError):
            errors.append(ReportError(where, row.reason))
            continue
        name = _cell(row.get("file"))
        if not name:
            errors.append(ReportError(where, "no file named in column 'file'"))
            continue
        if not (folder / name).is_file():
            errors.append(ReportError(where, f"no such file {name!r} in the folder"))
            continue
        found[Path(name).as_posix()] = {k: v for k in METADATA_COLUMNS if (v := _cell(row.get(k)))}
    return found, errors


def _rows(path: Path) -> Iterator[tuple[int, dict[str, object] | ReportError]]:
    """Numbered rows (from 1, the header not counted) of a CSV, TSV or JSON Lines file; a bad row is its error."""
    text = read_text_file(path)[0].lstrip("\ufeff")
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _json_rows(text)
    else:
        yield from _table_rows(text, "\t" if path.suffix.lower() == ".tsv" else ",", path)


def _json_rows(text: str) -> Iterator[tuple[int, dict[str, object] | ReportError]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, ReportError("", f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        yield number, row if isinstance(row, dict) else ReportError("", f"a JSON {type(row).__name__}, not an object")


def _table_rows(text: str, delimiter: str, path: Path) -> Iterator[tuple[int, dict[str, object] | ReportError]]:
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))  # whole reports sit in one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise ReportError(path, f"no header row ({exc})" if str(exc) else "no header row") from None
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield number, ReportError("", f"not a {'TSV' if delimiter == chr(9) else 'CSV'} row ({exc})")
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            yield number, ReportError("", f"{len(cells)} cells but {len(header)} columns in the header")
            continue
        yield number, dict(zip(header, cells, strict=False))


def _cell(value: object) -> str:
    """A cell as stripped text ('' for missing or null)."""
    if value is None:
        return ""
    return (value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)).strip()


def _row_meta(row: Mapping[str, object], columns: Mapping[str, str]) -> dict[str, str]:
    """The metadata fields a row gives; a mapped column (``--column jurisdiction=province``) beats a same-named one."""
    meta = {name: value for name in META_FIELDS if (value := _cell(row.get(name)))}
    meta.update({name: value for name, column in columns.items() if (value := _cell(row.get(column)))})
    if "year" in meta and not _YEAR.fullmatch(meta["year"].removesuffix(".0").removesuffix("年")):
        del meta["year"]  # not a year: the text's date decides
    elif "year" in meta:
        meta["year"] = meta["year"].removesuffix(".0").removesuffix("年")
    return meta


def _row_key(meta: Mapping[str, str], number: int) -> str:
    """What names a row for good: its URL (without scheme, decoded), else title and year, else its number."""
    if url := meta.get("url"):
        parts = urlsplit(url)
        key = unquote(parts.netloc + parts.path).rstrip("/") + (f"?{unquote(parts.query)}" if parts.query else "")
        return key or url
    if title := meta.get("title"):
        return f"{title}@{meta['year']}" if meta.get("year") else title
    return f"row{number}"


def _link_resolutions(inputs: list[ReportInput]) -> list[ReportInput]:
    """Give each NPC resolution on a report (…关于政府工作报告的决议) the source of the report it approves.

    The approved report is the only one of the same dataset (and jurisdiction, when both rows
    give one) whose year (row ``year``, else the year its title opens with) is the year the
    resolution names (``同意报告提出的2025年…``); none or several: no link.
    """
    reports: dict[str, list[tuple[str, str]]] = {}  # year -> (jurisdiction, source)
    for item in inputs:
        meta = dict(item.meta)
        title = meta.get("title", "")
        if title and not _RESOLUTION.search(title):
            year = meta.get("year") or ((m := _TITLE_YEAR.match(title)) and m.group(1))
            if year:
                reports.setdefault(year, []).append((meta.get("jurisdiction", ""), item.source))
    linked = []
    for item in inputs:
        meta = dict(item.meta)
        if _RESOLUTION.search(meta.get("title", "")) and (m := _APPROVED_YEAR.search(item.text or "")):
            meta.setdefault("year", m.group(1))
            place = meta.get("jurisdiction", "")
            candidates = [s for j, s in reports.get(m.group(1), []) if not place or not j or j == place]
            if len(candidates) == 1:
                meta["approves"] = candidates[0]
            item = ReportInput(item.path, item.label, item.source, item.text, tuple(sorted(meta.items())))
        linked.append(item)
    return linked
