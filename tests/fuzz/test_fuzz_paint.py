"""Generated hostile decks painted and exported: the projector's paint and the PDF never crash.

A few dozen decks in the normal suite; 1,000 (or ``PRESENTER_FUZZ_PAINTED``) in the slow tier
(``PRESENTER_SLOW_FUZZ=1``). Figures come from ``benchmarks/fuzz_decks.py --paint``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from fuzz.exercise import paint_and_export
from fuzz.strategies import decks
from hypothesis import HealthCheck, given, settings

COMMON = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}
SLOW = os.environ.get("PRESENTER_SLOW_FUZZ") == "1"


@settings(max_examples=40, **COMMON)
@given(decks())
def test_generated_decks_paint_and_export(qapp, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        outcome, _failed = paint_and_export(text, Path(tmp))
        assert outcome in ("ok", "refused")


@pytest.mark.slow
@pytest.mark.skipif(not SLOW, reason="slow tier: set PRESENTER_SLOW_FUZZ=1")
@settings(max_examples=int(os.environ.get("PRESENTER_FUZZ_PAINTED", "1000")), **COMMON)
@given(decks())
def test_a_thousand_generated_decks_paint_and_export(qapp, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        outcome, _failed = paint_and_export(text, Path(tmp))
        assert outcome in ("ok", "refused")
