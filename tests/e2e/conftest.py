"""End-to-end fixtures: a real X display (Xvfb, with or without openbox) and the real app on it.

Missing X tools skip these tests on a developer's machine and fail them where
``PRESENTER_E2E=required`` (CI sets it): CI must never pass without running them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from harness import LAPTOP_PROJECTOR, Layout, Presenter, XServer, missing_tools

ROOT = Path(__file__).resolve().parents[2]
DECKS = ROOT / "decks"
REQUIRED = os.environ.get("PRESENTER_E2E") == "required"

_servers: dict[str, XServer] = {}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.e2e)


def _server(layout: Layout, tmp_root: Path) -> XServer:
    if layout.name not in _servers:
        missing = missing_tools(with_wm=layout.wm)
        if missing:
            message = f"the end-to-end tests need {', '.join(missing)} (bash .ci/install --test installs them)"
            if REQUIRED:
                pytest.fail(message)
            pytest.skip(message)
        _servers[layout.name] = XServer(layout, tmp_root).start()
    return _servers[layout.name]


@pytest.fixture(scope="session", autouse=True)
def _stop_servers() -> Iterator[None]:
    yield
    for server in _servers.values():
        server.stop()
    _servers.clear()


@pytest.fixture
def display(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> XServer:
    """The X server of the layout the test is parametrised with (laptop + projector by default)."""
    layout = getattr(request, "param", LAPTOP_PROJECTOR)
    return _server(layout, tmp_path_factory.mktemp("x"))


@pytest.fixture
def deck_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A fresh copy of the sample decks (images and attachments too); returns the deck's path."""
    def copy(name: str = "community-safety-2023.md") -> Path:
        folder = tmp_path / "decks"
        if not folder.exists():
            shutil.copytree(DECKS, folder, ignore=shutil.ignore_patterns("*.presenter.db*", "__pycache__"))
        return folder / name
    return copy


@pytest.fixture
def launch(display: XServer, tmp_path: Path) -> Iterator[Callable[..., Presenter]]:
    """Start the real ``presenter`` process on a deck; stopped (and checked) after the test."""
    started: list[Presenter] = []

    def start(deck: Path, *args: str, keys_yaml: str | None = None, env: dict[str, str] | None = None) -> Presenter:
        home = tmp_path / f"home{len(started)}"
        (home / ".config" / "presenter").mkdir(parents=True)
        if keys_yaml is not None:
            (home / ".config" / "presenter" / "keys.yaml").write_text(keys_yaml, encoding="utf-8")
        app = Presenter(display, deck, home, args, env)
        started.append(app)
        return app.start()

    yield start
    for app in started:
        code = app.stop()
        log = app.log()
        assert "Traceback" not in log, log
        assert code in (0, -15, None), f"presenter exited with {code}:\n{log}"
