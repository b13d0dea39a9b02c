"""Inline formatting: text runs and atomic boxes broken into line boxes as Chromium builds them.

Qt breaks the lines (``QTextLayout``, at TEXT_SCALE); the line boxes are CSS's: each run and
the block's strut stand on the baseline with half the leading above (rounded down, as Blink
does) and the rest below, so the line pitch is ``line-height × font-size`` exactly. Images and
inline-blocks are object characters whose advance is their width.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QTextCharFormat, QTextLayout, QTextLine, QTextOption

from presenter.render.css import Shadow, Style
from presenter.render.display import Box, Fill, Text
from presenter.render.fonts import TEXT_SCALE, layout_device

log = logging.getLogger(__name__)

OBJECT = "\ufffc"
MAX_CHARS = 5000  # a block's text beyond this is cut: a slide never shows that much
MAX_WORD = 400  # a longer unbroken word runs off the slide anyway; the rest is cut
_SPACES = re.compile(r"[ \t\n\r\f]+")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
_TRANSPARENT = QColor(0, 0, 0, 0)


@dataclass(frozen=True)
class Run:
    """A stretch of the block's text in one style; ``atom`` when it is one object character."""

    start: int
    end: int
    style: Style
    atom: Box | None = None


class InlineText:
    """Collects a block's inline content, then lays it out into line boxes.

    Args:
        block: the style of the block (its strut, alignment and white-space handling).
    """

    def __init__(self, block: Style):
        self.block = block
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.length = 0
        self._space = True  # the text so far ends in collapsible white space (or is empty)
        self._ink = 0.0  # the lowest glyph content area, from the top

    @property
    def empty(self) -> bool:
        """Whether nothing but collapsible white space was added."""
        return not self.runs

    def text(self, data: str, style: Style) -> None:
        """Add text in ``style`` (white space collapsed unless ``pre``, text-transform applied)."""
        if not style.pre:
            data = _SPACES.sub(" ", data)
            if self._space and data.startswith(" "):
                data = data[1:]
            data = _LONG_WORD.sub(lambda m: m.group(0)[:MAX_WORD], data)
        else:
            data = data.replace("\r\n", "\n").replace("\t", "  ").replace("\n", "\u2028")
        data = _transform(data, style.transform)
        if not data or self.length >= MAX_CHARS:
            return
        data = data[: MAX_CHARS - self.length]
        self._append(data, style, None)
        self._space = data.endswith(" ") and not style.pre

    def atom(self, box: Box, style: Style) -> None:
        """Add an atomic inline box (an image, an inline-block) of ``box``'s size."""
        if self.length < MAX_CHARS:
            self._append(OBJECT, style, box)
            self._space = False

    def line_break(self, style: Style) -> None:
        """A ``<br>``."""
        self._append("\u2028", style, None)
        self._space = True

    def _append(self, data: str, style: Style, atom: Box | None) -> None:
        self.parts.append(data)
        self.runs.append(Run(self.length, self.length + len(data), style, atom))
        self.length += len(data)

    def layout(self, width: float) -> Box:
        """The block's line boxes at ``width`` px, as a box with the text to draw."""
        self._trim_end()
        if not self.runs:
            return Box(width=width)
        text = "".join(self.parts)
        layout = _qt_layout(text, self.runs, width, self.block)
        box = Box(width=width)
        lines = _lines(layout)
        self._ink = 0.0
        y = 0.0
        for line in lines:
            y = self._place(line, y, width, box)
        box.height = y
        box.overflow = max(0.0, self._ink - y)
        box.settle_overflow()
        shadows: list[object] = []
        for shadow in self._shadows():
            shadow_layout = _qt_layout(text, self.runs, width, self.block, shadow)
            _copy_positions(layout, shadow_layout)
            shadows.append(Text(shadow_layout, shadow.dx, shadow.dy, shadow.blur))
        box.ops = [*box.ops, *shadows, Text(layout)]  # inline backgrounds, then shadows, then the text
        return box

    def _trim_end(self) -> None:
        while self.runs and not self.block.pre:
            last = self.runs[-1]
            if last.atom is not None or not self.parts[-1].endswith(" "):
                break
            trimmed = self.parts[-1].rstrip(" ")
            self.length -= len(self.parts[-1]) - len(trimmed)
            if trimmed:
                self.parts[-1] = trimmed
                self.runs[-1] = Run(last.start, last.start + len(trimmed), last.style, None)
                break
            self.parts.pop()
            self.runs.pop()

    def _shadows(self) -> list[Shadow]:
        found: list[Shadow] = []
        for run in self.runs:
            for s in run.style.shadows:
                if s not in found:
                    found.append(s)
        return found[::-1]  # CSS paints the first shadow on top

    def _place(self, line: QTextLine, top: float, width: float, box: Box) -> float:
        start, end = line.textStart(), line.textStart() + line.textLength()
        runs = [r for r in self.runs if r.start < end and r.end > start] or self.runs[-1:]
        above, below = _metrics(self.block)
        for run in runs:
            if run.atom is None or run.style.vertical != "top":
                a, b = _run_metrics(run, self.block)
                above, below = max(above, a), max(below, b)
        for run in runs:  # vertical-align: top boxes hang from the line's top
            if run.atom is not None and run.style.vertical == "top":
                below = max(below, run.atom.height - above)
        baseline = top + above
        natural = line.naturalTextWidth() / TEXT_SCALE
        x = _offset(self.block.align, width, natural)
        line.setPosition(QPointF(x * TEXT_SCALE, baseline * TEXT_SCALE - line.ascent()))
        box.content_width = max(box.content_width, x + natural)
        box.baseline = baseline
        if box.first_baseline is None:
            box.first_baseline = baseline
        for run in runs:
            self._decorate(run, line, top, baseline, box)
            if run.atom is None:  # the glyphs' content area may reach below the line box
                self._ink = max(self._ink, baseline + run.style.height()[1])
        return baseline + below

    def _decorate(self, run: Run, line: QTextLine, top: float, baseline: float, box: Box) -> None:
        start = max(run.start, line.textStart())
        end = min(run.end, line.textStart() + line.textLength())
        x0 = _x(line, start)  # the line's position is already set
        if run.atom is not None:
            y = top if run.style.vertical == "top" else baseline - (run.atom.baseline or 0.0)
            box.add(x0, y, run.atom)
        elif run.style.background is not None and end > start:
            x1 = _x(line, end)
            if run.style.radius:  # an inline-block (blood's code): its whole line box
                a, b = _metrics(run.style)
            else:
                a, b = run.style.height()
            box.ops.append(Fill(QRectF(x0, baseline - a, x1 - x0, a + b), run.style.paint(run.style.background),
                             run.style.radius))


