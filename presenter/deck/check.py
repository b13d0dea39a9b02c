"""``presenter check``: the slide list and everything worth fixing in a deck (no Qt)."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from presenter.deck.html_tree import parse
from presenter.deck.model import DEFAULT_SIZE, SIZE_RANGE, Deck, Slide, slide_dimension
from presenter.deck.pacing import budgets
from presenter.deck.resources import is_file
from presenter.deck.transitions import known, theme_names, valid_slide_transition

log = logging.getLogger(__name__)

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF", b"<svg", b"<?xml")
_COLOR = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\(.*\)|hsla?\(.*\)|[a-zA-Z]+|.*gradient\(.*\))$")
SEVERITIES = ("error", "warning", "info")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Finding:
    """One thing ``check`` reports. ``line`` is 1-based (0 when not tied to a line)."""

    severity: str
    code: str
    slide: str
    line: int
    message: str


@dataclass(frozen=True)
class Report:
    """The result of checking a deck: its slides with budgets, and the findings."""

    deck: Deck
    seconds: tuple[int, ...]
    findings: tuple[Finding, ...]

    @property
    def exit_code(self) -> int:
        """0 when clean, 1 with warnings or errors about the content (the deck itself loaded)."""
        return 1 if any(f.severity in ("error", "warning") for f in self.findings) else 0

    def to_json(self) -> dict[str, Any]:
        """The machine-readable shape other tools rely on."""
        deck = self.deck
        return {
            "deck": str(deck.path), "title": deck.title, "theme": deck.theme, "transition": deck.transition,
            "slides": [
                {"h": s.h, "v": s.v, "title": s.title, "notes_words": s.notes_words, "seconds": secs,
                 "background": s.background.summary(), "attributes": dict(s.attributes)}
                for s, secs in zip(deck.slides, self.seconds, strict=True)
            ],
            "total_seconds": sum(self.seconds),  # the plan: the sum of the slides' budgets
            "findings": [asdict(f) for f in self.findings],
        }


def check_deck(deck: Deck) -> Report:
    """Check ``deck`` and return the report (findings sorted by line)."""
    findings = [Finding(n.severity, n.code, n.slide, n.line, n.message) for n in deck.notes]
    findings += _deck_options(deck)
    for slide in deck.slides:
        findings += _slide_findings(deck, slide)
    findings.sort(key=lambda f: (f.line, SEVERITIES.index(f.severity)))
    return Report(deck, tuple(budgets(deck)), tuple(findings))


def _deck_options(deck: Deck) -> list[Finding]:
    out: list[Finding] = []
    if deck.theme not in theme_names():
        out.append(Finding("warning", "unknown-theme", "", 1,
                           f"theme {deck.theme!r} is not one of reveal.js's themes; presenter shows it as 'black'"))
    raw = str(deck.reveal_options.get("transition", "default"))
    if not known(raw):
        out.append(Finding("warning", "unknown-transition", "", 1,
                           f"transition {raw!r} is not a reveal.js transition; presenter uses 'convex'"))
    for key in ("width", "height"):
        value = deck.reveal_options.get(key)
        if value is not None and slide_dimension(value) is None:
            low, high = SIZE_RANGE
            out.append(Finding("warning", "bad-slide-size", "", 1,
                               f"revealOptions {key} {value!r} is not a slide size presenter can use (a number of "
                               f"pixels from {low} to {high}); presenter uses {DEFAULT_SIZE[0]}×{DEFAULT_SIZE[1]}"))
    if deck.options.get("preprocessor"):
        out.append(Finding("warning", "preprocessor-ignored", "", 1,
                           f"preprocessor {deck.options['preprocessor']!r} is not run (presenter runs no JavaScript): "
                           "the slides are shown as written in the file, not as the preprocessor would change them"))
    for key in ("css", "scripts"):
        if deck.options.get(key):
            out.append(Finding("info", f"{key}-ignored", "", 1,
                               f"{key} {deck.options[key]!r} is not used: presenter draws the slides itself, "
                               "with the theme's styles only"))
    return out


def _slide_findings(deck: Deck, slide: Slide) -> list[Finding]:
    out: list[Finding] = []
    where = (slide.label, slide.line)
    if slide.empty:
        out.append(Finding("warning", "empty-slide", *where,
                           "the slide is empty (the audience sees only the background)"))
    elif not slide.has_notes and not slide.hidden:
        out.append(Finding("info", "no-notes", *where, "the slide has no speaker notes"))
    transition = slide.attributes.get("data-transition")
    if transition is not None and not valid_slide_transition(transition):
        out.append(Finding("warning", "unknown-transition", *where,
                           f"data-transition {transition!r} is not a reveal.js transition"))
    bg = slide.background
    if bg.css and not _COLOR.match(bg.css.strip()):
        out.append(Finding("warning", "background-not-shown", *where,
                           f"data-background {bg.css!r} is neither an image reveal.js recognises nor a colour: "
                           "nothing is shown (use .png, .jpg, .svg, .gif, .bmp or .webp)"))
    out += _files(deck, slide)
    out += _notes_leak(slide)
    return out


def _files(deck: Deck, slide: Slide) -> list[Finding]:
    images = [slide.background.image] if slide.background.image else []
    links: list[str] = []
    for html in (slide.html, slide.notes_html):
        for el in parse(html).iter():
            src = el.attrs.get("data-deck-src") or el.attrs.get("src")
            if el.tag == "img" and src:
                images.append(src)
            elif el.tag == "a" and el.attrs.get("href"):
                links.append(el.attrs["href"])
    out = [f for url in dict.fromkeys(images) if (f := _image_finding(deck, slide, url))]
    out += [f for url in dict.fromkeys(links) if (f := _link_finding(deck, slide, url))]
    return out


def _image_finding(deck: Deck, slide: Slide, url: str) -> Finding | None:
    where = (slide.label, slide.line)
    res = deck.resource(url)
    if res.kind == "remote":
        if url.startswith("data:"):
            return None
        return Finding("info", "remote-image", *where, f"{url} is on the web; presenter shows only local images")
    if res.kind == "outside":
        return Finding("warning", "outside-deck-folder", *where,
                       f"image {url} is outside the deck's folder ({res.path}): presenter does not show it; "
                       f"copy it into {deck.folder}")
    path = res.path if res.kind == "local" else None
    if path is None or not is_file(path):
        looked = f"looked for {path}" if path is not None else "it cannot name a file"
        return Finding("warning", "missing-image", *where, f"image {_short(url)} not found ({looked})")
    if not os.access(path, os.R_OK) or not _looks_like_image(path):
        return Finding("warning", "unreadable-image", *where, f"image {url} cannot be read as an image ({path})")
    return None


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:60] + "…" + url[-15:]


def _looks_like_image(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(256)
    except OSError:
        return False
    return head.lstrip().startswith(_IMAGE_MAGIC) or b"<svg" in head


def _link_finding(deck: Deck, slide: Slide, url: str) -> Finding | None:
    res = deck.resource(url)
    if res.kind in ("anchor", "other", "remote", "empty"):
        return None  # in-deck anchors, web and mail links
    if res.kind == "outside":
        return Finding("warning", "outside-deck-folder", slide.label, slide.line,
                       f"linked file {url} is outside the deck's folder ({res.path}): presenter will not open it")
    if res.kind == "invalid" or res.path is None or not res.path.exists():
        looked = f"looked for {res.path}" if res.path is not None else "it cannot name a file"
        return Finding("warning", "missing-attachment", slide.label, slide.line,
                       f"linked file {_short(url)} not found ({looked})")
    return None


def _notes_leak(slide: Slide) -> list[Finding]:
    """D5: reveal-md shows notes after a blank line inside a block (a code block) on the slide."""
    if not slide.notes_html or not _BLANK_LINE.search(slide.notes_html):
        return []
    return [Finding("warning", "notes-leak-in-reveal-md", slide.label, slide.notes_line or slide.line,
                    "the notes hold a block with a blank line in it (a code block): presenter keeps the notes "
                    "private; reveal-md would end the notes at the blank line and show the rest on the slide")]


def format_text(report: Report) -> str:
    """The human-readable report: a slide table, then the findings."""
    deck = report.deck
    lines = [f"{deck.title}  ({deck.path}; theme {deck.theme}, transition {deck.transition})", ""]
    lines.append(f"{'slide':>6}  {'title':<40} {'notes':>5} {'time':>5}  background")
    for s, secs in zip(deck.slides, report.seconds, strict=True):
        title = (s.title or "(empty)")[:40]
        lines.append(f"{s.label:>6}  {title:<40} {s.notes_words:>5} {_mmss(secs):>5}  {s.background.summary()}")
    total = sum(report.seconds)
    lines += [f"{'':>6}  {'total':<40} {sum(s.notes_words for s in deck.slides):>5} {_mmss(total):>5}", ""]
    for f in report.findings:
        slide = f" slide {f.slide}:" if f.slide else ""
        lines.append(f"{deck.path}:{f.line}: {f.severity}:{slide} {f.message} [{f.code}]")
    counts = {sev: sum(1 for f in report.findings if f.severity == sev) for sev in SEVERITIES}
    lines.append(f"{len(deck.slides)} slides; {counts['error']} errors, {counts['warning']} warnings, "
                 f"{counts['info']} notes")
    return "\n".join(lines)


def _mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
