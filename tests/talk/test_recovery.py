"""No question is silently lost: a database deleted or replaced mid-talk is rebuilt on the next save."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sqlite3
from pathlib import Path

import pytest

from presenter.cli import main
from presenter.talk import storage
from presenter.talk.questions import Question, QuestionLog
from presenter.talk.rehearsal import Recorder
from presenter.talk.storage import Recovery, StorageError, open_store

FIRST = Question(question="Will the £2.4m – CCTV upgrade cover Potters Bar?", asked_by="Cllr Zoë Müller",
                 organisation="Bentley Heath ward", slide_label="4", slide_title="CCTV", owner="Head of CS",
                 due="15/12/2026", action="Send the coverage map", talk_elapsed=1234.5)
SECOND = Question(question="How many referrals to MIND’s outreach worker?", asked_by="Ольга Петренко",
                  status="answered", slide_label="2", slide_title="Community Safety")
EXPECTED = [  # every field as the CSV gives it back, apart from the id and the time of entry
    {"question": FIRST.question, "asked_by": "Cllr Zoë Müller", "organisation": "Bentley Heath ward",
     "slide_label": "4", "slide_title": "CCTV", "status": "follow-up", "owner": "Head of CS", "due": "2026-12-15",
     "action": "Send the coverage map", "talk_elapsed": "1234.5", "created_at": "2026-11-23T19:47:00"},
    {"question": SECOND.question, "asked_by": "Ольга Петренко", "organisation": "", "slide_label": "2",
     "slide_title": "Community Safety", "status": "answered", "owner": "", "due": "", "action": "",
     "talk_elapsed": "0.0", "created_at": "2026-11-23T19:47:00"},
]


@pytest.fixture
def deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "talk.md"
    path.write_text("# Community Safety\n\n---\n\n# CCTV\n", encoding="utf-8")
    return path


def wall() -> dt.datetime:
    return dt.datetime(2026, 11, 23, 19, 47)


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def csv_rows(deck: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    capsys.readouterr()
    assert main(["questions", str(deck), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    return [{k: v for k, v in row.items() if k != "id"} for row in rows]


def test_deleted_between_two_saves_everything_is_written_back(deck: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(deck)
    heard: list[Recovery] = []
    store.subscribe(heard.append)
    log = QuestionLog(store, wall=wall)
    recorder = Recorder(store, lambda: 5.0, wall=wall)  # a rehearsal run in the same database
    log.add(FIRST)
    remove_database(store.path)  # what a careless "clean up" or a sync tool does mid-talk
    log.add(SECOND)
    recorder.finish()
    assert len(heard) == 1 and heard[0].reason == "was deleted" and heard[0].restored
    assert heard[0].path == deck.with_name("talk.md.presenter.db") and "recreated" in heard[0].message
    assert store.recoveries == heard
    store.close()
    assert csv_rows(deck, capsys) == EXPECTED
    check = sqlite3.connect(deck.with_name("talk.md.presenter.db"))
    assert check.execute("SELECT COUNT(*) FROM runs WHERE ended_at IS NOT NULL").fetchone()[0] == 1


def test_replaced_by_a_folder_the_log_moves_to_the_data_folder(deck: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(deck)
    log = QuestionLog(store, wall=wall)
    log.add(FIRST)
    remove_database(store.path)
    store.path.mkdir()  # a folder where the database was
    log.add(SECOND)
    (recovery,) = store.recoveries
    assert recovery.reason == "was replaced by a folder"
    assert recovery.path.parent == tmp_path / "data" / "presenter" and str(recovery.path) in recovery.message
    store.close()
    assert csv_rows(deck, capsys) == EXPECTED  # the command line finds the log where it went


def test_when_the_copy_fails_the_questions_in_memory_are_written_back(deck: Path, monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(deck)
    log = QuestionLog(store, wall=wall)
    first = log.add(FIRST)
    gone = log.add(Question(question="Deleted, then restored?"))
    log.delete(gone.id)
    monkeypatch.setattr(storage, "_copy_into", lambda old, target: False)
    remove_database(store.path)
    log.add(SECOND)
    assert store.recoveries[0].restored is False and "questions of this session" in store.recoveries[0].message
    assert log.all()[0].id == first.id  # ids survive, so the panel's selection still works
    assert log.undo_delete() is not None and "Deleted, then restored?" in [q.question for q in log.all()]
    log.delete(gone.id)
    store.close()
    assert csv_rows(deck, capsys) == EXPECTED


def test_a_lost_write_ahead_log_is_checkpointed_and_reopened(deck: Path) -> None:
    store = open_store(deck)
    log = QuestionLog(store, wall=wall)
    log.add(FIRST)
    for suffix in ("-wal", "-shm"):
        Path(f"{store.path}{suffix}").unlink()
    log.add(SECOND)
    assert store.recoveries[0].reason == "lost its write-ahead log" and store.recoveries[0].path == store.path
    other = sqlite3.connect(store.path)  # another process sees both, so both are in the file
    assert other.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 2


def test_a_rebuild_that_cannot_happen_is_an_error_not_a_silent_loss(deck: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(deck)
    log = QuestionLog(store, wall=wall)
    log.add(FIRST)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(store, "_free_path", lambda: blocker / "talk.presenter.db")
    remove_database(store.path)
    with pytest.raises(StorageError, match="was deleted and cannot be recreated"):
        log.add(SECOND)


def test_synchronous_full_is_set_whatever_sqlite_defaults_to(deck: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = sqlite3.connect

    def lax(*args: object, **kwargs: object) -> sqlite3.Connection:  # a build whose default is OFF
        connection = real(*args, **kwargs)  # type: ignore[arg-type]
        connection.execute("PRAGMA synchronous=OFF")
        return connection

    monkeypatch.setattr(sqlite3, "connect", lax)
    store = open_store(deck)
    assert store.read("PRAGMA synchronous")[0][0] == 2  # FULL: a commit is on disk before "Saved."
    log = QuestionLog(store, wall=wall)
    remove_database(store.path)
    log.add(FIRST)
    assert store.recoveries and store.read("PRAGMA synchronous")[0][0] == 2  # and on the rebuilt database
    assert store.read("PRAGMA journal_mode")[0][0] == "wal"


@pytest.mark.parametrize("command", [["questions"], ["questions", "--format", "csv"], ["report"]])
def test_read_only_commands_create_nothing(deck: Path, tmp_path: Path, command: list[str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(os.listdir(tmp_path))
    assert main([command[0], str(deck), *command[1:]]) == 1
    assert "has no database" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == before and not (tmp_path / "data").exists()


def test_reading_leaves_no_files_behind(deck: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(deck)
    QuestionLog(store, wall=wall).add(FIRST)
    store.close()
    before = sorted(os.listdir(tmp_path))
    assert len(csv_rows(deck, capsys)) == 1
    assert sorted(os.listdir(tmp_path)) == before  # the -wal and -shm went away with the connection
