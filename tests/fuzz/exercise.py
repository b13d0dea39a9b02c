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
