"""`ktcn update` and `ktcn init`: only the new lines change, bad updates are refused, writes are atomic."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ktcn.records.loader import load
from ktcn.writing.edit import NewUpdate, insert_update

from conftest import PROGRAMME, write_workspace

P = "programmes/p.yaml"
TEXT = """\
# Kế hoạch thử — ghi chú đầu tệp
id: kh-1
type: KH
title: Kế hoạch thử
issued: 2025-01-10
issuers: [skhcn]
period: {from: 2025, to: 2026}

tasks:
  - id: "1"   # nhiệm vụ một
    title: Nhiệm vụ một
    lead: [skhcn]
    schedule: 2025-06-30
    updates:
      - date: 2025-02-01
        status: in-progress
        note: |
          Dòng một.
          Dòng hai.

    # ghi chú trước nhiệm vụ hai
  - id: "2"
    title: Nhiệm vụ hai
    lead: [lhh]
    schedule: {every: 6m}
"""


def only_inserted(old: str, new: str) -> list[str]:
    """The lines `new` adds to `old`; fails if any old line moved, changed or went."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(keepends=True), b=new.splitlines(keepends=True),
                                      autojunk=False)
    added = []
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, old, new)
        if tag == "insert":
            added.extend(new.splitlines(keepends=True)[j1:j2])
    return added


def one_insertion(old: str, new: str) -> str:
    """What `new` inserts into `old` at one place; fails unless `new` is `old` with one run of text added."""
    prefix = 0
    while prefix < len(old) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = len(old) - prefix
    assert new.endswith(old[prefix:]) and len(new) >= len(old), (old, new)
    return new[prefix: len(new) - suffix]


def test_appends_to_an_existing_block_log_after_a_block_scalar(ws, ktcn):
    root = ws({P: TEXT})
    result = ktcn("update", "kh-1/1", "--status", "done", "--date", "2025-06-20", "--evidence", "QĐ 12/QĐ-UBND")
    assert result.exit_code == 0, result.stderr
    new = (root / P).read_text(encoding="utf-8")
    assert only_inserted(TEXT, new) == [
        "      - date: 2025-06-20\n", "        status: done\n", "        evidence: [QĐ 12/QĐ-UBND]\n"]
    assert new.index("status: done") < new.index("# ghi chú trước nhiệm vụ hai")
    task = load(root).programmes[0].tasks[0]
    assert task.updates[0].note == "Dòng một.\nDòng hai.\n"  # the block scalar is intact
    assert (str(task.updates[-1].date), task.updates[-1].status) == ("2025-06-20", "done")


def test_creates_the_log_with_the_files_indentation(ws, ktcn):
    root = ws({P: TEXT})
    assert ktcn("update", "kh-1/2", "--note", "Đã gửi: báo cáo #1", "--date", "2025-07-02").exit_code == 0
    added = only_inserted(TEXT, (root / P).read_text(encoding="utf-8"))
    assert added == ["    updates:\n", "      - date: 2025-07-02\n", "        note: 'Đã gửi: báo cáo #1'\n"]


def test_update_is_attributed_as_records_md_says(ws, ktcn):
    ws({P: TEXT})
    assert ktcn("update", "kh-1/2", "--status", "done", "--date", "2025-08-10").exit_code == 0
    shown = ktcn("show", "kh-1/2", "--as-of", "2025-08-31", "--format", "json")
    import json

    first = json.loads(shown.stdout)["occurrences"][0]
    assert (first["label"], first["status"]) == ("2025-H1", "done_late")  # the late H1 report


@pytest.mark.parametrize(("before", "after"), [
    ("    schedule: {every: 6m}\n", '    schedule: {every: 6m}\n    updates: []\n'),
    ("    schedule: {every: 6m}\n", "    schedule: {every: 6m}\n    updates:\n"),
    ("    schedule: {every: 6m}\n", "    schedule: {every: 6m}\n    updates: ~\n"),
    ("    schedule: {every: 6m}\n", "    schedule: {every: 6m}\n    updates: [{date: 2025-01-05, note: a}]\n"),
    ("    schedule: {every: 6m}\n", "    schedule: {every: 6m}\n    updates:\n      - {date: 2025-01-05, note: a}\n"),
])
def test_follows_flow_and_empty_logs(ws, ktcn, before, after):
    text = TEXT.replace(before, after)
    root = ws({P: text})
    assert ktcn("update", "kh-1/2", "--status", "done", "--date", "2025-07-02").exit_code == 0
    task = load(root).programmes[0].tasks[1]
    assert (str(task.updates[-1].date), task.updates[-1].status) == ("2025-07-02", "done")
    new = (root / P).read_text(encoding="utf-8")
    assert new.startswith(text[: text.index("  - id: \"2\"")])  # nothing before the task moved


