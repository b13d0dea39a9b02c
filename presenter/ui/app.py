"""The composition root: the talk, the two windows, keys, clocks, screens and live reload."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from presenter.deck import Deck, DeckError, load_deck
from presenter.deck.errors import PresenterError
from presenter.deck.resources import MISSING, OUTSIDE, link_permission
from presenter.render.paint import RenderContext
from presenter.render.themes import get_theme
from presenter.talk.clock import Countdown, format_clock, parse_duration, parse_end_time
from presenter.talk.navigation import Navigator, Position
from presenter.talk.talk import Blank, Talk
from presenter.ui import probe, screens, style, trace
from presenter.ui.audience import AudienceWindow
from presenter.ui.boot import Shell, make_shells

if TYPE_CHECKING:
    from presenter.ui.first_frame import FirstFrame

# The presenter window, the keys, the records, live reload and the screen saver are imported in
# PresenterApp.__init__, after the projector's first frame: slide 1 does not wait for them.

log = logging.getLogger(__name__)

TICK_MS = 250
KEEP_FIRST_FRAME_MS = 1000  # the first frame is compared and kept after start-up, out of its way


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    """A yes/no question in a dialog on the presenter window (replaceable in tests)."""
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class PresenterApp(QObject):
    """One running presentation.

    Args:
        deck: the loaded deck.
        settings: where preferences are remembered.
        countdown: the talk's count-down, if any.
        audience_screen: the screen number asked for the audience, if any.
        overrides: command-line deck options (kept for reloads).
        now, wall: clocks (injected in tests).
        shells: the two top-level windows, when they are on screen already (``run`` shows them
            before the deck is read); made here otherwise.
        start: where the talk starts (the first slide by default).
        first_frame: where the projector's first frame is kept for the next start (``presenter
            DECK`` only; the kept one may be on screen already).
    """

    def __init__(self, deck: Deck, settings: QSettings, countdown: Countdown | None = None,
                 audience_screen: int | None = None, overrides: dict[str, Any] | None = None,
                 now: Callable[[], float] | None = None, wall: Callable[[], dt.datetime] | None = None,
                 shells: tuple[Shell, Shell] | None = None, start: Position | None = None,
                 first_frame: FirstFrame | None = None):
        super().__init__()
        self.shells_placed = shells is not None
        self.first_frame = first_frame
        self.presenter_shell, self.audience_shell = shells or make_shells(deck.title)
        self.stopping = False
        self.presenter_shell.on_close = self._presenter_closed
        self.audience_shell.on_close = lambda: self.stopping  # the projector never shows the desktop
        self.overrides = overrides or {}
        self.audience_screen = audience_screen
        self.swapped = False
        self.chair_timer = False
        self.confirm: Callable[[str, str], bool] = lambda t, q: ask_yes_no(self.presenter, t, q)
        self.run_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted
        kwargs: dict[str, Any] = {k: v for k, v in (("now", now), ("wall", wall)) if v is not None}
        self.talk = Talk(deck, **kwargs)
        self.talk.countdown = countdown or Countdown()
        if start is not None:
            self.talk.presenter = self.talk.audience = start
        self.context = RenderContext(deck)
        self.theme = get_theme(deck.theme)
        self.audience = AudienceWindow(self.context, self.theme)
        self.audience.activated.connect(self._keyboard_to_presenter)
        self.audience_shell.set_content(self.audience)
        if self.shells_placed:
            self._first_frame()  # the projector shows slide 1 before the rest is imported and built
        from presenter.ui.keys import KeyRouter, load_bindings
        from presenter.ui.panels import open_url_default
        from presenter.ui.presenter_window import PresenterWindow
        from presenter.ui.records import Records
        from presenter.ui.reload import DeckReloader
        from presenter.ui.screensaver import ScreenSaverInhibitor

        self.open_url: Callable[[QUrl], bool] = open_url_default
        self.config_problems: list[str] = []
        self.bindings = load_bindings(problems=self.config_problems)
        self.presenter = PresenterWindow(self.context, self.theme, self.bindings, settings)
        self.presenter_shell.set_content(self.presenter)
        self.config_problems += self.presenter.prefs.problems
        self.presenter.goto_requested.connect(self._goto)
        self.presenter.overview_chosen.connect(self._overview_chosen)
        self.presenter.link_activated.connect(self.open_link)
        self.records = Records(self.talk, self.presenter, self.audience, self.refresh)
        self.router = KeyRouter(self.bindings, self.handlers(),
                                windows=lambda: (self.presenter_shell, self.audience_shell))
        self.talk.on_change = self.refresh
        self.reloader = DeckReloader(deck.path, self.overrides, self.show_deck, self._report, lambda: self.talk.deck,
                                     parent=self)
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._tick)
        self.inhibitor = ScreenSaverInhibitor()
        self.probe: probe.StateProbe | None = None
        self._paint_errors_shown: dict[int, str] = {}
        self.companion: Any = None  # presenter.companion.qt.Companion, made when first asked for
        self.companion_host: str | None = None  # --companion-host

    def _first_frame(self) -> None:
        trace.mark("first frame")
        slide = self.talk.slide(self.talk.audience)
        self.audience.show_frame((slide, self.talk.audience.step) if slide else None, self.talk.deck, animate=False)
        self.audience_shell.set_title(self.talk.deck.title)
        frame = self.audience.current_pixmap()  # painted now (the window shows it at its first paint)
        self.audience.repaint()
        QApplication.sync()
        self.audience_shell.show_picture(None)  # the kept picture, if any, is covered now
        first = self.first_frame
        if first is not None and frame is not None:  # kept for the next start, once this one is done
            files = self.context.images.files()
            QTimer.singleShot(KEEP_FIRST_FRAME_MS, lambda: first.keep(frame.toImage(), files))

    # -- start and stop --------------------------------------------------------------------
    def start(self, place_windows: bool = True) -> None:
        """Show both windows, start listening to keys, screens and the clock."""
        app = QApplication.instance()
        assert app is not None
        style.apply(app)  # type: ignore[arg-type]
        app.installEventFilter(self.router)
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screen_added)
            app.screenRemoved.connect(self._screen_removed)
        self.refresh()
        if self.shells_placed:
            self.presenter.set_aspect(screens.audience_aspect(self.audience_shell))
        elif place_windows:
            self._place()
        else:
            self.presenter_shell.show()
            self.audience_shell.show()
            self.presenter_shell.activateWindow()
        if self.config_problems:
            self.presenter.show_message("Some settings were ignored (the defaults are used): "
                                        + "; ".join(self.config_problems), "warning")
        self.tick.start()
        QTimer.singleShot(150, self.records.ensure_ready)  # after the first frame
        self.inhibitor.inhibit()
        self.probe = probe.install(self)

    def stop(self) -> None:
        """Close both windows and release the screen saver."""
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.removeEventFilter(self.router)
            for signal, slot in ((app.screenAdded, self._screen_added), (app.screenRemoved, self._screen_removed)):
                with contextlib.suppress(RuntimeError, TypeError):  # never connected (windows not started)
                    signal.disconnect(slot)
        self.tick.stop()
        self.reloader.stop()
        self.records.stop_rehearsal(show_report=False)
        if self.companion is not None:
            self.companion.stop()
        self.inhibitor.release()
        self.presenter.save_layout()
        self.stopping = True
        self.presenter_shell.close()
        self.audience_shell.close()

    def _presenter_closed(self) -> bool:
        """Closing the presenter window ends the talk (the audience window goes with it)."""
        if not self.stopping:
            QTimer.singleShot(0, self.quit)
        return True

    # -- keys ------------------------------------------------------------------------------
    def handlers(self) -> dict[str, Callable[[], None]]:
        """Action name → what it does; joined to the key table by name."""
        t, w = self.talk, self.presenter
        go = {name: (lambda n=name: t.go(n)) for name in
              ("next", "previous", "up", "down", "left", "right", "first", "last")}
        return {
            **go,
            "goto": w.goto.open, "overview": self.show_overview, "close": self.close_or_stop_browsing,
            "help": w.toggle_help, "black": lambda: t.toggle_blank(Blank.BLACK),
            "white": lambda: t.toggle_blank(Blank.WHITE), "freeze": t.toggle_freeze,
            "browse_next": lambda: t.go("next", browse=True), "browse_previous": lambda: t.go("previous", browse=True),
            "bring_audience": t.bring_audience,
            "notes_down": lambda: w.scroll_notes(1), "notes_up": lambda: w.scroll_notes(-1),
            "notes_bigger": lambda: w.change_notes_size(2), "notes_smaller": lambda: w.change_notes_size(-2),
            "large_print": self.toggle_large_print, "hold": self._clock(t.clock.toggle_hold),
            "start_clock": self._clock(t.clock.start), "reset_clock": self.reset_clock,
            "undo_reset": self._clock(t.clock.undo_reset), "add_minute": self._clock(lambda: t.clock.adjust(60)),
            "subtract_minute": self._clock(lambda: t.clock.adjust(-60)), "swap_screens": self.swap_screens,
            "chair_timer": self.toggle_chair_timer, "reload": self.reload, "quit": self.quit,
            "export": self.export, "questions": self.records.toggle_questions,
            "rehearse": self.records.toggle_rehearsal, "report": self.records.show_report,
            "companion": self.toggle_companion,
        }

    def _clock(self, action: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            action()
            self._tick()
        return run

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the talk in both windows and prepare the frames likely to come next."""
        t = self.talk
        slide = t.slide(t.audience)
        before = (self.audience.frame, self.audience.blank)
        self.audience.set_blank(t.blank)
        self.audience.show_frame((slide, t.audience.step) if slide else None, t.deck)
        changed = (self.audience.frame, self.audience.blank) != before
        if changed and self.audience.isVisible():
            self.audience.repaint()  # the projector first (a move's first frame too), then the presenter window
        self.audience_shell.set_title(t.deck.title)
        self.presenter_shell.set_title(t.deck.title)
        self.presenter.show_talk(t, rehearsing=self.records.recording)
        self._prepare()

    def _frames_around(self, pos: Position, ahead: int = 2, back: bool = True) -> list[tuple[Any, int]]:
        """The frames likely to be shown next: a few steps ahead, one back, the next slide."""
        nav, frames, step = self.talk.nav, [], pos
        for _ in range(ahead):
            nxt = nav.peek(step)
            if nxt is None:
                break
            frames.append(nxt)
            step = nxt
        frames += [nav.previous(pos), nav.next_slide(pos)] if back else [nav.next_slide(pos)]
        unique = [p for i, p in enumerate(frames) if p != pos and p not in frames[:i]]
        return [(nav.slide(p), p.step) for p in unique if nav.slide(p) is not None]

    def _prepare(self) -> None:
        t = self.talk
        # the projector keeps two full-size frames (8 MB each at 1920x1080): the one shown and the
        # one the next press shows; skipping a slide's steps or going back paints its frame when asked
        self.audience.prepare(self._frames_around(t.audience, ahead=1, back=False)[:1])
        around = self._frames_around(t.presenter)
        current, *nexts = self.presenter.views()
        current.prepare(around)
        for view in nexts:
            if view.isVisible():
                view.prepare(around[1:] + around[:1])

    def _tick(self) -> None:
        t = self.talk
        self.presenter.refresh_timers(t, t.wall())
        self._report_paint_errors()
        if self.chair_timer:
            self.audience.set_chair_text(chair_text(t.remaining(), t.clock.elapsed()))

    # -- actions ---------------------------------------------------------------------------
    def _goto(self, text: str) -> None:
        if self.talk.goto(text):
            self.presenter.goto.close_field()
        else:
            self.presenter.goto.mark_error()
            self.presenter.show_message(f"There is no slide {text!r} (type 7, or 3.2 inside a stack).", "warning")

    def show_overview(self) -> None:
        """The thumbnail grid of every visible slide."""
        self.presenter.open_overview(self.talk.nav.visible, self.theme, self.context, self.talk.presenter.index)

    def _overview_chosen(self, index: int) -> None:
        self.presenter.close_overlays()
        self.talk.move(Position(index, 0), browse=self.talk.browsing)

    def close_or_stop_browsing(self) -> None:
        """Esc: close an overlay; else stop browsing; else hide the questions panel."""
        if self.presenter.close_overlays():
            return
        if self.talk.browsing:
            self.talk.back_to_audience()
        elif self.presenter.qa_holder.isVisible():
            self.presenter.set_qa_visible(False)

    def toggle_large_print(self) -> None:
        """Switch the presenter window's layout."""
        self.presenter.set_large_print(not self.presenter.large_print)
        self._tick()

    def reset_clock(self) -> None:
        """Reset the elapsed time, after asking; Ctrl+Z undoes it."""
        if self.talk.clock.state.started and self.confirm("Reset the timer?",
                                                          "Reset the elapsed time to 0:00? (Ctrl+Z undoes it)"):
            self.talk.clock.reset()
            self.presenter.show_message("Timer reset. Press Ctrl+Z to undo.", "info")
            self._tick()

    def swap_screens(self) -> None:
        """Exchange the screens of the two windows."""
        self.swapped = not self.swapped
        self._place()

    def toggle_chair_timer(self) -> None:
        """The small timer on the audience screen (off by default)."""
        self.chair_timer = not self.chair_timer
        if not self.chair_timer:
            self.audience.set_chair_text("")
        self._tick()

    def toggle_companion(self, host: str | None = None) -> None:
        """C: start the phone companion (its QR code in the presenter window only), or show / hide its panel."""
        from presenter.companion.qt import Companion  # loaded only when asked for

        if self.companion is None:
            self.companion = Companion(self, host or self.companion_host)
        self.companion.toggle(host)

    def open_link(self, href: str) -> None:
        """Open a link from the notes: web and mail links, and documents inside the deck's folder.

        Programs, scripts and launchers are never opened; a document outside the deck's folder only
        after the speaker says yes.
        """
        if href.startswith("#"):
            return
        permission = link_permission(self.talk.deck.folder, href)
        if permission.allowed:
            self._open(permission.target)
        elif permission.reason == MISSING:
            self.presenter.show_message(f"Attachment not found: {href} (looked for {permission.target}).", "warning")
        elif permission.reason == OUTSIDE and self._outside_document(permission.target):
            if self.confirm("Open a file outside the deck?",
                            f"{permission.target} is outside the deck's folder. Open it?"):
                self._open(permission.target)
        else:
            self.presenter.show_message(f"Not opened: {href} ({permission.reason}).", "warning")

    @staticmethod
    def _outside_document(target: str) -> bool:
        path = Path(target)
        return link_permission(path.parent, path.name).allowed  # a document, not a program or a script

    def _open(self, target: str) -> None:
        url = QUrl(target) if re.match(r"^(https?|mailto):", target, re.I) else QUrl.fromLocalFile(target)
        if not self.open_url(url):
            self.presenter.show_message(f"No program could open {target}.", "warning")

    def reload(self) -> None:
        """F5: read the deck again now (in the background) and show it, even if it looks half saved."""
        self.reloader.request(force=True)

    def _report(self, text: str, level: str) -> None:
        if text:
            self.presenter.show_message(text, level)
        else:
            self.presenter.clear_message()

    def show_deck(self, deck: Deck) -> None:
        """Show a (re)loaded deck: positions kept by slide identity, clocks kept."""
        self.context.set_deck(deck)
        self.context.images.clear()  # the images may have changed on disk too
        self.theme = get_theme(deck.theme)
        self.audience.set_theme(self.theme)  # drops every prepared frame
        self.presenter.set_theme(self.theme)
        self.talk.replace_deck(deck)

    def export(self) -> None:
        """The export dialog, then the export with a progress bar; the result in the banner."""
        from presenter.ui.export_dialog import ExportDialog  # not needed at start-up

        dialog = ExportDialog(self.talk.deck, self.presenter, self.records.questions_html())
        if self.run_dialog(dialog):
            ok, message = dialog.run_export()
            self.presenter.show_message(message, "info" if ok else "error")

    def _screen_added(self, screen: QScreen) -> None:
        self._screens_changed(f"screen connected: {screen.name()}")

    def _screen_removed(self, screen: QScreen) -> None:
        self._screens_changed(f"screen disconnected: {screen.name()}")

    def _screens_changed(self, message: str) -> None:
        self.presenter.show_message(f"{message}; the windows have been moved. The slide and the timer "
                                           "are unchanged.", "info")
        QTimer.singleShot(0, self._place)

    def _place(self) -> None:
        message = screens.place(self.presenter_shell, self.audience_shell, self.audience_screen, self.swapped)
        log.info("%s", message)
        self.presenter.set_aspect(screens.audience_aspect(self.audience_shell))
        self.presenter_shell.raise_()
        self.presenter_shell.activateWindow()  # the keyboard stays with the speaker

    def _report_paint_errors(self) -> None:
        """A slide that could not be painted (the audience sees its background): say so, once."""
        errors = self.context.paint_errors
        new = {i: m for i, m in errors.items() if self._paint_errors_shown.get(i) != m}
        self._paint_errors_shown = dict(errors)
        if new:
            shown = self.talk.audience.index
            message = new.get(shown) or next(iter(new.values()))
            self.presenter.show_message(f"{message[:1].upper()}{message[1:]}. The audience sees only the background "
                                        "there; fix the deck and save to try again.", "error")

    def _keyboard_to_presenter(self) -> None:
        """The speaker's keys belong to the presenter window, whatever took the focus."""
        QTimer.singleShot(0, self.presenter_shell.activateWindow)

    def quit(self) -> None:
        """Close everything."""
        self.stop()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def chair_text(remaining: float | None, elapsed: float) -> str:
    """What the chair reads on the audience screen: the time left in the slot, or the time spoken."""
    if remaining is None:
        return f"Elapsed {format_clock(elapsed)}"
    return f"Time left {format_clock(remaining)}" if remaining >= 0 else f"Over by {format_clock(-remaining)}"


