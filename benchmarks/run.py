#!/usr/bin/env python3
"""Measure ktcn side by side with the baselines of issues 8 and 20, and print each ratio next to its target.

    python benchmarks/run.py --size province            # ~1 minute
    python benchmarks/run.py --size national --rounds 3 # ~8 minutes
    python benchmarks/run.py --corpus DIR --json results.json

Every measurement is a fresh child process of this same Python, timed with
time.perf_counter() from spawn to exit; its peak RSS comes from os.wait4().
Within a round the contenders run one after the other, in reverse order every
other round, so drift (thermal, other load) falls on both sides; the table shows
medians over the rounds.  It reports and never fails: the exit status is 0.
See benchmarks/README.md for what each line means.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BUNDLED = REPO / "records"
AS_OF = "2026-06-30"
CACHE_FOLDER = ".ktcn-cache"
DEFAULT_ROUNDS = {"province": 5, "national": 3, "tiny": 3}
STARTUP_REPEATS = 4  # the cheap startup commands run this many times per round

# The `ktcn` console script (pyproject.toml names its entry point), run by this same Python, as pip's script does.
KTCN = (sys.executable, "-c", "import sys; from ktcn.launch import main; sys.exit(main())")

# The baseline everyone knows: read every record file and yaml.load it with libyaml, nothing else.
BARE_PARSE = """\
import os, sys, yaml
root = sys.argv[1]
files = [os.path.join(root, "ktcn.yaml"), os.path.join(root, "agencies.yaml")]
for folder, dirs, names in os.walk(os.path.join(root, "programmes")):
    dirs.sort()
    files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".yaml")]
for name in files:
    with open(name, "rb") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""

# The smallest Typer app with a --version option and a command, for startup cost.
MINIMAL_TYPER = """\
import typer

app = typer.Typer(help="A minimal Typer app.")


def _version(value: bool) -> None:
    if value:
        typer.echo("app 0.1.0")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    \"\"\"A minimal Typer app.\"\"\"


@app.command()
def hello(name: str = "world") -> None:
    \"\"\"Say hello.\"\"\"
    typer.echo(f"hello {name}")


if __name__ == "__main__":
    app()
"""


# The lines of the table: (measurement, our contender, the baseline contender, target ratio or None).
# Targets: issue 8, and issue 20 where it set a tighter one (cold validate over the cores, one core, JSON lists).
CORPUS_LINES = (
    ("cold `ktcn validate --no-cache` / bare parse", "cold validate --no-cache", "bare parse", 0.4),
    ("cold `validate --no-cache`, one core / bare parse", "cold validate --no-cache, KTCN_JOBS=1", "bare parse",
     0.7),
    ("cold `ktcn validate`, empty cache / bare parse", "cold validate, empty cache", "bare parse", 1.0),
    ("warm `ktcn validate`, 1 file touched / bare parse", "warm validate", "bare parse", 0.10),
    ("warm `ktcn status`, 1 file touched / bare parse", "warm status", "bare parse", 0.10),
    ("warm `status --format json` / bare parse", "status --format json", "bare parse", 0.3),
    ("warm `overdue --format json` / bare parse", "overdue --format json", "bare parse", 0.3),
)
CORPUS_RSS_LINES = (
    ("peak RSS: cold validate --no-cache / bare parse", "cold validate --no-cache", "bare parse", 1.5),
    ("peak RSS: cold validate, one core / bare parse", "cold validate --no-cache, KTCN_JOBS=1", "bare parse", 1.5),
    ("peak RSS: cold validate, empty cache / bare parse", "cold validate, empty cache", "bare parse", 1.5),
    ("peak RSS: warm validate / bare parse", "warm validate", "bare parse", 1.5),
    ("peak RSS: warm status / bare parse", "warm status", "bare parse", 1.5),
)
# Absolute bounds (issue 20): the JSON lists streamed, whatever the size of the workspace.
JSON_RSS_LIMIT_MB = 100.0
JSON_RSS_LINES = (
    ("peak RSS: `status --format json` / 100 MB", "status --format json"),
    ("peak RSS: `overdue --format json` / 100 MB", "overdue --format json"),
)
# Issue 20: the everyday commands on a province, warm, against the floor of starting a Typer app.
WARM_COMMANDS = ("status", "overdue", "upcoming", "show TASK")
WARM_LINES = tuple(
    (f"warm `{command}`, {how} / Typer app --help", f"warm {command}, {how}", "typer --help (province)", 1.2)
    for command in WARM_COMMANDS for how in ("nothing changed", "1 file touched"))
