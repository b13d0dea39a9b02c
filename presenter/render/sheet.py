"""reveal.js's element rules for one theme: the style of each element from its parent's.

The rules are those of ``css/theme/template/theme.scss`` over reveal-md's ``reset.css`` (which
sets ``font: inherit`` on nearly everything, so ``<i>``, ``<cite>`` and ``<kbd>`` are not italic
or monospace on a reveal slide) and Chromium's defaults for what the reset leaves alone.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor

from presenter.deck.html_tree import Element
from presenter.render.css import Style, apply_declarations, declarations, parse_shadows
from presenter.render.fonts import resolve_families
from presenter.render.themes import Theme

log = logging.getLogger(__name__)

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MARK = QColor("#ffff00")
_WEIGHT_NAMES = {"normal": 400, "bold": 700}
_HIGHLIGHT = {"red": "#ff2c2d", "green": "#17ff2e", "blue": "#1b91ff"}


def fragment_style(s: Style, classes: list[str], revealed: bool, current: bool) -> Style:
    """A fragment's style at a step (reveal.scss: its opacity, highlight colour or strike)."""
    if "fade-out" in classes:
        return s.with_(alpha=s.alpha * (0.0 if revealed else 1.0))
    if "semi-fade-out" in classes:
        return s.with_(alpha=s.alpha * (0.5 if revealed else 1.0))
    if "current-visible" in classes or "fade-in-then-out" in classes:
        return s.with_(alpha=s.alpha * (1.0 if current else 0.0))
    if "fade-in-then-semi-out" in classes:
        return s.with_(alpha=s.alpha * ((1.0 if current else 0.5) if revealed else 0.0))
    if any(c.startswith("highlight-") for c in classes):
        for name, value in _HIGHLIGHT.items():
            if (f"highlight-{name}" in classes and revealed) or (f"highlight-current-{name}" in classes and current):
                return s.with_(color=QColor(value))
        return s
    s = s.with_(alpha=s.alpha * (1.0 if revealed else 0.0))
    return s.with_(decoration=(*s.decoration, "line-through")) if "strike" in classes and revealed else s


def css_weight(value: str) -> int:
    """``normal`` → 400, ``bold`` → 700, ``600`` → 600."""
    return _WEIGHT_NAMES.get(value, int(value) if value.isdigit() else 400)


