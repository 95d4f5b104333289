"""Hold-out across writers: fresh handbooks, printed by many programs, read back and judged.

The round-trip corpus was made by one generator and one writer (LibreOffice), and the layout rules
were tuned on it. This harness measures on what nobody tuned for: `--count` new handbooks (seeded
by `--salt`; use one the rules were never fixed on) with texts from a real word list, in random
layouts of tests/render_docx.py, each printed by every writer of tests/holdout_writers.py (Word's
.docx itself, LibreOffice's PDF in several settings, LibreOffice's HTML and XHTML printed by
Chromium, wkhtmltopdf and WeasyPrint). Every file is converted and judged against the model the
generator meant:

- exact: the same data;
- refused: the pipeline said no, with a message (acceptable, not good);
- wrong: converted to different data (the worst; "silent" when it came with no note at all, "not
  pointed at" when no note names a page its wrong text stands on);
- crashed: an exception that is not a HandbookError (a bug);
- unrendered: the writer's program made no file (not the pipeline's fault).

It prints each case that is not exact, a table per writer and the program versions, and writes a
JSON summary. `--reference DIR` also judges every form of a reference handbook in DIR against its
.docx. Work runs in `--jobs` processes; a writer whose program is missing is skipped with the
reason. Files go to a temporary folder (or `--keep DIR`); nothing is added to the repository.
Run: `make holdout` or `python -m tests.holdout --count 40 --salt w --writers chromium,word`.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path

from pipeline import HandbookError, convert
from pipeline.model import Handbook

from .generate_fixtures import expected
from .handbook_factory import real_words, make_handbook
from .holdout_writers import WRITERS, WriterFailed, export_sources, versions
from .render_docx import Layout, all_layouts, render
from .test_roundtrip_pdf import data, differences

EXACT, REFUSED, WRONG, CRASHED, UNRENDERED = "exact", "refused", "wrong", "crashed", "unrendered"
KINDS = (EXACT, REFUSED, WRONG, CRASHED, UNRENDERED)
MAX_COMPETENCIES = 4  # per handbook: enough for tables across pages, few enough to stay quick
CHUNK = 10  # documents per task: one LibreOffice start-up serves this many
MADE_RECORD = "made.json"  # in each --keep folder: the files a writer made, for --reuse
KEPT_DIFFERENCES = 8  # differences kept per wrong case in the summary
EXACT_TARGET = 0.99  # issue 12: every writer at >= 99 % exact with no wrong conversion
DEFAULT_JSON = Path("output") / "holdout"


@dataclass(frozen=True)
class Outcome:
    kind: str
    detail: str = ""  # the refusal message, the first difference, the exception or the writer's failure
    differences: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # the notes the conversion gave (rule: message @ place)
    # of a wrong PDF: does a note name a page its wrong text stands on? (None: not worked out)
    pointed: bool | None = None

    @property
    def silent(self) -> bool:
        """Wrong data that came with no note at all: what a user cannot catch."""
        return self.kind == WRONG and not self.notes

    @property
    def unpointed(self) -> bool:
        """Wrong data that no note points at: notes elsewhere in the file do not lead a user to it."""
        return self.kind == WRONG and not (self.notes if self.pointed is None else self.pointed)


def classify(want: dict, got: dict | BaseException, notes=()) -> Outcome:
    """Judge one conversion: `got` is its data (to_dict without source and id) or what it raised."""
    notes = tuple(str(n) for n in notes)
    if isinstance(got, WriterFailed):
        return Outcome(UNRENDERED, str(got))
    if isinstance(got, HandbookError):
        return Outcome(REFUSED, str(got), notes=notes)
    if isinstance(got, BaseException):
        return Outcome(CRASHED, f"{type(got).__name__}: {got}", notes=notes)
    found = differences(want, got)
    if not found:
        return Outcome(EXACT, notes=notes)
    return Outcome(WRONG, found[0], tuple(found[:KEPT_DIFFERENCES]), notes)


def judge(path: Path, want: dict) -> Outcome:
    """Convert `path` and classify the result against `want`."""
    try:
        conversion = convert(path)
    except Exception as error:  # noqa: BLE001 - a crash is a finding, not a reason to stop the sweep
        return classify(want, error)
    got = data(conversion.handbook)
    outcome = classify(want, got, [note_line(n) for n in conversion.notes])
    return pointed_at(outcome, path, want, got, conversion.notes, conversion.warnings)


def pointed_at(outcome: Outcome, path: Path, want: dict, got: dict, notes, warnings=()) -> Outcome:
    """A wrong PDF's outcome, told whether a note points at its wrong text: a note on a page
    that text stands on which quotes one of the words that differ, or which quotes nothing (it
    names only a place: "a row joined across a page break") and stands within NEAR of such a
    word. A note quoting other words is about another place. Warnings that name every field
    that differs ("the handbook has no requirements") point at it too."""
    if outcome.kind != WRONG or path.suffix.lower() != ".pdf":
        return outcome
    fields = {re.split(r"[.\[:]", d, maxsplit=1)[0] for d in outcome.differences}
    if fields and all(any(field in warning for warning in warnings) for field in fields):
        return replace(outcome, pointed=True)
    pairs = differing_texts(want, got)
    changed = set().union(*(_changed_words(w, g) for w, g in pairs)) if pairs else set()
    places = places_showing(path, [t for pair in pairs for t in pair], changed)

    def points(note) -> bool:
        if note.origin.page not in places:
            return False
        if _QUOTES & set(note.message):
            return bool(changed & _word_keys(note.message))
        tops = places[note.origin.page]
        return note.origin.top is None or any(abs(note.origin.top - t) <= NEAR for t in tops)

    return replace(outcome, pointed=any(points(n) for n in notes))


NEAR = 36.0  # points: a note naming only a place points at a wrong word within three lines of it
_QUOTES = set("'\"‘’“”")


def _changed_words(want: str, got: str) -> set[str]:
    """The words one side has and the other has not, the longer ones (short ones like "a" and
    "of" stand in any note's wording)."""
    changed = _word_keys(want) ^ _word_keys(got)
    long = {w for w in changed if len(w) >= 4}
    return long or set(sorted(changed, key=len)[-1:])


def differing_texts(want, got) -> list[tuple[str, str]]:
    """(wanted, got) texts where two to_dict trees differ; of a list whose length differs (an
    item split or merged), its first differing items from the front and from the back."""
    if isinstance(want, dict) and isinstance(got, dict):
        return [t for k in {**want, **got} for t in differing_texts(want.get(k), got.get(k))]
    if isinstance(want, list) and isinstance(got, list):
        if len(want) == len(got):
            return [t for w, g in zip(want, got) for t in differing_texts(w, g)]
        # an item split or merged: the first pair that differs, from the front and from the back
        front = next(((w, g) for w, g in zip(want, got) if w != g), None)
        back = next(((w, g) for w, g in zip(reversed(want), reversed(got)) if w != g), None)
        found = [t for pair in (front, back) if pair for t in differing_texts(*pair)]
        return found or [(" ".join(_texts(want)), " ".join(_texts(got)))]
    if want == got:
        return []
    return [(" ".join(_texts(want)), " ".join(_texts(got)))]


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _word_keys(text: str) -> set[str]:
    return {w.strip(".,;:!?()[]'\"“”‘’/").casefold() for w in text.split()} - {""}


def places_showing(path: Path, texts: list[str], changed: set[str]) -> dict[int, list[float]]:
    """The pages (from 1) the texts stand on most (where the most of a text's words stand, a word
    counting the less the more pages show it), and those a `changed` word stands on, each with
    the tops of the changed words on it."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        words = [page.extract_words() for page in pdf.pages]
    pages = [{k for w in page for k in _word_keys(w["text"])} for page in words]
    # every page a changed word stands on (an item a page break cut shows its words on two)
    found = {i + 1: tops for i, page in enumerate(words)
             if (tops := [w["top"] for w in page if _word_keys(w["text"]) & changed])}
    for text in texts:
        keys = _word_keys(text)
        weight = {w: 1 / n for w in keys if (n := sum(w in page for page in pages))}
        scores = [sum(weight.get(w, 0) for w in keys & page) for page in pages]
        for i, score in enumerate(scores):
            if score and score == max(scores) and i + 1 not in found:
                # no changed word stands here (a word cut over lines shows only its pieces):
                # where the text's other long words stand
                found[i + 1] = [w["top"] for w in words[i] if {k for k in _word_keys(w["text"]) if len(k) >= 4} & keys]
    return found


def note_line(note) -> str:
    """One note as the summary keeps it: `rule: message @ page 2, top 301.5`."""
    place = ", ".join(f"{key} {value}" for key, value in note.origin.as_dict().items())
    return f"{note.rule}: {note.message} @ {place or 'the document'}"


# --- the cases ------------------------------------------------------------------------------------


def case(salt: str, number: int, layouts: list[Layout]) -> tuple[Layout, Handbook]:
    """Hold-out document `number` of run `salt`: a random layout and a handbook of real words.

    Seeded apart from tests/generate_fixtures.holdout_case, so no salt here repeats a committed case.
    """
    rng = random.Random(f"holdout-writers/{salt}/{number}")
    layout = rng.choice(layouts)
    competencies = rng.randint(1, MAX_COMPETENCIES)
    clusters = rng.randint(1, competencies) if layout.cluster == "header" else None
    return layout, make_handbook(rng, competencies=competencies, clusters=clusters, lexicon=real_words())


@dataclass
class Case:
    number: int
    layout: Layout
    docx: Path
    want: dict


def stated(want: dict, layout: Layout, keeps_page_headers: bool) -> dict:
    """What a printed file can still say: LibreOffice's HTML exports drop the page header, so a
    layout that names its clusters only there leaves a document without clusters."""
    if keeps_page_headers or layout.cluster != "header":
        return want
    return {**want, "clusters": [], "competencies": [{**c, "cluster": None} for c in want["competencies"]]}


def make_cases(salt: str, numbers: list[int], folder: Path) -> list[Case]:
    layouts = all_layouts()
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for number in numbers:
        layout, handbook = case(salt, number, layouts)
        path = render(handbook, layout, folder / f"{salt}-{number}.docx")
        want = json.loads(json.dumps(expected(handbook), ensure_ascii=False))
        want.pop("schema_version", None)  # compared apart from it, as data() leaves it out
        cases.append(Case(number, layout, path, want))
    return cases


# --- the work (each function here runs in a worker process) ----------------------------------------


def made_before(folder: Path, make, sources: list[Path], reuse: bool = True) -> list[Path]:
    """`make(sources, folder)`, or (`reuse`) the files it made from these very sources in `folder`
    on an earlier run: judging the same printed files again after a rule changed costs no
    printing. Every run records what it made, so a first run without `--reuse` can be re-judged
    later. The record maps each source to its file and only grows, so a run of some cases
    (`--only`) neither reuses another case's file nor forgets the others'."""
    record = folder / MADE_RECORD
    made = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    keys = [str(Path(source).resolve()) for source in sources]
    if reuse and isinstance(made, dict) and all(k in made and Path(made[k]).exists() for k in keys):
        return [Path(made[k]) for k in keys]
    files = make(sources, folder)
    folder.mkdir(parents=True, exist_ok=True)
    made = made if isinstance(made, dict) else {}
    made.update({k: str(Path(f).resolve()) for k, f in zip(keys, files)})
    record.write_text(json.dumps(made, indent=0, sort_keys=True), encoding="utf-8")
    return files


def print_and_judge(writer: str, items: list[tuple[int, Path, dict]], folder: Path,
                    reuse: bool = False) -> list[tuple[int, Outcome]]:
    """Print `items` (number, source file, wanted data) with `writer` and judge each file it made."""
    sources = [source for _, source, _ in items]
    try:
        files = made_before(folder, WRITERS[writer].make, sources, reuse)
    except Exception as error:  # noqa: BLE001 - a program that fails or hangs leaves its files unrendered
        failed = error if isinstance(error, WriterFailed) else WriterFailed(f"{type(error).__name__}: {error}")
        return [(number, classify({}, failed)) for number, _, _ in items]
    out = []
    for (number, _, want), path in zip(items, files):
        if not path.exists():
            out.append((number, classify(want, WriterFailed(f"{writer} made no {path.name}"))))
        else:
            out.append((number, judge(path, want)))
    return out


def judge_reference(path: Path, master: Path) -> Outcome:
    want = data(convert(master).handbook)
    return judge(path, want)


# --- the run ---------------------------------------------------------------------------------------


@dataclass
class Run:
    salt: str
    numbers: list[int]
    writers: list[str]
    skipped: dict[str, str] = field(default_factory=dict)  # writer -> reason
    results: dict[str, dict[int, Outcome]] = field(default_factory=dict)
    layouts: dict[int, str] = field(default_factory=dict)
    reference: dict[str, Outcome] = field(default_factory=dict)


def chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def sweep(run: Run, folder: Path, jobs: int, reuse: bool = False) -> None:
    cases = make_cases(run.salt, run.numbers, folder / "docx")
    run.layouts = {c.number: c.layout.name for c in cases}
    chosen = [WRITERS[name] for name in run.writers if name not in run.skipped]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: dict[Future, tuple] = {}

        def submit(writer, sources: list[Path]) -> None:
            items = [(c.number, s, stated(c.want, c.layout, writer.keeps_page_headers)) for c, s in zip(cases, sources)]
            for index, part in enumerate(chunks(items, CHUNK)):
                future = pool.submit(print_and_judge, writer.name, part, folder / writer.name / str(index), reuse)
                pending[future] = ("writer", writer.name, part)

        for source in sorted({w.source for w in chosen} - {"docx"}):
            future = pool.submit(made_before, folder / source, _exporter(source), [c.docx for c in cases], reuse)
            pending[future] = ("export", source, None)
        for writer in chosen:
            if writer.source == "docx":
                submit(writer, [c.docx for c in cases])
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                kind, name, part = pending.pop(future)
                if kind == "export":
                    _exported(run, future, name, chosen, cases, submit)
                    continue
                for number, outcome in _outcomes(future, part):
                    run.results.setdefault(name, {})[number] = outcome
                    _show(name, number, run.layouts[number], outcome)


def _exporter(source: str):
    return partial(_export, source=source)


def _export(docs: list[Path], folder: Path, source: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return export_sources(docs, folder, source)


def _exported(run: Run, future: Future, source: str, chosen, cases: list[Case], submit) -> None:
    """Start the writers that print this source, or mark them unrendered when the export failed."""
    try:
        files = future.result()
    except Exception as error:  # noqa: BLE001 - LibreOffice failing is a finding for every writer of it
        failed = classify({}, WriterFailed(f"LibreOffice's {source} export failed: {error}"))
        for writer in chosen:
            if writer.source == source:
                run.results[writer.name] = {c.number: failed for c in cases}
        return
    for writer in chosen:
        if writer.source == source:
            submit(writer, files)


def _outcomes(future: Future, part) -> list[tuple[int, Outcome]]:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a worker that died takes its chunk with it, said so
        return [(number, Outcome(CRASHED, f"worker: {type(error).__name__}: {error}")) for number, _, _ in part]


def _show(writer: str, number: int, layout: str, outcome: Outcome) -> None:
    if outcome.kind == EXACT:
        return
    silent = " (silent)" if outcome.silent else " (no note points at it)" if outcome.unpointed else ""
    print(f"{writer} #{number} [{layout}]: {outcome.kind.upper()}{silent}: {outcome.detail}", flush=True)


def judge_references(run: Run, folder: Path, jobs: int) -> None:
    """Every form of the reference handbook in `folder` against its one .docx."""
    masters = sorted(folder.glob("*.docx"))
    if len(masters) != 1:
        raise SystemExit(f"{folder}: expected one .docx to compare the other forms with, found {len(masters)}")
    forms = sorted(p for p in folder.iterdir() if p.suffix in {".docx", ".pdf", ".txt"} and p != masters[0])
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        outcomes = pool.map(judge_reference, forms, [masters[0]] * len(forms))
        run.reference = {form.name: outcome for form, outcome in zip(forms, outcomes)}


# --- the report ------------------------------------------------------------------------------------


def tally(outcomes: dict[int, Outcome]) -> dict[str, int]:
    counts = Counter(o.kind for o in outcomes.values())
    row = {kind: counts.get(kind, 0) for kind in KINDS}
    row["silent"] = sum(o.silent for o in outcomes.values())
    row["unpointed"] = sum(o.unpointed for o in outcomes.values())
    return row


def table(run: Run) -> str:
    """The per-writer table, in the README's Markdown."""
    lines = ["| writer | exact | refused | wrong (silent / unpointed) | crashed | unrendered |",
             "| --- | --- | --- | --- | --- | --- |"]
    for name in run.writers:
        if name in run.skipped:
            lines.append(f"| {name} | skipped: {run.skipped[name]} | | | | |")
            continue
        row = tally(run.results.get(name, {}))
        total = sum(row[k] for k in KINDS)
        lines.append(f"| {name} | {row[EXACT]}/{total} | {row[REFUSED]} | {row[WRONG]} ({row['silent']} / {row['unpointed']}) "
                     f"| {row[CRASHED]} | {row[UNRENDERED]} |")
    return "\n".join(lines)


def meets_target(row: dict[str, int]) -> bool:
    total = sum(row[k] for k in KINDS)
    return total > 0 and row[WRONG] == 0 and row[EXACT] >= EXACT_TARGET * total


def verdict(run: Run) -> str:
    """Which writers meet the target of issue 12 and which miss it."""
    rows = {name: tally(outcomes) for name, outcomes in run.results.items()}
    met = [name for name in run.writers if name in rows and meets_target(rows[name])]
    missed = [name for name in run.writers if name in rows and not meets_target(rows[name])]
    return (f"target (>= {EXACT_TARGET:.0%} exact, 0 wrong): met by {', '.join(met) or 'none'}; "
            f"missed by {', '.join(missed) or 'none'}")


def summary(run: Run, found_versions: dict[str, str], command: str, seconds: float) -> dict:
    return {
        "salt": run.salt,
        "numbers": run.numbers,
        "command": command,
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "seconds": round(seconds, 1),
        "versions": found_versions,
        "skipped": run.skipped,
        "writers": {name: tally(run.results.get(name, {})) for name in run.writers if name not in run.skipped},
        "cases": [
            {"writer": name, "number": number, "layout": run.layouts.get(number), **asdict(outcome)}
            for name in run.writers
            for number, outcome in sorted(run.results.get(name, {}).items())
            if outcome.kind != EXACT
        ],
        "reference": {name: asdict(outcome) for name, outcome in run.reference.items()},
    }


def parse_numbers(text: str | None, count: int) -> list[int]:
    if not text:
        return list(range(count))
    return sorted({int(part) for part in text.split(",") if part.strip()})


def choose_writers(text: str | None) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()] if text else list(WRITERS)
    unknown = [n for n in names if n not in WRITERS]
    if unknown:
        raise SystemExit(f"unknown writer(s) {', '.join(unknown)}; known: {', '.join(WRITERS)}")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40, help="how many handbooks per writer (default 40)")
    parser.add_argument("--salt", default="w", help="seeds the handbooks and layouts; pick one never measured")
    parser.add_argument("--writers", help=f"comma-separated writers (default all: {', '.join(WRITERS)})")
    parser.add_argument("--only", help="comma-separated case numbers to run (to reproduce a finding)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--reference", type=Path, help="a folder with a reference handbook in several forms")
    parser.add_argument("--json", type=Path, help=f"the summary file (default {DEFAULT_JSON}/<salt>.json)")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: judge the files printed there on an earlier run instead of printing again")
    parser.add_argument("--list", action="store_true", help="list the writers and exit")
    args = parser.parse_args(argv)
    if args.list:
        for writer in WRITERS.values():
            print(f"{writer.name:26} {writer.what}")
        return 0

    run = Run(args.salt, parse_numbers(args.only, args.count), choose_writers(args.writers))
    for name in run.writers:
        if missing := WRITERS[name].missing():
            run.skipped[name] = f"{', '.join(missing)} not installed"
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        sweep(run, folder, max(1, args.jobs), reuse=bool(args.reuse and args.keep))
    if args.reference:
        judge_references(run, args.reference, max(1, args.jobs))
    seconds = time.monotonic() - started

    command = "python -m tests.holdout " + " ".join(sys.argv[1:] if argv is None else argv)
    found_versions = versions()
    print(f"\nhold-out '{run.salt}': {len(run.numbers)} handbooks per writer, {seconds:.0f} s")
    print(table(run))
    print(verdict(run))
    print("versions: " + "; ".join(f"{k} {v}" for k, v in found_versions.items()))
    for name, outcome in run.reference.items():
        print(f"reference {name}: {outcome.kind}{': ' + outcome.detail if outcome.detail else ''}")
    target = args.json or DEFAULT_JSON / f"{run.salt}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(summary(run, found_versions, command, seconds), ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
    print(f"summary: {target}", file=sys.stderr)
    every = [o for name in run.writers for o in run.results.get(name, {}).values()] + list(run.reference.values())
    return 0 if every and all(o.kind == EXACT for o in every) else 1  # nothing measured is no pass


if __name__ == "__main__":
    sys.exit(main())
