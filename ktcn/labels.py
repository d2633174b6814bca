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
    "init.done": ("Đã tạo kho hồ sơ trong {folder}. Tiếp theo: cd {folder} && ktcn validate && ktcn status",
                  "Workspace created in {folder}. Next: cd {folder} && ktcn validate && ktcn status"),
    "init.cannot_create": ("không tạo được thư mục {folder}: {problem}",
                           "cannot create the folder {folder}: {problem}"),
    "init.file_in_the_way": ("đã có một tệp (không phải thư mục) mang tên này", "a file (not a folder) has that name"),
    "init.exists": ("không ghi đè tệp đã có: {files}", "not overwriting existing files: {files}"),
    "init.exists_hint": ("chọn một thư mục trống: ktcn init THƯ-MỤC", "choose an empty folder: ktcn init DIR"),
    # ktcn diff
    "diff.title": ("Thay đổi hồ sơ: {before} → {after}", "Changes to the records: {before} → {after}"),
    "diff.as_of": ("Tình trạng tính đến ngày {day}.", "Statuses as of {day}."),
    "diff.none": ("Không có thay đổi nào trong hồ sơ.", "No change to the records."),
    "diff.summary": ("Tóm tắt", "Summary"),
    "diff.no_moves": ("không nhiệm vụ nào đổi tình trạng.", "no task changed status."),
    "diff.moved.done": ("{n} nhiệm vụ chuyển sang hoàn thành", "{n} became done"),
    "diff.moved.overdue": ("{n} nhiệm vụ trở thành quá hạn", "{n} became overdue"),
    "diff.moved.in_progress": ("{n} nhiệm vụ đang thực hiện", "{n} now in progress"),
    "diff.moved.cancelled": ("{n} nhiệm vụ dừng thực hiện", "{n} cancelled"),
    "diff.moved.ongoing": ("{n} nhiệm vụ thực hiện thường xuyên", "{n} ongoing"),
    "diff.flags": ("Cờ cần xem xét ({n})", "Review flags ({n})"),
    "diff.flag.log-edited": ("cập nhật ngày {detail} đã bị sửa (nhật ký tiến độ chỉ được ghi thêm)",
                             "the update of {detail} was edited (the progress log is append-only)"),
    "diff.flag.log-deleted": ("cập nhật ngày {detail} đã bị xóa (nhật ký tiến độ chỉ được ghi thêm)",
                              "the update of {detail} was deleted (the progress log is append-only)"),
    "diff.flag.done-without-evidence": ("cập nhật 'hoàn thành' ngày {detail} không có minh chứng",
                                        "'done' on {detail} without evidence"),
    "diff.flag.deadline-moved": ("thời hạn bị dời mà không ghi gia hạn (extend_to): {detail}",
                                 "deadline moved without a recorded extension (extend_to): {detail}"),
    "diff.flag.ceased-agency": ("giao cho cơ quan đã thôi hoạt động: {detail}",
                                "assigned to an agency that has ceased: {detail}"),
    "diff.flag.overdue-dropped": ("kỳ đang quá hạn bị bỏ hoặc mất thời hạn mà không có cập nhật nào giải thích:"
                                  " {detail}",
                                  "an overdue occurrence was dropped or lost its deadline with no update to explain"
                                  " it: {detail}"),
    "diff.flag.task-removed-with-log": ("nhiệm vụ bị xóa cùng nhật ký tiến độ (các cập nhật ngày {detail})",
                                        "task removed with its progress log (the updates of {detail})"),
    "diff.flag.path-skipped": ("tệp trong cây git không đọc được an toàn nên bị bỏ qua: {detail}",
                               "a file in the git tree cannot be read safely and was skipped: {detail}"),
    "diff.flag.duplicate-id": ("mã bị dùng hai lần, một bản che mất bản kia: {detail}",
                               "an id used twice, one copy hiding the other: {detail}"),
    "diff.skip.unsafe": ("tên có phần '..', '.' hoặc rỗng, git không checkout được",
                         "its name holds a '..', '.' or empty part, which git will not check out"),
    "diff.skip.not-a-file": ("liên kết tượng trưng hoặc submodule, không phải tệp",
                             "a symbolic link or a submodule, not a file"),
    "diff.skip.clash": ("trùng với một tệp khác, hoặc tên không ghi được", "it clashes with another file, or its"
                        " name cannot be written"),
    "diff.git.missing": ("chưa cài git", "git is not installed"),
    "diff.git.missing_hint": ("cài git để so sánh các phiên bản hồ sơ", "install git to compare revisions"),
    "diff.git.no_repository": ("{root} không nằm trong kho git", "{root} is not in a git repository"),
    "diff.git.no_repository_hint": ("ktcn diff so sánh các phiên bản git của hồ sơ; hãy chạy trong kho git chứa"
                                    " hồ sơ",
                                    "ktcn diff compares git revisions of the records; run it inside the records'"
                                    " repository"),
    "diff.git.unknown_revision": ("không có phiên bản '{revision}'", "unknown revision '{revision}'"),
    "diff.git.unknown_revision_hint": ("kiểm tra lại tên; với bản clone nông (shallow clone), hãy tải thêm lịch sử"
                                       " trước (git fetch --deepen=50)",
                                       "check the name; in a shallow clone, fetch it first (git fetch --deepen=50)"),
    "diff.git.unmerged": ("{path} còn xung đột hợp nhất chưa giải quyết", "{path} has an unresolved merge conflict"),
    "diff.git.unmerged_hint": ("giải quyết xung đột rồi git add, hoặc git merge --abort, rồi chạy lại",
                               "resolve the conflict and git add the file, or git merge --abort, then run again"),
    "diff.git.missing_object": ("kho git không có đối tượng {oid}", "the repository lacks the git object {oid}"),
    "diff.git.missing_object_hint": ("với bản clone một phần, hãy tải đối tượng về trước (git fetch)",
                                     "in a partial clone, fetch it first (git fetch)"),
    "diff.programme.added": ("chương trình mới", "new programme"),
    "diff.programme.removed": ("chương trình bị xóa", "programme removed"),
    "diff.task.added": ("nhiệm vụ mới", "new task"),
    "diff.task.removed": ("nhiệm vụ bị xóa", "task removed"),
    "diff.task.renamed": ("đổi mã, trước đây là {ref}", "renamed, formerly {ref}"),
    "diff.new_update": ("Cập nhật mới", "New update"),
    "diff.extension": ("Gia hạn đến {day}", "Extended to {day}"),
    "diff.move": ("Kỳ {label}: {before} → {after}", "{label}: {before} → {after}"),
    "diff.working_tree": ("bản đang sửa", "working tree"),
    "diff.staged": ("bản đã stage", "staged"),
    "diff.field.title": ("Nội dung", "Title"),
    "diff.field.kind": ("Loại", "Kind"),
    "diff.field.lead": ("Chủ trì", "Lead"),
    "diff.field.support": ("Phối hợp", "Support"),
    "diff.field.to": ("Nơi nhận báo cáo", "Report to"),
    "diff.field.schedule": ("Thời hạn", "Schedule"),
    "diff.field.schedule_text": ("Theo văn bản", "Source wording"),
    "diff.field.state": ("Trạng thái", "State"),
    "diff.field.period_from": ("Thời gian từ", "Period from"),
    "diff.field.period_to": ("Thời gian đến", "Period to"),
    "diff.field.number": ("Số, ký hiệu", "Number"),
    # reports (templates/): the administrative frame of Decree 30/2020
    "report.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "report.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report.number": ("Số", "No."),
    "report.type": ("BÁO CÁO", "REPORT"),
    "report.summary.year": ("Kết quả thực hiện các chương trình, kế hoạch khoa học và công nghệ năm {year}",
                            "Results of the science and technology programmes and plans in {year}"),
    "report.summary.half": ("Sơ kết 6 tháng {which} năm {year} thực hiện các chương trình, kế hoạch khoa học"
                            " và công nghệ",
                            "Review of the {which} half of {year}: science and technology programmes and plans"),
    "report.summary.range": ("Kết quả thực hiện các chương trình, kế hoạch khoa học và công nghệ từ ngày {start}"
                             " đến ngày {end}",
                             "Results of the science and technology programmes and plans from {start} to {end}"),
    "report.summary.final": ("Tổng kết thực hiện {title}", "Final review: {title}"),
    "report.half.1": ("đầu", "first"),
    "report.half.2": ("cuối", "second"),
    "report.period_note": ("Số liệu tính từ ngày {start} đến ngày {end}; tình trạng nhiệm vụ tính đến ngày {as_of}.",
                           "Data from {start} to {end}; the status of each task as of {as_of}."),
    "report.overview": ("Tình hình chung", "Overview"),
    "report.results": ("Kết quả cụ thể", "Results by task"),
    "report.limitations": ("Tồn tại, hạn chế", "Shortcomings and limitations"),
    "report.direction.year": ("Phương hướng, nhiệm vụ năm {year}", "Work for {year}"),
    "report.direction.half": ("Phương hướng, nhiệm vụ 6 tháng {which} năm {year}",
                              "Work for the {which} half of {year}"),
    "report.direction.range": ("Phương hướng, nhiệm vụ thời gian tới", "Work ahead"),
    "report.proposals": ("Kiến nghị", "Proposals"),
    "report.counts": ("tổng số {total} nhiệm vụ, gồm {dated} nhiệm vụ có thời hạn và {ongoing} nhiệm vụ thực hiện"
                      " thường xuyên. Trong {dated} nhiệm vụ có thời hạn: hoàn thành đúng hạn {on_time}"
                      " ({on_time_pct} trên tổng số nhiệm vụ có thời hạn); hoàn thành quá hạn {late} ({late_pct});"
                      " đang thực hiện trong hạn {in_progress} ({in_progress_pct}); quá hạn chưa hoàn thành"
                      " {overdue} ({overdue_pct}); dừng thực hiện {cancelled} ({cancelled_pct}); đã gia hạn"
                      " {extended}. Tỷ lệ hoàn thành đúng hạn: {rate} trên tổng số nhiệm vụ đến hạn"
                      " ({on_time}/{due}).",
                      "{total} tasks in all: {dated} with a deadline and {ongoing} ongoing. Of the {dated} with a"
                      " deadline: done on time {on_time} ({on_time_pct} of all tasks with a deadline); done late"
                      " {late} ({late_pct}); in progress {in_progress} ({in_progress_pct}); overdue {overdue}"
                      " ({overdue_pct}); cancelled {cancelled} ({cancelled_pct}); extended {extended}. On-time"
                      " rate: {rate} of the tasks due ({on_time}/{due})."),
    "report.counts.all": ("Tính chung", "All programmes together"),
    "report.counts.note": ("Số liệu đếm theo kỳ thực hiện: một nhiệm vụ định kỳ được tính một lần cho mỗi kỳ"
                           " đến hạn trong giai đoạn báo cáo; nhiệm vụ thường xuyên được tính riêng, một lần"
                           " cho mỗi năm, không đưa vào tỷ lệ đúng hạn.",
                           "Counts are of occurrences: a recurring task counts once for each period that falls"
                           " due; ongoing tasks are counted apart, once a year, and never enter the on-time rate."),
    "report.tt": ("TT", "No."),
    "report.programme": ("Chương trình, kế hoạch", "Programme or plan"),
    "report.none": ("Không có nhiệm vụ đến hạn trong kỳ.", "No task fell due in the period."),
    "report.upcoming_none": ("Không có nhiệm vụ đến hạn trong kỳ tới.", "No task falls due in the next period."),
    "report.upcoming_intro": ("Các nhiệm vụ đến hạn trong kỳ tới:", "Tasks due in the next period:"),
    "report.carry_on": ("Tiếp tục thực hiện {n} nhiệm vụ quá hạn chưa hoàn thành (xem Phụ lục).",
                        "Carry on with the {n} overdue tasks (see the appendix)."),
    "report.placeholder.limitations": ("[Phần do cơ quan soạn thảo bổ sung: tồn tại, hạn chế và nguyên nhân.]",
                                       "[To be written by the office: shortcomings, limitations and causes.]"),
    "report.placeholder.proposals": ("[Phần do cơ quan soạn thảo bổ sung: kiến nghị, đề xuất.]",
                                     "[To be written by the office: proposals.]"),
    "report.recipients": ("Nơi nhận", "Recipients"),
    "report.archive": ("Lưu", "Filed"),
    "report.signature": ("(Chữ ký, dấu)", "(Signature and seal)"),
    "report.signer_placeholder": ("[Quyền hạn, chức vụ, họ tên người ký]",
                                  "[Authority, position and name of the signer]"),
    "report.appendix": ("Phụ lục", "Appendix"),
    "report.appendix.title": ("Kết quả thực hiện nhiệm vụ {period}", "Tasks and their status, {period}"),
    "report.appendix.attached": ("Kèm theo Báo cáo số ......../BC-{code} ngày {date}",
                                 "Attached to report No. ......../BC-{code} of {date}"),
    "report.appendix.task": ("Nội dung nhiệm vụ", "Task"),
    "report.appendix.lead": ("Cơ quan chủ trì", "Lead agency"),
    "report.appendix.support": ("Cơ quan phối hợp", "Supporting agencies"),
    "report.appendix.deadline": ("Thời hạn", "Deadline"),
    "report.appendix.result": ("Kết quả/tình trạng", "Result or status"),
    "report.period.year": ("năm {year}", "in {year}"),
    "report.period.half": ("6 tháng {which} năm {year}", "in the {which} half of {year}"),
    "report.period.range": ("từ ngày {start} đến ngày {end}", "from {start} to {end}"),
    "report.lead": ("chủ trì", "lead"),
    "report.deadline": ("thời hạn", "deadline"),
    "report.carried": ("chuyển tiếp từ kỳ trước", "carried over"),
    "report.evidence": ("Minh chứng", "Evidence"),
    "records.incomplete": ("ktcn: hồ sơ còn {errors} lỗi trong {files} tệp, nên kết quả trên chưa đầy đủ "
                           "(xem chi tiết: ktcn validate):",
                           "ktcn: the records have {errors} error(s) in {files} file(s), so the output above is "
                           "incomplete (details: ktcn validate):"),
    "records.left_out": ("không đọc được, bỏ qua cả tệp", "cannot be read: left out"),
    "records.counted": ("vẫn được tính, có thể chưa đúng", "still counted, may be wrong"),
    "report.refused": ("ktcn: không lập báo cáo vì hồ sơ còn {errors} lỗi trong {files} tệp; chưa ghi tệp nào. "
                       "Sửa các lỗi trên, hoặc thêm --allow-errors để vẫn lập báo cáo (báo cáo sẽ ghi rõ phần "
                       "bị thiếu).",
                       "ktcn: no report made: the records have {errors} error(s) in {files} file(s); nothing was "
                       "written. Fix the errors above, or add --allow-errors to render anyway (the report then "
                       "says what is missing)."),
    "report.template_hides_omissions": ("ktcn: mẫu báo cáo không ghi các tệp hồ sơ bị lỗi ({paths}); chưa ghi tệp "
                                        "nào. Thêm {{{{ k.omissions(report) }}}} vào mục I của mẫu.",
                                        "ktcn: the template does not name the files with errors ({paths}); nothing "
                                        "was written. Add {{{{ k.omissions(report) }}}} to section I of the "
                                        "template."),
    "report.omissions.title": ("Lưu ý: báo cáo này được lập khi hồ sơ còn lỗi; số liệu dưới đây chưa đầy đủ.",
                               "Note: this report was made from records with errors; its figures are incomplete."),
    "report.omissions.left_out": ("Không có trong báo cáo (tệp không đọc được)",
                                  "Left out of this report (the file cannot be read)"),
    "report.omissions.counted": ("Có trong báo cáo nhưng hồ sơ còn lỗi", "In this report, but its record has errors"),
    "report.omissions.errors": ("{n} lỗi, lỗi đầu tiên ở dòng {line}", "{n} error(s), the first at line {line}"),
    "report.ongoing_work": ("Nhiệm vụ thực hiện thường xuyên", "Ongoing work"),
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
