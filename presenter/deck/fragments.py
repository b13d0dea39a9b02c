"""Fragment steps of a slide as reveal.js counts them, code highlight steps included (no Qt).

The deck counts a slide's steps with it (``Slide.fragment_count``) and the renderer shows them
with it, so the two can never disagree.

reveal.js's highlight plugin turns ``<code data-line-numbers="1-2|3">`` into the block itself
(highlighting ``1-2``) followed by one clone per further step, each a fragment appended after
the block; ``fragments.sort`` then orders fragments with a ``data-fragment-index`` first and the
rest in document order. The walk is iterative, so a deeply nested slide cannot exhaust the stack.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from presenter.deck.html_tree import Element

log = logging.getLogger(__name__)

_INDEX = re.compile(r"\s*(-?\d+)")
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+))?\s*$")
MAX_LINE = 100_000


@dataclass
class Steps:
    """Which step reveals each fragment, and the code blocks' highlight steps.

    Attributes:
        group_of: ``id(element)`` → the index of the step group that reveals it.
        code: ``id(code element)`` → the group index of each further highlight step (the
            block's own first step has none).
        count: how many steps the slide has.
    """

    group_of: dict[int, int] = field(default_factory=dict)
    code: dict[int, list[int]] = field(default_factory=dict)
    count: int = 0


def highlight_steps(value: str) -> list[set[int]]:
    """``"1-2|3,5"`` → ``[{1, 2}, {3, 5}]``; an empty step (or no value) highlights nothing."""
    steps: list[set[int]] = []
    for part in value.split("|"):
        lines: set[int] = set()
        for item in part.split(","):
            m = _RANGE.match(item)
            if m:
                a = int(m.group(1))
                b = int(m.group(2) or a)
                lines.update(range(a, min(b, a + MAX_LINE) + 1))
        steps.append(lines)
    return steps


def _walk(section: Element, code: bool) -> list[tuple[Element, int]]:
    """Every fragment element in document order, with the code blocks' extra steps after them.

    Returns pairs of (element, k): k = -1 for a fragment element, k >= 1 for the k-th clone of
    a code block's highlight steps.
    """
    out: list[tuple[Element, int]] = []
    stack: list[tuple[Element, bool]] = [(section, False)]
    while stack:
        el, closing = stack.pop()
        if closing:
            extra = len(highlight_steps(el.attrs.get("data-line-numbers", ""))) - 1
            out.extend((el, k) for k in range(1, extra + 1))
            continue
        if el is not section and "fragment" in el.attrs.get("class", "").split():
            out.append((el, -1))
        if code and el.tag == "code" and "|" in el.attrs.get("data-line-numbers", ""):
            stack.append((el, True))
        stack.extend((child, False) for child in reversed(el.elements()))
    return out


def slide_steps(section: Element, code: bool = True) -> Steps:
    """The slide's steps: fragments and (when ``code``) code highlight clones, sorted as reveal.js does."""
    ordered: dict[int, list[tuple[Element, int]]] = {}
    unordered: list[list[tuple[Element, int]]] = []
    for el, k in _walk(section, code):
        m = _INDEX.match(el.attrs.get("data-fragment-index", ""))
        if m:
            ordered.setdefault(int(m.group(1)) + max(k - 1, 0), []).append((el, k))
        else:
            unordered.append([(el, k)])
    groups = [ordered[i] for i in sorted(ordered)] + unordered
    steps = Steps(count=len(groups))
    for index, group in enumerate(groups):
        for el, k in group:
            if k < 0:
                steps.group_of[id(el)] = index
            else:
                steps.code.setdefault(id(el), []).append(index)
    return steps


def fragment_count(section: Element) -> int:
    """How many steps the slide takes: its fragments and its code blocks' further highlight steps."""
    return slide_steps(section).count
