"""Reading a reveal-md deck file into a ``Deck`` (no Qt).

The pipeline follows reveal-md 6.1.4 and the reveal.js 5.1.0 markdown plugin step by step
(``deck-format.md`` §0–§7), with presenter's deliberate differences (D1–D5); the parse itself is
``presenter.deck.parser``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from presenter.deck.errors import DeckError
from presenter.deck.frontmatter import split_front_matter
from presenter.deck.model import Deck, frozen
from presenter.deck.parser import DeckParser
from presenter.deck.reading import read_deck_text

log = logging.getLogger(__name__)


def load_deck(path: Path | str, overrides: Mapping[str, Any] | None = None) -> Deck:
    """Read and parse the deck file at ``path``.

    Args:
        path: the deck file.
        overrides: options given on the command line; they win over the front matter,
            except ``revealOptions``, where the front matter wins (as in reveal-md).

    Raises:
        DeckError: the file cannot be read or is not a deck; the message names the file.
    """
    path = Path(path)
    text = read_deck_text(path)
    try:
        return parse_deck(text, path, overrides)
    except DeckError as exc:
        raise exc.located(path) from None


def parse_deck(text: str, path: Path | str = "", overrides: Mapping[str, Any] | None = None) -> Deck:
    """Parse deck text (front matter and body) into a ``Deck``."""
    path = Path(path)
    text = text.removeprefix("\ufeff")
    front = split_front_matter(text)
    overrides = dict(overrides or {})
    options = {**front.options, **{k: v for k, v in overrides.items() if k != "revealOptions"}}
    reveal = {**_mapping(overrides.get("revealOptions")), **_mapping(front.options.get("revealOptions"))}
    options["revealOptions"] = reveal
    line_base = text[: front.body_offset].count("\n")
    folder = (path.parent if str(path) else Path()).resolve()
    slides, notes = DeckParser(options, reveal, folder).parse(front.body, line_base)
    title = str(options.get("title") or next((s.title for s in slides if s.title), "") or path.stem)
    return Deck(path=path, folder=folder, title=title,
                theme=str(options.get("theme") or "black"), options=frozen(options),
                reveal_options=frozen(reveal), slides=tuple(slides), notes=tuple(notes))


def parse_body(body: str, options: Mapping[str, Any] | None = None) -> Deck:
    """Parse markdown as the reveal.js plugin sees it (no front matter); for the plugin layer."""
    options = dict(options or {})
    reveal = {"markdown": options.get("markdown", {})}
    slides, notes = DeckParser(options, reveal, wrap=False).parse(body, 0)
    return Deck(options=frozen(options), reveal_options=frozen(reveal), slides=tuple(slides), notes=tuple(notes))


def _mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}
