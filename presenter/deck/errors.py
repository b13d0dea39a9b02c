"""Errors raised while reading a deck: one clear message with the file and the line."""

from __future__ import annotations

from pathlib import Path


class PresenterError(Exception):
    """An error the user can act on: the command line prints it (no traceback) and exits 2."""


class DeckError(PresenterError):
    """A deck that cannot be loaded.

    Attributes:
        path: the deck file, when known.
        line: the 1-based line where the problem is, when known.
        reason: the message without the location.
    """

    def __init__(self, reason: str, path: Path | str | None = None, line: int | None = None):
        self.reason = reason
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.message())

    def message(self) -> str:
        """Return ``file:line: reason`` (the parts that are known)."""
        where = str(self.path) if self.path is not None else "<deck>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.reason}"

    def located(self, path: Path | str) -> DeckError:
        """Return the same error naming ``path`` (keeps the line)."""
        return DeckError(self.reason, path, self.line)
