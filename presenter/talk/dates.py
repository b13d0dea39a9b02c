"""Dates for people: due dates typed the way UK councils write them, and dates printed in English.

Due dates are stored as ISO dates (``YYYY-MM-DD``) or empty. ``parse_due`` is the one way in for
every form (the Q&A panel, the clerk's web form, imports): it accepts ISO dates and the common
UK day-first forms, and refuses anything else with a message that says what to type. Month
names are English whatever the locale, so a handout never mixes languages.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

log = logging.getLogger(__name__)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(MONTHS, 1)} | {m[:3].lower(): i for i, m in enumerate(MONTHS, 1)}
_MONTH_NUMBER["sept"] = 9
_DAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})")
_DAY_MONTH = re.compile(rf"(?:{_DAYS})?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{{4}})")
_MONTH_DAY = re.compile(rf"(?:{_DAYS})?([a-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")
EXAMPLES = "2026-12-15, 15/12/2026 or 15 Dec 2026"


class DueDateError(ValueError):
    """A due date that is not a date; the message says what was typed and what to type."""


def parse_due(text: str) -> str:
    """The ISO date (``YYYY-MM-DD``) for a typed due date, or ``""`` for none.

    Accepts ``2026-12-15``, ``15/12/2026``, ``15.12.26``, ``15-12-2026`` (day first, as in the UK),
    ``15 Dec 2026``, ``15th December 2026``, ``Tue 15 December 2026`` and ``December 15, 2026``.

    Raises:
        DueDateError: anything else, or a day that does not exist (``31/02/2026``).
    """
    value = " ".join(text.strip().lower().split())
    if not value:
        return ""
    parts = _parts(value)
    if parts is None:
        raise DueDateError(f"due date {text.strip()!r} is not a date: type it as {EXAMPLES}")
    year, month, day = parts
    if not 1 <= month <= 12:
        raise DueDateError(f"due date {text.strip()!r}: {month} is not a month (dates are day/month/year)")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise DueDateError(f"due date {text.strip()!r}: {MONTHS[month - 1]} {year} has no day {day}") from None


def _parts(value: str) -> tuple[int, int, int] | None:
    if m := _ISO.fullmatch(value):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _NUMERIC.fullmatch(value):
        year = int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        return year, int(m[3]), int(m[1])
    if (m := _DAY_MONTH.fullmatch(value)) and m[2] in _MONTH_NUMBER:
        return int(m[3]), _MONTH_NUMBER[m[2]], int(m[1])
    if (m := _MONTH_DAY.fullmatch(value)) and m[1] in _MONTH_NUMBER:
        return int(m[3]), _MONTH_NUMBER[m[1]], int(m[2])
    return None


def human_date(day: dt.date, short: bool = False) -> str:
    """``15 December 2026`` (``15 Dec 2026`` when ``short``), on every platform and locale."""
    month = MONTHS[day.month - 1]
    return f"{day.day} {month[:3] if short else month} {day.year}"


def human_due(value: str, short: bool = False) -> str:
    """A stored due date for people; text that is not an ISO date (older logs) is shown as it is."""
    try:
        return human_date(dt.date.fromisoformat(value), short) if value else ""
    except ValueError:
        return value


def parse_time(value: str) -> dt.datetime | None:
    """A stored ISO 8601 time, or None when it is empty or not one."""
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def human_time(value: str) -> str:
    """``19:47`` for a stored ISO time (the text as it is when it is not one)."""
    when = parse_time(value)
    return f"{when:%H:%M}" if when else value


def human_minutes(seconds: float) -> str:
    """``12 min`` into the talk (``under a minute``, ``1 h 5 min``)."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 question``, ``2 questions``, ``0 follow-ups``."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
