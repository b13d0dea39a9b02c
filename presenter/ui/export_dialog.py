"""The export dialog: layout, print style, page, range; a progress bar while the PDF is written.

The layouts and print styles and their help come from the tables in ``presenter.render.choices``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from presenter.deck.model import Deck
from presenter.render.choices import DEFAULT_LAYOUT, DEFAULT_PRINT_STYLE, LAYOUTS, PRINT_STYLES
from presenter.render.handout import ExportError, ExportOptions, export_pdf

log = logging.getLogger(__name__)


def choose_file(parent: QWidget, start: str) -> str:
    """Ask where to save (replaceable in tests)."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export handout", start, "PDF files (*.pdf)")
    return path


def _choices(table: Mapping[str, Any], default: str) -> QComboBox:
    """A combo box of a table's names, each with its help as a tooltip, ``default`` chosen."""
    box = QComboBox()
    for i, (name, row) in enumerate(table.items()):
        box.addItem(name)
        box.setItemData(i, row.help, Qt.ItemDataRole.ToolTipRole)
    box.setCurrentText(default)
    return box


class ExportDialog(QDialog):
    """Options for ``export_pdf``, with a sensible default file name beside the deck.

    Args:
        deck: the deck to export.
        extra_html: pages to append (the questions log), if any.
    """

    def __init__(self, deck: Deck, parent: QWidget | None = None, extra_html: Callable[[], str] | None = None):
        super().__init__(parent)
        self.deck = deck
        self.extra_html = extra_html
        self.choose_file = choose_file
        self.setWindowTitle("Export handout")
        self.setMinimumWidth(560)
        self.layout_box = _choices(LAYOUTS, DEFAULT_LAYOUT)
        self.style_box = _choices(PRINT_STYLES, DEFAULT_PRINT_STYLE)
        self.layout_help, self.style_help = QLabel(), QLabel()
        for box, label, table in ((self.layout_box, self.layout_help, LAYOUTS),
                                  (self.style_box, self.style_help, PRINT_STYLES)):
            label.setWordWrap(True)
            label.setText(table[box.currentText()].help)
            box.currentTextChanged.connect(lambda name, label=label, table=table: label.setText(table[name].help))
        self.page_box = QComboBox()
        self.page_box.addItems(["A4", "Letter"])
        self.landscape = QCheckBox("Landscape")
        self.without_notes = QCheckBox("Include slides without notes")
        self.without_notes.setChecked(True)
        self.with_questions = QCheckBox("Append the questions log")
        self.with_questions.setVisible(extra_html is not None)
        self.range = QLineEdit()
        self.range.setPlaceholderText("all slides (or e.g. 3-7)")
        stem = deck.path.stem or "deck"
        self.output = QLineEdit(str(deck.folder / f"{stem}-{DEFAULT_LAYOUT}.pdf"))
        self.layout_box.currentTextChanged.connect(
            lambda name: self.output.setText(str(Path(self.output.text()).with_name(f"{stem}-{name}.pdf"))))
        self._lay_out()

    def _lay_out(self) -> None:
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.output, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Layout", self.layout_box)
        form.addRow("", self.layout_help)
        form.addRow("Print style", self.style_box)
        form.addRow("", self.style_help)
        form.addRow("Page", self.page_box)
        form.addRow("", self.landscape)
        form.addRow("Slides", self.range)
        form.addRow("", self.without_notes)
        form.addRow("", self.with_questions)
        form.addRow("File", row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path = self.choose_file(self, self.output.text())
        if path:
            self.output.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def options(self) -> ExportOptions:
        """The options as chosen."""
        extra = self.extra_html() if self.extra_html is not None and self.with_questions.isChecked() else ""
        return ExportOptions(layout=self.layout_box.currentText(), page=self.page_box.currentText(),
                             landscape=self.landscape.isChecked(), slides=self.range.text(),
                             include_without_notes=self.without_notes.isChecked(), extra_html=extra,
                             print_style=self.style_box.currentText())

    def run_export(self) -> tuple[bool, str]:
        """Write the PDF with a progress dialog; returns (success, message for the banner)."""
        output = Path(self.output.text()).expanduser()
        progress = QProgressDialog("Writing the PDF…", "Cancel", 0, 100, self.parentWidget())
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            pages = export_pdf(self.deck, output, self.options(), step)
        except ExportError as exc:
            return False, f"Export failed: {exc}"
        except OSError as exc:
            return False, f"Export failed: cannot write {output}: {exc.strerror or exc}"
        finally:
            progress.close()
        return True, f"Wrote {output} ({pages} pages)."
