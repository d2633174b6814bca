"""Start-up stays light: `ktcn --version` and `--help` import none of the heavy libraries (issue 8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RECORDS = str(Path(__file__).resolve().parent.parent / "records")
HEAVY = ("yaml", "jinja2", "docx", "dateutil", "icalendar", "markdown_it", "lxml")
PROBE = """
import json, sys
sys.argv = ["ktcn", *json.loads(sys.argv[1])]
from ktcn.launch import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["status", "--help"]])
def test_start_up_does_not_import_heavy_libraries(args):
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True,
                            check=True)
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)


def test_version_answers_without_loading_the_command_line():
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(["--version"])], capture_output=True, text=True,
                            check=True)
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("ktcn ")
    assert not {"typer", "click", "rich"} & set(json.loads(lines[-1]))


@pytest.mark.parametrize("command", ["validate", "status", "overdue"])
def test_reading_records_loads_only_what_it_needs(command):
    """hashlib maps OpenSSL (3.7 MB) and multiprocessing is only for many files: neither on an everyday run."""
    records = str(Path(__file__).resolve().parent.parent / "records")
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps([command, "--records", records, "--no-cache"])],
                            capture_output=True, text=True, check=True)
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    unwanted = {"hashlib", "_hashlib", "multiprocessing", "concurrent", "jinja2", "docx", "icalendar", "markdown_it"}
    assert loaded.isdisjoint(unwanted), loaded & unwanted


RUN_MAIN = """
import json, sys
sys.argv = ["ktcn", *json.loads(sys.argv[1])]
from ktcn.cli import main
main()
"""
RUN_APP = """
import json, sys
from ktcn.cli import app
app(json.loads(sys.argv[1]), prog_name="ktcn")
"""


@pytest.mark.parametrize("args", [
    ["status"], ["status", "--help"], ["status", "--lang", "vi", "--help"], ["status", "--bogus"],
    ["status", "--lang", "vi", "--by", "x"], ["overdue", "--format", "csv"], ["show", "kh-231-2024/iii-2"],
    ["show"], ["stauts"], ["--help"], [],
])
def test_one_command_registered_answers_as_the_whole_app(args):
    """`main` registers only the command named on the command line: nothing a user sees may change by it."""
    records = str(Path(__file__).resolve().parent.parent / "records")
    env_args = [*args, "--records", records, "--as-of", "2025-12-01"] if args and args[0] in ("status", "overdue",
                                                                                               "show") else args
    runs = [subprocess.run([sys.executable, "-c", code, json.dumps(env_args)], capture_output=True, text=True,
                           check=False, env={**os.environ, "COLUMNS": "100", "NO_COLOR": "1"})
            for code in (RUN_MAIN, RUN_APP)]
    assert (runs[0].returncode, runs[0].stdout, runs[0].stderr) == (runs[1].returncode, runs[1].stdout,
                                                                    runs[1].stderr)
    assert runs[0].stdout or runs[0].stderr


def test_build_registers_only_the_command_asked_for():
    import typer.main

    from ktcn.cli import COMMANDS, build

    assert sorted(typer.main.get_command(build("status")).commands) == ["status"]
    assert list(typer.main.get_command(build()).commands) == [name for name, _, _ in COMMANDS]


@pytest.mark.parametrize("command", [["status"], ["overdue"], ["show", "kh-231-2024/iii-2"]])
def test_a_warm_view_imports_no_yaml(command, tmp_path):
    """Nothing changed since the last run: every file comes from the cache, and nothing is parsed."""
    import shutil

    records = tmp_path / "records"
    shutil.copytree(Path(__file__).resolve().parent.parent / "records", records)
    args = json.dumps([*command, "--records", str(records), "--as-of", "2025-12-01"])
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", PROBE, args], capture_output=True, text=True, check=False)
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "yaml" not in loaded


@pytest.mark.parametrize(("command", "columns"), [
    (["overdue"], "80"), (["upcoming", "--days", "120"], "80"), (["status"], "80"), (["status"], "50"),
    (["show", "kh-231-2024"], "80"), (["show", "kh-231-2024/iii-2"], "120"),
])
def test_a_view_into_a_pipe_imports_no_rich(command, columns):
    """Without colours (a pipe, a file, CI) the lines are written as they are, headings and legends wrapped by
    ktcn: rich is not loaded.  (A field in two styles that must wrap is still rich's: `show TASK` at 80.)"""
    args = json.dumps([*command, "--records", RECORDS, "--as-of", "2025-12-01"])
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    result = subprocess.run([sys.executable, "-c", PROBE, args], capture_output=True, text=True, check=False,
                            env={**env, "COLUMNS": columns})
    lines = result.stdout.strip().splitlines()
    assert len(lines) > 3, result.stderr
    assert "rich" not in set(json.loads(lines[-1]))