# With --baseline: the same lines for another ktcn source tree, timed in the same rounds (no target: a reference).
BASELINE_WARM_LINES = tuple((f"baseline ktcn: {name}", f"baseline {ours}", typer, None)
                            for name, ours, typer, _ in WARM_LINES)
STARTUP_LINES = (
    ("`ktcn --version` / minimal Typer app --version", "ktcn --version", "typer --version", 1.2),
    ("`ktcn --help` / minimal Typer app --help", "ktcn --help", "typer --help", 1.2),
    ("`ktcn status`, bundled records / Typer app --help", "ktcn status (bundled)", "typer --help", None),
)
STARTUP_RSS_LINES = (
    ("peak RSS: `ktcn --version` / Typer app --version", "ktcn --version", "typer --version", None),
    ("peak RSS: `ktcn --help` / Typer app --help", "ktcn --help", "typer --help", None),
    ("peak RSS: `ktcn status`, bundled / Typer app --help", "ktcn status (bundled)", "typer --help", None),
)


# --- results and the table -------------------------------------------------------------------------------


@dataclass
class Result:
    """One line of the table: ours against a baseline, as medians; the target is a bound on ours/baseline."""

    name: str
    ours: float
    baseline: float
    unit: str  # "s" or "MB"
    target: float | None = None
    ours_what: str = ""
    baseline_what: str = ""
    note: str = ""
    ours_samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        return self.ours / self.baseline if self.baseline > 0 else None

    @property
    def passed(self) -> bool | None:
        ratio = self.ratio
        if self.target is None or ratio is None:
            return None
        return ratio <= self.target

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["passed"] = self.passed
        return data


def format_value(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.1f} MB"
    if value >= 10:
        return f"{value:.1f} s"
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.0f} ms"


def format_table(results: Sequence[Result]) -> str:
    """The results as a Markdown table: measurement, ours, baseline, ratio, target, pass/fail."""
    header = ("measurement", "ours", "baseline", "ratio", "target", "result")
    rows = [header]
    for r in results:
        ratio = r.ratio
        verdict = {True: "pass", False: "FAIL", None: "-"}[r.passed]
        if r.note:
            verdict += f" ({r.note})"
        rows.append((
            r.name,
            format_value(r.ours, r.unit),
            format_value(r.baseline, r.unit),
            f"{ratio:.2f}×" if ratio is not None else "-",
            f"≤ {r.target:.2f}×" if r.target is not None else "-",
            verdict,
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    right = {1, 2, 3, 4}

    def line(row: Sequence[str]) -> str:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        return "| " + " | ".join(cells) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":" if i in right else "-" * (w + 2)) for i, w in enumerate(widths)) + "|"
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])


# --- running children ----------------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    rss_mb: float  # peak resident set size of the child
    status: int
    stderr: str = ""
    cpu: float = 0.0  # the child's user and system time: moves less than the wall time on a shared machine


