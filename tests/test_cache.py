"""The per-file cache: a file is parsed once per change; edits, upgrades and corrupt entries are handled."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import ktcn.records.loader as loader_module
from ktcn.records import cache as cache_module
from ktcn.records.loader import load

from conftest import PROGRAMME

SECOND = PROGRAMME.replace("id: kh-1", "id: kh-2")


@pytest.fixture
def parses(monkeypatch):
    """Count the programme files actually parsed."""
    seen: list[str] = []
    real = loader_module._parse

    def counting(file, display, data, record, build):
        if record is loader_module.PROGRAMME:
            seen.append(Path(display).name)
        return real(file, display, data, record, build)

    monkeypatch.setattr(loader_module, "_parse", counting)
    return seen


def entries(root: Path) -> list[Path]:
    return sorted((root / ".ktcn-cache").rglob("*.pkl"))


def entry_of(root: Path, name: str) -> Path:
    """The cache entry of one file of the workspace."""
    return cache_module.Cache(root)._path(root / name)


def test_unchanged_files_are_not_parsed_again(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME, "programmes/q.yaml": SECOND})
    first = load(root)
    assert sorted(parses) == ["p.yaml", "q.yaml"] and len(entries(root)) == 4  # and agencies.yaml, ktcn.yaml
    parses.clear()
    second = load(root)
    assert parses == []
    assert second.programmes == first.programmes and second.diagnostics == first.diagnostics


def test_an_edit_invalidates_that_file_only(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME, "programmes/q.yaml": SECOND})
    load(root)
    parses.clear()
    (root / "programmes/q.yaml").write_text(SECOND.replace("Nhiệm vụ một", "Nhiệm vụ đã sửa"), encoding="utf-8")
    again = load(root)
    assert parses == ["q.yaml"]
    assert again.programme("kh-2").tasks[0].title == "Nhiệm vụ đã sửa"


def test_touching_without_changing_reuses_the_entry(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    parses.clear()
    os.utime(root / "programmes/p.yaml", ns=(1, 1))
    load(root)
    assert parses == []


def test_diagnostics_come_back_from_the_cache(ws):
    root = ws({"programmes/p.yaml": PROGRAMME.replace("titl", "tittl", 1)})
    assert [d.code for d in load(root).diagnostics] == [d.code for d in load(root).diagnostics] != []


def test_an_upgrade_starts_a_fresh_cache(ws, parses, monkeypatch):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    parses.clear()
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    load(root)
    assert parses == ["p.yaml"]
    assert len({p.parent.name for p in entries(root)}) == 2


def test_a_corrupt_entry_is_a_miss_and_is_rewritten(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    entry = entry_of(root, "programmes/p.yaml")
    entry.write_bytes(b"\x80\x05garbage")
    parses.clear()
    assert load(root).programmes[0].id == "kh-1"
    assert parses == ["p.yaml"]
    parses.clear()
    load(root)
    assert parses == []


def test_a_planted_pickle_cannot_run_code(ws, parses, tmp_path):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    entry = entry_of(root, "programmes/p.yaml")
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    entry.write_bytes(pickle.dumps(Evil()))
    parses.clear()
    load(root)
    assert not marker.exists() and parses == ["p.yaml"]


def test_no_cache_reads_and_writes_nothing(ws, ktcn):
    root = ws({"programmes/p.yaml": PROGRAMME})
    assert ktcn("validate", "--no-cache").exit_code == 0
    assert not (root / ".ktcn-cache").exists()
    assert ktcn("status", "--no-cache").exit_code == 0
    assert not (root / ".ktcn-cache").exists()


def test_two_processes_at_once_agree(ws):
    files = {f"programmes/p{i}.yaml": PROGRAMME.replace("id: kh-1", f"id: kh-{i}") for i in range(20)}
    root = ws(files)
    command = [sys.executable, "-m", "ktcn", "validate", "--records", str(root)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    assert all(run.wait(timeout=60) == 0 for run in runs)
    assert len(entries(root)) == 22  # and agencies.yaml, ktcn.yaml
    assert load(root).diagnostics == ()


def test_an_unwritable_cache_only_costs_time(ws, parses, monkeypatch):
    root = ws({"programmes/p.yaml": PROGRAMME})
    (root / ".ktcn-cache").write_text("a file where the folder should be", encoding="utf-8")
    assert load(root).programmes[0].id == "kh-1"
    assert load(root).programmes[0].id == "kh-1"
    assert parses == ["p.yaml", "p.yaml"]


@pytest.fixture
def counted(monkeypatch):
    """Count programmes unpickled from the cache and programmes checked."""
    counts = {"unpickled": 0, "checked": 0}
    real_programme, real_check = cache_module.Cache.programme, loader_module.check_programme

    def programme(self, file, entry):
        counts["unpickled"] += 1
        return real_programme(self, file, entry)

    def check(context, programme):
        counts["checked"] += 1
        return real_check(context, programme)

    monkeypatch.setattr(cache_module.Cache, "programme", programme)
    monkeypatch.setattr(loader_module, "check_programme", check)
    return counts


def test_warm_validate_neither_unpickles_nor_checks_unchanged_programmes(ws, counted):
    from datetime import date

    from ktcn.records.loader import validate_workspace

    root = ws({"programmes/p.yaml": PROGRAMME, "programmes/q.yaml": SECOND})
    first = validate_workspace(root, date(2025, 7, 1))
    assert counted == {"unpickled": 0, "checked": 2}
    counted.update(unpickled=0, checked=0)
    assert validate_workspace(root, date(2025, 7, 1)) == first
    assert counted == {"unpickled": 0, "checked": 0}


def test_cached_findings_follow_the_agencies_and_the_day(ws, counted):
    from datetime import date

    from ktcn.records.loader import validate_workspace

    late = PROGRAMME.replace("lead: [skhcn]", "lead: [moi]") + "    updates:\n      - {date: 2025-08-01, note: x}\n"
    root = ws({"programmes/p.yaml": late})
    codes = [d.code for d in validate_workspace(root, date(2025, 7, 1))[1]]
    assert codes == ["KTCN202", "KTCN504"]
    assert [d.code for d in validate_workspace(root, date(2025, 9, 1))[1]] == ["KTCN202"]  # a later day
    agencies = (root / "agencies.yaml").read_text(encoding="utf-8") + "  - {id: moi, name: Cơ quan mới}\n"
    (root / "agencies.yaml").write_text(agencies, encoding="utf-8")
    assert [d.code for d in validate_workspace(root, date(2025, 9, 1))[1]] == []  # the agency now exists
    assert counted["unpickled"] == 2 and counted["checked"] == 3


def test_a_cached_run_agrees_with_an_uncached_one(ws):
    from datetime import date

    root = ws({"programmes/p.yaml": PROGRAMME.replace("lead: [skhcn]", "lead: [nobody]"), "programmes/q.yaml": SECOND})
    fresh = load(root, date(2025, 7, 1), use_cache=False)
    load(root, date(2025, 7, 1))
    cached = load(root, date(2025, 7, 1))
    assert cached.diagnostics == fresh.diagnostics and cached.programmes == fresh.programmes


def test_a_later_day_reuses_findings_that_cannot_change(ws, counted):
    from datetime import date

    from ktcn.records.loader import validate_workspace

    root = ws({"programmes/p.yaml": PROGRAMME, "programmes/q.yaml": SECOND})
    first = validate_workspace(root, date(2025, 7, 1))
    counted.update(unpickled=0, checked=0)
    assert validate_workspace(root, date(2026, 3, 9)) == first
    assert counted == {"unpickled": 0, "checked": 0}


@pytest.mark.parametrize("update", [
    "{date: 2025-08-01, note: dated ahead}",  # KTCN504 names the day
    "{date: 2025-06-01, period: 2027-H1, note: a period not yet listed}",  # KTCN307 lists the periods
])
def test_findings_that_read_the_day_hold_for_that_day_only(ws, update):
    from datetime import date

    from ktcn.records.checks import Context, check_programme, findings_hold_until

    open_ended = PROGRAMME.replace("period: {from: 2025, to: 2026}\n", "")
    root = ws({"programmes/p.yaml": open_ended.replace("schedule: 2025-06-30", "schedule: {every: 6m}")
               + f"    updates:\n      - {update}\n"})
    workspace = load(root, use_cache=False)
    programme = workspace.programmes[0]

    def findings(day):
        return check_programme(Context(workspace.settings, workspace.agencies, day), programme)

    today = date(2025, 7, 1)
    assert findings(today) and findings_hold_until(Context(workspace.settings, workspace.agencies, today),
                                                   programme, findings(today)) == date(2025, 7, 2)
    assert findings(date(2026, 8, 1)) != findings(today)


def test_findings_hold_on_the_days_they_claim_bundled_records():
    from datetime import date, timedelta

    from ktcn.records.checks import Context, check_programme, findings_hold_until

    workspace = load(Path(__file__).resolve().parent.parent / "records", use_cache=False)
    for programme in workspace.programmes:
        for today in (date(2016, 1, 1) + timedelta(days=97 * k) for k in range(45)):
            context = Context(workspace.settings, workspace.agencies, today)
            found = check_programme(context, programme)
            until = findings_hold_until(context, programme, found)
            for later in (today + timedelta(days=1), today + timedelta(days=400), date(2040, 1, 1)):
                if later < until:
                    assert check_programme(Context(workspace.settings, workspace.agencies, later), programme) == found


def test_the_agencies_are_read_once_per_change(ws, monkeypatch):
    """A national agencies.yaml composes to some 8 MB of nodes: warm runs take the registry from the cache."""
    seen: list[str] = []
    real = loader_module._parse

    def counting(file, display, data, record, build):
        seen.append(Path(display).name)
        return real(file, display, data, record, build)

    monkeypatch.setattr(loader_module, "_parse", counting)
    root = ws({"programmes/p.yaml": PROGRAMME})
    first = load(root)
    assert "agencies.yaml" in seen
    seen.clear()
    assert load(root).agencies == first.agencies and "agencies.yaml" not in seen
    (root / "agencies.yaml").write_text((root / "agencies.yaml").read_text(encoding="utf-8")
                                       + "  - {id: moi, name: Cơ quan mới}\n", encoding="utf-8")
    assert load(root).agency("moi") is not None and "agencies.yaml" in seen
    broken = root / "agencies.yaml"
    broken.write_text("agencies:\n  - {id: [x\n", encoding="utf-8")
    assert [d.code for d in load(root).diagnostics][:1] == [d.code for d in load(root).diagnostics][:1] != []


def test_records_pickle_as_their_constructor_arguments():
    """`pickled_by_arguments` reads fields with one attrgetter per class, which gives a tuple for two or more."""
    from ktcn.engine import standing, status
    from ktcn.records import model

    classes = [c for module in (model, status, standing) for c in vars(module).values()
               if isinstance(c, type) and c.__dict__.get("__reduce__") is model.pickled_by_arguments]
    assert len(classes) >= 10 and all(len(c.__slots__) >= 2 for c in classes)
    span = model.Span("p.yaml", 3, 5, ("tasks", 0))
    assert pickle.loads(pickle.dumps(span)) == span and pickle.loads(pickle.dumps(span)).keypath == ("tasks", 0)


def test_an_edit_that_keeps_size_and_mtime_is_seen(ws, parses, monkeypatch):
    """`touch -d` back to the old time, or `cp -p`: the shortcut must not hand back the old content."""
    monkeypatch.setattr(cache_module, "RACY_NS", -10**18)  # the file's times alone must tell
    root = ws({"programmes/p.yaml": PROGRAMME})
    path = root / "programmes/p.yaml"
    load(root)
    before = path.stat()
    path.write_text(PROGRAMME.replace("Nhiệm vụ một", "Nhiệm vụ mốt"), encoding="utf-8")  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    parses.clear()
    assert load(root).programmes[0].tasks[0].title == "Nhiệm vụ mốt"
    assert parses == ["p.yaml"]


def test_a_file_rewritten_as_it_was_read_is_hashed_again(ws, parses):
    """Racy git: an entry made in the same instant as the file's last write is checked against the content."""
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    path = root / "programmes/p.yaml"
    entry = cache_module.Cache(root).get(path, "programmes/p.yaml")
    assert entry is not None and not cache_module.unchanged(entry, path)  # written just now: racy
    parses.clear()
    load(root)
    assert parses == [], "the same content, hashed, is not parsed again"


