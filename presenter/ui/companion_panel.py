"""The companion's panel in the presenter window: the pairing QR code, its URL, the paired devices.

It lives in the presenter window only (a dock), never on the audience screen. Its buttons take
no keyboard focus, so the keys keep driving the slides.

Signals:
    revoke(str): disconnect the device with this id.
    notes(str, bool): let this clicker show the notes, or stop it.
    new_code(): replace the pairing code now.
    stop(): stop the companion (every device is disconnected).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

import segno
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from presenter.companion.auth import Device

log = logging.getLogger(__name__)

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
QR_SIDE = 264
PANEL_WIDTH = 340


class QrView(QWidget):
    """A QR code (made with segno), painted as sharp squares at whatever size the widget has."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.matrix: tuple[bytearray, ...] = ()
        self.setFixedSize(QR_SIDE, QR_SIDE)

    def set_text(self, text: str) -> None:
        """Encode ``text`` (error correction M: readable off a laptop screen at an angle)."""
        self.matrix = tuple(segno.make(text, error="m", micro=False).matrix) if text else ()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if not self.matrix:
            return
        n = len(self.matrix) + 2 * QUIET_ZONE
        module = max(1, min(self.width(), self.height()) // n)
        side = module * n
        left, top = (self.width() - side) // 2, (self.height() - side) // 2
        painter = QPainter(self)
        painter.fillRect(QRect(left, top, side, side), QColor("white"))
        black = QColor("black")
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(left + (x + QUIET_ZONE) * module, top + (y + QUIET_ZONE) * module,
                                     module, module, black)
        painter.end()


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class DeviceRow(QWidget):
    """One paired device: what it is, whether it is connected, notes (clickers), Disconnect."""

    def __init__(self, device: Device, panel: CompanionPanel):
        super().__init__()
        state = "connected" if device.connected else "not connected"
        self.text = text = QLabel(f"<b>{device.role.capitalize()}</b> · {html.escape(device.label)}<br/>"
                                  f"<span style='color:#9a9a9a'>{device.address} · paired {device.paired_at} · "
                                  f"{state}</span>")
        text.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.addWidget(text, 1)
        if device.role == "clicker":
            self.notes = QCheckBox("Notes")
            self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.notes.setChecked(device.notes)
            self.notes.setToolTip("Show the speaker notes on this phone")
            self.notes.toggled.connect(lambda on: panel.notes.emit(device.id, on))
            row.addWidget(self.notes)
        self.disconnect_button = _button("Disconnect")
        self.disconnect_button.clicked.connect(lambda: panel.revoke.emit(device.id))
        row.addWidget(self.disconnect_button)


class CompanionPanel(QWidget):
    """QR code, short URL, device list, and the buttons to renew the code or stop."""

    revoke = Signal(str)
    notes = Signal(str, bool)
    new_code = Signal()
    stop = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("companion-panel")
        self.setStyleSheet("QWidget#companion-panel { background:#1b1b1b; } QLabel, QCheckBox { color:#ddd; }")
        self.url = ""
        self.qr = QrView()
        self.url_label = QLabel()
        self.url_label.setStyleSheet("font-family:monospace; font-size:15px; color:#ffd75e")
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setWordWrap(True)
        self.devices_label = QLabel()
        self.devices_box = QVBoxLayout()
        self.rows: list[DeviceRow] = []
        self._build()

    def _build(self) -> None:
        self.setFixedWidth(PANEL_WIDTH)
        col = QVBoxLayout(self)
        intro = QLabel("Scan with the speaker's phone (clicker) or open the address in the clerk's browser.")
        intro.setWordWrap(True)
        col.addWidget(intro)
        col.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addWidget(self.url_label)
        hint = QLabel("The code works once and for 5 minutes; a new one appears by itself.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#9a9a9a")
        col.addWidget(hint)
        buttons = QHBoxLayout()
        for text, signal in (("New code", self.new_code), ("Stop companion", self.stop)):
            b = _button(text)
            b.clicked.connect(signal.emit)
            buttons.addWidget(b)
        col.addLayout(buttons)
        col.addWidget(self.devices_label)
        col.addLayout(self.devices_box)
        col.addStretch(1)
        self.set_devices([])

    def set_url(self, url: str) -> None:
        """Show a new pairing URL, as QR code and as text."""
        self.url = url
        self.qr.set_text(url)
        self.url_label.setText(url)

    def set_devices(self, devices: Sequence[Device]) -> None:
        """List the paired devices (rebuilt whole: there are a handful at most)."""
        for row in self.rows:
            self.devices_box.removeWidget(row)
            row.deleteLater()
        self.rows = [DeviceRow(d, self) for d in devices]
        for row in self.rows:
            self.devices_box.addWidget(row)
        self.devices_label.setText(f"<b>Devices</b> ({len(devices)})" if devices else "No device paired yet.")
