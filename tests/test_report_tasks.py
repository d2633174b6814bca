"""Issue 15: the annual and six-monthly reports an office signs as they come out.

One workspace, its counts worked out by hand for 2025 (as of 15 January 2026) and for the second half of 2025
(as of 31 December 2025), read back from the Markdown, the Word file (python-docx) and the workbook (openpyxl),
each made by the real command line.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt

from ktcn.engine.status import CANCELLED, DONE_LATE, DONE_ON_TIME, IN_PROGRESS, ONGOING, OVERDUE, UPCOMING
from ktcn.outputs.docx_report.metrics import _text_mm as text_mm
from ktcn.outputs.docx_report.tables import PADDING_MM
from ktcn.outputs.reports import standing

LONG_WORD = "X" + "y" * 59  # sixty characters without a space
TRICKY = f"Đánh giá a | b *nháp* <b>đậm</b> {LONG_WORD}"

SETTINGS = """\
name: Sở Khoa học và Công nghệ thành phố Cần Thơ
owner: skhcn-ct
place: Cần Thơ
language: vi
signer: {name: Trần Văn B, position: Giám đốc}
recipients:
  - "- UBND thành phố (để báo cáo);"
  - "Bộ Khoa học và Công nghệ;"
  - "Lưu: VT, VP."
"""

AGENCIES = """\
agencies:
  - {id: ubnd-ct, name: Ủy ban nhân dân thành phố Cần Thơ, short: UBND thành phố}
  - {id: skhcn-ct, name: Sở Khoa học và Công nghệ thành phố Cần Thơ, short: Sở KH&CN, parent: ubnd-ct}
  - {id: stttt-ct, name: Sở Thông tin và Truyền thông thành phố Cần Thơ, short: Sở TT&TT, until: 2025-02-28,
     succeeded_by: skhcn-ct}
  - {id: lhh-ct, name: Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Cần Thơ, short: Liên hiệp Hội}
  - {id: huyen, name: "Ủy ban nhân dân quận, huyện", short: "UBND quận, huyện", group: true, until: 2025-06-30,
     succeeded_by: xa}
  - {id: xa, name: "Ủy ban nhân dân xã, phường", short: "UBND xã, phường", group: true}
"""

PLAN = f"""\
id: kh-231
number: 231/KH-UBND
type: KH
title: Kế hoạch thực hiện Nghị quyết số 107/NQ-CP về đội ngũ trí thức
issued: 2024-10-28
issuers: [ubnd-ct]
period: {{from: 2024, to: 2030}}
tasks:
  - id: bc6
    kind: report
    title: Báo cáo 6 tháng về Sở KH&CN
    lead: [huyen]
    support: [stttt-ct]
    schedule: {{every: 6m, from: 2025}}
    updates:
      - {{date: 2025-07-20, status: done, period: 2025-H1, note: Gửi chậm, evidence: [Báo cáo 12/BC-UBND]}}
      - {{date: 2025-12-20, status: done, period: 2025-H2}}
  - id: bcq
    kind: report
    title: Báo cáo tình hình hội trí thức
    lead: [lhh-ct]
    schedule: {{every: 6m, from: 2025}}
  - id: old
    title: Xây dựng cơ sở dữ liệu trí thức
    lead: [skhcn-ct]
    support: [stttt-ct]
    schedule: 2023-12-31
  - id: hn
    kind: event
    title: Hội nghị tập huấn phản biện xã hội
    lead: [lhh-ct]
    schedule: 2025-09-30
    updates:
      - {{date: 2025-09-15, status: done, note: Đã tổ chức với 120 đại biểu tham dự, evidence: [Báo cáo 45/BC-LHH]}}
  - id: tx
    title: Tuyên truyền Nghị quyết
    lead: [skhcn-ct]
    schedule: ongoing
  - id: tricky
    title: "{TRICKY}"
    lead: [skhcn-ct]
    schedule: 2025-11-30
