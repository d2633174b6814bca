"""Issue 16, item 1: every word a user reads exists in Vietnamese and English and follows --lang, KTCN_LANG,
the workspace's `language:` or the locale: help, usage errors (Click's own included), diagnostics, views.

The Vietnamese screens are read by `vietnamese.english_words`: no English word outside its allow-list.
"""

from __future__ import annotations

import re

import pytest
from vietnamese import ALLOWED, english_words

from ktcn.cli import app
from ktcn.labels import LABELS
from ktcn.records.dateish import parse_typed_day
from ktcn.records.diagnostics import CODES

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS

IDS = frozenset({"lhh", "skhcn", "sttt", "snv"})  # the demo workspace's agency ids
COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)
DAY = ("--as-of", "2026-01-20")

# What a new user gets wrong, and the exit code it must give (2: usage, 3: no workspace).
USAGE_ERRORS = [
    (("statsu",), 2),
    (("status", "--bogus"), 2),
    (("status", "--as-of"), 2),
    (("status", "--as-of", "31/02/2025"), 2),
    (("status", "--as-of", "2025-Q4"), 2),
    (("status", "--as-of", "hôm qua"), 2),
    (("status", "--format", "xml"), 2),
    (("status", "--by", "nhiem-vu"), 2),
    (("status", "--lang", "fr"), 2),
    (("status", "--programme", "ctr-dem"), 2),
    (("status", "--agency", "khong-co"), 2),
    (("show",), 2),
    (("show", "ctr-demo/bc7"), 2),
    (("show", "kh-231"), 2),
    (("show", "a", "b"), 2),
    (("upcoming", "--days", "abc"), 2),
    (("upcoming", "--days", "99999"), 2),
    (("update", "ctr-demo/bc6"), 2),
    (("update", "ctr-demo/bc6", "--status", "finished"), 2),
    (("update", "ctr-demo/bc6", "--status", "done", "--date", "31/02/2026"), 2),
    (("update", "ctr-demo/bc6", "--extend-to", "2026-H3"), 2),
    (("report",), 2),
    (("report", "--year", "2025", "--from", "2025-01-01", "--to", "2025-03-31"), 2),
    (("report", "--template", "tong-ket"), 2),
    (("report", "--half", "3", "--year", "2025"), 2),
    (("schema", "lich"), 2),
    (("validate", "--format", "xml"), 2),
    (("diff", "khong-co-ban-nay"), 2),
    (("find",), 2),
]


@pytest.fixture
def demo(ws):
    """The demo workspace of the status tests, in a git repository (for `diff`), speaking Vietnamese."""
    import subprocess

    root = ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME})
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x",
           "HOME": str(root), "PATH": "/usr/bin:/bin:/usr/local/bin"}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "đầu"]):
        subprocess.run(["git", *command], cwd=root, env=env, check=True, capture_output=True)
    return root


@pytest.mark.parametrize(("args", "code"), USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_usage_errors_speak_vietnamese_in_a_vietnamese_workspace(demo, ktcn, args, code):
    result = ktcn(*args)
    assert result.exit_code == code, result.stderr
    assert result.stderr.strip()
    assert english_words(result.stderr, ALLOWED | set(args) | IDS) == [], result.stderr  # what was typed is echoed
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "code"), USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_the_same_usage_errors_in_english(demo, ktcn, monkeypatch, args, code):
    monkeypatch.setenv("KTCN_LANG", "en")
    result = ktcn(*args)
    assert result.exit_code == code
    said = result.stderr
    for typed in args:  # what was typed is echoed as it was
        said = said.replace(typed, "")
    assert not re.search("[À-ỹ]", said), result.stderr  # not a Vietnamese letter


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_in_vietnamese_has_no_english_word(ktcn, monkeypatch, command):
    monkeypatch.setenv("KTCN_LANG", "vi")
    monkeypatch.setenv("COLUMNS", "80")
    shown = ktcn(command, "--help").stdout
    assert "Cách dùng:" in shown and "Tùy chọn:" in shown and "Hiện hướng dẫn này rồi thoát." in shown
    assert english_words(shown) == [], shown
    assert "[default:" not in shown and "[required]" not in shown


def test_the_root_help_frame(ktcn, monkeypatch):
    monkeypatch.setenv("KTCN_LANG", "vi")
    shown = ktcn("--help").stdout
    assert re.match(r"Cách dùng: \S+ \[TÙY-CHỌN\] LỆNH \[THAM-SỐ\]\.\.\.", shown)
    assert "Lệnh:" in shown and "Commands" not in shown
    assert "..." not in shown.split("Lệnh:")[1]  # each command's line whole, not cut by the framework
    assert english_words(shown) == [], shown
    monkeypatch.setenv("KTCN_LANG", "en")
    assert re.match(r"Usage: \S+ \[OPTIONS\] COMMAND \[ARGS\]\.\.\.", ktcn("--help").stdout)


def test_required_and_default_notes_in_vietnamese(ktcn, monkeypatch):
    monkeypatch.setenv("KTCN_LANG", "vi")
    shown = ktcn("update", "--help").stdout
    assert "[bắt buộc]" in shown
    assert "--date NGÀY" in shown and "--records THƯ-MỤC" in shown


