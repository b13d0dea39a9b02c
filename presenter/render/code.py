"""Code blocks as reveal-md shows them: Pygments colours in the deck's highlight theme, line
numbers, and the other lines dimmed at a ``[1-2|3]`` step.

reveal-md links highlight.js's ``base16/zenburn`` unless the deck sets ``highlightTheme``. Its
palette is kept here as base16 roles over Pygments tokens; any other name is looked up among
Pygments' styles (``monokai``, ``zenburn``, ``dracula``, ``nord``, ``github-dark``…).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor

if TYPE_CHECKING:  # Pygments is imported when a slide first shows code, not at start-up
    from pygments.lexer import Lexer
    from pygments.token import _TokenType

log = logging.getLogger(__name__)

DEFAULT_THEME = "base16/zenburn"
MAX_LINES = 200  # code taller than max-height (400 px) is clipped; a few more lines are enough
MAX_COLUMNS = 1000  # code does not wrap: a longer line runs out of its box, clipped
_ZENBURN = {"00": "#383838", "03": "#6f6f6f", "05": "#dcdccc", "08": "#dca3a3", "09": "#dfaf8f",
            "0A": "#e0cf9f", "0B": "#5f7f5f", "0C": "#93e0e3", "0D": "#7cb8bb", "0E": "#dc8cc3"}


@functools.cache
def _roles() -> tuple[tuple[Any, str], ...]:
    """Pygments token -> base16 role, most specific first (highlight.js's scopes for the same text)."""
    from pygments.token import Token

    return (
        (Token.Comment, "03"), (Token.Keyword.Constant, "09"), (Token.Keyword, "0E"), (Token.Operator.Word, "0E"),
        (Token.Name.Function, "0D"), (Token.Name.Class, "0A"), (Token.Name.Builtin.Pseudo, "05"),
        (Token.Name.Builtin, "0C"), (Token.Name.Tag, "08"), (Token.Name.Attribute, "09"), (Token.Name.Variable, "08"),
        (Token.Name.Constant, "09"), (Token.Name.Decorator, "0D"), (Token.Literal.String.Escape, "0C"),
        (Token.Literal.String.Regex, "0C"), (Token.Literal.String.Interpol, "05"), (Token.Literal.String, "0B"),
        (Token.Literal.Scalar, "0B"), (Token.Literal.Number, "09"), (Token.Generic.Heading, "0D"),
        (Token.Generic.Subheading, "0D"), (Token.Generic.Deleted, "08"), (Token.Generic.Inserted, "0B"),
    )


_KEYS_ARE_ATTRIBUTES = ("yaml", "json", "toml", "ini")  # highlight.js calls their keys "attr"
_ALIASES = {"zenburn": "zenburn", "monokai-sublime": "monokai", "atom-one-dark": "one-dark", "github": "default",
            "vs2015": "native", "tomorrow-night": "native", "solarized-dark": "solarized-dark",
            "solarized-light": "solarized-light", "a11y-dark": "github-dark", "night-owl": "night-owl"}


@dataclass(frozen=True)
class TokenStyle:
    """The colour of one kind of token (None: the block's colour), and its weight and slant."""

    color: QColor | None
    bold: bool = False
    italic: bool = False
    alpha: float = 1.0


@dataclass(frozen=True)
class CodeTheme:
    """A highlight theme: block background and text colour, and a style per token."""

    name: str
    background: QColor
    foreground: QColor
    base16: bool

    def token(self, ttype: _TokenType, language: str) -> TokenStyle:
        """How a token of ``ttype`` is drawn."""
        return _token_style(self.name, ttype, language)


@functools.cache
def code_theme(name: str | None) -> CodeTheme:
    """The highlight theme called ``name`` (reveal-md's default when None or unknown)."""
    key = (name or DEFAULT_THEME).strip().lower()
    if key in (DEFAULT_THEME, "base16-zenburn"):
        return CodeTheme(DEFAULT_THEME, QColor(_ZENBURN["00"]), QColor(_ZENBURN["05"]), True)
    from pygments.styles import get_style_by_name
    from pygments.token import Token
    from pygments.util import ClassNotFound

    style_name = _ALIASES.get(key, key.removeprefix("base16/"))
    try:
        style = get_style_by_name(style_name)
    except ClassNotFound:
        log.warning("highlight theme %r is not known; using %s", name, DEFAULT_THEME)
        return code_theme(DEFAULT_THEME)
    text = style.style_for_token(Token.Text).get("color")
    return CodeTheme(style_name, QColor(style.background_color or "#ffffff"),
                     QColor(f"#{text}" if text else "#000000"), False)


@functools.cache
def _token_style(name: str, ttype: _TokenType, language: str) -> TokenStyle:
    from pygments.styles import get_style_by_name
    from pygments.token import Token

    if name == DEFAULT_THEME:
        if ttype in Token.Name.Tag and language in _KEYS_ARE_ATTRIBUTES:
            return TokenStyle(QColor(_ZENBURN["09"]))
        if ttype in Token.Operator and ttype not in Token.Operator.Word:
            return TokenStyle(QColor(_ZENBURN["05"]), alpha=0.7)
        for parent, role in _roles():
            if ttype in parent:
                return TokenStyle(QColor(_ZENBURN[role]))
        return TokenStyle(None)
    info = get_style_by_name(name).style_for_token(ttype)
    color = info.get("color")
    return TokenStyle(QColor(f"#{color}") if color else None, bool(info.get("bold")), bool(info.get("italic")))


def lexer_for(classes: list[str], code: str) -> tuple[Lexer | None, str]:
    """The lexer a code block's classes name (``yaml``, ``language-yaml``), or a guessed one."""
    from pygments.lexers import get_lexer_by_name, guess_lexer
    from pygments.util import ClassNotFound

    for cls in classes:
        name = cls.removeprefix("language-").removeprefix("lang-")
        if name in ("hljs", "fragment", "nohighlight", "plaintext", "text", "nohljsln"):
            if name in ("nohighlight", "plaintext", "text"):
                return None, ""
            continue
        try:
            return get_lexer_by_name(name, stripnl=False, ensurenl=False), name
        except ClassNotFound:
            continue
    if not code.strip() or len(code) > 4000:
        return None, ""
    try:
        lexer = guess_lexer(code, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None, ""
    return lexer, (lexer.aliases or [""])[0]


def tokens(code: str, classes: list[str]) -> list[list[tuple[_TokenType, str]]]:
    """The code's lines, each a list of (token type, text), at most :data:`MAX_LINES` lines."""
    lines = [line[:MAX_COLUMNS] for line in code.split("\n")[:MAX_LINES]]
    text = "\n".join(lines)
    from pygments.token import Token

    lexer, _ = lexer_for(classes, text)
    pairs = list(lexer.get_tokens(text)) if lexer is not None else [(Token.Text, text)]
    out: list[list[tuple[_TokenType, str]]] = [[]]
    for ttype, value in pairs:
        parts = value.split("\n")
        for i, part in enumerate(parts):
            if i:
                out.append([])
            if part:
                out[-1].append((ttype, part))
    while len(out) > len(lines):
        out.pop()
    return out


def language_of(classes: list[str], code: str) -> str:
    """The lexer's name for the block (used to colour keys as highlight.js does)."""
    return lexer_for(classes, code[:4000])[1]
