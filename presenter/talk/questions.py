"""The questions log: entries saved the moment they are entered, edited, deleted with undo (no Qt).

``QuestionLog`` is the one way in for every form (the presenter's Q&A panel, the clerk's web form):
it checks each question (``prepare``: text required, a known status, the due date parsed by
``presenter.talk.dates.parse_due``) and applies the follow-up rule. It keeps the questions it has
seen in memory, so if the database is deleted mid-talk they are written back into the new one.

The fields of a question are one table, ``FIELDS`` (from the ``Question`` dataclass): its name,
its label for people and its CSV header. The database columns, the CSV and the write-back read it;
adding a field is a dataclass field plus a migration in ``presenter.talk.migrations`` (and, to
show it, a line in the minutes and a widget in the forms).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from presenter.talk.dates import parse_due
from presenter.talk.storage import Recovery, Store

log = logging.getLogger(__name__)

STATUSES = ("open", "follow-up", "answered")
QA_TITLES = ("q&a", "q & a", "questions", "questions?", "any questions?", "q and a")


def _field(default: Any, label: str) -> Any:
    return field(default=default, metadata={"label": label})


@dataclass(frozen=True)
class Question:
    """One question asked in the Q&A.

    Attributes:
        id: the database id (0 before it is saved).
        created_at: wall-clock time it was entered (ISO 8601).
        talk_elapsed: seconds into the talk.
        question, asked_by, organisation: who asked what (organisation: ward or organisation).
        slide_label, slide_title: the slide it refers to.
        status: ``open``, ``follow-up`` or ``answered``.
        owner, due: who follows it up, and by when (an ISO date, or ``""``).
        action: what was promised (for the action log).
    """

    id: int = _field(0, "Id")
    created_at: str = _field("", "Asked at")
    talk_elapsed: float = _field(0.0, "Into the talk")
    question: str = _field("", "Question")
    asked_by: str = _field("", "Asked by")
    organisation: str = _field("", "Ward or organisation")
    slide_label: str = _field("", "Slide")
    slide_title: str = _field("", "Slide title")
    status: str = _field("open", "Status")
    owner: str = _field("", "Owner")
    due: str = _field("", "Due")
    action: str = _field("", "Action")

    @property
    def needs_follow_up(self) -> bool:
        """Whether a follow-up is still owed."""
        return self.status == "follow-up"


@dataclass(frozen=True)
class QuestionField:
    """One field of ``Question``: its attribute name, its label for people, its CSV header."""

    name: str
    label: str
    csv: str


FIELDS = tuple(QuestionField(f.name, f.metadata["label"], f.name) for f in fields(Question))
COLUMNS = [f.name for f in FIELDS if f.name != "id"]


def is_qa_slide(title: str, attributes: dict[str, str] | object) -> bool:
    """A slide with ``data-qa``, or whose heading is Q&A / Q & A / Questions (any case)."""
    attrs = dict(attributes) if hasattr(attributes, "keys") else {}  # type: ignore[call-overload]
    return "data-qa" in attrs or title.strip().lower() in QA_TITLES


def prepare(question: Question) -> Question:
    """The question as it is stored: checked, trimmed, the due date as ISO, the follow-up rule applied.

    An owner or a due date makes a question a follow-up: an ``open`` one becomes ``follow-up``.

    Raises:
        ValueError: no text, an unknown status, or a due date that is not a date
            (``presenter.talk.dates.DueDateError``).
    """
    values = {f.name: getattr(question, f.name) for f in fields(Question)}
    text: dict[str, Any] = {name: v.strip() for name, v in values.items() if isinstance(v, str)}
    q = replace(question, **text)
    if not q.question:
        raise ValueError("a question needs some text")
    if q.status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {q.status!r}")
    q = replace(q, due=parse_due(q.due))
    return replace(q, status=follow_up_status(q.status, q.owner, q.due))


def follow_up_status(status: str, owner: str, due: str) -> str:
    """The follow-up rule: an owner or a due date makes an ``open`` question a ``follow-up``."""
    return "follow-up" if status == "open" and (owner.strip() or due.strip()) else status


class QuestionLog:
    """The questions of one deck, kept in its database (and in memory, in case it is lost).

    Args:
        store: the deck's database.
        wall: wall clock (injected in tests).
    """

    def __init__(self, store: Store, wall: Callable[[], dt.datetime] = dt.datetime.now):
        self.store = store
        self.wall = wall
        self._undo: list[Question] = []
        self._kept: dict[int, tuple[Question, bool]] = {}  # id -> (question, deleted)
        self.all()
        store.subscribe(self._write_back)

    def add(self, question: Question) -> Question:
        """Check and save a new question (durably, before returning); returns it as stored."""
        now = self.wall().isoformat(timespec="seconds")
        q = prepare(replace(question, created_at=question.created_at or now))
        new_id = self.store.write(
            f"INSERT INTO questions ({', '.join(COLUMNS)}, updated_at) VALUES ({', '.join('?' * len(COLUMNS))}, ?)",
            (*[getattr(q, c) for c in COLUMNS], now))
        q = replace(q, id=new_id)
        self._kept[new_id] = (q, False)
        return q

    def update(self, question: Question) -> Question:
        """Check and save changes to an existing question; returns it as stored."""
        q = prepare(question)
        sets = ", ".join(f"{c} = ?" for c in COLUMNS)
        self.store.write(f"UPDATE questions SET {sets}, updated_at = ? WHERE id = ?",
                         (*[getattr(q, c) for c in COLUMNS], self.wall().isoformat(timespec="seconds"), q.id))
        self._kept[q.id] = (q, False)
        return q

    def delete(self, question_id: int) -> None:
        """Delete (recoverably: ``undo_delete`` brings it back)."""
        found = [q for q in self.all() if q.id == question_id]
        self.store.write("UPDATE questions SET deleted = 1 WHERE id = ?", (question_id,))
        for q in found:
            self._kept[q.id] = (q, True)
        self._undo.extend(found)

    def can_undo(self) -> bool:
        """Whether a delete can be undone."""
        return bool(self._undo)

    def undo_delete(self) -> Question | None:
        """Restore the last deleted question."""
        if not self._undo:
            return None
        q = self._undo.pop()
        self.store.write("UPDATE questions SET deleted = 0 WHERE id = ?", (q.id,))
        self._kept[q.id] = (q, False)
        return q

    def all(self) -> list[Question]:
        """Every question not deleted, oldest first."""
        rows = self.store.read(f"SELECT id, {', '.join(COLUMNS)} FROM questions WHERE deleted = 0 ORDER BY id")
        questions = [Question(**dict(row)) for row in rows]
        self._kept.update((q.id, (q, False)) for q in questions)
        return questions

    def open_follow_ups(self) -> int:
        """How many follow-ups are still owed."""
        return sum(1 for q in self.all() if q.needs_follow_up)

    def _write_back(self, recovery: Recovery) -> None:
        """The database was rebuilt: put back every question held in memory that it lacks."""
        now = self.wall().isoformat(timespec="seconds")
        rows = [(q.id, *[getattr(q, c) for c in COLUMNS], int(deleted), now) for q, deleted in self._kept.values()]
        self.store.write_many(f"INSERT OR IGNORE INTO questions (id, {', '.join(COLUMNS)}, deleted, updated_at) "
                              f"VALUES ({', '.join('?' * (len(COLUMNS) + 3))})", rows)
        log.warning("%s: %d questions held in memory written back", recovery.path, len(rows))


def to_csv(questions: list[Question]) -> str:
    """Every field, one row a question (UTF-8 with a header row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([f.csv for f in FIELDS])
    for q in questions:
        writer.writerow([getattr(q, f.name) for f in FIELDS])
    return buffer.getvalue()


def to_markdown(questions: list[Question], title: str) -> str:
    """The minutes as Markdown (``presenter.talk.minutes.to_markdown``)."""
    from presenter.talk import minutes

    return minutes.to_markdown(questions, title)


def to_html(questions: list[Question], title: str) -> str:
    """The minutes as HTML, for the PDF (``presenter.talk.minutes.to_html``)."""
    from presenter.talk import minutes

    return minutes.to_html(questions, title)