def test_task_written_as_a_flow_mapping(ws, ktcn):
    text = PROGRAMME.replace('  - id: "1"\n    title: Nhiệm vụ một\n    lead: [skhcn]\n    schedule: 2025-06-30\n',
                             '  - {id: "1", title: Nhiệm vụ một, lead: [skhcn], schedule: 2025-06-30}\n')
    root = ws({P: text})
    assert ktcn("update", "kh-1/1", "--status", "done", "--date", "2025-05-05").exit_code == 0
    assert (root / P).read_text(encoding="utf-8").endswith(
        "schedule: 2025-06-30, updates: [{date: 2025-05-05, status: done}]}\n")


def test_crlf_and_missing_final_newline_and_bom_are_kept(ws, ktcn):
    text = TEXT.replace("\n", "\r\n").rstrip("\r\n")
    raw = b"\xef\xbb\xbf" + text.encode("utf-8")
    root = ws({P: raw})
    assert ktcn("update", "kh-1/2", "--note", "ghi", "--date", "2025-03-03").exit_code == 0
    new = (root / P).read_bytes()
    assert new.startswith(raw) and new.startswith(b"\xef\xbb\xbf")
    assert new[len(raw):] == b"\r\n    updates:\r\n      - date: 2025-03-03\r\n        note: ghi"


def test_refused_update_leaves_the_file_untouched(ws, ktcn):
    root = ws({P: TEXT})
    before = (root / P).read_bytes()
    unknown = ktcn("update", "kh-1/1", "--status", "done", "--by", "khong-co", "--date", "2025-06-20")
    assert unknown.exit_code == 1 and "KTCN202" in unknown.stderr and "unchanged" in unknown.stderr
    wrong_period = ktcn("update", "kh-1/2", "--status", "done", "--period", "2027-H1", "--date", "2025-06-20")
    assert wrong_period.exit_code == 1 and "KTCN307" in wrong_period.stderr
    assert (root / P).read_bytes() == before


def test_usage_errors(ws, ktcn):
    ws({P: TEXT})
    assert ktcn("update", "kh-1/1").exit_code == 2  # nothing to record
    assert ktcn("update", "kh-1/1", "--status", "finished").exit_code == 2
    assert ktcn("update", "kh-1/1", "--progress", "120").exit_code == 2
    assert ktcn("update", "kh-1/1", "--note", "x", "--date", "2025-02-30").exit_code == 2
    assert ktcn("update", "kh-1/9", "--note", "x").exit_code == 2
    assert ktcn("update", "kh-1", "--note", "x").exit_code == 1


def test_dry_run_prints_a_diff_and_writes_nothing(ws, ktcn):
    root = ws({P: TEXT})
    result = ktcn("update", "kh-1/2", "--note", "thử", "--date", "2025-03-03", "--dry-run")
    assert result.stdout.splitlines()[:2] == ["--- a/programmes/p.yaml", "+++ b/programmes/p.yaml"]
    assert "+        note: thử" in result.stdout
    assert (root / P).read_text(encoding="utf-8") == TEXT


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(ws, ktcn, monkeypatch):
    root = ws({P: TEXT})

    def broken_rename(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_rename)
    result = ktcn("update", "kh-1/2", "--note", "thử", "--date", "2025-03-03")
    assert result.exit_code == 3 and "No space left on device" in result.stderr
    assert (root / P).read_text(encoding="utf-8") == TEXT
    assert sorted(p.name for p in (root / "programmes").iterdir()) == ["p.yaml"]


def test_file_changed_on_disk_meanwhile_is_refused(ws, ktcn, monkeypatch):
    import ktcn.writing.updating as updating

    root = ws({P: TEXT})
    real_load = updating.load

    def load_while_someone_edits(*args, **kwargs):
        if kwargs.get("proposed"):  # the check of the new text: the file was read already
            (root / P).write_text(TEXT + "# sửa tay\n", encoding="utf-8")
        return real_load(*args, **kwargs)

    monkeypatch.setattr(updating, "load", load_while_someone_edits)
    result = ktcn("update", "kh-1/2", "--note", "thử", "--date", "2025-03-03")
    assert result.exit_code == 1 and "changed on disk" in result.stderr
    assert (root / P).read_text(encoding="utf-8") == TEXT + "# sửa tay\n"


def test_file_mode_is_kept(ws, ktcn):
    root = ws({P: TEXT})
    (root / P).chmod(0o640)
    assert ktcn("update", "kh-1/2", "--note", "thử", "--date", "2025-03-03").exit_code == 0
    assert stat.S_IMODE((root / P).stat().st_mode) == 0o640


# --- property: many layouts, one rule ---------------------------------------------------------

