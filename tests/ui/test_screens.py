"""Choosing screens, swapping them, and screens coming and going mid-talk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from presenter.ui.screens import choose_screens


def by_name() -> dict:
    return {s.name(): s for s in QGuiApplication.screens()}


def test_audience_goes_to_the_screen_that_is_not_the_laptop(qapp) -> None:
    s = by_name()
    laptop, projector = s["laptop"], s["projector"]
    assert choose_screens([laptop, projector], laptop, None) == (laptop, projector)
    assert choose_screens([laptop, projector], laptop, None, swapped=True) == (projector, laptop)
    assert choose_screens([laptop, projector], laptop, 0) == (projector, laptop)  # --audience-screen 0


def test_one_screen_keeps_both_windows_on_it(qapp) -> None:
    laptop = by_name()["laptop"]
    assert choose_screens([laptop], laptop, None) == (laptop, None)
    assert choose_screens([laptop], laptop, 1) == (laptop, None)
    assert choose_screens([], None, None) == (None, None)


def test_swap_key_moves_the_audience_window(make_app, write_deck, qtbot) -> None:
    app = make_app(write_deck("# A\n\n---\n\n# B\n"))
    qtbot.keyClick(app.presenter, Qt.Key.Key_X)
    laptop = by_name()["laptop"]
    qtbot.waitUntil(lambda: app.audience_shell.geometry() == laptop.geometry())
    assert app.audience_shell.isFullScreen()


def test_screen_change_keeps_slide_and_timer(make_app, write_deck, qtbot, fake_clock) -> None:
    app = make_app(write_deck("# A\n\n---\n\n# B\n"))
    qtbot.keyClick(app.presenter, Qt.Key.Key_Right)
    fake_clock.t += 12
    app._screens_changed("screen disconnected: projector")
    qtbot.wait(10)
    assert app.talk.audience.index == 1 and app.audience.frame[0].title == "B"
    assert app.talk.clock.elapsed() == 12
    assert "slide and the timer are unchanged" in app.presenter.banner.text()
