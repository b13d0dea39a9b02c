"""A laid-out slide as a list of drawing operations in logical slide pixels, and their painting.

Layout (``slidehtml``, ``inline``, ``tables``, ``code``) produces :class:`Box` trees once per
slide and step; painting replays them into any painter, at any scale.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTextLayout

from presenter.render.fonts import TEXT_SCALE

log = logging.getLogger(__name__)

ImageLookup = Callable[[Path, int, int], "QImage | None"]  # path, device width, height -> image


@dataclass(frozen=True)
class Fill:
    """A filled rectangle (rounded when ``radius``), with an optional blurred shadow."""

    rect: QRectF
    color: QColor
    radius: float = 0.0


@dataclass(frozen=True)
class BoxShadow:
    """A CSS ``box-shadow`` under a rectangle: offset, blur and colour."""

    rect: QRectF
    dx: float
    dy: float
    blur: float
    color: QColor


@dataclass(frozen=True)
class Text:
    """Laid-out text (a QTextLayout at TEXT_SCALE), drawn at ``(x, y)``; ``blur`` softens a shadow."""

    layout: QTextLayout
    x: float = 0.0
    y: float = 0.0
    blur: float = 0.0


@dataclass(frozen=True)
class Marker:
    """A list bullet: ``disc``, ``circle`` or ``square`` in ``rect``."""

    kind: str
    rect: QRectF
    color: QColor


@dataclass(frozen=True)
class Picture:
    """An image file drawn into ``rect``."""

    path: Path
    rect: QRectF
    opacity: float = 1.0


@dataclass
class Box:
    """A laid-out box: its size, where its text baselines are, and what to draw (local coordinates).

    Attributes:
        width, height: the border box; margin_top / margin_bottom: its vertical margins.
        baseline: the last line's baseline from the top (for inline-block alignment), or None;
            first_baseline: the first line's (list markers stand on it).
        content_width: how wide the content really is (shrink-to-fit widths).
        overflow: how far text paints below ``height`` (a font's descent below its line box);
            it counts in the slide's scroll height, which centres it.
        ops: drawing operations; children: boxes placed at ``(x, y)``; clip: clip to the box.
    """

    width: float = 0.0
    height: float = 0.0
    margin_top: float = 0.0
    margin_bottom: float = 0.0
    baseline: float | None = None
    first_baseline: float | None = None
    content_width: float = 0.0
    overflow: float = 0.0
    ops: list[object] = field(default_factory=list)
    children: list[tuple[float, float, Box]] = field(default_factory=list)
    clip: bool = False

    def add(self, x: float, y: float, child: Box) -> None:
        """Place ``child`` with its top-left corner at ``(x, y)``."""
        self.children.append((x, y, child))

    def settle_overflow(self) -> None:
        """Set :attr:`overflow` from the children (call once the height is known)."""
        bottom = max((y + c.height + c.overflow for _, y, c in self.children if not c.clip), default=0.0)
        self.overflow = max(self.overflow, bottom - self.height, 0.0)


def paint_box(painter: QPainter, box: Box, images: ImageLookup) -> None:
    """Draw ``box`` and its children with the painter's current transform."""
    painter.save()
    try:
        if box.clip:
            painter.setClipRect(QRectF(0, 0, box.width, box.height), Qt.ClipOperation.IntersectClip)
        for op in box.ops:
            _paint_op(painter, op, images)
        for x, y, child in box.children:
            painter.translate(x, y)
            paint_box(painter, child, images)
            painter.translate(-x, -y)
    finally:
        painter.restore()


def _paint_op(painter: QPainter, op: object, images: ImageLookup) -> None:
    if isinstance(op, Text):
        _paint_text(painter, op)
    elif isinstance(op, Fill):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(op.color)
        if op.radius:
            painter.drawRoundedRect(op.rect, op.radius, op.radius)
        else:
            painter.drawRect(op.rect)
    elif isinstance(op, Marker):
        _paint_marker(painter, op)
    elif isinstance(op, BoxShadow):
        _paint_box_shadow(painter, op)
    elif isinstance(op, Picture):
        _paint_picture(painter, op, images)


def _paint_text(painter: QPainter, op: Text) -> None:
    if op.blur > 0:
        _paint_blurred(painter, op)
        return
    painter.save()
    try:
        painter.translate(op.x, op.y)
        painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
        op.layout.draw(painter, QPointF(0, 0))
    finally:
        painter.restore()


def _paint_blurred(painter: QPainter, op: Text) -> None:
    """A soft text shadow: drawn small (one pixel per blur radius / 2) and scaled up smoothly."""
    bounds = op.layout.boundingRect()
    pad = op.blur * TEXT_SCALE * 2
    rect = bounds.adjusted(-pad, -pad, pad, pad)
    device = abs(painter.transform().m11()) or 1.0
    factor = min(1.0, 2.0 / max(op.blur * device, 1e-3)) * device / TEXT_SCALE
    w, h = math.ceil(rect.width() * factor) + 2, math.ceil(rect.height() * factor) + 2
    if w * h > 4_000_000 or w < 1 or h < 1:
        return
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(factor, factor)
    p.translate(-rect.x(), -rect.y())
    op.layout.draw(p, QPointF(0, 0))
    p.end()
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.translate(op.x, op.y)
        painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
        painter.drawImage(QRectF(rect.x(), rect.y(), w / factor, h / factor), img)
    finally:
        painter.restore()


def _paint_marker(painter: QPainter, op: Marker) -> None:
    painter.setBrush(op.color if op.kind != "circle" else Qt.BrushStyle.NoBrush)
    if op.kind == "circle":  # Blink strokes the circle 1 px wide
        painter.setPen(QPen(op.color, 1.0))
        painter.drawEllipse(op.rect.adjusted(0.5, 0.5, -0.5, -0.5))
        return
    painter.setPen(Qt.PenStyle.NoPen)
    if op.kind == "square":
        painter.drawRect(op.rect)
    else:
        painter.drawEllipse(op.rect)


def _paint_box_shadow(painter: QPainter, op: BoxShadow) -> None:
    """A blurred outer box shadow: rings fading outwards (a Gaussian of sigma blur / 2 about the
    shadow's edge), clipped to outside the box, where CSS draws it."""
    steps = max(2, min(8, math.ceil(op.blur)))
    base = op.rect.translated(op.dx, op.dy)
    inside = QPainterPath()
    inside.addRect(op.rect)
    painter.save()
    try:
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(-steps, steps):
            d0, d1 = op.blur * i / steps, op.blur * (i + 1) / steps
            outer, inner = QPainterPath(), QPainterPath()
            outer.addRect(base.adjusted(-d1, -d1, d1, d1))
            if base.width() + 2 * d0 > 0 and base.height() + 2 * d0 > 0:
                inner.addRect(base.adjusted(-d0, -d0, d0, d0))
            ring = outer.subtracted(inner).subtracted(inside)
            sigma = max(op.blur / 2, 1e-3)
            color = QColor(op.color)
            color.setAlphaF(op.color.alphaF() * 0.5 * math.erfc((d0 + d1) / 2 / sigma / math.sqrt(2)))
            painter.setBrush(color)
            painter.drawPath(ring)
    finally:
        painter.restore()


def _paint_picture(painter: QPainter, op: Picture, images: ImageLookup) -> None:
    device = painter.transform().map(op.rect).boundingRect()
    img = images(op.path, max(1, round(device.width())), max(1, round(device.height())))
    if img is None:
        return
    painter.save()
    try:
        painter.setOpacity(painter.opacity() * op.opacity)
        painter.drawImage(op.rect, img)
    finally:
        painter.restore()
