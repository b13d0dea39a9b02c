"""The key table: every action has a handler and a key; no key is bound twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.ui.keys import load_bindings


def test_every_action_has_a_handler_and_a_key(make_app, decks_dir: Path, tmp_path: Path) -> None:
    deck = tmp_path / "demo.md"  # a copy: the app writes the deck's database next to it
    deck.write_bytes((decks_dir / "demo.md").read_bytes())
    app = make_app(deck, place=False)
    bindings = load_bindings(user=None)
    handlers = app.handlers()
    assert {b.action for b in bindings} == set(handlers)
    assert all(b.keys and b.help for b in bindings)


def test_no_key_is_bound_twice(qapp) -> None:
    seen: dict[str, str] = {}
    for b in load_bindings(user=None):
        for key in b.keys:
            assert key not in seen, f"{key} is bound to {seen[key]} and {b.action}"
            seen[key] = b.action


def test_clicker_and_issue_keys_are_bound(qapp) -> None:
    by_action = {b.action: set(b.keys) for b in load_bindings(user=None)}
    assert {"Right", "Space", "PgDown", "N"} <= by_action["next"]
    assert {"Left", "PgUp", "P"} <= by_action["previous"]
    assert {"B", "."} <= by_action["black"] and "W" in by_action["white"]
    assert "G" in by_action["goto"] and "O" in by_action["overview"] and "Esc" in by_action["close"]
    assert {"Home"} <= by_action["first"] and {"End"} <= by_action["last"]


def test_user_table_overrides_one_action(tmp_path: Path, qapp, caplog: pytest.LogCaptureFixture) -> None:
    mine = tmp_path / "keys.yaml"
    mine.write_text("next: {keys: [J]}\nbogus: {keys: [K]}\n", encoding="utf-8")
    by_action = {b.action: b.keys for b in load_bindings(user=mine)}
    assert by_action["next"] == ("J",)
    assert "bogus" not in by_action and "ignoring key binding 'bogus'" in caplog.text


def test_a_user_key_wins_over_the_default_that_had_it(tmp_path: Path, qapp) -> None:
    mine = tmp_path / "keys.yaml"
    mine.write_text("notes_down: {keys: [PgDown]}\n", encoding="utf-8")
    problems: list[str] = []
    by_action = {b.action: b.keys for b in load_bindings(user=mine, problems=problems)}
    assert by_action["notes_down"] == ("PgDown",)
    assert "PgDown" not in by_action["next"] and "Right" in by_action["next"]
    assert any("PgDown now does 'notes_down' instead of 'next'" in p for p in problems)


@pytest.mark.parametrize("content", [b"\xff\xfe not utf-8", b"- just\n- a list\n", b"next: [", b"next: {keys: []}\n"])
def test_a_broken_user_table_keeps_the_defaults(tmp_path: Path, qapp, content: bytes) -> None:
    mine = tmp_path / "keys.yaml"
    mine.write_bytes(content)
    problems: list[str] = []
    by_action = {b.action: b.keys for b in load_bindings(user=mine, problems=problems)}
    assert "Right" in by_action["next"] and problems


def test_bad_preferences_are_reported_and_replaced(make_app, write_deck, settings) -> None:
    settings.setValue("notes/point_size", "huge")
    settings.setValue("layout/large_print", "maybe")
    settings.setValue("layout/splitter", 42)
    app = make_app(write_deck("# A\n"))
    assert app.presenter.notes.point_size == 18 and not app.presenter.large_print
    text = app.presenter.banner.text()
    assert "notes/point_size" in text and "layout/large_print" in text and "layout/splitter" in text
