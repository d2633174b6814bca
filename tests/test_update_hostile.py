"""`ktcn update` against hostile files and hostile timing (issue 14, items 4-8 and 18).

Every test drives the real command on real files: the entry lands on its own
task or nowhere, no write is lost when two run at once, links are written
through, only regular files are replaced, and the file's layout is kept.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ktcn.loader import load

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS, PROGRAMME

P = "programmes/p.yaml"


def updates_of(root: Path) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Each task's log as loaded: (date, status, note) per entry."""
    ws = load(root)
    return {task.id: [(u.date.isoformat(), u.status, u.note) for u in task.updates]
            for programme in ws.programmes for task in programme.tasks}


# --- item 7: links are written through; only regular files are replaced ------------------------

@pytest.fixture
def demo(ws):
    return ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES,
               "programmes/ctr-demo.yaml": DEMO_PROGRAMME})


def test_update_writes_through_a_linked_programme_file(ws, ktcn):
    root = ws({"shared/p.yaml": PROGRAMME})
    (root / "programmes").mkdir()
    os.symlink("../shared/p.yaml", root / P)
    (root / "shared/p.yaml").chmod(0o640)
    result = ktcn("update", "kh-1/1", "--note", "qua liên kết", "--date", "2025-03-03")
    assert result.exit_code == 0, result.stderr
    assert (root / P).is_symlink() and os.readlink(root / P) == "../shared/p.yaml"
    assert "qua liên kết" in (root / "shared/p.yaml").read_text(encoding="utf-8")
    assert stat.S_IMODE((root / "shared/p.yaml").stat().st_mode) == 0o640
    assert sorted(p.name for p in (root / "shared").iterdir()) == ["p.yaml"]  # no temporary left anywhere


def test_calendar_output_through_a_link_keeps_the_link(demo, ktcn):
    (demo / "out").mkdir()
    (demo / "out/real.ics").write_text("old\n", encoding="utf-8")
    os.symlink("out/real.ics", demo / "link.ics")
    result = ktcn("calendar", "-o", "link.ics", "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.stderr
    assert (demo / "link.ics").is_symlink()
    assert (demo / "out/real.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_a_dangling_link_creates_its_target(demo, ktcn):
    (demo / "out").mkdir()
    os.symlink("out/new.ics", demo / "link.ics")
    assert ktcn("calendar", "-o", "link.ics", "--as-of", "2025-12-31").exit_code == 0
    assert (demo / "link.ics").is_symlink() and (demo / "out/new.ics").is_file()


def test_a_fifo_or_a_folder_is_never_replaced(demo, ktcn):
    os.mkfifo(demo / "pipe.ics")
    result = ktcn("calendar", "-o", "pipe.ics", "--as-of", "2025-12-31")
    assert result.exit_code == 3 and "named pipe" in result.stderr
    assert stat.S_ISFIFO(os.lstat(demo / "pipe.ics").st_mode)
    (demo / "folder.ics").mkdir()
    result = ktcn("calendar", "-o", "folder.ics", "--as-of", "2025-12-31")
    assert result.exit_code == 3 and "directory" in result.stderr
    assert (demo / "folder.ics").is_dir()
    assert not [p for p in demo.iterdir() if p.name.endswith(".tmp")]


def test_a_device_node_is_never_replaced(demo, ktcn):
    try:  # a copy of /dev/full in the test's own folder: only root may make one
        os.mknod(demo / "full", stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    os.symlink("full", demo / "link-to-full")
    for name in ("full", "link-to-full"):
        result = ktcn("report", "--year", "2025", "-o", name, "--as-of", "2025-12-31")
        assert result.exit_code == 3 and "character device" in result.stderr, result.stderr
    assert stat.S_ISCHR(os.lstat(demo / "full").st_mode)


def test_a_link_loop_is_an_error_not_a_crash(demo, ktcn):
    os.symlink("b.ics", demo / "a.ics")
    os.symlink("a.ics", demo / "b.ics")
    result = ktcn("calendar", "-o", "a.ics", "--as-of", "2025-12-31")
    assert result.exit_code == 3 and "symbolic links" in result.stderr


# --- item 8: one more occurrence of an error already there is an error added ---------------------

WITH_AN_ERROR = PROGRAMME + """\
    updates:
      - {date: 2025-02-01, note: báo cáo, by: khong-co}
  - id: "2"
    title: Nhiệm vụ hai
    lead: [skhcn]
    schedule: 2025-09-30
"""


def test_an_update_repeating_an_existing_error_is_refused(ws, ktcn):
    root = ws({P: WITH_AN_ERROR})
    before = (root / P).read_bytes()
    for task in ("kh-1/1", "kh-1/2"):
        result = ktcn("update", task, "--note", "lặp lỗi", "--by", "khong-co", "--date", "2025-03-03")
        assert result.exit_code == 1, result.stderr
        assert "KTCN202" in result.stderr and "unchanged" in result.stderr
    assert (root / P).read_bytes() == before


def test_records_with_an_error_still_take_an_update_that_adds_none(ws, ktcn):
    root = ws({P: WITH_AN_ERROR})
    result = ktcn("update", "kh-1/2", "--note", "không thêm lỗi", "--by", "skhcn", "--date", "2025-03-03")
    assert result.exit_code == 0, result.stderr
    assert updates_of(root)["2"] == [("2025-03-03", None, "không thêm lỗi")]


def test_the_error_reported_is_the_one_the_update_brought():
    from ktcn.diagnostics import diag
    from ktcn.updating import added_errors

    old = diag("KTCN202", P, 5, 9, ("tasks", 0, "updates", 0, "by"), id="x")
    same_place = diag("KTCN202", P, 5, 9, ("tasks", 0, "updates", 0, "by"), id="x")
    new_place = diag("KTCN202", P, 12, 9, ("tasks", 1, "updates", 0, "by"), id="x")
    assert added_errors((old,), (new_place, same_place)) == [new_place]
    assert added_errors((old,), (same_place,)) == []
