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


@pytest.fixture
def settings(tmp_path: Path):
    """Preferences kept in a file of the test's own (never the user's)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_app(qtbot, settings, fake_clock):
    """A running presentation on the two simulated screens, stopped after the test."""
    from presenter.deck import load_deck
    from presenter.ui.app import PresenterApp

    apps: list[PresenterApp] = []

    def make(path: Path, place: bool = True) -> PresenterApp:
        app = PresenterApp(load_deck(path), settings, now=fake_clock)
        app.start(place_windows=place)
        qtbot.addWidget(app.presenter)
        qtbot.addWidget(app.audience)
        qtbot.waitExposed(app.presenter)
        app.records.ensure_ready()
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.stop()
