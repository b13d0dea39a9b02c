"""Fixtures for the companion tests: a core with a hand-moved clock, Chromium, a running presentation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from companion_helpers import CHROMIUM, CHROMIUM_FLAGS, PORT

from presenter.companion.auth import PairingCodes, RateLimiter, Sessions
from presenter.companion.core import CompanionCore


@pytest.fixture
def make_core(fake_clock) -> Callable[..., CompanionCore]:
    """A core on 127.0.0.1:41234 whose clock the test moves (``fake_clock.t += 10``)."""

    def make(**kwargs: object) -> CompanionCore:
        return CompanionCore("127.0.0.1", "127.0.0.1", PORT, PairingCodes(300, fake_clock), Sessions(),
                             RateLimiter(now=fake_clock), fake_clock, **kwargs)  # type: ignore[arg-type]

    return make


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
