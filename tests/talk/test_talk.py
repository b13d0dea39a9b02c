"""Navigation, browsing, freezing, reload and pacing of a talk (no Qt)."""

from __future__ import annotations

from pathlib import Path

from presenter.deck import load_deck, parse_deck
from presenter.talk.clock import Countdown
from presenter.talk.navigation import Navigator, Position
from presenter.talk.talk import Blank, Talk
from presenter.talk.verdict import Verdict

DECK = ('# One\n\n---\n\n# Two\n\n- a <!-- .element: class="fragment" -->\n- b <!-- .element: class="fragment" -->\n\n'
        '---\n\n# Three\n\n----\n\n# Three down\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n# Hidden\n\n'
        '---\n\n# Last\n')


class Clock:
    t = 0.0

    def __call__(self) -> float:
        return self.t


def labels(talk: Talk, moves: list[str]) -> list[str]:
    out = []
    for how in moves:
        talk.go(how)
        slide = talk.slide()
        assert slide is not None
        out.append(f"{slide.label}:{talk.presenter.step}")
    return out


def test_next_walks_fragments_then_slides_skipping_hidden() -> None:
    talk = Talk(parse_deck(DECK))
    assert labels(talk, ["next"] * 7) == ["2:0", "2:1", "2:2", "3.1:0", "3.2:0", "5:0", "5:0"]
    assert labels(talk, ["previous"] * 3) == ["3.2:0", "3.1:0", "2:2"]


def test_arrows_move_in_two_dimensions() -> None:
    talk = Talk(parse_deck(DECK))
    assert labels(talk, ["right", "right", "down", "down", "up", "right", "left", "last", "first"]) == [
        "2:0", "3.1:0", "3.2:0", "3.2:0", "3.1:0", "5:0", "3.1:0", "5:0", "1:0"]


def test_browsing_ahead_leaves_the_audience() -> None:
    talk = Talk(parse_deck(DECK))
    talk.go("next_slide", browse=True)
    talk.go("next_slide")  # keeps browsing until the presenter brings the audience along
    assert (talk.presenter.index, talk.audience.index) == (2, 0) and talk.browsing
    talk.bring_audience()
    assert talk.audience == talk.presenter and not talk.browsing


def test_freeze_keeps_the_audience_until_released() -> None:
    talk = Talk(parse_deck(DECK))
    talk.toggle_freeze()
    talk.go("next_slide")
    talk.go("next_slide")
    assert talk.audience.index == 0 and talk.presenter.index == 2
    talk.toggle_freeze()
    assert talk.audience == talk.presenter


def test_blank_toggles() -> None:
    talk = Talk(parse_deck(DECK))
    talk.toggle_blank(Blank.BLACK)
    assert talk.blank == Blank.BLACK
    talk.toggle_blank(Blank.WHITE)
    assert talk.blank == Blank.WHITE
    talk.toggle_blank(Blank.WHITE)
    assert talk.blank == Blank.NONE


def test_goto_by_label() -> None:
    talk = Talk(parse_deck(DECK))
    assert talk.goto("3.2") and talk.slide().label == "3.2"  # type: ignore[union-attr]
    assert talk.goto("3") and talk.slide().label == "3.1"  # type: ignore[union-attr]
    assert not talk.goto("9") and not talk.goto("x")


def test_reload_keeps_position_by_identity_and_the_clock() -> None:
    clock = Clock()
    talk = Talk(parse_deck(DECK), now=clock)
    talk.goto("3.2")
    clock.t = 50
    talk.replace_deck(parse_deck("# New first\n\n---\n\n" + DECK))
    assert talk.slide().title == "Three down"  # type: ignore[union-attr]
    assert talk.audience == talk.presenter and talk.clock.elapsed() == 50


def test_reload_falls_back_to_the_index_when_the_slide_is_gone() -> None:
    talk = Talk(parse_deck(DECK))
    talk.goto("5")
    talk.replace_deck(parse_deck("# A\n\n---\n\n# B\n"))
    assert talk.presenter.index == 1


def test_clock_starts_on_first_advance_and_pace() -> None:
    clock = Clock()
    talk = Talk(parse_deck("---\nrevealOptions:\n  defaultTiming: 60\n---\n# A\n\n---\n\n# B\n\n---\n\n# C\n"),
                now=clock)
    clock.t = 100
    assert talk.clock.elapsed() == 0
    talk.go("next")
    clock.t = 110
    assert talk.verdict().verdict == Verdict.AHEAD  # type: ignore[union-attr]
    clock.t = 100 + 60 + 60 + 30
    assert talk.verdict().verdict == Verdict.BEHIND  # type: ignore[union-attr]
    assert talk.total_budget() == 180
    talk.countdown = Countdown(duration=120)  # a 2-minute slot: the plan is squeezed, and it is over
    assert talk.verdict().verdict == Verdict.OVER and talk.remaining() == -30  # type: ignore[union-attr]


def test_counter_and_empty_deck(decks_dir: Path) -> None:
    nav = Navigator(load_deck(decks_dir / "community-safety-2023.md"))
    assert nav.counter(Position(3, 0)) == "2.2  ·  4 / 17"
    empty = Talk(parse_deck(""))
    empty.go("next")
    assert empty.presenter == Position(0, 0)
