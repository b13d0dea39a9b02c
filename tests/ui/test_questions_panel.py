"""The Q&A panel: typing never moves the slide, Enter saves at once, opens on the Q&A slide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from presenter.cli import main
from presenter.talk.questions import QuestionLog
from presenter.talk.storage import open_store

DECK = ("# Intro\n\nNote: hello\n\n---\n\n# Budget\n\n---\n\n<!-- .slide: data-background-color=\"#222\" -->\n"
        "# Q&A\n\nNote: I will now take questions\n")


def test_panel_opens_on_the_qa_slide_and_typing_never_moves_the_slide(make_app, write_deck, qtbot) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    assert not app.presenter.qa_holder.isVisible()
    qtbot.keyClick(app.presenter, Qt.Key.Key_End)
    assert app.presenter.qa_holder.isVisible()  # opened by itself on "Q&A"
    qtbot.keyClick(app.presenter, Qt.Key.Key_Q)
    panel = app.records.qa
    qtbot.waitUntil(panel.question.hasFocus)
    start = app.talk.audience
    qtbot.keyClicks(panel.question, "Will the Borehamwood cameras be replaced? B W . N P")
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_Space, Qt.Key.Key_PageUp):
        qtbot.keyClick(panel.question, key)
    assert app.talk.audience == start and app.talk.blank.value == "none"
    panel.asked_by.setText("Cllr Zoë Müller")
    panel.status.setCurrentText("follow-up")
    panel.owner.setText("Head of Community Safety")
    qtbot.keyClick(panel.question, Qt.Key.Key_Return)  # Enter saves, and is not "next slide"
    assert app.talk.audience == start
    stored = QuestionLog(open_store(path)).all()  # another connection sees it: it is on disk
    assert len(stored) == 1 and stored[0].asked_by == "Cllr Zoë Müller" and stored[0].slide_label == "3"
    assert stored[0].status == "follow-up" and panel.counter.text() == "1 question, 1 open follow-up"
    qtbot.keyClick(panel.question, Qt.Key.Key_Escape)  # leave the field: keys drive the slides again
    qtbot.keyClick(app.presenter, Qt.Key.Key_Home)
    assert app.talk.audience.index == 0


def test_edit_delete_undo_and_caption(make_app, write_deck, qtbot) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    qtbot.keyClick(app.presenter, Qt.Key.Key_End)
    panel = app.records.qa
    for text in ("First question?", "Second question?"):
        panel.question.setText(text)
        assert panel.save()
    panel.table.selectRow(0)
    panel.edit_selected()
    panel.question.setText("First question, edited?")
    assert panel.save()
    assert [q.question for q in QuestionLog(open_store(path)).all()] == ["First question, edited?", "Second question?"]
    assert app.audience.caption == ""  # off by default
    panel.show_on_screen.setChecked(True)
    panel.table.selectRow(1)
    assert app.audience.caption == "Second question?"
    panel.delete_selected()
    assert len(QuestionLog(open_store(path)).all()) == 1
    panel.undo()
    assert len(QuestionLog(open_store(path)).all()) == 2


def test_questions_command_exports(make_app, write_deck, qtbot, tmp_path: Path, capsys) -> None:
    path = write_deck(DECK)
    app = make_app(path)
    app.records.qa.question.setText("Is the £2.4m – budget agreed?")
    assert app.records.qa.save()
    assert main(["questions", str(path), "--format", "csv", "-o", str(tmp_path / "q.csv")]) == 0
    assert "£2.4m –" in (tmp_path / "q.csv").read_text(encoding="utf-8")
    assert main(["questions", str(path), "--format", "pdf", "-o", str(tmp_path / "q.pdf")]) == 0
    assert (tmp_path / "q.pdf").stat().st_size > 1000
    assert main(["questions", str(path)]) == 0 and "Open questions (1)" in capsys.readouterr().out


def test_an_owner_or_a_due_date_makes_a_follow_up_and_each_question_starts_on_the_current_slide(
        make_app, write_deck, qtbot) -> None:
    from PySide6.QtCore import QDate

    path = write_deck(DECK)
    app = make_app(path)
    qtbot.keyClick(app.presenter, Qt.Key.Key_End)
    panel = app.records.qa
    panel.slide.setCurrentIndex(0)  # the speaker picks slide 1 for this one
    panel.question.setText("Who pays for the cameras?")
    panel.owner.setText("Head of Community Safety")
    assert panel.status.currentText() == "follow-up"  # shown before saving
    panel.action.setText("Write to Cllr Müller with the costs")
    assert panel.save()
    assert panel.slide.currentText().startswith("3")  # the next question starts on the slide shown again
    panel.question.setText("And the lighting?")
    panel.due.setDate(QDate(2026, 12, 15))
    assert panel.status.currentText() == "follow-up"
    assert panel.save()
    stored = QuestionLog(open_store(path)).all()
    assert [(q.slide_label, q.status, q.due, q.action) for q in stored] == [
        ("1", "follow-up", "", "Write to Cllr Müller with the costs"), ("3", "follow-up", "2026-12-15", "")]
    assert "due 15 Dec 2026" in panel.table.item(1, 3).text()
