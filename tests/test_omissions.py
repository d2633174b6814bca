"""No error goes unnoticed: views name the files with errors and exit 1; reports refuse unless --allow-errors.

A CI reminder (`overdue --fail`) must not say "nothing overdue" when a
programme could not be read, and an office must not sign a report that
silently leaves one out.
"""

from __future__ import annotations

import json

import pytest

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS

OVERDUE_PROGRAMME = """\
id: kh-2
type: KH
title: Kế hoạch có việc quá hạn
issued: 2025-01-10
issuers: [skhcn]
period: {from: 2025, to: 2026}
tasks:
  - {id: "1", title: Việc quá hạn, lead: [skhcn], schedule: 2025-03-31}
"""

BROKEN = {
    "bad-bytes": b"id: kh-3\ntitle: K\xe1\xba ho\xe1ch\n",
    "conflict-marker": "id: kh-3\n<<<<<<< HEAD\ntitle: A\n=======\ntitle: B\n>>>>>>> other\n",
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                  "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
}
BROKEN_PATH = "programmes/kh-3.yaml"


@pytest.fixture(params=sorted(BROKEN))
def broken(request, ws):
    """The demo workspace, a programme with an overdue task, and one file that cannot be read."""
    return ws({
        "ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES,
        "programmes/ctr-demo.yaml": DEMO_PROGRAMME, BROKEN_PATH: BROKEN[request.param],
    })


@pytest.mark.parametrize("view", [
    ["status"], ["status", "--by", "agency"], ["overdue"], ["overdue", "--fail"], ["upcoming"],
    ["show", "ctr-demo"], ["show", "ctr-demo/bc6"], ["calendar"],
])
def test_every_view_shows_what_it_can_names_the_broken_file_and_exits_1(broken, ktcn, view):
    result = ktcn(*view, "--as-of", "2025-09-01")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert BROKEN_PATH in result.stderr
    assert "bỏ qua cả tệp" in result.stderr  # the workspace says `language: vi`
    assert result.stdout.strip(), "the view still shows what can be read"


def test_the_message_follows_the_language(broken, ktcn):
    result = ktcn("overdue", "--as-of", "2025-09-01", "--lang", "en")
    assert "left out" in result.stderr
    assert "incomplete" in result.stderr


@pytest.mark.parametrize("view", [["status"], ["status", "--by", "agency"], ["overdue"], ["upcoming"],
                                  ["show", "ctr-demo"]])
def test_json_lists_the_files_left_out(broken, ktcn, view):
    result = ktcn(*view, "--as-of", "2025-09-01", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["left_out"] == [BROKEN_PATH]
    assert document["record_errors"] >= 1
    assert document["files_with_errors"][0]["path"] == BROKEN_PATH
    assert document["files_with_errors"][0]["left_out"] is True


def test_clean_records_say_so_in_json_and_exit_0(ws, ktcn):
    ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/ctr-demo.yaml": DEMO_PROGRAMME})
    result = ktcn("status", "--as-of", "2025-09-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["record_errors"], document["left_out"], document["files_with_errors"]) == (0, [], [])
    assert result.stderr == ""


def test_an_error_in_a_file_that_still_loads_is_named_but_not_left_out(ws, ktcn):
    ws({"programmes/kh-2.yaml": OVERDUE_PROGRAMME.replace("lead: [skhcn]", "lead: [khong-co]")})
    result = ktcn("overdue", "--as-of", "2025-09-01", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["left_out"] == []
    assert [f["path"] for f in document["files_with_errors"]] == ["programmes/kh-2.yaml"]
    assert [i["task"] for i in document["items"]] == ["1"], "the programme is still shown"


def test_overdue_fail_is_not_fooled_by_a_broken_file(ws, ktcn):
    """The broken file may hold the overdue task: 'nothing overdue' with exit 0 would be a lie."""
    ws({"programmes/kh-2.yaml": b"id: kh-2\ntitle: \xff\n"})
    result = ktcn("overdue", "--fail", "--as-of", "2025-09-01")
    assert result.exit_code == 1
    assert "programmes/kh-2.yaml" in result.stderr


@pytest.mark.parametrize("output_format", ["md", "docx"])
def test_report_refuses_records_with_errors_and_writes_nothing(broken, ktcn, tmp_path, output_format):
    target = tmp_path / f"bao-cao.{output_format}"
    result = ktcn("report", "--year", "2025", "--format", output_format, "-o", str(target))
    assert result.exit_code == 1
    assert not target.exists()
    assert result.stdout == ""
    assert f"{BROKEN_PATH}:" in result.stderr  # the diagnostics themselves, with line and column
    assert "--allow-errors" in result.stderr


def test_report_refuses_on_stdout_too(broken, ktcn):
    result = ktcn("report", "--year", "2025")
    assert (result.exit_code, result.stdout) == (1, "")


def test_allow_errors_renders_and_the_report_names_the_file_in_section_one(broken, ktcn):
    result = ktcn("report", "--year", "2025", "--allow-errors")
    assert result.exit_code == 0, result.stderr
    overview = result.stdout.split("## I.", 1)[1].split("## II.", 1)[0]
    assert f"`{BROKEN_PATH}`" in overview
    assert "Không có trong báo cáo (tệp không đọc được)" in overview
    assert "Chương trình thử" in result.stdout, "what could be read is reported"


def test_allow_errors_in_the_word_file(broken, ktcn, tmp_path):
    from docx import Document

    target = tmp_path / "bao-cao.docx"
    result = ktcn("report", "--year", "2025", "--format", "docx", "-o", str(target), "--allow-errors")
    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert BROKEN_PATH in text
    assert "báo cáo này được lập khi hồ sơ còn lỗi" in text


def test_a_template_of_ones_own_that_hides_the_errors_is_refused(broken, ktcn, tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "bao-cao-nam.md.j2").write_text("# Báo cáo {{ report.period.year }}\n",
                                                               encoding="utf-8")
    result = ktcn("report", "--year", "2025", "--allow-errors")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "k.omissions(report)" in result.stderr


def test_a_clean_report_has_no_note(ws, ktcn):
    ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/ctr-demo.yaml": DEMO_PROGRAMME})
    result = ktcn("report", "--year", "2025")
    assert result.exit_code == 0
    assert "hồ sơ còn lỗi" not in result.stdout


def test_a_closed_programme_still_reports_its_last_year_but_not_a_later_one(ws, ktcn):
    closed = OVERDUE_PROGRAMME.replace("period: {from: 2025, to: 2026}",
                                       "period: {from: 2024, to: 2025}\nstate: closed")
    draft = OVERDUE_PROGRAMME.replace("id: kh-2", "id: kh-draft").replace("issued: 2025-01-10\n", "state: draft\n")
    ws({"programmes/kh-2.yaml": closed, "programmes/kh-draft.yaml": draft})
    status = ktcn("status", "--as-of", "2025-06-01").stdout
    assert "Việc quá hạn" not in status and "left out (kh-2, kh-draft)" in status, "status leaves closed ones out"
    report_2025 = ktcn("report", "--year", "2025", "--as-of", "2025-12-31").stdout
    assert "Kế hoạch có việc quá hạn" in report_2025
    assert report_2025.count("Việc quá hạn") >= 1
    assert "kh-draft" not in report_2025, "nothing is owed on a draft"
    report_2027 = ktcn("report", "--year", "2027", "--as-of", "2027-12-31").stdout
    assert "Kế hoạch có việc quá hạn" not in report_2027
