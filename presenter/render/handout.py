"""PDF handouts: notes pages, N-up handouts and a speaker script, drawn with ``paint_slide``.

Slides are vector drawings and notes are real text, so ``pdftotext`` finds every word. Notes
longer than a page flow onto continuation pages, broken between lines, never through one.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QTextDocument

from presenter.deck.errors import PresenterError
from presenter.deck.model import Deck, Slide
from presenter.render.fonts import no_ligatures
from presenter.render.paint import RenderContext, paint_slide
from presenter.render.themes import get_theme

log = logging.getLogger(__name__)

DPI = 300
LAYOUTS = ("notes", "handout-2", "handout-3", "handout-4", "handout-6", "handout-9", "script")
GRIDS = {"handout-2": (1, 2), "handout-3": (1, 3), "handout-4": (2, 2), "handout-6": (2, 3), "handout-9": (3, 3)}
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class ExportError(PresenterError):
    """The handout could not be written; the message says why and where."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how.

    Attributes:
        layout: one of ``LAYOUTS``, or ``extra`` for only the ``extra_html`` pages.
        page: ``A4`` or ``Letter``.
        landscape: page orientation.
        slides: a range such as ``3-7`` or ``2.2-4`` (empty: all).
        include_without_notes: keep slides that have no notes (notes and script layouts).
        date: the date in the footer (today when None).
        extra_html: more pages at the end (e.g. the questions log), as HTML; empty for none.
    """

    layout: str = "notes"
    page: str = "A4"
    landscape: bool = False
    slides: str = ""
    include_without_notes: bool = True
    date: dt.date | None = None
    extra_html: str = field(default="", compare=False)


def mm(value: float) -> float:
    """Millimetres in device pixels at ``DPI``."""
    return value / 25.4 * DPI


def pt(value: float) -> int:
    """Points in device pixels at ``DPI``."""
    return round(value / 72 * DPI)


def select_slides(deck: Deck, spec: str, include_without_notes: bool = True) -> list[Slide]:
    """The slides to export: not hidden, in the range ``spec`` (``3-7``, ``2.2-4``, ``5``).

    Raises:
        ExportError: the range names slides the deck does not have.
    """
    slides = [s for s in deck.slides if not s.hidden]
    if spec.strip():
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:(-)\s*(\d+(?:\.\d+)?)?)?\s*", spec)
        if not m:
            raise ExportError(f"slide range {spec!r} should look like 3-7, 2.2-4 or 5")
        first, dash, last = m.groups()
        lo = _key(first, low=True)
        hi = _key(last or first, low=False) if last or not dash else (10**6, 10**6)  # "3-": to the end
        slides = [s for s in slides if lo <= (s.h, s.v or 0) <= hi]
        if not slides:
            raise ExportError(f"slide range {spec!r} matches no slide (the deck has 1 to {deck.horizontal_count()})")
    if not include_without_notes:
        slides = [s for s in slides if s.has_notes]
    return slides


def _key(label: str, low: bool) -> tuple[int, int]:
    h, _, v = label.partition(".")
    return (int(h), int(v) if v else (0 if low else 10**6))


class _Writer:
    """Draws pages: header, footer, and the page body callbacks."""

    def __init__(self, deck: Deck, options: ExportOptions, pdf: QPdfWriter):
        self.deck = deck
        self.options = options
        self.pdf = pdf
        self.context = RenderContext(deck)
        self.theme = get_theme(deck.theme)
        self.width = pdf.width()
        self.height = pdf.height()
        self.margin = mm(15)
        self.body = QRectF(self.margin, self.margin + mm(9), self.width - 2 * self.margin,
                           self.height - 2 * self.margin - mm(18))
        self.date = (options.date or dt.date.today()).strftime("%-d %B %Y")

    def frame(self, painter: QPainter, page: int, total: int) -> None:
        font = QFont("DejaVu Sans")
        font.setPixelSize(pt(9))
        painter.setFont(font)
        painter.setPen(QColor("#444444"))
        top = QRectF(self.margin, self.margin, self.width - 2 * self.margin, mm(6))
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.deck.title)
        bottom = QRectF(self.margin, self.height - self.margin - mm(6), self.width - 2 * self.margin, mm(6))
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.date)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"page {page} of {total}")
        painter.setPen(QPen(QColor("#999999"), mm(0.2)))
        painter.drawLine(QPointF(self.margin, top.bottom() + mm(1)), QPointF(self.width - self.margin, top.bottom() + mm(1)))

    def slide(self, painter: QPainter, rect: QRectF, slide: Slide) -> None:
        paint_slide(painter, rect, slide, self.theme, -1, self.context)
        painter.setPen(QPen(QColor("#777777"), mm(0.2)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    def caption(self, painter: QPainter, rect: QRectF, text: str, size: float = 10, bold: bool = True) -> None:
        font = QFont("DejaVu Sans")
        font.setPixelSize(pt(size))
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def text_document(body_html: str, width: float, size_pt: float) -> QTextDocument:
    """Notes HTML laid out at ``width`` device pixels in black on white."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont("DejaVu Sans")
    font.setPixelSize(pt(size_pt))
    no_ligatures(font)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet("body { color: #111111; } a { color: #1a4f9c; } p { margin-bottom: 6px; }"
                             " h2 { margin-top: 14px; }")
    doc.setHtml(f"<body>{body_html}</body>")
    doc.setTextWidth(width)
    return doc


