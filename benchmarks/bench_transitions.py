"""Slide transitions on the projector: frames actually painted, dropped frames and CPU per transition.

    python benchmarks/bench_transitions.py [--runs 5] [--display :78]

Starts its own Xvfb (one 3840x2160 screen), shows presenter's audience window at 1920x1080 and at
3840x2160 and moves between two slides with a background photo, once per transition reveal.js
draws (fade, slide, convex, zoom). For each it counts the frames painted (``painted audience``
trace events), the longest gap between two frames, the frames dropped against the frame limit
(60 a second; 30 for the perspective ones, see ``presenter/ui/transitions.py``) and the CPU
seconds this process spent. Medians of ``--runs`` transitions each.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import machine, make_deck, median

NAMES = ("fade", "slide", "convex", "zoom")
SIZES = ((1920, 1080), (3840, 2160))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--display", default=":78")
    args = parser.parse_args()
    if shutil.which("Xvfb") is None:
        sys.exit("Xvfb is needed: apt-get install xvfb")
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "3840x2160x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    os.environ["DISPLAY"] = args.display
    os.environ.pop("QT_QPA_PLATFORM", None)
    try:
        run(args.runs)
    finally:
        xvfb.terminate()
        xvfb.wait()


def run(runs: int) -> None:
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    from presenter.deck import load_deck
    from presenter.render.paint import RenderContext
    from presenter.render.themes import get_theme
    from presenter.ui import trace
    from presenter.ui.audience import AudienceWindow
    from presenter.ui.transitions import MIN_INTERVAL

    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        base = make_deck(Path(tmp), slides=2, backgrounds=2)
        for width, height in SIZES:
            for name in NAMES:
                path = Path(tmp) / f"{name}.md"
                path.write_text(base.read_text(encoding="utf-8").replace("transition: fade", f"transition: {name}"),
                                encoding="utf-8")
                deck = load_deck(path)
                window = AudienceWindow(RenderContext(deck), get_theme(deck.theme))
                window.setGeometry(0, 0, width, height)
                window.show()
                frames = [(deck.slides[0], 0), (deck.slides[1], 0)]
                window.show_frame(frames[0], deck, animate=False)
                _wait(app, lambda w=window: w.painted)
                window.prepare([frames[1]])
                _spin(app, 1.0)
                painted: list[float] = []
                trace.listener = lambda event, t, p=painted: p.append(t) if event == "painted audience" else None
                results = []
                for k in range(runs):
                    painted.clear()
                    cpu0, clock = time.process_time(), QElapsedTimer()
                    clock.start()
                    window.show_frame(frames[(k + 1) % 2], deck)
                    _wait(app, lambda w=window: w.transition is None, timeout=5)
                    duration = clock.elapsed() / 1000
                    _spin(app, 0.1)  # the last frame is painted
                    cpu = time.process_time() - cpu0
                    gaps = [b - a for a, b in itertools.pairwise(painted)]
                    interval = MIN_INTERVAL.get(name, 1 / 60)
                    expected = round(duration / interval)
                    results.append((len(painted), max(gaps, default=0.0), max(0, expected - len(painted)), cpu,
                                    len(painted) / duration if duration else 0.0))
                    _spin(app, 0.5)  # the next frame is prepared between transitions, as in a talk
                trace.listener = None
                window.close()
                window.deleteLater()
                n, gap, dropped, cpu, fps = (median([r[i] for r in results]) for i in range(5))
                print(f"{width}x{height} {name:7s} frames {n:4.0f}  fps {fps:5.1f}  longest gap {gap * 1000:5.1f} ms  "
                      f"dropped {dropped:3.0f}  CPU {cpu * 1000:6.1f} ms")


def _wait(app, predicate, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.002)


def _spin(app, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)


if __name__ == "__main__":
    main()
