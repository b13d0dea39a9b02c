"""Generated hostile decks through load and check: a clean message or a deck, never a crash.

The fast test runs a few hundred decks in the normal suite. The slow tier runs 10,000 (or
``PRESENTER_FUZZ_DECKS``) when ``PRESENTER_SLOW_FUZZ=1`` is set; timings are measured by
``benchmarks/fuzz_decks.py``, never asserted here.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from fuzz.exercise import load_and_check
from fuzz.strategies import decks, front_matter, slide_markdown
from hypothesis import HealthCheck, given, settings

COMMON = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}
SLOW = os.environ.get("PRESENTER_SLOW_FUZZ") == "1"


@settings(max_examples=300, **COMMON)
@given(decks())
def test_generated_decks_load_or_are_refused_cleanly(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        assert load_and_check(text, Path(tmp)) in ("ok", "refused")


@settings(max_examples=100, **COMMON)
@given(front_matter(), slide_markdown())
def test_any_front_matter_with_a_slide(head: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        assert load_and_check(head + body, Path(tmp)) in ("ok", "refused")


@pytest.mark.slow
@pytest.mark.skipif(not SLOW, reason="slow tier: set PRESENTER_SLOW_FUZZ=1")
@settings(max_examples=int(os.environ.get("PRESENTER_FUZZ_DECKS", "10000")), **COMMON)
@given(decks())
def test_ten_thousand_generated_decks(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        assert load_and_check(text, Path(tmp)) in ("ok", "refused")