@st.composite
def layouts(draw: st.DrawFn) -> str:
    """A programme file in one of many hand-written layouts."""
    indent = draw(st.sampled_from([2, 4]))
    indentless = draw(st.booleans())
    dash = "" if indentless else " " * indent
    key = dash + "  "
    comment = draw(st.sampled_from(["", "  # ghi chú", "  # note: x"]))
    log = draw(st.sampled_from(["none", "block", "flow-items", "flow", "empty", "block-alone", "flow-lines",
                                "keep-note"]))
    alone = draw(st.booleans())  # each task's `-` alone on its line, its keys below
    first = [f"{dash}-{comment}", f'{key}id: "1"'] if alone else [f'{dash}- id: "1"{comment}']
    lines = ["id: kh-1", "type: KH", "title: Kế hoạch", "issued: 2025-01-10", "issuers: [skhcn]",
             "period: {from: 2025, to: 2026}", "tasks:",
             *first, f"{key}title: Một", f"{key}lead: [skhcn]", f"{key}schedule: {{every: 1q}}"]
    inner = key + (" " * indent if not indentless else "")
    if log == "block":
        lines += [f"{key}updates:", f"{inner}- date: 2025-02-01{comment}", f"{inner}  note: 'trích: a'"]
    elif log == "block-alone":
        lines += [f"{key}updates:", f"{inner}-{comment}", f"{inner}  date: 2025-02-01", f"{inner}  note: a"]
    elif log == "keep-note":
        lines += [f"{key}updates:", f"{inner}- date: 2025-02-01", f"{inner}  note: |+", f"{inner}    a", ""]
    elif log == "flow-items":
        lines += [f"{key}updates:", f"{inner}- {{date: 2025-02-01, note: a}}"]
    elif log == "flow":
        lines += [f"{key}updates: [{{date: 2025-02-01, note: a}}]"]
    elif log == "flow-lines":
        lines += [f"{key}updates: [", f"{inner}{{date: 2025-02-01, note: a}},{comment}", f"{key}]"]
    elif log == "empty":
        lines += [f"{key}updates:"]
    if draw(st.booleans()):
        lines += [f'{dash}- id: "2"', f"{key}title: Hai", f"{key}lead: [skhcn]", f"{key}schedule: 2025"]
    if draw(st.booleans()):
        lines.append("# cuối tệp")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    final = draw(st.sampled_from([newline, ""]))
    text = newline.join(lines) + final
    if draw(st.booleans()):  # one line ends the other way (an editor's slip); the new lines follow the rest
        odd = "\n" if newline == "\r\n" else "\r\n"
        text = text.replace("title: Kế hoạch" + newline, "title: Kế hoạch" + odd, 1)
    return text


notes = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layouts(), notes, st.sampled_from([None, "in-progress", "done"]), st.lists(notes, max_size=2))
def test_any_layout_gains_only_the_new_lines_and_the_update_loads(tmp_path, text, note, status, evidence):
    import unicodedata

    note = unicodedata.normalize("NFC", note).strip() or "x"
    evidence = tuple(unicodedata.normalize("NFC", e).strip() or "x" for e in evidence)
    entry = NewUpdate(date=__import__("datetime").date(2025, 5, 5), status=status, note=note, evidence=evidence)
    new = insert_update(text, "1", entry)
    added = one_insertion(text, new)
    crlf = text.count("\r\n")
    if crlf > text.count("\n") - crlf:  # mostly CRLF: no bare LF slipped in
        assert "\n" not in added.replace("\r\n", "")
    else:  # mostly LF: one CRLF line does not make the new lines CRLF
        assert "\r" not in added
    assert new.endswith("\n") == text.endswith("\n")
    old_log = yaml.safe_load(text)["tasks"][0].get("updates") or []
    assert yaml.safe_load(new)["tasks"][0]["updates"][:-1] == old_log  # the entries before it are intact (`|+`)
    folder = tmp_path / f"w{abs(hash((text, note, status, evidence)))}"
    write_workspace(folder, {P: new.encode("utf-8")})
    task = load(folder).programmes[0].tasks[0]
    last = task.updates[-1]
    assert (last.date.isoformat(), last.status, last.note, last.evidence) == ("2025-05-05", status, note, evidence)


def test_init_creates_a_valid_workspace_and_never_overwrites(tmp_path, ktcn, monkeypatch):
    monkeypatch.delenv("KTCN_RECORDS", raising=False)
    target = tmp_path / "ho-so"
    result = ktcn("init", str(target))
    assert result.exit_code == 0
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        ".gitignore", ".pre-commit-config.yaml", "agencies.yaml", "ktcn.yaml", "programmes/vi-du.yaml",
        "schemas/agencies.schema.json", "schemas/programme.schema.json", "schemas/settings.schema.json"]
    assert (target / "programmes/vi-du.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/programme.schema.json\n")
    assert load(target).diagnostics == ()
    assert "ktcn-validate" in (target / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    (target / "agencies.yaml").write_text("agencies: []\n", encoding="utf-8")
    again = ktcn("init", str(target))
    assert again.exit_code == 1 and "không ghi đè" in again.stderr
    assert (target / "agencies.yaml").read_text(encoding="utf-8") == "agencies: []\n"


def test_init_refuses_when_any_file_exists_and_writes_nothing(tmp_path, ktcn):
    target = tmp_path / "w"
    target.mkdir()
    (target / ".gitignore").write_text("x\n", encoding="utf-8")
    assert ktcn("init", str(target), "--lang", "en").exit_code == 1
    assert sorted(p.name for p in target.iterdir()) == [".gitignore"]
    assert Path(target / ".gitignore").read_text(encoding="utf-8") == "x\n"
