"""PDF handouts: page counts, every word of notes and slides in the text layer, flowing notes."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

from presenter.cli import main
from presenter.deck import load_deck, parse_deck
from presenter.deck.model import Slide
from presenter.render import layouts, textflow
from presenter.render.handout import (
    LAYOUTS,
    PRINT_STYLES,
    ExportError,
    ExportOptions,
    export_pdf,
    plan_of,
    select_slides,
)
from presenter.render.pages import PageWriter
from presenter.render.print_style import print_theme
from presenter.render.textflow import text_document
from presenter.render.themes import get_theme

ROOT = Path(__file__).resolve().parents[2]

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
    text = "# Budget £5m – agreed\n\nNote: The council’s £2.4m plan – café naïve résumé\n"
    deck = parse_deck(text, tmp_path / "d.md")
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


# -- print styles, layouts that use the page, properties -------------------------------------------
def png_pages(pdf: Path, tmp_path: Path, dpi: int = 20, first: int = 1, last: int = 1) -> list[QImage]:
    prefix = tmp_path / f"{pdf.stem}-png"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(first), "-l", str(last), str(pdf), str(prefix)],
                   check=True)
    return [QImage(str(p)) for p in sorted(tmp_path.glob(f"{pdf.stem}-png*.png"))]


def mean_grey(image: QImage, rect: QRect) -> float:
    values = [QColor(image.pixel(x, y)).lightness() for x in range(rect.left(), rect.right(), 2)
              for y in range(rect.top(), rect.bottom(), 2)]
    return sum(values) / len(values)


def ink_outside(image: QImage, inset_mm: float, dpi: int) -> int:
    """Dark pixels in the outer margin of a page (nothing is drawn there)."""
    inset = round(inset_mm / 25.4 * dpi)
    w, h = image.width(), image.height()
    edge = [(x, y) for x in range(w) for y in range(h) if x < inset or x >= w - inset or y < inset or y >= h - inset]
    return sum(1 for x, y in edge if QColor(image.pixel(x, y)).lightness() < 200)


SAMPLE = "\n\n---\n\n".join(
    f"<!-- .slide: data-background-gradient=\"linear-gradient(#102040, #203060)\" -->\n## Slide {n}: a title long "
    f"enough to need more than one line of a caption in the smaller grids\n\n- point one\n- point two\n\nNote:\n\n"
    + "\n\n".join(f"Paragraph {k} of the notes for slide {n}, long enough to wrap onto a second line of the page."
                    for k in range(12 * n)) for n in range(1, 4))


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize(("page", "landscape"), [("A4", False), ("A4", True), ("Letter", False), ("Letter", True)])
def test_every_layout_fits_every_page(tmp_path: Path, layout: str, page: str, landscape: bool) -> None:
    deck = parse_deck("---\ntheme: night\n---\n" + SAMPLE, tmp_path / "d.md")
    out = tmp_path / "l.pdf"
    count = export_pdf(deck, out, ExportOptions(layout=layout, page=page, landscape=landscape))
    assert count == pages(out) >= 1
    (image,) = png_pages(out, tmp_path)
    assert image.width() > image.height() if landscape else image.width() < image.height()
    assert ink_outside(image, 12, 20) == 0  # nothing spills into the margins
    text = pdf_text(out)
    for slide in deck.slides:
        assert f"{slide.label}: a title" in text or f"{slide.label} · Slide" in text, (layout, slide.label)
        if LAYOUTS[layout].notes:
            assert not {w for w in words(slide.notes_text) if w not in text}, (layout, slide.label)


def test_light_style_prints_a_dark_theme_light(deck_2019, tmp_path: Path) -> None:
    grey = {}
    for style in PRINT_STYLES:
        out = tmp_path / f"{style}.pdf"
        export_pdf(deck_2019, out, ExportOptions(layout="handout-2", slides="2", print_style=style))
        (image,) = png_pages(out, tmp_path, dpi=30)
        w, h = image.width(), image.height()
        grey[style] = mean_grey(image, QRect(w // 4, h // 5, w // 2, h // 5))  # inside the slide
    assert grey["light"] > 175 and grey["theme"] < 110, grey
    with pytest.raises(ExportError, match="unknown print style"):
        export_pdf(deck_2019, tmp_path / "x.pdf", ExportOptions(print_style="sepia"))


def test_light_style_palette_keeps_the_typography() -> None:
    night = get_theme("night")
    light = print_theme(night, PRINT_STYLES["light"])
    assert (light.background, light.gradient, light.text_on_dark) == ("#ffffff", None, light.text)
    assert (light.heading_font, light.base, light.heading_transform) == (night.heading_font, night.base,
                                                                         night.heading_transform)
    assert print_theme(night, PRINT_STYLES["theme"]) is night and light.name != night.name  # cached apart


def test_an_empty_slide_is_a_small_labelled_frame(tmp_path: Path) -> None:
    deck = parse_deck("---\ntheme: black\n---\n# One\n\nNote: a\n\n---\n\n---\n\n# Three\n", tmp_path / "d.md")
    for layout in ("handout-4", "notes"):
        out = tmp_path / f"{layout}.pdf"
        export_pdf(deck, out, ExportOptions(layout=layout, print_style="theme"))
        assert pdf_text(out).count("(empty slide)") == 1
    (image,) = png_pages(tmp_path / "handout-4.pdf", tmp_path, dpi=30)
    w, h = image.width(), image.height()
    right_cell = QRect(int(w * 0.58), int(h * 0.3), int(w * 0.3), int(h * 0.15))
    assert mean_grey(image, right_cell) > 230  # not a black box


def test_title_author_language_and_a_bookmark_per_slide(deck_2019, tmp_path: Path) -> None:
    from pypdf import PdfReader

    text = (ROOT / "decks" / "community-safety-2019.md").read_text(encoding="utf-8")
    deck_file = tmp_path / "deck.md"
    front = "author: Cllr Pervez Choudhury\nlang: en-GB\ntitle:"
    deck_file.write_text(text.replace("title:", front, 1), encoding="utf-8")
    deck = load_deck(deck_file)
    for layout in ("notes", "script"):
        out = tmp_path / f"{layout}.pdf"
        export_pdf(deck, out, ExportOptions(layout=layout))
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Title:\s+Community Safety and Performance: (notes pages|speaker script)", info)
        assert re.search(r"Author:\s+Cllr Pervez Choudhury", info)
        reader = PdfReader(str(out))
        assert reader.trailer["/Root"]["/Lang"] == "en-GB"
        marks = [(m.title, reader.get_destination_page_number(m)) for m in reader.outline]
        shown = [s for s in deck.slides if not s.hidden]
        assert [t for t, _ in marks] == [f"Slide {s.label}: {s.title}" for s in shown]
        for (title, page), slide in zip(marks, shown, strict=True):  # each opens the page with that slide's heading
            page_text = pdf_page_text(out, page + 1)
            heading = f"Slide {slide.label}: {slide.title}" if layout == "notes" else f"{slide.label} · {slide.title}"
            assert heading[:30] in page_text, (layout, title, page)


def pdf_page_text(path: Path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_files_are_written_with_the_users_umask(tmp_path: Path, mask: int) -> None:
    deck = parse_deck("# A\n\nNote: n\n", tmp_path / "d.md")
    out = tmp_path / "u.pdf"
    previous = os.umask(mask)
    try:
        export_pdf(deck, out, ExportOptions(layout="handout-9"))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    out.chmod(0o640)  # a file being replaced keeps its mode
    export_pdf(deck, out, ExportOptions(layout="handout-9"))
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_captions_are_elided_not_cut(tmp_path: Path) -> None:
    title = "Community Safety Partnership Plan and the Youth Violent Crime Reduction Project Highlights"
    deck = parse_deck(f"# {title}\n\n---\n\n# Short\n", tmp_path / "d.md")
    out = tmp_path / "e.pdf"
    export_pdf(deck, out, ExportOptions(layout="handout-9"))
    captions = [line for line in pdf_text_lines(out) if line.startswith("1 ")]
    assert captions and captions[0].endswith("…") and title not in captions[0]


def pdf_text_lines(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines()]


def test_no_short_continuation_page_when_a_tighter_page_fits(tmp_path: Path) -> None:
    pdf = QPdfWriter(str(tmp_path / "probe.pdf"))
    pdf.setResolution(300)
    saved = 0
    for paragraphs in range(24, 100, 3):
        notes = "\n\n".join(f"Line {n} of the notes for the councillor to read." for n in range(paragraphs))
        deck = parse_deck(f"# A\n\nNote:\n\n{notes}\n", tmp_path / "d.md")
        writer = PageWriter(deck, pdf, PRINT_STYLES["light"], dt.date(2026, 1, 1))
        slide = deck.slides[0]
        pages = layouts._notes_pages(writer, slide)

        def pages_and_last(variant: tuple[float, float, bool], slide: Slide = slide,
                           writer: PageWriter = writer) -> tuple[int, int]:
            scale, gap, tight = variant
            geometry = layouts._notes_geometry(writer, slide, scale, gap)
            doc = text_document(slide.notes_html, geometry.first[0].width(), 11, tight)
            placed = layouts.flow(doc, geometry.first, geometry.rest)
            return len(placed), layouts._last_lines(doc, placed)

        base_pages, base_last = pages_and_last(layouts.VARIANTS[0])
        if base_pages == 1 or base_last >= layouts.MIN_LINES:
            assert len(pages) == base_pages, paragraphs  # a full last page keeps the slide large
        elif pages_and_last(layouts.VARIANTS[-1])[0] < base_pages:
            assert len(pages) < base_pages, paragraphs  # a short last page that fits tighter is not printed
        saved += base_pages > len(pages)
    assert saved >= 2  # the case happened, and was saved


def test_a_heading_moves_on_with_its_text(qapp) -> None:
    doc = text_document("".join(f"<p>paragraph {n}</p>" for n in range(6)) + "<h2>Heading</h2><p>its text</p>",
                        1000, 11)
    all_lines = textflow.lines(doc)
    heading = next(line for line in all_lines if line.heading)
    bands = textflow.split(doc, lambda k: heading.bottom + 1)  # the page ends just under the heading
    assert bands[0][1] == heading.top and bands[1][0] == heading.top


def test_bullets_and_list_numbers_stay_inside_the_frame(qapp) -> None:
    items = "".join(f"<li>item {n}</li>" for n in range(1, 13))
    for tag in ("ul", "ol"):
        doc = text_document(f"<{tag}>{items}</{tag}>", 400, 11)
        image = QImage(600, round(doc.size().height()) + 20, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setClipRect(QRectF(200, 0, 400, image.height()))  # the frame starts at x = 200
        textflow.draw_band(painter, doc, QPointF(200, 10), (0, doc.size().height()))
        painter.end()
        ink = [x for x in range(200, 320) for y in range(0, image.height(), 2)
               if QColor(image.pixel(x, y)).lightness() < 128]
        assert min(ink) > 201, tag  # the marker is whole, not cut by the frame's edge at x = 200


def test_script_drops_headings_that_repeat_the_title(tmp_path: Path) -> None:
    deck = load_deck(ROOT / "decks" / "community-safety-2023.md")
    out = tmp_path / "s.pdf"
    export_pdf(deck, out, ExportOptions(layout="script"))
    text = pdf_text(out)
    assert text.count("Community Safety Team Staffing") == 1 and "2.2 · Community Safety Team Staffing" in text
    assert "2.3 · Prevent Action Plan 2023 – 2024 The Community Safety Team are working" in text
    assert "Serious Violence Duty" in text  # a heading that is not the title stays
    assert layouts.without_title("<h3>Other</h3><p>x</p>", "Title") == "<h3>Other</h3><p>x</p>"
    assert layouts.without_title("<h3>The &amp; <em>Title</em></h3><p>x</p>", "The & Title") == "<p>x</p>"


def test_questions_pdf_has_refs_human_times_and_plurals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from presenter.talk.questions import Question, QuestionLog
    from presenter.talk.storage import open_store

    deck = tmp_path / "talk.md"
    deck.write_text("# A\n", encoding="utf-8")
    store = open_store(deck)
    QuestionLog(store, wall=lambda: dt.datetime(2026, 11, 23, 19, 47, 13)).add(
        Question(question="Will the £2.4m – CCTV upgrade cover Potters Bar?", owner="Head of CS", due="15/12/2026"))
    store.close()
    out = tmp_path / "q.pdf"
    assert main(["questions", str(deck), "--format", "pdf", "-o", str(out)]) == 0
    assert "(1 question)" in capsys.readouterr().out
    text = pdf_text(out)
    assert "Q1 Will the £2.4m – CCTV upgrade" in text and "at 19:47" in text and "2026-11-23T" not in text
    assert "1 question, 1 follow-up" in text and "due 15 December 2026" in text


def test_command_line_help_comes_from_the_tables(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = re.sub(r"\s+", " ", capsys.readouterr().out)
    for row in [*LAYOUTS.values(), *PRINT_STYLES.values()]:
        assert f"{row.name}: {row.help}" in help_text
    assert all(callable(plan_of(layout)) for layout in LAYOUTS.values())
