"""Issue 16, item 4, through a real terminal emulator: tmux panes of 80×24 and 120×40, in both languages.

Each view runs in a pane and the whole screen, scrollback included, is read
back (`capture-pane -J` joins the lines the terminal had to wrap).  Nothing
may be wider than the pane, nothing cut ('…'), every id and agency name whole
on its line, and the Vietnamese screens hold no English word.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from vietnamese import ALLOWED, english_words

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS, write_workspace

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

RECORDS = str(Path(__file__).resolve().parent.parent / "records")
IDS = frozenset({"lhh", "skhcn", "sttt", "snv"})
RECORD_WORDS = frozenset({"website"})  # the bundled documents' own words, quoted in titles: not ktcn's


def screen(command: list[str], width: int, height: int, env: dict[str, str], cwd: Path) -> str:
    """What `command` leaves on a tmux pane of `width`×`height`, scrollback included, wrapped lines joined."""
    socket = f"ktcn-test-{uuid.uuid4().hex[:8]}"
    conf = cwd / f".{socket}.conf"
    conf.write_text("set -g history-limit 20000\nset -g default-terminal screen\n", encoding="utf-8")
    line = " ".join(_quote(part) for part in command)
    tmux = ["tmux", "-L", socket, "-f", str(conf)]
    full_env = {**os.environ, **env, "TERM": "screen"}
    try:
        subprocess.run([*tmux, "new-session", "-d", "-x", str(width), "-y", str(height), "-c", str(cwd),
                        f"sh -c '{line}; printf \"\\n__END__\"; sleep 60'"], env=full_env, check=True)
        for _ in range(300):
            shown = subprocess.run([*tmux, "capture-pane", "-p", "-J", "-S", "-"], capture_output=True, text=True,
                                   env=full_env).stdout
            if "__END__" in shown:
                return shown.split("__END__")[0].rstrip() + "\n"
            time.sleep(0.1)
        raise AssertionError(f"{line} did not finish:\n{shown}")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, env=full_env)
        conf.unlink(missing_ok=True)


def _quote(part: str) -> str:
    return '"' + part.replace('"', '\\"') + '"' if any(c in part for c in " '&|;") else part


KTCN = [sys.executable, "-m", "ktcn"]
BUNDLED = [
    ["status", "--as-of", "2025-12-01"],
    ["status", "--as-of", "2025-12-01", "--all"],
    ["status", "--as-of", "2025-12-01", "--by", "agency"],
    ["overdue", "--as-of", "2025-12-01"],
    ["upcoming", "--as-of", "2025-12-01", "--days", "200"],
    ["show", "ctr-958-2022", "--as-of", "2025-12-01"],
    ["show", "kh-231-2024/iii-2", "--as-of", "2025-12-01"],
    ["show", "ctr-70-2016/4-2c", "--as-of", "2025-12-01"],
    ["find", "lien hiep hoi"],
]
ID = re.compile(r"\b(?:ctr|kh|cv)-[\w-]+\d{4}(?:/[\w-]+)?|\b\d+/[A-ZĐ][\w-]*-[\w-]+")
WHOLE = ["958/CTr-SKHCN-LHH", "ctr-958-2022", "231/KH-UBND", "kh-231-2024/iii-3-bao-cao", "ctr-958-2022/3-2b"]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40)])
@pytest.mark.parametrize("args", BUNDLED, ids=[" ".join(a) for a in BUNDLED])
def test_bundled_records_in_a_real_terminal(tmp_path, args, width, height, lang):
    shown = screen([*KTCN, *args, "--records", RECORDS], width, height, {"KTCN_LANG": lang, "NO_COLOR": "1"},
                   tmp_path)
    lines = shown.splitlines()
    assert lines, shown
    assert max(len(line) for line in lines) <= width, shown
    assert "…" not in shown and "Traceback" not in shown
    wide = screen([*KTCN, *args, "--records", RECORDS], 250, 50, {"KTCN_LANG": lang, "NO_COLOR": "1"}, tmp_path)
    for whole in set(ID.findall(wide)) | {w for w in WHOLE if w in wide}:  # every id and number, whole on a line
        assert whole in shown, (whole, shown)
    if lang == "vi":
        assert english_words(shown, ALLOWED | RECORD_WORDS) == [], shown


def test_the_dashboard_fits_80_columns_without_cutting_numbers_or_ids(tmp_path):
    shown = screen([*KTCN, "status", "--as-of", "2025-12-01", "--records", RECORDS], 80, 24, {"KTCN_LANG": "vi"},
                   tmp_path)
    for whole in ("958/CTr-SKHCN-LHH", "ctr-958-2022", "231/KH-UBND", "kh-231-2024", "Tổng cộng"):
        assert whole in shown, shown
    header = shown.split("─")[0]
    assert "Tổng" in header and "HT-ĐH" in header  # abbreviated with a legend, not broken
    assert "HT-ĐH: hoàn thành đúng hạn" in shown
    wide = screen([*KTCN, "status", "--as-of", "2025-12-01", "--records", RECORDS], 120, 40, {"KTCN_LANG": "vi"},
                  tmp_path)
    assert "Quá hạn" in wide.split("─")[0] and "HT-ĐH" not in wide  # the room of a wide terminal is used


def test_the_scorecard_in_a_real_terminal(tmp_path):
    shown = screen([*KTCN, "status", "--by", "agency", "--as-of", "01/12/2025", "--records", RECORDS], 80, 24,
                   {"KTCN_LANG": "vi"}, tmp_path)
    assert shown.startswith("Kết quả theo cơ quan chủ trì đến ngày 01/12/2025")
    assert "Cộng các dòng" in shown and "0% (0/10)" in shown
    assert "được tính cho mỗi cơ quan" in shown
    for name in ("Ban Thường vụ Liên hiệp", "Văn phòng Sở KH&CN", "UBND xã, phường", "Tổng thư ký Liên hiệp Hội"):
        assert name in shown, shown


@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40)])
def test_demo_workspace_in_a_real_terminal(tmp_path, width, height):
    root = write_workspace(tmp_path / "ho-so", {"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES,
                                                "programmes/demo.yaml": DEMO_PROGRAMME})
    for args in (["status", "--as-of", "20/01/2026"], ["overdue", "--as-of", "20/01/2026"],
                 ["show", "ctr-demo/bc6", "--as-of", "20/01/2026"],
                 ["show", "ctr-demo/hoi-thi", "--as-of", "2026-01-20"],
                 ["status", "--bogus"], ["show", "ctr-demo/bc7"], ["status", "--as-of", "31/02/2025"]):
        shown = screen([*KTCN, *args], width, height, {}, root)  # the workspace says language: vi
        assert max(len(line) for line in shown.splitlines()) <= width, shown
        assert english_words(shown, ALLOWED | IDS | set(args)) == [], shown
