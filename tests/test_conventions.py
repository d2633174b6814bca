"""What every command owes its users (cli.md, "Conventions"): examples in help, both languages, plain pipes."""

from __future__ import annotations

import json
import re
import string

import pytest

from ktcn.cli import app
from ktcn.labels import LABELS
from ktcn.records.diagnostics import CODES

from conftest import PROGRAMME

COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)


def test_the_commands_of_cli_md_exist():
    assert set(COMMANDS) >= {"validate", "status", "overdue", "upcoming", "show", "report", "update", "init", "schema",
                             "calendar"}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("lang", "example"), [("en", "Example:"), ("vi", "Ví dụ:")])
def test_every_command_help_has_an_example(ktcn, monkeypatch, command, lang, example):
    monkeypatch.setenv("KTCN_LANG", lang)
    result = ktcn(command, "--help")
    assert result.exit_code == 0
    assert re.search(rf"{example}\s+ktcn {command}\b", result.stdout), result.stdout


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_exists_in_both_languages_with_the_same_fields(key):
    vi, en = LABELS[key]
    assert vi.strip() and en.strip()
    assert fields(vi) == fields(en)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_diagnostic_exists_in_both_languages_with_the_same_fields(code):
    spec = CODES[code]
    assert fields(spec.message_vi) == fields(spec.message_en)
    assert fields(spec.hint_vi) == fields(spec.hint_en) | ({"suggestion_vi"} & fields(spec.hint_vi))


def test_pipes_and_no_color_give_plain_text(ws, ktcn, monkeypatch):
    ws({"programmes/p.yaml": PROGRAMME})
    for command in (["status"], ["overdue"], ["show", "kh-1/1"], ["status", "--by", "agency"]):
        assert "\x1b[" not in ktcn(*command, "--as-of", "2025-08-01").stdout
    monkeypatch.setenv("FORCE_COLOR", "1")  # terminal styling forced on: NO_COLOR still removes every colour
    styled = ktcn("status", "--as-of", "2025-08-01").stdout
    assert "\x1b[1m" in styled  # bold is not colour
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])m", styled)
    monkeypatch.delenv("NO_COLOR")
    assert re.search(r"\x1b\[[0-9;]*31m", ktcn("status", "--as-of", "2025-08-01").stdout)  # red overdue rows


def test_gitlab_code_quality_report(ws, ktcn):
    ws({"programmes/p.yaml": PROGRAMME.replace("lead: [skhcn]", "lead: [skhcm]")})
    issues = json.loads(ktcn("validate", "--format", "gitlab").stdout)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("KTCN202", "major", {"path": "programmes/p.yaml", "lines": {"begin": 11}})]
    assert len(issues[0]["fingerprint"]) == 64


def test_every_command_and_option_has_vietnamese_help(ktcn, monkeypatch):
    import typer.main

    from ktcn import help_vi

    group = typer.main.get_command(app)
    assert set(help_vi.COMMANDS) == set(COMMANDS)
    for name in COMMANDS:
        command = group.commands[name]
        missing = [p.name for p in command.params
                   if p.name not in help_vi.OPTIONS and f"{name}.{p.name}" not in help_vi.OPTIONS]
        assert missing == [], name
        assert re.search(rf"Ví dụ:\s+ktcn {name}\b", help_vi.COMMANDS[name])
    monkeypatch.setenv("KTCN_LANG", "vi")
    shown = ktcn("update", "--help").stdout
    assert "Ghi thêm một cập nhật" in shown and "Văn bản minh chứng" in shown
    assert "Sở KH&CN hoặc Liên hiệp Hội" in ktcn("--help").stdout
