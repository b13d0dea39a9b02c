"""Attribute comments (``<!-- .slide: -->``, ``<!-- .element: -->``) as reveal.js applies them.

reveal.js walks the DOM of the rendered slide; every comment is tried first as an element
comment (attributes go to the nearest preceding sibling element that is not ``<br>``, or to
the parent), then as a slide comment (attributes go to the slide's own section, even from inside
a raw ``<section>`` in the slide: reveal.js compares ``nodeName`` with ``'section'``, which never
matches the upper-case name the DOM gives). Only the
first match in a comment counts and it cannot cross a line end. Attribute values must be
double quoted and non-empty; bare names work only for ``data-*`` followed by a space or ``"``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from presenter.deck.html_tree import Comment, Element
from presenter.deck.patterns import DeckPattern

log = logging.getLogger(__name__)

DEFAULT_ELEMENT = r"\.element\s*?(.+?)$"
DEFAULT_SLIDE = r"\.slide:\s*?(\S.+?)$"
_ATTR = re.compile(r'([^"= ]+?)="([^"]+?)"|(data-[^"= ]+?)(?=[" ])')
_QUOTED_VALUE = re.compile(r'="[^"]+"')
_IGNORED = re.compile(r"""([^"'= ]+)=(?:'[^']*'|""|[^"'\s]+)""")


@dataclass(frozen=True)
class IgnoredAttribute:
    """An attribute in a comment that reveal-md silently ignores (single-quoted, unquoted or empty).

    Attributes:
        text: the attribute as written.
        comment: the whole comment text.
    """

    text: str
    comment: str


def parse_attributes(text: str) -> list[tuple[str, str]]:
    """Return the ``(name, value)`` pairs reveal.js reads from ``text``, in order."""
    pairs: list[tuple[str, str]] = []
    for m in _ATTR.finditer(text):
        if m.group(2):
            pairs.append((m.group(1).lower(), m.group(2)))
        else:
            pairs.append((m.group(3).lower(), ""))
    return pairs


def ignored_attributes(text: str) -> list[str]:
    """Return attributes written in ``text`` that reveal.js will not read."""
    return [m.group(0) for m in _IGNORED.finditer(_QUOTED_VALUE.sub("", text))]


class AttributeApplier:
    """Applies attribute comments to a slide tree, as reveal.js ``addAttributes`` does.

    Args:
        element: the ``elementAttributesSeparator`` pattern (first group: the attributes).
        slide: the ``slideAttributesSeparator`` pattern.
    """

    def __init__(self, element: DeckPattern, slide: DeckPattern):
        self.element_re = element
        self.slide_re = slide
        self.ignored: list[IgnoredAttribute] = []

    def apply(self, section: Element) -> None:
        """Apply every comment under ``section`` (the slide root) in document order."""
        # (element, next child, the nearest earlier sibling element that is not <br>, else the element)
        stack: list[tuple[Element, int, Element]] = [(section, 0, section)]
        while stack:
            element, i, previous = stack.pop()
            if i >= len(element.children):
                continue
            child = element.children[i]
            after = child if isinstance(child, Element) and child.tag != "br" else previous
            stack.append((element, i + 1, after))
            if isinstance(child, Element):
                stack.append((child, 0, child))
            elif isinstance(child, Comment) and not self._apply_one(child, previous, self.element_re):
                self._apply_one(child, section, self.slide_re)

    def _apply_one(self, comment: Comment, target: Element, pattern: DeckPattern) -> bool:
        m = pattern.search(comment.data)
        if m is None:
            return False
        captured = m.group(1) or ""
        comment.data = comment.data[: m.start()] + comment.data[m.end():]
        for name, value in parse_attributes(captured):
            target.attrs[name] = value
        for text in ignored_attributes(captured):
            self.ignored.append(IgnoredAttribute(text, captured.strip()))
        return True
