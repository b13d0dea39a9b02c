"""CPU a slide change costs in the real process on a real X display, with and without transitions.

    python benchmarks/bench_session_cpu.py [--runs 3] [--presses 12] [--size 1920x1080]

Starts Xvfb (one 2×size screen: laptop and projector side by side) and openbox, then for each
run launches ``presenter DECK`` (the peers' kind of deck: 30 slides, notes, 8 photo backgrounds),
waits until it is idle after start-up, presses Right ``--presses`` times through xdotool (1.2 s
apart, as a speaker would), and reads the process's user+system CPU from /proc before and after
the presses. The difference per press is what one slide change costs, start-up left out; the
same with ``--transitions none`` gives the transition's own share. Medians of the runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine, make_deck, median

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def one_run(deck: Path, env: dict[str, str], presses: int, transitions: str) -> float:
    proc = subprocess.Popen([sys.executable, "-m", "presenter", str(deck), "--transitions", transitions],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 30
        for line in proc.stderr:  # PRESENTER_TRACE lines until the projector shows slide 1
            if "painted audience" in line or time.monotonic() > deadline:
                break
        time.sleep(3.0)  # start-up's preparation and idle work are done
        before = cpu_seconds(proc.pid)
        for _ in range(presses):
            subprocess.run(["xdotool", "key", "Right"], env=env, check=True)
            time.sleep(1.2)
        return (cpu_seconds(proc.pid) - before) / presses
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--presses", type=int, default=12)
    ap.add_argument("--size", default="1920x1080", help="each window's size (the screen is twice as wide)")
    ap.add_argument("--display", default=":78")
    args = ap.parse_args()
    for tool in ("Xvfb", "openbox", "xdotool"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed (apt install xvfb openbox xdotool)", file=sys.stderr)
            return 2
    w, h = (int(v) for v in args.size.split("x"))
    env = dict(os.environ, DISPLAY=args.display, PRESENTER_TRACE="1")
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", f"{2 * w}x{h}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            deck = make_deck(Path(tmp), slides=30, backgrounds=8)
            text = deck.read_text(encoding="utf-8").replace("  transition: fade\n", "")  # reveal-md's default: convex
            deck.write_text(text, encoding="utf-8")
            home = Path(tmp) / "home"  # settings of its own: no window geometry remembered from elsewhere
            env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
            figures = {}
            for mode in ("deck", "none"):
                runs = [one_run(deck, env, args.presses, mode) for _ in range(args.runs)]
                figures[mode] = runs
                print(f"--transitions {mode}: CPU per slide change {median(runs) * 1000:.0f} ms "
                      f"(runs: {', '.join(f'{r * 1000:.0f}' for r in runs)})")
            print(f"the transition's own cost: {(median(figures['deck']) - median(figures['none'])) * 1000:.0f} ms "
                  f"a slide change; windows {w}x{h}; {machine()}")
    finally:
        wm.terminate()
        xvfb.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
