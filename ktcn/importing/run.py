"""The whole import: read the file, build the programme, check it with the workspace, write it.

Nothing is written over an existing file, and nothing at all with `dry_run`.
The new file (and agencies.yaml, with `add_agencies`) is checked in memory
with the whole workspace first, so the summary can say what `ktcn validate`
will point at: only the cells that could not be read, when all is well.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ktcn.errors import KtcnError, UsageError
from ktcn.importing.agencies import AgencyMatcher, Unknown
from ktcn.importing.build import Builder, Built, Remark, lines_above, task_tables
from ktcn.importing.columns import parse_columns
from ktcn.importing.header import TYPE_NAMES, Header, document_year, period_of, read_header, type_of_number
from ktcn.importing.registry import append_agencies
from ktcn.importing.tables import read_tables
from ktcn.importing.timing import EMPTY
from ktcn.importing.writer import Document, render
from ktcn.labels import label
from ktcn.records.convert import SLUG, slugify
from ktcn.records.dateish import DateIshError, parse_dateish
from ktcn.records.diagnostics import Diagnostic, Severity
from ktcn.records.loader import load
from ktcn.records.model import Workspace
from ktcn.records.workspace_files import AGENCIES_FILE_NAME, PROGRAMMES_DIR, display_path
from ktcn.views.diagnostic_output import text_line
from ktcn.writing.atomic import write_atomic


@dataclass
class ImportOptions:
    """What the command line asks for; None where the file is to say."""

    file: Path
    table: int | None = None
    sheet: str | None = None
    columns: str | None = None  # --columns as typed: "title=2,lead=C"
    output: Path | None = None
    dry_run: bool = False
    id: str | None = None
    number: str | None = None
    type: str | None = None
    title: str | None = None
    issued: date | None = None
    issuers: tuple[str, ...] = ()
    period: str | None = None  # --period as typed: "2024..2030"
    add_agencies: bool = False
    use_cache: bool = True


@dataclass
class ImportResult:
    """The programme text, where it goes, and the summary lines (in the workspace's language)."""

    text: str
    path: Path
    summary: list[str] = field(default_factory=list)
    added: list[Unknown] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the header lacked, and what stands in for it


def run_import(root: Path, options: ImportOptions, today: date, lang: str | None = None) -> tuple[ImportResult, str]:
    """Import `options.file` into the workspace at `root`: the result, and the language it speaks."""
    ws = load(root, today=today, use_cache=options.use_cache)
    lang = lang or ws.settings.language
    columns = parse_columns(options.columns, lang) if options.columns else None
    period = _period(options.period, lang) if options.period else None
    tables = read_tables(options.file, lang, options.sheet)
    chosen = task_tables(tables, columns, options.table)
    if not chosen:
        raise _no_task_table(options, len(tables), lang)
    header = read_header(lines_above(*chosen[0]))
    notes: list[str] = []
    programme = _header_fields(header, options, notes, lang)
    matcher = AgencyMatcher(ws.agencies, header.place or ws.settings.place)
    builder = Builder(matcher, document_year(programme["title"] if header.title or options.title else None))
    for table, layout in chosen:
        builder.add(table, layout)
    issuers = _issuers(header, options, matcher, ws, notes, lang)
    programme_id = _programme_id(options, programme, ws, lang)
    path = options.output or root / PROGRAMMES_DIR / f"{programme_id}.yaml"
    if os.path.lexists(path):
        raise KtcnError(label("import.exists", lang, path=path), label("import.exists_hint", lang))
    source = f"{options.file.name}, " + ", ".join(where.pick(lang) for where, _ in builder.built.read)
    document = Document(programme_id, programme["type"], programme["title"], issuers, programme["number"],
                        programme["issued"], header.place, period or period_of(programme["title"]),
                        builder.built.tasks, source, notes)
    text = render(document, lang)
    added = list(matcher.proposed.values()) if options.add_agencies else []
    agencies_file = root / AGENCIES_FILE_NAME
    original = agencies_file.read_bytes() if added and agencies_file.is_file() else b""
    new_agencies = _with_agencies(original, added, source, lang) if added else None
    proposed = {path: text.encode("utf-8"), **({agencies_file: new_agencies} if new_agencies else {})}
    found = _new_diagnostics(root, today, proposed, options.use_cache)
    result = ImportResult(text, path, added=added, diagnostics=found, notes=notes)
    if not options.dry_run:
        _write(path, text, agencies_file, original, new_agencies, lang)
    result.summary = _summary(builder.built, options, result, matcher, lang)
    return result, lang


def _period(text: str, lang: str) -> tuple[str, str]:
    """`--period 2024..2030` (or `2024-2030` for years) as two date-ish values."""
    start, _, end = text.partition("..")
    if not end and re.fullmatch(r"\d{4}-\d{4}", text.strip()):
        start, end = text.strip().split("-")
    try:
        first, last = parse_dateish(start), parse_dateish(end)
    except DateIshError:
        raise UsageError(label("import.bad_period", lang, text=text)) from None
    if first.start > last.end:
        raise UsageError(label("import.bad_period_order", lang, text=text))
    return first.text, last.text


def _no_task_table(options: ImportOptions, count: int, lang: str) -> UsageError:
    file = options.file
    if options.table is not None and not 1 <= options.table <= count:
        return UsageError(label("import.no_such_table", lang, file=file, table=options.table, count=count))
    if options.table is not None:
        return UsageError(label("import.table_not_tasks", lang, file=file, table=options.table),
                          label("import.no_table_hint", lang))
    return UsageError(label("import.no_table", lang, file=file), label("import.no_table_hint", lang))


def _header_fields(header: Header, options: ImportOptions, notes: list[str], lang: str) -> dict:
    """Number, type, title and date: the command line's, else the document's, else a stand-in that is said."""
    from ktcn.records.schema import TYPE_CODES

    number = options.number or header.number
    doc_type = options.type or header.type or (type_of_number(number) if number else None)
    if options.type and options.type not in TYPE_CODES:
        raise UsageError(label("import.bad_type", lang, type=options.type, codes=", ".join(TYPE_CODES)))
    if doc_type is None:
        doc_type = "KH"  # the tables ktcn imports are plans' appendices
        notes.append(label("import.header.missing_type", lang))
    title = options.title or header.title
    if not title:
        title = f"{TYPE_NAMES.get(doc_type, doc_type)} số {number}" if number else options.file.stem
        notes.append(label("import.header.missing_title", lang, title=title))
    issued = options.issued or header.issued
    if issued is None:
        notes.append(label("import.header.missing_issued", lang))
    return {"number": number, "type": doc_type, "title": " ".join(title.split()), "issued": issued}


def _issuers(header: Header, options: ImportOptions, matcher: AgencyMatcher, ws: Workspace, notes: list[str],
             lang: str) -> tuple[str, ...]:
    """--issuer (ids or names), else the header's issuer lines, else the workspace's owner."""
    if options.issuers:
        return tuple(_given_issuer(name, matcher, ws, lang) for name in options.issuers)
    lines = header.issuer
    for text in dict.fromkeys([" ".join(lines), *lines[-1:], " ".join(lines[1:])]):
        if text:
            found = matcher.match_cell(text, propose=False)
            if found.ids and not found.unknown:
                return found.ids
    if lines:  # printed, but not registered: proposed like any unknown agency
        found = matcher.match_cell(lines[-1])
        for unknown in found.unknown:
            notes.append(label("import.header.unknown_issuer", lang, name=unknown.name, proposal=unknown.proposal))
        return found.ids
    owner = ws.settings.owner
    notes.append(label("import.header.missing_issuer", lang, id=owner or "—"))
    return (owner,) if owner else ()


def _given_issuer(name: str, matcher: AgencyMatcher, ws: Workspace, lang: str) -> str:
    if ws.agency(name) is not None:
        return name
    found = matcher.lookup(name)
    if len(found) == 1:
        return found[0]
    raise UsageError(label("import.unknown_issuer", lang, name=name))


def _programme_id(options: ImportOptions, programme: dict, ws: Workspace, lang: str) -> str:
    """--id, else the records' manner: type, number and year ("kh-231-2024"), else the file's name."""
    if options.id:
        if not SLUG.match(options.id):
            raise UsageError(label("import.bad_id", lang, id=options.id, suggestion=slugify(options.id)))
        programme_id = options.id
    else:
        number, issued = programme["number"], programme["issued"]
        digits = re.match(r"\d+", number or "")
        if digits:
            programme_id = "-".join(filter(None, (slugify(programme["type"]), digits.group(),
                                                  str(issued.year) if issued else None)))
        else:
            programme_id = slugify(options.file.stem)
    taken = ws.programme(programme_id)
    if taken is not None:
        where = taken.span.path if taken.span else programme_id
        raise UsageError(label("import.id_taken", lang, id=programme_id, path=where),
                         label("import.id_taken_hint", lang))
    return programme_id


def _with_agencies(original: bytes, added: list[Unknown], source: str, lang: str) -> bytes:
    try:
        text = original.decode("utf-8") or "agencies:\n"  # no agencies.yaml yet: this starts it
    except UnicodeDecodeError:
        raise KtcnError(label("import.agencies_unreadable", lang)) from None
    return append_agencies(text, added, label("import.comment.proposed", lang, source=source)).encode("utf-8")


def _new_diagnostics(root: Path, today: date, proposed: dict[Path, bytes], use_cache: bool) -> list[Diagnostic]:
    """What `ktcn validate` will say about the new file (and the new agencies.yaml), checked before writing."""
    checked = load(root, today=today, proposed=proposed, use_cache=use_cache)
    ours = {os.path.abspath(display_path(path)) for path in proposed}
    return [d for d in checked.diagnostics if os.path.abspath(d.path) in ours]


def _write(path: Path, text: str, agencies_file: Path, original: bytes, new_agencies: bytes | None,
           lang: str) -> None:
    """agencies.yaml first (the programme refers to it), each file atomically; nothing over a file that appeared."""
    if new_agencies is not None:
        from ktcn.writing.locking import workspace_lock

        with workspace_lock(agencies_file.parent, warn=lambda text: sys.stderr.write(f"ktcn: warning: {text}\n")):
            if (agencies_file.read_bytes() if agencies_file.is_file() else b"") != original:
                raise KtcnError(label("import.agencies_changed", lang))
            write_atomic(agencies_file, new_agencies)
    if os.path.lexists(path):  # it appeared while we were working
        raise KtcnError(label("import.exists", lang, path=path), label("import.exists_hint", lang))
    with contextlib.suppress(FileExistsError):
        path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))


