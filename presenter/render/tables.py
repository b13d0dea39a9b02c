"""Tables as reveal.js styles them: auto layout, centred, cells padded 0.2em × 0.5em, collapsed
1 px rules under each row but the last of a body, cells aligned on their first baselines.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from presenter.deck.html_tree import Element
from presenter.render.css import Style
from presenter.render.display import Box, Fill
from presenter.render.lists import Flow

log = logging.getLogger(__name__)

MAX_ROWS, MAX_COLUMNS = 200, 40
_WIDE = 100_000.0


@dataclass
class _Cell:
    el: Element
    style: Style
    column: int
    span: int
    pad_x: float
    pad_y: float
    min_w: float = 0.0
    max_w: float = 0.0


@dataclass
class _Row:
    cells: list[_Cell]
    rule: bool  # a rule under the row (all rows but the last of a tbody)


def table_box(flow: Flow, el: Element, style: Style, width: float, depth: int) -> Box:
    """The table ``el`` laid out in a container ``width`` px wide (a full-width block)."""
    rows = _rows(flow, el, style)
    columns = max((c.column + c.span for r in rows for c in r.cells), default=0)
    if not columns:
        return Box(width=width)
    for row in rows:
        for cell in row.cells:
            _measure(flow, cell, depth)
    widths = _column_widths(rows, columns, width)
    table = _layout_rows(flow, rows, widths, depth)
    box = Box(width=width, height=table.height, content_width=table.width)
    box.add(max(0.0, (width - table.width) / 2), 0.0, table)
    box.first_baseline, box.baseline = table.first_baseline, table.baseline
    box.settle_overflow()
    return box


def _rows(flow: Flow, el: Element, style: Style) -> list[_Row]:
    rows: list[_Row] = []
    for part in el.elements():
        if part.tag == "tr":
            group, part_style = [part], style
        elif part.tag in ("thead", "tbody", "tfoot"):
            part_style = flow.style(style, part)
            group = [r for r in part.elements() if r.tag == "tr"]
        else:
            continue
        for i, tr in enumerate(group):
            last_of_body = part.tag in ("tbody", "tr") and i == len(group) - 1
            rows.append(_Row(_cells(flow, tr, flow.style(part_style, tr)), not last_of_body))
            if len(rows) >= MAX_ROWS:
                return rows
    if rows and el.elements() and el.elements()[-1].tag == "tr":
        rows[-1].rule = False  # bare rows sit in one implied tbody
    return rows


def _cells(flow: Flow, tr: Element, style: Style) -> list[_Cell]:
    cells, column = [], 0
    for td in tr.elements():
        if td.tag not in ("td", "th") or column >= MAX_COLUMNS:
            continue
        s = flow.style(style, td)
        span_text = td.attrs.get("colspan", "1")
        span = max(1, min(int(span_text) if span_text.isdigit() else 1, MAX_COLUMNS - column))
        cells.append(_Cell(td, s, column, span, 0.5 * s.size, 0.2 * s.size))
        column += span
    return cells


def _measure(flow: Flow, cell: _Cell, depth: int) -> None:
    pad = 2 * cell.pad_x
    cell.max_w = flow.flow(cell.el.children, cell.style.with_(align="left"), _WIDE, depth + 1).content_width + pad
    cell.min_w = flow.flow(cell.el.children, cell.style.with_(align="left"), 1.0, depth + 1).content_width + pad


def _column_widths(rows: list[_Row], columns: int, avail: float) -> list[float]:
    lo, hi = [0.0] * columns, [0.0] * columns
    for cell in sorted((c for r in rows for c in r.cells), key=lambda c: c.span):
        cols = range(cell.column, cell.column + cell.span)
        for limits, need in ((lo, cell.min_w), (hi, cell.max_w)):
            extra = need - sum(limits[i] for i in cols)
            if extra > 0:
                for i in cols:
                    limits[i] += extra / cell.span
    hi = [max(h, m) for h, m in zip(hi, lo, strict=True)]
    if sum(hi) <= avail:
        return hi
    if sum(lo) >= avail:
        return lo
    spare, stretch = avail - sum(lo), sum(hi) - sum(lo)
    return [m + spare * (h - m) / stretch for m, h in zip(lo, hi, strict=True)]


def _layout_rows(flow: Flow, rows: list[_Row], widths: list[float], depth: int) -> Box:
    table = Box(width=sum(widths))
    x_of = [sum(widths[:i]) for i in range(len(widths) + 1)]
    y, rule_above = 0.0, False
    for row in rows:
        laid = [(c, flow.flow(c.el.children, c.style, x_of[c.column + c.span] - x_of[c.column] - 2 * c.pad_x,
                              depth + 1)) for c in row.cells]
        above = max((c.pad_y + (b.first_baseline if b.first_baseline is not None else b.height) for c, b in laid),
                    default=0.0)
        below = max((b.height - (b.first_baseline if b.first_baseline is not None else b.height) + c.pad_y
                     for c, b in laid), default=0.0)
        top = y + (0.5 if rule_above else 0.0)
        for cell, body in laid:
            first = body.first_baseline if body.first_baseline is not None else body.height
            table.add(x_of[cell.column] + cell.pad_x, top + above - first, body)
            if row.rule:
                left, right = x_of[cell.column], x_of[cell.column + cell.span]
                table.ops.append(Fill(QRectF(left, top + above + below - 0.0, right - left, 1.0),
                                      cell.style.paint()))
        if table.first_baseline is None:
            table.first_baseline = top + above
        table.baseline = top + above
        y = top + above + below + (0.5 if row.rule else 0.0)
        rule_above = row.rule
    table.height = y
    table.settle_overflow()
    return table
