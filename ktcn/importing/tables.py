"""A .docx, .xlsx or .csv file as tables of cell texts, with the lines of the document above them.

Merged cells read as what a person sees: a cell merged across columns or down
rows gives its text to every grid cell it covers (python-docx repeats a
vertically merged cell; openpyxl leaves all but the top-left empty, so they are
filled here).  A section row merged across the table therefore has the same
text in every column, and an agency cell merged over three tasks is the lead
of each of them.

python-docx and openpyxl are imported here, inside the readers, so that no
other command pays for them.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ktcn.errors import UsageError
from ktcn.labels import label
from ktcn.records.diagnostics import Text

SUFFIXES = (".docx", ".xlsx", ".xlsm", ".csv")
OLD_FORMATS = {".doc": ".docx", ".xls": ".xlsx", ".odt": ".docx", ".ods": ".xlsx"}
BOM = b"\xef\xbb\xbf"
# Characters a record may not hold (KTCN109): C0 but tab and newline, DEL, C1, and the Unicode line separators.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Line:
    """A line of the document outside the task table; `strong` when bold or centred (headings, the title)."""

    text: str
    strong: bool = False


@dataclass
class Table:
    """A table's rows of cell texts, each with its row number in the source (1-based)."""

    rows: list[list[str]]
    numbers: list[int]
    where: Text  # "table 2", "sheet 'Phụ lục'": how the summary names it
    before: list[Line] = field(default_factory=list)  # the document's lines above the table


def clean(text: str) -> str:
    """Cell text as a record may hold it: NFC, control characters become spaces, line ends are \\n."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    return _CONTROL.sub(" ", text).strip()


def read_tables(path: Path, lang: str, sheet: str | None = None) -> list[Table]:
    """Every table of a .docx, the sheets of an .xlsx (or the one named), or the one table of a .csv."""
    suffix = path.suffix.lower()
    if suffix in OLD_FORMATS:
        raise UsageError(label("import.old_format", lang, file=path, suffix=OLD_FORMATS[suffix]))
    if suffix not in SUFFIXES:
        raise UsageError(label("import.unknown_format", lang, file=path))
    if not path.is_file():
        raise UsageError(label("import.no_file", lang, file=path))
    if suffix == ".csv":
        return [_csv_table(path, lang)]
    return _docx_tables(path, lang) if suffix == ".docx" else _xlsx_tables(path, sheet, lang)


def _opened(open_file: Any, path: Path, lang: str) -> Any:
    """The document `open_file` opens; whatever its library raises on a damaged file is said plainly."""
    try:
        return open_file(str(path))
    except Exception as error:  # python-docx, openpyxl, zipfile and lxml each have their own; all mean "unreadable"
        problem = str(error).strip() or type(error).__name__
        raise UsageError(label("import.unreadable", lang, file=path, problem=problem)) from None


# --- Word ------------------------------------------------------------------------------------------

# The tags of WordprocessingML (OOXML part 1, 17): the namespace is fixed, so they are spelt out once.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T, _TAB, _BR, _CR = (_W + tag for tag in ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr"))
_GRID_SPAN, _GRID_BEFORE, _V_MERGE, _VAL = (f"{_W}tcPr/{_W}gridSpan", f"{_W}trPr/{_W}gridBefore",
                                            f"{_W}tcPr/{_W}vMerge", f"{_W}val")


def _docx_tables(path: Path, lang: str) -> list[Table]:
    """The tables of the document body in order; each knows the paragraphs and other tables' text above it."""
    import docx

    document = _opened(docx.Document, path, lang)
    lines: list[Line] = []
    tables: list[Table] = []
    for element in document.element.body.iterchildren():
        if element.tag == _P:
            line = _paragraph_line(element)
            if line.text:
                lines.append(line)
        elif element.tag == _TBL:
            rows = _grid(element)
            tables.append(Table(rows, list(range(1, len(rows) + 1)),
                                Text(f"table {len(tables) + 1}", f"bảng {len(tables) + 1}"), list(lines)))
            # a header table (issuer | motto, number | date) reads as lines, left column first, row by row
            lines.extend(Line(text) for row in rows for text in _distinct(row) for text in text.split("\n"))
    return tables


def _paragraph_line(p: Any) -> Line:
    """A paragraph as a line; bold or centred is what marks the type and the summary title."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(p, None)
    text = " ".join(clean(paragraph.text).split())
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(run.bold for run in runs)
    centred = paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    return Line(text, bold or centred)


def _distinct(row: list[str]) -> Iterator[str]:
    """A row's texts, each once (a merged cell repeats its text in every column it covers)."""
    seen: set[str] = set()
    for text in row:
        if text and text not in seen:
            seen.add(text)
            yield text


