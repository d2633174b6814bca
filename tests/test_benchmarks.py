"""The benchmark tooling of issue 8: the corpus generator and run.py's arguments and table.

Fast tests only, and no timing assertions: the generator runs at its hidden `tiny`
size (3 files), and the table is formatted from made-up numbers.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
import yaml

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
AS_OF = "2026-06-30"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"ktcn_benchmarks_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


gen_corpus = _load("gen_corpus")
run = _load("run")


def _files(root: Path) -> dict[str, bytes]:
    return {str(f.relative_to(root)): f.read_bytes() for f in sorted(root.rglob("*.yaml"))}


def _tiny(root: Path, seed: int) -> Path:
    assert gen_corpus.main(["--size", "tiny", "--seed", str(seed), "--out", str(root)]) == 0
    return root


def _programmes(root: Path) -> list[dict]:
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((root / "programmes").rglob("*.yaml"))]


# --- gen_corpus ---------------------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = _files(_tiny(tmp_path / "a", 7))
    again = _files(_tiny(tmp_path / "b", 7))
    other = _files(_tiny(tmp_path / "c", 8))
    assert len(first) == 5  # ktcn.yaml, agencies.yaml and 3 programmes
    assert first == again
    assert first != other


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_tiny_corpus_validates_clean(tmp_path: Path, seed: int) -> None:
    root = _tiny(tmp_path / "ws", seed)
    done = subprocess.run(
        [sys.executable, "-m", "ktcn", "validate", "--records", str(root), "--as-of", AS_OF, "--strict",
         "--lang", "en"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "KTCN" not in done.stdout + done.stderr


def test_a_tiny_corpus_holds_every_schedule_form(tmp_path: Path) -> None:
    root = _tiny(tmp_path / "ws", 1)
    text = "".join(f.read_text(encoding="utf-8") for f in (root / "programmes").glob("*.yaml"))
    for written in ("schedule: ongoing", "{ongoing: true}", "{ongoing: true, from:", "{due: ", "every: 1y",
                    "every: 2y", "every: 6m", "every: 1q", "every: 1m", "day: ", "offset: ", "until: ", "rrule: "):
        assert written in text, written
    dues = {str(t["schedule"]["due"]) if isinstance(t["schedule"], dict) else str(t["schedule"])
            for p in _programmes(root) for t in p["tasks"]
            if not isinstance(t["schedule"], dict) or "due" in t["schedule"]}
    forms = {"year": r"^\d{4}$", "half": r"^\d{4}-H\d$", "quarter": r"^\d{4}-Q\d$", "month": r"^\d{4}-\d{2}$",
             "day": r"^\d{4}-\d{2}-\d{2}$"}
    for form, pattern in forms.items():
        assert any(re.match(pattern, d) for d in dues), form


def test_a_tiny_corpus_is_consistent(tmp_path: Path) -> None:
    """NFC text, 3-8 updates per task in date order after the issue date, done at 100%."""
    root = _tiny(tmp_path / "ws", 2)
    for file in root.rglob("*.yaml"):
        content = file.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", content), file
        assert "\t" not in content
    today = date.fromisoformat(AS_OF)
    for programme in _programmes(root):
        for task in programme["tasks"]:
            updates = task.get("updates", [])
            if programme.get("state") == "draft":
                assert not updates
                continue
            assert 3 <= len(updates) <= 8, task["id"]
            days = [u["date"] for u in updates]
            assert days == sorted(days)
            assert programme["issued"] <= days[0] and days[-1] <= today
            for update in updates:
                if update.get("status") == "done" and "progress" in update:
                    assert update["progress"] == 100


def test_agencies_have_successors_after_the_2025_mergers(tmp_path: Path) -> None:
    root = _tiny(tmp_path / "ws", 1)
    agencies = yaml.safe_load((root / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    ids = {a["id"] for a in agencies}
    ceased = [a for a in agencies if "until" in a]
    assert ceased and all(a["succeeded_by"] in ids for a in ceased)
    assert any(a.get("group") for a in agencies)
    assert len(ids) == len(agencies)


def test_a_merged_province_hands_over_to_the_new_one() -> None:
    provinces = [gen_corpus.Province(*p) for p in gen_corpus.PROVINCES]
    registry = gen_corpus.Registry(provinces)
    assert registry.current("stttt-haugiang", date(2025, 2, 28)) == "stttt-haugiang"
    assert registry.current("stttt-haugiang", date(2025, 3, 1)) == "skhcn-haugiang"
    assert registry.current("stttt-haugiang", date(2025, 7, 1)) == "skhcn-cantho"
    assert registry.role("snnmt", "cantho", date(2024, 5, 1)) == "snnptnt-cantho"
    assert len(provinces) == 63 and len({p.into or p.slug for p in provinces}) == 34


def test_the_national_plan_spreads_2000_files_over_63_provinces() -> None:
    generator = gen_corpus.Generator(gen_corpus.SIZES["national"], 1)
    provinces, keeper = generator.provinces()
    plan = generator.file_plan(provinces, keeper)
    assert len(plan) == 63
    assert sum(count for _, count in plan) == 2000


def test_the_generator_will_not_write_into_a_folder_in_use(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "ktcn.yaml").write_text("name: x\n")
    assert gen_corpus.main(["--size", "tiny", "--out", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err


@pytest.mark.parametrize("text, plain", [
    ("Báo cáo số 12/BC-UBND", True), ("2025", False), ("no", False), ("a: b", False), ("- x", False),
    ("Sở, ban, ngành", True), ("x # y", False), ('say "hi"', True), ("", False),
])
def test_scalars_are_quoted_only_when_yaml_would_misread_them(text: str, plain: bool) -> None:
    assert gen_corpus.plain_ok(text) is plain
    assert yaml.safe_load(f"k: {gen_corpus.scalar(text)}")["k"] == text
    assert yaml.safe_load(f"k: {gen_corpus.flow_list([text, 'b'])}")["k"] == [text, "b"]


def test_long_text_is_folded_and_reads_back_the_same() -> None:
    text = " ".join(["Tổ chức triển khai hoạt động tư vấn, phản biện và giám định xã hội"] * 4)
    out: list[str] = []
    gen_corpus.text_field("title", text, 4, out)
    assert out[0] == "    title: >-"
    assert all(len(line) <= gen_corpus.FOLD_WIDTH for line in out)
    assert yaml.safe_load("\n".join(line[4:] for line in out))["title"] == text


# --- run.py --------------------------------------------------------------------------------------------------


def test_run_arguments_and_their_defaults(tmp_path: Path) -> None:
    args = run.parse_args([])
    assert (args.size, args.rounds, args.corpus, args.json, args.seed, args.keep) == ("province", 5, None, None, 1,
                                                                                      False)
    assert run.parse_args(["--size", "national"]).rounds == 3
    args = run.parse_args(["--size", "national", "--rounds", "2", "--corpus", str(tmp_path), "--json", "r.json"])
    assert (args.rounds, args.corpus, args.json) == (2, tmp_path, Path("r.json"))
    for wrong in (["--rounds", "0"], ["--size", "planet"], ["--rounds", "x"], ["--baseline", str(tmp_path)]):
        with pytest.raises(SystemExit):
            run.parse_args(wrong)
    (tmp_path / "ktcn").mkdir()
    (tmp_path / "ktcn" / "__init__.py").write_text("")
    args = run.parse_args(["--baseline", str(tmp_path), "--warm-only"])
    assert (args.baseline, args.warm_only) == (tmp_path, True)
    assert not run.parse_args([]).warm_only


def _fake_results() -> list:
    return [
        run.Result("cold `ktcn validate --no-cache` / bare parse", 0.19, 0.38, "s", 1.0),
        run.Result("warm `ktcn status`, 1 file touched / bare parse", 12.5, 21.0, "s", 0.10),
        run.Result("`ktcn status`, bundled records / Typer app --help", 0.31, 0.15, "s", None),
        run.Result("peak RSS: warm status / bare parse", 60.0, 25.0, "MB", 1.5, note="ours: exit 1"),
        run.Result("nothing to compare with", 1.0, 0.0, "s", 1.0),
    ]


def test_the_table_shows_each_ratio_next_to_its_target() -> None:
    table = run.format_table(_fake_results())
    lines = table.splitlines()
    assert lines[0].split("|")[1].strip() == "measurement"
    assert [c.strip() for c in lines[0].strip("|").split("|")] == ["measurement", "ours", "baseline", "ratio",
                                                                     "target", "result"]
    assert len({len(line) for line in lines}) == 1  # aligned
    cold, warm, status, rss, nothing = lines[2:]
    assert "190 ms" in cold and "380 ms" in cold and "0.50×" in cold and "≤ 1.00×" in cold and "pass" in cold
    assert "12.5 s" in warm and "21.0 s" in warm and "0.60×" in warm and "≤ 0.10×" in warm and "FAIL" in warm
    assert "2.07×" in status and status.rstrip(" |").endswith("-")
    assert "60.0 MB" in rss and "2.40×" in rss and "FAIL (ours: exit 1)" in rss
    assert "| -" in nothing or " - |" in nothing


def test_results_know_their_ratio_and_verdict() -> None:
    cold, warm, status, _, nothing = _fake_results()
    assert cold.ratio == pytest.approx(0.5) and cold.passed is True
    assert warm.passed is False
    assert status.passed is None
    assert nothing.ratio is None and nothing.passed is None
    data = cold.as_dict()
    assert data["ratio"] == pytest.approx(0.5) and data["passed"] is True and data["unit"] == "s"


def test_the_report_names_the_machine_and_the_notes() -> None:
    outcome = {
        "machine": {"cpu": "Test CPU", "cores": 8, "usable_cores": 4, "memory": "16.0 GiB", "python": "CPython 3.12",
                    "platform": "Linux", "pyyaml": "6.0 (libyaml)", "ktcn": "0.1.0"},
        "corpus": {"path": "/tmp/c", "files": 50, "tasks": 1500, "updates": 8000, "bytes": 2_700_000},
        "size": "province", "rounds": 3, "as_of": AS_OF, "notes": ["no --no-cache"], "_results": _fake_results(),
    }
    text = run.report(outcome, 90.0)
    assert "Test CPU, 8 cores (4 usable)" in text and "CPython 3.12" in text
    assert "1500 tasks, 8000 updates, 2.7 MB" in text
    assert "Note: no --no-cache" in text
    assert "1.5 minutes" in text


def test_the_runner_reports_exit_status_and_peak_memory() -> None:
    runner = run.Runner()
    ok = runner.run([sys.executable, "-c", "pass"])
    failed = runner.run([sys.executable, "-c", "import sys; sys.stderr.write('boom'); sys.exit(3)"])
    assert ok.status == 0 and ok.seconds > 0
    assert failed.status == 3 and "boom" in failed.stderr
    if runner.spawn_ok:
        assert ok.rss_mb > 1


def test_cold_phases_names_each_phase_of_a_cold_validate(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    cold_phases = _load("cold_phases")
    root = _tiny(tmp_path / "ws", 1)
    assert cold_phases.main([str(root), "--rounds", "1"]) == 0
    shown = capsys.readouterr().out
    for phase in (cold_phases.BARE, *cold_phases.OURS, "ktcn phases together"):
        assert re.search(rf"^{re.escape(phase)} +\d+\.\d\d s CPU +\d+\.\d\dx the bare parse$", shown, re.M), phase
