"""One verdict on time: how the talk stands against its plan and its slot (no Qt).

The plan is the per-slide budgets. When the talk has a slot (``--duration``, ``--end``, or the
front matter's ``duration``/``end``), the budgets are scaled to fill the slot exactly, so that
"ahead" means "on course to finish inside the slot". Past the end of the slot the verdict is
"over", whatever the slide: the count-down, the pace and their colours never disagree.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from presenter.talk.clock import format_clock

log = logging.getLogger(__name__)

TOLERANCE = 15.0  # seconds either side of the plan that still count as on time


class Verdict(Enum):
    """How the talk is doing; the value is the word the speaker reads."""

    AHEAD = "ahead"
    ON_TIME = "on time"
    BEHIND = "behind"
    OVER = "over time"


@dataclass(frozen=True)
class TimeVerdict:
    """The talk's standing at one moment.

    Attributes:
        verdict: ahead, on time, behind, or over time.
        seconds: how far ahead or behind (or over), never negative; 0 when on time.
        slot: the talk's length in seconds when one is set, else None.
        planned: the plan's time at the start of the current slide (scaled to the slot).
        remaining: seconds left in the slot (negative past it), or None without a slot.
    """

    verdict: Verdict
    seconds: float
    slot: float | None
    planned: float
    remaining: float | None

    @property
    def text(self) -> str:
        """``on time``, ``2:07 ahead``, ``0:45 behind``, ``1:10 over time``."""
        if self.verdict == Verdict.ON_TIME:
            return "on time"
        return f"{format_clock(self.seconds)} {self.verdict.value}"


def time_verdict(budgets: Sequence[int], index: int, elapsed: float, remaining: float | None,
                 tolerance: float = TOLERANCE) -> TimeVerdict | None:
    """The verdict at slide ``index`` after ``elapsed`` seconds, ``remaining`` left in the slot.

    The speaker is behind only once the current slide's own time is used up too, and ahead only
    while still short of the time planned to reach this slide.

    Returns:
        None when there is nothing to compare with (no slides, no plan and no slot).
    """
    if not budgets or not 0 <= index < len(budgets):
        return None
    plan_total = float(sum(budgets))
    slot = elapsed + remaining if remaining is not None else None
    if remaining is not None and remaining < 0:
        return TimeVerdict(Verdict.OVER, -remaining, slot, plan_total, remaining)
    if plan_total <= 0 or (slot is not None and slot <= 0):
        return None if slot is None else TimeVerdict(Verdict.ON_TIME, 0.0, slot, 0.0, remaining)
    scale = slot / plan_total if slot is not None else 1.0
    start = sum(budgets[:index]) * scale
    end = start + budgets[index] * scale
    if slot is None and elapsed > plan_total + tolerance:
        return TimeVerdict(Verdict.OVER, elapsed - plan_total, None, start, None)
    if elapsed < start - tolerance:
        return TimeVerdict(Verdict.AHEAD, start - elapsed, slot, start, remaining)
    if elapsed > end + tolerance:
        return TimeVerdict(Verdict.BEHIND, elapsed - end, slot, start, remaining)
    return TimeVerdict(Verdict.ON_TIME, 0.0, slot, start, remaining)
