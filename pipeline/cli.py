"""The command line: arguments in, library calls, messages to stderr, an exit code out.

Exit codes: 0 every input converted, 1 some input failed (or the output folder is busy or
invalid), 2 usage error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Convert competency handbooks (.docx, .pdf, .txt) into validated JSON, CSV and XML.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert handbook files or folders")
    convert.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: input/)")
    convert.add_argument("--output", "-o", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: output/)")
    convert.add_argument("--vocabulary", metavar="FILE", help="vocabulary JSON to use instead of picking one per document")
    convert.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="wait this long for another run on the same output folder")
    convert.add_argument("--quiet", "-q", action="store_true", help="print only failures and warnings")
    convert.add_argument("--debug", action="store_true", help="print a traceback for internal errors")

    validate = commands.add_parser("validate", help="re-check an output folder against the schemas")
    validate.add_argument("folder", nargs="?", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: output/)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "convert":
        return run_convert(args)
    return run_validate(args.folder)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def run_convert(args) -> int:
    from .batch import convert_one, duplicate_ids, find_inputs, rebuild_tables, write_exports, write_report
    from .errors import HandbookError
    from .lock import output_lock
    from .vocab import load

    paths = args.paths or [Path("input")]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            _say(f"{path}: no such file or folder")
        return EXIT_USAGE
    if args.vocabulary:
        try:
            load(args.vocabulary)
        except HandbookError as error:
            _say(str(error))
            return EXIT_USAGE
    inputs, skipped = find_inputs(paths)
    for path in skipped:
        if not args.quiet:
            _say(f"{path}: skipped (not a handbook file type)")
    if not inputs:
        _say(f"nothing to convert in {', '.join(str(p) for p in paths)}")
        return EXIT_USAGE

    try:
        with output_lock(args.output, args.wait):
            outcomes = []
            clashes = duplicate_ids(inputs)
            for path in inputs:
                if path in clashes:
                    from .batch import Outcome
                    from .convert import handbook_id

                    outcome = Outcome(path=path, id=handbook_id(path), status="failed", reason=clashes[path])
                else:
                    outcome = convert_one(path, args.vocabulary)
                if outcome.status == "converted":
                    write_exports(outcome, args.output)
                outcomes.append(outcome)
                _tell(outcome, args)
            rebuild_tables(args.output)
            write_report(outcomes, args.output)
    except HandbookError as error:  # the output folder is locked by another run
        _say(str(error))
        return EXIT_FAILED
    except OSError as error:
        _say(f"{args.output}: cannot write the output ({error.strerror or error})")
        return EXIT_FAILED

    failed = sum(1 for o in outcomes if o.status == "failed")
    _say(f"converted {len(outcomes) - failed}, failed {failed} (output in {args.output}/)")
    return EXIT_FAILED if failed else EXIT_OK


def _tell(outcome, args) -> None:
    if outcome.status == "failed":
        _say(f"{outcome.path}: {outcome.reason}")
        if args.debug and outcome.detail:
            _say(outcome.detail.rstrip())
        return
    for warning in outcome.warnings:
        _say(f"{outcome.path}: warning: {warning}")
    if not args.quiet:
        c = outcome.counts
        _say(
            f"{outcome.path}: converted ({c['competencies']} competencies, {c['indicators']} indicators, "
            f"{c['requirements']} requirements; vocabulary {outcome.vocabulary})"
        )


def run_validate(folder: Path) -> int:
    from .validate import validate_output_dir

    if not folder.is_dir():
        _say(f"{folder}: no such folder")
        return EXIT_USAGE
    problems = validate_output_dir(folder)
    for problem in problems:
        _say(problem)
    if problems:
        _say(f"{folder}: {len(problems)} problem(s)")
        return EXIT_FAILED
    _say(f"{folder}: all exports are valid")
    return EXIT_OK
