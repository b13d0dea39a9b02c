"""The two top-level windows, on their screens before anything that can wait.

``presenter DECK`` shows both windows (the projector's black, the presenter's dark grey) as soon as
Qt is up, then reads the deck and builds what goes inside them. The shells import nothing but Qt
and the screen placement, so they appear in about the time Qt itself takes to start. The
projector's window is shown first (it is the one that must stop showing the desktop), and when
the same deck was opened before at the same size, it shows the first frame kept from then
(``first_frame.py``) until the real one is painted over it.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QColor, QFontDatabase, QImage, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from presenter.ui import trace

if TYPE_CHECKING:
    from presenter.ui.first_frame import FirstFrame

log = logging.getLogger(__name__)

PRESENTER, AUDIENCE = "Presenter", "Audience"
M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameter
PICTURE_WAIT_S = 0.25  # at most this long for the window manager to map the projector's window
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
        self.picture: QImage | None = None  # shown until the content covers it, if it fits exactly
        self.picture_painted = False

    def show_picture(self, picture: QImage | None) -> None:
        """Show ``picture`` (in device pixels, the window's size) instead of the plain colour; None drops it."""
        self.picture = picture
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        picture = self.picture
        if picture is None:
            return  # the background colour (autoFillBackground) is all there is
        ratio = self.devicePixelRatioF()
        if (picture.width(), picture.height()) != (round(self.width() * ratio), round(self.height() * ratio)):
            return  # never a picture of another size, stretched or cut
        painter = QPainter(self)
        painter.drawImage(0, 0, picture)
        painter.end()
        self.picture_painted = True
        trace.mark(f"painted {self.role.lower()} kept frame")

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
    import ctypes  # not before the windows are shown

    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, 256 * 1024))
    except (OSError, AttributeError):
        return False


def start_talk(args: argparse.Namespace) -> int:
    """``presenter DECK``: both windows on their screens first, then the deck and everything else."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationName("presenter")
    QApplication.setOrganizationName("presenter")
    path = Path(args.deck)
    shells = None
    first: FirstFrame | None = None
    if path.is_file():  # a missing deck gets its message without a flash of windows
        from presenter.ui import screens

        shells = make_shells(quick_title(path))
        screens.place(*shells, args.audience_screen, False)
        first = kept_first_frame(path, str(args.start_slide), shells[1], QSettings())
        app.processEvents()  # the windows go to the X server now; the imports below can wait
        if first is not None and first.shown is not None:
            wait_for_picture(shells[1])
    return_freed_frames()  # before any frame is painted (none has been freed yet)
    from presenter.ui.app import run  # the deck, the renderer, the panels

    trace.mark("imported")

    return run(args, shells, first)


def kept_first_frame(deck: Path, start: str, audience: Shell, settings: QSettings,
                     folder: Path | None = None) -> FirstFrame | None:
    """The audience window's first frame of this start (``first_frame.py``), its kept picture shown
    in ``audience`` when there is one; None when the speaker turned this off in ``settings``."""
    from presenter.ui.first_frame import PREFERENCE, FirstFrame

    if str(settings.value(PREFERENCE, "true")).lower() == "false":
        return None
    ratio = audience.devicePixelRatioF()
    first = FirstFrame(deck, start, round(audience.width() * ratio), round(audience.height() * ratio), ratio,
                       QFontDatabase.families(), folder)  # the system's fonts (presenter's are not registered yet)
    try:
        picture = first.lookup()
    except Exception:  # a kept picture is a nicety: nothing about it may stop the talk
        log.warning("the kept first frame could not be read", exc_info=True)
        first.shown = picture = None
    if picture is not None:
        audience.show_picture(picture)
        trace.mark("kept frame found")
    return first


def wait_for_picture(audience: Shell, timeout: float = PICTURE_WAIT_S) -> None:
    """Let Qt run until the kept picture is on the projector (mapped by the window manager and painted)."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while app is not None and not audience.picture_painted and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 10)
