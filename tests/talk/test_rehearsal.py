"""Rehearsal runs with a fake clock: visits, holds, totals, a crash mid-run, timings written back."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from presenter.deck import load_deck, parse_deck
from presenter.deck.pacing import budgets, reveal_timings
from presenter.talk.clock import TalkClock
from presenter.talk.rehearsal import Recorder, runs, slide_times, write_timings
from presenter.talk.storage import open_store

ROOT = Path(__file__).resolve().parents[2]
DECK = "# A\n\nNote: one two three\n\n---\n\n# B\n\n---\n\n# C\n\nNote: four\n"


class Clock:
    t = 0.0

    def __call__(self) -> float:
        return self.t


def setup(tmp_path: Path):
    path = tmp_path / "talk.md"
    path.write_text(DECK, encoding="utf-8")
    deck = load_deck(path)
    clock = Clock()
    talk_clock = TalkClock(clock)
    talk_clock.start()
    return path, deck, clock, talk_clock, open_store(path)


def test_visits_holds_and_revisits(tmp_path: Path) -> None:
    _path, deck, clock, talk_clock, store = setup(tmp_path)
    rec = Recorder(store, talk_clock.elapsed)
    a, b, c = deck.slides
    rec.enter(a)
    clock.t = 30
    rec.enter(b)
    clock.t = 40
    talk_clock.toggle_hold()  # a hold is not counted
    clock.t = 100
    talk_clock.toggle_hold()
    clock.t = 110
    rec.enter(a)  # a revisit adds to A
    clock.t = 115
    rec.enter(c)
    clock.t = 175
    rec.finish()
    times = {t.label: (t.seconds, t.visits) for t in slide_times(store, deck, budgets(deck), [rec.run_id])}
    assert times == {"1": (35.0, 2), "2": (20.0, 1), "3": (60.0, 1)}
    assert runs(store)[0].total == 115.0 and runs(store)[0].ended_at


def test_average_over_runs(tmp_path: Path) -> None:
    _path, deck, clock, _talk_clock, store = setup(tmp_path)
    ids = []
    for length in (20, 40):
        rec = Recorder(store, lambda: clock.t)
        clock.t = 0
        rec.enter(deck.slides[0])
        clock.t = length
        rec.finish()
        ids.append(rec.run_id)
    assert slide_times(store, deck, budgets(deck), ids)[0].seconds == 30


CHILD = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from presenter.deck import load_deck
    from presenter.talk.rehearsal import Recorder
    from presenter.talk.storage import open_store
    deck = load_deck(Path({deck!r}))
    t = [0.0]
    rec = Recorder(open_store(deck.path), lambda: t[0])
    rec.enter(deck.slides[0]); t[0] = 12.5
    rec.enter(deck.slides[1]); t[0] = 20.0
    rec.enter(deck.slides[2]); t[0] = 99.0
    os.kill(os.getpid(), signal.SIGKILL)  # power cut while on the third slide
""")


def test_a_run_killed_midway_keeps_every_slide_change(tmp_path: Path) -> None:
    path, deck, *_ = setup(tmp_path)
    proc = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), deck=str(path))], check=False)
    assert proc.returncode == -signal.SIGKILL
    store = open_store(path)
    (run,) = runs(store)
    times = {t.label: t.seconds for t in slide_times(store, deck, budgets(deck), [run.id])}
    assert times == {"1": 12.5, "2": 7.5, "3": 0.0} and run.ended_at is None


def test_write_timings_back_changes_only_those_lines(tmp_path: Path) -> None:
    src = ('---\ntitle: T\n---\n\n<!-- .slide: data-background="#123" -->\n# A\n\nNote: n\n\n---\n\n'
           '<!-- .slide: data-timing="5" -->\n# B\n\n---\n\n# C\n')
    path = tmp_path / "t.md"
    path.write_text(src, encoding="utf-8")
    deck = load_deck(path)
    backup = write_timings(path, deck, {0: 42, 1: 61, 2: 9})
    assert backup.read_text(encoding="utf-8") == src
    new = path.read_text(encoding="utf-8")
    old_lines, new_lines = src.split("\n"), new.split("\n")
    added = [line for line in new_lines if line not in old_lines]
    assert added == ['<!-- .slide: data-timing="42" -->', '<!-- .slide: data-timing="61" -->',
                     '<!-- .slide: data-timing="9" -->']
    assert [line for line in old_lines if line not in new_lines] == ['<!-- .slide: data-timing="5" -->']
    again = load_deck(path)
    assert [s.title for s in again.slides] == ["A", "B", "C"]
    assert again.slides[0].background.css == "#123"
    reloaded = parse_deck(new + "", path, {"revealOptions": {"defaultTiming": 30}})
    assert reveal_timings(reloaded) == [42, 61, 9]
