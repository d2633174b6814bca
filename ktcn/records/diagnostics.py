"""Problems found in records, as values.

Every problem has a stable code registered in `CODES`, with its severity and a
message and hint template in Vietnamese and English.  A `Diagnostic` stores the
code and the template arguments, so the same finding can be printed in either
language.  This registry is the one source of truth: the docs table of codes is
checked against it by a test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is: errors fail `ktcn validate`, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """One kind of finding: its code, severity and vi/en message and hint templates."""

    code: str
    severity: Severity
    message_vi: str
    message_en: str
    hint_vi: str
    hint_en: str


E, W = Severity.ERROR, Severity.WARNING

# fmt: off
_REGISTRY = (
    # --- reading the file ---------------------------------------------------
    Code("KTCN001", E, "lỗi cú pháp YAML: {problem}", "YAML syntax error: {problem}",
         "{advice}", "{advice}"),  # each common libyaml problem has its own words (ktcn.records.yaml_problems)
    Code("KTCN002", E, "khóa '{key}' bị lặp (lần đầu ở dòng {first_line})",
         "duplicate key '{key}' (first at line {first_line})",
         "mỗi khóa chỉ được xuất hiện một lần trong cùng một khối; gộp hoặc xóa bớt",
         "a key may appear once per mapping; merge the two or delete one"),
    Code("KTCN003", E, "ký tự tab trong thụt lề", "tab character in indentation",
         "YAML chỉ cho phép thụt lề bằng dấu cách; thay tab bằng 2 dấu cách",
         "YAML indents with spaces only; replace the tab with two spaces"),
    Code("KTCN004", E, "tệp không phải UTF-8: {problem}", "file is not UTF-8: {problem}",
         "lưu lại tệp với bảng mã UTF-8 (không dùng TCVN3, VNI, Windows-1258 hay UTF-16)",
         "save the file as UTF-8 (not TCVN3, VNI, Windows-1258 or UTF-16)"),
    Code("KTCN005", E, "thẻ YAML không được phép: {tag}", "YAML tag not allowed: {tag}",
         "hồ sơ chỉ dùng chuỗi, số, ngày, danh sách và khối; xóa thẻ '!' này",
         "records use plain strings, numbers, dates, lists and mappings; remove the '!' tag"),
    Code("KTCN006", E, "bí danh YAML mở rộng quá giới hạn: {problem}",
         "YAML alias expands past the limit: {problem}",
         "viết trực tiếp giá trị thay vì dùng neo (&) và bí danh (*) lồng nhau",
         "write the values out instead of nesting anchors (&) and aliases (*)"),
    Code("KTCN007", E, "còn dấu xung đột khi gộp các thay đổi của git: '{marker}'",
         "git merge-conflict marker left in the file: '{marker}'",
         "giữ phần đúng giữa '<<<<<<<', '=======' và '>>>>>>>', xóa các dòng dấu rồi kiểm tra lại",
         "keep the right side between '<<<<<<<', '=======' and '>>>>>>>', delete the marker lines, validate again"),
    Code("KTCN008", E, "tệp rỗng hoặc không phải một khối khóa: giá trị: {got}",
         "file is empty or not a mapping of key: value: {got}",
         "tệp hồ sơ phải bắt đầu bằng các khóa như 'id:', 'title:'",
         "a record file starts with keys such as 'id:', 'title:'"),
    Code("KTCN009", E, "không đọc được tệp: {problem}", "cannot read the file: {problem}",
         "kiểm tra quyền đọc, liên kết tượng trưng và đường dẫn",
         "check permissions, symbolic links and the path"),
    Code("KTCN010", E, "tệp quá lớn ({size} byte, tối đa {limit})",
         "file too large ({size} bytes, at most {limit})",
         "tách chương trình thành nhiều tệp hoặc kiểm tra xem tệp có bị hỏng không",
         "split the programme into several files, or check the file is not corrupt"),
    Code("KTCN011", E, "lồng nhau quá sâu (hơn {limit} cấp)", "nested too deeply (over {limit} levels)",
         "hồ sơ chỉ lồng vài cấp; kiểm tra các dấu ngoặc [ {{ và thụt lề",
         "records nest a few levels only; check the [ {{ brackets and the indentation"),
    Code("KTCN012", W, "tệp bị bỏ qua: {problem}", "file ignored: {problem}",
         "chỉ các tệp .yaml trong programmes/ được đọc; đổi tên tệp thành .yaml",
         "only .yaml files under programmes/ are read; rename the file to .yaml"),
    Code("KTCN013", E, "thiếu tệp bắt buộc {file}", "required file {file} is missing",
         "chạy 'ktcn init' để tạo khung thư mục hồ sơ", "run 'ktcn init' to create a workspace"),
    Code("KTCN014", E, "{char} nằm giữa dòng: YAML coi đó là xuống dòng",
         "{char} inside a line: YAML reads it as a line break",
         "xóa ký tự này hoặc thay bằng dấu cách; nó thường theo văn bản dán từ Word hay PDF. Xuống dòng thật là LF "
         "hoặc CRLF", "delete it or replace it with a space; it usually comes with text pasted from Word or a PDF. "
         "Line breaks are LF or CRLF"),
    # --- fields and values ----------------------------------------------------
    Code("KTCN101", E, "trường không hợp lệ '{field}' trong {record}", "unknown field '{field}' in {record}",
         "{suggestion}", "{suggestion}"),
    Code("KTCN102", E, "thiếu trường bắt buộc '{field}' trong {record}",
         "missing required field '{field}' in {record}",
         "thêm '{field}:' ({help})", "add '{field}:' ({help})"),
    Code("KTCN103", E, "'{field}' phải là {expected}, không phải {got}",
         "'{field}' must be {expected}, not {got}",
         "sửa giá trị theo mẫu trong tài liệu định dạng hồ sơ",
         "fix the value as the record format describes"),
    Code("KTCN104", E, "'{field}' được YAML đọc thành giá trị đúng/sai ({value})",
         "'{field}' reads as a YAML boolean ({value})",
         "YAML 1.1 hiểu yes/no/on/off/y/n là đúng/sai; đặt trong ngoặc kép: \"{value}\"",
         "YAML 1.1 reads yes/no/on/off/y/n as booleans; quote it: \"{value}\""),
    Code("KTCN105", E, "ngày không hợp lệ '{value}' ở '{field}': {problem}",
         "invalid date '{value}' in '{field}': {problem}",
         "ngày viết dạng {expected}", "write dates as {expected}"),
    Code("KTCN106", E, "mã '{value}' ở '{field}' không đúng dạng", "id '{value}' in '{field}' is not a slug",
         "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ '{suggestion}'",
         "ids use lowercase ASCII letters, digits and hyphens, e.g. '{suggestion}'"),
    Code("KTCN107", E, "giá trị '{value}' không hợp lệ ở '{field}'", "invalid value '{value}' in '{field}'",
         "giá trị cho phép: {choices}", "allowed values: {choices}"),
    Code("KTCN108", E, "'{field}' = {value} nằm ngoài khoảng {low}..{high}",
         "'{field}' = {value} is outside {low}..{high}",
         "nhập một số từ {low} đến {high}", "enter a number from {low} to {high}"),
    Code("KTCN109", E, "ký tự điều khiển {char} trong '{field}'", "control character {char} in '{field}'",
         "xóa ký tự này (thường do dán từ nơi khác); chỉ dùng được dấu tab và xuống dòng",
         "delete it (it usually comes with pasted text); only tabs and line breaks may appear in text"),
    # --- identity and references ----------------------------------------------
    Code("KTCN201", E, "mã '{id}' bị trùng (đã dùng ở {first})", "id '{id}' is not unique (already used at {first})",
         "đặt một mã khác cho một trong hai", "give one of the two another id"),
    Code("KTCN202", E, "không có cơ quan '{id}' trong agencies.yaml", "unknown agency '{id}' (not in agencies.yaml)",
         "{suggestion}", "{suggestion}"),
    Code("KTCN203", E, "không có chương trình '{id}' trong hồ sơ", "unknown programme '{id}'",
         "{suggestion}", "{suggestion}"),
    Code("KTCN204", E, "không có nhiệm vụ '{id}' trong chương trình này", "no task '{id}' in this programme",
         "{suggestion}", "{suggestion}"),
    # --- schedules -------------------------------------------------------------
    Code("KTCN301", E, "lịch thực hiện {problem}", "schedule {problem}",
         "dùng đúng một trong: due, ongoing, every, rrule; hoặc within kèm after hay after_task",
         "use exactly one of: due, ongoing, every, rrule; or within with after or after_task"),
    Code("KTCN302", E, "'{modifier}' không dùng được với lịch '{form}'",
         "'{modifier}' does not fit a '{form}' schedule",
         "{allowed}", "{allowed}"),
    Code("KTCN303", E, "chu kỳ '{value}' không hợp lệ", "invalid repeat '{value}'",
         "viết N kèm đơn vị y (năm), q (quý), m (tháng) hoặc w (tuần), ví dụ 1y, 6m",
         "write N and a unit y, q, m or w, e.g. 1y, 6m"),
    Code("KTCN304", E, "RRULE không hợp lệ: {problem}", "invalid RRULE: {problem}",
         "theo RFC 5545, ví dụ \"FREQ=MONTHLY;BYMONTHDAY=15\"",
         "follow RFC 5545, e.g. \"FREQ=MONTHLY;BYMONTHDAY=15\""),
    Code("KTCN305", E, "'{start_field}' ({start}) sau '{end_field}' ({end})",
         "'{start_field}' ({start}) is after '{end_field}' ({end})",
         "đổi lại hai mốc thời gian", "swap or correct the two bounds"),
    Code("KTCN306", E, "'{field}' = '{value}' không đúng dạng {expected}",
         "'{field}' = '{value}' is not of the form {expected}",
         "ví dụ {example}", "for example {example}"),
    Code("KTCN307", E, "kỳ '{value}' không phải một kỳ của nhiệm vụ này",
         "period '{value}' is not an occurrence of this task",
         "các kỳ của nhiệm vụ: {choices}", "the task's occurrences: {choices}"),
    Code("KTCN308", E, "lịch không có mốc bắt đầu", "schedule has no start",
         "thêm 'from:' vào lịch, hoặc 'period:'/'issued:' cho chương trình",
         "add 'from:' to the schedule, or 'period:'/'issued:' to the programme"),
    Code("KTCN309", E, "lịch không có kỳ nào trong thời gian {period}",
         "the schedule has no occurrence within {period}",
         "kiểm tra 'from:'/'until:' của lịch và 'period:' của chương trình",
         "check the schedule's 'from:'/'until:' and the programme's 'period:'"),
    # --- the working-day calendar (ktcn.yaml's holidays: and working_days:) -----
    Code("KTCN310", E, "ngày {day} trong '{list}' đã có ở {first}",
         "day {day} in '{list}' is already listed at {first}",
         "mỗi ngày chỉ ghi một lần, hoặc là ngày nghỉ (holidays) hoặc là ngày làm bù (working_days); xóa một dòng",
         "list each day once, either as a day off (holidays) or as a day worked (working_days); delete one"),
    Code("KTCN311", E, "nhiệm vụ '{id}' chờ chính nó: {ring}", "task '{id}' waits on itself: {ring}",
         "một nhiệm vụ trong vòng phải tính hạn từ một ngày cố định (after: NGÀY hoặc issued)",
         "one task of the ring must count from a fixed day (after: DATE or issued)"),
    Code("KTCN312", E, "đếm ngày làm việc ({value}) nhưng kho hồ sơ không có lịch ngày nghỉ lễ",
         "a count of working days ({value}) in a workspace with no holidays",
         "bỏ 'public_holidays: none' trong ktcn.yaml, hoặc liệt kê ngày nghỉ ở 'holidays:'",
         "remove 'public_holidays: none' from ktcn.yaml, or list the days off under 'holidays:'"),
    # --- warnings --------------------------------------------------------------
    Code("KTCN501", W, "hạn {deadline} ({label}) nằm ngoài thời gian của chương trình ({period})",
         "deadline {deadline} ({label}) is outside the programme period ({period})",
         "kiểm tra lại lịch hoặc 'period:' của chương trình",
         "check the schedule or the programme's 'period:'"),
    Code("KTCN502", W, "cập nhật ngày {date} đứng sau cập nhật ngày {previous}",
         "update of {date} comes after the update of {previous}",
         "nhật ký tiến độ ghi theo thứ tự thời gian, cũ trước mới sau",
         "the progress log runs oldest first"),
    Code("KTCN503", W, "cập nhật ngày {date} trước ngày ban hành {issued}",
         "update dated {date} is before the issue date {issued}",
         "kiểm tra lại ngày của cập nhật", "check the update's date"),
    Code("KTCN504", W, "cập nhật ngày {date} ở tương lai (hôm nay {today})",
         "update dated {date} is in the future (today is {today})",
         "ghi nhận tiến độ vào ngày đã xảy ra", "record progress on the day it happened"),
    Code("KTCN505", W, "trạng thái 'done' nhưng tiến độ {progress}%", "status 'done' with progress {progress}%",
         "đặt progress: 100 hoặc dùng status: in-progress",
         "set progress: 100, or use status: in-progress"),
    Code("KTCN506", W, "cơ quan '{id}' đã thôi hoạt động từ sau {until}{successor}",
         "agency '{id}' ceased after {until}{successor}",
         "giao cho cơ quan kế nhiệm", "assign it to the successor"),
    Code("KTCN507", W, "văn bản không ở dạng Unicode NFC (dấu tổ hợp)",
         "text is not in Unicode NFC (combining marks)",
         "bộ gõ đã nhập dấu tổ hợp; chọn bảng mã Unicode dựng sẵn và gõ lại, hoặc chuẩn hóa NFC",
         "the input method typed combining marks; switch it to precomposed Unicode, or normalise to NFC"),
    Code("KTCN508", W, "số ký hiệu '{number}' mang loại '{found}' khác với type '{type}'",
         "number '{number}' carries type code '{found}' but type is '{type}'",
         "sửa 'type:' hoặc 'number:' cho khớp", "make 'type:' and 'number:' agree"),
    Code("KTCN509", W, "ngày {day} ({weekday}) trong '{list}' vốn đã là {already}",
         "day {day} ({weekday}) in '{list}' is {already} anyway",
         "kiểm tra lại ngày theo thông báo nghỉ lễ (ktcn holidays --year NĂM liệt kê các ngày đang áp dụng)",
         "check the day against the announcement (ktcn holidays --year YYYY lists the days in force)"),
)
# fmt: on

CODES: dict[str, Code] = {c.code: c for c in _REGISTRY}


@dataclass(frozen=True, slots=True)
class Text:
    """A phrase in both languages, for diagnostic arguments that are words, not data."""

    en: str
    vi: str

    def __str__(self) -> str:
        return self.en

    def pick(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en

    def __reduce__(self) -> tuple[type, tuple]:
        return Text, (self.en, self.vi)  # for the per-file cache: see ktcn.records.model


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding at a place in a file.

    `line` and `column` are 1-based.  A check that only knows the key path of
    the value it objects to leaves them 0; the loader resolves them from the
    file before returning (`keypath` then says where in the record it is).
    """

    code: str
    path: str
    line: int
    column: int
    args: tuple[tuple[str, str | Text], ...] = ()
    keypath: tuple[str | int, ...] = ()

    def __reduce__(self) -> tuple[type, tuple]:
        return Diagnostic, (self.code, self.path, self.line, self.column, self.args, self.keypath)

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def message(self, lang: str = "en") -> str:
        """The message text in `lang` ("vi" or "en")."""
        spec = CODES[self.code]
        return _fill(spec.message_vi if lang == "vi" else spec.message_en, self.args, lang)

    def hint(self, lang: str = "en") -> str:
        """The one-line advice in `lang`."""
        spec = CODES[self.code]
        return _fill(spec.hint_vi if lang == "vi" else spec.hint_en, self.args, lang)

    def located(self, line: int, column: int) -> Diagnostic:
        return replace(self, line=line, column=column)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def diag(code: str, path: str, line: int = 0, column: int = 0,
         keypath: tuple[str | int, ...] = (), **args: object) -> Diagnostic:
    """Build a diagnostic; unknown codes fail loudly at the call site."""
    if code not in CODES:
        raise KeyError(f"unregistered diagnostic code {code}")
    values = tuple((k, v if isinstance(v, Text) else _day(v) or visible(str(v))) for k, v in args.items())
    return Diagnostic(code, path, line, column, values, keypath)


