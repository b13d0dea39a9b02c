"""reveal.js themes as data (``resources/themes/themes.yaml``)."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, fields
from typing import Any

from presenter.assets import resource
from presenter.deck.yamlload import safe_load

log = logging.getLogger(__name__)

DEFAULT_THEME = "black"


@dataclass(frozen=True)
class Theme:
    """One theme's palette and typography (``deck-format.md`` §14).

    Attributes:
        name: the reveal.js theme name.
        background: the page background colour.
        gradient: ``(centre, edge)`` of a radial gradient, or ``None``.
        text, heading, link, link_hover: colours.
        body_font, heading_font, code_font: font families in order of preference.
        heading_weight, heading_transform, heading_letter_spacing: heading typography.
        base: the body font size in px; heading_sizes: h1..h4 in em.
        text_on_light, text_on_dark: text colour over a contrasting slide background.
        strong, em, code, list_marker: extra colours (dracula), or ``None``.
        code_font: the code font list (reveal.js: ``monospace``).
        web_fonts: the bundled families the theme loads as web fonts, with the weights it loads
            (other families come from the system, as in a browser).
        heading_shadow, heading1_shadow: CSS ``text-shadow`` of headings and of ``h1``.
        paragraph_weight, paragraph_shadow: blood's ``p`` rule (weight 300, a 1px shadow).
        inline_code_background: blood's ``p code`` background.
    """

    name: str
    background: str
    gradient: tuple[str, str] | None
    text: str
    heading: str
    link: str
    link_hover: str
    body_font: tuple[str, ...]
    heading_font: tuple[str, ...]
    heading_weight: str
    heading_transform: str
    heading_letter_spacing: float
    base: int
    heading_sizes: tuple[float, ...]
    text_on_light: str | None
    text_on_dark: str | None
    strong: str | None
    em: str | None
    code: str | None
    list_marker: str | None
    code_font: tuple[str, ...]
    web_fonts: tuple[tuple[str, tuple[int, ...]], ...]
    heading_shadow: str | None
    heading1_shadow: str | None
    paragraph_weight: int | None
    paragraph_shadow: str | None
    inline_code_background: str | None

    @property
    def web_families(self) -> frozenset[str]:
        """The families of :attr:`web_fonts`."""
        return frozenset(name for name, _ in self.web_fonts)

    def web_weights(self, family: str) -> tuple[int, ...]:
        """The weights the theme loads for ``family`` (``()``: a system font, every weight)."""
        return next((weights for name, weights in self.web_fonts if name.lower() == family.lower()), ())

    def heading_px(self, level: int) -> float:
        """The font size of heading ``level`` (1–6) in px; h5 and h6 are the body size."""
        sizes = self.heading_sizes
        return self.base * (sizes[level - 1] if level <= len(sizes) else 1.0)


def _build(name: str, data: dict[str, Any]) -> Theme:
    values: dict[str, Any] = {"name": name}
    for f in fields(Theme):
        if f.name == "name":
            continue
        value = data[f.name]
        if isinstance(value, list):
            value = tuple(value)
        if f.name == "web_fonts":
            value = tuple((str(name), tuple(int(w) for w in weights)) for name, weights in (value or {}).items())
        if f.name == "heading_weight":
            value = str(value)
        values[f.name] = value
    return Theme(**values)


@functools.cache
def all_themes() -> dict[str, Theme]:
    """Every theme in the table, by name."""
    table = safe_load(resource("themes", "themes.yaml").read_text(encoding="utf-8"))
    return {name: _build(name, data) for name, data in table["themes"].items()}


def get_theme(name: str) -> Theme:
    """The theme called ``name``; an unknown name is logged and gives the default (black)."""
    themes = all_themes()
    if name not in themes:
        log.warning("unknown theme %r; using %r", name, DEFAULT_THEME)
        return themes[DEFAULT_THEME]
    return themes[name]