def quit_on_signals(presentation: PresenterApp) -> None:
    """SIGTERM and SIGINT (Ctrl+C in the terminal) close the talk cleanly: settings saved, nothing lost."""
    def stop(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, presentation.quit)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)
    waker = QTimer(presentation)  # lets Python run its signal handlers while Qt waits for events
    waker.timeout.connect(lambda: None)
    waker.start(200)


def countdown_from(args: argparse.Namespace, deck: Deck, now: dt.datetime) -> Countdown:
    """The count-down from ``--end``/``--duration``, else the front matter's ``end``/``duration``.

    Raises:
        PresenterError: a flag that is not a duration or a time of day.
        DeckError: a front-matter value that is not one (naming the deck's file and line).
    """
    for key in ("end", "duration"):  # the command line wins over the deck
        flag = getattr(args, key, None)
        if flag:
            try:
                return _countdown(key, str(flag), now)
            except ValueError as exc:
                raise PresenterError(f"--{key}: {exc}") from None
    for key in ("end", "duration"):
        value = deck.options.get(key)
        if value:
            try:
                return _countdown(key, str(value), now)
            except ValueError as exc:
                raise DeckError(f"front matter {key}: {exc}", deck.path, _front_matter_line(deck, key)) from None
    return Countdown()


def _countdown(key: str, text: str, now: dt.datetime) -> Countdown:
    return Countdown(end=parse_end_time(text, now)) if key == "end" else Countdown(duration=parse_duration(text))


