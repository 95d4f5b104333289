"""Kill -9 trials of issue 15 (`make kill-trials`): a run over many handbooks is killed at random
moments; after each kill, no process of the run may live on for more than 3 s, `validate` must
pass on the folder, and the next run must start at once (no lock left behind).

    python -m tests.kill_trials [--trials 20] [--files 200] [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.validate_output import validate_output_dir
from tests.test_faults import alive, children_of

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = (FIXTURES / "ambtelijk-secretaris.docx", FIXTURES / "ambtelijk-secretaris.txt")


def descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for child in children_of(todo.pop()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.kill_trials", description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    chance = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="kill-trials-"))
    try:
        inbox, out = tmp / "in", tmp / "out"
        inbox.mkdir()
        for i in range(args.files):
            source = SOURCES[i % 2]
            shutil.copyfile(source, inbox / f"rol-{i:03d}{source.suffix}")
        command = [sys.executable, "-m", "pipeline", "convert", str(inbox), "-o", str(out), "-q", "--jobs", "2",
                   "--force"]
        started = time.perf_counter()
        if subprocess.run(command, capture_output=True).returncode != 0:
            sys.exit("the first, whole run failed")
        whole = time.perf_counter() - started
        print(f"a whole run of {args.files} handbooks takes {whole:.1f} s; killing at random moments in it")
        failures = live = 0
        for trial in range(1, args.trials + 1):
            moment = chance.uniform(0.2, 0.8 * whole)  # later runs are quicker (warm caches): stay inside them
            process = subprocess.Popen(command, stderr=subprocess.PIPE)
            time.sleep(moment)
            family = descendants(process.pid)
            live += process.poll() is None
            process.kill()
            process.wait()
            killed = time.perf_counter()
            while any(alive(pid) for pid in family) and time.perf_counter() - killed < 3:
                time.sleep(0.05)
            survivors = [pid for pid in family if alive(pid)]
            problems = validate_output_dir(out)
            probe = subprocess.run([sys.executable, "-m", "pipeline", "convert", str(inbox / "rol-000.docx"),
                                    "-o", str(out), "-q", "--wait", "0"], capture_output=True, text=True)
            ok = not survivors and not problems and probe.returncode == 0
            failures += not ok
            print(f"trial {trial:2d}: killed after {moment:5.1f} s, {len(family)} processes of the run; "
                  f"alive 3 s later: {len(survivors)}; validate: {len(problems)} problems; "
                  f"next run: exit {probe.returncode}" + ("" if ok else "  FAILED"))
            for pid in survivors:
                subprocess.run(["kill", "-9", str(pid)])
        print(f"{args.trials - failures} of {args.trials} trials passed; {live} kills struck a run still going")
        return 1 if failures else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
