"""`ktcn diff` on temporary git repositories with successive commits: one commit per change and per flag."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import PROGRAMME

P = "programmes/p.yaml"
AS_OF = ("--as-of", "2025-08-01")
BASE = PROGRAMME + "    updates:\n      - {date: 2025-02-01, status: in-progress, note: Bắt đầu}\n"


@pytest.fixture
def repo(ws, monkeypatch):
    root = ws({P: BASE})
    for key, value in {"GIT_AUTHOR_NAME": "Thư ký", "GIT_AUTHOR_EMAIL": "a@b.vn", "GIT_COMMITTER_NAME": "Thư ký",
                       "GIT_COMMITTER_EMAIL": "a@b.vn"}.items():
        monkeypatch.setenv(key, value)
    git(root, "init", "-q")
    commit(root, "Hồ sơ ban đầu")
    return root


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def change(root: Path, old: str, new: str, message: str | None = None) -> None:
    path = root / P
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if message:
        commit(root, message)


def review(ktcn, *args: str) -> dict:
    result = ktcn("diff", *args, *AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def flags(document: dict) -> list[tuple[str, str, str]]:
    return [(f["kind"], f["task"], f["detail"]) for f in document["flags"]]


def test_no_change(repo, ktcn):
    document = review(ktcn)
    assert document["programmes"] == [] and document["flags"] == []
    assert "No change to the records." in ktcn("diff", *AS_OF, "--format", "md").stdout


def test_update_edited_is_flagged(repo, ktcn):
    change(repo, "note: Bắt đầu", "note: Đã bắt đầu từ trước", "Sửa lịch sử")
    assert flags(review(ktcn, "HEAD~1..HEAD")) == [("log-edited", "kh-1/1", "2025-02-01")]


def test_update_deleted_is_flagged(repo, ktcn):
    change(repo, "    updates:\n      - {date: 2025-02-01, status: in-progress, note: Bắt đầu}\n", "", "Xóa nhật ký")
    assert flags(review(ktcn, "HEAD~1..HEAD")) == [("log-deleted", "kh-1/1", "2025-02-01")]


def test_done_without_evidence_is_flagged_and_counted(repo, ktcn):
    change(repo, "note: Bắt đầu}\n", "note: Bắt đầu}\n      - {date: 2025-06-20, status: done}\n", "Hoàn thành")
    document = review(ktcn, "HEAD~1..HEAD")
    assert flags(document) == [("done-without-evidence", "kh-1/1", "2025-06-20")]
    task = document["programmes"][0]["tasks"][0]
    assert [u["status"] for u in task["new_updates"]] == ["done"]
    assert task["moves"] == [{"occurrence": "2025-06-30", "before": "overdue", "after": "done_on_time"}]
    assert document["moved_to"] == {"done": 1}
    markdown = ktcn("diff", "HEAD~1..HEAD", *AS_OF, "--format", "md").stdout
    assert "**Summary:** 1 became done." in markdown


def test_done_with_evidence_is_not_flagged(repo, ktcn):
    change(repo, "note: Bắt đầu}\n", "note: Bắt đầu}\n      - {date: 2025-06-20, status: done, evidence: [QĐ 9]}\n",
           "Hoàn thành có minh chứng")
    assert flags(review(ktcn, "HEAD~1..HEAD")) == []


def test_deadline_moved_without_extension_is_flagged_and_told_in_words(repo, ktcn):
    change(repo, "schedule: 2025-06-30", "schedule: 2025-09-30", "Dời hạn")
    document = review(ktcn, "HEAD~1..HEAD")
    assert flags(document) == [("deadline-moved", "kh-1/1", "2025-06-30 → 2025-09-30")]
    assert document["programmes"][0]["tasks"][0]["changes"] == [
        {"field": "schedule", "before": "by 2025-06-30", "after": "by 2025-09-30"}]


def test_extension_recorded_is_not_a_moved_deadline(repo, ktcn):
    extension = "      - {date: 2025-06-10, extend_to: 2025-09-30, evidence: [CV 1]}\n"
    change(repo, "note: Bắt đầu}\n", "note: Bắt đầu}\n" + extension, "Gia hạn")
    document = review(ktcn, "HEAD~1..HEAD")
    assert flags(document) == []
    task = document["programmes"][0]["tasks"][0]
    assert task["new_updates"][0]["extend_to"] == "2025-09-30"
    assert task["moves"] == [{"occurrence": "2025-06-30", "before": "overdue", "after": "in_progress"}]
    assert "Extended to 2025-09-30" in ktcn("diff", "HEAD~1..HEAD", *AS_OF, "--format", "md").stdout


def test_agency_assigned_after_it_ceased_is_flagged(repo, ktcn):
    change(repo, "lead: [skhcn]", "lead: [skhcn, sttt]", "Thêm phối hợp")
    assert flags(review(ktcn, "HEAD~1..HEAD")) == [("ceased-agency", "kh-1/1", "sttt (2025-02-28 → skhcn)")]


def test_tasks_and_programmes_added_and_removed(repo, ktcn):
    change(repo, "tasks:\n", 'tasks:\n  - {id: "0", title: Mới, lead: [lhh], schedule: 2025-12-31}\n')
    (repo / "programmes/q.yaml").write_text(PROGRAMME.replace("id: kh-1", "id: kh-2"), encoding="utf-8")
    document = review(ktcn)  # HEAD against the working tree
    states = {(p["id"], p["state"]): [(t["ref"], t["state"]) for t in p["tasks"]] for p in document["programmes"]}
    assert states == {("kh-1", "changed"): [("kh-1/0", "added")], ("kh-2", "added"): [("kh-2/1", "added")]}
    assert document["after"] == "working tree"


def test_staged_compares_head_with_the_index(repo, ktcn):
    change(repo, "title: Nhiệm vụ một", "title: Nhiệm vụ một (sửa)")
    git(repo, "add", P)
    change(repo, "title: Nhiệm vụ một (sửa)", "title: Chưa stage")
    changes = review(ktcn, "--staged")["programmes"][0]["tasks"][0]["changes"]
    assert changes == [{"field": "title", "before": "Nhiệm vụ một", "after": "Nhiệm vụ một (sửa)"}]


def test_fail_on_flags_for_merge_request_ci(repo, ktcn):
    change(repo, "schedule: 2025-06-30", "schedule: 2025-09-30", "Dời hạn")
    assert ktcn("diff", "HEAD~1..HEAD", *AS_OF, "--fail-on-flags").exit_code == 1
    assert ktcn("diff", "HEAD~1..HEAD", *AS_OF).exit_code == 0


def test_works_in_a_shallow_clone_when_both_revisions_are_there(repo, ktcn, tmp_path, monkeypatch):
    change(repo, "title: Nhiệm vụ một", "title: Hai", "Hai")
    change(repo, "title: Hai", "title: Ba", "Ba")
    clone = tmp_path / "nong"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)], check=True)
    monkeypatch.chdir(clone)
    assert review(ktcn, "HEAD~1..HEAD")["programmes"][0]["tasks"][0]["changes"][0]["after"] == "Ba"
    missing = ktcn("diff", "HEAD~2..HEAD", *AS_OF)
    assert missing.exit_code == 2 and "shallow clone" in missing.stderr


def test_outside_a_git_repository_is_a_clear_error(ws, ktcn):
    ws({P: BASE})
    result = ktcn("diff", *AS_OF)
    assert result.exit_code == 3 and "not in a git repository" in result.stderr and "Traceback" not in result.stderr


def test_unknown_revision(repo, ktcn):
    result = ktcn("diff", "khong-co..HEAD", *AS_OF)
    assert result.exit_code == 2 and "unknown revision 'khong-co'" in result.stderr


def test_records_in_a_subfolder_of_the_repository(tmp_path, ktcn, monkeypatch):
    from conftest import write_workspace

    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "a")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "a@b")
    write_workspace(tmp_path / "records", {P: BASE})
    git(tmp_path, "init", "-q")
    commit(tmp_path, "đầu")
    records = tmp_path / "records" / P
    records.write_text(BASE.replace("title: Nhiệm vụ một", "title: Khác"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    os.environ.pop("KTCN_RECORDS", None)
    assert review(ktcn)["programmes"][0]["tasks"][0]["changes"][0]["after"] == "Khác"


def test_a_state_or_a_kind_changed_is_said_in_the_readers_words(repo, ktcn):
    """'state' and 'kind' hold the record format's keywords; a Vietnamese review (and the site's 'what changed'
    page, which shows it) says 'đang thực hiện → đã kết thúc', never 'active → closed'."""
    change(repo, "period: {from: 2025, to: 2026}\n", "period: {from: 2025, to: 2026}\nstate: closed\n")
    change(repo, '    title: Nhiệm vụ một\n', '    title: Nhiệm vụ một\n    kind: event\n', "Kết thúc kế hoạch")
    result = ktcn("diff", "HEAD~1..HEAD", *AS_OF, "--format", "md", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    assert "Trạng thái: đang thực hiện → đã kết thúc" in result.stdout
    assert ": công việc → sự kiện" in result.stdout
    assert "active" not in result.stdout and "event" not in result.stdout
    changes = review(ktcn, "HEAD~1..HEAD")["programmes"][0]["changes"]
    assert changes == [{"field": "state", "before": "active", "after": "closed"}]  # the same words in English
