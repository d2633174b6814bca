"""The overdue list's rows in words, kept in the cache beside each standing (`ktcn.views.overdue_rows`).

A warm `ktcn overdue` reads them instead of every overdue occurrence; each
test below changes one input the rows' words depend on, lets another command
(`status`, which keeps no rows) store the new standings first, and checks
that `overdue` then says what a run without the cache says: were that input
missing from the rows' key, the old rows would be shown.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ktcn.engine.standing import standing
from ktcn.records import cache as cache_module
from ktcn.records.loader import load
from ktcn.views import overdue_rows as rows_module

BUNDLED = Path(__file__).resolve().parent.parent / "records"


@pytest.fixture
def bundled(tmp_path):
    return Path(shutil.copytree(BUNDLED, tmp_path / "records", ignore=shutil.ignore_patterns(".ktcn-cache")))


@pytest.fixture
def made(monkeypatch):
    """Count the standings whose rows were made (not read from the cache)."""
    counts = {"made": 0}
    real = rows_module.OverdueRows.make

    def make(self, found):
        counts["made"] += 1
        return real(self, found)

    monkeypatch.setattr(rows_module.OverdueRows, "make", make)
    return counts


def overdue(ktcn, root: Path, *extra: str) -> str:
    """`ktcn overdue` of every programme (closed ones too: 142 items on the bundled records' 2026-06-30)."""
    found = ktcn("overdue", "--records", str(root), "--all", *extra)
    assert found.exit_code == 0, found.stderr
    return found.stdout


def test_a_warm_overdue_reads_the_rows_and_says_the_same(bundled, ktcn, made):
    uncached = overdue(ktcn, bundled, "--as-of", "2026-06-30", "--no-cache")
    assert made["made"] == 6 and not (bundled / ".ktcn-cache").exists()
    cold = overdue(ktcn, bundled, "--as-of", "2026-06-30")
    made["made"] = 0
    warm = overdue(ktcn, bundled, "--as-of", "2026-06-30")
    assert made["made"] == 0  # every programme's rows came from the cache
    assert uncached == cold == warm
    assert warm.startswith("Việc quá hạn chưa hoàn thành đến ngày 30/06/2026: 142")
    assert len(list((bundled / ".ktcn-cache").rglob("*.rows"))) == 6


def test_the_rows_follow_an_agency_renamed(bundled, ktcn):
    overdue(ktcn, bundled, "--as-of", "2026-06-30")  # rows stored with the old name
    agencies = bundled / "agencies.yaml"
    agencies.write_text(agencies.read_text(encoding="utf-8").replace(
        'short: "Văn phòng LHH"', 'short: "VP Liên hiệp"'), encoding="utf-8")
    ktcn("status", "--records", str(bundled), "--as-of", "2026-06-30", "--all")  # new standings, no new rows
    warm = overdue(ktcn, bundled, "--as-of", "2026-06-30")
    assert warm == overdue(ktcn, bundled, "--as-of", "2026-06-30", "--no-cache")
    assert "VP Liên hiệp" in warm and "Văn phòng LHH" not in warm


def test_the_rows_follow_the_day(bundled, ktcn):
    overdue(ktcn, bundled, "--as-of", "2025-12-01")  # 131 items; the standings hold until some day before 2026-06-30
    ktcn("status", "--records", str(bundled), "--as-of", "2026-06-30", "--all")  # new standings, no new rows
    warm = overdue(ktcn, bundled, "--as-of", "2026-06-30")
    assert warm == overdue(ktcn, bundled, "--as-of", "2026-06-30", "--no-cache")
    assert ": 142\n" in warm


def test_the_rows_follow_an_edited_file(bundled, ktcn):
    overdue(ktcn, bundled, "--as-of", "2026-06-30")
    programme = bundled / "programmes" / "ctr-70-2016.yaml"
    text = programme.read_text(encoding="utf-8")
    assert "Định kỳ báo cáo 6 tháng một lần" in text
    programme.write_text(text.replace("Định kỳ báo cáo 6 tháng một lần", "Báo cáo định kỳ nửa năm"), encoding="utf-8")
    ktcn("status", "--records", str(bundled), "--as-of", "2026-06-30", "--all")
    warm = overdue(ktcn, bundled, "--as-of", "2026-06-30")
    assert warm == overdue(ktcn, bundled, "--as-of", "2026-06-30", "--no-cache")
    assert "Báo cáo định kỳ nửa năm" in warm and "6 tháng một lần" not in warm


def test_the_rows_follow_the_language(bundled, ktcn, made):
    overdue(ktcn, bundled, "--as-of", "2026-06-30")
    made["made"] = 0
    english = overdue(ktcn, bundled, "--as-of", "2026-06-30", "--lang", "en")
    assert made["made"] == 6  # the Vietnamese rows are not the English ones
    assert english == overdue(ktcn, bundled, "--as-of", "2026-06-30", "--lang", "en", "--no-cache")
    assert english.startswith("Overdue on 2026-06-30: 142")


def test_a_cache_of_the_format_before_is_a_clean_miss(bundled, ktcn, made, monkeypatch):
    """Format 12 kept no rows; its entries and standings stay in their own folder, unread."""
    current = cache_module.FORMAT
    monkeypatch.setattr(cache_module, "FORMAT", 12)
    before = overdue(ktcn, bundled, "--as-of", "2026-06-30")
    monkeypatch.setattr(cache_module, "FORMAT", current)
    made["made"] = 0
    after = overdue(ktcn, bundled, "--as-of", "2026-06-30")
    assert after == before and made["made"] == 6
    assert sorted(p.name.split("-")[0] for p in (bundled / ".ktcn-cache").iterdir() if p.is_dir()) == [
        "12", str(cache_module.FORMAT)]


def test_stored_rows_are_read_only_for_what_they_were_made_from(bundled):
    """Each part of the key alone makes a miss: the file's content, settings and agencies, the standing's days,
    the view's words (its language)."""
    workspace = load(bundled, today=date(2026, 6, 30))
    programme = workspace.programmes[0]
    found = standing(programme, date(2026, 6, 30), 14, workspace.agency_index)
    cache = cache_module.Cache(bundled)
    file = bundled / "programmes" / "p.yaml"
    rows = (("a", 1, ("b",)),)
    cache.store_rows(file, "digest", "key", found, "overdue-rows|vi", rows)
    assert cache.rows(file, "digest", "key", found, "overdue-rows|vi") == rows
    later = standing(programme, found.until, 14, workspace.agency_index)
    for asked in (("other", "key", found, "overdue-rows|vi"), ("digest", "other", found, "overdue-rows|vi"),
                  ("digest", "key", later, "overdue-rows|vi"), ("digest", "key", found, "overdue-rows|en")):
        assert cache.rows(file, *asked) is None
    assert cache_module.Cache(None).rows(file, "digest", "key", found, "overdue-rows|vi") is None


def test_rows_not_sealed_with_the_users_key_are_misses(bundled, ktcn, made):
    overdue(ktcn, bundled, "--as-of", "2026-06-30")
    for stored in (bundled / ".ktcn-cache").rglob("*.rows"):
        data = bytearray(stored.read_bytes())
        data[-1] ^= 1  # one bit changed: the seal no longer matches
        stored.write_bytes(bytes(data))
    made["made"] = 0
    again = overdue(ktcn, bundled, "--as-of", "2026-06-30")
    assert made["made"] == 6
    assert again == overdue(ktcn, bundled, "--as-of", "2026-06-30", "--no-cache")


@pytest.mark.parametrize("extra", [("--agency", "vp-lhh-cantho"), ("--programme", "ctr-70-2016"), ("--fail",)])
def test_a_chosen_overdue_list_reads_the_same_from_the_rows(bundled, ktcn, extra):
    overdue(ktcn, bundled, "--as-of", "2026-06-30")
    args = ("overdue", "--records", str(bundled), "--all", "--as-of", "2026-06-30", *extra)
    warm, uncached = ktcn(*args), ktcn(*args, "--no-cache")
    assert (warm.exit_code, warm.stdout) == (uncached.exit_code, uncached.stdout)
    assert warm.exit_code == (1 if extra == ("--fail",) else 0)
    assert "ctr-70-2016/" in warm.stdout


def test_a_language_that_is_not_one_stores_no_rows(bundled, ktcn):
    found = ktcn("overdue", "--records", str(bundled), "--as-of", "2026-06-30", "--lang", "xx")
    assert found.exit_code == 2 and "--lang" in found.stderr
    assert not list((bundled / ".ktcn-cache").rglob("*.rows"))
