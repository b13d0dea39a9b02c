"""Panels of the presenter window: the timers, the notes, the banner."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QWidget

from presenter.talk.clock import Pace, format_clock
from presenter.talk.talk import Talk
from presenter.ui import style

log = logging.getLogger(__name__)

PACE_COLOURS = {Pace.AHEAD: "ahead", Pace.ON_TIME: "ok", Pace.BEHIND: "bad"}  # names in style.yaml


class TimerPanel(QWidget):
    """Elapsed time (with hold), count-down, pace and the wall clock.

    Args:
        large: the large-print variant (bigger type).
    """

    def __init__(self, large: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timers")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        size = 44 if large else 26
        self.elapsed = self._label(size, bold=True)
        self.remaining = self._label(size, bold=True)
        self.pace = self._label(round(size * 0.6))
        self.clock = self._label(round(size * 0.6))
        for col, (caption, label) in enumerate([("Elapsed", self.elapsed), ("Remaining", self.remaining),
                                                ("Pace", self.pace), ("Clock", self.clock)]):
            cap = QLabel(caption)
            cap.setProperty("role", "caption")
            cap.setFont(style.font("ui", 20 if large else 14))
            grid.addWidget(cap, 0, col)
            grid.addWidget(label, 1, col)
        self._texts: dict[str, str] = {}

    def _label(self, px: int, bold: bool = False) -> QLabel:
        label = QLabel("–")
        label.setFont(style.font("mono", px, bold))
        return label

    def _set(self, label: QLabel, text: str, style: str = "") -> None:
        key = str(id(label))
        if self._texts.get(key) != text + style:
            self._texts[key] = text + style
            label.setText(text)
            label.setStyleSheet(style)

    def refresh(self, talk: Talk, wall: dt.datetime) -> None:
        """Show the current times (cheap when nothing changed)."""
        clock = talk.clock
        elapsed = format_clock(clock.elapsed())
        if clock.state.held:
            self._set(self.elapsed, f"{elapsed} ❚❚", _fg("warn"))
        elif not clock.state.started:
            self._set(self.elapsed, elapsed, _fg("faint"))
        else:
            self._set(self.elapsed, elapsed, _fg("text"))
        remaining = talk.remaining()
        if remaining is None:
            budget = talk.total_budget()
            self._set(self.remaining, f"plan {format_clock(budget)}" if budget else "–", _fg("faint"))
        else:
            self._set(self.remaining, format_clock(remaining),
                      _fg("bad" if remaining < 0 else "warn" if remaining < 120 else "text"))
        info = talk.pace()
        if info is None or not clock.state.started:
            self._set(self.pace, "–", _fg("faint"))
        else:
            delta = clock.elapsed() - info.planned
            self._set(self.pace, f"{info.verdict.value} ({format_clock(delta, signed=True)})",
                      _fg(PACE_COLOURS[info.verdict]))
        self._set(self.clock, wall.strftime("%H:%M"), _fg("muted"))


def _fg(name: str) -> str:
    return f"color:{style.color(name)}"


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


def open_url_default(url: QUrl) -> bool:
    """Open ``url`` with the desktop's viewer (replaceable in tests)."""
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)
