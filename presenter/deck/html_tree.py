"""A small, tolerant HTML tree: enough DOM to apply reveal.js attribute comments.

reveal.js applies ``<!-- .slide: -->`` and ``<!-- .element: -->`` comments to the DOM that
marked produced. We do the same on the HTML that Python-Markdown produced, so this module
parses HTML into nodes, lets the caller walk and edit them, and serialises them back.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

log = logging.getLogger(__name__)

VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_WS = re.compile(r"\s+")


@dataclass
class Text:
    """A run of text (already decoded)."""

    data: str


@dataclass
class Comment:
    """An HTML comment."""

    data: str


@dataclass
class Element:
    """An element with ordered attributes and children."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    def elements(self) -> list[Element]:
        """Return the element children only."""
        return [c for c in self.children if isinstance(c, Element)]

    def iter(self) -> list[Element]:
        """Return every descendant element in document order (self excluded)."""
        out: list[Element] = []
        for child in self.elements():
            out.append(child)
            out.extend(child.iter())
        return out

    def text(self) -> str:
        """Return the textContent of the element (comments excluded)."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, Text):
                parts.append(child.data)
            elif isinstance(child, Element):
                parts.append(child.text())
        return "".join(parts)


Node = Text | Comment | Element


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: (v if v is not None else "") for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in VOID_TAGS:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: (v if v is not None else "") for k, v in attrs})
        self.stack[-1].children.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Text(data))

    def handle_comment(self, data: str) -> None:
        self.stack[-1].children.append(Comment(data))


def parse(markup: str) -> Element:
    """Parse an HTML fragment into a tree under a ``#root`` element."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root


def _attr_text(attrs: dict[str, str]) -> str:
    return "".join(
        f' {k}="{html.escape(v, quote=True)}"' if v != "" else f" {k}" for k, v in attrs.items()
    )


def serialize(node: Node) -> str:
    """Serialise a node (or the children of ``#root``) back to HTML."""
    if isinstance(node, Text):
        return html.escape(node.data, quote=False)
    if isinstance(node, Comment):
        return f"<!--{node.data}-->"
    inner = "".join(serialize(c) for c in node.children)
    if node.tag == "#root":
        return inner
    if node.tag in VOID_TAGS:
        return f"<{node.tag}{_attr_text(node.attrs)}>"
    return f"<{node.tag}{_attr_text(node.attrs)}>{inner}</{node.tag}>"


def collapse(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _WS.sub(" ", text).strip()
