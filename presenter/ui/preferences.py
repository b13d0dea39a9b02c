"""The speaker's remembered preferences (notes size, layout, pane sizes), read so that a bad
value can never stop the talk: it is logged, reported once in the presenter window, and the
default is used instead.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)


class Preferences:
    """Typed, validated access to the application's ``QSettings``.

    Args:
        settings: where the preferences are kept.

    Attributes:
        problems: one line for every bad value met (shown once in the presenter window).
    """

    def __init__(self, settings: QSettings):
        self.settings = settings
        self.problems: list[str] = []

    def _bad(self, key: str, value: object, default: object) -> None:
        where = self.settings.fileName() or "the settings"
        line = f"{where}: {key} = {value!r} is not valid; using {default!r}"
        log.warning("%s", line)
        if line not in self.problems:
            self.problems.append(line)

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        """A whole number between ``low`` and ``high``."""
        value = self.settings.value(key, default)
        try:
            number = int(str(value))
        except ValueError:
            self._bad(key, value, default)
            return default
        if not low <= number <= high:
            self._bad(key, value, default)
            return default
        return number

    def flag(self, key: str, default: bool) -> bool:
        """A yes/no value (stored as ``true``/``false``)."""
        value = self.settings.value(key, "true" if default else "false")
        text = str(value).lower()
        if text not in ("true", "false"):
            self._bad(key, value, default)
            return default
        return text == "true"

    def state(self, key: str) -> QByteArray | None:
        """A saved widget state (splitter sizes), or None."""
        value = self.settings.value(key)
        if value is None or isinstance(value, QByteArray):
            return value
        self._bad(key, value, None)
        return None

    def set(self, key: str, value: object) -> None:
        """Remember a value (booleans as ``true``/``false``)."""
        self.settings.setValue(key, ("true" if value else "false") if isinstance(value, bool) else value)

    def sync(self) -> None:
        """Write to disk now."""
        self.settings.sync()
