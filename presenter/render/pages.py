"""What every handout page has: the header and footer, slides in the print style, captions that fit."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

from presenter.deck.model import Deck, Slide
from presenter.render.paint import RenderContext, paint_slide
from presenter.render.print_style import PrintStyle, is_empty, paint_empty, print_theme
from presenter.render.textflow import mm, pt
from presenter.render.themes import get_theme
from presenter.talk.dates import human_date

log = logging.getLogger(__name__)

FONT = "DejaVu Sans"


@dataclass(frozen=True)
class Page:
    """One page of a handout: how to draw its body, and the bookmarks that point into it.

    Attributes:
        draw: paints the body (the header and footer are drawn for it).
        marks: (title, y in device pixels) for the PDF's outline.
    """

    draw: Callable[[QPainter], None]
    marks: tuple[tuple[str, float], ...] = ()


class PageWriter:
    """Draws the parts of pages for one deck, page size and print style.

    Args:
        deck: the deck.
        device: the PDF writer (its size and resolution).
        style: the print style.
        date: the date in the footer.
    """

    def __init__(self, deck: Deck, device: QPaintDevice, style: PrintStyle, date: dt.date):
        self.deck = deck
        self.device = device
        self.style = style
        self.context = RenderContext(deck)
        self.theme = print_theme(get_theme(deck.theme), style)
        self.width, self.height = device.width(), device.height()
        self.landscape = self.width > self.height
        self.margin = mm(15)
        self.body = QRectF(self.margin, self.margin + mm(9), self.width - 2 * self.margin,
                           self.height - 2 * self.margin - mm(18))
        self.date = human_date(date)
        w, h = deck.size
        self.aspect = max(0.2, min(5.0, w / h)) if w > 0 and h > 0 else 960 / 700

    def font(self, size: float, bold: bool = False) -> QFont:
        """The handout's font at ``size`` points."""
        font = QFont(FONT)
        font.setPixelSize(pt(size))
        font.setBold(bold)
        return font

    def frame(self, painter: QPainter, page: int, total: int) -> None:
        """The header (deck title, a rule) and footer (date, page N of M)."""
        painter.setFont(self.font(9))
        painter.setPen(QColor("#444444"))
        inner = self.width - 2 * self.margin
        top = QRectF(self.margin, self.margin, inner, mm(6))
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(top, left, self.elide(self.deck.title, self.font(9), inner))
        bottom = QRectF(self.margin, self.height - self.margin - mm(6), inner, mm(6))
        painter.drawText(bottom, left, self.date)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"page {page} of {total}")
        painter.setPen(QPen(QColor("#999999"), mm(0.2)))
        rule = top.bottom() + mm(1)
        painter.drawLine(QPointF(self.margin, rule), QPointF(self.width - self.margin, rule))

    def slide(self, painter: QPainter, rect: QRectF, slide: Slide) -> None:
        """The slide at its last step, in the print style, with a thin border; an empty one as a frame."""
        if is_empty(slide):
            paint_empty(painter, rect)
            return
        paint_slide(painter, rect, slide, self.theme, -1, self.context, wash=self.style.wash)
        painter.setPen(QPen(QColor("#777777"), mm(0.2)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    def slide_rect(self, left: float, top: float, width: float) -> QRectF:
        """A slide's rectangle ``width`` wide, in the deck's proportions."""
        return QRectF(left, top, width, width / self.aspect)

    def elide(self, text: str, font: QFont, width: float) -> str:
        """``text`` cut to ``width`` with "…" at the end when it does not fit."""
        return QFontMetricsF(font, self.device).elidedText(text, Qt.TextElideMode.ElideRight, width)

    def caption(self, painter: QPainter, rect: QRectF, text: str, size: float = 10, bold: bool = True) -> None:
        """One line of text in ``rect``, elided with "…" when it is too long."""
        font = self.font(size, bold)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.elide(text, font, rect.width()))

    def columns(self, count: int, top: float = 0.0) -> list[QRectF]:
        """The body cut into ``count`` columns, starting ``top`` below the body's top."""
        gap = mm(10)
        width = (self.body.width() - gap * (count - 1)) / count
        return [QRectF(self.body.left() + i * (width + gap), self.body.top() + top, width, self.body.height() - top)
                for i in range(count)]


def slide_title(slide: Slide) -> str:
    """``Slide 3: Performance`` (``Slide 3`` when it has no title)."""
    return f"Slide {slide.label}: {slide.title}" if slide.title else f"Slide {slide.label}"
