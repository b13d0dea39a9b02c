"""Inline atoms and element categories: images, embedded objects, what reveal.js hides."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from presenter.deck.html_tree import Element
from presenter.render.boxes import BoxProps, box_props
from presenter.render.css import Style, declarations, length
from presenter.render.display import Box, Fill, Picture

log = logging.getLogger(__name__)

HIDDEN = frozenset("script style template noscript head title meta link base param source track "  # noqa: SIM905
                   "colgroup col caption datalist option".split())
# replaced elements keep their box (their content is a browser's: never their fallback text)
EMBEDS = {"iframe": (300, 150), "video": (300, 150), "object": (300, 150), "embed": (300, 150),
          "canvas": (300, 150), "audio": (300, 54), "svg": (300, 150)}


_HR = (QColor(154, 154, 154), QColor(238, 238, 238))  # a 1 px gray inset border, top and bottom


def hr_box(width: float, s: Style) -> Box:
    """An ``<hr>``: Chromium's default, 2 px of inset border with 0.5em margins."""
    box = Box(width=width, height=2.0, margin_top=0.5 * s.size, margin_bottom=0.5 * s.size)
    box.ops += [Fill(QRectF(0, 0, width, 1), s.paint(_HR[0])), Fill(QRectF(0, 1, width, 1), s.paint(_HR[1]))]
    return box


def image_box(el: Element, s: Style, width: float, found: tuple[Path, int, int],
              stretched: tuple[float, float] | None = None) -> Box:
    """An ``<img>`` as an inline box: its margins (20 px above and below) and the picture."""
    path, nw, nh = found
    w, h = stretched or image_size(el, s, width, nw, nh)
    props = box_props(el, s, width, BoxProps((20.0, 0.0, 20.0, 0.0)))
    box = Box(width=w, height=props.top + h + props.bottom, baseline=props.top + h + props.bottom)
    box.ops.append(Picture(path, QRectF(0, props.top, w, h), s.alpha))
    return box


def hidden(el: Element) -> bool:
    """Whether reveal.js shows nothing of ``el`` (scripts, styles, notes, ``display: none``…)."""
    if el.tag in HIDDEN or "hidden" in el.attrs:
        return True
    if el.tag == "aside" and "notes" in el.attrs.get("class", "").split():
        return True
    return "none" in declarations(el.attrs.get("style", "")).get("display", "")


def tag_defaults(tag: str, last: bool) -> BoxProps:
    """The margins theme.scss gives a block (a heading's bottom one only when not ``:last-child``)."""
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return BoxProps((0.0, 0.0, 0.0 if last else 20.0, 0.0))
    if tag == "p":
        return BoxProps((20.0, 0.0, 20.0, 0.0))
    if tag == "dd":
        return BoxProps((0.0, 0.0, 0.0, 40.0))
    return BoxProps()


def embed_size(el: Element, s: Style, width: float, default: tuple[int, int]) -> tuple[float, float]:
    """An iframe's, video's or object's box: its width and height attributes or the default."""
    decl = declarations(el.attrs.get("style", ""))
    w = length(decl.get("width", el.attrs.get("width", "")), s.size, width) or default[0]
    h = length(decl.get("height", el.attrs.get("height", "")), s.size, None) or default[1]
    return min(w, 0.95 * width), h


def image_size(el: Element, s: Style, width: float, nw: int, nh: int) -> tuple[float, float]:
    """An image's drawn size: attributes or style, the natural ratio, at most 95 % of the width."""
    decl = declarations(el.attrs.get("style", ""))
    w = length(decl.get("width", el.attrs.get("width", "")), s.size, width)
    h = length(decl.get("height", el.attrs.get("height", "")), s.size, None)
    if w is None and h is None:
        w, h = float(nw), float(nh)
    elif w is None:
        w = (h or 0.0) * nw / max(nh, 1)
    elif h is None:
        h = w * nh / max(nw, 1)
    limit = 0.95 * width
    h = h or 0.0
    if w > limit:  # max-width: 95 % (the height follows when it was not set)
        h = h * limit / w if "height" not in decl and "height" not in el.attrs else h
        w = limit
    return max(0.0, w), max(0.0, h)
