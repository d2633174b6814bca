"""Hostile command lines, templates and links (issue 14): a message and exit 1/2, never exit 70, never a leak.

The hostile record files themselves are in tests/hostile/ (expected.tsv).
"""

from __future__ import annotations

import os

import pytest

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS, PROGRAMME

SECRET = "mat-khau-cua-may: hunter2\n"


@pytest.fixture
def demo(ws):
    return ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES,
               "programmes/ctr-demo.yaml": DEMO_PROGRAMME})


@pytest.mark.parametrize("args", [
    ("upcoming", "--days", "3000000"),
    ("report", "--year", "0"),
    ("report", "--year", "9999"),
    ("report", "--year", "2025", "--half", "3"),
])
def test_numbers_out_of_range_are_usage_errors(demo, ktcn, args):
    result = ktcn(*args)  # the demo workspace speaks Vietnamese: so does the framework's usage error
    assert result.exit_code == 2
    assert "nằm ngoài khoảng cho phép" in result.stderr and "range" not in result.stderr
    assert "range" in ktcn(*args, "--lang", "en").stderr


@pytest.mark.parametrize(("template", "words"), [
    ("{{ 1/0 }}", "ZeroDivisionError"),
    ('{{ t("no.such.label") }}', "KeyError"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "RecursionError"),
])
def test_a_failing_template_names_its_line(demo, ktcn, template, words):
    (demo / "templates").mkdir()
    (demo / "templates" / "bao-cao-nam.md.j2").write_text("# Báo cáo\n\n" + template + "\n", encoding="utf-8")
    result = ktcn("report", "--year", "2025")
    assert result.exit_code == 2, result.stderr
    assert "bao-cao-nam.md.j2:3" in result.stderr
    assert words in result.stderr


def test_a_template_linked_out_of_its_folder_is_not_read(demo, ktcn, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text(SECRET, encoding="utf-8")
    (demo / "templates").mkdir()
    (demo / "templates" / "leak.md.j2").symlink_to(outside)
    (demo / "templates" / "bao-cao-nam.md.j2").write_text('{% include "leak.md.j2" %}\n', encoding="utf-8")
    result = ktcn("report", "--year", "2025")
    assert result.exit_code == 2
    assert "hunter2" not in result.stdout + result.stderr
    assert "links out are not read" in result.stderr


def test_a_workspace_template_linked_out_does_not_fall_back_silently(demo, ktcn, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "t.md.j2"
    outside.write_text("Báo cáo của người khác\n", encoding="utf-8")
    (demo / "templates").mkdir()
    (demo / "templates" / "bao-cao-nam.md.j2").symlink_to(outside)
    result = ktcn("report", "--year", "2025")
    assert (result.exit_code, result.stdout) == (2, "")


@pytest.mark.parametrize("name", ["programmes/leak.yaml", "agencies.yaml"])
def test_a_record_linked_out_of_the_workspace_is_not_read_nor_quoted(ws, ktcn, tmp_path_factory, name):
    outside = tmp_path_factory.mktemp("outside") / "passwd"
    outside.write_text(SECRET, encoding="utf-8")
    root = ws({"programmes/p.yaml": PROGRAMME})
    (root / name).unlink(missing_ok=True)
    (root / name).symlink_to(outside)
    for output_format in ("text", "github", "json"):
        result = ktcn("validate", "--format", output_format)
        assert result.exit_code == 1
        assert "hunter2" not in result.stdout + result.stderr
        assert "KTCN009" in result.stdout
        assert "outside the workspace" in result.stdout


def test_a_link_inside_the_workspace_is_read(ws, ktcn):
    root = ws({"shared/p.yaml": PROGRAMME})
    (root / "programmes").mkdir()
    (root / "programmes" / "p.yaml").symlink_to(root / "shared" / "p.yaml")
    assert ktcn("validate").exit_code == 0


def test_init_onto_a_file_is_refused(tmp_path, ktcn):
    (tmp_path / "kho").write_text("not a folder", encoding="utf-8")
    result = ktcn("init", str(tmp_path / "kho"))
    assert result.exit_code == 1
    assert "a file (not a folder) has that name" in result.stderr or "không phải thư mục" in result.stderr


def test_init_onto_a_dangling_link_is_refused(tmp_path, ktcn):
    (tmp_path / "kho").mkdir()
    (tmp_path / "kho" / "ktcn.yaml").symlink_to(tmp_path / "nowhere" / "ktcn.yaml")
    result = ktcn("init", str(tmp_path / "kho"))
    assert result.exit_code == 1
    assert not (tmp_path / "nowhere").exists()
    assert os.path.islink(tmp_path / "kho" / "ktcn.yaml")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])  # a CR in text is refused (KTCN109)
def test_csv_cells_never_start_a_formula(ws, ktcn, start):
    import csv
    import io

    title = f'{start}HYPERLINK("http://example.org/x", "bấm vào đây")'
    ws({"programmes/p.yaml": PROGRAMME.replace("title: Nhiệm vụ một", f"title: {json_quoted(title)}")})
    for command in (("overdue",), ("status",), ("status", "--by", "agency")):
        result = ktcn(*command, "--as-of", "2025-12-31", "--format", "csv")
        assert result.exit_code == 0, result.stderr
        cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
        assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))], cells
    overdue = ktcn("overdue", "--as-of", "2025-12-31", "--format", "csv").stdout
    assert "'" + title in [cell for row in csv.reader(io.StringIO(overdue)) for cell in row]


def json_quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    import json

    return json.dumps(text, ensure_ascii=False)


MARKUP_TITLE = "Tiêu đề\\n\\nFAKE HEADING\\n====\\n- giả mục\\n1. giả số **đậm"
NOTE_WITH_LIST = ("note: |\n          Đã làm:\n          - việc một\n          - việc hai\n\n"
                  "          # không phải tiêu đề\n")


@pytest.fixture
def markup(ws):
    """A task whose title and note hold line breaks and Markdown that must stay text."""
    programme = PROGRAMME.replace("title: Nhiệm vụ một", f'title: "{MARKUP_TITLE}"') + (
        "    updates:\n      - date: 2025-03-01\n        status: in-progress\n        " + NOTE_WITH_LIST)
    return ws({"programmes/p.yaml": programme})


def test_record_text_never_becomes_markdown_structure(markup, ktcn):
    from markdown_it import MarkdownIt

    result = ktcn("report", "--year", "2025", "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.stderr
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not [h for h in headings if "FAKE" in h or "không phải" in h], headings
    items = [tokens[i + 2].content for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert not [i for i in items if i.startswith(("giả", "việc"))], "a line of record text became a list item"
    the_item = next(i for i in items if "Tiêu đề" in i)
    assert "FAKE HEADING" in the_item and "việc một" in the_item and "việc hai" in the_item


def test_record_text_in_the_word_file_has_no_markup_left(markup, ktcn, tmp_path):
    from docx import Document

    target = tmp_path / "r.docx"
    result = ktcn("report", "--year", "2025", "--as-of", "2025-12-31", "--format", "docx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    paragraphs = [p.text for p in Document(str(target)).paragraphs]
    item = next(p for p in paragraphs if "Tiêu đề" in p)
    assert "FAKE HEADING" in item and "việc hai" in item and "**đậm" in item
    assert not [p for p in paragraphs if p.startswith(("FAKE", "====", "việc"))]
