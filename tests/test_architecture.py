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



def test_resources_come_from_the_package_only(tmp_path) -> None:
    """Installed (not editable) next to another package's resources/: presenter reads its own."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    site = tmp_path / "site-packages"
    # as a wheel installs it: presenter/resources is the resources folder itself (the link followed)
    shutil.copytree(root / "presenter", site / "presenter", ignore=shutil.ignore_patterns("__pycache__", "fonts"))
    decoy = site / "resources" / "themes"
    decoy.mkdir(parents=True)
    (decoy / "themes.yaml").write_text("someone_else: {}\n", encoding="utf-8")
    code = ("from presenter.assets import resource_dir; from presenter.deck.yamlload import safe_load; "
            "d = resource_dir(); print(d); "
            "print(sorted(safe_load((d / 'themes' / 'themes.yaml').read_text())['themes']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=False)
    assert done.returncode == 0, done.stderr
    folder, themes = done.stdout.splitlines()
    assert Path(folder) == site / "presenter" / "resources"
    assert "someone_else" not in themes and "black" in themes
