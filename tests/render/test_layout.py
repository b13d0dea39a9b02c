"""The slide layout against reveal.js's CSS (figures measured in Chromium on reveal-md's output)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

import pytest
from PySide6.QtGui import QColor, QFontInfo

from presenter.deck import parse_deck
from presenter.render.display import Box, Fill, Marker, Text
from presenter.render.fonts import TEXT_SCALE
from presenter.render.paint import RenderContext
from presenter.render.themes import get_theme

pytestmark = pytest.mark.usefixtures("qapp")


@dataclass
class Line:
    text: str
    x: float
    y: float  # baseline
    width: float
    layout: Text
    shadow: bool


def walk(box: Box, x: float = 0.0, y: float = 0.0) -> list[tuple[float, float, object]]:
    out: list[tuple[float, float, object]] = [(x, y, op) for op in box.ops]
    for cx, cy, child in box.children:
        out += walk(child, x + cx, y + cy)
    return out


def lay(markdown: str, theme: str = "black", step: int = -1,
        counted: int | None = None) -> tuple[Box, float, list[Line], list[tuple[float, float, object]]]:
    """Lay a one-slide deck out; ``counted``: the slide's step count as a deck counting code steps has it."""
    deck = parse_deck(f"---\ntheme: {theme}\n---\n{markdown}")
    ctx = RenderContext(deck)
    slide = deck.slides[0] if counted is None else replace(deck.slides[0], fragment_count=counted)
    box, top = ctx.layout(slide, get_theme(deck.theme), step)
    ops = walk(box, 0.0, top)
    lines = []
    for x, y, op in ops:
        if isinstance(op, Text):
            layout = op.layout
            for i in range(layout.lineCount()):
                ln = layout.lineAt(i)
                text = layout.text()[ln.textStart():ln.textStart() + ln.textLength()].strip()
                lines.append(Line(text, x + op.x + ln.x() / TEXT_SCALE,
                                  y + op.y + (ln.y() + ln.ascent()) / TEXT_SCALE,
                                  ln.naturalTextWidth() / TEXT_SCALE, op, bool(op.x or op.y or op.blur)))
    return box, top, [ln for ln in lines if not ln.shadow], ops


def find(lines: list[Line], text: str) -> Line:
    return next(ln for ln in lines if ln.text.startswith(text))


def colours(line: Line) -> list[QColor]:
    ranges = line.layout.layout.formats()  # keep the list alive while reading it
    return [QColor(r.format.foreground().color()) for r in ranges]


def colour_of(line: Line) -> str:
    return colours(line)[0].name()


def test_line_pitch_is_line_height_times_font_size() -> None:
    _, _, lines, _ = lay("word " * 60)
    baselines = sorted({round(ln.y, 3) for ln in lines})
    assert len(baselines) >= 3
    pitches = {round(b - a, 2) for a, b in pairwise(baselines)}
    assert pitches == {round(round(1.3 * 42 * 64) / 64, 2)}  # 54.59 px, not Qt's 130 % of the font's own spacing


def test_heading_bottom_margin_only_when_not_last() -> None:
    box_alone, top_alone, _, _ = lay("## Alone\n")
    _, _, lines, _ = lay("## Title\n\nText\n")
    assert box_alone.height == pytest.approx(1.2 * 67.2, abs=0.02)
    # the semibold face's 90 px content area reaches 4.36 px below the 80.64 px line box: scrollHeight 85
    # (baseline 60 = floor(-9.36 / 2) + 65, descent 25)
    assert box_alone.overflow == pytest.approx(60 + 25 - 80.64, abs=0.02)
    assert top_alone == (700 - 85) / 2
    title, text = find(lines, "TITLE"), find(lines, "Text")
    # h2 line box 80.64, its margin 20 collapsing with the paragraph's 20
    assert text.y - title.y == pytest.approx(80.64 - 60 + 20 + 40, abs=0.6)


def test_blockquote_is_centred_70_percent_with_padding_and_one_background() -> None:
    _, _, lines, ops = lay("> Safety is a shared responsibility of every partner in every ward of the county.\n")
    fills = [(x, op) for x, _, op in ops if isinstance(op, Fill)]
    assert len(fills) == 1  # one box, no strip behind each line
    x, fill = fills[0]
    assert fill.rect.width() == pytest.approx(0.7 * 960 + 10)
    assert x + fill.rect.x() == pytest.approx((960 - 682) / 2)
    for line in lines:
        assert line.x + line.width / 2 == pytest.approx(480, abs=1)  # centred
        assert line.x >= 144 and line.x + line.width <= 816  # inside the 5 px padding


