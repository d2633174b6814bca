#!/usr/bin/env python3
"""How long `ktcn site` takes and how heavy its pages are, on a generated corpus (issue 18's targets).

    python benchmarks/site.py --size province            # target: under 3 s
    python benchmarks/site.py --size national            # target: under 60 s, every page under 300 KB
    python benchmarks/site.py --corpus DIR --as-of 2026-06-30
    python benchmarks/site.py --corpus DIR --baseline /tmp/old --rounds 3   # then warm builds, alternating

Each run is the real command in a fresh process (`ktcn site -o DIR`), timed
from start to exit, with its CPU time (user + system, all processes) beside the
wall time: on a shared machine the wall time moves with the load, the CPU time
much less.  Four builds are measured: the first into a new folder with an
empty cache (cold), the same again with the cache that run filled (warm), a
rebuild into that folder with nothing changed (incremental: no file is
written), and a warm build into the cold build's folder just emptied with
`rm -rf` (what the warm line measured before issue 18n).  Then the largest
files of the site are listed.  It prints, it does not judge: exit 0 whatever
the numbers.

Why a new folder: ext4 without a journal (this machine's) will not give a new
file an inode freed in the last seconds (minutes while the inode table is not
yet written back), and skips them one by one on every file it creates, so a
build that follows the deletion of a site of tens of thousands of files pays
for that deletion (the fourth line).  A build in CI, into a fresh checkout,
does not.  The folders are deleted at the end.

With `--baseline DIR` (another ktcn source tree: `git archive <commit> | tar -x -C DIR`, with
`ln -s ../templates DIR/ktcn/templates` so that it uses its own templates) and `--rounds N`, it then
makes N warm builds with each, alternating, each into a new folder, and prints their medians (`--alternate-only`:
only those).
Children run without PYTHONDONTWRITEBYTECODE: an installed ktcn keeps its compiled modules, and some
sandboxes set it, which made every build compile ktcn's modules afresh.
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
LIMIT = 300 * 1024


def run(command: list[str], baseline: str | None = None) -> tuple[float, float, str]:
    """Wall and CPU seconds of one child process (and its own children), and its stderr; `baseline`: the ktcn
    source tree to run instead of the installed one."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if baseline:
        env["PYTHONPATH"] = baseline
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # from the root folder: `python -c` puts the working folder first on sys.path, where a checkout would shadow
    # the baseline
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False, cwd="/")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        sys.exit(f"ktcn site failed ({done.returncode}):\n{done.stderr}")
    return wall, cpu, done.stderr.strip()


def sizes(folder: Path) -> tuple[int, int, list[tuple[int, str]]]:
    """Pages, bytes in all, and the largest files a browser loads (pages, scripts, the stylesheet)."""
    files = [(p.stat().st_size, p.relative_to(folder).as_posix()) for p in folder.rglob("*") if p.is_file()]
    pages = sum(1 for _, name in files if name.endswith(".html"))
    loaded = [(size, name) for size, name in files if name.endswith((".html", ".js", ".css"))]
    return pages, sum(size for size, _ in files), sorted(loaded, reverse=True)[:8]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("province", "national"), default="province")
    parser.add_argument("--corpus", type=Path, help="an existing workspace instead of a generated one")
    parser.add_argument("--as-of", default="2026-06-30")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--baseline", metavar="DIR", help="another ktcn source tree to time beside this one")
    parser.add_argument("--rounds", type=int, default=3, help="warm builds of each, alternating (with --baseline)")
    parser.add_argument("--alternate-only", action="store_true", help="with --baseline: only the alternating builds")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="ktcn-site-bench-"))
    try:
        corpus = args.corpus
        if corpus is None:
            corpus = scratch / "records"
            subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), "--size", args.size, "--seed", args.seed,
                            "--out", str(corpus)], check=True, capture_output=True)
        command = [sys.executable, "-c", "from ktcn.cli import main; main()", "site", "--records", str(corpus),
                   "--as-of", args.as_of, "-o"]
        print(f"corpus: {corpus}  (cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f})")
        if args.baseline and args.alternate_only:
            alternate(command, scratch, args.baseline, args.rounds)
            return
        shutil.rmtree(corpus / ".ktcn-cache", ignore_errors=True)
        cold, site = scratch / "public-cold", scratch / "public-warm"
        for name, folder in (("cold: empty cache, new folder", cold), ("warm: cache filled, new folder", site),
                             ("incremental: nothing changed", site),
                             ("warm, into a folder just emptied", cold)):
            if folder == cold and folder.exists():
                shutil.rmtree(folder)
            wall, cpu, said = run([*command, str(folder)])
            print(f"{name:36} {wall:7.2f} s wall  {cpu:7.2f} s CPU  (load average after: {os.getloadavg()[0]:.1f})"
                  f"   {said.splitlines()[-1] if said else ''}")
        pages, total, largest = sizes(site)
        print(f"{pages} pages, {total / 1e6:.1f} MB in all; the largest files a browser loads:")
        for size, name in largest:
            print(f"  {size / 1024:8.1f} KB  {name}{'   OVER 300 KB' if size > LIMIT else ''}")
        over = [p for p in site.rglob("*") if p.suffix in (".html", ".js", ".css") and p.stat().st_size > LIMIT]
        print(f"pages, scripts and stylesheets over 300 KB: {len(over)}")
        if args.baseline:
            alternate(command, scratch, args.baseline, args.rounds)
    finally:
        if args.keep:
            print(f"kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def alternate(command: list[str], scratch: Path, baseline: str, rounds: int) -> None:
    """Warm builds, each into a new folder (kept until the end: see above), this ktcn and the baseline in turn;
    their medians."""
    times: dict[str, list[tuple[float, float]]] = {"this": [], "baseline": []}
    for number in range(rounds):
        for name, tree in (("this", None), ("baseline", baseline)):
            wall, cpu, _ = run([*command, str(scratch / f"public-{name}-{number + 1}")], tree)
            times[name].append((wall, cpu))
            print(f"round {number + 1} {name:9} {wall:7.2f} s wall  {cpu:7.2f} s CPU  "
                  f"(load average after: {os.getloadavg()[0]:.1f})")
    for name, found in times.items():
        print(f"median {name:9} {statistics.median(w for w, _ in found):7.2f} s wall  "
              f"{statistics.median(c for _, c in found):7.2f} s CPU")


if __name__ == "__main__":
    main()
