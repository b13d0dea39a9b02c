"""Markdown to HTML with markdown-it-py, shaped as reveal.js's markdown plugin (marked 4) shapes it.

markdown-it-py is the Python port of the CommonMark reference parser, whose block rules marked
follows (HTML blocks, lists, fences, lazy lines). On top of CommonMark:

* GFM tables; strikethrough as marked reads it (``~~x~~`` and ``~x~``);
* marked's departures from CommonMark, as markdown-it rules (``presenter.deck.marked_rules``);
* code blocks take reveal.js's info string (``js [1-3]``, ``[123: 2]``) and become
  ``<pre><code class="LANG" data-line-numbers=… data-ln-start-from=…>``, as the plugin's renderer;
* line breaks are ``<br>`` with no line end after them (marked's shape);
* ``smartypants`` and ``breaks`` from the deck's markdown options (``revealOptions.markdown``).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from presenter.deck.marked_rules import (
    item_breaks,
    lazy_list_lines,
    smartypants,
    strikethrough,
    unicode_space_headings,
)

log = logging.getLogger(__name__)

_LINE_NUMBERS = re.compile(r"\[\s*((\d*):)?\s*([\s\d,|-]*)\]")
MAX_NESTING = 40  # markdown-it stops nesting blocks deeper than this (bounded recursion)


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


def make_parser(options: Mapping[str, Any] | None = None) -> MarkdownIt:
    """The markdown-it parser for a deck's marked options (``smartypants``, ``breaks``)."""
    options = options or {}
    md = MarkdownIt("commonmark", {"html": True, "xhtmlOut": False, "maxNesting": MAX_NESTING,
                                   "breaks": bool(options.get("breaks"))})
    md.enable("table")
    for plugin in (lazy_list_lines, item_breaks, unicode_space_headings, strikethrough):
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
    """

    def __init__(self, options: Mapping[str, Any] | None = None):
        self._md = make_parser(options)

    def convert(self, text: str) -> str:
        """Return the HTML for ``text``."""
        return self._md.render(text)
