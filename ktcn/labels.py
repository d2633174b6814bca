"""Every label a person reads in the terminal views and reports, in Vietnamese and English.

One table, two columns: a label cannot exist in one language only (a test
walks the table).  Status labels follow how Vietnamese task-tracking reports
name the categories.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
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
    "col.overdue": ("Quá hạn\nchưa HT", "Over-\ndue"),
    "col.ongoing": ("Thường\nxuyên", "Ongoing"),
    "col.cancelled": ("Dừng", "Stop-\nped"),
    "col.extended": ("Đã gia\nhạn", "Exten-\nded"),
    "col.total": ("Tổng\nsố", "Total"),
    "col.progress": ("Tiến độ", "Progress"),
    "col.programme": ("Chương trình / kế hoạch", "Programme"),
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
    "status.hidden": ("{n} văn bản không ở trạng thái active không được tính ({ids}); thêm --all để xem.",
                      "{n} documents not active are left out ({ids}); add --all to see them."),
    "status.legend": ("HT: hoàn thành. Đếm theo kỳ thực hiện; việc thường xuyên tính một lần trong năm {year}. "
                      "Tiến độ: số kỳ đã hoàn thành trên tổng số kỳ có thời hạn.",
                      "Counts are of occurrences; ongoing work counts once, for {year}. "
                      "Progress: occurrences done out of all occurrences with a deadline."),
    "status.agency_legend": ("Tỷ lệ đúng hạn: hoàn thành đúng hạn trên tổng số nhiệm vụ đến hạn "
                             "(đã hoàn thành hoặc đã quá hạn).",
                             "On-time rate: done on time out of all occurrences due (done, or past their deadline)."),
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
}


def label(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang` ("vi" or "en"), with `{name}` fields filled in."""
    vi, en = LABELS[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text


def day_text(day: object, lang: str) -> str:
    """A date as people write it: 30/11/2025 in Vietnamese, 2025-11-30 in English."""
    from datetime import date

    if not isinstance(day, date):
        return "—"
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else day.isoformat()
