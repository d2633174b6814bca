#!/usr/bin/env python3
"""How the Word report grows with the number of tasks: time per task at two sizes, measured side by side.

    python benchmarks/report_docx.py                       # 1,000 and 8,000 tasks, 3 rounds
    python benchmarks/report_docx.py --sizes 500 4000 --rounds 5
    python benchmarks/report_docx.py --baseline /tmp/old   # beside another ktcn source tree (git archive)

For each size a workspace is written into a temporary folder (40 tasks a programme: ongoing work, one-off
deadlines, some carried over, monthly, quarterly, six-monthly and yearly reports, with updates; titles of 20 to
60 words), its cache filled by one untimed run, then `ktcn report --year 2025 --format docx` runs as a fresh
process, the sizes alternating within each round so that a slow spell hits both.  Times are CPU times (user and
system, from the child's rusage): on a shared machine they move far less than wall times.  The table gives the
median time, the time per task, and the ratio of the time per task at each size to that at the smallest: about
1.0 when the report is linear in the tasks.  The Word-writing step is also timed on its own, in this process
(`markdown_to_docx` on the rendered Markdown, which it parses).
With `--baseline DIR` (a ktcn source tree, e.g. `git archive <commit> | tar -x -C DIR`, its `templates/` copied
into `DIR/ktcn/templates`), that ktcn runs the same command in the same rounds, and the table adds its times
and ours / baseline.

It reports; it does not judge: it exits 0 whatever the numbers are.  The tests check no timings.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PHRASES = ("Tổ chức hội thảo khoa học về", "Xây dựng cơ sở dữ liệu", "Tuyên truyền, phổ biến", "Triển khai",
           "chuyển đổi số trong quản lý nhà nước", "đổi mới sáng tạo", "tư vấn, phản biện và giám định xã hội",
           "đội ngũ trí thức", "doanh nghiệp khoa học và công nghệ", "các hội thành viên", "trên địa bàn thành phố",
           "theo kế hoạch hằng năm", "phối hợp với các sở, ban, ngành", "ứng dụng tiến bộ kỹ thuật vào sản xuất")
LEADS = ("skhcn", "lhh", "snv", "stc", "huyen")


def write_workspace(root: Path, tasks: int, seed: int = 1) -> None:
    """A workspace of `tasks` tasks in programmes of 40, deterministic for a seed."""
    rng = random.Random(seed)
    (root / "programmes").mkdir(parents=True)
    (root / "ktcn.yaml").write_text("name: Sở KH&CN\nowner: skhcn\nplace: Cần Thơ\nlanguage: vi\n", encoding="utf-8")
    (root / "agencies.yaml").write_text(
        "agencies:\n"
        "  - {id: ubnd, name: Ủy ban nhân dân thành phố Cần Thơ}\n"
        "  - {id: skhcn, name: Sở Khoa học và Công nghệ thành phố Cần Thơ, short: Sở KH&CN}\n"
        "  - {id: lhh, name: Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Cần Thơ, short: Liên hiệp Hội}\n"
        "  - {id: snv, name: Sở Nội vụ thành phố Cần Thơ, short: Sở Nội vụ}\n"
        "  - {id: stc, name: Sở Tài chính thành phố Cần Thơ, short: Sở Tài chính}\n"
        "  - {id: huyen, name: 'Ủy ban nhân dân quận, huyện', group: true, until: 2025-06-30, succeeded_by: xa}\n"
        "  - {id: xa, name: 'Ủy ban nhân dân xã, phường', group: true}\n", encoding="utf-8")
    for number in range((tasks + 39) // 40):
        count = min(40, tasks - 40 * number)
        lines = [f"id: kh-{number}", f"number: {number + 1}/KH-UBND", "type: KH",
                 f"title: Kế hoạch {number + 1} về khoa học và công nghệ", "issued: 2024-01-15", "issuers: [ubnd]",
                 "period: {from: 2024, to: 2026}", "tasks:"]
        for task in range(count):
            lines += _task(rng, task)
        (root / "programmes" / f"kh-{number}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _task(rng: random.Random, number: int) -> list[str]:
    title = " ".join(rng.choice(PHRASES) for _ in range(rng.randint(4, 10)))
    kind, schedule, updates = rng.choice((
        ("work", "ongoing", ["{date: 2025-05-10, note: Đã triển khai tại 5 đơn vị}"]),
        ("work", f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", ["{date: 2025-06-01, status: done}"]),
        ("work", "2024-12-31", []),  # carried over from the year before
        ("report", "{every: 6m, from: 2024}", ["{date: 2025-07-20, status: done, period: 2025-H1, note: Gửi chậm}"]),
        ("report", "{every: 1q, from: 2024}", [f"{{date: 2025-{m:02d}-05, status: done}}" for m in (4, 7)]),
        ("report", "{every: 1m, from: 2025}", [f"{{date: 2025-{m:02d}-28, status: done}}" for m in range(1, 10)]),
        ("report", "{every: 1y, day: 11-30, from: 2024}", []),
        ("event", "2025-09-30", ["{date: 2025-09-15, status: done, evidence: [Báo cáo 45/BC-LHH]}"]),
    ))
    lines = [f"  - id: t{number}", f"    kind: {kind}", f"    title: {title}",
             f"    lead: [{rng.choice(LEADS)}]", f"    support: [{rng.choice(LEADS)}]", f"    schedule: {schedule}"]
    if updates:
        lines.append("    updates:")
        lines += [f"      - {u}" for u in updates]
    return lines


def run_report(root: Path, out: Path, source: str | None = None) -> float:
    """CPU time (user and system) of one `ktcn report --format docx` in a fresh process (the ktcn of `source`)."""
    command = [sys.executable, "-c", "from ktcn.cli import main; main()", "report", "--year", "2025", "--format",
               "docx", "-o", str(out), "--records", str(root), "--as-of", "2025-12-31"]
    env = {**os.environ, "NO_COLOR": "1", **({"PYTHONPATH": source} if source else {})}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def docx_only(root: Path) -> float:
    """CPU time of the Word-writing step alone, on the report's Markdown, in this process."""
    from datetime import date

    from ktcn.docx_report import markdown_to_docx
    from ktcn.loader import load
    from ktcn.reports import build_report, report_period
    from ktcn.templating import render_markdown, report_context
    from ktcn.views import Selection

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
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 8000], help="numbers of tasks")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", metavar="DIR", help="another ktcn source tree to run beside this one")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory() as folder:
        roots = {n: Path(folder) / f"ws-{n}" for n in sizes}
        for n, root in roots.items():
            write_workspace(root, n)
            run_report(root, Path(folder) / "warm.docx")  # fills the cache, untimed
            if args.baseline:
                run_report(root, Path(folder) / "warm.docx", args.baseline)
        whole: dict[int, list[float]] = {n: [] for n in sizes}
        writing: dict[int, list[float]] = {n: [] for n in sizes}
        baseline: dict[int, list[float]] = {n: [] for n in sizes}
        for round_ in range(args.rounds):
            for n in sizes if round_ % 2 == 0 else reversed(sizes):
                out = Path(folder) / f"out-{n}.docx"
                if args.baseline and round_ % 2:
                    baseline[n].append(run_report(roots[n], out, args.baseline))
                whole[n].append(run_report(roots[n], out))
                if args.baseline and not round_ % 2:
                    baseline[n].append(run_report(roots[n], out, args.baseline))
                writing[n].append(docx_only(roots[n]))
    _print_table(sizes, whole, writing)
    if args.baseline:
        _print_baseline(sizes, whole, baseline)
    return 0


