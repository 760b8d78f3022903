"""Error lines stay one line whatever the file name holds."""

from __future__ import annotations

import os
import pickle

from kg.errors import ReportError, one_line


def test_file_name_with_newline_stays_one_line() -> None:
    error = ReportError("reports/a\nb.txt", "empty file")
    assert str(error) == "reports/a\\nb.txt: empty file"
    assert error.path == "reports/a\nb.txt"  # the real name is kept for the caller


def test_one_line_escapes_controls_and_undecodable_bytes_but_keeps_chinese() -> None:
    assert one_line("东昌府区\t报告\x1b[31m.txt") == "东昌府区\\t报告\\x1b[31m.txt"
    assert one_line(os.fsdecode(b"bad\xff.txt")) == "bad\\xff.txt"
    assert one_line("a\u2028b\u200bc") == "a\\u2028b\\u200bc"
    assert one_line("全角　空格 and spaces") == "全角　空格 and spaces"


def test_report_error_still_pickles_with_its_raw_path() -> None:
    error = pickle.loads(pickle.dumps(ReportError("x\ny.txt", "bad")))
    assert (error.path, str(error)) == ("x\ny.txt", "x\\ny.txt: bad")
