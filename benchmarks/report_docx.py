#!/usr/bin/env python3
"""How the Word report grows with the number of tasks: time per task at two sizes, measured side by side.

    python benchmarks/report_docx.py                         # about 1,000 and 8,000 tasks, 3 rounds
    python benchmarks/report_docx.py --sizes 500 4000 --rounds 5
    python benchmarks/report_docx.py --corpus /tmp/national  # a national corpus made before (gen_corpus.py)
    python benchmarks/report_docx.py --baseline /tmp/old     # beside another ktcn source tree (git archive)

The workspaces are taken from the national corpus of `gen_corpus.py` (generated with seed 1 into a temporary
folder unless `--corpus` names one): for each size, whole provinces (`programmes/<province>/`, about 1,000
tasks each, with their progress logs since 2016) until the size is reached, with the corpus's `ktcn.yaml` and
`agencies.yaml`; such a workspace validates clean.  Each gets its cache filled by one untimed run; then
`ktcn report --year 2025 --as-of 2025-12-31 --format docx` runs as a fresh process, the sizes alternating
within each round so that a slow spell hits both.  Times are CPU times (user and system, from the child's
rusage): on a shared machine they move far less than wall times.  The table gives the median time, the time per
task, and the ratio of the time per task at each size to that at the smallest: about 1.0 (or below, as start-up
is shared out) when the report is linear in the tasks.  The Word-writing step is also timed on its own, in this
process (`markdown_to_docx` on the rendered Markdown, which it parses).

With `--baseline DIR` (a ktcn source tree, e.g. `git archive <commit> | tar -x -C DIR`, its `templates/` copied
into `DIR/ktcn/templates`), that ktcn runs the same command in the same rounds, and a second table gives its
times and ours / baseline.

It reports; it does not judge: it exits 0 whatever the numbers are.  The tests check no timings.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def national_corpus(folder: Path) -> Path:
    """The national corpus of gen_corpus.py, seed 1, generated into `folder` (about a minute)."""
    target = folder / "national"
    subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), "--size", "national", "--seed", "1", "--out",
                    str(target)], check=True, stdout=subprocess.DEVNULL)
    return target


def subset(corpus: Path, tasks: int, target: Path) -> int:
    """Whole provinces of `corpus` copied to `target` until they hold `tasks` tasks; how many they hold."""
    (target / "programmes").mkdir(parents=True)
    for name in ("ktcn.yaml", "agencies.yaml"):
        shutil.copy(corpus / name, target / name)
    held = 0
    for province in sorted(p for p in (corpus / "programmes").iterdir() if p.is_dir()):
        if held >= tasks:
            break
        shutil.copytree(province, target / "programmes" / province.name)
        held += sum(_task_count(f) for f in province.glob("*.yaml"))
    return held


def _task_count(path: Path) -> int:
    """Tasks in a generated programme file: its lines `  - id:` (the generator writes every task so)."""
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("  - id:"))


def run_report(root: Path, out: Path, source: str | None = None) -> float:
    """CPU time (user and system) of one `ktcn report --format docx` in a fresh process (the ktcn of `source`)."""
    command = [sys.executable, "-c", "from ktcn.cli import main; main()", "report", "--year", "2025", "--format",
               "docx", "-o", str(out), "--records", str(root), "--as-of", "2025-12-31"]
    env = {**os.environ, "NO_COLOR": "1", **({"PYTHONPATH": source} if source else {})}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # run from the workspace's folder: `python -c` puts the current folder first on sys.path, and from a
    # checkout of ktcn that would shadow the baseline's PYTHONPATH
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   cwd=root.parent)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def docx_only(root: Path) -> float:
    """CPU time of the Word-writing step alone, on the report's Markdown, in this process."""
    from datetime import date

    from ktcn.outputs.docx_report import markdown_to_docx
    from ktcn.outputs.reports import build_report, report_period
    from ktcn.outputs.templating import render_markdown, report_context
    from ktcn.records.loader import load
    from ktcn.views.viewmodel import Selection

    workspace = load(root, today=date(2025, 12, 31))
    period = report_period(2025, None, None, None, "calendar")
    report = build_report(workspace, Selection((), None, False), period, date(2025, 12, 31), date(2026, 1, 5),
                          "annual", "vi")
    markdown = render_markdown("bao-cao-nam", root, report_context(report), "vi")
    start = time.process_time()
    markdown_to_docx(markdown, report)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 8000], help="numbers of tasks (at least)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", metavar="DIR", help="a national corpus of gen_corpus.py (default: make one)")
    parser.add_argument("--baseline", metavar="DIR", help="another ktcn source tree to run beside this one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(args.corpus) if args.corpus else national_corpus(Path(folder))
        roots, tasks = {}, {}
        for size in sorted(args.sizes):
            roots[size] = Path(folder) / f"ws-{size}"
            tasks[size] = subset(corpus, size, roots[size])
            run_report(roots[size], Path(folder) / "warm.docx")  # fills the cache, untimed
            if args.baseline:
                run_report(roots[size], Path(folder) / "warm.docx", args.baseline)
        times = _measure(roots, args.rounds, args.baseline, Path(folder))
    _print_table(tasks, times["ours"], times["docx"])
    if args.baseline:
        _print_baseline(tasks, times["ours"], times["baseline"])
    return 0


def _measure(roots: dict[int, Path], rounds: int, baseline: str | None, folder: Path) -> dict[str, dict]:
    """Each contender on each size in every round, the order reversed every other round."""
    times: dict[str, dict[int, list[float]]] = {k: {n: [] for n in roots} for k in ("ours", "docx", "baseline")}
    sizes = sorted(roots)
    for round_ in range(rounds):
        for n in sizes if round_ % 2 == 0 else reversed(sizes):
            out = folder / f"out-{n}.docx"
            contenders = [("ours", None)] + ([("baseline", baseline)] if baseline else [])
            for name, source in contenders if round_ % 2 == 0 else reversed(contenders):
                times[name][n].append(run_report(roots[n], out, source))
            times["docx"][n].append(docx_only(roots[n]))
    return times


def _print_table(tasks: dict[int, int], whole: dict[int, list[float]], writing: dict[int, list[float]]) -> None:
    sizes = sorted(tasks)
    base_whole = statistics.median(whole[sizes[0]]) / tasks[sizes[0]]
    base_writing = statistics.median(writing[sizes[0]]) / tasks[sizes[0]]
    print(f"{'tasks':>7} | {'report':>9} | {'per task':>9} | {'ratio':>6} | {'docx step':>9} | {'per task':>9} |"
          f" {'ratio':>6}")
    for n in sizes:
        total, step, count = statistics.median(whole[n]), statistics.median(writing[n]), tasks[n]
        print(f"{count:>7} | {total:>8.2f}s | {1000 * total / count:>7.2f}ms | {total / count / base_whole:>5.2f}x |"
              f" {step:>8.2f}s | {1000 * step / count:>7.2f}ms | {step / count / base_writing:>5.2f}x")
    print("CPU time; ratio: time per task at this size / at the smallest size (1.00x = linear)")


def _print_baseline(tasks: dict[int, int], whole: dict[int, list[float]], baseline: dict[int, list[float]]) -> None:
    sizes = sorted(tasks)
    base = statistics.median(baseline[sizes[0]]) / tasks[sizes[0]]
    print(f"\n{'tasks':>7} | {'baseline':>9} | {'per task':>9} | {'ratio':>6} | {'ours/baseline':>13}")
    for n in sizes:
        theirs, count = statistics.median(baseline[n]), tasks[n]
        print(f"{count:>7} | {theirs:>8.2f}s | {1000 * theirs / count:>7.2f}ms | {theirs / count / base:>5.2f}x |"
              f" {statistics.median(whole[n]) / theirs:>12.2f}x")


if __name__ == "__main__":
    sys.exit(main())
