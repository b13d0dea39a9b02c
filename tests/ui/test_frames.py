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


def test_a_transition_shows_its_first_frame_at_the_press(make_app, write_deck, qtbot) -> None:
    """The move's first frame is painted within the key press, already on its way to the new slide,
    not on the animation's first timer tick after the presenter window's work."""
    app = make_app(write_deck(DECK))
    qtbot.waitUntil(lambda: app.audience.painted)
    qtbot.wait(100)  # the next slide's frame is prepared
    assert app.talk.goto("2")  # no events processed from here to the assertions
    move = app.audience.transition
    assert move is not None and move.name == "convex"
    assert move.painted == 1
    assert 0.0 < app.audience._progress < 0.2


def test_cursor_hides_after_three_seconds(make_app, write_deck, qtbot) -> None:
    app = make_app(write_deck(DECK))
    assert CURSOR_HIDE_MS == 3000
    app.audience._cursor_timer.setInterval(10)
    qtbot.mouseMove(app.audience)
    qtbot.waitUntil(lambda: app.audience.cursor().shape() == Qt.CursorShape.BlankCursor)


def _pattern(w: int, h: int, hue: int):
    from PySide6.QtGui import QColor, QPainter, QPixmap

    pix = QPixmap(w, h)
    pix.fill(QColor.fromHsv(hue, 200, 220))
    p = QPainter(pix)
    for k in range(0, w, 40):  # stripes both ways: a misplaced strip shows as wrong colours
        p.fillRect(k, 0, 12, h, QColor.fromHsv((hue + 120) % 360, 255, 120))
    for k in range(0, h, 40):
        p.fillRect(0, k, w, 12, QColor.fromHsv((hue + 240) % 360, 255, 60))
    p.end()
    return pix


def test_turned_slides_drawn_as_strips_match_the_exact_projection(qapp, monkeypatch) -> None:
    """convex and concave, in rows and columns, both ways: every pixel of the strips is within 3
    pixels of the same colour in QPainter's exact projective drawing (on all but a few edge pixels),
    and the strips never fall back to it."""
    import itertools

    from PySide6.QtGui import QColor, QPainter

    from presenter.ui import transitions
    from presenter.ui.transitions import Transition

    w, h = 960, 540
    old, new = _pattern(w, h, 20), _pattern(w, h, 200)
    strips_drawn: list[bool] = []
    real = transitions.draw_turned

    def frame(move: Transition, t: float, exact: bool) -> QImage:
        monkeypatch.setattr(transitions, "draw_turned",
                            (lambda *a: False) if exact else (lambda *a: strips_drawn.append(real(*a)) or True))
        img = QImage(w, h, QImage.Format.Format_RGB32)
        p = QPainter(img)
        p.fillRect(img.rect(), QColor("#111111"))
        move.paint(p, t, w, h)
        p.end()
        return img

    for name, vertical, forward, t in itertools.product(("convex", "concave"), (False, True), (True, False),
                                                         (0.05, 0.4, 0.85)):
        move = Transition(name, old, new, forward, vertical, QColor("#111111"))
        strips, exact = frame(move, t, exact=False), frame(move, t, exact=True)
        off = sum(1 for y in range(0, h, 5) for x in range(0, w, 5) if _misplaced(strips, exact, x, y))
        assert off / ((h // 5 + 1) * (w // 5 + 1)) < 0.002, (name, vertical, forward, t, off)
    assert strips_drawn and all(strips_drawn)


def _misplaced(strips: QImage, exact: QImage, x: int, y: int, reach: int = 3) -> bool:
    """No pixel of ``exact`` within ``reach`` of (x, y) has the colour ``strips`` has there."""
    colour, w, h = strips.pixel(x, y), exact.width(), exact.height()
    return all(_far(colour, exact.pixel(min(w - 1, max(0, x + dx)), min(h - 1, max(0, y + dy))))
               for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1))


def _far(a: int, b: int) -> bool:
    return max(abs(((a >> s) & 255) - ((b >> s) & 255)) for s in (0, 8, 16)) > 60


def test_a_large_window_moves_at_half_size_in_the_same_geometry(qapp) -> None:
    """Above HALF_ABOVE pixels, convex and concave are drawn at half size and doubled after their
    first frame: the picture is the full-size projection, softer (8x8 blocks agree), not a
    differently placed one."""
    import itertools

    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QPainter

    from presenter.ui import transitions
    from presenter.ui.transitions import Transition

    w, h = 1920, 1080
    assert w * h > transitions.HALF_ABOVE
    old, new = _pattern(w, h, 20), _pattern(w, h, 200)

    def frame(move: Transition, t: float) -> QImage:
        img = QImage(w, h, QImage.Format.Format_RGB32)
        p = QPainter(img)
        p.fillRect(img.rect(), QColor("#111111"))
        move.paint(p, t, w, h)
        p.end()
        return img.scaled(QSize(w // 8, h // 8), Qt.AspectRatioMode.IgnoreAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)

    for name, vertical, t in itertools.product(("convex", "concave"), (False, True), (0.1, 0.5)):
        half = Transition(name, old, new, True, vertical, QColor("#111111"))
        full = Transition(name, old, new, True, vertical, QColor("#111111"))
        assert not half.covers(w, h)  # the first frame, at the press, is drawn at full size
        frame(half, t / 2)
        assert half._half is None and half.covers(w, h)
        a = frame(half, t)
        transitions.HALF_ABOVE, limit = w * h, transitions.HALF_ABOVE  # this one at full size
        try:
            b = frame(full, t)
        finally:
            transitions.HALF_ABOVE = limit
        assert half._half is not None and full._half is None
        blocks = [(x, y) for y in range(a.height()) for x in range(a.width())]
        off = sum(1 for x, y in blocks if _far(a.pixel(x, y), b.pixel(x, y)))
        assert off / len(blocks) < 0.02, (name, vertical, t, off)
