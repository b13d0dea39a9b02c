"""Computed styles: reveal.js's theme CSS, its reset sheet and Chromium's defaults, per element.

Only what a slide needs is computed: the font, colour, line height, alignment, decoration and
text shadows, from the tag (``theme.scss``, ``reset.css``) and the element's ``style`` attribute.
Box properties (width, margins, padding) are read where the block is laid out.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont

from presenter.deck.html_tree import Element
from presenter.render.background import parse_color
from presenter.render.fonts import font_height, layout_font, match_weight

log = logging.getLogger(__name__)

_DECL = re.compile(r"\s*([-a-zA-Z]+)\s*:\s*([^;]+)")
_LENGTH = re.compile(r"^(-?[\d.]+)(px|em|rem|%|pt)?$")
_SIZES = {"xx-small": 9, "x-small": 10, "small": 13, "medium": 16, "large": 18, "x-large": 24, "xx-large": 32}
_WEIGHTS = {"normal": 400, "bold": 700, "lighter": 300, "bolder": 700}


@dataclass(frozen=True)
class Shadow:
    """One CSS text shadow: offset, blur radius (px) and colour."""

    dx: float
    dy: float
    blur: float
    color: QColor


@dataclass(frozen=True)
class Style:
    """The computed style of an element, as far as painting text needs it.

    Attributes:
        families: font families in order of preference; size: font size in px.
        weights: the faces the theme loads for its fonts (CSS font matching picks among them).
        line_height: a factor of the font size, or ``lh_px`` when that is not 0.
        align: text-align; transform: text-transform; pre: white space kept.
        decoration: ``underline`` / ``line-through``; background: an inline background.
        marker: the list marker colour (``li::marker``), or None for the text colour.
        break_words: ``word-wrap: break-word`` (headings).
    """

    families: tuple[str, ...]
    size: float
    color: QColor
    weight: int = 400
    italic: bool = False
    weights: tuple[int, ...] = ()
    line_height: float = 1.3
    lh_px: float = 0.0
    align: str = "center"
    transform: str = "none"
    letter_spacing: float = 0.0
    decoration: tuple[str, ...] = ()
    shadows: tuple[Shadow, ...] = ()
    background: QColor | None = None
    radius: float = 0.0
    vertical: str = "baseline"
    pre: bool = False
    break_words: bool = False
    marker: QColor | None = None
    alpha: float = 1.0

    @property
    def line_px(self) -> float:
        """The computed line height in px (Blink keeps it in 1/64 px)."""
        value = self.lh_px or self.line_height * self.size
        return round(value * 64) / 64

    @property
    def face_weight(self) -> int:
        """The weight of the face that draws this text."""
        return match_weight(self.weight, self.weights)

    def height(self) -> tuple[int, int]:
        """Ascent and descent of the font, in whole px."""
        return font_height(self.families, self.size, self.face_weight, self.italic)

    def font(self) -> QFont:
        """The QFont to lay this text out with (at TEXT_SCALE); bold is synthesised as Blink does."""
        weight = self.face_weight
        if self.weight >= 600 > weight:
            weight = self.weight
        return layout_font(self.families, self.size, weight, self.italic, self.letter_spacing)

    def paint(self, color: QColor | None = None) -> QColor:
        """``color`` (the text colour by default) with the fragment opacity applied."""
        out = QColor(color if color is not None else self.color)
        out.setAlphaF(out.alphaF() * self.alpha)
        return out

    def with_(self, **changes: object) -> Style:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def declarations(style: str) -> dict[str, str]:
    """``"a: b; c: d"`` → ``{"a": "b", "c": "d"}`` (names lower-case, ``!important`` dropped)."""
    out: dict[str, str] = {}
    for part in style.split(";")[:64]:
        m = _DECL.match(part)
        if m:
            out[m.group(1).lower()] = m.group(2).replace("!important", "").strip()
    return out


def length(value: str, em: float, whole: float | None = None) -> float | None:
    """A CSS length in px (``px``, ``em``, ``rem``, ``pt``, ``%`` of ``whole``), or None."""
    m = _LENGTH.match(value.strip().lower())
    if not m:
        return None
    number, unit = float(m.group(1)), m.group(2) or "px"
    if unit == "%":
        return None if whole is None else whole * number / 100
    return number * {"px": 1.0, "em": em, "rem": 16.0, "pt": 4 / 3}[unit]


@functools.cache
def parse_shadows(text: str) -> tuple[Shadow, ...]:
    """A CSS ``text-shadow`` list (``none`` or ``dx dy [blur] colour, …``)."""
    if not text or text.strip() == "none":
        return ()
    shadows: list[Shadow] = []
    for part in re.split(r",(?![^(]*\))", text):
        color = QColor(0, 0, 0)
        numbers: list[float] = []
        for token in re.findall(r"rgba?\([^)]*\)|#[0-9a-fA-F]+|[-\d.]+(?:px)?|[a-zA-Z]+", part):
            if re.fullmatch(r"[-\d.]+(?:px)?", token):
                numbers.append(float(token.removesuffix("px")))
            else:
                color = parse_color(token) or color
        if len(numbers) >= 2:
            shadows.append(Shadow(numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 0.0, color))
    return tuple(shadows)


def apply_declarations(style: Style, decl: dict[str, str], parent_size: float) -> Style:
    """The style after an element's own ``style`` attribute."""
    s = style
    if "font-size" in decl:
        value = decl["font-size"].lower()
        size = _SIZES.get(value) or length(value, parent_size, parent_size)
        if value in ("smaller", "larger"):
            size = parent_size / 1.2 if value == "smaller" else parent_size * 1.2
        if size is not None and 0 < size < 2000:
            s = s.with_(size=size)
    for key in ("color",):
        if key in decl and (c := parse_color(decl[key])) is not None:
            s = s.with_(color=c)
    if "font-weight" in decl:
        w = _WEIGHTS.get(decl["font-weight"].lower())
        if w is None and decl["font-weight"].isdigit():
            w = int(decl["font-weight"])
        if w:
            s = s.with_(weight=w)
    if "font-style" in decl:
        s = s.with_(italic=decl["font-style"].lower() in ("italic", "oblique"))
    if "font-family" in decl:
        s = s.with_(families=tuple(f.strip().strip("'\"") for f in decl["font-family"].split(",")), weights=())
    if decl.get("text-align", "").lower() in ("left", "right", "center", "justify"):
        s = s.with_(align=decl["text-align"].lower())
    if decl.get("text-transform", "").lower() in ("none", "uppercase", "lowercase", "capitalize"):
        s = s.with_(transform=decl["text-transform"].lower())
    if "line-height" in decl:
        s = _line_height(s, decl["line-height"])
    if "letter-spacing" in decl:
        s = s.with_(letter_spacing=length(decl["letter-spacing"], s.size) or 0.0)
    if "text-shadow" in decl:
        s = s.with_(shadows=parse_shadows(decl["text-shadow"]))
    if "text-decoration" in decl:
        s = s.with_(decoration=tuple(d for d in ("underline", "line-through") if d in decl["text-decoration"]))
    return s


def _line_height(s: Style, value: str) -> Style:
    value = value.strip().lower()
    if value == "normal":
        return s.with_(line_height=1.2, lh_px=0.0)
    try:
        return s.with_(line_height=float(value), lh_px=0.0)
    except ValueError:
        px = length(value, s.size, s.size)
        return s.with_(lh_px=px) if px else s


def element_display(el: Element) -> str:
    """The ``display`` an element's ``style`` attribute asks for (``""`` when it says none)."""
    return declarations(el.attrs.get("style", "")).get("display", "").lower()
