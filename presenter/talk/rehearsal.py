"""Rehearsal runs: the time spent on every slide, recorded at each slide change (no Qt).

Times come from the talk's elapsed clock, so holds are excluded. Each visit is written when
the speaker leaves the slide, so a crash loses at most the slide being shown.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from presenter.deck.model import Deck, Slide
from presenter.talk.storage import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SlideTime:
    """Time on one slide in a run (or averaged over runs)."""

    index: int
    label: str
    title: str
    budget: int
    seconds: float
    visits: int

    @property
    def over(self) -> float:
        """Seconds over budget (negative: under)."""
        return self.seconds - self.budget


class Recorder:
    """Records one run into the store.

    Args:
        store: the deck's database.
        elapsed: the talk's elapsed clock (holds excluded).
        wall: wall clock.
        target: the target duration in seconds, if any.
    """

    def __init__(self, store: Store, elapsed: Callable[[], float], wall: Callable[[], dt.datetime] = dt.datetime.now,
                 target: int | None = None):
        self.store = store
        self.elapsed = elapsed
        self.wall = wall
        self.run_id = store.write("INSERT INTO runs (started_at, mode, target_seconds) VALUES (?, 'rehearsal', ?)",
                                  (wall().isoformat(timespec="seconds"), target))
        self._current: tuple[Slide, float] | None = None

    def enter(self, slide: Slide | None) -> None:
        """The speaker is now on ``slide``: the previous visit is written."""
        now = self.elapsed()
        if self._current is not None:
            if slide is not None and slide.index == self._current[0].index:
                return
            self._write(now)
        self._current = (slide, now) if slide is not None else None

    def _write(self, now: float) -> None:
        assert self._current is not None
        slide, entered = self._current
        self.store.write("INSERT INTO visits (run_id, slide_index, slide_label, slide_title, entered, seconds) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (self.run_id, slide.index, slide.label, slide.title,
                                                       entered, max(0.0, now - entered)))

    def finish(self) -> None:
        """End the run: the last visit is written and the end time set."""
        if self._current is not None:
            self._write(self.elapsed())
            self._current = None
        self.store.write("UPDATE runs SET ended_at = ? WHERE id = ?",
                         (self.wall().isoformat(timespec="seconds"), self.run_id))


@dataclass(frozen=True)
class Run:
    """A stored run."""

    id: int
    started_at: str
    ended_at: str | None
    target: int | None
    total: float


def runs(store: Store) -> list[Run]:
    """Every run with at least one visit, oldest first."""
    rows = store.read("SELECT r.id, r.started_at, r.ended_at, r.target_seconds, COALESCE(SUM(v.seconds), 0) AS total "
                      "FROM runs r JOIN visits v ON v.run_id = r.id GROUP BY r.id ORDER BY r.id")
    return [Run(r["id"], r["started_at"], r["ended_at"], r["target_seconds"], float(r["total"])) for r in rows]


def slide_times(store: Store, deck: Deck, budgets: Sequence[int], run_ids: Sequence[int]) -> list[SlideTime]:
    """Time per slide of ``deck`` in the given runs (averaged over them), matched by label and title."""
    if not run_ids:
        return []
    marks = ",".join("?" * len(run_ids))
    rows = store.read(f"SELECT slide_label, slide_title, SUM(seconds) AS s, COUNT(*) AS n FROM visits "
                      f"WHERE run_id IN ({marks}) GROUP BY slide_label, slide_title", tuple(run_ids))
    found = {(r["slide_label"], r["slide_title"]): (float(r["s"]), int(r["n"])) for r in rows}
    out = []
    for slide, budget in zip(deck.slides, budgets, strict=False):
        if slide.hidden:
            continue
        seconds, visits = found.get((slide.label, slide.title), (0.0, 0))
        out.append(SlideTime(slide.index, slide.label, slide.title, budget, seconds / len(run_ids), visits))
    return out


_TIMING = re.compile(r'data-timing="[^"]*"')


def write_timings(deck_path: Path, deck: Deck, seconds: dict[int, int]) -> Path:
    """Put ``data-timing`` into the deck for the given slides (by index); returns the backup's path.

    Only those attribute comments change: an existing ``data-timing`` in a ``.slide:`` comment of
    the slide is updated, otherwise a line ``<!-- .slide: data-timing="N" -->`` is added as the
    slide's first line. The original is kept as ``DECK.bak``.
    """
    text = deck_path.read_text(encoding="utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    inserts: dict[int, str] = {}
    for slide in deck.slides:
        if slide.index not in seconds:
            continue
        value = max(1, int(seconds[slide.index]))
        end = _slide_end_line(deck, slide, len(lines))
        for n in range(slide.line - 1, end):
            if ".slide:" in lines[n] and "data-timing=" in lines[n]:
                lines[n] = _TIMING.sub(f'data-timing="{value}"', lines[n], count=1)
                break
        else:
            inserts[slide.line - 1] = f'<!-- .slide: data-timing="{value}" -->'
    for n in sorted(inserts, reverse=True):
        lines.insert(n, inserts[n])
    backup = deck_path.with_name(deck_path.name + ".bak")
    backup.write_text(text, encoding="utf-8", newline="")
    tmp = deck_path.with_name(f".{deck_path.name}.tmp")
    tmp.write_text(newline.join(lines), encoding="utf-8", newline="")
    tmp.replace(deck_path)
    return backup


def _slide_end_line(deck: Deck, slide: Slide, count: int) -> int:
    later = [s.line for s in deck.slides if s.index > slide.index]
    return min(later) - 1 if later else count


@dataclass(frozen=True)
class Report:
    """A run's report: per slide budget vs actual, totals, and earlier runs for comparison."""

    title: str
    run: Run
    times: tuple[SlideTime, ...]
    earlier: dict[int, float]  # slide index -> average seconds over earlier runs
    earlier_runs: int

    @property
    def planned(self) -> int:
        """The planned length: the run's target, else the sum of the budgets."""
        return int(self.run.target or sum(t.budget for t in self.times))

    @property
    def actual(self) -> float:
        """Seconds spent in this run."""
        return sum(t.seconds for t in self.times)

    def over_budget(self, tolerance: float = 5.0) -> list[SlideTime]:
        """The slides that ran long, longest overrun first."""
        return sorted((t for t in self.times if t.over > tolerance), key=lambda t: -t.over)


