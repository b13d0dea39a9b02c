"""A real X display for end-to-end tests: Xvfb, optionally openbox, the real ``presenter`` process.

Keys go through XTEST (``xdotool key``/``type`` without ``--window``), the path a keyboard and a
clicker take; window pixels are read back with ImageMagick's ``import``; results are read back
through the command line (``presenter questions``) and the state file the app writes when
``PRESENTER_STATE_FILE`` is set.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TOOLS = ("Xvfb", "xdotool", "import", "xwininfo", "xprop")
HERE = Path(__file__).resolve().parent


def missing_tools(with_wm: bool = False) -> list[str]:
    """The programs this harness needs that are not installed."""
    need = TOOLS + (("openbox",) if with_wm else ())
    return [t for t in need if shutil.which(t) is None]


def wait_for(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.05,
             what: str = "condition") -> Any:
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


@dataclass(frozen=True)
class Layout:
    """A screen layout: one X screen per entry (width, height), and whether openbox runs."""

    name: str
    screens: tuple[tuple[int, int], ...]
    wm: bool

    @property
    def two_screens(self) -> bool:
        return len(self.screens) > 1


LAPTOP_PROJECTOR = Layout("laptop+projector", ((1366, 768), (1920, 1080)), wm=False)
LAPTOP_PROJECTOR_WM = Layout("laptop+projector+openbox", ((1366, 768), (1920, 1080)), wm=True)
WIDE_WM = Layout("wide+openbox", ((3840, 1080),), wm=True)
LAPTOP_ALONE_WM = Layout("laptop+openbox", ((1366, 768),), wm=True)


class XServer:
    """One Xvfb (one X screen per layout entry) and, if asked, openbox on screen 0."""

    def __init__(self, layout: Layout, workdir: Path):
        self.layout = layout
        self.workdir = workdir
        self.procs: list[subprocess.Popen[bytes]] = []
        self.display = ""

    def start(self) -> XServer:
        read, write = os.pipe()
        args = ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-noreset"]
        for i, (w, h) in enumerate(self.layout.screens):
            args += ["-screen", str(i), f"{w}x{h}x24"]
        xvfb = subprocess.Popen(args, pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        self.procs.append(xvfb)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        if self.layout.wm:
            self._start_openbox()
        return self

    def _start_openbox(self) -> None:
        ob = subprocess.Popen(["openbox", "--sm-disable", "--config-file", str(HERE / "openbox-rc.xml")],
                              env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.procs.append(ob)
        wait_for(lambda: "window id" in self.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"]),
                 what="openbox to manage the screen")

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
        env.update(DISPLAY=self.display, **extra)
        return env

    def run(self, args: list[str], check: bool = False) -> str:
        done = subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=30)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs.clear()

    # -- input -----------------------------------------------------------------------------
    def key(self, *keys: str, delay_ms: int = 60) -> None:
        """Press keys through XTEST (xdotool key names: Right, Return, period, ctrl+e …)."""
        self.run(["xdotool", "key", "--delay", str(delay_ms), *keys], check=True)

    def type(self, text: str, delay_ms: int = 25) -> None:
        """Type text through XTEST, one character after the other."""
        self.run(["xdotool", "type", "--delay", str(delay_ms), text], check=True)

    def click(self, window: int, x: int, y: int) -> None:
        """A mouse click at (x, y) inside ``window`` (XTEST)."""
        self.run(["xdotool", "mousemove", "--window", str(window), str(x), str(y), "click", "1"], check=True)

    def focus(self, window: int) -> None:
        """Give ``window`` the keyboard: through the window manager when there is one."""
        verb = "windowactivate" if self.layout.wm else "windowfocus"
        self.run(["xdotool", verb, "--sync", str(window)])
        wait_for(lambda: self.focused() == window, timeout=5, what=f"window {window} to get the focus")

    def focused(self) -> int:
        out = self.run(["xdotool", "getwindowfocus"]).strip()
        return int(out) if out.isdigit() else 0

    # -- windows ---------------------------------------------------------------------------
    def find(self, title_suffix: str) -> list[int]:
        """Viewable top-level windows whose title ends with ``title_suffix``, on any screen."""
        out = self.run(["xdotool", "search", "--onlyvisible", "--name", f"{re.escape(title_suffix)}$"])
        return [int(w) for w in out.split()]

    def geometry(self, window: int) -> tuple[int, int, int, int, int]:
        """(screen, x, y, width, height) of a window's client area, x and y on its own screen."""
        out = self.run(["xdotool", "getwindowgeometry", str(window)])
        m = re.search(r"\(screen: (\d+)\)", out)
        if m is None:
            raise AssertionError(f"no geometry for window {window}: {out!r}")
        screen = int(m.group(1))
        # xwininfo, not xdotool, for the position: xdotool counts a window manager's frame twice
        info = self.run(["xwininfo", "-display", f"{self.display}.{screen}", "-id", str(window)])
        fields = dict(line.strip().split(":", 1) for line in info.splitlines() if ":" in line)
        x, y, w, h = (int(fields[k].strip()) for k in ("Absolute upper-left X", "Absolute upper-left Y",
                                                        "Width", "Height"))
        return screen, x, y, w, h

    def frame_geometry(self, window: int) -> tuple[int, int, int, int]:
        """A window's outer rectangle on screen, with the window manager's frame (x, y, w, h)."""
        _, x, y, w, h = self.geometry(window)
        extents = self.run(["xprop", "-id", str(window), "_NET_FRAME_EXTENTS"])
        if "=" in extents:
            left, right, top, bottom = (int(v) for v in extents.split("=", 1)[1].split(","))
            return x - left, y - top, w + left + right, h + top + bottom
        return x, y, w, h

    def capture(self, window: int, path: Path) -> Path:
        """The window's pixels as a PNG file."""
        screen = self.geometry(window)[0]
        self.run(["import", "-display", f"{self.display}.{screen}", "-window", str(window), str(path)], check=True)
        return path


