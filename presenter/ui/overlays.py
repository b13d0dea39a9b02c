"""Overlays on the presenter window: key help, the overview grid, the go-to field."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from presenter.deck.model import Slide
from presenter.render.paint import RenderContext, paint_slide
from presenter.render.themes import Theme
from presenter.ui import style
from presenter.ui.keys import CAPTURES_KEYS, Binding

log = logging.getLogger(__name__)

THUMB = QSize(256, 144)


class HelpOverlay(QFrame):
    """The key table, drawn over the presenter window (``?``)."""

    def __init__(self, bindings: list[Binding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("help")
        self.setAutoFillBackground(True)
        half = (len(bindings) + 1) // 2
        columns = "".join(f"<td valign='top' style='padding-right:40px'><table>{_rows(part)}</table></td>"
                          for part in (bindings[:half], bindings[half:]))
        label = QLabel(f"<h2>Keys</h2><table><tr>{columns}</tr></table><p>Press Esc or ? to close.</p>")
        label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(label, alignment=Qt.AlignmentFlag.AlignCenter)
        self.hide()


def _rows(bindings: list[Binding]) -> str:
    return "".join(f"<tr><td style='padding:2px 14px 2px 0'><b>{html.escape(', '.join(b.keys))}</b></td>"
                   f"<td>{html.escape(b.help)}</td></tr>" for b in bindings)


class OverviewOverlay(QListWidget):
    """Thumbnails of every visible slide; Enter or a click jumps there.

    Signals:
        chosen(int): the slide index picked.
    """

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setSpacing(10)
        self.setObjectName("overview")
        self.setProperty(CAPTURES_KEYS, True)  # arrows move the selection, not the slides
        self.setAutoFillBackground(True)
        self.viewport().setAutoFillBackground(True)
        self.itemClicked.connect(lambda item: self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole))))
        self._key: tuple[object, ...] = ()
        self.hide()

    def populate(self, slides: list[Slide], theme: Theme, context: RenderContext, current: int) -> None:
        """Fill the grid (thumbnails are painted once per deck version and theme)."""
        key = (tuple(s.html for s in slides), theme.name)
        if key != self._key:
            self.clear()
            for s in slides:
                item = QListWidgetItem(QIcon(thumbnail(s, theme, context)), f"{s.label}  {s.title}"[:40])
                item.setData(Qt.ItemDataRole.UserRole, s.index)
                self.addItem(item)
            self._key = key
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == current:
                self.setCurrentRow(row)


    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.close_overlay()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.currentItem()
            if item is not None:
                self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
            event.accept()  # Enter belongs to the grid: it is not also "next slide"
            return
        super().keyPressEvent(event)

    def close_overlay(self) -> None:
        """Hide the grid and give the keyboard back to the slides."""
        self.hide()
        if self.parentWidget() is not None:
            self.window().setFocus()


def thumbnail(slide: Slide, theme: Theme, context: RenderContext, size: QSize = THUMB) -> QPixmap:
    """A small picture of the slide, fully revealed, through ``paint_slide``."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    paint_slide(painter, QRectF(0, 0, size.width(), size.height()), slide, theme, -1, context)
    painter.end()
    return QPixmap.fromImage(image)


class GotoField(QLineEdit):
    """Type a slide number (7 or 3.2) and Enter; Esc cancels.

    Signals:
        submitted(str): Enter was pressed with this text; the app answers with ``close_field``
            (the slide exists) or ``mark_error`` (it does not).
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("goto")
        self.setPlaceholderText("Go to slide: 7 or 3.2, Enter")
        self.setMaximumWidth(260)
        self.hide()

    def open(self) -> None:
        """Show the field and take the keyboard (from the audience window too)."""
        self.clear()
        self.setStyleSheet("")
        self.show()
        self.window().raise_()
        self.window().activateWindow()
        self.setFocus()

    def mark_error(self) -> None:
        """The number typed is not a slide: the field stays open, in red."""
        self.setStyleSheet(f"background:{style.color('error_banner')}")

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.close_field()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit(self.text())
            event.accept()  # not passed on to the window, where Enter means "next"
            return
        super().keyPressEvent(event)

    def close_field(self) -> None:
        """Hide the field and give the keyboard back."""
        self.hide()
        if self.parentWidget() is not None:
            self.window().setFocus()
