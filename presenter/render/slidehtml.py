"""A slide's HTML turned into the rich text Qt lays out, styled like the reveal.js theme.

Qt's rich text has no inline-block and ignores font sizes on ``<h1>``…``<h6>``, so headings
become styled paragraphs and lists, quotes and code become one-cell tables centred on the
slide, which is how reveal.js shows them (lists: a left-aligned block centred as a whole).
Fragments that the current step has not revealed keep their space and become transparent.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor

from presenter.deck.fragments import fragment_groups
from presenter.deck.html_tree import Comment, Element, Node, Text
from presenter.render.fonts import css_families
from presenter.render.themes import Theme

log = logging.getLogger(__name__)

ImageSize = Callable[[str], "tuple[str, int, int] | None"]  # url -> (resource name, w, h)
_TEXT_ALIGN = re.compile(r"text-align:\s*(left|right|center|justify)")
_LIST_STYLES = ("disc", "square", "circle")
_HIGHLIGHT = {"red": "#ff2c2d", "green": "#17ff2e", "blue": "#1b91ff"}
_INLINE = {"strong": "b", "b": "b", "em": "i", "i": "i", "del": "s", "s": "s", "sup": "sup", "sub": "sub",
           "u": "u", "small": "small", "mark": "span", "span": "span", "abbr": "span", "kbd": "span"}


@dataclass
class _Ctx:
    color: QColor
    alpha: float = 1.0
    align: str = "center"
    list_depth: int = 0
    style: str = ""  # extra character style (fragment highlights, strike)


def _rgba(color: QColor, alpha: float) -> str:
    return f"rgba({color.red()},{color.green()},{color.blue()},{alpha * color.alphaF():.3f})"


class SlideHtml:
    """Builds Qt rich text for one slide tree.

    Args:
        section: the slide's ``<section>`` element.
        theme: the theme to style with.
        text_color: the text colour (the theme's, or its contrast colour).
        step: how many fragment groups are revealed (``-1``: all).
        image: maps an ``<img src>`` to a document resource and its display size.
        width: the logical slide width in px.
        heading_color: the heading colour (the theme's when omitted).
    """

    def __init__(self, section: Element, theme: Theme, text_color: str, step: int,
                 image: ImageSize, width: int = 960, heading_color: str | None = None):
        self.theme = theme
        self.heading_color = QColor(heading_color or theme.heading)
        self.width = width
        self.image = image
        self.text_color = QColor(text_color)
        groups = fragment_groups(section)
        self.step = len(groups) if step < 0 else step
        self.group_of = {id(el): i for i, group in enumerate(groups) for el in group}
        self.section = section

    def build(self) -> str:
        """Return the whole slide as Qt rich text."""
        t = self.theme
        body = (f"color:{_rgba(self.text_color, 1)}; font-family:{css_families(t.body_font)}; "
                f"font-size:{t.base}px")
        ctx = _Ctx(self.text_color)
        return f'<html><body style="{body}">{self._blocks(self.section.children, ctx)}</body></html>'

    # -- fragments -------------------------------------------------------------------------
    def _fragment_ctx(self, el: Element, ctx: _Ctx) -> _Ctx:
        group = self.group_of.get(id(el))
        if group is None:
            return ctx
        classes = el.attrs.get("class", "").split()
        revealed, current = group < self.step, group == self.step - 1
        alpha, style = ctx.alpha, ctx.style
        if "fade-out" in classes:
            alpha *= 0.0 if revealed else 1.0
        elif "semi-fade-out" in classes:
            alpha *= 0.5 if revealed else 1.0
        elif "current-visible" in classes or "fade-in-then-out" in classes:
            alpha *= 1.0 if current else 0.0
        elif "fade-in-then-semi-out" in classes:
            alpha *= (1.0 if current else 0.5) if revealed else 0.0
        elif any(c.startswith("highlight-") for c in classes):
            for name, value in _HIGHLIGHT.items():
                if (f"highlight-{name}" in classes and revealed) or (f"highlight-current-{name}" in classes and current):
                    return _Ctx(QColor(value), alpha, ctx.align, ctx.list_depth, style)
        else:
            alpha *= 1.0 if revealed else 0.0
            if "strike" in classes and revealed:
                style += "text-decoration:line-through;"
        return _Ctx(ctx.color, alpha, ctx.align, ctx.list_depth, style)

    def _color(self, ctx: _Ctx, color: QColor | None = None) -> str:
        return f"color:{_rgba(color or ctx.color, ctx.alpha)};{ctx.style}"

    # -- blocks ----------------------------------------------------------------------------
    def _blocks(self, nodes: list[Node], ctx: _Ctx) -> str:
        out: list[str] = []
        inline: list[Node] = []
        for node in nodes:
            if isinstance(node, Element) and node.tag in _BLOCK_TAGS:
                if inline:
                    out.append(self._paragraph(inline, ctx))
                    inline = []
                out.append(self._block(node, self._fragment_ctx(node, ctx)))
            elif not isinstance(node, Comment):
                inline.append(node)
        if inline and any(not isinstance(n, Text) or n.data.strip() for n in inline):
            out.append(self._paragraph(inline, ctx))
        return "".join(out)

    def _paragraph(self, nodes: list[Node], ctx: _Ctx, margin: str = "") -> str:
        margin = margin or ("0" if ctx.list_depth else "20px 0")
        return (f'<p align="{ctx.align}" style="margin:{margin}; line-height:130%; {self._color(ctx)}">'
                f"{self._inline(nodes, ctx)}</p>")

    def _block(self, el: Element, ctx: _Ctx) -> str:
        handler = getattr(self, f"_block_{el.tag}", None)
        if handler is not None:
            return str(handler(el, ctx))
        if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return self._heading(el, ctx, int(el.tag[1]))
        return self._blocks(el.children, ctx)  # div, section, figure…: their content

    def _block_p(self, el: Element, ctx: _Ctx) -> str:
        margin = "0 0 8px 0" if ctx.list_depth else "20px 0"
        return self._paragraph(el.children, ctx, margin)

    def _block_aside(self, el: Element, ctx: _Ctx) -> str:
        return ""  # speaker notes never reach the slide

    def _block_hr(self, el: Element, ctx: _Ctx) -> str:
        return "<hr/>"

    def _heading(self, el: Element, ctx: _Ctx, level: int) -> str:
        t = self.theme
        color = ctx.color if ctx.color != self.text_color else self.heading_color
        style = (f"font-family:{css_families(t.heading_font)}; font-size:{t.heading_px(level):.0f}px; "
                 f"font-weight:{t.heading_weight}; margin:0 0 20px 0; line-height:120%; "
                 f"text-transform:{t.heading_transform}; {self._color(ctx, color)}")
        if t.heading_letter_spacing:
            style += f" letter-spacing:{t.heading_letter_spacing * t.heading_px(level):.1f}px;"
        return f'<p align="{ctx.align}" style="{style}">{self._inline(el.children, ctx)}</p>'

    def _centred_cell(self, inner: str, ctx: _Ctx, width: str = "", cell_style: str = "",
                      padding: int = 0) -> str:
        w = f' width="{width}"' if width else ""
        return (f'<table align="center"{w} cellspacing="0" cellpadding="{padding}" style="margin:20px 0">'
                f'<tr><td style="{cell_style}">{inner}</td></tr></table>')

    def _list(self, el: Element, ctx: _Ctx) -> str:
        kind = "decimal" if el.tag == "ol" else _LIST_STYLES[min(ctx.list_depth, 2)]
        inner_ctx = _Ctx(ctx.color, ctx.alpha, "left", ctx.list_depth + 1, ctx.style)
        items = "".join(self._item(li, self._fragment_ctx(li, inner_ctx)) for li in el.elements() if li.tag == "li")
        start = f' start="{el.attrs["start"]}"' if el.tag == "ol" and "start" in el.attrs else ""
        listing = f'<{el.tag}{start} style="list-style-type:{kind}; margin:0">{items}</{el.tag}>'
        if ctx.list_depth:
            return listing
        return self._centred_cell(listing, ctx, cell_style="text-align:left")

    _block_ul = _list
    _block_ol = _list

    def _item(self, li: Element, ctx: _Ctx) -> str:
        marker = QColor(self.theme.list_marker) if self.theme.list_marker else None
        body = self._blocks(li.children, ctx) if any(
            isinstance(c, Element) and c.tag in _BLOCK_TAGS for c in li.children) else self._inline(li.children, ctx)
        style = self._color(ctx, marker) if marker else self._color(ctx)
        return f'<li style="{style}">{body}</li>'

    def _block_blockquote(self, el: Element, ctx: _Ctx) -> str:
        inner_ctx = _Ctx(ctx.color, ctx.alpha, "left", ctx.list_depth, ctx.style + "font-style:italic;")
        inner = self._blocks(el.children, inner_ctx)
        bg = f"background-color:rgba(255,255,255,{0.05 * ctx.alpha:.3f})"
        return self._centred_cell(inner, ctx, "70%", bg, padding=5)

    def _block_pre(self, el: Element, ctx: _Ctx) -> str:
        code = html.escape(el.text().rstrip("\n"))
        size = round(self.theme.base * 0.55)
        style = (f"font-family:{css_families(self.theme.code_font)}; font-size:{size}px; "
                 f"color:{_rgba(QColor('#dcdcdc'), ctx.alpha)}; margin:0")
        bg = f"background-color:{_rgba(QColor('#3f3f3f'), ctx.alpha)}; text-align:left"
        return self._centred_cell(f'<pre style="{style}">{code}</pre>', ctx, "90%", bg, padding=round(size * 0.5))

    def _block_table(self, el: Element, ctx: _Ctx) -> str:
        rows = [r for part in el.elements() for r in ([part] if part.tag == "tr" else part.elements()) if r.tag == "tr"]
        pad = round(self.theme.base * 0.2)
        line = _rgba(ctx.color, ctx.alpha)
        out = []
        for row in rows:
            cells = []
            for cell in row.elements():
                m = _TEXT_ALIGN.search(cell.attrs.get("style", ""))
                align = cell.attrs.get("align") or (m.group(1) if m else "left")
                weight = "font-weight:bold;" if cell.tag == "th" else ""
                style = f"border-bottom:1px solid {line}; text-align:{align}; {weight} {self._color(ctx)}"
                cell_ctx = _Ctx(ctx.color, ctx.alpha, "left", ctx.list_depth, ctx.style)
                cells.append(f'<{cell.tag} style="{style}">{self._inline(cell.children, cell_ctx)}</{cell.tag}>')
            out.append(f"<tr>{''.join(cells)}</tr>")
        return (f'<table align="center" cellspacing="0" cellpadding="{pad}" '
                f'style="border-collapse:collapse; margin:20px 0">{"".join(out)}</table>')

    # -- inline ----------------------------------------------------------------------------
    def _inline(self, nodes: list[Node], ctx: _Ctx) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(html.escape(node.data.replace("\n", " "), quote=False))
            elif isinstance(node, Element):
                out.append(self._inline_element(node, self._fragment_ctx(node, ctx)))
        return "".join(out)

    def _inline_element(self, el: Element, ctx: _Ctx) -> str:
        tag = el.tag
        inner = self._inline(el.children, ctx)
        if tag == "br":
            return "<br/>"
        if tag == "img":
            return self._img(el, ctx)
        if tag == "a":
            return f'<a href="{html.escape(el.attrs.get("href", ""))}" style="text-decoration:none; ' \
                   f'{self._color(ctx, QColor(self.theme.link))}">{inner}</a>'
        if tag == "code":
            color = QColor(self.theme.code) if self.theme.code else None
            return f'<span style="font-family:{css_families(self.theme.code_font)}; {self._color(ctx, color)}">{inner}</span>'
        extra = self._extra_color(tag)
        qt_tag = _INLINE.get(tag, "span")
        style = self._color(ctx, extra) if extra or ctx.alpha < 1 or ctx.style else ""
        return f'<{qt_tag} style="{style}">{inner}</{qt_tag}>' if style else f"<{qt_tag}>{inner}</{qt_tag}>"

    def _extra_color(self, tag: str) -> QColor | None:
        if tag in ("strong", "b") and self.theme.strong:
            return QColor(self.theme.strong)
        if tag in ("em", "i") and self.theme.em:
            return QColor(self.theme.em)
        return None

    def _img(self, el: Element, ctx: _Ctx) -> str:
        found = self.image(el.attrs.get("src", ""))
        if found is None or ctx.alpha == 0:
            return ""
        name, w, h = found
        want = el.attrs.get("width", "")
        if want.endswith("%"):
            scale = self.width * float(want[:-1] or 0) / 100 / max(w, 1)
        elif want.isdigit():
            scale = int(want) / max(w, 1)
        else:
            scale = 1.0
        scale = min(scale, self.width * 0.95 / max(w, 1), 700 * 0.95 / max(h, 1))
        return f'<img src="{html.escape(name)}" width="{max(1, round(w * scale))}" height="{max(1, round(h * scale))}"/>'


_BLOCK_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 ul ol blockquote pre table hr div section aside figure".split())
