"""`ktcn report` to Markdown: golden files for each built-in template, periods, counts, safety.

Golden files live in tests/golden/.  When a template changes on purpose,
regenerate them with `KTCN_REGEN_GOLDEN=1 pytest tests/test_reports.py` and
read the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import DEMO_AGENCIES as AGENCIES
from conftest import DEMO_PROGRAMME as PROGRAMME
from conftest import DEMO_SETTINGS as SETTINGS

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def demo(ws):
    return ws({"ktcn.yaml": SETTINGS, "agencies.yaml": AGENCIES, "programmes/demo.yaml": PROGRAMME})


def report(ktcn, *args: str) -> str:
    result = ktcn("report", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KTCN_REGEN_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "args"), [
    ("bao-cao-nam.md", ("--year", "2025", "--date", "2026-02-05")),
    ("so-ket-6-thang.md", ("--year", "2025", "--half", "1", "--date", "2025-07-05")),
    ("tong-ket.md", ("--template", "tong-ket", "-p", "ctr-demo", "--as-of", "2026-12-31")),
    ("bao-cao-nam.en.md", ("--year", "2025", "--date", "2026-02-05", "--lang", "en")),
])
def test_built_in_templates_match_their_golden_files(demo, ktcn, name, args):
    check_golden(name, report(ktcn, *args))


def test_annual_counts_sentence_and_appendix_rows(demo, ktcn):
    text = report(ktcn, "--year", "2025")
    # by hand, as of 2025-12-31, tasks: bc6 in progress (H1 done late, H2 in progress), hoi-thi done on time
    # (extended), tong-hop stopped, soon overdue, bc-2024 carried over and overdue, ongoing work apart.
    # Occurrences: bc6 twice, the four others once; the on-time rate by occurrence is 1 of 4 due.
    assert ("6 nhiệm vụ, gồm 5 nhiệm vụ có thời hạn (6 lượt thực hiện trong kỳ) và 1 nhiệm vụ thực hiện thường"
            " xuyên. Trong 5 nhiệm vụ có thời hạn: hoàn thành đúng hạn 1 (20% trên tổng số nhiệm vụ có thời hạn);"
            " đang thực hiện trong hạn 1 (20%); quá hạn chưa hoàn thành 2 (40%); dừng thực hiện 1 (20%); đã gia hạn"
            " 1. Tỷ lệ nhiệm vụ hoàn thành đúng hạn: 33% trên tổng số nhiệm vụ đến hạn (1/3).") in text
    assert ("Trong 6 lượt thực hiện của các nhiệm vụ có thời hạn (kể cả lượt chuyển tiếp từ kỳ trước): hoàn thành"
            " đúng hạn 1 (17% trên tổng số lượt có thời hạn); hoàn thành quá hạn 1 (17%); đang thực hiện trong hạn 1"
            " (17%); quá hạn chưa hoàn thành 2 (33%); dừng thực hiện 1 (17%); đã gia hạn 1. Tỷ lệ lượt hoàn thành"
            " đúng hạn: 25% trên tổng số lượt đến hạn (1/4).") in text
    rows = appendix_rows(text)
    assert [(r[0], r[1], r[4]) for r in rows] == [  # one row per task, in the programme's order
        ("I", "Chương trình thử ngày 15/01/2024 của Sở Khoa học và Công nghệ", ""),
        ("1", "Báo cáo 6 tháng", "30/06/2025, 31/12/2025"),
        ("2", "Hội thi sáng tạo kỹ thuật", "31/10/2025 (gia hạn từ 30/06/2025)"),
        ("3", "Tổng hợp báo cáo năm", "30/11/2025"),
        ("4", "Tuyên truyền", "Thường xuyên"),
        ("5", "Báo cáo năm 2024", "31/12/2024"),
        ("6", "Sắp đến hạn", "10/10/2025"),
    ]
    assert rows[5][5] == "Quá hạn từ 31/12/2024, chuyển tiếp từ kỳ trước."
    assert rows[1][5] == ("Đang thực hiện 1 kỳ báo cáo: 6 tháng cuối năm (hạn 31/12/2025); hoàn thành chậm 1 kỳ báo"
                          " cáo: 6 tháng đầu năm (ngày 10/08/2025). Gửi muộn báo cáo 6 tháng đầu năm.")


def appendix_rows(markdown: str) -> list[list[str]]:
    """The appendix table's body rows, as a CommonMark+GFM parser reads them (inline text, markup removed)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown.split("<!-- ktcn:appendix -->")[1])
    rows, row, in_body = [], None, False
    for token in tokens:
        if token.type == "tbody_open":
            in_body = True
        elif in_body and token.type == "tr_open":
            row = []
        elif in_body and token.type == "inline" and row is not None:
            row.append("".join(child.content for child in token.children if child.type == "text"))
        elif in_body and token.type == "tr_close":
            rows.append(row)
    return rows


