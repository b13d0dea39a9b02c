"""The deck database's schema, its migrations and how a connection is opened (no Qt).

Several presenters may open a new deck at the same moment (two laptops on a shared folder, a
double click): each connection waits for the others (a busy timeout, then retries with a short
random pause), and the schema version is read inside the ``BEGIN IMMEDIATE`` transaction that
migrates, so two processes never run the same migration.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

BUSY_TIMEOUT = 5.0  # seconds SQLite waits for a lock before giving up on one attempt
RETRY_FOR = 20.0  # seconds of retries on "database is locked" before reporting it
T = TypeVar("T")

# Each migration takes the database from version i to i + 1. Never edit one that has shipped.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        mode TEXT NOT NULL DEFAULT 'rehearsal',
        target_seconds INTEGER
    );
    CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        slide_index INTEGER NOT NULL,
        slide_label TEXT NOT NULL,
        slide_title TEXT NOT NULL,
        entered REAL NOT NULL,
        seconds REAL NOT NULL
    );
    CREATE INDEX visits_run ON visits(run_id);
    """,
    """
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        talk_elapsed REAL NOT NULL DEFAULT 0,
        question TEXT NOT NULL,
        asked_by TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        slide_label TEXT NOT NULL DEFAULT '',
        slide_title TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'follow-up')),
        owner TEXT NOT NULL DEFAULT '',
        due TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    """,
    """
    ALTER TABLE questions ADD COLUMN action TEXT NOT NULL DEFAULT '';
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether an error is another connection holding a lock (worth retrying)."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def retry(action: Callable[[], T], seconds: float = RETRY_FOR) -> T:
    """Run ``action``, again after a short random pause while the database is locked."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() > deadline:
                raise
            log.debug("database busy (%s); retrying", exc)
            time.sleep(0.02 + random.random() * 0.08)


def connect(path: Path, writable: bool = True) -> sqlite3.Connection:
    """Open ``path`` in WAL mode with ``synchronous=FULL`` (creating it when ``writable``)."""
    if writable:
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT)
    else:
        uri = f"file:{urllib.parse.quote(str(path))}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
    connection.row_factory = sqlite3.Row
    try:
        if writable:
            retry(lambda: connection.execute("PRAGMA journal_mode=WAL"))
        connection.execute("PRAGMA synchronous=FULL")  # a commit is on disk before "Saved."
        connection.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def statements(script: str) -> Iterator[str]:
    """The SQL statements of a script, one by one."""
    current = ""
    for part in script.split(";"):
        current += part + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \t\r\n;"):
                yield current.strip()
            current = ""


def migrate(connection: sqlite3.Connection, migrations: list[str] | None = None,
            on_step: Callable[[int], None] | None = None) -> int:
    """Bring the schema to the newest version; returns the version reached.

    Raises:
        sqlite3.DatabaseError: the database is from a newer presenter, or cannot be migrated.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    if _version(connection, len(migrations)) == len(migrations):
        return len(migrations)
    for number in retry(lambda: _apply(connection, migrations)):
        if on_step is not None:
            on_step(number)
    return len(migrations)


def _version(connection: sqlite3.Connection, newest: int) -> int:
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > newest:
        raise sqlite3.DatabaseError(f"the database is from a newer presenter (schema {version})")
    return version


def _apply(connection: sqlite3.Connection, migrations: list[str]) -> list[int]:
    """Run the missing migrations in one write transaction; returns the versions reached."""
    if connection.in_transaction:
        connection.commit()
    connection.execute("BEGIN IMMEDIATE")
    try:
        done = []
        for number in range(_version(connection, len(migrations)), len(migrations)):
            for statement in statements(migrations[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            done.append(number + 1)
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return done
