"""Comparing window pixels read back from the X server (PNG files) with Qt's image classes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage


def load(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), f"cannot read {path}"
    return image.convertToFormat(QImage.Format.Format_RGB888)


def same_pixels(a: Path, b: Path) -> bool:
    """Whether two captures are identical, pixel for pixel."""
    ia, ib = load(a), load(b)
    return ia.size() == ib.size() and ia == ib


def changed_region(a: Path, b: Path) -> str:
    """"" when two captures are identical, else where they differ (for the failure message:
    CI keeps no images, so the text has to say what changed)."""
    ia, ib = load(a), load(b)
    if ia.size() != ib.size():
        return f"the size changed: {ia.width()}x{ia.height()} -> {ib.width()}x{ib.height()}"
    if ia == ib:
        return ""
    ra, rb = _rows(ia), _rows(ib)
    rows = [y for y, (x, z) in enumerate(zip(ra, rb, strict=True)) if x != z]
    left, right = ia.width(), -1
    for y in rows:
        diffs = [i // 3 for i, (p, q) in enumerate(zip(ra[y], rb[y], strict=True)) if p != q]
        left, right = min(left, diffs[0]), max(right, diffs[-1])
    x0, y0, x1, y1 = left, rows[0], right, rows[-1]
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    return (f"pixels differ in x {x0}-{x1}, y {y0}-{y1} of {ia.width()}x{ia.height()}; "
            f"at its centre {QColor(ia.pixel(cx, cy)).name()} -> {QColor(ib.pixel(cx, cy)).name()}")


def _rows(image: QImage) -> list[bytes]:
    row, stride = image.width() * 3, image.bytesPerLine()
    raw = bytes(image.constBits())
    return [raw[y * stride: y * stride + row] for y in range(image.height())]


def difference(a: QImage, b: QImage, size: tuple[int, int] = (480, 270)) -> float:
    """Mean absolute difference per channel (0–255) of the two images scaled to ``size``."""
    w, h = size
    sa = a.scaled(w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    sb = b.scaled(w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    ba, bb = _bytes(sa), _bytes(sb)
    return sum(abs(x - y) for x, y in zip(ba, bb, strict=True)) / len(ba)


def _bytes(image: QImage) -> bytes:
    return b"".join(_rows(image.convertToFormat(QImage.Format.Format_RGB888)))


def luminance(color: QColor) -> float:
    """WCAG relative luminance."""
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_contrast(image: QImage, min_share: float = 0.002) -> float:
    """The contrast between the commonest colour (the background) and the text on it.

    The text colour is the colour furthest in luminance from the background among the colours
    that cover at least ``min_share`` of the pixels (so anti-aliasing fringes do not count).
    """
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    counts: Counter[int] = Counter()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    total = sum(counts.values())
    background = QColor(counts.most_common(1)[0][0])
    candidates = [QColor(rgb) for rgb, n in counts.items() if n / total >= min_share]
    return max(contrast(background, c) for c in candidates)


def region(image: QImage, x: int, y: int, w: int, h: int) -> QImage:
    return image.copy(x, y, w, h)


def difference_from_show(app, deck: Path, label: str, tmp: Path) -> float:
    """How far the projector's pixels are from ``presenter show --slide LABEL`` painted at the same size."""
    from harness import cli

    shot = load(app.audience_png(tmp / f"audience-{label}.png"))
    reference = tmp / f"show-{label}.png"
    done = cli("show", str(deck), "--slide", label, "--size", f"{shot.width()}x{shot.height()}", "-o", str(reference))
    assert done.returncode == 0, done.stderr
    return difference(shot, load(reference))