class StyleSheet:
    """The element rules of ``theme`` on one slide.

    Args:
        theme: the theme.
        text: the text colour (the theme's, or its contrast colour over the slide background).
        heading: the heading colour.
        contrast: whether the slide background switched the colours (has-dark/light-background):
            text shadows of headings and paragraphs are then dropped where reveal.js drops them.
    """

    def __init__(self, theme: Theme, text: str, heading: str, contrast: bool = False):
        self.theme = theme
        self.text = QColor(text)
        self.heading = QColor(heading)
        self.contrast = contrast

    def fonts(self, families: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The families and the loaded weights of a CSS font list, resolved as Chromium would."""
        resolved = resolve_families(families, self.theme.web_families)
        return resolved, self.theme.web_weights(resolved[0])

    def root(self) -> Style:
        """The slide section's style."""
        t = self.theme
        families, weights = self.fonts(t.body_font)
        return Style(families=families, size=float(t.base), color=self.text, weights=weights, line_height=1.3)

    def child(self, parent: Style, el: Element) -> Style:
        """The style of ``el`` inside an element styled ``parent``."""
        tag = el.tag
        rule = getattr(self, f"_tag_{tag}", None)
        s = rule(parent, el) if rule is not None else parent
        if tag in _HEADINGS:
            s = self._heading(parent, int(tag[1]))
        style = el.attrs.get("style")
        if style:
            decl = declarations(style)
            s = apply_declarations(s, decl, parent.size)
            if "font-family" in decl:
                families, weights = self.fonts(s.families)
                s = s.with_(families=families, weights=weights)
        align = el.attrs.get("align", "").lower()
        if align in ("left", "right", "center", "justify"):
            s = s.with_(align=align)
        return s

    # -- headings and paragraphs -------------------------------------------------------------
    def _heading(self, parent: Style, level: int) -> Style:
        t = self.theme
        size = parent.size * (t.heading_sizes[level - 1] if level <= len(t.heading_sizes) else 1.0)
        shadow = t.heading1_shadow if level == 1 else t.heading_shadow
        color = self.heading if parent.color == self.text else parent.color
        families, weights = self.fonts(t.heading_font)
        return Style(families=families, size=size, color=color, weight=css_weight(t.heading_weight), weights=weights,
                     line_height=1.2, align=parent.align, alpha=parent.alpha,
                     transform=t.heading_transform, letter_spacing=t.heading_letter_spacing * size,
                     shadows=() if self.contrast else parse_shadows(shadow or ""), break_words=True)

    def _tag_p(self, parent: Style, el: Element) -> Style:
        t = self.theme
        s = parent.with_(line_height=1.3, lh_px=0.0)
        if t.paragraph_weight:
            s = s.with_(weight=t.paragraph_weight)
        if t.paragraph_shadow and not self.contrast:
            s = s.with_(shadows=parse_shadows(t.paragraph_shadow))
        return s

    # -- inline ------------------------------------------------------------------------------
    def _tag_strong(self, parent: Style, el: Element) -> Style:
        s = parent.with_(weight=700 if parent.weight <= 500 else 900)
        return s.with_(color=QColor(self.theme.strong)) if self.theme.strong else s

    _tag_b = _tag_strong

    def _tag_em(self, parent: Style, el: Element) -> Style:
        s = parent.with_(italic=True)
        return s.with_(color=QColor(self.theme.em)) if self.theme.em else s

    def _tag_i(self, parent: Style, el: Element) -> Style:
        return parent.with_(color=QColor(self.theme.em)) if self.theme.em else parent

    _tag_q = _tag_em

    def _tag_code(self, parent: Style, el: Element) -> Style:
        t = self.theme
        families, weights = self.fonts(t.code_font)
        s = parent.with_(transform="none", letter_spacing=0.0, families=families, weights=weights)
        if t.code:
            s = s.with_(color=QColor(t.code))
        if t.inline_code_background and parent.families != families:
            s = s.with_(background=QColor(t.inline_code_background), radius=7.0)
        return s

    def _tag_pre(self, parent: Style, el: Element) -> Style:
        size = parent.size * 0.55
        families, weights = self.fonts(self.theme.code_font)
        return parent.with_(size=size, lh_px=1.2 * size, align="left", pre=True, transform="none",
                            letter_spacing=0.0, shadows=(), families=families, weights=weights)

    def _tag_a(self, parent: Style, el: Element) -> Style:
        return parent.with_(color=QColor(self.theme.link))

    def _tag_small(self, parent: Style, el: Element) -> Style:
        size = parent.size * 0.6
        return parent.with_(size=size, lh_px=1.2 * size, vertical="top")  # an inline-block, top-aligned

    def _tag_sup(self, parent: Style, el: Element) -> Style:
        return parent.with_(size=parent.size / 1.2, vertical="super")

    def _tag_sub(self, parent: Style, el: Element) -> Style:
        return parent.with_(size=parent.size / 1.2, vertical="sub")

    def _tag_s(self, parent: Style, el: Element) -> Style:
        return parent.with_(decoration=(*parent.decoration, "line-through"))

    _tag_del = _tag_s
    _tag_strike = _tag_s

    def _tag_u(self, parent: Style, el: Element) -> Style:
        return parent.with_(decoration=(*parent.decoration, "underline"))

    _tag_ins = _tag_u

    def _tag_mark(self, parent: Style, el: Element) -> Style:
        return parent.with_(background=_MARK, color=QColor("#000000"))

    # -- blocks ------------------------------------------------------------------------------
    def _tag_blockquote(self, parent: Style, el: Element) -> Style:
        s = parent.with_(italic=True)
        return s.with_(color=QColor(self.theme.em)) if self.theme.em else s

    def _tag_ul(self, parent: Style, el: Element) -> Style:
        marker = QColor(self.theme.list_marker) if self.theme.list_marker else None
        return parent.with_(align="left", marker=marker)

    _tag_ol = _tag_ul

    def _tag_th(self, parent: Style, el: Element) -> Style:
        return parent.with_(weight=700, align="left")

    def _tag_td(self, parent: Style, el: Element) -> Style:
        return parent.with_(align="left")
