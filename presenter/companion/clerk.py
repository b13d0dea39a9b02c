"""The clerk's questions: checked form data in, the same ``Question`` rows out (no Qt)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from presenter.companion.state import SlideRef
from presenter.talk.questions import STATUSES, Question, QuestionLog

log = logging.getLogger(__name__)

LIMITS = {"question": 2000, "asked_by": 200, "organisation": 200, "owner": 200, "due": 40}
LABELS = {"question": "The question", "asked_by": "Asked by", "organisation": "Ward", "owner": "Follow-up owner",
          "due": "Due date"}


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise TypeError(f"{LABELS[name]} must be text")
    value = " ".join(value.split()) if name != "question" else value.strip()
    if len(value) > LIMITS[name]:
        raise ValueError(f"{LABELS[name]} is too long (at most {LIMITS[name]} characters)")
    return value


def _is_date(text: str) -> bool:
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def question_from(data: Mapping[str, Any], slides: Sequence[SlideRef], elapsed: float,
                  base: Question | None = None) -> Question:
    """The question the clerk typed, checked; ``base`` is the question being edited.

    Raises:
        ValueError: a missing question, an unknown slide or status, a field too long; the
            message is shown to the clerk.
        TypeError: a field that is not text.
    """
    fields = {name: _text(data, name) for name in LIMITS}
    if not fields["question"]:
        raise ValueError("Type the question first.")
    status = data.get("status", "open")
    if status not in STATUSES:
        raise ValueError(f"Status must be one of {', '.join(STATUSES)}.")
    if fields["due"] and not _is_date(fields["due"]):
        raise ValueError("The due date must be a date (YYYY-MM-DD), as the laptop keeps it.")
    label = data.get("slide", "")
    ref = next((s for s in slides if s.label == label), None)
    if label and ref is None:
        raise ValueError(f"There is no slide {label!r} in the deck.")
    start = base or Question(talk_elapsed=float(round(elapsed, 1)))
    return replace(start, question=fields["question"], asked_by=fields["asked_by"],
                   organisation=fields["organisation"], owner=fields["owner"], due=fields["due"], status=status,
                   slide_label=ref.label if ref else "", slide_title=ref.title if ref else "")


def question_json(q: Question) -> dict[str, Any]:
    """One question for the clerk's list."""
    return {"id": q.id, "question": q.question, "asked_by": q.asked_by, "organisation": q.organisation,
            "slide": q.slide_label, "slide_title": q.slide_title, "status": q.status, "owner": q.owner,
            "due": q.due, "created_at": q.created_at}


def save(log_: QuestionLog, data: Mapping[str, Any], slides: Sequence[SlideRef], elapsed: float) -> Question:
    """Add the question (no ``id``) or change the one with that ``id``; written durably before returning.

    Raises:
        ValueError: bad form data, or no question with that id.
        TypeError: a field of the wrong type.
        StorageError: the database cannot be written.
    """
    qid = data.get("id")
    if qid in (None, 0, ""):
        return log_.add(question_from(data, slides, elapsed))
    if not isinstance(qid, int) or isinstance(qid, bool):
        raise TypeError("bad question id")
    base = next((q for q in log_.all() if q.id == qid), None)
    if base is None:
        raise ValueError("That question no longer exists (it may have been deleted on the laptop).")
    return log_.update(question_from(data, slides, elapsed, base))
