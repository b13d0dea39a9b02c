"""Start-up, slide advance and memory of the real windows under Xvfb (two screens).

    python benchmarks/bench_app.py [--runs 7] [--presses 10] [--display :77]

Start-up is measured from process start (the parent's clock before it launches
``python -m presenter DECK``) to both windows shown and to slide 1 painted in each, read from
the ``PRESENTER_TRACE=1`` timestamps. Advance latency is measured in this process from the key
event to both windows repainted, for presses 5 s apart and one a second. Memory is this
process's PSS and RSS after walking the whole deck (30 slides, then 300 with 100 backgrounds).

    --projector 3840x2160   the second screen's size (a 4K projector)
    --slides 1000           the large deck's size (start-up and memory after every slide)
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

from common import ROOT, machine, make_deck, median, p90, spread

EVENTS = ("shown presenter", "shown audience", "painted presenter", "painted audience")


def start_xvfb(display: str, projector: str = "1920x1080") -> subprocess.Popen[bytes] | None:
    if shutil.which("Xvfb") is None:
        sys.exit("Xvfb is needed: apt-get install xvfb")
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-screen", "1", f"{projector}x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return proc


def compile_bytecode() -> None:
    """Compile presenter's modules, as ``pip install`` does, so start-up is not spent compiling.

    (An editable install with PYTHONDONTWRITEBYTECODE set would otherwise compile every module
    at every start.)
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "presenter")], check=True)


def startup_once(deck: Path, env: dict[str, str]) -> dict[str, float]:
    t0 = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "presenter", str(deck)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: dict[str, float] = {}
    assert proc.stderr is not None
    deadline = time.time() + 30
    while len(seen) < len(EVENTS) and time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        parts = line.split(maxsplit=2)
        if parts[:1] == ["TRACE"] and parts[2].strip() in EVENTS:
            seen.setdefault(parts[2].strip(), float(parts[1]) - t0)
    proc.kill()
    proc.wait()
    return seen


def bench_startup(deck: Path, runs: int, env: dict[str, str]) -> None:
    compile_bytecode()
    startup_once(deck, env)  # warm the file cache; not counted
    results = [startup_once(deck, env) for _ in range(runs)]
    shown = [max(r["shown presenter"], r["shown audience"]) for r in results if len(r) == len(EVENTS)]
    painted = [max(r["painted presenter"], r["painted audience"]) for r in results if len(r) == len(EVENTS)]
    print(f"  start → both windows shown:          {median(shown):6.3f} s  ({spread(shown)} s)")
    print(f"  start → slide 1 painted in both:     {median(painted):6.3f} s  ({spread(painted)} s)")


def bench_in_process(deck30: Path, deck300: Path, presses: int) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from presenter.deck import load_deck
    from presenter.ui import trace
    from presenter.ui.app import PresenterApp

    app = QApplication.instance() or QApplication(["bench"])
    painted: dict[str, float] = {}
    trace.listener = lambda event, t: painted.__setitem__(event, t)
    tmp = tempfile.mkdtemp()

    def run(deck_path: Path) -> PresenterApp:
        pres = PresenterApp(load_deck(deck_path), QSettings(f"{tmp}/s.ini", QSettings.Format.IniFormat))
        pres.start()
        wait(app, 1.5)
        return pres

    def advance(pres: PresenterApp, gap: float, count: int) -> list[float]:
        pres.talk.go("first")
        count = min(count, len(pres.talk.nav.visible) - 1)  # every press must change the slide
        out = []
        for _ in range(count):
            wait(app, gap)
            painted.clear()
            t0 = time.perf_counter()
            QTest.keyClick(pres.presenter, Qt.Key.Key_Right)
            while not {"painted audience", "painted presenter"} <= painted.keys():
                app.processEvents()
                if time.perf_counter() - t0 > 2:
                    break
            if not {"painted audience", "painted presenter"} <= painted.keys():
                raise RuntimeError("a key press did not repaint both windows within 2 s")
            out.append((max(painted["painted audience"], painted["painted presenter"]) - t0) * 1000)
        return out

    pres = run(deck30)
    for gap, label in ((5.0, "presses 5 s apart"), (1.0, "one press a second")):
        n = presses if gap > 1 else presses * 2
        lat = advance(pres, gap, n)
        print(f"  advance, {label:20} median {median(lat):5.1f} ms, p90 {p90(lat):5.1f} ms "
              f"({spread(lat)} ms, {n} presses)")
    pres.stop()


def memory_run(deck_path: Path) -> None:
    """In a fresh process: start, walk every slide and step, print PSS and RSS."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from presenter.deck import load_deck
    from presenter.ui.app import PresenterApp

    app = QApplication.instance() or QApplication(["bench"])
    tmp = tempfile.mkdtemp()
    pres = PresenterApp(load_deck(deck_path), QSettings(f"{tmp}/s.ini", QSettings.Format.IniFormat))
    pres.start()
    wait(app, 1.0)
    started = memory()
    walk(pres, app)
    print(f"{started}|{memory()}")


def bench_memory(deck: Path, env: dict[str, str], runs: int) -> tuple[str, str]:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--memory", str(deck)], env=env, capture_output=True,
                             text=True, check=True).stdout.strip().splitlines()[-1]
        results.append(out.split("|"))
    pick = sorted(results, key=lambda r: r[1])[len(results) // 2]
    return pick[0], pick[1]


def walk(pres, app) -> None:
    for _ in range(len(pres.talk.deck.slides) * 2):
        pres.talk.go("next")
        wait(app, 0.02)


def wait(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def memory() -> str:
    """PSS and RSS of this process (the presenter runs in it)."""
    fields = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("Pss", "Rss"):
            fields[name] = int(value.split()[0]) / 1024
    return f"PSS {fields['Pss']:.0f} MiB, RSS {fields['Rss']:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=10)
    parser.add_argument("--display", default=":77")
    parser.add_argument("--projector", default="1920x1080", help="the second screen, WIDTHxHEIGHT")
    parser.add_argument("--slides", type=int, default=300, help="slides of the large deck")
    parser.add_argument("--memory", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory:
        memory_run(args.memory)
        return
    xvfb = start_xvfb(args.display, args.projector)
    os.environ.update({"DISPLAY": args.display, "QT_QPA_PLATFORM": "xcb"})
    cache = tempfile.mkdtemp(prefix="presenter-bench-cache-")  # kept first frames: never the user's cache
    env = {**os.environ, "PRESENTER_TRACE": "1", "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": cache}
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication(["bench"])  # noqa: F841 (before any painting helper makes a QGuiApplication)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            deck30 = make_deck(Path(tmp) / "d30", slides=30, backgrounds=8)
            deck300 = make_deck(Path(tmp) / "large", slides=args.slides, backgrounds=100)
            print(f"presenter under Xvfb, laptop 1280x800 + projector {args.projector} ({machine()}); "
                  f"medians of {args.runs} runs")
            bench_startup(deck30, args.runs, env)
            if args.slides != 300:
                print(f"  {args.slides} slides:")
                bench_startup(deck300, args.runs, env)
            bench_in_process(deck30, deck300, args.presses)
            for deck, label in ((deck30, "30 slides, 8 backgrounds"),
                                (deck300, f"{args.slides} slides, 100 backgrounds")):
                started, walked = bench_memory(deck, env, 3)
                print(f"  memory, {label:28} after start {started}; after every slide {walked}")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if xvfb is not None:
            xvfb.terminate()


if __name__ == "__main__":
    main()
