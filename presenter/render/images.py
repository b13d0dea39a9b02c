"""Decoding and scaling images once: a bounded cache shared by every picture of a slide."""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

log = logging.getLogger(__name__)


class ImageCache:
    """Decoded images and their scaled copies, least recently used dropped first.

    Args:
        max_pixels: the most pixels kept across all cached images (4 bytes each; the default,
            12 MiB, holds a full-HD background and the previews). Full-size decodes are not kept when only
            a scaled copy was asked for.
    """

    def __init__(self, max_pixels: int = 3_000_000):
        self.max_pixels = max_pixels
        self._items: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()
        self._sizes: dict[str, QSize | None] = {}
        self._pixels = 0
        self._reported: set[str] = set()

    def size(self, path: Path) -> QSize | None:
        """The natural size of the image at ``path`` (read from its header), or None."""
        key = str(path)
        if key not in self._sizes:
            reader = QImageReader(key)
            reader.setAutoTransform(True)
            size = reader.size() if reader.canRead() else QSize()
            self._sizes[key] = size if size.isValid() and not size.isEmpty() else None
            if self._sizes[key] is None:
                self._report(key, reader.errorString())
        return self._sizes[key]

    def image(self, path: Path, width: int = 0, height: int = 0) -> QImage | None:
        """The image at ``path``, scaled to exactly ``width``×``height`` when both are given."""
        key = (str(path), width, height)
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        if width and height:
            full = self._items.get((str(path), 0, 0)) or self._decode(path)  # the full size is not kept
            if full is None:
                return None
            img = full.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        else:
            img = self._decode(path)
            if img is None:
                return None
        self._store(key, img)
        return img

    def _decode(self, path: Path) -> QImage | None:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        img = reader.read()
        if img.isNull():
            self._report(str(path), reader.errorString())
            return None
        return img

    def _store(self, key: tuple[str, int, int], img: QImage) -> None:
        self._items[key] = img
        self._pixels += img.width() * img.height()
        while self._pixels > self.max_pixels and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self._pixels -= old.width() * old.height()

    def _report(self, key: str, why: str) -> None:
        if key not in self._reported:
            self._reported.add(key)
            log.warning("image %s cannot be shown: %s", key, why)

    def clear(self) -> None:
        """Forget every decoded image (after the files changed on disk)."""
        self._items.clear()
        self._sizes.clear()
        self._pixels = 0
        self._reported.clear()
