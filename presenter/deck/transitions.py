"""reveal.js's transitions as one table (``js/config.js``, ``css/reveal.scss``), and the theme names
from ``resources/themes/themes.yaml`` (no Qt): read by ``presenter check`` and by the audience window.
"""

from __future__ import annotations

import functools
import logging
import re

from presenter.assets import resource
from presenter.deck.model import Deck, Slide
from presenter.deck.yamlload import safe_load

log = logging.getLogger(__name__)

NAMES = ("none", "fade", "slide", "convex", "concave", "zoom")  # what the audience window draws
ALIASES = {"default": "convex", "linear": "slide", "cube": "convex", "page": "slide"}  # legacy names
DIRECTIONAL = frozenset({"slide", "convex", "concave", "zoom"})  # the ones with -in / -out forms
SPEEDS_MS = {"default": 800, "fast": 400, "slow": 1200}
FADE_MS = 500  # fade's own CSS rule wins over the speed rules
FALLBACK = "convex"  # reveal-md's 'default'


def known(name: str) -> bool:
    """Whether ``name`` is a transition reveal.js knows (legacy aliases included)."""
    return name in NAMES or name in ALIASES


def valid_slide_transition(value: str) -> bool:
    """Whether a ``data-transition`` value is a name or an ``X-in Y-out`` pair reveal.js knows."""
    for word in value.split():
        base = re.sub(r"-(in|out)$", "", word)
        if not known(base) or (base != word and base not in DIRECTIONAL | {"fade", "none"}):
            return False
    return bool(value.split())


def transition_for(deck: Deck, slide: Slide, entering: bool = True, mode: str = "deck") -> tuple[str, int]:
    """The transition (name, milliseconds) reveal.js uses to bring ``slide`` in (or take it out).

    ``mode`` is the presenter's choice over the deck's: ``fade`` makes every transition but
    ``none`` a fade, ``none`` turns them all off.
    """
    raw = slide.attributes.get("data-transition") or deck.transition
    name = raw.split()[0] if raw.split() else FALLBACK
    for word in raw.split():  # "fade-in slide-out"
        if word.endswith("-in") and entering:
            name = word[:-3]
        elif word.endswith("-out") and not entering:
            name = word[:-4]
    name = ALIASES.get(name, name)
    if name not in NAMES:
        name = FALLBACK
    if mode == "none":
        return "none", 0
    if mode == "fade" and name != "none":
        name = "fade"
    speed = slide.attributes.get("data-transition-speed") or deck.transition_speed
    ms = FADE_MS if name == "fade" else SPEEDS_MS.get(speed, SPEEDS_MS["default"])
    return name, (0 if name == "none" else ms)


@functools.cache
def theme_names() -> frozenset[str]:
    """The themes presenter draws: the keys of the theme table."""
    table = safe_load(resource("themes", "themes.yaml").read_text(encoding="utf-8"))
    return frozenset(table["themes"])
