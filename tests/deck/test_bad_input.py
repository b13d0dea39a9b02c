"""Each way a deck can be unreadable gives one clear message naming the file, exit code 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from presenter.cli import main
from presenter.deck import DeckError, load_deck


def run_check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_check(tmp_path / "nope.md", capsys)
    assert code == 2 and "nope.md: no such file" in err


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_check(tmp_path, capsys)
    assert code == 2 and "is a folder" in err and str(tmp_path) in err


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("# A\n\nok\n\n# caf\xe9\n".encode("latin-1"))
    code, err = run_check(path, capsys)
    assert code == 2 and f"{path}:5: is not UTF-8" in err


def test_binary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, err = run_check(path, capsys)
    assert code == 2 and "binary file" in err


def test_malformed_yaml_names_the_line(write_deck, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_deck("---\ntitle: ok\ntheme: [night\n---\n# A\n")
    code, err = run_check(path, capsys)
    assert code == 2 and "front matter is not valid YAML" in err and f"{path}:" in err
    assert load_error(path).line in (3, 4, 5)


@pytest.mark.parametrize("block", ["- a\n- b", "just a string", "# only a comment"])
def test_front_matter_not_a_mapping(write_deck, block: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_deck(f"---\n{block}\n---\n# A\n")
    code, err = run_check(path, capsys)
    assert code == 2 and "front matter must be a mapping" in err


def test_separator_that_does_not_compile(write_deck, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_deck("---\nseparator: '(unclosed'\n---\n# A\n")
    code, err = run_check(path, capsys)
    assert code == 2 and "separator '(unclosed' is not a valid regular expression" in err


@pytest.mark.parametrize("sep", ["^", "x*", "(?=#)"])
def test_separator_matching_empty_text(write_deck, sep: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_deck(f"---\nseparator: '{sep}'\n---\n# A\n\n# B\n")
    code, err = run_check(path, capsys)
    assert code == 2 and "matches empty text" in err


def test_separator_not_a_string(write_deck, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_deck("---\nverticalSeparator: 3\n---\n# A\n")
    code, err = run_check(path, capsys)
    assert code == 2 and "must be a string" in err


def test_huge_deck_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    code, err = run_check(path, capsys)
    assert code == 2 and "52.4 MB" in err and "refused" in err


def load_error(path: Path) -> DeckError:
    with pytest.raises(DeckError) as info:
        load_deck(path)
    return info.value


def test_fifo_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck.md"
    os.mkfifo(path)  # nobody writes: opening it for reading the usual way would block for ever
    code, err = run_check(path, capsys)
    assert code == 2 and "named pipe (FIFO)" in err


@pytest.mark.parametrize(("device", "kind"), [("/dev/zero", "character device"), ("/dev/null", "character device")])
def test_devices_are_refused_unread(device: str, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_check(Path(device), capsys)
    assert code == 2 and kind in err and device in err


def test_symlink_to_a_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "deck.md"
    link.symlink_to("/dev/zero")
    code, err = run_check(link, capsys)
    assert code == 2 and "character device" in err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_decks_with_a_bom_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "deck.md"
    text = "---\ntitle: Café\n---\n# Über\n\nNote: naïve\n"
    bom = {"utf-16": "", "utf-16-be": "\ufeff", "utf-32": ""}[encoding]
    path.write_bytes((bom + text).encode(encoding))
    deck = load_deck(path)
    assert deck.title == "Café" and deck.slides[0].title == "Über" and deck.slides[0].notes_text == "naïve"


def test_utf16_without_a_bom_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck.md"
    path.write_bytes("# A\n\nplain text\n".encode("utf-16-le"))
    code, err = run_check(path, capsys)
    assert code == 2 and "UTF-16" in err and "binary" not in err


def test_broken_utf16_is_reported_as_utf16(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deck.md"
    path.write_bytes(b"\xff\xfe# \x00A\x00\x00\xd8")  # a lone surrogate
    code, err = run_check(path, capsys)
    assert code == 2 and "UTF-16" in err
