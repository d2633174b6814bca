"""The per-file cache: a file is parsed once per change; edits, upgrades and corrupt entries are handled."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import ktcn.loader as loader_module
from ktcn import cache as cache_module
from ktcn.loader import load

from conftest import PROGRAMME

SECOND = PROGRAMME.replace("id: kh-1", "id: kh-2")


@pytest.fixture
def parses(monkeypatch):
    """Count the programme files actually parsed."""
    seen: list[str] = []
    real = loader_module._parse

    def counting(file, display, data, record, build):
        if record is loader_module.PROGRAMME:
            seen.append(Path(display).name)
        return real(file, display, data, record, build)

    monkeypatch.setattr(loader_module, "_parse", counting)
    return seen


def entries(root: Path) -> list[Path]:
    return sorted((root / ".ktcn-cache").rglob("*.pkl"))


def test_unchanged_files_are_not_parsed_again(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME, "programmes/q.yaml": SECOND})
    first = load(root)
    assert sorted(parses) == ["p.yaml", "q.yaml"] and len(entries(root)) == 2
    parses.clear()
    second = load(root)
    assert parses == []
    assert second.programmes == first.programmes and second.diagnostics == first.diagnostics


def test_an_edit_invalidates_that_file_only(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME, "programmes/q.yaml": SECOND})
    load(root)
    parses.clear()
    (root / "programmes/q.yaml").write_text(SECOND.replace("Nhiệm vụ một", "Nhiệm vụ đã sửa"), encoding="utf-8")
    again = load(root)
    assert parses == ["q.yaml"]
    assert again.programme("kh-2").tasks[0].title == "Nhiệm vụ đã sửa"


def test_touching_without_changing_reuses_the_entry(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    parses.clear()
    os.utime(root / "programmes/p.yaml", ns=(1, 1))
    load(root)
    assert parses == []


def test_diagnostics_come_back_from_the_cache(ws):
    root = ws({"programmes/p.yaml": PROGRAMME.replace("titl", "tittl", 1)})
    assert [d.code for d in load(root).diagnostics] == [d.code for d in load(root).diagnostics] != []


def test_an_upgrade_starts_a_fresh_cache(ws, parses, monkeypatch):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    parses.clear()
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    load(root)
    assert parses == ["p.yaml"]
    assert len({p.parent.name for p in entries(root)}) == 2


def test_a_corrupt_entry_is_a_miss_and_is_rewritten(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    (entry,) = entries(root)
    entry.write_bytes(b"\x80\x05garbage")
    parses.clear()
    assert load(root).programmes[0].id == "kh-1"
    assert parses == ["p.yaml"]
    parses.clear()
    load(root)
    assert parses == []


def test_a_planted_pickle_cannot_run_code(ws, parses, tmp_path):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    (entry,) = entries(root)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    entry.write_bytes(pickle.dumps(Evil()))
    parses.clear()
    load(root)
    assert not marker.exists() and parses == ["p.yaml"]


def test_no_cache_reads_and_writes_nothing(ws, ktcn):
    root = ws({"programmes/p.yaml": PROGRAMME})
    assert ktcn("validate", "--no-cache").exit_code == 0
    assert not (root / ".ktcn-cache").exists()
    assert ktcn("status", "--no-cache").exit_code == 0
    assert not (root / ".ktcn-cache").exists()


def test_two_processes_at_once_agree(ws):
    files = {f"programmes/p{i}.yaml": PROGRAMME.replace("id: kh-1", f"id: kh-{i}") for i in range(20)}
    root = ws(files)
    command = [sys.executable, "-m", "ktcn", "validate", "--records", str(root)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    assert all(run.wait(timeout=60) == 0 for run in runs)
    assert len(entries(root)) == 20
    assert load(root).diagnostics == ()


def test_an_unwritable_cache_only_costs_time(ws, parses, monkeypatch):
    root = ws({"programmes/p.yaml": PROGRAMME})
    (root / ".ktcn-cache").write_text("a file where the folder should be", encoding="utf-8")
    assert load(root).programmes[0].id == "kh-1"
    assert load(root).programmes[0].id == "kh-1"
    assert parses == ["p.yaml", "p.yaml"]
