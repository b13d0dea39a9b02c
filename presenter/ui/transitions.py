"""Painting reveal.js's slide transitions between two frames, in software, at a bounded cost.

Without a GPU, QPainter's projective drawing of a full-HD frame turned in perspective (convex,
concave) costs 9–28 ms, more than a 60 Hz frame lasts. A turn about the vertical axis keeps every
column of the slide a vertical segment, so the turned slide is drawn as narrow strips, each an
axis-aligned scaled copy of a band of columns (Qt's fast scaling path, nearest pixel, full
resolution), and the stair-steps the strips leave along the top and bottom edges are filled back
with the page colour. Offscreen at 1920×1080, 2–3 ms a frame in rows and 4–8 ms in columns (the
strips are bound by pixels copied and rows spanned), for a picture that differs from the exact
projection by at most 3 pixels; at most 30 frames a second for these two, up to 60 for the cheap
ones (fade, slide, zoom). Turns about the horizontal axis (vertical stacks) are drawn as rows.
In a window larger than HALF_ABOVE pixels, after the first frame (drawn at the press), the turned
slides are drawn at half size (from half-size copies made once, the same projection, strips within
MAX_ERROR window pixels) and doubled onto the window, nearest pixel: about 4 ms a full-HD frame
instead of 6.5, softer only while the slide moves; the last frame is the new slide itself. In the
real process under Xvfb a slide change's CPU went from 317 to 218 ms with these two changes
(benchmarks/bench_session_cpu.py).
"""

from __future__ import annotations

import itertools
import logging
import math
import time
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QPolygonF, QTransform

log = logging.getLogger(__name__)

PERSPECTIVE = ("convex", "concave")
MIN_INTERVAL = {"convex": 1 / 30, "concave": 1 / 30}  # seconds between painted frames
DEFAULT_INTERVAL = 1 / 60
HALF_ABOVE = 1280 * 800  # window pixels above which convex and concave move at half size
MAX_ERROR = 3.0  # pixels: how far a strip's straight edges may stray from the exact projection
NEAR = 1e-3  # a point this close to the eye's plane (the projection's w) is not drawn


