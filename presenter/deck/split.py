"""Splitting a deck body into slides and notes (reveal.js ``slidify``, ``createMarkdownSlide``).

Two deliberate differences from reveal-md (``deck-format.md``, D1 and D2):

* separators and notes markers inside fenced code blocks are ignored (reveal-md splits there);
* the first notes marker starts the notes even when a slide has several (reveal-md then
  shows no notes and puts the private text on the slide).

Each place where reveal-md would have behaved differently is returned as a ``Divergence``
so that ``presenter check`` can report it.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

import regex

from presenter.deck.errors import DeckError
from presenter.deck.patterns import DeckPattern

log = logging.getLogger(__name__)

MAX_SLIDES = 10_000
MAX_NOTES_MARKERS = 100  # per slide: more says nothing new
DEFAULT_SEPARATOR = r"\r?\n---\r?\n"
DEFAULT_VERTICAL = r"\r?\n----\r?\n"
# The plugin's default is the JS string '^\s*notes?:', in which '\s' loses its backslash.
DEFAULT_NOTES = r"^s*notes?:"

DIVERGENCE_TEXT = {
    "separator-in-code-fence": "a slide separator inside a fenced code block: presenter keeps the "
    "code block whole; reveal-md would split the slide here",
    "notes-marker-in-code-fence": "a notes marker inside a fenced code block: presenter keeps it as "
    "code; reveal-md would start the speaker notes here",
    "several-notes-markers": "a second notes marker in one slide: presenter keeps everything after the "
    "first marker as notes; reveal-md would show no notes and put them on the slide for the audience",
}
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_FENCE_CLOSE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*$")


@dataclass(frozen=True)
class Chunk:
    """The text of one slide and where it sits in the body.

    Attributes:
        text: the slide's markdown, notes included.
        start: offset of ``text`` in the body.
        h: horizontal position counted from 1.
        v: 0 outside a vertical stack, else 1, 2, … inside it.
    """

    text: str
    start: int
    h: int
    v: int


@dataclass(frozen=True)
class Divergence:
    """A place where reveal-md reads the deck differently from presenter.

    Attributes:
        code: ``separator-in-code-fence``, ``notes-marker-in-code-fence`` or ``several-notes-markers``.
        offset: offset in the body.
    """

    code: str
    offset: int


def fence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of closed fenced code blocks in ``text``, in order.

    An unclosed fence is not treated as a fence here, so that one missing closing line
    cannot swallow the rest of the deck. Linear in the number of lines.
    """
    spans: list[tuple[int, int]] = []
    if "```" not in text and "~~~" not in text:
        return spans
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    closers = [_closer(line) for line in lines]
    unclosable: dict[str, int] = {}  # fence character -> shortest fence known to have no closer ahead
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i].rstrip("\r\n"))
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            char, length = m.group(1)[0], len(m.group(1))
            close = None if length >= unclosable.get(char, length + 1) else _find_close(closers, i + 1, char, length)
            if close is not None:
                spans.append((offsets[i], offsets[close] + len(lines[close].rstrip("\r\n"))))
                i = close + 1
                continue
            unclosable[char] = min(length, unclosable.get(char, length))
        i += 1
    return spans


def _closer(line: str) -> tuple[str, int] | None:
    m = _FENCE_CLOSE.match(line.rstrip("\r\n"))
    return (m.group(1)[0], len(m.group(1))) if m else None


def _find_close(closers: list[tuple[str, int] | None], start: int, char: str, length: int) -> int | None:
    for j in range(start, len(closers)):
        c = closers[j]
        if c is not None and c[0] == char and c[1] >= length:
            return j
    return None


