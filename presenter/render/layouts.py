"""The handout layouts, each a function from slides to pages: notes, N-up grids, ruled, script, text.

Notes pages put the slide above its notes (beside them, in two columns, on a landscape page) and
flow long notes onto continuation pages; when the last page would carry fewer than ``MIN_LINES``
lines and a smaller gap, tighter spacing or a slightly smaller slide lets them fit, they fit.
Grids are sized to the page in the deck's proportions and spread over it.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from presenter.deck.model import Slide
from presenter.render.choices import Layout
from presenter.render.pages import Page, PageWriter, slide_title
from presenter.render.print_style import is_empty
from presenter.render.textflow import Band, draw_band, lines_in, mm, split, text_document
from presenter.render.textflow import anchors as find_anchors

log = logging.getLogger(__name__)

MIN_LINES = 8
CAPTION = mm(8)
# (slide scale, gap under the slide, tight spacing): tried in turn to save a short last page
VARIANTS = ((1.0, mm(6), False), (1.0, mm(2.5), True), (0.85, mm(2.5), True), (0.72, mm(2.5), True),
            (0.6, mm(2.5), True))
Placed = list[list[tuple[QRectF, Band]]]  # per page: (frame, band) pairs


def flow(doc: QTextDocument, first: list[QRectF], rest: list[QRectF]) -> Placed:
    """Fill the frames of the first page, then of every next page, with ``doc``'s bands."""
    def frame(k: int) -> QRectF:
        return first[k] if k < len(first) else rest[(k - len(first)) % len(rest)]

    pages: Placed = []
    for k, band in enumerate(split(doc, lambda k: max(mm(10), frame(k).height()))):
        page = 0 if k < len(first) else 1 + (k - len(first)) // len(rest)
        while len(pages) <= page:
            pages.append([])
        pages[page].append((frame(k), band))
    return pages


def _last_lines(doc: QTextDocument, placed: Placed) -> int:
    return sum(lines_in(doc, band) for _frame, band in placed[-1])


# -- notes ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _NotesGeometry:
    slide: QRectF
    first: list[QRectF]
    rest: list[QRectF]


def _notes_geometry(w: PageWriter, s: Slide, scale: float, gap: float) -> _NotesGeometry:
    body = w.body
    cols = w.columns(2 if w.landscape else 1, CAPTION)
    col = cols[0]
    if is_empty(s):
        rect = QRectF(col.left(), col.top(), min(col.width(), mm(60)), mm(14))
    else:
        width = min(col.width(), body.height() * (0.62 if w.landscape else 0.46) * w.aspect) * scale
        rect = w.slide_rect(col.left() + (col.width() - width) / 2, col.top(), width)
    below = QRectF(col.left(), rect.bottom() + gap, col.width(), col.bottom() - rect.bottom() - gap)
    return _NotesGeometry(rect, [below, *cols[1:]], cols)


def _first_frames(geometry: _NotesGeometry, doc: QTextDocument) -> list[QRectF]:
    """Under the slide, then the next column; notes that fit beside the slide (landscape) go there."""
    beside = geometry.first[1:]
    return beside[:1] if beside and doc.size().height() <= beside[0].height() else geometry.first


def _notes_pages(w: PageWriter, s: Slide) -> list[Page]:
    notes = s.notes_html or '<p class="quiet"><i>No notes for this slide.</i></p>'
    chosen: tuple[_NotesGeometry, QTextDocument, Placed] | None = None
    for scale, gap, tight in VARIANTS:
        geometry = _notes_geometry(w, s, scale, gap)
        doc = text_document(notes, geometry.first[0].width(), 11, tight)
        placed = flow(doc, _first_frames(geometry, doc), geometry.rest)
        if chosen is None:
            chosen = (geometry, doc, placed)
            if len(placed) == 1 or _last_lines(doc, placed) >= MIN_LINES:
                break
        elif len(placed) < len(chosen[2]):
            chosen = (geometry, doc, placed)
            break
    assert chosen is not None
    geometry, doc, placed = chosen
    pages = []
    for i, frames in enumerate(placed):
        def draw(p: QPainter, i: int = i, frames: list[tuple[QRectF, Band]] = frames) -> None:
            w.caption(p, QRectF(w.body.left(), w.body.top(), w.body.width(), CAPTION),
                      slide_title(s) + (" (continued)" if i else ""))
            if i == 0:
                w.slide(p, geometry.slide, s)
            for rect, band in frames:
                draw_band(p, doc, rect.topLeft(), band)
        pages.append(Page(draw, ((slide_title(s), w.body.top()),) if i == 0 else ()))
    return pages


def plan_notes(w: PageWriter, slides: list[Slide], layout: Layout) -> list[Page]:
    """One slide a page with its notes; long notes continue on the next page."""
    return [page for s in slides for page in _notes_pages(w, s)]


