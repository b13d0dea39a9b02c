"""Export time of the notes handout for generated 30- and 300-slide decks (medians).

    python benchmarks/bench_export.py [--runs 5]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import machine, make_deck, median, spread

from presenter.deck import load_deck
from presenter.render.handout import ExportOptions, export_pdf
from presenter.render.qtapp import ensure_gui_app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_gui_app()
    print(f"notes handout export (deck load + PDF), median of {args.runs} runs ({machine()})")
    with tempfile.TemporaryDirectory() as tmp:
        for slides, backgrounds in ((30, 8), (300, 100)):
            deck_path = make_deck(Path(tmp) / f"d{slides}", slides=slides, backgrounds=backgrounds)
            times, pages = [], 0
            for run in range(args.runs):
                t0 = time.perf_counter()
                pages = export_pdf(load_deck(deck_path), Path(tmp) / f"out{slides}-{run}.pdf", ExportOptions())
                times.append(time.perf_counter() - t0)
            size = (Path(tmp) / f"out{slides}-0.pdf").stat().st_size / 1e6
            print(f"  {slides:4} slides ({backgrounds} backgrounds): {median(times):6.2f} s  "
                  f"({spread(times)} s), {pages} pages, {size:.1f} MB")


if __name__ == "__main__":
    main()
