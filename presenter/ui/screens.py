"""Placing the two windows on the screens, and following screens plugged in and pulled out."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, QTimer
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


def place(presenter: QWidget, audience: QWidget, audience_index: int | None, swapped: bool,
          aspect: float = 16 / 9) -> str:
    """Put the windows on their screens; returns a short description for the banner.

    With one screen (a rehearsal at home) both are normal windows side by side, never overlapping:
    the audience window in the deck's shape on the right, the presenter window filling the rest.
    """
    app = QGuiApplication.instance()
    screens = QGuiApplication.screens() if app is not None else []
    p_screen, a_screen = choose_screens(screens, QGuiApplication.primaryScreen(), audience_index, swapped)
    if p_screen is None:
        return "no screen"
    if a_screen is not None:
        _move(presenter, p_screen)
        presenter.showMaximized()
        _move(audience, a_screen)
        audience.showFullScreen()
        return f"audience on {a_screen.name()}, presenter on {p_screen.name()}"
    for widget in (presenter, audience):
        if widget.isFullScreen() or widget.isMaximized():
            widget.showNormal()
        widget.setScreen(p_screen)
    tile(presenter, audience, p_screen.availableGeometry(), aspect)
    presenter.show()
    audience.show()
    QTimer.singleShot(400, lambda: _retile(presenter, audience, p_screen, aspect))  # frames known once mapped
    return "one screen: both windows side by side (rehearsal)"


def tile(presenter: QWidget, audience: QWidget, avail: QRect, aspect: float, gap: int = 8) -> None:
    """Lay the two windows side by side inside ``avail``, their frames included."""
    left, top, right, bottom = _frame_margins(presenter)
    share = 0.5 if avail.width() >= 2.2 * avail.height() else 0.4
    outer_w = round(avail.width() * share)
    client_w = outer_w - left - right
    client_h = max(90, min(round(client_w / max(aspect, 0.1)), avail.height() - top - bottom))
    audience.setGeometry(QRect(avail.right() + 1 - outer_w + left, avail.y() + top, client_w, client_h))
    presenter.setGeometry(QRect(avail.x() + left, avail.y() + top, avail.width() - outer_w - gap - left - right,
                                avail.height() - top - bottom))


def _frame_margins(widget: QWidget) -> tuple[int, int, int, int]:
    """The window manager's frame round ``widget`` (0 until it is shown, or without one)."""
    outer, inner = widget.frameGeometry(), widget.geometry()
    return (inner.x() - outer.x(), inner.y() - outer.y(), outer.right() - inner.right(),
            outer.bottom() - inner.bottom())


def _retile(presenter: QWidget, audience: QWidget, screen: QScreen, aspect: float) -> None:
    if presenter.isVisible() and not audience.isFullScreen() and len(QGuiApplication.screens()) == 1:
        tile(presenter, audience, screen.availableGeometry(), aspect)


def _move(widget: QWidget, screen: QScreen) -> None:
    if widget.isFullScreen():
        widget.showNormal()
    widget.setScreen(screen)  # before the window exists too: X screens of their own need it
    widget.setGeometry(screen.geometry())


def audience_aspect(audience: QWidget) -> float:
    """The projector's shape (width / height): the audience window's screen, else 16:9."""
    if len(QGuiApplication.screens()) > 1 and audience.screen() is not None:
        g = audience.screen().geometry()
        if g.width() > 0 and g.height() > 0:
            return g.width() / g.height()
    return 16 / 9
