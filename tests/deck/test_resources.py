"""Everything a deck refers to resolves inside its folder; what escapes is refused and reported."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from presenter.cli import main
from presenter.deck import load_deck
from presenter.deck.check import check_deck
from presenter.deck.resources import link_permission, resolve

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    deck = tmp_path / "talk"
    (deck / "img").mkdir(parents=True)
    (deck / "img" / "a.png").write_bytes(PNG)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.png").write_bytes(PNG)
    return deck.resolve()


@pytest.mark.parametrize(("url", "kind"), [
    ("img/a.png", "local"), ("./img/a%20b.png", "local"), ("/img/a.png", "local"),
    ("../outside/x.png", "outside"), ("img/../../outside/x.png", "outside"), ("file:///etc/passwd", "outside"),
    ("https://example.com/a.png", "remote"), ("data:image/png;base64,AAAA", "remote"), ("#slide-2", "anchor"),
    ("mailto:a@b.c", "other"), ("a" * 300 + ".png", "invalid"), ("a\x00.png", "invalid"), ("", "empty"),
])
def test_resolve_kinds(folder: Path, url: str, kind: str) -> None:
    assert resolve(folder, url).kind == kind


def test_file_url_and_absolute_path_inside_the_folder_are_fine(folder: Path) -> None:
    assert resolve(folder, (folder / "img" / "a.png").as_uri()).path == folder / "img" / "a.png"


def test_symlink_out_of_the_folder_is_outside(folder: Path) -> None:
    (folder / "img" / "link.png").symlink_to(folder.parent / "outside" / "x.png")
    assert resolve(folder, "img/link.png").kind == "outside"


def test_images_backgrounds_and_attachments_outside_the_folder_are_reported(folder: Path) -> None:
    deck_file = folder / "deck.md"
    deck_file.write_text('<!-- .slide: data-background="../outside/x.png" -->\n# A\n\n![x](file:///etc/hostname)\n\n'
                         "[plan](../outside/plan.pdf)\n\nNote: ![n](../outside/y.png)\n", encoding="utf-8")
    deck = load_deck(deck_file)
    found = [f for f in check_deck(deck).findings if f.code == "outside-deck-folder"]
    assert len(found) == 4
    assert deck.resolve("../outside/x.png") is None  # so nothing paints or embeds it
    assert deck.slides[0].background.image == "../outside/x.png"


@pytest.mark.parametrize("where", ["![x]({name})", '<!-- .slide: data-background="{name}" -->'])
def test_names_longer_than_the_system_allows_are_findings_not_errors(
        folder: Path, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    deck_file = folder / "deck.md"
    deck_file.write_text("# A\n\n" + where.format(name="a" * 300 + ".png") + "\n", encoding="utf-8")
    assert main(["check", str(deck_file)]) == 1
    out = capsys.readouterr().out
    assert "[missing-image]" in out and "cannot name a file" in out
    assert load_deck(deck_file).resolve("a" * 300 + ".png") is None


def test_notes_images_resolve_against_the_deck_folder_not_the_cwd(folder: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    deck_file = folder / "deck.md"
    deck_file.write_text("# A\n\nNote: ![here](img/a.png) ![away](../outside/x.png)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "outside")
    notes = load_deck(deck_file).slides[0].notes_html
    assert f'src="{(folder / "img" / "a.png").as_uri()}"' in notes
    assert '<img src alt="away" data-deck-src="../outside/x.png">' in notes  # no file: nothing shown


def test_web_and_mail_links_may_be_opened(folder: Path) -> None:
    for href in ("https://example.com/report", "http://x.org", "mailto:clerk@council.gov"):
        assert link_permission(folder, href).allowed


def test_documents_inside_the_folder_may_be_opened(folder: Path) -> None:
    (folder / "plan.pdf").write_bytes(b"%PDF-1.4\n")
    verdict = link_permission(folder, "plan.pdf")
    assert verdict.allowed and verdict.target == str(folder / "plan.pdf")


@pytest.mark.parametrize(("name", "content", "mode", "reason"), [
    ("evil.sh", b"echo hi\n", 0o644, "program or a script"),
    ("run", b"\x7fELF", 0o755, "program or a script"),
    ("open.desktop", b"[Desktop Entry]\nExec=sh\n", 0o644, "program or a script"),
    ("notes.txt", b"#!/bin/sh\nrm -rf ~\n", 0o644, "program or a script"),
])
def test_programs_scripts_and_launchers_are_refused(folder: Path, name: str, content: bytes, mode: int,
                                                   reason: str) -> None:
    path = folder / name
    path.write_bytes(content)
    os.chmod(path, mode)
    verdict = link_permission(folder, name)
    assert not verdict.allowed and reason in verdict.reason


@pytest.mark.parametrize(("href", "reason"), [
    ("file:///bin/sh", "outside the deck's folder"), ("../../outside/x.sh", "outside the deck's folder"),
    ("missing.pdf", "does not exist"), ("img", "not a document"), ("#slide", "inside the deck"),
    ("javascript:alert(1)", "not a web link"),
])
def test_other_links_are_refused_with_a_reason(folder: Path, href: str, reason: str) -> None:
    verdict = link_permission(folder, href)
    assert not verdict.allowed and reason in verdict.reason


def test_notes_never_make_qt_read_a_device_or_a_file_outside(tmp_path: Path) -> None:
    """Found by the fuzzer: an <iframe> in the notes turned the rest into raw text, which Qt's rich
    text read as markup again, so an <img src="file:///dev/zero"> reached QTextDocument (24 GB)."""
    from presenter.deck import load_deck

    deck = tmp_path / "deck.md"
    deck.write_text('# A\n\nNote: before <iframe id="x">\n\n<img src="file:///dev/zero" alt="zero">\n\n'
                    '<img width="bare" height="99999" src="../outside.png"> <script>alert(1)</script> after\n',
                    encoding="utf-8")
    (tmp_path.parent / "outside.png").write_bytes(b"\x89PNG")
    html = load_deck(deck).slides[0].notes_html
    assert "dev/zero" not in html.replace('data-deck-src="file:///dev/zero"', "")
    assert "<iframe" not in html and "alert" not in html and "outside.png\"" not in html.replace(
        'data-deck-src="../outside.png"', "")
    assert 'width="bare"' not in html and "99999" not in html and "before" in html


def test_notes_from_attribute_comments_are_cleaned_too(tmp_path: Path) -> None:
    from presenter.deck import load_deck

    deck = tmp_path / "deck.md"
    deck.write_text('# A\n\n<aside class="notes">raw <img src="/dev/zero"></aside>\n', encoding="utf-8")
    html = load_deck(deck).slides[0].notes_html
    assert "raw" in html and not re.search(r'(?<![-\w])src="/dev/zero"', html)  # kept only as data-deck-src
