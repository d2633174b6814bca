"""The timing grammar of `ktcn import` (docs/import.md): every phrase of issue 17 and of the five seed documents.

Each row is a cell as a plan prints it and the schedule ktcn must give, or
None where it must refuse rather than guess.  Every expected schedule is also
written as YAML the way the import writes it and read back by the record
format's own converter, so each one is a schedule the validator accepts.
"""

from __future__ import annotations

import pytest

from ktcn.importing.timing import read_timing, year_of
from ktcn.importing.writer import schedule_text

from conftest import parse_schedule

ONGOING = {"ongoing": True}
YEARLY = {"every": "1y"}

# The grammar of issue 17, each phrase with variants in case, spacing, diacritics and dashes.
GRAMMAR = [
    ("Quý IV/2024", {"due": "2024-Q4"}),
    ("QUÝ IV/2024", {"due": "2024-Q4"}),
    ("quý iv/2024", {"due": "2024-Q4"}),
    ("Quy IV/2024", {"due": "2024-Q4"}),
    ("Quý IV / 2024", {"due": "2024-Q4"}),
    ("Quý 4/2024", {"due": "2024-Q4"}),
    ("Q4/2024", {"due": "2024-Q4"}),
    ("Quý IV-2024", {"due": "2024-Q4"}),
    ("Quý IV năm 2024", {"due": "2024-Q4"}),
    ("Quý  IV  năm  2024", {"due": "2024-Q4"}),
    ("Trong quý I/2025", {"due": "2025-Q1"}),
    ("trong quy I/2025", {"due": "2025-Q1"}),
    ("Tháng 6/2025", {"due": "2025-06"}),
    ("tháng 06/2025", {"due": "2025-06"}),
    ("Thang 6/2025", {"due": "2025-06"}),
    ("T6/2025", {"due": "2025-06"}),
    ("6/2025", {"due": "2025-06"}),
    ("Tháng 12 năm 2025", {"due": "2025-12"}),
    ("THÁNG 12 NĂM 2025", {"due": "2025-12"}),
    ("Năm 2025", {"due": "2025"}),
    ("NĂM 2025", {"due": "2025"}),
    ("Nam 2025", {"due": "2025"}),
    ("Trong năm 2025", {"due": "2025"}),
    ("2025", {"due": "2025"}),
    (" 2025. ", {"due": "2025"}),
    ("2024 - 2025", {"ongoing": True, "from": "2024", "until": "2025"}),
    ("2024-2025", {"ongoing": True, "from": "2024", "until": "2025"}),
    ("2024 – 2025", {"ongoing": True, "from": "2024", "until": "2025"}),
    ("Năm 2024 - 2025", {"ongoing": True, "from": "2024", "until": "2025"}),
    ("Từ năm 2024 đến năm 2025", {"ongoing": True, "from": "2024", "until": "2025"}),
    ("Giai đoạn 2021-2025", {"ongoing": True, "from": "2021", "until": "2025"}),
    ("giai doan 2021 - 2025", {"ongoing": True, "from": "2021", "until": "2025"}),
    ("GIAI ĐOẠN 2021 – 2025", {"ongoing": True, "from": "2021", "until": "2025"}),
    ("Trước ngày 30/6/2025", {"due": "2025-06-30"}),
    ("trước ngày 30/06/2025", {"due": "2025-06-30"}),
    ("Truoc ngay 30/6/2025", {"due": "2025-06-30"}),
    ("Trước 30/6/2025", {"due": "2025-06-30"}),
    ("Trước ngày 30 tháng 6 năm 2025", {"due": "2025-06-30"}),
    ("Chậm nhất ngày 30/6/2025", {"due": "2025-06-30"}),
    ("30.6.2025", {"due": "2025-06-30"}),
    ("30-6-2025", {"due": "2025-06-30"}),
    ("2025-06-30", {"due": "2025-06-30"}),
    ("Trước ngày 30 tháng 11 hằng năm", {"every": "1y", "day": "11-30"}),
    ("trước ngày 30 tháng 11 hàng năm", {"every": "1y", "day": "11-30"}),
    ("Trước ngày 30/11 hằng năm", {"every": "1y", "day": "11-30"}),
    ("Hằng năm, trước ngày 30/11", {"every": "1y", "day": "11-30"}),
    ("truoc ngay 30 thang 11 hang nam", {"every": "1y", "day": "11-30"}),
    ("Hằng năm", YEARLY),
    ("Hàng năm", YEARLY),
    ("hang nam", YEARLY),
    ("HẰNG NĂM", YEARLY),
    ("Định kỳ hằng năm", YEARLY),
    ("Định kỳ hàng năm", YEARLY),
    ("Mỗi năm một lần", YEARLY),
    ("6 tháng đầu năm", {"every": "1y", "day": "06-30"}),
    ("Sáu tháng đầu năm", {"every": "1y", "day": "06-30"}),
    ("6 tháng cuối năm", {"every": "1y", "day": "12-31"}),
    ("6 tháng đầu năm 2025", {"due": "2025-H1"}),
    ("6 tháng cuối năm 2025", {"due": "2025-H2"}),
    ("Định kỳ 6 tháng", {"every": "6m"}),
    ("Định kỳ 6 tháng một lần", {"every": "6m"}),
    ("6 tháng/lần", {"every": "6m"}),
    ("Mỗi 6 tháng", {"every": "6m"}),
    ("Hằng quý", {"every": "1q"}),
    ("Hàng quý", {"every": "1q"}),
    ("Định kỳ hằng quý", {"every": "1q"}),
    ("Hằng tháng", {"every": "1m"}),
    ("Hàng tháng", {"every": "1m"}),
    ("Mỗi tháng", {"every": "1m"}),
    ("Mỗi tháng (1 số)", {"every": "1m"}),
    ("Hằng tuần", {"every": "1w"}),
    ("Trước ngày 15 hằng tháng", {"rrule": "FREQ=MONTHLY;BYMONTHDAY=15"}),
    ("Thường xuyên", ONGOING),
    ("Thực hiện thường xuyên", ONGOING),
    ("THƯỜNG XUYÊN", ONGOING),
    ("Thuong xuyen", ONGOING),
    ("Thường xuyên, liên tục", ONGOING),
    ("Từ năm 2025", {"ongoing": True, "from": "2025"}),
    ("Thực hiện từ năm 2025", {"ongoing": True, "from": "2025"}),
    ("Từ 2025", {"ongoing": True, "from": "2025"}),
    ("Từ năm 2025 trở đi", {"ongoing": True, "from": "2025"}),
    ("Từ quý III/2025", {"ongoing": True, "from": "2025-Q3"}),
    ("Năm 2025 và định kỳ 2 năm một lần", {"every": "2y", "day": "12-31", "from": "2025"}),
    ("Thực hiện năm 2025 và định kỳ 2 năm một lần", {"every": "2y", "day": "12-31", "from": "2025"}),
    ("Năm 2025, định kỳ 2 năm/lần", {"every": "2y", "day": "12-31", "from": "2025"}),
    ("Năm 2025 và hằng năm", {"every": "1y", "from": "2025"}),
    ("Tháng 6/2025 và hằng năm", {"every": "1y", "day": "06-30", "from": "2025"}),
    ("Hằng năm, từ năm 2025 đến năm 2030", {"every": "1y", "from": "2025", "until": "2030"}),
    ("Năm 2024, 2025", {"every": "1y", "from": "2024", "until": "2025"}),
    ("Năm 2024 và 2025", {"every": "1y", "from": "2024", "until": "2025"}),
    ("Năm 2024, năm 2025", {"every": "1y", "from": "2024", "until": "2025"}),
    ("2024, 2025", {"every": "1y", "from": "2024", "until": "2025"}),
    ("Năm 2024, 2026", {"every": "2y", "day": "12-31", "from": "2024", "until": "2026"}),
    ("Quý III, IV/2025", {"every": "1q", "from": "2025-Q3", "until": "2025-Q4"}),
    ("Quý III và IV/2025", {"every": "1q", "from": "2025-Q3", "until": "2025-Q4"}),
    ("Quý III, quý IV/2025", {"every": "1q", "from": "2025-Q3", "until": "2025-Q4"}),
    ("Quý III/2025, Quý IV/2025", {"every": "1q", "from": "2025-Q3", "until": "2025-Q4"}),
    ("Quý I, III/2025", {"rrule": "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1", "from": "2025-Q1", "until": "2025-Q3"}),
    ("Tháng 6, 7/2025", {"every": "1m", "from": "2025-06", "until": "2025-07"}),
    ("Tháng 6 và tháng 12 hằng năm", {"rrule": "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"}),
    ("Quý III - IV/2025", {"ongoing": True, "from": "2025-Q3", "until": "2025-Q4"}),
    ("Quý IV/2024 - Quý I/2025", {"ongoing": True, "from": "2024-Q4", "until": "2025-Q1"}),
    ("Quý IV hằng năm", {"every": "1y", "day": "12-31"}),
    ("Đến năm 2025", {"due": "2025"}),
    ("Đến hết năm 2025", {"due": "2025"}),
    ("Thường xuyên, đến năm 2025", {"ongoing": True, "until": "2025"}),
    ("Năm 2025 và các năm tiếp theo", {"ongoing": True, "from": "2025"}),
    ("Từ năm 2025 trở về sau", {"ongoing": True, "from": "2025"}),
    ("Hằng năm, từ năm 2025 và các năm tiếp theo", {"every": "1y", "from": "2025"}),
    ("Năm 2025, quý IV", {"due": "2025-Q4"}),
    ("Năm 2025 (Quý IV)", {"due": "2025-Q4"}),
    ("Trình UBND thành phố trong quý IV/2025", None),  # an agency in the cell: not a timing phrase
    ("Trình trong quý IV/2025", {"due": "2025-Q4"}),
    # counted deadlines (issue 19, docs/working-days.md)
    ("Trong thời hạn 15 ngày làm việc kể từ ngày Kế hoạch được ban hành", {"within": "15wd", "after": "issued"}),
    ("Sau 30 ngày kể từ ngày Kế hoạch được ban hành", {"within": "30d", "after": "issued"}),
    ("trong vong 10 ngay ke tu ngay ban hanh", {"within": "10d", "after": "issued"}),
    ("Trong thời hạn 03 tháng kể từ ngày 15/3/2025", {"within": "3m", "after": "2025-03-15"}),
    ("Chậm nhất 2 tuần kể từ ngày Quyết định này được ban hành", {"within": "2w", "after": "issued"}),
]

