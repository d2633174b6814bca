"""The bundled records/ (the five seed documents) validate clean and hold what the documents say."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ktcn.records.loader import load

RECORDS = Path(__file__).resolve().parent.parent / "records"


@pytest.fixture(scope="module")
def workspace():
    return load(RECORDS)


def test_bundled_records_have_no_errors_and_no_warnings(workspace):
    assert [f"{d.path}:{d.line} {d.code}" for d in workspace.diagnostics] == []


def test_every_seed_document_is_encoded(workspace):
    numbers = {p.number for p in workspace.programmes}
    assert {"958/CTr-SKHCN-LHH", "3645/UBND-KGVX", "231/KH-UBND", "70/CTr-LHH", "106/CTr-LHH"} <= numbers


def test_plan_231_has_the_14_appendix_rows_and_its_yearly_report(workspace):
    plan = workspace.programme("kh-231-2024")
    assert [t.id for t in plan.tasks][:14] == [str(n) for n in range(1, 15)]
    report = next(t for t in plan.tasks if t.kind == "report")
    assert (report.schedule.every_count, report.schedule.every_unit, report.schedule.day) == (1, "y", (11, 30))


def test_no_progress_is_invented_for_real_programmes(workspace):
    assert all(not t.updates for p in workspace.programmes for t in p.tasks)


def test_every_task_keeps_the_source_wording_of_its_timing(workspace):
    missing = [t.ref for p in workspace.programmes for t in p.tasks if not t.schedule_text]
    assert missing == []


def test_record_files_are_nfc_utf8():
    for file in RECORDS.rglob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), file


def test_merged_agencies_name_their_successor(workspace):
    ict = workspace.agency("stttt-cantho")
    assert (str(ict.until), ict.succeeded_by) == ("2025-02-28", "skhcn-cantho")
    for agency in workspace.agencies:
        if agency.succeeded_by:
            assert workspace.agency(agency.succeeded_by) is not None
