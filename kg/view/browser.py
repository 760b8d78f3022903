"""Open views in Debian's headless Chromium through selenium, for tests, benchmarks and screenshots.

Chromium and chromedriver come from the system (``apt-get install chromium chromium-driver``);
``SE_OFFLINE`` keeps selenium-manager from ever downloading a browser.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from kg.errors import KgError

__all__ = ["FLAGS", "chromium_paths", "headless_chromium", "open_settled"]

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--window-size=1400,900")


def _find(name: str) -> str | None:
    return shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)


def chromium_paths() -> tuple[str, str] | None:
    """(chromium, chromedriver) when both and selenium are installed, else None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return None
    chromium, driver = _find("chromium"), _find("chromedriver")
    return (chromium, driver) if chromium and driver else None


def headless_chromium(profile: Path) -> Any:
    """A selenium driver of a headless Chromium with its profile in ``profile``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        raise KgError("headless Chromium not available "
                      "(apt-get install chromium chromium-driver; pip install selenium)")
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager must never fetch a browser
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(paths[1]), options=options)


def open_settled(browser: Any, page: Path, *, timeout: float = 40.0, poll: float = 0.05) -> None:
    """Open ``page`` and wait until its network has laid out (the page sets ``window.kgReady``)."""
    browser.get(page.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while not browser.execute_script("return window.kgReady === true"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page.name}: the network did not settle in {timeout} s")
        time.sleep(poll)