# What must be refused: no time at all, a condition, or a time that needs a year the cell does not give.
REFUSED = [
    "Theo kế hoạch", "Khi có yêu cầu", "Theo yêu cầu", "Theo chỉ đạo của UBND tỉnh", "Định kỳ sơ kết, tổng kết",
    "Trong quá trình thực hiện", "Sau khi có hướng dẫn của Bộ", "Quý IV", "Tháng 6", "Trước ngày 30/6",
    "Trước quý IV/2025", "Năm 2024 hoặc 2025", "Năm 2024, 2025, 2027", "Quý IV/2024 quý I/2025", "", "  ",
    "30/2/2025", "Đầu năm 2025", "Hằng năm, hằng quý", "Thường xuyên, quý IV", "Từ năm 2026 đến năm 2025",
    # counted from an event the table cannot date
    "Trong thời hạn 15 ngày làm việc kể từ ngày nhận được văn bản",
    "Chậm nhất 05 ngày làm việc sau khi kết thúc kỳ báo cáo", "10 ngày kể từ ngày 31/2/2025",
]

# Every timing phrase of the five seed documents (shared/seeds), as printed, with what it gives.
SEEDS = [
    # 958/CTr-SKHCN-LHH (Cần Thơ, 2022)
    ("GIAI ĐOẠN 2021-2026", {"ongoing": True, "from": "2021", "until": "2026"}),
    ("nhiệm kỳ 2020 – 2025", {"ongoing": True, "from": "2020", "until": "2025"}),
    ("hàng năm", YEARLY),
    ("2 năm một lần", {"every": "2y"}),
    ("Định kỳ vào tháng 12 hàng năm", {"every": "1y", "day": "12-31"}),
    ("ngày 15 tháng 7 năm 2022", {"due": "2022-07-15"}),
    ("ngày 02 tháng 5 năm 2019", {"due": "2019-05-02"}),
    ("ngày 05 tháng 8 năm 2020", {"due": "2020-08-05"}),
    ("ngày 21 tháng 10 năm 2015", {"due": "2015-10-21"}),
    ("đến năm 2030", {"due": "2030"}),
    ("đến năm 2045", {"due": "2045"}),
    ("năm 2013", {"due": "2013"}),
    ("theo các nội dung mà Kế hoạch thực hiện hàng năm được hai bên thống nhất", None),
    ("cho thời gian tiếp theo", None),
    # 3645/UBND-KGVX and its draft programme (Cần Thơ, 2021)
    ("ngày 31 tháng 8 năm 2021", {"due": "2021-08-31"}),
    ("trong quý IV năm 2021", {"due": "2021-Q4"}),
    ("Thời gian ký kết dự kiến trong quý IV năm 2021 (sau khi tình hình dịch bệnh COVID-19 trên địa bàn thành phố"
     " Cần Thơ được kiểm soát)", None),
    ("giai đoạn 2021-2025", {"ongoing": True, "from": "2021", "until": "2025"}),
    ("giai đoạn 2021 – 2025", {"ongoing": True, "from": "2021", "until": "2025"}),
    ("giai đoạn 2021 - 2030", {"ongoing": True, "from": "2021", "until": "2030"}),
    ("nhiệm kỳ 2020 - 2025", {"ongoing": True, "from": "2020", "until": "2025"}),
    ("định kỳ đánh giá hàng năm", YEARLY),
    ("cuối năm 2025", {"due": "2025"}),
    ("tổng kết khi Chương trình kết thúc (cuối năm 2025)", None),
    ("thường xuyên", ONGOING),
    # 231/KH-UBND (Cần Thơ, 2024)
    ("ngày 28 tháng 10 năm 2024", {"due": "2024-10-28"}),
    ("ngày 09 tháng 7 năm 2024", {"due": "2024-07-09"}),
    ("ngày 24 tháng 11 năm 2023", {"due": "2023-11-24"}),
    ("ngày 12 tháng 3 năm 2024", {"due": "2024-03-12"}),
    ("định kỳ 2 năm một lần", {"every": "2y"}),
    ("Thực hiện thường xuyên", ONGOING),
    ("Thực hiện từ năm 2025", {"ongoing": True, "from": "2025"}),
    ("Thực hiện năm 2025 và định kỳ 2 năm một lần", {"every": "2y", "day": "12-31", "from": "2025"}),
    ("Thực hiện từ năm 2024", {"ongoing": True, "from": "2024"}),
    ("định kỳ hằng năm ... trước ngày 30 tháng 11", {"every": "1y", "day": "11-30"}),
    ("trước ngày 30 tháng 11", None),  # no year and no "hằng năm": which year is not said
    ("định kỳ hằng năm báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 30 tháng 11", None),
    ("Định kỳ sơ kết, tổng kết", None),
    ("Trong quá trình tổ chức thực hiện", None),
    # 70/CTr-LHH (Cần Thơ, 2016)
    ("ngày 14 tháng 6 năm 2016", {"due": "2016-06-14"}),
    ("07/6/2016", {"due": "2016-06-07"}),
    ("nhiệm kỳ 2015-2020", {"ongoing": True, "from": "2015", "until": "2020"}),
    ("tháng 5/1996", {"due": "1996-05"}),
    ("định kỳ báo cáo 6 tháng một lần", {"every": "6m"}),
    ("6 tháng một lần", {"every": "6m"}),
    ("xem đây là nhiệm vụ thường xuyên", None),
    # 106/CTr-LHH (Nghệ An, 2019)
    ("ngày 23 tháng 12 năm 2019", {"due": "2019-12-23"}),
    ("NHIỆM KỲ 2019-2024", {"ongoing": True, "from": "2019", "until": "2024"}),
    ("nhiệm kỳ 2019- 2024", {"ongoing": True, "from": "2019", "until": "2024"}),
    ("Khóa VI, nhiệm kỳ 2019-2024", {"ongoing": True, "from": "2019", "until": "2024"}),
    ("nhiệm kỳ 2019-2020", {"ongoing": True, "from": "2019", "until": "2020"}),
    ("nhiệm kỳ 2024- 2029", {"ongoing": True, "from": "2024", "until": "2029"}),
    ("nhiệm kỳ 2020 -2025", {"ongoing": True, "from": "2020", "until": "2025"}),
    ("thường xuyên hàng năm (2019-2024)", {"ongoing": True, "from": "2019", "until": "2024"}),
    ("Chương trình công tác thường xuyên hàng năm (2019-2024)", None),
    ("mỗi tháng 1 số", {"every": "1m"}),
    ("15/9/2010", {"due": "2010-09-15"}),
    ("Năm 2019", {"due": "2019"}),
    ("Năm 2020", {"due": "2020"}),
    ("Năm 2021", {"due": "2021"}),
    ("Năm 2022", {"due": "2022"}),
    ("Năm 2023", {"due": "2023"}),
    ("Năm 2024", {"due": "2024"}),
    ("vào dịp cuối năm 12/2020", {"due": "2020-12"}),
    ("hàng năm báo cáo", YEARLY),
    ("Căn cứ chương trình công tác hàng năm của UBND tỉnh", None),
]


