"""Write the hostile-input corpus: one file per case, and expected.tsv with the code and line each must give.

Each case file is dropped into a small valid workspace (tests/conftest.py):
`<name>.yaml` as programmes/<name>.yaml, `agencies--<name>.yaml` as agencies.yaml,
`ktcn--<name>.yaml` as ktcn.yaml.  Run `python tests/hostile/make_corpus.py` to
rewrite the corpus after changing a case here; review the diff.  Cases that
need the file system (a 50 MB file, a symlink loop, a FIFO) are made by the
test itself.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

HERE = Path(__file__).parent

BASE = """\
id: kh-9
type: KH
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
UPDATE = "    updates:\n      - date: 2025-02-01\n        status: in-progress\n"


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def deep_block(levels: int) -> str:
    return "".join(" " * i + f"k{i}:\n" for i in range(levels)) + " " * levels + "v\n"


# (name, content as text or bytes, expected code, expected line)
CASES: list[tuple[str, str | bytes, str, int]] = [
    ("syntax-unclosed-flow", edit("issuers: [skhcn]", "issuers: [skhcn"), "KTCN001", 5),
    ("syntax-bad-indentation", edit("    lead: [skhcn]", "   lead: [skhcn]"), "KTCN001", 10),
    ("syntax-colon-in-plain-text", edit("title: Kế hoạch thử", "title: Kế hoạch: thử: hai"), "KTCN001", 3),
    ("syntax-unclosed-quote", edit("title: Kế hoạch thử", 'title: "Kế hoạch thử'), "KTCN001", 3),
    ("syntax-error-after-apostrophe", edit("title: Kế hoạch thử", "title: Kế hoạch của Sở's thử").replace(
        "    lead: [skhcn]", "   lead: [skhcn]"), "KTCN001", 10),
    ("syntax-two-documents", BASE + "---\nid: khac\n", "KTCN001", 12),
    ("syntax-undefined-alias", edit("issuers: [skhcn]", "issuers: *co-quan"), "KTCN001", 5),
    ("syntax-control-character", edit("title: Kế hoạch thử", "title: Kế hoạch\x07 thử"), "KTCN001", 3),
    ("control-character-and-alias", edit("title: Kế hoạch thử", "title: &t Kế hoạch\x07 thử\nplace: *t"),
     "KTCN001", 3),
    ("tab-indentation", edit("    lead: [skhcn]", "\tlead: [skhcn]"), "KTCN003", 10),
    ("tab-after-spaces", edit("    lead: [skhcn]", "  \t  lead: [skhcn]"), "KTCN003", 10),
    ("bom-then-unknown-field", b"\xef\xbb\xbf" + edit("type: KH", "type: KH\nloai: KH").encode(), "KTCN101", 3),
    ("utf16-with-bom", BASE.encode("utf-16"), "KTCN004", 1),
    ("utf16-without-bom", BASE.encode("utf-16-le"), "KTCN004", 1),
    ("windows-1258-bytes", BASE.encode().replace("Kế hoạch thử".encode(), "Thư".encode("cp1258")), "KTCN004", 3),
    ("tcvn3-bytes", BASE.encode().replace("Kế hoạch thử".encode(), b"K\xd5 ho\xb9ch th\xf6"), "KTCN004", 3),
    ("nul-byte", BASE.encode().replace(b"Nhi", b"N\x00hi"), "KTCN004", 9),
    ("nfd-vietnamese", edit("title: Kế hoạch thử", unicodedata.normalize("NFD", "title: Kế hoạch thử")),
     "KTCN507", 3),
    ("duplicate-key-top", edit("issued:", "title: Lại lần nữa\nissued:"), "KTCN002", 4),
    ("duplicate-key-task", edit("    schedule: 2025-06-30", "    schedule: 2025-06-30\n    lead: [lhh]"),
     "KTCN002", 12),
    ("duplicate-key-update", BASE + UPDATE + "        date: 2025-03-01\n", "KTCN002", 15),
    ("duplicate-key-flow-schedule", edit("schedule: 2025-06-30", "schedule: {every: 1y, every: 2y}"),
     "KTCN002", 11),
    ("duplicate-key-period", edit("period: {from: 2025, to: 2026}", "period: {from: 2025, from: 2024}"),
     "KTCN002", 6),
    ("empty-file", "", "KTCN008", 1),
    ("only-comments", "# chỉ có ghi chú\n# không có gì khác\n", "KTCN008", 1),
    ("top-level-list", "- id: kh-9\n- title: x\n", "KTCN008", 1),
    ("top-level-scalar", "Kế hoạch thử\n", "KTCN008", 1),
    ("null-task", edit('tasks:\n  - id: "1"', 'tasks:\n  - ~\n  - id: "1"'), "KTCN103", 8),
    ("null-schedule", edit("    schedule: 2025-06-30", "    schedule:"), "KTCN102", 8),
    ("huge-number", BASE + "    updates:\n      - {date: 2025-02-01, progress: 1" + "0" * 400 + "}\n",
     "KTCN108", 13),
    ("date-dd-mm-yyyy", edit("issued: 2025-01-10", "issued: 10/01/2025"), "KTCN105", 4),
    ("date-february-30", edit("issued: 2025-01-10", "issued: 2025-02-30"), "KTCN105", 4),
    ("date-month-13", edit("schedule: 2025-06-30", "schedule: {due: 2025-13-01}"), "KTCN105", 11),
    ("date-with-time", edit("issued: 2025-01-10", "issued: 2025-01-10 08:30:00"), "KTCN105", 4),
    ("yes-as-status", BASE + "    updates:\n      - date: 2025-02-01\n        status: yes\n", "KTCN104", 14),
    ("no-as-title", edit("    title: Nhiệm vụ một", "    title: no"), "KTCN104", 9),
    ("on-as-key", edit("type: KH", "type: KH\non: 2025"), "KTCN101", 3),
    ("billion-laughs", bomb(), "KTCN006", 5),
    ("recursive-alias", edit("issuers: [skhcn]", "issuers: &x [skhcn, *x]"), "KTCN006", 5),
    ("python-object-tag", edit("title: Kế hoạch thử", "title: !!python/object/apply:os.system [echo pwned]"),
     "KTCN005", 3),
    ("python-name-tag", edit("title: Kế hoạch thử", "title: !!python/name:os.system"), "KTCN005", 3),
    ("custom-tag", edit("title: Kế hoạch thử", "title: !vault bí-mật"), "KTCN005", 3),
    ("binary-tag", edit("title: Kế hoạch thử", "title: !!binary aGVsbG8="), "KTCN005", 3),
    ("deep-flow-nesting", edit("title: Kế hoạch thử", "title: " + "[" * 10000 + "]" * 10000), "KTCN011", 3),
    ("deep-block-nesting", deep_block(300), "KTCN011", 101),
    ("merge-conflict-markers", edit("title: Kế hoạch thử",
                                    "<<<<<<< HEAD\ntitle: Kế hoạch A\n=======\ntitle: Kế hoạch B\n>>>>>>> chi-nhanh"),
     "KTCN007", 3),
    ("conflicting-programme-id", edit("id: kh-9", "id: kh-1"), "KTCN201", 1),
    ("duplicate-task-id", BASE + '  - id: "1"\n    title: Hai\n    lead: [lhh]\n    schedule: 2026\n', "KTCN201", 12),
    ("unknown-agency", edit("lead: [skhcn]", "lead: [so-khcn]"), "KTCN202", 10),
    ("schedule-two-forms", edit("schedule: 2025-06-30", "schedule: {due: 2025-06-30, every: 1y}"), "KTCN301", 11),
    ("schedule-every-words", edit("schedule: 2025-06-30", "schedule: {every: 6 tháng}"), "KTCN303", 11),
    ("schedule-rrule-garbage", edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=WHENEVER'}"), "KTCN304", 11),
    ("schedule-from-after-until", edit("schedule: 2025-06-30", "schedule: {every: 1y, from: 2026, until: 2025}"),
     "KTCN305", 11),
    ("progress-negative", BASE + "    updates:\n      - {date: 2025-02-01, progress: -5}\n", "KTCN108", 13),
    ("status-unknown", BASE + "    updates:\n      - {date: 2025-02-01, status: finished}\n", "KTCN107", 13),
    ("key-is-a-list", edit("type: KH", "type: KH\n? [a, b]\n: x"), "KTCN103", 3),
    ("long-line-then-error", edit("title: Kế hoạch thử", "title: " + "Kế hoạch " * 20_000 + "\nloai: KH"),
     "KTCN101", 4),
    ("agencies--duplicate-id", "agencies:\n  - {id: skhcn, name: A}\n  - {id: skhcn, name: B}\n  - {id: lhh, name: C}\n"
     "  - {id: sttt, name: D}\n", "KTCN201", 3),
    ("agencies--not-a-list", "agencies: skhcn\n", "KTCN103", 1),
    ("ktcn--bad-language", "name: Sở KH&CN\nowner: skhcn\nlanguage: fr\n", "KTCN107", 3),
    ("ktcn--syntax", "name: Sở KH&CN\nowner: [skhcn\n", "KTCN001", 2),
    # issue 14: schedules that never end, never advance or never fall due; values out of every range
    ("rrule-interval-zero", edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=DAILY;INTERVAL=0'}"), "KTCN304", 11),
    ("rrule-secondly", edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=SECONDLY'}"), "KTCN304", 11),
    ("rrule-hourly-part", edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=DAILY;BYHOUR=9'}"), "KTCN304", 11),
    ("rrule-february-30", edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'}"),
     "KTCN304", 11),
    ("every-a-million-years", edit("schedule: 2025-06-30", "schedule: {every: 99999999y}"), "KTCN303", 11),
    ("offset-eight-thousand-years", edit("schedule: 2025-06-30", "schedule: {every: 1y, offset: +3000000d}"),
     "KTCN306", 11),
    ("every-after-the-period", edit("schedule: 2025-06-30", "schedule: {every: 1y, from: 2030}"), "KTCN309", 11),
    ("merge-key-of-a-number", edit("    lead: [skhcn]", "    <<: 5\n    lead: [skhcn]"), "KTCN103", 10),
    ("full-width-digits", edit("issued: 2025-01-10", "issued: ２０２５-01-10"), "KTCN105", 4),
    ("tag-after-flow-colon", edit("title: Kế hoạch thử", 'title: {"x":!!python/name:os.system x}'), "KTCN005", 3),
    ("ktcn--warn-days-fraction", "name: Sở KH&CN\nowner: skhcn\nwarn_days: 1.5\n", "KTCN103", 3),
    ("escape-sequence-in-title", edit("title: Kế hoạch thử", 'title: "\\e[2J\\e[1;31mFAKE"'), "KTCN109", 3),
    ("control-escape-in-task", edit("    title: Nhiệm vụ một", '    title: "Nhiệm vụ\\x01 một"'), "KTCN109", 9),
    ("c1-control-in-note", BASE + '    updates:\n      - {date: 2025-02-01, note: "đã gửi\\x9b31m"}\n', "KTCN109",
     13),
]


def main() -> None:
    lines = ["# case file\tcode\tline (in the file the case replaces)"]
    for name, content, code, line in CASES:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (HERE / f"{name}.yaml").write_bytes(data)
        lines.append(f"{name}.yaml\t{code}\t{line}")
    (HERE / "expected.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