"""

ANNUAL = ("--year", "2025", "--as-of", "2026-01-15", "--date", "2026-01-20")
SECOND_HALF = ("--year", "2025", "--half", "2", "--date", "2026-01-05")


@pytest.fixture
def office(ws):
    return ws({"ktcn.yaml": SETTINGS, "agencies.yaml": AGENCIES, "programmes/kh-231.yaml": PLAN})


def markdown(ktcn, *args: str) -> str:
    result = ktcn("report", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def summary_row(text: str) -> list[str]:
    """The cells of the overview table's first programme row."""
    line = next(row for row in text.splitlines() if row.startswith("| 1 | Kế hoạch số 231/KH-UBND"))
    return [cell.strip() for cell in line.strip("|").split("|")]


# --- standing of a task over a period -------------------------------------------------------------------------


@pytest.mark.parametrize(("statuses", "expected"), [
    ((DONE_LATE, DONE_ON_TIME), DONE_LATE),  # a six-monthly report: first half late, second on time
    ((DONE_ON_TIME, DONE_ON_TIME), DONE_ON_TIME),
    ((OVERDUE, IN_PROGRESS), OVERDUE),  # one half missed, the other not yet due
    ((DONE_ON_TIME, OVERDUE), OVERDUE),
    ((DONE_LATE, IN_PROGRESS), IN_PROGRESS),
    ((CANCELLED, CANCELLED), CANCELLED),
    ((DONE_ON_TIME, CANCELLED), CANCELLED),  # stopped after one round: the duty ends stopped
    ((CANCELLED, DONE_LATE), DONE_LATE),  # one round dropped, the duty went on
    ((UPCOMING,), UPCOMING),  # not begun by the as-of day: not counted
    ((DONE_ON_TIME, UPCOMING), DONE_ON_TIME),
])
def test_standing_of_a_task_follows_from_its_occurrences(statuses, expected):
    assert standing(statuses, ongoing=False) == expected
    assert standing(statuses, ongoing=True) == ONGOING


# --- counts, hand-computed -----------------------------------------------------------------------------------


def test_annual_counts_tasks_and_occurrences_apart(office, ktcn):
    text = markdown(ktcn, *ANNUAL)
    # By hand, as of 2026-01-15.  Tasks: bc6 done late (H1 late, H2 on time), bcq overdue (both halves missed),
    # old overdue (carried over from 2023), hn done on time, tricky overdue, tx ongoing.
    # Occurrences with a deadline: bc6 2, bcq 2, old, hn, tricky = 7: 2 on time, 1 late, 4 overdue.
    assert summary_row(text) == ["1", "Kế hoạch số 231/KH-UBND", "6", "1", "1", "0", "3", "0", "1", "7"]
    assert ("6 nhiệm vụ, gồm 5 nhiệm vụ có thời hạn (7 lượt thực hiện trong kỳ) và 1 nhiệm vụ thực hiện thường"
            " xuyên. Trong 5 nhiệm vụ có thời hạn: hoàn thành đúng hạn 1 (20% trên tổng số nhiệm vụ có thời hạn);"
            " hoàn thành quá hạn 1 (20%); quá hạn chưa hoàn thành 3 (60%). Tỷ lệ nhiệm vụ hoàn thành đúng hạn: 20%"
            " trên tổng số nhiệm vụ đến hạn (1/5).") in text
    assert ("Trong 7 lượt thực hiện của các nhiệm vụ có thời hạn (kể cả lượt chuyển tiếp từ kỳ trước): hoàn thành"
            " đúng hạn 2 (29% trên tổng số lượt có thời hạn); hoàn thành quá hạn 1 (14%); quá hạn chưa hoàn thành 4"
            " (57%). Tỷ lệ lượt hoàn thành đúng hạn: 29% trên tổng số lượt đến hạn (2/7).") in text