# --- the summary ------------------------------------------------------------------------------------------

def _summary(built: Built, options: ImportOptions, result: ImportResult, matcher: AgencyMatcher,
             lang: str) -> list[str]:
    tasks = len(built.tasks)
    tables = ", ".join(where.pick(lang) for where, _ in built.read)
    lines = [label("import.summary.read", lang, tables=tables, file=options.file.name, tasks=tasks)]
    for where, layout in built.read:
        columns = ", ".join(f"\"{layout.names[i]}\" → {label('import.role.' + role, lang)}"
                            for role, i in sorted(layout.columns.items(), key=lambda item: item[1])
                            if i < len(layout.names))
        lines.append(label("import.summary.columns", lang, where=where.pick(lang), columns=columns))
    lines.append(label("import.summary.schedules", lang, read=built.schedules_read, total=tasks))
    lines.append(label("import.summary.agencies", lang, matched=built.names_matched, total=built.names))
    if built.no_timing_column:
        lines.append(label("import.summary.no_timing_column", lang))
    lines += _unread(built.remarks, lang)
    lines += result.notes
    lines += _agency_lines(result, matcher, options, lang)
    lines += _check_lines(result.diagnostics, lang)
    key = "import.summary.dry_run" if options.dry_run else "import.summary.written"
    lines.append(label(key, lang, path=display_path(result.path)))
    return lines


