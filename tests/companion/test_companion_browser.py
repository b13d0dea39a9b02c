"""The phone pages in headless Chromium (390×844) against a running presentation (offscreen Qt).

Set ``COMPANION_SHOTS=DIR`` to keep screenshots of both phone pages and of the pairing panel.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from companion_helpers import PHONE
from PySide6.QtGui import QImage

from presenter.cli import main
from presenter.deck import load_deck
from presenter.render.snapshot import render_image

DECK = ("---\ntitle: Community Safety and Performance\ntheme: night\nrevealOptions:\n  transition: none\n---\n"
        "# Community Safety\n\nNote: Welcome the committee.\n\n---\n\n# Anti-social behaviour\n\n"
        "Note: Reports down 12 %.\n\n---\n\n# CCTV\n\nNote: 41 cameras replaced.\n\n---\n\n"
        "# Budget 2026/27\n\n- £2.4m capital\n\nNote: Mention the **£2.4m** bid.\n\n---\n\n# Questions?\n")


def shot(page_or_widget, name: str) -> None:
    folder = os.environ.get("COMPANION_SHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    if hasattr(page_or_widget, "screenshot"):
        page_or_widget.screenshot(path=str(Path(folder) / name))
    else:
        page_or_widget.grab().save(str(Path(folder) / name))


def start(make_app, write_deck):
    path = write_deck(DECK)
    app = make_app(path)
    app.toggle_companion("127.0.0.1")  # loopback only, in tests
    assert app.companion.running and app.companion.dock.isVisible()
    return path, app


def pair(browser, qtbot, app, role: str):
    """Open the pairing URL shown in the presenter window in a fresh phone, and choose the role."""
    url = app.companion.panel.url
    page = browser.new_context(**PHONE).new_page()
    assert page.goto(url).status == 200
    shot(page, "pairing-page.png")
    page.tap(f"#as-{role}")
    page.wait_for_url(f"**/{role}")
    qtbot.waitUntil(lambda: app.companion.panel.url != url)  # a used code is replaced at once
    return page


def text(page, selector: str) -> str:
    return page.text_content(selector) or ""


def test_clicker_taps_next_three_times(browser, make_app, write_deck, qtbot) -> None:
    path, app = start(make_app, write_deck)
    page = pair(browser, qtbot, app, "clicker")
    qtbot.waitUntil(lambda: text(page, "#slide") == "1" and text(page, "#total") == "5")
    for _ in range(3):
        page.tap("#next")
    qtbot.waitUntil(lambda: app.talk.audience.index == 3)
    qtbot.waitUntil(lambda: text(page, "#slide") == "4")
    assert text(page, "#title") == "Budget 2026/27" and page.is_hidden("#notes")  # notes are off by default
    deck = load_deck(path)
    shown = app.audience.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    expected = render_image(deck, deck.slides[3], (shown.width(), shown.height())).convertToFormat(
        QImage.Format.Format_RGB32)
    assert shown == expected  # the audience window shows slide 4, exactly as `presenter show --slide 4`
    device = app.companion.server.sessions.devices()[0]
    assert device.role == "clicker" and device.connected == 1
    row = app.companion.panel.rows[0]
    assert "Clicker" in row.text.text() and "· connected" in row.text.text()
    row.notes.setChecked(True)  # the speaker lets this phone show the notes
    qtbot.waitUntil(lambda: page.is_visible("#notes") and "£2.4m" in text(page, "#notes"))
    page.tap("#black")
    qtbot.waitUntil(lambda: app.talk.blank.value == "black")
    page.tap("#black")
    qtbot.waitUntil(lambda: app.talk.blank.value == "none" and text(page, "#black") == "Black screen")
    shot(page, "clicker.png")
    shot(app.companion.panel, "pairing-panel.png")
    shot(app.presenter, "presenter-window.png")


def test_clerk_records_a_question(browser, make_app, write_deck, qtbot, capsys) -> None:
    path, app = start(make_app, write_deck)
    app.talk.go("next")
    page = pair(browser, qtbot, app, "clerk")
    qtbot.waitUntil(lambda: page.input_value("#slide") == "2")  # the slide on screen, by default
    page.fill("#question", "When will the Borehamwood cameras be replaced?")
    page.fill("#asked_by", "Cllr Zoë Müller")
    page.fill("#organisation", "Borehamwood Cowley Hill")
    page.fill("#owner", "Head of Community Safety")
    page.fill("#due", "2026-12-15")
    assert page.input_value("#status") == "follow-up"  # an owner means a follow-up
    page.tap("#save")
    qtbot.waitUntil(lambda: app.records.qa.table.rowCount() == 1)  # in the presenter's Q&A panel at once
    assert "— Cllr Zoë Müller" in app.records.qa.table.item(0, 1).text()
    qtbot.waitUntil(lambda: text(page, "#count") == "1" and "Saved" in text(page, "#message"))
    page.tap("#list li button")  # edit it
    page.fill("#question", "When will the Borehamwood CCTV cameras be replaced?")
    page.tap("#save")
    qtbot.waitUntil(lambda: "CCTV" in app.records.qa.table.item(0, 1).text())
    page.fill("#question", "And the budget?")
    page.tap("#save")
    qtbot.waitUntil(lambda: text(page, "#count") == "2")
    shot(page, "clerk.png")
    capsys.readouterr()
    assert main(["questions", str(path), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "When will the Borehamwood CCTV cameras be replaced?,Cllr Zoë Müller,Borehamwood Cowley Hill,2," in out
    assert "follow-up,Head of Community Safety,2026-12-15" in out and "And the budget?" in out


def test_refused_without_token_with_used_code_or_other_sessions_token(browser, make_app, write_deck, qtbot) -> None:
    _path, app = start(make_app, write_deck)
    _other_path, other = start(make_app, lambda text: write_deck(text, "other.md"))
    stranger = pair(browser, qtbot, other, "clicker")  # paired with another presentation
    used = app.companion.panel.url
    pair(browser, qtbot, app, "clerk").close()
    origin = app.companion.server.core.origin
    fresh = browser.new_context(**PHONE).new_page()
    assert fresh.goto(f"{origin}/clicker").status == 401
    assert fresh.goto(f"{origin}/clerk").status == 401
    assert fresh.goto(used).status == 403  # the code was used
    cookies = stranger.context.cookies()
    assert cookies and cookies[0]["httpOnly"]
    thief = browser.new_context(**PHONE)
    thief.add_cookies([{**cookies[0], "domain": "127.0.0.1"}])  # another session's token, sent to this server
    page = thief.new_page()
    assert page.goto(f"{origin}/clicker").status == 401
    stranger.tap("#next")  # moves the other presentation only
    qtbot.waitUntil(lambda: other.talk.audience.index == 1)
    assert app.talk.audience.index == 0 and app.records.qa.table.rowCount() == 0
    assert [d.role for d in app.companion.server.sessions.devices()] == ["clerk"]


def test_revoked_phone_is_told_and_moves_nothing(browser, make_app, write_deck, qtbot) -> None:
    _path, app = start(make_app, write_deck)
    page = pair(browser, qtbot, app, "clicker")
    qtbot.waitUntil(lambda: len(app.companion.panel.rows) == 1 and app.companion.server.sessions.devices()[0].connected)
    app.companion.panel.rows[0].disconnect_button.click()
    qtbot.waitUntil(lambda: "disconnected this device" in text(page, "#conn"))
    page.tap("#next", force=True)
    qtbot.waitUntil(lambda: app.companion.panel.rows == [])
    assert app.companion.server.sessions.devices() == []
    assert page.goto(page.url).status == 401
    assert app.talk.audience.index == 0


def test_taps_while_the_connection_is_lost_are_never_sent_later(browser, make_app, write_deck, qtbot) -> None:
    _path, app = start(make_app, write_deck)
    page = pair(browser, qtbot, app, "clicker")
    qtbot.waitUntil(lambda: app.companion.server.sessions.devices()[0].connected == 1)
    commands: list[str] = []
    app.companion.bridge.command.connect(commands.append)
    page.context.set_offline(True)  # the Wi-Fi goes: reconnecting fails until it is back
    server = app.companion.server
    server.loop.call_soon_threadsafe(lambda: [c.transport.abort() for c in list(server._channels)])
    page.wait_for_selector("body.offline")
    qtbot.waitUntil(lambda: server.sessions.devices()[0].connected == 0)
    for _ in range(3):
        page.tap("#next", force=True)
    page.context.set_offline(False)
    page.wait_for_selector("body:not(.offline)", timeout=15000)  # reconnected, with the same token
    qtbot.waitUntil(lambda: server.sessions.devices()[0].connected == 1)
    page.tap("#previous")  # the connection works again: this one arrives, and is the first
    qtbot.waitUntil(lambda: commands == ["previous"])
    assert app.talk.audience.index == 0


@pytest.mark.parametrize("host", ["127.0.0.1"])
def test_stop_and_start_again(browser, make_app, write_deck, qtbot, host: str, capsys) -> None:
    _path, app = start(make_app, write_deck)
    first = app.companion.panel.url
    assert f"companion: {first}" in capsys.readouterr().out  # one line, for scripts
    page = pair(browser, qtbot, app, "clicker")
    qtbot.waitUntil(lambda: text(page, "#slide") == "1")
    app.companion.panel.stop.emit()
    qtbot.waitUntil(lambda: "stopped on the laptop" in text(page, "#conn"))
    assert not app.companion.running and not app.companion.dock.isVisible()
    app.toggle_companion()
    assert app.companion.running and app.companion.panel.url != first
    assert app.companion.panel.url.startswith(f"http://{host}:")
    app.toggle_companion()  # C again: hides the panel, keeps the server
    assert app.companion.running and not app.companion.dock.isVisible()
    assert not app.audience.findChildren(type(app.companion.panel))  # never on the audience screen