def test_second_half_counts_tasks_and_occurrences_apart(office, ktcn):
    text = markdown(ktcn, *SECOND_HALF)
    # By hand, as of 2025-12-31.  bc6: H1 carried over (in progress on 1 July) and done late on 20 July, H2 on
    # time -> done late.  bcq: H1 carried over and overdue, H2 in progress -> overdue.  old overdue, hn on time,
    # tricky overdue, tx ongoing.  Occurrences: 7, of which 2 on time, 1 late, 1 in progress, 3 overdue.
    assert summary_row(text) == ["1", "Kế hoạch số 231/KH-UBND", "6", "1", "1", "0", "3", "0", "1", "7"]
    assert "hoàn thành đúng hạn 2 (29% trên tổng số lượt có thời hạn); hoàn thành quá hạn 1 (14%); đang thực" \
           " hiện trong hạn 1 (14%); quá hạn chưa hoàn thành 3 (43%)" in text
    assert "Sơ kết 6 tháng cuối năm 2025" in text
    results = section(text, "## II.", "## III.")
    assert ("Báo cáo tình hình hội trí thức (chủ trì: Liên hiệp Hội): chậm 1 kỳ báo cáo: 6 tháng đầu năm"
            " (chuyển tiếp từ kỳ trước); đang thực hiện 1 kỳ báo cáo: 6 tháng cuối năm (hạn 31/12/2025).") in results


# --- section II: one entry per task, in words -----------------------------------------------------------------


def test_section_ii_one_plain_entry_per_task_grouped_by_standing(office, ktcn):
    results = section(markdown(ktcn, *ANNUAL), "## II.", "## III.")
    groups = re.findall(r"^#### (.*)$", results, re.MULTILINE)
    assert groups == ["a) Nhiệm vụ đã hoàn thành: 2 nhiệm vụ", "b) Nhiệm vụ quá hạn chưa hoàn thành: 3 nhiệm vụ",
                      "c) Nhiệm vụ thực hiện thường xuyên: 1 nhiệm vụ"]
    assert "**" not in results  # no title in bold
    assert ("- Báo cáo 6 tháng về Sở KH&CN (chủ trì: UBND xã, phường): hoàn thành chậm 1 kỳ báo cáo: 6 tháng đầu"
            " năm (ngày 20/07/2025); hoàn thành đúng hạn 1 kỳ báo cáo: 6 tháng cuối năm. Gửi chậm. Minh chứng: Báo"
            " cáo 12/BC-UBND.") in results
    assert ("- Báo cáo tình hình hội trí thức (chủ trì: Liên hiệp Hội): chậm 2 kỳ báo cáo: 6 tháng đầu năm, 6 tháng"
            " cuối năm.") in results
    assert ("- Xây dựng cơ sở dữ liệu trí thức (chủ trì: Sở KH&CN): quá hạn từ 31/12/2023, chuyển tiếp từ kỳ"
            " trước.") in results
    # a full stop ends the note before its evidence
    assert ("Hội nghị tập huấn phản biện xã hội (chủ trì: Liên hiệp Hội): hoàn thành đúng hạn ngày 15/09/2025. Đã"
            " tổ chức với 120 đại biểu tham dự. Minh chứng: Báo cáo 45/BC-LHH.") in results
    # ongoing work with nothing recorded: named by its appendix row
    assert "Trong kỳ chưa có kết quả được cập nhật cho các nhiệm vụ này (Phụ lục, phần I, số thứ tự 5)." in results


def test_each_title_once_in_section_ii_and_at_most_three_times_in_all(office, ktcn):
    text = markdown(ktcn, *ANNUAL)
    results = section(text, "## II.", "## III.")
    for title in ("Báo cáo 6 tháng về Sở KH&CN", "Báo cáo tình hình hội trí thức", "Xây dựng cơ sở dữ liệu trí thức",
                  "Hội nghị tập huấn phản biện xã hội"):
        assert results.count(title) == 1, title
        assert text.count(title) <= 3, title
    assert text.count("Báo cáo 6 tháng về Sở KH&CN") == 3  # section II, next year's work, the appendix


def test_documents_cited_in_full_as_offices_cite_them(office, ktcn):
    text = markdown(ktcn, *ANNUAL)
    assert ("1. Kế hoạch số 231/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân thành phố Cần Thơ về thực hiện Nghị"
            " quyết số 107/NQ-CP về đội ngũ trí thức: 6 nhiệm vụ") in text
    assert "### 1. Kế hoạch số 231/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân thành phố Cần Thơ\n" in text
    final = markdown(ktcn, "--template", "tong-ket", "-p", "kh-231", "--as-of", "2026-01-15")
    assert ("**Tổng kết thực hiện Kế hoạch số 231/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân thành phố Cần Thơ về"
            " thực hiện Nghị quyết số 107/NQ-CP về đội ngũ trí thức**") in final


