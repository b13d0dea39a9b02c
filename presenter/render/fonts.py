"""The bundled fonts (``resources/fonts``), registered with Qt once."""

from __future__ import annotations

import functools
import logging

from PySide6.QtGui import QFont, QFontDatabase

from presenter.assets import resource

log = logging.getLogger(__name__)

_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")


@functools.cache
def load_fonts() -> frozenset[str]:
    """Register every bundled font with Qt; returns the families that loaded."""
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


def css_families(families: tuple[str, ...]) -> str:
    """A CSS ``font-family`` list; Qt falls back along it to a family that exists."""
    return ", ".join(f"'{f}'" if " " in f else f for f in families)


def no_ligatures(font: QFont) -> QFont:
    """Turn ligatures off, so that a PDF's text layer spells "fi" and "ff" as letters."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font
