"""Plan documents built in the tests: 231/KH-UBND from the seed's text, and small tables, as .docx, .xlsx, .csv.

`tests/data/231-KH-UBND.txt` is the seed text of the plan as extracted from
its PDF: the cells of its header table and of its appendix are separated by
lines holding only "|", and each cell's text is wrapped over several lines.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

SEED_231 = Path(__file__).resolve().parent / "data" / "231-KH-UBND.txt"


@dataclass
class Plan:
    """What a plan document holds, laid out as Decree 30 lays it out."""

    issuer: list[str] = field(default_factory=list)  # the header's left column
    motto: list[str] = field(default_factory=list)
    number: str = ""
    date_line: str = ""
    doc_type: str = ""
    summary: str = ""
    body: list[str] = field(default_factory=list)
    appendix: list[str] = field(default_factory=list)  # "PHỤ LỤC", its title, "(Kèm theo ...)"
    rows: list[list[str]] = field(default_factory=list)  # the task table, header first


def _cell(text: str) -> str:
    return " ".join(text.split())


def plan_231() -> Plan:
    """231/KH-UBND rebuilt from the seed's text: header table, title, body, and the 14-row appendix."""
    segments = SEED_231.read_text(encoding="utf-8").rstrip().removesuffix("|").split("\n|\n")
    issuer, motto, number, date_line, main = segments[:5]
    appendix_and_first = segments[6].splitlines()
    cells = [appendix_and_first[-1], *segments[7:]]
    cells = [_cell(c) for c in cells if c.strip()]
    lines = main.splitlines()
    body_start = next(i for i, line in enumerate(lines) if i > 0 and not line.isupper())
    plan = Plan(
        issuer=[line for line in issuer.splitlines() if line.strip("-")],
        motto=[line for line in motto.splitlines() if line.strip("-")],
        number=number.strip(),
        date_line=_cell(date_line),
        doc_type=lines[0],
        summary=_cell(" ".join(lines[1:body_start])),
        body=lines[body_start:],
        appendix=[_cell(line) for line in _paragraphs(appendix_and_first[:-1])],
        rows=[cells[i:i + 5] for i in range(0, len(cells), 5)],
    )
    assert len(plan.rows) == 15 and all(len(row) == 5 for row in plan.rows), plan.rows
    return plan


def _paragraphs(lines: list[str]) -> list[str]:
    """The appendix heading: "PHỤ LỤC", its wrapped title, "(Kèm theo ...)" as three paragraphs."""
    out: list[str] = []
    for line in lines:
        if not out or line.startswith(("(", "PHỤ LỤC", "DANH MỤC")):
            out.append(line)
        else:
            out[-1] += " " + line
    return out


def write_docx(path: Path, plan: Plan, merges: list[tuple[int, int, int, int]] = (), extra_tables: int = 0) -> Path:
    """A Word document laid out like a real one: header table, centred bold title, body, appendix table.

    `merges` are (row, col, row2, col2) cell ranges of the task table to merge.
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    if plan.issuer or plan.number:
        header = document.add_table(rows=2, cols=2)
        _lines(header.cell(0, 0), plan.issuer)
        _lines(header.cell(0, 1), plan.motto)
        header.cell(1, 0).text = plan.number
        header.cell(1, 1).text = plan.date_line
    if plan.doc_type:
        for text in (plan.doc_type, plan.summary):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(text).bold = True
    for line in plan.body:
        document.add_paragraph(line)
    for _ in range(extra_tables):  # a table that is not a task table (a signature block)
        other = document.add_table(rows=1, cols=2)
        other.cell(0, 0).text, other.cell(0, 1).text = "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"
    for line in plan.appendix:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = not line.startswith("(")
    width = max(len(row) for row in plan.rows)
    table = document.add_table(rows=len(plan.rows), cols=width)
    for r, row in enumerate(plan.rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r1, c1, r2, c2 in merges:
        text = table.cell(r1, c1).text
        merged = table.cell(r1, c1).merge(table.cell(r2, c2))
        merged.text = text
    document.save(str(path))
    return path


def _lines(cell, lines: list[str]) -> None:
    cell.text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def write_xlsx(path: Path, plan: Plan, merges: list[str] = (), sheet: str = "Phụ lục",
               before: tuple[str, ...] = ("Trang bìa",)) -> Path:
    """An Excel workbook: the appendix heading in merged rows above the table, as such sheets are made.

    `merges` are ranges of the task table ("A5:E5"), counted from the table's first row; `before` names
    empty sheets that come first (a cover sheet).
    """
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = before[0] if before else sheet
    for name in before[1:]:
        workbook.create_sheet(name)
    ws = workbook.create_sheet(sheet) if before else workbook.active
    width = max(len(row) for row in plan.rows)
    for line in plan.appendix:
        ws.append([line])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
    offset = ws.max_row if plan.appendix else 0
    for row in plan.rows:
        ws.append([int(text) if text.isdigit() else text for text in row])
    for cells in merges:
        ws.merge_cells(_shift(cells, offset))
    workbook.save(str(path))
    return path


def _shift(cells: str, rows: int) -> str:
    """"A1:E1" of the table -> its range on the sheet, `rows` rows lower."""
    return re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + rows), cells)


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    """A CSV file as Excel saves it: UTF-8 (with a BOM for "utf-8-sig"), or Windows-1258 as old Excel did."""
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter).writerows(rows)
    data = _cp1258(text.getvalue()) if encoding == "cp1258" else text.getvalue().encode(encoding)
    path.write_bytes(data)
    return path


def _cp1258(text: str) -> bytes:
    """Windows-1258 has the letters with a hat, a breve or a horn, and the tones as combining marks."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            shapes = [m for m in marks if m in "\u0302\u0306\u031b"]  # circumflex, breve, horn: part of the letter
            shaped = unicodedata.normalize("NFC", base + "".join(shapes))
            out += shaped.encode("cp1258") + "".join(m for m in marks if m not in shapes).encode("cp1258")
    return out


def table_plan(rows: list[list[str]], **header: object) -> Plan:
    """A plan that is only a table (and, if given, header fields)."""
    return Plan(rows=rows, **header)  # type: ignore[arg-type]
