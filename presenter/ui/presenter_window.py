"""The presenter window: current and next slide, notes, timers, counter, title; large print.

It only shows state. Its interface to the app (``presenter.ui.app``) is ``show_talk`` /
``refresh_timers`` and a few layout methods one way, and signals the other way; the app owns the
talk and wires keys to actions.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from presenter.deck.model import Slide
from presenter.render.paint import RenderContext
from presenter.render.themes import Theme
from presenter.talk.talk import Blank, Talk
from presenter.ui import style
from presenter.ui.keys import Binding
from presenter.ui.layouts import LargePage, NormalPage
from presenter.ui.overlays import GotoField, HelpOverlay, OverviewOverlay
from presenter.ui.panels import AlertBar, Banner, NotesView
from presenter.ui.preferences import Preferences
from presenter.ui.slideview import SlideView
from presenter.ui.timers import TimerPanel

log = logging.getLogger(__name__)


class PresenterWindow(QMainWindow):
    """The speaker's window.

    Signals:
        overview_chosen(int): a slide index picked in the overview.
        goto_requested(str): a slide number typed in the go-to field (``7`` or ``3.2``).
        link_activated(str): a link in the notes was clicked (its href).

    Args:
        context: the deck's render context.
        theme: the theme.
        bindings: the key table (for the help overlay).
        settings: where notes size, layout and pane sizes are remembered.
    """

    overview_chosen = Signal(int)
    goto_requested = Signal(str)
    link_activated = Signal(str)

    def __init__(self, context: RenderContext, theme: Theme, bindings: list[Binding], settings: QSettings):
        super().__init__()
        self.prefs = Preferences(settings)
        self.bindings = bindings
        self.normal = NormalPage(context, theme)
        self.large = LargePage(context, theme)
        self.banner = Banner()
        self.alert = AlertBar()
        self.title = QLabel()
        self.counter = QLabel()
        self.status = QLabel()
        self.clock = QLabel()
        self.goto = GotoField()
        self.goto.submitted.connect(self.goto_requested)
        for notes in (self.notes, self.large_notes):
            notes.link_activated.connect(self.link_activated)
        self._notes = ""
        self._help: HelpOverlay | None = None  # the overlays are built when first opened
        self._overview: OverviewOverlay | None = None
        self._build()
        self.notes.set_point_size(self.prefs.integer("notes/point_size", 18, 8, 72))
        self.large_notes.set_point_size(self.prefs.integer("notes/large_point_size", 40, 8, 72))
        self.set_large_print(self.prefs.flag("layout/large_print", False))

    def _build(self) -> None:
        for label, role in ((self.title, "title"), (self.counter, "counter"), (self.status, "status"),
                            (self.clock, "title")):
            label.setProperty("role", role)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.goto)
        header.addWidget(self.status)
        header.addSpacing(16)
        header.addWidget(self.clock)
        header.addSpacing(16)
        header.addWidget(self.counter)
        state = self.prefs.state("layout/splitter")
        if state is not None:
            self.normal.splitter.restoreState(state)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.normal)
        self.pages.addWidget(self.large)
        root = QWidget()
        root.setObjectName("page")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.alert)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(root)

    # -- parts -----------------------------------------------------------------------------
    @property
    def current(self) -> SlideView:
        """The current slide's preview."""
        return self.normal.current

    @property
    def next_view(self) -> SlideView:
        """The next step's preview in the layout showing."""
        return self.large.next_view if self.large_print else self.normal.next_view

    @property
    def notes(self) -> NotesView:
        return self.normal.notes

    @property
    def large_notes(self) -> NotesView:
        return self.large.notes

    @property
    def timers(self) -> TimerPanel:
        return self.normal.timers

    @property
    def large_timers(self) -> TimerPanel:
        return self.large.timers

    @property
    def qa_holder(self) -> QWidget:
        return self.normal.qa_holder

    def views(self) -> list[SlideView]:
        """Every slide view of the window (for themes and prepared frames)."""
        return [self.normal.current, self.normal.next_view, self.large.next_view]

    # -- showing the talk ------------------------------------------------------------------
    def show_talk(self, talk: Talk, rehearsing: bool = False) -> None:
        """Bring every part of the window up to date with ``talk``."""
        slide = talk.slide()
        if self.title.text() != talk.deck.title:
            self.title.setText(talk.deck.title)
        self.counter.setText(talk.nav.counter(talk.presenter))
        self.current.set_frame((slide, talk.presenter.step) if slide else None, "The deck has no slides")
        peek = talk.nav.peek(talk.presenter)
        nxt = talk.nav.slide(peek) if peek else None
        frame = (nxt, peek.step) if nxt and peek else None
        for view in (self.normal.next_view, self.large.next_view):
            view.set_frame(frame, "End of the talk")
        label = self._next_label(nxt, peek.step if peek else 0, slide)
        self.normal.next_caption.setText(label)
        self.large.next_title.setText(label)
        notes = slide.notes_html if slide else ""
        (self.large_notes if self.large_print else self.notes).show_notes(notes)
        self._notes = notes
        self.status.setText("● REHEARSAL — F9 stops and shows the report" if rehearsing else "")
        self.alert.show_alert(*self._alert(talk))
        self.refresh_timers(talk, talk.wall())

    @staticmethod
    def _next_label(nxt: Slide | None, step: int, current: Slide | None) -> str:
        if nxt is None:
            return "Next: end of the talk"
        if current is not None and nxt.index == current.index:
            return f"Next: {nxt.label} step {step} of {nxt.fragment_count}"
        return f"Next: {nxt.label}  {nxt.title}" if nxt.title else f"Next: {nxt.label}"

    @staticmethod
    def _alert(talk: Talk) -> tuple[str, str]:
        """The bar over the window: what the audience sees when it is not the slide expected."""
        audience = talk.nav.slide(talk.audience)
        where = audience.label if audience else "?"
        if talk.blank != Blank.NONE:
            key = "B" if talk.blank == Blank.BLACK else "W"
            return f"The audience sees a {talk.blank.value.upper()} screen — press {key} to show the slide", "alert"
        if talk.frozen:
            return f"The audience screen is FROZEN on {where} — press F to release it", "alert"
        if audience is not None and audience.empty:
            return f"The audience sees an empty slide ({where}): only its background", "alert"
        if talk.browsing:
            current = talk.slide()
            return (f"You are browsing {current.label if current else '?'}; the audience still sees {where}. "
                    "Ctrl+Enter shows them, Esc comes back.", "info")
        return "", ""

    def refresh_timers(self, talk: Talk, wall: dt.datetime) -> None:
        """Update the clocks (called a few times a second)."""
        (self.large_timers if self.large_print else self.timers).refresh(talk)
        text = wall.strftime("%H:%M")
        if self.clock.text() != text:
            self.clock.setText(text)

    def set_aspect(self, aspect: float) -> None:
        """Previews in the projector's shape (width / height)."""
        for view in self.views():
            view.set_aspect(aspect, style.color("frame"))
        self.normal.fit()

    def set_theme(self, theme: Theme) -> None:
        """A new theme (or a reloaded deck): every preview is painted again."""
        for view in self.views():
            view.set_theme(theme)

    def show_message(self, text: str, level: str = "error") -> None:
        """A message in the banner (error, warning or info); never on the audience screen."""
        self.banner.show_message(text, level)

    def clear_message(self) -> None:
        """Hide the banner."""
        self.banner.clear_message()

    def add_qa_panel(self, panel: QWidget) -> None:
        """Put the questions panel in its column (hidden until opened)."""
        self.normal.qa_layout.addWidget(panel)

    def set_qa_visible(self, on: bool) -> None:
        """Show or hide the questions column (in the normal layout)."""
        if on == self.qa_holder.isVisible():
            return
        if on and self.large_print:
            self.set_large_print(False)  # the questions need the normal layout
        self.qa_holder.setVisible(on)
        self.normal.fit()

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

    def scroll_notes(self, pages: float) -> None:
        """Scroll the showing notes by ``pages`` screens (negative: back up)."""
        (self.large_notes if self.large_print else self.notes).scroll_pages(pages)

    # -- overlays --------------------------------------------------------------------------
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

    def open_overview(self, slides: list[Slide], theme: Theme, context: RenderContext, current: int) -> None:
        """The thumbnail grid of ``slides``, with ``current`` selected; it takes the keyboard."""
        self.close_overlays()
        self.overview.populate(slides, theme, context, current)
        self.overview.setGeometry(self.rect())
        self.overview.show()
        self.overview.raise_()
        self.activateWindow()
        self.overview.setFocus()

    def close_overlays(self) -> bool:
        """Hide the overlays; True when one was open."""
        built = [o for o in (self._help, self._overview) if o is not None]
        was_open = any(o.isVisible() for o in built)
        for overlay in built:
            overlay.hide()
        if was_open:
            self.setFocus()
        return was_open

    # -- for the state probe ---------------------------------------------------------------
    def overlay_state(self) -> dict[str, object]:
        """Which overlays are open, and the overview's selection."""
        overview = self._overview
        selected = overview.currentItem() if overview is not None and overview.isVisible() else None
        return {"help": self._help is not None and self._help.isVisible(),
                "overview": overview is not None and overview.isVisible(),
                "overview_selected": selected.text().split()[0] if selected is not None else "",
                "goto": self.goto.isVisible()}

    def notes_state(self) -> dict[str, int]:
        """The showing notes view's scroll position and text size."""
        view = self.large_notes if self.large_print else self.notes
        bar = view.verticalScrollBar()
        return {"scroll": bar.value(), "max": bar.maximum(), "point_size": view.point_size}

    def part_geometries(self) -> dict[str, list[int]]:
        """Where the notes, timers and slide previews are on the screen."""
        page = self.large if self.large_print else self.normal
        parts: dict[str, QWidget] = {"notes": page.notes, "timers": page.timers, "next": page.next_view,
                                     "current": self.normal.current}
        out = {}
        for name, widget in parts.items():
            if widget.isVisible():
                top_left = widget.mapToGlobal(widget.rect().topLeft())
                out[name] = [top_left.x(), top_left.y(), widget.width(), widget.height()]
        return out

    # -- Qt --------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        for overlay in (self._help, self._overview):
            if overlay is not None:
                overlay.setGeometry(self.rect())

    def save_layout(self) -> None:
        """Remember the pane sizes (when the talk ends)."""
        self.prefs.set("layout/splitter", self.normal.splitter.saveState())
        self.prefs.sync()