class Runner:
    """Spawns a command with stdout to /dev/null, times it, and reads its peak RSS from os.wait4."""

    def __init__(self) -> None:
        self.env = {**os.environ, "NO_COLOR": "1"}
        self.env.pop("KTCN_RECORDS", None)
        self.env.pop("KTCN_JOBS", None)
        # Installed Python keeps compiled bytecode: without it every module of ktcn is compiled at each start,
        # which is not what a user's machine does (some shells and sandboxes set this).
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - kept open for the runner's life
        self.spawn_ok = hasattr(os, "posix_spawn") and hasattr(os, "wait4")

    def run(self, argv: Sequence[str], env: dict[str, str] | None = None) -> Run:
        self._errors.seek(0)
        env = {**self.env, **(env or {})}
        self._errors.truncate()
        if self.spawn_ok:
            actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                       (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                       (os.POSIX_SPAWN_DUP2, self._errors.fileno(), 2)]
            began = time.perf_counter()
            pid = os.posix_spawn(argv[0], list(argv), env, file_actions=actions)
            _, wait_status, usage = os.wait4(pid, 0)
            seconds = time.perf_counter() - began
            status = os.waitstatus_to_exitcode(wait_status)
            # ru_maxrss is in kilobytes on Linux, in bytes on macOS
            rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
            cpu = usage.ru_utime + usage.ru_stime
        else:  # pragma: no cover - Windows: time only
            began = time.perf_counter()
            done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._errors,
                                  env=env, check=False)
            seconds, status, rss, cpu = time.perf_counter() - began, done.returncode, 0.0, 0.0
        stderr = ""
        if status != 0:
            self._errors.seek(0)
            stderr = self._errors.read()[-2000:].decode("utf-8", "replace")
        return Run(seconds, rss, status, stderr, cpu)


@dataclass
class Contender:
    key: str
    argv: Sequence[str]
    before: Callable[[], None] | None = None  # untimed preparation (touch a file, empty the cache)
    expect: int = 0
    env: dict[str, str] | None = None  # set for this contender only


class Bench:
    def __init__(self, runner: Runner, log: Callable[[str], None], warm_rounds: int = 5) -> None:
        self.runner = runner
        self.log = log
        self.warm_rounds = warm_rounds
        self.samples: dict[str, list[Run]] = {}
        self.problems: dict[str, str] = {}

    def rounds(self, contenders: Sequence[Contender], rounds: int, label: str) -> None:
        """Run every contender once per round, reversing the order every other round."""
        for number in range(rounds):
            order = contenders if number % 2 == 0 else list(reversed(contenders))
            began = time.perf_counter()
            for contender in order:
                if contender.before:
                    contender.before()
                run = self.runner.run(contender.argv, contender.env)
                self.samples.setdefault(contender.key, []).append(run)
                if run.status != contender.expect and contender.key not in self.problems:
                    self.problems[contender.key] = f"exit {run.status}"
                    self.log(f"  ! {contender.key} exited {run.status}: {run.stderr.strip()[-600:]}")
            self.log(f"  {label}: round {number + 1}/{rounds} in {time.perf_counter() - began:.1f} s")

    def median(self, key: str, what: str = "seconds") -> float:
        return statistics.median(getattr(r, what) for r in self.samples[key])

    def values(self, key: str, what: str = "seconds") -> list[float]:
        return [getattr(r, what) for r in self.samples[key]]

    def bounded(self, name: str, ours: str, limit_mb: float) -> Result:
        """A peak RSS against a fixed bound rather than a baseline's."""
        return Result(name, self.median(ours, "rss_mb"), limit_mb, "MB", 1.0, ours, "a fixed bound",
                      f"{ours}: {self.problems[ours]}" if ours in self.problems else "", self.values(ours, "rss_mb"))

    def result(self, name: str, ours: str, baseline: str, target: float | None, *, rss: bool = False,
               baseline_what: str = "", cpu: bool = False) -> Result:
        what = "rss_mb" if rss else "cpu" if cpu else "seconds"
        note = ", ".join(f"{k}: {self.problems[k]}" for k in (ours, baseline) if k in self.problems)
        return Result(name, self.median(ours, what), self.median(baseline, what), "MB" if rss else "s", target,
                      ours, baseline_what or baseline, note, self.values(ours, what), self.values(baseline, what))


