"""What the phones see of the talk: a small immutable snapshot, and the messages made from it (no Qt)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from presenter.companion.auth import Device
from presenter.talk.clock import format_clock
from presenter.talk.talk import Talk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SlideRef:
    """A slide a question can refer to."""

    label: str
    title: str


@dataclass(frozen=True)
class Snapshot:
    """The talk as the companion pages show it.

    Attributes:
        label, title: the audience's slide (``3.2``, its heading).
        number, total: its place among the visible slides, and how many there are.
        blank: ``none``, ``black`` or ``white``.
        time_text, time_label: ``12:05`` and ``left``, ``over`` or ``elapsed``.
        elapsed: whole seconds into the talk (stamped on the clerk's questions).
        notes_html: the slide's notes (sent only to clickers allowed to show them).
        slides: every visible slide (for the clerk's slide list).
    """

    label: str = ""
    title: str = ""
    number: int = 0
    total: int = 0
    blank: str = "none"
    time_text: str = ""
    time_label: str = ""
    elapsed: int = 0
    notes_html: str = ""
    slides: tuple[SlideRef, ...] = ()


def snapshot_of(talk: Talk) -> Snapshot:
    """The snapshot of ``talk`` now (what the audience sees, not what the presenter browses)."""
    slide = talk.slide(talk.audience)
    visible = talk.nav.visible
    remaining = talk.remaining()
    if remaining is None:
        time_text, time_label = format_clock(talk.clock.elapsed()), "elapsed"
    else:
        time_text, time_label = format_clock(abs(remaining)), ("left" if remaining >= 0 else "over")
    number = next((i + 1 for i, s in enumerate(visible) if slide is not None and s.index == slide.index), 0)
    return Snapshot(label=slide.label if slide else "", title=slide.title if slide else "", number=number,
                    total=len(visible), blank=talk.blank.value, time_text=time_text, time_label=time_label,
                    elapsed=int(talk.clock.elapsed()), notes_html=slide.notes_html if slide else "",
                    slides=tuple(SlideRef(s.label, s.title) for s in visible))


def state_message(snap: Snapshot, version: int, device: Device) -> dict[str, Any]:
    """The ``state`` message for one device: notes only for a clicker the speaker allowed."""
    message: dict[str, Any] = {"type": "state", "version": version, "label": snap.label, "title": snap.title,
                               "number": snap.number, "total": snap.total, "blank": snap.blank,
                               "time_text": snap.time_text, "time_label": snap.time_label}
    if device.role == "clicker":
        message["notes_on"] = device.notes
        message["notes_html"] = snap.notes_html if device.notes else ""
    return message


def slides_message(snap: Snapshot) -> dict[str, Any]:
    """The ``slides`` message for the clerk's slide list."""
    return {"type": "slides", "slides": [{"label": s.label, "title": s.title} for s in snap.slides]}
