"""`ktcn update` against hostile files and hostile timing (issue 14, items 4-8 and 18).

Every test drives the real command on real files: the entry lands on its own
task or nowhere, no write is lost when two run at once, links are written
through, only regular files are replaced, and the file's layout is kept.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ktcn.records.loader import load
from ktcn.writing.edit import EditError, NewUpdate, insert_update

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS, PROGRAMME, write_workspace

P = "programmes/p.yaml"


WITH_TWO_TASKS = PROGRAMME + """\
  - id: "2"
    title: Nhiệm vụ hai
    lead: [skhcn]
    schedule: 2025-09-30
"""


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
    result = ktcn("calendar", "-o", "link.ics", "--as-of", "2025-12-31", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert (demo / "link.ics").is_symlink()
    assert (demo / "out/real.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_a_dangling_link_creates_its_target(demo, ktcn):
    (demo / "out").mkdir()
    os.symlink("out/new.ics", demo / "link.ics")
    assert ktcn("calendar", "-o", "link.ics", "--as-of", "2025-12-31", "--lang", "en").exit_code == 0
    assert (demo / "link.ics").is_symlink() and (demo / "out/new.ics").is_file()


def test_a_fifo_or_a_folder_is_never_replaced(demo, ktcn):
    os.mkfifo(demo / "pipe.ics")
    result = ktcn("calendar", "-o", "pipe.ics", "--as-of", "2025-12-31", "--lang", "en")
    assert result.exit_code == 3 and "named pipe" in result.stderr
    assert stat.S_ISFIFO(os.lstat(demo / "pipe.ics").st_mode)
    (demo / "folder.ics").mkdir()
    result = ktcn("calendar", "-o", "folder.ics", "--as-of", "2025-12-31", "--lang", "en")
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
        result = ktcn("report", "--year", "2025", "-o", name, "--as-of", "2025-12-31", "--lang", "en")
        assert result.exit_code == 3 and "character device" in result.stderr, result.stderr
    assert stat.S_ISCHR(os.lstat(demo / "full").st_mode)


def test_a_link_loop_is_an_error_not_a_crash(demo, ktcn):
    os.symlink("b.ics", demo / "a.ics")
    os.symlink("a.ics", demo / "b.ics")
    result = ktcn("calendar", "-o", "a.ics", "--as-of", "2025-12-31", "--lang", "en")
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
    from ktcn.records.diagnostics import diag
    from ktcn.writing.updating import added_errors

    old = diag("KTCN202", P, 5, 9, ("tasks", 0, "updates", 0, "by"), id="x")
    same_place = diag("KTCN202", P, 5, 9, ("tasks", 0, "updates", 0, "by"), id="x")
    new_place = diag("KTCN202", P, 12, 9, ("tasks", 1, "updates", 0, "by"), id="x")
    assert added_errors((old,), (new_place, same_place)) == [new_place]
    assert added_errors((old,), (same_place,)) == []


# --- item 6: two updates at once, in real processes: both land, none is lost ---------------------

ROUNDS = int(os.environ.get("KTCN_CONCURRENT_ROUNDS", "20"))  # 100 for the issue's own check (~1 min)


def _start(root: Path, task: str, note: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ktcn", "update", task, "--note", note, "--date", "2025-03-03",
                             "--records", str(root)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NO_COLOR": "1", "KTCN_RECORDS": ""})


def test_two_updates_at_once_both_land_in_every_round(tmp_path):
    """Without the lock, some rounds lose a note (both said "Update written") or refuse one as changed on disk."""
    root = write_workspace(tmp_path, {P: WITH_TWO_TASKS})
    for round_number in range(ROUNDS):
        writers = [_start(root, task, f"vòng {round_number} {task}") for task in ("kh-1/1", "kh-1/2")]
        for writer in writers:
            _, stderr = writer.communicate(timeout=60)
            assert writer.returncode == 0 and "Update written" in stderr, (round_number, stderr)
    logs = updates_of(root)
    for task in ("1", "2"):
        assert [note for _, _, note in logs[task]] == [f"vòng {n} kh-1/{task}" for n in range(ROUNDS)]
    assert (root / ".ktcn-cache/.gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_a_lock_held_too_long_is_a_clear_refusal(ws, ktcn, monkeypatch):
    import fcntl

    import ktcn.writing.locking as locking

    root = ws({P: WITH_TWO_TASKS, "ktcn.yaml": DEMO_SETTINGS})  # a Vietnamese workspace
    before = (root / P).read_bytes()
    monkeypatch.setattr(locking, "TIMEOUT_SECONDS", 0.3)
    lock = locking.lock_path(root)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as holder:  # another writer, mid-update
        fcntl.flock(holder, fcntl.LOCK_EX)
        result = ktcn("update", "kh-1/1", "--note", "chờ", "--date", "2025-03-03")
        assert result.exit_code == 1 and "đã giữ khóa" in result.stderr and "0.3 giây" in result.stderr
        english = ktcn("update", "kh-1/1", "--note", "chờ", "--date", "2025-03-03", "--lang", "en")
        assert english.exit_code == 1 and "has held the lock" in english.stderr
        dry = ktcn("update", "kh-1/1", "--note", "chờ", "--date", "2025-03-03", "--dry-run")
        assert dry.exit_code == 0 and "+        note: chờ" in dry.stdout  # showing a change takes no lock
    assert (root / P).read_bytes() == before
    assert ktcn("update", "kh-1/1", "--note", "xong", "--date", "2025-03-03").exit_code == 0  # released


def test_a_lock_file_deleted_while_waiting_is_not_trusted(ws, ktcn, monkeypatch):
    import fcntl

    import ktcn.writing.locking as locking

    root = ws({P: WITH_TWO_TASKS})
    lock = locking.lock_path(root)
    lock.parent.mkdir(parents=True, exist_ok=True)
    holder = open(lock, "a")  # noqa: SIM115 - held across the waiting writer's first attempt
    fcntl.flock(holder, fcntl.LOCK_EX)
    real_sleep = locking.time.sleep

    def clear_the_cache_and_release(seconds: float) -> None:
        lock.unlink()  # someone clears .ktcn-cache: the waiter holds the old, deleted file open
        holder.close()
        monkeypatch.setattr(locking.time, "sleep", real_sleep)

    monkeypatch.setattr(locking.time, "sleep", clear_the_cache_and_release)
    opened: list[int] = []
    real_open = locking._open
    monkeypatch.setattr(locking, "_open", lambda path: opened.append(1) or real_open(path))
    assert ktcn("update", "kh-1/1", "--note", "sau", "--date", "2025-03-03").exit_code == 0
    assert len(opened) == 2 and lock.exists()  # it let go of the deleted file and locked the new one


# --- item 5: what libyaml counts as a line break, and editors do not, is an error at its place ---------

PARSER_BREAKS = ["\u2028", "\u2029", "\x85", "\r"]
BLOCK_SCALAR_BELOW = WITH_TWO_TASKS + """\
    schedule_text: >
      Trước ngày 30/9 hằng năm.
