"""The clocks with a fake time source: no sleeping."""

from __future__ import annotations

import datetime as dt

import pytest

from presenter.talk.clock import Countdown, TalkClock, format_clock, parse_duration, parse_end_time


@pytest.fixture
def time(fake_clock):
    """The shared fake clock, under the name these tests read best with."""
    fake_clock.t = 1000.0
    return fake_clock


def test_clock_waits_for_the_first_advance(time) -> None:
    clock = TalkClock(time)
    time.t += 30
    assert clock.elapsed() == 0 and not clock.state.started
    clock.start()
    time.t += 12
    assert clock.elapsed() == 12
    clock.start()  # a second start changes nothing
    assert clock.elapsed() == 12


def test_hold_excludes_time_until_released(time) -> None:
    clock = TalkClock(time)
    clock.start()
    time.t += 10
    clock.toggle_hold()
    time.t += 100
    clock.start()  # slide changes call start(); the hold must survive them
    assert clock.elapsed() == 10 and clock.state.held
    clock.toggle_hold()
    time.t += 5
    assert clock.elapsed() == 15


def test_adjust_never_goes_below_zero(time) -> None:
    clock = TalkClock(time)
    clock.start()
    time.t += 90
    clock.adjust(60)
    assert clock.elapsed() == 150
    clock.adjust(-60)
    clock.adjust(-600)
    assert clock.elapsed() == 0


def test_adjust_before_start_sets_a_held_time(time) -> None:
    clock = TalkClock(time)
    clock.adjust(60)
    time.t += 30
    assert clock.elapsed() == 60 and clock.state.held


def test_reset_is_undoable(time) -> None:
    clock = TalkClock(time)
    clock.start()
    time.t += 75
    clock.reset()
    assert clock.elapsed() == 0 and not clock.state.started and clock.can_undo_reset()
    time.t += 10
    clock.undo_reset()
    assert clock.elapsed() == 75 and clock.state.held and not clock.can_undo_reset()


@pytest.mark.parametrize(("text", "seconds"), [("20m", 1200), ("1h10m", 4200), ("90s", 90), ("45", 2700),
                                               ("0:20:00", 1200), ("12:30", 750), ("1h", 3600)])
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "20x", "m"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_end_time_and_countdown_go_negative() -> None:
    now = dt.datetime(2026, 11, 22, 19, 30)
    end = parse_end_time("19:45", now)
    countdown = Countdown(end=end)
    assert countdown.remaining(0, now) == 900
    assert countdown.remaining(0, now + dt.timedelta(minutes=16)) == -60
    assert Countdown(duration=600).remaining(660, now) == -60
    assert not Countdown().active and Countdown().remaining(1, now) is None
    with pytest.raises(ValueError):
        parse_end_time("25:00", now)


def test_format() -> None:
    assert format_clock(65) == "1:05" and format_clock(-42) == "-0:42" and format_clock(3723) == "1:02:03"


def test_an_end_time_already_long_past_means_tomorrow() -> None:
    evening = dt.datetime(2026, 11, 22, 20, 0)
    assert parse_end_time("07:30", evening) == dt.datetime(2026, 11, 23, 7, 30)  # over 12 h ago: tomorrow morning
    assert parse_end_time("19:45", evening) == dt.datetime(2026, 11, 22, 19, 45)  # just past: today, over time
    assert parse_end_time("7.30", dt.datetime(2026, 11, 22, 23, 50)) == dt.datetime(2026, 11, 23, 7, 30)
