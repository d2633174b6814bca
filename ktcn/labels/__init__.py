"""Every label a person reads in the terminal views and reports, in Vietnamese and English.

One table, two columns: a label cannot exist in one language only (a test
walks the table).  Status labels follow how Vietnamese task-tracking reports
name the categories.
"""

from __future__ import annotations

from ktcn.labels.commands import COMMAND_LABELS
from ktcn.labels.importing import IMPORT_LABELS
from ktcn.labels.reports import REPORT_LABELS
from ktcn.labels.review import REVIEW_LABELS

_VIEWS_AND_EDITS: dict[str, tuple[str, str]] = {
    # status categories (records.md) -- long form, then the short column headers
    "done_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "done_late": ("Hoàn thành quá hạn", "Done late"),
    "in_progress": ("Đang thực hiện trong hạn", "In progress"),
    "overdue": ("Quá hạn chưa hoàn thành", "Overdue"),
    "ongoing": ("Thực hiện thường xuyên", "Ongoing"),
    "cancelled": ("Dừng thực hiện", "Cancelled"),
    "upcoming": ("Chưa đến kỳ", "Not yet due"),
    "extended": ("Đã gia hạn", "Extended"),
    "col.done_on_time": ("HT đúng\nhạn", "Done on\ntime"),
    "col.done_late": ("HT quá\nhạn", "Done\nlate"),
    "col.in_progress": ("Đang\ntrong hạn", "In\nprogress"),
    "col.overdue": ("Quá hạn\nchưa HT", "Overdue"),
    "col.ongoing": ("Thường\nxuyên", "Ongoing"),
    "col.cancelled": ("Dừng", "Stopped"),
    "col.extended": ("Đã gia\nhạn", "Extended"),
    "col.total": ("Tổng\nsố", "Total"),
    # abbreviated headers for a narrow terminal, explained by the legend under the table
    "col.short.total": ("Tổng", "All"),
    "col.short.done_on_time": ("HT-ĐH", "OT"),
    "col.short.done_late": ("HT-QH", "DL"),
    "col.short.in_progress": ("ĐTH", "IP"),
    "col.short.overdue": ("QH", "OD"),
    "col.short.ongoing": ("TX", "ON"),
    "col.short.cancelled": ("Dừng", "Stop"),
    "col.short.extended": ("GH", "Ext"),
    "col.short.on_time_rate": ("Đúng\nhạn", "On\ntime"),
    "status.short_legend": ("HT-ĐH: hoàn thành đúng hạn; HT-QH: hoàn thành quá hạn; ĐTH: đang thực hiện trong hạn;"
                            " QH: quá hạn chưa hoàn thành; TX: thực hiện thường xuyên; GH: đã gia hạn.",
                            "OT: done on time; DL: done late; IP: in progress; OD: overdue; ON: ongoing;"
                            " Stop: cancelled; Ext: extended."),
    "scorecard.short_legend": ("HT-ĐH: hoàn thành đúng hạn; HT-QH: hoàn thành quá hạn; ĐTH: đang thực hiện trong"
                               " hạn; QH: quá hạn chưa hoàn thành; TX: thực hiện thường xuyên; GH: đã gia hạn;"
                               " Đúng hạn: tỷ lệ đúng hạn.",
                               "OT: done on time; DL: done late; IP: in progress; OD: overdue; ON: ongoing;"
                               " Stop: cancelled; Ext: extended; On time: on-time rate."),
    "scorecard.title": ("Kết quả theo cơ quan chủ trì đến ngày {day}", "Lead agencies' results on {day}"),
    "scorecard.sum": ("Cộng các dòng", "Sum of the rows"),
    "scorecard.shared": ("Nhiệm vụ do nhiều cơ quan cùng chủ trì được tính cho mỗi cơ quan, nên cộng các dòng"
                         " ({summed}) lớn hơn tổng số kỳ ở bảng tình hình chung ({distinct}).",
                         "A task with several lead agencies counts for each of them, so the rows add up to"
                         " {summed}, more than the {distinct} occurrences of the dashboard."),
    "col.progress": ("Tiến độ", "Progress"),
    "col.programme": ("Văn bản", "Programme"),
    "col.agency": ("Cơ quan chủ trì", "Lead agency"),
    "col.on_time_rate": ("Tỷ lệ\nđúng hạn", "On-time\nrate"),
    "col.task": ("Nhiệm vụ", "Task"),
    "col.title": ("Nội dung", "Title"),
    "col.occurrence": ("Kỳ", "Period"),
    "col.deadline": ("Thời hạn", "Deadline"),
    "col.days_late": ("Trễ\n(ngày)", "Days\nlate"),
    "col.days_left": ("Còn\n(ngày)", "Days\nleft"),
    "col.lead": ("Chủ trì", "Lead"),
    "col.status": ("Tình trạng", "Status"),
    "col.last_note": ("Ghi chú gần nhất", "Last note"),
    "col.date": ("Ngày", "Date"),
    "col.note": ("Nội dung cập nhật", "Update"),
    # headings and sentences
    "status.title": ("Tình hình thực hiện nhiệm vụ đến ngày {day}", "Where the tasks stand on {day}"),
    "status.totals": ("Tổng cộng", "All programmes"),
    "status.overdue": ("Quá hạn chưa hoàn thành ({n})", "Overdue ({n})"),
    "status.due_soon": ("Sắp đến hạn trong {days} ngày ({n})", "Due within {days} days ({n})"),
    "status.more": ("... và {n} việc khác: xem `ktcn {command}`", "... and {n} more: see `ktcn {command}`"),
    "status.none_overdue": ("Không có việc quá hạn.", "Nothing is overdue."),
    "status.hidden": ("{n} văn bản không còn ở trạng thái đang thực hiện nên không được tính ({ids}); thêm --all để"
                      " xem.",
                      "{n} documents not active are left out ({ids}); add --all to see them."),
    "status.legend": ("HT: hoàn thành. Đếm theo kỳ thực hiện; việc thường xuyên tính một lần trong năm {year}. "
                      "Tiến độ: số kỳ đã hoàn thành trên tổng số kỳ có thời hạn.",
                      "Counts are of occurrences; ongoing work counts once, for {year}. "
                      "Progress: occurrences done out of all occurrences with a deadline."),
    "status.agency_legend": ("Tỷ lệ đúng hạn: số kỳ hoàn thành đúng hạn trên tổng số kỳ đã đến hạn (đã hoàn thành"
                             " hoặc đã quá hạn), ghi trong ngoặc.",
                             "On-time rate: occurrences done on time out of all occurrences due (done, or past their"
                             " deadline), in brackets."),
    "overdue.title": ("Việc quá hạn chưa hoàn thành đến ngày {day}: {n}", "Overdue on {day}: {n}"),
    "upcoming.title": ("Việc đến hạn từ {day} đến {until}: {n}", "Due from {day} to {until}: {n}"),
    "show.schedule": ("Thời hạn", "Schedule"),
    "show.source": ("Theo văn bản", "Source wording"),
    "show.lead": ("Cơ quan chủ trì", "Lead"),
    "show.support": ("Cơ quan phối hợp", "Support"),
    "show.to": ("Nơi nhận báo cáo", "Report to"),
    "show.kind": ("Loại", "Kind"),
    "show.occurrences": ("Các kỳ thực hiện", "Occurrences"),
    "show.updates": ("Nhật ký tiến độ", "Progress log"),
    "show.no_updates": ("Chưa có cập nhật.", "No updates yet."),
    "show.extended_from": ("gia hạn từ {day}", "extended from {day}"),
    "show.due_soon": ("sắp đến hạn", "due soon"),
    "show.number": ("Số, ký hiệu", "Number"),
    "show.issued": ("Ngày ban hành", "Issued"),
    "show.period": ("Thời gian", "Period"),
    "show.state": ("Trạng thái", "State"),
    "show.tasks": ("Nhiệm vụ", "Tasks"),
    "show.issuers": ("Cơ quan ban hành", "Issued by"),
    "state.draft": ("dự thảo", "draft"),
    "state.active": ("đang thực hiện", "active"),
    "state.closed": ("đã kết thúc", "closed"),
    "state.superseded": ("đã được thay thế", "superseded"),
    "kind.work": ("công việc", "work"),
    "kind.event": ("sự kiện", "event"),
    "kind.report": ("báo cáo", "report"),
    "update.in-progress": ("đang thực hiện", "in progress"),
    "update.done": ("hoàn thành", "done"),
    "update.cancelled": ("dừng thực hiện", "cancelled"),
    "update.progress": ("tiến độ {n}%", "progress {n}%"),
    "update.extend_to": ("gia hạn đến {day}", "extended to {day}"),
    "update.evidence": ("minh chứng", "evidence"),
    "update.by": ("bởi", "by"),
    "update.period": ("kỳ", "for"),
    "update.written": ("Đã ghi cập nhật vào {path}:{line}", "Update written to {path}:{line}"),
    "update.refused": ("Không ghi: cập nhật này làm hồ sơ có lỗi; tệp giữ nguyên.",
                       "Refused: this update would put an error in the records; the file is unchanged."),
    "update.changed": ("{path} đã bị thay đổi trong lúc cập nhật; tệp giữ nguyên, hãy chạy lại.",
                       "{path} changed on disk while updating; it is left as it was: run the command again."),
    "update.locked": ("Một lệnh 'ktcn update' khác đã giữ khóa {lock} hơn {seconds} giây; chưa ghi gì, hãy chạy lại"
                      " sau.",
                      "Another 'ktcn update' has held the lock {lock} for over {seconds} s; nothing was written: run"
                      " the command again later."),
    "update.left_out": ("Không thấy chương trình '{id}' trong các tệp đọc được; các tệp sau có lỗi nên bị bỏ qua, hãy"
                        " sửa rồi chạy lại:",
                        "No programme '{id}' in the files that could be read; these files have errors and were left"
                        " out: fix them, then run the command again:"),
    # ktcn update refusing to splice (ktcn.writing.edit)
    "edit.unparsable": ("không đọc được tệp; chạy 'ktcn validate' và sửa trước",
                        "the file cannot be parsed; run 'ktcn validate' and fix it first"),
    "edit.no_task": ("không thấy nhiệm vụ '{task}' trong tệp", "task '{task}' not found in the file"),
    "edit.not_a_list": ("nhiệm vụ {task}: 'updates' không phải một danh sách; hãy sửa bằng tay trước",
                        "task {task}: 'updates' is not a list; fix it by hand first"),
    "edit.shared": ("nhiệm vụ {task}: {part} được dùng chung qua neo (&) và bí danh (*) của YAML (dòng {line}), nên"
                    " cập nhật mới sẽ rơi vào cả chỗ kia; tệp giữ nguyên. Hãy viết riêng {part} cho nhiệm vụ này rồi"
                    " chạy lại.",
                    "task {task}: {part} is shared through a YAML anchor (&) and alias (*) (line {line}), so a new"
                    " entry would land in the other place too; the file is unchanged. Write {part} out for this task,"
                    " then run the command again."),
    "edit.merged": ("nhiệm vụ {task}: {part} lấy từ khóa gộp '<<' (dòng {line}) nên thuộc về một khối khác; tệp giữ"
                    " nguyên. Hãy viết riêng {part} cho nhiệm vụ này rồi chạy lại.",
                    "task {task}: {part} comes from a '<<' merge key (line {line}) and belongs to another mapping;"
                    " the file is unchanged. Write {part} out for this task, then run the command again."),
    "edit.part.task": ("nhiệm vụ", "the task"),
    "edit.part.tasks": ("danh sách 'tasks'", "the 'tasks' list"),
    "edit.part.updates": ("danh sách 'updates'", "its 'updates' list"),
    "init.done": ("Đã tạo kho hồ sơ trong {folder}. Tiếp theo: cd {folder} && ktcn validate && ktcn status",
                  "Workspace created in {folder}. Next: cd {folder} && ktcn validate && ktcn status"),
    "init.cannot_create": ("không tạo được thư mục {folder}: {problem}",
                           "cannot create the folder {folder}: {problem}"),
    "init.file_in_the_way": ("đã có một tệp (không phải thư mục) mang tên này", "a file (not a folder) has that name"),
    "init.exists": ("không ghi đè tệp đã có: {files}", "not overwriting existing files: {files}"),
    "init.exists_hint": ("chọn một thư mục trống: ktcn init THƯ-MỤC", "choose an empty folder: ktcn init DIR"),
}

