"""The two layouts of the presenter window: normal, and large print (high contrast, big type).

Normal: the current slide with the timers under it on the left; the next step (at least 40 % of
the window's width) with the notes under it on the right; the questions panel as a third column
when open. Large print: the timers across the top at 68 px, the next slide and the notes in
40 pt white on black below. Both previews are framed and in the projector's shape.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from presenter.render.paint import RenderContext
from presenter.render.themes import Theme
from presenter.ui import style
from presenter.ui.panels import NotesView
from presenter.ui.slideview import SlideView
from presenter.ui.timers import TimerPanel

log = logging.getLogger(__name__)

NEXT_SHARE = 0.44  # of the window's width, for the next slide and the notes (the issue asks ≥ 40 %)


def caption(text: str = "") -> QLabel:
    """A small grey heading over a pane."""
    label = QLabel(text)
    label.setProperty("role", "caption")
    return label


def preview(context: RenderContext, theme: Theme, name: str, capacity: int = 4) -> SlideView:
    """A framed slide preview in the projector's shape, keeping ``capacity`` frames: the one shown
    and those prepared around it (``PresenterApp._prepare``: two steps ahead, one back, the next
    slide for the current slide; one fewer for a next-slide view)."""
    view = SlideView(context, theme, capacity=capacity)
    view.setObjectName(name)
    view.set_aspect(16 / 9, style.color("frame"))
    view.setMinimumSize(160, 90)
    return view


class NormalPage(QWidget):
    """Current slide and timers | next step and notes | (questions)."""

    def __init__(self, context: RenderContext, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.current = preview(context, theme, "presenter", capacity=5)
        self.next_view = preview(context, theme, "next")
        self.now_caption = caption("Now")
        self.next_caption = caption("Next")
        self.notes = NotesView()
        self.notes.setObjectName("notes")
        self.timers = TimerPanel()
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 6, 0)
        lcol.addWidget(self.now_caption)
        lcol.addWidget(self.current)
        lcol.addWidget(self.timers)
        lcol.addStretch(1)
        self.left = left
        top_right = QWidget()
        tcol = QVBoxLayout(top_right)
        tcol.setContentsMargins(0, 0, 0, 0)
        tcol.addWidget(self.next_caption)
        tcol.addWidget(self.next_view, 1)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(top_right)
        self.right.addWidget(self.notes)
        self.right.setStretchFactor(0, 0)
        self.right.setStretchFactor(1, 1)
        self.qa_holder = QWidget()
        self.qa_layout = QVBoxLayout(self.qa_holder)
        self.qa_layout.setContentsMargins(6, 0, 0, 0)
        self.qa_holder.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for widget in (left, self.right, self.qa_holder):
            self.splitter.addWidget(widget)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self.fit_current())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.splitter, 1)
        self._sized = False

    def fit(self) -> None:
        """Default pane sizes for the window's width: next ≥ 40 %, its preview in the projector's shape."""
        width = max(1, self.width())
        qa = self.qa_holder.isVisible()
        shares = (0.28, 0.32, 0.40) if qa else (1 - NEXT_SHARE, NEXT_SHARE, 0.0)
        self.splitter.setSizes([round(width * s) for s in shares])
        right_w = round(width * shares[1])
        aspect = self.next_view.aspect or 16 / 9
        preview_h = round(right_w / aspect) + self.next_caption.sizeHint().height() + 8
        self.right.setSizes([preview_h, max(120, self.height() - preview_h)])
        self._sized = True
        self.fit_current()

    def fit_current(self) -> None:
        """The current slide as large as its column allows, in the projector's shape, timers under it."""
        self.timers.fit_height(self.window().height())
        width = self.left.width() - 6
        room = self.height() - self.now_caption.sizeHint().height() - self.timers.sizeHint().height() - 12
        aspect = self.current.aspect or 16 / 9
        self.current.setFixedHeight(max(90, min(room, round(width / aspect) + 4)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if not self._sized or event.oldSize().width() != event.size().width():
            self.fit()


class LargePage(QWidget):
    """Large print: big timers, the next slide, and the notes in large white type on black."""

    def __init__(self, context: RenderContext, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.timers = TimerPanel(large=True)
        self.next_view = preview(context, theme, "next-large")
        self.next_title = QLabel()
        self.next_title.setFont(style.font("ui", 28, bold=True))
        self.next_title.setStyleSheet(f"color:{style.color('large_link')}")
        self.next_title.setWordWrap(True)
        self.notes = NotesView()
        self.notes.setObjectName("notes-large")
        self.notes.set_high_contrast(True)
        side = QWidget()
        scol = QVBoxLayout(side)
        scol.setContentsMargins(0, 0, 0, 0)
        scol.addWidget(self.next_title)
        scol.addWidget(self.next_view)
        scol.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(side, 3)
        body.addWidget(self.notes, 7)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.timers)
        col.addLayout(body, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        width = round(self.width() * 0.3)
        self.next_view.setFixedHeight(round(width / (self.next_view.aspect or 16 / 9)) + 4)
