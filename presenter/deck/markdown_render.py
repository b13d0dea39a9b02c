"""Markdown to HTML with Python-Markdown, shaped to give marked's (GFM) block structure.

The differences from plain Python-Markdown that matter for decks written for reveal-md:

* fenced code blocks take reveal.js's info string (``js [1-3]``, ``[123: 2]``) and become
  ``<pre><code class="LANG" data-line-numbers=… data-ln-start-from=…>``;
* list items nest with two spaces of indentation and lists may follow a paragraph line
  without a blank line, as in GFM;
* a bare list marker is an empty list item;
* tables are GFM tables; ``smartypants`` and ``breaks`` from the deck's markdown options.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

log = logging.getLogger(__name__)

_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_LINE_NUMBERS = re.compile(r"\[\s*((\d*):)?\s*([\s\d,|-]*)\]")
_ITEM = re.compile(r"^( *)([-+*]|\d{1,9}[.)])( +|$)(.*)$")
_BLOCK_START = re.compile(r"^ {0,3}(#{1,6}( |$)|>|<|\|)")
_HR = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")


def code_block_html(info: str, code: str) -> str:
    """Return the HTML reveal.js's markdown plugin makes for a fenced block."""
    language = info.strip()
    attrs = ""
    m = _LINE_NUMBERS.search(language)
    if m:
        attrs = f' data-line-numbers="{m.group(3).strip()}"'
        if m.group(2):
            attrs += f' data-ln-start-from="{m.group(2).strip()}"'
        language = _LINE_NUMBERS.sub("", language).strip()
    escaped = html.escape(code, quote=True)
    return f'<pre><code{attrs} class="{html.escape(language)}">{escaped}</code></pre>'


class FencePreprocessor(Preprocessor):
    """Turns fenced code blocks into stashed HTML before any other block parsing."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            m = _FENCE_OPEN.match(lines[i])
            if not m or (m.group(2)[0] == "`" and "`" in m.group(3)):
                out.append(lines[i])
                i += 1
                continue
            indent, fence, info = len(m.group(1)), m.group(2), m.group(3)
            body, i = self._collect(lines, i + 1, fence, indent)
            placeholder = self.md.htmlStash.store(code_block_html(info, "\n".join(body)))
            out.extend(["", placeholder, ""])
        return out

    @staticmethod
    def _collect(lines: list[str], i: int, fence: str, indent: int) -> tuple[list[str], int]:
        closer = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        body: list[str] = []
        while i < len(lines) and not closer.match(lines[i]):
            line = lines[i]
            strip = min(indent, len(line) - len(line.lstrip(" ")))
            body.append(line[strip:])
            i += 1
        return body, i + 1


class ListPreprocessor(Preprocessor):
    """Re-indents GFM lists (two-space nesting, lists right after a paragraph) for Python-Markdown."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        stack: list[int] = []  # content columns of the open list items
        blank_before = True
        for line in lines:
            if not line.strip():
                out.append(line)
                blank_before = True
                continue
            m = _ITEM.match(line)
            if _HR.match(line):
                stack = []
                out.append(line)
            elif m:
                out.extend(self._item(m, stack, blank_before, out))
            elif stack:
                out.extend(self._continuation(line, stack, blank_before))
            else:
                out.append(line)
            blank_before = False
        return out

    @staticmethod
    def _item(m: re.Match[str], stack: list[int], blank_before: bool, out: list[str]) -> list[str]:
        indent, marker, rest = len(m.group(1)), m.group(2), m.group(4)
        if not stack and indent > 3:
            return [m.group(0)]
        starts_list = not stack
        while stack and indent < stack[-1]:
            stack.pop()
        lines: list[str] = []
        interrupts = starts_list and not blank_before and out
        if interrupts and rest and (not marker[0].isdigit() or marker[:-1] == "1"):
            lines.append("")
        depth = len(stack)
        stack.append(indent + len(marker) + max(1, min(len(m.group(3)), 4)))
        lines.append("    " * depth + marker + " " + (rest if rest else "<!-- -->"))
        return lines

    @staticmethod
    def _continuation(line: str, stack: list[int], blank_before: bool) -> list[str]:
        indent = len(line) - len(line.lstrip(" "))
        if indent < stack[-1] and not blank_before and _BLOCK_START.match(line):
            stack.clear()  # a heading, quote, table or HTML block ends the list (GFM)
            return ["", line]
        while stack and indent < stack[-1] and blank_before:
            stack.pop()
        if not stack:
            return [line]
        if indent >= stack[-1] or not blank_before:
            return ["    " * len(stack) + line.lstrip(" ")]
        return [line]


class RevealMarkdownExtension(Extension):
    """Registers the fence and list preprocessors."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown API)
        md.preprocessors.register(FencePreprocessor(md), "reveal_fence", 29)
        md.preprocessors.register(ListPreprocessor(md), "reveal_lists", 28)


class MarkdownRenderer:
    """Converts slide and notes markdown to HTML; one instance is reused for a whole deck.

    Args:
        options: the deck's marked options (``smartypants``, ``breaks``).
    """

    def __init__(self, options: Mapping[str, Any] | None = None):
        options = options or {}
        extensions: list[Any] = [RevealMarkdownExtension(), "tables"]
        if options.get("smartypants"):
            extensions.append("smarty")
        if options.get("breaks"):
            extensions.append("nl2br")
        self._md = markdown.Markdown(extensions=extensions, output_format="html")

    def convert(self, text: str) -> str:
        """Return the HTML for ``text``."""
        self._md.reset()
        result = self._md.convert(text)
        return result.replace("<br>\n", "<br>")
