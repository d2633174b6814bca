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
    # ktcn import
    "import.old_format": ("{file} là định dạng cũ: mở bằng Word hoặc Excel rồi lưu thành {suffix}",
                          "{file} is in an old format: open it in Word or Excel and save it as {suffix}"),
    "import.unknown_format": ("{file}: ktcn import đọc tệp .docx, .xlsx hoặc .csv",
                              "{file}: ktcn import reads .docx, .xlsx and .csv files"),
    "import.no_file": ("không có tệp {file}", "no such file: {file}"),
    "import.unreadable": ("không đọc được {file}: {problem}", "cannot read {file}: {problem}"),
    "import.no_sheet": ("không có trang tính '{sheet}' (các trang: {sheets})",
                        "no sheet '{sheet}' (the sheets: {sheets})"),
    "import.not_utf8": ("{file} không phải UTF-8 (dòng {line}): có lẽ là Windows-1258 (cp1258), TCVN3 hoặc VNI",
                        "{file} is not UTF-8 (line {line}): probably Windows-1258 (cp1258), TCVN3 or VNI"),
    "import.not_utf8_hint": ("mở tệp bằng Excel rồi lưu lại dạng CSV UTF-8, hoặc chuyển mã sang Unicode UTF-8 bằng"
                             " Unikey",
                             "open it in Excel and save it again as 'CSV UTF-8 (Comma delimited)', or convert it to"
                             " UTF-8 with Unikey"),
    "import.no_table": ("không thấy bảng nhiệm vụ trong {file}: cần một hàng tiêu đề có cột nội dung (Nội dung, Nhiệm"
                        " vụ...) và cột cơ quan chủ trì hoặc thời gian",
                        "no task table in {file}: it needs a header row with a title column (Nội dung, Nhiệm vụ...)"
                        " and a lead agency or timing column"),
    "import.no_table_hint": ("nêu rõ các cột bằng --columns, ví dụ --columns tt=1,title=2,lead=3,schedule=5",
                             "name the columns with --columns, e.g. --columns tt=1,title=2,lead=3,schedule=5"),
    "import.no_such_table": ("{file} không có bảng {table} (có {count} bảng)",
                             "{file} has no table {table} ({count} in all)"),
    "import.table_not_tasks": ("bảng {table} của {file} không có hàng tiêu đề mà ktcn nhận ra",
                               "table {table} of {file} has no header row that ktcn recognises"),
    "import.exists": ("không ghi đè tệp đã có: {path}", "not overwriting an existing file: {path}"),
    "import.exists_hint": ("chọn tệp khác bằng -o, hoặc mã khác bằng --id", "choose another file with -o, or another"
                           " id with --id"),
    "import.id_taken": ("mã chương trình '{id}' đã có trong hồ sơ ({path})",
                        "the programme id '{id}' is already in the records ({path})"),
    "import.id_taken_hint": ("đặt mã khác bằng --id", "give another id with --id"),
    "import.bad_id": ("'{id}' không phải mã hợp lệ (chữ thường không dấu, số, gạch ngang), ví dụ {suggestion}",
                      "'{id}' is not an id (lower-case letters without marks, digits, dashes), e.g. {suggestion}"),
    "import.bad_type": ("'{type}' không phải mã loại văn bản theo Nghị định 30/2020 ({codes})",
                        "'{type}' is not a Decree 30/2020 type code ({codes})"),
    "import.unknown_issuer": ("không có cơ quan '{name}' trong agencies.yaml", "no agency '{name}' in agencies.yaml"),
    "import.agencies_unreadable": ("agencies.yaml không phải UTF-8; sửa bằng 'ktcn validate' trước",
                                   "agencies.yaml is not UTF-8; fix it with 'ktcn validate' first"),
    "import.agencies_changed": ("agencies.yaml đã bị thay đổi trong lúc nhập; chưa ghi gì, hãy chạy lại",
                                "agencies.yaml changed on disk meanwhile; nothing was written: run the command again"),
    "import.role.number": ("số thứ tự", "number"),
    "import.role.title": ("nội dung", "title"),
    "import.role.lead": ("chủ trì", "lead"),
    "import.role.support": ("phối hợp", "support"),
    "import.role.schedule": ("thời hạn", "schedule"),
    "import.role.product": ("sản phẩm", "product"),
    "import.role.note": ("ghi chú", "note"),
    "import.role.start": ("bắt đầu", "start"),
    "import.summary.read": ("Đã đọc {tables} của {file}: {tasks} nhiệm vụ.",
                            "Read {tables} of {file}: {tasks} task(s)."),
    "import.summary.columns": ("Các cột ({where}): {columns}.", "Columns ({where}): {columns}."),
    "import.summary.schedules": ("Thời hạn đọc được: {read}/{total} nhiệm vụ.",
                                 "Schedules understood: {read} of {total} task(s)."),
    "import.summary.agencies": ("Tên cơ quan khớp agencies.yaml: {matched}/{total}.",
                                "Agency names matched in agencies.yaml: {matched} of {total}."),
    "import.summary.no_timing_column": ("Bảng không có cột thời gian: không nhiệm vụ nào có thời hạn.",
                                        "The table has no timing column: no task has a schedule."),
    "import.summary.all_read": ("Đã đọc được mọi ô.", "Every cell was read."),
    "import.summary.unread": ("Chưa đọc được {n} ô (ktcn không đoán; mỗi ô có chú thích '# ktcn:' trong tệp):",
                              "{n} cell(s) not read (ktcn does not guess; each has a '# ktcn:' comment in the file):"),
    "import.summary.cell": ("{where}, dòng {row}, cột \"{column}\": {cell} — {problem}",
                            "{where}, row {row}, column \"{column}\": {cell} — {problem}"),
    "import.problem.agency": ("không có trong agencies.yaml; mã đề xuất {proposal}",
                              "not in agencies.yaml; proposed id {proposal}"),
    "import.problem.closest": ("gần nhất: {names}", "closest: {names}"),
    "import.problem.ambiguous": ("có thể là nhiều cơ quan: {ids}; tạm ghi {proposal}",
                                 "could be several agencies: {ids}; written as {proposal} for now"),
    "import.problem.no-lead": ("không có cơ quan chủ trì", "no lead agency"),
    "import.problem.no-title": ("hàng không có nội dung nhiệm vụ nên bị bỏ qua", "no task title: the row is left out"),
    "import.header.missing_type": ("Không thấy loại văn bản: coi là Kế hoạch (KH); đổi bằng --type.",
                                   "No document type found: taken as a plan (KH); change it with --type."),
    "import.header.missing_title": ("Không thấy trích yếu: tạm đặt tên '{title}'; đổi bằng --title.",
                                    "No summary title found: '{title}' for now; give one with --title."),
    "import.header.missing_issued": ("Không thấy ngày ban hành: ghi là dự thảo (state: draft); thêm --issued.",
                                     "No issue date found: written as a draft (state: draft); add --issued."),
    "import.header.missing_issuer": ("Không thấy cơ quan ban hành: tạm dùng cơ quan giữ hồ sơ trong ktcn.yaml"
                                     " ({id}); đổi bằng --issuer.",
                                     "No issuer found: the owner of ktcn.yaml ({id}) for now; change it with"
                                     " --issuer."),
    "import.header.unknown_issuer": ("Cơ quan ban hành \"{name}\" không có trong agencies.yaml; mã đề xuất"
                                     " {proposal}.",
                                     "The issuer \"{name}\" is not in agencies.yaml; proposed id {proposal}."),
    "import.summary.agencies_added": ("Đã thêm {n} cơ quan vào agencies.yaml: {ids} (xem lại tên, mã và nhóm).",
                                      "Added {n} agencies to agencies.yaml: {ids} (check their names, ids and"
                                      " group)."),
    "import.summary.agencies_would_add": ("--add-agencies sẽ thêm {n} cơ quan vào agencies.yaml: {ids}.",
                                          "--add-agencies would add {n} agencies to agencies.yaml: {ids}."),
    "import.summary.add_hint": ("Thêm --add-agencies để ghi {n} cơ quan đề xuất vào agencies.yaml.",
                                "Add --add-agencies to append the {n} proposed agencies to agencies.yaml."),
    "import.summary.valid": ("Tệp mới hợp lệ: ktcn validate không báo gì.",
                             "The new file is valid: ktcn validate has nothing to say."),
    "import.summary.check": ("ktcn validate sẽ báo {errors} lỗi, {warnings} cảnh báo ở tệp mới:",
                             "ktcn validate will report {errors} error(s) and {warnings} warning(s) in the new file:"),
    "import.summary.written": ("Đã ghi {path}.", "Written to {path}."),
    "import.summary.dry_run": ("--dry-run: chưa ghi gì (tệp sẽ là {path}).",
                               "--dry-run: nothing written (the file would be {path})."),
    "import.comment.source": ("Nhập bằng ktcn import từ {source}; đối chiếu với văn bản gốc trước khi ghi vào git.",
                              "Imported by ktcn import from {source}; check it against the document before"
                              " committing."),
    "import.comment.draft": ("chưa có ngày ban hành", "no issue date yet"),
    "import.comment.timing": ("chưa đọc được thời hạn: {cell}", "chưa đọc được thời hạn: {cell} (timing not read)"),
    "import.comment.no_timing": ("chưa có thời hạn: ô trống", "no timing: the cell is empty"),
    "import.comment.agency": ("chưa có trong agencies.yaml: {cell}, tạm ghi mã {proposal}",
                              "not in agencies.yaml: {cell}, written as {proposal} for now"),
    "import.comment.ambiguous": ("tên có thể chỉ nhiều cơ quan: {cell}, tạm ghi mã {proposal}",
                                 "the name could be several agencies: {cell}, written as {proposal} for now"),
    "import.comment.closest": ("(gần nhất: {ids})", "(closest: {ids})"),
    "import.comment.no_lead": ("chưa có cơ quan chủ trì", "no lead agency"),
    "import.comment.proposed": ("Đề xuất bởi ktcn import từ {source}: xem lại tên, mã và nhóm",
                                "Proposed by ktcn import from {source}: check the names, ids and group"),
    "import.bad_columns_role": ("--columns: '{name}' không phải vai trò của cột ({roles})",
                                "--columns: '{name}' is not a column role ({roles})"),
    "import.bad_columns_where": ("--columns: '{item}': ghi cột bằng số từ 1 hoặc bằng chữ cái (title=2, lead=C)",
                                 "--columns: '{item}': give the column as a number from 1 or a letter (title=2,"
                                 " lead=C)"),
    "import.bad_columns_title": ("--columns: cần nêu ít nhất cột nội dung (title=N)",
                                 "--columns: name the title column at least (title=N)"),
    "import.bad_period": ("--period: '{text}': viết TỪ..ĐẾN, ví dụ 2024..2030",
                          "--period: '{text}': write FROM..TO, e.g. 2024..2030"),
    "import.bad_period_order": ("--period: '{text}': ngày bắt đầu sau ngày kết thúc",
                                "--period: '{text}': the start is after the end"),
    "import.comment.year_from_heading": ("năm lấy theo mục \"{heading}\"", "the year is the heading's: \"{heading}\""),
    "import.comment.year_from_title": ("năm lấy theo tên văn bản", "the year is the one the title names"),
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
    "diff.flag.deadline-moved": ("thời hạn bị dời mà không ghi gia hạn (khóa extend_to): {detail}",
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
    "diff.skip.unsafe": ("tên có phần '..', '.' hoặc rỗng, git không lấy ra thư mục làm việc được",
                         "its name holds a '..', '.' or empty part, which git will not check out"),
    "diff.skip.not-a-file": ("liên kết tượng trưng hoặc kho git con, không phải tệp",
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
    "diff.git.unknown_revision_hint": ("kiểm tra lại tên phiên bản; nếu kho git chỉ có một phần lịch sử, hãy tải"
                                       " thêm lịch sử (--deepen=50) rồi chạy lại",
                                       "check the name; in a shallow clone, fetch it first (git fetch --deepen=50)"),
    "diff.git.unmerged": ("{path} còn xung đột hợp nhất chưa giải quyết", "{path} has an unresolved merge conflict"),
    "diff.git.unmerged_hint": ("giải quyết xung đột rồi đưa tệp vào chỉ mục git, hoặc hủy lần gộp (--abort), rồi"
                               " chạy lại",
                               "resolve the conflict and git add the file, or git merge --abort, then run again"),
    "diff.git.missing_object": ("kho git không có đối tượng {oid}", "the repository lacks the git object {oid}"),
    "diff.git.missing_object_hint": ("nếu kho git chỉ có một phần dữ liệu, hãy tải đối tượng này về trước rồi chạy lại",
                                     "in a partial clone, fetch it first (git fetch)"),
    "diff.programme.added": ("chương trình mới", "new programme"),
    "diff.programme.removed": ("chương trình bị xóa", "programme removed"),
    "diff.task.added": ("nhiệm vụ mới", "new task"),
    "diff.task.removed": ("nhiệm vụ bị xóa", "task removed"),
    "diff.task.renamed": ("đổi mã, trước đây là {ref}", "renamed, formerly {ref}"),
    "diff.new_update": ("Cập nhật mới", "New update"),
    "diff.extension": ("Gia hạn đến {day}", "Extended to {day}"),
    "diff.move": ("{label}: {before} → {after}", "{label}: {before} → {after}"),
    "diff.working_tree": ("bản đang sửa", "working tree"),
    "diff.staged": ("bản đã đưa vào chỉ mục git", "staged"),
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
    # reports: tasks (nhiệm vụ) and their occurrences (lượt, kỳ), each named for what it is
    "report.tasks.of": ("{total} nhiệm vụ, gồm {parts}", "{total} tasks: {parts}"),
    "report.tasks.dated": ("{n} nhiệm vụ có thời hạn", "{n} with a deadline"),
    "report.tasks.times": ("{n} lượt thực hiện trong kỳ", "{n} occurrences in the period"),
    "report.tasks.ongoing": ("{n} nhiệm vụ thực hiện thường xuyên", "{n} ongoing"),
    "report.tasks.none": ("không có nhiệm vụ nào trong kỳ", "no task in the period"),
    "report.tasks.breakdown": ("Trong {dated} nhiệm vụ có thời hạn: {parts}.",
                               "Of the {dated} with a deadline: {parts}."),
    "report.tasks.first": ("{name} {n} ({pct} trên tổng số nhiệm vụ có thời hạn)",
                           "{name} {n} ({pct} of the tasks with a deadline)"),
    "report.tasks.rate": ("Tỷ lệ nhiệm vụ hoàn thành đúng hạn: {rate} trên tổng số nhiệm vụ đến hạn ({on_time}/{due}).",
                          "On-time rate: {rate} of the tasks due ({on_time}/{due})."),
    "report.occurrences.breakdown": ("Trong {dated} lượt thực hiện của các nhiệm vụ có thời hạn (kể cả lượt chuyển"
                                     " tiếp từ kỳ trước): {parts}.",
                                     "Of the {dated} occurrences of the tasks with a deadline (those carried over"
                                     " included): {parts}."),
    "report.occurrences.first": ("{name} {n} ({pct} trên tổng số lượt có thời hạn)",
                                 "{name} {n} ({pct} of the occurrences with a deadline)"),
    "report.occurrences.rate": ("Tỷ lệ lượt hoàn thành đúng hạn: {rate} trên tổng số lượt đến hạn ({on_time}/{due}).",
                                "On-time rate by occurrence: {rate} of the occurrences due ({on_time}/{due})."),
    "report.share": ("{name} {n} ({pct})", "{name} {n} ({pct})"),
    "report.extended_n": ("đã gia hạn {n}", "extended {n}"),
    "report.col.tasks": ("Tổng số nhiệm vụ", "Tasks"),
    "report.col.occurrences": ("Số lượt có thời hạn", "Occurrences with a deadline"),
    "report.tasks.note": ("Nhiệm vụ được đếm một lần, theo tình trạng chung trong kỳ; lượt thực hiện là mỗi kỳ đến"
                          " hạn của nhiệm vụ, kể cả lượt chuyển tiếp từ kỳ trước. Nhiệm vụ thực hiện thường xuyên"
                          " được tính riêng, không đưa vào tỷ lệ đúng hạn.",
                          "Each task is counted once, by its standing over the period; an occurrence is each time"
                          " a task falls due, those carried over included. Ongoing tasks are counted apart and never"
                          " enter the on-time rate."),
    "report.group.done": ("Nhiệm vụ đã hoàn thành", "Done"),
    "report.group.in_progress": ("Nhiệm vụ đang thực hiện trong hạn", "In progress"),
    "report.group.overdue": ("Nhiệm vụ quá hạn chưa hoàn thành", "Overdue"),
    "report.group.cancelled": ("Nhiệm vụ dừng thực hiện", "Stopped"),
    "report.group.ongoing": ("Nhiệm vụ thực hiện thường xuyên", "Ongoing work"),
    "report.group.upcoming": ("Nhiệm vụ chưa đến kỳ thực hiện", "Not yet begun"),
    "report.group.count": ("{name}: {n} nhiệm vụ", "{name}: {n}"),
    "report.ongoing_quiet": ("{n} nhiệm vụ thực hiện thường xuyên khác chưa có kết quả được cập nhật trong kỳ"
                             " (Phụ lục, phần {part}, số thứ tự {rows}).",
                             "{n} other ongoing tasks have no result recorded in the period (appendix, part {part},"
                             " no. {rows})."),
    "report.ongoing_quiet.all": ("Trong kỳ chưa có kết quả được cập nhật cho các nhiệm vụ này (Phụ lục, phần {part},"
                                 " số thứ tự {rows}).",
                                 "No result was recorded for these tasks in the period (appendix, part {part}, no."
                                 " {rows})."),
    "report.unit.report.one": ("kỳ báo cáo", "reporting period"),
    "report.unit.report.many": ("kỳ báo cáo", "reporting periods"),
    "report.unit.other.one": ("lượt", "occurrence"),
    "report.unit.other.many": ("lượt", "occurrences"),
    "report.words.overdue": ("chậm {n} {unit}: {names}", "{n} {unit} overdue: {names}"),
    "report.words.in_progress": ("đang thực hiện {n} {unit}: {names}", "{n} {unit} in progress: {names}"),
    "report.words.done_on_time": ("hoàn thành đúng hạn {n} {unit}: {names}", "{n} {unit} done on time: {names}"),
    "report.words.done_late": ("hoàn thành chậm {n} {unit}: {names}", "{n} {unit} done late: {names}"),
    "report.words.cancelled": ("dừng {n} {unit}: {names}", "{n} {unit} stopped: {names}"),
    "report.words.upcoming": ("chưa đến kỳ {n} {unit}: {names}", "{n} {unit} not yet begun: {names}"),
    "report.words.carried": ("{n} {unit} chuyển tiếp từ kỳ trước", "{n} {unit} carried over"),
    "report.words.extended": ("gia hạn từ {original} đến {deadline}", "extended from {original} to {deadline}"),
    "report.words.progress": ("đạt {n}%", "{n}% done"),
    "report.words.done_on": ("ngày {done}", "on {done}"),
    "report.words.due": ("hạn {deadline}", "due {deadline}"),
    "report.one.overdue": ("quá hạn từ {deadline}", "overdue since {deadline}"),
    "report.one.in_progress": ("đang thực hiện, thời hạn {deadline}", "in progress, due {deadline}"),
    "report.one.done_on_time": ("hoàn thành đúng hạn ngày {done}", "done on time on {done}"),
    "report.one.done_late": ("hoàn thành chậm ngày {done} (thời hạn {deadline})",
                             "done late on {done} (due {deadline})"),
    "report.one.cancelled": ("dừng thực hiện", "stopped"),
    "report.one.upcoming": ("chưa đến kỳ thực hiện, thời hạn {deadline}", "not yet begun, due {deadline}"),
    "report.one.ongoing": ("thực hiện thường xuyên", "ongoing"),
    "report.period_name.half1": ("6 tháng đầu năm", "first half"),
    "report.period_name.half2": ("6 tháng cuối năm", "second half"),
    "report.period_name.half1_of": ("6 tháng đầu năm {year}", "first half of {year}"),
    "report.period_name.half2_of": ("6 tháng cuối năm {year}", "second half of {year}"),
    "report.period_name.quarter": ("quý {q}", "Q{q}"),
    "report.period_name.month": ("tháng {m}", "month {m}"),
    "report.period_name.week": ("tuần {w}", "week {w}"),
    "report.period_name.in_year": ("{name} năm {year}", "{name} of {year}"),
    "report.period_name.year": ("năm {year}", "{year}"),
    "report.period_name.years": ("giai đoạn {start}-{end}", "{start}-{end}"),
    "report.period_name.day": ("kỳ hạn {day}", "due {day}"),
    "report.ongoing_short": ("Thường xuyên", "Ongoing"),
    "report.appendix.period": ("Kỳ", "Period"),
    "report.appendix.occurrences_title": ("Kết quả thực hiện từng lượt nhiệm vụ {period}",
                                          "Each occurrence and its status, {period}"),
    "report.cite.number": ("số {number}", "No. {number}"),
    "report.cite.date": ("ngày {date}", "of {date}"),
    "report.cite.by": ("của {issuers}", "by {issuers}"),
    "report.cite.about": ("về {summary}", "on {summary}"),
    "report.cite.and": ("và", "and"),
    "report.xlsx.summary": ("Tổng hợp", "Summary"),
    "report.xlsx.appendix": ("Phụ lục", "Appendix"),
    # document types of Decree 30/2020, Appendix III, as reports cite them
    "doctype.NQ": ("Nghị quyết", "Resolution"),
    "doctype.QĐ": ("Quyết định", "Decision"),
    "doctype.CT": ("Chỉ thị", "Directive"),
    "doctype.QC": ("Quy chế", "Regulation"),
    "doctype.QyĐ": ("Quy định", "Rules"),
    "doctype.TC": ("Thông cáo", "Communiqué"),
    "doctype.TB": ("Thông báo", "Notice"),
    "doctype.HD": ("Hướng dẫn", "Guidance"),
    "doctype.CTr": ("Chương trình", "Programme"),
    "doctype.KH": ("Kế hoạch", "Plan"),
    "doctype.PA": ("Phương án", "Scheme"),
    "doctype.ĐA": ("Đề án", "Project"),
    "doctype.DA": ("Dự án", "Investment project"),
    "doctype.BC": ("Báo cáo", "Report"),
    "doctype.BB": ("Biên bản", "Minutes"),
    "doctype.TTr": ("Tờ trình", "Submission"),
    "doctype.HĐ": ("Hợp đồng", "Contract"),
    "doctype.CV": ("Công văn", "Official letter"),
    "doctype.CĐ": ("Công điện", "Official dispatch"),
    "doctype.BGN": ("Bản ghi nhớ", "Memorandum"),
    "doctype.BTT": ("Bản thỏa thuận", "Agreement"),
    "doctype.GUQ": ("Giấy ủy quyền", "Authorisation"),
    "doctype.GM": ("Giấy mời", "Invitation"),
    "doctype.GGT": ("Giấy giới thiệu", "Letter of introduction"),
    "doctype.GNP": ("Giấy nghỉ phép", "Leave permit"),
    "doctype.PG": ("Phiếu gửi", "Dispatch slip"),
    "doctype.PC": ("Phiếu chuyển", "Transfer slip"),
    "doctype.PB": ("Phiếu báo", "Notification slip"),
    # the command line's frame and usage errors (ktcn.cli.frame translates Click's own; English is Click's words)
    "cli.usage": ("Cách dùng:", "Usage:"),
    "cli.try_help": ("Xem hướng dẫn: {command}", "Try '{command}' for help."),
    "cli.error": ("Lỗi: {message}", "Error: {message}"),
    "cli.no_such_option": ("không có tùy chọn {option}", "no such option: {option}"),
    "cli.did_you_mean": (" (có phải ý bạn là {choices}?)", " (did you mean {choices}?)"),
    "cli.option_needs_value": ("tùy chọn {option} cần một giá trị", "option {option} requires a value"),
    "cli.option_takes_no_value": ("tùy chọn {option} không nhận giá trị", "option {option} does not take a value"),
    "cli.missing_argument": ("thiếu tham số {name}", "missing argument {name}"),
    "cli.missing_option": ("thiếu tùy chọn {name}", "missing option {name}"),
    "cli.invalid_value_for": ("giá trị không hợp lệ cho {name}: {problem}", "invalid value for {name}: {problem}"),
    "cli.invalid_value": ("giá trị không hợp lệ: {problem}", "invalid value: {problem}"),
    "cli.cannot_open": ("không mở được tệp {file}: {problem}", "cannot open the file {file}: {problem}"),
    "cli.not_a_number": ("{value} không phải là một số nguyên", "{value} is not a whole number"),
    "cli.not_a_decimal": ("{value} không phải là một số", "{value} is not a number"),
    "cli.out_of_range": ("{value} nằm ngoài khoảng cho phép {range}", "{value} is not in the range {range}"),
    "cli.not_a_choice": ("{value} không phải một trong {choices}", "{value} is not one of {choices}"),
    "cli.not_a_boolean": ("{value} không phải là giá trị đúng/sai", "{value} is not a boolean"),
    "cli.no_such_command": ("không có lệnh {name}", "no such command {name}"),
    "cli.extra_arguments": ("thừa tham số ({args})", "unexpected extra arguments ({args})"),
    "cli.missing_command": ("thiếu tên lệnh", "missing command"),
    "cli.interrupted": ("ktcn: đã dừng theo yêu cầu", "ktcn: interrupted"),
    "cli.bug": ("ktcn: xin lỗi, ktcn gặp lỗi bên trong (lỗi của chương trình, không phải của hồ sơ).\n"
                "  Vui lòng báo lỗi tại {url} kèm lệnh đã chạy;\n"
                "  chạy lại với KTCN_DEBUG=1 để xem chi tiết.",
                "ktcn: sorry, something went wrong inside ktcn (this is a bug, not your records).\n"
                "  Please report it at {url} with the command you ran;\n"
                "  run it again with KTCN_DEBUG=1 to see the details."),
    # ktcn's own usage errors (exit 2)
    "usage.no_programme": ("không có chương trình '{id}'", "no programme '{id}'"),
    "usage.no_agency": ("không có cơ quan '{id}'", "no agency '{id}'"),
    "usage.no_task": ("không có nhiệm vụ '{id}' trong {programme}", "no task '{id}' in {programme}"),
    "usage.did_you_mean": ("có phải ý bạn là '{choice}'?", "did you mean '{choice}'?"),
    "usage.choose": ("'{value}': chọn một trong {choices}", "'{value}': choose {choices}"),
    "usage.only": ("'{value}': chỉ có thể là '{choice}'", "'{value}': only '{choice}'"),
    "usage.not_a_language": ("'{value}' không phải vi hoặc en", "'{value}' is not vi or en"),
    "usage.say_what_happened": ("hãy cho biết việc gì đã xảy ra: --status, --progress, --note, --evidence hoặc"
                                " --extend-to",
                                "say what happened: --status, --progress, --note, --evidence or --extend-to"),
    "usage.bad_label": ("'{value}': {problem}", "'{value}': {problem}"),
    "usage.final_needs_programme": ("báo cáo tổng kết (tong-ket) là của một chương trình: thêm --programme MÃ",
                                    "a final report (tong-ket) is of one programme: add --programme ID"),
    "usage.final_needs_period": ("{id} không có thời gian thực hiện hay ngày ban hành: cho biết --from và --to",
                                 "{id} has no period nor issue date: give --from and --to"),
    "usage.narrative_unreadable": ("không đọc được tệp nội dung tự viết {path}: {problem}",
                                   "cannot read the narrative file {path}: {problem}"),
    # dates typed on the command line (ktcn.records.dateish.parse_typed_day)
    "date.not_a_date": ("'{value}' không phải là một ngày: viết dd/mm/yyyy (ví dụ 01/12/2025) hoặc yyyy-mm-dd",
                        "'{value}' is not a date: write YYYY-MM-DD (or dd/mm/yyyy)"),
    "date.no_such_day": ("'{value}': tháng {month} năm {year} chỉ có {days} ngày",
                         "'{value}': month {month} of {year} has {days} days"),
    "date.no_such_month": ("'{value}': không có tháng {month}", "'{value}': there is no month {month}"),
    "date.year_range": ("'{value}': năm {year} nằm ngoài khoảng 1900..2999",
                        "'{value}': the year {year} is outside 1900..2999"),
    "date.period_not_day": ("'{value}' là một kỳ ({words}), không phải một ngày",
                            "'{value}' is a period ({words}), not a day"),
    "date.did_you_mean": ("có phải ý bạn là {choices}?", "did you mean {choices}?"),
    "date.two_digit_year": ("'{value}': năm cần viết đủ bốn chữ số", "'{value}': write the year with four digits"),
    "usage.with_advice": ("{problem}; {advice}", "{problem}; {advice}"),
    "date.or": (" hoặc ", " or "),
    # ktcn find
    "find.title": ("Tìm '{query}': {n} kết quả", "Search for '{query}': {n} found"),
    "find.none": ("Không tìm thấy gì. Thử ít từ hơn, hoặc từ khác.", "Nothing found. Try fewer or other words."),
    "find.more": ("... và {n} kết quả khác: thêm --limit 0 để xem tất cả.",
                  "... and {n} more: add --limit 0 to see them all."),
    "find.hint": ("Xem chi tiết: ktcn show MÃ (với cơ quan: ktcn status --agency MÃ).",
                  "For details: ktcn show ID (for an agency: ktcn status --agency ID)."),
    "find.col.kind": ("Loại", "Kind"),
    "find.col.id": ("Mã", "Id"),
    "find.col.text": ("Nội dung tìm thấy", "Where it was found"),
    "find.kind.programme": ("chương trình", "programme"),
    "find.kind.task": ("nhiệm vụ", "task"),
    "find.kind.update": ("cập nhật", "update"),
    "find.kind.agency": ("cơ quan", "agency"),
    "find.field.note": ("ghi chú", "note"),
    "find.field.evidence": ("minh chứng", "evidence"),
    "find.field.alias": ("tên khác", "also called"),
    "find.field.short": ("tên ngắn", "short name"),
    "find.field.number": ("số, ký hiệu", "number"),
    "find.field.schedule_text": ("theo văn bản", "source wording"),
    "severity.error": ("lỗi", "error"),
    "severity.warning": ("cảnh báo", "warning"),
    # files and folders
    "files.cannot_write": ("không ghi được {path}: {problem}", "cannot write {path}: {problem}"),
    "files.not_regular": ("không ghi được {path}: đó là {kind}; ktcn chỉ thay thế tệp thường",
                          "cannot write {path}: it is {kind}; ktcn only replaces regular files"),
    "files.choose_another": ("chọn một tên tệp khác", "choose another file name"),
    "files.no_workspace": ("không có kho hồ sơ ở {root}: không thấy tệp {file}",
                           "no workspace at {root}: {file} not found"),
    "files.no_workspace_hint": ("dùng --records THƯ-MỤC, đặt biến KTCN_RECORDS, hoặc chạy 'ktcn init' để tạo kho mới",
                                "pass --records DIR, set KTCN_RECORDS, or run 'ktcn init' to create one"),
    "usage.jobs": ("KTCN_JOBS={value}: cần một số nguyên các tiến trình, từ 1 trở lên",
                   "KTCN_JOBS={value}: give a whole number of processes, 1 or more"),
    # the working-day calendar (ktcn holidays) and deadlines moved off a day off (deadline_rule: civil-code)
    "holidays.title": ("Ngày nghỉ và ngày làm bù năm {year}", "Days off and days worked in {year}"),
    "holidays.col.day": ("Ngày", "Day"),
    "holidays.col.weekday": ("Thứ", "Weekday"),
    "holidays.col.kind": ("Loại", "Kind"),
    "holidays.col.name": ("Tên ngày", "Name"),
    "holidays.col.source": ("Nguồn", "Source"),
    "holidays.kind.off": ("nghỉ", "day off"),
    "holidays.kind.worked": ("làm bù", "worked"),
    "holidays.source.package": ("gói holidays {version}", "holidays {version}"),
    "holidays.source.workspace": ("ktcn.yaml, dòng {line}", "ktcn.yaml, line {line}"),
    "holidays.worked_for": ("Làm bù cho ngày nghỉ {day}", "Worked in exchange for {day} off"),
    "holidays.rule.as-written": ("Thời hạn tính đúng ngày ghi trong văn bản (deadline_rule: as-written).",
                                 "Deadlines are the days written (deadline_rule: as-written)."),
    "holidays.rule.civil-code": ("Thời hạn rơi vào ngày nghỉ được lùi sang ngày làm việc tiếp theo (Bộ luật Dân sự"
                                 " 2015, Điều 148 khoản 5; deadline_rule: civil-code).",
                                 "A deadline on a day off moves to the next working day (Civil Code 2015, art."
                                 " 148.5; deadline_rule: civil-code)."),
    "holidays.none": ("Không có ngày nghỉ lễ nào ngoài thứ Bảy, Chủ nhật (public_holidays: none).",
                      "No holidays besides Saturdays and Sundays (public_holidays: none)."),
    "waiting": ("Chưa đến hạn: chờ nhiệm vụ {task} hoàn thành", "Not yet due: waiting until task {task} is done"),
    "deadline.moved": ("{written} ({weekday}) → {in_force}", "{written} ({weekday}) → {in_force}"),
    "diff.git.failed": ("lệnh git {command} không thành công; git báo: {message}", "git {command}: {message}"),
}


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