def test_table_cells_holding_markdown_characters_stay_one_cell(ws, ktcn):
    tricky = PROGRAMME.replace("title: Sắp đến hạn", 'title: "Đánh giá a | b *nháp* _x_ [1]\\nhai dòng"')
    ws({"ktcn.yaml": SETTINGS, "agencies.yaml": AGENCIES, "programmes/demo.yaml": tricky})
    rows = appendix_rows(report(ktcn, "--year", "2025"))
    row = next(r for r in rows if r[1].startswith("Đánh giá"))
    assert len(row) == 6
    assert row[1] == "Đánh giá a | b *nháp* _x_ [1] hai dòng"


def test_decree_09_cuts_the_year_at_15_december(ws, ktcn):
    ws({"ktcn.yaml": SETTINGS + "cutoff: decree-09\n", "agencies.yaml": AGENCIES, "programmes/demo.yaml": PROGRAMME})
    text = report(ktcn, "--year", "2025")
    assert "Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025" in text
    half = report(ktcn, "--year", "2025", "--half", "2")
    assert "Số liệu tính từ ngày 15/06/2025 đến ngày 14/12/2025" in half


def test_custom_period_and_default_as_of(demo, ktcn):
    text = report(ktcn, "--from", "2025-03-01", "--to", "2025-09-30")
    assert "từ ngày 01/03/2025 đến ngày 30/09/2025; tình trạng nhiệm vụ tính đến ngày 30/09/2025" in text
    results = text.split("## II.")[1].split("## III.")[0]
    assert "Hội thi sáng tạo kỹ thuật" in results  # its original deadline, 30/06/2025, falls in the period
    assert "Sắp đến hạn" not in results  # due 10/10/2025, after the period


def test_narrative_file_replaces_the_placeholders(demo, ktcn, tmp_path):
    narrative = tmp_path / "narrative.md"
    narrative.write_text("## Tồn tại, hạn chế\n\nKinh phí chậm.\n\n## Kiến nghị\n\nĐề nghị bổ sung kinh phí.\n",
                         encoding="utf-8")
    text = report(ktcn, "--year", "2025", "--narrative", str(narrative))
    assert "Kinh phí chậm." in text and "Đề nghị bổ sung kinh phí." in text
    assert "Phần do cơ quan soạn thảo bổ sung" not in text


def test_placeholders_are_marked_when_there_is_no_narrative(demo, ktcn):
    text = report(ktcn, "--year", "2025")
    assert text.count("*\\[Phần do cơ quan soạn thảo bổ sung") == 2


def test_workspace_template_overrides_the_built_in_by_name(demo, ktcn):
    (demo / "templates").mkdir()
    (demo / "templates" / "bao-cao-nam.md.j2").write_text(
        "{{ report.period.year }}: {{ report.totals.overdue }} {{ t('overdue') }}\n", encoding="utf-8")
    assert report(ktcn, "--year", "2025") == "2025: 2 Quá hạn chưa hoàn thành\n"


def test_template_given_as_a_path(demo, ktcn, tmp_path):
    own = tmp_path / "own.md.j2"
    own.write_text("{% for s in report.sections %}{{ s.programme.id }} {{ s.counts.total }}{% endfor %}\n",
                   encoding="utf-8")
    assert report(ktcn, "--year", "2025", "--template", str(own)) == "ctr-demo 7\n"


def test_template_errors_are_usage_errors_not_tracebacks(demo, ktcn, tmp_path):
    wrong = tmp_path / "wrong.md.j2"
    wrong.write_text("{{ report.no_such_field }}\n", encoding="utf-8")
    result = ktcn("report", "--year", "2025", "--template", str(wrong))
    assert result.exit_code == 2 and "no_such_field" in result.stderr and "Traceback" not in result.stderr
    escape = ktcn("report", "--year", "2025", "--template", "../../../etc/passwd")
    assert escape.exit_code == 2 and "không có mẫu báo cáo" in escape.stderr  # the demo workspace says vi
    unsafe = tmp_path / "unsafe.md.j2"
    unsafe.write_text("{{ report.__class__.__mro__ }}\n", encoding="utf-8")
    assert ktcn("report", "--year", "2025", "--template", str(unsafe)).exit_code == 2


def test_period_options_are_checked(demo, ktcn):
    assert ktcn("report").exit_code == 2
    assert ktcn("report", "--year", "2025", "--from", "2025-01-01", "--to", "2025-02-01").exit_code == 2
    assert ktcn("report", "--from", "2025-05-01", "--to", "2025-02-01").exit_code == 2
    assert ktcn("report", "--year", "2025", "--half", "3").exit_code == 2
    assert ktcn("report", "--template", "tong-ket").exit_code == 2  # a final report needs one programme


def test_output_file_and_determinism(demo, ktcn):
    first = report(ktcn, "--year", "2025", "-o", "out.md")
    assert first == "" and (demo / "out.md").read_text(encoding="utf-8") == report(ktcn, "--year", "2025")
    assert [p.name for p in demo.iterdir() if p.name.startswith(".out.md")] == []  # no temporary left behind


def test_unwritable_output_is_a_clear_error(demo, ktcn):
    result = ktcn("report", "--year", "2025", "-o", "no/such/folder/out.md")
    assert result.exit_code == 3 and "không ghi được" in result.stderr  # the demo workspace says vi


def test_markdown_has_no_trailing_spaces_and_one_final_newline(demo, ktcn):
    text = report(ktcn, "--year", "2025")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.splitlines())
