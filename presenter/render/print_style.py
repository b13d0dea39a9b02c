"""Print styles: how slides look on paper (``presenter export --print-style``).

``light`` (the default for handouts) does what reveal.js's print stylesheet (``css/print/paper.scss``)
does: a white page and black text and headings, whatever the theme, so a handout costs little
toner and survives a photocopier. Unlike reveal.js it keeps the slide's backgrounds, under a white
wash, so a photo slide is still recognisable and its text still reads. ``theme`` keeps the
theme's colours, as the projector shows them. Both draw an empty slide as a small labelled frame
rather than a block of background colour.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from presenter.deck.model import Slide
from presenter.render.choices import DEFAULT_PRINT_STYLE, PRINT_STYLES, PrintStyle
from presenter.render.themes import Theme

log = logging.getLogger(__name__)

TEXT, HEADING, LINK = "#111111", "#000000", "#1a4f9c"
EMPTY_LABEL = "(empty slide)"
__all__ = ["DEFAULT_PRINT_STYLE", "PRINT_STYLES", "PrintStyle", "is_empty", "paint_empty", "print_theme"]


def print_theme(theme: Theme, style: PrintStyle) -> Theme:
    """``theme`` as ``style`` prints it: the same fonts and sizes, and for ``light`` a paper palette."""
    if not style.light:
        return theme
    return replace(theme, name=f"{theme.name}/print-{style.name}", background="#ffffff", gradient=None,
                   text=TEXT, heading=HEADING, link=LINK, link_hover=LINK, text_on_light=TEXT, text_on_dark=TEXT,
                   strong=None, em=None, code=None, list_marker=None)


def is_empty(slide: Slide) -> bool:
    """A slide with nothing to see: no text, no image, no background."""
    return not slide.text.strip() and "<img" not in slide.html and not slide.background.is_set


def paint_empty(painter: QPainter, rect: QRectF, label: str = EMPTY_LABEL) -> None:
    """The frame that stands for an empty slide: a thin grey border and a small grey label."""
    painter.save()
    painter.fillRect(rect, QColor("#ffffff"))
    pen = QPen(QColor("#9a9a9a"), max(1.0, rect.height() / 150))
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRect(rect)
    font = QFont("DejaVu Sans")
    font.setItalic(True)
    font.setPixelSize(max(6, round(min(rect.height() * 0.3, rect.width() / 12))))
    painter.setFont(font)
    painter.setPen(QColor("#6b6b6b"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()
