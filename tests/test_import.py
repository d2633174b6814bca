"""`ktcn import` on real files: Word, Excel and CSV task tables become programme files (issue 17).

The fixtures build the files in the test (python-docx, openpyxl); the 231/KH-UBND
ones are rebuilt from the seed's own text (tests/plan_files.py).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from plan_files import Plan, plan_231, table_plan, write_csv, write_docx, write_xlsx

from ktcn.records.loader import load

from conftest import write_workspace

RECORDS = Path(__file__).resolve().parent.parent / "records"
SETTINGS = (RECORDS / "ktcn.yaml").read_text(encoding="utf-8")
AGENCIES = (RECORDS / "agencies.yaml").read_text(encoding="utf-8")
HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


@pytest.fixture
def cantho(ws):
    """A workspace with the bundled settings and agency registry, and no programme yet."""
    return ws({"ktcn.yaml": SETTINGS, "agencies.yaml": AGENCIES})


def imported(root: Path, name: str):
    """The programme in programmes/`name`, as the loader reads it, and the workspace's diagnostics."""
    workspace = load(root, use_cache=False)
    programme = next(p for p in workspace.programmes if p.span and p.span.path.endswith(name))
    return programme, workspace.diagnostics


def task_fields(task) -> tuple:
    return task.title, task.lead, task.support, task.schedule, task.schedule_text


# --- the targets: 231/KH-UBND's appendix, as Word and as Excel --------------------------------------------------

@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_the_appendix_of_231_imports_to_the_hand_encoded_tasks(cantho, ktcn, kind):
    plan = plan_231()
    source = write_docx(cantho / "231.docx", plan) if kind == "docx" else write_xlsx(cantho / "231.xlsx", plan)
    result = ktcn("import", str(source))
    assert result.exit_code == 0, result.stderr
    programme, diagnostics = imported(cantho, "kh-231-2024.yaml")
    assert diagnostics == ()
    by_hand = next(p for p in load(RECORDS, use_cache=False).programmes if p.id == "kh-231-2024")
    assert [task_fields(t) for t in programme.tasks] == [task_fields(t) for t in by_hand.tasks[:14]]
    assert [t.id for t in programme.tasks] == [str(n) for n in range(1, 15)]
    assert ktcn("validate").exit_code == 0


def test_the_word_header_gives_number_date_type_title_and_issuer(cantho, ktcn):
    write_docx(cantho / "231.docx", plan_231())
    assert ktcn("import", "231.docx").exit_code == 0
    programme, _ = imported(cantho, "kh-231-2024.yaml")
    assert (programme.id, programme.number, programme.type, str(programme.issued), programme.place,
            programme.issuers) == ("kh-231-2024", "231/KH-UBND", "KH", "2024-10-28", "Cần Thơ", ("ubnd-cantho",))
    assert programme.title.startswith("Kế hoạch thực hiện nghị quyết số 107/NQ-CP ngày 09 tháng 7 năm 2024")
    assert "của thành ủy Cần Thơ về" in programme.title  # capitals put in lower case, but for the place


def test_a_sentence_case_summary_makes_the_records_title(cantho, ktcn):
    plan = plan_231()
    plan.summary = ("Thực hiện Nghị quyết số 107/NQ-CP ngày 09 tháng 7 năm 2024 của Chính phủ và Chương trình số"
                    " 73-CTr/TU ngày 12 tháng 3 năm 2024")
    write_docx(cantho / "231.docx", plan)
    assert ktcn("import", "231.docx").exit_code == 0
    programme, _ = imported(cantho, "kh-231-2024.yaml")
    assert programme.title == ("Kế hoạch thực hiện Nghị quyết số 107/NQ-CP ngày 09 tháng 7 năm 2024 của Chính phủ"
                               " và Chương trình số 73-CTr/TU ngày 12 tháng 3 năm 2024")


def test_an_excel_appendix_names_its_document_in_the_kem_theo_line(cantho, ktcn):
    write_xlsx(cantho / "231.xlsx", plan_231())
    result = ktcn("import", "231.xlsx", "--dry-run")
    assert "number: 231/KH-UBND\ntype: KH\n" in result.stdout
    assert "issued: 2024-10-28\n" in result.stdout and "issuers: [ubnd-cantho]\n" in result.stdout
    assert "No summary title found" in result.stderr or "Không thấy trích yếu" in result.stderr


