"""The timers: elapsed, remaining and one verdict on the pace, large enough to read at a glance."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from presenter.talk.clock import format_clock
from presenter.talk.talk import Talk
from presenter.talk.verdict import Verdict
from presenter.ui import style

log = logging.getLogger(__name__)

VERDICT_COLOURS = {Verdict.AHEAD: "ahead", Verdict.ON_TIME: "ok", Verdict.BEHIND: "bad", Verdict.OVER: "bad"}


@dataclass(frozen=True)
class TimerSizes:
    """Pixel sizes of one timer panel's type."""

    value: int
    detail: int
    caption: int


NORMAL = TimerSizes(value=44, detail=20, caption=15)
LARGE = TimerSizes(value=68, detail=30, caption=22)


class TimerPanel(QWidget):
    """Elapsed time (with hold), time remaining in the slot (or the plan), and the pace verdict.

    The count-down and the verdict share one source (``Talk.verdict``), so their colours and
    words agree: red and "over time" together, never red and "ahead".

    Args:
        large: the large-print variant.
    """

    def __init__(self, large: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timers-large" if large else "timers")
        self.sizes = sizes = LARGE if large else NORMAL
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(0)
        self.elapsed = self._label(style.font("mono", sizes.value, bold=True))
        self.remaining = self._label(style.font("mono", sizes.value, bold=True))
        self.pace = self._label(style.font("ui", sizes.value, bold=True))
        self.elapsed_note = self._label(style.font("ui", sizes.detail))
        self.remaining_note = self._label(style.font("ui", sizes.detail))
        self.pace_note = self._label(style.font("ui", sizes.detail))
        columns = [("Elapsed", self.elapsed, self.elapsed_note), ("Remaining", self.remaining, self.remaining_note),
                   ("Pace", self.pace, self.pace_note)]
        for col, (caption, value, note) in enumerate(columns):
            cap = QLabel(caption)
            cap.setFont(style.font("ui", sizes.caption))
            cap.setStyleSheet(f"color:{style.color('muted')}")
            grid.addWidget(cap, 0, col)
            grid.addWidget(value, 1, col)
            grid.addWidget(note, 2, col)
            grid.setColumnStretch(col, 1)
        self._texts: dict[int, tuple[str, str]] = {}

    def fit_height(self, window_height: int) -> None:
        """Larger type on a taller window (never below the panel's own sizes)."""
        scale = max(1.0, min(1.6, window_height / 17 / self.sizes.value))
        value, detail = round(self.sizes.value * scale), round(self.sizes.detail * scale)
        if self.elapsed.font().pixelSize() == value:
            return
        for label in (self.elapsed, self.remaining):
            label.setFont(style.font("mono", value, bold=True))
        self.pace.setFont(style.font("ui", value, bold=True))
        for label in (self.elapsed_note, self.remaining_note, self.pace_note):
            label.setFont(style.font("ui", detail))

    @staticmethod
    def _label(font: object) -> QLabel:
        label = QLabel("–")
        label.setFont(font)  # type: ignore[arg-type]
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _set(self, label: QLabel, text: str, colour: str = "text") -> None:
        key = id(label)
        if self._texts.get(key) != (text, colour):
            self._texts[key] = (text, colour)
            label.setText(text)
            label.setStyleSheet(f"color:{style.color(colour)}")

    def refresh(self, talk: Talk) -> None:
        """Show the current times (cheap when nothing changed)."""
        clock = talk.clock
        elapsed = format_clock(clock.elapsed())
        if clock.state.held:
            self._set(self.elapsed, elapsed, "warn")
            self._set(self.elapsed_note, "on hold (H resumes)", "warn")
        else:
            self._set(self.elapsed, elapsed, "text" if clock.state.started else "faint")
            self._set(self.elapsed_note, "" if clock.state.started else "starts with the first slide change",
                      "faint")
        verdict = talk.verdict()
        remaining = talk.remaining()
        if remaining is None:
            plan = talk.total_budget()
            self._set(self.remaining, format_clock(max(0, plan - clock.elapsed())) if plan else "–", "muted")
            self._set(self.remaining_note, f"of the {format_clock(plan)} plan" if plan else "no plan", "faint")
        else:
            colour = "bad" if remaining < 0 else "warn" if remaining < 120 else "text"
            self._set(self.remaining, format_clock(remaining), colour)
            slot = talk.slot()
            self._set(self.remaining_note, "over the slot" if remaining < 0 else
                      (f"of a {format_clock(round(slot))} slot" if slot else "left in the slot"), colour)
        if verdict is None:
            self._set(self.pace, "–", "faint")
            self._set(self.pace_note, "", "faint")
        else:
            colour = VERDICT_COLOURS[verdict.verdict]
            self._set(self.pace, verdict.verdict.value, colour)
            amount = "" if verdict.verdict == Verdict.ON_TIME else f"by {format_clock(verdict.seconds)}"
            self._set(self.pace_note, amount, colour)
