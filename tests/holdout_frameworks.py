"""Frameworks of other organisations printed to PDF and read back, per writer: exact, refused, wrong.

    python -m tests.holdout_frameworks [--set 1|2|3] [--writer NAME ...] [--keep DIR]
    python -m tests.holdout_frameworks --seed TEXT [--count N] [--writer NAME ...] [--keep DIR]

`--seed` draws a fresh set instead (`drawn_set`): each variant one of the builder's shapes with
counts, levels, areas, language and options drawn from the seed, so a set nobody has looked at
can be measured (use a seed of your own, never one that was measured before).

Each variant is built by tests/framework_builder.py as a .docx (the truth: its data minus source
and id), printed by each writer, and converted; a PDF is exact when its data equals the .docx's,
"refused(=docx)" when both refuse. Each set was measured fresh (README, Known limitations);
they are variants of the builder's shapes with other counts, levels, areas and words, never
committed fixtures. Needs `soffice` and `chromium`.

Writers: lo-tagged (LibreOffice, Tagged PDF on), chromium (LibreOffice's HTML export printed by
headless Chromium with its page header and footer), chromium-nohf (the same with
--no-pdf-header-footer), lo-untagged (LibreOffice's plain PDF export).
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline import convert

from . import framework_builder as fb
from .tagged_writers import PRINT, _program, _soffice


def _lo_untagged(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.move(_soffice(source, "pdf", Path(tmp)), target)


def _chromium_bare(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        html = _soffice(source, "html", Path(tmp))
        subprocess.run([_program("chromium", "chromium-browser"), "--headless", "--no-sandbox",
                        "--no-pdf-header-footer", f"--print-to-pdf={target}", html.as_uri()],
                       check=True, capture_output=True, timeout=180)


WRITERS = {"lo-tagged": PRINT["libreoffice-tagged"], "chromium": PRINT["chromium"],
           "chromium-nohf": _chromium_bare, "lo-untagged": _lo_untagged}
sc = fb.sample_competences
nl_areas = ("1. INFORMATIE EN DATA", "2. COMMUNICATIE", "3. VEILIGHEID")

SETS = {
    "1": {
        "digital-nl-header": lambda p: fb.digital_framework(
            p,
            sc(count=5, per_level=3, language="nl", areas=nl_areas),
            language="nl",
            header_row=True,
            title_line="3.2 Testlands digitaal kader",
        ),
        "digital-3levels": lambda p: fb.digital_framework(
            p,
            sc(count=6, levels=3, per_level=1, areas=("1. ALPHA", "2. BETA", "3. GAMMA")),
            title="Alpha framework",
            every=3,
        ),
        "capability-de": lambda p: fb.capability_framework(
            p,
            sc(count=3, per_level=3, coded=False, areas=(), language="de"),
            language="de",
            title="Kompetenzrahmen",
            alignment=False,
        ),
        "capability-typed": lambda p: fb.capability_framework(
            p,
            sc(count=5, per_level=1, coded=False, areas=()),
            title="Typed framework",
            bullets="•",
            quotes=('"', '"'),
            contents=False,
        ),
        "merged-6": lambda p: fb.merged_head_framework(
            p,
            sc(count=6, per_level=1, coded=False, areas=()),
            title="Merged framework",
        ),
        "numbered-5": lambda p: fb.numbered_named_levels_framework(
            p,
            sc(count=3, levels=5, per_level=2, coded=False, areas=()),
            ["Level 1: Aware", "Level 2: Developing", "Level 3: Proficient", "Level 4: Leading", "Level 5: Expert"],
        ),
        "split-6": lambda p: fb.split_tables_framework(p, sc(count=6, per_level=2)),
        "one-per-row-7": lambda p: fb.one_per_row_framework(
            p,
            sc(count=7, coded=False, areas=("1. PEOPLE", "2. SYSTEMS", "3. RESULTS")),
            title="Row framework",
        ),
        "banner-5x3": lambda p: fb.banner_framework(p, sc(count=5, per_level=3)),
        "banner-onecell-3": lambda p: fb.banner_framework(p, sc(count=3, per_level=3), one_cell=True),
        "name-in-header-5": lambda p: fb.name_in_header_framework(p, sc(count=5, per_level=3)),
        "definitions-only": lambda p: fb.definitions_only(
            p,
            [("Data wrangling", "Cleaning data."), ("Modelling", "Building models.")],
        ),
    },
    "2": {
        "digital-nl-2levels": lambda p: fb.digital_framework(
            p,
            sc(count=3, levels=2, per_level=2, language="nl", areas=("1. GEGEVENS", "2. SAMENWERKEN")),
            language="nl",
            every=1,
            title_line="Kader digitale vaardigheden",
        ),
        "digital-en-uncoded-8": lambda p: fb.digital_framework(
            p,
            sc(count=8, per_level=2, coded=False,
               areas=("1. CREATE", "2. SHARE", "3. PROTECT", "4. SOLVE")),
            header_row=True,
            title="Eight digital competences",
        ),
        "capability-en-6x3-dash": lambda p: fb.capability_framework(
            p,
            sc(count=6, per_level=3, coded=False, areas=("1. LEADING", "2. DELIVERING")),
            title="Staff capability framework",
            bullets="-",
        ),
        "capability-de-5": lambda p: fb.capability_framework(
            p,
            sc(count=5, per_level=1, coded=False, areas=(), language="de"),
            language="de",
            title="Fähigkeitenrahmen",
            contents=False,
        ),
        "capability-nl-words": lambda p: fb.capability_framework(
            p,
            sc(count=4, per_level=2, coded=False, areas=(), language="nl"),
            title="Capability framework NL words",
        ),
        "merged-3x3": lambda p: fb.merged_head_framework(
            p,
            sc(count=3, per_level=3, coded=False, areas=()),
            title="Merged three",
        ),
        "numbered-4-dash": lambda p: fb.numbered_named_levels_framework(
            p,
            sc(count=4, levels=4, per_level=1, coded=False, areas=()),
            ["Stage 1 - Entry", "Stage 2 - Working", "Stage 3 - Practitioner", "Stage 4 - Expert"],
        ),
        "split-3x3": lambda p: fb.split_tables_framework(p, sc(count=3, per_level=3)),
        "one-per-row-3": lambda p: fb.one_per_row_framework(
            p,
            sc(count=3, coded=False, areas=("1. ONLY AREA",)),
            title="Small row framework",
        ),
        "banner-8x1": lambda p: fb.banner_framework(
            p,
            sc(count=8, per_level=1, areas=("1. ONE", "2. TWO", "3. THREE", "4. FOUR")),
        ),
        "banner-onecell-6": lambda p: fb.banner_framework(p, sc(count=6, per_level=2), one_cell=True),
        "name-in-header-3": lambda p: fb.name_in_header_framework(p, sc(count=3, per_level=2, coded=False)),
    },
    "3": {
        "digital-en-coded-7": lambda p: fb.digital_framework(
            p,
            sc(count=7, per_level=2, areas=("1. FIND", "2. TALK", "3. GUARD")),
            every=4,
            title_line="2.1 Island digital skills",
        ),
        "digital-nl-3levels-header": lambda p: fb.digital_framework(
            p,
            sc(count=4, levels=3, per_level=3, language="nl", areas=("1. ZOEKEN", "2. DELEN")),
            language="nl",
            header_row=True,
            every=2,
            title_line="Vaardigheden in de regio",
        ),
        "capability-en-7x2": lambda p: fb.capability_framework(
            p,
            sc(count=7, per_level=2, coded=False, areas=("1. THINKING", "2. ACTING", "3. RELATING")),
            title="Seven capabilities",
        ),
        "capability-de-typed-4": lambda p: fb.capability_framework(
            p,
            sc(count=4, per_level=2, coded=False, areas=(), language="de"),
            language="de",
            title="Rahmen vier",
            bullets="•",
            alignment=False,
        ),
        "merged-4x2": lambda p: fb.merged_head_framework(
            p,
            sc(count=4, per_level=2, coded=False, areas=()),
            title="Merged four",
        ),
        "numbered-3-colon": lambda p: fb.numbered_named_levels_framework(
            p,
            sc(count=5, levels=3, per_level=3, coded=False, areas=()),
            ["Tier 1: Novice", "Tier 2: Competent", "Tier 3: Master"],
        ),
        "split-5x2": lambda p: fb.split_tables_framework(p, sc(count=5, per_level=2, coded=False)),
        "one-per-row-5": lambda p: fb.one_per_row_framework(
            p,
            sc(count=5, per_level=2, coded=False, areas=("1. CORE", "2. EDGE")),
            title="Capabilities by row",
        ),
        "banner-4x2": lambda p: fb.banner_framework(
            p,
            sc(count=4, per_level=2, areas=("1. NORTH", "2. SOUTH")),
        ),
        "banner-onecell-5": lambda p: fb.banner_framework(
            p,
            sc(count=5, per_level=1, areas=("1. LEFT", "2. MIDDLE", "3. RIGHT")),
            one_cell=True,
        ),
        "name-in-header-4": lambda p: fb.name_in_header_framework(p, sc(count=4, per_level=1)),
        "definitions-only-3": lambda p: fb.definitions_only(
            p,
            [("Statistics", "Knowing numbers."), ("Programming", "Writing code."), ("Ethics", "Weighing harm.")],
        ),
    },
}


AREA_WORDS = ("PLAN", "MAKE", "CHECK", "SHARE", "GUARD", "LEAD", "LEARN", "SERVE")
NAMED_LEVELS = (("Level {}: {}", ("Aware", "Developing", "Proficient", "Leading", "Expert")),
                ("Stage {} - {}", ("Entry", "Working", "Practitioner", "Senior", "Expert")),
                ("Tier {}: {}", ("Novice", "Competent", "Skilled", "Master", "Guru")))


def drawn_set(seed: str, count: int) -> dict:
    """`count` variants drawn from `seed`: a shape, and its counts, levels, areas and options."""
    rng = random.Random(seed)
    out = {}
    for index in range(count):
        shape = rng.choice(("digital", "capability", "merged", "numbered", "split", "one-per-row", "banner",
                            "banner-onecell", "name-in-header"))
        n, per = rng.randint(2, 8), rng.randint(1, 3)
        areas = tuple(f"{k + 1}. {w}" for k, w in enumerate(rng.sample(AREA_WORDS, rng.randint(1, min(3, n)))))
        levels = 4
        if shape == "digital":
            language, levels = rng.choice(("en", "nl")), rng.randint(2, 4)
            comps = sc(count=n, levels=levels, per_level=per, coded=rng.random() < 0.7, areas=areas, language=language)
            options = dict(language=language, header_row=rng.random() < 0.4, every=rng.randint(1, 4),
                           title_line=rng.choice(("3.1 Drawn framework", "Drawn skills", "4.2 Region framework")))
            build = (lambda c, o: lambda p: fb.digital_framework(p, c, **o))(comps, options)
        elif shape == "capability":
            language = rng.choice(("en", "de"))
            comps = sc(count=n, per_level=per, coded=False, areas=areas if rng.random() < 0.5 else (), language=language)
            options = dict(language=language, title=f"Drawn capabilities {index}", alignment=rng.random() < 0.5,
                           contents=rng.random() < 0.5, bullets=rng.choice(("style", "•", "-")))
            build = (lambda c, o: lambda p: fb.capability_framework(p, c, **o))(comps, options)
        elif shape == "merged":
            comps = sc(count=n, per_level=per, coded=False, areas=())
            build = (lambda c: lambda p: fb.merged_head_framework(p, c, title="Drawn merged"))(comps)
        elif shape == "numbered":
            levels = rng.randint(3, 5)
            form, words = rng.choice(NAMED_LEVELS)
            labels = [form.format(k + 1, words[k]) for k in range(levels)]
            comps = sc(count=n, levels=levels, per_level=per, coded=False, areas=())
            build = (lambda c, la: lambda p: fb.numbered_named_levels_framework(p, c, la))(comps, labels)
        elif shape == "split":
            comps = sc(count=n, per_level=max(per, 2), coded=rng.random() < 0.5)
            build = (lambda c: lambda p: fb.split_tables_framework(p, c))(comps)
        elif shape == "one-per-row":
            comps = sc(count=n, per_level=per, coded=False, areas=areas)
            build = (lambda c: lambda p: fb.one_per_row_framework(p, c, title="Drawn rows"))(comps)
        elif shape in ("banner", "banner-onecell"):
            comps = sc(count=n, per_level=per, areas=areas)
            build = (lambda c, one: lambda p: fb.banner_framework(p, c, one_cell=one))(comps, shape == "banner-onecell")
        else:
            comps = sc(count=n, per_level=per, coded=rng.random() < 0.5)
            build = (lambda c: lambda p: fb.name_in_header_framework(p, c))(comps)
        out[f"{index + 1:02d}-{shape}-{n}x{per}"] = build
    return out


def _data(path: Path) -> dict | str:
    try:
        data = convert(path).data
    except Exception as error:  # a refusal is an outcome here, whatever its class
        return f"{type(error).__name__}: {error}"
    return {k: v for k, v in data.items() if k not in ("source", "id")}


def outcome(pdf: Path, truth: dict | str) -> tuple[str, str]:
    got = _data(pdf)
    if isinstance(got, str):
        return ("refused(=docx)" if isinstance(truth, str) else "refused"), got[:160]
    if isinstance(truth, str):
        return "wrong", "converted what the .docx refuses"
    if got == truth:
        return "exact", ""
    return "wrong", "differs in " + ", ".join(k for k in truth if truth[k] != got.get(k))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, default="2", help="which variant set (default 2)")
    parser.add_argument("--writer", action="append", choices=WRITERS, help="only this writer (repeatable)")
    parser.add_argument("--seed", help="draw a fresh set from this seed instead of --set (see drawn_set)")
    parser.add_argument("--count", type=int, default=12, help="variants to draw with --seed (default 12)")
    parser.add_argument("--keep", type=Path, help="write the documents here and reuse PDFs found there")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="holdout-frameworks-"))
    folder.mkdir(parents=True, exist_ok=True)
    tally: dict[str, dict[str, int]] = {}
    variants = drawn_set(args.seed, args.count) if args.seed else SETS[args.set]
    for name, build in variants.items():
        word = build(folder / f"{name}.docx")
        truth = _data(word)
        for writer in args.writer or WRITERS:
            pdf = folder / f"{name}.{writer}.pdf"
            if not pdf.exists():
                WRITERS[writer](word, pdf)
            status, why = outcome(pdf, truth)
            tally.setdefault(writer, {}).setdefault(status, 0)
            tally[writer][status] += 1
            print(f"{name:24} {writer:14} {status:15} {why}", flush=True)
    for writer, counts in tally.items():
        print(writer, ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