def _x(line: QTextLine, index: int) -> float:
    """Where the cursor before character ``index`` is, in px (the line's position included)."""
    found = line.cursorToX(index)
    value = found[0] if isinstance(found, tuple) else found
    return float(value) / TEXT_SCALE  # type: ignore[arg-type]


def _transform(text: str, transform: str) -> str:
    if transform == "uppercase":
        return text.upper()
    if transform == "lowercase":
        return text.lower()
    if transform == "capitalize":
        return re.sub(r"(^|\s)(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    return text


def _metrics(style: Style) -> tuple[float, float]:
    """Above and below the baseline for the strut of ``style`` (half-leading rounded down above)."""
    ascent, descent = style.height()
    height = style.line_px
    above = math.floor((height - ascent - descent) / 2) + ascent
    return above, height - above


def _run_metrics(run: Run, block: Style) -> tuple[float, float]:
    if run.atom is not None:
        top = run.atom.baseline if run.atom.baseline is not None else run.atom.height
        return top, run.atom.height - top
    above, below = _metrics(run.style)
    if run.style.vertical == "super":
        shift = run.style.size * 1.2 / 3 + 1
        return above + shift, below - shift
    if run.style.vertical == "sub":
        shift = run.style.size * 1.2 / 5 + 1
        return above - shift, below + shift
    return above, below


def _offset(align: str, width: float, natural: float) -> float:
    if natural >= width or align in ("left", "justify", "start"):
        return 0.0
    return width - natural if align in ("right", "end") else (width - natural) / 2


def _char_format(style: Style, shadow: Shadow | None, atom: Box | None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(style.font(), QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
    if atom is not None:
        own = QFontMetricsF(style.font(), layout_device()).horizontalAdvance(OBJECT)
        fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        fmt.setFontLetterSpacing(atom.width * TEXT_SCALE - own)
        color = _TRANSPARENT
    elif shadow is not None:
        color = style.with_(alpha=style.alpha * style.color.alphaF()).paint(shadow.color) \
            if shadow in style.shadows else _TRANSPARENT
    else:
        color = style.paint()
    fmt.setForeground(QBrush(color))
    fmt.setFontUnderline("underline" in style.decoration)
    fmt.setFontStrikeOut("line-through" in style.decoration)
    if style.vertical in ("super", "sub") and atom is None:
        parent = style.size * 1.2  # sup and sub are "smaller" than their parent: 1/1.2
        shift = parent / 3 + 1 if style.vertical == "super" else -(parent / 5 + 1)
        height = QFontMetricsF(style.font(), layout_device()).height() / TEXT_SCALE
        fmt.setBaselineOffset(100 * shift / max(height, 1.0))
    return fmt


def _qt_layout(text: str, runs: list[Run], width: float, block: Style, shadow: Shadow | None = None) -> QTextLayout:
    layout = QTextLayout(text, block.font(), layout_device())
    option = QTextOption()
    option.setUseDesignMetrics(True)
    if block.pre:
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
    elif any(r.style.break_words for r in runs):
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    else:
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    formats = []
    for run in runs:
        fr = QTextLayout.FormatRange()
        fr.start, fr.length = run.start, run.end - run.start
        fr.format = _char_format(run.style, shadow, run.atom)
        formats.append(fr)
    layout.setFormats(formats)
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width) * TEXT_SCALE)
    layout.endLayout()
    return layout


def _lines(layout: QTextLayout) -> list[QTextLine]:
    return [layout.lineAt(i) for i in range(layout.lineCount())]


def _copy_positions(source: QTextLayout, target: QTextLayout) -> None:
    for a, b in zip(_lines(source), _lines(target), strict=False):
        b.setPosition(a.position())