def test_entries_not_sealed_with_the_users_key_are_misses(ws, parses):
    """A pickle of ktcn's own types with nonsense inside (diagnostics=5) is not read, sealed or not."""
    from ktcn.records.cache import Entry

    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    path, entry = root / "programmes/p.yaml", entry_of(root, "programmes/p.yaml")
    good = cache_module.Cache(root).get(path, "programmes/p.yaml")
    bad = Entry(good.display, good.size, good.mtime_ns, good.digest, 5, None, None, good.ctime_ns, good.inode,
                good.checked_ns)
    for planted in (pickle.dumps(bad), cache_module._sealed(bad) + cache_module._sealed(None)):
        entry.write_bytes(planted)
        parses.clear()
        assert load(root).diagnostics == ()
        assert parses == ["p.yaml"]


def test_a_fifo_in_place_of_an_entry_does_not_block(ws, parses):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    entry = entry_of(root, "programmes/p.yaml")
    entry.unlink()
    os.mkfifo(entry)
    parses.clear()
    load(root)  # would block forever on open() without O_NONBLOCK and the regular-file check
    assert parses == ["p.yaml"]


def test_the_cache_key_is_the_users_alone(ws, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(cache_module, "_key", None)
    key = cache_module._cache_key()
    path = tmp_path / "xdg" / "ktcn" / "cache-key"
    assert path.read_bytes() == key and len(key) == 32
    assert (path.stat().st_mode & 0o777) == 0o600
    monkeypatch.setattr(cache_module, "_key", None)
    assert cache_module._cache_key() == key, "the same key on the next run"


def test_a_load_of_one_programme_unpickles_only_that_one(ws, counted):
    """`ktcn show kh-2/1`: every file is still checked (its diagnostics count), one programme comes back."""
    from datetime import date

    root = ws({"programmes/p.yaml": PROGRAMME.replace("lead: [skhcn]", "lead: [nobody]"), "programmes/q.yaml": SECOND})
    whole = load(root, date(2025, 7, 1), use_cache=False)
    assert [p.id for p in load(root, date(2025, 7, 1), only="kh-2").programmes] == ["kh-2"]  # parsed: filtered
    counted.update(unpickled=0, checked=0)
    one = load(root, date(2025, 7, 1), only="kh-2")
    assert counted["unpickled"] == 1
    assert one.programmes == (whole.programme("kh-2"),) and one.diagnostics == whole.diagnostics
    assert load(root, date(2025, 7, 1), only="kh-9").programmes == ()


def test_show_of_an_unknown_programme_offers_every_id(ws, ktcn):
    root = ws({"programmes/p.yaml": PROGRAMME, "programmes/q.yaml": SECOND})
    ktcn("show", "kh-1", "--records", str(root))  # fills the cache
    result = ktcn("show", "kh-3", "--records", str(root))
    assert result.exit_code == 2 and "did you mean 'kh-2'" in result.stderr


def test_the_settings_come_from_the_cache_until_ktcn_yaml_changes(ws, parses, monkeypatch):
    from datetime import date

    root = ws({"programmes/p.yaml": PROGRAMME})
    first = load(root, date(2025, 7, 1))
    settings_parsed: list[str] = []
    real = loader_module._parse
    monkeypatch.setattr(loader_module, "_parse", lambda f, d, data, record, build: (
        settings_parsed.append(d) if record is loader_module.SETTINGS else None) or real(f, d, data, record, build))
    assert load(root, date(2025, 7, 1)).settings == first.settings and settings_parsed == []
    (root / "ktcn.yaml").write_text((root / "ktcn.yaml").read_text(encoding="utf-8") + "warn_days: 30\n",
                                    encoding="utf-8")
    assert load(root, date(2025, 7, 1)).settings.warn_days == 30 and settings_parsed == ["ktcn.yaml"]


def test_entries_are_written_whole_readable_by_their_owner_alone(ws):
    root = ws({"programmes/p.yaml": PROGRAMME})
    load(root)
    written = entries(root)
    assert written
    folder = written[0].parent
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []  # each renamed into place
    assert {p.stat().st_mode & 0o777 for p in folder.iterdir() if p.is_file()} == {0o600}


def test_a_temporary_name_taken_already_is_passed_over(ws, monkeypatch, parses):
    """Names of temporary files come from os.urandom: one that exists is never opened (O_EXCL), the next is."""
    root = ws({"programmes/p.yaml": PROGRAMME})
    folder = root / ".ktcn-cache"
    load(root)
    cache_folder = entries(root)[0].parent
    for entry in entries(root):
        entry.unlink()
    draws = iter([b"\x00" * 8, b"\x00" * 8, b"\x01" * 8] + [os.urandom(8) for _ in range(50)])
    monkeypatch.setattr(cache_module.os, "urandom", lambda n: next(draws))
    taken = cache_folder / f"{os.getpid()}-{'00' * 8}.tmp"
    taken.write_bytes(b"someone else's")
    load(root)
    assert taken.read_bytes() == b"someone else's"
    assert entries(root)
    assert folder.is_dir()
    taken.unlink()
    assert [p.name for p in cache_folder.iterdir() if p.name.endswith(".tmp")] == []