def _grid(table: Any) -> list[list[str]]:
    """The table as a grid of texts: spans repeated across, vertical merges repeated down."""
    rows: list[list[str]] = []
    for tr in table.iterchildren(_TR):
        row = [""] * _number(tr.find(_GRID_BEFORE), 0)
        for tc in tr.iterchildren(_TC):
            span = max(_number(tc.find(_GRID_SPAN), 1), 1)
            merge = tc.find(_V_MERGE)
            if merge is not None and merge.get(_VAL, "continue") != "restart" and rows:  # continues the cell above
                above = rows[-1]
                text = above[len(row)] if len(row) < len(above) else ""
            else:
                text = _cell_text(tc)
            row.extend([text] * span)
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


def _cell_text(tc: Any) -> str:
    """The cell's paragraphs, one a line; runs, hyperlinks and tracked insertions read straight from the XML.

    python-docx's Paragraph.text runs an XPath per paragraph: for a 500-row
    table that alone took a third of a second.
    """
    lines = []
    for p in tc.iterchildren(_P):
        parts = [node.text or "" if node.tag == _T else " " if node.tag == _TAB else "\n"
                 for node in p.iter(_T, _TAB, _BR, _CR)]
        lines.append("".join(parts))
    return clean("\n".join(lines))


def _number(element: Any, default: int) -> int:
    """The w:val of a property element as a whole number (gridSpan, gridBefore), else `default`."""
    value = element.get(_VAL, "") if element is not None else ""
    return int(value) if value.isdigit() else default


# --- Excel -----------------------------------------------------------------------------------------

def _xlsx_tables(path: Path, sheet: str | None, lang: str) -> list[Table]:
    """One table per sheet (or only the sheet named or numbered by `sheet`)."""
    import openpyxl

    # not read-only: merged ranges are wanted; data_only: a formula's value, not its text
    workbook = _opened(lambda name: openpyxl.load_workbook(name, data_only=True), path, lang)
    try:
        sheets = workbook.worksheets
        if sheet is not None:
            sheets = [_sheet(workbook, sheet, lang)]
        return [_sheet_table(ws) for ws in sheets]
    finally:
        workbook.close()


def _sheet(workbook: Any, name: str, lang: str) -> Any:
    if name in workbook.sheetnames:
        return workbook[name]
    if name.isdigit() and 1 <= int(name) <= len(workbook.worksheets):
        return workbook.worksheets[int(name) - 1]
    raise UsageError(label("import.no_sheet", lang, sheet=name, sheets=", ".join(workbook.sheetnames)))


def _sheet_table(ws: Any) -> Table:
    rows = [[_cell_value(v) for v in row] for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:  # the top-left holds the value; a person sees it in every cell
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(merged.max_row, len(rows))):
            for c in range(left, min(merged.max_col, len(rows[r]))):
                rows[r][c] = value
    width = max((max((i + 1 for i, v in enumerate(row) if v), default=0) for row in rows), default=0)
    numbers = list(range(1, len(rows) + 1))
    kept = [(n, row[:width] + [""] * (width - len(row))) for n, row in zip(numbers, rows, strict=True)]
    return Table([row for _, row in kept], [n for n, _ in kept], Text(f"sheet '{ws.title}'", f"trang '{ws.title}'"))


def _cell_value(value: Any) -> str:
    """A cell as the text a person reads: whole numbers without '.0', dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return f"{value.day}/{value.month}/{value.year}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


# --- CSV -------------------------------------------------------------------------------------------

def _csv_table(path: Path, lang: str) -> Table:
    data = path.read_bytes()
    text = _decode(data.removeprefix(BOM), path, lang)
    dialect = _dialect(text)
    rows: list[list[str]] = []
    numbers: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    line = 1
    for record in reader:
        rows.append([clean(cell) for cell in record])
        numbers.append(line)  # where the record starts: a quoted cell may span lines
        line = reader.line_num + 1
    width = max((len(row) for row in rows), default=0)
    return Table([row + [""] * (width - len(row)) for row in rows], numbers, Text("the CSV file", "tệp CSV"))


def _decode(data: bytes, path: Path, lang: str) -> str:
    """UTF-8, or a clear error: Vietnamese CSV from old Excel is often Windows-1258 (or TCVN3, VNI)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UsageError(label("import.not_utf8", lang, file=path, line=line),
                         label("import.not_utf8_hint", lang)) from None


def _dialect(text: str) -> type[csv.Dialect]:
    """Comma, semicolon (Excel where the decimal mark is a comma) or tab: the one that gives the most columns.

    csv.Sniffer is easily misled by the commas inside Vietnamese cells; the
    separator of a table is the one that splits most of its first rows alike.
    """
    sample = text[:20000]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        widths = [len(row) for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)][:60]
        widths = [w for w in widths if w > 1]
        if widths:
            common = max(set(widths), key=widths.count)
            score = (widths.count(common), common)
            if score > best_score:
                best, best_score = delimiter, score
    return type("Detected", (csv.excel,), {"delimiter": best})
