"""Companion latency: a tap on the phone's Next button → the audience window repainted, on loopback.

    python benchmarks/bench_companion.py [--runs 3] [--taps 50] [--gap 0.5]

The presentation runs in this process under Xvfb (two screens, real windows), the companion on
127.0.0.1. A second process drives Debian's headless Chromium (Playwright, 390×844, touch) through
the pairing URL and taps Next ``--taps`` times, ``--gap`` seconds apart (after two taps not
counted). The tap's time is taken in the page (``pointerdown``, ``performance.timeOrigin +
performance.now()``), the repaint's here (the audience window's first paint of the new slide,
``trace.listener``); both are the same wall clock. Also shown: the server thread's receipt of the
message → repaint. Medians and p95 per run, then the median of the runs.

Then ``--keys`` key presses (the keyboard path, as in bench_app.py) → audience repaint, once with no
companion and once with it running and a phone connected, to show that it delays nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine, make_deck, median

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
WARM_UP = 2
MODES = {"off": "no companion", "on": "companion on, no phone", "phone": "companion on, a phone connected"}
RECORD_TAPS = """() => {
  window.__taps = [];
  document.getElementById('next').addEventListener('pointerdown',
    () => window.__taps.push(performance.timeOrigin + performance.now()), {capture: true});
}"""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    if shutil.which("Xvfb") is None:
        sys.exit("Xvfb is needed: apt-get install xvfb")
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x800x24",
                             "-screen", "1", "1920x1080x24"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        return proc, f":{pipe.readline().strip()}"


def tapper(url: str, count: int, gap: float) -> None:
    """The phone: pair as the clicker, tap Next ``count`` times; print the tap times (epoch ms)."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True).new_page()
        page.goto(url)
        page.tap("#as-clicker")
        page.wait_for_url("**/clicker")
        expect(page.locator("#slide")).to_have_text("1")
        page.evaluate(RECORD_TAPS)
        for _ in range(count):
            page.tap("#next")
            time.sleep(gap)
        print(json.dumps(page.evaluate("() => window.__taps")))
        browser.close()


def idle_phone(url: str, seconds: float) -> None:
    """A phone paired as the clicker that only keeps its page open (and its connection busy)."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True).new_page()
        page.goto(url)
        page.tap("#as-clicker")
        expect(page.locator("#slide")).to_have_text("1")
        print("ready", flush=True)
        time.sleep(seconds)
        browser.close()


def keys_run(deck: Path, presses: int, settings_dir: str, mode: str) -> list[float]:
    """Key press → audience repaint (ms): ``mode`` is ``off``, ``on`` (no phone) or ``phone`` (one connected)."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from presenter.deck import load_deck
    from presenter.ui import trace
    from presenter.ui.app import PresenterApp

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    pres = PresenterApp(load_deck(deck), QSettings(f"{settings_dir}/k.ini", QSettings.Format.IniFormat))
    pres.start()
    phone = None
    if mode != "off":
        pres.toggle_companion("127.0.0.1")
    if mode == "phone":
        phone = subprocess.Popen([sys.executable, __file__, "--idle", pres.companion.panel.url, "--count",
                                  str(presses), "--gap", "1"], stdout=subprocess.PIPE, text=True)
        assert phone.stdout is not None
        while phone.stdout.readline().strip() != "ready":
            app.processEvents()
        pump(app, 1.0)
        assert pres.companion.server.sessions.devices()[0].connected
    painted: list[float] = []
    trace.listener = lambda event, t: painted.append(t) if event == "painted audience" else None
    out = []
    for _ in range(presses):
        pump(app, 0.4)
        painted.clear()
        t0 = time.perf_counter()
        QTest.keyClick(pres.presenter, Qt.Key.Key_Right)
        while not painted and time.perf_counter() - t0 < 2:
            app.processEvents()
        out.append((painted[0] - t0) * 1000)
    trace.listener = None
    pres.stop()
    if phone is not None:
        phone.kill()
        phone.wait()
    return out


