"""Hostile generated decks (tests/fuzz/strategies.py) through load and check: crashes and times.

    python benchmarks/fuzz_decks.py [--decks 10000] [--slowest 5] [--seed 1] [--paint]

Prints how many decks loaded, were refused with a message, crashed (any other exception, i.e. a
traceback), and the time per deck (median, p99, max, how many over 2 s). Exit status 1 on a crash.
With ``--paint`` each deck is also painted (its first 12 slides, first and last step) and exported
as a notes PDF, and the slides drawn as their background after a caught paint error are counted.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path

from common import ROOT, machine

sys.path.insert(0, str(ROOT / "tests"))

from fuzz.exercise import load_and_check, paint_and_export
from fuzz.strategies import decks
from hypothesis import HealthCheck, Phase, given, seed, settings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--decks", type=int, default=10_000)
    parser.add_argument("--slowest", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--paint", action="store_true", help="also paint and export every deck")
    parser.add_argument("--current", type=Path, help="write each deck here before it runs (to find one that kills it)")
    args = parser.parse_args()
    unpainted = 0
    outcomes: collections.Counter[str] = collections.Counter()
    times: list[tuple[float, str]] = []
    crashes: list[tuple[str, str]] = []

    @seed(args.seed)
    @settings(max_examples=args.decks, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(decks())
    def run(text: str) -> None:
        if args.current is not None:
            args.current.write_text(text, encoding="utf-8", errors="surrogatepass")
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            try:
                if args.paint:
                    outcome, failed = paint_and_export(text, Path(tmp))
                    outcomes[outcome] += 1
                    nonlocal unpainted
                    unpainted += failed
                else:
                    outcomes[load_and_check(text, Path(tmp))] += 1
            except Exception:  # a crash: counted and kept, the run goes on
                outcomes["crash"] += 1
                crashes.append((text[:300], traceback.format_exc(limit=6)))
            times.append((time.perf_counter() - t0, text))

    started = time.perf_counter()
    run()
    wall = time.perf_counter() - started
    secs = sorted(t for t, _ in times)
    what = "load, paint and PDF export" if args.paint else "load + check"
    print(f"generated decks through {what} ({machine()}), {len(secs)} decks in {wall:.0f} s")
    if args.paint:
        print(f"  slides drawn as their background after a caught paint error: {unpainted}")
    print(f"  loaded {outcomes['ok']}, refused with a message {outcomes['refused']}, crashed {outcomes['crash']}")
    p99 = secs[int(0.99 * len(secs))]
    print(f"  per deck: median {statistics.median(secs) * 1000:.1f} ms, p99 {p99 * 1000:.0f} ms,"
          f" max {secs[-1]:.2f} s, over 2 s: {sum(1 for s in secs if s > 2)}")
    for t, text in sorted(times, reverse=True)[: args.slowest]:
        print(f"  slow: {t:.2f} s, {len(text)} chars: {text[:100]!r}")
    for text, tb in crashes[:5]:
        print(f"  CRASH on {text!r}\n{tb}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
