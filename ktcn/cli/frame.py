"""The frame the command-line framework draws around help and usage errors, in the user's language.

Click (vendored by typer) writes its help frame ("Usage:", "Options", "[default:
…]") and its usage errors ("No such option", "Missing argument") in English.
They are translated where they are drawn, never by changing the library:

- help: a Context whose formatter writes the section headings, the usage
  prefix, the metavars and the `[default: …]` / `[required]` notes in Vietnamese;
- usage errors: the error's `show` is replaced by one that reads what the
  exception knows (its class, option, parameter, values) and says it again.

English output is left exactly as Click draws it.
"""

from __future__ import annotations

import re
from typing import Any

import typer

from ktcn.labels import OS_PROBLEMS, label, spoken

# Headings of the help's sections and the words Click puts in its help rows.
_SECTIONS = {"Options": "Tùy chọn", "Arguments": "Tham số", "Commands": "Lệnh"}
_HELP_OPTION = {"Show this message and exit.": "Hiện hướng dẫn này rồi thoát."}

# What an option or argument takes, as the help and the usage line name it.
METAVARS = {
    "[OPTIONS]": "[TÙY-CHỌN]", "COMMAND [ARGS]...": "LỆNH [THAM-SỐ]...", "[PATH]...": "[ĐƯỜNG-DẪN]...",
    "PROG/TASK": "CHƯƠNG-TRÌNH/NHIỆM-VỤ", "NAME|PATH": "TÊN|ĐƯỜNG-DẪN", "FILE.ics": "TỆP.ics", "FILE": "TỆP",
    "DIR": "THƯ-MỤC", "[DIR]": "[THƯ-MỤC]", "AGENCY": "MÃ-CƠ-QUAN", "LABEL": "KỲ", "DATE": "NGÀY",
    "YYYY-MM-DD": "NGÀY", "ID": "MÃ", "{ID}": "{MÃ}", "TEXT": "CHUỖI", "<int range>": "<số>", "<int>": "<số>",
    "<str>": "<chuỗi>", "INTEGER RANGE": "SỐ", "INTEGER": "SỐ",
}
_METAVAR = re.compile("|".join(re.escape(m) for m in sorted(METAVARS, key=len, reverse=True)))
_NOTES = re.compile(r"\[(default: (?P<default>[^\]]*)|required)\]")


def translate_metavars(text: str) -> str:
    """A usage line or a help row's names with its metavars in Vietnamese."""
    return _METAVAR.sub(lambda m: METAVARS[m.group()], text)


def _notes(text: str) -> str:
    """`[default: x]` and `[required]` in Vietnamese; Click joins them with '; ' inside one pair of brackets."""
    text = _HELP_OPTION.get(text, text)
    text = text.replace("; required]", "; bắt buộc]").replace("[required]", "[bắt buộc]")
    return re.sub(r"\[default: ", "[mặc định: ", text)


def _formatter_class(base: type) -> type:
    class VietnameseFormatter(base):  # type: ignore[misc, valid-type]
        """Writes the help frame in Vietnamese; the texts come already translated (`ktcn.help_vi`)."""

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, translate_metavars(args), label("cli.usage", "vi") + " ")

        def write_heading(self, heading: str) -> None:
            super().write_heading(_SECTIONS.get(heading, heading))

        def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
            super().write_dl([(translate_metavars(term), _notes(text)) for term, text in rows], *args, **kwargs)

    return VietnameseFormatter


class KtcnContext(typer.Context):
    """A context whose help and usage lines speak the language of the command line (`ktcn.language`)."""

    def make_formatter(self) -> Any:
        if language_of(self) != "vi":
            return super().make_formatter()
        return _vietnamese_formatter()(width=self.terminal_width, max_width=self.max_content_width)


_FORMATTER: list[type] = []


def _vietnamese_formatter() -> type:
    if not _FORMATTER:  # built once, on the framework's own formatter class
        _FORMATTER.append(_formatter_class(typer.Context.formatter_class))
    return _FORMATTER[0]


def language_of(ctx: Any) -> str:
    """The language the root command chose for this command line (English when it did not say)."""
    root = ctx.find_root() if ctx is not None else None
    return getattr(getattr(root, "command", None), "language", "en")


# --- usage errors ----------------------------------------------------------------------------


