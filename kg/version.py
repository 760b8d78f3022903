"""The extractor version: what a report's graph depends on besides the report's text.

``kg build`` skips a report whose text digest (``kg:textDigest``) and extractor version
(``kg:extractorVersion``) are those its stored graph states, so the version must change
whenever the code or data that turn text into a graph do. It is the package version plus
a short SHA-256 over (a) every file of the packages that load, extract and write a report
(``kg.loaders``, ``kg.extract``, ``kg.graph``: code and data files alike) and the modules
they share (``kg.data``, ``kg.divisions``), and (b) the versions of the third-party
libraries whose output they use (segmentation, conversion, the division table). Editing
a word list or a rule therefore rebuilds every report on the next ``kg build``; editing
the CLI, the sync or the views does not.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable

__all__ = ["EXTRACTOR_PACKAGES", "extractor_version"]

EXTRACTOR_PACKAGES = ("kg.loaders", "kg.extract", "kg.graph")
"""Packages whose every file (code and data) is hashed into the extractor version."""
_EXTRACTOR_MODULES = ("data.py", "divisions.py")
"""Modules of ``kg`` itself that those packages use."""
_LIBRARIES = ("opencc", "cpca", "rjieba", "pypinyin", "charset-normalizer", "rdflib")
"""Distributions whose behaviour shows in the graph (their versions are hashed)."""
_SKIPPED = ("__pycache__",)


def _files(root: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    """Every file under ``root`` with its path below it, sorted, without byte-code caches."""
    found: list[tuple[str, Traversable]] = []
    for entry in root.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.name in _SKIPPED or entry.name.endswith((".pyc", ".pyo")):
            continue
        if entry.is_dir():
            found.extend(_files(entry, f"{name}/"))
        elif entry.is_file():
            found.append((name, entry))
    return sorted(found, key=lambda item: item[0])


def _distribution_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@cache
def extractor_version() -> str:
    """``PACKAGE_VERSION+HASH``, e.g. ``0.1.0+3f9c2a1b7d4e``: changes with any extractor file or library."""
    digest = hashlib.sha256()
    kg = resources.files("kg")
    files = [(name, kg.joinpath(name)) for name in _EXTRACTOR_MODULES]
    for package in EXTRACTOR_PACKAGES:
        files.extend(_files(resources.files(package), package.replace(".", "/") + "/"))
    for name, entry in files:
        content = entry.read_bytes()
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    for library in _LIBRARIES:
        digest.update(f"{library}=={_distribution_version(library)}\0".encode())
    return f"{_distribution_version('kg')}+{digest.hexdigest()[:12]}"
