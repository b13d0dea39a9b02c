"""Property-based tests: any text loads or fails cleanly; notes never reach the slide."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presenter.deck import DeckError, parse_deck

SAFE = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="`~\r\x00"), max_size=80)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_loads_or_gives_a_deck_error(text: str) -> None:
    try:
        deck = parse_deck(text, "fuzz.md")
    except DeckError as exc:
        assert exc.reason
        return
    assert len(deck.slides) >= 1
    for slide in deck.slides:
        assert isinstance(slide.html, str) and isinstance(slide.notes_text, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(SAFE, SAFE), min_size=1, max_size=6))
def test_text_after_a_notes_marker_never_lands_on_a_slide(slides: list[tuple[str, str]]) -> None:
    parts = []
    for i, (body, notes) in enumerate(slides):
        body = body.replace("\n", " ").replace("-", " ").replace("+", " ")
        notes = notes.replace("\n", " ").replace("-", " ")
        parts.append(f"{body}\n\nNote: secretnote{i} {notes} secretend{i}\n")
    deck = parse_deck("\n---\n".join(parts))
    for slide in deck.slides:
        assert "secretnote" not in slide.text and "secretend" not in slide.text
        assert "secretnote" not in slide.html
    joined = " ".join(s.notes_text for s in deck.slides)
    for i in range(len(slides)):
        assert f"secretnote{i}" in joined
