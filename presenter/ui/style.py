"""The presenter window's look as data: ``resources/ui/style.yaml`` (colours, fonts, sizes) and
``resources/ui/style.qss`` (the style sheet, with ``$name`` placeholders for those values).

Every window, panel, dialog and overlay of the presenter side takes its colours from here, so
they cannot disagree (a dialog's text on a panel's background stays readable).
"""

from __future__ import annotations

import functools
import logging
import string
from typing import Any

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from presenter.assets import resource
from presenter.deck.yamlload import safe_load
from presenter.render.fonts import load_fonts

log = logging.getLogger(__name__)


@functools.cache
def _table() -> dict[str, Any]:
    data = safe_load(resource("ui", "style.yaml").read_text(encoding="utf-8"))
    return dict(data)


def color(name: str) -> str:
    """A named colour of the presenter window (``"#rrggbb"``)."""
    return str(_table()["colors"][name])


def font_family(role: str) -> str:
    """The bundled family for ``ui``, ``mono`` or ``notes`` text."""
    return str(_table()["fonts"][role])


def font(role: str = "ui", px: int | None = None, bold: bool = False) -> QFont:
    """A font of the presenter window, sized in pixels."""
    load_fonts()
    f = QFont(font_family(role))
    f.setPixelSize(px or int(_table()["sizes"]["ui"]))
    f.setBold(bold)
    return f


def style_sheet() -> str:
    """The style sheet with every ``$name`` filled in."""
    t = _table()
    values = {**t["colors"], **{f"{k}_font": v for k, v in t["fonts"].items()},
              **{f"{k}_size": v for k, v in t["sizes"].items()},
              "check_svg": resource("ui", "check.svg").as_posix()}
    return string.Template(resource("ui", "style.qss").read_text(encoding="utf-8")).substitute(values)


def palette() -> QPalette:
    """A dark palette matching the style sheet (for what style sheets do not reach)."""
    p = QPalette()
    roles = {QPalette.ColorRole.Window: "window", QPalette.ColorRole.WindowText: "text",
             QPalette.ColorRole.Base: "raised", QPalette.ColorRole.AlternateBase: "panel",
             QPalette.ColorRole.Text: "text", QPalette.ColorRole.Button: "raised",
             QPalette.ColorRole.ButtonText: "text", QPalette.ColorRole.Highlight: "selection",
             QPalette.ColorRole.HighlightedText: "text", QPalette.ColorRole.ToolTipBase: "raised",
             QPalette.ColorRole.ToolTipText: "text", QPalette.ColorRole.PlaceholderText: "faint",
             QPalette.ColorRole.Link: "link", QPalette.ColorRole.BrightText: "text"}
    for role, name in roles.items():
        p.setColor(role, QColor(color(name)))
    return p


def apply(app: QApplication) -> None:
    """Give the whole application the presenter's look (once; cheap to call again)."""
    if app.property("presenterStyled"):
        return
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setFont(font("ui"))
    app.setStyleSheet(style_sheet())
    app.setProperty("presenterStyled", True)
