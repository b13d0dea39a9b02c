"""Reading a deck file's text: bounded, never blocking, with one clear message per failure."""

from __future__ import annotations

import codecs
import logging
import os
import stat
from pathlib import Path

from presenter.deck.errors import DeckError

log = logging.getLogger(__name__)

MAX_DECK_BYTES = 10 * 1024 * 1024
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_deck_text(path: Path) -> str:
    """Read a deck file as text.

    Only regular files are read (a FIFO or a device is refused before anything blocks), at most
    ``MAX_DECK_BYTES``; UTF-8 (with or without a BOM), UTF-16 and UTF-32 with a BOM are decoded.

    Raises:
        DeckError: the file is missing, not a regular file, too large, binary or not text.
    """
    data = _read_bytes(path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, path)
    if b"\x00" in data[:8192]:
        if _looks_like_utf16(data[:8192]):
            raise DeckError("looks like UTF-16 text without a byte-order mark; save it as UTF-8", path)
        raise DeckError("is a binary file, not a markdown deck", path)
    return _decode(data, "utf-8", path)


def _read_bytes(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise DeckError("no such file", path) from None
    except PermissionError:
        raise DeckError("cannot be read: permission denied", path) from None
    except IsADirectoryError:
        raise DeckError("is a folder, not a deck file (give the .md file inside it)", path) from None
    except (OSError, ValueError) as exc:
        raise DeckError(f"cannot be read: {getattr(exc, 'strerror', None) or exc}", path) from None
    try:
        return _read_regular(fd, path)
    finally:
        os.close(fd)


def _read_regular(fd: int, path: Path) -> bytes:
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise DeckError("is a folder, not a deck file (give the .md file inside it)", path)
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
        raise DeckError(f"is {kind}, not a deck file", path)
    if info.st_size > MAX_DECK_BYTES:
        raise DeckError(f"is {info.st_size / 1e6:.1f} MB; decks larger than "
                        f"{MAX_DECK_BYTES // (1024 * 1024)} MB are refused (is this the right file?)", path)
    os.set_blocking(fd, True)
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= MAX_DECK_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_DECK_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise DeckError(f"cannot be read: {exc.strerror or exc}", path) from None
    if size > MAX_DECK_BYTES:
        raise DeckError(f"grew beyond {MAX_DECK_BYTES // (1024 * 1024)} MB while being read; refused", path)
    return b"".join(chunks)


def _looks_like_utf16(head: bytes) -> bool:
    """Mostly ASCII text in UTF-16: every other byte is NUL."""
    even, odd = head[0::2], head[1::2]
    return len(head) >= 4 and (odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even))


def _decode(data: bytes, encoding: str, path: Path) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise DeckError(f"is not valid {encoding.upper()} text (it starts with a {encoding.upper()} "
                            f"byte-order mark); save it as UTF-8", path) from None
        line = data[: exc.start].count(b"\n") + 1
        raise DeckError(f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                        path, line) from None
    if encoding != "utf-8":
        log.info("%s: read as %s", path, encoding.upper())
    return text
