"""Images decoded at the size they are drawn, in a cache bounded in bytes.

``QImageReader.setScaledSize`` decodes straight to the drawn size (JPEG decodes at 1/2, 1/4
or 1/8 of full size on the way), so a 6000×4000 photo on a 1920×1080 screen costs 8 MB, not
96 MB, and full-size decodes are never kept. A file that cannot be read (missing, a name too
long for the file system, a broken header) is reported once and drawn as nothing.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

log = logging.getLogger(__name__)

MAX_SIDE = 16384  # no decode is ever larger than this on either side


class ImageCache:
    """Decoded images, each at one drawn size, least recently used dropped first.

    Args:
        max_bytes: the most bytes kept across all cached images (the default holds a few
            full-HD backgrounds, the slide images of the frames around the current one and the
            previews).
    """

    def __init__(self, max_bytes: int = 64 * 1024 * 1024):
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()
        self._sizes: dict[str, QSize | None] = {}
        self._bytes = 0
        self._reported: set[str] = set()

    @property
    def bytes_used(self) -> int:
        """The bytes the cached images take."""
        return self._bytes

    def size(self, path: Path) -> QSize | None:
        """The natural size of the image at ``path`` (read from its header), or None."""
        key = str(path)
        if key not in self._sizes:
            reader = QImageReader(key)
            reader.setAutoTransform(True)
            try:
                size = reader.size() if path.is_file() and reader.canRead() else QSize()
            except OSError as exc:  # a name the file system refuses (ENAMETOOLONG…)
                size, why = QSize(), str(exc)
            else:
                why = reader.errorString()
            if reader.transformation().value & 4:  # rotated by 90°: width and height swap
                size = size.transposed()
            self._sizes[key] = size if size.isValid() and not size.isEmpty() else None
            if self._sizes[key] is None:
                self._report(key, why)
        return self._sizes[key]

    def image(self, path: Path, width: int, height: int) -> QImage | None:
        """The image at ``path`` decoded at ``width``×``height`` device pixels."""
        width, height = max(1, min(width, MAX_SIDE)), max(1, min(height, MAX_SIDE))
        key = (str(path), width, height)
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        img = self._decode(path, QSize(width, height))
        if img is None:
            return None
        self._store(key, img)
        return img

    def _decode(self, path: Path, size: QSize) -> QImage | None:
        if self.size(path) is None:
            return None
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        if reader.transformation().value & 4:
            size = size.transposed()  # the scaled size applies before the rotation
        reader.setScaledSize(size)
        img = reader.read()
        if img.isNull():
            self._report(str(path), reader.errorString())
            return None
        return img

    def _store(self, key: tuple[str, int, int], img: QImage) -> None:
        if img.sizeInBytes() > self.max_bytes:
            return  # drawn once, never kept
        self._items[key] = img
        self._bytes += img.sizeInBytes()
        while self._bytes > self.max_bytes and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self._bytes -= old.sizeInBytes()

    def _report(self, key: str, why: str) -> None:
        if key not in self._reported:
            self._reported.add(key)
            log.warning("image %s cannot be shown: %s", key[:200], why)

    def clear(self) -> None:
        """Forget every decoded image (after the files changed on disk)."""
        self._items.clear()
        self._sizes.clear()
        self._bytes = 0
        self._reported.clear()
