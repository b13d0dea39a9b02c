"""The talk's clocks: elapsed time with hold, correction and undoable reset; count-down; pace (no Qt).

Time is injected (``now``), so tests move a fake clock and never sleep.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClockState:
    """Everything the elapsed clock is; immutable so that a reset can be undone.

    Attributes:
        started_at: the ``now()`` reading when it last started running, or None when not running.
        banked: seconds counted before the current run.
        held: whether it is on hold (paused); a hold stays across slide changes.
        started: whether the talk has started at all.
    """

    started_at: float | None = None
    banked: float = 0.0
    held: bool = False
    started: bool = False


class TalkClock:
    """Elapsed talk time: starts on the first advance (or a key), holds, corrects, resets.

    Args:
        now: a monotonic clock in seconds.
    """

    def __init__(self, now: Callable[[], float] = time.monotonic):
        self.now = now
        self.state = ClockState()
        self._undo: ClockState | None = None

    def elapsed(self) -> float:
        """Seconds of talk so far (holds excluded)."""
        s = self.state
        running = self.now() - s.started_at if s.started_at is not None else 0.0
        return max(0.0, s.banked + running)

    @property
    def running(self) -> bool:
        """Started and not on hold."""
        return self.state.started_at is not None

    def start(self) -> None:
        """Start the clock if the talk has not started (first advance, or the start key)."""
        if not self.state.started:
            self.state = ClockState(self.now(), 0.0, False, True)

    def toggle_hold(self) -> None:
        """Hold (pause) or release; starts the clock if it had not started."""
        s = self.state
        if not s.started:
            self.start()
        elif s.held:
            self.state = replace(s, started_at=self.now(), held=False)
        else:
            self.state = ClockState(None, self.elapsed(), True, True)

    def adjust(self, seconds: float) -> None:
        """Correct the elapsed time by ``seconds`` (never below zero)."""
        seconds = max(seconds, -self.elapsed())
        s = self.state
        if s.started:
            self.state = replace(s, banked=s.banked + seconds)
        else:
            self.state = ClockState(None, seconds, True, True)

    def reset(self) -> None:
        """Back to zero, not started; ``undo_reset`` brings the old time back."""
        self._undo = ClockState(None, self.elapsed(), True, self.state.started) if self.state.started else None
        self.state = ClockState()

    def can_undo_reset(self) -> bool:
        """Whether a reset can be undone."""
        return self._undo is not None

    def undo_reset(self) -> None:
        """Restore the time from before the last reset (on hold, so the speaker resumes it)."""
        if self._undo is not None:
            self.state, self._undo = self._undo, None


_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$", re.I)


def parse_duration(text: str) -> int:
    """``20m``, ``1h10m``, ``90s``, ``45`` (minutes) or ``0:20:00`` → seconds.

    Raises:
        ValueError: not a duration.
    """
    text = str(text).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return round(float(text) * 60)
    if re.fullmatch(r"\d+:\d{2}(:\d{2})?", text):
        parts = [int(p) for p in text.split(":")]
        if len(parts) == 2:  # minutes:seconds
            return parts[0] * 60 + parts[1]
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    m = _DURATION.match(text)
    if not text or not m or not any(m.groups()):
        raise ValueError(f"{text!r} is not a duration (try 20m, 1h10m or 90s)")
    h, mi, s = (int(g or 0) for g in m.groups())
    return h * 3600 + mi * 60 + s


def parse_end_time(text: str, today: dt.datetime) -> dt.datetime:
    """``19:45`` → that time today (tomorrow if it has passed more than 12 hours ago).

    Raises:
        ValueError: not HH:MM.
    """
    m = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", str(text))
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValueError(f"{text!r} is not a time of day (try 19:45)")
    end = today.replace(hour=int(m.group(1)), minute=int(m.group(2)), second=0, microsecond=0)
    if end < today - dt.timedelta(hours=12):
        end += dt.timedelta(days=1)
    return end


@dataclass(frozen=True)
class Countdown:
    """A count-down to the end of the talk: a duration from the start, or a wall-clock end.

    Attributes:
        duration: seconds for the whole talk (counted on the elapsed clock), or None.
        end: the wall-clock end, or None.
    """

    duration: int | None = None
    end: dt.datetime | None = None

    @property
    def active(self) -> bool:
        """Whether there is anything to count down to."""
        return self.duration is not None or self.end is not None

    def remaining(self, elapsed: float, wall: dt.datetime) -> float | None:
        """Seconds left (negative past the end), or None without a count-down."""
        if self.end is not None:
            return (self.end - wall).total_seconds()
        if self.duration is not None:
            return self.duration - elapsed
        return None


def format_clock(seconds: float, signed: bool = False) -> str:
    """``12:05``, ``1:02:03``; negative values as ``-0:42`` (and ``+`` when ``signed``)."""
    sign = "-" if seconds < 0 else ("+" if signed and seconds > 0 else "")
    total = int(abs(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m}:{s:02d}"