def _front_matter_line(deck: Deck, key: str) -> int | None:
    """The line of ``key:`` in the deck's front matter, for the message."""
    try:
        lines = deck.path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith("---"):
            break
        if re.match(rf"^{key}\s*:", line):
            return number
    return None


def run(args: argparse.Namespace, shells: tuple[Shell, Shell] | None = None,
        first_frame: FirstFrame | None = None) -> int:
    """``presenter DECK``: load, fill both windows (``boot`` may have shown them already), run until quit."""
    existing = QApplication.instance()
    app = existing if existing is not None else QApplication(sys.argv[:1])
    try:
        deck = load_deck(args.deck)
        trace.mark("deck loaded")
        countdown = countdown_from(args, deck, dt.datetime.now())
        start = Navigator(deck).find(str(args.start_slide))
        if start is None:
            raise DeckError(f"there is no slide {args.start_slide!r} to start on", deck.path)
    except PresenterError:
        for shell in shells or ():
            shell.on_close = lambda: True
            shell.close()
        raise
    presentation = PresenterApp(deck, QSettings(), countdown, args.audience_screen, shells=shells, start=start,
                                first_frame=first_frame)
    presentation.audience.transitions = getattr(args, "transitions", "deck")
    presentation.start()
    if getattr(args, "companion", False):
        presentation.toggle_companion(args.companion_host)
    elif getattr(args, "companion_host", None):
        presentation.companion_host = args.companion_host  # for C later
    if getattr(args, "rehearse", False):
        presentation.records.start_rehearsal()
    quit_on_signals(presentation)
    code = app.exec()
    presentation.inhibitor.release()
    if first_frame is not None:
        first_frame.wait(2.0)  # a frame being written is finished, not cut off
    return int(code)
