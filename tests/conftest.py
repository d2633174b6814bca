"""Shared fixtures: workspaces written inline into a temporary folder, and the real CLI."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ktcn.cli import app

SETTINGS = """\
name: Sở Khoa học và Công nghệ
owner: skhcn
place: Cần Thơ
language: en
"""

AGENCIES = """\
agencies:
  - id: skhcn
    name: Sở Khoa học và Công nghệ
    short: Sở KH&CN
    aliases: [SKHCN]
  - id: sttt
    name: Sở Thông tin và Truyền thông
    until: 2025-02-28
    succeeded_by: skhcn
  - id: lhh
    name: Liên hiệp các Hội Khoa học và Kỹ thuật
"""

PROGRAMME = """\
id: kh-1
type: KH
number: 1/KH-UBND
title: Kế hoạch thử
issued: 2025-01-10
issuers: [skhcn]
period: {from: 2025, to: 2026}
tasks:
  - id: "1"
    title: Nhiệm vụ một
    lead: [skhcn]
    schedule: 2025-06-30
"""

# The demo workspace of the status, report, calendar and DOCX tests: statuses on two days computed by hand
# (see tests/test_status.py for what each task exercises).
DEMO_SETTINGS = """\
name: Sở Khoa học và Công nghệ
owner: skhcn
place: Cần Thơ
language: vi
signer:
  name: Nguyễn Văn A
  position: Phó Giám đốc
  authority: [KT. GIÁM ĐỐC]
recipients: [UBND thành phố (để báo cáo), Bộ Khoa học và Công nghệ]
"""

DEMO_AGENCIES = """\
agencies:
  - {id: skhcn, name: Sở Khoa học và Công nghệ, short: Sở KH&CN}
  - {id: sttt, name: Sở Thông tin và Truyền thông, until: 2025-02-28, succeeded_by: skhcn}
  - {id: lhh, name: Liên hiệp các Hội Khoa học và Kỹ thuật, short: Liên hiệp Hội}
  - {id: snv, name: Sở Nội vụ}
"""

DEMO_PROGRAMME = """\
id: ctr-demo
type: CTr
title: Chương trình thử
issued: 2024-01-15
issuers: [skhcn]
period: {from: 2024, to: 2026}
tasks:
  - id: bc6
    kind: report
    title: Báo cáo 6 tháng
    lead: [lhh]
    schedule: {every: 6m}
    updates:
      - {date: 2024-07-05, status: done, note: Báo cáo 6 tháng đầu năm 2024}
      - {date: 2024-12-20, status: done}
      - {date: 2025-08-10, status: done, note: Gửi muộn báo cáo 6 tháng đầu năm}
  - id: hoi-thi
    kind: event
    title: Hội thi sáng tạo kỹ thuật
    lead: [sttt]
    schedule: 2025-06-30
    updates:
      - {date: 2025-03-10, extend_to: 2025-10-31, by: skhcn, evidence: [Công văn 12/UBND]}
      - {date: 2025-10-15, status: done, progress: 100}
  - id: tong-hop
    title: Tổng hợp báo cáo năm
    lead: [snv]
    schedule: {every: 1y, day: 11-30}
    updates:
      - {date: 2024-11-25, status: done}
      - {date: 2025-05-01, status: cancelled, note: Dừng theo Quyết định 99/QĐ-UBND}
  - id: thuong-xuyen
    title: Tuyên truyền
    lead: [skhcn]
    schedule: ongoing
  - id: bc-2024
    kind: report
    title: Báo cáo năm 2024
    lead: [sttt]
    schedule: 2024-12-31
  - id: soon
    title: Sắp đến hạn
    lead: [lhh]
    schedule: 2025-10-10
"""


def write_workspace(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (path -> text or bytes) under `root`, with the default settings and agencies."""
    everything: dict[str, str | bytes] = {"ktcn.yaml": SETTINGS, "agencies.yaml": AGENCIES, **files}
    for name, content in everything.items():
        if content is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Make a workspace in a temporary folder and change into it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KTCN_RECORDS", raising=False)

    def make(files: dict[str, str | bytes] | None = None, **named: str) -> Path:
        return write_workspace(tmp_path, {**(files or {}), **named})

    return make


@pytest.fixture
def ktcn(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run the real `ktcn` command in-process and return exit code, stdout and stderr."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    runner = CliRunner()

    def run(*args: str) -> Run:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


def parse_schedule(schedule_yaml: str) -> object:
    """A Schedule from its YAML as a person writes it (`{every: 6m}`, `2025-Q4`), read by the real converter."""
    import yaml

    from ktcn.records.convert import INVALID, Reader
    from ktcn.records.schema import SCHEDULE_TYPE

    reader = Reader("t.yaml")
    node = yaml.compose(f"schedule: {schedule_yaml}", Loader=yaml.SafeLoader).value[0][1]
    schedule = SCHEDULE_TYPE.convert(reader, node, ("schedule",), "schedule")
    assert schedule is not INVALID, [d.message() for d in reader.diagnostics]
    return schedule


def schedule_task(schedule_yaml: str, updates: list | tuple = ()) -> object:
    """A task with the schedule written as YAML and the given updates."""
    from ktcn.records.model import Task

    return Task("t", "Task", ("a",), parse_schedule(schedule_yaml), updates=tuple(updates), programme="p")
