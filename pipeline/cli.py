"""The command line: arguments in, library calls, messages to stderr, an exit code out."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CANNOT_WRITE = 0, 1, 2, 3
EXIT_CODES = """exit codes:
  0    every input converted or unchanged (validate: every export valid)
  1    some input failed (validate: problems found)
  2    usage error: bad option, missing input, nothing to convert
  3    the output could not be written: locked by another run, permission denied, disk full
  130  interrupted by Ctrl-C (SIGINT); 143 stopped by SIGTERM. Finished exports are kept:
       run again to finish."""


def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def program_name() -> str:
    """The name the user called us by: `handbook-pipeline` or `python -m pipeline`."""
    called = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if called in ("", "__main__.py", "-c"):
        return "python -m pipeline"
    return called.removesuffix(".exe").removesuffix("-script.py")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description="Convert competency handbooks (.docx, .pdf, .txt) into validated JSON, CSV and XML.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert handbook files or folders", epilog=EXIT_CODES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    convert.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: input/)")
    convert.add_argument("--output", "-o", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: output/)")
    convert.add_argument("--vocabulary", metavar="FILE", help="vocabulary JSON to use instead of picking one per document")
    convert.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N", help="worker processes (default: number of CPUs)")
    convert.add_argument("--force", action="store_true", help="convert every input, also those unchanged since the last run")
    convert.add_argument("--wait", type=_seconds, default=0.0, metavar="SECONDS", help="wait this long for another run on the same output folder")
    convert.add_argument("--log-format", choices=("text", "json"), default="text", help="json: one JSON object per event on stderr")
    convert.add_argument("--quiet", "-q", action="store_true", help="print only failures, warnings and the summary")
    convert.add_argument("--explain", action="store_true",
                         help="print each judgement a reader made on weak evidence, with its rule and place")
    convert.add_argument("--debug", action="store_true", help="print a traceback for internal errors")

    convert.add_argument("--case-base-uri", default=None, metavar="URI",
                         help="base of the uris in the CASE packages (default: urn:uuid:)")

    diff = commands.add_parser("diff", help="list what changed between two editions of a handbook",
                               epilog="exit codes: 0 the same, 1 different, 2 an input cannot be read",
                               formatter_class=argparse.RawDescriptionHelpFormatter)
    diff.add_argument("old", type=Path, metavar="OLD", help="handbook file or json/<id>.json export")
    diff.add_argument("new", type=Path, metavar="NEW", help="handbook file or json/<id>.json export")
    diff.add_argument("--format", choices=("text", "json"), default="text",
                      help="text for people (default), json for machines")

    validate = commands.add_parser("validate", help="re-check an output folder: schemas, manifest, tables",
                                   epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    validate.add_argument("folder", nargs="?", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: output/)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "convert":
        return run_convert(args)
    if args.command == "diff":
        return run_diff(args)
    return run_validate(args.folder)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_convert(args) -> int:
    from .batch import default_jobs, find_inputs, run
    from .errors import HandbookError
    from .report import make_reporter
    from .vocab import load

    reporter = make_reporter(args.log_format, quiet=args.quiet, debug=args.debug, stream=sys.stderr,
                             explain=args.explain)
    paths = args.paths or [Path("input")]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            reporter.usage(f"{path}: no such file or folder")
        return EXIT_USAGE
    if args.vocabulary:
        try:
            load(args.vocabulary)
        except HandbookError as error:
            reporter.usage(str(error))
            return EXIT_USAGE
    inputs, skipped = find_inputs(paths)
    for path in skipped:
        reporter.skipped(path)
    if not inputs:
        reporter.usage(f"nothing to convert in {', '.join(str(p) for p in paths)}")
        return EXIT_USAGE

    if args.case_base_uri is not None:
        from .export.case import normal_base_uri
        try:
            normal_base_uri(args.case_base_uri)
        except ValueError as error:
            reporter.usage(str(error))
            return EXIT_USAGE

    from .batch import new_run_id
    from .lock import Busy
    from .workers import Interrupted

    run_id = new_run_id()
    reporter.start(len(inputs), run_id)
    try:
        result = run(
            inputs,
            args.output,
            jobs=args.jobs or default_jobs(),
            force=args.force,
            vocabulary=args.vocabulary,
            wait_seconds=args.wait,
            run_id=run_id,
            on_event=reporter.event,
            on_notice=reporter.notice,
            case_base_uri=args.case_base_uri,
        )
    except Busy as error:
        reporter.usage(str(error))
        return EXIT_CANNOT_WRITE
    except Interrupted as stop:  # before anything was converted (waiting for the lock, say)
        reporter.interrupted(0, len(inputs))
        return stop.exit_code
    except OSError as error:
        where = error.filename or args.output
        reporter.usage(f"{where}: cannot write the output ({error.strerror or error}); "
                       "the previous exports are unchanged")
        return EXIT_CANNOT_WRITE
    except Exception as error:  # a bug in the run-wide stage: nothing was published
        import traceback

        hint = "\n" + traceback.format_exc().rstrip() if args.debug else " (run with --debug for the traceback)"
        reporter.usage(f"internal error in the run writing {args.output}: {type(error).__name__}: {error}; "
                       f"the previous exports are unchanged{hint}")
        return EXIT_CANNOT_WRITE
    reporter.finish(result, args.output)
    if result.interrupted is not None:
        reporter.interrupted(result.count("converted"), result.total - result.count("unchanged"))
        return result.interrupted.exit_code
    return EXIT_FAILED if result.count("failed") else EXIT_OK


def run_validate(folder: Path) -> int:
    from .validate_output import validate_output_dir

    if not folder.is_dir():
        _say(f"{folder}: no such folder")
        return EXIT_USAGE
    problems = validate_output_dir(folder)
    for problem in problems:
        _say(problem if problem.startswith(str(folder)) else f"{folder}/{problem}")
    if problems:
        _say(f"{folder}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        return EXIT_FAILED
    _say(f"{folder}: all exports are valid")
    return EXIT_OK


def run_diff(args) -> int:
    """Exit 0 when OLD and NEW hold the same data, 1 when they differ, 2 when one cannot be read."""
    from .diff import DiffInputError, diff, load, render_json, render_text

    try:
        old, new = load(args.old), load(args.new)
    except DiffInputError as error:
        _say(str(error))
        return EXIT_USAGE
    changes = diff(old, new)
    render = render_json if args.format == "json" else render_text
    sys.stdout.write(render(str(args.old), str(args.new), changes))
    return EXIT_FAILED if changes else EXIT_OK
