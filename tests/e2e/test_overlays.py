"""The overview, the notes and the dialogs, driven from the keyboard on a real display."""

from __future__ import annotations

from collections import Counter

import pytest
from harness import LAPTOP_PROJECTOR, LAPTOP_PROJECTOR_WM, wait_for
from images import changed_region, load, text_contrast

from presenter.ui import style

WM = [LAPTOP_PROJECTOR_WM]


def ids(layout) -> str:
    return layout.name


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR, LAPTOP_PROJECTOR_WM], indirect=True, ids=ids)
def test_overview_arrows_move_the_selection_only(display, launch, deck_copy, tmp_path) -> None:
    app = launch(deck_copy())
    display.key("o")
    state = app.wait_state(lambda s: s["overlays"]["overview"] and s["focus"]["name"] == "overview", "the overview")
    assert state["overlays"]["overview_selected"] == "1.1"
    before = app.audience_png(tmp_path / "before.png")
    display.key("Right", "Right", "Right")
    state = app.wait_state(lambda s: s["overlays"]["overview_selected"] == "2.2", "the selection on 2.2")
    display.key("Left")
    state = app.wait_state(lambda s: s["overlays"]["overview_selected"] == "2.1", "the selection on 2.1")
    assert state["audience"]["label"] == "1.1" and state["presenter"]["label"] == "1.1"
    change = changed_region(before, app.audience_png(tmp_path / "during.png"))
    assert not change, f"the audience moved behind the grid: {change}"
    grid = load(app.presenter_png(tmp_path / "grid.png"))  # opaque: the window colour between the thumbnails
    gutter = Counter(grid.pixel(x, y) & 0xFFFFFF for x in range(grid.width() - 220, grid.width() - 20, 4)
                     for y in range(20, grid.height() - 20, 4))
    colour, count = gutter.most_common(1)[0]
    assert f"#{colour:06x}" == style.color("window") and count / sum(gutter.values()) > 0.95
    display.key("Return")
    state = app.wait_state(lambda s: not s["overlays"]["overview"] and s["audience"]["shown"] == "2.1", "slide 2.1")
    display.key("o")
    app.wait_state(lambda s: s["overlays"]["overview_selected"] == "2.1", "the overview on 2.1")
    display.key("Right", "Escape")
    state = app.wait_state(lambda s: not s["overlays"]["overview"], "Esc to close the overview")
    assert state["audience"]["label"] == "2.1"
    display.key("Right")  # the keyboard drives the slides again
    app.wait_state(lambda s: s["audience"]["label"] == "2.2", "the next slide")


KEYS_YAML = "notes_down: {keys: [F8, J, Ctrl+Down]}\n"  # the defaults and a clicker's spare key


@pytest.mark.parametrize("display", WM, indirect=True, ids=ids)
def test_long_notes_scroll_from_the_keyboard_and_a_clicker_key(display, launch, deck_copy) -> None:
    app = launch(deck_copy(), keys_yaml=KEYS_YAML)
    display.key("g")
    display.type("2.4")
    display.key("Return")
    state = app.wait_state(lambda s: s["audience"]["label"] == "2.4" and s["notes"]["max"] > 0, "slide 2.4's notes")
    assert state["notes"]["scroll"] == 0
    display.key("F8")
    first = app.wait_state(lambda s: s["notes"]["scroll"] > 0, "the notes to scroll (F8)")
    display.key("ctrl+Down")
    app.wait_state(lambda s: s["notes"]["scroll"] > first["notes"]["scroll"] or
                   s["notes"]["scroll"] == s["notes"]["max"], "more scrolling (Ctrl+Down)")
    for _ in range(10):
        display.key("F8")
    bottom = app.wait_state(lambda s: s["notes"]["scroll"] == s["notes"]["max"], "the end of the notes")
    assert bottom["audience"]["label"] == "2.4"  # scrolling never moved the slide
    display.key("ctrl+Up")
    app.wait_state(lambda s: s["notes"]["scroll"] < bottom["notes"]["scroll"], "scrolling back (Ctrl+Up)")
    display.key("l")  # large print: the same keys scroll its notes
    app.wait_state(lambda s: s["large_print"] and s["notes"]["scroll"] == 0 and s["notes"]["max"] > 0, "large print")
    display.key("F8")
    app.wait_state(lambda s: s["notes"]["scroll"] > 0, "large-print notes to scroll")
    display.key("l", "Right")
    app.wait_state(lambda s: s["audience"]["label"] == "2.5" and s["notes"]["scroll"] == 0, "a new slide from the top")


def dialog_window(display, title: str) -> int:
    return int(wait_for(lambda: (w := display.find(title)) and w[0], 10, what=f"the {title!r} window"))


@pytest.mark.parametrize("display", WM, indirect=True, ids=ids)
def test_dialogs_are_readable(display, launch, deck_copy, tmp_path) -> None:
    app = launch(deck_copy())
    display.key("s", "r")  # the timer runs, so reset asks first
    app.wait_state(lambda s: "Reset the timer?" in s["dialogs"], "the reset question")
    shot = load(display.capture(dialog_window(display, "Reset the timer?"), tmp_path / "reset.png"))
    assert text_contrast(shot.copy(0, 0, shot.width(), shot.height() * 2 // 3)) >= 4.5
    display.key("Escape")
    app.wait_state(lambda s: not s["dialogs"] and s["clock"]["started"], "the question to close, timer untouched")
    display.focus(app.presenter_window)
    display.key("ctrl+e")
    app.wait_state(lambda s: "Export handout" in s["dialogs"], "the export dialog")
    shot = load(display.capture(dialog_window(display, "Export handout"), tmp_path / "export.png"))
    labels = shot.copy(0, 0, shot.width() // 3, shot.height() * 3 // 4)
    assert text_contrast(labels) >= 4.5
    display.key("Escape")
    app.wait_state(lambda s: not s["dialogs"], "the export dialog to close")


@pytest.mark.parametrize("display", WM, indirect=True, ids=ids)
def test_the_questions_list_shows_the_question_in_full(display, launch, deck_copy, tmp_path) -> None:
    app = launch(deck_copy())
    display.key("End", "Left", "q")
    app.wait_state(lambda s: s["focus"]["name"] == "question", "the question field")
    long_question = ("Will the Borehamwood CCTV cameras be replaced before the new partnership starts, and "
                     "who pays for the monitoring?")
    display.type(long_question)
    display.key("Tab")
    display.type("Cllr Zoë Müller")
    display.key("Return")
    state = app.wait_state(lambda s: s["qa"]["count"] == 1, "the question in the list")
    table = state["qa"]["table"]
    assert table["question_width"] >= 280, table
    assert table["rows"][0]["fits"], f"the question is cut: {table}"
    app.presenter_png(tmp_path / "qa.png")
