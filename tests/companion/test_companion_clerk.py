"""The clerk's questions: checked, saved durably in the deck's log, edited (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.companion import clerk
from presenter.companion.state import SlideRef
from presenter.talk.questions import QuestionLog
from presenter.talk.storage import open_store

SLIDES = (SlideRef("1", "Intro"), SlideRef("2", "Budget"), SlideRef("2.1", "Detail"))


def test_save_then_edit(tmp_path: Path) -> None:
    deck = tmp_path / "deck.md"
    deck.write_text("# x\n", encoding="utf-8")
    log_ = QuestionLog(open_store(deck))
    saved = clerk.save(log_, {"question": "  Will the CCTV in Borehamwood be replaced?  ", "asked_by": "Cllr  Ng",
                              "organisation": "Elstree", "slide": "2.1", "status": "follow-up",
                              "owner": "Head of Community Safety", "due": "2026-12-15"}, SLIDES, 754.3)
    again = QuestionLog(open_store(deck)).all()  # another connection: it is on disk
    assert [q.question for q in again] == ["Will the CCTV in Borehamwood be replaced?"]
    q = again[0]
    assert (q.asked_by, q.slide_label, q.slide_title, q.owner, q.due) == ("Cllr Ng", "2.1", "Detail",
                                                                          "Head of Community Safety", "2026-12-15")
    assert q.talk_elapsed == 754.3
    edited = clerk.save(log_, {**clerk.question_json(saved), "status": "answered"}, SLIDES, 900)
    stored = QuestionLog(open_store(deck)).all()
    assert len(stored) == 1 and stored[0].status == "answered" and stored[0].talk_elapsed == 754.3
    assert edited.created_at == saved.created_at


@pytest.mark.parametrize("data, message", [
    ({"question": "   "}, "Type the question first"),
    ({"question": "x", "slide": "9"}, "no slide '9'"),
    ({"question": "x", "status": "closed"}, "Status must be"),
    ({"question": "x", "asked_by": "y" * 201}, "too long"),
    ({"question": "x", "owner": 5}, "must be text"),
    ({"question": "x", "id": 77}, "no longer exists"),
    ({"question": "x", "id": "1; DROP TABLE"}, "bad question id"),
    ({"question": ["x"]}, "must be text"),
    ({"question": "x", "due": "next Tuesday"}, "must be a date"),
    ({"question": "x", "due": "2026-02-30"}, "must be a date"),
])
def test_bad_forms_are_refused_and_save_nothing(tmp_path: Path, data: dict, message: str) -> None:
    deck = tmp_path / "deck.md"
    deck.write_text("# x\n", encoding="utf-8")
    log_ = QuestionLog(open_store(deck))
    with pytest.raises((ValueError, TypeError), match=message):
        clerk.save(log_, data, SLIDES, 0)
    assert log_.all() == []
