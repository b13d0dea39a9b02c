"""Window placement and what can be read on them, on a real display with a window manager."""

from __future__ import annotations

import pytest
from harness import LAPTOP_ALONE_WM, LAPTOP_PROJECTOR, WIDE_WM, wait_for


def overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def inside(part: list[int], outer: tuple[int, int, int, int]) -> bool:
    x, y, w, h = part
    ox, oy, ow, oh = outer
    return w > 0 and h > 0 and x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("display", [WIDE_WM, LAPTOP_ALONE_WM], indirect=True, ids=lambda layout: layout.name)
def test_one_screen_shows_both_windows_side_by_side(display, launch, deck_copy) -> None:
    app = launch(deck_copy())
    screen_w, screen_h = display.layout.screens[0]
    state = app.settle(quiet=0.8)
    assert state["screens"] == 1 and not state["windows"]["audience_fullscreen"]
    def on_screen(r: tuple[int, int, int, int]) -> bool:
        x, y, w, h = r
        return x >= 0 and y >= 0 and x + w <= screen_w and y + h <= screen_h

    def placed() -> tuple | None:
        p, a = display.frame_geometry(app.presenter_window), display.frame_geometry(app.audience_window)
        return (p, a) if not overlap(p, a) and on_screen(p) and on_screen(a) else None

    presenter, audience = wait_for(placed, timeout=5, what="both windows on the screen, not overlapping")
    state = app.settle(quiet=0.5)
    parts = state["parts"]
    for name in ("notes", "timers", "current", "next"):
        assert name in parts and inside(parts[name], presenter), f"{name} not visible: {parts.get(name)}"
        assert not overlap(tuple(parts[name]), audience)
    _, _, aw, ah = display.geometry(app.audience_window)[1:]
    assert abs(aw / ah - 16 / 9) < 0.05  # the projector's shape
    assert presenter[2] >= screen_w * 0.45  # the speaker keeps at least half the room


@pytest.mark.parametrize("display", [LAPTOP_PROJECTOR], indirect=True, ids=lambda layout: layout.name)
def test_laptop_and_projector_each_get_their_window(display, launch, deck_copy) -> None:
    app = launch(deck_copy())
    screen, x, y, w, h = display.geometry(app.audience_window)
    assert (screen, x, y, w, h) == (1, 0, 0, 1920, 1080)
    screen, x, y, w, h = display.geometry(app.presenter_window)
    assert screen == 0 and w == 1366
