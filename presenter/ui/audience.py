"""The audience window: the slide and nothing else, full screen on the projector.

It never shows notes, dialogs or errors. Black and white screens, reveal.js transitions between
frames, a mouse cursor hidden after 3 s still, and an optional small timer for the chair.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEasingCurve, QEvent, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from presenter.deck.model import Deck
from presenter.deck.transitions import transition_for
from presenter.render.paint import RenderContext
from presenter.render.themes import Theme
from presenter.talk.talk import Blank
from presenter.ui import style, trace
from presenter.ui.slideview import Frame, SlideView
from presenter.ui.transitions import Transition

log = logging.getLogger(__name__)

CURSOR_HIDE_MS = 3000
FIRST_FRAME_S = 1 / 60  # how far into the move the frame painted at the press is

class AudienceWindow(SlideView):
    """The projector's window.

    Signals:
        activated(): the window took the keyboard (a click on it, or the X server giving it the
            focus when it was mapped); the app hands the keyboard back to the presenter window.

    Args:
        context: the deck's render context.
        theme: the theme.
    """

    activated = Signal()

    def __init__(self, context: RenderContext, theme: Theme, parent: QWidget | None = None):
        super().__init__(context, theme, capacity=2, parent=parent)
        self.setObjectName("audience")
        self.blank = Blank.NONE
        self.chair_text = ""
        self.caption = ""
        self.transition: Transition | None = None  # the one under way
        self.transitions = "deck"  # presenter --transitions: deck, fade or none
        self._progress = 1.0
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve(QEasingCurve.Type.OutCubic))
        self._anim.valueChanged.connect(self._step)
        self._anim.finished.connect(self._done)
        self.setMouseTracking(True)
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_HIDE_MS)
        self._cursor_timer.timeout.connect(lambda: self.setCursor(Qt.CursorShape.BlankCursor))
        self._cursor_timer.start()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click there still lets the keys drive the talk

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.activated.emit()

    def show_frame(self, frame: Frame | None, deck: Deck, animate: bool = True) -> None:
        """Move to ``frame``, with the slide's transition when the slide (not just the step) changes."""
        old = self.frame
        if frame == old:
            return
        slide_changed = old is None or frame is None or old[0].index != frame[0].index
        if animate and slide_changed and old is not None and frame is not None and self.isVisible():
            name, ms = transition_for(deck, frame[0], mode=self.transitions)
            before = self.current_pixmap()
            if ms and self.blank == Blank.NONE and before is not None:
                self.frame = frame  # no repaint yet: at progress 0 the picture is the old slide
                after = self.current_pixmap()
                if after is not None:
                    self.transition = Transition(name, before, after, frame[0].index > old[0].index,
                                                 frame[0].h == old[0].h, QColor(self.theme.background))
                    self._progress = 0.0
                    self._anim.stop()
                    self._anim.setDuration(ms)
                    SlideView.held_until = time.monotonic() + ms / 1000 + 0.05  # preparation waits
                    self._anim.start()
                    # the move shows at the press: its first frame is the one a display frame on
                    # (the animation's own first tick comes one timer interval later)
                    lead = self._anim.easingCurve().valueForProgress(min(1.0, FIRST_FRAME_S * 1000 / ms))
                    self._progress = lead
                    self.transition.due(lead)  # the next frame keeps the interval from this one
                else:
                    self.update()
        self.set_frame(frame)

    def set_blank(self, blank: Blank) -> None:
        """Black, white, or the slide."""
        if blank != self.blank:
            self.blank = blank
            self.update()

    def set_chair_text(self, text: str) -> None:
        """The chair's small timer ("" hides it)."""
        if text != self.chair_text:
            self.chair_text = text
            self.update()

    def set_caption(self, text: str) -> None:
        """A question shown over the slide during the Q&A ("" hides it)."""
        if text != self.caption:
            self.caption = text
            self.update()

    def _step(self, value: object) -> None:
        self._progress = max(self._progress, float(value))  # type: ignore[arg-type]
        if self.transition is not None and self.transition.due(self._progress):
            self.update()

    def _done(self) -> None:
        SlideView.held_until = 0.0
        self.transition = None  # its two frames go with it
        self._progress = 1.0
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        if self.blank != Blank.NONE:
            painter.fillRect(self.rect(), QColor("#000000" if self.blank == Blank.BLACK else "#ffffff"))
            painter.end()
            return
        new = self.current_pixmap()
        move = self.transition if self._progress < 1.0 else None
        if new is None or (move is not None and not move.covers(self.width(), self.height())):
            painter.fillRect(self.rect(), QColor(self.theme.background))  # a still frame or a halved move covers it
        if new is not None:
            if move is not None:
                move.paint(painter, self._progress, self.width(), self.height())
            else:
                painter.drawPixmap(0, 0, new)
            trace.mark("painted audience", once=False)
            self._first_paint_done()
        if self.caption:
            self._paint_caption(painter)
        if self.chair_text:
            self._paint_chair(painter)
        painter.end()

    def _paint_chair(self, p: QPainter) -> None:
        """The chair's timer: large, labelled, in the bottom-right corner; red once over time."""
        px = max(18, self.height() // 16)
        font = style.font("ui", px, bold=True)
        p.setFont(font)
        width = p.fontMetrics().horizontalAdvance(self.chair_text) + px
        margin = px // 2
        box = QRectF(self.width() - width - margin, self.height() - px * 1.6 - margin, width, px * 1.6)
        over = self.chair_text.startswith("Over")
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(160, 20, 20, 220) if over else QColor(0, 0, 0, 190))
        p.drawRoundedRect(box, px * 0.25, px * 0.25)
        p.setPen(QColor("#ffffff"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.chair_text)

    def _paint_caption(self, p: QPainter) -> None:
        font = style.font("ui", max(16, self.height() // 24))
        p.setFont(font)
        margin = self.width() * 0.05
        box = QRectF(margin, self.height() * 0.70, self.width() - 2 * margin, self.height() * 0.25)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        needed = p.boundingRect(box.adjusted(20, 10, -20, -10), flags, self.caption)
        box.setTop(box.bottom() - needed.height() - 24)
        p.fillRect(box, QColor(0, 0, 0, 190))
        p.setPen(QColor("#ffffff"))
        p.drawText(box.adjusted(20, 10, -20, -10), flags, self.caption)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self.unsetCursor()
        self._cursor_timer.start()
        super().mouseMoveEvent(event)