def _print_table(sizes: list[int], whole: dict[int, list[float]], writing: dict[int, list[float]]) -> None:
    base_whole = statistics.median(whole[sizes[0]]) / sizes[0]
    base_writing = statistics.median(writing[sizes[0]]) / sizes[0]
    print(f"{'tasks':>7} | {'report':>9} | {'per task':>9} | {'ratio':>6} | {'docx step':>9} | {'per task':>9} |"
          f" {'ratio':>6}")
    for n in sizes:
        total, step = statistics.median(whole[n]), statistics.median(writing[n])
        print(f"{n:>7} | {total:>8.2f}s | {1000 * total / n:>7.2f}ms | {total / n / base_whole:>5.2f}x |"
              f" {step:>8.2f}s | {1000 * step / n:>7.2f}ms | {step / n / base_writing:>5.2f}x")
    print("ratio: time per task at this size / at the smallest size (1.00x = linear)")


def _print_baseline(sizes: list[int], whole: dict[int, list[float]], baseline: dict[int, list[float]]) -> None:
    base = statistics.median(baseline[sizes[0]]) / sizes[0]
    print(f"\n{'tasks':>7} | {'baseline':>9} | {'per task':>9} | {'ratio':>6} | {'ours/baseline':>13}")
    for n in sizes:
        theirs = statistics.median(baseline[n])
        print(f"{n:>7} | {theirs:>8.2f}s | {1000 * theirs / n:>7.2f}ms | {theirs / n / base:>5.2f}x |"
              f" {statistics.median(whole[n]) / theirs:>12.2f}x")


if __name__ == "__main__":
    sys.exit(main())
