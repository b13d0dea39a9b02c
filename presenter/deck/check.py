"""``presenter check``: the slide list and everything worth fixing in a deck (no Qt)."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from presenter.deck.html_tree import parse
from presenter.deck.model import Deck, Slide
from presenter.deck.pacing import budgets
from presenter.deck.resources import is_remote

log = logging.getLogger(__name__)

THEMES = frozenset({
    "black", "white", "league", "beige", "night", "serif", "simple", "solarized", "moon", "dracula", "sky", "blood",
    "black-contrast", "white-contrast", "white_contrast_compact_verbatim_headers",
})
TRANSITIONS = frozenset({
    "none", "fade", "slide", "convex", "concave", "zoom", "default", "linear", "cube", "page",
})
_DIRECTIONAL = frozenset({
    "slide", "convex", "concave", "zoom",
})
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF", b"<svg", b"<?xml")
_COLOR = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\(.*\)|hsla?\(.*\)|[a-zA-Z]+|.*gradient\(.*\))$")
SEVERITIES = ("error", "warning", "info")


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
                for s, secs in zip(deck.slides, self.seconds)
            ],
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
    if deck.theme not in THEMES:
        out.append(Finding("warning", "unknown-theme", "", 1,
                           f"theme {deck.theme!r} is not one of reveal.js's themes; presenter shows it as 'black'"))
    raw = str(deck.reveal_options.get("transition", "default"))
    if raw not in TRANSITIONS:
        out.append(Finding("warning", "unknown-transition", "", 1,
                           f"transition {raw!r} is not a reveal.js transition; presenter uses 'convex'"))
    return out


def valid_slide_transition(value: str) -> bool:
    """Whether a ``data-transition`` value is a name or an ``X-in Y-out`` pair reveal.js knows."""
    for word in value.split():
        base = re.sub(r"-(in|out)$", "", word)
        if base not in TRANSITIONS or (base != word and base not in _DIRECTIONAL | {"fade", "none"}):
            return False
    return bool(value.split())


def _slide_findings(deck: Deck, slide: Slide) -> list[Finding]:
    out: list[Finding] = []
    where = (slide.label, slide.line)
    if slide.empty:
        out.append(Finding("warning", "empty-slide", *where, "the slide is empty (the audience sees only the background)"))
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
    return out


def _files(deck: Deck, slide: Slide) -> list[Finding]:
    images = [slide.background.image] if slide.background.image else []
    links: list[str] = []
    for html in (slide.html, slide.notes_html):
        for el in parse(html).iter():
            if el.tag == "img" and el.attrs.get("src"):
                images.append(el.attrs["src"])
            elif el.tag == "a" and el.attrs.get("href"):
                links.append(el.attrs["href"])
    out = [f for url in dict.fromkeys(images) if (f := _image_finding(deck, slide, url))]
    out += [f for url in dict.fromkeys(links) if (f := _link_finding(deck, slide, url))]
    return out


def _image_finding(deck: Deck, slide: Slide, url: str) -> Finding | None:
    where = (slide.label, slide.line)
    if is_remote(url):
        if url.startswith("data:"):
            return None
        return Finding("info", "remote-image", *where, f"{url} is on the web; presenter shows only local images")
    path = deck.resolve(url)
    if path is None or not path.is_file():
        return Finding("warning", "missing-image", *where, f"image {url} not found (looked for {path})")
    if not os.access(path, os.R_OK) or not _looks_like_image(path):
        return Finding("warning", "unreadable-image", *where, f"image {url} cannot be read as an image ({path})")
    return None


def _looks_like_image(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(256)
    except OSError:
        return False
    return head.lstrip().startswith(_IMAGE_MAGIC) or b"<svg" in head


def _link_finding(deck: Deck, slide: Slide, url: str) -> Finding | None:
    if url.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE):
        return None  # in-deck anchors, web and mail links
    path = deck.resolve(url)
    if path is not None and not path.exists():
        return Finding("warning", "missing-attachment", slide.label, slide.line,
                       f"linked file {url} not found (looked for {path})")
    return None


def format_text(report: Report) -> str:
    """The human-readable report: a slide table, then the findings."""
    deck = report.deck
    lines = [f"{deck.title}  ({deck.path}; theme {deck.theme}, transition {deck.transition})", ""]
    lines.append(f"{'slide':>6}  {'title':<40} {'notes':>5} {'time':>5}  background")
    for s, secs in zip(deck.slides, report.seconds):
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
