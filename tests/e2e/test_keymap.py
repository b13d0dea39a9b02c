"""Every action in resources/keys.yaml, pressed as a real key on a real display, has its visible effect.

One presenter session walks the whole key table (a row per action); a test checks that the table
below covers every action the app knows, so a new action cannot go untested.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from harness import LAPTOP_PROJECTOR_WM, Presenter, XServer
from images import load, same_pixels

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Row:
    action: str
    keys: tuple[str, ...]  # xdotool names, pressed through XTEST
    effect: Callable[[dict, dict], bool]  # (state before, state after) → the visible effect happened
    then: tuple[str, ...] = ()  # keys that undo it, for the next row
    pixels: str = ""  # "changed": the projector's pixels must change; "same": they must not


def aud(s: dict) -> str:
    return s["audience"]["label"]


ROWS = [
    Row("next", ("Right",), lambda b, a: aud(a) == "1.2", pixels="changed"),
    Row("previous", ("Left",), lambda b, a: aud(a) == "1.1", pixels="changed"),
    Row("last", ("End",), lambda b, a: aud(a) == "8"),
    Row("first", ("Home",), lambda b, a: aud(a) == "1.1"),
    Row("right", ("shift+Right",), lambda b, a: aud(a) == "2.1"),
    Row("down", ("Down",), lambda b, a: aud(a) == "2.2"),
    Row("up", ("Up",), lambda b, a: aud(a) == "2.1"),
    Row("left", ("shift+Left",), lambda b, a: aud(a) == "1.1"),
    Row("goto", ("g",), lambda b, a: a["overlays"]["goto"] and a["focus"]["name"] == "goto", then=("Escape",)),
    Row("overview", ("o",), lambda b, a: a["overlays"]["overview"], then=("Escape",)),
    Row("help", ("question",), lambda b, a: a["overlays"]["help"]),
    Row("close", ("Escape",), lambda b, a: not a["overlays"]["help"]),
    Row("black", ("b",), lambda b, a: a["blank"] == "black", then=("b",), pixels="changed"),
    Row("white", ("w",), lambda b, a: a["blank"] == "white", then=("w",), pixels="changed"),
    Row("freeze", ("f", "Right"), lambda b, a: a["frozen"] and aud(a) == aud(b) and a["presenter"]["label"] != aud(b),
        then=("f", "Home"), pixels="same"),
    Row("browse_next", ("ctrl+Right",), lambda b, a: a["browsing"] and aud(a) == aud(b), pixels="same"),
    Row("browse_previous", ("ctrl+Left",), lambda b, a: not a["browsing"] and aud(a) == aud(b)),
    Row("bring_audience", ("ctrl+Right", "ctrl+Return"), lambda b, a: not a["browsing"] and aud(a) == "1.2",
        then=("Home",), pixels="changed"),
    Row("notes_bigger", ("plus",), lambda b, a: a["notes"]["point_size"] > b["notes"]["point_size"]),
    Row("notes_smaller", ("minus",), lambda b, a: a["notes"]["point_size"] < b["notes"]["point_size"]),
    Row("notes_down", ("g", "2", "period", "4", "Return", "j"), lambda b, a: a["notes"]["scroll"] > 0),
    Row("notes_up", ("k",), lambda b, a: a["notes"]["scroll"] < b["notes"]["scroll"], then=("Home",)),
    Row("large_print", ("l",), lambda b, a: a["large_print"], then=("l",)),
    Row("start_clock", ("s",), lambda b, a: a["clock"]["started"]),
    Row("hold", ("h",), lambda b, a: a["clock"]["held"], then=("h",)),
    Row("add_minute", ("bracketright",), lambda b, a: a["clock"]["banked"] >= b["clock"]["banked"] + 59),
    Row("subtract_minute", ("bracketleft",), lambda b, a: a["clock"]["banked"] <= b["clock"]["banked"] - 59),
    Row("reset_clock", ("r", "Return"), lambda b, a: a["clock"]["elapsed"] < 5 and not a["dialogs"]),
    Row("undo_reset", ("ctrl+z",), lambda b, a: a["clock"]["elapsed"] >= b["clock"]["elapsed"]),
    Row("chair_timer", ("t",), lambda b, a: a["chair_timer"] != "", then=("t",), pixels="changed"),
    Row("questions", ("q",), lambda b, a: a["qa_visible"] and a["focus"]["name"] == "question", then=("Escape",)),
    Row("swap_screens", ("x",), lambda b, a: a["windows"]["audience"][4] == 0 and a["windows"]["presenter"][4] == 1,
        then=("x",)),
    Row("companion", ("c",), lambda b, a: a["companion"]["panel"] and a["companion"]["url"].startswith(
        "http://127.0.0.1:"), then=("c",), pixels="same"),  # the QR code is never on the projector
    Row("export", ("ctrl+e",), lambda b, a: "Export handout" in a["dialogs"], then=("Escape",)),
    Row("rehearse", ("F9",), lambda b, a: a["rehearsing"]),
    Row("report", ("ctrl+t",), lambda b, a: any("Rehearsal report" in d for d in a["dialogs"])),
    Row("reload", ("F5",), lambda b, a: a["title"] == "Reloaded by F5"),
    Row("quit", ("ctrl+q",), lambda b, a: True),
]


def test_the_table_covers_every_action() -> None:
    actions = set(yaml.safe_load((ROOT / "resources" / "keys.yaml").read_text(encoding="utf-8")))
    assert {r.action for r in ROWS} == actions


def _press(x: XServer, app: Presenter, keys: tuple[str, ...]) -> dict:
    for key in keys:
        x.key(key)
        app.settle(quiet=0.25)
    return app.settle(quiet=0.5)


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR_WM], indirect=True, ids=lambda layout: layout.name)
def test_every_key_has_its_visible_effect(display, launch, deck_copy, tmp_path) -> None:
    deck = deck_copy()
    app = launch(deck, "--companion-host", "127.0.0.1")  # C listens on loopback only, in tests
    for n, row in enumerate(ROWS):
        if row.action == "reload":
            text = deck.read_text(encoding="utf-8").replace("title: ", "title: Reloaded by F5 # ", 1)
            deck.write_text(text, encoding="utf-8")
        if row.action in ("report", "rehearse", "export", "quit"):
            app.x.focus(app.presenter_window)  # a window opened by the row before took the keyboard
        before = app.settle()
        shot_before = app.audience_png(tmp_path / f"{n}-before.png") if row.pixels else None
        if row.action == "quit":
            app.x.key(*row.keys)
            assert app.proc is not None and app.proc.wait(timeout=10) == 0, app.log()
            break
        after = _press(display, app, row.keys)
        assert row.effect(before, after), f"{row.action} ({' '.join(row.keys)}) had no effect: {after}"
        if shot_before is not None:
            app.settle(quiet=1.3)  # transitions done
            shot_after = app.audience_png(tmp_path / f"{n}-after.png")
            same = same_pixels(shot_before, shot_after)
            assert same == (row.pixels == "same"), f"{row.action}: the projector's pixels " + (
                "changed" if not same else "did not change")
        if row.then:
            _press(display, app, row.then)
    assert load(tmp_path / "0-before.png").width() == 1920  # the projector's screen
