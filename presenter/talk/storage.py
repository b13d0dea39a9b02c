"""The deck's database: rehearsal runs and the questions log, in SQLite beside the deck (no Qt).

Every write is its own transaction, committed with ``synchronous=FULL`` in WAL mode, so a
saved question or a recorded slide survives a crash, a kill or a power cut. A deck folder that
cannot be written falls back to the user's data folder, and ``fallback_reason`` says so.

A database deleted (with its ``-wal``/``-shm``) or replaced by a folder while presenter has it
open is noticed on the next write (``Store.check``): the log is rebuilt from the open connection
(which still reads the deleted file), the write goes ahead, and every ``Store.subscribe``
listener gets a ``Recovery`` to show the speaker.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from presenter.deck.errors import PresenterError
from presenter.talk.migrations import MIGRATIONS, SCHEMA_VERSION, connect, migrate

log = logging.getLogger(__name__)

SUFFIX = ".presenter.db"
__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SUFFIX", "Recovery", "StorageError", "Store", "database_path",
           "find_database", "migrate", "open_existing", "open_store", "user_data_dir"]


class StorageError(PresenterError):
    """The database cannot be opened or written; the message says where and why."""


def user_data_dir() -> Path:
    """Where presenter keeps databases for decks in read-only folders."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "presenter"


def _beside(deck_path: Path) -> Path:
    return deck_path.with_name(deck_path.name + SUFFIX) if deck_path.suffix else deck_path.with_suffix(SUFFIX)


def _elsewhere(deck_path: Path) -> Path:
    digest = hashlib.sha1(str(deck_path.resolve()).encode()).hexdigest()[:10]
    return user_data_dir() / f"{deck_path.stem}-{digest}{SUFFIX}"


def database_path(deck_path: Path) -> tuple[Path, str]:
    """The database for a deck, and why it is not beside the deck ("" when it is)."""
    beside = _beside(deck_path)
    if beside.exists() and not beside.is_file():
        other = _elsewhere(deck_path)
        return other, f"{beside} is not a file, so the log is kept in {other}"
    if _writable(beside):
        return beside, ""
    other = _elsewhere(deck_path)
    return other, f"the deck's folder {deck_path.parent} cannot be written, so the log is kept in {other}"


def find_database(deck_path: Path) -> Path | None:
    """The deck's existing database (beside the deck, else in the user's data folder), or None."""
    for candidate in (_beside(deck_path), _elsewhere(deck_path)):
        if candidate.is_file():
            return candidate
    return None


def _writable(db: Path) -> bool:
    if db.exists():
        return os.access(db, os.W_OK) and os.access(db.parent, os.W_OK)
    return db.parent.is_dir() and os.access(db.parent, os.W_OK)


Identity = tuple[int, int]


def _identity(path: Path) -> Identity | None:
    """(device, inode) of a regular file, or None when it is missing or not a file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


@dataclass(frozen=True)
class Recovery:
    """The database went missing while it was open and has been rebuilt.

    Attributes:
        old_path: where it was.
        path: where the log is kept now.
        reason: what happened to it (``was deleted``, ``was replaced by a folder``…).
        restored: True when every row was copied back from the open connection; False when only
            what presenter held in memory (the questions) could be written back.
    """

    old_path: Path
    path: Path
    reason: str
    restored: bool

    @property
    def message(self) -> str:
        """A sentence for the speaker's banner."""
        where = "recreated" if self.path == self.old_path else f"recreated as {self.path}"
        kept = ("every question and rehearsal so far was written back" if self.restored
                else "the questions of this session were written back; earlier rehearsals are lost")
        return f"The questions database {self.old_path} {self.reason}: it was {where} and {kept}."


