"""Export times of the handouts for generated 30- and 300-slide decks (medians).

    python benchmarks/bench_export.py [--runs 5] [--layouts notes,handout-6,script] [--styles light,theme]

Each run loads the deck and writes the PDF, as ``presenter export`` does. ``--styles`` is ignored by
a presenter without print styles (it then prints the theme's colours only).
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from common import machine, make_deck, median, spread

from presenter.deck import load_deck
from presenter.render.handout import ExportOptions, export_pdf
from presenter.render.qtapp import ensure_gui_app


def options(layout: str, style: str) -> ExportOptions:
    names = {f.name for f in dataclasses.fields(ExportOptions)}
    extra = {"print_style": style} if "print_style" in names else {}
    return ExportOptions(layout=layout, **extra)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--layouts", default="notes,handout-6,script")
    parser.add_argument("--styles", default="light,theme")
    args = parser.parse_args()
    ensure_gui_app()
    has_styles = "print_style" in {f.name for f in dataclasses.fields(ExportOptions)}
    styles = args.styles.split(",") if has_styles else ["(theme only)"]
    print(f"handout export (deck load + PDF), median of {args.runs} runs ({machine()})")
    with tempfile.TemporaryDirectory() as tmp:
        for slides, backgrounds in ((30, 8), (300, 100)):
            deck_path = make_deck(Path(tmp) / f"d{slides}", slides=slides, backgrounds=backgrounds)
            for layout in args.layouts.split(","):
                for style in styles:
                    times, pages = [], 0
                    out = Path(tmp) / f"out{slides}-{layout}.pdf"
                    for _run in range(args.runs):
                        t0 = time.perf_counter()
                        pages = export_pdf(load_deck(deck_path), out, options(layout, style))
                        times.append(time.perf_counter() - t0)
                    size = out.stat().st_size / 1e6
                    print(f"  {slides:4} slides ({backgrounds:3} backgrounds) {layout:10} {style:12}: "
                          f"{median(times):6.2f} s ({spread(times)} s), {pages} pages, {size:.1f} MB")


if __name__ == "__main__":
    main()
