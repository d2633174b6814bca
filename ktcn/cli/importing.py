"""Bringing documents in: `import` reads a plan's task table into a new programme file.

Registered on the app, in help order, by `ktcn.cli`.  The work is in
`ktcn.importing`; python-docx and openpyxl load only when a file of theirs is read.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ktcn.cli.options import LangOption, NoCacheOption, RecordsOption, choose_lang, parse_day


def import_file(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The plan's task table: .docx, .xlsx or .csv.")],
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="PATH",
                                               help="Where to write the programme (default: programmes/ID.yaml).")]
    = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the programme file; write nothing.")] = False,
    table: Annotated[int | None, typer.Option("--table", metavar="N", min=1,
                                              help="Only the N-th table of a Word file (default: every task table).")]
    = None,
    sheet: Annotated[str | None, typer.Option("--sheet", metavar="NAME",
                                              help="The sheet of an Excel file, by name or number (default: the"
                                                   " first with a task table).")] = None,
    columns: Annotated[str | None, typer.Option("--columns", metavar="ROLE=COL,...",
                                                help="Say which column is which instead of reading the header:"
                                                     " number, title, lead, support, schedule, product, note;"
                                                     " COL is 1, 2, ... or A, B, ...")] = None,
    programme_id: Annotated[str | None, typer.Option("--id", metavar="ID",
                                                     help="The programme's id (default: type-number-year, e.g."
                                                          " kh-231-2024).")] = None,
    number: Annotated[str | None, typer.Option("--number", metavar="TEXT", help="Số, ký hiệu, e.g. 231/KH-UBND.")]
    = None,
    doc_type: Annotated[str | None, typer.Option("--type", metavar="CODE", help="Type code: KH, CTr, CV, QĐ, ...")]
    = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="The document's title.")] = None,
    issued: Annotated[str | None, typer.Option("--issued", metavar="YYYY-MM-DD", help="The date of issue.")] = None,
    issuer: Annotated[list[str] | None, typer.Option("--issuer", metavar="AGENCY",
                                                     help="Issuing agency, id or name (repeatable).")] = None,
    period: Annotated[str | None, typer.Option("--period", metavar="FROM..TO",
                                               help="The programme's period, e.g. 2024..2030.")] = None,
    add_agencies: Annotated[bool, typer.Option("--add-agencies",
                                               help="Append the agencies not yet registered to agencies.yaml.")]
    = False,
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Read a plan's task table (Word, Excel or CSV) into a new programme file.

    Columns are found by their names, timing phrases become schedules and
    agency names registry ids; a cell that cannot be read is pointed out, never
    guessed. Nothing is ever overwritten.

    Example:  ktcn import phu-luc-231.docx --dry-run
    """
    from pathlib import Path

    from ktcn.importing.run import ImportOptions, run_import
    from ktcn.records.workspace_files import find_root

    if lang is not None:
        choose_lang(lang, "en")
    options = ImportOptions(
        Path(file), table, sheet, columns, Path(output) if output else None, dry_run, programme_id, number, doc_type,
        title, parse_day(issued, "--issued") if issued else None, tuple(issuer or ()), period, add_agencies,
        use_cache=not no_cache)
    result, _ = run_import(find_root(records), options, parse_day(None), lang)
    if dry_run:
        sys.stdout.write(result.text)
    for line in result.summary:
        typer.echo(line, err=True)
