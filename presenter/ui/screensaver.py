"""Keeping the screen saver away while presenting, where the desktop allows it (D-Bus)."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class ScreenSaverInhibitor:
    """Asks ``org.freedesktop.ScreenSaver`` not to blank the screen; does nothing elsewhere."""

    def __init__(self) -> None:
        self.cookie: int | None = None

    def inhibit(self, reason: str = "Presenting") -> bool:
        """Inhibit; returns whether the desktop agreed."""
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError:  # pragma: no cover (QtDBus is in PySide6-Essentials)
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no session bus: the screen saver cannot be inhibited")
            return False
        iface = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                               "org.freedesktop.ScreenSaver", bus)
        if not iface.isValid():
            log.info("no screen saver service to inhibit")
            return False
        reply = iface.call("Inhibit", "presenter", reason)
        args = reply.arguments()
        self.cookie = int(args[0]) if args else None
        return self.cookie is not None

    def release(self) -> None:
        """Let the screen saver run again."""
        if self.cookie is None:
            return
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        iface = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                               "org.freedesktop.ScreenSaver", QDBusConnection.sessionBus())
        iface.call("UnInhibit", self.cookie)
        self.cookie = None
