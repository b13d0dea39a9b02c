"""Issue 15, deck side: hostile decks load in bounded time or fail with one clear message."""

from __future__ import annotations

import pytest

from presenter.deck import DeckError, parse_deck, patterns
from presenter.deck.check import check_deck
from presenter.deck.html_tree import MAX_DEPTH, parse

A40B = "a" * 40 + "b"


@pytest.fixture
def short_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deck regexes get 50 ms instead of a second, so that the tests stay fast."""
    monkeypatch.setattr(patterns, "BUDGET_SECONDS", 0.05)


def test_the_reported_separator_loads(short_budget: None) -> None:
    deck = parse_deck(f"---\nseparator: '(a+)+$'\n---\n# A\n\n{A40B}\n")
    assert len(deck.slides) == 1 and "separator-never-matched" in {n.code for n in deck.notes}


@pytest.mark.parametrize(("option", "where"), [
    ("separator", "body"), ("verticalSeparator", "body"), ("notesSeparator", "body"),
    ("elementAttributesSeparator", "comment"), ("slideAttributesSeparator", "comment"),
])
def test_catastrophic_backtracking_is_stopped_and_names_the_option(short_budget: None, option: str,
                                                                   where: str) -> None:
    text = f"<!-- {A40B} -->" if where == "comment" else A40B
    extra = "elementAttributesSeparator: 'zzz(q)'\n" if option == "slideAttributesSeparator" else ""
    with pytest.raises(DeckError) as info:
        parse_deck(f"---\n{option}: '(a|a)+$'\n{extra}---\n# A\n\n{text}\n")
    assert info.value.reason.startswith(f"{option} '(a|a)+$' takes too long")


@pytest.mark.parametrize(("option", "value", "words"), [
    ("elementAttributesSeparator", "(", "is not a valid regular expression"),
    ("slideAttributesSeparator", ".", "has no capture group"),
    ("notesSeparator", "[", "is not a valid regular expression"),
])
def test_bad_attribute_patterns_name_the_option(option: str, value: str, words: str) -> None:
    with pytest.raises(DeckError) as info:
        parse_deck(f"---\n{option}: '{value}'\n---\n# A\n<!-- .slide: class=\"x\" -->\n")
    assert option in info.value.reason and words in info.value.reason


def test_billion_laughs_in_front_matter_is_refused_unexpanded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("title: *i")
    with pytest.raises(DeckError) as info:
        parse_deck("---\n" + "\n".join(lines) + "\n---\n# A\n")
    assert "front matter refused" in info.value.reason and info.value.line == 2


def test_a_few_yaml_aliases_are_fine() -> None:
    deck = parse_deck("---\ntheme: &t night\nx: *t\nrevealOptions: {transition: *t}\n---\n# A\n")
    assert deck.theme == "night" and deck.reveal_options["transition"] == "night"


def test_yaml_alias_cycle_is_refused() -> None:
    with pytest.raises(DeckError):
        parse_deck("---\na: &a [*a]\n---\n# A\n")


@pytest.mark.parametrize("markdown", [
    "".join("  " * i + "- x\n" for i in range(250)),
    "".join("  " * i + "- x\n" for i in range(3000)),
    "<div>" * 3000 + "x" + "</div>" * 3000,
    "*" * 3000 + "x" + "*" * 3000,
    "".join("*a " for _ in range(3000)) + "x" + "".join(" b*" for _ in range(3000)),
    "> " * 3000 + "x",
    "[" * 3000 + "x" + "](u)" * 3000,
])
def test_deep_nesting_loads_and_checks_without_recursion_errors(markdown: str) -> None:
    deck = parse_deck("# A\n\n" + markdown + "\n\nNote: " + markdown[:5000] + "\n")
    report = check_deck(deck)
    assert report.seconds and deck.slides[0].notes_html is not None
    assert _depth(parse(deck.slides[0].html)) <= MAX_DEPTH + 1


def _depth(root: object) -> int:
    best, stack = 0, [(root, 0)]
    while stack:
        el, d = stack.pop()
        best = max(best, d)
        stack.extend((c, d + 1) for c in el.elements())  # type: ignore[attr-defined]
    return best


def test_markdown_that_takes_too_long_is_shown_as_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from presenter.deck import markdown_render

    monkeypatch.setattr(markdown_render, "SLIDE_SECONDS", 0.0)  # every slide "runs out of time" at once
    deck = parse_deck("# A\n\n" + "![" * 2000 + "\n")
    slide = deck.slides[0]
    assert "slide-too-complex" in {n.code for n in deck.notes}
    assert slide.text.startswith("# A ![![")  # the text is all there, unformatted


def test_many_attribute_comments_apply_in_linear_time() -> None:
    deck = parse_deck("# A\n\n" + '<p>x</p><!-- .element: class="fragment" -->\n' * 5000)
    assert deck.slides[0].fragment_count == 5000


@pytest.mark.parametrize("value", [0, -5, "wide", "100%", True, 1e12, None])
def test_unusable_slide_size_falls_back_with_a_finding(value: object) -> None:
    deck = parse_deck(f"---\nrevealOptions:\n  width: {value!r}\n---\n# A\n".replace("None", "null"))
    codes = {f.code for f in check_deck(deck).findings}
    assert deck.size == (960, 700)
    assert ("bad-slide-size" in codes) == (value is not None)


def test_usable_sizes_are_kept() -> None:
    assert parse_deck("---\nrevealOptions: {width: 1280, height: '720'}\n---\n# A\n").size == (1280, 720)


def test_a_separator_that_splits_everywhere_is_refused_by_name() -> None:
    with pytest.raises(DeckError) as info:
        parse_deck("---\nseparator: '.'\n---\n" + "x" * 20_000)
    assert info.value.reason.startswith("separator '.' splits the deck into more than 10,000 slides")


def test_a_notes_marker_everywhere_keeps_the_first_and_reports_a_bounded_number_of_notes() -> None:
    deck = parse_deck("---\nnotesSeparator: 'x'\n---\n# A\n\n" + "x" * 50_000)
    assert len(deck.slides) == 1 and len(deck.notes) <= 50
