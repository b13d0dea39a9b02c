"""Every case of ``shared/conformance/cases.json`` (what reveal-md really produced) as a test.

The intended differences (D1–D4 in ``deck-format.md``, D5 in README.md) assert presenter's
behaviour and that the loader or ``check`` reports the difference.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from presenter.deck import Deck, Slide, parse_body, parse_deck
from presenter.deck.check import check_deck
from presenter.deck.html_tree import Element, collapse, parse
from presenter.deck.pacing import counted_slides, reveal_timings, slides_under_minimum

CASES_FILE = Path(__file__).resolve().parents[2].parent / "shared" / "conformance" / "cases.json"
if not CASES_FILE.exists():  # a checkout without shared/ beside it uses the copy in tests/data
    CASES_FILE = Path(__file__).resolve().parents[1] / "data" / "conformance-cases.json"
# Cases for the causes of issue 16 and marked's departures from CommonMark, with reveal-md's own
# output as expectations (written by benchmarks/oracle_cases.py).
MARKED_FILE = Path(__file__).resolve().parents[1] / "data" / "conformance-marked.json"
CASES: list[dict[str, Any]] = (json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
                               + json.loads(MARKED_FILE.read_text(encoding="utf-8"))["cases"])
BY_NAME = {c["name"]: c for c in CASES}

# name -> (difference, what presenter produces instead, the loader note it must raise)
INTENDED: dict[str, tuple[str, dict[str, Any], str]] = {
    "notes-two-markers-disable-notes": (
        "D1", {"text": "A", "blocks": ["h1"], "notes": "one Note: two"}, "several-notes-markers"),
    "separator-inside-code-fence-splits": (
        "D2", {"horizontal_count": 1, "text": "YAML a: 1 --- b: 2", "blocks": ["h1", "pre"],
               "code": ["a: 1\n---\nb: 2"]}, "separator-in-code-fence"),
    "notes-marker-inside-code-fence": (
        "D2", {"text": "A note: this is code", "blocks": ["h1", "pre"], "notes": None,
               "code": ["note: this is code"]}, "notes-marker-in-code-fence"),
    "html-entities-decoded-before-markdown": (
        "D3", {"text": "A & B <b>bold?</b>", "blocks": ["h1", "p"]}, "html-entities"),
    "indent-strip-with-front-matter": (
        "D4", {"text": "A x fourteen-spaces", "blocks": ["h1", "pre"],
               "code": ["x\n              fourteen-spaces"]}, "deep-indent"),
    "notes-code-block-with-blank-line": (
        "D5", {"text": "Code", "blocks": ["h1"], "notes": "text line1 <b>line2</b>"}, "notes-leak-in-reveal-md"),
}


def load_case(case: dict[str, Any]) -> Deck:
    if case["layer"] == "plugin":
        return parse_body(case["markdown"], case["options"])
    return parse_deck(case["markdown"], "case.md", case["options"])


def observed(slide: Slide) -> dict[str, Any]:
    """The same view of a slide as the ``expect.structure`` entries."""
    tree = parse(slide.html).elements()[0]  # the <section>
    elements = [
        {"tag": el.tag, "attrs": {k: v for k, v in el.attrs.items() if not (k == "id" and el.tag[0] == "h")}}
        for el in tree.iter()
    ]
    return {
        "attrs": dict(slide.attributes),
        "text": slide.text,
        "blocks": [el.tag for el in tree.elements()],
        "notes": slide.notes_text or None,
        "notes_html": slide.notes_html or None,
        "elements": [e for e in elements if e["attrs"]],
        "code": [_code(el) for el in tree.iter() if el.tag == "pre"],
        "empty": not slide.text and not tree.elements(),
    }


def _code(pre: Element) -> str:
    codes = [c for c in pre.elements() if c.tag == "code"]
    return codes[0].text() if codes else pre.text()


def flat_expected(structure: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for entry in structure:
        out.extend(entry.get("stack", [entry]))
    return out


def assert_slide(expected: dict[str, Any], slide: Slide) -> None:
    got = observed(slide)
    assert got["attrs"] == expected["attrs"], slide.label
    assert got["text"] == expected["text"], slide.label
    assert got["blocks"] == expected["blocks"], slide.label
    assert got["notes"] == expected["notes"], slide.label
    if "notes_html" in expected:
        assert collapse(got["notes_html"] or "") == collapse(expected["notes_html"]), slide.label
    if "elements" in expected:
        assert got["elements"] == expected["elements"], slide.label
    if "code" in expected:
        assert got["code"] == expected["code"], slide.label
    assert got["empty"] == bool(expected.get("empty", False)), slide.label


STRUCTURE_CASES = [c["name"] for c in CASES if "structure" in c["expect"] and c["name"] not in INTENDED]


@pytest.mark.parametrize("name", STRUCTURE_CASES)
def test_structure_matches_reveal_md(name: str) -> None:
    case = BY_NAME[name]
    deck = load_case(case)
    expect = case["expect"]
    assert deck.horizontal_count() == expect["horizontal_count"]
    assert deck.stack_sizes() == expect["stack_sizes"]
    assert len(deck.slides) == expect["total_slides"]
    for exp, slide in zip(flat_expected(expect["structure"]), deck.slides, strict=True):
        assert_slide(exp, slide)


@pytest.mark.parametrize("name", [c["name"] for c in CASES if c["layer"] != "plugin" and "title" in c["expect"]])
def test_deck_options_match_reveal_md(name: str) -> None:
    case = BY_NAME[name]
    deck = load_case(case)
    expect = case["expect"]
    assert deck.options.get("title", "reveal-md") == expect["title"]
    assert f"/dist/theme/{deck.theme}.css" == expect["theme_url"]
    wanted = {k: v for k, v in expect["reveal_options"].items() if k != "_"}
    assert dict(deck.reveal_options) == wanted


@pytest.mark.parametrize("name", list(INTENDED))
def test_intended_difference(name: str) -> None:
    difference, ours, note_code = INTENDED[name]
    deck = load_case(BY_NAME[name])
    assert deck.horizontal_count() == ours.get("horizontal_count", 1), difference
    got = observed(deck.slides[0])
    for key in ("text", "blocks", "notes", "code"):
        if key in ours:
            assert got[key] == ours[key], (difference, key)
    reported = {n.code for n in deck.notes} | {f.code for f in check_deck(deck).findings}
    assert note_code in reported, difference


def test_every_intended_difference_names_a_real_case() -> None:
    assert set(INTENDED) <= set(BY_NAME)


BG_CASES = [c["name"] for c in CASES if c["layer"] == "reveal-md+backgrounds"]


@pytest.mark.parametrize("name", BG_CASES)
def test_backgrounds_match_reveal_js(name: str) -> None:
    case = BY_NAME[name]
    deck = load_case(case)
    slide = deck.slides[0]
    expect = case["expect"]
    assert dict(slide.attributes) == expect["slide_attrs"]
    want, bg = expect["background"], slide.background
    if "image" in want:
        assert (bg.image, bg.size, bg.position, bg.repeat) == (
            want["image"], want["size"], want["position"], want["repeat"])
        assert bg.opacity == want["media_opacity"]
    else:
        assert bg.image == ""
    assert bg.css == want.get("css_background", "")
    assert bg.color == want.get("color", "")
    assert list(bg.video) == want.get("video", [])
    assert bg.video_loop == want.get("video_loop", False)
    assert bg.video_muted == want.get("video_muted", False)
    assert bg.transition == want.get("background_transition", "")
    if "transition" in want:
        assert slide.attributes["data-transition"] == want["transition"]
        assert slide.attributes["data-transition-speed"] == want["transition_speed"]


TIMING_CASES = [c["name"] for c in CASES if c["layer"] == "reveal-md+speaker-timing"]


@pytest.mark.parametrize("name", TIMING_CASES)
def test_pacing_matches_speaker_view(name: str) -> None:
    case = BY_NAME[name]
    deck = load_case(case)
    expect = case["expect"]
    assert len(counted_slides(deck)) == expect["slide_count_for_timing"]
    timings = reveal_timings(deck)
    assert timings == expect["pacing"]
    if timings is not None:
        assert slides_under_minimum(deck, timings) == expect["slides_under_minimum"]


def test_all_cases_are_covered() -> None:
    covered = set(STRUCTURE_CASES) | set(INTENDED) | set(BG_CASES) | set(TIMING_CASES)
    assert covered == set(BY_NAME)