class FenceSpans:
    """The closed fences of a text, for fast "is this match inside a fence" questions."""

    def __init__(self, text: str):
        self.spans = fence_spans(text)
        self._starts = [a for a, _ in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def holds(self, start: int, end: int) -> bool:
        """True when the match ``[start, end)`` lies within a fence span.

        A separator match includes the line ends around its line, so it counts as inside when it
        starts at or after the fence's first character and ends no later than one past its last.
        """
        k = bisect.bisect_right(self._starts, start) - 1
        if k < 0:
            return False
        a, b = self.spans[k]
        return a <= start and end <= b + 1 and start < b

    def covers(self, offset: int) -> bool:
        """True when ``offset`` is inside a fence span."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self.spans[k][1]


def slidify(body: str, separator: DeckPattern, vertical: DeckPattern | None,
            respect_fences: bool = True) -> tuple[list[Chunk], list[Divergence], set[str]]:
    """Split ``body`` into chunks as reveal.js ``slidify`` does (fence-aware unless told).

    Returns:
        The chunks in presentation order, the divergences from reveal-md, and which
        separators matched at least once (``"separator"``, ``"vertical"``).

    Raises:
        DeckError: the separators match empty text or take too long on this body.
    """
    combined = separator.joined(vertical) if vertical else separator
    combined = combined.with_flags(combined.flags | regex.M)
    is_h = separator.with_flags(separator.flags & ~regex.M)
    spans = FenceSpans(body if respect_fences else "")
    pieces: list[tuple[int, int, bool]] = []  # (start, end, followed_by_horizontal)
    divergences: list[Divergence] = []
    matched: set[str] = set()
    last = 0
    matches = combined.finditer(body, MAX_SLIDES + 1)
    if len(matches) > MAX_SLIDES:
        raise DeckError(f"{combined.option} {combined.source!r} splits the deck into more than {MAX_SLIDES:,} "
                        "slides: is it the separator you meant?")
    for m in matches:
        if m.end() == m.start():
            line = body.count("\n", 0, m.start())
            raise DeckError(f"separator {combined.source!r} matches empty text, so it would split "
                            f"everywhere (first at line {line} of the body)")
        if spans and spans.holds(m.start(), m.end()):
            divergences.append(Divergence("separator-in-code-fence", m.start()))
            continue
        horizontal = is_h.search(m.group(0)) is not None
        matched.add("separator" if horizontal else "vertical")
        pieces.append((last, m.start(), horizontal))
        last = m.end()
    pieces.append((last, len(body), True))
    return _number(body, pieces), divergences, matched


def _number(body: str, pieces: list[tuple[int, int, bool]]) -> list[Chunk]:
    """Give each piece its (h, v) position following slidify's stack rules."""
    chunks: list[Chunk] = []
    h, v, was_h = 0, 0, True
    for start, end, next_is_h in pieces:
        if was_h:
            h += 1
            v = 0 if next_is_h else 1
        else:
            v += 1
        chunks.append(Chunk(body[start:end], start, h, v))
        was_h = next_is_h
    return chunks


@dataclass(frozen=True)
class NotesSplit:
    """A slide chunk split into its visible markdown and its notes.

    Attributes:
        content: markdown shown on the slide.
        notes: markdown of the notes (``None`` when there is no marker).
        notes_offset: offset of the marker within the chunk (``None`` without notes).
    """

    content: str
    notes: str | None
    notes_offset: int | None


def split_notes(chunk: str, marker: DeckPattern, respect_fences: bool = True,
                base: int = 0) -> tuple[NotesSplit, list[Divergence]]:
    """Split the notes off a chunk: everything after the first marker outside a fence."""
    spans = FenceSpans(chunk if respect_fences else "")
    found = []
    divergences: list[Divergence] = []
    for m in marker.finditer(chunk, MAX_NOTES_MARKERS):
        if spans and spans.holds(m.start() - 1, m.end()):
            divergences.append(Divergence("notes-marker-in-code-fence", base + m.start()))
            continue
        found.append(m)
    if not found:
        return NotesSplit(chunk, None, None), divergences
    if len(found) > 1:
        divergences.append(Divergence("several-notes-markers", base + found[1].start()))
    first = found[0]
    return NotesSplit(chunk[: first.start()], chunk[first.end():].strip(), first.start()), divergences
