"""Make the sample decks' background images and attachments (run from anywhere).

The seed decks name Unsplash photographs that are not ours to ship, so this script paints
stand-ins under the same file names: 1920x1080 JPEGs (dark abstract gradients, so that the
night theme's light text stays readable) and small PDF attachments. The deck texts stay
exactly as the councillor wrote them.

    python decks/make_assets.py
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRadialGradient,
)

HERE = Path(__file__).resolve().parent
PALETTES = {
    "img/rachael-henning-_x7gBguT-qQ-unsplash.jpg": ("#0b1d2e", "#1f4e79", "#3a7ca5"),
    "img/isaac-smith-AT77Q0Njnt0-unsplash.jpg": ("#10151c", "#2d4a3e", "#5b8c5a"),
    "img/nathaniel-dahan-z1uDmJx3ZEQ-unsplash.jpg": ("#1a1020", "#4a2545", "#8c4a6b"),
    "img/alexandre-debieve-FO7JIlwjOtU-unsplash.jpg": ("#081a12", "#0f3d2e", "#1d7a5c"),
    "img/greyson-joralemon-299984-unsplash.jpg": ("#1c1208", "#5a3a12", "#a8742a"),
    "backgrounds/ugur-akdemir-FABH5NJEMGM-unsplash.jpg": ("#0d1b2a", "#415a77", "#778da9"),
    "backgrounds/perry-grone-732606-unsplash.jpg": ("#2b1b0e", "#7f5539", "#b08968"),
    "backgrounds/greyson-joralemon-qX8vHmS46xg-unsplash.jpg": ("#1c1208", "#5a3a12", "#a8742a"),
    "img/demo-skyline.png": ("#06121f", "#1b3b5a", "#d98e04"),
}
ATTACHMENTS = {
    "attachments/csp-action-plan.pdf": "Community Safety Partnership Action Plan",
    "attachments/corporate-plan.pdf": "Corporate Plan",
    "attachments/cctc-locations.pdf": "CCTV camera locations",
    "attachments/delivery-plan.pdf": "Annual Delivery Plan: status of actions",
}


def paint_background(path: Path, colours: tuple[str, str, str], seed: int) -> None:
    rnd = random.Random(seed)
    img = QImage(1920, 1080, QImage.Format.Format_RGB32)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = QLinearGradient(0, 0, 1920, 1080)
    base.setColorAt(0, QColor(colours[0]))
    base.setColorAt(1, QColor(colours[1]))
    p.fillRect(img.rect(), base)
    for _ in range(14):
        centre = QPointF(rnd.uniform(0, 1920), rnd.uniform(0, 1080))
        radius = rnd.uniform(120, 520)
        glow = QRadialGradient(centre, radius)
        c = QColor(colours[2])
        c.setAlpha(rnd.randint(25, 70))
        glow.setColorAt(0, c)
        c.setAlpha(0)
        glow.setColorAt(1, c)
        p.setBrush(glow)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(centre, radius, radius)
    pen = QColor(255, 255, 255, 18)
    p.setPen(pen)
    for i in range(0, 1920, 64):  # a faint skyline of columns, like a town at dusk
        h = 200 + 160 * abs(math.sin(i * 0.013 + seed))
        p.fillRect(QRectF(i, 1080 - h, 40, h), QColor(0, 0, 0, 60))
    p.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(str(path), "PNG" if path.suffix == ".png" else "JPG", 85)


def write_attachment(path: Path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = QPdfWriter(str(path))
    pdf.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pdf.setTitle(title)
    p = QPainter(pdf)
    font = QFont("DejaVu Sans")
    font.setPointSize(20)
    p.setFont(font)
    p.drawText(QRectF(0, 0, pdf.width(), 1200), Qt.AlignmentFlag.AlignCenter, title)
    font.setPointSize(11)
    p.setFont(font)
    p.drawText(QRectF(0, 1400, pdf.width(), 3000), Qt.TextFlag.TextWordWrap,
               "Sample attachment for the presenter demo decks, made by decks/make_assets.py. "
               "The real document is published with the council meeting papers.")
    p.end()


def main() -> int:
    app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])  # noqa: F841 (kept alive)
    for i, (name, colours) in enumerate(PALETTES.items()):
        paint_background(HERE / name, colours, i)
    for name, title in ATTACHMENTS.items():
        write_attachment(HERE / name, title)
    print(f"wrote {len(PALETTES)} images and {len(ATTACHMENTS)} attachments under {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
