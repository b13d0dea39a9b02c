"""Run one generated deck through everything the Qt-free side does with a deck file."""

from __future__ import annotations

import json
from pathlib import Path

from presenter.deck import DeckError, load_deck
from presenter.deck.check import check_deck, format_text
from presenter.deck.pacing import budgets


def load_and_check(text: str, folder: Path) -> str:
    """Write ``text`` as a deck in ``folder``, load it, check it, render every slide's notes.

    Returns ``"ok"`` or ``"refused"`` (a ``DeckError`` with a message); anything else raises.
    """
    path = folder / "deck.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        deck = load_deck(path)
    except DeckError as exc:
        assert exc.reason and str(path) in str(exc)
        return "refused"
    report = check_deck(deck)
    json.dumps(report.to_json())
    format_text(report)
    for slide in deck.slides:
        assert isinstance(slide.notes_html, str) and isinstance(slide.notes_text, str)
    assert len(budgets(deck)) == len(deck.slides)
    assert deck.size[0] > 0 and deck.size[1] > 0
    return "ok"


MAX_PAINTED = 12  # slides painted per deck (a generated deck can have thousands)


def paint_and_export(text: str, folder: Path) -> tuple[str, int]:
    """Load ``text`` as a deck, paint its slides (first and last step) and export the notes PDF.

    Returns (``"ok"`` or ``"refused"``, how many slides could not be painted and were drawn as
    their background instead). Anything that escapes raises: that is a crash.
    """
    from presenter.render.handout import ExportError, ExportOptions, export_pdf
    from presenter.render.paint import RenderContext
    from presenter.render.qtapp import ensure_gui_app
    from presenter.render.snapshot import render_image

    ensure_gui_app()
    path = folder / "deck.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        deck = load_deck(path)
    except DeckError:
        return "refused", 0
    context = RenderContext(deck)
    for slide in deck.slides[:MAX_PAINTED]:
        for step in (0, -1):
            image = render_image(deck, slide, (192, 108), step, context)
            assert not image.isNull()
    failed = len(context.paint_errors)
    try:
        pages = export_pdf(deck, folder / "notes.pdf", ExportOptions(slides=f"1-{min(len(deck.slides), 6)}"))
    except ExportError as exc:  # nothing to export (all hidden…): a message, not a crash
        assert str(exc)
        return "ok", failed
    assert pages >= 1 and (folder / "notes.pdf").stat().st_size > 0
    return "ok", failed
