"""Reading reveal-md decks (no Qt): front matter, slides, notes, attributes, markdown.

The names below are loaded on first use, so that ``presenter.deck.errors`` (or the model alone)
can be imported without the markdown parser: the command line and the start of a talk do that.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presenter.deck.errors import DeckError
    from presenter.deck.loader import load_deck, parse_body, parse_deck
    from presenter.deck.model import Background, Deck, LoadNote, Slide

__all__ = ["Background", "Deck", "DeckError", "LoadNote", "Slide", "load_deck", "parse_body", "parse_deck"]
_WHERE = {"DeckError": "errors", "load_deck": "loader", "parse_body": "loader", "parse_deck": "loader",
          "Background": "model", "Deck": "model", "LoadNote": "model", "Slide": "model"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"presenter.deck.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'presenter.deck' has no attribute {name!r}")
