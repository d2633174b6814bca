"""`ktcn diff` against history built to slip past review (issue 14, items 1-3).

Each test makes a real git repository in tmp_path, crafts the commits a
hostile merge request could hold (odd file names, `..` tree entries written
with `git hash-object --literally`, renamed tasks, edited schedules) and runs
the real command.  A fuzzing test builds trees of odd names and checks that
nothing is written outside the temporary folders, nothing crashes and the real
edit is still flagged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AGENCIES, PROGRAMME, SETTINGS, write_workspace

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="ktcn diff needs the git command")

P = "programmes/p.yaml"
AS_OF = ("--as-of", "2025-08-01")
BASE = PROGRAMME + "    updates:\n      - {date: 2025-02-01, status: in-progress, note: Bắt đầu}\n"
EDITED = BASE.replace("note: Bắt đầu", "note: Đã bắt đầu từ trước")  # an earlier update rewritten: log-edited
GIT_ENV = {"GIT_AUTHOR_NAME": "Thư ký", "GIT_AUTHOR_EMAIL": "a@b.vn", "GIT_COMMITTER_NAME": "Thư ký",
           "GIT_COMMITTER_EMAIL": "a@b.vn", "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str, data: bytes | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=root, input=data, capture_output=True, check=True,
                            env={**os.environ, **GIT_ENV})
    return result.stdout.decode().strip()


def new_repo(root: Path, files: dict[str, str]) -> Path:
    """A repository at `root` whose first commit holds the default workspace and `files`."""
    write_workspace(root, files)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Hồ sơ ban đầu")
    return root


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = new_repo(tmp_path / "kho", {P: BASE})
    monkeypatch.chdir(root)
    monkeypatch.delenv("KTCN_RECORDS", raising=False)
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    return root


def blob(root: Path, content: str | bytes) -> str:
    data = content.encode() if isinstance(content, str) else content
    return git(root, "hash-object", "-w", "--stdin", data=data)


def tree(root: Path, entries: list[tuple[str, str, str]]) -> str:
    """A tree object written as given (mode, name, object id): any name, `..` and duplicates included.

    `git mktree` refuses some of these; `hash-object --literally` writes what a hostile commit can hold.
    """
    raw = b"".join(mode.encode() + b" " + name.encode("utf-8", "surrogateescape") + b"\0" + bytes.fromhex(oid)
                   for mode, name, oid in entries)
    return git(root, "hash-object", "-t", "tree", "--literally", "-w", "--stdin", data=raw)


def files_tree(root: Path, files: dict[str, str | bytes]) -> str:
    """A tree of plain files from `path -> content`, every path split at '/' (so `..` parts become entries)."""
    nested: dict = {}
    for path, content in files.items():
        *folders, name = path.split("/")
        level = nested
        for folder in folders:
            level = level.setdefault(folder, {})
        level[name] = content
    return _write(root, nested)


def _write(root: Path, level: dict) -> str:
    entries = []
    for name, value in level.items():
        if isinstance(value, dict):
            entries.append(("40000", name, _write(root, value)))
        else:
            entries.append(("100644", name, blob(root, value)))
    return tree(root, entries)


def commit(root: Path, tree_id: str, message: str = "thay đổi") -> str:
    """A commit of `tree_id` on top of HEAD, made the current branch's tip."""
    made = git(root, "commit-tree", tree_id, "-p", "HEAD", "-m", message)
    git(root, "update-ref", "HEAD", made)
    return made


def workspace(programme: str = BASE, **extra: str | bytes) -> dict[str, str | bytes]:
    return {"ktcn.yaml": SETTINGS, "agencies.yaml": AGENCIES, P: programme, **extra}


def run_json(ktcn, *args: str) -> tuple[int, dict]:
    result = ktcn("diff", *args, *AS_OF, "--format", "json", "--fail-on-flags")
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    return result.exit_code, json.loads(result.stdout)


def kinds(document: dict) -> list[str]:
    return [f["kind"] for f in document["flags"]]


