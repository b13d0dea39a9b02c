"""Finding the files under ``resources/`` (installed as the package ``presenter.resources``).

Only the package itself is asked (``importlib.resources``), never a folder next to it, so another
package's ``resources/`` in site-packages can never stand in for presenter's.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path


@functools.cache
def resource_dir() -> Path:
    """The folder holding themes, fonts, the key map and the window style."""
    try:
        folder = Path(str(importlib.resources.files("presenter.resources")))
    except ModuleNotFoundError:  # pragma: no cover (a broken install)
        folder = Path()
    if not (folder / "keys.yaml").is_file():
        raise FileNotFoundError("presenter's resources are missing; reinstall presenter (pip install presenter)")
    return folder


def resource(*parts: str) -> Path:
    """The path of a file under the resources folder."""
    return resource_dir().joinpath(*parts)
