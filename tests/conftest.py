"""Test set-up: Qt offscreen with two simulated screens (laptop and projector)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
DECKS = ROOT / "decks"

# Two screens side by side, as design.md describes; set before any QApplication exists.
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={DATA / 'screens.json'}"
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")


@pytest.fixture
def decks_dir() -> Path:
    """The sample decks folder."""
    return DECKS


@pytest.fixture
def write_deck(tmp_path: Path):
    """Write a deck file in a temporary folder and return its path."""

    def write(text: str, name: str = "deck.md") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


class FakeClock:
    """A monotonic clock the test moves by hand (``clock.t += 30``)."""

    def __init__(self, start: float = 100.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()
