"""``paint_slide``: the one function that draws a slide, into any rectangle of any paint device.

The audience window, the presenter's previews and thumbnails, PNG snapshots and the PDF
handouts all call it. It lays out like reveal.js (``deck-format.md`` §13): the page and slide
backgrounds fill the whole rectangle, and the logical slide (960×700 unless the deck says
otherwise) is scaled into it less a 4 % margin, clamped to 0.2–2.0, centred, with its content
centred vertically (content taller than the slide starts at its top and runs on below, as in
reveal.js, where only the window's edge clips it).

Painting never raises: a slide that cannot be painted (a broken size, a layout or image error)
is painted as the theme's background, the error is logged once and kept in
:attr:`RenderContext.paint_errors` for the presenter window to show.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from presenter.deck.fragments import slide_steps
from presenter.deck.html_tree import parse
from presenter.deck.model import Deck, Slide
from presenter.render.background import background_color, is_dark, paint_background, paint_page
from presenter.render.code import code_theme
from presenter.render.display import Box, paint_box
from presenter.render.fonts import load_fonts
from presenter.render.images import ImageCache
from presenter.render.lru import BoundedCache
from presenter.render.sheet import StyleSheet
from presenter.render.slidehtml import SlideLayout
from presenter.render.themes import Theme, get_theme

log = logging.getLogger(__name__)

MARGIN = 0.04
MIN_SCALE, MAX_SCALE = 0.2, 2.0
MAX_SIZE = 20000  # a logical slide side beyond this cannot be laid out


class RenderContext:
    """What painting a deck's slides needs besides the slide: its folder, size and caches.

    Args:
        deck: the deck whose slides are painted (its folder resolves images).
        images: an image cache to share between windows (a new one when omitted).
        max_documents: how many laid-out slides (slide × step) to keep.

    Attributes:
        paint_errors: slide index → why that slide could not be painted (it was painted as the
            theme background instead); an entry goes when the slide paints again, and all of them
            when the deck is replaced. The presenter window shows them; the audience never does.
    """

    def __init__(self, deck: Deck | None = None, images: ImageCache | None = None, max_documents: int = 24):
        load_fonts()
        self.deck = deck or Deck.empty()
        self.images = images or ImageCache()
        self.max_documents = max_documents
        self.paint_errors: dict[int, str] = {}
        self._layouts: BoundedCache[tuple[object, ...], tuple[Box, float]] = BoundedCache(max_documents)

    @property
    def size(self) -> tuple[int, int]:
        """The logical slide size."""
        return self.deck.size

    def set_deck(self, deck: Deck) -> None:
        """Switch to a (re)loaded deck; laid-out slides and errors are dropped, decoded images kept."""
        self.deck = deck
        self._layouts.clear()
        self.paint_errors.clear()

    def image_path(self, url: str) -> Path | None:
        """The local file behind ``url`` if it exists (a name the system refuses does not)."""
        try:
            path = self.deck.resolve(url)
            return path if path is not None and path.is_file() else None
        except (OSError, ValueError):
            return None

    def image_info(self, url: str) -> tuple[Path, int, int] | None:
        """The file and natural size of the image at ``url``, or None (missing or unreadable)."""
        path = self.image_path(url)
        size = self.images.size(path) if path is not None else None
        if path is None or size is None:
            log.info("image %s is missing or unreadable", url[:200])
            return None
        return path, size.width(), size.height()

    def layout(self, slide: Slide, theme: Theme, step: int) -> tuple[Box, float]:
        """The slide laid out at the logical size (cached), and where its content starts."""
        text, heading, contrast = text_colors(slide, theme)
        highlight = str(self.deck.options.get("highlightTheme") or "")
        key = (slide.html, theme.name, step, text, self.size, highlight, bool(slide.notes_markdown))
        found = self._layouts.get(key)
        if found is not None:
            return found
        section = next(iter(parse(slide.html).elements()), None) or parse("")
        steps = slide_steps(section)
        sheet = StyleSheet(theme, text, heading, contrast)
        layout = SlideLayout(section, sheet, steps, step, self.image_info, self.size[0], code_theme(highlight or None),
                             trailing=bool(slide.notes_markdown), height=self.size[1])
        box = layout.build()
        centre = self.deck.reveal_options.get("center", True) not in (False, "false") or \
            "center" in section.attrs.get("class", "").split()
        top = centred_top(self.size[1], box.height + box.overflow) if centre else 0.0
        return self._layouts.put(key, (box, top))

    def record(self, slide: Slide, error: Exception) -> None:
        """Note that ``slide`` could not be painted (logged once per slide and message)."""
        message = f"slide {slide.label} cannot be shown: {type(error).__name__}: {error}"[:500]
        if self.paint_errors.get(slide.index) != message:
            log.error("%s", message)
            log.debug("the error behind it", exc_info=error)  # the traceback with -v
        self.paint_errors[slide.index] = message

    def scaled_image(self, path: Path, width: int, height: int) -> QImage | None:
        """An image decoded at a drawn size (the display list's image lookup)."""
        return self.images.image(path, width, height)


def centred_top(height: int, content: float) -> float:
    """reveal.js's ``top = max((height - scrollHeight) / 2, 0)``, as its layout settles.

    Chromium snaps ``scrollHeight`` to whole pixels from where the section stands, and reveal.js
    lays out again once the section has moved: three rounds settle it.
    """
    top = 0.0
    for _ in range(3):
        scroll = math.floor(top + content + 0.5) - math.floor(top + 0.5)
        top = max((height - scroll) / 2, 0.0)
    return top


def text_colors(slide: Slide, theme: Theme) -> tuple[str, str, bool]:
    """The text and heading colours (reveal.js's contrast rule), and whether the background is light."""
    color = background_color(slide.background)
    if color is not None:
        light = not is_dark(color)
        contrast = theme.text_on_light if light else theme.text_on_dark
        if contrast:
            return contrast, contrast, light
        return theme.text, theme.heading, light
    return theme.text, theme.heading, False


def slide_box(rect: QRectF, size: tuple[int, int]) -> tuple[QRectF, float]:
    """Where the logical slide goes inside ``rect``, and its scale (reveal.js ``layout``).

    Raises:
        ValueError: a slide side is not between 1 and :data:`MAX_SIZE` px.
    """
    width, height = size
    if not (0 < width <= MAX_SIZE and 0 < height <= MAX_SIZE):
        raise ValueError(f"the slide size {width}×{height} cannot be laid out (revealOptions width/height)")
    avail_w, avail_h = rect.width() * (1 - MARGIN), rect.height() * (1 - MARGIN)
    scale = max(MIN_SCALE, min(MAX_SCALE, min(avail_w / width, avail_h / height)))
    w, h = width * scale, height * scale
    return QRectF(rect.x() + (rect.width() - w) / 2, rect.y() + (rect.height() - h) / 2, w, h), scale


def paint_slide(painter: QPainter, rect: QRectF, slide: Slide, theme: Theme | None = None, step: int = -1,
                context: RenderContext | None = None, *, wash: float = 0.0) -> None:
    """Paint ``slide`` at fragment ``step`` (``-1``: every fragment shown) into ``rect``; never raises.

    Args:
        painter: an active painter on any paint device (widget, QImage, PDF page).
        rect: the rectangle to fill, in the painter's coordinates.
        slide: the slide.
        theme: the theme (the deck's when omitted).
        step: how many fragment groups are revealed.
        context: the deck's render context (folder, size, caches, errors).
        wash: white laid over the backgrounds, under the content, 0–1 (print styles lighten slides with it).
    """
    ctx = context or RenderContext()
    painter.save()
    try:
        theme = theme or get_theme(ctx.deck.theme)
        _paint(painter, rect, slide, theme, step, ctx, wash)
        ctx.paint_errors.pop(slide.index, None)
    except Exception as exc:  # whatever breaks, the projector shows the theme
        ctx.record(slide, exc)
        painter.restore()
        painter.save()
        _paint_fallback(painter, rect, theme)
    finally:
        painter.restore()


def _paint(painter: QPainter, rect: QRectF, slide: Slide, theme: Theme, step: int, ctx: RenderContext,
           wash: float = 0.0) -> None:
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    box, scale = slide_box(rect, ctx.size)
    content, top = ctx.layout(slide, theme, step)
    paint_page(painter, rect, theme)
    bg = slide.background
    path = ctx.image_path(bg.image) if bg.image else None
    paint_background(painter, rect, bg, path, ctx.images)
    if wash > 0:
        painter.fillRect(rect, QColor(255, 255, 255, round(255 * min(wash, 1.0))))
    painter.translate(box.x(), box.y())
    painter.scale(scale, scale)
    painter.translate(0, top)
    paint_box(painter, content, ctx.scaled_image)


def _paint_fallback(painter: QPainter, rect: QRectF, theme: Theme | None) -> None:
    try:
        painter.setClipRect(rect)
        paint_page(painter, rect, theme if isinstance(theme, Theme) else get_theme("black"))
    except Exception:
        log.exception("the theme background could not be painted either")
