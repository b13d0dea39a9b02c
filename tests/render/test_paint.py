"""paint_slide into QImages: check pixels, not pictures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from presenter.deck import Deck, load_deck, parse_deck
from presenter.render.paint import RenderContext, paint_slide, slide_box
from presenter.render.snapshot import render_image
from presenter.render.themes import get_theme

pytestmark = pytest.mark.usefixtures("qapp")


def render(deck: Deck, index: int = 0, size: tuple[int, int] = (480, 270), step: int = -1) -> QImage:
    return render_image(deck, deck.slides[index], size, step)


def pixel(img: QImage, x: int, y: int) -> QColor:
    return QColor(img.pixel(x, y))


def differing(a: QImage, b: QImage) -> int:
    return sum(1 for y in range(0, a.height(), 3) for x in range(0, a.width(), 3) if a.pixel(x, y) != b.pixel(x, y))


def content_pixels(img: QImage, background: QColor) -> int:
    return sum(1 for y in range(0, img.height(), 2) for x in range(0, img.width(), 2)
               if QColor(img.pixel(x, y)) != background)


def test_letterbox_shows_the_theme_background() -> None:
    img = render(parse_deck("---\ntheme: night\n---\n# Title\n"), size=(800, 200))
    assert pixel(img, 2, 100).name() == "#111111"  # beside the 960x700 box on a wide strip
    assert pixel(img, 797, 2).name() == "#111111"


def test_theme_background_and_text_present() -> None:
    img = render(parse_deck("---\ntheme: white\n---\n# Hello\n\nSome words here\n"))
    assert pixel(img, 1, 1).name() == "#ffffff"
    assert content_pixels(img, QColor("#ffffff")) > 200


def test_radial_gradient_theme_is_lighter_in_the_centre() -> None:
    img = render(parse_deck("---\ntheme: league\n---\n\n"))
    assert pixel(img, 240, 135).lightness() > pixel(img, 1, 1).lightness()


def test_background_colour_and_contrast_text() -> None:
    deck = parse_deck('---\ntheme: night\n---\n<!-- .slide: data-background-color="#ffffff" -->\n# Dark text\n')
    img = render(deck)
    assert pixel(img, 1, 1).name() == "#ffffff"
    dark = [pixel(img, x, y) for y in range(0, 270, 2) for x in range(0, 480, 2) if pixel(img, x, y).lightness() < 80]
    assert dark, "text over a light background is drawn dark (has-light-background)"


def test_background_image_opacity(tmp_path: Path) -> None:
    red = QImage(64, 64, QImage.Format.Format_RGB32)
    red.fill(QColor("#ff0000"))
    red.save(str(tmp_path / "red.png"))
    full = tmp_path / "full.md"
    full.write_text('---\ntheme: black\n---\n<!-- .slide: data-background="red.png" -->\n\n', encoding="utf-8")
    half = tmp_path / "half.md"
    half.write_text('---\ntheme: black\n---\n<!-- .slide: data-background="red.png" '
                    'data-background-opacity="0.5" -->\n\n', encoding="utf-8")
    a, b = render(load_deck(full)), render(load_deck(half))
    assert pixel(a, 10, 10).name() == "#ff0000"
    c = pixel(b, 10, 10)  # red at 50 % over the black theme's #191919
    assert 130 <= c.red() <= 145 and 10 <= c.green() <= 16


def test_missing_background_image_shows_the_theme(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "deck.md"
    path.write_text('---\ntheme: moon\n---\n<!-- .slide: data-background="gone.jpg" -->\n# A\n', encoding="utf-8")
    img = render(load_deck(path))
    assert pixel(img, 1, 1).name() == "#002b36"


def test_two_slides_differ() -> None:
    deck = parse_deck("# One\n\n---\n\n# Two two two\n")
    assert differing(render(deck, 0), render(deck, 1)) > 20


def test_fragment_steps_reveal_items() -> None:
    deck = parse_deck('---\ntheme: black\n---\n# T\n\n- first <!-- .element: class="fragment" -->\n'
                      '- second <!-- .element: class="fragment" -->\n')
    bg = QColor("#191919")
    counts = [content_pixels(render(deck, step=s), bg) for s in (0, 1, 2)]
    assert counts[0] < counts[1] < counts[2]
    assert render(deck, step=-1).pixel(240, 160) == render(deck, step=2).pixel(240, 160)


def test_notes_never_painted() -> None:
    with_notes = parse_deck("---\ntheme: black\n---\n# Same\n\ntext\n\nNote: a very long private note " + "word " * 50)
    without = parse_deck("---\ntheme: black\n---\n# Same\n\ntext\n")
    assert differing(render(with_notes), render(without)) == 0


def ink_rows(img: QImage, background: QColor) -> list[int]:
    return [y for y in range(img.height())
            if any(QColor(img.pixel(x, y)) != background for x in range(0, img.width(), 2))]


def test_notes_keep_a_lone_headings_margin_as_in_reveal() -> None:
    # reveal-md's notes are an <aside> after the heading, so h1:last-child no longer matches and
    # the heading keeps its 20 px bottom margin; the scroll height grows from 133 (the 126 px line
    # box and the 7 px of the face's descent below it) to 146: the heading sits 6.5 px higher
    with_notes = parse_deck("---\ntheme: black\n---\n# Same\n\nNote: a very long private note " + "word " * 50)
    without = parse_deck("---\ntheme: black\n---\n# Same\n")
    bg = QColor("#191919")
    a, b = ink_rows(render(with_notes, size=(960, 700)), bg), ink_rows(render(without, size=(960, 700)), bg)
    assert len(a) == len(b)
    assert b[0] - a[0] == pytest.approx(6.5 * 0.96, abs=1.01)


def test_slide_box_follows_reveal_layout() -> None:
    box, scale = slide_box(QRectF(0, 0, 1920, 1080), (960, 700))
    assert scale == pytest.approx(1080 * 0.96 / 700)
    assert box.center().x() == pytest.approx(960) and box.center().y() == pytest.approx(540)
    _, tiny = slide_box(QRectF(0, 0, 50, 50), (960, 700))
    assert tiny == 0.2


def test_same_picture_on_any_device_size() -> None:
    deck = parse_deck("# Scale\n\ntext\n")
    ctx = RenderContext(deck)
    big = QImage(960, 540, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(big)
    paint_slide(painter, QRectF(0, 0, 960, 540), deck.slides[0], get_theme("black"), -1, ctx)
    painter.end()
    small = render(deck, size=(480, 270))
    scaled = big.scaled(480, 270)
    assert differing(scaled, small) < 0.1 * (160 * 90)
