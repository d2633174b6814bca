"""`ktcn init`: a ready workspace whose example programme validates, never over an existing file."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from ktcn import __version__
from ktcn.errors import KtcnError
from ktcn.labels import label
from ktcn.records.schema_export import KINDS, json_schema
from ktcn.writing.atomic import write_atomic

MODELINE = "# yaml-language-server: $schema={path}\n"  # editors with the YAML extension check fields as you type


def workspace_files(today: date) -> dict[str, str]:
    """The files of a new workspace; the example programme runs over this year and the next."""
    year = today.year
    return {
        "ktcn.yaml": MODELINE.format(path="schemas/settings.schema.json") + """\
# Thiết lập kho hồ sơ ktcn / ktcn workspace settings (see the ktcn README).
name: Sở Khoa học và Công nghệ          # cơ quan giữ hồ sơ / who keeps these records
owner: skhcn                            # mã cơ quan trong agencies.yaml / its agency id
place: Cần Thơ                          # địa danh ở dòng ngày tháng của báo cáo / place of the date line
language: vi                            # vi | en
warn_days: 14                           # báo "sắp đến hạn" trước bao nhiêu ngày / "due soon" horizon
cutoff: calendar                        # calendar | decree-09 (kỳ báo cáo theo Nghị định 09/2019)
deadline_rule: civil-code               # hạn rơi vào ngày nghỉ lùi sang ngày làm việc tiếp theo (BLDS 2015 Đ.148)
""",
        "agencies.yaml": MODELINE.format(path="schemas/agencies.schema.json") + """\
# Danh mục cơ quan / the agency registry. id: chữ thường không dấu, số, gạch ngang.
agencies:
  - id: skhcn
    name: Sở Khoa học và Công nghệ
    short: Sở KH&CN
  - id: lhh
    name: Liên hiệp các Hội Khoa học và Kỹ thuật
    short: Liên hiệp Hội
  - id: so-ban-nganh
    name: Các sở, ban, ngành
    group: true
""",
        "programmes/vi-du.yaml": MODELINE.format(path="../schemas/programme.schema.json") + f"""\
# Ví dụ một kế hoạch / an example plan: sửa hoặc xóa tệp này. Ghi tiến độ bằng `ktcn update vi-du/1 ...`.
id: vi-du
type: KH
title: Kế hoạch ví dụ
issued: {year}-01-02
issuers: [skhcn]
period: {{from: {year}, to: {year + 1}}}
tasks:
  - id: "1"
    title: Tổ chức hội thảo khoa học
    lead: [skhcn]
    support: [lhh]
    schedule: {year}-Q3                  # một thời hạn / one deadline
    schedule_text: Trong quý III năm {year}
  - id: "2"
    kind: report
    title: Báo cáo kết quả thực hiện Kế hoạch
    lead: [so-ban-nganh]
    to: [skhcn]
    schedule: {{every: 1y, day: 11-30}}    # hằng năm, trước ngày 30/11
    schedule_text: Định kỳ hằng năm, trước ngày 30 tháng 11
  - id: "3"
    title: Tuyên truyền, phổ biến kiến thức khoa học và công nghệ
    lead: [lhh]
    schedule: ongoing                    # thực hiện thường xuyên
    schedule_text: Thực hiện thường xuyên
""",
        ".pre-commit-config.yaml": f"""\
# Kiểm tra hồ sơ trước mỗi lần commit / check the records before each commit (https://pre-commit.com).
repos:
  - repo: https://github.com/ktcn/ktcn
    rev: v{__version__}
    hooks:
      - id: ktcn-validate
""",
        ".gitignore": "# ktcn's per-file cache\n.ktcn-cache/\n",
        **{f"schemas/{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True)
           + "\n" for kind in KINDS},
    }


def init_workspace(folder: Path, today: date, lang: str = "vi") -> list[Path]:
    """Write a new workspace into `folder`; refuse, writing nothing, if any of its files exists."""
    files = {folder / name: text for name, text in workspace_files(today).items()}
    existing = [path for path in files if os.path.lexists(path)]  # a dangling link is there too
    if existing:
        raise KtcnError(label("init.exists", lang, files=", ".join(str(p) for p in existing)),
                        label("init.exists_hint", lang))
    for path, text in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # `ktcn init some-file`, or no right to write there
            problem = (label("init.file_in_the_way", lang) if isinstance(error, FileExistsError | NotADirectoryError)
                       else error.strerror)
            raise KtcnError(label("init.cannot_create", lang, folder=path.parent, problem=problem)) from None
        write_atomic(path, text.encode("utf-8"))
    return list(files)
