"""The pre-commit hook, run by the real pre-commit framework in a scratch records repository.

pre-commit clones this repository at its current commit and installs ktcn from
it into its own environment (from PyPI for the dependencies), so this test
checks what a records repository would get, as committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PROGRAMME, write_workspace

KTCN_REPO = Path(__file__).resolve().parent.parent


def git(*args: str, cwd: Path, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check)


@pytest.fixture
def records_repo(tmp_path):
    if shutil.which("pre-commit") is None or not (KTCN_REPO / ".git").exists():
        pytest.skip("needs the pre-commit command and a git checkout of ktcn")
    env = {**os.environ, "HOME": str(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "GIT_AUTHOR_NAME": "Thư ký", "GIT_AUTHOR_EMAIL": "thuky@example.vn",
           "GIT_COMMITTER_NAME": "Thư ký", "GIT_COMMITTER_EMAIL": "thuky@example.vn"}
    revision = git("rev-parse", "HEAD", cwd=KTCN_REPO, env=env).stdout.strip()
    repo = write_workspace(tmp_path / "ho-so", {"programmes/p.yaml": PROGRAMME, ".pre-commit-config.yaml": (
        f"repos:\n  - repo: {KTCN_REPO}\n    rev: {revision}\n    hooks:\n      - id: ktcn-validate\n")})
    git("init", "-q", cwd=repo, env=env)
    subprocess.run(["pre-commit", "install"], cwd=repo, env=env, capture_output=True, check=True)
    return repo, env


def test_a_commit_with_a_broken_record_is_blocked_at_its_line(records_repo):
    repo, env = records_repo
    git("add", ".", cwd=repo, env=env)
    first = git("commit", "-q", "-m", "Hồ sơ ban đầu", cwd=repo, env=env, check=False)
    assert first.returncode == 0, first.stdout + first.stderr
    (repo / "programmes/p.yaml").write_text(PROGRAMME.replace("lead: [skhcn]", "lead: [skhcm]"), encoding="utf-8")
    git("add", ".", cwd=repo, env=env)
    blocked = git("commit", "-q", "-m", "Sửa chủ trì", cwd=repo, env=env, check=False)
    assert blocked.returncode != 0
    assert "programmes/p.yaml:11:12: error KTCN202" in blocked.stdout + blocked.stderr
    assert git("log", "--oneline", cwd=repo, env=env).stdout.count("\n") == 1
