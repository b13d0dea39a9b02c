"""Many presenters opening a new deck at once: every one gets the log, each migration runs once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from presenter.talk.storage import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 60
CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from presenter.talk.questions import Question, QuestionLog
    from presenter.talk.storage import open_store
    go = Path({go!r})
    while not go.exists():  # start together: all of them wait for the same moment
        time.sleep(0.002)
    log = QuestionLog(open_store(Path({deck!r})))
    log.add(Question(question=f"question from process {{sys.argv[1]}}"))
    print("saved")
""")


@pytest.mark.slow
def test_sixty_presenters_open_a_new_deck_at_once(tmp_path: Path) -> None:
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n", encoding="utf-8")
    go = tmp_path / "go"
    code = CHILD.format(root=str(ROOT), go=str(go), deck=str(deck))
    children = [subprocess.Popen([sys.executable, "-c", code, str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for n in range(PROCESSES)]
    go.touch()
    results = [child.communicate() for child in children]
    failed = [err.strip().splitlines()[-1] for (_out, err), child in zip(results, children, strict=True)
              if child.returncode]
    assert failed == [], failed[:3]
    assert all(out.strip() == "saved" for out, _err in results)
    db = sqlite3.connect(tmp_path / "talk.md.presenter.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    texts = {row[0] for row in db.execute("SELECT question FROM questions")}
    assert texts == {f"question from process {n}" for n in range(PROCESSES)}
