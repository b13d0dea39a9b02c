"""Painting reveal.js's slide transitions between two frames, in software, at a bounded cost.

Without a GPU, a full-HD frame turned in perspective (convex, concave) costs 11–28 ms to draw,
more than a 60 Hz frame lasts. So those are drawn at half resolution (the geometry computed at
full resolution) and scaled up smoothly, about 5 ms a frame, and at most 30 frames a second; the
cheap ones (fade, slide, zoom) run at up to 60. The frames of a transition are moving, so the
softer picture is not seen; the still slide at the end is the full-resolution frame.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTransform

log = logging.getLogger(__name__)

PERSPECTIVE = ("convex", "concave")
MIN_INTERVAL = {"convex": 1 / 30, "concave": 1 / 30}  # seconds between painted frames
DEFAULT_INTERVAL = 1 / 60


@dataclass
class Transition:
    """One transition under way: from ``old`` to ``new`` with reveal.js's geometry.

    Attributes:
        name: none, fade, slide, convex, concave or zoom.
        forward: towards a later slide (the motion's sign).
        vertical: inside a vertical stack (up/down rather than left/right).
        background: the theme's page colour, where neither frame covers the window.
        painted: how many frames were painted (for the benchmarks).
    """

    name: str
    old: QPixmap
    new: QPixmap
    forward: bool
    vertical: bool
    background: QColor
    painted: int = 0
    _last: float = 0.0
    _small: dict[str, QImage] = field(default_factory=dict)

    def due(self, progress: float, now: float | None = None) -> bool:
        """Whether a frame should be painted now (the last one always is)."""
        now = time.perf_counter() if now is None else now
        if progress >= 1.0 or now - self._last >= MIN_INTERVAL.get(self.name, DEFAULT_INTERVAL) * 0.9:
            self._last = now
            return True
        return False

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

    def _half(self, which: str) -> QImage:
        if which not in self._small:
            pix = self.old if which == "old" else self.new
            self._small[which] = pix.toImage().scaled(max(1, pix.width() // 2), max(1, pix.height() // 2),
                                                      Qt.AspectRatioMode.IgnoreAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation)
        return self._small[which]

    def _perspective(self, p: QPainter, t: float, w: int, h: int, sign: int) -> None:
        angle = 70 if self.vertical else 90
        bend = sign * (1 if self.name == "convex" else -1)
        canvas = QImage(max(1, w // 2), max(1, h // 2), QImage.Format.Format_RGB32)
        canvas.fill(self.background)
        q = QPainter(canvas)
        for which, turn, shift in (("old", -bend * angle * t, -sign * t),
                                   ("new", bend * angle * (1 - t), sign * (1 - t))):
            axis = Qt.Axis.XAxis if self.vertical else Qt.Axis.YAxis
            move = QTransform().translate(0, shift * h) if self.vertical else QTransform().translate(shift * w, 0)
            full = QTransform().translate(w / 2, h / 2).rotate(turn, axis).translate(-w / 2, -h / 2) * move
            q.setTransform(QTransform.fromScale(2, 2) * full * QTransform.fromScale(0.5, 0.5))
            q.drawImage(0, 0, self._half(which))
        q.end()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        p.drawImage(QRect(0, 0, w, h), canvas)

    @staticmethod
    def _scaled(p: QPainter, pix: QPixmap, scale: float, opacity: float, w: int, h: int) -> None:
        p.save()
        p.setOpacity(max(0.0, min(1.0, opacity)))
        p.translate(w / 2, h / 2)
        p.scale(scale, scale)
        p.translate(-w / 2, -h / 2)
        p.drawPixmap(0, 0, pix)
        p.restore()
