"""Where marked 4 (reveal.js's markdown parser) departs from CommonMark: small markdown-it rules.

markdown-it-py follows the CommonMark spec, which marked follows too, except in the places below.
Each is a rule added to the markdown-it parser, never a rewrite of the deck's text:

* **lazy lines in list items** (``lazy_list_lines``): marked keeps every non-blank line that
  follows a list item's text in that item, unless it starts a fence, a heading, a list item or a
  rule. CommonMark ends the list at a line that starts a block (``<!-- .element: -->``, ``<div>``,
  ``> quote``, a table), so a fragment comment written under a bullet would leave the list.
* **lines that look like a fence or a heading end a list item** (``item_breaks``): in marked,
  a line starting with three backticks or ``#`` ends the item even when it is neither a fence
  nor a heading (`````code````` on one line, ``#Title``); CommonMark keeps it as a lazy line.
* **strikethrough** (``strikethrough``): marked's ``~x~`` and ``~~x~~``, with no flanking rules
  (``Math~/Dutch~`` is struck through); a run of tildes that strikes nothing stays text.
* **heading after any white space** (``unicode_space_headings``): marked takes ``###`` followed by
  any JavaScript white space (a no-break space, often typed by accident) as a heading.
* **autolinks** (``autolinks``): GFM's bare ``https://…``, ``www.…`` and e-mail addresses become
  links, with marked's rules for where they end (trailing punctuation is left out).
* **smartypants** (``smartypants``): marked's own replacements (``--``, ``---``, quotes, ``...``),
  applied to text only, when the deck sets ``markdown: {smartypants: true}``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import html_block, lheading, paragraph
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_core.state_core import StateCore
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token

log = logging.getLogger(__name__)

BlockRule = Callable[[StateBlock, int, int, bool], bool]

# Lines that end a list item in marked even without a blank line (marked 4 Tokenizer.list):
# a fence, a heading, a new list item, a thematic break.
_ITEM_BREAK = re.compile(r"^ {0,3}(?:```|~~~|#|(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)|"
                         r"(?:(?:- *){3,}|(?:_ *){3,}|(?:\* *){3,})$)")


def _breaks_item(state: StateBlock, line: int) -> bool:
    text = state.src[state.bMarks[line]:state.eMarks[line]].expandtabs(4)
    return _ITEM_BREAK.match(text) is not None


def _keep_lazy_lines(state: StateBlock, start: int, end: int) -> None:
    """Mark the lazy lines after ``start`` as indented to the list item's content (marked)."""
    line = start + 1
    while line < end and not state.isEmpty(line):
        if state.sCount[line] < 0 or (state.sCount[line] < state.blkIndent and _breaks_item(state, line)):
            return
        state.sCount[line] = max(state.sCount[line], state.blkIndent)
        line += 1


