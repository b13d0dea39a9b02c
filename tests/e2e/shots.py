"""Screenshots of what the councillor sees, taken the way the e2e tests drive the app.

    .venv/bin/python tests/e2e/shots.py OUT_FOLDER

The real ``presenter`` process under Xvfb with openbox, keys through xdotool, windows read back
from the X server: the presenter window mid-talk on the 2023 deck's slide 2.4 with a 15-minute
slot (1366x768 and 1920x1080 laptops, normal and large print), the Q&A panel with a typed
question, the go-to field, the overview, and the projector. Not a test (nothing is asserted
beyond the app reaching each state); the PNGs are for looking at.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from harness import Layout, Presenter, xserver

ROOT = Path(__file__).resolve().parents[2]
LAYOUTS = (Layout("laptop1366", ((1366, 768), (1920, 1080)), wm=True),
           Layout("laptop1920", ((1920, 1080), (1920, 1080)), wm=True))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        decks = tmp / "decks"
        shutil.copytree(ROOT / "decks", decks, ignore=shutil.ignore_patterns("*.presenter.db*", "__pycache__"))
        deck = decks / "community-safety-2023.md"
        for n, layout in enumerate(LAYOUTS):
            with xserver(layout, tmp / f"x{n}") as x:
                home = tmp / f"home{n}"
                (home / ".config" / "presenter").mkdir(parents=True)
                app = Presenter(x, deck, home, ("--duration", "15m")).start()
                try:
                    x.key("Right", "Left")  # the first advance starts the clock
                    x.key("g")
                    app.wait_state(lambda s: s["overlays"]["goto"], "the go-to field")
                    x.type("2.4")
                    app.settle()
                    app.presenter_png(out / f"{layout.name}-goto.png")
                    x.key("Return")
                    app.wait_state(lambda s: s["audience"]["shown"] == "2.4", "slide 2.4")
                    time.sleep(3)  # a few seconds on the clock
                    app.settle()
                    app.presenter_png(out / f"{layout.name}-slide-2.4.png")
                    app.audience_png(out / f"{layout.name}-projector-2.4.png")
                    x.key("l")
                    app.wait_state(lambda s: s["large_print"], "large print")
                    app.settle()
                    app.presenter_png(out / f"{layout.name}-slide-2.4-large.png")
                    x.key("l")
                    app.wait_state(lambda s: not s["large_print"], "normal print")
                    x.key("o")
                    app.wait_state(lambda s: s["overlays"]["overview"], "the overview")
                    x.key("Right", "Right")
                    app.settle()
                    app.presenter_png(out / f"{layout.name}-overview.png")
                    x.key("Escape")
                    app.wait_state(lambda s: not s["overlays"]["overview"], "the overview closed")
                    x.key("End", "Left")
                    app.wait_state(lambda s: s["qa_visible"] and s["audience"]["label"] == "7", "the Q&A slide")
                    x.key("q")
                    app.wait_state(lambda s: s["focus"]["name"] == "question", "the question field")
                    x.type("Will the new CCTV cameras at Borehamwood cover the station car park?")
                    x.key("Tab")
                    x.type("Cllr Smith")
                    app.settle()
                    app.presenter_png(out / f"{layout.name}-qa-typing.png")
                    app.audience_png(out / f"{layout.name}-projector-qa.png")
                    count = app.state()["qa"]["count"]  # the first layout's question is in the database too
                    x.key("Return")
                    app.wait_state(lambda s, n=count: s["qa"]["count"] == n + 1, "the question saved")
                    app.settle()
                    app.presenter_png(out / f"{layout.name}-qa-saved.png")
                finally:
                    app.stop()
    for png in sorted(out.glob("*.png")):
        print(png)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