class Presenter:
    """The real ``presenter`` process on a deck, with its own HOME and state file."""

    def __init__(self, x: XServer, deck: Path, home: Path, args: tuple[str, ...] = (),
                 env: dict[str, str] | None = None):
        self.x, self.deck, self.home = x, deck, home
        self.state_file = home / "state.json"
        self.log_file = home / "presenter.log"
        self.args = args
        self.extra_env = env or {}
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Presenter:
        env = self.x.env(**{"HOME": str(self.home), "XDG_CONFIG_HOME": str(self.home / ".config"),
                            "XDG_DATA_HOME": str(self.home / ".local/share"),
                            "XDG_CACHE_HOME": str(self.home / ".cache"), "QT_QPA_PLATFORM": "xcb",
                            "PRESENTER_STATE_FILE": str(self.state_file), "LANG": "C.UTF-8", "NO_AT_BRIDGE": "1",
                            **self.extra_env})
        with open(self.log_file, "wb") as log:
            self.proc = subprocess.Popen([*presenter_command(), str(self.deck), *self.args], env=env,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(lambda: self._one("— Presenter"), 20, what="the presenter window")
        wait_for(lambda: self._one("— Audience"), 20, what="the audience window")
        wait_for(lambda: self.state().get("ready"), 20, what="the first frame")
        self.x.focus(self.presenter_window)
        return self

    def _one(self, suffix: str) -> int:
        if self.proc is not None and self.proc.poll() is not None:
            raise AssertionError(f"presenter exited with {self.proc.returncode}:\n{self.log()}")
        found = self.x.find(suffix)
        return found[0] if found else 0

    @property
    def presenter_window(self) -> int:
        """The presenter window's X id (looked up each time: moving to another X screen changes it)."""
        return int(wait_for(lambda: self._one("— Presenter"), 10, what="the presenter window"))

    @property
    def audience_window(self) -> int:
        """The audience window's X id."""
        return int(wait_for(lambda: self._one("— Audience"), 10, what="the audience window"))

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace") if self.log_file.exists() else ""

    def state(self) -> dict[str, Any]:
        """What the app says it shows (written after every change)."""
        try:
            return dict(json.loads(self.state_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def wait_state(self, predicate: Callable[[dict[str, Any]], Any], what: str, timeout: float = 10) -> dict:
        return dict(wait_for(lambda: (s := self.state()) and predicate(s) and s, timeout, what=what))

    def settle(self, quiet: float = 0.4, timeout: float = 10) -> dict[str, Any]:
        """Wait until the state has not changed for ``quiet`` seconds (keys all handled).

        The running clock is left out: it changes every second by itself. A slide transition
        under way is not quiet, however long it has looked the same in the state file.
        """
        last: object = None
        since = time.monotonic()
        deadline = since + timeout
        while time.monotonic() < deadline:
            state = self.state()
            now = json.dumps({**state, "serial": 0, "clock": {**state.get("clock", {}), "elapsed": 0}},
                             sort_keys=True)
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet and not state.get("audience", {}).get("moving"):
                return self.state()
            time.sleep(0.05)
        raise AssertionError("the app did not settle")

    def audience_png(self, path: Path) -> Path:
        return self.x.capture(self.audience_window, path)

    def presenter_png(self, path: Path) -> Path:
        return self.x.capture(self.presenter_window, path)

    def stop(self) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        return self.proc.returncode


def presenter_command() -> list[str]:
    """The installed ``presenter`` command next to this Python, else ``python -m presenter``."""
    script = Path(sys.executable).parent / "presenter"
    return [str(script)] if script.exists() else [sys.executable, "-m", "presenter"]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a ``presenter`` command line (questions, check, show) and return its result."""
    full_env = {**os.environ, **(env or {})}
    full_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run([*presenter_command(), *args], capture_output=True, text=True, env=full_env,
                          timeout=120)


@contextmanager
def xserver(layout: Layout, workdir: Path) -> Iterator[XServer]:
    x = XServer(layout, workdir).start()
    try:
        yield x
    finally:
        x.stop()
