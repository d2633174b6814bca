"""dataclasses' methods compiled once and kept (`ktcn.classcode`): the same classes, and nothing compiled twice."""

from __future__ import annotations

import dataclasses
import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ktcn import classcode

CLASSES = '''
from dataclasses import dataclass, field

@dataclass(frozen=True, slots=True)
class Record:
    """A frozen record with defaults, a factory and a field left out of comparison."""
    name: str
    items: tuple = ()
    extra: list = field(default_factory=list)
    note: str = field(default="", compare=False)

@dataclass(order=True)
class Plain:
    """A plain one, ordered."""
    day: int
    label: str = "x"
'''


def define(codes: classcode._Codes | None, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The classes of CLASSES, defined through `codes` (None: dataclasses as it is)."""
    if codes is not None:
        monkeypatch.setattr(dataclasses, "exec", codes.exec, raising=False)
    namespace: dict = {}
    exec(compile(CLASSES, "<classes>", "exec", dont_inherit=True), namespace)
    monkeypatch.delattr(dataclasses, "exec", raising=False)
    return namespace


def test_the_classes_are_the_same_with_kept_code(tmp_path, monkeypatch):
    plain = define(None, monkeypatch)
    kept = define(classcode._Codes(tmp_path / "codes.marshal"), monkeypatch)
    for name in ("Record", "Plain"):
        ours, theirs = kept[name], plain[name]
        made = [m for m, value in vars(theirs).items() if inspect.isfunction(value)]  # what dataclasses wrote
        assert made == [m for m, value in vars(ours).items() if inspect.isfunction(value)]
        assert {"__init__", "__eq__", "__repr__"} <= set(made)
        for method in made:
            assert inspect.signature(getattr(ours, method)) == inspect.signature(getattr(theirs, method))
            # annotations evaluated as dataclasses' own exec evaluates them (not as text: no __future__ inherited)
            assert getattr(ours, method).__annotations__ == getattr(theirs, method).__annotations__
        assert (vars(ours)["__hash__"] is None) == (vars(theirs)["__hash__"] is None)
    record = kept["Record"]("a", (1,))
    assert record == kept["Record"]("a", (1,), note="other") and record.extra == []
    assert repr(record) == repr(plain["Record"]("a", (1,))).replace(plain["Record"].__qualname__, "Record")
    assert hash(kept["Record"]("a", (1,), None)) == hash(kept["Record"]("a", (1,), None, "other"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "b"  # type: ignore[misc]
    assert kept["Plain"](1) < kept["Plain"](2)
    assert kept["Record"]("a").extra is not kept["Record"]("a").extra


def test_a_second_run_compiles_nothing(tmp_path, monkeypatch):
    path = tmp_path / "__pycache__" / "codes.marshal"
    first = classcode._Codes(path)
    define(first, monkeypatch)
    assert first.new > 5
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    first.save()
    again = classcode._Codes(path)
    define(again, monkeypatch)
    assert again.new == 0 and len(again.used) == first.new


def test_no_file_is_written_when_bytecode_is_not(tmp_path, monkeypatch):
    codes = classcode._Codes(tmp_path / "codes.marshal")
    define(codes, monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    codes.save()
    assert not (tmp_path / "codes.marshal").exists()


@pytest.mark.parametrize("content", [b"", b"garbage", b"\x00" * 40])
def test_a_damaged_or_foreign_file_only_costs_compiling(tmp_path, monkeypatch, content):
    path = tmp_path / "codes.marshal"
    path.write_bytes(content)
    codes = classcode._Codes(path)
    kept = define(codes, monkeypatch)
    assert codes.new > 5 and kept["Plain"](3).label == "x"


def test_the_console_script_keeps_the_code_and_reads_it_back(tmp_path):
    """Two runs of the real console script's `ktcn status`: the second compiles no dataclass method."""
    records = shutil.copytree(Path(__file__).resolve().parent.parent / "records", tmp_path / "records",
                              ignore=shutil.ignore_patterns(".ktcn-cache"))
    probe = ("import sys, dataclasses; from ktcn import classcode; from pathlib import Path; "
             f"classcode.code_file = lambda: Path({str(tmp_path / 'codes.marshal')!r}); "
             f"from ktcn.launch import main; sys.argv = ['ktcn', 'status', '--records', {str(records)!r}]; "
             "import atexit; atexit.register(lambda: print('compiled', dataclasses.exec.__self__.new, "
             "file=sys.stderr))\n"
             "try:\n    main()\nexcept SystemExit:\n    pass")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    first, second = (int(run.stderr.split("compiled ")[-1]) for run in runs)
    assert first > 20 and second == 0
    assert runs[0].stdout == runs[1].stdout and "ctr-70-2016" in runs[1].stdout
    assert Path(tmp_path / "codes.marshal").stat().st_size > 0
