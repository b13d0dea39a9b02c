"""The deck's database: rehearsal runs and the questions log, in SQLite beside the deck (no Qt).

Every write is its own transaction, committed with ``synchronous=FULL`` in WAL mode, so a
saved question or a recorded slide survives a crash, a kill or a power cut. A deck folder that
cannot be written falls back to the user's data folder, and ``fallback_reason`` says so.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from presenter.deck.errors import PresenterError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
SUFFIX = ".presenter.db"

# Each migration takes the database from version i to i + 1.
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
]
assert len(MIGRATIONS) == SCHEMA_VERSION


class StorageError(PresenterError):
    """The database cannot be opened or written; the message says where and why."""


def user_data_dir() -> Path:
    """Where presenter keeps databases for decks in read-only folders."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "presenter"


def database_path(deck_path: Path) -> tuple[Path, str]:
    """The database for a deck, and why it is not beside the deck ("" when it is)."""
    beside = deck_path.with_name(deck_path.name + SUFFIX) if deck_path.suffix else deck_path.with_suffix(SUFFIX)
    if _writable(beside):
        return beside, ""
    digest = hashlib.sha1(str(deck_path.resolve()).encode()).hexdigest()[:10]
    other = user_data_dir() / f"{deck_path.stem}-{digest}{SUFFIX}"
    return other, f"the deck's folder {deck_path.parent} cannot be written, so the log is kept in {other}"


def _writable(db: Path) -> bool:
    if db.exists():
        return os.access(db, os.W_OK) and os.access(db.parent, os.W_OK)
    return db.parent.is_dir() and os.access(db.parent, os.W_OK)


@dataclass(frozen=True)
class Store:
    """An open database. Use ``open_store``; close with ``close``."""

    path: Path
    connection: sqlite3.Connection
    fallback_reason: str = ""

    def write(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """Run one statement in its own durable transaction; returns the last row id."""
        try:
            with self.connection:
                cursor = self.connection.execute(sql, params)
            return int(cursor.lastrowid or 0)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot write {self.path}: {exc}") from None

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a query."""
        return list(self.connection.execute(sql, params))

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def open_store(deck_path: Path, path: Path | None = None) -> Store:
    """Open (creating and migrating) the database for ``deck_path``.

    Raises:
        StorageError: neither place can hold the database, or it is damaged.
    """
    reason = ""
    if path is None:
        path, reason = database_path(deck_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path), timeout=5)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        migrate(connection)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot open the database {path}: {exc}") from None
    if reason:
        log.warning("%s", reason)
    return Store(path, connection, reason)


def migrate(connection: sqlite3.Connection, migrations: list[str] | None = None,
            on_step: Callable[[int], None] | None = None) -> int:
    """Bring the schema to the newest version; returns the version reached."""
    migrations = MIGRATIONS if migrations is None else migrations
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > len(migrations):
        raise sqlite3.DatabaseError(f"the database is from a newer presenter (schema {version})")
    for number in range(version, len(migrations)):
        with connection:
            connection.executescript(f"BEGIN; {migrations[number]} PRAGMA user_version = {number + 1}; COMMIT;")
        if on_step is not None:
            on_step(number + 1)
    return len(migrations)
