"""The talk: the deck, what the audience sees, what the presenter previews, the clocks (no Qt).

Two positions, as in pympress: the presenter can browse ahead while the audience window stays
put (and a frozen audience window stays put whatever the presenter does).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from presenter.deck.model import Deck, Slide
from presenter.deck.pacing import budgets
from presenter.talk.clock import Countdown, Pace, TalkClock, pace, planned_until
from presenter.talk.navigation import Navigator, Position

log = logging.getLogger(__name__)


class Blank(Enum):
    """What the audience sees instead of the slide."""

    NONE = "none"
    BLACK = "black"
    WHITE = "white"


@dataclass(frozen=True)
class PaceInfo:
    """The pace at the current slide: the time planned to reach it, and the verdict."""

    planned: int
    verdict: Pace


class Talk:
    """The state of one talk; ``on_change`` is called after every change.

    Args:
        deck: the deck.
        now: monotonic clock (injected for tests).
        wall: wall clock (injected for tests).
    """

    def __init__(self, deck: Deck, now: Callable[[], float] = time.monotonic,
                 wall: Callable[[], dt.datetime] = dt.datetime.now):
        self.clock = TalkClock(now)
        self.wall = wall
        self.countdown = Countdown()
        self.on_change: Callable[[], None] = lambda: None
        self._set_deck(deck)
        self.presenter = self.nav.first()
        self.audience = self.presenter
        self.frozen = False
        self.blank = Blank.NONE

    def _set_deck(self, deck: Deck) -> None:
        self.deck = deck
        self.nav = Navigator(deck)
        self.budgets = budgets(deck)

    # -- positions -------------------------------------------------------------------------
    @property
    def browsing(self) -> bool:
        """Whether the presenter is looking somewhere else than the audience."""
        return self.presenter != self.audience

    def slide(self, pos: Position | None = None) -> Slide | None:
        """The slide at ``pos`` (the presenter's by default)."""
        return self.nav.slide(pos or self.presenter)

    def move(self, pos: Position, browse: bool = False) -> None:
        """Go to ``pos``; the audience follows unless browsing or frozen. Starts the clock."""
        if pos != self.presenter and not browse:
            self.clock.start()
        self.presenter = pos
        if not browse and not self.frozen:
            self.audience = pos
        self.on_change()

    def go(self, how: str, browse: bool = False) -> None:
        """Move by a named step: next, previous, next_slide, previous_slide, left, right, up, down, first, last."""
        nav, pos = self.nav, self.presenter
        moves = {
            "next": lambda: nav.next(pos), "previous": lambda: nav.previous(pos),
            "next_slide": lambda: nav.next_slide(pos), "previous_slide": lambda: nav.previous_slide(pos),
            "left": lambda: nav.horizontal(pos, -1), "right": lambda: nav.horizontal(pos, 1),
            "up": lambda: nav.vertical(pos, -1), "down": lambda: nav.vertical(pos, 1),
            "first": nav.first, "last": nav.last,
        }
        self.move(moves[how](), browse or (self.browsing and not self.frozen))

    def goto(self, label: str) -> bool:
        """Jump to slide ``3`` or ``3.2``; returns False when there is no such slide."""
        pos = self.nav.find(label)
        if pos is None:
            return False
        self.move(pos, browse=self.browsing)
        return True

    def bring_audience(self) -> None:
        """The audience jumps to what the presenter is looking at (and unfreezes)."""
        self.frozen = False
        self.audience = self.presenter
        self.clock.start()
        self.on_change()

    def back_to_audience(self) -> None:
        """The presenter returns to what the audience sees."""
        self.presenter = self.audience
        self.on_change()

    def toggle_freeze(self) -> None:
        """Freeze the audience window on its slide (the presenter keeps moving), or release it."""
        self.frozen = not self.frozen
        if not self.frozen:
            self.audience = self.presenter
        self.on_change()

    def toggle_blank(self, kind: Blank) -> None:
        """Black or white screen on the audience window, or back to the slide."""
        self.blank = Blank.NONE if self.blank == kind else kind
        self.on_change()

    # -- reload ----------------------------------------------------------------------------
    def replace_deck(self, deck: Deck) -> None:
        """A reloaded deck: keep both positions (by slide identity) and the clocks."""
        old = self.deck
        self._set_deck(deck)
        self.presenter = self.nav.relocate(old, self.presenter)
        self.audience = self.nav.relocate(old, self.audience)
        self.on_change()

    # -- time ------------------------------------------------------------------------------
    def pace(self) -> PaceInfo | None:
        """Planned vs spent at the audience's slide, or None for an empty deck."""
        if not self.deck.slides:
            return None
        index = self.audience.index
        planned = planned_until(self.budgets, index)
        spent = self.clock.elapsed()
        # behind only once this slide's own budget is used up too
        verdict = pace(spent, planned if spent < planned else planned + self.budgets[index])
        return PaceInfo(planned, verdict)

    def remaining(self) -> float | None:
        """Seconds left on the count-down (negative past zero), or None."""
        return self.countdown.remaining(self.clock.elapsed(), self.wall())

    def total_budget(self) -> int:
        """The planned length of the whole talk in seconds."""
        return sum(self.budgets)
