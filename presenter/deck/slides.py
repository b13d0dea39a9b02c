"""The slides of one chunk of a deck: notes, markdown, attribute comments, raw ``<section>`` stacks.

reveal.js turns a horizontal slide whose HTML holds ``<section>`` elements of its own into a
vertical stack: each raw section is one vertical slide with its own attributes (backgrounds,
transitions). ``.slide:`` comments inside them still go to the outer section (reveal.js's walk
never switches sections), so the outer section's background shows where a raw section has none.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from presenter.deck import split
from presenter.deck.attributes import AttributeApplier
from presenter.deck.fragments import fragment_count
from presenter.deck.html_tree import Element, Text, collapse, parse, serialize
from presenter.deck.markdown_render import MarkdownRenderer
from presenter.deck.model import Background, Slide, frozen
from presenter.deck.patterns import DeckPattern

log = logging.getLogger(__name__)

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PLUGIN_MARKERS = ("data-markdown", "data-markdown-parsed")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")

Report = Callable[[str, str, int, str, str], None]  # (code, severity, offset, slide label, message)


@dataclass(frozen=True)
class _Where:
    """Where a chunk's slides sit in the deck file."""

    line: int
    notes_line: int


class SlideBuilder:
    """Builds the ``Slide`` objects of one chunk.

    Args:
        renderer: markdown to HTML for slides; ``notes_renderer`` does the notes.
        clean_notes: makes notes HTML that did not come from ``notes_renderer`` (raw asides,
            ``data-notes``) as safe to show as the rest.
        notes_marker: the notes separator.
        element, slide: the attribute-comment patterns.
        report: records something for ``presenter check``.
        line_of: the deck file's line of an offset in the body.
    """

    def __init__(self, renderer: MarkdownRenderer, notes_renderer: Callable[[str], str], notes_marker: DeckPattern,
                 element: DeckPattern, slide: DeckPattern, report: Report, line_of: Callable[[int], int],
                 clean_notes: Callable[[str], str] = lambda html: html):
        self.renderer = renderer
        self.notes_renderer = notes_renderer
        self.clean_notes = clean_notes
        self.notes_marker = notes_marker
        self.element = element
        self.slide = slide
        self.report = report
        self.line_of = line_of

    def build(self, chunk: split.Chunk, index: int) -> list[Slide]:
        """The chunk's slides (several when it holds raw sections), numbered from ``index``."""
        label = f"{chunk.h}.{chunk.v}" if chunk.v else str(chunk.h)
        parts, divergences = split.split_notes(chunk.text, self.notes_marker, base=chunk.start)
        for d in divergences:
            self.report(d.code, "warning", d.offset + 1, label, split.DIVERGENCE_TEXT[d.code])
        self._report_entities(parts.content, chunk.start, label)
        body = self.renderer.convert(parts.content)
        if self.renderer.last_too_slow:
            self.report("slide-too-complex", "warning", chunk.start + 1, label,
                        "this slide's markdown takes too long to read (hostile or broken text?): presenter shows "
                        "it as plain text")
        section = parse(body)
        section.tag = "section"
        # Notes are rendered when first shown, unless they hold attribute comments, which
        # reveal.js applies to the slide (the notes sit inside its <section>).
        aside = self._notes_tree(parts.notes) if parts.notes and "<!--" in parts.notes else None
        edited = "<!--" in body or aside is not None or "<aside" in body
        notes_html: str | None = None
        if edited:
            if aside is not None:
                section.children.append(aside)
            self._apply_attributes(section, chunk, label)
            if aside is not None:
                section.children.remove(aside)
                notes_html = "".join(serialize(c) for c in aside.children).strip()
        notes_html = section.attrs.get("data-notes", notes_html)
        first = len(chunk.text) - len(chunk.text.lstrip())
        where = _Where(self.line_of(chunk.start + first),
                       self.line_of(chunk.start + parts.notes_offset) if parts.notes_offset is not None else 0)
        inner = [c for c in section.elements() if c.tag == "section"] if chunk.v == 0 and "<section" in body else []
        if inner:
            self._report_outside(section, chunk, label)
            holder = _notes_holder(body, inner) if parts.notes else None
            if parts.notes and holder is None:
                self.report("notes-outside-raw-section", "warning", chunk.start + (parts.notes_offset or 0), label,
                            "these notes follow a closed raw <section>, so reveal.js shows them on no slide; "
                            "presenter does not either: move the notes marker before the </section>")
            return self._stack(index, chunk.h, section, inner, parts, notes_html, where, holder)
        html = None if edited else f"<section>{body}</section>"
        return [self._slide(index, chunk.h, chunk.v, section, parts.content, parts.notes or "", notes_html, where,
                            html=html)]

    def _stack(self, index: int, h: int, outer: Element, inner: list[Element], parts: split.NotesSplit,
               notes_html: str | None, where: _Where, holder: int | None) -> list[Slide]:
        """One vertical slide per raw section; the notes belong to the section left open at the end."""
        backdrop = Background.from_attributes(outer.attrs)
        slides = []
        for k, el in enumerate(inner):
            for marker in _PLUGIN_MARKERS:  # the markdown plugin's own flags, not slide attributes
                el.attrs.pop(marker, None)
            mine = k == holder
            notes = el.attrs.get("data-notes", notes_html if mine else None)
            slides.append(self._slide(index + k, h, k + 1, el, parts.content, parts.notes or "" if mine else "",
                                      notes, where, backdrop))
        return slides

    def _slide(self, index: int, h: int, v: int, section: Element, markdown: str, notes: str,
               notes_html: str | None, where: _Where, backdrop: Background | None = None,
               html: str | None = None) -> Slide:
        if html is None:  # the tree was edited: serialise it, without the <aside class="notes"> it holds
            raw_notes = _take_notes_asides(section)
            if raw_notes and "data-notes" not in section.attrs:  # reveal.js joins every notes aside
                marker = notes_html if notes_html is not None else self.notes_renderer(notes).strip() if notes else ""
                notes_html = "\n".join([*raw_notes, marker] if marker else raw_notes)
            html = serialize(section)
        background = Background.from_attributes(section.attrs)
        if backdrop is not None and not background.is_set:  # the stack's background shows behind it
            background = dataclasses.replace(backdrop, transition=background.transition or backdrop.transition)
        return Slide(
            index=index, h=h, v=v, line=where.line, markdown=markdown, html=html, notes_markdown=notes,
            notes_line=where.notes_line if notes or notes_html else 0, attributes=frozen(section.attrs),
            title=_title(section), text=collapse(section.text()), fragment_count=fragment_count(section),
            background=background, rendered_notes=self.clean_notes(notes_html) if notes_html is not None else None,
            notes_renderer=self.notes_renderer,
        )

    def _report_entities(self, content: str, offset: int, label: str) -> None:
        """D3: reveal-md decodes HTML entities before markdown (the deck sits in a textarea)."""
        if "&" not in content:
            return
        spans = split.FenceSpans(content)
        for m in _ENTITY.finditer(content):
            if not spans.covers(m.start()):
                self.report("html-entities", "info", offset + m.start(), label,
                            f"{m.group(0)} stays an entity in presenter; reveal-md decodes it before "
                            "reading the markdown, so it may show as markup there")
                return

    def _report_outside(self, section: Element, chunk: split.Chunk, label: str) -> None:
        for child in section.children:
            stray = (isinstance(child, Text) and child.data.strip()) or (
                isinstance(child, Element) and child.tag != "section")
            if stray:
                self.report("outside-raw-section", "warning", chunk.start + 1, label,
                            "this slide holds raw <section> elements, which reveal.js shows as vertical slides; "
                            "the content outside them is not shown by presenter")
                return

    def _apply_attributes(self, section: Element, chunk: split.Chunk, label: str) -> None:
        applier = AttributeApplier(self.element, self.slide)
        applier.apply(section)
        for ignored in applier.ignored:
            self.report("ignored-attribute", "warning", chunk.start + 1, label,
                        f"reveal-md ignores {ignored.text} (values must be in double quotes and not empty)")

    def _notes_tree(self, notes: str) -> Element:
        aside = parse(self.notes_renderer(notes))
        aside.tag = "aside"
        aside.attrs = {"class": "notes"}
        return aside


