"""A report's appendix and summary table as an Excel workbook, in the form offices exchange (`--format xlsx`).

Sheet 1 is the appendix: one row per task (or per occurrence, `--appendix occurrences`), each programme a merged
row above its tasks; sheet 2 the summary table of section I.  Both are in Times New Roman with wrapped cells and
borders, their header row frozen and repeated on every printed page, printed on A4 turned, fitted to the page
width, with page numbers; a deadline is a real date.  Built from the report's view model with the same words as
the Markdown and Word reports (`ktcn.outputs.report_words`).  openpyxl is imported here only: only `--format xlsx`
pays for it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from ktcn.labels import day_text, label
from ktcn.outputs import report_words as words
from ktcn.outputs.docx_report.metrics import _text_mm
from ktcn.outputs.docx_report.reproducible import stable_zip
from ktcn.outputs.reports import as_of_agencies, names
from ktcn.outputs.templating import deadline_text, result_text, roman

if TYPE_CHECKING:
    from ktcn.outputs.reports import Item, Report, Section, TaskEntry

FONT = "Times New Roman"
SIZE = 12
PRINT_WIDTH_MM = 267.0  # A4 turned, 297 mm, less 15 mm margins each side
_MM_PER_PX = 25.4 / 96  # Excel lays a column of width w out as 7w + 5 pixels of the default font, at 96 dpi
_LINE_PT = 15.5  # one line of 12 pt Times New Roman, with a little air


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header and the least and the most room it may take, in mm."""

    key: str  # a label key
    least: float
    most: float


APPENDIX = (Column("report.tt", 10, 12), Column("report.appendix.task", 60, 110),
            Column("report.appendix.lead", 30, 50), Column("report.appendix.support", 30, 50),
            Column("report.appendix.deadline", 26, 34), Column("report.appendix.result", 40, 70))
OCCURRENCES = (Column("report.tt", 10, 12), Column("report.appendix.task", 60, 110),
               Column("report.appendix.period", 24, 34), Column("report.appendix.lead", 30, 50),
               Column("report.appendix.deadline", 26, 34), Column("report.appendix.result", 40, 70))
SUMMARY_KEYS = ("report.tt", "report.programme", "report.col.tasks", "done_on_time", "done_late", "in_progress",
                "overdue", "cancelled", "ongoing", "report.col.occurrences")


def report_xlsx(report: Report) -> bytes:
    """The workbook's bytes; the same report gives the same bytes (timestamps are the report's date)."""
    from openpyxl import Workbook

    workbook = Workbook()
    appendix = workbook.active
    appendix.title = label("report.xlsx.appendix", report.lang)
    _appendix_sheet(appendix, report)
    _summary_sheet(workbook.create_sheet(label("report.xlsx.summary", report.lang)), report)
    stamp = datetime.combine(report.date, time(0, 0))
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = workbook.properties.lastModifiedBy = "ktcn"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return stable_zip(buffer.getvalue(), stamp, core_modified=True)


# --- the appendix ---------------------------------------------------------------------------------------------


def _appendix_sheet(sheet: Any, report: Report) -> None:
    occurrences = report.appendix == "occurrences"
    columns = OCCURRENCES if occurrences else APPENDIX
    rows: list[list[Any]] = []
    groups: list[int] = []  # the rows (0-based, after the header) naming a programme
    for number, section in enumerate(report.sections, start=1):
        groups.append(len(rows))
        rows.append([roman(number), words.cite(section.programme, report.agencies, report.lang)])
        if occurrences:
            rows += [_occurrence_row(n, i, report) for n, i in enumerate(section.items + section.ongoing, start=1)]
        else:
            rows += [_task_row(n, e, report) for n, e in enumerate(section.tasks, start=1)]
    title = label("report.appendix.occurrences_title" if occurrences else "report.appendix.title", report.lang,
                  period=_period_words(report))
    _fill(sheet, columns, rows, groups, report.lang, title.upper())


def _task_row(number: int, entry: TaskEntry, report: Report) -> list[Any]:
    lang = report.lang
    deadlines = [i.occurrence.deadline for i in entry.items if i.occurrence.deadline]
    extended = any(i.occurrence.extended or i.occurrence.moved_from for i in entry.items)
    due: Any = deadlines[0] if len(deadlines) == 1 and not extended else words.task_deadlines(entry, lang)
    return [number, entry.task.title, _names(entry.lead, report), _names(entry.support, report), due,
            words.task_result(entry, report.period, lang)]


def _occurrence_row(number: int, item: Item, report: Report) -> list[Any]:
    lang, occurrence = report.lang, item.occurrence
    plain = occurrence.deadline and not occurrence.extended and not occurrence.moved_from  # a date cell Excel sorts
    due: Any = occurrence.deadline if plain else deadline_text(item, lang)
    return [number, item.task.title, words.occurrence_name(item, report.period, lang),
            _names(as_of_agencies(item.task.lead, report.agencies, report.as_of), report), due,
            result_text(item, lang)]


def _names(ids: Sequence[str], report: Report) -> str:
    return ", ".join(names(ids, report.agencies))


def _period_words(report: Report) -> str:
    period = report.period
    if period.kind == "year":
        return label("report.period.year", report.lang, year=period.year)
    if period.kind == "half":
        which = label(f"report.half.{period.half}", report.lang)
        return label("report.period.half", report.lang, which=which, year=period.year)
    return label("report.period.range", report.lang, start=day_text(period.start, report.lang),
                 end=day_text(period.end, report.lang))


