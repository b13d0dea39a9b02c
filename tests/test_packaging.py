"""The package list in pyproject.toml covers every folder setuptools would otherwise warn about."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11 and newer

ROOT = Path(__file__).resolve().parents[1]


def _importable(folder: Path, prefix: str) -> set[str]:
    names = {prefix}
    for sub in folder.rglob("*"):
        parts = sub.relative_to(folder).parts
        wanted = sub.is_dir() and not sub.is_symlink() and "__pycache__" not in parts
        if wanted and all(p.isidentifier() for p in parts):
            names.add(".".join((prefix, *parts)))
    return names


def test_every_package_and_resource_folder_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    expected = _importable(ROOT / "presenter", "presenter") | _importable(ROOT / "resources", "presenter.resources")
    assert listed == expected


def test_the_resources_are_the_top_level_folder() -> None:
    link = ROOT / "presenter" / "resources"
    assert link.is_symlink() and link.resolve() == (ROOT / "resources").resolve()


def test_the_licence_the_metadata_names_is_there() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert config["project"]["license"] == "MIT" and text.startswith("MIT License")