# -- grids ---------------------------------------------------------------------------------------
def plan_grid(w: PageWriter, slides: list[Slide], layout: Layout) -> list[Page]:
    """``layout.grid`` slides a page (rows and columns swapped on a landscape page), as large as fit."""
    cols, rows = layout.grid
    if w.landscape:
        cols, rows = rows, cols
    cap, gx, gy = mm(5), mm(6), mm(4)
    body = w.body
    width = min((body.width() - gx * (cols - 1)) / cols, ((body.height() - gy * (rows - 1)) / rows - cap) * w.aspect)
    cell_h = cap + width / w.aspect
    spare = body.height() - rows * cell_h - gy * (rows - 1)
    gap_y = gy + (min(spare / (rows - 1), mm(12)) if rows > 1 else 0.0)
    x0 = body.left() + (body.width() - cols * width - gx * (cols - 1)) / 2
    y0 = body.top() + (body.height() - rows * cell_h - gap_y * (rows - 1)) / 2
    size = 8 if cols * rows <= 6 else 7.5
    pages = []
    for start in range(0, len(slides), cols * rows):
        cells = [(s, QPointF(x0 + (k % cols) * (width + gx), y0 + (k // cols) * (cell_h + gap_y)))
                 for k, s in enumerate(slides[start:start + cols * rows])]

        def draw(p: QPainter, cells: list[tuple[Slide, QPointF]] = cells) -> None:
            for s, at in cells:
                w.caption(p, QRectF(at.x(), at.y(), width, cap), f"{s.label}  {s.title}", size)
                w.slide(p, w.slide_rect(at.x(), at.y() + cap, width), s)
        pages.append(Page(draw, tuple((slide_title(s), at.y()) for s, at in cells)))
    return pages


def plan_ruled(w: PageWriter, slides: list[Slide], layout: Layout) -> list[Page]:
    """``layout.grid`` rows of slides a page, each with ruled lines beside it for the reader's notes."""
    cap, gy, rows = mm(5), mm(6), layout.grid[1]
    body = w.body
    row_h = (body.height() - gy * (rows - 1)) / rows
    width = min(body.width() * 0.5, (row_h - cap) * w.aspect)
    pages = []
    for start in range(0, len(slides), rows):
        chunk = slides[start:start + rows]

        def draw(p: QPainter, chunk: list[Slide] = chunk) -> None:
            for k, s in enumerate(chunk):
                top = body.top() + k * (row_h + gy)
                w.caption(p, QRectF(body.left(), top, width, cap), f"{s.label}  {s.title}", 8)
                w.slide(p, w.slide_rect(body.left(), top + cap, width), s)
                p.setPen(QPen(QColor("#b0b0b0"), mm(0.2)))
                y = top + cap + mm(8)
                while y <= top + row_h:
                    p.drawLine(QPointF(body.left() + width + mm(6), y), QPointF(body.right(), y))
                    y += mm(8)
        pages.append(Page(draw, tuple((slide_title(s), body.top() + k * (row_h + gy)) for k, s in enumerate(chunk))))
    return pages


# -- flowing text: the script and the questions --------------------------------------------------
def plan_text(w: PageWriter, body_html: str, size: float, marks: dict[str, str] | None = None) -> list[Page]:
    """``body_html`` over as many pages as it takes (two columns on a landscape page).

    Args:
        w: the page writer.
        body_html: the text.
        size: the font size in points.
        marks: bookmark titles by ``<a name>`` anchor in the text.
    """
    cols = w.columns(2 if w.landscape else 1)
    chosen: tuple[QTextDocument, Placed] | None = None
    for tight in (False, True):
        doc = text_document(body_html, cols[0].width(), size, tight)
        placed = flow(doc, cols, cols)
        if chosen is None:
            chosen = (doc, placed)
            if len(placed) == 1 or _last_lines(doc, placed) >= MIN_LINES:
                break
        elif len(placed) < len(chosen[1]):
            chosen = (doc, placed)
    assert chosen is not None
    doc, placed = chosen
    where = find_anchors(doc)
    pages = []
    for frames in placed:
        page_marks = tuple((title, rect.top() + where[name] - band[0]) for name, title in (marks or {}).items()
                           if name in where for rect, band in frames if band[0] <= where[name] < band[1])

        def draw(p: QPainter, frames: list[tuple[QRectF, Band]] = frames) -> None:
            for rect, band in frames:
                draw_band(p, doc, rect.topLeft(), band)
        pages.append(Page(draw, page_marks))
    return pages


_LEADING_HEADING = re.compile(r"^\s*<h([1-6])[^>]*>(.*?)</h\1>\s*", re.DOTALL)


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split()).casefold()


def without_title(notes_html: str, title: str) -> str:
    """The notes without a first heading that only repeats the slide's title."""
    m = _LEADING_HEADING.match(notes_html)
    return notes_html[m.end():] if m and title and _plain(m.group(2)) == _plain(title) else notes_html


def script_html(slides: list[Slide]) -> tuple[str, dict[str, str]]:
    """The speaker script (each slide's number and title, then its notes), and its bookmarks."""
    parts, marks = [], {}
    for s in slides:
        anchor = f"slide-{s.index}"
        marks[anchor] = slide_title(s)
        label, title = html.escape(s.label), html.escape(s.title or "(untitled)")
        parts.append(f'<h2><a name="{anchor}" style="color:#111111">{label}</a> · {title}</h2>')
        parts.append(without_title(s.notes_html, s.title) or '<p class="quiet"><i>No notes.</i></p>')
    return "".join(parts), marks


def plan_script(w: PageWriter, slides: list[Slide], layout: Layout) -> list[Page]:
    """The notes of every slide as one flowing text under the slide titles."""
    body, marks = script_html(slides)
    return plan_text(w, body, 14 if w.landscape else 16, marks)
