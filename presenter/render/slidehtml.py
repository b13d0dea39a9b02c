"""A slide's HTML laid out as reveal.js lays it out in Chromium, into a :class:`Box` tree.

Block layout follows the CSS box model with margin collapsing (``boxes``); text is broken into
CSS line boxes (``inline``); top-level lists and images are inline-level boxes on those lines
(``lists``); tables, code and fragments have their own modules. What reveal.js never shows is
never laid out: speaker notes, ``<script>``/``<style>`` contents, the fallback text of
``<iframe>``/``<object>``/``<video>``. Nesting deeper than :data:`MAX_DEPTH` is laid out as
plain text, so no slide can make layout slow or exhaust the stack.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from presenter.deck.fragments import Steps
from presenter.deck.html_tree import Comment, Element, Node, Text
from presenter.render.atoms import EMBEDS, embed_size, hidden, hr_box, image_box, tag_defaults
from presenter.render.boxes import BoxProps, Stack, box_props, collapse
from presenter.render.code import CodeTheme
from presenter.render.codeblock import pre_box, text_content
from presenter.render.css import Style, declarations
from presenter.render.display import Box, BoxShadow, Fill
from presenter.render.inline import InlineText
from presenter.render.lists import list_box, nested_lists
from presenter.render.sheet import StyleSheet, fragment_style
from presenter.render.tables import table_box

log = logging.getLogger(__name__)

ImageInfo = Callable[[str], "tuple[Path, int, int] | None"]  # src -> (file, natural width, height)
MAX_DEPTH = 24
MAX_NODES = 20_000  # elements and text runs laid out per slide; the rest would be far below its bottom
MAX_CHARS = 200_000  # characters of text laid out per slide
_WIDE = 100_000.0
_BLOCK = frozenset("p h1 h2 h3 h4 h5 h6 blockquote pre table hr div section article header footer nav main "  # noqa: SIM905
                   "figure figcaption address details summary dl dt dd form fieldset center li aside".split())
_QUOTE_BG = QColor(255, 255, 255, round(0.05 * 255))
_QUOTE_SHADOW = QColor(0, 0, 0, round(0.2 * 255))


class SlideLayout:
    """Lays out one slide section at one fragment step.

    Args:
        section: the slide's ``<section>`` element.
        sheet: the theme's element rules for this slide.
        steps: the slide's fragment steps; step: how many are revealed (``-1``: all).
        image: resolves an ``<img src>`` to its file and natural size.
        width: the logical slide width.
        code_theme: the deck's highlight theme.
        trailing: the section has one more child after its content (reveal-md's notes
            ``<aside>``), so its last heading keeps its bottom margin.
    """

    def __init__(self, section: Element, sheet: StyleSheet, steps: Steps, step: int, image: ImageInfo,
                 width: int, code_theme: CodeTheme, trailing: bool = False, height: int = 700):
        self.section = section
        self.sheet = sheet
        self.steps = steps
        self.step = steps.count if step < 0 else step
        self.image = image
        self.width = float(width)
        self.code_theme = code_theme
        self.trailing = trailing
        self.height = float(height)
        self.stretched: dict[int, tuple[float, float]] = {}  # id(.r-stretch element) -> its size
        self.nested: dict[int, int] = {}  # id(list inside a list) -> how many ul contain it, itself included
        self.inline_blocks: set[int] = set()  # id(element) laid out as an inline-block
        self.nodes = 0  # laid out so far (bounded by MAX_NODES)
        self.chars = 0

    def build(self) -> Box:
        """The section's content box; its height includes the outer margins (a BFC).

        A ``.r-stretch`` (or ``.stretch``) child of the section takes the height the rest leaves
        (reveal.js ``layoutSlideContents``): laid out once at height 0 to measure the rest.
        """
        stretch = next((c for c in self.section.elements()
                        if {"stretch", "r-stretch"} & set(c.attrs.get("class", "").split())), None)
        if stretch is None:
            return self._section()
        self.stretched[id(stretch)] = (0.0, 0.0)
        remaining = max(0.0, self.height - round(self._section().height))
        found = self.image(stretch.attrs.get("src", "")) if stretch.tag == "img" else None
        if found is not None:
            scale = min(self.width / max(found[1], 1), remaining / max(found[2], 1))
            self.stretched[id(stretch)] = (found[1] * scale, found[2] * scale)
        else:
            self.stretched[id(stretch)] = (self.width, remaining)
        self.nodes = self.chars = 0
        return self._section()

    def _section(self) -> Box:
        inner = self.flow(self.section.children, self.sheet.root(), self.width, 0, self.trailing)
        box = Box(width=self.width, height=inner.margin_top + inner.height + inner.margin_bottom)
        box.add(0.0, inner.margin_top, inner)
        box.settle_overflow()
        return box

    # -- styles and fragments -------------------------------------------------------------
    def style(self, parent: Style, el: Element) -> Style:
        """The style of ``el``, with its fragment's opacity or highlight at this step."""
        s = self.sheet.child(parent, el)
        group = self.steps.group_of.get(id(el))
        if group is None:
            return s
        return fragment_style(s, el.attrs.get("class", "").split(), group < self.step, group == self.step - 1)

    # -- block layout ----------------------------------------------------------------------
    def flow(self, nodes: list[Node], style: Style, width: float, depth: int, trailing: bool = False) -> Box:
        """Block layout of ``nodes`` in a container ``width`` px wide styled ``style``."""
        stack = Stack(width)
        line: InlineText | None = None
        elements = [n for n in nodes if isinstance(n, Element) and not hidden(n)]
        last = None if trailing or not elements else elements[-1]
        for node in nodes:
            self.nodes += 1
            if self.nodes > MAX_NODES:
                break
            if isinstance(node, Element) and hidden(node):
                continue
            if isinstance(node, Element) and self._is_block(node):
                if line is not None:
                    stack.push(line.layout(width))
                    line = None
                self._push_block(stack, node, style, width, depth, node is last)
            elif not isinstance(node, Comment):
                line = line or InlineText(style)
                self.inline(node, style, line, width, depth)
        if line is not None and not line.empty:
            stack.push(line.layout(width))
        return stack.box()

    def _is_block(self, el: Element) -> bool:
        if id(el) in self.inline_blocks:
            return False
        display = declarations(el.attrs.get("style", "")).get("display", "")
        if display:
            return display in ("block", "flex", "list-item", "table", "grid")
        return el.tag in _BLOCK or (el.tag in ("ul", "ol") and self._in_list(el))

    def _in_list(self, el: Element) -> bool:
        return id(el) in self.nested

    def _push_block(self, stack: Stack, el: Element, style: Style, width: float, depth: int, last: bool) -> None:
        s = self.style(style, el)
        if depth >= MAX_DEPTH:
            flat = InlineText(s)
            flat.text(text_content(el), s)
            stack.push(flat.layout(width))
            return
        tag = el.tag
        if tag in ("ul", "ol"):
            stack.push(list_box(self, el, s, width, depth, True, self._uls(el)))
        elif tag == "table":
            stack.push(table_box(self, el, s, box_props(el, s, width).width or width, depth))
        elif tag == "pre":
            stack.push(self._pre(el, s, width))
        elif tag == "hr":
            stack.push(hr_box(width, s))
        elif tag == "blockquote":
            stack.push(self._blockquote(el, s, width, depth))
        elif declarations(el.attrs.get("style", "")).get("display") == "flex":
            stack.push(self._flex(el, s, width, depth))
        else:
            props = box_props(el, s, width, tag_defaults(tag, last))
            if id(el) in self.stretched:
                props = replace(props, width=self.stretched[id(el)][0], height=self.stretched[id(el)][1])
            stack.push(self.container(el, s, width, depth, props))

    def container(self, el: Element, s: Style, width: float, depth: int, props: BoxProps,
                  bfc: bool = False) -> Box:
        """A block box: its children in a box with the element's margins, padding and background."""
        top, right, bottom, left = props.padding
        ml, mr = props.margin[3], props.margin[1]
        w = props.width if props.width is not None else width - (ml or 0.0) - (mr or 0.0)
        inner = self.flow(el.children, s, max(1.0, w - left - right), depth + 1)
        open_top, open_bottom = not bfc and top == 0, not bfc and bottom == 0 and props.height is None
        box = Box(width=width)
        box.margin_top = collapse(props.top, inner.margin_top) if open_top else props.top
        box.margin_bottom = collapse(props.bottom, inner.margin_bottom) if open_bottom else props.bottom
        y = top + (0.0 if open_top else inner.margin_top)
        height = y + inner.height + bottom + (0.0 if open_bottom else inner.margin_bottom)
        height = props.height if props.height is not None else height
        x = (width - w) / 2 if ml is None and mr is None else (ml if ml is not None else width - w - (mr or 0.0))
        if props.background is not None and props.background.alpha():
            box.ops.append(Fill(QRectF(x, 0, w, height), s.paint(props.background)))
        box.add(x + left, y, inner)
        box.height = height
        box.settle_overflow()
        box.content_width = x + left + inner.content_width + right
        if inner.first_baseline is not None:
            box.first_baseline = y + inner.first_baseline
        if inner.baseline is not None:
            box.baseline = y + inner.baseline
        return box

    def _blockquote(self, el: Element, s: Style, width: float, depth: int) -> Box:
        kids = [c for c in el.elements() if not hidden(c)]
        for kid in kids[:1] + kids[-1:]:  # blockquote p:first-child, p:last-child { display: inline-block }
            if kid.tag == "p":
                self.inline_blocks.add(id(kid))
        props = box_props(el, s, width, BoxProps((20.0, None, 20.0, None), (5.0,) * 4, 0.7 * width + 10.0))
        box = self.container(el, s, width, depth, props, bfc=True)
        x, w = (width - (props.width or width)) / 2, props.width or width
        rect = QRectF(x, 0, w, box.height)
        box.ops[:0] = [BoxShadow(rect, 0, 0, 2, s.paint(_QUOTE_SHADOW)), Fill(rect, s.paint(_QUOTE_BG))]
        return box

    def _pre(self, el: Element, s: Style, width: float) -> Box:
        code = next((c for c in el.elements() if c.tag == "code"), None)
        step = 0
        if code is not None:
            revealed = [g for g in self.steps.code.get(id(code), []) if g < self.step]
            step = len(revealed) if id(code) in self.steps.code else (1 << 30 if self.step >= self.steps.count else 0)
        code_style = self.style(s, code) if code is not None else s
        return pre_box(el, code, code_style, width, self.code_theme, step, self.sheet.theme.code)

    def _flex(self, el: Element, s: Style, width: float, depth: int) -> Box:
        children = [c for c in el.elements() if not hidden(c)]
        styles = [self.style(s, c) for c in children]
        fixed = [box_props(c, cs, width).width for c, cs in zip(children, styles, strict=True)]
        free = max(0.0, width - sum(w for w in fixed if w is not None))
        share = free / max(1, sum(1 for w in fixed if w is None))
        row = Box(width=width)
        x = 0.0
        for child, cs, w in zip(children, styles, fixed, strict=True):
            cell = self.container(child, cs, w if w is not None else share, depth + 1,
                                  box_props(child, cs, width), bfc=True)
            row.add(x, cell.margin_top, cell)
            row.height = max(row.height, cell.margin_top + cell.height + cell.margin_bottom)
            x += cell.width
        row.content_width = x
        return row

    def _uls(self, el: Element) -> int:
        return self.nested.get(id(el), int(el.tag == "ul"))

    # -- inline layout ---------------------------------------------------------------------
    def inline(self, node: Node, style: Style, line: InlineText, width: float, depth: int) -> None:
        """Add ``node`` (text or an inline-level element) to the line boxes being built."""
        self.nodes += 1
        if isinstance(node, Text):
            if self.chars < MAX_CHARS:
                self.chars += len(node.data)
                line.text(node.data, style)
            return
        if self.nodes > MAX_NODES:
            return
        if not isinstance(node, Element) or hidden(node):
            return
        s = self.style(style, node)
        tag = node.tag
        if depth >= MAX_DEPTH:
            line.text(text_content(node), s)
        elif id(node) in self.inline_blocks or tag == "small":
            margins = BoxProps((20.0, 0.0, 20.0, 0.0)) if tag == "p" else BoxProps()
            line.atom(self._inline_block(node, s, width, depth, box_props(node, s, width, margins)), s)
        elif tag == "br":
            line.line_break(s)
        elif tag == "img":
            self._img(node, s, line, width)
        elif tag in ("ul", "ol"):
            self.nested.update(nested_lists(node))
            line.atom(list_box(self, node, s, width, depth, False, self._uls(node)), s)
        elif tag in EMBEDS:
            w, h = embed_size(node, s, width, EMBEDS[tag])
            line.atom(Box(width=w, height=h, baseline=h), s)
        elif tag in ("input", "select", "textarea", "button"):
            return
        elif declarations(node.attrs.get("style", "")).get("display") == "inline-block":
            line.atom(self._inline_block(node, s, width, depth, box_props(node, s, width)), s)
        else:
            for child in node.children:
                self.inline(child, s, line, width, depth + 1)

    def _inline_block(self, el: Element, s: Style, width: float, depth: int, props: BoxProps) -> Box:
        """An inline-block: as wide as its content (at most ``width``), its margins inside its box."""
        if props.width is None:
            widest = self.container(el, s.with_(align="left"), _WIDE, depth, props, bfc=True).content_width
            props = replace(props, width=min(width, widest))
        inner = self.container(el, s, props.width or width, depth, props, bfc=True)
        box = Box(width=props.width or width, height=props.top + inner.height + props.bottom)
        box.baseline = props.top + (inner.baseline if inner.baseline is not None else inner.height)
        box.add(0.0, props.top, inner)
        box.settle_overflow()
        return box

    def _img(self, el: Element, s: Style, line: InlineText, width: float) -> None:
        found = self.image(el.attrs.get("src", ""))
        if found is None:
            if el.attrs.get("alt"):
                line.text(el.attrs["alt"], s)
            return
        line.atom(image_box(el, s, width, found, self.stretched.get(id(el))), s)
