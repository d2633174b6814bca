"""Hostile input never crashes ktcn and never hangs: every case exits 1 with its code at its line.

The corpus is tests/hostile/ (see make_corpus.py there); the cases that need the
file system are built here.  Every command that reads records is run on every
case: none may print a traceback or exit 70.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from conftest import PROGRAMME, write_workspace

HOSTILE = Path(__file__).parent / "hostile"
CASES = [line.split("\t") for line in (HOSTILE / "expected.tsv").read_text(encoding="utf-8").splitlines()[1:]]
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # what a terminal would obey
HANG_GUARD_SECONDS = 5  # a guard against hangs, not a speed target (those live in benchmarks/)


def place(case_file: str) -> str:
    """Where a case file goes in the workspace."""
    if case_file.startswith("agencies--"):
        return "agencies.yaml"
    if case_file.startswith("ktcn--"):
        return "ktcn.yaml"
    return f"programmes/{case_file}"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KTCN_RECORDS", raising=False)
    return write_workspace(tmp_path, {"programmes/p.yaml": PROGRAMME})


def validate(ktcn) -> tuple[int, list[tuple[str, str, int]], str]:
    started = time.monotonic()
    result = ktcn("validate", "--strict", "--format", "json")
    assert time.monotonic() - started < HANG_GUARD_SECONDS
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    found = [(d["path"], d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]]
    return result.exit_code, found, output


def test_the_corpus_has_at_least_40_cases():
    assert len(CASES) >= 40
    assert all((HOSTILE / name).is_file() for name, _, _ in CASES)


@pytest.mark.parametrize(("name", "code", "line"), CASES, ids=[c[0] for c in CASES])
def test_each_hostile_case_gives_its_code_at_its_line(workspace, ktcn, name, code, line):
    target = place(name)
    (workspace / target).parent.mkdir(exist_ok=True)
    (workspace / target).write_bytes((HOSTILE / name).read_bytes())
    exit_code, found, _ = validate(ktcn)
    assert exit_code == 1
    assert (target, code, int(line)) in found, found
    for command in (["validate"], ["status"], ["overdue"], ["upcoming"], ["report", "--year", "2025"],
                    ["report", "--year", "2025", "--allow-errors"], ["show", "kh-1"]):
        result = ktcn(*command)
        assert result.exit_code in (0, 1, 2, 3), (command, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        assert not RAW_CONTROL.search(result.stdout + result.stderr), (command, "a raw control character")


def broken(ktcn, path: str, code: str = "KTCN009") -> None:
    exit_code, found, _ = validate(ktcn)
    assert exit_code == 1 and (path, code, 1) in found, found


def test_a_50_mb_file_is_refused_quickly(workspace, ktcn):
    with open(workspace / "programmes/lon.yaml", "wb") as out:
        out.write(b"title: " + b"x" * (50 * 1024 * 1024) + b"\n")
    broken(ktcn, "programmes/lon.yaml", "KTCN010")


def test_a_symlink_loop(workspace, ktcn):
    os.symlink("vong.yaml", workspace / "programmes/vong.yaml")
    broken(ktcn, "programmes/vong.yaml")


def test_a_fifo_named_like_yaml_does_not_block(workspace, ktcn):
    os.mkfifo(workspace / "programmes/ong.yaml")
    broken(ktcn, "programmes/ong.yaml")


def test_a_link_to_an_endless_device(workspace, ktcn):
    os.symlink("/dev/zero", workspace / "programmes/zero.yaml")
    broken(ktcn, "programmes/zero.yaml")


def test_a_directory_named_like_yaml(workspace, ktcn):
    (workspace / "programmes/thu-muc.yaml").mkdir()
    broken(ktcn, "programmes/thu-muc.yaml")


def test_an_unreadable_file(workspace, ktcn, monkeypatch):
    (workspace / "programmes/khoa.yaml").write_text(PROGRAMME.replace("kh-1", "kh-2"), encoding="utf-8")
    real = Path.read_bytes

    def refuse(self):  # tests may run as root, who can read anything: simulate the permission error
        if self.name == "khoa.yaml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    exit_code, found, output = validate(ktcn)
    assert exit_code == 1 and ("programmes/khoa.yaml", "KTCN009", 1) in found
    assert "Permission denied" in output


def test_memory_stays_bounded_on_the_alias_bomb(workspace, ktcn):
    import tracemalloc

    (workspace / "programmes/bom.yaml").write_bytes((HOSTILE / "billion-laughs.yaml").read_bytes())
    tracemalloc.start()
    validate(ktcn)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 50 * 1024 * 1024


@pytest.mark.parametrize(("name", "code", "line"), CASES, ids=[c[0] for c in CASES])
def test_validating_without_keeping_programmes_finds_what_loading_finds(workspace, name, code, line):
    from datetime import date

    from ktcn.records.loader import load, validate_workspace

    target = place(name)
    (workspace / target).parent.mkdir(exist_ok=True)
    (workspace / target).write_bytes((HOSTILE / name).read_bytes())
    today = date(2025, 7, 1)
    assert validate_workspace(workspace, today)[1] == load(workspace, today).diagnostics


def test_validating_the_bundled_and_demo_records_agrees_with_loading(tmp_path, monkeypatch):
    from datetime import date

    from ktcn.records.loader import load, validate_workspace

    from conftest import DEMO_AGENCIES, DEMO_PROGRAMME

    records = Path(__file__).resolve().parent.parent / "records"
    demo = write_workspace(tmp_path, {"agencies.yaml": DEMO_AGENCIES, "programmes/d.yaml": DEMO_PROGRAMME,
                                      "programmes/e.yaml": DEMO_PROGRAMME.replace("lead: [lhh]", "lead: [x]")})
    monkeypatch.chdir(tmp_path)
    for root in (records, demo):
        today = date(2026, 1, 20)
        assert validate_workspace(root, today, use_cache=False)[1] == load(root, today, use_cache=False).diagnostics
