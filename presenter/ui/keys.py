"""Key bindings as data: ``resources/keys.yaml`` joined to handlers by action name in one loop."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from presenter.assets import resource
from presenter.deck.yamlload import safe_load

log = logging.getLogger(__name__)

USER_KEYS = Path.home() / ".config" / "presenter" / "keys.yaml"


@dataclass(frozen=True)
class Binding:
    """One action: its keys (portable Qt names) and its help text."""

    action: str
    keys: tuple[str, ...]
    help: str


def normalise(name: str) -> str:
    """A key name as Qt prints it (``pgdown`` → ``PgDown``)."""
    seq = QKeySequence(str(name))
    text = seq.toString(QKeySequence.SequenceFormat.PortableText)
    return text or str(name)


def load_bindings(path: Path | None = None, user: Path | None = USER_KEYS) -> list[Binding]:
    """The default table, with a user's table overriding whole actions (bad entries are logged)."""
    table = safe_load((path or resource("keys.yaml")).read_text(encoding="utf-8"))
    if user is not None and user.is_file():
        try:
            mine = safe_load(user.read_text(encoding="utf-8")) or {}
            for action, entry in mine.items():
                if action in table and isinstance(entry, dict) and isinstance(entry.get("keys"), list):
                    table[action] = {**table[action], "keys": entry["keys"]}
                else:
                    log.warning("%s: ignoring key binding %r (unknown action or no key list)", user, action)
        except (yaml.YAMLError, AttributeError) as exc:
            log.warning("%s: cannot read the key table (%s); using the defaults", user, exc)
    return [Binding(action, tuple(normalise(k) for k in entry["keys"]), str(entry.get("help", "")))
            for action, entry in table.items()]


def event_names(event: QKeyEvent) -> list[str]:
    """Names to look a key press up by: with its modifiers, and without Shift for symbols."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    combo = QKeySequence(event.keyCombination().key().value | mods.value)
    names = [combo.toString(QKeySequence.SequenceFormat.PortableText)]
    if mods & Qt.KeyboardModifier.ShiftModifier:
        plain = QKeySequence(event.keyCombination().key().value | (mods & ~Qt.KeyboardModifier.ShiftModifier).value)
        names.append(plain.toString(QKeySequence.SequenceFormat.PortableText))
    return names


class KeyRouter(QObject):
    """Routes key presses on the presenter's windows to actions, except while typing in a field.

    Args:
        bindings: the key table.
        handlers: action name → callable.
    """

    def __init__(self, bindings: list[Binding], handlers: Mapping[str, Callable[[], None]]):
        super().__init__()
        self.by_key: dict[str, str] = {}
        self.handlers = dict(handlers)
        for b in bindings:
            if b.action not in self.handlers:
                log.warning("no handler for action %r", b.action)
                continue
            for key in b.keys:
                self.by_key[key] = b.action

    def action_for(self, event: QKeyEvent) -> str | None:
        """The action bound to this key press, if any."""
        for name in event_names(event):
            if name in self.by_key:
                return self.by_key[name]
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress or typing_into(watched):
            return False
        focus = QApplication.focusWidget()
        if focus_is_typing(focus) and isinstance(watched, QWidget) and focus.window() is watched.window():
            return False  # a key a text field passed on (Enter after returnPressed) is not a shortcut
        action = self.action_for(event)  # type: ignore[arg-type]
        if action is None:
            return False
        self.handlers[action]()
        return True


def typing_into(widget: QObject) -> bool:
    """Whether key presses go to a text field (then no shortcut may fire)."""
    if isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit)):
        return True
    return isinstance(widget, QTextEdit) and not widget.isReadOnly()


def focus_is_typing(widget: QWidget | None) -> bool:
    """The same test for the widget that has the keyboard focus."""
    return widget is not None and typing_into(widget)
