"""The one bounded cache: least recently used first out, by count or by cost."""

from __future__ import annotations

from presenter.render.lru import BoundedCache


def test_the_least_recently_used_goes_first() -> None:
    cache: BoundedCache[str, int] = BoundedCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recent
    cache.put("c", 3)
    assert "b" not in cache and cache.get("a") == 1 and cache.get("c") == 3 and len(cache) == 2


def test_a_budget_in_bytes() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(10, cost=len)
    cache.put("four", b"1234")
    cache.put("five", b"12345")
    cache.put("three", b"123")  # 12 > 10: the oldest goes
    assert "four" not in cache and cache.used == 8
    cache.put("huge", b"x" * 11)  # more than the whole budget: never kept, nothing else dropped
    assert "huge" not in cache and cache.used == 8
    cache.put("five", b"1")  # replacing a value recounts its cost
    assert cache.used == 4 and cache.values() == [b"123", b"1"]
    cache.clear()
    assert len(cache) == 0 and cache.used == 0
