"""Exports of the questions log: every field, grouped by status, non-ASCII intact."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import fields, replace
from pathlib import Path

import pytest

from presenter.talk.dates import DueDateError, human_minutes, human_time
from presenter.talk.docx_minutes import COLUMNS, write_docx
from presenter.talk.minutes import minutes
from presenter.talk.questions import FIELDS, Question, QuestionLog, is_qa_slide, to_csv, to_html, to_markdown
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
    tmp_path.mkdir(parents=True, exist_ok=True)
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    log = QuestionLog(open_store(deck))
    return [log.add(q) for q in ENTRIES]


def test_csv_round_trips_every_field(tmp_path: Path) -> None:
    questions = saved(tmp_path)
    rows = list(csv.DictReader(io.StringIO(to_csv(questions))))
    assert len(rows) == 3
    for row, q in zip(rows, questions, strict=True):
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


# -- the model's rules, used by every form ---------------------------------------------------------
def test_owner_or_due_date_makes_a_follow_up_and_due_dates_are_iso(tmp_path: Path) -> None:
    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    log = QuestionLog(open_store(deck))
    owned = log.add(Question(question="Who fixes the lights?", owner="Head of Parks"))
    dated = log.add(Question(question="When?", due="15 Dec 2026"))
    answered = log.add(Question(question="Done?", owner="Clerk", status="answered"))
    plain = log.add(Question(question="Any other business?"))
    assert (owned.status, dated.status, answered.status, plain.status) == ("follow-up", "follow-up", "answered", "open")
    assert dated.due == "2026-12-15"
    changed = log.update(replace(plain, due="01/02/2027"))  # editing applies the same rules
    assert (changed.status, changed.due) == ("follow-up", "2027-02-01")
    assert {q.id: (q.status, q.due) for q in log.all()}[plain.id] == ("follow-up", "2027-02-01")
    with pytest.raises(DueDateError, match="not a date"):
        log.add(Question(question="Soon?", due="soon"))
    with pytest.raises(DueDateError, match="not a month"):
        log.update(replace(plain, due="12/31/2026"))
    assert len(log.all()) == 4  # nothing half-saved


def test_fields_table_drives_the_csv_header() -> None:
    assert to_csv([]).strip().split(",") == [f.csv for f in FIELDS] == [f.name for f in fields(Question)]
    assert {f.name: f.label for f in FIELDS}["organisation"] == "Ward or organisation"


def test_minutes_order_refs_dates_and_plurals(tmp_path: Path) -> None:
    one = [saved(tmp_path)[1]]
    text = to_markdown(one, "T")
    assert "1 question, 0 follow-ups" in text and "1 questions" not in text
    questions = saved(tmp_path / "again")
    items = minutes(questions)
    assert [m.question.status for m in items] == ["follow-up", "open", "answered"]
    assert [m.ref for m in items] == ["Q1", "Q3", "Q2"]  # refs follow the order asked
    text = to_markdown(questions, "T")
    assert "T" in text and "T05:" not in text and "T19:" not in text  # no ISO times for people
    assert f"at {human_time(questions[0].created_at)} (20 min into the talk)" in text


# -- the minutes pack in Word ----------------------------------------------------------------------
PEOPLE = [
    Question(question="Will the £2.4m – CCTV upgrade cover Potters Bar’s high street?", asked_by="Cllr Zoë Müller",
             organisation="Bentley Heath ward", slide_label="4", slide_title="CCTV", owner="Head of Community Safety",
             due="2026-12-15", action="Write with the coverage map – by email", talk_elapsed=1234.5),
    Question(question="Коли буде наступне опитування?", asked_by="Ольга Петренко", organisation="Αλέξης Παπαδόπουλος",
             slide_label="2", slide_title="Community Safety", status="answered"),
    Question(question="什么时候？ And the £50k – grant?", asked_by="王小明", organisation="فاطمة الزهراء",
             slide_label="5.2", slide_title="Business and Projects Support", owner="Siobhán Ní Bhriain",
             due="1 Feb 2027"),
    Question(question="When is the next survey?", talk_elapsed=3900),
]


def test_docx_round_trip_every_field(tmp_path: Path) -> None:
    import docx

    deck = tmp_path / "talk.md"
    deck.write_text("# A\n")
    clock = iter(dt.datetime(2026, 11, 23, 19, 40 + n) for n in range(10))
    log = QuestionLog(open_store(deck), wall=lambda: next(clock))
    stored = [log.add(q) for q in PEOPLE]
    out = tmp_path / "minutes.docx"
    write_docx(log.all(), "Community Safety and Performance", out, author="Cllr Pervez Choudhury", language="en-GB")
    document = docx.Document(str(out))
    props = document.core_properties
    assert (props.title, props.author, props.language) == ("Questions and actions: Community Safety and Performance",
                                                            "Cllr Pervez Choudhury", "en-GB")
    assert props.created is not None
    heading, intro = (p.text for p in document.paragraphs[:2])
    assert heading == "Questions and actions: Community Safety and Performance"
    assert intro.startswith("Meeting of 23 November 2026 · 4 questions, 2 follow-ups.")
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == [name for name, _width in COLUMNS]
    by_ref = {row[0]: row for row in rows[1:]}
    assert [row[0] for row in rows[1:]] == ["Q1", "Q3", "Q4", "Q2"]  # follow-ups, open, answered
    for n, q in enumerate(stored, 1):
        _ref, question, who, slide, action, owner, due, status = by_ref[f"Q{n}"]
        into = f" ({human_minutes(q.talk_elapsed)} into the talk)" if q.talk_elapsed else ""
        asked = f"Asked at 19:4{n - 1}{into}"
        assert question == f"{q.question}\n{asked}"
        assert who == "\n".join(x for x in (q.asked_by or "not recorded", q.organisation) if x)
        assert slide == "\n".join(x for x in (q.slide_label, q.slide_title) if x)
        assert (action, owner, status) == (q.action, q.owner, {"follow-up": "Follow-up", "open": "Open",
                                                                "answered": "Answered"}[q.status])
        assert due == {"2026-12-15": "15 Dec 2026", "2027-02-01": "1 Feb 2027", "": ""}[q.due]
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_docx_of_no_questions(tmp_path: Path) -> None:
    import docx

    write_docx([], "T", tmp_path / "none.docx")
    text = [p.text for p in docx.Document(str(tmp_path / "none.docx")).paragraphs]
    assert "No questions were recorded." in text and not docx.Document(str(tmp_path / "none.docx")).tables
