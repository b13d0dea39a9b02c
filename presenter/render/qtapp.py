"""One Qt application object for command-line painting (PNG, PDF) with no window."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QCoreApplication | None = None


def ensure_gui_app() -> QCoreApplication:
    """The running Qt application, or a new offscreen ``QGuiApplication`` kept for the process.

    (PySide6 6.12 can crash at exit when ``QGuiApplication.instance()`` returning None is
    used in an expression, so the check is on the module's own reference first.)
    """
    global _app
    if _app is None:
        existing = QCoreApplication.instance()
        if existing is not None:
            _app = existing
        else:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            _app = QGuiApplication(["presenter"])
    return _app
