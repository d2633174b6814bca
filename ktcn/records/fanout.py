"""Spread independent per-file work over the CPU cores, in forked processes.

Parsing is nearly the whole cost of a cold run, and each file is parsed on its
own, so a cold `validate` or `status` of a large workspace parses in as many
processes as there are cores.  Workers are forked: they start with what the
parent has loaded (settings, agencies, the open cache), and only what each
file gave comes back, never its programme.  Where fork is unavailable
(Windows), with `KTCN_JOBS=1`, or for a couple of megabytes, the work runs in
this process; the results are the same either way and come in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ktcn.errors import UsageError
from ktcn.labels import Phrase

MIN_WORK = 2_000_000  # bytes to parse; below this, starting processes costs more than it saves
MAX_WORKERS = 8
_task: Callable[[Any], Any] | None = None  # what forked workers run: inherited, never pickled


def workers() -> int:
    """How many processes to use: `KTCN_JOBS` if set, else the cores this process may run on (at most 8)."""
    chosen = os.environ.get("KTCN_JOBS", "").strip()
    if chosen:
        if not chosen.isdigit() or int(chosen) < 1:
            raise UsageError(Phrase("usage.jobs", value=repr(chosen)))
        return int(chosen)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def fan_out(task: Callable[[Any], Any], items: Sequence[Any], work: int, pieces: int = 8) -> Iterator[Any]:
    """`task(item)` for each item, in order; in forked workers when there are cores and enough `work` (bytes).

    The items go to the workers in `pieces` chunks per worker: more pieces cost a round trip each, but items of
    uneven weight (a site's programmes) then leave no core idle for long while the other finishes its last chunk.
    """
    count = min(workers(), len(items))
    if count < 2 or work < MIN_WORK or not hasattr(os, "fork"):
        yield from map(task, items)
        return
    import multiprocessing  # only now: every command that loads records would pay for it
    from concurrent.futures import ProcessPoolExecutor

    global _task
    _task = task
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_run, items, chunksize=max(1, len(items) // (count * pieces)))
    finally:
        _task = None


def _run(item: Any) -> Any:
    assert _task is not None
    return _task(item)
