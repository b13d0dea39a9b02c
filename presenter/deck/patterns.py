"""The deck's own regular expressions (separators, attribute comments), bounded in time.

A deck can set ``separator``, ``verticalSeparator``, ``notesSeparator``,
``elementAttributesSeparator`` and ``slideAttributesSeparator`` to any JavaScript regex. One with
catastrophic backtracking (``(a+)+$``, ``(a|a)+$``) would freeze the talk. Every deck-supplied
pattern is therefore run by the ``regex`` package, whose matcher takes a timeout, against one time
budget per deck load: when the budget runs out the load stops with a ``DeckError`` naming the
option. A pattern that does not compile, or lacks the capture group reveal.js reads, is also a
``DeckError`` naming the option.
"""

from __future__ import annotations

import itertools
import logging
import re
import time
from collections.abc import Callable

import regex

from presenter.deck.errors import DeckError

log = logging.getLogger(__name__)

BUDGET_SECONDS = 1.0  # all deck-supplied matching of one load together
_NAMED_GROUP = re.compile(r"\(\?<([A-Za-z_]\w*)>")


class Budget:
    """A deadline shared by every deck pattern of one load.

    Args:
        seconds: the time allowed in total (``BUDGET_SECONDS`` when omitted).
        now: the clock (injected in tests).
    """

    def __init__(self, seconds: float | None = None, now: Callable[[], float] = time.monotonic):
        self.seconds = BUDGET_SECONDS if seconds is None else seconds
        self._now = now
        self.deadline = now() + self.seconds

    def remaining(self) -> float:
        """Seconds left (never below a millisecond, so that a call still fails fast and cleanly)."""
        return max(0.001, self.deadline - self._now())


class DeckPattern:
    """A compiled deck regex whose every match is bounded by the load's ``Budget``.

    Attributes:
        option: the deck option the pattern came from (named in errors).
        source: the JavaScript source as written in the deck.
        pattern: the source as the Python ``regex`` package reads it.
        flags: the ``regex`` flags it was compiled with.
    """

    def __init__(self, option: str, source: str, flags: int, budget: Budget):
        self.option = option
        self.source = source
        self.pattern = _NAMED_GROUP.sub(r"(?P<\1>", source)
        self.flags = flags
        self.budget = budget
        try:
            self.compiled = regex.compile(self.pattern, flags)
        except (regex.error, ValueError, OverflowError, RecursionError) as exc:
            raise DeckError(f"{option} {source!r} is not a valid regular expression: {exc}") from None

    def _too_slow(self) -> DeckError:
        return DeckError(f"{self.option} {self.source!r} takes too long to match this deck (over "
                         f"{self.budget.seconds:g} s, probably nested repetition such as (a+)+): simplify it")

    def finditer(self, text: str, limit: int = 0) -> list[regex.Match[str]]:
        """The matches in ``text`` (a list, computed within the budget); at most ``limit`` when given."""
        try:
            found = self.compiled.finditer(text, timeout=self.budget.remaining())
            return list(itertools.islice(found, limit) if limit else found)
        except TimeoutError:
            raise self._too_slow() from None

    def search(self, text: str) -> regex.Match[str] | None:
        """The first match in ``text``, or None."""
        try:
            return self.compiled.search(text, timeout=self.budget.remaining())
        except TimeoutError:
            raise self._too_slow() from None

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        """A match of the whole of ``text``, or None."""
        try:
            return self.compiled.fullmatch(text, timeout=self.budget.remaining())
        except TimeoutError:
            raise self._too_slow() from None

    def with_flags(self, flags: int) -> DeckPattern:
        """The same source compiled with other flags (same option, same budget)."""
        return DeckPattern(self.option, self.source, flags, self.budget)

    def joined(self, other: DeckPattern) -> DeckPattern:
        """``self|other`` as reveal.js joins the separators (plain string concatenation)."""
        return DeckPattern(f"{self.option}/{other.option}", f"{self.source}|{other.source}",
                           self.flags | other.flags, self.budget)


def separator_pattern(option: str, source: str, flags: int, budget: Budget) -> DeckPattern:
    """A separator or notes marker: it must compile and never match empty text.

    Raises:
        DeckError: the pattern does not compile, matches empty text or takes too long.
    """
    pattern = DeckPattern(option, source, flags, budget)
    if pattern.fullmatch("") is not None or any(m.start() == m.end() for m in pattern.finditer("\n\n")):
        raise DeckError(f"{option} {source!r} matches empty text, so it would split everywhere")
    return pattern


def attribute_pattern(option: str, source: str, budget: Budget) -> DeckPattern:
    """An attribute-comment pattern: reveal.js reads its first capture group.

    Raises:
        DeckError: the pattern does not compile or has no capture group.
    """
    pattern = DeckPattern(option, source, regex.M, budget)
    if pattern.compiled.groups < 1:
        raise DeckError(f"{option} {source!r} has no capture group; reveal.js reads the "
                        "attributes from the first group, as in the default '\\.element\\s*?(.+?)$'")
    return pattern