"""


def diagnostics_of(root: Path) -> list[tuple[str, str, int, int]]:
    return [(d.path, d.code, d.line, d.column) for d in load(root).diagnostics]


@pytest.mark.parametrize("char", PARSER_BREAKS, ids=["U+2028", "U+2029", "U+0085", "CR"])
def test_a_parser_line_break_in_a_title_is_refused_at_its_line_and_never_spliced(ws, ktcn, char):
    text = BLOCK_SCALAR_BELOW.replace("title: Nhiệm vụ một", f'title: "Nhiệm vụ{char}một"')
    root = ws({P: text.encode("utf-8")})
    assert diagnostics_of(root) == [(P, "KTCN014", 10, 21)]
    validated = ktcn("validate")
    assert validated.exit_code == 1 and "KTCN014" in validated.stdout + validated.stderr
    for task in ("kh-1/1", "kh-1/2"):
        result = ktcn("update", task, "--status", "done", "--date", "2025-03-03")
        assert result.exit_code == 1 and f"{P}:10:21" in result.stderr, result.stderr
    assert (root / P).read_bytes() == text.encode("utf-8")


def test_the_diagnostic_names_the_character_in_both_languages(ws, ktcn):
    ws({P: PROGRAMME.replace("title: Nhiệm vụ một", "title: Nhiệm vụ\rmột").encode("utf-8")})
    english = ktcn("validate", "--lang", "en")
    assert "a carriage return (CR) without a line feed inside a line" in english.stdout + english.stderr
    vietnamese = ktcn("validate", "--lang", "vi")
    assert "ký tự CR (về đầu dòng) không có LF theo sau nằm giữa dòng" in vietnamese.stdout + vietnamese.stderr


def test_in_a_comment_it_is_refused_too_and_crlf_files_are_not(ws):
    root = ws({P: (PROGRAMME + "# ghi chú\u2028title: giả\n").encode("utf-8")})
    assert diagnostics_of(root) == [(P, "KTCN014", 13, 10)]
    (root / P).write_bytes(PROGRAMME.replace("\n", "\r\n").encode("utf-8"))
    assert diagnostics_of(root) == []


@st.composite
def texts_with_a_parser_break(draw: st.DrawFn) -> tuple[str, int]:
    """A programme file (LF or CRLF) with one parser line break put anywhere inside a line; where it is."""
    text = BLOCK_SCALAR_BELOW.replace("\n", draw(st.sampled_from(["\n", "\r\n"])))
    char = draw(st.sampled_from(PARSER_BREAKS))
    places = [i for i in range(len(text) + 1)
              if text[i - 1: i] != "\r" and not (char == "\r" and text[i: i + 1] == "\n")]
    at = draw(st.sampled_from(places))
    return text[:at] + char + text[at:], at


@settings(max_examples=int(os.environ.get("KTCN_FUZZ_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts_with_a_parser_break())
def test_any_parser_break_anywhere_is_one_error_at_its_place_and_no_splice(tmp_path_factory, case):
    text, at = case
    root = write_workspace(tmp_path_factory.mktemp("w"), {P: text.encode("utf-8")})
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert [(d.code, d.line, d.column) for d in load(root).diagnostics if d.path.endswith(P)] == [
        ("KTCN014", line, column)]
    for task in ("1", "2"):
        with pytest.raises(EditError):
            insert_update(text, task, NewUpdate(date(2025, 3, 3), "done"))


# --- item 4: an entry never lands under another task through an alias or a merge key ----------------

SHARED_LOG = PROGRAMME + """\
    updates: &log
      - {date: 2025-02-01, note: một}
  - id: "2"
    title: Nhiệm vụ hai
    lead: [skhcn]
    schedule: 2025-09-30
    updates: *log
