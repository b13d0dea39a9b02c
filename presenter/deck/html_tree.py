"""A small HTML tree: enough DOM to apply reveal.js attribute comments, built as a browser builds it.

reveal.js applies ``<!-- .slide: -->`` and ``<!-- .element: -->`` comments to the DOM that the
browser built from marked's HTML (``section.innerHTML = …``). We do the same on the HTML that
markdown-it produced, parsed by Lexbor (through ``selectolax``), an HTML5 parser that follows the
HTML Standard's tree construction: implied end tags, a stray ``</p>`` as an empty paragraph,
``<image>`` as ``<img>``, formatting elements (``<font>``, ``<b>``…) reopened across paragraphs,
all as in the browser reveal-md runs in. This module turns that DOM into plain nodes, lets the
caller walk and edit them, and serialises them back.

Nothing here recurses: a deck with thousands of nested ``<div>`` or ``<em>`` cannot exhaust
the stack, and the tree is never deeper than ``MAX_DEPTH`` (deeper elements are dropped, their
content kept), so the code that paints it cannot either.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

log = logging.getLogger(__name__)

VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
})
_WS = re.compile(r"\s+")
MAX_DEPTH = 64
RAW_TEXT_TAGS = frozenset({
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
})


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
        stack = list(reversed(self.elements()))
        while stack:
            el = stack.pop()
            out.append(el)
            stack.extend(reversed(el.elements()))
        return out

    def text(self) -> str:
        """Return the textContent of the element (comments excluded)."""
        parts: list[str] = []
        stack: list[Node] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                parts.append(node.data)
            elif isinstance(node, Element):
                stack.extend(reversed(node.children))
        return "".join(parts)


Node = Text | Comment | Element


def parse(markup: str) -> Element:
    """Parse an HTML fragment, as the content of a ``<section>``, into a tree under ``#root``."""
    root = Element("#root")
    if not markup:
        return root
    # A leading empty comment, skipped below: the fragment's first node serialises the whole
    # fragment, and a comment's own serialisation is the one way to read its text unstripped.
    dom = LexborHTMLParser("<!---->" + markup, is_fragment=True, fragment_tag="section", scripting=True)
    first = dom.root
    stack: list[tuple[LexborNode | None, Element, int]] = [(first.next if first is not None else None, root, 0)]
    while stack:
        node, parent, depth = stack.pop()
        if node is None:
            continue
        stack.append((node.next, parent, depth))
        tag = node.tag
        if tag == "-text":
            parent.children.append(Text(node.text_content or ""))
        elif tag == "-comment":
            parent.children.append(Comment((node.html or "<!---->")[4:-3]))
        elif tag and not tag.startswith("-"):
            if depth >= MAX_DEPTH:  # too deep: keep the content, drop the element
                stack.append((node.child, parent, depth))
                continue
            el = Element(tag, {k: v or "" for k, v in node.attributes.items()})
            parent.children.append(el)
            stack.append((node.child, el, depth + 1))
    return root


def _attr_text(attrs: dict[str, str]) -> str:
    return "".join(
        f' {k}="{html.escape(v, quote=True)}"' if v != "" else f" {k}" for k, v in attrs.items()
    )


def serialize(node: Node) -> str:
    """Serialise a node (or the children of ``#root``) back to HTML."""
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, Text):
            parts.append(html.escape(item.data, quote=False))
        elif isinstance(item, Comment):
            parts.append(f"<!--{item.data}-->")
        elif item.tag == "#root":
            stack.extend(reversed(item.children))
        elif item.tag in VOID_TAGS:
            parts.append(f"<{item.tag}{_attr_text(item.attrs)}>")
        else:
            parts.append(f"<{item.tag}{_attr_text(item.attrs)}>")
            stack.append(f"</{item.tag}>")
            raw = item.tag in RAW_TEXT_TAGS  # their text is not escaped (it is not decoded either)
            stack.extend(reversed([c.data if raw and isinstance(c, Text) else c for c in item.children]))
    return "".join(parts)


def collapse(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _WS.sub(" ", text).strip()