@dataclass
class Transition:
    """One transition under way: from ``old`` to ``new`` with reveal.js's geometry.

    Attributes:
        name: none, fade, slide, convex, concave or zoom.
        forward: towards a later slide (the motion's sign).
        vertical: inside a vertical stack (up/down rather than left/right).
        background: the theme's page colour, where neither frame covers the window.
        painted: how many frames were painted (the first, at the press, is drawn at full size).
    """

    name: str
    old: QPixmap
    new: QPixmap
    forward: bool
    vertical: bool
    background: QColor
    painted: int = 0
    _last: float = 0.0
    _half: tuple[QPixmap, QPixmap, QImage] | None = None  # both frames at half size, and the canvas

    def due(self, progress: float, now: float | None = None) -> bool:
        """Whether a frame should be painted now (the last one always is)."""
        now = time.perf_counter() if now is None else now
        if progress >= 1.0 or now - self._last >= MIN_INTERVAL.get(self.name, DEFAULT_INTERVAL) * 0.9:
            self._last = now
            return True
        return False

    def _halved(self, w: int, h: int, nth: int) -> bool:
        """Whether the ``nth`` frame (1: the one at the press) is drawn at half size."""
        return self.name in PERSPECTIVE and w * h > HALF_ABOVE and nth > 1

    def covers(self, w: int, h: int) -> bool:
        """Whether the next frame painted covers the whole window by itself (no fill needed under it)."""
        return self._halved(w, h, self.painted + 1)

    def paint(self, p: QPainter, t: float, w: int, h: int) -> None:
        """The frame at progress ``t`` (0 to 1) into a ``w``×``h`` window."""
        self.painted += 1
        sign = 1 if self.forward else -1
        if self.name == "fade":
            p.drawPixmap(0, 0, self.old)
            p.setOpacity(t)
            p.drawPixmap(0, 0, self.new)
        elif self.name == "slide":
            dx, dy = (0, sign * h) if self.vertical else (sign * w, 0)
            p.drawPixmap(QPointF(-dx * t, -dy * t), self.old)
            p.drawPixmap(QPointF(dx * (1 - t), dy * (1 - t)), self.new)
        elif self.name in PERSPECTIVE:
            self._perspective(p, t, w, h, sign)
        elif self.name == "zoom":
            self._scaled(p, self.old, 1 + 15 * t if self.forward else 1 - 0.8 * t, 1 - t, w, h)
            self._scaled(p, self.new, 0.2 + 0.8 * t if self.forward else 16 - 15 * t, t, w, h)
        else:
            p.drawPixmap(0, 0, self.new)
        p.setOpacity(1.0)

    def _perspective(self, p: QPainter, t: float, w: int, h: int, sign: int) -> None:
        # a large window: the motion is drawn at half size, then doubled; but not the frame at the
        # press, which would wait for the half-size copies (5 ms at 1920x1080) to be made
        if self._halved(w, h, self.painted):
            if self._half is None or self._half[2].size() != QSize(w // 2, h // 2):
                half = QSize(w // 2, h // 2)
                old, new = (pix.scaled(half, Qt.AspectRatioMode.IgnoreAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation) for pix in (self.old, self.new))
                self._half = (old, new, QImage(half, QImage.Format.Format_RGB32))
            old, new, canvas = self._half
            canvas.fill(self.background)
            q = QPainter(canvas)
            self._turn(q, old, new, t, w, h, sign, 0.5)
            q.end()
            p.drawImage(QRectF(0, 0, w, h), canvas)  # nearest: 1 px -> 2x2
        else:
            self._turn(p, self.old, self.new, t, w, h, sign)

    def _turn(self, p: QPainter, old: QPixmap, new: QPixmap, t: float, w: int, h: int, sign: int,
              scale: float = 1.0) -> None:
        """The two turned slides of a ``w``×``h`` window, drawn at ``scale`` (``old``, ``new`` at that size)."""
        angle = 70 if self.vertical else 90
        bend = sign * (1 if self.name == "convex" else -1)
        for pix, turn, shift in ((old, -bend * angle * t, -sign * t),
                                 (new, bend * angle * (1 - t), sign * (1 - t))):
            axis = Qt.Axis.XAxis if self.vertical else Qt.Axis.YAxis
            move = QTransform().translate(0, shift * h) if self.vertical else QTransform().translate(shift * w, 0)
            full = QTransform().translate(w / 2, h / 2).rotate(turn, axis).translate(-w / 2, -h / 2) * move
            if scale != 1.0:  # the same projection (Qt's eye is 1024 px away) seen at that size
                full = QTransform.fromScale(1 / scale, 1 / scale) * full * QTransform.fromScale(scale, scale)
            if not draw_turned(p, pix, full, int(w * scale), int(h * scale), self.vertical, self.background,
                               MAX_ERROR * scale):  # within MAX_ERROR window pixels
                p.save()
                p.setTransform(full, True)
                p.drawPixmap(0, 0, pix)
                p.restore()

    @staticmethod
    def _scaled(p: QPainter, pix: QPixmap, scale: float, opacity: float, w: int, h: int) -> None:
        p.save()
        p.setOpacity(max(0.0, min(1.0, opacity)))
        p.translate(w / 2, h / 2)
        p.scale(scale, scale)
        p.translate(-w / 2, -h / 2)
        p.drawPixmap(0, 0, pix)
        p.restore()


def draw_turned(p: QPainter, pix: QPixmap, m: QTransform, w: int, h: int, rows: bool, background: QColor,
                max_error: float = MAX_ERROR) -> bool:
    """Draw ``pix`` through ``m``, a turn about one axis in perspective, as strips into a ``w``×``h`` window.

    ``rows`` is a turn about the horizontal axis (each row stays a horizontal segment), otherwise
    about the vertical one; the strips stray at most ``max_error`` pixels from the projection.
    Returns False when ``m`` is not such a turn (the caller draws it exactly) or shows the slide's back.
    """
    # Along u (x for columns, y for rows) the projection is u' = (a u + b) / (c u + d); across, at a
    # given u, v' = (e u + f v + g) / (c u + d), a straight segment. QTransform maps (x, y) to
    # ((m11 x + m21 y + m31) / W, (m12 x + m22 y + m32) / W), W = m13 x + m23 y + m33.
    if rows:
        a, b, c, d = m.m22(), m.m32(), m.m23(), m.m33()
        e, f, g, cross = m.m21(), m.m11(), m.m31(), max(abs(m.m12()), abs(m.m13()))
        length, span = h, w  # along u and across it (the frame is the window's size)
    else:
        a, b, c, d = m.m11(), m.m31(), m.m13(), m.m33()
        e, f, g, cross = m.m12(), m.m22(), m.m32(), max(abs(m.m21()), abs(m.m23()))
        length, span = w, h
    if cross > 1e-12 or a * d - b * c <= 0:
        return False

    def along(u: float) -> float:
        return (a * u + b) / (c * u + d)

    def back(u2: float) -> float:  # the source u drawn at window position u2
        return (b - u2 * d) / (u2 * c - a)

    lo, hi = 0.0, float(length)  # the source's part in front of the eye (W > 0)
    if c > 0:
        lo = max(lo, (NEAR - d) / c)
    elif c < 0:
        hi = min(hi, (NEAR - d) / c)
    if hi <= lo:
        return True
    start, end = max(0.0, along(lo)), min(float(length), along(hi))
    if end <= start:
        return True

    def across(u: float, v: float) -> float:
        return (e * u + f * v + g) / (c * u + d)

    # The edges v = 0 and v = span are straight lines in the window; their steepest slope sets
    # how wide a strip may be for the steps to stay within MAX_ERROR.
    u0, u1 = back(start), back(end)
    slope = max(abs(across(u1, 0) - across(u0, 0)), abs(across(u1, span) - across(u0, span))) / max(end - start, 1e-6)
    step = max(2, min(32, int(max_error / max(slope, 1e-6))))
    edges = [start, *range(math.floor(start) + step, math.ceil(end), step)]
    if edges[-1] < end:
        edges.append(end)
    sources = [max(lo, min(hi, back(edge))) for edge in edges]  # where each strip edge comes from
    for (s2, e2), (su, eu) in zip(itertools.pairwise(edges), itertools.pairwise(sources), strict=True):
        top = min(across(su, 0), across(eu, 0))
        bottom = max(across(su, span), across(eu, span))
        if rows:
            p.drawPixmap(QRectF(top, s2, bottom - top, e2 - s2), pix, QRectF(0, su, span, eu - su))
        else:
            p.drawPixmap(QRectF(s2, top, e2 - s2, bottom - top), pix, QRectF(su, 0, eu - su, span))
    # Fill the steps back: a band just outside each of the two long edges.
    band = slope * step + 1
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(background)
    for v, out in ((0.0, -band), (float(span), band)):
        a0, a1 = across(u0, v), across(u1, v)
        quad = [(start, a0), (end, a1), (end, a1 + out), (start, a0 + out)]
        p.drawPolygon(QPolygonF([QPointF(y, x) if rows else QPointF(x, y) for x, y in quad]))
    p.restore()
    return True
