"""The real-world comparison (``shared/realworld/compare.py``) with presenter's fifth declared difference, D5.

    python benchmarks/realworld_compare.py --python .venv/bin/python [-v] [--only 001,003] [--decks DIR]

Everything is the shared script (same oracle, cache, options and last line); this adds D5:

  D5  notes holding a fenced code block with a blank line inside. reveal-md renders the notes
      into ``<aside class="notes">…</aside>`` inside the slide's markdown, and that HTML block ends
      at the first blank line, so the rest of the notes shows on the slide. presenter keeps the
      notes private (and ``presenter check`` warns).

A D5 explanation is kept only where the mismatch is gone when reveal-md reads the deck with those
blank lines removed (as the shared script confirms D1, D3 and D4). The shared folder is found at
``$REALWORLD_DIR``, else ``../shared/realworld`` beside the checkout.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REALWORLD_DIR", ROOT.parent / "shared" / "realworld"))
if not (SHARED / "compare.py").exists():
    SHARED = Path("/work/shared/realworld")
_BLANK = re.compile(r"\n[ \t]*\r?\n")


def load_compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realworld_compare_shared", SHARED / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cmp = load_compare()


def _notes_marker(section_tag: str) -> re.Pattern[str]:
    attrs = cmp.section_attrs(section_tag)
    return cmp.js_regex(attrs.get("data-separator-notes") or r"^s*notes?:", re.MULTILINE | re.IGNORECASE)


def _pieces(deck_text: str, section_tag: str) -> tuple[str, list[tuple[int, int]]]:
    attrs = cmp.section_attrs(section_tag)
    sep = cmp.js_regex(attrs.get("data-separator") or r"\r?\n---\r?\n", re.MULTILINE)
    vsrc = attrs.get("data-separator-vertical")
    vert = cmp.js_regex(vsrc, re.MULTILINE) if vsrc else None
    t0 = " " * 12 + cmp.body_of(deck_text) + "\n" + " " * 10  # the textarea content, as detect() builds it
    pieces, _, _ = cmp.slidify(t0, sep, vert)
    return t0, pieces


def d5_fences(chunk: str, notes: re.Pattern[str]) -> list[tuple[int, int]]:
    """The fenced blocks with a blank line inside, in the notes of one reveal-md chunk (offsets in it)."""
    markers = [m for m in notes.finditer(chunk) if m.end() > m.start()]
    if len(markers) != 1:  # no notes in reveal-md (D1) or none at all
        return []
    start = markers[0].end()
    tail = chunk[start:]
    return [(start + a, start + b) for a, b in cmp.fence_spans(tail) if _BLANK.search(tail[a:b])]


def d5_chunks(deck_text: str, section_tag: str) -> set[int]:
    """Indexes of the chunks (flat slides) where D5 applies."""
    try:
        notes = _notes_marker(section_tag)
        t0, pieces = _pieces(deck_text, section_tag)
    except re.error:
        return set()
    return {k for k, (a, b) in enumerate(pieces) if d5_fences(t0[a:b], notes)}


_detect = cmp.detect


def detect(deck_text: str, section_tag: str, oracle_tops: list | None = None) -> dict:
    out = _detect(deck_text, section_tag, oracle_tops)
    for k in d5_chunks(deck_text, section_tag):
        if k < len(out["chunks"]):
            out["chunks"][k].add("D5")
            out["deck"].add("D5")
    return out


def neutralize_d5(deck_text: str, section_tag: str) -> str:
    """The deck with the blank lines removed from the code blocks in its notes (reveal-md then leaks nothing)."""
    body = cmp.body_of(deck_text)
    prefix = deck_text[: len(deck_text) - len(body)]
    notes = _notes_marker(section_tag)
    t0, pieces = _pieces(deck_text, section_tag)
    cuts: list[tuple[int, int]] = []
    for a, b in pieces:
        for fa, fb in d5_fences(t0[a:b], notes):
            cuts.append((a + fa, a + fb))
    out, last = [], 0
    for a, b in cuts:
        out.append(t0[last:a])
        out.append(_BLANK.sub("\n", t0[a:b]))
        last = b
    out.append(t0[last:])
    text = "".join(out)
    return prefix + text[12:len(text) - 11]  # drop the template's indentation and line end again


_confirm = cmp.confirm_explanations


def confirm_explanations(reports: dict, decks: list[Path], oracle: dict, cache: Path, node: str) -> None:
    _confirm(reports, decks, oracle, cache, node)
    todo = [d for d in decks if any("D5" in m["explained"] for m in reports[d.stem]["mismatches"])]
    if not todo:
        return
    with tempfile.TemporaryDirectory(prefix="rw-neutral-d5-") as tmp:
        files = []
        for d in todo:
            f = Path(tmp) / d.name
            f.write_text(neutralize_d5(d.read_text(encoding="utf-8"), oracle[d.name].get("section", "")),
                         encoding="utf-8")
            files.append(f)
        neutral = cmp.run_oracle(files, cache, node)
    for d in todo:
        r = reports[d.stem]
        if not neutral[d.name].get("ok"):
            continue
        again = cmp.compare_deck(d.read_text(encoding="utf-8"), neutral[d.name], r["_presenter"])
        left = {(m["what"], m.get("slide")) for m in again["mismatches"]}
        for m in r["mismatches"]:
            if m["explained"] == ["D5"] and (m["what"], m.get("slide")) in left:
                m["not_explained_by"] = ["D5"]
                m["explained"] = []
        r["status"] = ("identical" if not r["mismatches"] else
                       "expected-difference" if all(m["explained"] for m in r["mismatches"]) else "different")


cmp.detect = detect
cmp.confirm_explanations = confirm_explanations
cmp._DECLARED = (*cmp._DECLARED, "D5")
cmp._EXPLAINS["D5"] = set(cmp.FIELDS)


def _absolute_python(argv: list[str]) -> list[str]:
    """``--python .venv/bin/python`` made absolute (the shared script runs it from a temporary folder)."""
    out = list(argv)
    for i, arg in enumerate(out[:-1]):
        if arg == "--python":
            out[i + 1] = str(Path(out[i + 1]).absolute())
    return out


if __name__ == "__main__":
    sys.argv = _absolute_python(sys.argv)
    sys.exit(cmp.main())
