"""The projector's first picture, kept from the last start of a deck and shown again at once.

Painting slide 1 needs the deck parser and the renderer: about 0.15 s of imports and work after
Qt is up, while the projector shows black. The frame the projector showed first, the last time
this deck was opened at this window size, is kept in the user's cache
(``$XDG_CACHE_HOME/presenter/first-frames``, the four decks opened last) together with everything
it was painted from:

- the deck's path and a hash of its bytes, the slide it starts on;
- the files the paint read (background and slide images): their sizes and modification times,
  or that they were missing;
- the window's size in device pixels and its pixel ratio;
- presenter's own code and resources (every file's size and modification time), the versions
  of Qt and PySide6, and the system's font families.

When every one of them is unchanged, ``boot.py`` paints the kept frame in the audience window
before it imports anything else. The real frame is painted a moment later over it and compared
with it: equal, nothing is written; different (something this key does not capture), the kept
frame is replaced and the difference logged. A kept frame is never shown for another deck, size
or starting slide, and never when a file it was painted from has changed. The
``remember_first_frame`` preference (``false`` in ``presenter.conf``) turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QImage

from presenter.deck.reading import MAX_DECK_BYTES

if TYPE_CHECKING:
    import threading

log = logging.getLogger(__name__)

PREFERENCE = "remember_first_frame"
KEEP = 4  # frames kept: the decks opened last
MAGIC = b"PRESENTER-FIRST-FRAME 1\n"
MAX_SIDE = 16384
_FORMATS = {QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied}
_PACKAGE = Path(__file__).resolve().parents[1]


def cache_folder() -> Path:
    """``$XDG_CACHE_HOME/presenter/first-frames`` (``~/.cache`` when it is not set)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "presenter" / "first-frames"


def code_stamp(package: Path = _PACKAGE) -> str:
    """A hash of presenter's own files (path, size, modification time): any change to the code,
    the themes or the bundled fonts gives another stamp."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(package, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            digest.update(f"{os.path.relpath(folder, package)}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _file_state(path: str) -> list[object]:
    """``[path, size, mtime_ns]``, or ``[path, None, None]`` for a file that cannot be read."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return [path, None, None]
    return [path, st.st_size, st.st_mtime_ns]


