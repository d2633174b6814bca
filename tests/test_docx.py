"""`ktcn report --format docx`: the Word file read back with python-docx against Decree 30/2020, Appendix I.

Every file here is made by the real command line from a workspace written into a temporary folder (the
demo workspace of the DOCX brief, plus a task whose title holds a `|`).
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from typer.testing import CliRunner

from ktcn.cli import app
from ktcn.outputs.docx_report import column_widths, split_markdown
from ktcn.outputs.docx_report.metrics import _text_mm as text_mm

from conftest import DEMO_AGENCIES as AGENCIES
from conftest import DEMO_PROGRAMME
from conftest import DEMO_SETTINGS as SETTINGS

PROGRAMME = DEMO_PROGRAMME + """\
  - id: pipe
    title: "Kiểm tra a | b"
    lead: [skhcn]
    schedule: 2025-09-30
"""

DATE_LINE = "Cần Thơ, ngày 05 tháng 02 năm 2026"


def write_workspace(root: Path, settings: str = SETTINGS) -> Path:
    """The demo workspace of the DOCX brief under `root`."""
    for name, text in {"ktcn.yaml": settings, "agencies.yaml": AGENCIES, "programmes/demo.yaml": PROGRAMME}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def run_report(records: Path, out: Path, *extra: str) -> bytes:
    """`ktcn report --year 2025 --date 2026-02-05` for `records`, written to `out`; its bytes."""
    args = ["report", "--year", "2025", "--date", "2026-02-05", "--as-of", "2025-12-31", "-o", str(out),
            "--records", str(records), *extra]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    """The Vietnamese annual report as DOCX bytes, and the Markdown it was made from."""
    root = tmp_path_factory.mktemp("docx")
    records = write_workspace(root / "records")
    data = run_report(records, root / "out.docx", "--format", "docx")
    markdown = run_report(records, root / "out.md", "--format", "md").decode("utf-8")
    return data, markdown


@pytest.fixture(scope="module")
def doc(built: tuple[bytes, str]) -> object:
    return Document(io.BytesIO(built[0]))


def blocks(document: object) -> list[Paragraph | Table]:
    """Paragraphs and tables of the body, in order."""
    return list(document.iter_inner_content())


def find_paragraph(document: object, text: str) -> Paragraph:
    """The paragraph whose text is `text`, else the first that starts with it."""
    paragraphs = [b for b in blocks(document) if isinstance(b, Paragraph)]
    found = [p for p in paragraphs if p.text == text] or [p for p in paragraphs if p.text.startswith(text)]
    assert found, f"no paragraph starting with {text!r}"
    return found[0]


def runs_with_text(paragraph: Paragraph) -> list:
    return [r for r in paragraph.runs if r.text.strip()]


def assert_look(paragraph: Paragraph, sizes: tuple[float, ...], bold: bool = False, italic: bool = False) -> None:
    """Every run holding text has a size in `sizes`, and is bold / italic when asked."""
    runs = runs_with_text(paragraph)
    assert runs, paragraph.text
    for run in runs:
        assert run.font.size is not None and run.font.size.pt in sizes, (paragraph.text, run.font.size)
        if bold:
            assert run.bold, (paragraph.text, run.text)
        if italic:
            assert run.italic, (paragraph.text, run.text)


def position(items: list[Paragraph | Table], block: Paragraph | Table) -> int:
    """Where `block` is among `items` (python-docx makes a new proxy object at each look, so compare elements)."""
    return next(i for i, item in enumerate(items) if item._element is block._element)


def next_blocks(document: object, text: str, count: int) -> list[Paragraph | Table]:
    """The `count` blocks after the paragraph starting with `text`."""
    items = blocks(document)
    start = position(items, find_paragraph(document, text))
    return items[start + 1:start + 1 + count]


def table_after(document: object, text: str) -> Table:
    items = blocks(document)
    start = position(items, find_paragraph(document, text))
    return next(b for b in items[start:] if isinstance(b, Table))


def borders(table: Table) -> dict[str, str]:
    element = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {child.tag.split("}")[1]: child.get(qn("w:val")) for child in element}


def tc_text(tc: object) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def assert_short_rule(paragraph: Paragraph, width: object, longest: float) -> None:
    """`paragraph` is an empty rule: a single bottom border, centred, 1/3 to 1/2 as long as the line above."""
    assert paragraph.text == ""
    bottom = paragraph._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:val")) == "single"
    fmt = paragraph.paragraph_format
    assert abs(fmt.left_indent - fmt.right_indent) < Mm(0.1)
    length = (width - fmt.left_indent - fmt.right_indent) / Mm(1)
    assert longest / 3 - 0.5 <= length <= longest / 2 + 0.5, (length, longest)


def is_repeated_header(row: object) -> bool:
    tr_pr = row._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


# --- page and fonts -------------------------------------------------------------------------------------------


def test_page_is_a4_with_decree_30_margins(doc: object) -> None:
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]


def test_times_new_roman_in_every_font_slot(doc: object) -> None:
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert str(normal.font.color.rgb) == "000000"
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rfonts in (normal.element.rPr.rFonts, defaults.find(qn("w:rFonts"))):
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert rfonts.get(qn(f"w:{slot}")) == "Times New Roman", slot
        assert not any(rfonts.get(qn(f"w:{theme}")) for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme",
                                                                 "cstheme"))


def test_page_numbers_centred_in_the_header_from_page_two(doc: object) -> None:
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(t.text for t in header._p.iter(qn("w:instrText")))
    assert 13 <= header.runs[0].font.size.pt <= 14
    first = section.first_page_header
    assert not list(first._element.iter(qn("w:instrText")))


# --- the frame ------------------------------------------------------------------------------------------------


def test_header_block_is_a_borderless_two_column_table(doc: object) -> None:
    table = doc.tables[0]
    assert blocks(doc)[0] is not None and isinstance(blocks(doc)[0], Table)
    assert len(table.columns) == 2
    assert set(borders(table).values()) == {"nil"}
    left, right = table.cell(0, 0), table.cell(0, 1)
    agency = left.paragraphs[0]
    assert agency.text == "SỞ KHOA HỌC VÀ CÔNG NGHỆ" == agency.text.upper()
    assert_look(agency, (12, 13), bold=True)
    nation, motto = right.paragraphs[0], right.paragraphs[1]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert_look(nation, (12, 13), bold=True)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert_look(motto, (13, 14), bold=True)


def test_rules_below_the_agency_and_the_motto(doc: object) -> None:
    table = doc.tables[0]
    for cell in (table.cell(0, 0), table.cell(0, 1)):
        rules = [p for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
        assert len(rules) == 1
        bottom = rules[0]._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
        assert bottom.get(qn("w:val")) == "single"
        rule_width = Mm(0) + cell.width - rules[0].paragraph_format.left_indent - rules[0].paragraph_format.right_indent
        assert Mm(10) < rule_width < cell.width  # short, not the full column


def test_number_and_date_lines(doc: object) -> None:
    table = doc.tables[0]
    number = table.cell(1, 0).paragraphs[0]
    assert number.text == "Số: ......../BC-SKHCN"
    assert_look(number, (13,))
    date_line = table.cell(1, 1).paragraphs[0]
    assert date_line.text == DATE_LINE
    assert_look(date_line, (13, 14), italic=True)


def test_type_name_summary_its_rule_and_period_note_centred(doc: object) -> None:
    title = find_paragraph(doc, "BÁO CÁO")
    assert title.text == "BÁO CÁO"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_look(title, (13, 14), bold=True)
    summary, rule, note = next_blocks(doc, "BÁO CÁO", 3)
    lines = summary.text.split("\n")
    assert " ".join(lines) == "Kết quả thực hiện các chương trình, kế hoạch khoa học và công nghệ năm 2025"
    assert len(lines) == 2 and all(len(line.split()) > 1 for line in lines)  # broken between words, none alone
    assert summary.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_look(summary, (13, 14), bold=True)
    assert_short_rule(rule, Mm(165), longest=max(text_mm(line, 13, True) for line in lines))
    assert note.text.replace("\n", " ").startswith("(Số liệu tính từ ngày 01/01/2025")
    assert note.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_look(note, (13,), italic=True)


def test_frame_markdown_is_not_rendered_literally(doc: object) -> None:
    texts = [b.text for b in blocks(doc) if isinstance(b, Paragraph)]
    assert not any("**" in t or t.startswith("#") or "<!--" in t for t in texts)
    assert texts.count("BÁO CÁO") == 1


# --- the body -------------------------------------------------------------------------------------------------


def test_headings_bold_left_without_indent(doc: object) -> None:
    for text in ("I. TÌNH HÌNH CHUNG", "1. Chương trình thử ngày 15/01/2024 của Sở Khoa học và Công nghệ"):
        heading = find_paragraph(doc, text)
        assert heading.text == text
        assert heading.alignment == WD_ALIGN_PARAGRAPH.LEFT
        assert not heading.paragraph_format.first_line_indent
        assert heading.paragraph_format.keep_with_next
        assert_look(heading, (13, 14), bold=True)


def test_groups_of_tasks_are_italic_and_their_entries_plain(doc: object) -> None:
    group = find_paragraph(doc, "c) Nhiệm vụ quá hạn chưa hoàn thành: 3 nhiệm vụ")
    assert_look(group, (13, 14), italic=True)
    assert not any(r.bold for r in group.runs)
    assert group.paragraph_format.keep_with_next
    entry = find_paragraph(doc, "- Báo cáo năm 2024 (chủ trì: Sở KH&CN): quá hạn từ 31/12/2024")
    assert not any(r.bold or r.italic for r in entry.runs)  # the title is not bold: no wall of bold


def test_body_paragraphs_justified_indented_and_spaced(doc: object) -> None:
    paragraph = find_paragraph(doc, "Tiếp tục thực hiện 3 nhiệm vụ quá hạn")
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(paragraph.paragraph_format.first_line_indent - Cm(1.27)) < Mm(0.1)
    assert paragraph.paragraph_format.space_before.pt >= 6
    spacing = paragraph.paragraph_format.line_spacing or doc.styles["Normal"].paragraph_format.line_spacing
    assert 1.0 <= spacing <= 1.5
    assert_look(paragraph, (13, 14))


def test_list_items_italic_placeholders_and_escapes(doc: object) -> None:
    item = find_paragraph(doc, "- Báo cáo năm 2024")
    assert item.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(item.paragraph_format.first_line_indent - Cm(1.27)) < Mm(0.1)
    placeholder = find_paragraph(doc, "[Phần do cơ quan soạn thảo bổ sung: tồn tại")
    assert "\\" not in placeholder.text and placeholder.text.endswith("nguyên nhân.]")
    assert_look(placeholder, (13, 14), italic=True)


def test_body_table_has_borders_and_a_repeated_bold_header(doc: object) -> None:
    table = table_after(doc, "I. TÌNH HÌNH CHUNG")
    assert set(borders(table).values()) == {"single"}
    assert is_repeated_header(table.rows[0])
    assert not is_repeated_header(table.rows[1])
    assert table.cell(0, 1).text == "Chương trình, kế hoạch"
    assert table.cell(0, 2).text == "Tổng số nhiệm vụ" and table.cell(0, 9).text == "Số lượt có thời hạn"
    for cell in table.rows[0].cells:
        assert_look(cell.paragraphs[0], (10, 11, 12, 13), bold=True)
    assert_look(table.cell(1, 1).paragraphs[0], (10, 11, 12, 13))
    assert [c.text for c in table.rows[-1].cells][1:3] == ["Tính chung", "7"]  # tasks: the demo's six and 'pipe'
    assert table.rows[-1].cells[-1].text == "7"  # occurrences with a deadline: bc6 twice


def test_pipe_in_a_title_stays_in_one_cell(doc: object) -> None:
    table = table_after(doc, "Phụ lục")
    rows = [[c.text for c in row.cells] for row in table.rows]
    found = [row for row in rows if "Kiểm tra a | b" in row]
    assert len(found) == 1 and len(found[0]) == 6
    assert found[0][1] == "Kiểm tra a | b"
    assert find_paragraph(doc, "- Kiểm tra a | b (chủ trì")


# --- closing --------------------------------------------------------------------------------------------------


def test_recipients_bold_italic_then_the_list(doc: object) -> None:
    table = next(t for t in doc.tables if t.cell(0, 0).text.startswith("Nơi nhận"))
    assert set(borders(table).values()) == {"nil"}
    lines = table.cell(0, 0).paragraphs
    assert lines[0].text == "Nơi nhận:"
    assert_look(lines[0], (12,), bold=True, italic=True)
    assert [p.text for p in lines[1:]] == ["- UBND thành phố (để báo cáo);", "- Bộ Khoa học và Công nghệ;",
                                           "- Lưu: VT, SKHCN."]
    for line in lines[1:]:
        assert_look(line, (11,))


def test_signature_block_on_the_right(doc: object) -> None:
    table = next(t for t in doc.tables if t.cell(0, 0).text.startswith("Nơi nhận"))
    lines = [p for p in table.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in lines] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Chữ ký, dấu)", "Nguyễn Văn A"]
    for line in lines:
        assert line.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_look(lines[0], (13, 14), bold=True)
    assert_look(lines[1], (13, 14), bold=True)
    assert_look(lines[2], (13, 14), italic=True)
    assert_look(lines[3], (14,), bold=True)
    blank = [p for p in table.cell(0, 1).paragraphs if not p.text]
    assert len(blank) >= 3  # room to sign


# --- appendix -------------------------------------------------------------------------------------------------


def test_appendix_is_a_section_of_its_own_numbered_from_one(doc: object) -> None:
    from docx.enum.section import WD_SECTION

    assert len(doc.sections) == 2
    body, appendix = doc.sections
    assert appendix.start_type == WD_SECTION.NEW_PAGE
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert body._sectPr.find(qn("w:pgNumType")) is None
    assert appendix.different_first_page_header_footer  # like the body: no number on its first page
    assert appendix.header.is_linked_to_previous  # the same centred PAGE field
    items = blocks(doc)
    heading = find_paragraph(doc, "Phụ lục")
    breaker = items[position(items, heading) - 1]  # the section break closes the body just before it
    assert breaker._p.pPr.find(qn("w:sectPr")) is not None
    assert heading.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_look(heading, (13, 14), bold=True)
    title, attached = next_blocks(doc, "Phụ lục", 2)
    assert title.text == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_look(title, (13, 14), bold=True)
    assert attached.text == "(Kèm theo Báo cáo số ......../BC-SKHCN ngày 05/02/2026)"
    assert attached.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert_look(attached, (13, 14), italic=True)


def test_appendix_table_has_the_markdown_rows(doc: object, built: tuple[bytes, str]) -> None:
    appendix = built[1].split("<!-- ktcn:appendix -->")[1]
    markdown_rows = [line for line in appendix.splitlines() if line.startswith("|")]
    table = table_after(doc, "Phụ lục")
    assert len(table.rows) == len(markdown_rows) - 1  # less the delimiter row
    assert len(table.rows) == 1 + 1 + 7  # header, the programme, one row per task
    assert set(borders(table).values()) == {"single"}
    assert is_repeated_header(table.rows[0])
    for cell in table.rows[0].cells:
        assert_look(cell.paragraphs[0], (10, 11, 12), bold=True)
    group = table.rows[1]
    tcs = group._tr.tc_lst
    assert len(tcs) == 2 and tcs[1].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "5"  # merged across the row
    assert [tc_text(tc) for tc in tcs] == ["I", "Chương trình thử ngày 15/01/2024 của Sở Khoa học và Công nghệ"]
    for tc in tcs:
        assert all(r.bold for r in Paragraph(tc.p_lst[0], None).runs if r.text.strip())
        assert Paragraph(tc.p_lst[0], None).paragraph_format.keep_with_next  # never alone at a page's foot
    assert_look(table.cell(2, 1).paragraphs[0], (10, 11, 12))
    assert not any(r.bold for r in table.cell(2, 1).paragraphs[0].runs)


# --- determinism, language, variants --------------------------------------------------------------------------


def test_two_runs_give_the_same_bytes(built: tuple[bytes, str], tmp_path: Path) -> None:
    records = write_workspace(tmp_path / "records")
    again = run_report(records, tmp_path / "again.docx", "--format", "docx")
    assert again == built[0]
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {info.date_time for info in archive.infolist()} == {(2026, 2, 5, 0, 0, 0)}
    properties = Document(io.BytesIO(again)).core_properties
    assert properties.created.date().isoformat() == properties.modified.date().isoformat() == "2026-02-05"


def test_english_labels(tmp_path: Path) -> None:
    records = write_workspace(tmp_path / "records")
    document = Document(io.BytesIO(run_report(records, tmp_path / "en.docx", "--format", "docx", "--lang", "en")))
    header = document.tables[0]
    assert header.cell(0, 1).paragraphs[0].text == "SOCIALIST REPUBLIC OF VIETNAM"
    assert header.cell(1, 0).paragraphs[0].text == "No.: ......../BC-SKHCN"
    assert header.cell(1, 1).paragraphs[0].text == "Cần Thơ, 5 February 2026"
    assert find_paragraph(document, "REPORT").text == "REPORT"
    closing = next(t for t in document.tables if t.cell(0, 0).text.startswith("Recipients"))
    assert closing.cell(0, 0).paragraphs[-1].text == "- Filed: VT, SKHCN."
    assert "(Signature and seal)" in closing.cell(0, 1).text
    assert len(document.sections) == 2 and find_paragraph(document, "Appendix")


def test_no_signer_shows_the_placeholder(tmp_path: Path) -> None:
    settings = SETTINGS.split("signer:")[0] + "recipients: [UBND thành phố]\n"
    records = write_workspace(tmp_path / "records", settings)
    document = Document(io.BytesIO(run_report(records, tmp_path / "x.docx", "--format", "docx")))
    closing = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận"))
    signature = [p for p in closing.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in signature] == ["[Quyền hạn, chức vụ, họ tên người ký]"]
    assert_look(signature[0], (14,), bold=True)


NARRATIVE = """\
## Tồn tại, hạn chế

