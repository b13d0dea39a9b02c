"""Painting one slide to a PNG file (``presenter show``), through ``paint_slide``."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from presenter.deck.errors import DeckError, PresenterError
from presenter.deck.model import Deck, Slide
from presenter.render.paint import RenderContext, paint_slide
from presenter.render.qtapp import ensure_gui_app
from presenter.render.themes import get_theme

log = logging.getLogger(__name__)


def find_slide(deck: Deck, label: str) -> Slide:
    """The slide called ``label`` (``3`` or ``3.2``); ``3`` in a stack means its first slide.

    Raises:
        DeckError: no such slide.
    """
    m = re.fullmatch(r"\s*(\d+)(?:\.(\d+))?\s*", label)
    if m and deck.slides:
        h, v = int(m.group(1)), int(m.group(2) or 0)
        slide = deck.find(h, v) or (deck.find(h, 1) if v == 0 else None)
        if slide is not None:
            return slide
    count = deck.horizontal_count()
    raise DeckError(f"there is no slide {label!r} (the deck has slides 1 to {count}; use 3 or 3.2)", deck.path)


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` → ``(1920, 1080)``.

    Raises:
        PresenterError: not WIDTHxHEIGHT within 16–10000 pixels.
    """
    m = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not m or not all(16 <= int(v) <= 10000 for v in m.groups()):
        raise PresenterError(f"--size {text!r} should be WIDTHxHEIGHT in pixels, e.g. 1920x1080")
    return int(m.group(1)), int(m.group(2))


def render_image(deck: Deck, slide: Slide, size: tuple[int, int], step: int = -1,
                 context: RenderContext | None = None) -> QImage:
    """The slide painted into a new image of ``size``."""
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    paint_slide(painter, QRectF(0, 0, size[0], size[1]), slide, get_theme(deck.theme), step,
                context or RenderContext(deck))
    painter.end()
    return image


def save_slide_png(deck: Deck, label: str, size_text: str, output: Path, step: int = -1) -> None:
    """Paint slide ``label`` to ``output`` (a PNG file)."""
    ensure_gui_app()
    slide = find_slide(deck, label)
    image = render_image(deck, slide, parse_size(size_text), step)
    if not image.save(str(output), "PNG"):  # type: ignore[call-overload]  # PySide takes str, its stubs say bytes
        raise PresenterError(f"cannot write {output} (is the folder there and writable?)")
