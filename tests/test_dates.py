"""Issue 16, items 2 and 3: dates as people type them, and periods in words.

Every date option takes `01/12/2025`, `1/12/2025` and `2025-12-01` alike;
what cannot be a day gets a did-you-mean; Vietnamese screens show dd/mm/yyyy
and periods in words ("Quý IV/2021", "6 tháng đầu năm 2016", "2022–2023"),
JSON and CSV keep ISO dates and machine labels.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from ktcn.labels import spoken
from ktcn.records.dateish import DateIshError, parse_label, parse_typed_day
from ktcn.views.describe import period_words, span_words

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS

RECORDS = str(Path(__file__).resolve().parent.parent / "records")


@pytest.mark.parametrize("text", ["2025-12-01", "01/12/2025", "1/12/2025", "1.12.2025", "01-12-2025", "2025/12/01"])
def test_a_day_typed_any_way_people_write_it(text):
    assert parse_typed_day(text) == date(2025, 12, 1)


@pytest.mark.parametrize(("text", "meant"), [
    ("31/02/2025", ["28/02/2025"]),
    ("2025-02-31", ["28/02/2025"]),
    ("12/31/2025", ["31/12/2025"]),  # typed month first
    ("02/31/2025", ["28/02/2025"]),
    ("1/12/25", ["01/12/2025"]),  # two-digit year
    ("2025-Q4", ["01/10/2025", "31/12/2025"]),  # a period, not a day
    ("2025-12", ["01/12/2025", "31/12/2025"]),
    ("hôm qua", []),
    ("00/12/2025", []),
])
def test_what_is_not_a_day_says_why_and_what_was_meant(text, meant):
    with pytest.raises(DateIshError) as raised:
        parse_typed_day(text)
    assert [spoken(d, "vi") for d in raised.value.days][: len(meant)] == meant
    assert spoken(raised.value.problem, "vi") and spoken(raised.value.problem, "en")


@pytest.mark.parametrize("command", [["status"], ["overdue"], ["upcoming", "--days", "60"],
                                     ["show", "kh-231-2024/iii-2"], ["status", "--by", "agency"]])
def test_the_same_day_typed_three_ways_gives_the_same_output(ktcn, command):
    outputs = {as_of: ktcn(*command, "--records", RECORDS, "--as-of", as_of, "--lang", "vi")
               for as_of in ("01/12/2025", "1/12/2025", "2025-12-01")}
    assert {r.exit_code for r in outputs.values()} == {0}
    assert len({r.stdout for r in outputs.values()}) == 1
    assert command[0] == "show" or "01/12/2025" in outputs["2025-12-01"].stdout


def test_an_impossible_day_is_a_usage_error_with_a_suggestion(ktcn):
    result = ktcn("status", "--records", RECORDS, "--as-of", "31/02/2025", "--lang", "vi")
    assert result.exit_code == 2
    assert "'31/02/2025': tháng 2 năm 2025 chỉ có 28 ngày; có phải ý bạn là 28/02/2025?" in result.stderr
    english = ktcn("status", "--records", RECORDS, "--as-of", "31/02/2025", "--lang", "en")
    assert english.exit_code == 2 and "did you mean 2025-02-28?" in english.stderr


@pytest.fixture
def demo(ws):
    return ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME})


def test_every_date_option_takes_the_vietnamese_form(demo, ktcn):
    typed = ktcn("update", "ctr-demo/soon", "--status", "done", "--date", "05/10/2025", "--extend-to", "31/12/2025",
                 "--dry-run")
    assert typed.exit_code == 0, typed.stderr
    assert "date: 2025-10-05" in typed.stdout and "extend_to: '2025-12-31'" in typed.stdout  # records stay ISO
    report = ktcn("report", "--from", "1/1/2025", "--to", "30/6/2025", "--date", "05/07/2025")
    assert report.exit_code == 0, report.stderr
    assert report.stdout == ktcn("report", "--from", "2025-01-01", "--to", "2025-06-30", "--date", "2025-07-05").stdout
    wrong = ktcn("update", "ctr-demo/soon", "--extend-to", "31/02/2026", "--dry-run")
    assert wrong.exit_code == 2 and "28/02/2026" in wrong.stderr


@pytest.mark.parametrize(("label", "vi", "en"), [
    ("2021-Q4", "Quý IV/2021", "Q4 2021"),
    ("2016-H1", "6 tháng đầu năm 2016", "H1 2016"),
    ("2016-H2", "6 tháng cuối năm 2016", "H2 2016"),
    ("2025", "Năm 2025", "2025"),
    ("2026-05", "Tháng 5/2026", "May 2026"),
    ("2025-11-30", "30/11/2025", "2025-11-30"),
])
def test_periods_in_words(label, vi, en):
    span = parse_label(label)
    assert (span_words(span, "vi"), span_words(span, "en")) == (vi, en)


def test_a_round_longer_than_its_label_is_named_by_its_span():
    assert period_words("2022", date(2022, 1, 1), date(2023, 12, 31), "vi") == "2022–2023"
    assert period_words("2022", date(2022, 1, 1), date(2023, 12, 31), "en") == "2022–2023"
    assert period_words("2025-03", date(2025, 3, 1), date(2025, 4, 30), "vi") == "Tháng 3–4/2025"
    assert period_words("2025", date(2025, 1, 1), date(2025, 12, 31), "vi") == "Năm 2025"
    assert period_words("2016-H1", date(2016, 6, 14), date(2016, 6, 30), "vi") == "6 tháng đầu năm 2016"  # cut


def test_vietnamese_screens_show_no_iso_date_nor_machine_label(ktcn):
    iso = re.compile(r"(?<![\w/-])\d{4}-(\d\d|Q\d|H\d)(-\d\d)?(?![\w-])")
    for command in (["status"], ["overdue"], ["upcoming", "--days", "200"], ["status", "--by", "agency"],
                    ["show", "ctr-958-2022/5b"], ["show", "ctr-70-2016/4-2c"], ["show", "ctr-958-2022"]):
        shown = ktcn(*command, "--records", RECORDS, "--as-of", "2025-12-01", "--lang", "vi", "--all").stdout \
            if command[0] != "show" else ktcn(*command, "--records", RECORDS, "--as-of", "2025-12-01",
                                               "--lang", "vi").stdout
        assert not iso.search(shown), (command, iso.search(shown))
    two_year = ktcn("show", "ctr-958-2022/5b", "--records", RECORDS, "--as-of", "2025-12-01", "--lang", "vi").stdout
    assert "2023–2024" in two_year and "2025–2026" in two_year
    halves = ktcn("show", "ctr-70-2016/4-2c", "--records", RECORDS, "--as-of", "2025-12-01", "--lang", "vi").stdout
    assert "6 tháng đầu năm 2016" in halves and "từ ngày 14/06/2016" in halves


def test_json_keeps_iso_and_the_machine_label_and_adds_the_words(ktcn):
    shown = json.loads(ktcn("show", "ctr-958-2022/5b", "--records", RECORDS, "--as-of", "2025-12-01", "--lang", "vi",
                            "--format", "json").stdout)
    first = shown["occurrences"][0]
    # records/ counts deadlines under civil-code: Sunday 31/12/2023, then New Year's Day, move to 02/01/2024
    assert (first["label"], first["label_words"], first["deadline"], first["deadline_written"]) == (
        "2023", "2023–2024", "2024-01-02", "2023-12-31")
    items = json.loads(ktcn("overdue", "--records", RECORDS, "--as-of", "2025-12-01", "--lang", "vi",
                            "--format", "json").stdout)["items"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", i["deadline"]) for i in items)
    assert {i["occurrence_words"] for i in items} >= {"Năm 2025"}


def test_the_calendar_names_each_round_in_words(ktcn):
    import icalendar

    ics = ktcn("calendar", "--records", RECORDS, "--as-of", "2025-12-01", "--lang", "vi").stdout
    todos = {str(t["UID"]): t for t in icalendar.Calendar.from_ical(ics).walk("VTODO")}
    round_ = todos["ctr-958-2022/5b/2023@ktcn"]
    assert str(round_["SUMMARY"]).endswith("(2023–2024)")
    assert "ctr-958-2022/5b (2023–2024)" in str(round_["DESCRIPTION"])


def test_dates_inside_diagnostics_follow_the_language(demo, ktcn):
    early = DEMO_PROGRAMME.replace("{date: 2024-07-05, status: done,", "{date: 2023-12-01, status: done,")
    (demo / "programmes/demo.yaml").write_text(early, encoding="utf-8")
    vi = ktcn("validate", "--no-cache").stdout
    assert "KTCN503 cập nhật ngày 01/12/2023 trước ngày ban hành 15/01/2024" in vi
    en = ktcn("validate", "--no-cache", "--lang", "en").stdout
    assert "KTCN503 update dated 2023-12-01 is before the issue date 2024-01-15" in en
