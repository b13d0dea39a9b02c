"""Key bindings as data: ``resources/keys.yaml`` joined to handlers by action name in one loop."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

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


def load_bindings(path: Path | None = None, user: Path | None = USER_KEYS,
                  problems: list[str] | None = None) -> list[Binding]:
    """The default table, with a user's table overriding whole actions.

    A user's key wins over a default action that had the same key (it is taken off that action).
    Anything wrong in the user's file is logged, added to ``problems`` (shown once in the presenter
    window) and otherwise ignored: the defaults stay.
    """
    problems = problems if problems is not None else []
    table = {action: {**entry, "keys": [normalise(k) for k in entry["keys"]]}
             for action, entry in safe_load((path or resource("keys.yaml")).read_text(encoding="utf-8")).items()}
    mine = _user_table(user, problems) if user is not None else {}
    for action, entry in mine.items():
        if action not in table or not isinstance(entry, dict) or not _key_list(entry.get("keys")):
            _problem(problems, f"{user}: ignoring key binding {action!r} (unknown action or no key list)")
            continue
        keys = [normalise(str(k)) for k in entry["keys"]]
        for other, other_entry in table.items():
            taken = [k for k in other_entry["keys"] if k in keys and other != action and other not in mine]
            if taken:
                other_entry["keys"] = [k for k in other_entry["keys"] if k not in taken]
                _problem(problems, f"{user}: {', '.join(taken)} now does {action!r} instead of {other!r}", "info")
        table[action] = {**table[action], "keys": keys}
    return [Binding(action, tuple(entry["keys"]), str(entry.get("help", ""))) for action, entry in table.items()]


def _user_table(user: Path, problems: list[str]) -> dict[str, object]:
    if not user.is_file():
        return {}
    try:
        mine = safe_load(user.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        _problem(problems, f"{user}: cannot read the key table ({exc}); using the default keys")
        return {}
    if mine is None:
        return {}
    if not isinstance(mine, dict):
        _problem(problems, f"{user}: the key table must map actions to keys; using the default keys")
        return {}
    return {str(k): v for k, v in mine.items()}


def _key_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(k, (str, int)) for k in value)


def _problem(problems: list[str], line: str, level: str = "warning") -> None:
    getattr(log, level)("%s", line)
    problems.append(line)


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
        # The window's own focus widget: with one X screen per monitor, Qt's idea of the active
        # window can lag behind the X focus, but a key always goes to its window's focus widget.
        owner = keyboard_owner(window.focusWidget()) or keyboard_owner(watched)
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