def line_bottoms(doc: QTextDocument) -> list[tuple[float, float]]:
    """(top, bottom) of every laid-out line in document coordinates, in order."""
    layout = doc.documentLayout()
    lines: list[tuple[float, float]] = []
    block = doc.begin()
    while block.isValid():
        origin = layout.blockBoundingRect(block).topLeft()
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            lines.append((origin.y() + line.y(), origin.y() + line.y() + line.height()))
        block = block.next()
    lines.sort()
    return lines


def split_pages(doc: QTextDocument, first: float, rest: float) -> list[tuple[float, float]]:
    """Cut the document into (start, end) bands: ``first`` tall, then ``rest`` tall, between lines."""
    total = doc.size().height()
    bands: list[tuple[float, float]] = []
    start, room = 0.0, first
    for top, bottom in line_bottoms(doc):
        if bottom - start > room and top > start:
            bands.append((start, top))
            start, room = top, rest
    bands.append((start, max(total, start)))
    return bands


def draw_band(painter: QPainter, doc: QTextDocument, at: QPointF, band: tuple[float, float]) -> None:
    """Draw the part of ``doc`` between ``band`` at ``at``."""
    painter.save()
    painter.translate(at.x(), at.y() - band[0])
    doc.drawContents(painter, QRectF(0, band[0], doc.textWidth(), band[1] - band[0]))
    painter.restore()


def _plan_notes(w: _Writer, slides: list[Slide]) -> list[Callable[[QPainter], None]]:
    pages: list[Callable[[QPainter], None]] = []
    slide_h = min(w.body.width() * 9 / 16, w.body.height() * 0.48)
    slide_w = slide_h * 16 / 9
    caption_h = mm(8)
    for s in slides:
        doc = text_document(s.notes_html or "<p><i>No notes for this slide.</i></p>", w.body.width(), 11)
        first_room = w.body.height() - slide_h - caption_h - mm(6)
        bands = split_pages(doc, first_room, w.body.height() - caption_h)
        for i, band in enumerate(bands):
            def page(p: QPainter, s: Slide = s, doc: QTextDocument = doc, band: tuple[float, float] = band,
                     i: int = i) -> None:
                title = f"Slide {s.label}: {s.title}" + (" (continued)" if i else "")
                w.caption(p, QRectF(w.body.left(), w.body.top(), w.body.width(), caption_h), title)
                y = w.body.top() + caption_h
                if i == 0:
                    w.slide(p, QRectF(w.body.left() + (w.body.width() - slide_w) / 2, y, slide_w, slide_h), s)
                    y += slide_h + mm(6)
                draw_band(p, doc, QPointF(w.body.left(), y), band)
            pages.append(page)
    return pages


