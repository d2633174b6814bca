"""The collector paused while records load (`ktcn.records.collector.gc_paused`), and what it leaves behind."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ktcn.records.collector import gc_paused

RECORDS = str(Path(__file__).resolve().parent.parent / "records")


@pytest.fixture
def collector():
    """The collector on, nothing set aside, and as it was afterwards."""
    was_on = gc.isenabled()
    gc.unfreeze()
    gc.enable()
    yield
    gc.unfreeze()
    if not was_on:
        gc.disable()


def test_paused_then_on_again(collector):
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_process_that_set_nothing_aside_gets_its_collector_back_as_it_was(collector):
    with gc_paused():
        made = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == 0
    assert gc.is_tracked(made)


def test_what_a_paused_load_made_is_set_aside_where_the_process_sets_things_aside(collector):
    gc.freeze()  # as ktcn.cli.main does after its start
    before = gc.get_freeze_count()
    with gc_paused():
        made = [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= before + 1000, "the young objects were left for a collection to walk"
    assert len(made) == 1000


def test_a_cycle_made_before_the_pause_is_still_collected_in_a_library_process(collector):
    class Node:
        pass

    node = Node()
    node.me = node
    with gc_paused():
        pass
    del node
    assert gc.collect() >= 1


FROZEN_AROUND_THE_LOAD = """
import gc, json, sys
import ktcn.cli.options as options
counts = []
load = options.Context.__init__
def counted(self, *args, **kwargs):
    counts.append(gc.get_freeze_count())
    load(self, *args, **kwargs)
    counts.append(gc.get_freeze_count())
options.Context.__init__ = counted
sys.argv = ["ktcn", *json.loads(sys.argv[1])]
from ktcn.launch import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(counts))
"""


def test_the_command_line_sets_a_board_aside_after_loading_it():
    """A warm `ktcn overdue`: the start's objects were set aside by `ktcn.cli.main`, the board's by the load."""
    args = json.dumps(["overdue", "--records", RECORDS, "--as-of", "2025-12-01"])
    for _ in range(2):  # the second one warm
        run = subprocess.run([sys.executable, "-c", FROZEN_AROUND_THE_LOAD, args], capture_output=True, text=True,
                             check=False)
    before, after = json.loads(run.stdout.strip().splitlines()[-1])
    assert before > 10_000
    assert after > before + 1_000
