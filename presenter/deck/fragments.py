"""Fragment order, as reveal.js ``fragments.sort`` computes it (no Qt)."""

from __future__ import annotations

import re

from presenter.deck.html_tree import Element

_INDEX = re.compile(r"\s*(\d+)")


def is_fragment(element: Element) -> bool:
    """Whether ``element`` carries the ``fragment`` class."""
    return "fragment" in element.attrs.get("class", "").split()


def fragment_groups(section: Element) -> list[list[Element]]:
    """The slide's fragments grouped by the step that reveals them, in order.

    Fragments with a ``data-fragment-index`` come first, grouped and sorted by the parsed
    integer; the others follow one group each in document order. Step ``k`` shows the
    first ``k`` groups.
    """
    ordered: dict[int, list[Element]] = {}
    unordered: list[list[Element]] = []
    for el in section.iter():
        if not is_fragment(el):
            continue
        m = _INDEX.match(el.attrs.get("data-fragment-index", ""))
        if m:
            ordered.setdefault(int(m.group(1)), []).append(el)
        else:
            unordered.append([el])
    return [ordered[k] for k in sorted(ordered)] + unordered


def fragment_count(section: Element) -> int:
    """How many steps the slide's fragments take."""
    return len(fragment_groups(section))
