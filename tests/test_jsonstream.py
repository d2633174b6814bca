"""Streamed JSON (issue 20): the lists of `status`/`overdue --format json` written item by item, set aside on
disk while the records are read; the text is the whole document's, byte for byte."""

from __future__ import annotations

import io
import json
from datetime import date
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from ktcn.engine.standing import item_order
from ktcn.views.jsonstream import Streamed, write
from ktcn.views.spool import Spool, listed

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME

values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                                     max_size=3), max_leaves=12)


@given(st.dictionaries(st.text(max_size=6), values | st.lists(values, max_size=4), max_size=5))
def test_a_streamed_document_is_the_whole_documents_text(document):
    streamed = io.StringIO()
    write({k: Streamed(iter(v)) if isinstance(v, list) else v for k, v in document.items()}, streamed)
    assert streamed.getvalue() == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


flat = st.dictionaries(st.text(max_size=6), st.none() | st.booleans() | st.integers() | st.text() | st.floats()
                       | st.lists(st.text(max_size=5), max_size=3) | st.lists(st.integers(), max_size=2), max_size=6)


@given(st.lists(flat, max_size=4))
def test_list_items_written_by_the_fast_path_read_as_jsons_own(items):
    """The items of a streamed list (flat dicts) are written without json's pure-Python indenting encoder."""
    streamed = io.StringIO()
    write({"items": Streamed(iter(items))}, streamed)
    assert streamed.getvalue() == json.dumps({"items": items}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _occurrence(deadline, programme, task, note="", moved_from=None, waiting_on=None):
    return SimpleNamespace(programme=programme, task=SimpleNamespace(id=task, title=f"{programme}/{task}"),
                           label="2025-H1", window_start=date(2025, 1, 1), window_end=date(2025, 6, 30),
                           deadline=deadline, lead=("skhcn",), status="overdue",
                           updates=(SimpleNamespace(note=note),), moved_from=moved_from, waiting_on=waiting_on)


ids = st.sampled_from(["kh-1", "kh-10", "kh-1-a", "b", "ctr-2"])
days = st.none() | st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31))


@given(st.lists(st.tuples(days, ids, st.sampled_from(["1", "10", "1a", "ii-2"])), max_size=30))
def test_a_spool_gives_rows_back_in_item_order_and_stable(keys):
    occurrences = [_occurrence(d, p, t, note=str(n), moved_from=date(2025, 11, 30) if n % 2 else None,
                               waiting_on="kh-1/2" if n % 3 == 0 else None) for n, (d, p, t) in enumerate(keys)]
    spool = Spool()
    spool.extend(occurrences[: len(occurrences) // 2])
    spool.extend(occurrences[len(occurrences) // 2:])
    assert list(spool) == [listed(o) for o in sorted(occurrences, key=item_order)]
    assert list(spool) == list(spool) and len(spool) == len(occurrences)


def test_status_and_overdue_json_are_the_documents_made_whole(ws, ktcn):
    """The streamed output against the documents built whole from the board, as before issue 20."""
    from ktcn.records.loader import load_board
    from ktcn.records.omissions import as_json, omissions
    from ktcn.views import viewmodel as views

    broken = DEMO_PROGRAMME.replace("id: ctr-demo", "id: ctr-two").replace("lead: [lhh]", "lead: [nobody]")
    root = ws({"agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME, "programmes/two.yaml": broken})
    chosen = views.Selection((), None, False)
    for day in ("2025-09-30", "2026-01-20"):
        board = load_board(root, date.fromisoformat(day), trim=views.Trimmer(chosen, by_lead=False))
        extra = as_json(omissions(board.diagnostics, board.left_out), "en")
        expected = {
            "status": {**views.status_json(views.status_view(board, chosen), "en"), **extra},
            "overdue": {"as_of": day, "items": [views.item_json(o, board.as_of, "days_late", "en")
                                                for o in views.overdue_items(board, chosen)], **extra},
        }
        for command, document in expected.items():
            result = ktcn(command, "--as-of", day, "--format", "json")
            assert result.exit_code == 1  # the broken file is named on stderr
            assert result.stdout == json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            assert document["overdue" if command == "status" else "items"]


def test_the_board_of_a_json_list_holds_no_occurrence(ws):
    """What is set aside is let go: the standings keep their counts, the spools every item, in order."""
    from ktcn.records.loader import load_board
    from ktcn.views import viewmodel as views

    root = ws({"agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME})
    chosen = views.Selection((), None, False)
    whole = load_board(root, date(2026, 1, 20), trim=views.Trimmer(chosen, by_lead=False))
    spools = views.Spools()
    board = load_board(root, date(2026, 1, 20), trim=views.Trimmer(chosen, by_lead=False, spool=spools))
    assert all(not s.overdue and not s.due_soon for s in board.standings)
    assert list(spools.overdue) == [listed(o) for o in views.overdue_items(whole, chosen)] != []
    view, whole_view = views.status_view(board, chosen), views.status_view(whole, chosen)
    assert (view.totals, view.due_soon_total) == (whole_view.totals, whole_view.due_soon_total)
