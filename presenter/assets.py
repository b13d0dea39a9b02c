"""Finding the files under ``resources/`` (installed as ``presenter.resources``)."""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util
from pathlib import Path


@functools.cache
def resource_dir() -> Path:
    """The folder holding themes, fonts and the key map, installed or in a source checkout."""
    source = Path(__file__).resolve().parent.parent / "resources"
    if (source / "themes").is_dir():
        return source
    if importlib.util.find_spec("presenter.resources") is not None:  # pragma: no cover (installed)
        return Path(str(importlib.resources.files("presenter.resources")))
    raise FileNotFoundError("presenter's resources folder is missing; reinstall presenter")


def resource(*parts: str) -> Path:
    """The path of a file under the resources folder."""
    return resource_dir().joinpath(*parts)