"""
MERGED_LOG = PROGRAMME.replace('  - id: "1"', '  - &base\n    id: "1"') + """\
    updates:
      - {date: 2025-02-01, note: một}
  - <<: *base
    id: "2"
"""
ALIASED_TASK = PROGRAMME.replace('  - id: "1"', '  - &one\n    id: "1"') + "  - *one\n"


@pytest.mark.parametrize(("text", "task", "words"), [
    (SHARED_LOG, "kh-1/2", "its 'updates' list is shared through a YAML anchor (&) and alias (*) (line 13)"),
    (SHARED_LOG, "kh-1/1", "its 'updates' list is shared"),
    (MERGED_LOG, "kh-1/2", "its 'updates' list comes from a '<<' merge key (line 16)"),
    (MERGED_LOG, "kh-1/1", "the task is shared"),
    (ALIASED_TASK, "kh-1/1", "the task is shared"),
], ids=["alias-of-a-log", "anchored-log", "merged-log", "merge-source", "aliased-task"])
def test_an_update_through_an_alias_or_a_merge_key_is_refused(ws, ktcn, text, task, words):
    root = ws({P: text})
    before = updates_of(root)
    result = ktcn("update", task, "--status", "done", "--date", "2025-03-03")
    assert result.exit_code == 1, result.stderr
    assert words in result.stderr and "the file is unchanged" in result.stderr
    assert (root / P).read_text(encoding="utf-8") == text and updates_of(root) == before


def test_the_refusal_speaks_the_workspace_language(ws, ktcn):
    root = ws({P: SHARED_LOG, "ktcn.yaml": DEMO_SETTINGS})
    result = ktcn("update", "kh-1/2", "--note", "x", "--date", "2025-03-03")
    assert result.exit_code == 1 and "được dùng chung qua neo (&) và bí danh (*)" in result.stderr
    assert (root / P).read_text(encoding="utf-8") == SHARED_LOG


def test_an_alias_as_the_tasks_last_value_is_passed_not_followed(ws, ktcn):
    text = PROGRAMME.replace("    lead: [skhcn]", "    lead: &both [skhcn, lhh]") + """\
  - id: "2"
    title: Nhiệm vụ hai
    schedule: 2025-09-30
    lead: *both
  - id: "3"
    title: Ba
    lead: [lhh]
    schedule: 2025-12-31