# One table still: each part lives beside the others it reads like; the order is the old single table's.
LABELS: dict[str, tuple[str, str]] = {**_VIEWS_AND_EDITS, **IMPORT_LABELS, **REVIEW_LABELS, **REPORT_LABELS,
                                      **COMMAND_LABELS}


def label(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang` ("vi" or "en"), with `{name}` fields filled in."""
    vi, en = LABELS[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text


WEEKDAYS = (("T2", "Mon"), ("T3", "Tue"), ("T4", "Wed"), ("T5", "Thu"), ("T6", "Fri"), ("T7", "Sat"), ("CN", "Sun"))
WEEKDAY_NAMES = (("Thứ Hai", "Monday"), ("Thứ Ba", "Tuesday"), ("Thứ Tư", "Wednesday"), ("Thứ Năm", "Thursday"),
                 ("Thứ Sáu", "Friday"), ("Thứ Bảy", "Saturday"), ("Chủ nhật", "Sunday"))


def weekday_text(day: object, lang: str, long: bool = False) -> str:
    """A day's weekday as a calendar prints it: T2..CN (Thứ Hai..Chủ nhật), Mon..Sun."""
    from datetime import date

    if not isinstance(day, date):
        return ""
    vi, en = (WEEKDAY_NAMES if long else WEEKDAYS)[day.weekday()]
    return vi if lang == "vi" else en


def in_force_text(deadline: object, moved_from: object, lang: str) -> str:
    """The deadline in force, after the written one when a day off moved it: "30/11/2025 (CN) → 01/12/2025"."""
    if moved_from is None or moved_from == deadline:
        return day_text(deadline, lang)
    return label("deadline.moved", lang, written=day_text(moved_from, lang), weekday=weekday_text(moved_from, lang),
                 in_force=day_text(deadline, lang))


def day_text(day: object, lang: str) -> str:
    """A date as people write it: 30/11/2025 in Vietnamese, 2025-11-30 in English."""
    from datetime import date

    if not isinstance(day, date):
        return "—"
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else day.isoformat()


class Phrase:
    """A message to be said later in the language of whoever reads it: a label key and its values.

    Errors are raised before the language is known (a bad `--as-of` is read
    before the records); the one error path says them in the chosen language.
    `str()` gives the English, for the framework's own printing.
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        if key not in LABELS:
            raise KeyError(f"no label {key}")
        self.key, self.values = key, values

    def say(self, lang: str) -> str:
        return label(self.key, lang, **{name: spoken(value, lang) for name, value in self.values.items()})

    def __str__(self) -> str:
        return self.say("en")

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {self.values!r})"


def spoken(value: object, lang: str) -> str:
    """A value as text in `lang`: a Phrase is said, a two-language text (`diagnostics.Text`) picked, a date
    written in the reader's style, a list joined with 'or'."""
    from datetime import date

    if isinstance(value, Phrase):
        return value.say(lang)
    if isinstance(value, date):
        return day_text(value, lang)
    if isinstance(value, list):
        return label("date.or", lang).join(spoken(item, lang) for item in value)
    for method in ("say", "pick"):  # a period in words (`dateish.Period`), a diagnostic's Text
        speak = getattr(value, method, None)
        if callable(speak):
            return speak(lang)
    return str(value)


# What the C library says of an OSError (strerror), in Vietnamese.
OS_PROBLEMS = {
    "No such file or directory": "không có tệp hoặc thư mục này",
    "Permission denied": "không có quyền truy cập",
    "Is a directory": "đây là một thư mục",
    "Not a directory": "không phải là thư mục",
    "File exists": "đã có tệp này",
    "Read-only file system": "hệ thống tệp chỉ cho đọc",
    "No space left on device": "hết chỗ trống trên đĩa",
    "Too many levels of symbolic links": "quá nhiều tầng liên kết tượng trưng",
    "Directory not empty": "thư mục không trống",
    "Operation not permitted": "thao tác không được phép",
    "Resource temporarily unavailable": "tài nguyên tạm thời không dùng được",
}


class OSProblem:
    """What went wrong with a file (an OSError), said in the reader's language."""

    __slots__ = ("error",)

    def __init__(self, error: OSError) -> None:
        self.error = error

    def say(self, lang: str) -> str:
        text = self.error.strerror or str(self.error)
        return OS_PROBLEMS.get(text, text) if lang == "vi" else text

    def __str__(self) -> str:
        return self.say("en")