def pump(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def one_run(deck: Path, taps: int, gap: float, settings_dir: str) -> tuple[list[float], list[float]]:
    """Tap → repaint and receipt → repaint latencies (ms) of one presentation."""
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from presenter.deck import load_deck
    from presenter.ui import trace
    from presenter.ui.app import PresenterApp

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    pres = PresenterApp(load_deck(deck), QSettings(f"{settings_dir}/s.ini", QSettings.Format.IniFormat))
    pres.start()
    painted: list[tuple[float, int]] = []  # (wall time, slide index shown)

    def listen(event: str, _t: float) -> None:
        if event == "painted audience" and pres.audience.frame is not None:
            painted.append((time.time(), pres.audience.frame[0].index))

    trace.listener = listen
    pres.toggle_companion("127.0.0.1")
    received: list[float] = []
    pres.companion.bridge.command.connect(lambda _name: received.append(time.time()),
                                          Qt.ConnectionType.DirectConnection)  # on the server's thread
    proc = subprocess.Popen([sys.executable, __file__, "--tap", pres.companion.panel.url, "--count",
                             str(taps + WARM_UP), "--gap", str(gap)], stdout=subprocess.PIPE, text=True)
    poll = QTimer()
    poll.timeout.connect(lambda: proc.poll() is not None and app.quit())
    poll.start(100)
    app.exec()
    poll.stop()
    out, _ = proc.communicate()
    trace.listener = None
    pres.stop()
    tapped = json.loads(out.strip().splitlines()[-1])
    if len(tapped) != taps + WARM_UP or len(received) != taps + WARM_UP:
        raise RuntimeError(f"{len(tapped)} taps, {len(received)} received: a tap was lost")
    tap_ms, server_ms = [], []
    for k in range(WARM_UP, taps + WARM_UP):
        shown = next(t for t, index in painted if index == k + 1 and t >= received[k])
        tap_ms.append((shown - tapped[k] / 1000) * 1000)
        server_ms.append((shown - received[k]) * 1000)
    return tap_ms, server_ms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--taps", type=int, default=50)
    parser.add_argument("--gap", type=float, default=0.5)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--tap", help=argparse.SUPPRESS)
    parser.add_argument("--idle", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tap:
        tapper(args.tap, args.count, args.gap)
        return
    if args.idle:
        idle_phone(args.idle, args.count * 0.5 + 10)
        return
    xvfb, display = start_xvfb()
    os.environ.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)})
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication(["bench"])  # noqa: F841 (before any painting helper makes a QGuiApplication)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            deck = make_deck(Path(tmp) / "deck", slides=max(args.taps + WARM_UP, args.keys) + 5, backgrounds=8)
            print(f"companion tap → audience repaint, loopback, Chromium 390×844, Xvfb ({machine()})")
            results = [one_run(deck, args.taps, args.gap, tmp) for _ in range(args.runs)]
            keys = {mode: keys_run(deck, args.keys, tmp, mode) for mode in MODES} if args.keys else {}
    finally:
        xvfb.terminate()
    for n, (tap_ms, server_ms) in enumerate(results, 1):
        print(f"  run {n}: tap → repaint median {median(tap_ms):5.1f} ms, p95 {p95(tap_ms):5.1f} ms "
              f"(max {max(tap_ms):.1f}); server receipt → repaint median {median(server_ms):4.1f} ms, "
              f"p95 {p95(server_ms):4.1f} ms; {len(tap_ms)} taps")
    print(f"  median of {args.runs} runs: tap → repaint median "
          f"{statistics.median(median(r[0]) for r in results):.1f} ms, "
          f"p95 {statistics.median(p95(r[0]) for r in results):.1f} ms (target p95 ≤ 50 ms)")
    for mode, lat in keys.items():
        label = MODES[mode]
        print(f"  key press → repaint, {label:32} median {median(lat):5.1f} ms, p95 {p95(lat):5.1f} ms "
              f"({len(lat)} presses)")


if __name__ == "__main__":
    main()
