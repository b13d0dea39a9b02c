"""The Q&A panel: type a question, Enter saves it to the database at once; edit, delete, undo.

Typing takes the keyboard (the key router ignores keys while a field has the focus); Esc
gives the keyboard back to the slides.

Signals:
    saved(): a question was added, changed, deleted or restored.
    selected(str): the question chosen in the list (for the audience screen), "" for none.
    leave(): the user pressed Esc in a field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.deck.model import Slide
from presenter.talk.questions import STATUSES, Question, QuestionLog
from presenter.talk.storage import StorageError

log = logging.getLogger(__name__)


class QAPanel(QWidget):
    """The questions form and list.

    Args:
        log_: the deck's question log (None when the database could not be opened).
        elapsed: the talk's elapsed seconds, stamped on each question.
    """

    saved = Signal()
    selected = Signal(str)
    leave = Signal()

    def __init__(self, log_: QuestionLog | None, elapsed: Callable[[], float], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("qa")
        self.log = log_
        self.elapsed = elapsed
        self.editing: Question | None = None
        self.slides: list[Slide] = []
        self._row_of: dict[int, int] = {}
        self.question = QLineEdit()
        self.question.setPlaceholderText("Type the question, Enter to save")
        self.asked_by = QLineEdit()
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("ward or organisation")
        self.slide = QComboBox()
        self.status = QComboBox()
        self.status.addItems(STATUSES)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText("who follows it up")
        self.due = QLineEdit()
        self.due.setPlaceholderText("e.g. 2026-12-15")
        self.show_on_screen = QCheckBox("Show the selected question on the audience screen")
        self.counter = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        for name in ("question", "asked_by", "organisation", "slide", "status", "owner", "due", "table"):
            getattr(self, name).setObjectName(name)
        self._build()
        for w in (self.question, self.asked_by, self.organisation, self.owner, self.due, self.slide, self.status):
            w.installEventFilter(self)
        for w in (self.question, self.asked_by, self.organisation, self.owner, self.due):
            w.returnPressed.connect(self.save)
        self.refresh()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("Question", self.question)
        form.addRow("Asked by", self.asked_by)
        form.addRow("Ward / org.", self.organisation)
        form.addRow("Slide", self.slide)
        form.addRow("Status", self.status)
        form.addRow("Follow-up by", self.owner)
        form.addRow("Due", self.due)
        buttons = QHBoxLayout()
        for text, slot in (("Save (Enter)", self.save), ("Edit", self.edit_selected),
                           ("Delete", self.delete_selected), ("Undo delete", self.undo)):
            b = QPushButton(text)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        self.table.setHorizontalHeaderLabels(["Question", "Asked by", "Slide", "Status", "Follow-up"])
        header = self.table.horizontalHeader()
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        page = QVBoxLayout(self)
        title = QLabel("<b>Questions</b>  (Q to type, Esc back to the slides, Esc again hides)")
        page.addWidget(title)
        page.addLayout(form)
        page.addLayout(buttons)
        page.addWidget(self.message)
        page.addWidget(self.counter)
        page.addWidget(self.table, 1)
        page.addWidget(self.show_on_screen)

    # -- state -----------------------------------------------------------------------------
    def set_slides(self, slides: list[Slide]) -> None:
        """The slides a question can refer to (call when the deck is loaded or reloaded)."""
        self.slides = slides
        self._row_of = {s.index: row for row, s in enumerate(slides)}
        self.slide.clear()
        self.slide.addItems([f"{s.label}  {s.title}" for s in slides])

    def follow(self, current: Slide | None) -> None:
        """Preselect the slide being shown, unless a question is being typed or edited."""
        if current is not None and self.editing is None and not self.question.text():
            row = self._row_of.get(current.index)
            if row is not None:
                self.slide.setCurrentIndex(row)

    def focus_question(self) -> None:
        """Put the cursor in the question field."""
        self.question.setFocus()

    def refresh(self) -> None:
        """Reload the list and the follow-up counter from the database."""
        if self.log is None:
            self.counter.setText("The questions log is unavailable (see the banner).")
            return
        questions = self.log.all()
        self.table.setRowCount(len(questions))
        for row, q in enumerate(questions):
            follow = ", ".join(x for x in (q.owner, q.due) if x)
            for col, text in enumerate((q.question, q.asked_by, q.slide_label, q.status, follow)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                self.table.setItem(row, col, item)
        follow_ups = sum(1 for q in questions if q.needs_follow_up)
        self.counter.setText(f"{len(questions)} questions, {follow_ups} open follow-ups")

    # -- actions ---------------------------------------------------------------------------
    def form_question(self) -> Question:
        """The question as typed in the form."""
        slide = self.slides[self.slide.currentIndex()] if 0 <= self.slide.currentIndex() < len(self.slides) else None
        base = self.editing or Question(talk_elapsed=round(self.elapsed(), 1))
        return Question(id=base.id, created_at=base.created_at, talk_elapsed=base.talk_elapsed,
                        question=self.question.text().strip(), asked_by=self.asked_by.text().strip(),
                        organisation=self.organisation.text().strip(),
                        slide_label=slide.label if slide else "", slide_title=slide.title if slide else "",
                        status=self.status.currentText(), owner=self.owner.text().strip(), due=self.due.text().strip())

    def save(self) -> bool:
        """Enter: write the question to the database now; the form empties for the next one."""
        if self.log is None:
            return False
        q = self.form_question()
        if not q.question:
            self.message.setText("Type the question first.")
            return False
        try:
            self.log.update(q) if self.editing is not None else self.log.add(q)
        except (StorageError, ValueError) as exc:
            self.message.setText(f"Not saved: {exc}")
            return False
        self.message.setText("Saved." if self.editing is None else "Changes saved.")
        self.editing = None
        for w in (self.question, self.asked_by, self.organisation, self.owner, self.due):
            w.clear()
        self.status.setCurrentIndex(0)
        self.refresh()
        self.saved.emit()
        return True

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _selection_changed(self) -> None:
        qid = self._selected_id()
        match = [q for q in self.log.all() if q.id == qid] if self.log and qid is not None else []
        self.selected.emit(match[0].question if match else "")

    def edit_selected(self) -> None:
        """Load the selected question into the form to change it."""
        qid = self._selected_id()
        match = [q for q in self.log.all() if q.id == qid] if self.log and qid is not None else []
        if not match:
            return
        q = self.editing = match[0]
        self.question.setText(q.question)
        self.asked_by.setText(q.asked_by)
        self.organisation.setText(q.organisation)
        self.status.setCurrentText(q.status)
        self.owner.setText(q.owner)
        self.due.setText(q.due)
        for i, s in enumerate(self.slides):
            if s.label == q.slide_label:
                self.slide.setCurrentIndex(i)
        self.question.setFocus()

    def delete_selected(self) -> None:
        """Delete the selected question (Undo brings it back)."""
        qid = self._selected_id()
        if self.log is None or qid is None:
            return
        self.log.delete(qid)
        self.message.setText("Deleted. Press Undo delete to bring it back.")
        self.refresh()
        self.saved.emit()

    def undo(self) -> None:
        """Bring back the last deleted question."""
        if self.log is not None and self.log.undo_delete() is not None:
            self.message.setText("Restored.")
            self.refresh()
            self.saved.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
            self.leave.emit()
            return True
        return False