@pytest.mark.parametrize(("phrase", "expected"), GRAMMAR + SEEDS, ids=lambda v: v if isinstance(v, str) else "")
def test_phrase_gives_its_schedule(phrase, expected):
    reading = read_timing(phrase)
    assert reading.schedule == expected, reading.problem
    if expected is None:
        assert reading.problem is not None
    else:
        parse_schedule(schedule_text(expected))  # the record format's converter accepts what import writes


@pytest.mark.parametrize("phrase", REFUSED)
def test_phrase_is_refused_not_guessed(phrase):
    reading = read_timing(phrase)
    assert reading.schedule is None
    assert reading.problem.en and reading.problem.vi


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Quý IV", {"due": "2025-Q4"}),
    ("Tháng 6", {"due": "2025-06"}),
    ("Trước ngày 30/6", {"due": "2025-06-30"}),
    ("6 tháng đầu năm", {"due": "2025-H1"}),
    ("Quý IV/2026", {"due": "2026-Q4"}),  # a year of its own wins
    ("Hằng quý", {"every": "1q"}),
])
def test_a_section_or_document_year_completes_phrases_without_one(phrase, expected):
    assert read_timing(phrase, 2025).schedule == expected


def test_the_shortest_forms_are_written():
    assert schedule_text({"due": "2025-Q4"}) == "2025-Q4"
    assert schedule_text(ONGOING) == "ongoing"
    assert schedule_text({"ongoing": True, "from": "2025"}) == "{ongoing: true, from: 2025}"
    assert schedule_text({"every": "1y", "day": "11-30", "from": "2024"}) == "{every: 1y, day: 11-30, from: 2024}"
    assert schedule_text({"rrule": "FREQ=MONTHLY;BYMONTHDAY=15"}) == '{rrule: "FREQ=MONTHLY;BYMONTHDAY=15"}'


def test_a_reading_is_the_callers_own():
    read_timing("Hằng năm").schedule["day"] = "01-01"
    assert read_timing("Hằng năm").schedule == YEARLY


@pytest.mark.parametrize(("text", "year"), [
    ("I. NHIỆM VỤ NĂM 2025", 2025),
    ("Kế hoạch hoạt động khoa học và công nghệ năm 2025", 2025),
    ("Thực hiện Nghị quyết số 107/NQ-CP ngày 09 tháng 7 năm 2024 của Chính phủ", None),  # a date it cites
    ("Giai đoạn 2021-2025", None),
    ("Nhiệm vụ trọng tâm", None),
])
def test_the_year_a_heading_is_about(text, year):
    assert year_of(text) == year
