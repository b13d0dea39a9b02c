"""Watching the deck file: a change on disk reloads it (after the editor has finished writing)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger(__name__)


class DeckWatcher(QObject):
    """Emits ``changed`` once, shortly after the deck file (or its folder entry) changes.

    Editors often save by writing a new file and renaming it, which a plain file watch loses;
    the folder is watched too and the file is watched again after each change.

    Signals:
        changed(): the file changed on disk (or was deleted or replaced).
    """

    changed = Signal()

    def __init__(self, path: Path, delay_ms: int = 250, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.watcher = QFileSystemWatcher(self)
        self._stamp = self._read_stamp()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)
        self.watcher.fileChanged.connect(lambda _p: self._timer.start())
        self.watcher.directoryChanged.connect(lambda _p: self._timer.start())
        self._watch()

    def _watch(self) -> None:
        for p in (str(self.path), str(self.path.parent)):
            if Path(p).exists() and p not in self.watcher.files() + self.watcher.directories():
                self.watcher.addPath(p)

    def _read_stamp(self) -> tuple[float, int] | None:
        try:
            st = self.path.stat()
            return (st.st_mtime, st.st_size)
        except OSError:
            return None

    def _fire(self) -> None:
        self._watch()
        stamp = self._read_stamp()
        if stamp != self._stamp:
            self._stamp = stamp
            self.changed.emit()
