"""The rehearsal report drawn with QPainter: planned vs actual per slide, and earlier runs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from presenter.talk.clock import format_clock
from presenter.talk.dates import human_date, parse_time
from presenter.talk.rehearsal import Report

log = logging.getLogger(__name__)

PLAN = QColor("#9aa5b1")
ON_TIME = QColor("#3e9b5f")
OVER = QColor("#d9483b")
EARLIER = QColor("#2b6cb0")
VALUES_HEADER = "actual / plan"


def draw_report(p: QPainter, rect: QRectF, report: Report) -> None:
    """The title, the totals and the bar chart, fitted into ``rect`` (any paint device)."""
    unit = rect.height() / 60
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(8, round(unit * 2.2)))
    font.setBold(True)
    p.setPen(QColor("#111111"))
    _fitted(p, font, QRectF(rect.left(), rect.top(), rect.width(), unit * 3),
            f"{report.title}: rehearsal of {_when(report.run.started_at)}")
    font.setBold(False)
    font.setPixelSize(max(8, round(unit * 1.6)))
    diff = report.actual - report.planned
    p.setPen(OVER if diff > 0 else ON_TIME)
    _fitted(p, font, QRectF(rect.left(), rect.top() + unit * 3.2, rect.width(), unit * 2.5),
            f"Total {format_clock(report.actual)} against {format_clock(report.planned)} planned "
            f"({format_clock(diff, signed=True)}).  Ran long: "
            + (", ".join(t.label for t in report.over_budget()) or "none"))
    p.setFont(font)
    _legend(p, QRectF(rect.left(), rect.top() + unit * 6, rect.width(), unit * 2), unit, report.earlier_runs)
    _bars(p, QRectF(rect.left(), rect.top() + unit * 9, rect.width(), rect.height() - unit * 9), unit, report)


def _fitted(p: QPainter, font: QFont, rect: QRectF, text: str) -> None:
    """One line of ``text`` in ``rect``, in a smaller font if it would not fit, elided if even that fails."""
    width = QFontMetricsF(font, p.device()).horizontalAdvance(text)
    fitted = QFont(font)
    if width > rect.width():
        fitted.setPixelSize(max(6, int(font.pixelSize() * rect.width() / width)))
    p.setFont(fitted)
    p.drawText(rect, Qt.AlignmentFlag.AlignLeft,
               QFontMetricsF(fitted, p.device()).elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))


def _when(started_at: str) -> str:
    when = parse_time(started_at)
    return f"{human_date(when.date())}, {when:%H:%M}" if when else started_at


def _legend(p: QPainter, rect: QRectF, unit: float, earlier: int) -> None:
    items = [(PLAN, "planned"), (ON_TIME, "actual, within plan"), (OVER, "actual, over plan")]
    if earlier:
        items.append((EARLIER, f"average of {earlier} earlier run{'s' if earlier > 1 else ''}"))
    x = rect.left()
    metrics = QFontMetricsF(p.font(), p.device())
    for colour, text in items:
        p.fillRect(QRectF(x, rect.top() + unit * 0.4, unit * 1.2, unit * 1.2), colour)
        p.setPen(QColor("#333333"))
        width = metrics.horizontalAdvance(text)
        p.drawText(QRectF(x + unit * 1.6, rect.top(), width + unit, unit * 2), Qt.AlignmentFlag.AlignVCenter, text)
        x += unit * 3.2 + width


def _bars(p: QPainter, area: QRectF, unit: float, report: Report) -> None:
    times = report.times
    if not times:
        return
    row_h = (area.height() - unit * 2.2) / len(times)
    font = p.font()
    font.setPixelSize(max(6, round(min(unit * 1.4, row_h * 0.55))))
    p.setFont(font)
    metrics = QFontMetricsF(font, p.device())
    labels = [f"{t.label}  {t.title}" for t in times]
    values = [f"{format_clock(t.seconds)} / {format_clock(t.budget)}" for t in times]
    label_w = min(max(metrics.horizontalAdvance(x) for x in labels) + unit, area.width() * 0.32)
    value_w = max(metrics.horizontalAdvance(x) for x in [*values, VALUES_HEADER]) + unit
    x0 = area.left() + label_w
    bar_w = max(unit, area.width() - label_w - value_w - unit * 0.6)
    top = max([max(t.budget, t.seconds, report.earlier.get(t.index, 0)) for t in times] + [1])
    p.setPen(QColor("#555555"))
    p.drawText(QRectF(area.left(), area.top(), label_w, unit * 2), Qt.AlignmentFlag.AlignVCenter, "slide")
    p.drawText(QRectF(area.right() - value_w, area.top(), value_w, unit * 2),
               Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, VALUES_HEADER)
    for i, t in enumerate(times):
        y = area.top() + unit * 2.2 + i * row_h
        p.setPen(QColor("#222222"))
        p.drawText(QRectF(area.left(), y, label_w - unit, row_h), Qt.AlignmentFlag.AlignVCenter,
                   metrics.elidedText(labels[i], Qt.TextElideMode.ElideRight, label_w - unit))
        plan_w = bar_w * t.budget / top
        p.fillRect(QRectF(x0, y + row_h * 0.12, plan_w, row_h * 0.34), PLAN)
        actual_w = bar_w * t.seconds / top
        p.fillRect(QRectF(x0, y + row_h * 0.5, actual_w, row_h * 0.34), OVER if t.over > 5 else ON_TIME)
        if t.index in report.earlier:
            ex = x0 + bar_w * report.earlier[t.index] / top
            p.setPen(QPen(EARLIER, max(1.0, unit * 0.3)))
            p.drawLine(QPointF(ex, y + row_h * 0.05), QPointF(ex, y + row_h * 0.95))
        p.setPen(QColor("#222222"))
        p.drawText(QRectF(area.right() - value_w, y, value_w, row_h),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, values[i])


def save_report_png(report: Report, path: Path, width: int = 1600) -> None:
    """The report as a PNG image."""
    height = max(700, 180 + 34 * len(report.times))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_report(p, QRectF(30, 30, width - 60, height - 60), report)
    p.end()
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # the stubs say bytes, PySide6 wants str
        raise OSError(f"cannot write {path}")


def save_report_pdf(report: Report, path: Path) -> None:
    """The report on one A4 landscape page."""
    pdf = QPdfWriter(str(path))
    pdf.setResolution(300)
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                  QMarginsF(0, 0, 0, 0)))
    pdf.setTitle(f"{report.title}: rehearsal report")
    p = QPainter()
    if not p.begin(pdf):
        raise OSError(f"cannot write {path}")
    margin = 300 * 12 / 25.4
    draw_report(p, QRectF(margin, margin, pdf.width() - 2 * margin, pdf.height() - 2 * margin), report)
    if not p.end():
        raise OSError(f"could not finish writing {path} (is the disk full?)")
