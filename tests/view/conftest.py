"""Fixtures: the example store, stores of hand-made reports, and a headless Chromium.

Chromium and chromedriver come from Debian (``apt-get install chromium chromium-driver``);
nothing is downloaded. Without them the browser tests skip, except under ``CI``, where
they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.analyse.conftest import example_store  # noqa: F401  (shared fixture)
from tests.analyse.graphs import ReportGraph, small_reports

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="session")
def examples(example_store: Path) -> Iterator[Any]:  # noqa: F811  (the shared fixture)
    """The example store, open read-only (views select in the store)."""
    from kg.store import open_store

    with open_store(example_store, read_only=True) as store:
        yield store


@pytest.fixture
def small_store() -> Iterator[tuple[Any, ReportGraph, ReportGraph]]:
    """A store of the two hand-made reports of :func:`tests.analyse.graphs.small_reports`."""
    from kg.store import open_store

    with open_store(memory=True) as store:
        a, b = small_reports(store)
        yield store, a, b


@pytest.fixture(scope="session")
def scale_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Twelve reports of the benchmarks' scale corpus (``bench/corpus.py``: three places, four
    years each, so their agencies, places and provinces are restated by several reports), built."""
    import sys

    from kg.build import build
    from kg.store import open_store

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from corpus import make_corpus

    folder = tmp_path_factory.mktemp("scale-corpus")
    make_corpus(12, folder)
    with open_store(memory=True) as store:
        result = build([folder], store)
        assert result.ok, result.failed
        yield store


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium driven by selenium, with a fresh profile."""
    from kg.view.browser import chromium_paths, headless_chromium

    if chromium_paths() is None:
        message = "headless Chromium not available (apt-get install chromium chromium-driver; pip install selenium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    drv = headless_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture
def open_view(browser: Any) -> Any:
    """Open a view file and wait until its network has laid out (``window.kgReady``)."""

    from kg.view.browser import open_settled

    def load(path: Path, *, timeout: float = 40) -> Any:
        try:
            open_settled(browser, path, timeout=timeout)
        except TimeoutError as error:
            raise AssertionError(str(error)) from None
        return browser

    return load


def screenshot(browser: Any, name: str) -> Path:
    """Keep a screenshot under tests/artifacts/ (gitignored) for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    browser.save_screenshot(str(path))
    return path