def test_the_language_follows_lang_then_ktcn_lang_then_the_workspace(demo, ktcn, monkeypatch):
    assert "Lỗi: không có tùy chọn --bogus" in ktcn("status", "--bogus").stderr  # language: vi
    assert "No such option: --bogus" in ktcn("status", "--bogus", "--lang", "en").stderr
    monkeypatch.setenv("KTCN_LANG", "en")
    assert "No such option: --bogus" in ktcn("status", "--bogus").stderr
    assert "Tình hình thực hiện" not in ktcn("status", *DAY).stdout  # the views too
    assert "Lỗi:" in ktcn("status", "--bogus", "--lang", "vi").stderr
    assert "Tình hình thực hiện" in ktcn("status", *DAY, "--lang", "vi").stdout


def test_the_locale_speaks_where_there_is_no_workspace(ktcn, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KTCN_LANG", raising=False)
    monkeypatch.delenv("KTCN_RECORDS", raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert "không có kho hồ sơ" in ktcn("status").stderr
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "no workspace" in ktcn("status").stderr


VIEWS = [
    ("status", *DAY),
    ("status", *DAY, "--by", "agency"),
    ("status", *DAY, "--all"),
    ("overdue", *DAY),
    ("upcoming", "--as-of", "2025-09-30", "--days", "60"),
    ("show", "ctr-demo", *DAY),
    ("show", "ctr-demo/bc6", *DAY),
    ("show", "ctr-demo/hoi-thi", *DAY),
    ("show", "ctr-demo/tong-hop", *DAY),
    ("find", "bao cao"),
    ("find", "lien hiep hoi"),
]


@pytest.mark.parametrize("args", VIEWS, ids=[" ".join(a) for a in VIEWS])
@pytest.mark.parametrize("width", [80, 60])
def test_views_in_vietnamese_have_no_english_word_and_fit(demo, ktcn, monkeypatch, args, width):
    monkeypatch.setenv("COLUMNS", str(width))
    result = ktcn(*args)
    assert result.exit_code == 0, result.stderr
    assert english_words(result.stdout, ALLOWED | IDS) == [], result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= width, result.stdout
    assert "…" not in result.stdout


def test_diff_in_vietnamese_has_no_english_word(demo, ktcn):
    changed = DEMO_PROGRAMME.replace("      - {date: 2025-10-15, status: done, progress: 100}",
                                     "      - {date: 2025-10-15, status: done, progress: 100}\n"
                                     "      - {date: 2025-11-01, extend_to: 2025-12-15, note: Gia hạn lần hai}")
    changed = changed.replace("    schedule: 2025-10-10\n", "    schedule: 2025-12-31\n")
    (demo / "programmes/demo.yaml").write_text(changed, encoding="utf-8")
    for args in (("diff", *DAY), ("diff", "--staged", *DAY)):
        shown = ktcn(*args).stdout
        assert english_words(shown) == [], shown
    shown = ktcn("diff", *DAY).stdout
    assert "bản đang sửa" in shown and "15/12/2025" in shown and "2025-12-15" not in shown


def test_diagnostics_in_vietnamese_have_no_english_fragment(demo, ktcn):
    (demo / "programmes/bad.yaml").write_text(
        "id: kh-9\ntype: KH\ntitle: Kế hoạch: thử nghiệm\nissued: 2026-03-15\ntasks: []\n", encoding="utf-8")
    (demo / "programmes/dates.yaml").write_text(
        "id: kh-10\ntype: KH\ntitle: Kế hoạch thử\nissued: 15/03/2026\nissuers: [skhcn]\ntasks:\n"
        "  - id: '1'\n    lead: [skhcn]\n    schedule: 2025-13-01\n", encoding="utf-8")
    (demo / "programmes/list.yaml").write_text(
        "id: kh-11\ntype: KH\ntitle: Kế hoạch thử\nissued: 2026-03-15\nissuers: [skhcn\ntasks: []\n", encoding="utf-8")
    result = ktcn("validate", "--no-cache")
    assert result.exit_code == 1
    for line in result.stdout.splitlines():
        assert english_words(line) == [], line
    assert "programmes/bad.yaml:3:16: lỗi KTCN001 lỗi cú pháp YAML: dấu ': ' ở giữa một giá trị" in result.stdout
    assert 'đặt cả giá trị trong ngoặc kép: title: "Nhiệm vụ: tổ chức hội thảo"' in result.stdout
    assert "'15/03/2026' ở 'issued': cần viết dạng YYYY-MM-DD" in result.stdout
    assert "(có phải ý bạn là 2026-03-15?)" in result.stdout
    assert "thêm 'title:' (nội dung nhiệm vụ)" in result.stdout
    assert "danh sách trong ngoặc vuông [ ] chưa đóng" in result.stdout
    english = ktcn("validate", "--no-cache", "--lang", "en").stdout
    assert "a ': ' inside a value starts a new key" in english and "put it in double quotes" in english


def test_every_label_and_diagnostic_template_has_vietnamese_words():
    def words_of(template: str) -> list[str]:
        return english_words(re.sub(r"\{+[^{}]*\}+", " ", template))  # the {fields} are filled with values

    for key, (vi, _) in LABELS.items():
        assert words_of(vi) == [], key
    for code in CODES.values():
        for text in (code.message_vi, code.hint_vi):
            assert words_of(text) == [], code.code


def test_a_typed_day_error_names_the_day_meant_in_the_readers_style(demo, ktcn):
    vi = ktcn("status", "--as-of", "31/02/2025").stderr
    assert "tháng 2 năm 2025 chỉ có 28 ngày; có phải ý bạn là 28/02/2025?" in vi
    en = ktcn("status", "--as-of", "31/02/2025", "--lang", "en").stderr
    assert "did you mean 2025-02-28?" in en
    assert parse_typed_day("28/02/2025").isoformat() == "2025-02-28"
