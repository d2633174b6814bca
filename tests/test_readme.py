"""The README's examples run: every `ktcn` command in its sh blocks, and the inline ones that are whole commands.

They run on a copy of the bundled records, through the real CLI.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Inline mentions that are not whole commands, or need what a test cannot give, with the reason:
MENTIONS = {
    "ktcn --install-completion",  # edits the user's shell configuration
    "ktcn init",  # named in passing; `ktcn init DIR` is tested in test_update.py
    "ktcn update", "ktcn show", "ktcn calendar", "ktcn report --format docx",  # command names in prose
    "ktcn diff", "ktcn diff main", "ktcn diff --staged",  # need a git history; tested in test_diff.py
}


def block_commands() -> list[str]:
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("  #")[0].strip()
            if "ktcn " in line:
                commands.append(line[line.index("ktcn "):])
    return commands


def inline_commands() -> list[str]:
    found = re.findall(r"`(ktcn [^`]+)`", README)
    whole = {c for c in found if not re.search(r"\b[A-Z][A-Z_.]*\b|\.\.\.|\||\[", c)}
    return sorted(whole - MENTIONS)


COMMANDS = block_commands() + inline_commands()


@pytest.fixture
def records(tmp_path, monkeypatch):
    target = tmp_path / "records"
    shutil.copytree(ROOT / "records", target, ignore=shutil.ignore_patterns(".ktcn-cache"))
    (target / "ghi-chu.md").write_text("## Tồn tại, hạn chế\n\nKinh phí chậm.\n", encoding="utf-8")
    monkeypatch.chdir(target)
    monkeypatch.delenv("KTCN_RECORDS", raising=False)
    return target


def test_the_readme_has_examples():
    assert len(block_commands()) >= 5 and "ktcn status" in COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_example_runs(records, ktcn, command):
    words = shlex.split(command)
    output = None
    if ">" in words:
        output = words[words.index(">") + 1]
        words = words[: words.index(">")]
    result = ktcn(*words[1:])
    assert result.exit_code == 0, (command, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if output:
        (records / output).write_text(result.stdout, encoding="utf-8")
        assert (records / output).stat().st_size > 0