# --- the machine and the corpus -----------------------------------------------------------------------------


def machine() -> dict[str, object]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    import yaml

    try:
        import ktcn

        ktcn_version = getattr(ktcn, "__version__", "?")
    except ImportError:  # pragma: no cover
        ktcn_version = "not importable"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "usable_cores": usable, "memory": memory,
        "python": f"{platform.python_implementation()} {platform.python_version()}", "platform": platform.platform(),
        "pyyaml": f"{yaml.__version__} ({'libyaml' if yaml.__with_libyaml__ else 'pure Python'})",
        "ktcn": ktcn_version,
    }


def corpus_files(root: Path) -> list[Path]:
    files = [root / "ktcn.yaml", root / "agencies.yaml"]
    for folder, dirs, names in os.walk(root / "programmes"):
        dirs.sort()
        files += [Path(folder, n) for n in sorted(names) if n.endswith(".yaml")]
    return files


def generate(size: str, seed: int, out: Path, log: Callable[[str], None]) -> dict[str, object]:
    sys.path.insert(0, str(HERE))
    try:
        import gen_corpus
    finally:
        sys.path.remove(str(HERE))
    began = time.perf_counter()
    stats = gen_corpus.generate(size, seed, out)
    seconds = time.perf_counter() - began
    log(f"generated the {size} corpus (seed {seed}) in {out}: {stats.files} files, {stats.tasks} tasks, "
        f"{stats.updates} updates, {stats.bytes / 1e6:.1f} MB, {seconds:.1f} s")
    return {"files": stats.files, "tasks": stats.tasks, "updates": stats.updates, "bytes": stats.bytes,
            "seconds": round(seconds, 2), "seed": seed}


def describe_corpus(root: Path) -> dict[str, object]:
    files = corpus_files(root)
    return {"files": len(files) - 2, "bytes": sum(f.stat().st_size for f in files)}


