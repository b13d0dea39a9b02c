"""Hypothesis strategies for hostile reveal-md decks (front matter, separators, nesting, HTML, notes…).

Reusable by any test that takes a deck (painting, export): ``decks()`` gives a whole file's text,
``slide_markdown()`` one slide, ``front_matter()`` the YAML block. ``tests/`` is on ``sys.path``
(``tests/conftest.py``), so from any test::

    from fuzz.strategies import decks

    @given(decks())
    def test_something(text: str) -> None: ...

Each example is built by plain functions from a ``random.Random`` that Hypothesis seeds (one draw
per example), which makes ten thousand decks a matter of seconds rather than half an hour; a
failure is replayed from its seed. Sizes stay small (a deck is at most a few tens of kilobytes);
the pathological shapes (deep nesting, huge words, catastrophic regexes, alias bombs, entity
floods, unclosed fences and comments) come from explicit generators rather than from size.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from hypothesis import strategies as st

WORDS = ["council", "safety", "Café", "naïve", "日本語", "שלום", "🙂", "x", "a_b", "O'Neil", '"quoted"', "--",
         "...", "a*b", "~x~", "~~y~~", "`c`", "\\", "&amp;", "&lt;b&gt;", "&#0;", "&#x110000;", "&bogus;",
         "\u00a0", "\u200b", "\t", "\x0b", "\x1f", "\ufeff", "Pick<T, K>", "<file.rs>", "a<b", "x > y", "|", "#"]
URLS = ["img/a.png", "./img/a%20b.png", "/attachments/plan.pdf", "../outside/x.png", "../../etc/passwd",
        "file:///etc/passwd", "file:///dev/zero", "https://example.com/x.png", "//cdn.example.com/y.jpg",
        "data:image/png;base64,iVBORw0KGgo=", "javascript:alert(1)", "mailto:clerk@example.org", "#/2/1",
        "a" * 300 + ".png", "dir/" * 40 + "deep.png", "evil.sh", "run.desktop", "img/été.png", "", "x.avif",
        "x.png?v=1#frag", "%00.png", "%2e%2e/%2e%2e/x.png", "<x>", "a b.png"]
TAGS = ["div", "span", "p", "section", "aside", "img", "br", "h2", "font", "b", "em", "table", "tr", "td", "pre",
        "code", "script", "style", "iframe", "object", "svg", "math", "template", "textarea", "title",
        "noscript", "image", "x-custom", "select", "details", "summary", "a", "ul", "li"]
ATTR_NAMES = ["class", "data-background", "data-background-image", "data-background-color", "data-background-video",
              "data-background-iframe", "data-background-interactive", "data-transition", "data-timing",
              "data-visibility", "data-fragment-index", "id", "style", "data-notes", "data-auto-animate",
              "data-background-opacity", "width", "src", "href"]
ATTR_VALUES = ['"fragment"', '"fragment fade-up"', "'single'", "bare", '""', '"#ff0000"', '"url(x.png)"',
               '"../outside/x.png"', '"1e9"', '"-5"', '"hidden"', '"uncounted"', '"90"', '"img/a.png"']
HOSTILE_SEPARATORS = ["'(a+)+$'", "'(a|a)+$'", "'('", "'^'", "'x*'", "'(?=#)'", "''", "3", "[a, b]", "'.'",
                      "'[z-a]'", "'(?<n>x)\\k<n>'"]
SEPARATORS = ["'^---$'", "<!--s-->", "'^\\+{3}'", "'\\r?\\n---\\r?\\n'", "'^\\s*---\\s*$'", "'\\n--\\n'"]


def _words(rng: Random, most: int = 8) -> str:
    out = [rng.choice(WORDS) for _ in range(rng.randint(0, most))]
    if rng.random() < 0.2:
        out.append("".join(_char(rng) for _ in range(rng.randint(1, 12))))
    return " ".join(out)


def _char(rng: Random) -> str:
    code = rng.randint(1, 0x2FFFF)
    return chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"  # a deck file is valid text


def _attributes(rng: Random) -> str:
    pairs = [(rng.choice(ATTR_NAMES), rng.choice(ATTR_VALUES)) for _ in range(rng.randint(0, 4))]
    return " ".join(f"{k}={v}" if rng.random() < 0.8 else k for k, v in pairs)


def _attribute_comment(rng: Random) -> str:
    kind = rng.choice([".slide:", ".element:", ".element:", ".slide", "", "-- "])
    end = rng.choice([" -->", " -->", "-->", "", " --!>", "\n-->"])
    return f"<!-- {kind} {_attributes(rng)}{end}"


def _inline(rng: Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 6)):
        text, url, tag = _words(rng), rng.choice(URLS), rng.choice(TAGS)
        parts.append(rng.choice([
            text, text, f"*{text}*", f"**{text}**", f"_{text}_", f"~{text}~", f"~~{text}~~", f"`{text}`",
            f"[{text}]({url})", f"![{text}]({url})", f"<{tag} {_attributes(rng)}>{text}", f"</{tag}>", f"<{url}>",
            "<br>", f"{text}  ", f"{text}\\", f"&{text};", _attribute_comment(rng), "<!--", "-->", "[", "](",
            "![" * rng.randint(1, 200), "&amp;" * rng.randint(1, 500), "*" * rng.randint(1, 100),
        ]))
    return " ".join(parts)


def _nested(rng: Random) -> str:
    """Deep nesting of one kind: lists, quotes, HTML, emphasis, links (tens to thousands deep)."""
    depth = rng.randint(20, 3000)
    kind = rng.choice(["list", "ordered", "quote", "div", "em", "link", "mixed"])
    if kind == "list":
        return "".join("  " * i + "- x\n" for i in range(min(depth, 250)))
    if kind == "ordered":
        return "".join("   " * i + "1. x\n" for i in range(min(depth, 150)))
    if kind == "quote":
        return "> " * depth + "x\n"
    if kind == "div":
        return "<div>" * depth + "x" + "</div>" * rng.randint(0, depth)
    if kind == "em":
        return "*" * depth + "x" + "*" * depth
    if kind == "link":
        return "[" * depth + "x" + "](u)" * rng.randint(0, depth)
    return "".join(rng.choice(["> ", "- ", "1. ", "<div>", "*", "<em>", "["]) for _ in range(depth // 5)) + "x\n"


def _fence(rng: Random) -> str:
    mark = rng.choice(["```", "~~~", "````", "``", "```js [1-2|3]", "```[123: 4]", "~~~ python", "```x`y"])
    lines = [rng.choice(["code", "", "---", "----", "Note: inside", "+++", "<b>x</b>", "    indented", "```", "`",
                         _words(rng)]) for _ in range(rng.randint(0, 6))]
    close = rng.choice([mark[:3], mark[:4], "", "~~~", "```", "  ```"])
    return "\n".join([mark, *lines, close])


def _table(rng: Random) -> str:
    cols = rng.randint(1, 4)
    head = "|" + "|".join(_words(rng, 3) for _ in range(cols)) + "|"
    sep = "|" + "|".join(rng.choice(["---", ":--", "--:", ":-:", "-"]) for _ in range(cols)) + "|"
    body = ["|" + "|".join(_inline(rng) for _ in range(rng.randint(0, cols + 1))) + "|"
            for _ in range(rng.randint(0, 5))]
    return "\n".join([head, sep, *body])


def _block(rng: Random) -> str:
    text, tag = _inline(rng), rng.choice(TAGS)
    makers: list[Callable[[], str]] = [
        lambda: f"# {text}", lambda: f"###\u00a0{text}", lambda: f"#{text}", lambda: f"{text}\n===",
        lambda: text, lambda: text, lambda: f"- {text}\n- {_inline(rng)}\n  - {_inline(rng)}",
        lambda: f"- {text}\n{_attribute_comment(rng)}\n- x\n> q\n| a |", lambda: f"1. {text}\n  * sub\n2. {text}",
        lambda: f"> {text}\n> > {text}", lambda: f"<{tag} {_attributes(rng)}>\n\n{text}\n\n</{tag}>",
        lambda: f"<section {_attributes(rng)}>\n{text}", lambda: f"<section {_attributes(rng)}>\n{text}\n</section>",
        lambda: _fence(rng), lambda: _table(rng), lambda: _attribute_comment(rng), lambda: f"    {text}",
        lambda: rng.choice(["---", "***", "- - -", "___"]), lambda: f"<br>\n{text}",
        lambda: f"<script>\n{text}\n</script>", lambda: "w" * rng.randint(1_000, 30_000), lambda: _nested(rng),
        lambda: f"{text}\r\n{text}", lambda: f"\x00{text}" if rng.random() < 0.05 else text,
        lambda: f"<!-- {text}", lambda: "</section>" * 3,
        lambda: f"<aside class=\"notes\">{text}</aside>", lambda: f"[ref]: {rng.choice(URLS)}\n\n[{text}][ref]",
    ]
    return rng.choice(makers)()


def random_notes(rng: Random) -> str:
    """A notes marker (sometimes one reveal-md would miss) and some blocks."""
    marker = rng.choice(["Note:", "Note:", "Notes:", "NOTE:", "note:x", "  Note:", "Note: Note:"])
    parts = [rng.choice([_block(rng), "```\na\n\nb\n```", _inline(rng)]) for _ in range(rng.randint(0, 3))]
    return marker + " " + "\n\n".join(parts)


def random_slide(rng: Random) -> str:
    """One slide: a few blocks, sometimes notes."""
    blocks = [_block(rng) for _ in range(rng.randint(0, 5))]
    if rng.random() < 0.5:
        blocks.append(random_notes(rng))
    return "\n\n".join(blocks)


def _alias_bomb(rng: Random) -> str:
    levels = rng.randint(1, 9)
    lines = ['lol0: &lol0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"lol{i}: &lol{i} [" + ",".join([f"*lol{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join([*lines, f"title: *lol{levels - 1}"])


def _option(rng: Random, key: str) -> str | None:
    if key.endswith("eparator"):
        if rng.random() < 0.08:
            return rng.choice(HOSTILE_SEPARATORS)
        return rng.choice(SEPARATORS) if rng.random() < 0.5 else None
    choices = {"title": [repr(_words(rng, 4))], "theme": ["night", "black", "nope", "'../x'", "[1]", "white"],
               "preprocessor": ["pre.js"], "css": ["a.css"], "duration": ["20m", "x", "-3m"],
               "end": ["'19:45'", "99:99"]}
    return rng.choice(choices[key])


def random_front_matter(rng: Random) -> str:
    """A front-matter block (with its --- lines), often odd, sometimes hostile or broken."""
    keys = ["title", "theme", "separator", "verticalSeparator", "notesSeparator", "elementAttributesSeparator",
            "slideAttributesSeparator", "preprocessor", "css", "duration", "end"]
    lines = [f"{k}: {v}" for k in keys if rng.random() < 0.3 and (v := _option(rng, k)) is not None]
    reveal = [f"  {k}: {rng.choice(['0', '-1', '1280', 'wide', '1e12', 'null', '.5', '700', '600'])}"
              for k in ("width", "height", "totalTime", "defaultTiming", "minimumTimePerSlide") if rng.random() < 0.2]
    if rng.random() < 0.3:
        reveal.append(f"  transition: {rng.choice(['fade', 'zoom', 'none', 'bogus', '[1]'])}")
    if rng.random() < 0.3:
        reveal.append(f"  markdown: {{smartypants: {rng.random() < 0.5}, breaks: {rng.random() < 0.5}}}")
    if reveal:
        lines += ["revealOptions:", *reveal]
    if rng.random() < 0.1:
        lines.append(rng.choice(["x: [unclosed", "- a list", "&a [*a]", "k: v: w", "\t tab", _alias_bomb(rng)]))
    if rng.random() < 0.05:
        return "---\n{\"title\": " + rng.choice(['"json"', "[[[[[[", "1"]) + "}\n---\n"
    return "---\n" + "\n".join(lines) + "\n---\n"


def random_deck(rng: Random) -> str:
    """A whole deck file's text: maybe a BOM and front matter, slides joined by assorted separators."""
    head = rng.choice(["", "", "\ufeff", "\n"]) + (random_front_matter(rng) if rng.random() < 0.5 else "")
    seps = ["\n---\n", "\n\n---\n\n", "\n----\n", "\n+++\n", "\n<!--s-->\n", "\r\n---\r\n", "\n--- \n",
            "\n---\n---\n", "\n\n----\n\n"]
    slides = [random_slide(rng) for _ in range(rng.randint(0, 8))]
    return head + "".join((rng.choice(seps) if i else "") + s for i, s in enumerate(slides))


def _strategy(build: Callable[[Random], str]) -> st.SearchStrategy[str]:
    return st.randoms(use_true_random=True).map(build)


def decks() -> st.SearchStrategy[str]:
    """Whole deck files."""
    return _strategy(random_deck)


def slide_markdown() -> st.SearchStrategy[str]:
    """One slide's markdown (notes included sometimes)."""
    return _strategy(random_slide)


def front_matter() -> st.SearchStrategy[str]:
    """One front-matter block."""
    return _strategy(random_front_matter)
