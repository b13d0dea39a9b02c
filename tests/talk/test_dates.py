"""Due dates: the ways people type them, the ones refused, and dates printed the same everywhere."""

from __future__ import annotations

import datetime as dt
import locale
import re

import pytest

from presenter.talk.dates import DueDateError, human_date, human_due, human_minutes, human_time, parse_due, plural


@pytest.mark.parametrize(("typed", "stored"), [
    ("2026-12-15", "2026-12-15"), ("2026-1-5", "2026-01-05"), ("15/12/2026", "2026-12-15"), ("5/1/2027", "2027-01-05"),
    ("15.12.26", "2026-12-15"), ("15-12-2026", "2026-12-15"), ("15 Dec 2026", "2026-12-15"),
    ("15 December 2026", "2026-12-15"), ("15th December 2026", "2026-12-15"), ("1st of March 2027", "2027-03-01"),
    ("Tue 15 Dec 2026", "2026-12-15"), ("Tuesday, 15 December 2026", "2026-12-15"), ("December 15, 2026", "2026-12-15"),
    ("15 sept 2026", "2026-09-15"), ("  15  DEC  2026 ", "2026-12-15"), ("29/02/2028", "2028-02-29"), ("", ""),
    ("   ", ""),
])
def test_accepted_forms(typed: str, stored: str) -> None:
    assert parse_due(typed) == stored


@pytest.mark.parametrize(("typed", "message"), [
    ("next Tuesday", "is not a date: type it as 2026-12-15, 15/12/2026 or 15 Dec 2026"),
    ("end of term", "is not a date"), ("15 Dec", "is not a date"), ("Dec 2026", "is not a date"),
    ("12/15/2026", "15 is not a month (dates are day/month/year)"), ("31/02/2026", "February 2026 has no day 31"),
    ("15 Decembre 2026", "is not a date"), ("2026-13-01", "13 is not a month"), ("15/12/202", "is not a date"),
])
def test_refused_forms_say_what_to_type(typed: str, message: str) -> None:
    with pytest.raises(DueDateError, match=re.escape(message)) as info:
        parse_due(typed)
    assert repr(typed.strip()) in str(info.value)


def test_dates_read_the_same_in_every_locale() -> None:
    previous = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert human_date(dt.date(2026, 12, 5)) == "5 December 2026"  # no zero, no glibc-only %-d
    finally:
        locale.setlocale(locale.LC_TIME, previous)
    assert human_date(dt.date(2026, 12, 5), short=True) == "5 Dec 2026"
    assert human_due("2026-12-15") == "15 December 2026" and human_due("") == ""
    assert human_due("next Tuesday") == "next Tuesday"  # a free-text date from an older log is shown as it was


def test_times_minutes_and_plurals() -> None:
    assert human_time("2026-11-23T05:47:13") == "05:47" and human_time("") == ""
    assert [human_minutes(s) for s in (20, 60, 1234.5, 3900)] == ["under a minute", "1 min", "20 min", "1 h 5 min"]
    assert [plural(n, "question") for n in (0, 1, 2)] == ["0 questions", "1 question", "2 questions"]
