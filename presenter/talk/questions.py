"""The questions log: entries saved the moment they are entered, edited, deleted with undo (no Qt)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from presenter.talk.storage import Store

log = logging.getLogger(__name__)

STATUSES = ("open", "follow-up", "answered")
QA_TITLES = ("q&a", "q & a", "questions", "questions?", "any questions?", "q and a")


@dataclass(frozen=True)
class Question:
    """One question asked in the Q&A.

    Attributes:
        id: the database id (0 before it is saved).
        created_at: wall-clock time it was entered (ISO 8601).
        talk_elapsed: seconds into the talk.
        question, asked_by, organisation: who asked what (organisation: ward or organisation).
        slide_label, slide_title: the slide it refers to.
        status: ``open``, ``answered`` or ``follow-up``.
        owner, due: who follows it up, and by when (ISO date or free text).
    """

    id: int = 0
    created_at: str = ""
    talk_elapsed: float = 0.0
    question: str = ""
    asked_by: str = ""
    organisation: str = ""
    slide_label: str = ""
    slide_title: str = ""
    status: str = "open"
    owner: str = ""
    due: str = ""

    @property
    def needs_follow_up(self) -> bool:
        """Whether a follow-up is still owed."""
        return self.status == "follow-up"


COLUMNS = [f.name for f in fields(Question) if f.name != "id"]


def is_qa_slide(title: str, attributes: dict[str, str] | object) -> bool:
    """A slide with ``data-qa``, or whose heading is Q&A / Q & A / Questions (any case)."""
    attrs = dict(attributes) if hasattr(attributes, "keys") else {}  # type: ignore[call-overload]
    return "data-qa" in attrs or title.strip().lower() in QA_TITLES


class QuestionLog:
    """The questions of one deck, kept in its database.

    Args:
        store: the deck's database.
        wall: wall clock (injected in tests).
    """

    def __init__(self, store: Store, wall: Callable[[], dt.datetime] = dt.datetime.now):
        self.store = store
        self.wall = wall
        self._undo: list[Question] = []

    def add(self, question: Question) -> Question:
        """Save a new question (durably, before returning)."""
        if not question.question.strip():
            raise ValueError("a question needs some text")
        if question.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        now = self.wall().isoformat(timespec="seconds")
        q = replace(question, created_at=question.created_at or now)
        values = [getattr(q, c) for c in COLUMNS]
        new_id = self.store.write(
            f"INSERT INTO questions ({', '.join(COLUMNS)}, updated_at) VALUES ({', '.join('?' * len(COLUMNS))}, ?)",
            (*values, now))
        return replace(q, id=new_id)

    def update(self, question: Question) -> Question:
        """Save changes to an existing question."""
        if question.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        sets = ", ".join(f"{c} = ?" for c in COLUMNS)
        self.store.write(f"UPDATE questions SET {sets}, updated_at = ? WHERE id = ?",
                         (*[getattr(question, c) for c in COLUMNS], self.wall().isoformat(timespec="seconds"),
                          question.id))
        return question

    def delete(self, question_id: int) -> None:
        """Delete (recoverably: ``undo_delete`` brings it back)."""
        found = [q for q in self.all() if q.id == question_id]
        self.store.write("UPDATE questions SET deleted = 1 WHERE id = ?", (question_id,))
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
        return q

    def all(self) -> list[Question]:
        """Every question not deleted, oldest first."""
        rows = self.store.read(f"SELECT id, {', '.join(COLUMNS)} FROM questions WHERE deleted = 0 ORDER BY id")
        return [Question(**dict(row)) for row in rows]

    def open_follow_ups(self) -> int:
        """How many follow-ups are still owed."""
        return sum(1 for q in self.all() if q.needs_follow_up)


def grouped(questions: list[Question]) -> list[tuple[str, list[Question]]]:
    """Questions grouped by status for the minutes: follow-ups first, then open, then answered."""
    order = ("follow-up", "open", "answered")
    return [(s, [q for q in questions if q.status == s]) for s in order if any(q.status == s for q in questions)]


_HEADINGS = {"follow-up": "Follow-ups promised", "open": "Open questions", "answered": "Answered"}


def to_markdown(questions: list[Question], title: str) -> str:
    """A list for the minutes, grouped by status, with owners and slides."""
    out = [f"# Questions: {title}", ""]
    for status, items in grouped(questions):
        out += [f"## {_HEADINGS[status]} ({len(items)})", ""]
        for n, q in enumerate(items, 1):
            who = ", ".join(x for x in (q.asked_by, q.organisation) if x) or "not recorded"
            out.append(f"{n}. **{q.question.strip()}**  ")
            out.append(f"   Asked by {who}; slide {q.slide_label or '–'} {q.slide_title}; at {q.created_at}.  ")
            if q.owner or q.due:
                out.append(f"   Follow-up: {q.owner or 'no owner'}, due {q.due or 'no date'}.")
            out.append("")
    if not questions:
        out.append("No questions were recorded.")
    return "\n".join(out).rstrip() + "\n"


def to_csv(questions: list[Question]) -> str:
    """Every field, one row a question (UTF-8 with a header row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", *COLUMNS])
    for q in questions:
        writer.writerow([q.id, *[getattr(q, c) for c in COLUMNS]])
    return buffer.getvalue()


def to_html(questions: list[Question], title: str) -> str:
    """The same list as HTML (for the PDF and for appending to the handout)."""
    esc = html.escape
    parts = [f"<h1>Questions: {esc(title)}</h1>"]
    for status, items in grouped(questions):
        parts.append(f"<h2>{_HEADINGS[status]} ({len(items)})</h2><ol>")
        for q in items:
            who = esc(", ".join(x for x in (q.asked_by, q.organisation) if x) or "not recorded")
            follow = (f"<br/>Follow-up: {esc(q.owner or 'no owner')}, due {esc(q.due or 'no date')}"
                      if q.owner or q.due else "")
            parts.append(f"<li><b>{esc(q.question)}</b><br/>Asked by {who}; slide {esc(q.slide_label or '–')} "
                         f"{esc(q.slide_title)}; at {esc(q.created_at)}{follow}</li>")
        parts.append("</ol>")
    if not questions:
        parts.append("<p>No questions were recorded.</p>")
    return "".join(parts)
