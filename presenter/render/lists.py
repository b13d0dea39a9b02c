"""Lists as reveal.js lays them out: a top-level list is an inline-block (``margin-left: 1em``,
left-aligned, as wide as its longest item, centred with the text); nested lists are blocks
40 px in; markers hang outside the items, drawn where Blink draws them.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from presenter.deck.html_tree import Element, Node
from presenter.render.css import Style, declarations
from presenter.render.display import Box, Marker
from presenter.render.fonts import TEXT_SCALE, layout_device
from presenter.render.inline import InlineText

log = logging.getLogger(__name__)

_UL_KINDS = ("disc", "square", "circle")
_OL_TYPES = {"a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman", "1": "decimal"}
MAX_ITEMS = 300
_WIDE = 100_000.0


class Flow(Protocol):
    """What list, table and code layout need from the slide's block layout."""

    def style(self, parent: Style, el: Element) -> Style:
        """The style of ``el`` (fragment opacity included)."""

    def flow(self, nodes: list[Node], style: Style, width: float, depth: int) -> Box:
        """Block layout of ``nodes`` in a container ``width`` px wide."""


def list_box(flow: Flow, el: Element, style: Style, width: float, depth: int, nested: bool, uls: int) -> Box:
    """The list ``el`` styled ``style``: its margin box (inline-block) or a full-width block (nested).

    Args:
        flow: the slide's block layout.
        el: the ``ul``/``ol`` element.
        style: its style.
        width: the width available to it.
        depth: nesting depth of blocks (bounded by the caller).
        nested: whether it is inside another list (a block, 40 px in).
        uls: how many ``ul`` elements contain it (the marker: disc, square, circle).
    """
    indent = 40.0 if nested else style.size
    inner = max(1.0, width - indent)
    if not nested:  # an inline-block: as wide as its widest item unwrapped, at most the space there is
        inner = min(inner, _items(flow, el, style, _WIDE, depth, uls).content_width)
    items = _items(flow, el, style, inner, depth, uls)
    return _wrap(items, indent, inner, width, nested)


def _items(flow: Flow, el: Element, style: Style, inner: float, depth: int, uls: int) -> Box:
    kind = _kind(el, uls)
    items = Box(width=inner)
    y, pending, number = 0.0, 0.0, _start(el)
    for li in [c for c in el.elements() if c.tag == "li"][:MAX_ITEMS]:
        li_style = flow.style(style, li)
        body = flow.flow(li.children, li_style, inner, depth + 1)
        y += pending if not items.children else max(pending, body.margin_top)
        if not items.children:
            items.margin_top = body.margin_top
        number = int(li.attrs["value"]) if li.attrs.get("value", "").isdigit() else number
        _marker(body, li_style, _kind(li, uls) if "style" in li.attrs else kind, number)
        items.add(0.0, y, body)
        items.content_width = max(items.content_width, body.content_width)
        _baselines(items, body, y)
        y += body.height
        pending = body.margin_bottom
        number += 1
    items.height = y
    items.margin_bottom = pending
    items.settle_overflow()
    return items


def nested_lists(top: Element) -> dict[int, int]:
    """The lists inside ``top`` (``ul ul`` in reveal's CSS: blocks, square then circle markers):
    ``id(list)`` → how many ``ul`` contain it, itself included."""
    out: dict[int, int] = {}
    stack = [(child, int(top.tag == "ul")) for child in top.elements()]
    while stack and len(out) < 100_000:
        el, uls = stack.pop()
        if el.tag in ("ul", "ol"):
            uls += el.tag == "ul"
            out[id(el)] = uls
        stack.extend((child, uls) for child in el.elements())
    return out


def _wrap(items: Box, indent: float, used: float, width: float, nested: bool) -> Box:
    """The list's box: nested lists span the container; a top-level list is its margin box."""
    box = Box(width=width if nested else indent + used, content_width=indent + items.content_width)
    box.height = items.height + (0.0 if nested else items.margin_top + items.margin_bottom)
    top = 0.0 if nested else items.margin_top
    box.add(indent, top, items)
    if nested:
        box.margin_top, box.margin_bottom = items.margin_top, items.margin_bottom
    if items.baseline is not None:
        box.baseline = items.baseline + top
    if items.first_baseline is not None:
        box.first_baseline = items.first_baseline + top
    box.settle_overflow()
    return box


def _baselines(items: Box, body: Box, y: float) -> None:
    if body.baseline is not None:
        items.baseline = y + body.baseline
    if items.first_baseline is None and body.first_baseline is not None:
        items.first_baseline = y + body.first_baseline


def _start(el: Element) -> int:
    start = el.attrs.get("start", "1").strip()
    return int(start) if start.lstrip("-").isdigit() else 1


def _kind(el: Element, uls: int) -> str:
    decl = declarations(el.attrs.get("style", ""))
    kind = decl.get("list-style-type") or decl.get("list-style", "").split(" ")[0]
    if kind:
        return kind.lower()
    if el.tag == "ol":
        return _OL_TYPES.get(el.attrs.get("type", "1"), "decimal")
    return _UL_KINDS[min(max(uls - 1, 0), 2)] if el.tag == "ul" else ""


def _marker(body: Box, style: Style, kind: str, number: int) -> None:
    """Hang the item's marker left of its first line (Blink's symbol and ordinal markers)."""
    if kind in ("", "none") or body.first_baseline is None:
        return
    color = style.paint(style.marker)
    ascent = style.height()[0]
    baseline = body.first_baseline
    if kind in _UL_KINDS:
        offset = ascent * 2 // 3
        size = (offset + 1) // 2
        top = baseline - ascent + 3 * (ascent - offset) // 2
        body.ops.append(Marker(kind, QRectF(-offset - 7, top, size, size), color))
        return
    text = f"{_ordinal(number, kind)}. "
    marker = InlineText(style.with_(align="left", marker=None))
    marker.text(text.replace(" ", "\u00a0"), style.with_(color=style.marker or style.color))
    advance = QFontMetricsF(style.font(), layout_device()).horizontalAdvance(text) / TEXT_SCALE
    laid = marker.layout(advance + 10)
    body.add(-advance, baseline - (laid.first_baseline or 0.0), laid)


def _ordinal(n: int, kind: str) -> str:
    if kind in ("lower-alpha", "upper-alpha", "lower-latin", "upper-latin") and n > 0:
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(97 + r) + letters
        return letters.upper() if kind.startswith("upper") else letters
    if kind in ("lower-roman", "upper-roman") and 0 < n < 4000:
        out = ""
        for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                               (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while n >= value:
                out += numeral
                n -= value
        return out.upper() if kind == "upper-roman" else out
    return str(n)
