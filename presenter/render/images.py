"""Images decoded at the size they are drawn, in a cache bounded in bytes.

``QImageReader.setScaledSize`` decodes straight to the drawn size (JPEG decodes at 1/2, 1/4
or 1/8 of full size on the way), so a 6000×4000 photo on a 1920×1080 screen costs 8 MB, not
96 MB, and full-size decodes are never kept. A file that cannot be read (missing, a name too
long for the file system, a broken header) is reported once and drawn as nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

from presenter.render.lru import BoundedCache

log = logging.getLogger(__name__)

MAX_SIDE = 16384  # no decode is ever larger than this on either side


class ImageCache:
    """Decoded images, each at one drawn size, least recently used dropped first.

    Args:
        max_bytes: the most bytes kept across all cached images. The default (8 MB) keeps the
            previews' backgrounds and the slides' own pictures; a full-size background (8.3 MB at
            1920x1080) is decoded again when a frame is painted, since frames are what is kept.
    """

    def __init__(self, max_bytes: int = 8 * 1024 * 1024):
        self.max_bytes = max_bytes
        self._items: BoundedCache[tuple[str, int, int], QImage] = BoundedCache(max_bytes, lambda img: img.sizeInBytes())
        self._sizes: dict[str, QSize | None] = {}
        self._reported: set[str] = set()

    @property
    def bytes_used(self) -> int:
        """The bytes the cached images take."""
        return self._items.used

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
        cached = self._items.get(key)
        if cached is not None:
            return cached
        img = self._decode(path, QSize(width, height))
        return None if img is None else self._items.put(key, img)  # one larger than the budget is not kept

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

    def _report(self, key: str, why: str) -> None:
        if key not in self._reported:
            self._reported.add(key)
            log.warning("image %s cannot be shown: %s", key[:200], why)

    def files(self) -> list[str]:
        """Every image file looked at so far (read, or found missing or unreadable)."""
        return list(self._sizes)

    def clear(self) -> None:
        """Forget every decoded image (after the files changed on disk)."""
        self._items.clear()
        self._sizes.clear()
        self._reported.clear()
