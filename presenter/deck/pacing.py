"""Per-slide time budgets: reveal.js pacing (speaker view ``getTimings``) or estimates (no Qt)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from presenter.deck.model import Deck, Slide

WORDS_PER_MINUTE = 130
MIN_SECONDS = 10
_INT = re.compile(r"^\s*([+-]?\d+)")


def counted_slides(deck: Deck) -> list[Slide]:
    """The slides reveal.js counts for pacing: not hidden, not ``uncounted``."""
    return [s for s in deck.slides if s.visibility not in ("hidden", "uncounted")]


def _js_int(value: str) -> int | None:
    m = _INT.match(value)
    return int(m.group(1)) if m else None


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def reveal_timings(deck: Deck) -> list[int] | None:
    """Seconds for each counted slide as reveal.js computes them, or None without pacing.

    ``data-timing`` wins for a slide; otherwise ``defaultTiming``; when ``totalTime`` is set the
    time it leaves is shared among the slides that have none (rounded as ``Math.round``).
    """
    total = _number(deck.reveal_options.get("totalTime"))
    default = _number(deck.reveal_options.get("defaultTiming"))
    if total is None and default is None:
        return None
    base = 0.0 if total else (default or 0.0)
    timings: list[float] = []
    for slide in counted_slides(deck):
        value = slide_timing(slide)
        timings.append(float(value) if value is not None else base)
    if total:
        zero = sum(1 for t in timings if t == 0)
        if zero:
            share = math.floor((total - sum(timings)) / zero + 0.5)
            timings = [share if t == 0 else t for t in timings]
    return [int(t) for t in timings]


def estimate_seconds(slide: Slide) -> int:
    """Speaking time estimated from the notes (or the slide's words) at 130 words a minute."""
    words = slide.notes_words or len(slide.text.split())
    if slide.empty:
        return 0
    return max(MIN_SECONDS, round(words * 60 / WORDS_PER_MINUTE))


def slide_timing(slide: Slide) -> int | None:
    """The slide's own ``data-timing`` in seconds (``parseInt``), or None when absent or not a number."""
    value = slide.attributes.get("data-timing")
    return _js_int(value) if value is not None else None


def budgets(deck: Deck) -> list[int]:
    """A budget in seconds for every slide of ``deck.slides`` (0 for hidden/uncounted ones).

    With ``defaultTiming`` or ``totalTime`` the budgets are reveal.js's (``reveal_timings``).
    Without them reveal.js has no pacing at all; presenter goes further: a slide's own
    ``data-timing`` (for example written by a rehearsal) is its budget, and the other slides keep
    the estimate from their notes. The plan is the sum.
    """
    timings = reveal_timings(deck)
    counted = counted_slides(deck)
    if timings is None:
        by_index = {s.index: _own_or_estimate(s) for s in counted}
    else:
        by_index = {s.index: t for s, t in zip(counted, timings, strict=True)}
    return [by_index.get(s.index, 0) for s in deck.slides]


def _own_or_estimate(slide: Slide) -> int:
    own = slide_timing(slide)
    return max(0, own) if own is not None else estimate_seconds(slide)


def slides_under_minimum(deck: Deck, timings: Sequence[int]) -> int:
    """How many timings fall under ``minimumTimePerSlide``."""
    minimum = _number(deck.reveal_options.get("minimumTimePerSlide")) or 0
    return sum(1 for t in timings if t < minimum)
