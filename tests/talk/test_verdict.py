"""One verdict on time: a table of ahead / on time / behind / over, with and without a slot."""

from __future__ import annotations

import pytest

from presenter.talk.verdict import TimeVerdict, Verdict, time_verdict

PLAN = [60, 120, 60, 60]  # 5 minutes planned


@pytest.mark.parametrize(("index", "elapsed", "remaining", "verdict", "seconds"), [
    # no slot: against the plan itself
    (0, 10, None, Verdict.ON_TIME, 0),
    (2, 60, None, Verdict.AHEAD, 120),          # reached slide 3 (planned at 3:00) after 1:00
    (2, 175, None, Verdict.ON_TIME, 0),         # within the tolerance of 3:00
    (2, 230, None, Verdict.ON_TIME, 0),         # still within slide 3's own minute
    (2, 300, None, Verdict.BEHIND, 60),         # slide 3 should have ended at 4:00
    (3, 330, None, Verdict.OVER, 30),           # past the whole plan
    # a 10-minute slot: the plan is stretched to fill it (slide 3 planned at 6:00)
    (2, 200, 400, Verdict.AHEAD, 160),
    (2, 370, 230, Verdict.ON_TIME, 0),
    (2, 520, 80, Verdict.BEHIND, 40),           # slide 3 should have ended at 8:00
    (3, 603, -3, Verdict.OVER, 3),              # the slot is used up: over, whatever the slide
    (0, 5, -28, Verdict.OVER, 28),              # the case: a 10 s slot on slide 1
    # a 3-minute slot: the plan is squeezed (slide 2 planned at 0:36, ends at 1:48)
    (1, 25, 155, Verdict.ON_TIME, 0),
    (1, 10, 170, Verdict.AHEAD, 26),
    (1, 150, 30, Verdict.BEHIND, 42),
])
def test_verdict_table(index: int, elapsed: float, remaining: float | None, verdict: Verdict, seconds: float) -> None:
    v = time_verdict(PLAN, index, elapsed, remaining)
    assert v is not None
    assert (v.verdict, round(v.seconds)) == (verdict, seconds)


@pytest.mark.parametrize(("index", "elapsed", "remaining"), [
    (i, e, r) for i in range(4) for e in (0, 30, 100, 250, 400, 700) for r in (None, -60, -1, 0, 30, 300, 900)])
def test_count_down_and_pace_never_disagree(index: int, elapsed: float, remaining: float | None) -> None:
    v = time_verdict(PLAN, index, elapsed, remaining)
    assert v is not None and v.seconds >= 0
    if remaining is not None:
        assert (v.verdict == Verdict.OVER) == (remaining < 0)  # red count-down ⇔ "over time"
        if v.verdict == Verdict.AHEAD:
            assert remaining > 0
    words = v.text.split()
    assert v.verdict.value in v.text and not v.text.startswith(("-", "+"))
    assert (v.verdict == Verdict.ON_TIME) == (words == ["on", "time"])


def test_text_reads_as_a_sentence() -> None:
    assert TimeVerdict(Verdict.AHEAD, 127, None, 0, None).text == "2:07 ahead"
    assert TimeVerdict(Verdict.BEHIND, 45, 600, 0, 10).text == "0:45 behind"
    assert TimeVerdict(Verdict.OVER, 70, 600, 0, -70).text == "1:10 over time"
    assert TimeVerdict(Verdict.ON_TIME, 0, None, 0, None).text == "on time"


def test_nothing_to_compare_with() -> None:
    assert time_verdict([], 0, 10, None) is None
    assert time_verdict([0, 0], 1, 10, None) is None
    v = time_verdict([0, 0], 1, 10, 50)
    assert v is not None and v.verdict == Verdict.ON_TIME
