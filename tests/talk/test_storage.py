"""The deck database: schema and migrations, fallback folder, durability across a kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from presenter.talk.questions import Question, QuestionLog
from presenter.talk.storage import SCHEMA_VERSION, StorageError, database_path, migrate, open_store

ROOT = Path(__file__).resolve().parents[2]


def test_database_beside_the_deck(tmp_path: Path) -> None:
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    store = open_store(deck)
    assert store.path == tmp_path / "talk.md.presenter.db" and store.fallback_reason == ""
    assert store.read("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    assert store.read("PRAGMA journal_mode")[0][0] == "wal"
    store.close()


def test_read_only_folder_falls_back_to_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.geteuid() == 0:
        monkeypatch.setattr("presenter.talk.storage._writable", lambda db: False)
    folder = tmp_path / "ro"
    folder.mkdir()
    deck = folder / "talk.md"
    deck.write_text("# A\n")
    folder.chmod(0o555)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    try:
        path, reason = database_path(deck)
        assert path.parent == tmp_path / "data" / "presenter" and "cannot be written" in reason
        store = open_store(deck)
        assert store.fallback_reason and store.path.exists()
        store.close()
    finally:
        folder.chmod(0o755)


def test_migrations_run_in_order_and_only_once(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "x.db")
    steps: list[int] = []
    migrate(db, ["CREATE TABLE a (x);", "ALTER TABLE a ADD COLUMN y;"], steps.append)
    migrate(db, ["CREATE TABLE a (x);", "ALTER TABLE a ADD COLUMN y;"], steps.append)
    assert steps == [1, 2]
    assert [r[1] for r in db.execute("PRAGMA table_info(a)")] == ["x", "y"]
    with pytest.raises(sqlite3.DatabaseError, match="newer presenter"):
        migrate(db, ["CREATE TABLE a (x);"])


def test_a_damaged_database_gives_a_clear_error(tmp_path: Path) -> None:
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    (tmp_path / "talk.md.presenter.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError, match="cannot open the database"):
        open_store(deck)


CHILD = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from presenter.talk.questions import Question, QuestionLog
    from presenter.talk.storage import open_store
    log = QuestionLog(open_store(Path({deck!r})))
    log.add(Question(question="Will the CCTV cameras in Borehamwood be replaced?", asked_by="Cllr Smith"))
    os.kill(os.getpid(), signal.SIGKILL)  # killed right after Enter: no clean shutdown at all
""")


def test_entries_survive_a_kill_right_after_saving(tmp_path: Path) -> None:
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    proc = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), deck=str(deck))], check=False)
    assert proc.returncode == -signal.SIGKILL
    questions = QuestionLog(open_store(deck)).all()
    assert [q.question for q in questions] == ["Will the CCTV cameras in Borehamwood be replaced?"]
    assert questions[0].asked_by == "Cllr Smith"


def test_question_log_edit_delete_undo(tmp_path: Path) -> None:
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    log = QuestionLog(open_store(deck))
    a = log.add(Question(question="Budget?", slide_label="3", status="open"))
    b = log.add(Question(question="Staffing?", status="follow-up", owner="Head of HR", due="2026-12-01"))
    assert log.open_follow_ups() == 1
    log.update(a.__class__(**{**a.__dict__, "status": "answered"}))
    log.delete(b.id)
    assert [q.question for q in log.all()] == ["Budget?"] and log.all()[0].status == "answered"
    assert log.undo_delete() is not None and len(log.all()) == 2 and not log.can_undo()
    with pytest.raises(ValueError):
        log.add(Question(question="   "))
    with pytest.raises(ValueError):
        log.add(Question(question="x", status="maybe"))


def test_undo_brings_back_the_last_question_deleted(tmp_path: Path) -> None:
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    log = QuestionLog(open_store(deck))
    first, _second, third = (log.add(Question(question=q)) for q in ("First?", "Second?", "Third?"))
    log.delete(first.id)
    log.delete(third.id)
    restored = log.undo_delete()
    assert restored is not None and restored.question == "Third?"
    assert [q.question for q in log.all()] == ["Second?", "Third?"]
    assert log.undo_delete().question == "First?"  # type: ignore[union-attr]
    assert [q.question for q in log.all()] == ["First?", "Second?", "Third?"] and log.undo_delete() is None
