"""What the command line asks for reaches the talk: the start slide and the slot, from the flags or the deck."""

from __future__ import annotations

import pytest
from harness import LAPTOP_PROJECTOR, WIDE_WM, cli, wait_for
from images import difference_from_show


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR], indirect=True, ids=lambda layout: layout.name)
def test_start_slide_and_duration_from_the_command_line(display, launch, deck_copy, tmp_path) -> None:
    deck = deck_copy()
    app = launch(deck, "--start-slide", "2.3", "--duration", "15m")
    state = app.settle(quiet=1.0)
    assert state["audience"]["shown"] == "2.3" and state["presenter"]["label"] == "2.3"
    assert state["clock"]["slot"] == 900 and not state["clock"]["started"]
    assert difference_from_show(app, deck, "2.3", tmp_path) < 2.0
    display.key("Right")
    state = app.wait_state(lambda s: s["audience"]["label"] == "2.4" and s["clock"]["started"], "the talk to start")
    assert state["clock"]["verdict"] in ("ahead", "on time")


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR], indirect=True, ids=lambda layout: layout.name)
def test_transitions_none_changes_slides_at_once(display, launch, deck_copy, tmp_path) -> None:
    deck = deck_copy()
    app = launch(deck, "--transitions", "none")
    app.settle()
    display.key("Right")
    state = app.wait_state(lambda s: s["audience"]["shown"] == "1.2", "the next slide")
    assert not state["audience"]["moving"]
    assert difference_from_show(app, deck, "1.2", tmp_path) < 2.0  # the whole slide at once, no transition frame


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR], indirect=True, ids=lambda layout: layout.name)
def test_the_slot_from_the_front_matter_and_the_flag_winning(display, launch, deck_copy) -> None:
    deck = deck_copy()
    deck.write_text(deck.read_text(encoding="utf-8").replace("title:", "duration: 10m\ntitle:", 1), encoding="utf-8")
    app = launch(deck)
    assert app.settle()["clock"]["slot"] == 600
    app.stop()
    app = launch(deck, "--duration", "12m")  # the command line wins over the deck
    assert app.settle()["clock"]["slot"] == 720


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR], indirect=True, ids=lambda layout: layout.name)
def test_a_start_slide_that_does_not_exist_is_refused_with_a_message(display, deck_copy) -> None:
    done = cli("present", str(deck_copy()), "--start-slide", "42", env={"DISPLAY": display.display,
                                                                          "QT_QPA_PLATFORM": "xcb"})
    assert done.returncode == 2 and "no slide '42'" in done.stderr and "Traceback" not in done.stderr


BROKEN_DECKS = {
    "zero width": "---\nrevealOptions:\n  width: 0\n---\n# One\n\n---\n\n# Two\n",
    "a name too long for the disk": "# One\n\n![x](" + "a" * 300 + ".png)\n\n---\n\n# Two\n",
    "nested quotes": "# A\n\n" + "> " * 24 + "x\n\n---\n\n# Two\n",
}


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR], indirect=True, ids=lambda layout: layout.name)
@pytest.mark.parametrize("text", BROKEN_DECKS.values(), ids=BROKEN_DECKS.keys())
def test_hostile_decks_never_take_the_projector_down(display, launch, tmp_path, text: str) -> None:
    deck = tmp_path / "hostile.md"
    deck.write_text(text, encoding="utf-8")
    app = launch(deck)
    display.key("Right")
    state = app.wait_state(lambda s: s["audience"]["shown"] == "2", "the second slide")
    assert app.proc is not None and app.proc.poll() is None  # still running
    deck.write_text(text + "\n\n---\n\n# Three\n", encoding="utf-8")  # a save mid-talk
    app.wait_state(lambda s: s["slides"] == 3, "the reload")
    display.key("Right")
    app.wait_state(lambda s: s["audience"]["shown"] == "3", "the new slide")
    assert app.proc.poll() is None and "Traceback" not in app.log()
    assert state["blank"] == "none"


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR], indirect=True, ids=lambda layout: layout.name)
def test_the_default_transition_turns_the_slide_on_the_projector(display, launch, tmp_path) -> None:
    """reveal-md's default, convex: a frame caught mid-move on the real display shows a slide turned
    in perspective (its near edge taller than its far edge, the page colour around it), and the
    move ends on exactly the new slide."""
    from images import difference_from_show, load

    deck = tmp_path / "turn.md"
    deck.write_text('---\ntitle: Turn\nrevealOptions:\n  transitionSpeed: slow\n---\n\n'
                    '<!-- .slide: data-background-color="#c03030" -->\n# One\n\n---\n\n'
                    '<!-- .slide: data-background-color="#3060c0" -->\n# Two\n', encoding="utf-8")
    app = launch(deck)
    app.settle()
    display.key("Right")
    heights: list[tuple[int, int]] = []  # (left, right) coloured edge heights of each turned frame
    for k in range(40):
        if heights and not app.state().get("audience", {}).get("moving"):
            break
        shot = load(app.audience_png(tmp_path / f"moving-{k}.png"))
        columns = [sum(1 for y in range(0, shot.height(), 4) if _slide_colour(shot.pixelColor(x, y))) * 4
                   for x in range(0, shot.width(), 8)]
        inside = [n for n in columns if n > 0]
        if 0.1 < len(inside) / len(columns) < 0.9:  # a turned slide, with the page colour beside it
            heights.append((inside[0], inside[-1]))
    assert heights, "no frame of the move was caught"
    assert any(abs(left - right) > 60 for left, right in heights), heights  # a trapezoid, not a sliding rectangle
    state = app.settle(quiet=1.3)
    assert state["audience"]["shown"] == "2"
    assert difference_from_show(app, deck, "2", tmp_path) < 2.0


def _slide_colour(c) -> bool:
    return (c.red() > 150 and c.green() < 90 and c.blue() < 90) or (c.blue() > 150 and c.red() < 90)


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR, WIDE_WM], indirect=True, ids=lambda layout: layout.name)
def test_the_projector_shows_the_kept_first_frame_at_once_and_never_a_stale_one(display, launch, deck_copy,
                                                                                 tmp_path) -> None:
    deck = deck_copy()
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PRESENTER_TRACE": "1"}
    kept = tmp_path / "cache" / "presenter" / "first-frames"
    app = launch(deck, env=env)
    app.settle()
    wait_for(lambda: list(kept.glob("*.frame")), 10, what="the first frame kept")
    assert "kept frame" not in app.log()
    app.stop()

    app = launch(deck, env=env)  # the same deck again: slide 1 before the deck and the renderer are read
    app.settle()
    log = app.log()
    assert "painted audience kept frame" in log and log.index("painted audience kept frame") < log.index("imported")
    assert difference_from_show(app, deck, "1", tmp_path) < 2.0  # and the real frame over it is the same
    app.stop()

    deck.write_text(deck.read_text(encoding="utf-8").replace("Cllr Pervez Choudhury", "Cllr P. Choudhury", 1),
                    encoding="utf-8")
    app = launch(deck, env=env)  # slide 1 edited since: the kept frame is never shown
    app.settle()
    assert "kept frame" not in app.log()
    assert difference_from_show(app, deck, "1", tmp_path) < 2.0
