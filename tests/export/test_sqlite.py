"""The SQLite export (foreign keys, indexes, full-text search) and kg serve's datasette page in Chromium."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kg.cli import main
from kg.export.sqlite import datasette_metadata


@pytest.fixture(scope="module")
def database(tiny_store, tmp_path_factory) -> Path:
    from click.testing import CliRunner

    path = tmp_path_factory.mktemp("sqlite") / "kg.db"
    result = CliRunner().invoke(main, ["export", "--format", "sqlite", "-o", str(path), "--store", str(tiny_store)])
    assert result.exit_code == 0, result.output
    assert "9 targets" in result.output and "kg serve" in result.output
    return path


def test_tables_foreign_keys_and_indexes(database):
    db = sqlite3.connect(database)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"reports", "targets", "agencies", "places", "policies", "plans", "sentences", "sentences_fts"} <= tables
    links = {(r[2], r[3], r[4]) for r in db.execute("SELECT * FROM pragma_foreign_key_list('targets')")}
    assert links == {("reports", "report", "report"), ("sentences", "sentence_id", "id")}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"targets_jurisdiction", "targets_year", "targets_indicator", "targets_role"} <= indexes
    assert db.execute("SELECT COUNT(*) FROM targets WHERE sentence_id IS NULL").fetchone() == (0,)
    row = db.execute("SELECT t.value, t.unit, s.text, r.date FROM targets t JOIN sentences s ON s.id = t.sentence_id "
                     "JOIN reports r ON r.report = t.report WHERE t.report = 'c.txt' AND t.indicator = '河道整治'"
                     ).fetchone()
    assert row[0] == 4 and isinstance(row[0], int) and row[1] == "条" and "班滑河" in row[2]
    assert row[3] == "2024-01-10"
    assert db.execute("SELECT typeof(value) FROM targets WHERE value = 2.5 LIMIT 1").fetchone() == ("real",)


def test_full_text_search_finds_chinese_words(database):
    db = sqlite3.connect(database)
    found = db.execute("SELECT s.report, s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
                       "WHERE sentences_fts MATCH ? ORDER BY s.report, s.start", ["建设口袋公园"]).fetchall()
    assert found == [(r, "1.建设口袋公园10处（区住建局）") for r in ("a.txt", "b.txt", "c.txt")]
    none = db.execute("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH ?", ["不存在的词"]).fetchone()
    assert none == (0,)


def test_failed_export_keeps_the_old_database(runner, tiny_store, tmp_path):
    path = tmp_path / "kg.db"
    path.write_bytes(b"old")
    result = runner.invoke(main, ["export", "--format", "sqlite", "-o", str(path), "--year", "1999", "--store",
                                  str(tiny_store)])
    assert result.exit_code == 1 and path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.db"]


def test_metadata_facets_and_labels(database):
    tables = datasette_metadata(database)["databases"]["kg"]["tables"]
    assert tables["targets"]["facets"] == ["jurisdiction", "year", "indicator", "role"]
    assert tables["sentences"]["label_column"] == "text" and tables["sentences"]["fts_table"] == "sentences_fts"


def test_serve_without_a_database_file_is_one_line(runner, tmp_path):
    pytest.importorskip("datasette")
    result = runner.invoke(main, ["serve", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database file" in result.output and "Traceback" not in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(database) -> str:
    """``kg serve DATABASE`` running on a free port of 127.0.0.1; its base URL."""
    pytest.importorskip("datasette")
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "serve", str(database),
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError("kg serve did not come up") from None
                time.sleep(0.3)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_datasette_page_in_chromium(served, browser):
    from selenium.webdriver.common.by import By

    browser.get(served + "/kg/targets?jurisdiction=东昌府区")
    facets = {e.get_attribute("data-column") for e in browser.find_elements(By.CSS_SELECTOR, ".facet-info")}
    assert {"jurisdiction", "year", "indicator", "role"} <= facets
    assert "9 rows" in browser.find_element(By.TAG_NAME, "h3").text
    links = browser.find_elements(By.CSS_SELECTOR, "td.col-sentence_id a")
    assert len(links) == 9 and any("班滑河" in a.text for a in links)  # each row linked, labelled by its sentence
    links[0].click()
    assert "/kg/sentences/" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, "td.col-text, td.type-str")
    browser.get(served + "/kg/sentences?_search=建设口袋公园")
    assert "3 rows" in browser.find_element(By.TAG_NAME, "h3").text
