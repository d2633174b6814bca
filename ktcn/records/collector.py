"""The cyclic garbage collector while records load: paused, and what the load made set aside after."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while (as it was after): loading builds millions of objects that
    stay alive, and collecting meanwhile only costs time.  The site's build pauses it too.

    In a process that sets aside what it keeps (gc.freeze: `ktcn.cli.main` does after its start, the process
    lives for one command), what is alive after the pause is set aside too, where collections never walk it.
    Left among the youngest objects, all of it was walked by the first collection after the pause (on the
    next allocation: 12 ms of a warm province `ktcn overdue`, whose board lives to the end anyway), and again
    by the full collection at exit.  Objects set aside are still freed when nothing refers to them; only a
    cycle among them would outlive its use.  A process that has set nothing aside (a program using ktcn as a
    library, the tests) gets its collector back as it was.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if gc.get_freeze_count():
                gc.freeze()
            gc.enable()
