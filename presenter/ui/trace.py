"""Timestamps for the benchmarks: ``PRESENTER_TRACE=1`` prints events to standard error.

Off by default; when off, ``mark`` is one dictionary lookup.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

ENABLED = os.environ.get("PRESENTER_TRACE") == "1"
_seen: set[str] = set()
listener: Callable[[str, float], None] | None = None  # in-process benchmarks listen here


def mark(event: str, once: bool = True) -> None:
    """Print ``TRACE <wall time> <event>`` (once per event name unless ``once`` is False)."""
    if listener is not None:
        listener(event, time.perf_counter())
    if not ENABLED or (once and event in _seen):
        return
    _seen.add(event)
    print(f"TRACE {time.time():.6f} {event}", file=sys.stderr, flush=True)