class Store:
    """An open database. Use ``open_store``; close with ``close``.

    Args:
        path: the database file.
        connection: its connection (``migrations.connect``).
        fallback_reason: why it is not beside the deck ("" when it is).
        deck_path: the deck, to name a recovered database after it.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, fallback_reason: str = "",
                 deck_path: Path | None = None):
        self.path = path
        self.connection = connection
        self.fallback_reason = fallback_reason
        self.deck_path = deck_path or path
        self.recoveries: list[Recovery] = []
        self._listeners: list[Callable[[Recovery], None]] = []
        self._identity = _identity(path)
        self._wal_identity = _identity(_wal(path))

    def subscribe(self, listener: Callable[[Recovery], None]) -> None:
        """Call ``listener`` after the database has been rebuilt (e.g. to show a banner)."""
        self._listeners.append(listener)

    def write(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """Run one statement in its own durable transaction; returns the last row id."""
        self.check()
        try:
            with self.connection:
                cursor = self.connection.execute(sql, params)
            self._wal_identity = _identity(_wal(self.path))
            return int(cursor.lastrowid or 0)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot write {self.path}: {exc}") from None

    def write_many(self, sql: str, rows: Iterable[tuple[object, ...]]) -> None:
        """Run one statement for every row, all in one durable transaction."""
        try:
            with self.connection:
                self.connection.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot write {self.path}: {exc}") from None

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a query."""
        return list(self.connection.execute(sql, params))

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    # -- a database that went missing ---------------------------------------------------------
    def check(self) -> Recovery | None:
        """Rebuild the database if it was deleted or replaced since the last write.

        Returns:
            The ``Recovery`` (also sent to the listeners), or None when all is well.

        Raises:
            StorageError: it went missing and cannot be rebuilt (the caller's data is not saved).
        """
        reason = self._lost()
        if not reason:
            return None
        log.warning("the database %s %s; rebuilding it", self.path, reason)
        recovery = self._rebuild(reason)
        self.recoveries.append(recovery)
        for listener in list(self._listeners):
            listener(recovery)
        return recovery

    def _lost(self) -> str:
        now = _identity(self.path)
        if now is None:
            return "was replaced by a folder" if self.path.is_dir() else "was deleted"
        if now != self._identity:
            return "was replaced by another file"
        if self._wal_identity is not None and _identity(_wal(self.path)) != self._wal_identity:
            return "lost its write-ahead log"
        return ""

    def _rebuild(self, reason: str) -> Recovery:
        old, old_path = self.connection, self.path
        if reason == "lost its write-ahead log":
            target, restored = old_path, _checkpoint(old)
        else:
            target = self._free_path()
            restored = _copy_into(old, target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            connection = connect(target)
            migrate(connection)
        except (OSError, sqlite3.Error) as exc:  # the old connection stays open for the next try
            raise StorageError(f"the database {old_path} {reason} and cannot be recreated at {target}: {exc}") from None
        old.close()
        self.connection, self.path = connection, target
        self._identity = _identity(target)
        self._wal_identity = _identity(_wal(target))
        return Recovery(old_path, target, reason, restored)

    def _free_path(self) -> Path:
        """Where to rebuild: the same place if it is free, else the user's data folder."""
        if not self.path.exists() and _writable(self.path):
            return self.path
        other = _elsewhere(self.deck_path)
        if other.exists() or other == self.path:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            other = other.with_name(f"{other.name.removesuffix(SUFFIX)}-recovered-{stamp}{SUFFIX}")
        return other


def _checkpoint(connection: sqlite3.Connection) -> bool:
    try:
        connection.execute("PRAGMA wal_checkpoint(FULL)")
        return True
    except sqlite3.Error as exc:
        log.warning("cannot checkpoint the write-ahead log: %s", exc)
        return False


def _copy_into(old: sqlite3.Connection, target: Path) -> bool:
    """Copy every row the old connection can still read into a new database at ``target``."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        new = connect(target)
        try:
            old.backup(new)
        finally:
            new.close()
        return True
    except (OSError, sqlite3.Error) as exc:
        log.warning("cannot copy the old database into %s: %s", target, exc)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        return False


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
        connection = connect(path)
        migrate(connection)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot open the database {path}: {exc}") from None
    if reason:
        log.warning("%s", reason)
    return Store(path, connection, reason, deck_path)


def open_existing(deck_path: Path, path: Path | None = None) -> Store | None:
    """Open the deck's database only if it exists (read-only commands create nothing).

    Raises:
        StorageError: it exists but cannot be read.
    """
    path = path or find_database(deck_path)
    if path is None:
        return None
    if not path.is_file():
        raise StorageError(f"cannot open the database {path}: it is not a file")
    try:
        connection = connect(path, writable=os.access(path.parent, os.W_OK))
        if connection.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            migrate(connection)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot open the database {path}: {exc}") from None
    return Store(path, connection, "", deck_path)