def build_report(store: Store, deck: Deck, budgets: Sequence[int], run_id: int | None = None) -> Report | None:
    """The report of ``run_id`` (the latest run when None), or None when nothing was recorded."""
    all_runs = runs(store)
    if not all_runs:
        return None
    run = next((r for r in all_runs if r.id == run_id), all_runs[-1]) if run_id is not None else all_runs[-1]
    times = slide_times(store, deck, budgets, [run.id])
    before = [r.id for r in all_runs if r.id < run.id]
    earlier = {t.index: t.seconds for t in slide_times(store, deck, budgets, before)} if before else {}
    return Report(deck.title, run, tuple(times), earlier, len(before))


def format_report(report: Report) -> str:
    """The report as a text table."""
    from presenter.talk.clock import format_clock

    lines = [f"{report.title}: rehearsal of {report.run.started_at}",
             (f"total {format_clock(report.actual)} against {format_clock(report.planned)} planned "
              f"({format_clock(report.actual - report.planned, signed=True)})"), "",
             f"{'slide':>6}  {'title':<36} {'plan':>6} {'actual':>7} {'diff':>7} {'visits':>6}"
             + ("  earlier" if report.earlier_runs else "")]
    for t in report.times:
        row = (f"{t.label:>6}  {t.title[:36]:<36} {format_clock(t.budget):>6} {format_clock(t.seconds):>7} "
               f"{format_clock(t.over, signed=True):>7} {t.visits:>6}")
        if report.earlier_runs:
            row += f"  {format_clock(report.earlier.get(t.index, 0))}"
        lines.append(row)
    over = report.over_budget()
    lines += ["", "ran long: " + (", ".join(f"{t.label} {t.title} (+{format_clock(t.over)})" for t in over)
                                  if over else "no slide ran more than 5 s over")]
    return "\n".join(lines)
