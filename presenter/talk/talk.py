"""The talk: the deck, what the audience sees, what the presenter previews, the clocks (no Qt).

Two positions, as in pympress: the presenter can browse ahead while the audience window stays
put (and a frozen audience window stays put whatever the presenter does).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from enum import Enum

from presenter.deck.model import Deck, Slide
from presenter.deck.pacing import budgets
from presenter.talk.clock import Countdown, TalkClock
from presenter.talk.navigation import Navigator, Position
from presenter.talk.verdict import TimeVerdict, time_verdict

log = logging.getLogger(__name__)


class Blank(Enum):
    """What the audience sees instead of the slide."""

    NONE = "none"
    BLACK = "black"
    WHITE = "white"


class Talk:
    """The state of one talk.

    ``on_change`` is called after every change; each of ``audience_moved`` is called with the
    audience's slide whenever the audience's position changes (rehearsal recording and the Q&A
    panel follow it there, not from painting).

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
        self.audience_moved: list[Callable[[Slide | None], None]] = []
        self._set_deck(deck)
        self.presenter = self.nav.first()
        self.audience = self.presenter
        self.frozen = False
        self.blank = Blank.NONE

    def _changed(self, audience_before: Position) -> None:
        if self.audience != audience_before:
            slide = self.slide(self.audience)
            for listener in list(self.audience_moved):
                listener(slide)
        self.on_change()

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
        before = self.audience
        if pos != self.presenter and not browse:
            self.clock.start()
        self.presenter = pos
        if not browse and not self.frozen:
            self.audience = pos
        self._changed(before)

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
        before = self.audience
        self.frozen = False
        self.audience = self.presenter
        self.clock.start()
        self._changed(before)

    def back_to_audience(self) -> None:
        """The presenter returns to what the audience sees."""
        self.presenter = self.audience
        self.on_change()

    def toggle_freeze(self) -> None:
        """Freeze the audience window on its slide (the presenter keeps moving), or release it."""
        before = self.audience
        self.frozen = not self.frozen
        if not self.frozen:
            self.audience = self.presenter
        self._changed(before)

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
        self._changed(Position(-1, -1))  # a new deck: its slide objects are new even where the position is not

    # -- time ------------------------------------------------------------------------------
    def verdict(self) -> TimeVerdict | None:
        """Ahead, on time, behind or over, at the audience's slide (None before the talk starts)."""
        if not self.clock.state.started:
            return None
        return time_verdict(self.budgets, self.audience.index, self.clock.elapsed(), self.remaining())

    def remaining(self) -> float | None:
        """Seconds left on the count-down (negative past zero), or None."""
        return self.countdown.remaining(self.clock.elapsed(), self.wall())

    def slot(self) -> float | None:
        """The talk's length in seconds when a count-down is set (a duration, or up to an end time)."""
        if self.countdown.duration is not None:
            return float(self.countdown.duration)
        remaining = self.remaining()
        return None if remaining is None else self.clock.elapsed() + remaining

    def total_budget(self) -> int:
        """The planned length of the whole talk in seconds."""
        return sum(self.budgets)
