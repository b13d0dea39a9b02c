"""Writing an output file whole: a temporary file beside it, moved into place at the end (no Qt).

The temporary file is created with mode ``0666`` less the user's umask, as any program's output
is (``tempfile.mkstemp`` would make it owner-only, ``0600``), unless the caller asks for another
mode, and a file being replaced keeps its mode. A failed or cancelled write removes the temporary
file and leaves the old output alone.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from presenter.deck.errors import PresenterError

log = logging.getLogger(__name__)


class OutputError(PresenterError):
    """The output file cannot be written; the message names it and says why."""


@contextmanager
def replacing(output: Path, suffix: str = "", mode: int = 0o666) -> Iterator[Path]:
    """Yield a new, empty temporary file beside ``output``; on success it replaces ``output``.

    ``mode`` (less the umask) is the new file's; ``0o600`` for what only the user may read.

    Raises:
        OutputError: the folder does not exist or cannot be written.
    """
    folder = output.resolve().parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {output}: the folder {folder} does not exist")
    tmp = _create(folder, suffix, output, mode)
    try:
        yield tmp
        if output.is_file():
            os.chmod(tmp, stat.S_IMODE(output.stat().st_mode))
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _create(folder: Path, suffix: str, output: Path, mode: int) -> Path:
    while True:
        tmp = folder / f".presenter-{secrets.token_hex(6)}{suffix}"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
            return tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None


def write_text(output: Path, text: str, newline: str | None = None) -> None:
    """Write ``text`` (UTF-8) to ``output`` whole.

    Raises:
        OutputError: it cannot be written.
    """
    try:
        with replacing(output, output.suffix) as tmp:
            tmp.write_text(text, encoding="utf-8", newline=newline)
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
