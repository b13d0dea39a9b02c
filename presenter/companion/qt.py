"""The companion inside the running presentation: the Qt side of the server thread.

The server thread talks to the app only through ``CompanionBridge``'s signals, which Qt delivers
on the app's thread (queued), so a tap is carried out exactly like a key press and nothing on the
server side can hold up a slide change. The talk is offered to the phones as a small snapshot,
published after every phone command and a few times a second otherwise.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInterface
from PySide6.QtWidgets import QDockWidget

from presenter.companion.hosts import LOOPBACK, WILDCARDS, Interface, choose_host
from presenter.companion.server import CompanionServer, Hooks
from presenter.companion.state import snapshot_of
from presenter.ui.companion_panel import CompanionPanel

if TYPE_CHECKING:  # pragma: no cover
    from presenter.ui.app import PresenterApp

log = logging.getLogger(__name__)

PUBLISH_MS = 250
COMMANDS = {"next": "next", "previous": "previous", "black": "black"}  # phone command → app action


def say(line: str, error: bool = False) -> None:
    """One line on the terminal the app was started from (scripts read the pairing URL there)."""
    try:
        print(line, file=sys.stderr if error else sys.stdout, flush=True)
    except (OSError, ValueError, AttributeError):  # no terminal (started from a desktop menu)
        log.info("%s", line)


def lan_interfaces() -> list[Interface]:
    """This machine's addresses, as Qt's QNetworkInterface sees them."""
    flags = QNetworkInterface.InterfaceFlag
    found = []
    for iface in QNetworkInterface.allInterfaces():
        up = bool(iface.flags() & flags.IsUp) and bool(iface.flags() & flags.IsRunning)
        loopback = bool(iface.flags() & flags.IsLoopBack)
        for entry in iface.addressEntries():
            found.append(Interface(iface.name(), entry.ip().toString(), up, loopback))
    return found


class CompanionBridge(QObject):
    """Carries the server thread's news to the app's thread.

    Signals:
        command(str): a phone asked for ``next``, ``previous`` or ``black``.
        questions_changed(): the clerk saved a question.
        devices_changed(): a device paired, connected, disconnected or was revoked.
        pairing_changed(str): a new pairing URL (the old code was used or expired).
    """

    command = Signal(str)
    questions_changed = Signal()
    devices_changed = Signal()
    pairing_changed = Signal(str)

    def hooks(self) -> Hooks:
        """The callbacks the server thread calls: each emits a signal (queued to this object's thread)."""
        return Hooks(command=self.command.emit, questions_changed=self.questions_changed.emit,
                     devices_changed=self.devices_changed.emit, pairing_changed=self.pairing_changed.emit)


class Companion(QObject):
    """The companion of one presentation: started with ``toggle``, stopped from its panel or at quit.

    Args:
        app: the running presentation.
        host: the address to listen on (None: the laptop's LAN address; ``0.0.0.0`` only when asked).
    """

    def __init__(self, app: PresenterApp, host: str | None = None):
        super().__init__()
        self.app, self.host = app, host
        self.server: CompanionServer | None = None
        self.bridge = CompanionBridge()
        queued = Qt.ConnectionType.QueuedConnection
        self.bridge.command.connect(self.run_command, queued)
        self.bridge.questions_changed.connect(self.refresh_questions, queued)
        self.bridge.devices_changed.connect(self.refresh_devices, queued)
        self.bridge.pairing_changed.connect(self.show_url, queued)
        self.panel = CompanionPanel()
        self.panel.revoke.connect(lambda device_id: self.server and self.server.revoke(device_id))
        self.panel.notes.connect(lambda device_id, on: self.server and self.server.set_notes(device_id, on))
        self.panel.new_code.connect(lambda: self.server and self.server.new_code())
        self.panel.stop.connect(self.stop)
        self.dock = QDockWidget("Companion", app.presenter)
        self.dock.setObjectName("companion")
        self.dock.setStyleSheet("QDockWidget { color:#bbb; font-weight:bold; }")
        self.dock.setWidget(self.panel)
        self.dock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dock.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(PUBLISH_MS)
        self.timer.timeout.connect(self.publish)

    @property
    def running(self) -> bool:
        """Whether the server is listening."""
        return self.server is not None

    def toggle(self, host: str | None = None) -> None:
        """Start the server and show the panel; when running, show or hide the panel."""
        if self.running:
            self.dock.setVisible(not self.dock.isVisible())
            return
        self.host = host or self.host
        self.start()

    def _addresses(self) -> tuple[str, str]:
        if self.host and self.host not in WILDCARDS:
            return self.host, self.host
        advertised = choose_host(lan_interfaces())
        if self.host in WILDCARDS:
            say(f"companion: listening on every network interface ({self.host}), as asked", error=True)
            return self.host, advertised
        return advertised, advertised

    def start(self) -> str | None:
        """Listen on the LAN address, show the QR code; returns the pairing URL (None on failure)."""
        bind, advertised = self._addresses()
        self.app.records.ensure_ready()
        server = CompanionServer(bind, self.app.talk.deck.path, self.bridge.hooks(), advertised)
        try:
            url = server.start()
        except OSError as exc:
            message = f"The companion page could not start on {bind}: {exc}"
            say(f"companion: error: {message}", error=True)
            self.app.presenter.show_message(message, "error")
            return None
        self.server = server
        qa = self.app.records.qa
        if qa is not None:
            qa.saved.connect(server.questions_edited)
        self.app.presenter.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.show()
        self.show_url(url)
        if advertised == LOOPBACK and not self.host:
            self.app.presenter.show_message("No local network found: the companion page opens on this "
                                                   "laptop only.", "warning")
        self.refresh_devices()
        self.publish()
        self.timer.start()
        return url

    def stop(self) -> None:
        """Disconnect every device and stop listening (C starts a new server with a new code)."""
        server, self.server = self.server, None
        self.timer.stop()
        if server is None:
            return
        qa = self.app.records.qa
        if qa is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # a panel made after the start
                qa.saved.disconnect(server.questions_edited)
        server.stop()
        self.dock.hide()
        self.panel.set_devices([])
        say("companion: stopped")

    def state(self) -> dict[str, object]:
        """For the state probe: running, panel shown, the pairing URL, the devices paired."""
        devices = self.server.sessions.devices() if self.server is not None else []
        return {"running": self.running, "panel": self.dock.isVisible(), "url": self.panel.url if self.running else "",
                "devices": [{"role": d.role, "connected": d.connected, "notes": d.notes} for d in devices]}

    # -- the server's news, on the app's thread --------------------------------------------
    @Slot(str)
    def run_command(self, name: str) -> None:
        """A phone's tap: the same action as the key, then the phones see the result at once."""
        action = COMMANDS.get(name)
        if action is None or not self.running:
            return
        self.app.handlers()[action]()
        self.publish()

    @Slot()
    def publish(self) -> None:
        """Offer the talk's current state to the phones (the server sends only what changed)."""
        if self.server is not None:
            self.server.publish(snapshot_of(self.app.talk))

    @Slot()
    def refresh_questions(self) -> None:
        """The clerk saved a question: show it in the Q&A panel now."""
        qa = self.app.records.qa
        if qa is not None:
            qa.refresh()
            self.app.records.update_caption()

    @Slot()
    def refresh_devices(self) -> None:
        """List the paired devices in the panel."""
        self.panel.set_devices(self.server.sessions.devices() if self.server is not None else [])

    @Slot(str)
    def show_url(self, url: str) -> None:
        """A new pairing URL: in the panel (QR code and text) and on standard output, one line."""
        if self.server is None:
            return
        self.panel.set_url(url)
        say(f"companion: {url}")
