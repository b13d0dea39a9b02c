"""Placing the two windows on the screens, and following screens plugged in and pulled out."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def choose_screens(screens: list[QScreen], primary: QScreen | None, audience_index: int | None,
                   swapped: bool = False) -> tuple[QScreen | None, QScreen | None]:
    """(presenter screen, audience screen); the audience screen is None when there is only one.

    The audience goes on the screen asked for, else on the first screen that is not the
    primary one (the laptop's); ``swapped`` exchanges the two.
    """
    if not screens:
        return None, None
    primary = primary if primary in screens else screens[0]
    if len(screens) == 1:
        return screens[0], None
    if audience_index is not None and 0 <= audience_index < len(screens):
        audience = screens[audience_index]
    else:
        audience = next(s for s in screens if s is not primary)
    presenter = primary if primary is not audience else next(s for s in screens if s is not audience)
    return (audience, presenter) if swapped else (presenter, audience)


def place(presenter: QWidget, audience: QWidget, audience_index: int | None, swapped: bool) -> str:
    """Put the windows on their screens; returns a short description for the banner."""
    app = QGuiApplication.instance()
    screens = QGuiApplication.screens() if app is not None else []
    p_screen, a_screen = choose_screens(screens, QGuiApplication.primaryScreen(), audience_index, swapped)
    if p_screen is None:
        return "no screen"
    _move(presenter, p_screen)
    presenter.showMaximized() if a_screen is not None else presenter.show()
    if a_screen is not None:
        _move(audience, a_screen)
        audience.showFullScreen()
        return f"audience on {a_screen.name()}, presenter on {p_screen.name()}"
    geo = p_screen.availableGeometry()
    audience.showNormal()
    audience.setGeometry(geo.x() + geo.width() // 2, geo.y() + 40, geo.width() // 2 - 20, geo.height() // 2)
    return "one screen: the audience window is a normal window (rehearsal)"


def _move(widget: QWidget, screen: QScreen) -> None:
    if widget.isFullScreen():
        widget.showNormal()
    widget.setScreen(screen)  # before the window exists too: X screens of their own need it
    widget.setGeometry(screen.geometry())
