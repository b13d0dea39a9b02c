"""Live reload that cannot lose the talk: slow saves, emptied files, broken decks, loads off the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt

from presenter.deck import parse_deck
from presenter.ui.reload import held_back

SLIDES = "\n\n---\n\n".join(f"# Slide {n}\n\nNote: words for slide {n}" for n in range(1, 9))


def go_to_third(qtbot, app) -> None:
    for _ in range(2):
        qtbot.keyClick(app.presenter, Qt.Key.Key_Right)
    assert app.talk.audience.index == 2


def test_a_slow_writer_never_moves_the_audience(make_app, write_deck, qtbot) -> None:
    path = write_deck(SLIDES)
    app = make_app(path)
    go_to_third(qtbot, app)
    text = SLIDES.replace("# Slide 5", "# Slide five")
    chunks = [text[i * len(text) // 6:(i + 1) * len(text) // 6] for i in range(6)]
    seen = []
    app.talk.audience_moved.append(lambda slide: seen.append(slide.title if slide else None))

    def write_slowly() -> None:
        with path.open("w", encoding="utf-8") as f:
            for chunk in chunks:
                f.write(chunk)
                f.flush()
                time.sleep(0.6)

    writer = threading.Thread(target=write_slowly)
    writer.start()
    qtbot.waitUntil(lambda: not writer.is_alive(), timeout=10_000)
    qtbot.waitUntil(lambda: any(s.title == "Slide five" for s in app.talk.deck.slides), timeout=5000)
    assert app.talk.slide(app.talk.audience).title == "Slide 3"
    assert app.audience.frame[0].title == "Slide 3"
    assert all(title == "Slide 3" for title in seen), seen  # never moved, not even for a moment
    assert not app.presenter.banner.isVisible()


def test_an_emptied_file_is_held_back_until_f5(make_app, write_deck, qtbot) -> None:
    path = write_deck(SLIDES)
    app = make_app(path)
    go_to_third(qtbot, app)
    with qtbot.waitSignal(app.reloader.finished, timeout=5000) as blocker:
        path.write_text("", encoding="utf-8")
    assert blocker.args == ["held"]
    assert "empty" in app.presenter.banner.text() and app.audience.frame[0].title == "Slide 3"
    time.sleep(0.01)
    with qtbot.waitSignal(app.reloader.finished, timeout=5000) as blocker:
        path.write_text(SLIDES.replace("# Slide 8", "# The end"), encoding="utf-8")
    assert blocker.args == ["shown"] and not app.presenter.banner.isVisible()
    assert app.talk.slide(app.talk.audience).title == "Slide 3"
    assert app.talk.deck.slides[-1].title == "The end"


def test_f5_shows_a_held_deck_as_it_is(make_app, write_deck, qtbot) -> None:
    path = write_deck(SLIDES)
    app = make_app(path)
    go_to_third(qtbot, app)
    with qtbot.waitSignal(app.reloader.finished, timeout=5000) as blocker:
        path.write_text("# Only one slide left\n", encoding="utf-8")
    assert blocker.args == ["held"] and "1 slide instead of 8" in app.presenter.banner.text()
    with qtbot.waitSignal(app.reloader.finished, timeout=5000):
        qtbot.keyClick(app.presenter, Qt.Key.Key_F5)
    assert [s.title for s in app.talk.deck.slides] == ["Only one slide left"]
    assert app.audience.frame[0].title == "Only one slide left"


def test_a_load_that_fails_unexpectedly_keeps_the_last_good_deck(make_app, write_deck, qtbot, monkeypatch) -> None:
    import presenter.ui.reload as reload

    path = write_deck(SLIDES)
    app = make_app(path)

    def broken(*_args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(reload, "load_deck", broken)
    with qtbot.waitSignal(app.reloader.finished, timeout=5000) as blocker:
        qtbot.keyClick(app.presenter, Qt.Key.Key_F5)
    assert blocker.args == ["error"]
    assert "RecursionError" in app.presenter.banner.text() and len(app.talk.deck.slides) == 8


def test_loading_happens_off_the_gui_thread(make_app, write_deck, qtbot, monkeypatch) -> None:
    import presenter.ui.reload as reload

    path = write_deck(SLIDES)
    app = make_app(path)
    threads = []
    real = reload.load_deck

    def spy(*args: object, **kwargs: object):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reload, "load_deck", spy)
    with qtbot.waitSignal(app.reloader.finished, timeout=5000):
        qtbot.keyClick(app.presenter, Qt.Key.Key_F5)
    assert threads and threads[0] is not threading.main_thread()


def test_what_is_held_back() -> None:
    eight = parse_deck(SLIDES)
    assert held_back(eight, parse_deck(SLIDES + "\n\n---\n\n# Nine\n")) == ""
    assert held_back(eight, parse_deck("---".join(SLIDES.split("---")[:5]))) == ""  # 5 of 8 is kept
    assert "3 slides instead of 8" in held_back(eight, parse_deck("---".join(SLIDES.split("---")[:3])))
    assert "empty" in held_back(eight, parse_deck(""))
    assert "empty" in held_back(eight, parse_deck("\n\n---\n\n"))
    assert held_back(parse_deck(""), eight) == ""


def test_a_save_noticed_while_closing_is_ignored(make_app, write_deck, qtbot) -> None:
    """The watcher's signal can still arrive after stop() (its deletion is deferred): no error, no load."""
    app = make_app(write_deck(SLIDES))
    reloader = app.reloader
    generation = reloader.generation
    reloader.stop()
    reloader.request(force=False)  # what a late watcher signal does
    reloader.request()  # and F5 pressed during the close
    assert reloader.generation == generation + 1  # stop's own bump; nothing was submitted after it
