"""Fuzzing: generated and mutated workspaces never make ktcn raise anything but a diagnostic.

CI runs a bounded number of examples; run more with
`KTCN_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date, timedelta
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ktcn.engine.standing import board_of, standing
from ktcn.engine.status import task_occurrences
from ktcn.errors import KtcnError
from ktcn.outputs.reports import build_report, report_period
from ktcn.outputs.templating import render_markdown, report_context
from ktcn.records.loader import load, load_board
from ktcn.views.viewmodel import Selection, agency_scorecard, overdue_items, status_view, upcoming_items
from ktcn.writing.edit import EditError, NewUpdate, insert_update

from conftest import write_workspace

EXAMPLES = int(os.environ.get("KTCN_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
AGENCY_IDS = ["skhcn", "lhh", "sttt", "snv"]

dateish = st.one_of(
    st.dates(date(2015, 1, 1), date(2032, 12, 31)).map(date.isoformat),
    st.integers(2015, 2032).map(str),
    st.tuples(st.integers(2015, 2032), st.integers(1, 4)).map(lambda t: f"{t[0]}-Q{t[1]}"),
    st.tuples(st.integers(2015, 2032), st.integers(1, 2)).map(lambda t: f"{t[0]}-H{t[1]}"),
    st.tuples(st.integers(2015, 2032), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
)
schedules = st.one_of(
    dateish,
    st.just("ongoing"),
    st.fixed_dictionaries({"due": dateish}),
    st.fixed_dictionaries({"ongoing": st.just(True)}, optional={"from": dateish, "until": dateish}),
    st.fixed_dictionaries({"every": st.sampled_from(["1y", "2y", "6m", "1q", "3m", "1m", "2w"])},
                          optional={"from": dateish, "until": dateish, "day": st.sampled_from(["11-30", "02-29"]),
                                    "offset": st.sampled_from(["15d", "-5d"])}),
    st.fixed_dictionaries({"rrule": st.sampled_from(["FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=YEARLY;COUNT=3",
                                                     "FREQ=WEEKLY;INTERVAL=2", "FREQ=DAILY;COUNT=40"])},
                          optional={"from": dateish, "until": dateish}),
)
updates = st.fixed_dictionaries(
    {"date": st.dates(date(2015, 1, 1), date(2030, 12, 31))},
    optional={"status": st.sampled_from(["in-progress", "done", "cancelled"]), "progress": st.integers(0, 100),
              "note": st.text(max_size=20), "evidence": st.lists(st.text(min_size=1, max_size=10), max_size=2),
              "by": st.sampled_from(AGENCY_IDS), "period": dateish, "extend_to": dateish},
)
tasks = st.fixed_dictionaries(
    {"id": st.from_regex(r"[a-z0-9][a-z0-9-]{0,5}", fullmatch=True), "title": st.text(min_size=1, max_size=40),
     "lead": st.lists(st.sampled_from(AGENCY_IDS), min_size=1, max_size=2), "schedule": schedules},
    optional={"kind": st.sampled_from(["work", "event", "report"]), "updates": st.lists(updates, max_size=6),
              "support": st.lists(st.sampled_from(AGENCY_IDS), max_size=2), "schedule_text": st.text(max_size=20)},
)
programmes = st.fixed_dictionaries(
    {"id": st.just("p"), "type": st.sampled_from(["KH", "CTr", "CV"]), "title": st.text(min_size=1, max_size=40),
     "issuers": st.just(["skhcn"]), "tasks": st.lists(tasks, max_size=5)},
    optional={"issued": st.dates(date(2015, 1, 1), date(2026, 1, 1)), "state": st.sampled_from(["active", "draft"]),
              "period": st.fixed_dictionaries({"from": dateish}, optional={"to": dateish}),
              "number": st.sampled_from(["1/KH-UBND", "2/CTr-LHH", "3/UBND-VX"])},
)
AGENCIES = {"agencies": [{"id": "skhcn", "name": "Sở KH&CN"}, {"id": "lhh", "name": "LHH"},
                         {"id": "sttt", "name": "Sở TT&TT", "until": date(2025, 2, 28), "succeeded_by": "skhcn"},
                         {"id": "snv", "name": "Sở Nội vụ", "until": date(2025, 6, 30), "succeeded_by": "sttt"}]}
HOSTILE_BITS = ["\t", "\x00", "\ufeff", "&a", "*a", "!!python/object:os.system", "<<<<<<< HEAD", "- ", ": ", "{",
                "]", '"', "'", "#", "\r", "\n", "ê", "e\u0302", "yes", "~", "2025-02-30", "|", ">", "? ", "%YAML 1.1",
                "\u2028", "\u2029", "\x85", "<<: *a", "&a [x]", "- *a"]  # parser line breaks; aliases, merge keys


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """`text` with a few random edits of the kinds people and merges make."""
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate-line", "truncate"]))
        if action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 10)):]
        elif action == "insert":
            text = text[:at] + draw(st.sampled_from(HOSTILE_BITS)) + text[at:]
        elif action == "duplicate-line":
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            text = "".join([*lines[: index + 1], lines[index], *lines[index + 1:]])
        else:
            text = text[:at]
    return text


def dump(document: dict) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def exercise(root: Path) -> None:
    """Every reader of records over `root`: none may raise anything but a KtcnError."""
    ws = load(root, today=date(2026, 6, 1))
    selection = Selection(include_all=True)
    for as_of in (date(2024, 12, 31), date(2026, 6, 1)):
        board = board_of(ws, as_of)
        status_view(board, selection)
        overdue_items(board, selection)
        upcoming_items(ws, selection, as_of, 30)
        agency_scorecard(board, selection)
        for _ in ("computed and stored", "from the cache"):
            assert load_board(root, as_of).standings == board.standings
        for programme, found in zip(ws.programmes, board.standings, strict=True):
            if found.until < date.max:  # the last day it claims to hold for
                assert standing(programme, found.until - timedelta(days=1), ws.settings.warn_days,
                                ws.agency_index) == found
    for programme in ws.programmes:
        for task in programme.tasks:
            from ktcn.engine.schedule import programme_bounds

            task_occurrences(task, programme_bounds(programme), date(2026, 6, 1), 14, ws.agency_index)
    report = build_report(ws, selection, report_period(2025, None, None, None, "calendar"), date(2025, 12, 31),
                          date(2026, 1, 5), "annual", "vi")
    render_markdown("bao-cao-nam", root, report_context(report), "vi")


@FUZZ
@given(programmes)
def test_generated_workspaces_load_and_render(tmp_path_factory, programme):
    root = write_workspace(tmp_path_factory.mktemp("w"), {"agencies.yaml": dump(AGENCIES),
                                                          "programmes/p.yaml": dump(programme)})
    exercise(root)


@FUZZ
@given(st.data())
def test_mutated_workspaces_only_ever_give_diagnostics(tmp_path_factory, data):
    text = dump(data.draw(programmes))
    broken = data.draw(mutated(text))
    root = write_workspace(tmp_path_factory.mktemp("w"), {"agencies.yaml": dump(AGENCIES),
                                                          "programmes/p.yaml": broken.encode("utf-8", "surrogatepass")})
    with contextlib.suppress(KtcnError):  # a usage-level refusal is an answer too; anything else is a bug
        exercise(root)


@FUZZ
@given(st.data())
def test_update_splicing_on_mutated_files_refuses_or_succeeds(data):
    text = data.draw(mutated(dump(data.draw(programmes))))
    with contextlib.suppress(EditError):
        insert_update(text, "0", NewUpdate(date(2025, 5, 5), "done"))