def _take_notes_asides(section: Element) -> list[str]:
    """Remove every ``<aside class="notes">`` from the slide and return their contents, in order."""
    found: list[str] = []
    stack = [section]
    while stack:
        parent = stack.pop()
        for child in list(parent.children):
            if not isinstance(child, Element):
                continue
            if child.tag == "aside" and "notes" in child.attrs.get("class", "").split():
                found.append("".join(serialize(c) for c in child.children).strip())
                parent.children.remove(child)
            else:
                stack.append(child)
    return found


def _notes_holder(body: str, inner: list[Element]) -> int | None:
    """Which raw section reveal.js's notes land in: the one still open where the slide ends, if any.

    reveal.js appends ``<aside class="notes">`` to the slide's text, so the browser puts it inside
    an unclosed ``<section>`` and beside a closed one (where no slide shows it).
    """
    marker = '<aside data-presenter-notes=""></aside>'
    tree = parse(body + marker)
    sections = [c for c in tree.elements() if c.tag == "section"]
    for k, el in enumerate(sections[: len(inner)]):
        if any("data-presenter-notes" in d.attrs for d in el.iter()):
            return k
    return None


def _title(section: Element) -> str:
    """The first heading's text, else the first paragraph's or list item's, shortened."""
    for tags in (_HEADINGS, ("p", "li", "td", "th", "blockquote", "pre")):
        for el in section.iter():
            text = collapse(el.text()) if el.tag in tags else ""
            if text:
                return _shorten(text)
    return _shorten(collapse(section.text()))  # text straight in the section (a raw <section>)


def _shorten(text: str) -> str:
    return text if len(text) <= 60 else text[:57].rsplit(" ", 1)[0] + "…"
