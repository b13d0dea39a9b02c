"""Extra decks for the visual comparison with reveal-md (``/work/shared/visual/run.sh``).

Each deck exercises one part of the renderer that the sample decks and the theme sweep touch
only lightly: code steps and highlight themes, aligned and crowded tables, nested and ordered
lists, images, inline formatting. They use the sample decks' images, so write them next to the
copied ``decks/`` folder and name them on the command line:

    .venv/bin/python benchmarks/visual_decks.py WORK_DIR/decks
    bash /work/shared/visual/run.sh . WORK_DIR extra-code extra-tables extra-lists extra-images extra-text
"""

from __future__ import annotations

import sys
from pathlib import Path

DECKS = {
    "extra-code": """---
theme: dracula
---

## Code steps

```python [1-2|3|4-5]
def change(before, after):
    \"\"\"Percentage change, rounded.\"\"\"
    delta = after - before
    if before == 0:
        return None
    return round(100 * delta / before)
```

---

## JavaScript, no numbers

```js
// count incidents per ward
const totals = wards.map((w) => ({ name: w.name, total: w.incidents.length }));
console.log(`${totals.length} wards`, 42, true);
```

---

<!-- .slide: data-background-color="#f4f1de" -->
## YAML on a light slide

```yaml [2]
title: Community Safety and Performance
theme: night
verticalSeparator: ^\\+{3}
```
""",
    "extra-tables": """---
theme: serif
---

## Aligned columns

| Left | Centre | Right |
|:-----|:------:|------:|
| Borehamwood | 412 | −10% |
| Potters Bar | 38 | +5% |
| Radlett | 7 | 0% |

---

## A crowded table

| Indicator | Description | Q1 | Q2 | Target | Status |
|---|---|---|---|---|---|
| ASB | Reports of anti-social behaviour in town centres and parks | 412 | 371 | 350 | **Amber** |
| Knife crime | Offences involving a blade, per 1,000 residents | 0.4 | 0.3 | 0.3 | Green |
| CCTV | Cameras working at transport hubs | 96% | 98% | 99% | `Green` |

---

<!-- .slide: data-background-color="#1f2a44" -->
## Formatting in cells

| Ward | Lead | Link |
|---|---|---|
| *Bushey North* | **Cllr Smith** | [report](https://example.org) |
| Elstree | <del>Vacant</del> Cllr Jones | `n/a` |
""",
    "extra-lists": """---
theme: sky
---

## Nested lists

- Community safety
  - Anti-social behaviour
    - Town centres
    - Parks
  - Knife crime
- Performance
  1. Quarterly data
  2. Annual report

---

## Ordered, from 7

7. Seventh action
8. Eighth action
9. Ninth action
10. Tenth action

---

## Loose items

- First point, with a paragraph

- Second point

  continued in a second paragraph

- Third point

---

## Two lists side by side

<ul><li>one</li><li>two</li></ul> <ol><li>first</li><li>second</li></ol>
""",
    "extra-images": """---
theme: moon
---

## An image

![skyline](img/demo-skyline.png)

---

## Sized images in a line

<img src="img/isaac-smith-AT77Q0Njnt0-unsplash.jpg" width="300"> {SECOND}

Caption under the pictures

---

## Text and a picture

Before <img src="img/demo-skyline.png" width="120"> after the picture, on one line.
""",
    "extra-text": """---
theme: blood
---

# Big title

## With a subtitle

### And a third level

---

## Inline formatting

Some **bold**, some *emphasis*, some `code`, a [link](https://example.org),
<del>struck</del> text, H<sub>2</sub>O and x<sup>2</sup>, <small>small print</small>
and a line<br>break.

---

## Quote, rule, quote

> First paragraph of the quote.
>
> Second paragraph of the quote.

***

> Another quote after a rule.

#### A fourth-level heading

A long paragraph that wraps over several lines on the slide, to show the line spacing of body
text against reveal.js: the councillor reads it from the back of the chamber, so it must sit
exactly where reveal-md puts it.
""",
}


DECKS["extra-images"] = DECKS["extra-images"].replace(
    "{SECOND}", '<img src="img/alexandre-debieve-FO7JIlwjOtU-unsplash.jpg" width="300">')


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for name, text in DECKS.items():
        (out / f"{name}.md").write_text(text, encoding="utf-8")
    print(f"wrote {', '.join(DECKS)} to {out}")


if __name__ == "__main__":
    main()
