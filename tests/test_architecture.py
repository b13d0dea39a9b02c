"""The core (deck, talk) imports no Qt, so it is tested fast and used anywhere."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import presenter.deck, presenter.deck.check, presenter.deck.pacing, presenter.talk
import pkgutil, importlib
for pkg in ("presenter.deck", "presenter.talk"):
    mod = importlib.import_module(pkg)
    for info in pkgutil.iter_modules(mod.__path__):
        importlib.import_module(f"{pkg}.{info.name}")
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(",".join(loaded))
"""


def test_core_imports_no_qt() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
