"""Fixtures: the example graph, hand-made graphs, and a headless Chromium.

Chromium and chromedriver come from Debian (``apt-get install chromium chromium-driver``);
nothing is downloaded. Without them the browser tests skip, except under ``CI``, where
they fail.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.analyse.conftest import example_index, example_store, small  # noqa: F401  (shared fixtures)

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _find(name: str) -> str | None:
    return shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium driven by selenium, with a fresh profile."""
    chromium, driver = _find("chromium"), _find("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        chromium = None
    if not chromium or not driver:
        message = "headless Chromium not available (apt-get install chromium chromium-driver; pip install selenium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager must never fetch a browser
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--window-size=1400,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    drv = webdriver.Chrome(service=Service(driver), options=options)
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture
def open_view(browser: Any) -> Any:
    """Open a view file and wait until its network has laid out (``window.kgReady``)."""

    def load(path: Path, *, timeout: float = 40) -> Any:
        browser.get(path.resolve().as_uri())
        deadline = time.monotonic() + timeout
        while not browser.execute_script("return window.kgReady === true"):
            if time.monotonic() > deadline:
                raise AssertionError(f"{path.name}: the network did not settle in {timeout} s")
            time.sleep(0.05)
        return browser

    return load


def screenshot(browser: Any, name: str) -> Path:
    """Keep a screenshot under tests/artifacts/ (gitignored) for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    browser.save_screenshot(str(path))
    return path
