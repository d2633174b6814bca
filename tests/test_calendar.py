"""`ktcn calendar`: an RFC 5545 file whose expanded deadlines are exactly those `ktcn show` gives."""

from __future__ import annotations

import json
from datetime import date

import icalendar
import recurring_ical_events

from conftest import DEMO_AGENCIES as AGENCIES
from conftest import DEMO_PROGRAMME as PROGRAMME

RECORDS_ARGS = ("--as-of", "2026-11-21")


def expanded(ics: bytes) -> dict[str, list[str]]:
    """Deadlines per task ref, as a calendar application expands the file."""
    calendar = icalendar.Calendar.from_ical(ics)
    found: dict[str, list[str]] = {}
    for todo in recurring_ical_events.of(calendar, components=["VTODO"]).between(date(2000, 1, 1), date(2040, 1, 1)):
        ref = str(todo["UID"]).removesuffix("@ktcn").rsplit("/", 1)[0]
        found.setdefault(ref, []).append(todo["DUE"].dt.isoformat())
    return {ref: sorted(days) for ref, days in found.items()}


def shown(ktcn, ref: str, *args: str) -> list[str]:
    document = json.loads(ktcn("show", ref, "--format", "json", *args).stdout)
    return sorted(o["deadline"] for o in document["occurrences"] if o["deadline"])


def test_bundled_records_calendar_matches_show(ktcn, monkeypatch):
    from pathlib import Path

    monkeypatch.chdir(Path(__file__).resolve().parent.parent / "records")
    result = ktcn("calendar", *RECORDS_ARGS, "--all")
    assert result.exit_code == 0, result.stderr
    calendar = expanded(result.stdout_bytes if hasattr(result, "stdout_bytes") else result.stdout.encode())
    for path in sorted(Path("programmes").glob("*.yaml")):
        programme = path.stem
        tasks = json.loads(ktcn("show", programme, "--format", "json", *RECORDS_ARGS).stdout)["tasks"]
        for task in tasks:
            ref = f"{programme}/{task['id']}"
            assert calendar.get(ref, []) == shown(ktcn, ref, *RECORDS_ARGS), ref


def test_status_lead_and_uid(ws, ktcn):
    ws({"agencies.yaml": AGENCIES, "programmes/demo.yaml": PROGRAMME})
    ics = ktcn("calendar", "--as-of", "2026-01-20").stdout.encode()
    todos = {str(t["UID"]): t for t in icalendar.Calendar.from_ical(ics).walk("VTODO")}
    assert todos["ctr-demo/hoi-thi/2025-06-30@ktcn"]["STATUS"] == "COMPLETED"
    assert todos["ctr-demo/hoi-thi/2025-06-30@ktcn"]["DUE"].dt == date(2025, 10, 31)  # the extended deadline
    assert str(todos["ctr-demo/hoi-thi/2025-06-30@ktcn"]["X-KTCN-LEAD"]) == "skhcn"  # after the merger
    assert todos["ctr-demo/tong-hop/2025@ktcn"]["STATUS"] == "CANCELLED"
    assert todos["ctr-demo/bc-2024/2024-12-31@ktcn"]["STATUS"] == "NEEDS-ACTION"
    assert "ctr-demo/bc-2024 (2024-12-31)" in str(todos["ctr-demo/bc-2024/2024-12-31@ktcn"]["DESCRIPTION"])
    assert not any(uid.startswith("ctr-demo/thuong-xuyen/") for uid in todos)  # ongoing work has no deadline


def test_filters_and_determinism(ws, ktcn, tmp_path):
    ws({"agencies.yaml": AGENCIES, "programmes/demo.yaml": PROGRAMME})
    only_lhh = icalendar.Calendar.from_ical(ktcn("calendar", "--agency", "lhh", "--as-of", "2026-01-20").stdout)
    assert {str(t["X-KTCN-LEAD"]) for t in only_lhh.walk("VTODO")} == {"lhh"}
    assert ktcn("calendar", "--as-of", "2026-01-20", "-o", "a.ics").exit_code == 0
    assert ktcn("calendar", "--as-of", "2026-01-20", "-o", "b.ics").exit_code == 0
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
