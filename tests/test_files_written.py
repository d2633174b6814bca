"""Files ktcn creates follow the umask, files it rewrites keep their mode, and its cache stays out of git."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS


@pytest.fixture
def umask():
    """Set the process umask for one test and put the old one back."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def demo(ws):
    return ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES,
               "programmes/ctr-demo.yaml": DEMO_PROGRAMME})


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
@pytest.mark.parametrize("command", [
    ("report", "--year", "2025", "-o", "out/bao-cao.md"),
    ("report", "--year", "2025", "--format", "docx", "-o", "out/bao-cao.docx"),
    ("calendar", "-o", "out/han-chot.ics"),
])
def test_outputs_follow_the_umask(demo, ktcn, umask, mask, expected, command):
    (demo / "out").mkdir()
    umask(mask)
    result = ktcn(*command, "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.stderr
    assert mode(demo / command[-1]) == expected


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600)])
def test_init_follows_the_umask(tmp_path, ktcn, umask, mask, expected):
    umask(mask)
    result = ktcn("init", str(tmp_path / "kho"))
    assert result.exit_code == 0, result.stderr
    created = [p for p in (tmp_path / "kho").rglob("*") if p.is_file()]
    assert len(created) >= 4
    assert {p.relative_to(tmp_path).as_posix(): mode(p) for p in created} == {
        p.relative_to(tmp_path).as_posix(): expected for p in created}


def test_a_rewritten_file_keeps_its_mode(demo, ktcn, umask):
    umask(0o022)
    target = demo / "out.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    assert ktcn("report", "--year", "2025", "-o", str(target)).exit_code == 0
    assert mode(target) == 0o640
    programme = demo / "programmes" / "ctr-demo.yaml"
    programme.chmod(0o660)
    result = ktcn("update", "ctr-demo/soon", "--status", "done", "--date", "2025-10-01")
    assert result.exit_code == 0, result.stderr
    assert "2025-10-01" in programme.read_text(encoding="utf-8")
    assert mode(programme) == 0o660


def test_the_cache_marks_itself_as_a_cache(demo, ktcn):
    assert ktcn("validate").exit_code == 0
    cache = demo / ".ktcn-cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")


def test_a_cache_from_before_the_markers_gets_them(demo, ktcn):
    assert ktcn("validate").exit_code == 0
    for marker in (".gitignore", "CACHEDIR.TAG"):
        (demo / ".ktcn-cache" / marker).unlink()
    (demo / "programmes" / "ctr-demo.yaml").write_text(DEMO_PROGRAMME + "\n", encoding="utf-8")  # one miss
    assert ktcn("validate").exit_code == 0
    assert (demo / ".ktcn-cache" / ".gitignore").is_file()
    assert (demo / ".ktcn-cache" / "CACHEDIR.TAG").is_file()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs the git binary (.ci/run installs it)")
def test_git_add_all_stages_nothing_of_the_cache(demo, ktcn):
    """A records repository that `ktcn init` did not make: no .gitignore of its own names the cache."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=demo, check=True, capture_output=True, text=True,
                              env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
                                   "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}).stdout

    assert not (demo / ".gitignore").exists()
    git("init", "-q")
    assert ktcn("validate").exit_code == 0
    assert ktcn("status", "--as-of", "2025-12-31").exit_code == 0
    assert any((demo / ".ktcn-cache").rglob("*.pkl"))
    git("add", "-A")
    staged = git("diff", "--cached", "--name-only").splitlines()
    assert "programmes/ctr-demo.yaml" in staged
    assert [name for name in staged if ".ktcn-cache" in name] == []
    assert git("status", "--porcelain", "--ignored").count(".ktcn-cache") == 1  # ignored, as one folder
