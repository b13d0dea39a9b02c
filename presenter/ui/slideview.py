"""Widgets that show a slide: frames painted by ``paint_slide`` once per size, kept and reused.

Advancing must cost one pixmap blit, so frames are prepared ahead of time (the neighbours of
the current slide, in both directions) and kept in a bounded cache per view.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from presenter.deck.model import Slide
from presenter.render.lru import BoundedCache
from presenter.render.paint import RenderContext, paint_slide
from presenter.render.themes import Theme
from presenter.ui import trace

log = logging.getLogger(__name__)

Frame = tuple[Slide, int]  # a slide and its fragment step


class FrameCache:
    """Painted frames by (slide content, step, size, theme), least recently used dropped first.

    Args:
        context: the deck's render context.
        capacity: how many frames to keep.
    """

    def __init__(self, context: RenderContext, capacity: int = 16):
        self.context = context
        self.capacity = capacity
        self._frames: BoundedCache[tuple[object, ...], QPixmap] = BoundedCache(capacity)

    def key(self, slide: Slide, step: int, size: QSize, theme: Theme, ratio: float) -> tuple[object, ...]:
        """The cache key: everything a frame depends on."""
        return (slide.html, slide.index, step, size.width(), size.height(), theme.name, ratio)

    def get(self, slide: Slide, step: int, size: QSize, theme: Theme, ratio: float = 1.0) -> QPixmap:
        """The frame, painted now if it was not prepared."""
        key = self.key(slide, step, size, theme, ratio)
        frame = self._frames.get(key)
        return frame if frame is not None else self._frames.put(key, self._paint(slide, step, size, theme, ratio))

    def has(self, slide: Slide, step: int, size: QSize, theme: Theme, ratio: float = 1.0) -> bool:
        """Whether the frame is ready."""
        return self.key(slide, step, size, theme, ratio) in self._frames

    def _paint(self, slide: Slide, step: int, size: QSize, theme: Theme, ratio: float) -> QPixmap:
        pixmap = QPixmap(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(theme.background))
        painter = QPainter(pixmap)
        paint_slide(painter, QRectF(0, 0, size.width(), size.height()), slide, theme, step, self.context)
        painter.end()
        return pixmap

    def clear(self) -> None:
        """Drop every frame (deck reloaded, theme changed)."""
        self._frames.clear()


HELD_RETRY_MS = 40


class SlideView(QWidget):
    """Shows one slide at one step; prepares the frames it will likely show next.

    Args:
        context: the deck's render context.
        theme: the theme.
        capacity: frames kept.
    """

    held_until = 0.0  # time.monotonic() until which the projector draws a transition: no frames are
    # prepared meanwhile (a deadline rather than a flag, so that it ends even if the transition is lost)

    def __init__(self, context: RenderContext, theme: Theme, capacity: int = 16, parent: QWidget | None = None):
        super().__init__(parent)
        self.cache = FrameCache(context, capacity)
        self.theme = theme
        self.frame: Frame | None = None
        self.placeholder = ""
        self.aspect: float | None = None  # a preview in the projector's shape; None fills the widget
        self.outline = ""  # the colour of a preview's frame ("" for none)
        self._pending: list[Frame] = []
        self._wanted: list[Frame] = []  # the frames last asked for
        self._painted = False  # frames are prepared only after the first paint (start-up)
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare_one)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)

    def set_frame(self, frame: Frame | None, placeholder: str = "") -> None:
        """Show ``frame`` (None: the placeholder text, e.g. "End of the talk")."""
        if frame == self.frame and placeholder == self.placeholder:
            return
        self.frame = frame
        self.placeholder = placeholder
        self.update()

    def set_theme(self, theme: Theme) -> None:
        """Switch theme (frames are painted again)."""
        self.theme = theme
        self.cache.clear()
        self.update()

    def set_aspect(self, aspect: float | None, outline: str = "") -> None:
        """Show slides in this width/height shape, letterboxed and framed (a preview)."""
        if (aspect, outline) != (self.aspect, self.outline):
            self.aspect, self.outline = aspect, outline
            self.cache.clear()
            self.update()

    def slide_rect(self) -> QRect:
        """Where the slide is drawn inside the widget."""
        r = self.rect()
        if self.aspect is None:
            return r
        inner = r.adjusted(2, 2, -2, -2)
        w = min(inner.width(), round(inner.height() * self.aspect))
        h = min(inner.height(), round(w / self.aspect))
        return QRect(inner.x() + (inner.width() - w) // 2, inner.y() + (inner.height() - h) // 2, w, h)

    def prepare(self, frames: list[Frame]) -> None:
        """Paint these frames at idle time, one per event-loop turn, so input stays responsive."""
        self._pending = [f for f in frames if f is not None]
        self._wanted = list(self._pending)  # prepared again at a new size
        if self._pending and self._painted:
            self._prepare_timer.start(0)

    def _prepare_one(self) -> None:
        if time.monotonic() < SlideView.held_until:  # a frame painted now would stall the transition
            self._prepare_timer.start(HELD_RETRY_MS)
            return
        size, ratio = self.slide_rect().size(), self.devicePixelRatioF()
        while self._pending:
            slide, step = self._pending.pop(0)
            if not self.cache.has(slide, step, size, self.theme, ratio) and size.width() > 1:
                self.cache.get(slide, step, size, self.theme, ratio)
                break
        if self._pending:
            self._prepare_timer.start(0)

    def _first_paint_done(self) -> None:
        if not self._painted:
            self._painted = True
            if self._pending:
                self._prepare_timer.start(0)

    @property
    def painted(self) -> bool:
        """Whether a slide has been painted on screen at least once."""
        return self._painted

    def current_pixmap(self) -> QPixmap | None:
        """The frame shown now, or None."""
        size = self.slide_rect().size()
        if self.frame is None or size.width() < 2 or size.height() < 2:
            return None
        slide, step = self.frame
        return self.cache.get(slide, step, size, self.theme, self.devicePixelRatioF())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        pixmap = self.current_pixmap()
        target = self.slide_rect()
        if self.aspect is not None:
            painter.fillRect(self.rect(), self.palette().window())
        if pixmap is not None:
            painter.drawPixmap(target.topLeft(), pixmap)
            trace.mark(f"painted {self.objectName()}", once=False)
            self._first_paint_done()
        else:
            painter.fillRect(target, QColor(self.theme.background))
            painter.setPen(QColor("#9a9a9a"))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
        if self.outline:
            painter.setPen(QPen(QColor(self.outline), 2))
            painter.drawRect(target.adjusted(-1, -1, 0, 0))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.cache.clear()
        if self.frame is not None:
            self.prepare([self.frame, *(f for f in self._wanted if f != self.frame)])
