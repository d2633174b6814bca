"""`ktcn validate` driven through the real CLI on files in a temporary folder."""

from __future__ import annotations

import json
import subprocess
import sys

from ktcn import __version__

from conftest import PROGRAMME

P = "programmes/p.yaml"
BROKEN = PROGRAMME.replace("lead: [skhcn]", "lead: [skhcm]")
WARNED = PROGRAMME.replace("number: 1/KH-UBND", "number: 1/CTr-UBND")


def test_clean_workspace_exits_0_and_prints_nothing_on_stdout(ws, ktcn):
    ws({P: PROGRAMME})
    run = ktcn("validate")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "0 errors, 0 warnings\n")


def test_error_line_format_and_exit_1(ws, ktcn):
    ws({P: BROKEN})
    run = ktcn("validate")
    assert run.exit_code == 1
    assert run.stdout == (
        "programmes/p.yaml:11:12: error KTCN202 unknown agency 'skhcm' (not in agencies.yaml)"
        " (did you mean 'skhcn'?)\n"
    )
    assert run.stderr == "1 error, 0 warnings\n"


def test_vietnamese_messages(ws, ktcn):
    ws({P: BROKEN})
    run = ktcn("validate", "--lang", "vi")
    assert run.stdout == (
        "programmes/p.yaml:11:12: lỗi KTCN202 không có cơ quan 'skhcm' trong agencies.yaml"
        " (có phải là 'skhcn'?)\n"
    )


def test_warnings_pass_unless_strict(ws, ktcn):
    ws({P: WARNED})
    assert ktcn("validate").exit_code == 0
    strict = ktcn("validate", "--strict")
    assert strict.exit_code == 1
    assert strict.stdout.startswith("programmes/p.yaml:3:9: warning KTCN508 ")


def test_json_output_is_stable(ws, ktcn):
    ws({P: BROKEN})
    run = ktcn("validate", "--format", "json")
    assert run.exit_code == 1
    assert json.loads(run.stdout) == {
        "errors": 1,
        "warnings": 0,
        "diagnostics": [{
            "path": "programmes/p.yaml", "line": 11, "column": 12, "severity": "error", "code": "KTCN202",
            "message": "unknown agency 'skhcm' (not in agencies.yaml)", "hint": "did you mean 'skhcn'?",
            "keypath": "tasks[0].lead[0]",
        }],
    }
    assert run.stderr == ""


def test_github_annotations(ws, ktcn):
    ws({P: BROKEN})
    run = ktcn("validate", "--format", "github")
    assert run.stdout == (
        "::error file=programmes/p.yaml,line=11,col=12,title=KTCN202::unknown agency 'skhcm'"
        " (not in agencies.yaml) (did you mean 'skhcn'?)\n"
    )


def test_paths_narrow_the_report_but_references_still_resolve(ws, ktcn):
    implementing = PROGRAMME.replace("id: kh-1", "id: kh-2").replace("tasks:", "implements: [kh-1]\ntasks:")
    ws({P: BROKEN, "programmes/q.yaml": implementing.replace("lead: [skhcn]", "lead: [nobody]")})
    only_q = ktcn("validate", "programmes/q.yaml")
    assert [line.split(" ")[2] for line in only_q.stdout.splitlines()] == ["KTCN202"]
    assert only_q.stdout.startswith("programmes/q.yaml:")
    assert "KTCN203" not in only_q.stdout  # kh-1 is found in the file that was not named
    clean_folder = ktcn("validate", "templates")
    assert (clean_folder.exit_code, clean_folder.stdout) == (0, "")


def test_workspace_found_by_option_env_and_walking_up(ws, ktcn, tmp_path, monkeypatch):
    root = ws({P: BROKEN})
    (root / "programmes" / "sub").mkdir()
    monkeypatch.chdir(root / "programmes" / "sub")
    assert ktcn("validate").exit_code == 1  # nearest ktcn.yaml up
    monkeypatch.chdir(tmp_path.parent)
    assert ktcn("validate", "--records", str(root)).exit_code == 1
    monkeypatch.setenv("KTCN_RECORDS", str(root))
    assert ktcn("validate").exit_code == 1