def flags(document: dict) -> list[tuple[str, str, str]]:
    return [(f["kind"], f["task"], f["detail"]) for f in document["flags"]]


@contextmanager
def temporary_folders_in(folder: Path) -> Iterator[Path]:
    """Make `tempfile` create its folders under `folder`, so that an escape would land where we can see it."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = saved


def listing(folder: Path) -> set[str]:
    """Every path under `folder` but the records' cache (which loading the working tree fills)."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if ".ktcn-cache" not in p.parts}


# --- item 1: a name holding a newline must not shift git's answers --------------------------------------------


def test_a_newline_in_a_file_name_does_not_hide_the_edit(repo, ktcn):
    base = git(repo, "rev-parse", "HEAD")
    (repo / P).write_text(EDITED, encoding="utf-8")
    odd = repo / "programmes" / f"\n{base}:programmes"  # asked by name, it read as `<base>:programmes/p.yaml`
    odd.mkdir()
    (odd / "p.yaml").write_text("x", encoding="utf-8")
    (odd / "q.yaml").write_text("y", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Sửa lịch sử")
    code, document = run_json(ktcn, "HEAD~1..HEAD")
    assert ("log-edited", "kh-1/1", "2025-02-01") in flags(document) and code == 1


def test_a_newline_naming_no_object_is_not_a_crash(repo, ktcn):
    (repo / P).write_text(EDITED, encoding="utf-8")
    odd = repo / "programmes" / "\nkhong-co:x"  # asked by name, git answered 'missing' and ktcn raised IndexError
    odd.mkdir()
    (odd / "p.yaml").write_text("id: kh-9\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Sửa lịch sử")
    code, document = run_json(ktcn, "HEAD~1..HEAD")
    assert "log-edited" in kinds(document) and code == 1


def test_staged_files_with_odd_names_are_read_by_object_id(repo, ktcn):
    (repo / P).write_text(EDITED, encoding="utf-8")
    odd = repo / "programmes" / "\nHEAD:programmes"
    odd.mkdir()
    (odd / "p.yaml").write_text("x", encoding="utf-8")
    git(repo, "add", "-A")
    code, document = run_json(ktcn, "--staged")
    assert "log-edited" in kinds(document) and code == 1


def test_staged_during_a_merge_conflict_is_a_clear_error(repo, ktcn):
    git(repo, "checkout", "-q", "-b", "nhanh")
    (repo / P).write_text(BASE.replace("Nhiệm vụ một", "Nhánh"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "nhánh")
    git(repo, "checkout", "-q", "-")
    (repo / P).write_text(BASE.replace("Nhiệm vụ một", "Chính"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "chính")
    subprocess.run(["git", "merge", "-q", "nhanh"], cwd=repo, capture_output=True, env={**os.environ, **GIT_ENV})
    result = ktcn("diff", "--staged", *AS_OF)
    assert result.exit_code == 2 and "unresolved merge conflict" in result.stderr, result.stderr


# --- item 2: tree entries that would lead out of the temporary folder are never written ------------------------


def test_dot_dot_entries_are_never_written(repo, ktcn, tmp_path):
    escape = "programmes/" + "../" * 3 + "escaped.yaml"  # from tmp_path/tmp/ktcn-diff-*/programmes to tmp_path
    commit(repo, files_tree(repo, workspace(EDITED, **{escape: "id: evil\n"})))
    before = listing(tmp_path)
    with temporary_folders_in(tmp_path / "tmp"):
        code, document = run_json(ktcn, "HEAD~1..HEAD")
    assert not (tmp_path / "escaped.yaml").exists()
    assert listing(tmp_path) == before | {"tmp"}
    assert ("log-edited", "kh-1/1", "2025-02-01") in flags(document) and code == 1
    skipped = [f for f in document["flags"] if f["kind"] == "path-skipped"]
    assert skipped == [{"kind": "path-skipped", "task": "",
                        "detail": "programmes/../../../escaped.yaml (its name holds a '..', '.' or empty part,"
                                  " which git will not check out)"}]


@pytest.mark.parametrize("name", ["/tmp/ktcn-abs.yaml", "a/../../b.yaml", "../b.yaml", "./b.yaml", "a//b.yaml"])
def test_entries_with_odd_parts_are_skipped_and_flagged(repo, ktcn, name):
    programmes = tree(repo, [("100644", "p.yaml", blob(repo, BASE)), ("100644", name, blob(repo, "id: x\n"))])
    top = tree(repo, [("100644", "agencies.yaml", blob(repo, AGENCIES)), ("100644", "ktcn.yaml", blob(repo, SETTINGS)),
                      ("40000", "programmes", programmes)])
    commit(repo, top)
    result = ktcn("diff", "HEAD~1..HEAD", *AS_OF, "--format", "md", "--fail-on-flags")
    assert result.exit_code == 1, result.stderr
    assert "skipped" in result.stdout and not Path("/tmp/ktcn-abs.yaml").exists()


def test_a_file_named_twice_never_overwrites_the_first(repo, ktcn):
    """The second entry of a duplicated name would have put the old log back over the edited one."""
    programmes = tree(repo, [("100644", "p.yaml", blob(repo, EDITED)), ("100644", "p.yaml", blob(repo, BASE))])
    top = tree(repo, [("100644", "agencies.yaml", blob(repo, AGENCIES)), ("100644", "ktcn.yaml", blob(repo, SETTINGS)),
                      ("40000", "programmes", programmes)])
    commit(repo, top)
    code, document = run_json(ktcn, "HEAD~1..HEAD")
    assert kinds(document) == ["path-skipped", "log-edited"] and code == 1


def test_a_symbolic_link_is_not_read_as_a_record(repo, ktcn):
    programmes = tree(repo, [("100644", "p.yaml", blob(repo, BASE)), ("120000", "q.yaml", blob(repo, "/etc/passwd"))])
    top = tree(repo, [("100644", "agencies.yaml", blob(repo, AGENCIES)), ("100644", "ktcn.yaml", blob(repo, SETTINGS)),
                      ("40000", "programmes", programmes)])
    commit(repo, top)
    _, document = run_json(ktcn, "HEAD~1..HEAD")
    assert [(f["kind"], f["detail"]) for f in document["flags"]] == [
        ("path-skipped", "programmes/q.yaml (a symbolic link or a submodule, not a file)")]


# --- item 3: flags that could be dodged -------------------------------------------------------------------------

YEARLY = BASE.replace("period: {from: 2025, to: 2026}", "period: {from: 2024, to: 2026}").replace(
    "schedule: 2025-06-30", "schedule: {every: 1y, day: 06-30}")


def yearly_repo(root: Path) -> None:
    (root / P).write_text(YEARLY, encoding="utf-8")
    git(root, "commit", "-q", "-am", "Nhiệm vụ hằng năm")


def replace(root: Path, old: str, new: str) -> None:
    text = (root / P).read_text(encoding="utf-8")
    assert old in text, old
    (root / P).write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_extension_for_one_year_does_not_cover_a_day_moved_for_another(repo, ktcn):
    yearly_repo(repo)
    replace(repo, "day: 06-30", "day: 12-31")
    replace(repo, "note: Bắt đầu}\n", "note: Bắt đầu}\n      - {date: 2025-07-01, period: 2024, extend_to: 2024-12-31,"
            " evidence: [CV 1]}\n")
    code, document = run_json(ktcn)
    assert flags(document) == [("deadline-moved", "kh-1/1", "2025: 2025-06-30 → 2025-12-31")] and code == 1


def test_an_extension_for_the_moved_occurrence_explains_it(repo, ktcn):
    yearly_repo(repo)
    replace(repo, "day: 06-30", "day: 12-31")
    replace(repo, "note: Bắt đầu}\n", "note: Bắt đầu}\n      - {date: 2025-07-01, period: 2024, extend_to: 2024-12-31,"
            " evidence: [CV 1]}\n      - {date: 2025-07-02, period: 2025, extend_to: 2025-12-31, evidence: [CV 2]}\n")
    code, document = run_json(ktcn)
    assert flags(document) == [] and code == 0


def test_editing_from_does_not_drop_an_overdue_occurrence_silently(repo, ktcn):
    yearly_repo(repo)
    replace(repo, "{every: 1y, day: 06-30}", "{every: 1y, day: 06-30, from: 2025}")
    code, document = run_json(ktcn)
    assert flags(document) == [("overdue-dropped", "kh-1/1", "2024 (2024-06-30)")] and code == 1


def test_an_overdue_occurrence_turned_ongoing_is_flagged(repo, ktcn):
    yearly_repo(repo)
    replace(repo, "{every: 1y, day: 06-30}", "ongoing")
    _, document = run_json(ktcn)
    assert kinds(document) == ["overdue-dropped"] and "2025 (2025-06-30)" in document["flags"][0]["detail"]


def test_an_overdue_occurrence_done_by_a_new_update_is_not_flagged(repo, ktcn):
    yearly_repo(repo)
    replace(repo, "note: Bắt đầu}\n", "note: Bắt đầu}\n      - {date: 2025-07-10, period: 2024, status: done,"
            " evidence: [BC 1]}\n")
    code, document = run_json(ktcn)
    assert flags(document) == [] and code == 0


def test_a_renamed_task_with_its_log_rewritten_is_flagged(repo, ktcn):
    replace(repo, 'id: "1"', 'id: "1b"')
    replace(repo, "note: Bắt đầu", "note: Đã bắt đầu từ trước")
    code, document = run_json(ktcn)
    assert flags(document) == [("log-edited", "kh-1/1b", "2025-02-01")] and code == 1
    [task] = document["programmes"][0]["tasks"]
    assert (task["ref"], task["state"], task["renamed_from"]) == ("kh-1/1b", "renamed", "kh-1/1")
    markdown = ktcn("diff", *AS_OF, "--format", "md").stdout
    assert "renamed, formerly `kh-1/1`" in markdown


def test_a_renamed_task_with_its_log_emptied_and_its_title_changed_is_flagged(repo, ktcn):
    replace(repo, 'id: "1"', 'id: "2"')
    replace(repo, "title: Nhiệm vụ một", "title: Nhiệm vụ khác")
    replace(repo, "    updates:\n      - {date: 2025-02-01, status: in-progress, note: Bắt đầu}\n", "")
    code, document = run_json(ktcn)
    assert ("log-deleted", "kh-1/2", "2025-02-01") in flags(document) and code == 1


def test_a_renamed_task_whose_deadline_moved_is_flagged(repo, ktcn):
    replace(repo, 'id: "1"', 'id: "1b"')
    replace(repo, "schedule: 2025-06-30", "schedule: 2025-09-30")
    _, document = run_json(ktcn)
    assert flags(document) == [("deadline-moved", "kh-1/1b", "2025-06-30 → 2025-09-30")]


def test_a_task_renamed_with_its_log_kept_raises_no_flag(repo, ktcn):
    replace(repo, 'id: "1"', 'id: "mot"')
    replace(repo, "title: Nhiệm vụ một", "title: Nhiệm vụ thứ nhất")
    replace(repo, "note: Bắt đầu}\n", "note: Bắt đầu}\n      - {date: 2025-06-20, status: done, evidence: [QĐ 9]}\n")
    code, document = run_json(ktcn)
    assert flags(document) == [] and code == 0
    [task] = document["programmes"][0]["tasks"]
    assert task["renamed_from"] == "kh-1/1" and [u["status"] for u in task["new_updates"]] == ["done"]


def test_a_task_removed_with_its_log_is_flagged(repo, ktcn):
    replace(repo, "  - id: \"1\"", '  - {id: "0", title: Khác hẳn, lead: [lhh], schedule: 2025-12-31}\n  - id: "1"')
    git(repo, "commit", "-q", "-am", "Thêm nhiệm vụ")
    text = (repo / P).read_text(encoding="utf-8")
    (repo / P).write_text(text[:text.index('  - id: "1"')], encoding="utf-8")
    code, document = run_json(ktcn)
    assert flags(document) == [("task-removed-with-log", "kh-1/1", "2025-02-01"),
                               ("overdue-dropped", "kh-1/1", "2025-06-30")] and code == 1


def test_a_programme_removed_takes_its_logs_with_a_flag(repo, ktcn):
    (repo / P).unlink()
    code, document = run_json(ktcn)
    assert kinds(document) == ["task-removed-with-log", "overdue-dropped"] and code == 1


def test_a_task_moved_to_another_programme_keeps_its_log_reviewed(repo, ktcn):
    (repo / "programmes/q.yaml").write_text(EDITED.replace("id: kh-1", "id: kh-2"), encoding="utf-8")
    (repo / P).unlink()
    _, document = run_json(ktcn)
    assert flags(document) == [("log-edited", "kh-2/1", "2025-02-01")]


def test_a_programme_id_used_twice_is_flagged(repo, ktcn):
    (repo / P).write_text(EDITED, encoding="utf-8")
    (repo / "programmes/z.yaml").write_text(BASE, encoding="utf-8")  # the last copy wins the index: it hid the edit
    code, document = run_json(ktcn)
    assert ("duplicate-id", "kh-1", "kh-1 ×2") in flags(document) and code == 1


def test_new_flags_are_in_vietnamese_for_a_vietnamese_workspace(repo, ktcn):
    (repo / P).unlink()
    result = ktcn("diff", *AS_OF, "--format", "md", "--lang", "vi")
    assert "nhiệm vụ bị xóa cùng nhật ký tiến độ" in result.stdout and "kỳ đang quá hạn bị bỏ" in result.stdout


# --- fuzzing: trees of odd names --------------------------------------------------------------------------------

NFD = unicodedata.normalize("NFD", "nhiệm-vụ")
PARTS = ["..", ".", "a\nb", "\nHEAD:programmes", "x:y", "HEAD:programmes", " sp ace ", "-rf", "--output=o",
         NFD, "đ", "*", "[ab]", ":(glob)*", "\\", "\t", "\u2028"]
odd_paths = st.lists(st.sampled_from(PARTS), min_size=1, max_size=5).map(
    lambda parts: "programmes/" + "/".join(parts) + ".yaml")
odd_contents = st.sampled_from(["x", "id: kh-odd\ntype: KH\ntitle: T\ntasks: []\n", "{", BASE])


@settings(max_examples=int(os.environ.get("KTCN_FUZZ_EXAMPLES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(before=st.dictionaries(odd_paths, odd_contents, max_size=3),
       after=st.dictionaries(odd_paths, odd_contents, max_size=4))
def test_odd_names_never_crash_escape_or_hide_the_edit(tmp_path_factory, ktcn, before, after):
    home = tmp_path_factory.mktemp("fuzz")
    root = new_repo(home / "kho", {P: BASE})
    # the same entry under one name in both commits changes nothing: what each side holds is what counts
    base_tree = files_tree(root, workspace(BASE, **before))
    git(root, "update-ref", "HEAD", git(root, "commit-tree", base_tree, "-m", "trước"))
    commit(root, files_tree(root, workspace(EDITED, **after)))
    seen = listing(home)
    cwd = Path.cwd()
    os.chdir(root)
    try:
        with temporary_folders_in(home / "t" / "u" / "v"):  # at most 5 '..' from <tmp>/ktcn-diff-*/programmes
            result = ktcn("diff", "HEAD~1..HEAD", *AS_OF, "--format", "json", "--fail-on-flags")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert listing(home) == seen | {"t", "t/u", "t/u/v"}
    found = set(kinds(json.loads(result.stdout)))
    hidden_by_copy = BASE in after.values()  # a second kh-1 may win the index: then the copy itself is flagged
    assert "log-edited" in found or (hidden_by_copy and found & {"duplicate-id", "path-skipped"})
