"""The export choices as data: the handout layouts and the print styles (no Qt).

One table each, read by ``presenter.render.handout``, the command line's ``--help`` and the export
dialog, so adding a layout or a style is one row here (and, for a layout, its ``plan`` function in
``presenter.render.layouts``). Nothing here imports Qt, so ``presenter --help`` stays quick.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Layout:
    """One handout layout.

    Attributes:
        name: what ``--layout`` takes.
        title: its name for people (in the PDF's title).
        help: one line for the command line and the export dialog.
        plan: the function in ``presenter.render.layouts`` that turns slides into pages.
        notes: whether it is about the notes (so ``--skip-without-notes`` applies).
        grid: columns and rows on a portrait page, for the grid layouts.
    """

    name: str
    title: str
    help: str
    plan: str
    notes: bool = False
    grid: tuple[int, int] = (1, 1)


LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (
    Layout("notes", "notes pages", "each slide with its notes (beside them on a landscape page)", "plan_notes",
           notes=True),
    Layout("handout-2", "handout, 2 slides a page", "2 large slides a page", "plan_grid", grid=(1, 2)),
    Layout("handout-3", "handout, 3 slides a page", "3 slides a page, with ruled lines for notes", "plan_ruled",
           grid=(1, 3)),
    Layout("handout-4", "handout, 4 slides a page", "4 slides a page", "plan_grid", grid=(2, 2)),
    Layout("handout-6", "handout, 6 slides a page", "6 slides a page", "plan_grid", grid=(2, 3)),
    Layout("handout-9", "handout, 9 slides a page", "9 small slides a page", "plan_grid", grid=(3, 3)),
    Layout("script", "speaker script", "the notes as one flowing text under the slide titles, no slides",
           "plan_script", notes=True),
)}
DEFAULT_LAYOUT = "notes"


@dataclass(frozen=True)
class PrintStyle:
    """One print style.

    Attributes:
        name: what ``--print-style`` takes.
        help: one line for the command line and the export dialog.
        light: whether slides are redrawn light (``presenter.render.print_style.print_theme``).
        wash: how much white is laid over the slides' backgrounds (0: none, 1: all white).
    """

    name: str
    help: str
    light: bool
    wash: float


PRINT_STYLES: dict[str, PrintStyle] = {s.name: s for s in (
    PrintStyle("light", "white page, dark text; photos and backgrounds kept under a light wash (saves toner)",
               True, 0.8),
    PrintStyle("theme", "the theme's own colours, as on the projector", False, 0.0),
)}
DEFAULT_PRINT_STYLE = "light"


def describe(table: dict[str, Layout] | dict[str, PrintStyle], default: str) -> str:
    """``notes: each slide…; handout-2: …`` for a command's help."""
    return "; ".join(f"{name}: {row.help}" for name, row in table.items()) + f" (default {default})"
