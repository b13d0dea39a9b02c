"""Files a deck refers to (images, backgrounds, attachments, note links), kept inside its folder.

A deck is a document from anywhere; what it may reach on this machine is its own folder. Every
local URL is resolved against the deck's folder (relative and root-absolute alike, as reveal-md's
server does), symbolic links followed, and refused when the result lies outside the folder
(``../outside/x.png``, ``file:///etc/…``, an absolute path elsewhere), when it cannot name a file
(a name longer than the system allows, a NUL), or when it is remote.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_REMOTE = re.compile(r"^(https?:|//|data:)", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_WEB_LINK = re.compile(r"^(https?|mailto):", re.IGNORECASE)
_NAME_MAX = 255
# Never handed to the desktop's opener, whatever their permissions: programs, scripts, launchers.
_EXECUTABLE_SUFFIXES = frozenset({
    ".sh", ".bash", ".zsh", ".csh", ".ksh", ".fish", ".command", ".run", ".bin", ".appimage", ".desktop", ".py",
    ".pyw", ".pl", ".rb", ".php", ".js", ".mjs", ".cjs", ".jar", ".exe", ".com", ".bat", ".cmd", ".ps1", ".vbs",
    ".vbe", ".wsf", ".wsh", ".hta", ".msi", ".scr", ".cpl", ".lnk", ".reg", ".deb", ".rpm", ".apk", ".app", ".dmg",
    ".pkg", ".flatpakref", ".elf", ".so", ".dylib", ".dll",
})


def is_remote(url: str) -> bool:
    """Whether ``url`` points off this machine (http, https, protocol-relative, data)."""
    return bool(_REMOTE.match(url))


@dataclass(frozen=True)
class Resource:
    """What a URL in a deck refers to.

    Attributes:
        url: the URL as written.
        kind: ``local`` (a path inside the deck folder, which may not exist), ``remote``,
            ``anchor`` (``#…``), ``outside`` (escapes the deck folder), ``invalid`` (cannot name a
            file), ``other`` (another scheme, e.g. ``mailto:``), ``empty``.
        path: the file for ``local`` (and, for messages, the refused target for ``outside``).
    """

    url: str
    kind: str
    path: Path | None = None


def resolve(folder: Path, url: str) -> Resource:
    """Resolve ``url`` from a deck in ``folder`` (an absolute, resolved folder)."""
    url = url.strip()
    if not url:
        return Resource(url, "empty")
    if is_remote(url):
        return Resource(url, "remote")
    if url.startswith("#"):
        return Resource(url, "anchor")
    raw = urllib.parse.unquote(url.split("?")[0].split("#")[0])
    if raw.lower().startswith("file:"):
        target = Path(urllib.parse.unquote(urllib.parse.urlparse(url).path) or "/")
    elif _SCHEME.match(raw):
        return Resource(url, "other")
    else:
        target = folder / raw.lstrip("/")
    if "\x00" in str(target) or any(len(os.fsencode(part)) > _NAME_MAX for part in target.parts):
        return Resource(url, "invalid")
    try:
        real = Path(os.path.realpath(target))
    except (OSError, ValueError):
        return Resource(url, "invalid")
    if real != folder and folder not in real.parents:
        return Resource(url, "outside", real)
    return Resource(url, "local", real)


def is_file(path: Path) -> bool:
    """``Path.is_file`` that answers False instead of raising (too long a name, no permission…)."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def local_image_url(folder: Path, src: str) -> str:
    """The ``src`` for a notes image: its file URL inside the deck folder, else ``""`` (not shown)."""
    res = resolve(folder, src)
    if res.kind == "remote":
        return src
    return res.path.as_uri() if res.kind == "local" and res.path is not None and is_file(res.path) else ""


OUTSIDE = "it is outside the deck's folder"  # the reasons a caller may act on
MISSING = "the file does not exist"


@dataclass(frozen=True)
class LinkPermission:
    """Whether a link in the notes may be handed to the desktop's opener.

    Attributes:
        allowed: True for http/https/mailto URLs and for documents inside the deck folder.
        target: the URL, or the file's path, to open.
        reason: why not (empty when allowed), for a banner.
    """

    allowed: bool
    target: str
    reason: str = ""


def link_permission(folder: Path, href: str) -> LinkPermission:
    """Decide whether the UI may open ``href`` from a deck in ``folder``.

    Web and mail links are allowed; a file only when it is a document inside the deck folder:
    not a folder, not executable, not a script, launcher or program (by its name or a ``#!``).
    """
    href = href.strip()
    if _WEB_LINK.match(href):
        return LinkPermission(True, href)
    res = resolve(folder, href)
    if res.kind != "local" or res.path is None:
        reasons = {"outside": OUTSIDE, "anchor": "it points inside the deck",
                   "invalid": "it cannot name a file", "remote": "only http, https and mailto links are opened"}
        return LinkPermission(False, str(res.path or href), reasons.get(res.kind, "it is not a web link or a file"))
    path = res.path
    if not path.exists():
        return LinkPermission(False, str(path), MISSING)
    if not is_file(path):
        return LinkPermission(False, str(path), "it is not a document")
    if path.suffix.lower() in _EXECUTABLE_SUFFIXES or os.access(path, os.X_OK) or _has_shebang(path):
        return LinkPermission(False, str(path), "it is a program or a script")
    return LinkPermission(True, str(path))


def _has_shebang(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(2) == b"#!"
    except OSError as exc:
        return exc.errno != errno.ENOENT
