"""One bounded, least-recently-used cache for every cache of painted things (no Qt).

Frames, slide layouts and decoded images all keep a few expensive values and must stay within a
budget: a number of entries, or a number of bytes given by a cost function.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """Values by key; the least recently used go first once the total cost passes ``budget``.

    Args:
        budget: the most the values may cost together (entries, or bytes with ``cost``).
        cost: what one value costs (1 each by default). A value costing more than the whole
            budget is not kept.
    """

    def __init__(self, budget: int, cost: Callable[[V], int] = lambda _v: 1):
        self.budget = budget
        self.cost = cost
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.used = 0

    def get(self, key: K) -> V | None:
        """The value (now the most recently used), or None."""
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def values(self) -> list[V]:
        """The values kept, least recently used first."""
        return [value for value, _ in self._items.values()]

    def put(self, key: K, value: V) -> V:
        """Keep ``value`` (dropping the least recently used as needed); returns it."""
        cost = self.cost(value)
        if key in self._items:
            self.used -= self._items.pop(key)[1]
        if cost > self.budget:
            return value
        self._items[key] = (value, cost)
        self.used += cost
        while self.used > self.budget and len(self._items) > 1:
            _, (_, old) = self._items.popitem(last=False)
            self.used -= old
        return value

    def clear(self) -> None:
        """Forget everything."""
        self._items.clear()
        self.used = 0