def _day(value: object) -> Text | None:
    """A day (a date, or a date-ish value naming one day) as people write it: ISO in English, dd/mm/yyyy in
    Vietnamese; None for anything else."""
    day = value.start if getattr(value, "precision", None) == "day" else value  # type: ignore[attr-defined]
    if not isinstance(day, date):
        return None
    return Text(day.isoformat(), f"{day.day:02d}/{day.month:02d}/{day.year}")


# Control characters (C0 but tab, DEL, C1) and the characters that break lines without being '\n':
# quoted back raw, "\x1b[2J" would clear a secretary's terminal and forge the lines after it.
_INVISIBLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """`text` with its control characters written as escapes (\\x1b, \\n, \\u2028), safe to print anywhere."""
    if text.isascii() and text.isprintable():
        return text
    return _INVISIBLE.sub(_escape, text)


def has_control_characters(text: str, allow_newline: bool = True) -> str | None:
    """The first control character of `text` as an escape (tab, and newline when allowed, are fine), or None."""
    for match in _INVISIBLE.finditer(text):
        if not (allow_newline and match.group() == "\n"):
            return _escape(match)
    return None


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r"}.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100
                                                     else f"\\u{ord(char):04x}")


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, args: tuple[tuple[str, str | Text], ...], lang: str) -> str:
    words = {k: v.pick(lang) if isinstance(v, Text) else v for k, v in args}
    return template.format_map(_Args(words)).strip()


def keypath_text(keypath: tuple[str | int, ...]) -> str:
    """Render ('tasks', 3, 'lead', 0) as 'tasks[3].lead[0]'."""
    out = ""
    for part in keypath:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