"""
    root = ws({P: text})
    result = ktcn("update", "kh-1/2", "--note", "đúng chỗ", "--date", "2025-03-03")
    assert result.exit_code == 0, result.stderr
    assert updates_of(root) == {"1": [], "2": [("2025-03-03", None, "đúng chỗ")], "3": []}
    assert (root / P).read_text(encoding="utf-8").endswith(
        "    lead: *both\n    updates:\n      - date: 2025-03-03\n        note: đúng chỗ\n"
        + text[text.index('  - id: "3"'):])


def test_an_alias_as_the_last_entry_is_followed_by_the_new_one(ws, ktcn):
    text = PROGRAMME + """\
    updates:
      - &first {date: 2025-02-01, note: một}
  - id: "2"
    title: Nhiệm vụ hai
    lead: [skhcn]
    schedule: 2025-09-30
    updates:
      - *first
"""
    root = ws({P: text})
    assert ktcn("update", "kh-1/2", "--note", "hai", "--date", "2025-03-03").exit_code == 0
    assert updates_of(root) == {"1": [("2025-02-01", None, "một")],
                                "2": [("2025-02-01", None, "một"), ("2025-03-03", None, "hai")]}
    assert (root / P).read_text(encoding="utf-8") == text + "      - date: 2025-03-03\n        note: hai\n"


@st.composite
def shared_programmes(draw: st.DrawFn) -> tuple[str, int, bool]:
    """Tasks that share logs, entries, leads or themselves through anchors, aliases and merge keys.

    Returns the text, the index of the target task, and whether the target is free of any sharing
    (no anchor on it or its log, no merge key in it, not repeated by an alias): then it must be updated.
    """
    count = draw(st.integers(2, 4))
    lines = ["id: kh-1", "tasks:"]
    tasks: list[str] = []  # anchors of earlier tasks
    logs: list[str] = []  # anchors of earlier logs
    entries: list[str] = []  # anchors of earlier log entries
    leads: list[str] = []  # anchors of earlier lead lists
    free: list[bool] = []
    for i in range(count):
        if tasks and draw(st.integers(0, 4)) == 0:
            lines.append(f"  - *{draw(st.sampled_from(tasks))}")
            free.append(False)
            continue
        anchor = draw(st.booleans())
        merge = draw(st.sampled_from(tasks)) if tasks and draw(st.booleans()) else None
        alone = not anchor and draw(st.booleans())  # `-` alone on its line, the task's keys below
        lines += [f"  - &t{i}"] if anchor else ["  -"] if alone else []
        body = [f'id: "{i + 1}"'] + ([f"<<: *{merge}"] if merge else []) + ["title: T"]
        lead = draw(st.sampled_from(["[skhcn]", "anchor"] + (["alias"] if leads else [])))
        lead_line = ("lead: [skhcn]" if lead == "[skhcn]" else f"lead: &l{i} [skhcn]" if lead == "anchor"
                     else f"lead: *{draw(st.sampled_from(leads))}")
        log = draw(st.sampled_from(["none", "block", "flow", "anchor"] + (["alias"] if logs else [])
                                   + (["entry-alias"] if entries else [])))
        log_lines = {
            "none": [], "block": ["updates:", f"  - &e{i} {{date: 2025-01-0{i + 1}, note: n{i}}}"],
            "flow": [f"updates: [{{date: 2025-01-0{i + 1}, note: f{i}}}]"],
            "anchor": [f"updates: &u{i}", f"  - {{date: 2025-01-0{i + 1}, note: a{i}}}"],
            "alias": [f"updates: *{logs[-1]}" if logs else ""],
            "entry-alias": ["updates:", f"  - *{entries[-1]}" if entries else ""],
        }[log]
        lead_last = draw(st.booleans())
        body += [*log_lines, lead_line] if lead_last else [lead_line, *log_lines]
        lines += [("    " if anchor or alone or number else "  - ") + line for number, line in enumerate(body)]
        free.append(not anchor and merge is None and log not in ("anchor", "alias"))
        tasks += [f"t{i}"] if anchor else []
        logs += [f"u{i}"] if log == "anchor" else []
        entries += [f"e{i}"] if log == "block" else []
        leads += [f"l{i}"] if lead == "anchor" else []
    text = "\n".join(lines) + "\n"
    for position, line in enumerate(lines):  # an anchored task repeated later is shared too
        if line.startswith("  - &t") and any(f"*{line[5:]}" in later for later in lines[position + 1:]):
            free[int(line[6:])] = False
    target = draw(st.integers(0, count - 1))
    return text, target, free[target] and not lines[2:].count(f"  - *t{target}")


@settings(max_examples=int(os.environ.get("KTCN_FUZZ_EXAMPLES", "60")) * 3, deadline=None)
@given(shared_programmes())
def test_an_update_lands_on_its_own_task_or_nowhere(case):
    import yaml

    text, target, free = case
    before = yaml.safe_load(text)["tasks"]
    entry = NewUpdate(date(2025, 5, 5), note="mới")
    try:
        new = insert_update(text, str(target + 1), entry)
    except EditError:
        assert not free, text  # a task that shares nothing is always updated
        return
    after = yaml.safe_load(new)["tasks"]
    target_at = next(i for i, task in enumerate(before) if task["id"] == str(target + 1))
    for index, (old, now) in enumerate(zip(before, after, strict=True)):
        expected = old.get("updates") or []
        if index == target_at:
            expected = [*expected, {"date": date(2025, 5, 5), "note": "mới"}]
        assert (now.get("updates") or []) == expected, (index, text, new)


# --- item 18: the file's layout is kept, whatever its author's habits --------------------------------

def only_added(old: str, new: str) -> list[str]:
    """The lines `new` adds to `old` (keeping their endings); fails if any old line changed or went."""
    import difflib

    matcher = difflib.SequenceMatcher(a=old.splitlines(keepends=True), b=new.splitlines(keepends=True),
                                      autojunk=False)
    added = []
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, old, new)
        added += new.splitlines(keepends=True)[j1:j2] if tag == "insert" else []
    return added


KEPT_NOTE = PROGRAMME + """\
    updates:
      - date: 2025-02-01
        note: |+
          Dòng một.


