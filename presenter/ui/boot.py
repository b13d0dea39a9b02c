"""The two top-level windows, on their screens before anything that can wait.

``presenter DECK`` shows both windows (the projector's black, the presenter's dark grey) as soon as
Qt is up, then reads the deck and builds what goes inside them. The shells import nothing but Qt
and the screen placement, so they appear in about the time Qt itself takes to start.
"""

from __future__ import annotations

import argparse
import ctypes
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from presenter.ui import trace

log = logging.getLogger(__name__)

PRESENTER, AUDIENCE = "Presenter", "Audience"
M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameter
_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.M)


class Shell(QWidget):
    """A top-level window that is on screen before its content exists.

    Args:
        role: ``Presenter`` or ``Audience`` (the end of the window title).
        title: what comes before it (the deck's title).
        background: the colour shown until the content is there.
    """

    def __init__(self, role: str, title: str, background: str):
        super().__init__()
        self.role = role
        self.setObjectName(f"{role.lower()}-shell")
        self.set_title(title)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.on_close: Callable[[], bool] = lambda: True  # False keeps the window open

    def set_title(self, title: str) -> None:
        """``<title> — Presenter`` (or ``— Audience``)."""
        text = f"{title} — {self.role}"
        if self.windowTitle() != text:
            self.setWindowTitle(text)

    def set_content(self, widget: QWidget) -> None:
        """Put the real window's content inside (it fills the shell)."""
        layout = self.layout()
        assert layout is not None
        layout.addWidget(widget)
        if self.isVisible():  # on screen already: show and size it now, so that it can paint at once
            widget.show()
            layout.activate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        trace.mark(f"shown {self.role.lower()}")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.on_close():
            event.accept()
        else:
            event.ignore()


def make_shells(title: str) -> tuple[Shell, Shell]:
    """The presenter's and the audience's windows, empty."""
    presenter = Shell(PRESENTER, title, "#111316")
    audience = Shell(AUDIENCE, title, "#000000")
    audience.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # never takes the keyboard by itself
    audience.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click there still lets the keys drive the talk
    return presenter, audience


def quick_title(path: Path) -> str:
    """The deck's title as far as a glance at its front matter tells (the file name otherwise).

    The real title replaces it a moment later, once the deck is read.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return path.stem
    if head.startswith("\ufeff"):
        head = head[1:]
    if head.startswith("---"):
        front = head.split("\n---", 1)[0]
        m = _TITLE.search(front)
        if m:
            return m.group(1).strip("'\"") or path.stem
    return path.stem


def return_freed_frames() -> bool:
    """Have glibc hand big freed blocks (slide frames, 8 MB each at full HD) back to the system.

    By default glibc raises its mmap threshold each time such a block is freed; after that the
    frames come from the heap, and the process keeps their memory when they are dropped. A fixed
    threshold stops the creep (over ten slide changes, peak PSS 199 -> 170 MiB). Elsewhere than
    glibc this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, 256 * 1024))
    except (OSError, AttributeError):
        return False


def start_talk(args: argparse.Namespace) -> int:
    """``presenter DECK``: both windows on their screens first, then the deck and everything else."""
    from PySide6.QtWidgets import QApplication

    return_freed_frames()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationName("presenter")
    QApplication.setOrganizationName("presenter")
    path = Path(args.deck)
    shells = None
    if path.is_file():  # a missing deck gets its message without a flash of windows
        from presenter.ui import screens

        shells = make_shells(quick_title(path))
        screens.place(*shells, args.audience_screen, False)
        app.processEvents()  # the windows go to the X server now; the imports below can wait
    from presenter.ui.app import run  # the deck, the renderer, the panels

    trace.mark("imported")

    return run(args, shells)
