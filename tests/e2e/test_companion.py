"""The phone clicker against the real app on a real X display: Chromium taps Next three times and the
projector shows slide 4, pixel for pixel as ``presenter show --slide 4`` paints it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REQUIRED
from harness import cli, wait_for
from images import load

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DECK = ("---\ntitle: Companion\ntheme: night\n---\n# Community Safety\n\nNote: welcome\n\n---\n\n"
        "# Anti-social behaviour\n\n- reports down 12 %\n\n---\n\n# CCTV\n\n---\n\n"
        "<!-- .slide: data-background-color=\"#1b3a5c\" -->\n# Budget 2026/27\n\n- £2.4m capital\n\n---\n\n"
        "# Questions?\n")


def same_pixels(a: Path, b: Path) -> bool:
    """Pixel for pixel (the capture says sRGB and the PNG of ``presenter show`` says nothing, so
    ``QImage ==`` would call them different: compare the pixels alone)."""
    ia, ib = load(a), load(b)
    return ia.size() == ib.size() and bytes(ia.constBits()) == bytes(ib.constBits())


def pairing_url(app) -> str:
    """The line the app prints for scripts: ``companion: http://127.0.0.1:PORT/pair/CODE``."""
    found = wait_for(lambda: re.search(r"^companion: (http://127\.0\.0\.1:\d+/pair/[A-Z0-9]+)$", app.log(), re.M),
                     20, what="the companion's pairing URL on standard output")
    return found.group(1)


def test_phone_taps_next_three_times_and_the_projector_shows_slide_4(display, launch, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is needed (bash .ci/install --test installs it)"
        pytest.fail(message) if REQUIRED else pytest.skip(message)
    from playwright.sync_api import expect, sync_playwright

    deck = tmp_path / "talk.md"
    deck.write_text(DECK, encoding="utf-8")
    app = launch(deck, "--companion", "--companion-host", "127.0.0.1")
    url = pairing_url(app)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_context(**PHONE).new_page()
        assert page.goto(url).status == 200
        page.tap("#as-clicker")
        page.wait_for_url("**/clicker")
        expect(page.locator("#slide")).to_have_text("1")
        for _ in range(3):
            page.tap("#next")
        expect(page.locator("#slide")).to_have_text("4")
        browser.close()
    app.wait_state(lambda s: s["audience"]["label"] == s["audience"]["shown"] == "4", "slide 4 on the projector")
    _screen, _x, _y, width, height = display.geometry(app.audience_window)
    expected = tmp_path / "show-4.png"
    done = cli("show", str(deck), "--slide", "4", "--size", f"{width}x{height}", "-o", str(expected))
    assert done.returncode == 0, done.stderr
    wait_for(lambda: same_pixels(app.audience_png(tmp_path / "audience.png"), expected), 10,
             what="the projector to show slide 4 exactly as `presenter show --slide 4`")
    assert app.state()["presenter"]["label"] == "4" and app.state()["blank"] == "none"
