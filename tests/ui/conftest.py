"""Fixtures for GUI tests: a running presentation on two simulated screens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from presenter.deck import load_deck
from presenter.ui.app import PresenterApp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_app(qtbot, settings: QSettings, fake_clock) -> Iterator:
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
