"""The pairing panel: the QR code painted module for module, the device rows and their signals."""

from __future__ import annotations

import segno
from PySide6.QtGui import QImage

from presenter.companion.auth import Device
from presenter.ui.companion_panel import QUIET_ZONE, CompanionPanel

URL = "http://192.168.1.20:41234/pair/K7QXM3TD9A"


def test_qr_code_is_painted_as_segno_made_it(qtbot) -> None:
    panel = CompanionPanel()
    qtbot.addWidget(panel)
    panel.set_url(URL)
    assert panel.url_label.text() == URL
    image = panel.qr.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    matrix = segno.make(URL, error="m", micro=False).matrix
    n = len(matrix) + 2 * QUIET_ZONE
    module = min(image.width(), image.height()) // n
    assert module >= 3  # big enough to scan off a laptop screen
    left, top = (image.width() - module * n) // 2, (image.height() - module * n) // 2
    for y in range(-QUIET_ZONE, len(matrix) + QUIET_ZONE):
        for x in range(-QUIET_ZONE, len(matrix) + QUIET_ZONE):
            dark = 0 <= y < len(matrix) and 0 <= x < len(matrix) and bool(matrix[y][x])
            px = image.pixelColor(left + (x + QUIET_ZONE) * module + module // 2,
                                  top + (y + QUIET_ZONE) * module + module // 2)
            assert px.lightness() == (0 if dark else 255), (x, y)


def test_device_rows_say_who_and_emit_revoke_and_notes(qtbot) -> None:
    panel = CompanionPanel()
    qtbot.addWidget(panel)
    assert panel.devices_label.text() == "No device paired yet."
    panel.set_devices([Device("a1b2c3", "clicker", "Safari on iPhone", "192.168.1.23", "19:02", connected=1),
                       Device("d4e5f6", "clerk", "<b>Firefox</b>", "192.168.1.40", "19:05")])
    clicker, clerk = panel.rows
    assert "Safari on iPhone" in clicker.text.text() and "· connected" in clicker.text.text()
    assert "&lt;b&gt;Firefox" in clerk.text.text() and "not connected" in clerk.text.text()
    assert not hasattr(clerk, "notes")  # notes are for the speaker's clicker only
    with qtbot.waitSignal(panel.notes) as notes:
        clicker.notes.setChecked(True)
    assert notes.args == ["a1b2c3", True]
    with qtbot.waitSignal(panel.revoke) as revoked:
        clerk.disconnect_button.click()
    assert revoked.args == ["d4e5f6"]
    panel.set_devices([])
    assert panel.rows == [] and panel.devices_label.text() == "No device paired yet."