def test_options_give_or_override_the_header(cantho, ktcn):
    write_docx(cantho / "231.docx", plan_231())
    result = ktcn("import", "231.docx", "--id", "kh-231-ban-sao", "--number", "231/KH-UBND", "--type", "KH",
                  "--title", "Kế hoạch thử", "--issued", "2024-11-01", "--issuer", "skhcn-cantho",
                  "--issuer", "Liên hiệp các Hội Khoa học và Kỹ thuật", "--period", "2024..2030")
    assert result.exit_code == 0, result.stderr
    programme, diagnostics = imported(cantho, "kh-231-ban-sao.yaml")
    assert (programme.title, str(programme.issued), programme.issuers, str(programme.period_to)) == (
        "Kế hoạch thử", "2024-11-01", ("skhcn-cantho", "lhh-cantho"), "2030")
    assert diagnostics == ()


@pytest.mark.parametrize(("args", "message"), [
    (["--type", "XYZ"], "'XYZ' is not a Decree 30/2020 type code"),
    (["--id", "Kế hoạch"], "is not an id"),
    (["--issuer", "Sở Không Có"], "no agency 'Sở Không Có'"),
    (["--issued", "30/2/2025"], "--issued"),
    (["--period", "2030..2024"], "--period: '2030..2024': the start is after the end"),
    (["--period", "2024"], "--period: '2024': write FROM..TO"),
    (["--columns", "title=0"], "--columns: 'title=0': give the column as a number from 1 or a letter"),
    (["--columns", "lead=2"], "--columns: name the title column at least"),
    (["--columns", "title=2,ngay=3"], "--columns: 'ngay' is not a column role"),
])
def test_bad_options_are_usage_errors(cantho, ktcn, args, message):
    write_csv(cantho / "t.csv", [HEADER, ["1", "Việc một", "Sở Nội vụ", "", "Năm 2025"]])
    result = ktcn("import", "t.csv", "--lang", "en", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (cantho / "programmes").exists()


# --- never overwrites; --dry-run; -o -----------------------------------------------------------------------------

def test_dry_run_prints_the_file_and_writes_nothing(cantho, ktcn):
    write_docx(cantho / "231.docx", plan_231())
    result = ktcn("import", "231.docx", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Nhập bằng ktcn import từ 231.docx, bảng 2;")
    assert "id: kh-231-2024\n" in result.stdout
    assert "--dry-run" in result.stderr and "programmes/kh-231-2024.yaml" in result.stderr
    assert not (cantho / "programmes").exists()


def test_it_never_overwrites(cantho, ktcn):
    write_docx(cantho / "231.docx", plan_231())
    assert ktcn("import", "231.docx", "--id", "mot").exit_code == 0
    written = (cantho / "programmes/mot.yaml").read_bytes()
    (cantho / "other.yaml").write_text("keep me\n", encoding="utf-8")
    again = ktcn("import", "231.docx", "--id", "hai", "-o", "other.yaml", "--lang", "en")
    assert again.exit_code == 1 and "not overwriting an existing file: other.yaml" in again.stderr
    assert (cantho / "other.yaml").read_text(encoding="utf-8") == "keep me\n"
    taken = ktcn("import", "231.docx", "--id", "mot", "--lang", "en")
    assert taken.exit_code == 2 and "the programme id 'mot' is already in the records" in taken.stderr
    assert (cantho / "programmes/mot.yaml").read_bytes() == written


def test_output_chooses_the_path(cantho, ktcn):
    write_docx(cantho / "231.docx", plan_231())
    result = ktcn("import", "231.docx", "-o", "programmes/2024/ke-hoach-231.yaml")
    assert result.exit_code == 0, result.stderr
    assert (cantho / "programmes/2024/ke-hoach-231.yaml").is_file()
    assert "programmes/2024/ke-hoach-231.yaml" in result.stderr
    assert ktcn("validate").exit_code == 0


# --- cells that cannot be read: pointed out, never guessed ---------------------------------------------------------

UNREAD = [
    HEADER,
    ["1", "Tổ chức hội thảo", "Sở Khoa học và Công nghệ", "", "Quý IV/2025"],
    ["2", "Xây dựng đề án", "Sở Nội vụ", "Sở Tài chính", "Theo kế hoạch"],
    ["3", "Hỗ trợ doanh nghiệp", "Sở KH&CN", "", "Khi có yêu cầu"],
]


def test_an_unread_timing_cell_is_a_comment_above_its_task_and_validate_points_at_it(cantho, ktcn):
    write_csv(cantho / "t.csv", UNREAD)
    result = ktcn("import", "t.csv", "--id", "kh-thu", "--issued", "2025-01-10", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    text = (cantho / "programmes/kh-thu.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    comment = lines.index('  # ktcn: chưa đọc được thời hạn: "Theo kế hoạch"')
    assert lines[comment + 1] == '  - id: "2"'
    assert "    schedule_text: Theo kế hoạch" in lines and "    schedule: 2025-Q4" in lines
    assert 'tệp CSV, dòng 3, cột "Thời gian thực hiện": "Theo kế hoạch" — không đọc được thời hạn' in result.stderr
    assert 'dòng 4, cột "Thời gian thực hiện": "Khi có yêu cầu"' in result.stderr
    assert "Thời hạn đọc được: 1/3 nhiệm vụ." in result.stderr
    validate = ktcn("validate", "--lang", "en")
    assert validate.exit_code == 1
    pointed = re.findall(r"programmes/kh-thu.yaml:(\d+):\d+: error KTCN102 missing required field 'schedule'",
                         validate.stdout)
    assert [int(n) for n in pointed] == [comment + 2, lines.index('  - id: "3"') + 1]
    assert validate.stdout.count("error") == 2  # nothing but the two unread cells


def test_the_summary_speaks_english_too(cantho, ktcn):
    write_csv(cantho / "t.csv", UNREAD)
    result = ktcn("import", "t.csv", "--dry-run", "--lang", "en")
    assert "Read the CSV file of t.csv: 3 task(s)." in result.stderr
    assert "Schedules understood: 1 of 3 task(s)." in result.stderr
    assert "2 cell(s) not read" in result.stderr
    assert 'the CSV file, row 3, column "Thời gian thực hiện": "Theo kế hoạch" — no deadline can be read' \
        in result.stderr
    assert '# ktcn: chưa đọc được thời hạn: "Theo kế hoạch" (timing not read)' in result.stdout
    assert "ktcn validate will report 2 error(s) and 0 warning(s) in the new file:" in result.stderr


def test_an_empty_timing_cell_and_a_missing_lead_are_pointed_out(cantho, ktcn):
    write_csv(cantho / "t.csv", [HEADER, ["1", "Việc không thời hạn", "Sở Nội vụ", "", ""],
                                  ["2", "Việc không chủ trì", "", "", "Năm 2025"]])
    result = ktcn("import", "t.csv", "--dry-run", "--lang", "en")
    assert "  # ktcn: no timing: the cell is empty\n  - id: \"1\"" in result.stdout
    assert "  # ktcn: no lead agency\n  - id: \"2\"" in result.stdout
    assert "    lead: []\n" in result.stdout
    assert 'row 3, column "Cơ quan chủ trì": "" — no lead agency' in result.stderr


# --- agencies ---------------------------------------------------------------------------------------------------

def test_a_cell_naming_several_agencies_splits_and_groups_match_group_entries(cantho, ktcn):
    write_csv(cantho / "t.csv", [
        HEADER,
        ["1", "Việc một", "Sở Nội vụ, Sở Tài chính và UBND các quận, huyện", "Các sở, ban, ngành liên quan", "2025"],
        ["2", "Việc hai", "SỞ KH&CN", "sở giáo dục & đào tạo; Liên hiệp Hội", "2025"],
        ["3", "Việc ba", "Sở Ke hoach va Dau tu", "UBND TP", "2025"],
    ])
    result = ktcn("import", "t.csv", "--id", "kh-thu", "--issued", "2025-01-10")
    assert result.exit_code == 0, result.stderr
    programme, diagnostics = imported(cantho, "kh-thu.yaml")
    assert [(t.lead, t.support) for t in programme.tasks] == [
        (("snv-cantho", "stc-cantho", "ubnd-quan-huyen-cantho"), ("so-ban-nganh-lien-quan-cantho",)),
        (("skhcn-cantho",), ("sgddt-cantho", "lhh-cantho")),
        (("skhdt-cantho",), ("ubnd-cantho",)),
    ]
    assert "Tên cơ quan khớp agencies.yaml: 9/9." in result.stderr
    assert not [d for d in diagnostics if d.severity.value == "error"]


def test_the_documents_place_picks_the_agency_and_its_year_completes_phrases(cantho, ktcn):
    plan = Plan(issuer=["LIÊN HIỆP CÁC HỘI KHOA HỌC", "VÀ KỸ THUẬT TỈNH NGHỆ AN"], motto=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
                " VIỆT NAM"], number="Số: 12/KH-LHH", date_line="Nghệ An, ngày 5 tháng 3 năm 2025",
                doc_type="KẾ HOẠCH", summary="Hoạt động khoa học và công nghệ năm 2025",
                rows=[HEADER, ["1", "Hội thảo", "Sở Khoa học và Công nghệ", "Sở Y tế; Sở, ban, ngành tỉnh", "Quý IV"],
                      ["2", "Báo cáo", "Sở KH-CN", "UBND tỉnh", "Trước ngày 30/11"]])
    write_docx(cantho / "kh.docx", plan)
    result = ktcn("import", "kh.docx", "--dry-run", "--lang", "en")
    assert ("id: kh-12-2025\nnumber: 12/KH-LHH\ntype: KH\ntitle: Kế hoạch hoạt động khoa học và công nghệ năm"
            " 2025\nissued: 2025-03-05\nplace: Nghệ An\nissuers: [lhh-nghean]\nperiod: {from: 2025, to: 2025}\n"
            ) in result.stdout
    assert ("    lead: [skhcn-nghean]\n    support: [syt-nghean, so-ban-nganh-nghean]\n    schedule: 2025-Q4\n"
            in result.stdout)
    assert "    schedule: 2025-11-30\n    schedule_text: Trước ngày 30/11\n    # ktcn: the year is the one the title" \
        in result.stdout
    assert 'column "Cơ quan phối hợp": "UBND tỉnh" — not in agencies.yaml; proposed id ubnd-tinh-nghean' \
        in result.stderr
    write_csv(cantho / "ct.csv", [HEADER, ["1", "Việc", "Sở Y tế", "", "2025"]])  # Cần Thơ's: not Nghệ An's
    assert "    lead: [so-y-te-cantho]\n" in ktcn("import", "ct.csv", "--id", "ct", "--dry-run").stdout


def test_an_unknown_agency_is_listed_with_the_closest_and_added_on_request(cantho, ktcn):
    write_csv(cantho / "t.csv", [HEADER, ["1", "Việc một", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa hoc va Cong",
                                          "Năm 2025"]])
    result = ktcn("import", "t.csv", "--id", "kh-thu", "--issued", "2025-01-10", "--dry-run", "--lang", "en")
    assert "    lead: [so-van-hoa-the-thao-va-du-lich-cantho]\n" in result.stdout
    assert ('  # ktcn: not in agencies.yaml: "Sở Văn hóa, Thể thao và Du lịch", written as\n'
            '  # so-van-hoa-the-thao-va-du-lich-cantho for now\n') in result.stdout
    assert "closest: skhcn-cantho" in result.stderr  # "Sở Khoa hoc va Cong" is near Sở KH&CN, and not taken for it
    assert "Add --add-agencies to append the 2 proposed agencies" in result.stderr
    before = (cantho / "agencies.yaml").read_text(encoding="utf-8")
    added = ktcn("import", "t.csv", "--id", "kh-thu", "--issued", "2025-01-10", "--add-agencies", "--lang", "en")
    assert added.exit_code == 0, added.stderr
    after = (cantho / "agencies.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # only lines added, at the end of the list
    assert after[len(before):] == (
        "  # Proposed by ktcn import from t.csv, the CSV file: check the names, ids and group\n"
        "  - id: so-van-hoa-the-thao-va-du-lich-cantho\n"
        "    name: Sở Văn hóa, Thể thao và Du lịch\n"
        "  - id: so-khoa-hoc-va-cong-cantho\n"
        "    name: Sở Khoa hoc va Cong\n")
    assert "Added 2 agencies to agencies.yaml" in added.stderr
    assert ktcn("validate").exit_code == 0


def test_added_agencies_follow_a_flow_style_registry_and_groups_are_marked(ws, ktcn):
    registry = "agencies:\n  - {id: skhcn, name: Sở Khoa học và Công nghệ, short: Sở KH&CN}\n"
    root = ws({"agencies.yaml": registry})
    write_csv(root / "t.csv", [HEADER, ["1", "Việc", "Sở KH&CN", "Các hội thành viên liên quan", "2025"]])
    result = ktcn("import", "t.csv", "--id", "kh", "--issued", "2025-01-10", "--add-agencies")
    assert result.exit_code == 0, result.stderr
    assert (root / "agencies.yaml").read_text(encoding="utf-8") == registry + (
        "  # Proposed by ktcn import from t.csv, the CSV file: check the names, ids and group\n"
        "  - {id: hoi-thanh-vien-lien-quan-cantho, name: Các hội thành viên liên quan, group: true}\n")
    assert ktcn("validate").exit_code == 0


def test_add_agencies_starts_a_missing_registry(ws, ktcn):
    root = ws({"agencies.yaml": None})
    (root / "agencies.yaml").unlink(missing_ok=True)
    write_csv(root / "t.csv", [HEADER, ["1", "Việc", "Sở Nội vụ", "", "2025"]])
    result = ktcn("import", "t.csv", "--id", "kh", "--issued", "2025-01-10", "--issuer", "Sở Nội vụ",
                  "--add-agencies", "--lang", "en")
    assert result.exit_code == 2 and "no agency 'Sở Nội vụ'" in result.stderr  # --issuer names a registered one
    result = ktcn("import", "t.csv", "--id", "kh", "--issued", "2025-01-10", "--add-agencies")
    assert result.exit_code == 0, result.stderr
    assert "  - id: so-noi-vu-cantho\n    name: Sở Nội vụ\n" in (root / "agencies.yaml").read_text(encoding="utf-8")


# --- columns by meaning, sections, merged cells, two-row headers ---------------------------------------------------

def test_columns_are_found_by_meaning_in_any_order_without_diacritics(cantho, ktcn):
    write_csv(cantho / "t.csv", [
        ["STT", "Thoi han hoan thanh", "Don vi chu tri", "Noi dung cong viec", "Don vi phoi hop", "San pham",
         "Ghi chu"],
        ["1", "Quy IV/2025", "So Noi vu", "Ra soat quy che", "So Tai chinh", "Quyet dinh", "Uu tien"],
    ], delimiter=";")
    result = ktcn("import", "t.csv", "--id", "kh-thu", "--issued", "2025-01-10", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert ("  - id: \"1\"\n    title: Ra soat quy che\n    lead: [snv-cantho]\n    support: [stc-cantho]\n"
            "    schedule: 2025-Q4\n    schedule_text: Quy IV/2025\n    # San pham: Quyet dinh\n"
            "    # Ghi chu: Uu tien\n") in result.stdout


def sectioned() -> list[list[str]]:
    return [
        ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["I. NHIỆM VỤ NĂM 2025"] * 5,
        ["1", "Tổ chức hội nghị", "Sở KH&CN", "", "Quý IV"],
        ["2", "Báo cáo sơ kết", "Sở Nội vụ", "", ""],
        ["II", "NHIỆM VỤ THƯỜNG XUYÊN", "", "", ""],
        ["1", "Tuyên truyền", "Liên hiệp Hội", "", "Thường xuyên"],
        ["2", "Hội thảo", "Liên hiệp Hội", "", "Tháng 6"],
    ]


@pytest.mark.parametrize("kind", ["docx", "xlsx", "csv"])
def test_section_rows_group_the_ids_and_give_their_year(cantho, ktcn, kind):
    rows = sectioned()
    if kind == "docx":
        write_docx(cantho / "t.docx", table_plan(rows), merges=[(2, 0, 2, 4)])
    elif kind == "xlsx":
        write_xlsx(cantho / "t.xlsx", table_plan(rows), merges=["A3:E3"], before=())
    else:
        rows[2] = ["I. NHIỆM VỤ NĂM 2025", "", "", "", ""]
        write_csv(cantho / "t.csv", rows)
    result = ktcn("import", f"t.{kind}", "--id", "kh", "--issued", "2025-01-10", "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "tasks:\n  # I. NHIỆM VỤ NĂM 2025\n  - id: i-1\n" in text
    assert ("  - id: i-1\n    title: Tổ chức hội nghị\n    lead: [skhcn-cantho]\n    schedule: 2025-Q4\n"
            "    schedule_text: Quý IV\n    # ktcn: the year is the heading's: \"I. NHIỆM VỤ NĂM 2025\"\n") in text
    assert ("  - id: i-2\n    kind: report\n    title: Báo cáo sơ kết\n    lead: [snv-cantho]\n"
            "    schedule: 2025\n    schedule_text: NHIỆM VỤ NĂM 2025\n") in text
    assert "\n\n  # II. NHIỆM VỤ THƯỜNG XUYÊN\n  - id: ii-1\n" in text
    assert "  - id: ii-2\n" in text and '# ktcn: chưa đọc được thời hạn: "Tháng 6"' in text  # no year under II
    assert "it names no year" in result.stderr


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_section_row_right_under_the_header_is_no_second_header_row(cantho, ktcn, kind):
    rows = [HEADER, ["I. NHIỆM VỤ CHUNG"] * 5, ["1", "Việc một", "Sở Nội vụ", "", "Năm 2025"]]
    if kind == "docx":
        write_docx(cantho / "t.docx", table_plan(rows), merges=[(1, 0, 1, 4)])
    else:
        write_xlsx(cantho / "t.xlsx", table_plan(rows), merges=["A2:E2"], before=())
    result = ktcn("import", f"t.{kind}", "--id", "kh", "--issued", "2025-01-10", "--dry-run", "--lang", "en")
    assert '"TT" → number, "Nội dung nhiệm vụ" → title, "Cơ quan chủ trì" → lead' in result.stderr
    assert "  # I. NHIỆM VỤ CHUNG\n  - id: i-1\n    title: Việc một\n    lead: [snv-cantho]\n" in result.stdout


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_section_numbered_in_its_own_cell_and_merged_over_the_rest(cantho, ktcn, kind):
    rows = [HEADER, ["I"] + ["NHIỆM VỤ CHUNG"] * 4, ["1", "Việc một", "Sở Nội vụ", "", "Năm 2025"]]
    if kind == "docx":
        write_docx(cantho / "t.docx", table_plan(rows), merges=[(1, 1, 1, 4)])
    else:
        write_xlsx(cantho / "t.xlsx", table_plan(rows), merges=["B2:E2"], before=())
    result = ktcn("import", f"t.{kind}", "--id", "kh", "--issued", "2025-01-10", "--dry-run")
    assert "tasks:\n  # I. NHIỆM VỤ CHUNG\n  - id: i-1\n    title: Việc một\n" in result.stdout


def test_a_numbered_row_without_agency_is_a_heading_only_above_its_children(cantho, ktcn):
    write_csv(cantho / "t.csv", [
        HEADER,
        ["1", "Nhóm nhiệm vụ về nhân lực", "", "", ""],
        ["1.1", "Đào tạo", "Sở Nội vụ", "", "2025"],
        ["2", "Việc thiếu chủ trì", "", "", ""],
        ["3", "Việc ba", "Sở Nội vụ", "", "2025"],
    ])
    result = ktcn("import", "t.csv", "--id", "kh", "--issued", "2025-01-10", "--dry-run", "--lang", "en")
    assert "  # 1. Nhóm nhiệm vụ về nhân lực\n  - id: 1-1\n    title: Đào tạo\n" in result.stdout
    assert '  - id: "2"\n    title: Việc thiếu chủ trì\n    lead: []\n' in result.stdout
    assert '  - id: "3"\n' in result.stdout


def two_row_header() -> list[list[str]]:
    return [
        ["STT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị thực hiện", "Thời hạn hoàn thành"],
        ["STT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời hạn hoàn thành"],
        ["1", "Khảo sát", "Sở Nội vụ", "Sở KH&CN", "Tháng 12/2025"],
        ["2", "Tập huấn", "Sở Nội vụ", "Liên hiệp Hội", "Tháng 12/2025"],
    ]


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_two_row_header_with_merged_cells(cantho, ktcn, kind):
    rows = two_row_header()
    if kind == "docx":  # merged down (STT, content, deadline) and across ("Đơn vị thực hiện"); a merged lead too
        write_docx(cantho / "t.docx", table_plan(rows), merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3),
                                                                (0, 4, 1, 4), (2, 2, 3, 2)])
    else:
        write_xlsx(cantho / "t.xlsx", table_plan(rows), merges=["A1:A2", "B1:B2", "C1:D1", "E1:E2", "C3:C4"],
                   before=())
    result = ktcn("import", f"t.{kind}", "--id", "kh", "--issued", "2025-01-10", "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert ('"Đơn vị thực hiện Chủ trì" → lead, "Đơn vị thực hiện Phối hợp" → support, "Thời hạn hoàn thành"'
            ' → schedule') in result.stderr
    assert ("    title: Khảo sát\n    lead: [snv-cantho]\n    support: [skhcn-cantho]\n    schedule: 2025-12\n"
            in result.stdout)
    assert "    title: Tập huấn\n    lead: [snv-cantho]\n    support: [lhh-cantho]\n" in result.stdout


def test_a_time_split_into_start_and_completion_takes_the_completion(cantho, ktcn):
    rows = [["TT", "Nội dung", "Chủ trì", "Thời gian thực hiện", "Thời gian thực hiện"],
            ["TT", "Nội dung", "Chủ trì", "Bắt đầu", "Hoàn thành"],
            ["1", "Xây dựng đề án", "Sở Nội vụ", "Tháng 3/2025", "Tháng 12/2025"]]
    write_xlsx(cantho / "t.xlsx", table_plan(rows), merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"], before=())
    result = ktcn("import", "t.xlsx", "--id", "kh", "--issued", "2025-01-10", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert ("    title: Xây dựng đề án\n    lead: [snv-cantho]\n    schedule: 2025-12\n"
            "    schedule_text: Tháng 12/2025\n    # Thời gian thực hiện Bắt đầu: Tháng 3/2025\n") in result.stdout


def test_columns_option_reads_a_table_without_a_header(cantho, ktcn):
    write_csv(cantho / "t.csv", [["Việc một", "2025", "Sở Nội vụ"], ["Việc hai", "Hằng năm", "Sở KH&CN"]])
    result = ktcn("import", "t.csv", "--columns", "noi-dung=A,thoi-gian=2,chu-tri=C", "--id", "kh",
                  "--issued", "2025-01-10", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert ('  - id: "1"\n    title: Việc một\n    lead: [snv-cantho]\n    schedule: 2025\n'
            '    schedule_text: "2025"\n') in result.stdout
    assert "    schedule: {every: 1y}\n" in result.stdout


def test_table_picks_one_table_of_a_word_file(cantho, ktcn):
    plan = plan_231()
    write_docx(cantho / "231.docx", plan, extra_tables=1)  # header table, a signature table, the appendix
    assert "bảng 3" in ktcn("import", "231.docx", "--dry-run").stderr
    assert ktcn("import", "231.docx", "--table", "3", "--dry-run").exit_code == 0
    not_tasks = ktcn("import", "231.docx", "--table", "2", "--lang", "en")
    assert not_tasks.exit_code == 2 and "table 2 of 231.docx has no header row" in not_tasks.stderr
    missing = ktcn("import", "231.docx", "--table", "9", "--lang", "en")
    assert missing.exit_code == 2 and "has no table 9 (3 in all)" in missing.stderr


def test_every_task_table_of_a_word_file_is_read(cantho, ktcn):
    import docx

    document = docx.Document()
    for rows in ([HEADER, ["1", "Việc một", "Sở Nội vụ", "", "2025"]],
                 [HEADER, ["1", "Việc hai", "Sở Nội vụ", "", "2026"], ["2", "Việc ba", "Sở Nội vụ", "", "2026"]]):
        document.add_paragraph("PHỤ LỤC")
        table = document.add_table(rows=len(rows), cols=5)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.save(str(cantho / "hai-bang.docx"))
    result = ktcn("import", "hai-bang.docx", "--id", "kh", "--issued", "2025-01-10", "--dry-run", "--lang", "en")
    assert "Read table 1, table 2 of hai-bang.docx: 3 task(s)." in result.stderr
    assert re.findall(r"  - id: (\S+)\n    title: (.*)", result.stdout) == [
        ('"1"', "Việc một"), ("b2-1", "Việc hai"), ("b2-2", "Việc ba")]


def test_sheet_picks_one_sheet(cantho, ktcn):
    write_xlsx(cantho / "t.xlsx", plan_231(), before=("Bìa", "Ghi chú"))
    assert "trang 'Phụ lục'" in ktcn("import", "t.xlsx", "--dry-run").stderr
    assert ktcn("import", "t.xlsx", "--sheet", "3", "--dry-run").exit_code == 0
    assert ktcn("import", "t.xlsx", "--sheet", "Phụ lục", "--dry-run").exit_code == 0
    wrong = ktcn("import", "t.xlsx", "--sheet", "Bìa", "--lang", "en")
    assert wrong.exit_code == 2 and "no task table" in wrong.stderr
    unknown = ktcn("import", "t.xlsx", "--sheet", "Khác", "--lang", "en")
    assert unknown.exit_code == 2 and "no sheet 'Khác' (the sheets: Bìa, Ghi chú, Phụ lục)" in unknown.stderr


# --- CSV encodings and files that cannot be read -------------------------------------------------------------------

def test_csv_with_a_byte_order_mark_reads(cantho, ktcn):
    write_csv(cantho / "t.csv", [HEADER, ["1", "Việc một", "Sở Nội vụ", "", "Năm 2025"]], encoding="utf-8-sig")
    result = ktcn("import", "t.csv", "--id", "kh", "--issued", "2025-01-10", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert '  - id: "1"\n    title: Việc một\n' in result.stdout


def test_csv_in_windows_1258_is_refused_with_advice(cantho, ktcn):
    write_csv(cantho / "t.csv", [HEADER, ["1", "Tổ chức hội thảo", "Sở Nội vụ", "", "Năm 2025"]], encoding="cp1258")
    result = ktcn("import", "t.csv", "--lang", "en")
    assert result.exit_code == 2
    assert "t.csv is not UTF-8 (line 1): probably Windows-1258 (cp1258)" in result.stderr
    assert "save it again as 'CSV UTF-8 (Comma delimited)'" in result.stderr
    assert "không phải UTF-8" in ktcn("import", "t.csv", "--lang", "vi").stderr


@pytest.mark.parametrize(("name", "content", "message"), [
    ("ke-hoach.doc", b"\xd0\xcf\x11\xe0", "old format: open it in Word or Excel and save it as .docx"),
    ("ke-hoach.pdf", b"%PDF", "ktcn import reads .docx, .xlsx and .csv files"),
    ("hong.docx", b"not a zip", "cannot read hong.docx"),
    ("hong.xlsx", b"not a zip", "cannot read hong.xlsx"),
    ("rong.csv", b"", "no task table in rong.csv"),
])
def test_files_that_cannot_be_read_are_usage_errors(cantho, ktcn, name, content, message):
    (cantho / name).write_bytes(content)
    result = ktcn("import", name, "--lang", "en")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file(cantho, ktcn):
    result = ktcn("import", "khong-co.docx", "--lang", "en")
    assert result.exit_code == 2 and "no such file: khong-co.docx" in result.stderr


# --- what the file looks like ---------------------------------------------------------------------------------------

def test_no_header_means_a_draft_of_the_workspace_owner_said_in_the_summary(cantho, ktcn):
    write_csv(cantho / "ke-hoach-thu.csv", [HEADER, ["1", "Việc một", "Sở Nội vụ", "", "Năm 2025"]])
    result = ktcn("import", "ke-hoach-thu.csv", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    text = (cantho / "programmes/ke-hoach-thu.yaml").read_text(encoding="utf-8")
    assert "id: ke-hoach-thu\ntype: KH\ntitle: ke-hoach-thu\nissuers: [skhcn-cantho]\n" in text
    assert "state: draft  # no issue date yet\n" in text
    for said in ("No document type found", "No summary title found", "No issue date found",
                 "the owner of ktcn.yaml (skhcn-cantho)"):
        assert said in result.stderr
    assert ktcn("validate").exit_code == 0


def test_long_lists_go_to_block_style_and_text_is_quoted_only_where_needed(cantho, ktcn):
    many = "; ".join(["Sở Nội vụ", "Sở Tài chính", "Sở KH&CN", "Sở GD&ĐT", "Liên hiệp Hội", "UBND TP",
                      "Sở, ban ngành liên quan", "Trường Đại học Cần Thơ"])
    write_csv(cantho / "t.csv", [HEADER, ["1", "Việc: một # hai", many, "", "2025"]])
    result = ktcn("import", "t.csv", "--id", "kh", "--issued", "2025-01-10", "--dry-run")
    assert '    title: "Việc: một # hai"\n    lead:\n      - snv-cantho\n      - stc-cantho\n' in result.stdout
    assert '    schedule: 2025\n    schedule_text: "2025"\n' in result.stdout


def test_help_ends_with_an_example_and_has_vietnamese(ktcn, monkeypatch):
    monkeypatch.setenv("KTCN_LANG", "en")
    result = ktcn("import", "--help")
    assert result.exit_code == 0
    assert re.search(r"Example:\s+ktcn import \S+\.docx", result.stdout)
    monkeypatch.setenv("KTCN_LANG", "vi")
    assert "bảng nhiệm vụ" in ktcn("import", "--help").stdout


def test_import_help_loads_neither_word_nor_excel():
    probe = ("import json, sys\nsys.argv = ['ktcn', 'import', '--help']\nfrom ktcn.launch import main\ntry:\n"
             "    main()\nexcept SystemExit:\n    pass\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert not loaded & {"docx", "openpyxl", "lxml", "yaml"}


def test_a_workspace_without_the_registry_entries_still_gets_a_file(ws, ktcn):
    root = write_workspace(ws(), {})
    write_csv(root / "t.csv", [HEADER, ["1", "Việc", "Sở KH&CN", "", "Năm 2025"]])
    result = ktcn("import", "t.csv", "--id", "kh", "--issued", "2025-01-10")
    assert result.exit_code == 0, result.stderr
    programme, diagnostics = imported(root, "kh.yaml")
    assert programme.tasks[0].lead == ("skhcn",)
    assert diagnostics == ()


def test_plan_fixture_is_the_seed(tmp_path):
    plan = plan_231()
    assert plan.number == "Số: 231/KH-UBND" and plan.rows[0][0] == "TT" and plan.rows[-1][0] == "14"
    assert isinstance(plan, Plan)
