"""The loader on the seed decks and on small decks with one rule each."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.deck import Deck, load_deck, parse_deck


def test_seed_2019_deck_structure(decks_dir: Path) -> None:
    deck = load_deck(decks_dir / "community-safety-2019.md")
    assert deck.title == "Community Safety and Performance"
    assert (deck.theme, deck.transition) == ("night", "fade")
    assert [s.label for s in deck.slides] == ["1", "2", "3", "4", "5.1", "5.2", "5.3", "5.4", "6", "7", "8", "9", "10"]
    first = deck.slides[0]
    assert first.title == "Community Safety and Performance"
    assert first.line == 9 and first.notes_line == 14
    assert first.background.image == "./img/rachael-henning-_x7gBguT-qQ-unsplash.jpg"
    assert "Tonight I will talk about" in first.notes_text
    assert "Tonight" not in first.text
    assert deck.slides[9].notes_text == ""  # Human Resources has no notes
    assert deck.slides[11].title == "Q&A"


def test_seed_2023_deck_keeps_empty_vertical_slides(decks_dir: Path) -> None:
    deck = load_deck(decks_dir / "community-safety-2023.md")
    assert deck.stack_sizes() == [2, 6, 2, 2, 2, 0, 0, 0]
    perf = deck.find(3, 2)
    assert perf is not None and perf.empty
    first = deck.slides[0]
    assert first.background.opacity == 0.5
    assert first.background.image.endswith("ugur-akdemir-FABH5NJEMGM-unsplash.jpg")
    staffing = deck.find(2, 2)
    assert staffing is not None and "Valerie Kane" in staffing.notes_text
    assert "Valerie Kane" not in staffing.text


def test_notes_are_markdown_html_and_text() -> None:
    deck = parse_deck("# A\n\nNote:\n\n- **one**\n- two £ – ’\n")
    slide = deck.slides[0]
    assert "<strong>one</strong>" in slide.notes_html
    assert slide.notes_text == "one two £ – ’"
    assert slide.notes_words == 5


def test_fragments_counted_by_reveal_order() -> None:
    md = ('# A\n\n- a <!-- .element: class="fragment" data-fragment-index="2" -->\n'
          '- b <!-- .element: class="fragment" data-fragment-index="2" -->\n'
          '- c <!-- .element: class="fragment" -->\n')
    assert parse_deck(md).slides[0].fragment_count == 2


def test_front_matter_options_and_overrides() -> None:
    md = "---\ntitle: T\ntheme: white\nrevealOptions:\n  transition: zoom\n  width: 1280\n---\n# A\n"
    deck = parse_deck(md, overrides={"theme": "moon", "revealOptions": {"transition": "none", "height": 720}})
    assert deck.theme == "moon"  # command line beats front matter for deck keys
    assert deck.transition == "zoom"  # front-matter revealOptions beat the command line
    assert deck.size == (1280, 720)


def test_default_transition_is_convex() -> None:
    assert parse_deck("# A\n").transition == "convex"


def test_empty_deck_is_a_null_object() -> None:
    deck = Deck.empty()
    assert deck.slides == () and deck.horizontal_count() == 0 and deck.stack_sizes() == []


def test_resolve_relative_and_root_absolute(tmp_path: Path) -> None:
    deck = parse_deck("# A\n", tmp_path / "talk.md")
    assert deck.resolve("./img/a%20b.png") == tmp_path / "img" / "a b.png"
    assert deck.resolve("/attachments/plan.pdf") == tmp_path / "attachments" / "plan.pdf"
    assert deck.resolve("https://example.com/x.png") is None


@pytest.mark.parametrize("marker", ["Note:", "Notes:", "NOTE:", "note:x"])
def test_notes_marker_variants(marker: str) -> None:
    slide = parse_deck(f"# A\n\n{marker} secret\n").slides[0]
    assert "secret" in slide.notes_text and "secret" not in slide.text


def test_gfm_list_after_paragraph_and_nesting() -> None:
    html = parse_deck("Intro:\n- a\n  - b\n").slides[0].html
    assert "<p>Intro:</p>" in html
    assert html.count("<ul>") == 2


def test_line_numbers_follow_front_matter() -> None:
    deck = parse_deck("---\ntitle: x\n---\n\n# A\n\n---\n\n# B\n\nNote: n\n")
    assert [(s.line, s.notes_line) for s in deck.slides] == [(5, 0), (9, 11)]


def test_code_highlight_steps_are_steps_of_the_slide() -> None:
    from presenter.deck import parse_deck

    deck = parse_deck("# Code\n\n```js [1-2|3|4]\nlet a = 1;\nlet b = 2;\nlet c = 3;\nlet d = 4;\n```\n\n"
                      "- later <!-- .element: class=\"fragment\" -->\n")
    assert deck.slides[0].fragment_count == 3  # two more highlight steps, then the fragment
