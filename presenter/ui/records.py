"""What the talk leaves behind: the questions log and rehearsal runs, in the deck's database.

The database is opened, and the questions panel built, just after the first frame (or at
first use), so that neither delays the windows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from presenter.deck.model import Deck, Slide
from presenter.talk.talk import Talk
from presenter.ui.audience import AudienceWindow
from presenter.ui.presenter_window import PresenterWindow

if TYPE_CHECKING:  # the database and the panel are loaded after the first frame
    from presenter.talk.questions import QuestionLog
    from presenter.talk.rehearsal import Recorder
    from presenter.talk.storage import Store
    from presenter.ui.qa_panel import QAPanel

log = logging.getLogger(__name__)


class Records(QObject):
    """The questions panel and the rehearsal recorder of one presentation.

    Args:
        talk: the talk.
        presenter, audience: the two windows.
        refresh: shows the talk again (after recording starts or stops).
    """

    def __init__(self, talk: Talk, presenter: PresenterWindow, audience: AudienceWindow,
                 refresh: Callable[[], None]):
        super().__init__()
        self.talk, self.presenter, self.audience, self.refresh = talk, presenter, audience, refresh
        self.store: Store | None = None
        self.questions: QuestionLog | None = None
        self.qa: QAPanel | None = None
        self.recorder: Recorder | None = None
        self.report_window: QObject | None = None
        self._qa_opened_for: int | None = None
        self._qa_deck: Deck | None = None
        talk.audience_moved.append(self.follow)

    @property
    def recording(self) -> bool:
        """Whether a rehearsal run is being recorded."""
        return self.recorder is not None

    def ensure_ready(self) -> None:
        """Open the deck's database and build the questions panel (once)."""
        if self.qa is not None:
            return
        from presenter.ui.qa_panel import QAPanel

        self._open_store(self.talk.deck)
        self.qa = QAPanel(self.questions, self.talk.clock.elapsed)
        self.presenter.add_qa_panel(self.qa)
        self.qa.leave.connect(self.leave_field)
        self.qa.saved.connect(self.update_caption)
        self.qa.selected.connect(lambda _text: self.update_caption())
        self.qa.show_on_screen.toggled.connect(lambda _on: self.update_caption())
        self.follow(self.talk.slide(self.talk.audience))

    def _open_store(self, deck: Deck) -> None:
        from presenter.talk.questions import QuestionLog
        from presenter.talk.storage import StorageError, open_store

        if not deck.path.is_file():
            return
        try:
            self.store = open_store(deck.path)
        except StorageError as exc:
            self.presenter.show_message(f"Questions and rehearsals cannot be saved: {exc}", "error")
            return
        self.questions = QuestionLog(self.store)
        self.store.subscribe(lambda recovery: self.presenter.show_message(recovery.message, "warning"))
        if self.store.fallback_reason:
            self.presenter.show_message(f"Note: {self.store.fallback_reason}.", "warning")

    def follow(self, slide: Slide | None) -> None:
        """The audience is on ``slide``: record it, and open the panel on the Q&A slide."""
        if self.recorder is not None:
            from presenter.talk.storage import StorageError

            try:
                self.recorder.enter(slide)
            except StorageError as exc:  # a full disk: stop recording, keep presenting
                self.recorder = None
                self.presenter.show_message(f"Rehearsal recording stopped: {exc}", "error")
                self.refresh()
        if self.qa is None:
            return
        if self._qa_deck is not self.talk.deck:
            self._qa_deck = self.talk.deck
            self.qa.set_slides(self.talk.nav.visible)
        self.qa.follow(slide)
        on_qa = slide is not None and is_qa_slide(slide.title, slide.attributes)
        if on_qa and slide is not None and self._qa_opened_for != slide.index:
            self._qa_opened_for = slide.index
            self.presenter.set_qa_visible(True)  # by itself, without taking the keyboard
        elif not on_qa and self._qa_opened_for is not None and not self.qa.busy():
            self._qa_opened_for = None  # the Q&A is over: the panel folds away unless pinned
            self.presenter.set_qa_visible(False)
        self.update_caption()

    # -- questions -------------------------------------------------------------------------
    def toggle_questions(self) -> None:
        """Q: open the panel with the cursor in the question field (Esc leaves it, Esc again hides it)."""
        self.ensure_ready()
        assert self.qa is not None
        self.presenter.set_qa_visible(True)
        self.presenter.window().activateWindow()
        self.qa.focus_question()
        slide = self.talk.slide(self.talk.audience)
        if slide is not None and not is_qa_slide(slide.title, slide.attributes):
            self._qa_opened_for = None  # opened by hand: it stays until Esc

    def panel_state(self) -> dict[str, object]:
        """How many questions the panel lists and its last message (for the state probe)."""
        if self.qa is None:
            return {"count": 0, "message": "", "table": {}}
        return {"count": self.qa.table.rowCount(), "message": self.qa.message.text(), "table": self.qa.table_state()}

    def leave_field(self) -> None:
        """Esc in a field: the keyboard goes back to the slides."""
        self.presenter.setFocus()
        self.presenter.window().activateWindow()

    def update_caption(self) -> None:
        """The question shown to the room over the Q&A slide, when that option is on."""
        slide = self.talk.slide(self.talk.audience)
        if self.qa is None or self.questions is None:
            return
        text = ""
        if slide is not None and is_qa_slide(slide.title, slide.attributes) and self.qa.show_on_screen.isChecked():
            rows = self.qa.table.selectionModel().selectedRows()
            questions = self.questions.all()
            if rows and rows[0].row() < len(questions):
                text = questions[rows[0].row()].question
            elif questions:
                text = questions[-1].question
        self.audience.set_caption(text)

    def questions_html(self) -> Callable[[], str] | None:
        """The questions log as HTML pages for the handout, if there is a log."""
        self.ensure_ready()
        questions = self.questions
        if questions is None:
            return None
        from presenter.talk.questions import to_html

        return lambda: to_html(questions.all(), self.talk.deck.title)

    # -- rehearsal -------------------------------------------------------------------------
    def toggle_rehearsal(self) -> None:
        """F9: start recording a rehearsal run, or stop it and show the report."""
        if self.recorder is None:
            self.start_rehearsal()
        else:
            self.stop_rehearsal()

    def start_rehearsal(self) -> None:
        """Record the time on every slide from now on (holds excluded)."""
        self.ensure_ready()
        if self.store is None or self.recorder is not None:
            return
        target = self.talk.countdown.duration or self.talk.total_budget() or None
        from presenter.talk.rehearsal import Recorder

        self.recorder = Recorder(self.store, self.talk.clock.elapsed, target=target)
        self.talk.clock.start()
        self.recorder.enter(self.talk.slide(self.talk.audience))
        self.refresh()

    def stop_rehearsal(self, show_report: bool = True) -> None:
        """Finish the run (everything is already saved) and show the report."""
        if self.recorder is None:
            return
        self.recorder.finish()
        run_id = self.recorder.run_id
        self.recorder = None
        if show_report:
            self.show_report(run_id)
        self.refresh()

    def show_report(self, run_id: int | None = None) -> None:
        """The report of a run (the latest when not given), in a window of its own."""
        from presenter.ui.report_window import ReportWindow  # not needed at start-up

        self.ensure_ready()
        if self.store is None:
            return
        window = ReportWindow(self.store, self.talk.deck, self.talk.budgets, run_id, self.presenter)
        window.timings_written.connect(lambda message: self.presenter.show_message(message, "info"))
        self.report_window = window
        window.show()


def is_qa_slide(title: str, attributes: object) -> bool:
    """The Q&A slide test of the questions log (loaded when first needed)."""
    from presenter.talk.questions import is_qa_slide as test

    return test(title, attributes)
