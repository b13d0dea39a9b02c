"""Box properties of block elements (margins, padding, width, background) and vertical stacking
with CSS margin collapsing."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtGui import QColor

from presenter.deck.html_tree import Element
from presenter.render.background import parse_color
from presenter.render.css import Style, declarations, length
from presenter.render.display import Box

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BoxProps:
    """An element's margins (None: ``auto``), padding, width, height and background."""

    margin: tuple[float | None, float | None, float | None, float | None] = (0.0, 0.0, 0.0, 0.0)
    padding: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    width: float | None = None
    height: float | None = None
    background: QColor | None = None

    @property
    def top(self) -> float:
        """The top margin (``auto`` is 0)."""
        return self.margin[0] or 0.0

    @property
    def bottom(self) -> float:
        """The bottom margin."""
        return self.margin[2] or 0.0


def _sides(value: str, em: float, whole: float) -> list[float | None]:
    parts = value.split()[:4] or ["0"]
    out = [None if p == "auto" else (length(p, em, whole) or 0.0) for p in parts]
    while len(out) < 4:
        out.append(out[{1: 0, 2: 0, 3: 1}[len(out)]])
    return out


def box_props(el: Element, style: Style, width: float, default: BoxProps = BoxProps()) -> BoxProps:
    """``default`` (the tag's rules) overridden by the element's ``style`` attribute."""
    decl = declarations(el.attrs.get("style", ""))
    if not decl and "width" not in el.attrs:
        return default
    em = style.size
    margin = list(default.margin)
    padding = list(default.padding)
    if "margin" in decl:
        margin = _sides(decl["margin"], em, width)
    if "padding" in decl:
        padding = [v or 0.0 for v in _sides(decl["padding"], em, width)]
    for i, side in enumerate(("top", "right", "bottom", "left")):
        if f"margin-{side}" in decl:
            margin[i] = _sides(decl[f"margin-{side}"], em, width)[0]
        if f"padding-{side}" in decl:
            padding[i] = _sides(decl[f"padding-{side}"], em, width)[0] or 0.0
    w = length(decl.get("width", el.attrs.get("width", "")), em, width)
    max_w = length(decl.get("max-width", ""), em, width)
    if w is None:
        w = default.width
    if max_w is not None and w is not None:
        w = min(w, max_w)
    bg = default.background
    for key in ("background-color", "background"):
        if key in decl:
            bg = parse_color(decl[key].split()[0]) if decl[key].split() else None
    return BoxProps((margin[0], margin[1], margin[2], margin[3]), (padding[0], padding[1], padding[2], padding[3]),
                    w, length(decl.get("height", ""), em, None), bg)


def collapse(*margins: float) -> float:
    """Adjoining margins collapsed: the largest positive plus the most negative."""
    return max([0.0, *margins]) + min([0.0, *margins])


class Stack:
    """Block boxes stacked top to bottom in a container, adjoining margins collapsed.

    The first child's top margin and the last child's bottom margin are left to the container
    (``margin_top``/``margin_bottom`` of :meth:`box`), which collapses them with its own or keeps
    them inside, as CSS decides for it.
    """

    def __init__(self, width: float):
        self.out = Box(width=width)
        self.y = 0.0
        self.pending: list[float] = []
        self.started = False
        self.atomic_before = False

    def push(self, box: Box, atomic: bool = False) -> None:
        """Add ``box`` below the others (``atomic``: its margins never collapse, an inline-block's)."""
        if box.height == 0 and not box.children and not box.ops and not atomic:
            self.pending += [box.margin_top, box.margin_bottom]
            return
        if not self.started:
            self.out.margin_top = collapse(*self.pending, box.margin_top)
            self.started = True
        elif atomic or self.atomic_before:
            self.y += sum(self.pending) + box.margin_top
        else:
            self.y += collapse(*self.pending, box.margin_top)
        self.out.add(0.0, self.y, box)
        if box.first_baseline is not None and self.out.first_baseline is None:
            self.out.first_baseline = self.y + box.first_baseline
        if box.baseline is not None:
            self.out.baseline = self.y + box.baseline
        self.out.content_width = max(self.out.content_width, box.content_width)
        self.y += box.height
        self.pending = [box.margin_bottom]
        self.atomic_before = atomic

    def box(self) -> Box:
        """The stacked boxes, with the margins that go out to the container."""
        if not self.started:
            self.out.margin_top = collapse(*self.pending)
            self.out.margin_bottom = 0.0
        else:
            self.out.margin_bottom = sum(self.pending) if self.atomic_before else collapse(*self.pending)
        self.out.height = self.y
        self.out.settle_overflow()
        return self.out