def test_agencies_named_as_of_the_report_day_in_every_column(office, ktcn):
    rows = appendix_rows(markdown(ktcn, *ANNUAL))
    bc6 = next(r for r in rows if r[1] == "Báo cáo 6 tháng về Sở KH&CN")
    assert bc6[2:4] == ["UBND xã, phường", "Sở KH&CN"]  # district level and Sở TT&TT ceased in 2025
    old = next(r for r in rows if r[1] == "Xây dựng cơ sở dữ liệu trí thức")
    assert old[2:4] == ["Sở KH&CN", ""]  # its supporter became its lead
    early = markdown(ktcn, "--year", "2025", "--half", "1")  # as of 30 June 2025, before the district level ended
    assert next(r for r in appendix_rows(early) if r[1].startswith("Báo cáo 6 tháng"))[2] == "UBND quận, huyện"


def test_recipients_as_offices_write_them_and_one_archive_line(office, ktcn):
    closing = section(markdown(ktcn, *ANNUAL), "<!-- ktcn:closing -->", "**GIÁM ĐỐC**")
    assert re.findall(r"^- .*$", closing, re.MULTILINE) == [
        "- UBND thành phố (để báo cáo);", "- Bộ Khoa học và Công nghệ;", "- Lưu: VT, VP."]
    (office / "ktcn.yaml").write_text(SETTINGS + "archive: \"Lưu: VT, P.QLKH.\"\n", encoding="utf-8")
    closing = section(markdown(ktcn, *ANNUAL), "<!-- ktcn:closing -->", "**GIÁM ĐỐC**")
    assert re.findall(r"^- .*$", closing, re.MULTILINE)[-1] == "- Lưu: VT, P.QLKH."
    assert closing.count("Lưu") == 1


def test_appendix_of_occurrences_on_request(office, ktcn):
    rows = appendix_rows(markdown(ktcn, *ANNUAL, "--appendix", "occurrences"))
    bcq = [r for r in rows if r[1] == "Báo cáo tình hình hội trí thức"]
    assert [r[2] for r in bcq] == ["6 tháng đầu năm", "6 tháng cuối năm"]
    assert len(rows) == 1 + 8  # the programme, 7 occurrences with a deadline and the ongoing work
    assert ktcn("report", *ANNUAL, "--appendix", "rows").exit_code == 2


