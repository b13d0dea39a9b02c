"""The theme table: all reveal.js themes, complete, with the spec's values."""

from __future__ import annotations

from dataclasses import fields

import pytest

from presenter.deck.transitions import theme_names
from presenter.render.themes import Theme, all_themes, get_theme

OPTIONAL = {"gradient", "text_on_light", "text_on_dark", "strong", "em", "code", "list_marker", "web_fonts",
            "heading_shadow", "heading1_shadow", "paragraph_weight", "paragraph_shadow", "inline_code_background"}


REVEAL_5_1_THEMES = {  # dist/theme/*.css of reveal.js 5.1.0 (deck-format.md §14)
    "black", "white", "league", "beige", "night", "serif", "simple", "solarized", "moon", "dracula", "sky", "blood",
    "black-contrast", "white-contrast", "white_contrast_compact_verbatim_headers"}


def test_every_reveal_theme_is_in_the_table() -> None:
    assert set(all_themes()) == set(theme_names()) == REVEAL_5_1_THEMES


@pytest.mark.parametrize("name", sorted(theme_names()))
def test_theme_is_complete(name: str) -> None:
    theme = all_themes()[name]
    for f in fields(Theme):
        value = getattr(theme, f.name)
        assert f.name in OPTIONAL or value not in (None, "", ()), (name, f.name)
    assert len(theme.heading_sizes) == 4


def test_night_matches_reveal_md() -> None:
    night = get_theme("night")
    assert (night.background, night.text, night.link) == ("#111111", "#eeeeee", "#e7ad52")
    assert night.heading_font[0] == "Montserrat" and night.body_font[0] == "Open Sans"
    assert night.heading_transform == "none" and night.heading_letter_spacing == -0.03


def test_unknown_theme_falls_back_to_black(caplog: pytest.LogCaptureFixture) -> None:
    assert get_theme("neon").name == "black"
    assert "unknown theme 'neon'" in caplog.text


def test_theme_extras_follow_the_theme_sources() -> None:
    themes = all_themes()
    assert themes["league"].heading_shadow == "0px 0px 6px rgba(0,0,0,0.2)"
    for name in ("league", "beige", "blood"):
        assert themes[name].heading1_shadow and themes[name].heading1_shadow.startswith("0 1px 0 #ccc")
    blood = themes["blood"]
    assert (blood.paragraph_weight, blood.paragraph_shadow, blood.inline_code_background) == (300, "1px 1px #222",
                                                                                             "#23241f")
    assert blood.web_weights("Ubuntu") == (300, 700)
    assert themes["night"].web_weights("Montserrat") == (700,)
    assert themes["serif"].web_fonts == () and themes["dracula"].web_fonts == ()
    assert all(t.code_font[-1] == "monospace" for t in themes.values())
