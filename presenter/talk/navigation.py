"""Where the talk is: slide and fragment step, moving through a deck as reveal.js does (no Qt)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from presenter.deck.model import Deck, Slide

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Position:
    """A slide (index into ``deck.slides``) and how many fragment steps are shown."""

    index: int = 0
    step: int = 0


class Navigator:
    """Moves a ``Position`` through the visible slides of a deck (hidden slides skipped).

    Args:
        deck: the deck.
    """

    def __init__(self, deck: Deck):
        self.deck = deck
        self.visible = [s for s in deck.slides if not s.hidden] or list(deck.slides)

    def slide(self, pos: Position) -> Slide | None:
        """The slide at ``pos``, or None for an empty deck."""
        return self.deck.slides[pos.index] if self.deck.slides else None

    def _order(self, pos: Position) -> int:
        for i, s in enumerate(self.visible):
            if s.index >= pos.index:
                return i
        return len(self.visible) - 1

    def first(self) -> Position:
        """The first visible slide."""
        return Position(self.visible[0].index, 0) if self.visible else Position()

    def last(self) -> Position:
        """The last visible slide, every fragment shown."""
        if not self.visible:
            return Position()
        s = self.visible[-1]
        return Position(s.index, s.fragment_count)

    def next(self, pos: Position) -> Position:
        """One step forward: the next fragment, else the next slide (in flat order)."""
        slide = self.slide(pos)
        if slide is not None and pos.step < slide.fragment_count:
            return Position(pos.index, pos.step + 1)
        return self.next_slide(pos)

    def previous(self, pos: Position) -> Position:
        """One step back: hide the last fragment, else the previous slide fully revealed."""
        if pos.step > 0:
            return Position(pos.index, pos.step - 1)
        i = self._order(pos)
        if i == 0:
            return pos
        s = self.visible[i - 1]
        return Position(s.index, s.fragment_count)

    def next_slide(self, pos: Position) -> Position:
        """The next slide with no fragments shown (stays put on the last one)."""
        i = self._order(pos)
        if i + 1 >= len(self.visible):
            return pos
        return Position(self.visible[i + 1].index, 0)

    def previous_slide(self, pos: Position) -> Position:
        """The previous slide with no fragments shown."""
        i = self._order(pos)
        return Position(self.visible[i - 1].index, 0) if i > 0 else Position(pos.index, 0)

    def horizontal(self, pos: Position, delta: int) -> Position:
        """The first slide of the neighbouring horizontal position (left/right keys)."""
        slide = self.slide(pos)
        if slide is None:
            return pos
        hs = sorted({s.h for s in self.visible if (s.h - slide.h) * delta > 0}, reverse=delta < 0)
        if not hs:
            return pos
        target = next(s for s in self.visible if s.h == hs[0])  # hidden positions are skipped
        return Position(target.index, 0)

    def vertical(self, pos: Position, delta: int) -> Position:
        """The slide above or below in the same stack (up/down keys)."""
        slide = self.slide(pos)
        if slide is None or slide.v == 0:
            return pos
        target = [s for s in self.visible if s.h == slide.h and s.v == slide.v + delta]
        return Position(target[0].index, 0) if target else pos

    def find(self, label: str) -> Position | None:
        """The slide called ``3`` or ``3.2`` (``3`` in a stack is its first slide), or None."""
        m = re.fullmatch(r"\s*(\d+)(?:\.(\d+))?\s*", label)
        if not m:
            return None
        h, v = int(m.group(1)), int(m.group(2) or 0)
        for s in self.visible:
            if s.h == h and (s.v == v or (v == 0 and s.v == 1)):
                return Position(s.index, 0)
        return None

    def counter(self, pos: Position) -> str:
        """``7 / 23`` over the visible slides, with the vertical position (``3.2``)."""
        slide = self.slide(pos)
        if slide is None:
            return "0 / 0"
        return f"{slide.label}  ·  {self._order(pos) + 1} / {len(self.visible)}"

    def relocate(self, old: Deck, pos: Position) -> Position:
        """The same slide in this (reloaded) deck: by identity (title and place), not only index."""
        if not self.deck.slides:
            return Position()
        if old.slides and pos.index < len(old.slides):
            before = old.slides[pos.index]
            candidates = [s for s in self.deck.slides if s.title == before.title and s.markdown == before.markdown]
            candidates = candidates or [s for s in self.deck.slides if s.title and s.title == before.title]
            candidates = candidates or [s for s in self.deck.slides if (s.h, s.v) == (before.h, before.v)]
            if candidates:
                best = min(candidates, key=lambda s: abs(s.index - pos.index))
                return Position(best.index, min(pos.step, best.fragment_count))
        index = min(pos.index, len(self.deck.slides) - 1)
        return Position(index, min(pos.step, self.deck.slides[index].fragment_count))

    def peek(self, pos: Position) -> Position | None:
        """What one step forward shows, or None at the end."""
        nxt = self.next(pos)
        return None if nxt == pos else nxt
