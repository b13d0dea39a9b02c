"""Issue 16's causes (real decks read differently from reveal-md), one test each.

The structure of each cause is checked against reveal-md's own output by the conformance cases in
``tests/data/conformance-marked.json`` (run in ``test_conformance.py``); this module checks that a
case exists for every cause, and what presenter adds on top (check findings, the model).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presenter.deck import parse_deck
from presenter.deck.check import check_deck
from presenter.deck.markdown_render import MarkdownRenderer

MARKED = json.loads((Path(__file__).resolve().parents[1] / "data" / "conformance-marked.json")
                    .read_text(encoding="utf-8"))["cases"]

# each row of issue 16's table -> the oracle case(s) that pin it
CAUSES = {
    "inline tag alone on a line is an HTML block": ["inline-tag-line-is-html-block"],
    "markdown inside <div> after a blank line": ["markdown-inside-div-after-blank-line"],
    "<, > or | line right after a list item stays in it": ["element-comment-line-stays-in-list-item",
                                                           "quote-table-html-lines-stay-in-list-item"],
    "raw <section> is a vertical slide with its attributes": ["raw-sections-become-a-stack",
                                                              "raw-section-left-open-keeps-the-notes",
                                                              "slide-comment-in-raw-section-goes-to-the-stack"],
    "lines after <br> or <h2> stay raw": ["lines-after-br-or-h2-stay-raw"],
    "strikethrough ~~x~~ and ~x~": ["strikethrough-double-and-single"],
    "fenced block inside a list item": ["fenced-block-in-list-item"],
    "1. then an under-indented * starts a new list": ["under-indented-bullet-starts-new-list"],
    "#Title without a space is a paragraph": ["hash-without-space-is-paragraph"],
    "Pick<T, K> and <file.rs> keep their text": ["angle-brackets-that-are-not-tags"],
    "notes with a fenced block holding a blank line (D5)": ["notes-code-block-with-blank-line"],
    "backslash at a line end is a hard break": ["backslash-hard-break"],
}


@pytest.mark.parametrize("cause", list(CAUSES))
def test_every_cause_has_an_oracle_case(cause: str) -> None:
    names = {c["name"] for c in MARKED}
    assert set(CAUSES[cause]) <= names


def test_element_comment_under_a_bullet_makes_that_item_a_fragment() -> None:
    slide = parse_deck('- one\n- two\n<!-- .element: class="fragment" -->\n- three\n').slides[0]
    assert slide.fragment_count == 1
    assert '<li class="fragment">two' in slide.html


def test_raw_sections_are_vertical_slides_with_their_backgrounds() -> None:
    deck = parse_deck('# A\n\n---\n\n<section data-background="#ff0000">\n<h2>One</h2>\n</section>\n'
                      '<section data-background-transition="zoom">\n<h2>Two</h2>\n</section>\n')
    assert deck.stack_sizes() == [0, 2]
    one, two = deck.find(2, 1), deck.find(2, 2)
    assert one is not None and two is not None
    assert one.background.css == "#ff0000" and one.title == "One"
    assert two.background.transition == "zoom" and not two.background.is_set


def test_slide_comment_inside_a_raw_section_sets_the_stack_background_shown_behind_it() -> None:
    slide = parse_deck('<section data-background-transition="zoom">\n<!-- .slide: data-background="#ff00ff" -->\n'
                       'text</section>\n').slides[0]
    assert "data-background" not in slide.attributes  # the outer section got it, as in reveal.js
    assert slide.background.css == "#ff00ff"  # and it shows where the raw section has none


def test_content_outside_raw_sections_and_lost_notes_are_reported() -> None:
    deck = parse_deck("# Outside\n\n<section>\n<h2>In</h2>\n</section>\n\nNote: after the closed section\n")
    codes = {n.code for n in deck.notes}
    assert {"outside-raw-section", "notes-outside-raw-section"} <= codes
    assert deck.slides[0].notes_text == ""  # reveal.js shows these notes on no slide either


def test_interactive_iframe_background_is_kept() -> None:
    slide = parse_deck('<section data-background-iframe="https://example.com/x" data-background-interactive>\n\n'
                       "Note: n\n").slides[0]
    assert slide.background.iframe == "https://example.com/x" and slide.background.interactive
    assert slide.notes_text == "n"


def test_d5_notes_stay_private_and_check_warns() -> None:
    deck = parse_deck("# Code\n\nNote: text\n\n```\nline1\n\n<b>line2</b>\n```\n")
    slide = deck.slides[0]
    assert slide.text == "Code" and "line2" in slide.notes_text
    leak = [f for f in check_deck(deck).findings if f.code == "notes-leak-in-reveal-md"]
    assert [(f.slide, f.line, f.severity) for f in leak] == [("1", 3, "warning")]


def test_notes_without_a_blank_line_in_code_raise_no_d5() -> None:
    deck = parse_deck("# Code\n\nNote: text\n\n```\nline1\nline2\n```\n\nmore\n")
    assert "notes-leak-in-reveal-md" not in {f.code for f in check_deck(deck).findings}


def test_preprocessor_css_and_scripts_in_front_matter_are_reported() -> None:
    deck = parse_deck("---\npreprocessor: pre.js\ncss: a.css\nscripts: [b.js]\n---\n# A\n")
    findings = {f.code: f for f in check_deck(deck).findings}
    preprocessor = findings["preprocessor-ignored"]
    assert preprocessor.severity == "warning" and "pre.js" in preprocessor.message
    assert findings["css-ignored"].severity == findings["scripts-ignored"].severity == "info"


@pytest.mark.parametrize(("info", "attrs"), [
    ("js [1-3]", ' data-line-numbers="1-3" class="js"'),
    ("[123: 2,4]", ' data-line-numbers="2,4" data-ln-start-from="123" class=""'),
    ("python", ' class="python"'),
])
def test_fenced_code_keeps_reveal_js_shape(info: str, attrs: str) -> None:
    html = MarkdownRenderer().convert(f"```{info}\na < b\n```\n")
    assert html == f"<pre><code{attrs}>a &lt; b</code></pre>\n"


def test_indented_code_has_the_same_shape() -> None:
    assert MarkdownRenderer().convert("    x\n") == '<pre><code class="">x</code></pre>\n'
