"""Reading a reveal-md deck file into a ``Deck`` (no Qt).

The pipeline follows reveal-md 6.1.4 and the reveal.js 5.1.0 markdown plugin step by step
(``deck-format.md`` §0–§7), with presenter's four deliberate differences (D1–D4).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from presenter.deck import split
from presenter.deck.attributes import DEFAULT_ELEMENT, DEFAULT_SLIDE, AttributeApplier
from presenter.deck.errors import DeckError
from presenter.deck.fragments import fragment_count
from presenter.deck.frontmatter import split_front_matter
from presenter.deck.html_tree import Element, collapse, parse, serialize
from presenter.deck.markdown_render import MarkdownRenderer
from presenter.deck.model import Background, Deck, LoadNote, Slide, frozen

log = logging.getLogger(__name__)

MAX_DECK_BYTES = 10 * 1024 * 1024
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DIVERGENCE_TEXT = {
    "separator-in-code-fence": "a slide separator inside a fenced code block: presenter keeps the "
    "code block whole; reveal-md would split the slide here",
    "notes-marker-in-code-fence": "a notes marker inside a fenced code block: presenter keeps it as "
    "code; reveal-md would start the speaker notes here",
    "several-notes-markers": "a second notes marker in one slide: presenter keeps everything after the "
    "first marker as notes; reveal-md would show no notes and put them on the slide for the audience",
}


def load_deck(path: Path | str, overrides: Mapping[str, Any] | None = None) -> Deck:
    """Read and parse the deck file at ``path``.

    Args:
        path: the deck file.
        overrides: options given on the command line; they win over the front matter,
            except ``revealOptions``, where the front matter wins (as in reveal-md).

    Raises:
        DeckError: the file cannot be read or is not a deck; the message names the file.
    """
    path = Path(path)
    text = read_deck_text(path)
    try:
        return parse_deck(text, path, overrides)
    except DeckError as exc:
        raise exc.located(path) from None


def read_deck_text(path: Path) -> str:
    """Read a deck file as text with a clear error for each way it can fail."""
    try:
        if path.is_dir():
            raise DeckError("is a folder, not a deck file (give the .md file inside it)", path)
        size = path.stat().st_size
        if size > MAX_DECK_BYTES:
            raise DeckError(f"is {size / 1e6:.1f} MB; decks larger than "
                            f"{MAX_DECK_BYTES // (1024 * 1024)} MB are refused (is this the right file?)", path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise DeckError("no such file", path) from None
    except PermissionError:
        raise DeckError("cannot be read: permission denied", path) from None
    except OSError as exc:
        raise DeckError(f"cannot be read: {exc.strerror or exc}", path) from None
    if b"\x00" in data[:8192]:
        raise DeckError("is a binary file, not a markdown deck", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DeckError(f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                        path, line) from None


def parse_deck(text: str, path: Path | str = "", overrides: Mapping[str, Any] | None = None) -> Deck:
    """Parse deck text (front matter and body) into a ``Deck``."""
    path = Path(path)
    text = text[1:] if text.startswith("\ufeff") else text
    front = split_front_matter(text)
    overrides = dict(overrides or {})
    options = {**front.options, **{k: v for k, v in overrides.items() if k != "revealOptions"}}
    reveal = {**_mapping(overrides.get("revealOptions")), **_mapping(front.options.get("revealOptions"))}
    options["revealOptions"] = reveal
    line_base = text[: front.body_offset].count("\n")
    slides, notes = _Parser(options, reveal).parse(front.body, line_base)
    title = str(options.get("title") or next((s.title for s in slides if s.title), "") or path.stem)
    return Deck(path=path, folder=(path.parent if str(path) else Path()).resolve(), title=title,
                theme=str(options.get("theme") or "black"), options=frozen(options),
                reveal_options=frozen(reveal), slides=tuple(slides), notes=tuple(notes))


def parse_body(body: str, options: Mapping[str, Any] | None = None) -> Deck:
    """Parse markdown as the reveal.js plugin sees it (no front matter); for the plugin layer."""
    options = dict(options or {})
    reveal = {"markdown": options.get("markdown", {})}
    slides, notes = _Parser(options, reveal, wrap=False).parse(body, 0)
    return Deck(options=frozen(options), reveal_options=frozen(reveal), slides=tuple(slides), notes=tuple(notes))


def _as_plugin_sees_it(body: str) -> str:
    """The body as reveal-md hands it to slidify (template indentation, then its removal).

    The template puts the body after 12 spaces and a line end after it. The plugin removes
    that indentation from the first line (turning it into a line end) unless the body itself
    starts with a line end, so a separator on the first or the last line still splits.
    """
    lead = body[: len(body) - len(body.lstrip())]
    return ("\n" if "\n" not in lead and "\r" not in lead else " " * 12) + body + "\n"


def _mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def _separator_option(options: Mapping[str, Any], key: str, default: str | None) -> str | None:
    value = options.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise DeckError(f"option {key!r} must be a string (a regular expression), not {value!r}")
    return value or (None if key == "verticalSeparator" else default)


class _Parser:
    """One deck's parse: separators, markdown renderer, line numbers and notes."""

    def __init__(self, options: Mapping[str, Any], reveal: Mapping[str, Any], wrap: bool = True):
        self.wrap = wrap
        sep = _separator_option(options, "separator", split.DEFAULT_SEPARATOR)
        vert = _separator_option(options, "verticalSeparator", split.DEFAULT_VERTICAL)
        notes = _separator_option(options, "notesSeparator", split.DEFAULT_NOTES)
        self.separator = split.js_regex(sep or split.DEFAULT_SEPARATOR, re.M, "separator")
        self.vertical = split.js_regex(vert, re.M, "verticalSeparator") if vert else None
        self.notes_marker = split.js_regex(notes or split.DEFAULT_NOTES, re.M | re.I, "notesSeparator")
        self.element_re = str(options.get("elementAttributesSeparator") or DEFAULT_ELEMENT)
        self.slide_re = str(options.get("slideAttributesSeparator") or DEFAULT_SLIDE)
        self.renderer = MarkdownRenderer(_mapping(reveal.get("markdown")))
        self.notes: list[LoadNote] = []
        self._newlines: list[int] = []
        self._line_base = 0

    def parse(self, body: str, line_base: int) -> tuple[list[Slide], list[LoadNote]]:
        work = _as_plugin_sees_it(body) if self.wrap else body
        prefix = work[: len(work) - len(body) - 1] if self.wrap else ""
        self._line_base = line_base - prefix.count("\n")
        self._newlines = [m.start() for m in re.finditer("\n", work)]
        chunks, divergences, matched = split.slidify(work, self.separator, self.vertical)
        if work.startswith(" ") and chunks[0].start == 0:  # drop the template's indentation again
            first = chunks[0]
            chunks[0] = split.Chunk(first.text[12:], 12, first.h, first.v)
        self._report_separators(matched, body)
        self._report_deep_indent(body)
        for d in divergences:
            self._divergence(d.code, d.offset)
        slides = [self._slide(i, c) for i, c in enumerate(chunks)]
        return slides, self.notes

    def line_of(self, offset: int) -> int:
        """The deck file's 1-based line for an offset in the working text."""
        return self._line_base + bisect.bisect_left(self._newlines, offset) + 1

    def _note(self, code: str, severity: str, offset: int, slide: str, message: str) -> None:
        self.notes.append(LoadNote(code, severity, self.line_of(offset) if offset >= 0 else 0, slide, message))

    def _divergence(self, code: str, offset: int, slide: str = "") -> None:
        self._note(code, "warning", offset + 1, slide, _DIVERGENCE_TEXT[code])

    def _report_separators(self, matched: set[str], body: str) -> None:
        if "separator" not in matched and self.separator.pattern != split.DEFAULT_SEPARATOR and body.strip():
            self._note("separator-never-matched", "warning", -1, "",
                       f"the slide separator {self.separator.pattern!r} never matched: the deck is one slide")
        if self.vertical is not None and "vertical" not in matched and self.vertical.pattern != split.DEFAULT_VERTICAL:
            self._note("vertical-separator-never-matched", "info", -1, "",
                       f"the vertical separator {self.vertical.pattern!r} never matched")

    def _report_deep_indent(self, body: str) -> None:
        """D4: reveal-md strips the template's indentation from lines indented this deep."""
        depth = 12 + len(body) - len(body.lstrip())
        for m in re.finditer(r"(?m)^ {%d,}(?=\S)" % depth, body):
            self._note("deep-indent", "info", m.start() + 1, "",
                       f"this line is indented {len(m.group(0))} spaces: presenter keeps the indentation; "
                       f"reveal-md would remove {depth} of them")

    def _report_entities(self, content: str, offset: int, label: str) -> None:
        """D3: reveal-md decodes HTML entities before markdown (the deck sits in a textarea)."""
        spans = split.fence_spans(content)
        for m in _ENTITY.finditer(content):
            if not any(a <= m.start() < b for a, b in spans):
                self._note("html-entities", "info", offset + m.start(), label,
                           f"{m.group(0)} stays an entity in presenter; reveal-md decodes it before "
                           "reading the markdown, so it may show as markup there")
                return

    def _slide(self, index: int, chunk: split.Chunk) -> Slide:
        label = f"{chunk.h}.{chunk.v}" if chunk.v else str(chunk.h)
        parts, divergences = split.split_notes(chunk.text, self.notes_marker, base=chunk.start)
        for d in divergences:
            self._divergence(d.code, d.offset, label)
        self._report_entities(parts.content, chunk.start, label)
        body = self.renderer.convert(parts.content)
        section = parse(body)
        section.tag = "section"
        # Notes are rendered when first shown, unless they hold attribute comments, which
        # reveal.js applies to the slide (the notes sit inside its <section>).
        aside = self._notes_tree(parts.notes) if parts.notes and "<!--" in parts.notes else None
        notes_html: str | None = None
        if "<!--" in body or aside is not None:
            if aside is not None:
                section.children.append(aside)
            self._apply_attributes(section, chunk, label)
            if aside is not None:
                section.children.remove(aside)
                notes_html = "".join(serialize(c) for c in aside.children).strip()
            html = serialize(section)
        else:
            html = f"<section>{body}</section>"
        if "data-notes" in section.attrs:
            notes_html = section.attrs["data-notes"]
        first = len(chunk.text) - len(chunk.text.lstrip())
        return Slide(
            index=index, h=chunk.h, v=chunk.v, line=self.line_of(chunk.start + first),
            markdown=parts.content, html=html, notes_markdown=parts.notes or "",
            notes_line=self.line_of(chunk.start + parts.notes_offset) if parts.notes_offset is not None else 0,
            attributes=frozen(section.attrs), title=_title(section), text=collapse(section.text()),
            fragment_count=fragment_count(section), background=Background.from_attributes(section.attrs),
            rendered_notes=notes_html, notes_renderer=self.renderer.convert,
        )

    def _apply_attributes(self, section: Element, chunk: split.Chunk, label: str) -> None:
        applier = AttributeApplier(self.element_re, self.slide_re)
        applier.apply(section)
        for ignored in applier.ignored:
            self._note("ignored-attribute", "warning", chunk.start + 1, label,
                       f"reveal-md ignores {ignored.text} (values must be in double quotes and not empty)")

    def _notes_tree(self, notes: str) -> Element:
        aside = parse(self.renderer.convert(notes))
        aside.tag = "aside"
        aside.attrs = {"class": "notes"}
        return aside


def _title(section: Element) -> str:
    """The first heading's text, else the first paragraph's or list item's, shortened."""
    for tags in (_HEADINGS, ("p", "li", "td", "th", "blockquote", "pre")):
        for el in section.iter():
            text = collapse(el.text()) if el.tag in tags else ""
            if text:
                return text if len(text) <= 60 else text[:57].rsplit(" ", 1)[0] + "…"
    return ""