def test_code_colours_numbers_and_dimmed_lines() -> None:
    md = "```python [1|2]\ndef f(x):\n    return round(x)\n```\n"
    _, _, first, _ = lay(md, step=0, counted=1)
    _, _, last, _ = lay(md, step=-1, counted=1)
    assert [ln.text for ln in first if ln.text in ("1", "2")] == ["1", "2"]  # line numbers
    assert colour_of(find(first, "def")) == "#dc8cc3"  # base16 zenburn keyword, as reveal-md's default highlight theme

    def alpha(lines: list[Line], text: str) -> float:
        return colours(find(lines, text))[0].alphaF()

    assert alpha(first, "def") == pytest.approx(1.0) and alpha(first, "return") < 0.5
    assert alpha(last, "def") < 0.5 and alpha(last, "return") == pytest.approx(1.0)


def test_code_uses_the_decks_highlight_theme_and_the_system_monospace() -> None:
    deck = parse_deck("---\nhighlightTheme: monokai\n---\n```python\nx = 1\n```\n")
    box, _ = RenderContext(deck).layout(deck.slides[0], get_theme("black"), -1)
    fills = [op for _, _, op in walk(box) if isinstance(op, Fill)]
    assert fills[0].color.name() == "#272822"  # monokai's background
    text = next(op for _, _, op in walk(box) if isinstance(op, Text))
    assert QFontInfo(text.layout.font()).family() == QFontInfo(_monospace()).family()


def _monospace():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont

    font = QFont()
    font.setFamilies(["monospace"])
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def test_table_padding_alignment_and_rules() -> None:
    md = "| a long heading | another heading |\n|:-:|--:|\n| 1 | 2 |\n| 3 | 4 |\n"
    _, _, lines, ops = lay(md)
    rules = [op for _, _, op in ops if isinstance(op, Fill)]
    assert len(rules) == 2 * 2  # under the header row and the first body row; none under the last
    head, other = find(lines, "a long"), find(lines, "another")
    one, two = find(lines, "1"), find(lines, "2")
    assert one.x + one.width / 2 == pytest.approx(head.x + head.width / 2, abs=0.5)  # centred column
    assert two.x + two.width == pytest.approx(other.x + other.width, abs=0.5)  # right-aligned column
    assert other.x - (head.x + head.width) == pytest.approx(2 * 0.5 * 42, abs=0.5)  # 0.5em either side
    # Chromium: the header's text 191.03, the first row's 264.41 (semibold's taller face takes 1 px)
    assert one.y - head.y == pytest.approx(264.41 - 191.03, abs=0.1)


def test_dracula_colours() -> None:
    _, _, lines, ops = lay("- item **bold** *it*\n\n> quote\n\n`code`\n", "dracula")
    assert colour_of(find(lines, "item")) == "#f8f8f2"  # the text, not the marker colour
    markers = [op for _, _, op in ops if isinstance(op, Marker)]
    assert markers and markers[0].color.name() == "#8be9fd"
    assert {"#ffb86c", "#f1fa8c"} <= {c.name() for c in colours(find(lines, "item"))}
    assert colour_of(find(lines, "quote")) == "#f1fa8c"
    assert colour_of(find(lines, "code")) == "#50fa7b"


@pytest.mark.parametrize(("theme", "shadowed"), [("league", True), ("beige", True), ("blood", True), ("black", False)])
def test_heading_text_shadows(theme: str, shadowed: bool) -> None:
    _, _, _, ops = lay("# Title\n", theme)
    shadows = [op for _, _, op in ops if isinstance(op, Text) and (op.x or op.y or op.blur)]
    assert bool(shadows) == shadowed


def test_blood_body_is_ubuntu_light_and_serif_uses_no_look_alike() -> None:
    _, _, lines, _ = lay("Body text\n", "blood")
    assert QFontInfo(find(lines, "Body").layout.layout.font()).family() == "Ubuntu Light"
    _, _, lines, _ = lay("Body text\n", "serif")
    family = QFontInfo(find(lines, "Body").layout.layout.font()).family()
    assert family not in ("P052", "URW Palladio L")  # fontconfig's Palatino look-alike: Chromium never takes it


