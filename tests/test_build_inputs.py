"""``report_files``: unreadable folders and files are named as errors, not skipped in silence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.build import report_files


def _tree(root: Path) -> None:
    (root / "ok").mkdir(parents=True)
    (root / "locked").mkdir()
    (root / "ok" / "a.txt").write_text("报告", encoding="utf-8")
    (root / "ok" / "secret.txt").write_text("报告", encoding="utf-8")
    (root / "locked" / "b.txt").write_text("报告", encoding="utf-8")


def _deny(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    """Make ``denied`` unreadable even to root (chmod does not stop root)."""
    real_scandir, real_access = os.scandir, os.access
    names = {str(p) for p in denied}

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if str(path) in names:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def access(path: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
        return str(path) not in names and real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", access)


def test_unreadable_subfolder_is_an_error_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    _deny(monkeypatch, tmp_path / "locked")
    files, errors = report_files([tmp_path])
    assert files == [tmp_path / "ok" / "a.txt", tmp_path / "ok" / "secret.txt"]
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "locked"),
                                                     "cannot read the folder (Permission denied)")]


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    _deny(monkeypatch, tmp_path / "ok" / "secret.txt")
    files, errors = report_files([tmp_path / "ok", tmp_path / "ok" / "secret.txt"])
    assert files == [tmp_path / "ok" / "a.txt"]
    assert [e.path for e in errors] == [str(tmp_path / "ok" / "secret.txt")] * 2
    assert all("permission denied" in e.reason for e in errors)


def test_folder_with_only_unreadable_content_is_not_called_empty(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    _deny(monkeypatch, tmp_path / "locked")
    _, errors = report_files([tmp_path / "locked"])
    assert len(errors) == 1 and "cannot read the folder" in errors[0].reason