class Toucher:
    """Appends a comment line to one programme file (what an edit costs), and puts the file back afterwards."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.original = file.read_bytes()
        self.count = 0

    def touch(self) -> None:
        self.count += 1
        with self.file.open("ab") as handle:
            handle.write(f"# benchmark: touched {self.count}\n".encode())

    def restore(self) -> None:
        self.file.write_bytes(self.original)


def supports(argv: Sequence[str], flag: str) -> bool:
    done = subprocess.run([*argv, "--help"], capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"})
    return flag in done.stdout


# --- the benchmark ------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Measure ktcn against a bare CSafeLoader parse, a minimal Typer app and check-jsonschema.")
    parser.add_argument("--size", choices=("province", "national", "tiny"), default="province",
                        metavar="province|national", help="corpus size to generate (default: province)")
    parser.add_argument("--rounds", type=int, default=None,
                        help="rounds per measurement (default: 5 for province, 3 for national)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="use this workspace instead of generating one (a file in it is touched, then restored)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated corpus (default: 1)")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder with the corpus")
    parser.add_argument("--baseline", type=Path, default=None, metavar="DIR",
                        help="another ktcn source tree (git archive COMMIT | tar -x -C DIR) whose warm commands are "
                             "timed beside this one's, alternating, each on its own copy of the province corpus; "
                             "run from outside a checkout (a ktcn/ in the working folder would shadow it)")
    parser.add_argument("--warm-only", action="store_true",
                        help="only the warm everyday commands on the province (issue 20, item 1)")
    args = parser.parse_args(argv)
    if args.baseline is not None and not (args.baseline / "ktcn" / "__init__.py").is_file():
        parser.error(f"--baseline {args.baseline}: not a ktcn source tree (no ktcn/__init__.py)")
    if args.rounds is None:
        args.rounds = DEFAULT_ROUNDS[args.size]
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def benchmark(args: argparse.Namespace, work: Path) -> dict[str, object]:
    notes: list[str] = []
    runner = Runner()
    bench = Bench(runner, log, warm_rounds=args.rounds * 2)
    if args.corpus:
        corpus = args.corpus.resolve()
        if not (corpus / "ktcn.yaml").is_file():
            raise SystemExit(f"run.py: {corpus} is not a workspace (no ktcn.yaml)")
        corpus_info: dict[str, object] = {"path": str(corpus), **describe_corpus(corpus)}
    else:
        corpus = work / f"corpus-{args.size}"
        corpus_info = {"path": str(corpus), **generate(args.size, args.seed, corpus, log)}

    no_cache = supports([*KTCN, "validate"], "--no-cache")
    if not no_cache:
        notes.append("this ktcn has no --no-cache: the cold lines run plain `ktcn validate`")
    (work / "bare_parse.py").write_text(BARE_PARSE)
    (work / "minimal_typer.py").write_text(MINIMAL_TYPER)
    validate = [*KTCN, "validate", "--records", str(corpus), "--as-of", AS_OF, "--strict"]
    status = [*KTCN, "status", "--records", str(corpus), "--as-of", AS_OF]
    bare = [sys.executable, str(work / "bare_parse.py"), str(corpus)]
    cache = corpus / CACHE_FOLDER
    programmes = corpus_files(corpus)[2:]
    if not programmes:
        raise SystemExit(f"run.py: {corpus} has no programme files")
    toucher = Toucher(programmes[len(programmes) // 2])

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def warm_status() -> None:
        """Warm means the cache holds what `status` reads (each programme's standing), then one file is edited:
        a cold validate in the same round empties the cache, and validate does not compute standings."""
        runner.run(status)
        toucher.touch()

    results: list[Result] = []
    if args.warm_only:
        province = corpus if args.size == "province" else work / "corpus-province"
        if args.size != "province":
            generate("province", args.seed, province, log)
        results = warm_commands(bench, runner, province, [sys.executable, str(work / "minimal_typer.py")],
                                args.baseline, work)
        return {"machine": machine(), "size": args.size, "rounds": args.rounds, "as_of": AS_OF,
                "corpus": corpus_info, "no_cache_flag": no_cache, "notes": notes,
                "results": [r.as_dict() for r in results], "_results": results}
    try:
        # 1. cold and warm against the bare parse
        log(f"priming: ktcn validate on {corpus} (fills the cache; imports compiled)")
        prime = runner.run(validate)
        if prime.status != 0:
            notes.append(f"`ktcn validate --strict` on the corpus exited {prime.status}: {prime.stderr.strip()[-300:]}")
        cold = [*validate, "--no-cache"] if no_cache else validate
        contenders = [
            Contender("bare parse", bare),
            Contender("cold validate --no-cache", cold),
            Contender("cold validate --no-cache, KTCN_JOBS=1", cold, env={"KTCN_JOBS": "1"}),
            Contender("cold validate, empty cache", validate, empty_cache),
            Contender("warm validate", validate, toucher.touch),
            Contender("warm status", status, warm_status),
            # warm: the standings are in the cache (a cold line of the same round empties it)
            Contender("status --format json", [*status, "--format", "json"], partial(runner.run, status)),
            Contender("overdue --format json", [*KTCN, "overdue", "--records", str(corpus), "--as-of", AS_OF,
                                                "--format", "json"], partial(runner.run, status)),
        ]
        bench.rounds(contenders, args.rounds, "corpus")
        results += [bench.result(*line, baseline_what="bare CSafeLoader parse") for line in CORPUS_LINES]
        rss_results = [bench.result(*line, rss=True, baseline_what="bare CSafeLoader parse")
                       for line in CORPUS_RSS_LINES]
        rss_results += [bench.bounded(name, key, JSON_RSS_LIMIT_MB) for name, key in JSON_RSS_LINES]
    finally:
        toucher.restore()

    # 2. the everyday commands on a province, warm, against starting a minimal Typer app
    province = corpus if args.size == "province" else work / "corpus-province"
    if args.size != "province":
        generate("province", args.seed, province, log)
    results += warm_commands(bench, runner, province, [sys.executable, str(work / "minimal_typer.py")],
                             args.baseline, work)

    # 3. startup, on the bundled records
    typer_app = [sys.executable, str(work / "minimal_typer.py")]
    startup = [
        Contender("typer --version", [*typer_app, "--version"]),
        Contender("ktcn --version", [*KTCN, "--version"]),
        Contender("typer --help", [*typer_app, "--help"]),
        Contender("ktcn --help", [*KTCN, "--help"]),
        Contender("ktcn status (bundled)", [*KTCN, "status", "--records", str(BUNDLED)]),
    ]
    for contender in startup:  # compile bytecode, warm the page cache
        runner.run(contender.argv)
    bench.rounds(startup, args.rounds * STARTUP_REPEATS, "startup")
    results += [bench.result(*line, baseline_what="minimal Typer app") for line in STARTUP_LINES]
    rss_results += [bench.result(*line, rss=True, baseline_what="minimal Typer app") for line in STARTUP_RSS_LINES]

    # 4. against check-jsonschema, on a province corpus
    jsonschema = check_jsonschema_command()
    if jsonschema is None:
        notes.append("check-jsonschema is not installed: pip install check-jsonschema")
    else:
        schema = work / "programme.schema.json"
        made = subprocess.run([*KTCN, "schema", "programme", "-o", str(schema)], capture_output=True, text=True,
                              check=False)
        if made.returncode != 0 or not schema.is_file():
            notes.append(f"`ktcn schema programme -o FILE` failed: {made.stderr.strip()[-300:]}")
        else:
            files = [str(f) for f in corpus_files(province)[2:]]
            province_validate = [*KTCN, "validate", "--records", str(province), "--as-of", AS_OF, "--strict"]
            if no_cache:
                province_validate.append("--no-cache")
            pair = [Contender("check-jsonschema", [*jsonschema, "--schemafile", str(schema), *files]),
                    Contender("validate (province)", province_validate)]
            for contender in pair:
                runner.run(contender.argv)
            bench.rounds(pair, args.rounds, "check-jsonschema")
            flag = " --no-cache" if no_cache else ""
            results.append(bench.result(f"`ktcn validate{flag}` / check-jsonschema, province", "validate (province)",
                                        "check-jsonschema", 1.0, baseline_what="check-jsonschema"))
            rss_results.append(bench.result("peak RSS: validate / check-jsonschema, province",
                                            "validate (province)", "check-jsonschema", None, rss=True,
                                            baseline_what="check-jsonschema"))
    results += rss_results
    return {"machine": machine(), "size": args.size, "rounds": args.rounds, "as_of": AS_OF, "corpus": corpus_info,
            "no_cache_flag": no_cache, "notes": notes, "results": [r.as_dict() for r in results],
            "_results": results}


def first_task(file: Path) -> str:
    """`programme/task` of a programme file's first task, read from its lines (no YAML library in the timing)."""
    programme = task = ""
    for line in file.read_text(encoding="utf-8").splitlines():
        if not programme and line.startswith("id:"):
            programme = line.split(":", 1)[1].strip().strip("'\"")
        elif programme and line.lstrip().startswith("- id:"):
            task = line.split(":", 1)[1].strip().strip("'\"")
            break
    return f"{programme}/{task}"


def warm_commands(bench: Bench, runner: Runner, province: Path, typer_app: list[str], baseline: Path | None = None,
                  work: Path | None = None) -> list[Result]:
    """Issue 20: `status`, `overdue`, `upcoming` and `show TASK` on a province with a warm cache, each with
    nothing changed since its last run and with one file touched, against a minimal Typer app's --help.

    With `baseline` (another ktcn source tree), its eight lines too, in the same rounds, on a copy of the corpus
    in `work` with a cache of its own.
    """
    sides = [("", province, None)]
    if baseline is not None:
        assert work is not None
        copy = work / "corpus-province-baseline"
        shutil.copytree(province, copy, ignore=shutil.ignore_patterns(CACHE_FOLDER), dirs_exist_ok=True)
        sides.append(("baseline ", copy, {"PYTHONPATH": str(baseline.resolve())}))
    contenders = [Contender("typer --help (province)", [*typer_app, "--help"])]
    touchers = []
    for prefix, root, env in sides:
        files = corpus_files(root)[2:]
        toucher = Toucher(files[len(files) // 2])
        touchers.append(toucher)
        common = ["--records", str(root), "--as-of", AS_OF]
        argvs = {"status": [*KTCN, "status", *common], "overdue": [*KTCN, "overdue", *common],
                 "upcoming": [*KTCN, "upcoming", *common],
                 "show TASK": [*KTCN, "show", first_task(toucher.file), *common]}
        for command, argv in argvs.items():
            contenders += [Contender(f"{prefix}warm {command}, nothing changed", argv,
                                     _warm(runner, argv, env, None), env=env),
                           Contender(f"{prefix}warm {command}, 1 file touched", argv,
                                     _warm(runner, argv, env, toucher), env=env)]
    try:
        for contender in contenders:
            runner.run(contender.argv, contender.env)  # fill the cache, compile the bytecode
        bench.rounds(contenders, bench.warm_rounds, "warm commands")
    finally:
        for toucher in touchers:
            toucher.restore()
    lines = WARM_LINES + (BASELINE_WARM_LINES if baseline is not None else ())
    wall = [bench.result(*line, baseline_what="minimal Typer app --help") for line in lines]
    cpu = [bench.result(f"CPU: {name}", *rest, baseline_what="minimal Typer app --help, CPU", cpu=True)
           for name, *rest in lines]
    return wall + cpu


def _warm(runner: Runner, argv: list[str], env: dict[str, str] | None,
          toucher: Toucher | None) -> Callable[[], None]:
    """What runs, untimed, before a warm command: the command itself, so its cache is full; then one edit."""
    def before() -> None:
        runner.run(argv, env)  # its cache is full: nothing changed since its own last run...
        if toucher is not None:
            toucher.touch()  # ...but for this one edit

    return before


def check_jsonschema_command() -> list[str] | None:
    if importlib.util.find_spec("check_jsonschema") is not None:
        return [sys.executable, "-m", "check_jsonschema"]
    found = shutil.which("check-jsonschema")
    return [found] if found else None


def report(outcome: dict[str, object], seconds: float) -> str:
    info = outcome["machine"]
    assert isinstance(info, dict)
    corpus = outcome["corpus"]
    assert isinstance(corpus, dict)
    lines = [
        f"Machine: {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), {info['memory']} RAM; "
        f"{info['python']} on {info['platform']}; PyYAML {info['pyyaml']}; ktcn {info['ktcn']}",
        f"Corpus: {outcome['size']}, {corpus.get('files')} programme files, "
        + (f"{corpus['tasks']} tasks, {corpus['updates']} updates, " if "tasks" in corpus else "")
        + f"{int(corpus['bytes']) / 1e6:.1f} MB ({corpus['path']}); as of {outcome['as_of']}; "
        f"medians of {outcome['rounds']} round(s), {outcome['rounds'] * STARTUP_REPEATS} for startup",
        "",
        format_table(outcome["_results"]),  # type: ignore[arg-type]
    ]
    notes = outcome["notes"]
    assert isinstance(notes, list)
    lines += [""] + [f"Note: {n}" for n in notes] if notes else []
    lines.append(f"\nThe benchmark took {seconds / 60:.1f} minutes.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="ktcn-bench-"))
    try:
        outcome = benchmark(args, work)
        seconds = time.perf_counter() - began
        print(report(outcome, seconds))
        if args.json:
            data = {k: v for k, v in outcome.items() if not k.startswith("_")}
            data["seconds"] = round(seconds, 1)
            args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