def _unread(remarks: list[Remark], lang: str) -> list[str]:
    if not remarks:
        return [label("import.summary.all_read", lang)]
    lines = [label("import.summary.unread", lang, n=len(remarks))]
    for remark in remarks:
        cell = " ".join(remark.cell.split())
        lines.append("  " + label("import.summary.cell", lang, where=remark.where.pick(lang), row=remark.row,
                                  column=remark.column, cell=f"\"{cell}\"", problem=_problem(remark, lang)))
    return lines


def _problem(remark: Remark, lang: str) -> str:
    if remark.kind == "timing":
        return (remark.problem or EMPTY).pick(lang)
    if remark.kind in ("no-lead", "no-title"):
        return label(f"import.problem.{remark.kind}", lang)
    unknown = remark.unknown
    assert unknown is not None
    names = "; ".join(f"{a.id} ({a.name})" for a in unknown.closest)
    if unknown.ambiguous:
        return label("import.problem.ambiguous", lang, ids=names, proposal=unknown.proposal)
    text = label("import.problem.agency", lang, proposal=unknown.proposal)
    return text + ("; " + label("import.problem.closest", lang, names=names) if names else "")


def _agency_lines(result: ImportResult, matcher: AgencyMatcher, options: ImportOptions, lang: str) -> list[str]:
    if result.added:
        key = "import.summary.agencies_would_add" if options.dry_run else "import.summary.agencies_added"
        return [label(key, lang, n=len(result.added), ids=", ".join(u.proposal for u in result.added))]
    if matcher.proposed:
        return [label("import.summary.add_hint", lang, n=len(matcher.proposed))]
    return []


def _check_lines(found: list[Diagnostic], lang: str) -> list[str]:
    errors = sum(d.severity is Severity.ERROR for d in found)
    if not found:
        return [label("import.summary.valid", lang)]
    lines = [label("import.summary.check", lang, errors=errors, warnings=len(found) - errors)]
    return lines + ["  " + text_line(d, lang) for d in found]
