"""Write tests/data/conformance-marked.json: small decks for each way real decks differ, as reveal-md shows them.

    python benchmarks/oracle_cases.py        # needs the oracle's npm packages in $RV_DIR (default /tmp/rv)

Every ``expect`` block is what reveal-md 6.1.4 and the reveal.js markdown plugin produced in jsdom
(``shared/realworld/oracle_dump.mjs``), in the shape of ``shared/conformance/cases.json``, so that
``tests/deck/test_conformance.py`` runs these cases like the shared ones. Each case is one cause
of issue 16 or one place where marked departs from CommonMark.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "conformance-marked.json"
SHARED = Path(os.environ.get("REALWORLD_DIR", ROOT.parent / "shared" / "realworld"))
if not (SHARED / "oracle_dump.mjs").exists():
    SHARED = Path("/work/shared/realworld")

# (name, why, markdown)
CASES: list[tuple[str, str, str]] = [
    ("inline-tag-line-is-html-block", "a line holding only an inline tag is an HTML block, no <p>",
     '# T\n\n<img src="a.png">\n\nText\n\n<span>alone</span>\n'),
    ("markdown-inside-div-after-blank-line", "markdown inside <div> after a blank line is rendered",
     "<div>\n\n**bold**\n\n- item\n\n</div>\n"),
    ("element-comment-line-stays-in-list-item", "marked keeps a comment line under a bullet in the item",
     '- one\n- two\n<!-- .element: class="fragment" -->\n- three\n'),
    ("quote-table-html-lines-stay-in-list-item", "marked keeps >, | and < lines under a bullet in the item",
     "- a\n> quoted\n- b\n| x | y |\n|---|---|\n| 1 | 2 |\n- c\n<div>\nd\n</div>\n"),
    ("raw-sections-become-a-stack", "raw <section> elements in a slide are vertical slides with their attributes",
     ('# A\n\n---\n\n<section data-background="#ff0000">\n<h2>One</h2>\n</section>\n'
      '<section data-background-color="#00ff00" data-transition="zoom">\n<h2>Two</h2>\n</section>\n')),
    ("raw-section-left-open-keeps-the-notes", "notes after an unclosed raw section belong to it",
     '<section data-background-iframe="https://example.com/x" data-background-interactive>\n\nNote: the notes\n'),
    ("slide-comment-in-raw-section-goes-to-the-stack", "a .slide: comment in a raw section sets the outer one",
     '<section data-background="#0074D9">\n<!-- .slide: data-background="#ff00ff" -->\ntext</section>\n'),
    ("lines-after-br-or-h2-stay-raw", "an HTML block runs to the blank line: markdown in it stays raw",
     "<br>\nSome *emphasis*\n\nThen *this*\n\n<h2>T</h2>\nMore *x*\n"),
    ("strikethrough-double-and-single", "~~x~~ and ~x~ (no flanking rules, as marked)",
     "Text ~~struck~~ and ~single~ and Math~/Dutch~ and (~~GB,~~TB) and ~~~not~~~ ~a\n"),
    ("fenced-block-in-list-item", "a fence indented under a list item stays in the item",
     "- Step\n\n  ```js\n  let a = 1;\n  ```\n- Next\n\n1. One\n\n    ```\n    code\n    ```\n2. Two\n"),
    ("under-indented-bullet-starts-new-list", "1. then an under-indented * starts a new list",
     "1. first\n  * sub\n2. second\n"),
    ("hash-without-space-is-paragraph", "#Title without a space is a paragraph",
     "#Title\n\n#Heading two\n\n# Real\n"),
    ("angle-brackets-that-are-not-tags", "Pick<T, K>, <file.rs>: text, not tags",
     "### Pick<T, K>\n\nSee <file.rs> and a<b and x > y\n"),
    ("notes-code-block-with-blank-line", "D5: reveal-md ends the notes at a blank line inside a code block",
     "# Code\n\nNote: text\n\n```\nline1\n\n<b>line2</b>\n```\n"),
    ("backslash-hard-break", "a backslash at a line end is a hard break",
     "Line one\\\nline two\n"),
    ("fence-or-hash-line-ends-list-item", "a line starting with ``` or # ends a list item in marked",
     "- a\n```code```\n\n- b\n#T\n"),
    ("heading-after-no-break-space", "### followed by a no-break space is a heading in marked",
     "###\u00a0Title\n\n##\u00a0Two ##\n"),
    ("formatting-element-reopened-across-paragraphs", "HTML parsing: an unclosed <font> spans paragraphs",
     "<font size='5'> **A**: x\n\n**B**: y\n\n**C**: z\n</font>\n"),
    ("stray-end-tags", "HTML parsing: a stray </p> is an empty paragraph, <image> is <img>",
     'Text</p>\n\n<image src="a.png">\n'),
    ("raw-notes-aside", "an <aside class=\"notes\"> in the slide is notes too, joined with the marker's",
     '# A\n\n<aside class="notes">private</aside>\n\nText\n\nNote: more\n'),
    ("gfm-autolinks", "bare URLs, www. and e-mail addresses are links, trailing punctuation left out",
     "See https://example.com/a_b, and www.x.org. Mail a.b@c.org or (http://q.com/x).\n\n"
     "[https://in.link](u) `https://code.x` xhttp://a.b/c https://a.com/x_y_z_\n"),
    ("smartypants-option", "revealOptions.markdown.smartypants: marked's quotes and dashes",
     "---\nrevealOptions:\n  markdown:\n    smartypants: true\n---\nIt's \"quoted\" -- and --- done...\n"),
    ("breaks-option", "revealOptions.markdown.breaks: every line end is a <br>",
     "---\nrevealOptions:\n  markdown:\n    breaks: true\n---\nline one\nline two\n"),
]


def oracle(markdowns: list[str]) -> list[dict]:
    rv = os.environ.get("RV_DIR", "/tmp/rv")
    with tempfile.TemporaryDirectory(prefix="oracle-cases-") as tmp:
        files = []
        for i, md in enumerate(markdowns):
            f = Path(tmp) / f"{i:03d}.md"
            f.write_text(md, encoding="utf-8")
            files.append(str(f))
        proc = subprocess.run(["node", str(SHARED / "oracle_dump.mjs"), *files], capture_output=True, text=True,
                              timeout=600, cwd=tmp, env={**os.environ, "RV_DIR": rv}, check=False)
    by_file = {Path(r["file"]).name: r for r in map(json.loads, proc.stdout.splitlines()) if r}
    out = [by_file.get(Path(f).name) for f in files]
    if any(r is None or not r.get("ok") for r in out):
        sys.exit(f"oracle failed: {proc.stderr[-2000:]}")
    return [r for r in out if r is not None]


def _collapse(text: str | None) -> str | None:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text or None


def _attrs(element: dict) -> dict:
    """The element's attributes without a heading's id (marked's headerIds; presenter writes none)."""
    return {k: v for k, v in element["attrs"].items() if not (k == "id" and element["tag"][0] == "h")}


def slide_view(s: dict) -> dict:
    elements = [{"tag": e["tag"], "attrs": _attrs(e)} for e in s.get("elementAttrs") or []]
    view = {"attrs": s["attrs"], "text": s["text"], "blocks": s["blocks"], "notes": _collapse(s.get("notesText")),
            "elements": [e for e in elements if e["attrs"]]}
    if not s["text"] and not s["blocks"]:
        view["empty"] = True
    return view


def expectation(r: dict) -> dict:
    structure, sizes, total = [], [], 0
    for top in r["slides"]:
        if top.get("stack"):
            structure.append({"stack": [slide_view(s) for s in top["slides"]]})
            sizes.append(len(top["slides"]))
            total += len(top["slides"])
        else:
            structure.append(slide_view(top))
            sizes.append(0)
            total += 1
    return {"horizontal_count": len(sizes), "stack_sizes": sizes, "total_slides": total, "structure": structure}


def main() -> int:
    results = oracle([md for _, _, md in CASES])
    cases = [{"name": name, "source": f"issue 16: {why}", "derived": True, "layer": "reveal-md", "markdown": md,
              "options": {}, "expect": expectation(r)} for (name, why, md), r in zip(CASES, results, strict=True)]
    about = ("Generated by benchmarks/oracle_cases.py: reveal-md 6.1.4 + reveal.js 5.1.0 markdown plugin in jsdom "
             "(shared/realworld/oracle_dump.mjs). One case per cause in issue 16 and per marked rule.")
    OUT.write_text(json.dumps({"about": about, "cases": cases}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(cases)} cases to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
