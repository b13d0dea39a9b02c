"""Prepared frames always show the right slide and step: after steps, reloads, theme changes, resizes."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from presenter.deck import load_deck
from presenter.deck.transitions import transition_for
from presenter.render.snapshot import render_image
from presenter.ui.audience import CURSOR_HIDE_MS

DECK = ('---\ntheme: night\n---\n# Title\n\nold words here\n\n- one <!-- .element: class="fragment" -->\n'
        '- two <!-- .element: class="fragment" -->\n\n---\n\n# Second\n')


def fresh(path: Path, index: int, step: int, size: QSize) -> QImage:
    deck = load_deck(path)
    return render_image(deck, deck.slides[index], (size.width(), size.height()), step).convertToFormat(
        QImage.Format.Format_RGB32)


def shown(view) -> QImage:
    return view.current_pixmap().toImage().convertToFormat(QImage.Format.Format_RGB32)


def wait_reload(qtbot, app) -> None:
    with qtbot.waitSignal(app.reloader.finished, timeout=5000):
        pass


def test_every_step_shows_the_right_frame(make_app, write_deck, qtbot) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    for step in (1, 2):
        qtbot.keyClick(app.presenter, Qt.Key.Key_Right)
        qtbot.wait(20)  # let the neighbours be prepared, as in a talk
        assert shown(app.audience) == fresh(path, 0, step, app.audience.size())
        assert shown(app.presenter.current) == fresh(path, 0, step, app.presenter.current.slide_rect().size())


def test_reload_repaints_prepared_frames(make_app, write_deck, qtbot) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    qtbot.wait(50)  # frames for the next steps are prepared now
    time.sleep(0.01)
    path.write_text(DECK.replace("old words here", "completely new text"), encoding="utf-8")
    wait_reload(qtbot, app)
    assert shown(app.audience) == fresh(path, 0, 0, app.audience.size())
    qtbot.keyClick(app.presenter, Qt.Key.Key_Right)
    assert shown(app.audience) == fresh(path, 0, 1, app.audience.size())


def test_theme_change_repaints(make_app, write_deck, qtbot) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    qtbot.wait(50)
    time.sleep(0.01)
    path.write_text(DECK.replace("theme: night", "theme: white"), encoding="utf-8")
    wait_reload(qtbot, app)
    image = shown(app.audience)
    assert image.pixelColor(2, 2).name() == "#ffffff"
    assert image == fresh(path, 0, 0, app.audience.size())
    qtbot.keyClick(app.presenter, Qt.Key.Key_End)  # a frame prepared before the change is not reused
    assert shown(app.audience) == fresh(path, 1, 0, app.audience.size())


def test_resize_repaints_at_the_new_size(make_app, write_deck, qtbot) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    view = app.presenter.current
    qtbot.wait(50)
    app.presenter.resize(app.presenter.width() - 200, app.presenter.height() - 100)
    qtbot.waitUntil(lambda: view.current_pixmap().size() == view.slide_rect().size())
    assert shown(view) == fresh(path, 0, 0, view.slide_rect().size())


def test_transition_rules() -> None:
    from presenter.deck import parse_deck

    deck = parse_deck('# A\n\n---\n\n<!-- .slide: data-transition="zoom-in fade-out" data-transition-speed="slow" -->\n'
                      '# B\n\n---\n\n<!-- .slide: data-transition="fade" -->\n# C\n')
    assert transition_for(deck, deck.slides[0]) == ("convex", 800)  # reveal-md's default
    assert transition_for(deck, deck.slides[1]) == ("zoom", 1200)
    assert transition_for(deck, deck.slides[1], entering=False) == ("fade", 500)
    assert transition_for(deck, deck.slides[2]) == ("fade", 500)  # fade is always 0.5 s
    # presenter --transitions over the deck's choice
    assert transition_for(deck, deck.slides[1], mode="fade") == ("fade", 500)
    assert transition_for(deck, deck.slides[1], mode="none") == ("none", 0)
    assert transition_for(deck, deck.slides[0], mode="deck") == ("convex", 800)


def test_transitions_none_moves_at_once(make_app, write_deck, qtbot) -> None:
    app = make_app(write_deck(DECK))
    qtbot.waitUntil(lambda: app.audience.painted)
    app.audience.transitions = "none"
    assert app.talk.goto("2")
    assert app.audience.frame is not None and app.audience.frame[0].index == 1
    assert app.audience.transition is None
    app.audience.transitions = "deck"
    assert app.talk.goto("1")
    assert app.audience.frame is not None and app.audience.frame[0].index == 0
    assert app.audience.transition is not None and app.audience.transition.name == "convex"


def test_cursor_hides_after_three_seconds(make_app, write_deck, qtbot) -> None:
    app = make_app(write_deck(DECK))
    assert CURSOR_HIDE_MS == 3000
    app.audience._cursor_timer.setInterval(10)
    qtbot.mouseMove(app.audience)
    qtbot.waitUntil(lambda: app.audience.cursor().shape() == Qt.CursorShape.BlankCursor)