class FirstFrame:
    """The audience window's first frame for one start of a deck: kept, looked up and compared.

    Args:
        deck: the deck file.
        start: the slide the talk starts on, as given (``1``, ``3.2``).
        width, height: the audience window's size in device pixels.
        ratio: its device pixel ratio.
        fonts: the system's font families (before presenter registers its own).
        folder: where frames are kept (:func:`cache_folder` by default).

    Attributes:
        shown: the kept frame, once :meth:`lookup` found it (until :meth:`keep` compares it).
    """

    def __init__(self, deck: Path, start: str, width: int, height: int, ratio: float,
                 fonts: Iterable[str] = (), folder: Path | None = None):
        self.deck, self.start, self.width, self.height, self.ratio = deck, start, width, height, ratio
        self.fonts = sorted(set(fonts))
        self.folder = folder or cache_folder()
        self.shown: QImage | None = None
        self._pixels = b""  # the bytes behind :attr:`shown` (the image does not copy them)
        self._deck_hash = ""
        self._key = ""  # of this start: the code that paints the frame is the code running now
        self._writer: threading.Thread | None = None

    def key(self, deck_hash: str) -> str:
        """The file name's stem: a hash of everything the frame depends on but the files it read."""
        parts = {"deck": str(self.deck.resolve()), "deck_sha256": deck_hash, "start": self.start,
                 "size": [self.width, self.height], "ratio": self.ratio, "code": code_stamp(),
                 "qt": qVersion(), "pyside": PySide6.__version__, "fonts": self.fonts}
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()

    def _hash_deck(self) -> str:
        try:
            if self.deck.stat().st_size > MAX_DECK_BYTES:
                return ""
            return hashlib.sha256(self.deck.read_bytes()).hexdigest()
        except (OSError, ValueError):
            return ""

    def lookup(self) -> QImage | None:
        """The kept frame if everything it was painted from is unchanged (also kept in :attr:`shown`)."""
        self._deck_hash = self._hash_deck()
        if not self._deck_hash or self.width < 1 or self.height < 1:
            return None
        self._key = self.key(self._deck_hash)
        path = self.folder / f"{self._key}.frame"
        try:
            with path.open("rb") as fh:
                if fh.readline(len(MAGIC)) != MAGIC:
                    raise ValueError("not a frame file")
                header = json.loads(fh.readline(64 * 1024))
                size = self._check(header)
                pixels = fh.read(size + 1)  # never more than the header promises
                if len(pixels) != size:
                    raise ValueError("the pixels do not have the size the header says")
                image = self._image(header, pixels)
                changed = any(_file_state(str(dep[0])) != list(dep) for dep in header["files"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            log.info("the kept first frame %s cannot be used (%s); it is removed", path, exc)
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            return None
        if changed:
            log.debug("a file the kept first frame was painted from has changed")
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # the frames kept are the ones used last
        self.shown, self._pixels = image, pixels
        return image

    def _check(self, header: dict[str, object]) -> int:
        """The pixels' length in bytes that ``header`` promises, if it is a frame of this window."""
        width, height, line = (int(str(header[k])) for k in ("width", "height", "bytes_per_line"))
        if (width, height) != (self.width, self.height) or QImage.Format(int(str(header["format"]))) not in _FORMATS:
            raise ValueError("another size or format")
        if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE and 4 * width <= line <= 4 * width + 64):
            raise ValueError("a broken size")
        return line * height

    def _image(self, header: dict[str, object], data: bytes) -> QImage:
        line = int(str(header["bytes_per_line"]))
        fmt = QImage.Format(int(str(header["format"])))
        image = QImage(data, self.width, self.height, line, fmt)  # on ``data``, kept with it in _pixels
        image.setDevicePixelRatio(self.ratio)
        return image

    def keep(self, frame: QImage, files: Iterable[str]) -> None:
        """Remember ``frame``, the real first frame painted from ``files``, unless it is the one shown.

        The comparison is done here; the writing in a background thread (a full or read-only disk
        is logged, never shown: the talk does not depend on it).
        """
        try:
            self._keep(frame, files)
        except Exception:  # a kept picture is a nicety: nothing about it may disturb the talk
            log.warning("the first frame could not be kept", exc_info=True)

    def _keep(self, frame: QImage, files: Iterable[str]) -> None:
        shown = self.shown
        self.shown, self._pixels = None, b""
        if frame.width() != self.width or frame.height() != self.height or frame.format() not in _FORMATS:
            return
        if shown is not None:
            if shown == frame:  # Qt compares format and pixels line by line, without copies
                return
            log.info("the kept first frame differed from the real one; it is replaced")
        import threading

        states = [_file_state(f) for f in sorted(set(files))]
        self._writer = threading.Thread(target=self._write, args=(QImage(frame), states), name="first-frame",
                                        daemon=True)
        self._writer.start()

    def wait(self, timeout: float | None = None) -> None:
        """Until the frame is written (tests, and the end of the talk)."""
        if self._writer is not None:
            self._writer.join(timeout)

    def _write(self, frame: QImage, states: list[list[object]]) -> None:
        from presenter.talk.files import OutputError, replacing

        if not self._key or self._hash_deck() != self._deck_hash:  # not looked up, or the deck changed since
            return
        header = {"width": frame.width(), "height": frame.height(), "bytes_per_line": frame.bytesPerLine(),
                  "format": frame.format().value, "ratio": self.ratio, "deck": str(self.deck), "files": states}
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with replacing(self.folder / f"{self._key}.frame", ".tmp", mode=0o600) as tmp, tmp.open("wb") as fh:
                fh.write(MAGIC)
                fh.write(json.dumps(header).encode() + b"\n")
                fh.write(frame.constBits())
            _prune(self.folder, KEEP)
        except (OSError, OutputError) as exc:
            log.info("the first frame could not be kept in %s: %s", self.folder, exc)


def _prune(folder: Path, keep: int) -> None:
    """Remove all but the ``keep`` frames used last."""
    frames = []
    for path in folder.glob("*.frame"):
        try:
            frames.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    for _, path in sorted(frames, reverse=True)[keep:]:
        path.unlink(missing_ok=True)