def _plan_handout(w: _Writer, slides: list[Slide], layout: str) -> list[Callable[[QPainter], None]]:
    cols, rows = GRIDS[layout]
    if w.options.landscape and layout != "handout-3":
        cols, rows = rows, cols
    per_page = cols * rows
    gap = mm(6)
    cell_w = (w.body.width() - gap * (cols - 1)) / cols
    cell_h = (w.body.height() - gap * (rows - 1)) / rows
    pages = []
    for start in range(0, len(slides), per_page):
        chunk = slides[start:start + per_page]

        def page(p: QPainter, chunk: list[Slide] = chunk) -> None:
            for k, s in enumerate(chunk):
                x = w.body.left() + (k % cols) * (cell_w + gap)
                y = w.body.top() + (k // cols) * (cell_h + gap)
                if layout == "handout-3":
                    _ruled_cell(w, p, QRectF(x, y, cell_w, cell_h), s)
                else:
                    _slide_cell(w, p, QRectF(x, y, cell_w, cell_h), s)
        pages.append(page)
    return pages


def _slide_cell(w: _Writer, p: QPainter, cell: QRectF, s: Slide) -> None:
    cap = mm(6)
    h = min(cell.height() - cap, cell.width() * 9 / 16)
    sw = h * 16 / 9
    w.caption(p, QRectF(cell.left(), cell.top(), cell.width(), cap), f"{s.label}  {s.title}", 8)
    w.slide(p, QRectF(cell.left() + (cell.width() - sw) / 2, cell.top() + cap, sw, h), s)


def _ruled_cell(w: _Writer, p: QPainter, cell: QRectF, s: Slide) -> None:
    half = cell.width() * 0.55
    _slide_cell(w, p, QRectF(cell.left(), cell.top(), half, cell.height()), s)
    p.setPen(QPen(QColor("#b0b0b0"), mm(0.2)))
    y = cell.top() + mm(10)
    while y < cell.bottom() - mm(2):
        p.drawLine(QPointF(cell.left() + half + mm(5), y), QPointF(cell.right(), y))
        y += mm(8)


def _plan_text(w: _Writer, body_html: str, size: float) -> list[Callable[[QPainter], None]]:
    doc = text_document(body_html, w.body.width(), size)
    pages = []
    for band in split_pages(doc, w.body.height(), w.body.height()):
        def page(p: QPainter, band: tuple[float, float] = band) -> None:
            draw_band(p, doc, w.body.topLeft(), band)
        pages.append(page)
    return pages


def script_html(slides: list[Slide]) -> str:
    """The speaker script: each slide's number and title, then its notes."""
    parts = []
    for s in slides:
        parts.append(f"<h2>{html.escape(s.label)} · {html.escape(s.title or '(untitled)')}</h2>")
        parts.append(s.notes_html or "<p><i>No notes.</i></p>")
    return "".join(parts)


def export_pdf(deck: Deck, output: Path, options: ExportOptions = ExportOptions(),
               progress: Progress | None = None) -> int:
    """Write the handout to ``output``; returns the number of pages.

    The file is written beside its destination and moved into place at the end, so a failed
    or cancelled export never leaves half a PDF.

    Raises:
        ExportError: bad options, nothing to export, or the file cannot be written.
    """
    if options.layout not in LAYOUTS and options.layout != "extra":
        raise ExportError(f"unknown layout {options.layout!r}; choose one of {', '.join(LAYOUTS)}")
    page_id = PAGE_SIZES.get(options.page.lower())
    if page_id is None:
        raise ExportError(f"unknown page size {options.page!r}; choose A4 or Letter")
    only_extra = options.layout == "extra"
    slides = [] if only_extra else select_slides(deck, options.slides,
                                                 options.include_without_notes or options.layout.startswith("handout"))
    if not slides and not only_extra:
        raise ExportError("there are no slides to export (all hidden, or none with notes)")
    folder = output.resolve().parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {output}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=".presenter-", suffix=".pdf", dir=folder)
    os.close(fd)
    try:
        pages = _write(deck, Path(tmp), options, page_id, slides, progress)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages


def _write(deck: Deck, tmp: Path, options: ExportOptions, page_id: QPageSize.PageSizeId, slides: list[Slide],
           progress: Progress | None) -> int:
    pdf = QPdfWriter(str(tmp))
    pdf.setResolution(DPI)
    orientation = QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
    pdf.setPageLayout(QPageLayout(QPageSize(page_id), orientation, QMarginsF(0, 0, 0, 0)))
    pdf.setTitle(f"{deck.title} ({options.layout})")
    pdf.setCreator("presenter")
    w = _Writer(deck, options, pdf)
    if options.layout == "notes":
        plan = _plan_notes(w, slides)
    elif options.layout == "extra":
        plan = []
    elif options.layout == "script":
        plan = _plan_text(w, script_html(slides), 16)
    else:
        plan = _plan_handout(w, slides, options.layout)
    if options.extra_html:
        plan += _plan_text(w, options.extra_html, 11)
    painter = QPainter()
    if not painter.begin(pdf):
        raise ExportError(f"cannot write {tmp.parent}: is the folder writable?")
    for number, draw in enumerate(plan, start=1):
        if number > 1:
            pdf.newPage()
        w.frame(painter, number, len(plan))
        draw(painter)
        if progress is not None and progress(number, len(plan)) is False:
            painter.end()
            raise ExportError("export cancelled")
    if not painter.end() or tmp.stat().st_size == 0:
        raise ExportError(f"could not finish writing the PDF in {tmp.parent} (is the disk full?)")
    return len(plan)
