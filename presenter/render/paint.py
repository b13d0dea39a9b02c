"""``paint_slide``: the one function that draws a slide, into any rectangle of any paint device.

The audience window, the presenter's previews and thumbnails, PNG snapshots and the PDF
handouts all call it. It lays out like reveal.js (``deck-format.md`` §13): the page and slide
backgrounds fill the whole rectangle, and the logical slide (960×700 unless the deck says
otherwise) is scaled into it less a 4 % margin, clamped to 0.2–2.0, centred, with its content
centred vertically.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QColor, QFont, QPainter, QTextDocument

from presenter.deck.html_tree import parse
from presenter.deck.model import Deck, Slide
from presenter.render.background import background_color, is_dark, paint_background, paint_page
from presenter.render.fonts import load_fonts, no_ligatures
from presenter.render.images import ImageCache
from presenter.render.slidehtml import SlideHtml
from presenter.render.themes import Theme, get_theme

log = logging.getLogger(__name__)

MARGIN = 0.04
MIN_SCALE, MAX_SCALE = 0.2, 2.0


class RenderContext:
    """What painting a deck's slides needs besides the slide: its folder, size and caches.

    Args:
        deck: the deck whose slides are painted (its folder resolves images).
        images: an image cache to share between windows (a new one when omitted).
        max_documents: how many laid-out slide documents to keep.
    """

    def __init__(self, deck: Deck | None = None, images: ImageCache | None = None, max_documents: int = 24):
        load_fonts()
        self.deck = deck or Deck.empty()
        self.images = images or ImageCache()
        self.max_documents = max_documents
        self._documents: OrderedDict[tuple[object, ...], QTextDocument] = OrderedDict()

    @property
    def size(self) -> tuple[int, int]:
        """The logical slide size."""
        return self.deck.size

    def set_deck(self, deck: Deck) -> None:
        """Switch to a (re)loaded deck; laid-out documents are dropped, decoded images kept."""
        self.deck = deck
        self._documents.clear()

    def image_path(self, url: str) -> Path | None:
        """The local file behind ``url`` if it exists."""
        path = self.deck.resolve(url)
        return path if path is not None and path.is_file() else None

    def document(self, slide: Slide, theme: Theme, step: int) -> QTextDocument:
        """The slide laid out at the logical width (cached)."""
        text, heading = text_colors(slide, theme)
        key = (slide.html, theme.name, step, text, self.size[0])
        doc = self._documents.get(key)
        if doc is not None:
            self._documents.move_to_end(key)
            return doc
        doc = self._layout(slide, theme, step, text, heading)
        self._documents[key] = doc
        while len(self._documents) > self.max_documents:
            self._documents.popitem(last=False)
        return doc

    def _layout(self, slide: Slide, theme: Theme, step: int, text: str, heading: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(no_ligatures(QFont()))
        resources: dict[str, tuple[str, int, int]] = {}

        def image(url: str) -> tuple[str, int, int] | None:
            path = self.image_path(url)
            size = self.images.size(path) if path is not None else None
            if path is None or size is None:
                log.warning("slide %s: image %s is missing or unreadable", slide.label, url)
                return None
            if url not in resources:
                name = f"slide-image-{len(resources)}"
                img = self.images.image(path)
                if img is None:
                    return None
                doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), img)
                resources[url] = (name, size.width(), size.height())
            return resources[url]

        section = parse(slide.html).elements()
        root = section[0] if section else parse("")
        builder = SlideHtml(root, theme, text, step, image, self.size[0], heading)
        doc.setHtml(builder.build())
        doc.setTextWidth(self.size[0])
        return doc


def text_colors(slide: Slide, theme: Theme) -> tuple[str, str]:
    """The text and heading colours, with reveal.js's contrast rule over coloured backgrounds."""
    color = background_color(slide.background)
    if color is not None:
        contrast = theme.text_on_dark if is_dark(color) else theme.text_on_light
        if contrast:
            return contrast, contrast
    return theme.text, theme.heading


def slide_box(rect: QRectF, size: tuple[int, int]) -> tuple[QRectF, float]:
    """Where the logical slide goes inside ``rect``, and its scale (reveal.js ``layout``)."""
    width, height = size
    avail_w, avail_h = rect.width() * (1 - MARGIN), rect.height() * (1 - MARGIN)
    scale = max(MIN_SCALE, min(MAX_SCALE, min(avail_w / width, avail_h / height)))
    w, h = width * scale, height * scale
    return QRectF(rect.x() + (rect.width() - w) / 2, rect.y() + (rect.height() - h) / 2, w, h), scale


def paint_slide(painter: QPainter, rect: QRectF, slide: Slide, theme: Theme | None = None, step: int = -1,
                context: RenderContext | None = None, *, wash: float = 0.0) -> None:
    """Paint ``slide`` at fragment ``step`` (``-1``: every fragment shown) into ``rect``.

    Args:
        painter: an active painter on any paint device (widget, QImage, PDF page).
        rect: the rectangle to fill, in the painter's coordinates.
        slide: the slide.
        theme: the theme (the deck's when omitted).
        step: how many fragment groups are revealed.
        context: the deck's render context (folder, size, caches).
        wash: white laid over the backgrounds, under the content, 0–1 (print styles lighten slides with it).
    """
    ctx = context or RenderContext()
    theme = theme or get_theme(ctx.deck.theme)
    painter.save()
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    paint_page(painter, rect, theme)
    bg = slide.background
    path = ctx.image_path(bg.image) if bg.image else None
    paint_background(painter, rect, bg, path, ctx.images)
    if wash > 0:
        painter.fillRect(rect, QColor(255, 255, 255, round(255 * min(wash, 1.0))))
    box, scale = slide_box(rect, ctx.size)
    doc = ctx.document(slide, theme, step)
    content_h = doc.size().height()
    painter.translate(box.x(), box.y())
    painter.scale(scale, scale)
    painter.translate(0, max((ctx.size[1] - content_h) / 2, 0))
    doc.drawContents(painter)
    painter.restore()

