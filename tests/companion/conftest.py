"""Helpers for the companion tests: a core with a hand-moved clock, and requests to it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from presenter.companion.auth import PairingCodes, RateLimiter, Sessions
from presenter.companion.core import COOKIE, CompanionCore, Request

PORT = 41234
HOST = f"127.0.0.1:{PORT}"


def get(core: CompanionCore, path: str, token: str = "", address: str = "127.0.0.1", method: str = "GET",
        **headers: str):
    """One request to ``core`` from ``address``, with the session cookie when ``token`` is given."""
    all_headers = {"host": HOST, **{k.replace("_", "-"): v for k, v in headers.items()}}
    if token:
        all_headers["cookie"] = f"{COOKIE}={token}"
    return core.handle_http(Request(method, path, all_headers, address))


def token_from(response) -> str:
    """The session token set by a pairing response."""
    cookie = dict(response.headers)["Set-Cookie"]
    return cookie.split(";")[0].split("=", 1)[1]


@pytest.fixture
def make_core(fake_clock) -> Callable[..., CompanionCore]:
    """A core on 127.0.0.1:41234 whose clock the test moves (``fake_clock.t += 10``)."""

    def make(**kwargs: object) -> CompanionCore:
        return CompanionCore("127.0.0.1", "127.0.0.1", PORT, PairingCodes(300, fake_clock), Sessions(),
                             RateLimiter(now=fake_clock), fake_clock, **kwargs)  # type: ignore[arg-type]

    return make


def pair(core: CompanionCore, role: str = "clicker", address: str = "127.0.0.1") -> str:
    """Pair a device through the pairing URL; returns its session token."""
    response = get(core, f"/pair/{core.codes.current().code}/{role}", address=address)
    assert response.status == 303
    return token_from(response)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium, driven by Playwright (one per test module: it takes a second to start)."""
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is needed for the companion tests: apt-get install chromium (.ci/install does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)  # its own profile
        yield chromium
        chromium.close()


@pytest.fixture
def make_app(qtbot, tmp_path, fake_clock):
    """A presentation on the two simulated screens (as in tests/ui), stopped at the end."""
    from PySide6.QtCore import QSettings

    from presenter.deck import load_deck
    from presenter.ui.app import PresenterApp

    apps = []

    def make(path):
        app = PresenterApp(load_deck(path), QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
                           now=fake_clock)
        app.start()
        qtbot.addWidget(app.presenter)
        qtbot.addWidget(app.audience)
        qtbot.waitExposed(app.presenter)
        app.records.ensure_ready()
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.stop()
