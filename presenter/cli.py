"""Command line: ``presenter DECK``, ``presenter check``, ``presenter show``, ``presenter export``."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from presenter.deck.errors import PresenterError

TRANSITION_MODES = ("deck", "fade", "none")  # --transitions (presenter.deck.transitions.transition_for)

if TYPE_CHECKING:
    from presenter.deck.model import Deck
    from presenter.talk.questions import Question
    from presenter.talk.storage import Store

log = logging.getLogger(__name__)


def load_deck(path: Path) -> Deck:
    """The deck (the loader is imported here, not at start: ``presenter DECK`` shows its windows first)."""
    from presenter.deck.loader import load_deck as load

    return load(path)


def plural(count: int, word: str) -> str:
    from presenter.talk.dates import plural as _plural

    return _plural(count, word)

COMMANDS = ("check", "show", "export", "present", "rehearse", "report", "questions")
QUESTION_FORMATS = ("md", "csv", "pdf", "docx")
EXIT_OK, EXIT_WARNINGS, EXIT_FAILED = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presenter",
        description="Present reveal-md markdown decks: an audience window and a presenter window.",
        epilog="Run 'presenter DECK' to present, or 'presenter COMMAND --help' for a command.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="list the slides and report problems in a deck")
    check.add_argument("deck", type=Path)
    check.add_argument("--json", action="store_true", help="machine-readable output")
    show = sub.add_parser("show", help="paint one slide to a PNG file")
    show.add_argument("deck", type=Path)
    show.add_argument("--slide", default="1", help="slide number: 3, or 3.2 inside a stack (default 1)")
    show.add_argument("--step", type=int, default=-1, help="fragment step (default: all fragments shown)")
    show.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT in pixels (default 1920x1080)")
    show.add_argument("-o", "--output", type=Path, required=True, help="the PNG file to write")
    _export_arguments(sub.add_parser("export", help="write notes pages, handouts or a speaker script as PDF"))
    report = sub.add_parser("report", help="rehearsal report: time per slide against the plan")
    report.add_argument("deck", type=Path)
    report.add_argument("--run", type=int, default=None, help="run number (default: the latest)")
    report.add_argument("--pdf", type=Path, help="also save the report as PDF")
    report.add_argument("--png", type=Path, help="also save the report as PNG")
    report.add_argument("--write-timings", action="store_true",
                        help="put the measured seconds into the deck as data-timing (a .bak copy is kept)")
    report.add_argument("--average", action="store_true", help="with --write-timings: the average of all runs")
    report.add_argument("--db", type=Path, help="read this database (e.g. a recovered one) instead of the deck's")
    questions = sub.add_parser("questions", help="export the questions asked in the Q&A (the minutes pack)")
    questions.add_argument("deck", type=Path)
    questions.add_argument("--format", choices=QUESTION_FORMATS, default="md",
                           help="md (default), csv (every field), pdf, or docx (a Word action table for the minutes)")
    questions.add_argument("-o", "--output", type=Path, help="file to write (default: print md/csv)")
    questions.add_argument("--db", type=Path, help="read this database (e.g. a recovered one) instead of the deck's")
    talk = argparse.ArgumentParser(add_help=False)  # the options shared by present and rehearse
    talk.add_argument("deck", type=Path)
    talk.add_argument("--audience-screen", type=int, default=None, help="screen number for the audience")
    talk.add_argument("--start-slide", default="1", help="slide to start on: 3 or 3.2")
    talk.add_argument("--duration", default=None, help="talk length, e.g. 20m, 1h10m, 90s")
    talk.add_argument("--end", default=None, help="time the talk must end, e.g. 19:45")
    talk.add_argument("--companion", action="store_true",
                      help="phone clicker and clerk page on the local network (QR code in the presenter window)")
    talk.add_argument("--companion-host", default=None, metavar="ADDR",
                      help="the companion's address, for --companion or C (default: the laptop's LAN address; "
                      "0.0.0.0 only if asked)")
    talk.add_argument("--transitions", choices=TRANSITION_MODES, default="deck",
                      help="slide transitions on the projector: the deck's own (default, as reveal.js draws "
                      "them), a short fade, or none (the least work for a laptop on battery)")
    sub.add_parser("present", parents=[talk], help="present a deck (the default command)")
    sub.add_parser("rehearse", parents=[talk], help="present and record a rehearsal run (time on every slide)")
    return parser


def _export_arguments(export: argparse.ArgumentParser) -> None:
    from presenter.render.choices import DEFAULT_LAYOUT, DEFAULT_PRINT_STYLE, LAYOUTS, PRINT_STYLES, describe

    export.add_argument("deck", type=Path)
    export.add_argument("-o", "--output", type=Path, required=True, help="the PDF file to write")
    export.add_argument("--layout", default=DEFAULT_LAYOUT, choices=list(LAYOUTS), metavar="LAYOUT",
                        help=describe(LAYOUTS, DEFAULT_LAYOUT))
    export.add_argument("--print-style", default=DEFAULT_PRINT_STYLE, choices=list(PRINT_STYLES), metavar="STYLE",
                        help=describe(PRINT_STYLES, DEFAULT_PRINT_STYLE))
    export.add_argument("--page", default="A4", help="A4 (default) or Letter")
    export.add_argument("--landscape", action="store_true", help="landscape pages")
    export.add_argument("--slides", default="", help="a range such as 3-7 or 2.2-4 (default: all)")
    export.add_argument("--skip-without-notes", action="store_true", help="leave out slides that have no notes")
    export.add_argument("--with-questions", action="store_true", help="append the questions log")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and not args_list[0].startswith("-") and args_list[0] not in COMMANDS:
        args_list.insert(0, "present")
    parser = _parser()
    args = parser.parse_args(args_list)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        parser.print_help()
        return EXIT_FAILED
    try:
        return int(_COMMANDS[args.command](args))
    except PresenterError as exc:
        print(f"presenter: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


def _check(args: argparse.Namespace) -> int:
    from presenter.deck.check import check_deck, format_text

    report = check_deck(load_deck(args.deck))
    if args.json:
        import json

        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(format_text(report))
    return report.exit_code


def _show(args: argparse.Namespace) -> int:
    from presenter.render.snapshot import save_slide_png

    deck = load_deck(args.deck)
    save_slide_png(deck, args.slide, args.size, args.output, args.step)
    print(f"wrote {args.output}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from presenter.render.handout import ExportOptions, export_pdf
    from presenter.render.qtapp import ensure_gui_app

    deck = load_deck(args.deck)
    ensure_gui_app()
    extra = _questions_html(deck) if args.with_questions else ""
    options = ExportOptions(layout=args.layout, page=args.page, landscape=args.landscape, slides=args.slides,
                            include_without_notes=not args.skip_without_notes, extra_html=extra,
                            print_style=args.print_style)
    show = sys.stderr.isatty() or len(deck.slides) > 40

    def progress(done: int, total: int) -> bool:
        if show:
            print(f"\rpage {done} of {total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        return True

    pages = export_pdf(deck, args.output, options, progress)
    print(f"wrote {args.output} ({pages} pages, layout {args.layout}, print style {args.print_style})")
    return EXIT_OK


def _present(args: argparse.Namespace) -> int:
    from presenter.ui.boot import start_talk

    args.rehearse = args.command == "rehearse"
    return start_talk(args)


def _read_store(deck: Deck, db: Path | None = None) -> Store | None:
    """The deck's database if it exists (read-only commands never create one)."""
    from presenter.talk.storage import open_existing

    return open_existing(deck.path, db)


