"""Where a one-core cold `ktcn validate` spends its time, phase by phase, beside the bare parse.

    python benchmarks/cold_phases.py DIR [--rounds N] [--limit N]

DIR is a workspace (a national corpus, or a few hundred of its files: every
phase is per file).  In one process, file after file, each phase on that file:
`yaml.load(CSafeLoader)` of its bytes (the baseline, with the garbage
collector on, as a bare script runs), then, with the collector paused as
`ktcn.records.loader` runs them, the text checks that keep libyaml safe, libyaml's
compose, the conversion of the nodes to the model, and the programme checks.
Each file is let go before the next, so memory stays what one file needs.
CPU time (`time.process_time`) summed per phase over the files; medians of
the rounds.  When rapidyaml is installed (it is no dependency of ktcn), its
parse of the same bytes and a walk of its tree from Python (key and scalar
text into lists: no tags, no positions) are measured too: the walk is the
least any converter reading that tree from Python pays.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ktcn.records import schema
from ktcn.records.cache import Cache
from ktcn.records.checks import Context, check_programme
from ktcn.records.convert import Reader, read_record
from ktcn.records.loader import _load_agencies, _load_settings, _Reading
from ktcn.records.nesting import flow_too_deep
from ktcn.records.yamlsource import MAX_DEPTH, _Loader, _needs_event_scan, _text_problems, decode

BARE = "bare parse (yaml.load CSafeLoader)"
OURS = ("text checks", "compose (libyaml)", "convert to the model", "programme checks")


def _compose(text: str) -> yaml.Node:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _text_checks(text: str) -> None:
    _text_problems(text, "x")
    flow_too_deep(text, MAX_DEPTH)
    _needs_event_scan(text)


def _convert(node: yaml.Node) -> Any:
    reader = Reader("x")
    values = read_record(reader, node, (), schema.PROGRAMME)
    return schema.build_programme(reader, values, node, ()) if values is not None else None


def _ryml(data: bytes) -> Callable[[], Any] | None:
    """rapidyaml's parse of `data`, and a walk of its tree from Python; None when rapidyaml is not installed."""
    try:
        import ryml  # type: ignore[import-not-found]
    except ImportError:
        return None

    def walk(tree: Any, node: int) -> Any:
        if tree.is_map(node) or tree.is_seq(node):
            items, child = [], tree.first_child(node)
            while child != ryml.NONE:
                key = tree.key(child).tobytes().decode() if tree.has_key(child) else None
                items.append((key, walk(tree, child)))
                child = tree.next_sibling(child)
            return items
        value = tree.val(node)
        return value.tobytes().decode() if value is not None else None

    return lambda: ryml.parse_in_arena(data), lambda tree: walk(tree, tree.root_id())


def one_file(data: bytes, context: Context, times: dict[str, float]) -> None:
    """Each phase on one file, its CPU time added to `times`; a file is let go before the next one."""

    def timed(name: str, run: Callable[[], Any]) -> Any:
        began = time.process_time()
        found = run()
        times[name] = times.get(name, 0.0) + time.process_time() - began
        return found

    gc.enable()  # as a bare script runs
    timed(BARE, lambda: yaml.load(data, Loader=yaml.CSafeLoader))
    gc.disable()  # as ktcn.records.loader runs
    text = decode(data, "x")[0] or ""
    timed("text checks", lambda: _text_checks(text))
    node = timed("compose (libyaml)", lambda: _compose(text))
    programme = timed("convert to the model", lambda: _convert(node))
    if programme is not None:
        timed("programme checks", lambda: check_programme(context, programme))
    rapid = _ryml(data)
    if rapid is not None:
        parse, walk = rapid
        tree = timed("rapidyaml parse", parse)
        timed("rapidyaml tree walked from Python", lambda: walk(tree))
    gc.enable()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first N programme files")
    args = parser.parse_args(argv)
    files = sorted(args.root.glob("programmes/**/*.yaml"))[:args.limit]
    datas = [f.read_bytes() for f in files]
    reading = _Reading([], {}, Cache(None))
    context = Context(_load_settings(args.root, reading), _load_agencies(args.root, reading), date.today())
    print(f"{len(files)} files, {sum(map(len, datas)) / 1e6:.1f} MB, {args.rounds} rounds")
    gc.freeze()  # what is loaded by now (ktcn's modules, the bytes) a bare script would not have the collector scan
    samples: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        times: dict[str, float] = {}
        for data in datas:
            one_file(data, context, times)
        for name, seconds in times.items():
            samples.setdefault(name, []).append(seconds)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    bare = medians[BARE]
    for name, median in medians.items():
        print(f"{name:38} {median:7.2f} s CPU  {median / bare:5.2f}x the bare parse")
    ours = sum(medians[name] for name in OURS if name in medians)
    print(f"{'ktcn phases together':38} {ours:7.2f} s CPU  {ours / bare:5.2f}x the bare parse")
    gc.unfreeze()
    return 0


if __name__ == "__main__":
    sys.exit(main())