Một số đơn vị gửi báo cáo chậm; *chưa* có **phần mềm** theo dõi.\\
Dòng sau ngắt cứng.

- Mục một
  - Mục con A
- Mục hai

1. Thứ nhất
2. Thứ hai

| Nội dung | Kinh phí |
|---|---:|
| Phần mềm \\| bản quyền | 100 |
"""


def test_narrative_markdown_lists_breaks_and_tables(tmp_path: Path) -> None:
    records = write_workspace(tmp_path / "records")
    (tmp_path / "narrative.md").write_text(NARRATIVE, encoding="utf-8")
    data = run_report(records, tmp_path / "n.docx", "--format", "docx", "--narrative", str(tmp_path / "narrative.md"))
    document = Document(io.BytesIO(data))
    paragraph = find_paragraph(document, "Một số đơn vị")
    assert paragraph.text == "Một số đơn vị gửi báo cáo chậm; chưa có phần mềm theo dõi.\nDòng sau ngắt cứng."
    assert [r.text for r in paragraph.runs if r.italic] == ["chưa"]
    for text in ("- Mục một", "+ Mục con A", "- Mục hai", "1. Thứ nhất", "2. Thứ hai"):
        assert find_paragraph(document, text).text == text
    table = table_after(document, "2. Thứ hai")
    assert [c.text for c in table.rows[1].cells] == ["Phần mềm | bản quyền", "100"]
    assert table.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert is_repeated_header(table.rows[0])


def test_markdown_without_markers_is_all_body() -> None:
    parts = split_markdown("# Title\n\nText\n")
    assert (parts.frame, parts.body, parts.closing, parts.appendix) == (None, "# Title\n\nText\n", None, None)
    parts = split_markdown("head\n<!-- ktcn:body -->\nbody\n<!-- ktcn:closing -->\nx\n<!-- ktcn:appendix -->\napp\n")
    assert (parts.frame, parts.body, parts.closing, parts.appendix) == ("head\n", "\nbody\n", "\nx\n", "\napp\n")


def test_column_widths_fill_the_text_width_and_keep_numbers_narrow() -> None:
    rows = [["TT", "Nội dung nhiệm vụ", "Kết quả/tình trạng"],
            ["1", "Báo cáo năm 2024", "Hoàn thành quá hạn (10/08/2025). Gửi muộn báo cáo 6 tháng đầu năm " * 3]]
    widths = column_widths(rows, 12)
    assert abs(sum(widths) - 165) < 0.01
    assert widths[0] < 15 < widths[1] < widths[2]


def test_column_widths_give_room_where_it_saves_most_lines() -> None:
    long, short = "Tổ chức hội thảo khoa học về chuyển đổi số trong quản lý nhà nước " * 4, "Sở KH&CN, Liên hiệp Hội"
    rows = [["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"], *[[str(n), long, short] for n in range(20)]]
    widths = column_widths(rows, 11)
    assert widths[1] > 2 * widths[2] and widths[2] >= text_mm("Liên hiệp Hội", 11)  # the lead fits on two lines
