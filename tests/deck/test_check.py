"""``presenter check``: the slide list, the findings, the JSON shape and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presenter.cli import main
from presenter.deck import load_deck
from presenter.deck.check import check_deck


def codes(path: Path) -> dict[str, list[tuple[str, int]]]:
    report = check_deck(load_deck(path))
    out: dict[str, list[tuple[str, int]]] = {}
    for f in report.findings:
        out.setdefault(f.code, []).append((f.slide, f.line))
    return out


def test_demo_deck_is_clean(decks_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(decks_dir / "demo.md")]) == 0
    out = capsys.readouterr().out
    assert "2.2  A light slide" in out and "0 errors, 0 warnings" in out


def test_seed_decks_find_their_images_and_attachments(decks_dir: Path) -> None:
    for name in ("community-safety-2019.md", "community-safety-2023.md"):
        found = codes(decks_dir / name)
        assert "missing-image" not in found and "missing-attachment" not in found, name


def test_json_shape(decks_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--json", str(decks_dir / "community-safety-2023.md")])
    data = json.loads(capsys.readouterr().out)
    assert code == 1  # the deck has empty slides: warnings
    assert set(data) == {"deck", "title", "theme", "transition", "slides", "total_seconds", "findings"}
    assert data["total_seconds"] == sum(s["seconds"] for s in data["slides"])
    assert (data["theme"], data["transition"]) == ("night", "fade")
    first, second = data["slides"][:2]
    assert (first["h"], first["v"], second["h"], second["v"]) == (1, 1, 1, 2)
    assert set(first) == {"h", "v", "title", "notes_words", "seconds", "background", "attributes"}
    assert first["attributes"]["data-background-opacity"] == "0.5"
    assert second["notes_words"] > 30 and second["seconds"] > 0
    empty = [f for f in data["findings"] if f["code"] == "empty-slide"]
    assert {f["slide"] for f in empty} == {"3.2", "4.2", "5.2"}
    assert all(set(f) == {"severity", "code", "slide", "line", "message"} for f in data["findings"])
    assert [f["line"] for f in empty] == [174, 180, 186]


def test_findings_with_lines(write_deck, tmp_path: Path) -> None:
    (tmp_path / "here.png").write_bytes(b"\x89PNG\r\n\x1a\nrest")
    (tmp_path / "broken.png").write_text("not an image")
    path = write_deck(
        "---\ntheme: neon\nrevealOptions:\n  transition: wobble\n---\n"
        "<!-- .slide: data-background=\"./missing.jpg\" -->\n# A\n\nNote: a\n\n---\n\n"  # 6-11
        "<!-- .slide: data-state='single' -->\n# B\n\n[plan](/attachments/plan.pdf)\n\n---\n\n"  # 13-18
        "# C\n![x](./here.png) ![y](./broken.png)\n\nNote: one\n\nNote: two\n\n---\n\n"  # 20-27
        "```\n---\n```\n\n---\n\n"  # 29-34
        "<!-- .slide: data-transition=\"spin\" data-background=\"img/x.avif\" -->\n")  # 35
    found = codes(path)
    assert found["unknown-theme"] == [("", 1)] and found["unknown-transition"][0] == ("", 1)
    assert ("1", 6) in found["missing-image"]
    assert found["ignored-attribute"] == [("2", 13)]
    assert found["missing-attachment"] == [("2", 13)]
    assert found["unreadable-image"] == [("3", 20)]
    assert found["several-notes-markers"] == [("3", 25)]
    assert found["separator-in-code-fence"] == [("", 30)]
    assert ("5", 35) in found["unknown-transition"] and found["background-not-shown"] == [("5", 35)]
    assert ("4", 29) in found["no-notes"]


def test_separator_that_never_matches(write_deck) -> None:
    found = codes(write_deck("---\nseparator: '^===$'\n---\n# A\n\n---\n\n# B\n"))
    assert "separator-never-matched" in found


def test_exit_code_zero_when_clean(write_deck, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_deck("# A\n\nNote: talk\n")
    assert main(["check", str(path)]) == 0
