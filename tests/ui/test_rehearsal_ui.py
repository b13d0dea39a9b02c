"""Rehearsal mode in the app: recording by slide, the report, timings written back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from presenter.cli import main
from presenter.deck import load_deck
from presenter.deck.pacing import reveal_timings
from presenter.talk.rehearsal import runs
from presenter.talk.storage import open_store

DECK = "# A\n\nNote: one two\n\n---\n\n# B\n\nNote: three\n\n---\n\n# C\n"


def test_record_a_run_and_report(make_app, write_deck, qtbot, fake_clock, tmp_path, capsys) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    qtbot.keyClick(app.presenter, Qt.Key.Key_F9)
    assert "REHEARSAL" in app.presenter.status.text()
    fake_clock.t += 20
    qtbot.keyClick(app.presenter, Qt.Key.Key_Right)
    fake_clock.t += 50
    qtbot.keyClick(app.presenter, Qt.Key.Key_Right)
    fake_clock.t += 5
    app.records.stop_rehearsal(show_report=False)
    (run,) = runs(open_store(path))
    assert run.total == 75
    app.records.show_report()
    window = app.records.report_window
    window.write_back()
    assert "Timings written" in window.status.text()
    deck = load_deck(path)
    assert [s.attributes.get("data-timing") for s in deck.slides] == ["20", "50", "5"]
    assert reveal_timings(load_deck(path)) is None  # reveal.js needs defaultTiming or totalTime to pace
    assert main(["report", str(path), "--png", str(tmp_path / "r.png")]) == 0
    out = capsys.readouterr().out
    assert "total 1:15" in out and (tmp_path / "r.png").stat().st_size > 1000


def test_a_failing_disk_stops_recording_but_not_the_talk(make_app, write_deck, qtbot) -> None:
    from presenter.talk.storage import StorageError

    class FullDisk:
        def write(self, sql: str, params: tuple = ()) -> int:
            raise StorageError("cannot write talk.md.presenter.db: database or disk is full")

    app = make_app(write_deck(DECK))
    app.records.start_rehearsal()
    app.records.recorder.store = FullDisk()
    qtbot.keyClick(app.presenter, Qt.Key.Key_Right)
    assert app.talk.audience.index == 1 and app.records.recorder is None
    assert "disk is full" in app.presenter.banner.text()
