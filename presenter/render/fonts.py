"""The bundled fonts (``resources/fonts``), registered with Qt once, and fonts chosen as Chromium does.

Chromium picks the first family of a CSS list that is really installed (or given by an
``@font-face``) and never takes fontconfig's look-alike substitutes ("Palatino" → P052); the
generic names end the list. :func:`resolve_families` does the same for Qt, which would otherwise
take the substitutes. Qt's font engines round pixel sizes to whole pixels, while Chromium lays
out 67.2 px headings at 67.2 px, so text is laid out at :data:`TEXT_SCALE` times its size and
drawn scaled back (:func:`layout_font`).
"""

from __future__ import annotations

import functools
import logging
import math
import struct

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetricsF, QImage, QRawFont

from presenter.assets import resource

log = logging.getLogger(__name__)

_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")
TEXT_SCALE = 16  # text is laid out at 16× its size (whole pixels there), then drawn at 1/16
_GENERIC = {"sans-serif": QFont.StyleHint.SansSerif, "serif": QFont.StyleHint.Serif,
            "monospace": QFont.StyleHint.Monospace, "cursive": QFont.StyleHint.Cursive,
            "fantasy": QFont.StyleHint.Fantasy, "system-ui": QFont.StyleHint.SansSerif}


@functools.cache
def system_families() -> frozenset[str]:
    """The families installed on the system (read before the bundled ones are registered)."""
    return frozenset(QFontDatabase.families())


@functools.cache
def load_fonts() -> frozenset[str]:
    """Register every bundled font with Qt; returns the families that loaded."""
    system_families()
    families: set[str] = set()
    for path in sorted(resource("fonts").rglob("*")):
        if path.suffix.lower() not in _SUFFIXES:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return frozenset(families)


def no_ligatures(font: QFont) -> QFont:
    """Turn ligatures off, so that a PDF's text layer spells "fi" and "ff" as letters."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


@functools.cache
def _candidates(web: frozenset[str]) -> dict[str, str]:
    """Lower-case name → Qt family, for the system's families and the bundled ``web`` ones."""
    bundled = load_fonts()
    names = {name.lower(): name for name in system_families()}
    names.update({name.lower(): name for name in bundled
                  if name in web or any(name.startswith(f"{w} ") for w in web)})
    return names


@functools.cache
def _generic_family(name: str) -> str:
    font = QFont()
    font.setFamilies([name])
    font.setStyleHint(_GENERIC[name])
    return QFontInfo(font).family()


@functools.cache
def resolve_families(families: tuple[str, ...], web: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The families of a CSS list that Chromium would use, in order, as Qt family names.

    Candidates are the system's families and the bundled ones named in ``web`` (the theme's web
    fonts). Families that are neither are dropped (no look-alike substitutes); a generic name
    (``sans-serif``…) becomes the system's family for it and ends the list.
    """
    names = _candidates(web)
    out: list[str] = []
    for family in families:
        key = family.strip().strip("'\"").lower()
        if key in _GENERIC:
            out.append(_generic_family(key))
            break
        if key in names:
            out.append(names[key])
    if not out:
        out.append(_generic_family("sans-serif"))
    return tuple(dict.fromkeys(out))


def match_weight(weight: int, available: tuple[int, ...]) -> int:
    """The face CSS font matching picks for ``weight`` among the ``available`` weights."""
    if not available or weight in available:
        return weight
    lighter = sorted((w for w in available if w < weight), reverse=True)
    heavier = sorted(w for w in available if w > weight)
    if 400 <= weight <= 500:
        up_to_500 = [w for w in heavier if w <= 500]
        order = up_to_500 + lighter + [w for w in heavier if w > 500]
    elif weight < 400:
        order = lighter + heavier
    else:
        order = heavier + lighter
    return order[0]


@functools.cache
def layout_font(families: tuple[str, ...], px: float, weight: int, italic: bool, letter_spacing: float = 0.0,
                ligatures: bool = False) -> QFont:
    """The font to lay text out with, at :data:`TEXT_SCALE` × ``px`` (``families`` already resolved).

    A light weight uses the "<family> Light" family where the bundle has one (Ubuntu Light).
    """
    names = list(families)
    if weight <= 350:
        bundled = {n.lower(): n for n in load_fonts()}
        names = [bundled.get(f"{n} light".lower(), n) for n in names]
    font = QFont()
    font.setFamilies(names)
    font.setPixelSize(max(1, round(px * TEXT_SCALE)))
    font.setWeight(QFont.Weight(max(100, min(900, weight))))
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(_kerns(tuple(names), weight, italic))
    if letter_spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, letter_spacing * TEXT_SCALE)
    return font if ligatures else no_ligatures(font)


@functools.cache
def _kerns(families: tuple[str, ...], weight: int, italic: bool) -> bool:
    """Whether HarfBuzz (Chromium) kerns this face: by a GPOS ``kern`` feature, or, only when the
    face has no GPOS table, by a legacy ``kern`` table (Open Sans has an empty GPOS: no kerning)."""
    font = QFont()
    font.setFamilies(list(families))
    font.setPixelSize(64)
    font.setWeight(QFont.Weight(max(100, min(900, weight))))
    font.setItalic(italic)
    raw = QRawFont.fromFont(font)
    gpos = raw.fontTable("GPOS").data()
    if not gpos:
        return bool(raw.fontTable("kern").data())
    try:
        features = struct.unpack(">H", gpos[6:8])[0]
        count = struct.unpack(">H", gpos[features:features + 2])[0]
        tags = {gpos[features + 2 + 6 * i:features + 6 + 6 * i] for i in range(count)}
    except struct.error:
        return True
    return b"kern" in tags


@functools.cache
def _device() -> QImage:
    return QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)  # 96 dpi, as Chromium's CSS px


def layout_device() -> QImage:
    """The paint device text is laid out for (96 dpi: one CSS px is one pixel)."""
    return _device()


@functools.cache
def font_height(families: tuple[str, ...], px: float, weight: int, italic: bool) -> tuple[int, int]:
    """The font's ascent and descent in px, rounded as Blink rounds them (no line gap)."""
    metrics = QFontMetricsF(layout_font(families, px, weight, italic), _device())
    ascent, descent = metrics.ascent() / TEXT_SCALE, metrics.descent() / TEXT_SCALE
    return math.floor(ascent + 0.5), math.floor(descent + 0.5)
