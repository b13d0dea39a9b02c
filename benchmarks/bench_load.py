"""Load time of the seed decks and of a generated 1,000-slide deck (medians of several runs).

    python benchmarks/bench_load.py [--runs 9]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import ROOT, machine, make_deck, median, spread

from presenter.deck import load_deck


def timed(path: Path, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        load_deck(path)
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    print(f"deck load time, median of {args.runs} runs ({machine()})")
    with tempfile.TemporaryDirectory() as tmp:
        big = make_deck(Path(tmp), slides=1000, backgrounds=0)
        for path in (ROOT / "decks" / "community-safety-2019.md", ROOT / "decks" / "community-safety-2023.md",
                     ROOT / "decks" / "demo.md", big):
            times = timed(path, args.runs)
            n = len(load_deck(path).slides)
            ms = [t * 1000 for t in times]
            print(f"  {path.name:32} {n:5} slides  {median(ms):8.1f} ms  ({spread(ms)} ms)")


if __name__ == "__main__":
    main()
