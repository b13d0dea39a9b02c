"""Panels of the presenter window: the notes, the message banner, the audience alert."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget

from presenter.ui import style

log = logging.getLogger(__name__)

class NotesView(QTextBrowser):
    """The speaker notes as rendered markdown; links open with the desktop's viewer.

    Signals:
        link_activated(str): a link was clicked (its href).
    """

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.point_size = 18
        self.high_contrast = False
        self._html = ""

    def show_notes(self, html: str) -> None:
        """Show a slide's notes HTML ("" → a quiet placeholder); nothing to do when unchanged."""
        if html == self._html and self.document().characterCount() > 1:
            return
        self._html = html
        self._render()

    def scroll_pages(self, pages: float) -> None:
        """Scroll by a share of the visible height (keeping a few lines of context)."""
        bar = self.verticalScrollBar()
        line = QFontMetrics(self.document().defaultFont()).height()
        bar.setValue(bar.value() + round(pages * max(line, self.viewport().height() - 2 * line)))

    def set_point_size(self, size: int) -> None:
        """Change the notes' text size (8–72 pt)."""
        self.point_size = max(8, min(72, size))
        self._render()

    def set_high_contrast(self, on: bool) -> None:
        """White on black, for reading from a distance."""
        self.high_contrast = on
        self._render()

    def _render(self) -> None:
        names = ("large_text", "large_bg", "large_link") if self.high_contrast else ("notes_text", "notes_bg", "link")
        fg, bg, link = (style.color(n) for n in names)
        self.setStyleSheet(f"QTextBrowser {{ background:{bg}; color:{fg}; border:none; }}")
        self.document().setDefaultStyleSheet(f"a {{ color:{link}; }} p {{ margin-bottom: 0.6em; }}")
        font = QFont(style.font_family("notes"))
        font.setPointSize(self.point_size)
        self.document().setDefaultFont(font)
        body = self._html or f'<p style="color:{style.color("faint")}"><i>No notes for this slide.</i></p>'
        self.setHtml(body)


class Banner(QLabel):
    """A message strip at the top of the presenter window (never on the audience screen)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str, level: str = "error") -> None:
        """Show ``text`` (error: red, info: blue)."""
        colour = style.color(f"{level}_banner" if level in ("error", "warning", "info") else "error_banner")
        self.setStyleSheet(f"background:{colour}; color:{style.color('text')}; padding:6px 10px; font-size:16px")
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        """Hide the banner."""
        self.setText("")
        self.hide()


class AlertBar(QLabel):
    """A bar that cannot be missed while the audience does not see the slide the speaker expects:
    a black or white screen, a frozen screen, an empty slide; and, in blue, while browsing ahead.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alert")
        self.setWordWrap(True)
        self.setFont(style.font("ui", 22, bold=True))
        self.hide()

    def show_alert(self, text: str, level: str = "alert") -> None:
        """Show ``text`` ("" hides the bar); ``level`` alert (red) or info (blue)."""
        if not text:
            self.hide()
            return
        colour = style.color("alert" if level == "alert" else "info_banner")
        self.setStyleSheet(f"background:{colour}; color:#ffffff; padding:6px 12px; border-radius:3px")
        if self.text() != text:
            self.setText(text)
        self.show()


def open_url_default(url: QUrl) -> bool:
    """Open ``url`` with the desktop's viewer (replaceable in tests)."""
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)
