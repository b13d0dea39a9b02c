"""One deck body's parse: separators, slides, line numbers and what ``check`` reports (no Qt).

The pipeline follows reveal-md 6.1.4 and the reveal.js 5.1.0 markdown plugin step by step
(``deck-format.md`` §0–§7), with presenter's deliberate differences (D1–D5).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import regex

from presenter.deck import split
from presenter.deck.attributes import DEFAULT_ELEMENT, DEFAULT_SLIDE
from presenter.deck.errors import DeckError
from presenter.deck.html_tree import Element, parse, serialize
from presenter.deck.markdown_render import MarkdownRenderer
from presenter.deck.model import LoadNote, Slide
from presenter.deck.patterns import Budget, attribute_pattern, separator_pattern
from presenter.deck.resources import local_image_url
from presenter.deck.slides import SlideBuilder

log = logging.getLogger(__name__)

MAX_NOTES_PER_CODE = 50
UNSHOWN_IN_NOTES = frozenset({"script", "style", "iframe", "object", "embed", "video", "audio", "noscript",
                              "noembed", "noframes", "textarea", "template", "xmp", "plaintext", "title"})
MAX_NOTES_IMAGE = 4000  # px: a larger width or height in the notes is dropped (the image keeps its own)


def _separator_option(options: Mapping[str, Any], key: str, default: str | None) -> str | None:
    value = options.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise DeckError(f"option {key!r} must be a string (a regular expression), not {value!r}")
    return value or (None if key == "verticalSeparator" else default)


def _attribute_option(options: Mapping[str, Any], key: str, default: str) -> str:
    value = options.get(key)
    return str(value) if value else default


def as_plugin_sees_it(body: str) -> str:
    """The body as reveal-md hands it to slidify (template indentation, then its removal).

    The template puts the body after 12 spaces and a line end after it. The plugin removes
    that indentation from the first line (turning it into a line end) unless the body itself
    starts with a line end, so a separator on the first or the last line still splits.
    """
    lead = body[: len(body) - len(body.lstrip())]
    return ("\n" if "\n" not in lead and "\r" not in lead else " " * 12) + body + "\n"


class DeckParser:
    """Parses one deck body into slides.

    Args:
        options: the deck options (separators, attribute patterns).
        reveal: the reveal.js options (``markdown`` holds marked's options).
        folder: the deck's folder (notes images resolve against it).
        wrap: whether the body comes from a reveal-md file (template indentation) or not.
        budget: the time allowed for the deck's own regular expressions.

    Raises:
        DeckError: an option is not a usable regular expression.
    """

    def __init__(self, options: Mapping[str, Any], reveal: Mapping[str, Any], folder: Path | None = None,
                 wrap: bool = True, budget: Budget | None = None):
        self.wrap = wrap
        self.folder = folder
        budget = budget or Budget()
        sep = _separator_option(options, "separator", split.DEFAULT_SEPARATOR) or split.DEFAULT_SEPARATOR
        vert = _separator_option(options, "verticalSeparator", split.DEFAULT_VERTICAL)
        notes = _separator_option(options, "notesSeparator", split.DEFAULT_NOTES) or split.DEFAULT_NOTES
        self.separator = separator_pattern("separator", sep, regex.M, budget)
        self.vertical = separator_pattern("verticalSeparator", vert, regex.M, budget) if vert else None
        notes_marker = separator_pattern("notesSeparator", notes, regex.M | regex.I, budget)
        element = attribute_pattern("elementAttributesSeparator",
                                    _attribute_option(options, "elementAttributesSeparator", DEFAULT_ELEMENT), budget)
        slide = attribute_pattern("slideAttributesSeparator",
                                  _attribute_option(options, "slideAttributesSeparator", DEFAULT_SLIDE), budget)
        self.renderer = MarkdownRenderer(_mapping(reveal.get("markdown")))
        self.builder = SlideBuilder(self.renderer, self.render_notes, notes_marker, element, slide, self._note,
                                    self.line_of, clean_notes=self.clean_notes)
        self.notes: list[LoadNote] = []
        self._counts: dict[str, int] = {}
        self._newlines: list[int] = []
        self._line_base = 0

    def parse(self, body: str, line_base: int) -> tuple[list[Slide], list[LoadNote]]:
        """The slides of ``body``; ``line_base`` lines of the file precede it."""
        work = as_plugin_sees_it(body) if self.wrap else body
        prefix = work[: len(work) - len(body) - 1] if self.wrap else ""
        self._line_base = line_base - prefix.count("\n")
        self._newlines = [m.start() for m in re.finditer("\n", work)]
        for pattern in (self.separator, self.vertical):  # alone first, so that a slow or greedy one is named
            if pattern is not None and len(pattern.finditer(work, split.MAX_SLIDES + 1)) > split.MAX_SLIDES:
                raise DeckError(f"{pattern.option} {pattern.source!r} splits the deck into more than "
                                f"{split.MAX_SLIDES:,} slides: is it the separator you meant?")
        chunks, divergences, matched = split.slidify(work, self.separator, self.vertical)
        if work.startswith(" ") and chunks[0].start == 0:  # drop the template's indentation again
            first = chunks[0]
            chunks[0] = split.Chunk(first.text[12:], 12, first.h, first.v)
        self._report_separators(matched, body)
        self._report_deep_indent(body)
        for d in divergences:
            self._note(d.code, "warning", d.offset + 1, "", split.DIVERGENCE_TEXT[d.code])
        slides: list[Slide] = []
        with self.renderer.loading():
            for chunk in chunks:
                slides.extend(self.builder.build(chunk, len(slides)))
        return slides, self.notes

    def render_notes(self, markdown: str) -> str:
        """Notes HTML from the notes' markdown, cleaned (``clean_notes``)."""
        return self.clean_notes(self.renderer.convert(markdown))

    def clean_notes(self, html: str) -> str:
        """Notes HTML as the presenter window and the handouts may show it.

        Images point at a regular file in the deck folder (none outside it, no device or pipe is
        ever read), and their width and height are kept only when they are sizes. Elements whose
        content is not markup (scripts, styles, frames, embedded media) go, content and all: Qt's
        rich text would read their raw text as markup.
        """
        if "<" not in html:
            return html
        tree = parse(html)
        for el in list(tree.iter()):
            el.children = [c for c in el.children if not (isinstance(c, Element) and c.tag in UNSHOWN_IN_NOTES)]
        for el in tree.iter():
            if el.tag != "img":
                continue
            src = el.attrs.get("src", "")
            el.attrs["src"] = local_image_url(self.folder, src) if self.folder is not None else ""
            if el.attrs["src"] != src:
                el.attrs["data-deck-src"] = src  # as written, for check
            for key in ("width", "height"):
                value = el.attrs.get(key)
                if value is not None and not (value.strip().isdigit() and 0 < int(value) <= MAX_NOTES_IMAGE):
                    del el.attrs[key]
        return serialize(tree)

    def line_of(self, offset: int) -> int:
        """The deck file's 1-based line for an offset in the working text."""
        return self._line_base + bisect.bisect_left(self._newlines, offset) + 1

    def _note(self, code: str, severity: str, offset: int, slide: str, message: str) -> None:
        self._counts[code] = self._counts.get(code, 0) + 1
        if self._counts[code] > MAX_NOTES_PER_CODE:  # a hostile deck could raise thousands
            return
        self.notes.append(LoadNote(code, severity, self.line_of(offset) if offset >= 0 else 0, slide, message))

    def _report_separators(self, matched: set[str], body: str) -> None:
        if "separator" not in matched and self.separator.source != split.DEFAULT_SEPARATOR and body.strip():
            self._note("separator-never-matched", "warning", -1, "",
                       f"the slide separator {self.separator.source!r} never matched: the deck is one slide")
        if self.vertical is not None and "vertical" not in matched and self.vertical.source != split.DEFAULT_VERTICAL:
            self._note("vertical-separator-never-matched", "info", -1, "",
                       f"the vertical separator {self.vertical.source!r} never matched")

    def _report_deep_indent(self, body: str) -> None:
        """D4: reveal-md strips the template's indentation from lines indented this deep."""
        depth = 12 + len(body) - len(body.lstrip())
        for m in re.finditer(rf"(?m)^ {{{depth},}}(?=\S)", body):
            self._note("deep-indent", "info", m.start() + 1, "",
                       f"this line is indented {len(m.group(0))} spaces: presenter keeps the indentation; "
                       f"reveal-md would remove {depth} of them")


def _mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}
