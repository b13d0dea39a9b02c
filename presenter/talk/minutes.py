"""The minutes of the Q&A: the questions grouped for the clerk, as Markdown and HTML (no Qt).

Every export shows the same facts the same way (``minutes``): a reference (``Q1``… in the order
asked), who asked, the slide, when, the action, owner and due date, follow-ups first. The Word
document is ``presenter.talk.docx_minutes``.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass

from presenter.talk.dates import human_date, human_due, human_minutes, parse_time, plural
from presenter.talk.questions import Question

log = logging.getLogger(__name__)

GROUP_ORDER = ("follow-up", "open", "answered")
HEADINGS = {"follow-up": "Follow-ups promised", "open": "Open questions", "answered": "Answered"}
STATUS_LABELS = {"follow-up": "Follow-up", "open": "Open", "answered": "Answered"}


@dataclass(frozen=True)
class Minute:
    """One question as the minutes show it.

    Attributes:
        ref: ``Q1``, ``Q2``… in the order they were asked (the same in every export).
        question: the question.
        who: asked by, and ward or organisation (``not recorded`` when neither).
        slide: ``4 CCTV`` (``–`` when none).
        asked: when (``19:47``, with the date when the log spans several days) and how far into the talk.
        due: the due date for people (``15 December 2026``), or ``""``.
    """

    ref: str
    question: Question
    who: str
    slide: str
    asked: str
    due: str


def minutes(questions: list[Question]) -> list[Minute]:
    """The questions for the minutes: follow-ups first, then open, then answered, each oldest first."""
    by_time = sorted(questions, key=lambda q: (q.created_at, q.id))
    days = {d.date() for d in (parse_time(q.created_at) for q in questions) if d is not None}
    out = []
    for n, q in enumerate(by_time, 1):
        when = parse_time(q.created_at)
        clock = (f"{human_date(when.date(), short=True)} {when:%H:%M}" if len(days) > 1 else f"{when:%H:%M}"
                 ) if when else q.created_at
        asked = f"{clock} ({human_minutes(q.talk_elapsed)} into the talk)" if q.talk_elapsed else clock
        who = ", ".join(x for x in (q.asked_by, q.organisation) if x) or "not recorded"
        slide = " ".join(x for x in (q.slide_label, q.slide_title) if x) or "–"
        out.append(Minute(f"Q{n}", q, who, slide, asked, human_due(q.due)))
    rank = {s: i for i, s in enumerate(GROUP_ORDER)}
    return sorted(out, key=lambda m: rank.get(m.question.status, len(rank)))


def meeting_date(questions: list[Question]) -> str:
    """The day (or days) the questions were asked, for the minutes' heading ("" when unknown)."""
    days = sorted({d.date() for d in (parse_time(q.created_at) for q in questions) if d is not None})
    if not days:
        return ""
    first, last = human_date(days[0]), human_date(days[-1])
    return first if first == last else f"{first} – {last}"


def summary(questions: list[Question]) -> str:
    """``3 questions, 1 follow-up``."""
    follow = sum(1 for q in questions if q.needs_follow_up)
    return f"{plural(len(questions), 'question')}, {plural(follow, 'follow-up')}"


def grouped(questions: list[Question]) -> list[tuple[str, list[Minute]]]:
    """The minutes grouped by status, in ``GROUP_ORDER``, without empty groups."""
    items = minutes(questions)
    groups = [(s, [m for m in items if m.question.status == s]) for s in GROUP_ORDER]
    return [(s, ms) for s, ms in groups if ms]


def _follow_up(m: Minute) -> str:
    q = m.question
    owed = f"Follow-up: {q.owner or 'no owner'}, due {m.due or 'no date'}" if q.owner or q.due else ""
    return ". ".join(p for p in (f"Action: {q.action}" if q.action else "", owed) if p)


def to_markdown(questions: list[Question], title: str) -> str:
    """A list for the minutes, grouped by status, with owners, due dates and slides."""
    out = [f"# Questions: {title}", ""]
    when = meeting_date(questions)
    out += [f"{when + ' · ' if when else ''}{summary(questions)}", ""]
    for status, items in grouped(questions):
        out += [f"## {HEADINGS[status]} ({len(items)})", ""]
        for m in items:
            out.append(f"- **{m.ref}. {m.question.question}**  ")
            out.append(f"  Asked by {m.who} at {m.asked}; slide {m.slide}." + ("  " if _follow_up(m) else ""))
            if _follow_up(m):
                out.append(f"  {_follow_up(m)}.")
            out.append("")
    if not questions:
        out.append("No questions were recorded.")
    return "\n".join(out).rstrip() + "\n"


def to_html(questions: list[Question], title: str) -> str:
    """The same list as HTML (for the PDF and for appending to the handout)."""
    esc = html.escape
    when = meeting_date(questions)
    parts = [f"<h1>Questions: {esc(title)}</h1><p>{esc(when + ' · ' if when else '')}{summary(questions)}</p>"]
    for status, items in grouped(questions):
        parts.append(f"<h2>{HEADINGS[status]} ({len(items)})</h2>"
                     '<table width="100%" cellspacing="0" cellpadding="3">')
        for m in items:
            follow = f"<br/>{esc(_follow_up(m))}" if _follow_up(m) else ""
            parts.append(f'<tr><td width="9%" valign="top"><b>{m.ref}</b></td><td><b>{esc(m.question.question)}</b>'
                         f"<br/>Asked by {esc(m.who)} at {esc(m.asked)}; slide {esc(m.slide)}{follow}</td></tr>")
        parts.append("</table>")
    if not questions:
        parts.append("<p>No questions were recorded.</p>")
    return "".join(parts)
