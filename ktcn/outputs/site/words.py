"""The words of the static site, in Vietnamese and English: one table, two columns, as in `ktcn.labels`.

The site's own words live here; words it shares with the terminal views and
reports (status categories, field names) come from `ktcn.labels`, so a status
reads the same everywhere.  A test walks this table as `tests/test_conventions`
walks the other one.
"""

from __future__ import annotations

from ktcn.labels import LABELS

SITE_LABELS: dict[str, tuple[str, str]] = {
    "site.skip": ("Bỏ qua, đến nội dung chính", "Skip to the main content"),
    "site.nav": ("Các trang chính", "Main pages"),
    "site.as_of": ("Số liệu tính đến ngày {day}", "Figures as of {day}"),
    "site.made_by": ("Trang tĩnh do ktcn {version} tạo từ hồ sơ lưu trong git; không cần máy chủ, xem được khi"
                     " không có mạng.",
                     "A static site made by ktcn {version} from records kept in git; it needs no server and works"
                     " offline."),
    "site.breadcrumb": ("Bạn đang ở", "You are here"),
    "nav.overview": ("Tổng quan", "Overview"),
    "nav.programmes": ("Văn bản", "Programmes"),
    "nav.agencies": ("Cơ quan", "Agencies"),
    "nav.overdue": ("Quá hạn", "Overdue"),
    "nav.upcoming": ("Sắp đến hạn", "Upcoming"),
    "nav.changes": ("Thay đổi", "Changes"),
    "nav.search": ("Tìm kiếm", "Search"),
    # short status words for the occurrence chips and filters (no "HT" for "hoàn thành": the terminal's tables
    # explain it in a legend, a chip on its own does not)
    "chip.done_on_time": ("hoàn thành đúng hạn", "done on time"),
    "chip.done_late": ("hoàn thành quá hạn", "done late"),
    "chip.in_progress": ("đang thực hiện", "in progress"),
    "chip.overdue": ("quá hạn", "overdue"),
    "chip.ongoing": ("thường xuyên", "ongoing"),
    "chip.cancelled": ("dừng", "stopped"),
    "chip.upcoming": ("chưa đến kỳ", "not yet due"),
    "chip.due_soon": ("sắp đến hạn", "due soon"),
    "chip.deadline": ("hạn {day}", "due {day}"),
    "chip.no_deadline": ("không có thời hạn", "no deadline"),
    # figures
    "figure.counted": ("Số kỳ được tính", "Occurrences counted"),
    "figure.done": ("Đã hoàn thành", "Done"),
    "figure.done_split": ("{on_time} đúng hạn, {late} quá hạn", "{on_time} on time, {late} late"),
    "figure.on_time_rate": ("Tỷ lệ hoàn thành đúng hạn", "On-time rate"),
    "figure.progress": ("Tiến độ", "Progress"),
    "figure.rate_of": ("{part}/{base} kỳ đã đến hạn", "{part} of {base} occurrences due"),
    "figure.progress_of": ("{part}/{base} kỳ có thời hạn", "{part} of {base} occurrences with a deadline"),
    "figure.no_base": ("chưa có kỳ nào đến hạn", "nothing due yet"),
    "figure.no_deadline_base": ("chưa có kỳ nào có thời hạn", "no occurrence with a deadline yet"),
    "figure.bases": ("Đếm theo kỳ thực hiện: một nhiệm vụ định kỳ có một kỳ cho mỗi lần phải làm; việc thường xuyên"
                     " tính một lần trong năm {year}; kỳ chưa đến không được tính. Tỷ lệ đúng hạn = số kỳ hoàn thành"
                     " đúng hạn trên tổng số kỳ đã đến hạn (đã hoàn thành hoặc đã quá hạn). Tiến độ = số kỳ đã hoàn"
                     " thành trên tổng số kỳ có thời hạn.",
                     "Counts are of occurrences: a recurring duty has one for each time it is due; ongoing work"
                     " counts once, for {year}; occurrences not yet begun are not counted. On-time rate = occurrences"
                     " done on time out of all occurrences due (done, or past their deadline). Progress ="
                     " occurrences done out of all occurrences with a deadline."),
    "col.counted": ("Số kỳ", "Counted"),
    "col.kind": ("Loại", "Kind"),
    "col.window": ("Thời gian của kỳ", "Window"),
    "col.done_on": ("Ngày hoàn thành", "Done on"),
    "col.evidence": ("Minh chứng", "Evidence"),
    "col.by": ("Cơ quan báo cáo", "Reported by"),
    "col.support": ("Phối hợp", "Support"),
    "col.occurrences": ("Các kỳ", "Occurrences"),
    "col.agency_name": ("Cơ quan", "Agency"),
    "col.state": ("Trạng thái", "State"),
    # overview
    "overview.title": ("Tình hình thực hiện nhiệm vụ", "Where the tasks stand"),
    "overview.figures": ("Số liệu chính", "Key figures"),
    "overview.programmes": ("Các văn bản đang thực hiện", "Programmes in force"),
    "overview.programmes_top": ("{shown} văn bản có nhiều kỳ quá hạn nhất trong số {n}; xem đủ ở trang Văn bản.",
                                "The {shown} programmes with the most overdue occurrences, of {n}; see them all on"
                                " the Programmes page."),
    "overview.inactive": ("Dự thảo và văn bản không còn thực hiện", "Drafts, and programmes no longer in force"),
    "overview.inactive_note": ("Dự thảo, văn bản đã kết thúc hoặc đã được thay thế không được cộng vào tổng số ở"
                               " trên.",
                               "Drafts and programmes closed or superseded are not in the totals above."),
    "overview.inactive_first": ("Dưới đây là {shown} văn bản đầu tiên trong số {n}.",
                                "Below, the first {shown} of {n}."),
    "overview.agencies": ("Cơ quan chủ trì", "Lead agencies"),
    "overview.agencies_note": ("{shown} cơ quan có nhiều kỳ đã đến hạn nhất, xếp theo tỷ lệ đúng hạn từ thấp đến"
                               " cao; bảng đủ ở trang Cơ quan.",
                               "The {shown} agencies with the most occurrences due, lowest on-time rate first; the"
                               " full table is on the Agencies page."),
    "overview.overdue": ("Quá hạn chưa hoàn thành", "Overdue"),
    "overview.overdue_latest": ("{shown} việc quá hạn gần đây nhất trong số {n}.",
                                "The {shown} most recent of {n} overdue occurrences."),
    "overview.due_soon": ("Sắp đến hạn trong {days} ngày", "Due within {days} days"),
    "overview.due_soon_first": ("{shown} việc đến hạn sớm nhất trong số {n}.", "The {shown} soonest of {n}."),
    "overview.see_all": ("Xem tất cả ({n})", "See all ({n})"),
    "overview.completion": ("Hoàn thành theo quý", "Completion per quarter"),
    "overview.errors": ("Hồ sơ còn lỗi: số liệu chưa đầy đủ", "The records have errors: the figures are incomplete"),
    "overview.errors_note": ("Các tệp sau có lỗi; chạy 'ktcn validate' để xem và sửa.",
                             "These files have errors; run 'ktcn validate' to see and fix them."),
    "overview.none": ("Chưa có văn bản nào đang thực hiện.", "No programme is in force."),
    # charts
    "chart.categories": ("Số kỳ theo tình trạng của từng văn bản", "Occurrences by status, per programme"),
    "chart.categories_one": ("Số kỳ theo tình trạng", "Occurrences by status"),
    "chart.categories_desc": ("Thanh ngang xếp chồng: mỗi văn bản một thanh, mỗi đoạn là số kỳ của một tình trạng,"
                              " theo thứ tự của chú giải.",
                              "Stacked horizontal bars: one bar per programme, each part the occurrences of one"
                              " status, in the legend's order."),
    "chart.on_time": ("Tỷ lệ hoàn thành đúng hạn theo cơ quan chủ trì", "On-time rate per lead agency"),
    "chart.on_time_desc": ("Mỗi cơ quan một thanh: tỷ lệ số kỳ hoàn thành đúng hạn trên số kỳ đã đến hạn, ghi kèm"
                           " số kỳ.",
                           "One bar per agency: occurrences done on time out of those due, with the numbers."),
    "chart.overdue_age": ("Việc quá hạn theo số ngày trễ", "Overdue occurrences by how late they are"),
    "chart.overdue_age_desc": ("Số kỳ quá hạn chưa hoàn thành trong từng khoảng số ngày trễ.",
                               "How many overdue occurrences are late by each range of days."),
    "chart.quarterly": ("Số kỳ hoàn thành theo quý", "Occurrences completed per quarter"),
    "chart.quarterly_desc": ("Cột xếp chồng: mỗi quý một cột, gồm số kỳ hoàn thành đúng hạn và quá hạn trong quý"
                             " đó, theo ngày hoàn thành.",
                             "Stacked columns: one per quarter, the occurrences done on time and late in it, by the"
                             " day they were done."),
    "chart.data": ("Số liệu của biểu đồ", "The chart's data"),
    "chart.empty": ("Chưa có số liệu.", "No data yet."),
    "chart.empty.categories": ("Chưa có kỳ nào được đếm: chưa nhiệm vụ nào đến kỳ thực hiện đầu tiên.",
                               "No occurrence is counted yet: no task has reached its first occurrence."),
    "chart.empty.rate": ("Chưa có kỳ nào đến hạn (đã hoàn thành hoặc đã quá hạn), nên chưa tính được tỷ lệ đúng hạn.",
                         "No occurrence is due yet (done or past its deadline), so there is no on-time rate."),
    "chart.empty.age": ("Không có kỳ nào quá hạn chưa hoàn thành.", "No occurrence is overdue."),
    "chart.empty.quarters": ("Chưa có kỳ nào được ghi là đã hoàn thành, nên chưa có gì để đếm theo quý.",
                             "No occurrence has been recorded as done yet, so there is nothing to count by quarter."),
    "chart.total": ("Tổng", "Total"),
    "chart.rate": ("Tỷ lệ", "Rate"),
    "chart.quarter": ("Quý", "Quarter"),
    "chart.age": ("Số ngày trễ", "Days late"),
    "chart.count": ("Số kỳ", "Occurrences"),
    "chart.base": ("Số kỳ đã đến hạn", "Occurrences due"),
    "age.1": ("1–30 ngày", "1–30 days"),
    "age.2": ("31–90 ngày", "31–90 days"),
    "age.3": ("91–180 ngày", "91–180 days"),
    "age.4": ("181–365 ngày", "181–365 days"),
    "age.5": ("1–2 năm", "1–2 years"),
    "age.6": ("trên 2 năm", "over 2 years"),
    # {q}: quarter_numeral's, Roman in Vietnamese as the documents write it (Quý IV/2025); under a chart's
    # column the numeral alone, the year being written under the first quarter of each year
    "quarter": ("Quý {q}/{year}", "Q{q} {year}"),
    "quarter.short": ("{q}", "Q{q}"),
    # lists, filters, pages
    "filter.legend": ("Lọc danh sách", "Filter the list"),
    "filter.text": ("Có chữ", "Containing"),
    "filter.text_hint": ("gõ không dấu cũng được", "accents optional"),
    "filter.agency": ("Cơ quan chủ trì", "Lead agency"),
    "filter.category": ("Tình trạng", "Status"),
    "filter.year": ("Năm", "Year"),
    "filter.all": ("Tất cả", "All"),
    "filter.reset": ("Bỏ lọc", "Clear"),
    "filter.shown": ("Đang hiện {shown}/{total}", "Showing {shown} of {total}"),
    "filter.page_only": ("Bộ lọc áp dụng cho trang này; trang Tìm kiếm lọc trên toàn bộ hồ sơ.",
                         "The filters work on this page; the Search page filters the whole records."),
    "pages.label": ("Các trang của danh sách", "Pages of the list"),
    "pages.page": ("Trang {n}", "Page {n}"),
    "pages.of": ("trang {n}/{total}", "page {n} of {total}"),
    "pages.more": ("Còn {n} dòng nữa: xem tiếp", "{n} more rows: continue"),
    "programmes.title": ("Các văn bản", "Programmes"),
    "programmes.intro": ("Mọi chương trình, kế hoạch, công văn trong hồ sơ, kể cả văn bản đã kết thúc.",
                         "Every programme, plan and letter in the records, closed ones included."),
    "programme.implements": ("Thực hiện văn bản", "Implements"),
    "programme.implemented_by": ("Được triển khai bằng", "Carried out by"),
    "programme.basis": ("Căn cứ", "Basis"),
    "programme.objectives": ("Mục đích, yêu cầu", "Objectives"),
    "programme.signers": ("Người ký", "Signed by"),
    "programme.section": ("Mục {number}", "Section {number}"),
    "programme.no_tasks": ("Văn bản này không giao nhiệm vụ nào.", "This document assigns no task."),
    "programme.not_counted": ("Văn bản này {state}: số liệu của nó không được cộng vào tổng số ở trang Tổng quan.",
                              "This programme is {state}: its figures are not in the overview's totals."),
    "task.heading": ("Nhiệm vụ {id}", "Task {id}"),
    "task.in": ("Thuộc văn bản", "Programme"),
    "task.lead_now": ("Chủ trì sau sáp nhập", "Lead after mergers"),
    "task.open": ("Xem trang nhiệm vụ", "Open the task's page"),
    "task.log_more": ("và {n} cập nhật trước đó: xem trang nhiệm vụ", "and {n} earlier updates: see the task's page"),
    "task.later": ("Và {n} kỳ sau nữa, chưa đến.", "And {n} later occurrences, not yet begun."),
    "task.chips_more": ("và {n} kỳ khác: xem trang nhiệm vụ", "and {n} more occurrences: see the task's page"),
    "task.chips_all": ("{n} kỳ thực hiện: xem trang nhiệm vụ", "{n} occurrences: see the task's page"),
    "agencies.title": ("Các cơ quan", "Agencies"),
    "agencies.intro": ("Kết quả của từng cơ quan chủ trì (tính theo cơ quan sau sáp nhập) và mọi cơ quan trong danh"
                       " mục.",
                       "The results of each lead agency (after mergers), and every agency of the registry."),
    "agencies.scorecard": ("Kết quả theo cơ quan chủ trì", "Results by lead agency"),
    "agencies.registry": ("Danh mục cơ quan", "The registry"),
    "agency.short": ("Tên viết tắt", "Short name"),
    "agency.aliases": ("Tên khác", "Other names"),
    "agency.group": ("Giao chung cho nhiều cơ quan (nhóm)", "A group of agencies, assigned together"),
    "agency.until": ("Hoạt động đến ngày", "Existed until"),
    "agency.successor": ("Nhiệm vụ chuyển cho", "Its tasks passed to"),
    "agency.predecessors": ("Tiếp nhận nhiệm vụ của", "Took over the tasks of"),
    "agency.parent": ("Cơ quan chủ quản", "Superior body"),
    "agency.results": ("Kết quả khi chủ trì", "Results as lead agency"),
    "agency.no_results": ("Không có kỳ nào được tính cho cơ quan này trong các văn bản đang thực hiện.",
                          "No occurrence of a programme in force is counted for this agency."),
    "agency.overdue": ("Việc quá hạn do cơ quan chủ trì", "Overdue occurrences it leads"),
    "agency.leads": ("Nhiệm vụ chủ trì", "Tasks it leads"),
    "agency.supports": ("Nhiệm vụ phối hợp", "Tasks it supports"),
    "agency.none": ("Không có.", "None."),
    "agency.after_succession": ("Tính theo cơ quan sau sáp nhập: kỳ có thời hạn sau ngày một cơ quan thôi hoạt động"
                                " thuộc về cơ quan tiếp nhận.",
                                "After mergers: an occurrence due after an agency ceased belongs to its successor."),
    "overdue.heading": ("Việc quá hạn chưa hoàn thành", "Overdue occurrences"),
    "overdue.intro": ("{n} kỳ quá hạn chưa hoàn thành đến ngày {day}, hạn sớm nhất trước.",
                      "{n} occurrences overdue on {day}, earliest deadline first."),
    "upcoming.heading": ("Việc sắp đến hạn", "Upcoming deadlines"),
    "upcoming.intro": ("{n} kỳ đến hạn từ {day} đến {until}, chưa hoàn thành, sớm nhất trước.",
                       "{n} occurrences due from {day} to {until}, not yet done, soonest first."),
    "list.none": ("Không có việc nào.", "Nothing."),
    "changes.heading": ("Thay đổi gần đây của hồ sơ", "Recent changes to the records"),
    "changes.intro": ("{n} lần lưu hồ sơ gần nhất, mới nhất trước; mỗi lần lưu kèm lời ghi của người lưu và những"
                      " gì đã đổi trong tình trạng các nhiệm vụ.",
                      "The last {n} commits that changed the records, newest first, each with its message and what"
                      " it changed in the tasks' statuses (as 'ktcn diff' says it)."),
    "changes.not_git": ("Hồ sơ không nằm trong kho git nên không có lịch sử thay đổi.",
                        "The records are not in a git repository, so there is no history of changes."),
    "changes.none": ("Chưa có lần ghi nào thay đổi hồ sơ.", "No commit has changed the records yet."),
    "changes.commit": ("Lần lưu ngày {day}", "Commit of {day}"),
    "changes.subject": ("Lời ghi", "Message"),
    "changes.id": ("mã lần lưu", "commit"),
    "changes.first": ("Không có bản trước trong lịch sử git để so sánh (lần ghi đầu tiên, hoặc bản sao git chỉ lấy"
                      " vài lần ghi gần nhất).",
                      "No earlier state in the git history to compare with (the first commit, or a shallow clone)."),
    "search.label": ("Tìm nhiệm vụ, văn bản, cơ quan", "Find tasks, programmes, agencies"),
    "search.placeholder": ("ví dụ: chuyen doi so", "e.g. chuyen doi so"),
    "search.button": ("Tìm", "Search"),
    "search.heading": ("Tìm kiếm", "Search"),
    "search.intro": ("Gõ vài từ, có dấu hay không dấu đều được (“chuyen doi so” tìm được “chuyển đổi số”; “dd” là"
                     " “đ”). Lọc theo cơ quan chủ trì, tình trạng và năm.",
                     "Type a few words, with or without Vietnamese accents (“chuyen doi so” finds “chuyển đổi số”;"
                     " “dd” is “đ”). Filter by lead agency, status and year."),
    "search.results": ("{n} kết quả", "{n} results"),
    "search.more": ("Hiện {shown} kết quả đầu; thêm từ hoặc bộ lọc để thu hẹp.",
                    "Showing the first {shown}; add words or filters to narrow it."),
    "search.none": ("Không tìm thấy kết quả nào.", "Nothing found."),
    "search.needs_js": ("Trang tìm kiếm cần bật JavaScript trong trình duyệt; các trang khác xem được không cần nó.",
                        "The search page needs JavaScript; every other page works without it."),
    "search.kind.t": ("Nhiệm vụ", "Task"),
    "search.kind.p": ("Văn bản", "Programme"),
    "search.kind.a": ("Cơ quan", "Agency"),
    # Decree 30/2020 type codes (glossary.md); any other code is shown as written
    "programme.unnumbered": ("{type} {term}", "{type} {term}"),
    "programme.unnumbered_no_term": ("{type} chưa có số", "{type}, unnumbered"),
    "doc.CTr": ("Chương trình", "Programme"),
    "doc.KH": ("Kế hoạch", "Plan"),
    "doc.CV": ("Công văn", "Official letter"),
    "doc.NQ": ("Nghị quyết", "Resolution"),
    "doc.QĐ": ("Quyết định", "Decision"),
    "doc.CT": ("Chỉ thị", "Directive"),
    "doc.TB": ("Thông báo", "Notice"),
    "doc.BC": ("Báo cáo", "Report"),
    "doc.TTr": ("Tờ trình", "Submission"),
    "doc.HD": ("Hướng dẫn", "Guidance"),
    "doc.ĐA": ("Đề án", "Scheme"),
    "doc.type": ("Loại văn bản", "Type"),
    "doc.place": ("Nơi ban hành", "Place"),
    # the command
    "output.not_a_folder": ("{folder} đã có và không phải là thư mục", "{folder} exists and is not a folder"),
    "output.not_a_site": ("{folder} có sẵn các tệp khác mà không phải trang do ktcn tạo (không có tệp {manifest});"
                          " chọn một thư mục trống hoặc thư mục mới, ví dụ -o public",
                          "{folder} holds other files and is not a site made by ktcn (it has no {manifest}); choose"
                          " an empty or new folder, e.g. -o public"),
    "output.done": ("Đã tạo trang tĩnh trong {folder}: {pages} trang, {changed} tệp ghi mới, {removed} tệp cũ đã"
                    " xóa. Mở {folder}/index.html.",
                    "Site made in {folder}: {pages} pages, {changed} files written, {removed} old files removed."
                    " Open {folder}/index.html."),
    "template.failed": ("mẫu trang {name} lỗi: {problem}", "the page template {name} failed: {problem}"),
    "template.hint": ("sửa mẫu trong templates/site/ của kho hồ sơ, hoặc xóa nó để dùng mẫu có sẵn",
                      "fix the template in the workspace's templates/site/, or remove it to use the built-in one"),
}


def say(key: str, lang: str, **values: object) -> str:
    """The site's word `key` (or the shared label of that name) in `lang`, with `{name}` fields filled in."""
    vi, en = SITE_LABELS.get(key) or LABELS[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text


class Said:
    """A site word to be said later, in the language of whoever reads it (as `ktcn.labels.Phrase`, for the
    messages of errors raised before the language is known)."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values

    def say(self, lang: str) -> str:
        return say(self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.say("en")


def quarter_numeral(quarter: int, lang: str) -> str:
    """The {q} of "quarter" and "quarter.short": I..IV in Vietnamese, 1..4 in English."""
    return ("I", "II", "III", "IV")[quarter - 1] if lang == "vi" else str(quarter)
