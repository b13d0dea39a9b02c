"""The projector's first frame kept from the last start: found only when nothing it was painted from changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontDatabase, QImage

from presenter.ui import first_frame
from presenter.ui.first_frame import FirstFrame

DECK = "---\ntitle: Kept\n---\n\n<!-- .slide: data-background=\"bg.png\" -->\n\n# One\n\n---\n\n# Two\n"


def _frame(colour: str, w: int = 64, h: int = 36) -> QImage:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "deck" / "deck.md"
    path.parent.mkdir()
    path.write_text(DECK, encoding="utf-8")
    _frame("#204060").save(str(path.parent / "bg.png"))
    return path


def _first(deck: Path, folder: Path, **changes: object) -> FirstFrame:
    args: dict[str, object] = {"start": "1", "width": 64, "height": 36, "ratio": 1.0, "fonts": ("DejaVu Sans",)}
    args.update(changes)
    return FirstFrame(deck, folder=folder, **args)  # type: ignore[arg-type]


def _kept(deck: Path, folder: Path, image: QImage, **changes: object) -> None:
    first = _first(deck, folder, **changes)
    assert first.lookup() is None
    first.keep(image, [str(deck.parent / "bg.png")])
    first.wait()


def test_a_kept_frame_is_found_at_the_next_start(deck: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    _kept(deck, folder, _frame("#204060"))
    found = _first(deck, folder).lookup()
    assert found is not None and found.size() == _frame("#204060").size()
    assert found.pixelColor(10, 10) == QColor("#204060")
    assert [p.suffix for p in folder.iterdir()] == [".frame"]
    assert folder.stat().st_mode & 0o777 == 0o700  # a picture of the deck: the user's own
    assert next(folder.iterdir()).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("change", ["deck text", "image", "image removed", "size", "ratio", "start", "fonts", "code"])
def test_nothing_is_shown_when_what_it_was_painted_from_changed(deck: Path, tmp_path: Path, monkeypatch,
                                                                change: str) -> None:
    folder = tmp_path / "cache"
    _kept(deck, folder, _frame("#204060"))
    image = deck.parent / "bg.png"
    changes: dict[str, object] = {}
    if change == "deck text":
        deck.write_text(DECK.replace("# One", "# Uno"), encoding="utf-8")
    elif change == "image":
        st = image.stat()
        os.utime(image, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    elif change == "image removed":
        image.unlink()
    elif change == "code":
        monkeypatch.setattr(first_frame, "code_stamp", lambda: "another version")
    else:
        changes = {"size": {"width": 65}, "ratio": {"ratio": 2.0}, "start": {"start": "2"},
                   "fonts": {"fonts": ("DejaVu Sans", "Noto Sans")}}[change]
    assert _first(deck, folder, **changes).lookup() is None


def test_the_code_stamp_follows_every_file_of_the_package(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "render").mkdir(parents=True)
    (package / "render" / "paint.py").write_text("x = 1\n")
    before = first_frame.code_stamp(package)
    assert first_frame.code_stamp(package) == before
    (package / "render" / "paint.py").write_text("x = 22\n")
    assert first_frame.code_stamp(package) != before


@pytest.mark.parametrize("damage", ["truncated", "not a frame", "another size in the header"])
def test_a_broken_kept_frame_is_removed_and_never_shown(deck: Path, tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "cache"
    _kept(deck, folder, _frame("#204060"))
    path = next(folder.iterdir())
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[:-10])
    elif damage == "not a frame":
        path.write_bytes(b"GIF89a" + data)
    else:
        path.write_bytes(data.replace(b'"width": 64', b'"width": 6400', 1))
    assert _first(deck, folder).lookup() is None
    assert not path.exists()


def test_the_same_frame_is_not_written_again_and_a_different_one_replaces_it(deck: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    _kept(deck, folder, _frame("#204060"))
    path = next(folder.iterdir())
    first = _first(deck, folder)
    assert first.lookup() is not None
    written = path.stat().st_mtime_ns
    first.keep(_frame("#204060"), [str(deck.parent / "bg.png")])
    first.wait()
    assert path.stat().st_mtime_ns == written  # the real frame is the one shown: nothing written
    time.sleep(0.01)
    first = _first(deck, folder)
    assert first.lookup() is not None
    first.keep(_frame("#ff0000"), [str(deck.parent / "bg.png")])  # something the key does not see changed it
    first.wait()
    found = _first(deck, folder).lookup()
    assert found is not None and found.pixelColor(5, 5) == QColor("#ff0000")


def test_a_frame_of_another_size_than_asked_is_not_kept(deck: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = _first(deck, folder)
    first.lookup()
    first.keep(_frame("#204060", 80, 36), [])  # the window manager resized the window before the paint
    first.wait()
    assert not folder.exists() or not list(folder.iterdir())


def test_only_the_frames_used_last_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    for n in range(first_frame.KEEP + 2):
        path = tmp_path / f"deck{n}.md"
        path.write_text(f"# Deck {n}\n", encoding="utf-8")
        _kept(path, folder, _frame("#204060"))
        time.sleep(0.01)
    assert len(list(folder.glob("*.frame"))) == first_frame.KEEP
    assert _first(tmp_path / "deck0.md", folder).lookup() is None
    assert _first(tmp_path / f"deck{first_frame.KEEP + 1}.md", folder).lookup() is not None


def test_a_cache_that_cannot_be_written_is_not_an_error(deck: Path, tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    first = _first(deck, blocker / "cache")
    assert first.lookup() is None
    with caplog.at_level("INFO", logger="presenter.ui.first_frame"):
        first.keep(_frame("#204060"), [])
        first.wait()
    assert "could not be kept" in caplog.text
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_deck_changed_during_the_start_is_not_kept_under_its_old_text(deck: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = _first(deck, folder)
    assert first.lookup() is None
    deck.write_text(DECK.replace("# One", "# Uno"), encoding="utf-8")  # saved while presenter was starting
    first.keep(_frame("#204060"), [])
    first.wait()
    assert not folder.exists() or not list(folder.iterdir())


def test_the_projector_shell_shows_a_kept_picture_only_at_its_own_size(qtbot) -> None:
    from presenter.ui.boot import Shell

    shell = Shell("Audience", "Kept", "#000000")
    qtbot.addWidget(shell)
    shell.resize(64, 36)
    shell.show()
    qtbot.waitExposed(shell)
    ratio = shell.devicePixelRatioF()
    picture = _frame("#204060", round(64 * ratio), round(36 * ratio))
    picture.setDevicePixelRatio(ratio)
    shell.show_picture(picture)
    qtbot.waitUntil(lambda: shell.picture_painted)
    assert shell.grab().toImage().pixelColor(5, 5) == QColor("#204060")
    shell.picture_painted = False
    shell.show_picture(_frame("#ff0000", round(80 * ratio), round(36 * ratio)))  # not the window's size
    assert shell.grab().toImage().pixelColor(5, 5) == QColor("#000000") and not shell.picture_painted


def test_the_app_keeps_the_projectors_real_first_frame(qtbot, settings, tmp_path: Path) -> None:
    from presenter.deck import load_deck
    from presenter.ui import screens
    from presenter.ui.app import KEEP_FIRST_FRAME_MS, PresenterApp
    from presenter.ui.boot import make_shells

    deck_path = tmp_path / "deck.md"
    deck_path.write_text(DECK.replace('data-background="bg.png"', 'data-background="#335577"'), encoding="utf-8")
    shells = make_shells("Kept")
    for shell in shells:
        qtbot.addWidget(shell)
    screens.place(*shells, None, False)
    qtbot.waitExposed(shells[1])
    ratio = shells[1].devicePixelRatioF()
    size = (round(shells[1].width() * ratio), round(shells[1].height() * ratio))
    first = FirstFrame(deck_path, "1", *size, ratio, folder=tmp_path / "cache")
    assert first.lookup() is None
    app = PresenterApp(load_deck(deck_path), settings, shells=shells, first_frame=first)
    try:
        app.start()
        qtbot.wait(KEEP_FIRST_FRAME_MS + 200)
        first.wait()
        real = app.audience.current_pixmap()
        assert real is not None
        kept = FirstFrame(deck_path, "1", *size, ratio, folder=tmp_path / "cache").lookup()
        assert kept is not None and kept == real.toImage().convertToFormat(kept.format())
        assert kept.pixelColor(3, 3) == QColor("#335577")
    finally:
        app.stop()


def test_the_kept_frame_is_shown_in_the_projectors_shell_unless_turned_off(qtbot, settings, deck: Path,
                                                                          tmp_path: Path) -> None:
    from presenter.ui.boot import Shell, kept_first_frame

    shell = Shell("Audience", "Kept", "#000000")
    qtbot.addWidget(shell)
    shell.resize(64, 36)
    ratio = shell.devicePixelRatioF()
    size = (round(64 * ratio), round(36 * ratio))
    folder = tmp_path / "cache"
    _kept(deck, folder, _frame("#204060", *size), width=size[0], height=size[1], ratio=ratio,
          fonts=QFontDatabase.families())
    first = kept_first_frame(deck, "1", shell, settings, folder)
    assert first is not None and shell.picture is not None
    shell.show()
    qtbot.waitUntil(lambda: shell.picture_painted)
    settings.setValue("remember_first_frame", "false")
    shell.show_picture(None)
    assert kept_first_frame(deck, "1", shell, settings, folder) is None and shell.picture is None


def test_a_kept_frame_that_cannot_be_read_never_stops_the_start(qtbot, settings, deck: Path, tmp_path: Path,
                                                                 monkeypatch, caplog) -> None:
    from presenter.ui.boot import Shell, kept_first_frame

    def broken(self: FirstFrame) -> None:
        raise MemoryError("no room for the picture")

    monkeypatch.setattr(FirstFrame, "lookup", broken)
    shell = Shell("Audience", "Kept", "#000000")
    qtbot.addWidget(shell)
    with caplog.at_level("WARNING", logger="presenter.ui.boot"):
        first = kept_first_frame(deck, "1", shell, settings, tmp_path / "cache")
    assert first is not None and first.shown is None and shell.picture is None
    assert "could not be read" in caplog.text


def test_a_kept_frame_file_is_never_read_past_what_its_header_promises(deck: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    _kept(deck, folder, _frame("#204060"))
    path = next(folder.iterdir())
    with path.open("ab") as fh:
        fh.write(b"\0" * 4096)  # a file grown past its pixels is not a frame
    assert _first(deck, folder).lookup() is None
    assert not path.exists()
