"""Painting the page and slide backgrounds as reveal.js layers them (``deck-format.md`` §9)."""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGradient, QImage, QLinearGradient, QPainter, QRadialGradient

from presenter.deck.model import Background
from presenter.render.images import ImageCache
from presenter.render.themes import Theme

log = logging.getLogger(__name__)

_RGB = re.compile(r"rgba?\(\s*([\d.]+%?)\s*[, ]\s*([\d.]+%?)\s*[, ]\s*([\d.]+%?)\s*(?:[,/]\s*([\d.]+%?))?\s*\)",
                  re.IGNORECASE)
_GRADIENT = re.compile(r"^(linear|radial)-gradient\((.*)\)\s*$", re.IGNORECASE | re.DOTALL)


def parse_color(text: str) -> QColor | None:
    """A CSS colour (``#rgb``, ``#rrggbb``, ``rgb()``, ``rgba()``, a name), or None."""
    text = text.strip()
    m = _RGB.fullmatch(text)
    if m:
        r, g, b = (_channel(v) for v in m.groups()[:3])
        alpha = m.group(4)
        a = 1.0 if alpha is None else (float(alpha[:-1]) / 100 if alpha.endswith("%") else float(alpha))
        return QColor(r, g, b, max(0, min(255, round(a * 255))))
    if text.lower() == "transparent":
        return QColor(0, 0, 0, 0)
    color = QColor.fromString(text) if text else QColor()
    return color if color.isValid() else None


def _channel(value: str) -> int:
    number = float(value[:-1]) * 2.55 if value.endswith("%") else float(value)
    return max(0, min(255, round(number)))


def is_dark(color: QColor) -> bool:
    """reveal.js's contrast test: brightness below 128 is a dark background."""
    return (299 * color.red() + 587 * color.green() + 114 * color.blue()) / 1000 < 128


