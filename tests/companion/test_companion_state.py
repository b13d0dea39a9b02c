"""What the phones see of the talk, and that the companion's core loads no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from presenter.companion.auth import Device
from presenter.companion.state import slides_message, snapshot_of, state_message
from presenter.deck import load_deck
from presenter.talk.clock import Countdown
from presenter.talk.talk import Blank, Talk

DECK = ("# Intro\n\nNote: private words\n\n---\n\n# Budget\n\n---\n\n"
        "<!-- .slide: data-visibility=\"hidden\" -->\n# Hidden\n")


def test_snapshot_follows_the_audience(write_deck, fake_clock) -> None:
    talk = Talk(load_deck(write_deck(DECK)), now=fake_clock)
    snap = snapshot_of(talk)
    assert (snap.label, snap.number, snap.total, snap.time_label, snap.time_text) == ("1", 1, 2, "elapsed", "0:00")
    assert "private words" in snap.notes_html and [s.title for s in snap.slides] == ["Intro", "Budget"]
    talk.go("next")
    talk.countdown = Countdown(duration=60)
    fake_clock.t += 75
    talk.toggle_blank(Blank.BLACK)
    snap = snapshot_of(talk)
    assert (snap.label, snap.number, snap.blank, snap.time_text, snap.time_label) == ("2", 2, "black", "0:15", "over")
    talk.go("previous", browse=True)  # the presenter looks back; the phones show what the room sees
    assert snapshot_of(talk).label == "2"


def test_notes_only_for_a_clicker_allowed_to_show_them(write_deck) -> None:
    snap = snapshot_of(Talk(load_deck(write_deck(DECK))))
    clicker = Device("a1", "clicker", "Chrome", "127.0.0.1", "19:02")
    assert state_message(snap, 1, clicker)["notes_html"] == ""
    assert "private words" in state_message(snap, 1, Device("a1", "clicker", "", "", "", notes=True))["notes_html"]
    clerk_view = state_message(snap, 1, Device("b2", "clerk", "", "", "", notes=True))
    assert "notes_html" not in clerk_view and "private" not in str(clerk_view)
    assert slides_message(snap)["slides"][1] == {"label": "2", "title": "Budget"}


CODE = """
import sys, pkgutil, importlib, presenter.companion
for info in pkgutil.iter_modules(presenter.companion.__path__):
    if info.name != "qt":
        importlib.import_module(f"presenter.companion.{info.name}")
print(",".join(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))))
"""


def test_companion_core_imports_no_qt() -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True, cwd=root)
    assert result.stdout.strip() == ""
