"""Shared fixtures: the real seed reports and their gold ``document`` blocks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.loaders import load_report
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "examples" / "reports").glob("*.txt"))
GOLD = SHARED / "gold"


def _gold_document(seed: Path) -> dict | None:
    """The gold ``document`` block of a seed, or ``None`` when no gold file is reachable."""
    path = GOLD / f"{seed.stem}.gold.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["document"]


_CACHE: dict[str, object] = {}


def _seed_report(name: str):
    """The loaded seed report whose file name starts with ``name`` (loaded once)."""
    if name not in _CACHE:
        (path,) = [p for p in SEEDS if p.name.startswith(name)]
        _CACHE[name] = load_report(path)
    return _CACHE[name]


@pytest.fixture(params=[p.name for p in SEEDS], ids=[p.stem for p in SEEDS])
def seed(request):
    """Each seed: ``(path, report)``."""
    path = next(p for p in SEEDS if p.name == request.param)
    return path, _seed_report(path.name)


@pytest.fixture
def seed_report():
    """Load a seed by the start of its file name (cached across tests)."""
    return _seed_report


@pytest.fixture
def gold_document():
    """The gold ``document`` block of a seed path, or ``None``."""
    return _gold_document


@pytest.fixture
def seed_paths():
    """Paths of the real seed reports."""
    return SEEDS
