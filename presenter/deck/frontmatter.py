"""YAML front matter, read the way reveal-md 6.1.4 reads it (``lib/util.js``).

The block must start on the very first line with ``---`` followed by a line end, and it
closes at the first later line that *begins* with ``---``. A block starting with ``{`` is
JSON. The body keeps the newline after the closing ``---``; an empty body falls back to
the whole file, front matter included.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from presenter.deck.errors import DeckError
from presenter.deck.yamlload import YamlBudgetError, bounded_load

log = logging.getLogger(__name__)

_FRONT = re.compile(r"^(-{3}(?:\n|\r)([\w\W]+?)(?:\n|\r)-{3})?([\w\W]*)")


@dataclass(frozen=True)
class FrontMatter:
    """The parsed front matter and where the body starts.

    Attributes:
        options: the mapping from the block (empty when there is none).
        body: the markdown after the block.
        body_offset: how many characters of the file (after any BOM) precede ``body``.
        present: whether the file had a front-matter block.
    """

    options: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_offset: int = 0
    present: bool = False


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` (BOM already removed) into front matter and body.

    Raises:
        DeckError: the block is not valid YAML/JSON, or is not a mapping.
    """
    match = _FRONT.match(text)
    assert match is not None  # the pattern matches any text
    if match.group(1) is None:
        return FrontMatter({}, text, 0, False)
    options = _parse_block(match.group(2))
    body = match.group(3) or ""
    if not body:
        return FrontMatter(options, text, 0, True)
    return FrontMatter(options, body, match.start(3), True)


def _parse_block(block: str) -> dict[str, Any]:
    if block.lstrip().startswith("{"):
        try:
            data = json.loads(block)
        except json.JSONDecodeError as exc:
            raise DeckError(f"front matter is not valid JSON: {exc.msg}", line=exc.lineno + 1) from None
        except RecursionError:
            raise DeckError("front matter nests too deep to read", line=2) from None
    else:
        try:
            data = bounded_load(block)
        except YamlBudgetError as exc:
            raise DeckError(f"front matter refused: {exc}; presenter never expands such YAML", line=2) from None
        except RecursionError:
            raise DeckError("front matter nests too deep to read", line=2) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise DeckError(f"front matter is not valid YAML: {problem}", line=line) from None
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise DeckError(f"front matter must be a mapping of options, but it is {kind}", line=1)
    return {str(k): v for k, v in data.items()}
