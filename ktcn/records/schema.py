"""The record format of records.md as field specs, and the builders of model objects.

This table is the single source of truth for what a record may hold: the
loader reads with it, and the docs and the JSON Schema are generated from it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import yaml

from ktcn.records.convert import (
    BOOLEAN,
    DATE,
    DATEISH,
    INVALID,
    LABEL,
    SLUG_ID,
    SLUG_LIST,
    TEXT,
    TEXT_LIST,
    Field,
    KeyPath,
    Reader,
    Record,
    ValueType,
    bounded,
    enum,
    list_of,
    pattern,
    read_record,
    record_of,
    scalar_text,
)
from ktcn.records.dateish import DateIshError, month_end, parse_dateish
from ktcn.records.diagnostics import Text
from ktcn.records.model import Agency, DayNote, Programme, Schedule, Settings, Signer, Task, Update
from ktcn.records.yamlsource import pairs

# Decree 30/2020/NĐ-CP, Appendix III, plus CV for official letters (công văn carry no code).
TYPE_CODES = (
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "CV", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
)
STATES = ("draft", "active", "closed", "superseded")
KINDS = ("work", "event", "report")
STATUSES = ("in-progress", "done", "cancelled")
LANGUAGES = ("vi", "en")
CUTOFFS = ("calendar", "decree-09")
DEADLINE_RULES = ("as-written", "civil-code")  # ktcn.engine.working_days reads them
PUBLIC_HOLIDAYS = ("vn", "none")
FORMS = ("due", "ongoing", "every", "rrule")
UNITS = {"y": "year", "q": "quarter", "m": "month", "w": "week"}


MAX_EVERY = {"y": 100, "q": 400, "m": 1200, "w": 5200}  # a century: longer is a typing slip, not a duty
MAX_OFFSET_DAYS = 3660  # ten years either way
MAX_WITHIN = {"d": 3660, "wd": 2600, "w": 520, "m": 120, "y": 10}  # ten years: longer is a typing slip


def _every(match: Any) -> tuple[int, str]:
    count, unit = int(match[1]), match[2].lower()
    if not 1 <= count <= MAX_EVERY[unit]:
        raise ValueError("out of range")
    return count, unit


def _month_day(match: Any) -> tuple[int, int]:
    month, day = int(match[1]), int(match[2])
    if not 1 <= month <= 12 or not 1 <= day <= month_end(2000, month).day:  # 2000: leap, 02-29 allowed
        raise ValueError("no such day")
    return month, day


def _offset(match: Any) -> int:
    days = int(match[1])
    if abs(days) > MAX_OFFSET_DAYS:
        raise ValueError("out of range")
    return days


EVERY = ValueType("every", Text("N plus a unit y, q, m or w (1y, 6m)", "N kèm đơn vị y, q, m, w"),
                  pattern(r"^(\d+)\s*([yqmwYQMW])$", "N + y|q|m|w", "1y, 2y, 6m, 1q", _every, "KTCN303"),
                  {"type": "string", "pattern": r"^\d+\s*[yqmwYQMW]$"})
MONTH_DAY = ValueType("month-day", Text("a day of the year MM-DD", "ngày trong năm MM-DD"),
                      pattern(r"^(\d{2})-(\d{2})$", "MM-DD", "11-30, 12-31", _month_day),
                      {"type": "string", "pattern": r"^\d{2}-\d{2}$"})
OFFSET = ValueType("offset", Text("a shift in days ±Nd", "số ngày dịch ±Nd"),
                   pattern(r"^([+-]?\d+)\s*d$", "±Nd", "-5d, +10d", _offset),
                   {"type": "string", "pattern": r"^[+-]?\d+\s*d$"})
def _within(match: Any) -> tuple[int, str]:
    count, unit = int(match[1]), match[2].lower()
    if count > MAX_WITHIN[unit]:
        raise ValueError("out of range")
    return count, unit


def _after(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
    """`after: issued`, or a date."""
    if isinstance(node, yaml.ScalarNode) and node.value == "issued":
        return "issued"
    return DATE.convert(r, node, kp, name)


WITHIN = ValueType("within", Text("N plus a unit d, wd, w, m or y (15wd, 30d, 3m)", "N kèm đơn vị d, wd, w, m, y"),
                   pattern(r"^(\d+)\s*(wd|WD|[dwmyDWMY])$", "N + d|wd|w|m|y", "15wd, 30d, 2w, 3m, 1y", _within),
                   {"type": "string", "pattern": r"^\d+\s*(wd|WD|[dwmyDWMY])$"})
AFTER = ValueType("after", Text("'issued' or a date YYYY-MM-DD", "'issued' hoặc một ngày YYYY-MM-DD"), _after,
                  {"anyOf": [{"const": "issued"}, DATE.json_schema]})
RRULE = ValueType("rrule", Text("an RFC 5545 RRULE", "một RRULE theo RFC 5545"), scalar_text,
                  {"type": "string"})
PERCENT = bounded(0, 100)
WARN_DAYS = bounded(0, 3660, whole=True)


# --- small records -------------------------------------------------------------

SIGNER = Record("signer", Text("signer", "người ký"), (
    Field("name", TEXT, True, "the signer's full name"),
    Field("position", TEXT, True, "e.g. Phó Chủ tịch"),
    Field("authority", TEXT_LIST, help="lines above the position, e.g. [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]"),
    Field("agency", SLUG_ID, help="agency id"),
))


def _build_signer(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> Signer:
    return Signer(**values, span=r.span(node, kp))


SIGNER_TYPE = record_of(SIGNER, _build_signer)

DAY_NOTE = Record("day_note", Text("day", "ngày"), (
    Field("date", DATE, True, "the day, YYYY-MM-DD", attr="day"),
    Field("name", TEXT, help="what the day is, e.g. Nghỉ bù Tết (Thông báo số .../TB-BNV)"),
))


def _build_day_note(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> DayNote:
    return DayNote(**values, span=r.span(node, kp))


def _convert_day_note(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
    """A day as a bare date (`- 2026-02-23`) or as a mapping with its name (`- {date: 2026-02-23, name: ...}`)."""
    if isinstance(node, yaml.ScalarNode):
        day = DATE.convert(r, node, kp, name)
        return INVALID if day is INVALID else DayNote(day, span=r.span(node, kp))
    values = read_record(r, node, kp, DAY_NOTE, name)
    return INVALID if values is None else _build_day_note(r, values, node, kp)


DAY_NOTE_TYPE = ValueType("day_note", Text("a date YYYY-MM-DD or {date, name}",
                                          "một ngày YYYY-MM-DD hoặc {date, name}"), _convert_day_note,
                          {"anyOf": [DATE.json_schema, {"$ref": "#/$defs/day_note"}]})
DAY_NOTES = list_of(DAY_NOTE_TYPE)

SETTINGS = Record("settings", Text("ktcn.yaml", "ktcn.yaml"), (
    Field("name", TEXT, True, "who keeps these records"),
    Field("owner", SLUG_ID, help="agency id of the keeper, shown in report headers"),
    Field("place", TEXT, help="place name for the date line of reports"),
    Field("language", enum(LANGUAGES), help="vi | en"),
    Field("warn_days", WARN_DAYS, help="'due soon' horizon in days"),
    Field("cutoff", enum(CUTOFFS), help="calendar | decree-09"),
    Field("signer", SIGNER_TYPE, help="default signature block of reports"),
    Field("recipients", TEXT_LIST, help="addition to records.md: the 'Nơi nhận' lines of reports"),
    Field("parent", TEXT, help="addition to records.md: the directly superior body (cơ quan chủ quản) above the "
                               "keeper's name in report headers; default: the owner agency's parent"),
    Field("archive", TEXT, help="addition to records.md: the 'Lưu:' line of reports (default: VT and the "
                                "keeper's code)"),
    Field("deadline_rule", enum(DEADLINE_RULES), help="addition to records.md: as-written (default: a deadline is "
                                                      "the day written) | civil-code (Bộ luật Dân sự 2015 Điều "
                                                      "148.5: a deadline on a day off moves to the next working day)"),
    Field("public_holidays", enum(PUBLIC_HOLIDAYS), help="addition to records.md: vn (default: Vietnam's public "
                                                         "holidays from the holidays package) | none"),
    Field("holidays", DAY_NOTES, help="addition to records.md: the workspace's own days off (announced swaps, "
                                      "local holidays), each a date or {date, name}"),
    Field("working_days", DAY_NOTES, help="addition to records.md: weekend days worked in exchange (ngày làm bù), "
                                          "each a date or {date, name}"),
), "Workspace settings (ktcn.yaml).")


def build_settings(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> Settings:
    return Settings(**values, span=r.span(node, kp))


AGENCY = Record("agency", Text("agency", "cơ quan"), (
    Field("id", SLUG_ID, True, "slug, e.g. skhcn-cantho"),
    Field("name", TEXT, True, "full name"),
    Field("short", TEXT, help="short name used in tables"),
    Field("aliases", TEXT_LIST, help="other names, used in hints"),
    Field("until", DATE, help="the last day the agency existed"),
    Field("succeeded_by", SLUG_ID, help="agency id that took over its tasks"),
    Field("group", BOOLEAN, help="a collective assignee such as 'Sở, ban, ngành'"),
    Field("parent", SLUG_ID, help="addition to records.md: agency id of its directly superior body (cơ quan chủ "
                                  "quản), shown above its name in report headers"),
))


def _build_agency(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> Agency:
    return Agency(**values, span=r.span(node, kp))


AGENCIES_FILE = Record("agencies", Text("agencies.yaml", "agencies.yaml"), (
    Field("agencies", list_of(record_of(AGENCY, _build_agency)), True, "the list of agencies"),
), "The agency registry (agencies.yaml).")


# --- schedules ------------------------------------------------------------------------

SCHEDULE = Record("schedule", Text("schedule", "lịch thực hiện"), (
    Field("due", DATEISH, help="one deadline"),
    Field("ongoing", BOOLEAN, help="true: continuous work, no deadline"),
    Field("every", EVERY, help="a deadline in every window of N units"),
    Field("rrule", RRULE, help="RFC 5545 recurrence rule"),
    Field("from", DATEISH, attr="start", help="first window starts here"),
    Field("until", DATEISH, help="no window after this"),
    Field("day", MONTH_DAY, help="for every: Ny, the deadline's day MM-DD"),
    Field("offset", OFFSET, attr="offset_days", help="for every: shift each deadline by ±N days"),
    Field("within", WITHIN, help="addition to records.md: a deadline N days (d), working days (wd), weeks, months "
                                 "or years after `after`/`after_task`, or, with every, after each window's end"),
    Field("after", AFTER, help="addition to records.md: with within, the day counted from: a date or 'issued'"),
    Field("after_task", TEXT, help="addition to records.md: with within, count from the day this task (its id in "
                                   "the programme) was done"),
))

_MODIFIERS_ALLOWED = {
    "due": (),
    "ongoing": ("from", "until"),
    "every": ("from", "until", "day", "offset", "within"),
    "rrule": ("from", "until"),
    "within": ("after", "after_task"),
}
MODIFIERS = ("from", "until", "day", "offset", "within", "after", "after_task")


def _convert_schedule(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _schedule_shorthand(r, node, kp, name)
    values = read_record(r, node, kp, SCHEDULE, name)
    return INVALID if values is None else _build_schedule(r, values, node, kp)


def _schedule_shorthand(r: Reader, node: yaml.ScalarNode, kp: KeyPath, name: str) -> Any:
    text = scalar_text(r, node, kp, name)
    if text is INVALID:
        return INVALID
    if text.strip() == "ongoing":
        return Schedule("ongoing", span=r.span(node, kp))
    try:
        return Schedule("due", due=parse_dateish(text), span=r.span(node, kp))
    except DateIshError as error:
        if error.suggestion:  # a date typed the Vietnamese way, 30/11/2025
            r.report("KTCN105", node, kp, field=name, value=text, expected="YYYY-MM-DD",
                     problem=Text(f"did you mean {error.suggestion}?", f"có phải ý bạn là {error.suggestion}?"))
            return INVALID
        r.report("KTCN301", node, kp, problem=Text(
            f"'{text}' is neither 'ongoing' nor a date-ish value",
            f"'{text}' không phải 'ongoing' hay một mốc thời gian"))
        return INVALID


def _build_schedule(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> Any:
    present = [k.value for k, _ in pairs(node) if isinstance(k, yaml.ScalarNode)]
    forms = [f for f in FORMS if f in present] or (["within"] if "within" in present else [])
    if len(forms) != 1:
        problem = (Text("has none of its forms", "chưa có dạng nào") if not forms else
                   Text(f"has {len(forms)} forms: {', '.join(forms)}", f"có {len(forms)} dạng: {', '.join(forms)}"))
        r.report("KTCN301", node, kp, problem=problem)
        return INVALID
    form = forms[0]
    if values.get("ongoing") is False:
        r.report("KTCN107", node, (*kp, "ongoing"), field="ongoing", value="false", choices="true")
        return INVALID
    if form not in values:
        return INVALID  # the form's own value was reported
    ok = _modifiers_fit(r, node, kp, form, present, values) and _counted_from(r, node, kp, form, values)
    if form == "rrule":
        ok = _rrule_valid(r, node, kp, values["rrule"]) and ok
    if not ok:
        return INVALID
    every = values.pop("every", (0, ""))
    values.pop("ongoing", None)
    return Schedule(form, every_count=every[0], every_unit=every[1], **values, span=r.span(node, kp))


def _modifiers_fit(r: Reader, node: yaml.Node, kp: KeyPath, form: str, present: list[str],
                   values: dict[str, Any]) -> bool:
    allowed = _MODIFIERS_ALLOWED[form]
    ok = True
    for modifier in MODIFIERS:
        if modifier == form:
            continue
        fits = modifier in allowed and not (modifier == "day" and values.get("every", (0, "y"))[1] != "y")
        if modifier in ("day", "offset") and "within" in present:
            fits = False  # a count from the window's end leaves no written day to move
        if modifier in present and not fits:
            r.report("KTCN302", _key_node(node, modifier), (*kp, modifier), modifier=modifier, form=form,
                     allowed=_allowed_text(form))
            ok = False
    start, until = values.get("start"), values.get("until")
    if start and until and start.start > until.end:
        r.report("KTCN305", node, (*kp, "from"), start_field="from", start=start, end_field="until", end=until)
        ok = False
    return ok


def _counted_from(r: Reader, node: yaml.Node, kp: KeyPath, form: str, values: dict[str, Any]) -> bool:
    """A `within` schedule counts from exactly one of `after` and `after_task`."""
    if form != "within" or ("after" in values) != ("after_task" in values):
        return True
    r.report("KTCN301", node, kp, problem=Text(
        "with 'within' needs exactly one of 'after' (a date or issued) and 'after_task'",
        "có 'within' cần đúng một trong 'after' (một ngày hoặc issued) và 'after_task'"))
    return False


def _allowed_text(form: str) -> Text:
    if not _MODIFIERS_ALLOWED[form]:
        return Text(f"'{form}' takes no modifiers: remove it", f"'{form}' không nhận bổ ngữ nào: xóa đi")
    allowed = ", ".join(_MODIFIERS_ALLOWED[form])
    return Text(f"'{form}' takes: {allowed} ('day' only with every: Ny)",
                f"'{form}' nhận: {allowed} ('day' chỉ dùng với every: Ny)")


def _key_node(node: yaml.Node, name: str) -> yaml.Node:
    return _entry(node, name)[0]


def _value_node(node: yaml.Node, name: str) -> yaml.Node:
    return _entry(node, name)[1]


def _entry(node: yaml.Node, name: str) -> tuple[yaml.Node, yaml.Node]:
    """The key and value nodes of `name` in a mapping; the mapping itself when absent."""
    return next(((k, v) for k, v in pairs(node) if isinstance(k, yaml.ScalarNode) and k.value == name), (node, node))


def _rrule_valid(r: Reader, node: yaml.Node, kp: KeyPath, text: str) -> bool:
    from ktcn.engine.schedule import rrule_problem

    problem = rrule_problem(text)
    if problem is not None:
        r.report("KTCN304", _value_node(node, "rrule"), (*kp, "rrule"), problem=problem)
        return False
    return True


SCHEDULE_TYPE = ValueType(
    "schedule", Text("a schedule", "lịch thực hiện"), _convert_schedule,
    {"oneOf": [{"type": ["string", "integer"], "pattern": r"^(ongoing|\d{4}(-(\d{2}(-\d{2})?|[QqHh]\d))?)$",
                "minimum": 1900},
               {"$ref": "#/$defs/schedule"}]},
)


# --- updates, tasks, programmes --------------------------------------------------------

UPDATE = Record("update", Text("update", "cập nhật"), (
    Field("date", DATE, True, "the day of the update, YYYY-MM-DD"),
    Field("status", enum(STATUSES), help="in-progress | done | cancelled"),
    Field("progress", PERCENT, help="percent 0..100"),
    Field("note", TEXT, help="what was done"),
    Field("evidence", TEXT_LIST, help="documents that prove it"),
    Field("by", SLUG_ID, help="agency id"),
    Field("period", LABEL, help="the occurrence label this update is for"),
    Field("extend_to", DATEISH, help="gia hạn: the new deadline"),
))


def _build_update(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> Update:
    return Update(**values, span=r.span(node, kp))


LEAD_LIST = ValueType(SLUG_LIST.name, SLUG_LIST.expected, SLUG_LIST.convert,
                      {"anyOf": [{"type": "array", "items": SLUG_ID.json_schema, "minItems": 1}, SLUG_ID.json_schema]})

TASK = Record("task", Text("task", "nhiệm vụ"), (
    Field("id", SLUG_ID, True, "unique within the programme, e.g. \"9\""),
    Field("kind", enum(KINDS), help="work | event | report"),
    Field("title", TEXT, True, "what is to be done"),
    Field("lead", LEAD_LIST, True, "cơ quan chủ trì: at least one agency id"),
    Field("support", SLUG_LIST, help="cơ quan phối hợp"),
    Field("to", SLUG_LIST, help="for reports: the recipients"),
    Field("schedule", SCHEDULE_TYPE, True, "due, ongoing, every or rrule"),
    Field("schedule_text", TEXT, help="the source document's wording"),
    Field("updates", list_of(record_of(UPDATE, _build_update)), help="the progress log, oldest first"),
))


def _build_task(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> Any:
    if not values["lead"]:
        r.report("KTCN102", _value_node(node, "lead"), (*kp, "lead"), field="lead", record=TASK.label,
                 help=Text("at least one agency id", "ít nhất một mã cơ quan"))
        return INVALID
    return Task(**values, span=r.span(node, kp))


PERIOD = Record("period", Text("period", "thời gian"), (
    Field("from", DATEISH, True, "first year or day", attr="start"),
    Field("to", DATEISH, help="last year or day; absent when open-ended", attr="end"),
))


def _build_period(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> Any:
    start, end = values["start"], values.get("end")
    if end and start.start > end.end:
        r.report("KTCN305", node, kp, start_field="from", start=start, end_field="to", end=end)
        return INVALID
    return start, end


PROGRAMME = Record("programme", Text("programme", "chương trình"), (
    Field("id", SLUG_ID, True, "slug, unique in the workspace"),
    Field("number", TEXT, help="số, ký hiệu, e.g. 231/KH-UBND"),
    Field("type", enum(TYPE_CODES), True, "Decree 30/2020 type code: CTr, KH, CV, ..."),
    Field("title", TEXT, True, "the document's title"),
    Field("issued", DATE, help="ngày ban hành; optional for drafts"),
    Field("place", TEXT),
    Field("issuers", SLUG_LIST, True, "agency ids"),
    Field("signers", list_of(SIGNER_TYPE)),
    Field("period", record_of(PERIOD, _build_period), help="{from: 2024, to: 2030}"),
    Field("state", enum(STATES), help="draft | active | closed | superseded"),
    Field("basis", TEXT_LIST, help="căn cứ"),
    Field("implements", SLUG_LIST, help="ids of programmes this one implements"),
    Field("objectives", TEXT_LIST, help="mục đích, yêu cầu"),
    Field("tasks", list_of(record_of(TASK, _build_task)), help="the tasks"),
), "One programme, plan or letter (programmes/**/*.yaml).")


def build_programme(r: Reader, values: dict[str, Any], node: yaml.Node, kp: KeyPath) -> Programme:
    period = values.pop("period", None) or (None, None)
    values.setdefault("tasks", ())
    state = values.get("state", "active")
    if state != "draft" and "issued" not in values and _entry(node, "issued")[0] is node:
        r.report("KTCN102", node, kp, field="issued", record=PROGRAMME.label,
                 help=Text("required once issued; only drafts may leave it out",
                           "bắt buộc khi đã ban hành; chỉ dự thảo được bỏ trống"))
    values["tasks"] = tuple(replace(t, programme=values["id"]) for t in values["tasks"])
    return Programme(**values, period_from=period[0], period_to=period[1], span=r.span(node, kp))


RECORDS: tuple[Record, ...] = (PROGRAMME, TASK, SCHEDULE, UPDATE, PERIOD, SIGNER, AGENCY, AGENCIES_FILE, SETTINGS,
                               DAY_NOTE)