def _in_list_item(rule: BlockRule, check_first: bool) -> BlockRule:
    def wrapped(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        parent = state.parentType
        if silent or state.listIndent < 0 or parent == "blockquote":  # not directly in a list item
            return rule(state, start, end, silent)
        if check_first and not rule(state, start, end, True):
            return False
        _keep_lazy_lines(state, start, end)
        matched = rule(state, start, end, False)
        state.parentType = parent  # markdown-it's lheading leaves "paragraph" behind when it fails
        return matched

    wrapped.__name__ = rule.__name__
    return wrapped


def lazy_list_lines(md: MarkdownIt) -> None:
    """markdown-it plugin: marked's lazy lines in list items (see the module docstring)."""
    ruler = md.block.ruler
    ruler.at("html_block", _in_list_item(html_block, True), {"alt": ["paragraph", "reference", "blockquote"]})
    ruler.at("lheading", _in_list_item(lheading, False))
    ruler.at("paragraph", _in_list_item(paragraph, False))


def _item_break(state: StateBlock, line: int, end: int, silent: bool) -> bool:
    """Paragraph terminator: a lazy line in a list item that marked ends the item at."""
    if not silent or state.listIndent < 0 or not 0 <= state.sCount[line] < state.blkIndent:
        return False
    return _breaks_item(state, line)


def item_breaks(md: MarkdownIt) -> None:
    """markdown-it plugin: lines starting like a fence or a heading end a list item (marked)."""
    md.block.ruler.before("table", "marked_item_break", _item_break, {"alt": ["paragraph"]})


# After the #s, marked accepts any JavaScript white space; CommonMark only a space or a tab.
_UNICODE_HEADING = re.compile("(#{1,6})[\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff](.*)$")


def _unicode_space_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    m = _UNICODE_HEADING.match(state.src, pos, state.eMarks[start])
    if m is None:
        return False
    if silent:
        return True
    text = m.group(2).strip()
    if text.endswith("#"):
        trimmed = text.rstrip("#")
        if not trimmed or trimmed.endswith(" "):
            text = trimmed.strip()
    level = len(m.group(1))
    state.line = start + 1
    state.push("heading_open", f"h{level}", 1).map = [start, state.line]
    token = state.push("inline", "", 0)
    token.content, token.map, token.children = text, [start, state.line], []
    state.push("heading_close", f"h{level}", -1)
    return True


def unicode_space_headings(md: MarkdownIt) -> None:
    """markdown-it plugin: ``#`` followed by a no-break (or other) space is a heading (marked)."""
    md.block.ruler.before("heading", "marked_heading", _unicode_space_heading,
                          {"alt": ["paragraph", "reference", "blockquote"]})


# marked 4 ``inline.gfm.del``; JavaScript's \s and Python's differ only in control characters.
_DEL = re.compile(r"(~~?)(?=[^\s~])([\s\S]*?[^\s~])\1(?=[^~]|$)")
_TILDES = re.compile("~+")


def _strikethrough(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "~":
        return False
    m = _DEL.match(state.src, state.pos, state.posMax)
    if m is None:  # marked reads the whole run of tildes as text
        run = _TILDES.match(state.src, state.pos, state.posMax)
        assert run is not None
        if not silent:
            state.pending += run.group(0)
        state.pos = run.end()
        return True
    if not silent:
        old_max = state.posMax
        state.push("s_open", "s", 1)
        state.pos, state.posMax = m.start(2), m.end(2)
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("s_close", "s", -1)
    state.pos = m.end()
    return True


def strikethrough(md: MarkdownIt) -> None:
    """markdown-it plugin: marked's ``~x~`` / ``~~x~~`` strikethrough (no flanking rules)."""
    md.inline.ruler.before("emphasis", "marked_del", _strikethrough)


# marked 4 ``inline.gfm.url`` (its two halves) and ``inline._backpedal``. marked tries them only
# where its text rule stops: before ``http://``, ``https://``, ``ftp://``, ``www.``, and before a run
# of address characters that reaches an ``@``. Searching from those places only keeps this linear
# (a regex search at every character of a 30,000-letter word would not be).
_URL_START = re.compile(r"(?:ftp|https?)://|www\.")
_URL_AT = re.compile(r"((?:ftp|https?)://|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*")
_EMAIL_AT = re.compile(r"[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![-_])")
_BACKPEDAL = re.compile(r"(?:[^?!.,:;*_~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_~)]+(?!$))+")
_EMAIL_RUN = re.compile(r"[a-zA-Z0-9.!#$%&'*+/=?_`{|}~-]+")  # maximal runs: linear to find
_MAX_BACKPEDAL = 50


def _candidates(text: str) -> list[int]:
    starts = {m.start() for m in _URL_START.finditer(text)}
    if "@" in text:
        starts.update(m.start() for m in _EMAIL_RUN.finditer(text) if text.startswith("@", m.end()))
    return sorted(starts)


def _url_matches(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, href)`` of the GFM autolinks in a run of plain text, as marked finds them."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for start in _candidates(text):
        if start < pos:
            continue
        m = _URL_AT.match(text, start) or _EMAIL_AT.match(text, start)
        if m is None:
            continue
        link = m.group(0)
        if m.re is _URL_AT:
            for _ in range(_MAX_BACKPEDAL):
                trimmed = _BACKPEDAL.match(link)
                if trimmed is None or trimmed.group(0) == link:
                    break
                link = trimmed.group(0)
            href = "http://" + link if m.group(1) == "www." else link
        else:
            href = "mailto:" + link
        out.append((start, start + len(link), href))
        pos = start + max(len(link), 1)
    return out


def _link_tokens(md: MarkdownIt, token: Token, matches: list[tuple[int, int, str]]) -> list[Token]:
    text, out, last = token.content, [], 0
    for start, end, href in matches:
        if start > last:
            out.append(_text(text[last:start], token.level))
        opening = Token("link_open", "a", 1, attrs={"href": md.normalizeLink(href)}, markup="linkify",
                        info="auto", level=token.level)
        out += [opening, _text(text[start:end], token.level + 1), Token("link_close", "a", -1, markup="linkify",
                                                                       info="auto", level=token.level)]
        last = end
    if last < len(text):
        out.append(_text(text[last:], token.level))
    return out


def _text(content: str, level: int) -> Token:
    return Token("text", "", 0, content=content, level=level)


def _autolink_rule(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for child in block.children:
            if child.type in ("link_open", "link_close"):
                in_link += 1 if child.type == "link_open" else -1
            elif child.type == "html_inline":
                in_link += _html_link_depth(child.content)
            matches = _url_matches(child.content) if child.type == "text" and not in_link else []
            children += _link_tokens(state.md, child, matches) if matches else [child]
        block.children = children


def _html_link_depth(tag: str) -> int:
    """+1 for a raw ``<a …>``, -1 for ``</a>``, else 0 (no autolinks inside a link)."""
    if re.match(r"<a[\s>]", tag, re.IGNORECASE):
        return 1
    return -1 if tag.strip().lower() == "</a>" else 0


def autolinks(md: MarkdownIt) -> None:
    """markdown-it plugin: GFM autolinks as marked finds them (bare URLs, ``www.``, e-mail addresses)."""
    md.core.ruler.push("marked_autolinks", _autolink_rule)


_SMARTYPANTS = (
    (re.compile("---"), "\u2014"),
    (re.compile("--"), "\u2013"),
    (re.compile("(^|[-\u2014/(\\[{\"\\s])'"), "\\1\u2018"),
    (re.compile("'"), "\u2019"),
    (re.compile("(^|[-\u2014/(\\[{\u2018\\s])\""), "\\1\u201c"),
    (re.compile("\""), "\u201d"),
    (re.compile(r"\.{3}"), "\u2026"),
)


def smarten(text: str) -> str:
    """marked 4's ``smartypants``: dashes, curly quotes and ellipses, in marked's order."""
    for pattern, replacement in _SMARTYPANTS:
        text = pattern.sub(replacement, text)
    return text


def _smartypants_rule(state: StateCore) -> None:
    for token in state.tokens:
        for child in token.children or ():
            if child.type == "text":
                child.content = smarten(child.content)


def smartypants(md: MarkdownIt) -> None:
    """markdown-it plugin: marked's smartypants on text tokens (code and escapes untouched)."""
    md.core.ruler.before("text_join", "marked_smartypants", _smartypants_rule)
