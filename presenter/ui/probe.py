"""What the app shows, written to a JSON file for end-to-end tests and scripts.

Off unless ``PRESENTER_STATE_FILE`` names a file. The probe only reads the app's state (it never
drives it): the tests send real key presses through the X server and compare what this file and
the windows' pixels say.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

if TYPE_CHECKING:
    from presenter.ui.app import PresenterApp

log = logging.getLogger(__name__)

ENV = "PRESENTER_STATE_FILE"
INTERVAL_MS = 50


def _geometry(widget: QWidget) -> list[int]:
    widget = widget.window()
    g = widget.frameGeometry()
    screen = widget.screen()
    return [g.x(), g.y(), g.width(), g.height(), QApplication.screens().index(screen) if screen else -1]


class StateProbe(QObject):
    """Writes the app's visible state to ``path`` whenever it changes.

    Args:
        app: the running presentation.
        path: the JSON file to (re)write.
    """

    def __init__(self, app: PresenterApp, path: Path):
        super().__init__(app)
        self.app = app
        self.path = path
        self.serial = 0
        self._last: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.write)
        self._timer.start()

    def snapshot(self) -> dict[str, Any]:
        """The state as plain data."""
        a = self.app
        t, w = a.talk, a.presenter
        active = QApplication.activeWindow()
        focus = (active or w).focusWidget()
        slide, current = t.slide(t.audience), t.slide(t.presenter)
        return {
            "ready": a.audience.painted and w.current.painted,
            "audience": {"label": slide.label if slide else "", "step": t.audience.step,
                         "shown": a.audience.frame[0].label if a.audience.frame else "",
                         "moving": a.audience.transition is not None},
            "presenter": {"label": current.label if current else "", "step": t.presenter.step},
            "blank": t.blank.value, "frozen": t.frozen, "browsing": t.browsing,
            "clock": {"started": t.clock.state.started, "held": t.clock.state.held,
                      "elapsed": int(t.clock.elapsed()), "banked": round(t.clock.state.banked),
                      "slot": round(slot) if (slot := t.slot()) is not None else None,
                      "verdict": v.verdict.value if (v := t.verdict()) is not None else ""},
            "focus": {"class": type(focus).__name__ if focus else "", "name": focus.objectName() if focus else "",
                      "window": active.windowTitle() if active else ""},
            "dialogs": [d.windowTitle() for d in QApplication.topLevelWidgets()
                        if isinstance(d, QDialog) and d.isVisible()],
            "title": t.deck.title,
            "slides": len(t.deck.slides),
            "rehearsing": a.records.recorder is not None,
            "overlays": w.overlay_state(),
            "qa_visible": w.qa_holder.isVisible(),
            "qa": a.records.panel_state(),
            "large_print": w.large_print,
            "notes": w.notes_state(),
            "windows": {"presenter": _geometry(w), "audience": _geometry(a.audience),
                        "audience_fullscreen": a.audience_shell.isFullScreen()},
            "screens": len(QApplication.screens()),
            "parts": w.part_geometries(),
            "chair_timer": a.audience.chair_text,
            "caption": a.audience.caption,
            "banner": w.banner.text() if w.banner.isVisible() else "",
            "companion": a.companion.state() if a.companion is not None else {},
        }

    def write(self) -> None:
        """Write the state if it changed (atomically: readers never see half a file)."""
        try:
            state = self.snapshot()
        except RuntimeError:  # widgets already deleted at exit
            return
        except Exception:  # a probe must never take the talk down: report once, then stop
            log.exception("the state probe failed; no more state is written")
            self._timer.stop()
            return
        if state == self._last:
            return
        self._last = state
        self.serial += 1
        tmp = self.path.with_suffix(".tmp")
        try:
            tmp.write_text(json.dumps({**state, "serial": self.serial}), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("cannot write the state file %s: %s", self.path, exc)
            self._timer.stop()


def install(app: PresenterApp) -> StateProbe | None:
    """Start the probe when ``PRESENTER_STATE_FILE`` is set."""
    path = os.environ.get(ENV)
    return StateProbe(app, Path(path)) if path else None