def appendix_rows(text: str) -> list[list[str]]:
    """The appendix table's body rows as CommonMark+GFM reads them: text, escapes resolved, markup removed."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text.split("<!-- ktcn:appendix -->")[1])
    rows, row, body = [], [], False
    for token in tokens:
        if token.type == "tbody_open":
            body = True
        elif body and token.type == "tr_open":
            row = []
        elif body and token.type == "inline":
            row.append("".join(c.content for c in token.children if c.type == "text"))
        elif body and token.type == "tr_close":
            rows.append(row)
    return rows


# --- the tricky title -------------------------------------------------------------------------------------------


def test_a_title_with_markup_and_a_long_word_stays_one_literal_cell(office, ktcn, tmp_path):
    rows = appendix_rows(markdown(ktcn, *ANNUAL))
    found = [r for r in rows if TRICKY in r]
    assert len(found) == 1 and len(found[0]) == 6 and found[0][1] == TRICKY
    document = word(ktcn, tmp_path)
    table = appendix_table(document)
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert [r[1] for r in cells if TRICKY in r] == [TRICKY]
    sheet = workbook(ktcn, tmp_path).worksheets[0]
    values = [row for row in sheet.iter_rows(values_only=True) if TRICKY in row]
    assert len(values) == 1 and values[0][1] == TRICKY


# --- the Word file ----------------------------------------------------------------------------------------------


def word(ktcn, tmp_path, *extra: str) -> object:
    out = tmp_path / "bao-cao.docx"
    result = ktcn("report", *ANNUAL, "--format", "docx", "-o", str(out), *extra)
    assert result.exit_code == 0, result.stderr
    return Document(io.BytesIO(out.read_bytes()))


def workbook(ktcn, tmp_path, *args: str) -> object:
    from openpyxl import load_workbook

    out = tmp_path / "phu-luc.xlsx"
    result = ktcn("report", *(args or ANNUAL), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return load_workbook(io.BytesIO(out.read_bytes()))


def appendix_table(document: object) -> Table:
    return document.tables[-1]


def runs(paragraph: Paragraph) -> list:
    return [r for r in paragraph.runs if r.text.strip()]


def has_rule(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None


def test_header_parent_upright_issuer_bold_rule_beneath(office, ktcn, tmp_path):
    left = word(ktcn, tmp_path).tables[0].cell(0, 0)
    parent, issuer, rule = left.paragraphs[:3]
    assert parent.text.replace("\n", " ") == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    assert parent.text.split("\n") == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"]  # broken before the place
    assert all(not r.bold and not r.italic and r.font.size.pt in (12, 13) for r in runs(parent))
    assert issuer.text.split("\n") == ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "THÀNH PHỐ CẦN THƠ"]
    assert all(r.bold and r.font.size.pt in (12, 13) for r in runs(issuer))
    assert has_rule(rule) and rule.text == ""
    widest = max(text_mm(line, runs(issuer)[0].font.size.pt, True) for line in issuer.text.split("\n"))
    length = (left.width - rule.paragraph_format.left_indent - rule.paragraph_format.right_indent) / Mm(1)
    assert widest / 3 - 0.5 <= length <= widest / 2 + 0.5


def test_parent_from_ktcn_yaml_wins_and_an_empty_one_prints_none(office, ktcn, tmp_path):
    (office / "ktcn.yaml").write_text(SETTINGS + "parent: Bộ Khoa học và Công nghệ\n", encoding="utf-8")
    assert word(ktcn, tmp_path).tables[0].cell(0, 0).paragraphs[0].text == "BỘ KHOA HỌC VÀ CÔNG NGHỆ"
    assert "BỘ KHOA HỌC VÀ CÔNG NGHỆ\\\n**SỞ KHOA HỌC" in markdown(ktcn, *ANNUAL)
    (office / "ktcn.yaml").write_text(SETTINGS + 'parent: ""\n', encoding="utf-8")
    first = word(ktcn, tmp_path).tables[0].cell(0, 0).paragraphs[0]
    assert first.text.startswith("SỞ KHOA HỌC") and all(r.bold for r in runs(first))


def test_tables_inside_the_text_width_no_header_word_split_rows_may_break(office, ktcn, tmp_path):
    document = word(ktcn, tmp_path)
    bordered = [t for t in document.tables if t._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(
        qn("w:val")) == "single"]
    assert len(bordered) == 2  # the overview and the appendix
    for table in bordered:
        grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        indent = int(table._tbl.tblPr.find(qn("w:tblInd")).get(qn("w:w")))
        margin = int(table._tbl.tblPr.find(qn("w:tblCellMar")).find(qn("w:left")).get(qn("w:w")))
        assert indent == margin  # the border, not the text, starts at the margin
        assert sum(grid) <= Mm(165).twips  # inside the text width
        header = table.rows[0]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
        for cell, width in zip(header.cells, grid, strict=True):
            size = runs(cell.paragraphs[0])[0].font.size.pt
            room = width / 1440 * 25.4 - 2 * PADDING_MM
            for word_ in cell.text.split():
                assert text_mm(word_, size, bold=True) <= room, (word_, room)
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:cantSplit")) is None for row in table.rows)
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        assert all(int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) > 0 for side in ("top", "left", "right"))


def test_closing_kept_with_the_last_paragraph_of_the_body(office, ktcn, tmp_path):
    document = word(ktcn, tmp_path)
    closing = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận"))
    items = list(document.iter_inner_content())
    at = next(i for i, block in enumerate(items) if block._element is closing._tbl)
    last = items[at - 1]
    assert isinstance(last, Paragraph) and last.text.startswith("[Phần do cơ quan soạn thảo bổ sung: kiến nghị")
    assert last.paragraph_format.keep_with_next
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    for cell in closing.rows[0].cells:
        assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs)
    lines = [p.text for p in closing.cell(0, 0).paragraphs]
    assert lines == ["Nơi nhận:", "- UBND thành phố (để báo cáo);", "- Bộ Khoa học và Công nghệ;", "- Lưu: VT, VP."]


def test_summary_line_broken_between_words_with_a_rule_beneath(office, ktcn, tmp_path):
    items = list(word(ktcn, tmp_path).iter_inner_content())
    title = next(i for i, b in enumerate(items) if isinstance(b, Paragraph) and b.text == "BÁO CÁO")
    summary, rule = items[title + 1], items[title + 2]
    lines = summary.text.split("\n")
    assert len(lines) >= 2 and all(len(line.split()) >= 2 for line in lines)
    assert has_rule(rule)


# --- the workbook -------------------------------------------------------------------------------------------------


def test_workbook_appendix_and_summary_as_offices_exchange_them(office, ktcn, tmp_path):
    book = workbook(ktcn, tmp_path)
    appendix, summary = book.worksheets
    assert (appendix.title, summary.title) == ("Phụ lục", "Tổng hợp")
    header = [c.value for c in appendix[1]]
    assert header == ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn",
                      "Kết quả/tình trạng"]
    rows = list(appendix.iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == "I" and rows[0][1].startswith("Kế hoạch số 231/KH-UBND ngày 28/10/2024")
    assert "B2:F2" in {str(r) for r in appendix.merged_cells.ranges}  # the programme row spans the sheet
    assert [r[1] for r in rows[1:]] == ["Báo cáo 6 tháng về Sở KH&CN", "Báo cáo tình hình hội trí thức",
                                        "Xây dựng cơ sở dữ liệu trí thức", "Hội nghị tập huấn phản biện xã hội",
                                        "Tuyên truyền Nghị quyết", TRICKY]  # one row per task
    hn = rows[4]
    assert hn[4] == datetime(2025, 9, 30)  # a real date
    assert appendix.cell(row=6, column=5).number_format == "DD/MM/YYYY"
    assert hn[5] == "Hoàn thành đúng hạn ngày 15/09/2025. Đã tổ chức với 120 đại biểu tham dự."
    for sheet in (appendix, summary):
        assert sheet.freeze_panes == "A2"
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0
        cell = sheet.cell(row=2, column=2)
        assert cell.font.name == "Times New Roman" and cell.alignment.wrap_text
        assert sheet[1][0].font.bold
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(w and w > 3 for w in widths)
    assert [c.value for c in summary[2]] == [1, "Kế hoạch số 231/KH-UBND", 6, 1, 1, 0, 3, 0, 1, 7]
    assert summary.cell(row=3, column=2).value == "Tính chung" and summary.cell(row=3, column=2).font.bold


def test_workbook_is_the_same_bytes_twice_and_text_stays_text(office, ktcn, tmp_path):
    (office / "programmes" / "kh-231.yaml").write_text(PLAN.replace("title: Tuyên truyền Nghị quyết",
                                                                    'title: "=1+1 tuyên truyền"'), encoding="utf-8")
    first = workbook(ktcn, tmp_path)
    cell = next(c for row in first.worksheets[0].iter_rows() for c in row if c.value == "=1+1 tuyên truyền")
    assert cell.data_type == "s"  # a title is never a formula
    out = tmp_path / "phu-luc.xlsx"
    again = out.read_bytes()
    ktcn("report", *ANNUAL, "--format", "xlsx", "-o", str(out))
    assert out.read_bytes() == again


def test_workbook_of_occurrences_and_in_english(office, ktcn, tmp_path):
    book = workbook(ktcn, tmp_path, *ANNUAL, "--appendix", "occurrences", "--lang", "en")
    appendix = book.worksheets[0]
    assert appendix.title == "Appendix" and appendix.cell(row=1, column=3).value == "Period"
    assert appendix.max_row == 1 + 1 + 8


def test_a_parent_must_be_a_registered_agency(office, ktcn):
    (office / "agencies.yaml").write_text(AGENCIES.replace("parent: ubnd-ct", "parent: ubnd-cantho"),
                                          encoding="utf-8")
    result = ktcn("validate")
    assert result.exit_code == 1 and "KTCN202" in result.stdout and "ubnd-cantho" in result.stdout
