"""Splitting a deck body into slides and notes (reveal.js ``slidify``, ``createMarkdownSlide``).

Two deliberate differences from reveal-md (``deck-format.md``, D1 and D2):

* separators and notes markers inside fenced code blocks are ignored (reveal-md splits there);
* the first notes marker starts the notes even when a slide has several (reveal-md then
  shows no notes and puts the private text on the slide).

Each place where reveal-md would have behaved differently is returned as a ``Divergence``
so that ``presenter check`` can report it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from presenter.deck.errors import DeckError

log = logging.getLogger(__name__)

DEFAULT_SEPARATOR = r"\r?\n---\r?\n"
DEFAULT_VERTICAL = r"\r?\n----\r?\n"
# The plugin's default is the JS string '^\s*notes?:', in which '\s' loses its backslash.
DEFAULT_NOTES = r"^s*notes?:"

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


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


def js_regex(source: str, flags: int = 0, what: str = "separator") -> re.Pattern[str]:
    """Compile a JavaScript regex source as Python, rejecting ones that match empty text.

    Raises:
        DeckError: the pattern does not compile or can match the empty string.
    """
    py = re.sub(r"\(\?<([A-Za-z_]\w*)>", r"(?P<\1>", source)
    try:
        pattern = re.compile(py, flags)
    except re.error as exc:
        raise DeckError(f"{what} {source!r} is not a valid regular expression: {exc}") from None
    if pattern.fullmatch("") is not None or any(m.start() == m.end() for m in pattern.finditer("\n\n")):
        raise DeckError(f"{what} {source!r} matches empty text, so it would split everywhere")
    return pattern


def fence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of closed fenced code blocks in ``text``.

    An unclosed fence is not treated as a fence here, so that one missing closing line
    cannot swallow the rest of the deck.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    lines = text.splitlines(keepends=True)
    i = 0
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i].rstrip("\r\n"))
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            close = _find_close(lines, i + 1, m.group(1))
            if close is not None:
                spans.append((offsets[i], offsets[close] + len(lines[close].rstrip("\r\n"))))
                i = close + 1
                continue
        i += 1
    return spans


def _find_close(lines: list[str], start: int, fence: str) -> int | None:
    closer = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
    for j in range(start, len(lines)):
        if closer.match(lines[j].rstrip("\r\n")):
            return j
    return None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when the match ``[start, end)`` lies within a fence span.

    A separator match includes the line ends around its line, so it counts as inside when it
    starts at or after the fence's first character and ends no later than one past its last.
    """
    return any(a <= start and end <= b + 1 and start < b for a, b in spans)


def slidify(body: str, separator: re.Pattern[str], vertical: re.Pattern[str] | None,
            respect_fences: bool = True) -> tuple[list[Chunk], list[Divergence], set[str]]:
    """Split ``body`` into chunks as reveal.js ``slidify`` does (fence-aware unless told).

    Returns:
        The chunks in presentation order, the divergences from reveal-md, and which
        separators matched at least once (``"separator"``, ``"vertical"``).
    """
    combined = re.compile(separator.pattern + ("|" + vertical.pattern if vertical else ""),
                          separator.flags | re.M)
    is_h = re.compile(separator.pattern, separator.flags & ~re.M)
    spans = fence_spans(body) if respect_fences else []
    pieces: list[tuple[int, int, bool]] = []  # (start, end, followed_by_horizontal)
    divergences: list[Divergence] = []
    matched: set[str] = set()
    last = 0
    for m in combined.finditer(body):
        if m.end() == m.start():
            line = body.count("\n", 0, m.start())
            raise DeckError(f"separator {combined.pattern!r} matches empty text, so it would split "
                            f"everywhere (first at line {line} of the body)")
        if spans and _inside(spans, m.start(), m.end()):
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


def split_notes(chunk: str, marker: re.Pattern[str], respect_fences: bool = True,
                base: int = 0) -> tuple[NotesSplit, list[Divergence]]:
    """Split the notes off a chunk: everything after the first marker outside a fence."""
    spans = fence_spans(chunk) if respect_fences else []
    found = []
    divergences: list[Divergence] = []
    for m in marker.finditer(chunk):
        if spans and _inside(spans, m.start() - 1, m.end()):
            divergences.append(Divergence("notes-marker-in-code-fence", base + m.start()))
            continue
        found.append(m)
    if not found:
        return NotesSplit(chunk, None, None), divergences
    if len(found) > 1:
        divergences.append(Divergence("several-notes-markers", base + found[1].start()))
    first = found[0]
    return NotesSplit(chunk[: first.start()], chunk[first.end():].strip(), first.start()), divergences
