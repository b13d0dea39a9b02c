"""PDF handouts: notes pages, N-up handouts and a speaker script, drawn with ``paint_slide``.

Slides are vector drawings and notes are real text, so ``pdftotext`` finds every word. The
layouts are one table, ``LAYOUTS`` (name, help, plan), read by the command line and the export
dialog; print styles are ``presenter.render.print_style.PRINT_STYLES``. The PDF carries a title,
the deck's ``author:``, a language and a bookmark per slide (``presenter.render.pdfmeta``); it is
written beside its destination with the user's normal permissions and moved into place at the
end, so a failed or cancelled export never leaves half a PDF.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from presenter.deck.errors import PresenterError
from presenter.deck.model import Deck, Slide
from presenter.render import layouts
from presenter.render.choices import DEFAULT_LAYOUT, DEFAULT_PRINT_STYLE, LAYOUTS, PRINT_STYLES, Layout
from presenter.render.pages import Page, PageWriter
from presenter.render.pdfmeta import Metadata, add_outline, deck_metadata
from presenter.render.textflow import DPI
from presenter.talk.files import OutputError, replacing

log = logging.getLogger(__name__)

__all__ = ["LAYOUTS", "PAGE_SIZES", "PRINT_STYLES", "ExportError", "ExportOptions", "export_pdf", "select_slides"]
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class ExportError(PresenterError):
    """The handout could not be written; the message says why and where."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how.

    Attributes:
        layout: a name in ``LAYOUTS``, or ``extra`` for only the ``extra_html`` pages.
        page: ``A4`` or ``Letter``.
        landscape: page orientation.
        slides: a range such as ``3-7`` or ``2.2-4`` (empty: all).
        include_without_notes: keep slides that have no notes (notes and script layouts).
        date: the date in the footer (today when None).
        extra_html: more pages at the end (e.g. the questions log), as HTML; empty for none.
        extra_title: the bookmark and title for those pages.
        print_style: a name in ``PRINT_STYLES``.
    """

    layout: str = DEFAULT_LAYOUT
    page: str = "A4"
    landscape: bool = False
    slides: str = ""
    include_without_notes: bool = True
    date: dt.date | None = None
    extra_html: str = field(default="", compare=False)
    extra_title: str = "Questions"
    print_style: str = DEFAULT_PRINT_STYLE


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


def _check(options: ExportOptions) -> QPageSize.PageSizeId:
    if options.layout not in LAYOUTS and options.layout != "extra":
        raise ExportError(f"unknown layout {options.layout!r}; choose one of {', '.join(LAYOUTS)}")
    if options.print_style not in PRINT_STYLES:
        raise ExportError(f"unknown print style {options.print_style!r}; choose one of {', '.join(PRINT_STYLES)}")
    page_id = PAGE_SIZES.get(options.page.lower())
    if page_id is None:
        raise ExportError(f"unknown page size {options.page!r}; choose A4 or Letter")
    return page_id


def export_pdf(deck: Deck, output: Path, options: ExportOptions = ExportOptions(),
               progress: Progress | None = None) -> int:
    """Write the handout to ``output``; returns the number of pages.

    Raises:
        ExportError: bad options, nothing to export, or the file cannot be written.
    """
    page_id = _check(options)
    layout = LAYOUTS.get(options.layout)
    slides = [] if layout is None else select_slides(deck, options.slides, options.include_without_notes
                                                     or not layout.notes)
    if not slides and layout is not None:
        raise ExportError("there are no slides to export (all hidden, or none with notes)")
    title = f"{deck.title}: {layout.title}" if layout else f"{deck.title}: {options.extra_title.lower()}"
    try:
        with replacing(output, ".pdf") as tmp:
            pages, marks = _write(deck, tmp, options, page_id, slides, progress, title)
            add_outline(tmp, marks, deck_metadata(deck, title))
    except OutputError as exc:
        raise ExportError(str(exc)) from None
    return pages


def plan_of(layout: Layout) -> Callable[[PageWriter, list[Slide], Layout], list[Page]]:
    """The function that lays out ``layout`` (``Layout.plan`` in ``presenter.render.layouts``)."""
    plan: Callable[[PageWriter, list[Slide], Layout], list[Page]] = getattr(layouts, layout.plan)
    return plan


def _plan(w: PageWriter, options: ExportOptions, slides: list[Slide]) -> list[Page]:
    layout = LAYOUTS.get(options.layout)
    plan = plan_of(layout)(w, slides, layout) if layout is not None else []
    if options.extra_html:
        extra = layouts.plan_text(w, options.extra_html, 11)
        if extra:
            extra[0] = Page(extra[0].draw, ((options.extra_title, w.body.top()),))
        plan += extra
    return plan


def _write(deck: Deck, tmp: Path, options: ExportOptions, page_id: QPageSize.PageSizeId, slides: list[Slide],
           progress: Progress | None, title: str) -> tuple[int, list[tuple[int, str, float]]]:
    pdf = QPdfWriter(str(tmp))
    pdf.setResolution(DPI)
    orientation = QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
    pdf.setPageLayout(QPageLayout(QPageSize(page_id), orientation, QMarginsF(0, 0, 0, 0)))
    _set_properties(pdf, deck_metadata(deck, title))
    w = PageWriter(deck, pdf, PRINT_STYLES[options.print_style], options.date or dt.date.today())
    plan = _plan(w, options, slides)
    painter = QPainter()
    if not painter.begin(pdf):
        raise ExportError(f"cannot write {tmp.parent}: is the folder writable?")
    marks = []
    for number, page in enumerate(plan, start=1):
        if number > 1:
            pdf.newPage()
        w.frame(painter, number, len(plan))
        page.draw(painter)
        marks += [(number - 1, text, y * 72 / DPI) for text, y in page.marks]
        if progress is not None and progress(number, len(plan)) is False:
            painter.end()
            raise ExportError("export cancelled")
    if not painter.end() or tmp.stat().st_size == 0:
        raise ExportError(f"could not finish writing the PDF in {tmp.parent} (is the disk full?)")
    return len(plan), marks


def _set_properties(pdf: QPdfWriter, meta: Metadata) -> None:
    pdf.setTitle(meta.title)
    pdf.setCreator("presenter")
    if meta.author and hasattr(pdf, "setAuthor"):  # Qt 6.9 and later
        pdf.setAuthor(meta.author)
