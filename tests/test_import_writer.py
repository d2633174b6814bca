"""What `ktcn import` writes reads back as what was read: any title, any agency name, whatever YAML makes of it."""

from __future__ import annotations

import unicodedata

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ktcn.importing.agencies import Unknown
from ktcn.importing.build import Draft
from ktcn.importing.registry import append_agencies
from ktcn.importing.writer import Document, render, wrap

# Vietnamese letters, and every character YAML gives a meaning to.
LETTERS = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵAĐƯ0123456789"
           " -:#,[]{}&*!|>'\"%@`?~=/\\.;()+<")
ALPHABET = st.sampled_from([*LETTERS, "yes", "no", "on", "null", "true", "2025", "0x1F", "1:30", "1e3", "2025-06-30",
                            "- ", ": ", " #", "...", "---", "\u00a0", "😀"])
TEXT = st.lists(ALPHABET, min_size=1, max_size=60).map("".join).map(
    lambda t: " ".join(unicodedata.normalize("NFC", t).split())).filter(bool)


def _one_task(title: str, schedule_text: str) -> str:
    task = Draft("1", title, ("skhcn",), schedule={"due": "2025-Q4"}, schedule_text=schedule_text,
                 notes=[("Ghi chú", title)])
    return render(Document("kh", "KH", title, ("skhcn",), tasks=[task], source=title), "vi")


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_any_text_reads_back_as_itself(title, schedule_text):
    loaded = yaml.safe_load(_one_task(title, schedule_text))
    assert loaded["title"] == title
    assert loaded["tasks"][0]["title"] == title
    assert loaded["tasks"][0]["schedule_text"] == schedule_text
    assert str(loaded["tasks"][0]["schedule"]) == "2025-Q4"


@settings(max_examples=200, deadline=None)
@given(TEXT, st.booleans(), st.sampled_from(["block", "flow", "crlf"]))
def test_any_agency_name_is_appended_as_itself(name, group, style):
    registry = {
        "block": "# cơ quan\nagencies:\n  - id: a\n    name: A   # giữ chú thích\n",
        "flow": "agencies:\n- {id: a, name: A}\n",
        "crlf": "agencies:\r\n  - id: a\r\n    name: A\r\n",
    }[style]
    entry = Unknown(name, "moi", group, ())
    text = append_agencies(registry, [entry], "đề xuất")
    assert text.startswith(registry)
    agencies = yaml.safe_load(text)["agencies"]
    assert agencies[-1] == {"id": "moi", "name": name, **({"group": True} if group else {})}
    if style == "crlf":
        assert "\n" not in text.replace("\r\n", "")


def test_a_registry_without_a_final_newline_keeps_its_last_line():
    text = append_agencies("agencies:\n  - id: a\n    name: A", [Unknown("Sở B", "b", False, ())], "đề xuất")
    assert text == "agencies:\n  - id: a\n    name: A\n  # đề xuất\n  - id: b\n    name: Sở B"


def test_an_empty_registry_gets_a_list():
    text = append_agencies("agencies:\n", [Unknown("Sở B", "b", False, ())], "đề xuất")
    assert yaml.safe_load(text) == {"agencies": [{"id": "b", "name": "Sở B"}]}


def test_lines_wrap_at_words():
    assert wrap("một hai ba bốn", 7) == ["một hai", "ba bốn"]
    assert wrap("dài-hơn-cả-dòng ngắn", 5) == ["dài-hơn-cả-dòng", "ngắn"]
