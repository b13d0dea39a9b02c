"""Safe YAML loading, with PyYAML's C parser when it is there (about seven times faster)."""

from __future__ import annotations

from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_ALIASES = 50
MAX_NODES = 20_000  # scalars, lists and mappings, counted with every alias expanded


class YamlBudgetError(ValueError):
    """The YAML uses more aliases, or expands to more nodes, than a deck's front matter may."""


def safe_load(text: str) -> Any:
    """Parse one YAML document with the safe loader (no Python objects are ever built)."""
    loader = _SAFE_LOADER(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def bounded_load(text: str, max_aliases: int = MAX_ALIASES, max_nodes: int = MAX_NODES) -> Any:
    """``safe_load`` for untrusted text: aliases are counted, never expanded.

    Raises:
        YamlBudgetError: too many aliases, or a document that would expand beyond ``max_nodes``
            (the "billion laughs"), before any Python object is built.
        yaml.YAMLError: the text is not YAML.
    """
    loader = _SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_size(node, max_aliases, max_nodes)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_size(root: yaml.Node, max_aliases: int, max_nodes: int) -> None:
    """Count the nodes as if every alias were expanded (memoised, so linear in the node graph)."""
    sizes: dict[int, int] = {}
    seen_twice = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[key] > max_nodes:
                raise YamlBudgetError(f"it expands to more than {max_nodes:,} values (aliases of aliases)")
            continue
        if key in sizes:
            if sizes[key] == 0:
                raise YamlBudgetError("an alias refers to a value that contains it (a cycle)")
            seen_twice += 1
            if seen_twice > max_aliases:
                raise YamlBudgetError(f"it uses more than {max_aliases} aliases (*name)")
            continue
        sizes[key] = 0  # being visited
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