def test_bullets_hang_where_blink_draws_them() -> None:
    _, _, lines, ops = lay("- first\n- second\n")
    markers = [(x, y, op) for x, y, op in ops if isinstance(op, Marker)]
    assert [m.kind for _, _, m in markers] == ["disc", "disc"]
    x, y, marker = markers[0]
    first = find(lines, "first")
    ascent = 40  # Source Sans Pro at 42 px, rounded as Blink rounds it
    assert marker.rect.width() == (ascent * 2 // 3 + 1) // 2 == 13
    assert first.x - (x + marker.rect.x()) == pytest.approx(ascent * 2 // 3 + 7)
    assert first.y - (y + marker.rect.y()) == pytest.approx(ascent - 3 * (ascent - ascent * 2 // 3) // 2)


def test_nested_lists_indent_40px_with_square_then_circle() -> None:
    _, _, lines, ops = lay("- one\n  - two\n    - three\n")
    kinds = [op.kind for _, _, op in ops if isinstance(op, Marker)]
    assert kinds == ["disc", "square", "circle"]
    assert find(lines, "two").x - find(lines, "one").x == pytest.approx(40)
    assert find(lines, "three").x - find(lines, "two").x == pytest.approx(40)


def test_a_wrapping_list_takes_the_whole_width() -> None:
    _, _, lines, _ = lay("- " + "long words " * 20 + "\n- short\n", "night")
    assert find(lines, "short").x == pytest.approx(40)  # shrink-to-fit is the available width: 1em in


@pytest.mark.parametrize("theme", ["black", "white", "league", "beige", "sky", "night", "serif", "simple",
                                   "solarized", "blood", "moon", "dracula", "black-contrast", "white-contrast"])
def test_a_title_slide_stays_inside_the_slide(theme: str) -> None:
    box, top, lines, _ = lay("# Ward Safety Review\n\nA subtitle: quarterly update to the Overview and Scrutiny "
                             "Committee\n", theme)
    assert top > 0 and top + box.height <= 700  # reveal keeps it inside; so must we
    assert max(ln.y for ln in lines) < 700


def test_fragment_colour_highlight() -> None:
    md = 'Red <!-- .element: class="fragment highlight-red" -->\n'
    _, _, before, _ = lay(md, step=0)
    _, _, after, _ = lay(md, step=1)
    assert colour_of(find(before, "Red")) == "#ffffff"
    assert QColor(colour_of(find(after, "Red"))) == QColor("#ff2c2d")


def test_every_marker_kind_is_drawn() -> None:
    from presenter.render.snapshot import render_image

    md = "- one\n  - two\n    - three\n"
    deck = parse_deck(f"---\ntheme: white\n---\n{md}")
    _, _, _, ops = lay(md, "white")
    img = render_image(deck, deck.slides[0], (1000, 730))
    scale = min(960 / 960, 730 * 0.96 / 700)
    ox, oy = (1000 - 960 * scale) / 2, (730 - 700 * scale) / 2
    for x, y, marker in [(x, y, op) for x, y, op in ops if isinstance(op, Marker)]:
        r = marker.rect.translated(x, y)
        ink = [QColor(img.pixel(round(ox + px * scale), round(oy + py * scale))).lightness() < 128
               for px in range(int(r.left()), int(r.right()) + 1) for py in range(int(r.top()), int(r.bottom()) + 1)]
        assert sum(ink) >= 4, marker.kind


def test_quote_paragraphs_are_inline_blocks_whose_margins_add_up() -> None:
    # Chromium: "First…" at 146.28, "Second…" at 238.28 (blood, 40 px text): 52 + 20 + 20 apart
    _, _, lines, _ = lay("> First paragraph of the quote.\n>\n> Second paragraph of the quote.\n", "blood")
    assert find(lines, "Second").y - find(lines, "First").y == pytest.approx(238.28 - 146.28, abs=0.1)


def test_small_is_a_top_aligned_inline_block() -> None:
    _, _, lines, _ = lay("Text <small>small print</small> more\n")
    text, small = find(lines, "Text"), find(lines, "small")
    assert small.y < text.y  # hangs from the line's top instead of sitting on its baseline


def test_stretch_image_takes_the_height_left(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    from presenter.deck import load_deck
    from presenter.render.display import Picture

    img = QImage(400, 200, QImage.Format.Format_RGB32)
    img.fill(QColor("#336699"))
    img.save(str(tmp_path / "wide.png"))
    path = tmp_path / "deck.md"
    path.write_text('## Title\n\n<img class="r-stretch" src="wide.png">\n', encoding="utf-8")
    deck = load_deck(path)
    slide = replace(deck.slides[0], html='<section><h2>Title</h2>\n<img class="r-stretch" src="wide.png"></section>')
    box, _ = RenderContext(deck).layout(slide, get_theme("black"), -1)
    picture = next(op for _, _, op in walk(box) if isinstance(op, Picture))
    # the rest: the h2 (80.64 + 20) and the image's line box at height 0 (its 20 px margins, the strut)
    assert picture.rect.width() == pytest.approx(2 * picture.rect.height())
    assert 450 < picture.rect.height() < 700 - 100.64 - 40


def test_center_false_puts_content_at_the_top() -> None:
    deck = parse_deck("---\nrevealOptions:\n  center: false\n---\n# Top\n")
    _, top = RenderContext(deck).layout(deck.slides[0], get_theme("black"), -1)
    assert top == 0
