"""What a PDF says about itself: title, author, language, and an outline with a bookmark per slide.

Qt's ``QPdfWriter`` writes the title, the author (Qt 6.9 and later), the creator and the creation
date, but has no API for the document's language (the catalog's ``/Lang``, which screen readers
use) or for an outline (bookmarks). presenter adds both afterwards with pypdf, as an incremental
update: Qt's bytes are kept as they are and the new objects are appended (about 0.2 s for 300
pages).
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from presenter.deck.model import Deck

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Metadata:
    """The document properties of an export.

    Attributes:
        title: the document title.
        author: the deck's ``author:`` (``""`` when it has none).
        language: a BCP 47 tag such as ``en-GB``.
    """

    title: str
    author: str
    language: str


def deck_metadata(deck: Deck, title: str) -> Metadata:
    """The properties for an export of ``deck``: front matter ``author:`` and ``lang:``, else the locale."""
    author = deck.options.get("author") or ""
    if isinstance(author, (list, tuple)):
        author = ", ".join(str(a) for a in author)
    return Metadata(title, str(author).strip(), language(str(deck.options.get("lang") or "")))


def language(tag: str) -> str:
    """``tag`` if it is a language tag, else the user's locale (``en_GB.UTF-8`` → ``en-GB``), else ``en``."""
    for candidate in (tag, *(os.environ.get(v, "") for v in ("LC_ALL", "LC_MESSAGES", "LANG"))):
        value = candidate.split(".")[0].split("@")[0].replace("_", "-")
        if _LANGUAGE.match(value) and value.lower() not in ("c", "posix"):
            return value
    return DEFAULT_LANGUAGE


def add_outline(pdf: Path, marks: Sequence[tuple[int, str, float]], meta: Metadata) -> None:
    """Append the language, the metadata and one bookmark per mark to ``pdf``.

    Args:
        pdf: a PDF that Qt wrote.
        marks: (page index, title, distance from the page's top in points).
        meta: the document properties.
    """
    from pypdf import PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import Fit, NameObject, TextStringObject

    try:
        writer = PdfWriter(str(pdf), incremental=True)
        writer.root_object[NameObject("/Lang")] = TextStringObject(meta.language)
        info = {"/Title": meta.title, "/Author": meta.author, "/Creator": "presenter"}
        writer.add_metadata({key: value for key, value in info.items() if value})
        for page, title, top in marks:
            height = float(writer.pages[page].mediabox.height)
            writer.add_outline_item(title=title, page_number=page, fit=Fit.xyz(left=0, top=height - top))
        if marks:
            writer.page_mode = "/UseOutlines"  # open the viewer with the bookmarks showing
        buffer = io.BytesIO()
        writer.write(buffer)
        pdf.write_bytes(buffer.getvalue())
    except (PyPdfError, OSError, ValueError, KeyError, IndexError) as exc:
        log.warning("%s: cannot add the bookmarks and language: %s", pdf, exc)
