"""Pipe tables read line by line (ktcn.outputs.docx_report.pipe_tables) give the cells markdown-it gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktcn.outputs.docx_report.markdown_blocks import _parser
from ktcn.outputs.docx_report.pipe_tables import read_table, segments
from ktcn.outputs.docx_report.tables import TableCell, table_rows
from ktcn.outputs.templating import cell

PARSER = _parser()


def by_markdown_it(text: str) -> tuple[list[list[tuple]], int]:
    tokens = PARSER.parse(text)
    start = next(i for i, t in enumerate(tokens) if t.type == "table_open")
    end = next(i for i, t in enumerate(tokens) if t.type == "table_close")
    rows, header = table_rows(tokens[start:end + 1])
    return [[(c.pieces, c.align) for c in row] for row in rows], header


def by_lines(text: str) -> tuple[list[list[tuple]], int]:
    found = [s for s in segments(text) if s.table]
    assert len(found) == 1, text
    rows, header = read_table(found[0].text, PARSER)
    return [[(TableCell(*c).pieces, c[1]) for c in row] for row in rows], header


@pytest.mark.parametrize("text", [
    "| TT | Nội dung |\n|:---:|---|\n| 1 | Báo cáo a \\| b |\n",
    "| a | b | c |\n|---|:---|---:|\n| **I** | **Kế hoạch** | |\n| 1 | *nháp* _x_ | `code` |\n",
    "| a | b |\n|---|---|\n| only one |\n| three | cells | here |\n",
    "|a|b|\n|-|-|\n|\\\\|x\\\\\\||\n",
    "| x | y |\n| --- | --- |\n| &amp; [1] <b>đậm</b> | ~~s~~ ! |\n",
])
def test_examples_read_as_markdown_it_reads_them(text):
    assert by_lines(text) == by_markdown_it(text)


TEXT = st.text(alphabet="ab đ|\\*_`<>[]!&~-:\n", max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=4))
def test_cells_escaped_by_the_templates_read_alike(rows):
    lines = ["| TT | Nội dung | Kết quả |", "|:---:|---|---|"]
    lines += ["| " + " | ".join(cell(text) for text in row) + " |" for row in rows]
    text = "\n".join(lines) + "\n"
    assert by_lines(text) == by_markdown_it(text)


def test_tables_left_to_markdown_it():
    assert not any(s.table for s in segments("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n"))  # in a list
    assert not any(s.table for s in segments("```\n| a | b |\n|---|---|\n```\n"))  # in a fence
    assert not any(s.table for s in segments("text\n| a | b |\n|---|---|\n"))  # no blank line before
    assert not any(s.table for s in segments("| a | b |\n|---|---|\n| 1 | 2 |\nno pipe\n"))  # a row without '|'
    assert not any(s.table for s in segments("| a | b |\n|---|\n"))  # delimiter of another width
    parts = list(segments("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter\n"))
    assert [p.table for p in parts] == [False, True, False]
    assert "".join(p.text + "\n" for p in parts).rstrip("\n") == "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter"


# Every character some version of markdown-it-py trims from a cell (str.strip()'s set, Unicode's white space).
PADDING = "\t\x0b\x0c\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"


@pytest.mark.parametrize("pad", list(PADDING), ids=[f"U+{ord(c):04X}" for c in PADDING])
def test_the_cells_are_trimmed_of_the_same_white_space(pad):
    text = f"| a{pad} | {pad}b |\n|---|---|\n|{pad}1{pad}|{pad} {pad}|\n"
    assert by_lines(text) == by_markdown_it(text)  # by_lines asserts that the line reader took the table


RAW = st.text(alphabet="ab|\\*_` \u00a0-:", max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(RAW, min_size=2, max_size=2), min_size=1, max_size=3))
def test_cells_as_typed_read_alike(rows):
    lines = ["| a | b |", "|---|--:|"] + ["| " + " | ".join(row) + " |" for row in rows]
    text = "\n".join(lines) + "\n"
    if not any(s.table for s in segments(text)):
        return  # a typed row that is no row (a blank line in it, say) is markdown-it's to read
    assert by_lines(text) == by_markdown_it(text)