def speak_usage_error(error: Exception, lang: str) -> None:
    """Make a framework usage error show itself in `lang` (Vietnamese: the whole frame is translated)."""
    if lang != "vi" or _kind(error) in ("Exit", "Abort", "NoArgsIsHelpError", None):
        return
    error.show = lambda file=None: _show(error, lang)  # type: ignore[attr-defined]


def _kind(error: Exception) -> str | None:
    """The most specific framework exception class the error is (click's or typer's vendored copy)."""
    names = ("NoArgsIsHelpError", "NoSuchOption", "BadOptionUsage", "BadArgumentUsage", "MissingParameter",
             "BadParameter", "FileError", "UsageError", "ClickException", "Exit", "Abort")
    mro = [cls.__name__ for cls in type(error).__mro__]
    return next((name for name in mro if name in names), None)


def _show(error: Any, lang: str) -> None:
    ctx = getattr(error, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(label("cli.try_help", lang, command=f"{ctx.command_path} {ctx.help_option_names[0]}"))
        lines.append("")
    lines.append(label("cli.error", lang, message=error_message(error, lang)))
    typer.echo(fit_to_terminal("\n".join(lines)), err=True)


def fit_to_terminal(text: str) -> str:
    """`text` wrapped at spaces when stderr is a terminal, which would otherwise break its lines inside words."""
    import shutil
    import sys
    import textwrap

    if not sys.stderr.isatty():
        return text
    width = shutil.get_terminal_size().columns
    wrapper = textwrap.TextWrapper(width=max(width, 20), subsequent_indent="  ", break_long_words=False,
                                   break_on_hyphens=False)
    return "\n".join("\n".join(wrapper.wrap(line)) if len(line) > width else line for line in text.split("\n"))


def error_message(error: Any, lang: str) -> str:
    """What went wrong, in `lang`, from what the framework's exception knows."""
    kind = _kind(error)
    message = error.message if hasattr(error, "message") else str(error)
    if kind == "NoSuchOption":
        text = label("cli.no_such_option", lang, option=error.option_name)
        possible = getattr(error, "possibilities", None)
        return text + (label("cli.did_you_mean", lang, choices=", ".join(sorted(possible))) if possible else "")
    if kind == "BadOptionUsage":
        key = "cli.option_takes_no_value" if "does not take" in str(message) else "cli.option_needs_value"
        return label(key, lang, option=error.option_name)
    if kind == "MissingParameter":
        return label("cli.missing_argument" if _param_type(error) == "argument" else "cli.missing_option", lang,
                     name=_param_hint(error))
    if kind == "BadParameter":
        hint = _param_hint(error)
        value = value_problem(message, lang)
        return label("cli.invalid_value_for", lang, name=hint, problem=value) if hint else \
            label("cli.invalid_value", lang, problem=value)
    if kind == "FileError":
        return label("cli.cannot_open", lang, file=error.ui_filename, problem=message)
    return general_problem(message, lang)


def _param_type(error: Any) -> str:
    return error.param_type or (error.param.param_type_name if error.param is not None else "parameter")


def _param_hint(error: Any) -> str:
    """Which option or argument: '--as-of', or an argument's name as the usage line shows it."""
    hint = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint(error.ctx)
    if hint is None:
        return ""
    text = " / ".join(hint) if not isinstance(hint, str) else hint
    return translate_metavars(text)


# Click's own messages about a value, and what they say in Vietnamese (cli.* labels).  The patterns are compiled
# when a message is first matched (by re's own cache), not on every start: only a usage error needs them.
_VALUE_PROBLEMS = (
    ((r"^(?P<value>.*) is not a valid (?:integer|int)(?: range)?\.?$", re.S), "cli.not_a_number"),
    ((r"^(?P<value>.*) is not a valid float(?: range)?\.?$", re.S), "cli.not_a_decimal"),
    ((r"^(?P<value>.*) is not in the range (?P<range>.*?)\.?$", re.S), "cli.out_of_range"),
    ((r"^(?P<value>.*) is not one of (?P<choices>.*?)\.?$", re.S), "cli.not_a_choice"),
    ((r"^(?P<value>.*) is not a valid boolean.*$", re.S), "cli.not_a_boolean"),
)

_GENERAL_PROBLEMS = (
    ((r"^No such command (?P<name>'.*?')\.(?: Did you mean (?P<choices>.*)\?)?$", re.S),
     "cli.no_such_command"),
    ((r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$", re.S), "cli.extra_arguments"),
    ((r"^Missing command\.?$", 0), "cli.missing_command"),
)


def value_problem(message: Any, lang: str) -> str:
    """A bad value's problem in `lang`: ktcn's own (a Phrase) or one of Click's."""
    if not isinstance(message, str):
        return spoken(message, lang)
    for (pattern, flags), key in _VALUE_PROBLEMS:
        found = re.match(pattern, message, flags)
        if found:
            return label(key, lang, **found.groupdict(""))
    return message


def general_problem(message: Any, lang: str) -> str:
    """Any other usage problem in `lang`: ktcn's own (a Phrase) or one of Click's."""
    if not isinstance(message, str):
        return spoken(message, lang)
    for (pattern, flags), key in _GENERAL_PROBLEMS:
        found = re.match(pattern, message, flags)
        if found:
            values = found.groupdict("")
            choices = values.pop("choices", "")
            text = label(key, lang, **values)
            return text + (label("cli.did_you_mean", lang, choices=choices) if choices else "")
    return message


# --- ktcn's own errors -----------------------------------------------------------------------

# Messages raised in English by modules that build them as plain text (the report and update work), said
# again in Vietnamese where they are printed.  Each pattern is the module's own wording.
_FOREIGN = (
    ((r"^give either --year \(and --half\) or --from and --to, not both$", 0),
     "hoặc --year (kèm --half), hoặc --from và --to, không dùng cả hai"),
    ((r"^--from and --to go together$", 0), "--from và --to phải đi cùng nhau"),
    ((r"^--from (?P<start>\S+) is after --to (?P<end>\S+)$", 0), "--from {start} sau --to {end}"),
    ((r"^say which period: .*$", 0),
     "hãy cho biết kỳ báo cáo: --year NĂM, --year NĂM --half 1|2, hoặc --from NGÀY --to NGÀY"),
    ((r"^--half is 1 or 2$", 0), "--half là 1 hoặc 2"),
    ((r"^no report template '(?P<name>.*)'$", re.S), "không có mẫu báo cáo '{name}'"),
    ((r"^(?P<place>.*): template syntax error: (?P<problem>.*)$", re.S),
     "{place}: mẫu báo cáo sai cú pháp: {problem}"),
    ((r"^template '(?P<name>.*?)' uses something the report does not have: (?P<problem>.*)$", re.S),
     "mẫu báo cáo '{name}' dùng một trường báo cáo không có: {problem}"),
    ((r"^template '(?P<name>.*?)' failed: (?P<problem>.*)$", re.S),
     "mẫu báo cáo '{name}' bị lỗi: {problem}"),
    ((r"^(?P<place>.*): the template failed: (?P<problem>.*)$", re.S),
     "{place}: mẫu báo cáo bị lỗi: {problem}"),
    ((r"^'(?P<ref>.*)' is a programme: name a task as PROG/TASK$", re.S),
     "'{ref}' là một chương trình: hãy ghi nhiệm vụ dạng CHƯƠNG-TRÌNH/NHIỆM-VỤ"),
    ((r"^cannot lock (?P<path>.*): (?P<problem>.*)$", re.S), "không khóa được {path}: {problem}"),
    ((r"^cannot open the update lock (?P<path>.*): (?P<problem>.*)$", re.S),
     "không mở được tệp khóa cập nhật {path}: {problem}"),
    ((r"^cannot use the update lock (?P<path>.*): not a regular file$", re.S),
     "không dùng được tệp khóa cập nhật {path}: đó không phải một tệp thường"),
    ((r"^cannot create (?P<path>.*): (?P<problem>.*)$", re.S), "không tạo được {path}: {problem}"),
    ((r"^delete (?P<path>.*)$", re.S), "xóa {path}"),
)

def say(message: Any, lang: str) -> str:
    """A KtcnError's message or hint in `lang`: a Phrase is said; known English text is translated."""
    if not isinstance(message, str):
        return spoken(message, lang)
    if lang != "vi":
        return message
    for (pattern, flags), template in _FOREIGN:
        found = re.match(pattern, message, flags)
        if found:
            return template.format(**{k: OS_PROBLEMS.get(v, v) for k, v in found.groupdict("").items()})
    return message
