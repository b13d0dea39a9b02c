"""The box of a ``<pre><code>`` block: 90 % wide, centred, padded 1em, highlighted, at most 400 px
of code (the rest scrolls out of sight), line numbers and dimmed lines at a highlight step.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from presenter.deck.fragments import highlight_steps
from presenter.deck.html_tree import Element, Node, Text
from presenter.render.code import CodeTheme, language_of, tokens
from presenter.render.css import Style, declarations, length
from presenter.render.display import Box, BoxShadow, Fill
from presenter.render.inline import InlineText

log = logging.getLogger(__name__)

MAX_HEIGHT = 400.0
_SHADOW = QColor(0, 0, 0, round(0.15 * 255))


def text_content(el: Element) -> str:
    """The element's text (iteratively: a deep tree cannot exhaust the stack)."""
    parts: list[str] = []
    stack: list[Node] = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, Element):
            stack.extend(reversed(node.children))
        elif isinstance(node, Text):
            parts.append(node.data)
    return "".join(parts)


def pre_box(pre: Element, code: Element | None, style: Style, width: float, theme: CodeTheme,
            step: int, code_color: str | None) -> Box:
    """The block for ``pre`` (a full-width box with the code centred in it).

    Args:
        pre: the ``pre`` element; code: its ``code`` child (None for a bare ``pre``).
        style: the pre's style (font 0.55em, line height 1.2em).
        width: the container's width.
        theme: the highlight theme.
        step: which highlight step shows (0: the block's own, k: the k-th clone's).
        code_color: the theme's inline code colour (dracula), which beats the highlight theme's.
    """
    decl = declarations(pre.attrs.get("style", ""))
    inner_w = length(decl.get("width", ""), style.size, width) or 0.9 * width
    text = text_content(code if code is not None else pre).removesuffix("\n")
    block = _code(code, text, style, inner_w, theme, step, code_color) if code is not None else \
        _plain(text, style, inner_w)
    box = Box(width=width, height=block.height, margin_top=20.0, margin_bottom=20.0, content_width=inner_w)
    x = max(0.0, (width - inner_w) / 2)
    box.ops.append(BoxShadow(QRectF(x, 0, inner_w, block.height), 0, 5, 15, style.paint(_SHADOW)))
    box.add(x, 0.0, block)
    return box


def _plain(text: str, style: Style, width: float) -> Box:
    lines = InlineText(style)
    lines.text(text, style)
    return lines.layout(width)


def _code(code: Element, text: str, style: Style, width: float, theme: CodeTheme, step: int,
          code_color: str | None) -> Box:
    classes = code.attrs.get("class", "").split()
    language = language_of(classes, text)
    base = style.with_(color=QColor(code_color) if code_color else theme.foreground)
    numbers = "data-line-numbers" in code.attrs
    steps = highlight_steps(code.attrs.get("data-line-numbers", "")) if numbers else []
    marked = steps[min(step, len(steps) - 1)] if steps else set()
    start = code.attrs.get("data-ln-start-from", "1")
    first = int(start) if start.isdigit() else 1
    pad = style.size
    rows = tokens(text, classes) or [[]]
    gutter = _gutter(base, first, len(rows)) if numbers else 0.0
    box = Box(width=width, clip=True)
    y = pad
    for i, row in enumerate(rows):
        dim = 0.4 if marked and (i + first) not in marked else 1.0
        row_style = base.with_(alpha=base.alpha * dim)
        if numbers:
            box.add(pad, y, _number(row_style, i + first, gutter))
        line = InlineText(row_style)
        for ttype, part in row:
            token = theme.token(ttype, language)
            s = row_style.with_(color=token.color or row_style.color, weight=700 if token.bold else row_style.weight,
                                italic=token.italic or row_style.italic, alpha=row_style.alpha * token.alpha)
            line.text(part, s)
        laid = line.layout(max(1.0, width - 2 * pad - gutter))
        box.add(pad + gutter, y, laid)
        y += style.line_px
    content = y - pad
    box.height = min(content, MAX_HEIGHT) + 2 * pad
    box.ops.append(Fill(QRectF(0, 0, width, box.height), style.paint(theme.background)))
    return box


def _gutter(style: Style, first: int, count: int) -> float:
    widest = InlineText(style)
    widest.text(str(first + count - 1), style)
    return widest.layout(10_000).content_width + 0.75 * style.size


def _number(style: Style, n: int, gutter: float) -> Box:
    s = style.with_(alpha=style.alpha * 0.6, align="right")
    number = InlineText(s)
    number.text(str(n), s)
    return number.layout(gutter - 0.75 * style.size)
