"""How long `ktcn import` takes on a 500-row task table (issue 17: under 2 seconds).

    python benchmarks/import_500.py [--rows 500] [--rounds 5]

Builds a workspace with the bundled settings and agency registry, and a plan
appendix of ROWS tasks (a section row every 50, agencies named in full, in
short and several to a cell, the timing phrases of the grammar, some that
cannot be read) as .docx, .xlsx and .csv; then runs the real command, `ktcn
import FILE -o ...` in a fresh process, ROUNDS times per format, and prints the
best, median and worst wall-clock time of the whole run (start-up, reading the
file, building, checking the new file with the workspace, writing it), after
one warm-up run that is not counted.  The machine's load average is printed
too: on a shared machine the times move with it.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0
HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Sản phẩm"]
LEADS = ["Sở Khoa học và Công nghệ", "Sở, ban ngành thành phố; Ủy ban nhân dân quận, huyện", "Sở Nội vụ",
         "Liên hiệp các Hội Khoa học và Kỹ thuật", "Sở GD&ĐT", "UBND các quận, huyện",
         "Sở Văn hóa, Thể thao và Du lịch"]
SUPPORTS = ["Sở, ban ngành liên quan", "Sở Nội vụ, Sở Tài chính và UBND các quận, huyện", "các cơ quan báo, đài",
            "Trường Đại học Cần Thơ; các bộ, ngành liên quan", ""]
TIMES = ["Thực hiện thường xuyên", "Quý IV/2025", "Hằng năm", "Trước ngày 30 tháng 11 hằng năm", "Năm 2025, 2026",
         "Giai đoạn 2025-2030", "Năm 2025 và định kỳ 2 năm một lần", "Tháng 6/2026", "Theo kế hoạch",
         "Quý III, IV/2025"]


def rows(count: int) -> list[list[str]]:
    """The table: header, then `count` tasks with a section heading before every fiftieth."""
    table = [HEADER]
    for n in range(count):
        if n % 50 == 0:
            table.append([f"{_roman(n // 50 + 1)}. NHÓM NHIỆM VỤ {n // 50 + 1}"] * len(HEADER))
        table.append([str(n % 50 + 1), f"Nhiệm vụ số {n + 1}: tổ chức triển khai, tuyên truyền, đánh giá kết quả thực"
                      f" hiện kế hoạch trong lĩnh vực {n % 17 + 1}", LEADS[n % len(LEADS)],
                      SUPPORTS[n % len(SUPPORTS)], TIMES[n % len(TIMES)], "Báo cáo kết quả"])
    return table


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def write_docx(path: Path, table: list[list[str]]) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("(Kèm theo Kế hoạch số 123/KH-UBND ngày 15 tháng 1 năm 2025 của Ủy ban nhân dân thành phố"
                           " Cần Thơ)")
    grid = document.add_table(rows=len(table), cols=len(HEADER))
    cells = grid._cells  # one pass over the grid: cell(r, c) rebuilds it each time
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            cells[r * len(HEADER) + c].text = text
    for r, row in enumerate(table):
        if len(set(row)) == 1:
            grid.cell(r, 0).merge(grid.cell(r, len(HEADER) - 1)).text = row[0]
    document.save(str(path))


def write_xlsx(path: Path, table: list[list[str]]) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["(Kèm theo Kế hoạch số 123/KH-UBND ngày 15 tháng 1 năm 2025 của Ủy ban nhân dân thành phố Cần Thơ)"])
    for row in table:
        sheet.append(row if len(set(row)) > 1 else [row[0]])
        if len(set(row)) == 1:
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=len(HEADER))
    workbook.save(str(path))


def write_csv(path: Path, table: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows([["(Kèm theo Kế hoạch số 123/KH-UBND ngày 15 tháng 1 năm 2025)"], *table])


def workspace(folder: Path) -> Path:
    root = folder / "records"
    (root / "programmes").mkdir(parents=True)
    for name in ("ktcn.yaml", "agencies.yaml"):
        shutil.copy(ROOT / "records" / name, root / name)
    return root


def measure(root: Path, source: Path, rounds: int, env: dict[str, str]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of `ktcn import` in a fresh process, each round writing a new file.

    The first round warms the disk cache and writes the bytecode: it is not counted.  CPU time (user and
    system, of the child) moves less than wall-clock time when the machine is shared.
    """
    times, cpu = [], []
    for n in range(-1, rounds):
        name = f"{source.suffix[1:]}-{n}"
        output = root / "programmes" / f"{name}.yaml"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "ktcn", "import", str(source), "--records", str(root),
                                 "-o", str(output), "--id", name, "--lang", "en"], capture_output=True, text=True,
                                env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if n >= 0:
            times.append(time.perf_counter() - started)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0 or not output.is_file():
            raise SystemExit(f"ktcn import failed:\n{result.stderr}")
        output.unlink()  # each round imports into the same workspace
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = workspace(Path(folder))
        table = rows(args.rows)
        # As installed: bytecode cached (in the temporary folder, whatever PYTHONDONTWRITEBYTECODE says here).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        print(f"ktcn import, {args.rows} rows ({len(table) - 1 - args.rows} section rows), {args.rounds} rounds,"
              f" Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        print(f"{'file':<6} {'best':>7} {'median':>7} {'worst':>7} {'cpu':>7}  target < {TARGET_SECONDS:.0f} s"
              " (median wall-clock)")
        medians = []
        for kind, write in (("docx", write_docx), ("xlsx", write_xlsx), ("csv", write_csv)):
            source = Path(folder) / f"phu-luc.{kind}"
            write(source, table)
            times, cpu = measure(root, source, args.rounds, env)
            medians.append(statistics.median(times))
            print(f"{kind:<6} {min(times):>6.2f}s {statistics.median(times):>6.2f}s {max(times):>6.2f}s "
                  f"{statistics.median(cpu):>6.2f}s  {'pass' if statistics.median(times) < TARGET_SECONDS else 'FAIL'}")
        print(f"slowest median: {max(medians):.2f} s; load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
