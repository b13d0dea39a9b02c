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

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
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
from presenter.talk.dates import human_due, plural
from presenter.talk.questions import STATUSES, Question, QuestionLog, follow_up_status
from presenter.talk.storage import StorageError

log = logging.getLogger(__name__)

COLUMNS = ("#", "Question", "Slide", "Status")
NO_DATE = QDate(2000, 1, 1)  # the date editor's "no due date"


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
        self.action = QLineEdit()
        self.action.setPlaceholderText("what was promised (for the action log)")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setMinimumDate(NO_DATE)
        self.due.setSpecialValueText("no due date")  # shown while the date is the minimum
        self.due.setDate(NO_DATE)
        self.show_on_screen = QCheckBox("Show the selected question on the audience screen")
        self.pinned = QCheckBox("Keep this panel open after the Q&A")
        self.current: Slide | None = None
        self.counter = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        for name in ("question", "asked_by", "organisation", "slide", "status", "owner", "action", "due", "table"):
            getattr(self, name).setObjectName(name)
        self._build()
        for w in (self.question, self.asked_by, self.organisation, self.owner, self.action, self.due, self.slide,
                  self.status):
            w.installEventFilter(self)
        for w in (self.question, self.asked_by, self.organisation, self.owner, self.action):
            w.returnPressed.connect(self.save)
        self.owner.textChanged.connect(self._follow_up_rule)
        self.due.dateChanged.connect(self._follow_up_rule)
        self.due.installEventFilter(self)  # Enter in the date saves too (QDateEdit has no returnPressed)
        self.refresh()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("Question", self.question)
        form.addRow("Asked by", self.asked_by)
        form.addRow("Ward / org.", self.organisation)
        form.addRow("Slide", self.slide)
        form.addRow("Follow-up by", self.owner)
        form.addRow("Action", self.action)
        form.addRow("Due", self.due)
        form.addRow("Status", self.status)
        buttons = QHBoxLayout()
        for text, slot in (("Save (Enter)", self.save), ("Edit", self.edit_selected),
                           ("Delete", self.delete_selected), ("Undo delete", self.undo)):
            b = QPushButton(text)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        header = self.table.horizontalHeader()
        for col, name in enumerate(COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if name == "Question"
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
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
        page.addWidget(self.pinned)
        for box in (self.show_on_screen, self.pinned):
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # -- state -----------------------------------------------------------------------------
    def set_slides(self, slides: list[Slide]) -> None:
        """The slides a question can refer to (call when the deck is loaded or reloaded)."""
        self.slides = slides
        self._row_of = {s.index: row for row, s in enumerate(slides)}
        self.slide.clear()
        self.slide.addItems([f"{s.label}  {s.title}" for s in slides])

    def follow(self, current: Slide | None) -> None:
        """Preselect the slide being shown, unless a question is being typed or edited."""
        self.current = current
        if current is not None and self.editing is None and not self.question.text():
            row = self._row_of.get(current.index)
            if row is not None:
                self.slide.setCurrentIndex(row)

    def busy(self) -> bool:
        """Whether the panel must stay open: pinned, a question half typed, or one being edited."""
        return self.pinned.isChecked() or self.editing is not None or bool(self.question.text().strip())

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
            who = ", ".join(x for x in (q.asked_by, q.organisation) if x)
            follow = ", ".join(x for x in (q.owner, f"due {human_due(q.due, short=True)}" if q.due else "") if x)
            cells = (str(row + 1), q.question + (f"\n— {who}" if who else ""), q.slide_label,
                     q.status + (f"\n{follow}" if follow else ""))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        follow_ups = sum(1 for q in questions if q.needs_follow_up)
        self.counter.setText(f"{plural(len(questions), 'question')}, {plural(follow_ups, 'open follow-up')}")

    def table_state(self) -> dict[str, object]:
        """The question column's width and whether each question fits its row (for the state probe)."""
        column = list(COLUMNS).index("Question")
        width = self.table.columnWidth(column)
        metrics = self.table.fontMetrics()
        rows = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, column)
            text = item.text() if item is not None else ""
            needed = metrics.boundingRect(0, 0, max(1, width - 10), 10_000, int(Qt.TextFlag.TextWordWrap), text)
            rows.append({"fits": needed.height() <= self.table.rowHeight(row), "height": self.table.rowHeight(row)})
        return {"question_width": width, "rows": rows}

    # -- actions ---------------------------------------------------------------------------
    def form_question(self) -> Question:
        """The question as typed in the form."""
        slide = self.slides[self.slide.currentIndex()] if 0 <= self.slide.currentIndex() < len(self.slides) else None
        base = self.editing or Question(talk_elapsed=round(self.elapsed(), 1))
        return Question(id=base.id, created_at=base.created_at, talk_elapsed=base.talk_elapsed,
                        question=self.question.text().strip(), asked_by=self.asked_by.text().strip(),
                        organisation=self.organisation.text().strip(),
                        slide_label=slide.label if slide else "", slide_title=slide.title if slide else "",
                        status=self.status.currentText(), owner=self.owner.text().strip(), due=self._due_iso(),
                        action=self.action.text().strip())

    def _follow_up_rule(self) -> None:
        """Show at once what saving will do: an owner or a due date makes an open question a follow-up."""
        self.status.setCurrentText(follow_up_status(self.status.currentText(), self.owner.text(), self._due_iso()))

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
        for w in (self.question, self.asked_by, self.organisation, self.owner, self.action):
            w.clear()
        self.due.setDate(NO_DATE)
        self.status.setCurrentIndex(0)
        self.follow(self.current)  # the next question starts on the slide being shown
        focus = self.window().focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            self.question.setFocus()  # ready for the next question
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
        self.action.setText(q.action)
        due = QDate.fromString(q.due, Qt.DateFormat.ISODate)
        self.due.setDate(due if due.isValid() else NO_DATE)
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

    def _due_iso(self) -> str:
        date = self.due.date()
        return "" if date == NO_DATE else date.toString(Qt.DateFormat.ISODate)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()  # type: ignore[attr-defined]
        if key == Qt.Key.Key_Escape:
            self.leave.emit()
            return True
        if watched is self.due and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return True
        return False
