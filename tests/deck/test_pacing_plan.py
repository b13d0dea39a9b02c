"""Rehearsed times become the plan: per-slide ``data-timing`` counts without an overall timing option."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presenter.cli import main
from presenter.deck import load_deck, parse_deck
from presenter.deck.pacing import budgets, estimate_seconds, reveal_timings
from presenter.talk.rehearsal import write_timings

DECK = ("# One\n\nNote: " + "word " * 130 + "\n\n---\n\n# Two\n\nNote: short notes\n\n---\n\n"
        "# Three\n\nNote: " + "word " * 65 + "\n")


def test_written_timings_are_the_plan_in_check_json(write_deck, capsys: pytest.CaptureFixture[str]) -> None:
    path: Path = write_deck(DECK)
    before = load_deck(path)
    assert budgets(before) == [60, 10, 30]  # estimated from the notes at 130 words a minute
    write_timings(path, before, {0: 75, 2: 41})
    main(["check", "--json", str(path)])
    data = json.loads(capsys.readouterr().out)
    slides = data["slides"]
    assert [s["seconds"] for s in slides] == [75, 10, 41]  # the rehearsed ones, the estimate for the other
    assert data["total_seconds"] == 126
    assert [s["attributes"].get("data-timing") for s in slides] == ["75", None, "41"]
    main(["check", str(path)])
    assert "total" in (out := capsys.readouterr().out) and "2:06" in out  # 75 + 10 + 41 s


def test_reveal_js_pacing_is_unchanged_without_an_overall_option() -> None:
    deck = parse_deck('# A\n<!-- .slide: data-timing="90" -->\n\n---\n\n# B\n')
    assert reveal_timings(deck) is None  # reveal.js shows no pacing timer here
    assert budgets(deck) == [90, estimate_seconds(deck.slides[1])]


def test_an_overall_option_keeps_reveal_js_rules() -> None:
    deck = parse_deck("---\nrevealOptions: {totalTime: 300}\n---\n"
                      '# A\n<!-- .slide: data-timing="100" -->\n\n---\n\n# B\n')
    assert budgets(deck) == [100, 200]


def test_a_timing_that_is_not_a_number_keeps_the_estimate() -> None:
    deck = parse_deck('# A\n<!-- .slide: data-timing="soon" -->\n\nNote: ' + "w " * 130 + "\n")
    assert budgets(deck) == [60]
