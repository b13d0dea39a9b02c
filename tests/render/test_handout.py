"""PDF handouts: page counts, every word of notes and slides in the text layer, flowing notes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from presenter.cli import main
from presenter.deck import load_deck, parse_deck
from presenter.render.handout import ExportError, ExportOptions, export_pdf, select_slides

pytestmark = [pytest.mark.usefixtures("qapp"),
              pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")]


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


def words(text: str) -> set[str]:
    # "staff/members" may wrap after the slash, so a slash separates words too
    return {w.strip(".,:;()“”\"'‘’!?") for w in re.split(r"[\s/]+", text)} - {""}


@pytest.fixture(scope="module")
def deck_2019(request):
    return load_deck(Path(__file__).resolve().parents[2] / "decks" / "community-safety-2019.md")


@pytest.mark.parametrize(("layout", "expected"), [
    ("handout-2", 7), ("handout-3", 5), ("handout-4", 4), ("handout-6", 3), ("handout-9", 2)])
def test_handout_page_counts(deck_2019, tmp_path: Path, layout: str, expected: int) -> None:
    out = tmp_path / f"{layout}.pdf"
    assert export_pdf(deck_2019, out, ExportOptions(layout=layout)) == expected == pages(out)


def test_notes_pages_hold_every_word_and_flow_on(deck_2019, tmp_path: Path) -> None:
    out = tmp_path / "notes.pdf"
    count = export_pdf(deck_2019, out, ExportOptions(layout="notes"))
    assert count == pages(out) > len(deck_2019.slides)  # long notes flowed onto continuation pages
    text = pdf_text(out)
    for slide in deck_2019.slides:
        missing = {w for w in words(slide.notes_text) if w not in text}
        assert not missing, (slide.label, sorted(missing)[:10])
        assert {w for w in words(slide.text) if w.lower() not in text.lower()} == set(), slide.label
    assert "(continued)" in text and f"page 1 of {count}" in text and f"page {count} of {count}" in text


def test_script_layout_has_every_note_and_the_titles(deck_2019, tmp_path: Path) -> None:
    out = tmp_path / "script.pdf"
    export_pdf(deck_2019, out, ExportOptions(layout="script"))
    text = pdf_text(out)
    assert "5.2 · Business and Projects Support" in text
    for slide in deck_2019.slides:
        assert not {w for w in words(slide.notes_text) if w not in text}, slide.label


def test_non_ascii_survives(tmp_path: Path) -> None:
    deck = parse_deck("# Budget £5m – agreed\n\nNote: The council’s £2.4m plan – café naïve résumé\n", tmp_path / "d.md")
    out = tmp_path / "n.pdf"
    export_pdf(deck, out, ExportOptions(layout="notes"))
    text = pdf_text(out)
    assert "council’s £2.4m plan – café naïve résumé" in text
    assert "£5m – agreed".lower() in text.lower()


def test_vertical_slides_in_hidden_out_and_ranges(tmp_path: Path) -> None:
    deck = parse_deck("# A\n\nNote: a\n\n---\n\n# B\n\n----\n\n# B2\n\nNote: b2\n\n---\n\n"
                      "<!-- .slide: data-visibility=\"hidden\" -->\n# Secret\n\nNote: s\n\n---\n\n# D\n\nNote: d\n")
    assert [s.label for s in select_slides(deck, "")] == ["1", "2.1", "2.2", "4"]
    assert [s.label for s in select_slides(deck, "2-4")] == ["2.1", "2.2", "4"]
    assert [s.label for s in select_slides(deck, "2.2-")] == ["2.2", "4"]
    assert [s.label for s in select_slides(deck, "", include_without_notes=False)] == ["1", "2.2", "4"]
    out = tmp_path / "s.pdf"
    export_pdf(deck, out, ExportOptions(layout="notes"))
    text = pdf_text(out)
    assert "Secret" not in text and "B2" in text
    with pytest.raises(ExportError, match="matches no slide"):
        select_slides(deck, "9-12")


def test_final_fragment_step_is_drawn(tmp_path: Path) -> None:
    deck = parse_deck('# F\n\n- hidden until the end <!-- .element: class="fragment" -->\n')
    out = tmp_path / "f.pdf"
    export_pdf(deck, out, ExportOptions(layout="handout-2"))
    assert "hidden until the end" in pdf_text(out)


def test_letter_landscape_and_errors(deck_2019, tmp_path: Path) -> None:
    out = tmp_path / "l.pdf"
    export_pdf(deck_2019, out, ExportOptions(layout="handout-4", page="Letter", landscape=True))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "792 x 612 pts" in info  # US Letter, landscape
    with pytest.raises(ExportError, match="unknown layout"):
        export_pdf(deck_2019, out, ExportOptions(layout="poster"))
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(deck_2019, tmp_path / "no" / "x.pdf")


def test_cancel_leaves_no_file(deck_2019, tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    with pytest.raises(ExportError, match="cancelled"):
        export_pdf(deck_2019, out, ExportOptions(), progress=lambda done, total: done < 3)
    assert not out.exists() and not list(tmp_path.glob(".presenter-*"))


def test_cli_export(deck_2019, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.pdf"
    deck = Path(__file__).resolve().parents[2] / "decks" / "community-safety-2019.md"
    assert main(["export", str(deck), "-o", str(out), "--layout", "handout-6", "--slides", "5"]) == 0
    assert pages(out) == 1 and "wrote" in capsys.readouterr().out
    assert main(["export", str(deck), "-o", str(out), "--slides", "x"]) == 2
    assert "slide range 'x'" in capsys.readouterr().err
