"""The rehearsal report in the app: the chart, the table, and writing timings back to the deck.

Signals:
    timings_written(str): the deck was changed (a message for the banner).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presenter.deck.model import Deck
from presenter.render.report import draw_report, save_report_pdf, save_report_png
from presenter.talk.rehearsal import Report, build_report, format_report, write_timings
from presenter.talk.storage import Store
from presenter.ui import style

log = logging.getLogger(__name__)


class ChartView(QWidget):
    """Paints ``draw_report`` at the widget's size."""

    def __init__(self, report: Report, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setMinimumSize(700, 420)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_report(p, QRectF(16, 12, self.width() - 32, self.height() - 24), self.report)
        p.end()


class ReportWindow(QDialog):
    """The report of one run, with buttons to save it and to write timings into the deck."""

    timings_written = Signal(str)

    def __init__(self, store: Store, deck: Deck, budgets: Sequence[int], run_id: int | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{deck.title} — Rehearsal report")
        self.store, self.deck = store, deck
        self.report = build_report(store, deck, budgets, run_id)
        self.choose_file = lambda caption, name, filt: QFileDialog.getSaveFileName(self, caption, name, filt)[0]
        col = QVBoxLayout(self)
        if self.report is None:
            col.addWidget(QLabel("No rehearsal has been recorded for this deck yet. Press F9 to start one."))
            return
        col.addWidget(ChartView(self.report), 3)
        table = QPlainTextEdit(format_report(self.report))
        table.setReadOnly(True)
        table.setFont(style.font("mono", 13))
        col.addWidget(table, 2)
        self.average = QCheckBox("Use the average of all runs")
        self.status = QLabel()
        row = QHBoxLayout()
        for text, slot in (("Write timings to the deck", self.write_back), ("Save PDF…", self.save_pdf),
                           ("Save PNG…", self.save_png), ("Close", self.close)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        col.addWidget(self.average)
        col.addLayout(row)
        col.addWidget(self.status)
        self.resize(1000, 760)

    def write_back(self) -> None:
        """Put the measured (or averaged) seconds into the deck as ``data-timing``."""
        assert self.report is not None
        if self.average.isChecked():
            from presenter.talk.rehearsal import runs, slide_times

            ids = [r.id for r in runs(self.store)]
            times = slide_times(self.store, self.deck, [t.budget for t in self.report.times], ids)
        else:
            times = list(self.report.times)
        seconds = {t.index: round(t.seconds) for t in times if t.seconds >= 1}
        try:
            backup = write_timings(self.deck.path, self.deck, seconds)
        except OSError as exc:
            self.status.setText(f"Could not change the deck: {exc}")
            return
        message = (f"Timings written to {self.deck.path.name} for {len(seconds)} slides "
                   f"(original kept as {backup.name}).")
        self.status.setText(message)
        self.timings_written.emit(message)

    def _save(self, kind: str) -> None:
        assert self.report is not None
        name = str(self.deck.folder / f"{self.deck.path.stem}-rehearsal.{kind}")
        path = self.choose_file("Save the report", name, f"{kind.upper()} files (*.{kind})")
        if not path:
            return
        try:
            (save_report_pdf if kind == "pdf" else save_report_png)(self.report, Path(path))
            self.status.setText(f"Saved {path}.")
        except OSError as exc:
            self.status.setText(f"Not saved: {exc}")

    def save_pdf(self) -> None:
        """Save the report as a one-page PDF."""
        self._save("pdf")

    def save_png(self) -> None:
        """Save the report as a PNG image."""
        self._save("png")
