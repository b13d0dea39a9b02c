"""Both windows together on two simulated screens, driven by key presses."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage

from presenter.talk.talk import Blank

DECK = ('---\ntheme: night\nverticalSeparator: ^\\+{3}\n---\n# One\n\nNote: first private note\n\n---\n\n'
        '# Two\n\n- a <!-- .element: class="fragment" -->\n\nNote: second private note\n\n+++\n\n# Two down\n\n'
        '---\n\n# Three\n\nNote: [plan](/attachments/plan.pdf) and [gone](/attachments/gone.pdf)\n')


def press(qtbot, app, *keys) -> None:
    for key in keys:
        qtbot.keyClick(app.presenter, key)


def labels(app) -> tuple[str, str]:
    return app.audience.frame[0].label, app.presenter.current.frame[0].label


def test_windows_on_their_screens(make_app, write_deck) -> None:
    app = make_app(write_deck(DECK))
    screens = {s.name(): s for s in QGuiApplication.screens()}
    assert set(screens) == {"laptop", "projector"}
    assert app.audience_shell.isFullScreen()
    assert app.audience_shell.geometry() == screens["projector"].geometry()
    assert screens["laptop"].geometry().contains(app.presenter_shell.geometry().center())
    assert app.presenter_shell.windowTitle().endswith("— Presenter")
    assert app.audience_shell.windowTitle().endswith("— Audience")


def test_keys_move_both_windows_together(make_app, write_deck, qtbot) -> None:
    app = make_app(write_deck(DECK))
    press(qtbot, app, Qt.Key.Key_Right)
    assert labels(app) == ("2.1", "2.1") and app.talk.audience.step == 0
    press(qtbot, app, Qt.Key.Key_Space)  # the fragment
    assert app.talk.audience.step == 1 and app.audience.frame[1] == 1
    press(qtbot, app, Qt.Key.Key_PageDown)
    assert labels(app) == ("2.2", "2.2")
    press(qtbot, app, Qt.Key.Key_Up, Qt.Key.Key_End)
    assert labels(app) == ("3", "3")
    press(qtbot, app, Qt.Key.Key_Home)
    assert labels(app) == ("1", "1")
    assert "first private note" in app.presenter.notes.toPlainText()


def test_browsing_ahead_leaves_the_audience(make_app, write_deck, qtbot) -> None:
    app = make_app(write_deck(DECK))
    qtbot.keyClick(app.presenter, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(app.presenter, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert labels(app) == ("1", "2.1") and "browsing" in app.presenter.alert.text()
    qtbot.keyClick(app.presenter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert labels(app) == ("2.1", "2.1")


def test_freeze_and_blank(make_app, write_deck, qtbot) -> None:
    app = make_app(write_deck(DECK))
    press(qtbot, app, Qt.Key.Key_F, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert labels(app) == ("1", "2.1") and "FROZEN" in app.presenter.alert.text()
    press(qtbot, app, Qt.Key.Key_F)
    assert labels(app) == ("2.1", "2.1")
    press(qtbot, app, Qt.Key.Key_B)
    img = app.audience.grab().toImage()
    assert img.pixelColor(10, 10).name() == "#000000" and img.pixelColor(960, 540).name() == "#000000"
    press(qtbot, app, Qt.Key.Key_B, Qt.Key.Key_W)
    assert app.audience.blank == Blank.WHITE
    assert app.audience.grab().toImage().pixelColor(960, 540).name() == "#ffffff"


def test_hold_survives_slide_changes(make_app, write_deck, qtbot, fake_clock) -> None:
    app = make_app(write_deck(DECK))
    press(qtbot, app, Qt.Key.Key_Right)
    fake_clock.t += 30
    press(qtbot, app, Qt.Key.Key_H)
    fake_clock.t += 100
    press(qtbot, app, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left)
    assert app.talk.clock.elapsed() == 30 and app.talk.clock.state.held
    app._tick()
    assert "0:30" in app.presenter.timers.elapsed.text()
    press(qtbot, app, Qt.Key.Key_H)
    fake_clock.t += 5
    assert app.talk.clock.elapsed() == 35


def test_reset_asks_and_can_be_undone(make_app, write_deck, qtbot, fake_clock) -> None:
    app = make_app(write_deck(DECK))
    press(qtbot, app, Qt.Key.Key_Right)
    fake_clock.t += 50
    app.confirm = lambda title, question: False
    press(qtbot, app, Qt.Key.Key_R)
    assert app.talk.clock.elapsed() == 50
    app.confirm = lambda title, question: True
    press(qtbot, app, Qt.Key.Key_R)
    assert app.talk.clock.elapsed() == 0 and "undo" in app.presenter.banner.text()
    qtbot.keyClick(app.presenter, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.talk.clock.elapsed() == 50


def test_goto_field_takes_the_keyboard(make_app, write_deck, qtbot) -> None:
    app = make_app(write_deck(DECK))
    press(qtbot, app, Qt.Key.Key_G)
    assert app.presenter.goto.isVisible()
    qtbot.keyClicks(app.presenter.goto, "2.2")  # digits, '.' (black screen!) and so on must not act
    assert labels(app) == ("1", "1") and app.talk.blank == Blank.NONE
    qtbot.keyClick(app.presenter.goto, Qt.Key.Key_Return)
    assert labels(app) == ("2.2", "2.2") and not app.presenter.goto.isVisible()


def test_audience_never_shows_notes(make_app, write_deck, qtbot, tmp_path: Path) -> None:
    with_notes = make_app(write_deck(DECK))
    # the same notes marker (reveal-md lays a slide with notes out differently: its heading is no
    # longer the last child), other notes text: whatever the notes say, the audience sees the same
    without = make_app(write_deck(DECK.replace("first private note", "x"), "plain.md"))
    for app in (with_notes, without):
        app.audience.show_frame((app.talk.deck.slides[0], 0), app.talk.deck, animate=False)
    a: QImage = with_notes.audience.grab().toImage()
    b: QImage = without.audience.grab().toImage()
    assert a == b


def test_notes_links_open_or_say_missing(make_app, write_deck, qtbot, tmp_path: Path) -> None:
    (tmp_path / "attachments").mkdir()
    (tmp_path / "attachments" / "plan.pdf").write_bytes(b"%PDF-1.4")
    app = make_app(write_deck(DECK))
    opened: list[QUrl] = []
    app.open_url = lambda url: opened.append(url) or True
    app.open_link("/attachments/plan.pdf")
    assert opened and opened[0].toLocalFile() == str(tmp_path / "attachments" / "plan.pdf")
    app.open_link("/attachments/gone.pdf")
    assert "Attachment not found: /attachments/gone.pdf" in app.presenter.banner.text()


def test_large_print_and_notes_size_are_remembered(make_app, write_deck, qtbot, settings) -> None:
    app = make_app(write_deck(DECK))
    before = app.presenter.notes.point_size
    press(qtbot, app, Qt.Key.Key_Plus, Qt.Key.Key_Plus)
    assert app.presenter.notes.point_size == before + 4
    assert int(settings.value("notes/point_size")) == before + 4
    press(qtbot, app, Qt.Key.Key_L)
    assert app.presenter.large_print and settings.value("layout/large_print") == "true"
    assert "first private note" in app.presenter.large_notes.toPlainText()


def test_live_reload_keeps_position_and_banner_on_error(make_app, write_deck, qtbot, fake_clock) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    press(qtbot, app, Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_PageDown)
    fake_clock.t += 40
    assert labels(app) == ("2.2", "2.2")
    time.sleep(0.01)  # a different modification time for the watcher
    path.write_text(DECK.replace("# One\n", "# Inserted\n\n---\n\n# One\n", 1), encoding="utf-8")
    with qtbot.waitSignal(app.reloader.finished, timeout=5000):
        pass
    assert app.talk.slide().title == "Two down" and app.audience.frame[0].title == "Two down"
    assert app.talk.clock.elapsed() == 40
    path.write_text("---\ntheme: [broken\n---\n# x\n", encoding="utf-8")
    with qtbot.waitSignal(app.reloader.finished, timeout=5000):
        pass
    assert "no longer loads" in app.presenter.banner.text() and app.talk.slide().title == "Two down"
    assert app.presenter.banner.isVisible()


def test_export_from_the_app(make_app, write_deck, qtbot, tmp_path: Path) -> None:
    app = make_app(write_deck(DECK))
    seen = []

    def accept(dialog) -> bool:
        seen.append(dialog)
        dialog.layout_box.setCurrentText("handout-4")
        return True

    app.run_dialog = accept
    qtbot.keyClick(app.presenter, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen and (tmp_path / "deck-handout-4.pdf").is_file()
    assert "Wrote" in app.presenter.banner.text() and "1 pages" in app.presenter.banner.text()
    seen[0].output.setText(str(tmp_path / "missing-folder" / "x.pdf"))
    ok, message = seen[0].run_export()
    assert not ok and "does not exist" in message


def test_a_slide_that_cannot_be_painted_is_reported_to_the_speaker_only(make_app, write_deck, qtbot,
                                                                        monkeypatch) -> None:
    import presenter.render.paint as paint_module

    app = make_app(write_deck(DECK))
    real = paint_module.SlideLayout.build

    def broken(self):
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(paint_module.SlideLayout, "build", broken)
    press(qtbot, app, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: "Slide 3 cannot be shown: RuntimeError: layout exploded" in app.presenter.banner.text(),
                    timeout=3000)  # the audience's slide is the one named
    assert "The audience sees only the background" in app.presenter.banner.text()
    assert app.audience.isVisible() and app.audience.caption == ""
    monkeypatch.setattr(paint_module.SlideLayout, "build", real)


def test_notes_links_never_hand_a_program_to_the_desktop(make_app, write_deck, tmp_path: Path) -> None:
    (tmp_path / "evil.sh").write_text("#!/bin/sh\necho gotcha\n", encoding="utf-8")
    (tmp_path / "run.desktop").write_text("[Desktop Entry]\nExec=sh\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("#!/bin/sh\n", encoding="utf-8")  # a script under any name
    outside = tmp_path.parent / "outside-notes.pdf"
    outside.write_bytes(b"%PDF-1.4")
    app = make_app(write_deck(DECK))
    opened: list[str] = []
    asked: list[str] = []
    app.open_url = lambda url: opened.append(url.toString()) or True
    app.confirm = lambda title, question: asked.append(question) or False
    for href in ("evil.sh", "run.desktop", "plain.txt", "file:///bin/sh", "javascript:alert(1)", "ftp://host/x"):
        app.open_link(href)
        assert "Not opened" in app.presenter.banner.text(), href
    assert opened == [] and asked == []
    app.open_link("../outside-notes.pdf")  # a document outside the folder: only after a yes
    assert asked and str(outside) in asked[0] and opened == []
    app.confirm = lambda title, question: True
    app.open_link("../outside-notes.pdf")
    assert opened == [outside.as_uri()]
    app.open_link("https://www.hertsmere.gov.uk/")
    assert opened[-1] == "https://www.hertsmere.gov.uk/"


def test_the_count_down_comes_from_the_flags_first_then_the_front_matter(write_deck) -> None:
    import argparse
    import datetime as dt

    import pytest

    from presenter.deck import DeckError, load_deck
    from presenter.deck.errors import PresenterError
    from presenter.ui.app import countdown_from

    now = dt.datetime(2026, 12, 2, 19, 0)
    deck = load_deck(write_deck('---\ntitle: t\nend: "19:45"\nduration: 10m\n---\n# A\n'))
    flags = argparse.Namespace(duration=None, end=None)
    assert countdown_from(flags, deck, now).end == dt.datetime(2026, 12, 2, 19, 45)
    assert countdown_from(argparse.Namespace(duration="20m", end=None), deck, now).duration == 1200
    with pytest.raises(PresenterError, match="--end: '25:99' is not a time of day"):
        countdown_from(argparse.Namespace(duration=None, end="25:99"), deck, now)
    bad = load_deck(write_deck('---\ntitle: t\nend: "99:99"\n---\n# A\n', "bad.md"))
    with pytest.raises(DeckError) as caught:
        countdown_from(flags, bad, now)
    assert str(caught.value).endswith("bad.md:3: front matter end: '99:99' is not a time of day (try 19:45)")
