"""The immutable deck model: ``Deck`` and ``Slide``; ``Background`` lives in ``backgrounds`` (no Qt)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from presenter.deck.backgrounds import Background, is_image_url
from presenter.deck.html_tree import collapse, parse
from presenter.deck.resources import Resource, resolve

__all__ = ["DEFAULT_SIZE", "SIZE_RANGE", "Background", "Deck", "LoadNote", "Slide", "frozen", "is_image_url",
           "slide_dimension"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """Return a read-only view of a copy of ``mapping``."""
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Slide:
    """One slide, in presentation order.

    Attributes:
        index: position in the flat list of slides (0-based).
        h: horizontal position counted from 1; v: 0 outside a stack, 1, 2, … inside one.
        line: the deck file's line where the slide's text starts (1-based).
        markdown: the slide's markdown without the notes.
        html: the rendered slide (attribute comments applied, fragments numbered).
        notes_markdown: the notes' markdown (``""`` when there are none); ``notes_html`` and
            ``notes_text`` are rendered from it on first use.
        notes_line: the line of the notes marker, or 0.
        attributes: the ``<section>`` attributes set by ``.slide:`` comments.
        title: the first heading's text, else the start of the first text.
        text: the slide's visible text, white space collapsed.
        fragment_count: how many fragment steps the slide has.
        background: the resolved background.
    """

    index: int
    h: int
    v: int
    line: int
    markdown: str
    html: str
    notes_markdown: str = ""
    notes_line: int = 0
    attributes: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    title: str = ""
    text: str = ""
    fragment_count: int = 0
    background: Background = field(default_factory=Background)
    rendered_notes: str | None = field(default=None, repr=False, compare=False)
    notes_renderer: Callable[[str], str] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def notes_html(self) -> str:
        """The notes as HTML (rendered on first use; ``""`` without notes)."""
        if self.rendered_notes is not None:
            return self.rendered_notes
        if not self.notes_markdown or self.notes_renderer is None:
            return ""
        return self.notes_renderer(self.notes_markdown).strip()

    @cached_property
    def notes_text(self) -> str:
        """The notes as plain text, white space collapsed."""
        return collapse(parse(self.notes_html).text()) if self.notes_html else ""

    @property
    def label(self) -> str:
        """``"3"`` for a horizontal slide, ``"3.2"`` inside a stack."""
        return f"{self.h}.{self.v}" if self.v else str(self.h)

    @property
    def empty(self) -> bool:
        """Whether the slide shows nothing at all."""
        return not self.text and not self.background.is_set and "<img" not in self.html

    @property
    def has_notes(self) -> bool:
        """Whether the slide has speaker notes."""
        return bool(self.notes_text)

    @property
    def notes_words(self) -> int:
        """How many words the notes have."""
        return len(self.notes_text.split())

    @property
    def visibility(self) -> str:
        """``data-visibility``: ``""``, ``hidden`` or ``uncounted``."""
        return self.attributes.get("data-visibility", "")

    @property
    def hidden(self) -> bool:
        """Hidden slides are removed at start-up by reveal.js (unless showHiddenSlides)."""
        return self.visibility == "hidden"


@dataclass(frozen=True)
class LoadNote:
    """Something the loader noticed that ``presenter check`` reports.

    Attributes:
        code: a short identifier (``several-notes-markers``, ``ignored-attribute``…).
        severity: ``error``, ``warning`` or ``info``.
        line: the deck file's line (1-based, 0 when not tied to a line).
        slide: the slide label, or ``""``.
        message: what it means for the author.
    """

    code: str
    severity: str
    line: int
    slide: str
    message: str


@dataclass(frozen=True)
class Deck:
    """A loaded deck. Build one with ``presenter.deck.load_deck`` or ``parse_deck``.

    Attributes:
        path: the deck file (``Path()`` for text that came from elsewhere).
        folder: where relative and root-absolute URLs resolve.
        title: the front-matter title, else the first slide's title, else the file name.
        theme: the theme name (``black`` when unset).
        options: deck options (front matter merged with overrides).
        reveal_options: the options reveal.js would get (``revealOptions``).
        slides: every slide in presentation order, empty and hidden ones included.
        notes: what the loader noticed (divergences from reveal-md, ignored attributes…).
    """

    path: Path = field(default_factory=Path)
    folder: Path = field(default_factory=Path)
    title: str = ""
    theme: str = "black"
    options: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    reveal_options: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    slides: tuple[Slide, ...] = ()
    notes: tuple[LoadNote, ...] = ()

    @classmethod
    def empty(cls) -> Deck:
        """The null deck: no slides."""
        return cls()

    @property
    def transition(self) -> str:
        """The deck's transition; reveal-md's default ``default`` is reveal.js's convex."""
        name = str(self.reveal_options.get("transition", "default") or "default")
        return "convex" if name == "default" else name

    @property
    def transition_speed(self) -> str:
        """``default``, ``fast`` or ``slow``."""
        return str(self.reveal_options.get("transitionSpeed", "default"))

    @property
    def size(self) -> tuple[int, int]:
        """The logical slide size (reveal.js ``width`` × ``height``, 960×700 by default).

        When either is set to something unusable (0, negative, a string, ``100%``), both fall back
        to 960×700 (``check`` reports it), so nothing downstream divides by zero.
        """
        raw = [self.reveal_options.get(k) for k in ("width", "height")]
        dims = [slide_dimension(v) for v in raw]
        if any(v is not None and d is None for v, d in zip(raw, dims, strict=True)):
            return DEFAULT_SIZE
        return (dims[0] or DEFAULT_SIZE[0], dims[1] or DEFAULT_SIZE[1])

    def horizontal_count(self) -> int:
        """How many horizontal positions the deck has."""
        return self.slides[-1].h if self.slides else 0

    def stack_sizes(self) -> list[int]:
        """For each horizontal position, the number of slides in its stack (0 when not a stack)."""
        sizes = [0] * self.horizontal_count()
        for s in self.slides:
            if s.v:
                sizes[s.h - 1] = max(sizes[s.h - 1], s.v)
        return sizes

    def resource(self, url: str) -> Resource:
        """What ``url`` refers to, resolved against the deck's folder (see ``presenter.deck.resources``)."""
        return resolve(self.folder, url)

    def resolve(self, url: str) -> Path | None:
        """The file under the deck's folder that ``url`` names, or None (remote, outside the folder…)."""
        res = resolve(self.folder, url)
        return res.path if res.kind == "local" else None

    def find(self, h: int, v: int = 0) -> Slide | None:
        """The slide at ``(h, v)``, or None."""
        for s in self.slides:
            if s.h == h and s.v == v:
                return s
        return None


DEFAULT_SIZE = (960, 700)
SIZE_RANGE = (100, 10000)


def slide_dimension(value: Any) -> int | None:
    """A usable ``width``/``height`` (a number of pixels within ``SIZE_RANGE``), None when unset or unusable."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isnan(number) or not SIZE_RANGE[0] <= number <= SIZE_RANGE[1]:
        return None
    return int(number)