def _questions_html(deck: Deck) -> str:
    from presenter.talk.questions import QuestionLog, to_html

    store = _read_store(deck)
    items = QuestionLog(store).all() if store is not None else []
    if store is not None:
        store.close()
    return to_html(items, deck.title)


def _no_database(deck: Deck, what: str) -> int:
    print(f"presenter: no {what} recorded for {deck.path} yet (it has no database; nothing was written)",
          file=sys.stderr)
    return EXIT_WARNINGS


def _questions(args: argparse.Namespace) -> int:
    from presenter.talk.questions import QuestionLog

    deck = load_deck(args.deck)
    if args.format in ("pdf", "docx") and args.output is None:
        print(f"presenter: error: --format {args.format} needs -o FILE", file=sys.stderr)
        return EXIT_FAILED
    store = _read_store(deck, args.db)
    if store is None:
        return _no_database(deck, "questions")
    try:
        items = QuestionLog(store).all()
    finally:
        store.close()
    if args.format in ("pdf", "docx"):
        _write_minutes(deck, items, args.format, args.output)
    else:
        _print_or_write(_minutes_text(deck, items, args.format), args.output, args.format)
    if args.output is not None:
        print(f"wrote {args.output} ({plural(len(items), 'question')})")
    return EXIT_OK


def _minutes_text(deck: Deck, items: list[Question], fmt: str) -> str:
    from presenter.talk.questions import to_csv, to_markdown

    return to_csv(items) if fmt == "csv" else to_markdown(items, deck.title)


def _print_or_write(text: str, output: Path | None, fmt: str) -> None:
    from presenter.talk.files import write_text

    if output is None:
        sys.stdout.write(text)
    else:
        write_text(output, text, newline="" if fmt == "csv" else None)


def _write_minutes(deck: Deck, items: list[Question], fmt: str, output: Path) -> None:
    if fmt == "docx":
        from presenter.render.pdfmeta import deck_metadata
        from presenter.talk.docx_minutes import write_docx

        meta = deck_metadata(deck, deck.title)
        write_docx(items, deck.title, output, author=meta.author, language=meta.language)
        return
    from presenter.render.handout import ExportOptions, export_pdf
    from presenter.render.qtapp import ensure_gui_app
    from presenter.talk.questions import to_html

    ensure_gui_app()
    export_pdf(deck, output, ExportOptions(layout="extra", extra_html=to_html(items, deck.title)))


def _report(args: argparse.Namespace) -> int:
    from presenter.deck.pacing import budgets
    from presenter.talk.rehearsal import build_report, format_report, write_timings

    deck = load_deck(args.deck)
    store = _read_store(deck, args.db)
    if store is None:
        return _no_database(deck, "rehearsal")
    report = build_report(store, deck, budgets(deck), args.run)
    if report is None:
        print(f"presenter: no rehearsal recorded for {deck.path} yet (run 'presenter rehearse {args.deck}')",
              file=sys.stderr)
        return EXIT_WARNINGS
    print(format_report(report))
    if args.pdf or args.png:
        from presenter.render.qtapp import ensure_gui_app
        from presenter.render.report import save_report_pdf, save_report_png

        ensure_gui_app()
        for path, save in ((args.pdf, save_report_pdf), (args.png, save_report_png)):
            if path:
                save(report, path)
                print(f"wrote {path}")
    if args.write_timings:
        times = report.times
        if args.average:
            from presenter.talk.rehearsal import runs, slide_times

            times = tuple(slide_times(store, deck, budgets(deck), [r.id for r in runs(store)]))
        seconds = {t.index: round(t.seconds) for t in times if t.seconds >= 1}
        backup = write_timings(deck.path, deck, seconds)
        print(f"wrote data-timing for {len(seconds)} slides into {deck.path} (original kept as {backup})")
    return EXIT_OK


_COMMANDS = {"check": _check, "show": _show, "export": _export, "present": _present, "rehearse": _present,
             "report": _report, "questions": _questions}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
