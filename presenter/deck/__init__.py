"""Reading reveal-md decks (no Qt): front matter, slides, notes, attributes, markdown."""

from presenter.deck.errors import DeckError
from presenter.deck.loader import load_deck, parse_body, parse_deck
from presenter.deck.model import Background, Deck, LoadNote, Slide

__all__ = ["Background", "Deck", "DeckError", "LoadNote", "Slide", "load_deck", "parse_body", "parse_deck"]
