"""Live reload: watching the deck file, loading it off the GUI thread, and holding back saves that
look half written.

An editor can save by writing a new file and renaming it (a plain file watch loses that), by
truncating the file and writing it again, or slowly in chunks. So the folder is watched too, the
file must stay unchanged for a moment before it is read, it is read in a worker thread (the
projector keeps its frames and the clock keeps ticking), and a result that has lost most of the
deck's slides is not shown until the speaker asks for it (F5) or a later save completes it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from presenter.deck import Deck, DeckError, load_deck
from presenter.talk.dates import plural

log = logging.getLogger(__name__)

SETTLE_MS = 300  # the file must not change for this long before it is read
SHRINK = 0.5  # a deck that loses more than half its slides at once is held back


class DeckWatcher(QObject):
    """Emits ``changed`` once the deck file (or its folder entry) has changed and then stayed still.

    Signals:
        changed(): the file changed on disk (or was deleted or replaced) and is now still.
    """

    changed = Signal()

    def __init__(self, path: Path, delay_ms: int = SETTLE_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.watcher = QFileSystemWatcher(self)
        self._stamp = self._read_stamp()
        self._pending: tuple[float, int, int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._check)
        self.watcher.fileChanged.connect(lambda _p: self._poke())
        self.watcher.directoryChanged.connect(lambda _p: self._poke())
        self._watch()

    def _poke(self) -> None:
        self._pending = self._read_stamp()
        self._timer.start()

    def _watch(self) -> None:
        for p in (str(self.path), str(self.path.parent)):
            if Path(p).exists() and p not in self.watcher.files() + self.watcher.directories():
                self.watcher.addPath(p)

    def _read_stamp(self) -> tuple[float, int, int] | None:
        try:
            st = self.path.stat()
            return (st.st_mtime, st.st_size, st.st_ino)
        except OSError:
            return None

    def _check(self) -> None:
        self._watch()
        stamp = self._read_stamp()
        if stamp != self._pending:  # still being written: wait until it is still
            self._pending = stamp
            self._timer.start()
            return
        if stamp != self._stamp:
            self._stamp = stamp
            self.changed.emit()


@dataclass(frozen=True)
class Loaded:
    """The result of one load: a deck, or a sentence saying why there is none."""

    generation: int
    deck: Deck | None = None
    error: str = ""


def held_back(old: Deck, new: Deck) -> str:
    """Why ``new`` should not replace ``old`` without the speaker asking ("" when it may)."""
    if not old.slides:
        return ""
    if not new.slides or not any(s.text or s.background.image or s.background.color for s in new.slides):
        return "the deck file is now empty"
    if len(new.slides) < len(old.slides) * SHRINK:
        return f"the deck file now has {plural(len(new.slides), 'slide')} instead of {len(old.slides)}"
    return ""


class DeckReloader(QObject):
    """Loads the deck in a worker thread whenever it changes, and hands good results to ``apply``.

    Signals:
        loaded(object): a ``Loaded`` result, delivered on the GUI thread.
        finished(str): a result was handled: ``shown``, ``held`` or ``error``.

    Args:
        path: the deck file.
        overrides: command-line deck options.
        apply: called with a deck to show.
        report: called with (message, level) for the presenter window's banner ("" clears it).
        current: the deck shown now.
    """

    loaded = Signal(object)
    finished = Signal(str)

    def __init__(self, path: Path, overrides: Mapping[str, Any], apply: Callable[[Deck], None],
                 report: Callable[[str, str], None], current: Callable[[], Deck], parent: QObject | None = None):
        super().__init__(parent)
        self.path, self.overrides = path, dict(overrides)
        self.apply, self.report, self.current = apply, report, current
        self.generation = 0
        self.held: Deck | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="deck-reload")
        self.loaded.connect(self._done)
        self.watcher: DeckWatcher | None = DeckWatcher(path, parent=self) if path.is_file() else None
        if self.watcher is not None:
            self.watcher.changed.connect(lambda: self.request(force=False))
        self._force = False
        self._stopped = False

    def request(self, force: bool = True) -> None:
        """Load the deck now (``force``: show it even if it looks half written, as F5 does)."""
        if self._stopped:  # a save noticed while the app closes
            return
        if force and self.held is not None:
            deck, self.held = self.held, None
            self._show(deck)
            return
        self.generation += 1
        self._force = force
        generation = self.generation
        future = self._pool.submit(self._load, generation)
        future.add_done_callback(self._emit)

    def _load(self, generation: int) -> Loaded:
        try:
            return Loaded(generation, deck=load_deck(self.path, self.overrides))
        except DeckError as exc:
            return Loaded(generation, error=str(exc))
        except Exception as exc:  # a bug must not take the talk down: the last good deck stays
            log.exception("reloading %s failed", self.path)
            return Loaded(generation, error=f"{self.path}: cannot be read ({type(exc).__name__}: {exc})")

    def _emit(self, future: Future[Loaded]) -> None:
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.loaded.emit(future.result())

    def _done(self, result: object) -> None:
        assert isinstance(result, Loaded)
        if result.generation != self.generation:
            return  # a newer save is being read already
        if result.deck is None:
            self.report(f"The deck no longer loads: {result.error}. Still showing the last good version; "
                        "fix the file and save to reload.", "error")
            self.finished.emit("error")
            return
        why = "" if self._force else held_back(self.current(), result.deck)
        if why:
            self.held = result.deck
            self.report(f"Not shown yet: {why}. The audience keeps the last version; if the save is "
                        "finished, press F5 to show it as it is.", "warning")
            self.finished.emit("held")
            return
        self.held = None
        self._show(result.deck)

    def _show(self, deck: Deck) -> None:
        self.report("", "")
        self.apply(deck)
        self.finished.emit("shown")

    def stop(self) -> None:
        """Stop watching and drop any load under way."""
        self._stopped = True
        self.generation += 1
        if self.watcher is not None:
            self.watcher.deleteLater()
            self.watcher = None
        self._pool.shutdown(wait=False, cancel_futures=True)