def _split_args(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    return [*parts, current.strip()]


def gradient_brush(text: str, rect: QRectF) -> QBrush | None:
    """A brush for a CSS ``linear-gradient``/``radial-gradient`` (angles, ``to side``, stops)."""
    m = _GRADIENT.match(text.strip())
    if not m:
        return None
    args = _split_args(m.group(2))
    grad: QGradient
    if m.group(1).lower() == "linear":
        angle = 180.0
        if args and (args[0].startswith("to ") or args[0].endswith("deg")):
            angle = _angle(args.pop(0))
        rad = math.radians(angle)
        dx, dy = math.sin(rad), -math.cos(rad)
        half = abs(rect.width() / 2 * dx) + abs(rect.height() / 2 * dy)
        c = rect.center()
        grad = QLinearGradient(c - QPointF(dx, dy) * half, c + QPointF(dx, dy) * half)
    else:
        if args and parse_color(args[0].split()[0]) is None:
            args.pop(0)
        grad = QRadialGradient(rect.center(), math.hypot(rect.width(), rect.height()) / 2)
    stops = [(parse_color(a.rsplit(" ", 1)[0] if a.endswith("%") else a), a) for a in args]
    colours = [(c, a) for c, a in stops if c is not None]
    for i, (colour, arg) in enumerate(colours):
        pos = float(arg.rsplit(" ", 1)[1][:-1]) / 100 if arg.endswith("%") and " " in arg else (
            i / max(1, len(colours) - 1))
        grad.setColorAt(max(0.0, min(1.0, pos)), colour)
    return QBrush(grad) if colours else None


def _angle(text: str) -> float:
    sides = {"to top": 0, "to right": 90, "to bottom": 180, "to left": 270, "to top right": 45,
             "to right top": 45, "to bottom right": 135, "to right bottom": 135, "to bottom left": 225,
             "to left bottom": 225, "to top left": 315, "to left top": 315}
    if text in sides:
        return float(sides[text])
    try:
        return float(text[:-3])
    except ValueError:
        return 180.0


def paint_page(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    """The theme's page background (a colour, or a circular radial gradient)."""
    if theme.gradient:
        centre, edge = (parse_color(c) or QColor(theme.background) for c in theme.gradient)
        grad = QRadialGradient(rect.center(), math.hypot(rect.width(), rect.height()) / 2)
        grad.setColorAt(0, centre)
        grad.setColorAt(1, edge)
        painter.fillRect(rect, QBrush(grad))
    else:
        painter.fillRect(rect, QColor(theme.background))


def background_color(bg: Background) -> QColor | None:
    """The opaque colour reveal.js uses for its contrast class, if any (images never count)."""
    for value in (bg.color, bg.css):
        color = parse_color(value) if value else None
        if color is not None and color.alpha() == 255:
            return color
    return None


def paint_background(painter: QPainter, rect: QRectF, bg: Background, image_path: Path | None,
                     images: ImageCache) -> None:
    """The slide's own layers over the page: CSS value, colour, gradient, then the image."""
    for value in (bg.css, bg.gradient):
        if value:
            brush = gradient_brush(value, rect)
            color = parse_color(value) if brush is None else None
            if brush is not None:
                painter.fillRect(rect, brush)
            elif color is not None:
                painter.fillRect(rect, color)
    if bg.color:
        color = parse_color(bg.color)
        if color is not None:
            painter.fillRect(rect, color)
    if image_path is not None:
        _paint_image(painter, rect, bg, image_path, images)


def _paint_image(painter: QPainter, rect: QRectF, bg: Background, path: Path, images: ImageCache) -> None:
    natural = images.size(path)
    if natural is None:
        return
    w, h = _image_size(bg.size, natural.width(), natural.height(), rect)
    if w < 1 or h < 1:
        return
    device_scale = painter.transform().m11() or 1.0
    img = images.image(path, max(1, round(w * device_scale)), max(1, round(h * device_scale)))
    if img is None:
        return
    x, y = _image_position(bg.position, rect, w, h)
    painter.save()
    painter.setOpacity(painter.opacity() * bg.opacity)
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    target = QRectF(x, y, w, h)
    if bg.repeat.startswith("repeat") and bg.repeat != "no-repeat":
        _tile(painter, rect, target, img)
    else:
        painter.drawImage(target, img)
    painter.restore()


def _tile(painter: QPainter, rect: QRectF, first: QRectF, img: QImage) -> None:
    x0 = first.x() - math.ceil((first.x() - rect.x()) / first.width()) * first.width()
    y0 = first.y() - math.ceil((first.y() - rect.y()) / first.height()) * first.height()
    y = y0
    while y < rect.bottom():
        x = x0
        while x < rect.right():
            painter.drawImage(QRectF(x, y, first.width(), first.height()), img)
            x += first.width()
        y += first.height()


def _image_size(size: str, w: int, h: int, rect: QRectF) -> tuple[float, float]:
    size = size.strip().lower()
    if size in ("cover", "contain"):
        ratio = (max if size == "cover" else min)(rect.width() / w, rect.height() / h)
        return w * ratio, h * ratio
    parts = size.split()
    if not parts or parts[0] == "auto":
        return float(w), float(h)
    width = _length(parts[0], rect.width(), w)
    height = _length(parts[1], rect.height(), h) if len(parts) > 1 and parts[1] != "auto" else width * h / w
    return width, height


def _length(text: str, whole: float, natural: float) -> float:
    try:
        if text.endswith("%"):
            return whole * float(text[:-1]) / 100
        if text.endswith("px"):
            return float(text[:-2])
        return float(text)
    except ValueError:
        return natural


_KEYWORDS = {"left": 0.0, "top": 0.0, "center": 50.0, "right": 100.0, "bottom": 100.0}


def _image_position(position: str, rect: QRectF, w: float, h: float) -> tuple[float, float]:
    parts = position.lower().split() or ["50%", "50%"]
    if len(parts) == 1:
        parts.append("50%" if parts[0] not in ("top", "bottom") else parts[0])
        if parts[0] in ("top", "bottom"):
            parts = ["50%", parts[0]]
    if parts[0] in ("top", "bottom") or parts[1] in ("left", "right"):
        parts = [parts[1], parts[0]]

    def pct(text: str, free: float) -> float:
        if text in _KEYWORDS:
            return free * _KEYWORDS[text] / 100
        if text.endswith("%"):
            return free * float(text[:-1]) / 100
        return float(text.rstrip("px") or 0)

    try:
        return rect.x() + pct(parts[0], rect.width() - w), rect.y() + pct(parts[1], rect.height() - h)
    except ValueError:
        return rect.x() + (rect.width() - w) / 2, rect.y() + (rect.height() - h) / 2
