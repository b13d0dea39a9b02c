"""Exports of the questions log: every field, grouped by status, non-ASCII intact."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from presenter.talk.questions import Question, QuestionLog, is_qa_slide, to_csv, to_html, to_markdown
from presenter.talk.storage import open_store

ENTRIES = [
    Question(question="Will the £2.4m – CCTV upgrade cover Potters Bar?", asked_by="Cllr Zoë Müller",
             organisation="Bentley Heath ward", slide_label="4", slide_title="CCTV", status="follow-up",
             owner="Head of Community Safety", due="2026-12-15", talk_elapsed=1234.5),
    Question(question="How many referrals to MIND’s outreach worker?", asked_by="Mr O’Brien",
             organisation="Resident", slide_label="2", slide_title="Community Safety", status="answered"),
    Question(question="When is the next survey?", status="open"),
]


def saved(tmp_path: Path) -> list[Question]:
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    log = QuestionLog(open_store(deck))
    return [log.add(q) for q in ENTRIES]


def test_csv_round_trips_every_field(tmp_path: Path) -> None:
    questions = saved(tmp_path)
    rows = list(csv.DictReader(io.StringIO(to_csv(questions))))
    assert len(rows) == 3
    for row, q in zip(rows, questions):
        for name, value in q.__dict__.items():
            assert row[name] == str(value), name
    assert rows[0]["asked_by"] == "Cllr Zoë Müller" and "£2.4m –" in rows[0]["question"]


def test_markdown_groups_by_status_with_owners(tmp_path: Path) -> None:
    text = to_markdown(saved(tmp_path), "Community Safety")
    assert text.index("Follow-ups promised") < text.index("Open questions") < text.index("Answered")
    assert "Head of Community Safety, due 15 December 2026" in text and "slide 4 CCTV" in text
    assert "Cllr Zoë Müller, Bentley Heath ward" in text


def test_html_has_every_question(tmp_path: Path) -> None:
    html = to_html(saved(tmp_path), "T")
    assert "MIND’s outreach" in html and "Potters Bar" in html and "next survey" in html


def test_qa_slide_detection() -> None:
    assert is_qa_slide("Q&A", {}) and is_qa_slide("Q & A", {}) and is_qa_slide("questions", {})
    assert is_qa_slide("Thank you", {"data-qa": ""})
    assert not is_qa_slide("Quality Service Indicators", {})
