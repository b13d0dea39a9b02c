"""Typing never drives the projector: every text field on a real X display, keys through XTEST."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from harness import LAPTOP_PROJECTOR, LAPTOP_PROJECTOR_WM, WIDE_WM, cli
from images import changed_region, difference_from_show

QUESTION = "Is the CCTV at Borehamwood bright. When? ok"
# Space, ".", digits, "+", "-", "?" and Backspace on top of the sentence: each is a shortcut elsewhere
# (the letters b w h s r n p g o q x t f l are shortcuts too; Backspace removes them again)
EXTRA_KEYS = ("space", "period", "2", "4", "plus", "minus", "question", "BackSpace", "b", "w", "h", "s", "r",
              "n", "p", "g", "o", "q", "x", "t", "f", "l", *["BackSpace"] * 14)
LAYOUTS = [LAPTOP_PROJECTOR, LAPTOP_PROJECTOR_WM, WIDE_WM]


def frozen_view(app, tmp: Path, name: str) -> tuple[Path, dict]:
    """The audience's pixels and what the app says, once it is quiet."""
    state = app.settle()
    return app.audience_png(tmp / f"{name}.png"), state


def talk_state(state: dict) -> tuple:
    """What typing must never change."""
    clock = state["clock"]
    return (state["audience"], state["presenter"], state["blank"], state["frozen"], clock["started"],
            clock["held"], clock["banked"], state["dialogs"], state["large_print"], state["chair_timer"])


def questions(deck: Path) -> list[dict[str, str]]:
    done = cli("questions", str(deck), "--format", "csv")
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def tab_to(display, app, field: str) -> None:
    """Move the keyboard to a form field with Tab, as a user does."""
    for _ in range(12):
        if app.settle(quiet=0.2)["focus"]["name"] == field:
            return
        display.key("Tab")
    raise AssertionError(f"Tab never reached the {field} field")


@pytest.mark.parametrize("display", LAYOUTS, indirect=True, ids=lambda layout: layout.name)
def test_typing_in_every_question_field_edits_the_field_only(display, launch, deck_copy, tmp_path) -> None:
    deck = deck_copy()
    app = launch(deck)
    display.key("End", "Left")  # the Q & A slide (7): the panel opens by itself
    app.wait_state(lambda s: s["qa_visible"] and s["audience"]["label"] == "7", "the Q&A slide and its panel")
    display.key("q")  # the keyboard goes to the question field
    app.wait_state(lambda s: s["focus"]["name"] == "question", "the question field to take the keyboard")
    before_png, before = frozen_view(app, tmp_path, "before")
    for field in ("question", "asked_by", "organisation", "owner"):
        tab_to(display, app, field)
        display.type(QUESTION if field == "question" else f"{field} {QUESTION}")
        display.key(*EXTRA_KEYS)
        display.type("end")
    after_png, after = frozen_view(app, tmp_path, "after")
    assert talk_state(after) == talk_state(before)
    change = changed_region(before_png, after_png)
    assert not change, f"typing changed what the projector shows: {change}"
    display.key("Return")  # Enter in the form saves the entry and does not advance
    saved = app.wait_state(lambda s: s["qa"]["count"] == 1, "the question to be saved")
    assert saved["audience"] == before["audience"] and saved["qa"]["message"] == "Saved."
    change = changed_region(before_png, app.audience_png(tmp_path / "saved.png"))
    assert not change, f"saving changed what the projector shows: {change}"
    rows = questions(deck)
    assert len(rows) == 1
    assert rows[0]["question"] == QUESTION + " .24+-end"
    assert rows[0]["asked_by"] == f"asked_by {QUESTION} .24+-end"
    assert rows[0]["owner"] == f"owner {QUESTION} .24+-end"
    assert rows[0]["slide_label"] == "7"


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR, LAPTOP_PROJECTOR_WM], indirect=True,
                         ids=lambda layout: layout.name)
def test_go_to_a_slide_by_number(display, launch, deck_copy, tmp_path) -> None:
    deck = deck_copy()
    app = launch(deck)
    display.key("g")
    app.wait_state(lambda s: s["overlays"]["goto"] and s["focus"]["name"] == "goto", "the go-to field")
    display.type("2.4")
    display.key("Return")
    state = app.wait_state(lambda s: s["audience"]["shown"] == "2.4", "slide 2.4 on the projector")
    assert not state["overlays"]["goto"] and state["blank"] == "none"
    app.settle(quiet=1.2)  # the slide transition is over
    assert difference_from_show(app, deck, "2.4", tmp_path) < 2.0
    display.key("g")
    app.wait_state(lambda s: s["overlays"]["goto"], "the go-to field")
    display.type("7")
    display.key("KP_Enter")
    app.wait_state(lambda s: s["audience"]["shown"] == "7" and not s["overlays"]["goto"], "slide 7")
    display.key("g")
    app.wait_state(lambda s: s["overlays"]["goto"], "the go-to field")
    display.type("3")
    display.key("Escape")
    state = app.wait_state(lambda s: not s["overlays"]["goto"], "Esc to close the field")
    assert state["audience"]["label"] == "7"
    display.key("Right")  # the keyboard is back on the slides
    app.wait_state(lambda s: s["audience"]["label"] == "8", "the next slide")


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR_WM], indirect=True, ids=lambda layout: layout.name)
def test_go_to_a_slide_that_does_not_exist(display, launch, deck_copy) -> None:
    app = launch(deck_copy())
    display.key("g")
    app.wait_state(lambda s: s["overlays"]["goto"], "the go-to field")
    display.type("99")
    display.key("Return")
    state = app.wait_state(lambda s: "no slide" in s["banner"], "a message")
    assert state["audience"]["label"] == "1.1" and state["overlays"]["goto"]
    display.key("Escape")
    app.wait_state(lambda s: not s["overlays"]["goto"], "Esc to close the field")


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR, LAPTOP_PROJECTOR_WM], indirect=True,
                         ids=lambda layout: layout.name)
def test_go_to_from_the_audience_window(display, launch, deck_copy) -> None:
    """Someone clicked on the projector's window: G still opens the field and takes the typing."""
    app = launch(deck_copy())
    display.run(["xdotool", "windowfocus", "--sync", str(app.audience_window)])
    display.key("g")
    app.wait_state(lambda s: s["focus"]["name"] == "goto", "the go-to field to take the keyboard")
    display.type("2.3")
    display.key("Return")
    state = app.wait_state(lambda s: s["audience"]["shown"] == "2.3", "slide 2.3")
    assert state["blank"] == "none"
