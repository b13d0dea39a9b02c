"""Hostile slides (issue 15): painting never raises, stays bounded, keeps memory small, shows nothing
reveal.js would not show."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from presenter.deck import load_deck, parse_deck
from presenter.deck.model import Slide
from presenter.render import paint as paint_module
from presenter.render.display import Box, Text
from presenter.render.images import ImageCache
from presenter.render.inline import MAX_CHARS, MAX_WORD
from presenter.render.paint import RenderContext, paint_slide
from presenter.render.slidehtml import MAX_DEPTH
from presenter.render.snapshot import render_image
from presenter.render.themes import get_theme

pytestmark = pytest.mark.usefixtures("qapp")


def unique_colours(img: QImage) -> set[int]:
    return {img.pixel(x, y) for y in range(0, img.height(), 4) for x in range(0, img.width(), 4)}


def texts(box: Box) -> list[str]:
    out = [op.layout.text() for op in box.ops if isinstance(op, Text)]
    for _, _, child in box.children:
        out += texts(child)
    return out


def depth(box: Box) -> int:
    return 1 + max((depth(child) for _, _, child in box.children), default=0)


@pytest.mark.parametrize("width", [0, -5, 100000000])
def test_a_slide_size_that_cannot_be_laid_out_paints_the_theme(width: int, caplog: pytest.LogCaptureFixture,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    deck = parse_deck("---\ntheme: night\n---\n# Title\n")
    # the loader already replaces a bad revealOptions size by 960×700; the renderer guards on its own
    monkeypatch.setattr(RenderContext, "size", property(lambda self: (width, 700)))
    ctx = RenderContext(deck)
    images = [render_image(deck, deck.slides[0], (320, 180), context=ctx) for _ in range(2)]
    assert unique_colours(images[0]) == {QColor("#111111").rgba()}  # the theme background, nothing else
    assert "cannot be laid out" in ctx.paint_errors[0]
    assert sum("cannot be shown" in r.getMessage() for r in caplog.records) == 1  # logged once


def test_an_error_inside_layout_is_caught_and_the_painter_restored(monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    deck = parse_deck("---\ntheme: moon\n---\n# Title\n")

    def broken(self: object) -> Box:
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(paint_module.SlideLayout, "build", broken)
    ctx = RenderContext(deck)
    img = QImage(200, 100, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor("#ff00ff"))
    painter = QPainter(img)
    painter.translate(7, 3)
    painter.setOpacity(0.5)
    paint_slide(painter, QRectF(0, 0, 100, 50), deck.slides[0], None, -1, ctx)
    assert painter.isActive() and painter.transform() == QTransform().translate(7, 3)
    assert painter.opacity() == 0.5 and not painter.hasClipping()
    painter.end()
    assert QColor(img.pixel(50, 30)).name() != "#ff00ff"  # the theme background, at half opacity
    assert QColor(img.pixel(150, 80)).name() == "#ff00ff"  # nothing outside the rectangle
    assert "layout exploded" in ctx.paint_errors[0]
    monkeypatch.undo()
    render_image(deck, deck.slides[0], (100, 50), context=ctx)
    assert ctx.paint_errors == {}  # painted again: the error is gone


def test_names_longer_than_the_file_system_allows(tmp_path: Path) -> None:
    name = "a" * 300 + ".png"
    path = tmp_path / "deck.md"
    path.write_text(f'---\ntheme: black\n---\n<!-- .slide: data-background="{name}" -->\n# T\n\n![x]({name})\n',
                    encoding="utf-8")
    deck = load_deck(path)
    ctx = RenderContext(deck)
    render_image(deck, deck.slides[0], (320, 180), context=ctx)
    assert ctx.paint_errors == {}  # a name the system refuses is a missing image, not an error


def _png(path: Path, width: int, height: int, colour: str = "#3366cc") -> Path:
    img = QImage(width, height, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    assert img.save(str(path))
    return path


def test_images_are_decoded_at_the_size_they_are_drawn(tmp_path: Path) -> None:
    _png(tmp_path / "wide.png", 200_000, 2)
    _png(tmp_path / "photo.jpg", 3000, 2000, "#cc3333")
    path = tmp_path / "deck.md"
    path.write_text('---\ntheme: black\n---\n![w](wide.png)\n\n---\n\n<!-- .slide: data-background="photo.jpg" -->\n'
                    "\n\n---\n\n![p](photo.jpg)\n", encoding="utf-8")
    deck = load_deck(path)
    ctx = RenderContext(deck, images=ImageCache(max_bytes=64 * 1024 * 1024))  # room to keep all three
    for slide in deck.slides:
        render_image(deck, slide, (1920, 1080), context=ctx)
    assert ctx.paint_errors == {}
    kept = sorted((img.width(), img.height()) for img in ctx.images._items.values())
    # the 200000x2 strip at 95 % of the slide, the photo inline, and covering the screen (cropped)
    assert kept == [(1351, 1), (1351, 901), (1920, 1280)]
    assert ctx.images.bytes_used == 4 * (1351 + 1351 * 901 + 1920 * 1280)


def test_the_image_cache_is_bounded_in_bytes(tmp_path: Path) -> None:
    cache = ImageCache(max_bytes=4 * 1024 * 1024)
    for i in range(8):
        photo = _png(tmp_path / f"p{i}.png", 800, 600)
        assert cache.image(photo, 700, 500) is not None
    assert cache.bytes_used <= 4 * 1024 * 1024
    assert len(cache._items) == (4 * 1024 * 1024) // (700 * 500 * 4)


def test_nested_blockquotes_are_bounded() -> None:
    deck = parse_deck("# A\n\n" + "> " * 24 + "x")
    ctx = RenderContext(deck)
    box, _ = ctx.layout(deck.slides[0], get_theme("black"), -1)
    assert any(t.strip() == "x" for t in texts(box))  # the deepest text is still laid out
    assert depth(box) <= 4 * MAX_DEPTH
    render_image(deck, deck.slides[0], (480, 270), context=ctx)
    assert ctx.paint_errors == {}


def test_deeply_nested_html_does_not_exhaust_the_stack() -> None:
    html = "<section>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "<p>" + "<em>" * 3000 + "em" + "</em>" * 3000 \
        + "</p></section>"
    slide = replace(parse_deck("# A\n").slides[0], html=html)
    ctx = RenderContext(parse_deck("# A\n"))
    box, _ = ctx.layout(slide, get_theme("black"), -1)
    assert {"deep", "em"} <= {t.strip() for t in texts(box)}
    render_image(parse_deck("# A\n"), slide, (480, 270), context=ctx)
    assert ctx.paint_errors == {}


def test_a_megabyte_word_is_cut_where_it_leaves_the_slide() -> None:
    for md in ("x" * 1_000_000, "# " + "y" * 1_000_000):
        deck = parse_deck(md)
        ctx = RenderContext(deck)
        box, _ = ctx.layout(deck.slides[0], get_theme("black"), -1)
        laid = "".join(texts(box))
        assert 0 < len(laid) <= MAX_WORD <= MAX_CHARS
        render_image(deck, deck.slides[0], (480, 270), context=ctx)
        assert ctx.paint_errors == {}


def test_scripts_styles_and_fallback_text_are_never_laid_out() -> None:
    md = ("# Title\n\n<script>alert('secret script')</script>\n\n<style>p { color: red }</style>\n\n"
          "<iframe src=\"https://example.org\">iframe fallback</iframe>\n\n<object>object fallback</object>\n\n"
          "<video src=\"v.mp4\">video fallback</video>\n")
    deck = parse_deck(md)
    box, _ = RenderContext(deck).layout(deck.slides[0], get_theme("black"), -1)
    laid = " ".join(texts(box))
    assert "TITLE" in laid or "Title" in laid
    for hidden in ("secret", "color", "fallback"):
        assert hidden not in laid


def test_script_and_style_take_no_space() -> None:
    plain = parse_deck("# Title\n\nText\n")
    hostile = parse_deck("# Title\n\n<script>alert(1)</script>\n\n<style>p{}</style>\n\nText\n")
    a, b = render_image(plain, plain.slides[0], (480, 270)), render_image(hostile, hostile.slides[0], (480, 270))
    assert a == b


def test_record_is_logged_once_per_message(caplog: pytest.LogCaptureFixture) -> None:
    ctx = RenderContext()
    slide = Slide(index=3, h=4, v=0, line=1, markdown="", html="")
    caplog.set_level(logging.ERROR)
    for _ in range(3):
        ctx.record(slide, ValueError("bad"))
    assert ctx.paint_errors == {3: "slide 4 cannot be shown: ValueError: bad"}
    assert len([r for r in caplog.records if r.levelno == logging.ERROR]) == 1


@pytest.mark.parametrize("width", ["0", "-5", "100000000", "wide"])
def test_a_bad_slide_size_in_the_deck_paints_the_slide_at_the_default_size(width: str) -> None:
    deck = parse_deck(f"---\ntheme: night\nrevealOptions:\n  width: {width}\n---\n# Title\n")
    ctx = RenderContext(deck)
    image = render_image(deck, deck.slides[0], (320, 180), context=ctx)
    assert ctx.size == (960, 700) and ctx.paint_errors == {}
    assert len(unique_colours(image)) > 2  # the title is painted
