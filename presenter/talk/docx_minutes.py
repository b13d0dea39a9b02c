"""The minutes pack as a Word document: the action table a clerk pastes into the minutes (no Qt).

Written with python-docx (a maintained, pure-Python, MIT-licensed library that writes real
Office Open XML ``.docx`` files, which Word and LibreOffice open and paste as native tables).
One landscape A4 table with a header row repeated on every page: ref, question (with when it was
asked), asked by / ward, slide, action, owner, due, status; follow-ups first.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from presenter.talk.dates import human_due
from presenter.talk.files import OutputError, replacing
from presenter.talk.minutes import STATUS_LABELS, Minute, meeting_date, minutes, summary
from presenter.talk.questions import Question

log = logging.getLogger(__name__)

# (header, width in cm): the action table's columns; a landscape A4 page holds 26.7 cm
COLUMNS = (("Ref", 1.2), ("Question", 7.0), ("Asked by / ward", 3.8), ("Slide", 2.8), ("Action", 4.3),
           ("Owner", 3.0), ("Due", 2.6), ("Status", 2.0))
FONT = "Arial"


def cells(m: Minute) -> list[list[str]]:
    """The paragraphs of each cell of a question's row, in ``COLUMNS`` order."""
    q = m.question
    return [[m.ref], [q.question, f"Asked at {m.asked}"], [q.asked_by or "not recorded", q.organisation],
            [q.slide_label, q.slide_title], [q.action], [q.owner], [human_due(q.due, short=True)],
            [STATUS_LABELS.get(q.status, q.status)]]


def write_docx(questions: list[Question], title: str, output: Path, author: str = "", language: str = "en-GB",
               now: dt.datetime | None = None) -> None:
    """Write the minutes pack for ``questions`` to ``output`` (a ``.docx``).

    Raises:
        OutputError: the file cannot be written.
    """
    from docx import Document

    doc = Document()
    _page(doc)
    _properties(doc, title, author, language, now or dt.datetime.now())
    doc.add_heading(f"Questions and actions: {title}", level=1)
    when = meeting_date(questions)
    doc.add_paragraph(f"{'Meeting of ' + when + ' · ' if when else ''}{summary(questions)}. "
                      "Follow-ups first, then open questions, then those answered at the meeting.")
    if questions:
        _table(doc, minutes(questions))
    else:
        doc.add_paragraph("No questions were recorded.")
    try:
        with replacing(output, ".docx") as tmp:
            doc.save(str(tmp))
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None


def _page(doc: Any) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)


def _properties(doc: Any, title: str, author: str, language: str, now: dt.datetime) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = doc.core_properties
    props.title = f"Questions and actions: {title}"
    props.subject = "Questions asked at the meeting, with follow-ups"
    props.author = author
    props.last_modified_by = author
    props.language = language
    props.created = props.modified = now.astimezone(dt.timezone.utc).replace(tzinfo=None)
    r_pr = doc.styles["Normal"].element.get_or_add_rPr()  # the text's language, for spelling and speech
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    r_pr.append(lang)


def _table(doc: Any, items: list[Minute]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    header = table.rows[0]
    flag = OxmlElement("w:tblHeader")  # repeat the header row on every page
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, (name, _width) in zip(header.cells, COLUMNS, strict=True):
        cell.paragraphs[0].add_run(name).bold = True
    for m in items:
        row = table.add_row()
        for column, (cell, paragraphs) in enumerate(zip(row.cells, cells(m), strict=True)):
            cell.paragraphs[0].add_run(paragraphs[0]).bold = column == 1
            for extra in paragraphs[1:]:
                if extra:
                    run = cell.add_paragraph().add_run(extra)
                    run.font.size = Pt(8.5)
                    run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    for column, (_name, width) in zip(table.columns, COLUMNS, strict=True):
        column.width = Cm(width)  # the grid (LibreOffice) and every cell (Word)
        for cell in column.cells:
            cell.width = Cm(width)
    for cell in header.cells:  # a grey header row (after the widths: the schema wants w:shd after w:tcW)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), "D9D9D9")
        cell._tc.get_or_add_tcPr().append(shading)


__all__ = ["COLUMNS", "OutputError", "cells", "write_docx"]
