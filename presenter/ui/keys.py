"""Key bindings as data: ``resources/keys.yaml`` joined to handlers by action name in one loop."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
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
    """Routes key presses on the presenter's windows to actions, in one place for every field.

    The rule: while a text field (or an overlay that takes the keyboard, such as the overview)
    has the keyboard, no slide shortcut fires; the field gets every key, Enter included. Only the
    function keys still act. Esc belongs to the field too (it closes or leaves it). Dialogs and
    other windows keep their own keys.

    Args:
        bindings: the key table.
        handlers: action name → callable.
        windows: the windows whose keys are shortcuts (the presenter and audience windows).
    """

    def __init__(self, bindings: list[Binding], handlers: Mapping[str, Callable[[], None]],
                 windows: Callable[[], Iterable[QWidget]] | None = None):
        super().__init__()
        self.by_key: dict[str, str] = {}
        self.handlers = dict(handlers)
        self.windows = windows
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
        # A key press reaches the QWindow first and then the widget with the focus (and its
        # parents, if ignored); act only on the widget's delivery, where the focus is known.
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        window = watched.window()
        if self.windows is not None and window not in list(self.windows()):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        owner = keyboard_owner(QApplication.focusWidget()) or keyboard_owner(watched)
        if owner is not None and owner.window() is window and not is_function_key(key_event):
            return False
        action = self.action_for(key_event)
        if action is None:
            return False
        self.handlers[action]()
        return True


CAPTURES_KEYS = "capturesKeys"  # a widget property: the widget takes every key while it has the focus


def keyboard_owner(widget: QObject | None) -> QWidget | None:
    """The text field or key-capturing overlay that has the keyboard, if any."""
    if not isinstance(widget, QWidget) or not widget.isVisible():
        return None
    if isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox)):
        return widget
    if isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
        return widget
    return widget if widget.property(CAPTURES_KEYS) else None


def is_function_key(event: QKeyEvent) -> bool:
    """F1–F35: still shortcuts while a field has the keyboard."""
    return Qt.Key.Key_F1.value <= event.key() <= Qt.Key.Key_F35.value

