"""Parsing over several processes gives what parsing in one does, in the same order."""

from __future__ import annotations

import os
from datetime import date

import pytest

from ktcn.errors import UsageError
from ktcn.records import fanout
from ktcn.records.loader import load_board, validate_workspace

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, PROGRAMME


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


@pytest.fixture
def two_workers(monkeypatch):
    monkeypatch.setattr(fanout, "MIN_WORK", 2)
    monkeypatch.setenv("KTCN_JOBS", "2")


def test_fan_out_keeps_the_order_and_uses_other_processes(two_workers):
    results = list(fanout.fan_out(_pid_and_square, range(40), work=10**9))
    assert [square for _, square in results] == [n * n for n in range(40)]
    assert os.getpid() not in {pid for pid, _ in results}


def test_items_go_in_as_many_chunks_as_asked_and_come_back_in_order(two_workers, monkeypatch):
    """`pieces` chunks per worker: 40 items, 2 workers, 20 pieces each: chunks of 1 item."""
    from concurrent.futures import ProcessPoolExecutor

    sizes = []
    real = ProcessPoolExecutor.map

    def mapped(self, fn, *iterables, timeout=None, chunksize=1):
        sizes.append(chunksize)
        return real(self, fn, *iterables, timeout=timeout, chunksize=chunksize)

    monkeypatch.setattr(ProcessPoolExecutor, "map", mapped)
    results = list(fanout.fan_out(_pid_and_square, range(40), work=10**9, pieces=20))
    assert [square for _, square in results] == [n * n for n in range(40)]
    assert sizes == [1]
    list(fanout.fan_out(_pid_and_square, range(40), work=10**9))
    assert sizes == [1, 2]  # the default, 8 pieces a worker: 40 // 16


def test_one_job_little_work_or_one_item_stay_in_this_process(monkeypatch):
    monkeypatch.setenv("KTCN_JOBS", "1")
    assert {pid for pid, _ in fanout.fan_out(_pid_and_square, range(100), work=10**9)} == {os.getpid()}
    monkeypatch.setenv("KTCN_JOBS", "4")
    assert {pid for pid, _ in fanout.fan_out(_pid_and_square, range(100), work=1000)} == {os.getpid()}
    assert {pid for pid, _ in fanout.fan_out(_pid_and_square, [1], work=10**9)} == {os.getpid()}


@pytest.mark.parametrize("value", ["0", "two", "-1"])
def test_a_bad_ktcn_jobs_is_a_usage_error(monkeypatch, value, ktcn, ws):
    monkeypatch.setenv("KTCN_JOBS", value)
    with pytest.raises(UsageError):
        fanout.workers()
    ws({"programmes/p.yaml": PROGRAMME})
    result = ktcn("validate")
    assert result.exit_code == 2 and "KTCN_JOBS" in result.stderr


def _workspace(ws):
    files = {"agencies.yaml": DEMO_AGENCIES}
    for n in range(9):
        files[f"programmes/p{n}.yaml"] = DEMO_PROGRAMME.replace("id: ctr-demo", f"id: ctr-demo-{n}")
    files["programmes/broken.yaml"] = "id: [unclosed\n"
    files["programmes/late.yaml"] = DEMO_PROGRAMME.replace("id: ctr-demo", "id: ctr-late").replace(
        "{date: 2025-10-15, status: done, progress: 100}", "{date: 2027-10-15, status: done, progress: 90}")
    return ws(files)


@pytest.mark.parametrize("use_cache", [True, False])
def test_validate_and_status_agree_over_several_processes(ws, monkeypatch, use_cache):
    root = _workspace(ws)
    day = date(2025, 9, 30)
    monkeypatch.setenv("KTCN_JOBS", "1")
    alone = validate_workspace(root, day, use_cache=False), load_board(root, day, use_cache=False)
    monkeypatch.setattr(fanout, "MIN_WORK", 2)
    monkeypatch.setenv("KTCN_JOBS", "2")
    spread = validate_workspace(root, day, use_cache=use_cache), load_board(root, day, use_cache=use_cache)
    assert spread[0] == alone[0]
    found = {(d.code, os.path.basename(d.path)) for d in spread[0][1]}
    assert {("KTCN001", "broken.yaml"), ("KTCN505", "late.yaml")} <= found
    assert spread[1].standings == alone[1].standings and len(spread[1].standings) == 10
    assert spread[1].diagnostics == alone[1].diagnostics
