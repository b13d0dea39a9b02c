"""Memory of a deck of big photos: 12 slides, each with its own 6000×4000 JPEG (issue 15).

Every slide is painted at 1920×1080 through the frame path the audience window uses
(``FrameCache`` → ``paint_slide``), half of them with the photo as the slide background and half
with it inline, then the process's resident memory is read. Each run is a fresh process;
the figure is the median of the runs.

usage: .venv/bin/python benchmarks/bench_images.py [--runs 3] [--folder /tmp/presenter-bench-photos]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from common import ROOT, median

PHOTOS, SIZE = 12, (6000, 4000)
TARGET_MB = 300


def make_photos(folder: Path) -> Path:
    """The 12 photos (generated once, with detail so that they decode like photos) and the deck."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter, QRadialGradient

    from presenter.render.qtapp import ensure_gui_app

    ensure_gui_app()
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(PHOTOS):
        path = folder / f"photo{k}.jpg"
        if path.exists():
            continue
        img = QImage(SIZE[0], SIZE[1], QImage.Format.Format_RGB32)
        p = QPainter(img)
        g = QRadialGradient(QPointF(SIZE[0] * (0.2 + 0.05 * k), SIZE[1] * 0.4), SIZE[0] * 0.7)
        g.setColorAt(0, QColor.fromHsv((k * 30) % 360, 120, 240))
        g.setColorAt(1, QColor.fromHsv((k * 30 + 150) % 360, 200, 40))
        p.fillRect(img.rect(), g)
        for j in range(400):
            p.fillRect((j * 7919 + k * 131) % SIZE[0], (j * 104729) % SIZE[1], 40 + j % 200, 30 + j % 90,
                       QColor.fromHsv((j * 13 + k) % 360, 150, 200, 90))
        p.end()
        img.save(str(path), "JPEG", 85)
    slides = []
    for k in range(PHOTOS):
        if k % 2:
            slides.append(f"## Photo {k + 1}\n\n![photo {k + 1}](photo{k}.jpg)\n")
        else:
            slides.append(f'<!-- .slide: data-background="photo{k}.jpg" -->\n## Photo {k + 1}\n')
    deck = folder / "photos.md"
    deck.write_text("---\ntheme: black\n---\n" + "\n---\n\n".join(slides), encoding="utf-8")
    return deck


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(deck_path: str) -> None:
    """One run: paint every slide through the frame cache, print RSS (MB) as JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize

    from presenter.deck import load_deck
    from presenter.render.paint import RenderContext
    from presenter.render.qtapp import ensure_gui_app
    from presenter.render.themes import get_theme
    from presenter.ui.slideview import FrameCache

    ensure_gui_app()
    deck = load_deck(Path(deck_path))
    context = RenderContext(deck)
    frames = FrameCache(context)
    theme = get_theme(deck.theme)
    before = rss_mb()
    for slide in deck.slides:
        frames.get(slide, -1, QSize(1920, 1080), theme)
    print(json.dumps({"before": before, "after": rss_mb(), "peak": rss_mb("VmHWM"),
                      "image_cache_mb": context.images.bytes_used / 2**20, "errors": len(context.paint_errors)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/presenter-bench-photos"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    deck = make_photos(args.folder)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    results = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--child", str(deck)], env=env, check=True,
                             capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    after = [r["after"] for r in results]
    print(f"12 slides of {SIZE[0]}x{SIZE[1]} photos painted at 1920x1080 through FrameCache ({args.runs} runs)")
    print(f"  RSS after every slide: median {median(after):.0f} MB (runs {', '.join(f'{a:.0f}' for a in after)});"
          f" target < {TARGET_MB} MB")
    print(f"  peak RSS {median([r['peak'] for r in results]):.0f} MB; before painting "
          f"{median([r['before'] for r in results]):.0f} MB; image cache {results[0]['image_cache_mb']:.1f} MB; "
          f"paint errors {results[0]['errors']}")


if __name__ == "__main__":
    main()
