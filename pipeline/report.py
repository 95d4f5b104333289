"""What a run tells its user on stderr: plain lines (with a progress bar on a terminal) or JSON.

Text: one line per file (`input/x.docx: converted (…)` or `input/x.docx: <reason>`) and a
summary. JSON (`--log-format json`): one object per event — run_started, started, converted,
unchanged, failed, warning, note, notice, interrupted, summary — each with its `time` (ISO 8601,
UTC) and the `run` id, for schedulers and log collectors.
"""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path


def interrupted_line(converted: int, of: int) -> str:
    return f"interrupted: converted {converted} of {of}; run again to finish"


def make_reporter(log_format: str, *, quiet: bool, debug: bool, stream, explain: bool = False):
    if log_format == "json":
        return JsonReporter(stream, debug=debug)
    return TextReporter(stream, quiet=quiet, debug=debug, progress=stream.isatty() and not quiet, explain=explain)


class TextReporter:
    def __init__(self, stream, *, quiet: bool, debug: bool, progress: bool, explain: bool = False):
        self.stream, self.quiet, self.debug, self.progress = stream, quiet, debug, progress
        self.explain = explain
        self.total = self.done = self.failed = 0
        self.started = time.monotonic()
        self._bar_shown = False

    def _line(self, text: str) -> None:
        if self._bar_shown:
            self.stream.write("\r\033[K")  # clear the progress bar before a message
            self._bar_shown = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def usage(self, message: str) -> None:
        self._line(message)

    def skipped(self, path: Path) -> None:
        if not self.quiet:
            self._line(f"{path}: skipped (not a handbook file type)")

    def start(self, total: int, run_id: str = "") -> None:
        self.total = total
        self.started = time.monotonic()

    def notice(self, message: str) -> None:
        self._line(message)

    def interrupted(self, converted: int, of: int) -> None:
        self._line(interrupted_line(converted, of))

    def event(self, kind: str, outcome) -> None:
        if kind != "done":
            return
        self.done += 1
        if outcome.status == "failed":
            self.failed += 1
            self._line(outcome.message(self.debug))
            if self.debug and outcome.detail:
                self._line(outcome.detail.rstrip())
        else:
            for warning in outcome.warnings:
                self._line(f"{outcome.path}: warning: {warning}")
            if self.explain:
                for note in outcome.notes:
                    self._line(f"{outcome.path}: note: {note}")
            if not self.quiet:
                self._line(f"{outcome.path}: {describe(outcome)}")
        if self.progress:
            self._bar()

    def _bar(self) -> None:
        elapsed = time.monotonic() - self.started
        left = elapsed / self.done * (self.total - self.done) if self.done else 0
        filled = int(20 * self.done / max(self.total, 1))
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (20 - filled)}] {self.done}/{self.total} files, "
            f"{self.failed} failed, {left:.0f}s left"
        )
        self.stream.flush()
        self._bar_shown = True

    def finish(self, result, output: Path) -> None:
        for warning in result.library_warnings:
            self._line(f"warning: {warning}")
        if result.interrupted is not None:
            return  # interrupted() says what happened, in one line
        unchanged = result.count("unchanged")
        extra = f", unchanged {unchanged}" if unchanged else ""
        self._line(f"converted {result.count('converted')}, failed {result.count('failed')}{extra} "
                   f"(output in {Path(output) / 'current'}/)")


def describe(outcome) -> str:
    c = outcome.counts or {}
    counts = f"{c.get('competencies')} competencies, {c.get('indicators')} indicators, {c.get('requirements')} requirements"
    if outcome.status == "unchanged":
        return f"unchanged since the last run ({counts})"
    notes = len(outcome.notes)
    noted = f"; {notes} note{'s' if notes != 1 else ''} to check (--explain)" if notes else ""
    return f"converted ({counts}; vocabulary {outcome.vocabulary}{noted})"


class JsonReporter:
    def __init__(self, stream, *, debug: bool):
        self.stream, self.debug = stream, debug
        self.started = time.monotonic()
        self.run_id = ""

    def _emit(self, **event) -> None:
        stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        event = {"time": stamp, "run": self.run_id, **event}
        self.stream.write(json.dumps(event, ensure_ascii=False) + "\n")
        self.stream.flush()

    def usage(self, message: str) -> None:
        self._emit(event="error", message=message)

    def skipped(self, path: Path) -> None:
        self._emit(event="skipped", input=str(path), reason="not a handbook file type")

    def start(self, total: int, run_id: str = "") -> None:
        self.started = time.monotonic()
        self.run_id = run_id
        self._emit(event="run_started", inputs=total)

    def notice(self, message: str) -> None:
        self._emit(event="notice", message=message)

    def interrupted(self, converted: int, of: int) -> None:
        self._emit(event="interrupted", converted=converted, of=of, message=interrupted_line(converted, of))

    def event(self, kind: str, outcome) -> None:
        if kind == "started":
            self._emit(event="started", input=str(outcome.path), id=outcome.id)
            return
        if outcome.status == "failed":
            extra = {"traceback": outcome.detail} if self.debug and outcome.detail else {}
            if outcome.internal:
                extra["internal"] = True
            self._emit(event="failed", input=str(outcome.path), id=outcome.id, reason=outcome.reason,
                       message=outcome.message(self.debug), **extra)
            return
        for warning in outcome.warnings:
            self._emit(event="warning", input=str(outcome.path), id=outcome.id, message=warning)
        for note in outcome.notes:
            self._emit(event="note", input=str(outcome.path), id=outcome.id, **note.as_dict())
        self._emit(event=outcome.status, input=str(outcome.path), id=outcome.id, counts=outcome.counts,
                   milliseconds=outcome.milliseconds, vocabulary=outcome.vocabulary)

    def finish(self, result, output: Path) -> None:
        for warning in result.library_warnings:
            self._emit(event="warning", message=warning)
        self._emit(event="summary", converted=result.count("converted"), unchanged=result.count("unchanged"),
                   failed=result.count("failed"), output=str(output),
                   milliseconds=round((time.monotonic() - self.started) * 1000))