def test_default_is_records_folder_below_cwd(tmp_path, ktcn, monkeypatch):
    from conftest import write_workspace

    write_workspace(tmp_path / "records", {P: PROGRAMME})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KTCN_RECORDS", raising=False)
    run = ktcn("validate")
    assert run.exit_code == 0


def test_missing_workspace_exits_3_with_advice(tmp_path, ktcn, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KTCN_RECORDS", raising=False)
    run = ktcn("validate")
    assert run.exit_code == 3
    assert "ktcn.yaml not found" in run.stderr and "ktcn init" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_bad_option_values_are_usage_errors(ws, ktcn):
    ws({P: PROGRAMME})
    assert ktcn("validate", "--as-of", "2025-02-30").exit_code == 2
    assert ktcn("validate", "--format", "xml").exit_code == 2
    assert ktcn("validate", "--lang", "fr").exit_code == 2


def test_unexpected_failure_apologises_with_exit_70(ws, ktcn, monkeypatch):
    import ktcn.records.loader as loader_module

    ws({P: PROGRAMME})

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(loader_module, "validate_workspace", explode)
    run = ktcn("validate")
    assert run.exit_code == 70
    assert "sorry" in run.stderr and "KTCN_DEBUG=1" in run.stderr and "Traceback" not in run.stderr


def test_version_and_python_dash_m(ktcn):
    assert ktcn("--version").stdout == f"ktcn {__version__}\n"
    result = subprocess.run([sys.executable, "-m", "ktcn", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout == f"ktcn {__version__}\n"


def test_a_closed_pipe_and_ctrl_c_end_quietly(ws, ktcn, monkeypatch):
    import ktcn.records.loader as loader_module

    ws({P: PROGRAMME})
    for raised, code, said in ((BrokenPipeError(32, "Broken pipe"), 141, ""), (KeyboardInterrupt(), 130,
                                                                                "ktcn: interrupted\n")):
        def stop(*args, error=raised, **kwargs):
            raise error

        monkeypatch.setattr(loader_module, "validate_workspace", stop)
        run = ktcn("validate")
        assert (run.exit_code, run.stderr) == (code, said)


def test_a_reader_that_stops_early_ends_the_command_quietly_with_141():
    import os
    from pathlib import Path

    records = Path(__file__).resolve().parent.parent / "records"
    process = subprocess.Popen([sys.executable, "-m", "ktcn", "status", "--records", str(records)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "100"})
    process.stdout.close()  # like `| head` before ktcn has written anything
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""


def test_diagnostics_placed_late_hold_one_file_at_a_time(ws, ktcn, monkeypatch):
    """A reference checked across the workspace is placed by composing its file again: each file's nodes are let
    go before the next is read (a national workspace with many such files held them all: 32 to 85 MB)."""
    import gc
    import weakref

    from ktcn.records import yamlsource

    names = [f"programmes/p{n}.yaml" for n in range(4)]
    ws({name: PROGRAMME.replace("id: kh-1", f"id: kh-{n}\nimplements: [ctr-khong-co]") for n, name in
        enumerate(names)})
    composed = yamlsource.read_source
    alive: list[weakref.ref] = []
    most = 0

    def counting(*args, **kwargs):
        nonlocal most
        gc.collect()
        most = max(most, sum(ref() is not None for ref in alive))
        source = composed(*args, **kwargs)
        if source.root is not None:
            alive.append(weakref.ref(source.root))
        return source

    monkeypatch.setattr(yamlsource, "read_source", counting)
    run = ktcn("validate", "--no-cache")
    assert run.exit_code == 1
    assert [line.split(":")[0] for line in run.stdout.splitlines() if "KTCN203" in line] == names
    assert len(alive) >= len(names) and most <= 1
