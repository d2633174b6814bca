"""Tables for the terminal: laid out for the width, nothing a person must read whole is ever cut.

Width-parametrised: the same table at 120, 100, 80 and 60 columns keeps every
id, number, date and agency name whole on one line, breaks headers only
between words, and changes shape (short headers, compact cells, dropped and
moved columns) only as far as the width asks.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from ktcn.labels import label
from ktcn.views.tabular import Column, Compact, Table, lay_out, shapes, to_rich
from ktcn.views.wrapping import wrap

IDS = ["ctr-hoptac-bkhcn-cantho-2021", "958/CTr-SKHCN-LHH", "kh-231-2024/iii-3-bao-cao", "30/11/2025"]
AGENCIES = ["Ban Thường vụ Liên hiệp Hội", "Trường ĐH Kỹ thuật - Công nghệ Cần Thơ", "Sở KH&CN"]
TITLE = "Tổ chức Hội thi sáng tạo kỹ thuật lần thứ mười hai năm 2025 trên địa bàn thành phố Cần Thơ"

COLUMNS = (
    Column("programme", "col.programme", own_line="above"),
    Column("total", "col.total", "right", short="col.short.total"),
    Column("overdue", "col.overdue", "right", short="col.short.overdue"),
    Column("extended", "col.extended", "right", short="col.short.extended", drop=True),
    Column("task", "col.task"),
    Column("lead", "col.lead", ratio=2, min_width=16, own_line="below"),
    Column("title", "col.title", ratio=3, min_width=24, own_line="below", bare=True),
    Column("progress", "col.progress"),
)
ROWS = [
    ("958/CTr-SKHCN-LHH\nctr-958-2022", 12, 3, 1, "kh-231-2024/iii-3-bao-cao", AGENCIES[:2], TITLE,
     Compact("███░░  60%", "60%")),
    ("ctr-hoptac-bkhcn-cantho-2021", 1234, 5, 0, "ctr-demo/bc6", [AGENCIES[2]], "Ngắn", Compact("░░░░░   0%", "0%")),
    ("kh-2", 0, 0, 0, "kh-2/1", [], "", "—"),
]
TABLE = Table(COLUMNS, ROWS, [None, "bold", "red"], legend="status.short_legend", indent_under="task")


def rendered(renderable, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False, soft_wrap=False)
    console.print(renderable)
    return console.file.getvalue()


@pytest.mark.parametrize("width", [120, 100, 80, 60])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_nothing_is_cut_and_the_table_fits(width, lang):
    shown = rendered(to_rich(TABLE, lang), width)
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "…" not in shown
    for whole in (*IDS[:3], "ctr-958-2022", "kh-231-2024/iii-3-bao-cao"):
        assert any(whole in line for line in lines), (whole, shown)
    tokens = set(re.split(r"[\s,]+", shown))
    for name in AGENCIES:  # a name may wrap between its words, never inside one
        assert set(name.split()) <= tokens, (name, shown)


def test_a_wide_terminal_gets_the_natural_shape_and_a_narrow_one_changes_step_by_step():
    cells = [[str(v) if not isinstance(v, list) else ", ".join(v) for v in row] for row in ROWS]
    compact = [[v.narrow if isinstance(v, Compact) else c for v, c in zip(row, line, strict=True)]
               for row, line in zip(ROWS, cells, strict=True)]
    wide = lay_out(TABLE, "vi", cells, compact, 400)
    assert wide.fits and wide.shape == next(shapes(TABLE))
    narrow = lay_out(TABLE, "vi", cells, compact, 80)
    assert narrow.fits and narrow.shape.short and 6 in narrow.shape.below  # the title went under its row
    assert 0 in lay_out(TABLE, "vi", cells, compact, 60).shape.above  # the long id above its row


def test_short_headers_come_with_their_legend():
    wide, narrow = rendered(to_rich(TABLE, "vi"), 200), rendered(to_rich(TABLE, "vi"), 80)
    legend = label("status.short_legend", "vi").split()[0]
    assert legend not in wide and legend in narrow


def test_moved_text_goes_under_its_row_indented_under_the_task():
    shown = rendered(to_rich(TABLE, "vi"), 80).splitlines()
    row = next(i for i, line in enumerate(shown) if "kh-231-2024/iii-3-bao-cao" in line)
    column = shown[row].index("kh-231-2024")
    title_line = next(line for line in shown[row:] if line.strip().startswith("Tổ chức Hội thi"))
    assert title_line.index("Tổ chức") == column
    assert any(line.strip().startswith("Chủ trì: Ban Thường vụ") for line in shown[row:])


def test_headers_break_only_between_words():
    for width in (120, 80, 60):
        for lang in ("vi", "en"):
            shown = rendered(to_rich(TABLE, lang), width)
            head = shown.split("─")[0]
            for line in head.splitlines():
                for word in line.split():
                    assert any(word in label(k, lang).split() for c in COLUMNS for k in (c.header, c.short) if k), \
                        (word, lang, width)


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("Sở Khoa học và Công nghệ", 10, ["Sở Khoa", "học và", "Công nghệ"]),
    ("ctr-hoptac-bkhcn-cantho-2021 x", 40, ["ctr-hoptac-bkhcn-cantho-2021 x"]),
    ("một\nhai ba", 20, ["một", "hai ba"]),
    ("abcdefgh", 3, ["abc", "def", "gh"]),  # only a word wider than the whole column is broken
])
def test_wrap_breaks_at_spaces(text, width, lines):
    assert wrap(text, width) == lines


def test_a_large_table_is_drawn_whole():
    """A national status table (two thousand rows) is drawn row after row, none dropped or merged.

    How fast is measured in benchmarks/ (the warm `overdue` line of run.py), not here.
    """
    rows = [(f"{n}/KH-UBND\nkh-{n}-2024", n, n % 7, 0, f"kh-{n}-2024/{n}", AGENCIES[:1], TITLE, "—")
            for n in range(2000)]
    shown = rendered(to_rich(Table(COLUMNS, rows), "vi"), 100)
    ids = re.findall(r"kh-(\d+)-2024/\1\b", shown)
    assert ids == [str(n) for n in range(2000)]


@pytest.mark.parametrize("columns", ["200", "80", "60", "24"])
@pytest.mark.parametrize("command", [["overdue", "--as-of", "2026-01-20"], ["status", "--as-of", "2026-01-20"],
                                     ["show", "ctr-demo/bc6"], ["status", "--by", "agency"]])
def test_views_without_colours_print_what_rich_prints(ws, ktcn, monkeypatch, command, columns):
    """Without colours (a pipe, a file) a view's text, its tables' lines too, is written as it is, unless rich
    would crop a line: the same bytes as rich prints."""
    from ktcn.cli import options
    from ktcn.views import tabular

    from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS

    ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME})
    monkeypatch.setenv("COLUMNS", columns)
    plain = ktcn(*command)
    monkeypatch.setattr(options, "_plain", lambda batch, width: None)
    monkeypatch.delattr(tabular._FittedTable, "plain_lines")  # tables drawn by rich, as segments
    assert plain == ktcn(*command) and plain.stdout


@given(words=st.lists(st.sampled_from(["a", "bb", "Nghệ", "An", "Sở", "KH&CN", "đđđđđđđđđđđđđđđđđđđđđ", "x" * 9]),
                      max_size=30),
       spaces=st.lists(st.sampled_from([" ", "  ", "\u00a0", "\t"]), min_size=1), width=st.integers(1, 40))
def test_wrapping_by_pattern_gives_the_lines_of_the_word_loop(words, spaces, width):
    """A paragraph of one-cell characters is wrapped by a regular expression (fast): the same lines as the
    word-by-word loop, which still folds a word wider than the line."""
    from ktcn.views import wrapping

    text = "".join(word + spaces[n % len(spaces)] for n, word in enumerate(words))
    fast = wrap(text, width)
    original = wrapping.wrap_narrow
    wrapping.wrap_narrow = lambda paragraph, width: None
    try:
        assert fast == wrap(text, width)
    finally:
        wrapping.wrap_narrow = original


def test_the_common_characters_are_all_narrow():
    """Text made only of the characters the cheap pattern lets through is measured by its length: none of them
    may be wide or combining (the large class, compiled only for other text, is the judge)."""
    from ktcn.views import wrapping

    common = [chr(c) for c in range(0x3000) if not wrapping._UNCOMMON.search(chr(c))]
    assert "ạ" in common and "→" in common and "█" in common
    assert not any(wrapping._wide_or_combining().search(char) for char in common)
    assert wrapping.display_width("Sở KH&CN → 01/12/2025 ███░░") == 27 and wrapping.display_width("日本") == 4


@pytest.mark.parametrize("width", [100, 80, 60, 40])
def test_repeated_cells_are_drawn_as_if_wrapped_again(width, monkeypatch):
    """A cell's wrapped lines are kept by column and text within a drawing; a list that reads as a plain cell
    (an agency whose name has a comma) breaks between its items all the same, and the other column is its own."""
    from ktcn.views import tabular, wrapping

    joined = "Sở Kế hoạch, Đầu tư và Phát triển"
    listed = wrapping.Listed(["Sở Kế hoạch", "Đầu tư và Phát triển"])
    assert listed == joined and wrap(listed, 20) != wrap(joined, 20)
    rows = [(f"kh-{n}", n, 1, 0, f"kh-{n}/1", lead, title, "—")
            for n, (lead, title) in enumerate([(joined, TITLE), (listed, TITLE), (listed, joined), (joined, TITLE)])]
    kept = rendered(to_rich(Table(COLUMNS, rows), "vi"), width)

    class Forgetful(dict):  # keeps nothing: every cell wrapped again
        def get(self, key, default=None):
            return default

    real_init = tabular._Drawing.__init__

    def init(self, *args):
        real_init(self, *args)
        self._wrapped = Forgetful()

    monkeypatch.setattr(tabular._Drawing, "__init__", init)
    assert kept == rendered(to_rich(Table(COLUMNS, rows), "vi"), width)