# --- the summary table ----------------------------------------------------------------------------------------


def _summary_sheet(sheet: Any, report: Report) -> None:
    columns = tuple(Column(key, 12 if i != 1 else 45, 24 if i != 1 else 80) for i, key in enumerate(SUMMARY_KEYS))
    rows = [_summary_row(n, s, report) for n, s in enumerate(report.sections, start=1)]
    totals = report.task_totals
    rows.append(["", label("report.counts.all", report.lang), totals.total, totals.done_on_time, totals.done_late,
                 totals.in_progress, totals.overdue, totals.cancelled, totals.ongoing,
                 report.totals.total - report.totals.ongoing])
    title = label("report.overview", report.lang).upper()
    _fill(sheet, columns, rows, [], report.lang, title, bold_last=True)


def _summary_row(number: int, section: Section, report: Report) -> list[Any]:
    c = section.task_counts
    return [number, words.cite(section.programme, report.agencies, report.lang, "number"), c.total,
            c.done_on_time, c.done_late, c.in_progress, c.overdue, c.cancelled, c.ongoing,
            section.counts.total - section.counts.ongoing]


# --- a sheet in the form offices exchange ---------------------------------------------------------------------


def _fill(sheet: Any, columns: Sequence[Column], rows: Sequence[Sequence[Any]], groups: Sequence[int],
          lang: str, title: str, bold_last: bool = False) -> None:
    """Header, rows, merged group rows, widths and heights, frozen and repeated header, A4-landscape print."""
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    widths = _widths(columns, rows, groups, lang)
    for c, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=c)
        _text(cell, label(column.key, lang))
        cell.font = Font(name=FONT, size=SIZE, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[cell.column_letter].width = round((widths[c - 1] / _MM_PER_PX - 5) / 7, 1)
    sheet.row_dimensions[1].height = _height([label(col.key, lang) for col in columns], widths, bold=True)
    for r, values in enumerate(rows, start=2):
        grouped = r - 2 in groups
        bold = grouped or (bold_last and r == len(rows) + 1)
        for c in range(1, len(columns) + 1):
            cell = sheet.cell(row=r, column=c)
            value = values[c - 1] if c - 1 < len(values) else None
            if isinstance(value, str):
                _text(cell, value)
            elif value is not None:
                cell.value = value
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD"
            cell.font = Font(name=FONT, size=SIZE, bold=bold)
            align = "center" if c == 1 or isinstance(value, date | int) else "left"
            cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
            cell.border = border
        if grouped:
            sheet.merge_cells(start_row=r, start_column=2, end_row=r, end_column=len(columns))
            sheet.row_dimensions[r].height = _height([values[0], values[1]], [widths[0], sum(widths[1:])], True)
        else:
            sheet.row_dimensions[r].height = _height([_shown(v, lang) for v in values], widths, bold)
    _print_setup(sheet, title)


def _text(cell: Any, text: str) -> None:
    """Text as text: a title starting with '=' is not a formula (openpyxl would store it as one)."""
    cell.value = text
    cell.data_type = "s"


def _shown(value: Any, lang: str) -> str:
    return day_text(value, lang) if isinstance(value, date) else "" if value is None else str(value)


def _widths(columns: Sequence[Column], rows: Sequence[Sequence[Any]], groups: Sequence[int],
            lang: str) -> list[float]:
    """Column widths in mm: each as wide as its longest text needs within its bounds, then fitted to the page."""
    wanted = []
    for c, column in enumerate(columns):
        texts = [_shown(row[c], lang) for r, row in enumerate(rows) if c < len(row) and r not in groups]
        header = max(_text_mm(w, SIZE, True) for w in label(column.key, lang).split()) + 4
        longest = max((_text_mm(t, SIZE) + 4 for t in texts), default=0.0)
        wanted.append(max(column.least, header, min(column.most, longest)))
    scale = min(1.0, PRINT_WIDTH_MM / sum(wanted))
    return [w * scale for w in wanted]


def _height(values: Sequence[Any], widths: Sequence[float], bold: bool = False) -> float:
    """A row's height in points: as many lines as its fullest cell needs when wrapped at its column's width."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        text = "" if value is None else str(value)
        for paragraph in text.split("\n"):
            lines_here = _wrapped_lines(paragraph, width - 3, bold)
            lines = max(lines, lines_here + text.count("\n"))
    return round(lines * _LINE_PT + 4, 1)


def _wrapped_lines(text: str, usable: float, bold: bool) -> int:
    lines, filled = 1, 0.0
    space = _text_mm(" ", SIZE, bold)
    for word in text.split():
        width = _text_mm(word, SIZE, bold)
        if filled and filled + space + width > usable:
            lines, filled = lines + 1, width
        else:
            filled += (space if filled else 0) + width
    return lines


def _print_setup(sheet: Any, title: str) -> None:
    """A4 turned, fitted to the page width, header row repeated and frozen, title and page number on each page."""
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.oddHeader.center.text = title.replace("&", "&&")
    sheet.oddHeader.center.font = f"{FONT},Bold"
    sheet.oddFooter.center.text = "&P/&N"
    sheet.oddFooter.center.font = FONT
