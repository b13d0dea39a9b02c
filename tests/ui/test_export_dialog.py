"""The export dialog offers every layout and print style from the tables, with their help."""

from __future__ import annotations

from pathlib import Path

from presenter.deck import parse_deck
from presenter.render.choices import DEFAULT_PRINT_STYLE, LAYOUTS, PRINT_STYLES
from presenter.ui.export_dialog import ExportDialog


def test_layouts_styles_and_their_help(qtbot, tmp_path: Path) -> None:
    deck = parse_deck("# A\n\nNote: n\n\n---\n\n# B\n", tmp_path / "talk.md")
    dialog = ExportDialog(deck)
    qtbot.addWidget(dialog)
    assert [dialog.layout_box.itemText(i) for i in range(dialog.layout_box.count())] == list(LAYOUTS)
    assert [dialog.style_box.itemText(i) for i in range(dialog.style_box.count())] == list(PRINT_STYLES)
    assert dialog.style_box.currentText() == DEFAULT_PRINT_STYLE == dialog.options().print_style
    dialog.layout_box.setCurrentText("handout-3")
    assert dialog.layout_help.text() == LAYOUTS["handout-3"].help
    assert dialog.output.text().endswith("talk-handout-3.pdf")
    dialog.style_box.setCurrentText("theme")
    assert dialog.style_help.text() == PRINT_STYLES["theme"].help
    options = dialog.options()
    assert (options.layout, options.print_style) == ("handout-3", "theme")
    ok, message = dialog.run_export()
    assert ok and "1 pages" in message and (tmp_path / "talk-handout-3.pdf").is_file()
