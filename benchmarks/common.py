"""Shared helpers for the benchmark scripts: generated decks, medians, the machine."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("council", "community", "safety", "partnership", "performance", "residents", "borough", "service",
         "team", "plan", "action", "report", "panel", "members", "indicators", "quarter", "review", "delivery",
         "budget", "officers", "support", "digital", "customer", "crime", "prevention", "funding", "project",
         "engagement", "survey", "youth", "police", "partners", "strategy")


def notes_text(i: int, words: int = 150) -> str:
    return " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(words)).capitalize() + "."


def make_deck(folder: Path, slides: int = 30, backgrounds: int = 8, stack_every: int = 0) -> Path:
    """A deck like the peers' benchmark deck: ~150 words of notes a slide, some 1920x1080 PNG backgrounds."""
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    from presenter.render.qtapp import ensure_gui_app

    ensure_gui_app()
    folder.mkdir(parents=True, exist_ok=True)
    n_images = min(backgrounds, slides)
    for k in range(n_images):
        name = folder / f"bg{k}.png"
        if not name.exists():
            img = QImage(1920, 1080, QImage.Format.Format_RGB32)
            p = QPainter(img)
            g = QLinearGradient(0, 0, 1920, 1080)
            g.setColorAt(0, QColor.fromHsv((k * 40) % 360, 160, 90))
            g.setColorAt(1, QColor.fromHsv((k * 40 + 120) % 360, 200, 30))
            p.fillRect(img.rect(), g)
            for j in range(0, 1920, 48):  # detail so the PNG is not trivially small
                p.fillRect(j, 700 + (j * 37 + k * 11) % 300, 30, 400, QColor(255, 255, 255, 25))
            p.end()
            img.save(str(name))
    parts = ["---\ntitle: Benchmark deck\ntheme: night\nrevealOptions:\n  transition: fade\n---\n"]
    step = max(1, slides // max(1, n_images)) if n_images else 0
    for i in range(slides):
        with_bg = step and i % step == 0 and i // step < n_images
        bg = f'<!-- .slide: data-background="./bg{i // step}.png" -->\n' if with_bg else ""
        body = (f"{bg}## Slide {i + 1}: {WORDS[i % len(WORDS)].title()}\n\n"
                f"- {WORDS[(i + 1) % len(WORDS)]} and {WORDS[(i + 2) % len(WORDS)]}\n"
                f"- {WORDS[(i + 3) % len(WORDS)]} update\n- next steps\n\nNote:\n\n{notes_text(i)}\n")
        parts.append(body)
    path = folder / f"bench-{slides}.md"
    path.write_text("\n---\n\n".join(parts), encoding="utf-8")
    return path


def median(values: list[float]) -> float:
    return statistics.median(values)


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def spread(values: list[float]) -> str:
    return f"min {min(values):.4g} – max {max(values):.4g}"


def machine() -> str:
    return (f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
            f"{platform.machine()}")
