"""Markdown to HTML with markdown-it-py, shaped as reveal.js's markdown plugin (marked 4) shapes it.

markdown-it-py is the Python port of the CommonMark reference parser, whose block rules marked
follows (HTML blocks, lists, fences, lazy lines). On top of CommonMark:

* GFM tables and autolinks; strikethrough as marked reads it (``~~x~~`` and ``~x~``);
* marked's departures from CommonMark, as markdown-it rules (``presenter.deck.marked_rules``);
* code blocks take reveal.js's info string (``js [1-3]``, ``[123: 2]``) and become
  ``<pre><code class="LANG" data-line-numbers=… data-ln-start-from=…>``, as the plugin's renderer;
* line breaks are ``<br>`` with no line end after them (marked's shape);
* ``smartypants`` and ``breaks`` from the deck's markdown options (``revealOptions.markdown``);
* bounded time: markdown-it is pure Python and some hostile text (``![`` repeated a hundred
  thousand times) takes it minutes, so a rule checks a deadline every few hundred steps. A slide
  that runs out of time (``SLIDE_SECONDS``, and ``DECK_SECONDS`` for a whole load) is shown as
  plain text and ``check`` says so.
"""

from __future__ import annotations

import html
import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from presenter.deck.marked_rules import (
    autolinks,
    item_breaks,
    lazy_list_lines,
    smartypants,
    strikethrough,
    unicode_space_headings,
)

log = logging.getLogger(__name__)

_LINE_NUMBERS = re.compile(r"\[\s*((\d*):)?\s*([\s\d,|-]*)\]")
MAX_NESTING = 40  # markdown-it stops nesting blocks deeper than this (bounded recursion)
SLIDE_SECONDS = 0.5  # one slide's markdown (a real slide takes well under a millisecond)
DECK_SECONDS = 6.0  # every slide of one load together


class TooSlowError(Exception):
    """Raised inside markdown-it when a conversion runs past its deadline."""


class Deadline:
    """When a conversion must stop; markdown-it rules call ``tick`` as they go."""

    def __init__(self, at: float, now: Callable[[], float]):
        self.at = at
        self.now = now
        self.steps = 0

    def tick(self) -> None:
        """Count one step; every 256 steps, stop the conversion if the deadline has passed."""
        self.steps += 1
        if not self.steps & 255 and self.now() > self.at:
            raise TooSlowError


def _watch_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    deadline = state.env.get("deadline")
    if deadline is not None:
        deadline.tick()
    return False


def _watch_inline(state: StateInline, silent: bool) -> bool:
    deadline = state.env.get("deadline")
    if deadline is not None:
        deadline.tick()
    return False


def code_block_html(info: str, code: str) -> str:
    """Return the HTML reveal.js's markdown plugin makes for a code block."""
    language = info.strip()
    attrs = ""
    m = _LINE_NUMBERS.search(language)
    if m:
        attrs = f' data-line-numbers="{m.group(3).strip()}"'
        if m.group(2):
            attrs += f' data-ln-start-from="{m.group(2).strip()}"'
        language = _LINE_NUMBERS.sub("", language).strip()
    escaped = html.escape(code, quote=True)
    return f'<pre><code{attrs} class="{html.escape(language)}">{escaped}</code></pre>\n'


def _code(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    code = token.content.removesuffix("\n")
    return code_block_html(token.info if token.type == "fence" else "", code)


def _hardbreak(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return "<br>"


def _softbreak(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return "<br>" if options.get("breaks") else "\n"


def _del_open(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return "<del>"


def _del_close(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return "</del>"


def _any_link(url: str) -> bool:
    return True


def make_parser(options: Mapping[str, Any] | None = None) -> MarkdownIt:
    """The markdown-it parser for a deck's marked options (``smartypants``, ``breaks``)."""
    options = options or {}
    md = MarkdownIt("commonmark", {"html": True, "xhtmlOut": False, "maxNesting": MAX_NESTING,
                                   "breaks": bool(options.get("breaks"))})
    md.enable("table")
    md.validateLink = _any_link  # type: ignore[method-assign]  # marked keeps every URL; the deck layer vets them
    md.block.ruler.before("table", "presenter_deadline", _watch_block)
    md.inline.ruler.before("text", "presenter_deadline", _watch_inline)
    for plugin in (lazy_list_lines, item_breaks, unicode_space_headings, strikethrough, autolinks):
        md.use(plugin)
    if options.get("smartypants"):
        md.use(smartypants)
    for name in ("fence", "code_block"):
        md.add_render_rule(name, _code)
    md.add_render_rule("hardbreak", _hardbreak)
    md.add_render_rule("softbreak", _softbreak)
    md.add_render_rule("s_open", _del_open)  # marked writes strikethrough as <del>
    md.add_render_rule("s_close", _del_close)
    return md


class MarkdownRenderer:
    """Converts slide and notes markdown to HTML; one instance is reused for a whole deck.

    Args:
        options: the deck's marked options (``smartypants``, ``breaks``).
        now: the clock for the deadlines (injected in tests).

    Attributes:
        last_too_slow: whether the last ``convert`` ran out of time (its text was shown plain).
    """

    def __init__(self, options: Mapping[str, Any] | None = None, now: Callable[[], float] = time.monotonic):
        self._md = make_parser(options)
        self._now = now
        self._load_end: float | None = None
        self.slide_seconds = SLIDE_SECONDS
        self.deck_seconds = DECK_SECONDS
        self.last_too_slow = False

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Within this block every conversion also shares the deck's time budget."""
        self._load_end = self._now() + self.deck_seconds
        try:
            yield
        finally:
            self._load_end = None

    def convert(self, text: str) -> str:
        """Return the HTML for ``text`` (plain text when it takes too long)."""
        at = self._now() + self.slide_seconds
        if self._load_end is not None:
            at = min(at, self._load_end)
        try:
            result = self._md.render(text, {"deadline": Deadline(at, self._now)})
        except TooSlowError:
            log.info("markdown took longer than %.1f s; shown as plain text", self.slide_seconds)
            self.last_too_slow = True
            return "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n") if p.strip())
        self.last_too_slow = False
        return result