"""


@pytest.mark.parametrize("after", ["", "    # ghi chú\n  - id: \"2\"\n    title: Hai\n    lead: [skhcn]\n"
                                       "    schedule: 2025-09-30\n"], ids=["at-the-end", "before-a-task"])
def test_a_kept_block_scalar_keeps_its_final_lines(ws, ktcn, after):
    text = KEPT_NOTE + after
    root = ws({P: text})
    assert ktcn("update", "kh-1/1", "--status", "done", "--date", "2025-03-03").exit_code == 0
    assert only_added(text, (root / P).read_text(encoding="utf-8")) == [
        "      - date: 2025-03-03\n", "        status: done\n"]
    assert updates_of(root)["1"] == [("2025-02-01", None, "Dòng một.\n\n\n"), ("2025-03-03", "done", None)]


def test_an_item_written_as_a_dash_alone_gets_a_dash_alone(ws, ktcn):
    text = PROGRAMME + """\
    updates:
      -
        date: 2025-02-01
        note: một
  -   # nhiệm vụ hai
    id: "2"
    title: Hai
    lead: [skhcn]
    schedule: 2025-09-30
"""
    root = ws({P: text})
    for task in ("kh-1/1", "kh-1/2"):
        result = ktcn("update", task, "--status", "done", "--date", "2025-03-03")
        assert result.exit_code == 0, result.stderr
    new = (root / P).read_text(encoding="utf-8")
    assert only_added(text, new) == [
        "      -\n", "        date: 2025-03-03\n", "        status: done\n",
        "    updates:\n", "      -\n", "        date: 2025-03-03\n", "        status: done\n"]
    assert updates_of(root) == {"1": [("2025-02-01", None, "một"), ("2025-03-03", "done", None)],
                                "2": [("2025-03-03", "done", None)]}


@pytest.mark.parametrize(("usual", "odd"), [("\n", "\r\n"), ("\r\n", "\n")], ids=["lf-file", "crlf-file"])
def test_the_new_lines_end_as_most_of_the_files_lines_do(ws, ktcn, usual, odd):
    text = PROGRAMME.replace("\n", usual).replace(f"title: Kế hoạch thử{usual}", f"title: Kế hoạch thử{odd}")
    root = ws({P: text.encode("utf-8")})
    assert ktcn("update", "kh-1/1", "--note", "một", "--date", "2025-03-03").exit_code == 0
    assert (root / P).read_bytes().decode("utf-8") == text + usual.join(
        ["    updates:", "      - date: 2025-03-03", "        note: một", ""])


@pytest.mark.parametrize(("log", "added"), [
    ("    updates: [\n      {date: 2025-02-01, note: một},\n    ]\n",
     ["      {date: 2025-03-03, status: done},\n"]),
    ("    updates: [\n      {date: 2025-02-01, note: một},  # ghi chú\n      # còn nữa\n    ]\n",
     ["      {date: 2025-03-03, status: done},\n"]),
    ("    updates: [{date: 2025-02-01, note: một},]\n", None),
], ids=["lines", "lines-with-comments", "one-line"])
def test_a_flow_log_with_a_trailing_comma_keeps_its_layout(ws, ktcn, log, added):
    text = PROGRAMME + log
    root = ws({P: text})
    result = ktcn("update", "kh-1/1", "--status", "done", "--date", "2025-03-03")
    assert result.exit_code == 0, result.stderr
    new = (root / P).read_text(encoding="utf-8")
    if added is None:
        assert new == text.replace("note: một},]", "note: một}, {date: 2025-03-03, status: done},]")
    else:
        assert only_added(text, new) == added
    assert updates_of(root)["1"] == [("2025-02-01", None, "một"), ("2025-03-03", "done", None)]


def test_a_flow_log_on_lines_without_a_trailing_comma_gets_the_comma_and_a_line(ws, ktcn):
    text = PROGRAMME + "    updates: [\n      {date: 2025-02-01, note: một}\n    ]\n"
    root = ws({P: text})
    assert ktcn("update", "kh-1/1", "--status", "done", "--date", "2025-03-03").exit_code == 0
    assert (root / P).read_text(encoding="utf-8") == PROGRAMME + (
        "    updates: [\n      {date: 2025-02-01, note: một},\n      {date: 2025-03-03, status: done}\n    ]\n")


def test_a_flow_task_on_lines_with_a_trailing_comma(ws, ktcn):
    text = PROGRAMME.replace('  - id: "1"\n    title: Nhiệm vụ một\n    lead: [skhcn]\n    schedule: 2025-06-30\n',
                             '  - {\n      id: "1",\n      title: Nhiệm vụ một,\n      lead: [skhcn],\n'
                             '      schedule: 2025-06-30,\n    }\n')
    root = ws({P: text})
    assert ktcn("update", "kh-1/1", "--status", "done", "--date", "2025-03-03").exit_code == 0
    assert only_added(text, (root / P).read_text(encoding="utf-8")) == [
        "      updates: [{date: 2025-03-03, status: done}],\n"]
