"""``presenter show``: one slide to a PNG, and clear errors for a bad slide or size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from presenter.cli import main

pytestmark = pytest.mark.usefixtures("qapp")


def test_show_writes_the_slide(decks_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.png"
    assert main(["show", str(decks_dir / "community-safety-2023.md"), "--slide", "2.3",
                 "--size", "640x360", "-o", str(out)]) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (640, 360)


@pytest.mark.parametrize(("args", "message"), [
    (["--slide", "99"], "there is no slide '99'"),
    (["--slide", "1", "--size", "big"], "WIDTHxHEIGHT"),
])
def test_show_errors(decks_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                     args: list[str], message: str) -> None:
    code = main(["show", str(decks_dir / "demo.md"), *args, "-o", str(tmp_path / "x.png")])
    assert code == 2 and message in capsys.readouterr().err
