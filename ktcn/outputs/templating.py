"""Report templates: where they are found, the filters they may use, and rendering to Markdown.

Templates are data, not code: they run in Jinja's sandbox, with
`StrictUndefined` so that a misspelt field fails loudly instead of printing
nothing.  A name is looked up in `--template`'s folder, then the workspace's
`templates/`, then the built-in ones; only regular files inside those folders
are read, links resolved (`ktcn.outputs.template_loader`).
"""

from __future__ import annotations

import re
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from ktcn.errors import UsageError
from ktcn.labels import day_text, in_force_text, label
from ktcn.outputs.report_words import clause, sentence

SUFFIX = ".md.j2"
BUILT_IN = {"annual": "bao-cao-nam", "half-year": "so-ket-6-thang", "final": "tong-ket"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_BLOCK_START = re.compile(r"^([-+=~])")  # a list item, a setext underline or rule, a fence
_ORDERED = re.compile(r"^(\d+)([.)])")


def built_in_folder() -> Path:
    """The templates shipped with ktcn (the repository's templates/, installed as ktcn.templates)."""
    return Path(str(resources.files("ktcn.templates")))


def render_markdown(template: str, workspace_root: Path, context: dict[str, Any], lang: str) -> str:
    """Render `template` (a name or a file path) to Markdown with no trailing spaces and one final newline."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError

    environment, name = _environment(template, workspace_root, lang)
    try:
        text = environment.get_template(name).render(**context)
    except TemplateNotFound as error:
        raise UsageError(f"no report template '{template}'",
                         f"built-in: {', '.join(sorted(BUILT_IN.values()))}; or a file path") from error
    except TemplateSyntaxError as error:
        raise UsageError(f"{error.filename or name}:{error.lineno}: template syntax error: {error.message}") from error
    except UndefinedError as error:
        raise UsageError(f"template '{name}' uses something the report does not have: {error.message}",
                         "see docs/reports.md for the fields a template can use") from error
    except TemplateError as error:
        raise UsageError(f"template '{name}' failed: {error}") from error
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as error:
        # A template's own mistake ({{ 1/0 }}, an unknown label, a macro calling itself) is the user's to fix.
        raise UsageError(f"{_template_place(error, name)}: the template failed: {type(error).__name__}: {error}",
                         "fix the template, or remove it from templates/ to use the built-in one") from error
    return tidy_markdown(text)


def _template_place(error: BaseException, name: str) -> str:
    """`file:line` of the template line that failed (Jinja gives template frames the template's file and line)."""
    import traceback

    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name


def tidy_markdown(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, exactly one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip("\n") + "\n"


def _environment(template: str, workspace_root: Path, lang: str) -> tuple[Any, str]:
    from jinja2 import ChoiceLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from ktcn.outputs.template_loader import ContainedLoader

    folders = [workspace_root / "templates", built_in_folder()]
    name = BUILT_IN.get(template, template)
    as_path = Path(template)
    if template.endswith(".j2") and as_path.is_file():
        folders.insert(0, as_path.resolve().parent)
        name = as_path.name
    elif not name.endswith(".j2"):
        name += SUFFIX
    environment = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([ContainedLoader(str(f)) for f in folders if f.is_dir()]),
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(filters(lang))
    environment.globals["t"] = lambda key, **values: label(key, lang, **values)
    return environment, name


def filters(lang: str) -> dict[str, Any]:
    """The filters templates may use; docs/reports.md documents each."""
    return {
        "date_line": lambda day: date_line(day, lang),
        "dmy": lambda day: day_text(day, lang),
        "cell": cell,
        "md": md,
        "pct": pct,
        "upper": lambda text: str(text).upper(),
        "roman": roman,
        "clause": clause,
        "sentence": sentence,
    }


def report_context(report: Any) -> dict[str, Any]:
    """What a report template sees: `report` and the helpers that word its tasks and items (docs/reports.md).

    Agencies are named as they are on the report's as-of day: a ceased agency by its successor.
    """
    from ktcn.outputs import report_words as words
    from ktcn.outputs.reports import as_of_agencies, names

    lang, period = report.lang, report.period
    return {
        "report": report,
        "agency_names": lambda ids: names(as_of_agencies(ids, report.agencies, report.as_of), report.agencies),
        "deadline_text": lambda item: deadline_text(item, lang),
        "result_text": lambda item: result_text(item, lang),
        "task_words": lambda entry: words.task_words(entry, period, lang),
        "task_deadlines": lambda entry: words.task_deadlines(entry, lang),
        "task_result": lambda entry: words.task_result(entry, period, lang),
        "occurrence_name": lambda item: words.occurrence_name(item, period, lang),
        "cite": lambda programme, form="full": words.cite(programme, report.agencies, lang, form),
        "counts_text": lambda counts, unit="tasks", occurrences=None: words.counts_text(counts, lang, unit,
                                                                                        occurrences),
        "row_numbers": lambda section, entries: words.row_numbers(section, entries, report.appendix),
    }


def deadline_text(item: Any, lang: str) -> str:
    """'30/11/2025', with the original deadline when extended; the schedule in words for ongoing work."""
    occurrence = item.occurrence
    if occurrence.deadline is None:
        return label("ongoing", lang)
    text = in_force_text(occurrence.deadline, occurrence.moved_from, lang)
    if occurrence.extended and occurrence.original_deadline != occurrence.deadline:
        text += f" ({label('show.extended_from', lang, day=day_text(occurrence.original_deadline, lang))})"
    return text


def result_text(item: Any, lang: str) -> str:
    """'Hoàn thành quá hạn (10/08/2025); chuyển tiếp từ kỳ trước. <latest note>' and the like."""
    occurrence = item.occurrence
    parts = [label(occurrence.status, lang) + (f" ({day_text(occurrence.done_on, lang)})"
                                               if occurrence.done_on else "")]
    progress = [u.progress for u in occurrence.updates if u.progress is not None]
    if progress and occurrence.status in ("in_progress", "overdue"):
        parts.append(label("update.progress", lang, n=progress[-1]))
    if occurrence.extended:
        parts.append(label("extended", lang).lower())
    if item.carried_over:
        parts.append(label("report.carried", lang))
    text = "; ".join(parts) + "."
    notes = item.notes
    return f"{text} {sentence(notes[-1])}" if notes else text


def roman(number: int) -> str:
    """1 -> I, 4 -> IV, 14 -> XIV: the numbering of programme rows in an appendix."""
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
              (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def date_line(day: date, lang: str = "vi") -> str:
    """'ngày 05 tháng 02 năm 2026': days below 10 and months 1 and 2 take a leading zero (Decree 30)."""
    if lang != "vi":
        return f"{day.day} {day:%B} {day.year}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def _block_start_escaped(line: str) -> str:
    # A backslash escapes punctuation only: "1." is kept from being a list item by escaping its dot.
    return _ORDERED.sub(r"\1\\\2", _BLOCK_START.sub(r"\\\1", line))


def md(text: object) -> str:
    """Text made safe for a Markdown paragraph: characters Markdown would read as markup are escaped.

    Record text is text, never structure: its line breaks become hard line
    breaks inside the same paragraph or list item (blank lines and indentation
    dropped), and a line that Markdown would read as a heading underline, a
    list item or a rule starts escaped.
    """
    lines = [line.strip() for line in str(text).splitlines()]
    escaped = [_block_start_escaped(_MARKDOWN_SPECIAL.sub(r"\\\1", line)) for line in lines if line]
    return "\\\n".join(escaped)


def cell(text: object) -> str:
    """Text made safe for a pipe-table cell: escaped like `md`, and on one line."""
    return md(" ".join(str(text).split()))


def pct(part: int, base: int) -> str:
    """'40%' of a base; '—' when the base is zero (no percentage of nothing)."""
    return f"{round(100 * part / base)}%" if base else "—"
