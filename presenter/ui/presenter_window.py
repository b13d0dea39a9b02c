"""The presenter window: current and next slide, notes, timers, counter, title; large print.

It only shows state; the app (``presenter.ui.app``) owns the talk and wires keys to actions.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from presenter.render.paint import RenderContext
from presenter.render.themes import Theme
from presenter.talk.talk import Blank, Talk
from presenter.ui import style, trace
from presenter.ui.keys import Binding
from presenter.ui.overlays import GotoField, HelpOverlay, OverviewOverlay
from presenter.ui.panels import Banner, NotesView, TimerPanel
from presenter.ui.preferences import Preferences
from presenter.ui.slideview import SlideView

log = logging.getLogger(__name__)


class PresenterWindow(QMainWindow):
    """The speaker's window.

    Signals:
        overview_chosen(int): a slide index picked in the overview.

    Args:
        context: the deck's render context.
        theme: the theme.
        bindings: the key table (for the help overlay).
        settings: where notes size, layout and pane sizes are remembered.
    """

    overview_chosen = Signal(int)

    def __init__(self, context: RenderContext, theme: Theme, bindings: list[Binding], settings: QSettings):
        super().__init__()
        self.settings = settings
        self.prefs = Preferences(settings)
        self.rehearsing = False
        self._notes = ""
        self.current = SlideView(context, theme, capacity=6)
        self.current.setObjectName("presenter")
        self.next_view = SlideView(context, theme, capacity=6)
        self.next_view.setObjectName("next")
        self.notes = NotesView()
        self.timers = TimerPanel()
        self.large_timers = TimerPanel(large=True)
        self.large_notes = NotesView()
        self.banner = Banner()
        self.title = QLabel()
        self.counter = QLabel()
        self.status = QLabel()
        self.next_title = QLabel()
        self.goto = GotoField(lambda text: False)
        self._build()
        self.bindings = bindings
        self._help: HelpOverlay | None = None  # the overlays are built when first opened
        self._overview: OverviewOverlay | None = None
        self.notes.set_point_size(self.prefs.integer("notes/point_size", 18, 8, 72))
        self.large_notes.set_high_contrast(True)
        self.large_notes.set_point_size(self.prefs.integer("notes/large_point_size", 40, 8, 72))
        self.set_large_print(self.prefs.flag("layout/large_print", False))

    def _build(self) -> None:
        for label, role in ((self.title, "title"), (self.counter, "counter"), (self.status, "status")):
            label.setProperty("role", role)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.goto)
        header.addWidget(self.status)
        header.addSpacing(16)
        header.addWidget(self.counter)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self._captioned("Next", self.next_view))
        right.addWidget(self.notes)
        right.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._captioned("Now", self.current))
        self.splitter.addWidget(right)
        self.qa_holder = QWidget()
        self.qa_layout = QVBoxLayout(self.qa_holder)
        self.qa_layout.setContentsMargins(0, 0, 0, 0)
        self.qa_holder.hide()
        self.splitter.addWidget(self.qa_holder)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.right_splitter = right
        self.splitter.setSizes([600, 400])
        right.setSizes([260, 440])
        self.next_view.setMinimumHeight(150)
        for splitter, key in ((self.splitter, "layout/splitter"), (right, "layout/right_splitter")):
            state = self.prefs.state(key)
            if state is not None:
                splitter.restoreState(state)
        self.qa_holder.hide()
        normal = QWidget()
        normal.setObjectName("page")
        col = QVBoxLayout(normal)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.splitter, 1)
        col.addWidget(self.timers)
        large = QWidget()
        large.setObjectName("page")
        lcol = QVBoxLayout(large)
        lcol.addWidget(self.large_timers)
        self.next_title.setFont(style.font("ui", 28))
        self.next_title.setStyleSheet(f"color:{style.color('large_link')}")
        lcol.addWidget(self.next_title)
        lcol.addWidget(self.large_notes, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(normal)
        self.pages.addWidget(large)
        root = QWidget()
        root.setObjectName("page")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(root)

    @staticmethod
    def _captioned(caption: str, view: QWidget) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        label = QLabel(caption)
        label.setProperty("role", "caption")
        col.addWidget(label)
        col.addWidget(view, 1)
        return box

    # -- showing the talk ------------------------------------------------------------------
    def show_talk(self, talk: Talk) -> None:
        """Bring every part of the window up to date with ``talk``."""
        slide = talk.slide()
        if self.title.text() != talk.deck.title:
            self.title.setText(talk.deck.title)
            self.setWindowTitle(f"{talk.deck.title} — Presenter")
        self.counter.setText(talk.nav.counter(talk.presenter))
        self.current.set_frame((slide, talk.presenter.step) if slide else None, "The deck has no slides")
        peek = talk.nav.peek(talk.presenter)
        nxt = talk.nav.slide(peek) if peek else None
        self.next_view.set_frame((nxt, peek.step) if nxt and peek else None, "End of the talk")
        self.next_title.setText(f"Next: {nxt.title or nxt.label}" if nxt and peek else "Next: end of the talk")
        notes = slide.notes_html if slide else ""
        (self.large_notes if self.large_print else self.notes).show_notes(notes)
        self._notes = notes
        self.status.setText(self._status(talk))
        self.refresh_timers(talk, talk.wall())

    def _status(self, talk: Talk) -> str:
        parts = ["● REHEARSAL (F9 stops)"] if self.rehearsing else []
        if talk.blank != Blank.NONE:
            parts.append(f"{talk.blank.value.upper()} SCREEN")
        if talk.frozen:
            parts.append("FROZEN")
        if talk.browsing:
            audience = talk.nav.slide(talk.audience)
            parts.append(f"browsing · audience on {audience.label if audience else '?'} (Ctrl+Enter: show them)")
        return "   ".join(parts)

    def refresh_timers(self, talk: Talk, wall: dt.datetime) -> None:
        """Update the clocks (called a few times a second)."""
        (self.large_timers if self.large_print else self.timers).refresh(talk, wall)

    def add_qa_panel(self, panel: QWidget) -> None:
        """Put the questions panel in its column (hidden until opened)."""
        self.qa_layout.addWidget(panel)

    def set_qa_visible(self, on: bool) -> None:
        """Show or hide the questions column."""
        self.qa_holder.setVisible(on)
        if on and self.splitter.sizes()[2] < 200:
            w = sum(self.splitter.sizes())
            self.splitter.setSizes([int(w * 0.4), int(w * 0.25), int(w * 0.35)])

    # -- layout options --------------------------------------------------------------------
    @property
    def large_print(self) -> bool:
        """Whether the large-print layout is showing."""
        return self.pages.currentIndex() == 1

    def set_large_print(self, on: bool) -> None:
        """Switch between the normal and the large-print, high-contrast layout (remembered)."""
        self.pages.setCurrentIndex(1 if on else 0)
        (self.large_notes if on else self.notes).show_notes(self._notes)
        self.prefs.set("layout/large_print", on)

    def change_notes_size(self, delta: int) -> None:
        """Notes text larger or smaller (remembered), in whichever layout is showing."""
        large = self.large_print
        view, key = (self.large_notes, "notes/large_point_size") if large else (self.notes, "notes/point_size")
        view.set_point_size(view.point_size + delta)
        self.prefs.set(key, view.point_size)

    @property
    def help(self) -> HelpOverlay:
        """The key help overlay."""
        if self._help is None:
            self._help = HelpOverlay(self.bindings, self)
        return self._help

    @property
    def overview(self) -> OverviewOverlay:
        """The thumbnail overview overlay."""
        if self._overview is None:
            self._overview = OverviewOverlay(self)
            self._overview.chosen.connect(self.overview_chosen)
        return self._overview

    def toggle_help(self) -> None:
        """Show or hide the key help."""
        if self._overview is not None:
            self._overview.hide()
        self.help.setGeometry(self.rect())
        self.help.setVisible(not self.help.isVisible())
        self.help.raise_()

    def overlay_state(self) -> dict[str, object]:
        """Which overlays are open, and the overview's selection (for the state probe)."""
        overview = self._overview
        selected = overview.currentItem() if overview is not None and overview.isVisible() else None
        return {"help": self._help is not None and self._help.isVisible(),
                "overview": overview is not None and overview.isVisible(),
                "overview_selected": selected.text().split()[0] if selected is not None else "",
                "goto": self.goto.isVisible()}

    def notes_state(self) -> dict[str, int]:
        """The showing notes view's scroll position and text size (for the state probe)."""
        view = self.large_notes if self.large_print else self.notes
        bar = view.verticalScrollBar()
        return {"scroll": bar.value(), "max": bar.maximum(), "point_size": view.point_size}

    def part_geometries(self) -> dict[str, list[int]]:
        """Where the notes, timers and slide previews are on the screen (for the state probe)."""
        large = self.large_print
        parts = {"notes": self.large_notes if large else self.notes,
                 "timers": self.large_timers if large else self.timers,
                 "current": self.current, "next": self.next_view}
        out = {}
        for name, widget in parts.items():
            if widget.isVisible():
                top_left = widget.mapToGlobal(widget.rect().topLeft())
                out[name] = [top_left.x(), top_left.y(), widget.width(), widget.height()]
        return out

    def scroll_notes(self, pages: float) -> None:
        """Scroll the showing notes by ``pages`` screens (negative: back up)."""
        view = self.large_notes if self.large_print else self.notes
        view.scroll_pages(pages)

    def close_overlays(self) -> bool:
        """Hide the overlays; True when one was open."""
        built = [o for o in (self._help, self._overview) if o is not None]
        was_open = any(o.isVisible() for o in built)
        for overlay in built:
            overlay.hide()
        return was_open

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        trace.mark("shown presenter")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        for overlay in (self._help, self._overview):
            if overlay is not None:
                overlay.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.prefs.set("layout/splitter", self.splitter.saveState())
        self.prefs.set("layout/right_splitter", self.right_splitter.saveState())
        self.prefs.sync()
        super().closeEvent(event)
