"""Text that flows over pages: notes, the script and the questions, laid out once, cut between lines.

A document is cut into bands, each as tall as the frame it goes into (a page, or a column of
one), never through a line, and never straight after a heading (the heading moves on with its
text). List bullets and numbers sit inside the frame: the indent is wide enough for ``10.``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QPainter, QTextDocument, QTextOption

from presenter.render.fonts import DOCUMENT_FONT, no_ligatures

log = logging.getLogger(__name__)

DPI = 150  # device pixels per inch: text and drawings are vectors; photos are embedded at this resolution
Band = tuple[float, float]


def pt(value: float) -> int:
    """Points in device pixels at ``DPI``."""
    return round(value / 72 * DPI)


def mm(value: float) -> float:
    """Millimetres in device pixels at ``DPI``."""
    return value / 25.4 * DPI


def text_document(body_html: str, width: float, size_pt: float, tight: bool = False) -> QTextDocument:
    """HTML laid out ``width`` device pixels wide in near-black on white (``tight``: less spacing)."""
    em = pt(size_pt)
    after, before = (0.15 * em, 0.35 * em) if tight else (0.4 * em, 0.9 * em)
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setUndoRedoEnabled(False)
    doc.setIndentWidth(em * 1.9)
    font = QFont(DOCUMENT_FONT)
    font.setPixelSize(em)
    no_ligatures(font)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(
        f"body {{ color: #111111; }} a {{ color: #1a4f9c; }} p, li {{ margin-bottom: {after:.0f}px; }}"
        f" ul, ol {{ margin-top: 0px; margin-bottom: {after:.0f}px; }}"
        f" h1, h2, h3, h4 {{ margin-top: {before:.0f}px; margin-bottom: {after:.0f}px; }}"
        " .quiet { color: #555555; }")
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a 1,000-letter word wraps too
    doc.setDefaultTextOption(option)
    doc.setHtml(f"<body>{body_html}</body>")
    doc.setTextWidth(width)
    return doc


@dataclass(frozen=True)
class Line:
    """One laid-out line: its top and bottom in document coordinates, and whether it is a heading's."""

    top: float
    bottom: float
    heading: bool


def lines(doc: QTextDocument) -> list[Line]:
    """Every laid-out line of ``doc``, top to bottom."""
    layout = doc.documentLayout()
    out: list[Line] = []
    block = doc.begin()
    while block.isValid():
        y = layout.blockBoundingRect(block).top()
        heading = block.blockFormat().headingLevel() > 0
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            out.append(Line(y + line.y(), y + line.y() + line.height(), heading))
        block = block.next()
    out.sort(key=lambda line: (line.top, line.bottom))
    return out


def split(doc: QTextDocument, room: Callable[[int], float]) -> list[Band]:
    """Cut ``doc`` into bands ``room(k)`` tall at most, between lines, each heading kept with its text."""
    all_lines = lines(doc)
    bands: list[Band] = []
    start = 0.0
    for i, line in enumerate(all_lines):
        if line.bottom - start <= room(len(bands)) or line.top <= start:
            continue
        cut = line.top
        j = i
        while j > 0 and all_lines[j - 1].heading and all_lines[j - 1].top > start:
            j -= 1  # a heading at the foot of a band moves on with the text under it
        if j < i and all_lines[j].top > start:
            cut = all_lines[j].top
        bands.append((start, cut))
        start = cut
    bands.append((start, max(doc.size().height(), start)))
    return bands


def lines_in(doc: QTextDocument, band: Band) -> int:
    """How many lines start inside ``band``."""
    return sum(1 for line in lines(doc) if band[0] <= line.top < band[1])


def anchors(doc: QTextDocument) -> dict[str, float]:
    """The ``<a name>`` anchors of ``doc`` and their y positions (for bookmarks)."""
    layout = doc.documentLayout()
    found: dict[str, float] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                found.setdefault(name, layout.blockBoundingRect(block).top())
            it += 1
        block = block.next()
    return found


def draw_band(painter: QPainter, doc: QTextDocument, at: QPointF, band: Band) -> None:
    """Draw the part of ``doc`` in ``band`` with its top-left corner at ``at``."""
    bleed = doc.indentWidth()  # never clip a bullet or a list number
    painter.save()
    painter.translate(at.x(), at.y() - band[0])
    doc.drawContents(painter, QRectF(-bleed, band[0], doc.textWidth() + 2 * bleed, band[1] - band[0]))
    painter.restore()
