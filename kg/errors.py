"""Errors a user can act on: each names the file and the reason in one line."""

from __future__ import annotations

from pathlib import Path

__all__ = ["KgError", "ReportError"]


class KgError(Exception):
    """Base of the errors kg reports to users without a traceback."""


class ReportError(KgError):
    """A report file that cannot be loaded: empty, binary, undecodable, no structure, missing."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[ReportError], tuple[str, str]]:
        return type(self), (self.path, self.reason)  # picklable, so worker processes can return it
