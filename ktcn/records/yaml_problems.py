"""What libyaml's syntax errors mean, in words a secretary can act on, in Vietnamese and English.

libyaml says "mapping values are not allowed here"; the person who typed
`title: Nhiệm vụ: tổ chức hội thảo` needs to hear that a ': ' inside a value
starts a new key, and that quoting the value fixes it.  Each common problem
has its own message and advice (KTCN001's `problem` and `advice`); a problem
not listed here is quoted as libyaml gives it, with the general advice.
"""

from __future__ import annotations

import re

from ktcn.records.diagnostics import Text

GENERAL = Text("check indentation, colons and brackets on this line or the one above",
               "kiểm tra thụt lề, dấu hai chấm và dấu ngoặc ở dòng này hoặc dòng trên")

_QUOTE_ADVICE = Text("if the value (a title, say) contains ': ', put it in double quotes: "
                     "title: \"Nhiệm vụ: tổ chức hội thảo\"",
                     "nếu giá trị (ví dụ tên nhiệm vụ) có chứa ': ' thì đặt cả giá trị trong ngoặc kép: "
                     "title: \"Nhiệm vụ: tổ chức hội thảo\"")

# (pattern on libyaml's problem, pattern on its context or None, message, advice)
_KNOWN: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, Text, Text], ...] = (
    (re.compile(r"^mapping values are not allowed"), None,
     Text("a ': ' inside a value starts a new key",
          "dấu ': ' ở giữa một giá trị bị YAML hiểu là bắt đầu một khóa mới"),
     _QUOTE_ADVICE),
    (re.compile(r"^could not find expected ':'"), None,
     Text("a line of this mapping has no ':' after its key",
          "một dòng của khối này thiếu dấu hai chấm sau khóa"),
     Text("write each line as key: value; a long value carried onto the next line is indented more than its key",
          "mỗi dòng viết dạng khóa: giá trị; phần giá trị dài xuống dòng phải thụt lề sâu hơn khóa của nó")),
    (re.compile(r"^did not find expected key"), None,
     Text("this line does not line up with the keys of its mapping",
          "dòng này không thẳng hàng với các khóa cùng khối"),
     Text("indent the keys of one mapping by the same number of spaces; a value starting with [ { ' \" * & ! | > % @"
          " must be quoted whole",
          "thụt lề các khóa của cùng một khối bằng đúng số dấu cách như nhau; giá trị bắt đầu bằng [ { ' \" * & ! | >"
          " % @ phải đặt cả giá trị trong ngoặc kép")),
    (re.compile(r"^did not find expected '-' indicator"), None,
     Text("this line does not line up with the items of its list",
          "dòng này không thẳng hàng với các mục của danh sách"),
     Text("start every item of a list with '- ' at the same indentation",
          "mỗi mục của danh sách bắt đầu bằng '- ' ở cùng một mức thụt lề")),
    (re.compile(r"^found character '(?P<char>.*)' that cannot start any token"), None,
     Text("a value cannot start with this character", "một giá trị không thể bắt đầu bằng ký tự này"),
     Text("put a value starting with @ or ` in double quotes; indent with spaces, not tabs",
          "đặt giá trị bắt đầu bằng @ hoặc ` trong ngoặc kép; thụt lề bằng dấu cách, không dùng tab")),
    (re.compile(r"^found unexpected end of stream"), re.compile(r"quoted scalar"),
     Text("a quote is opened and never closed", "một dấu ngoặc kép được mở mà không đóng đến hết tệp"),
     Text("close the quote at the end of the value", "đóng dấu ngoặc ở cuối giá trị")),
    (re.compile(r"^did not find expected ',' or '\]'"), None,
     Text("a list in [ ] is not closed, or lacks a comma",
          "danh sách trong ngoặc vuông [ ] chưa đóng hoặc thiếu dấu phẩy"),
     Text("close the list with ']' and separate its items with commas; quote an item holding a comma or ': '",
          "đóng danh sách bằng ']' và ngăn các mục bằng dấu phẩy; mục nào có dấu phẩy hoặc ': ' thì đặt trong ngoặc"
          " kép")),
    (re.compile(r"^did not find expected ',' or '\}'"), None,
     Text("a mapping in { } is not closed, or lacks a comma",
          "khối trong ngoặc nhọn { } chưa đóng hoặc thiếu dấu phẩy"),
     Text("close it with '}' and separate its pairs with commas; quote a value holding a comma or ': '",
          "đóng bằng '}' và ngăn các cặp khóa: giá trị bằng dấu phẩy; giá trị nào có dấu phẩy hoặc ': ' thì đặt"
          " trong ngoặc kép")),
    (re.compile(r"^found undefined alias"), None,
     Text("a value starting with * names an anchor that does not exist",
          "giá trị bắt đầu bằng * được hiểu là bí danh (alias) nhưng không có neo (&) nào mang tên đó"),
     Text("put a value starting with * in double quotes", "đặt giá trị bắt đầu bằng * trong ngoặc kép")),
    (re.compile(r"^found unknown escape character"), None,
     Text("a backslash in double quotes starts an unknown escape",
          "dấu \\ trong ngoặc kép bắt đầu một ký tự thoát không hợp lệ"),
     Text("write \\\\ for a backslash inside double quotes, or use single quotes",
          "trong ngoặc kép, viết \\\\ cho một dấu \\; hoặc dùng ngoặc đơn")),
    (re.compile(r"^block sequence entries are not allowed"), None,
     Text("a list item '- ' follows a key on the same line",
          "mục danh sách '- ' nằm ngay sau khóa trên cùng một dòng"),
     Text("start the list on the next line, indented, or write it in brackets: [a, b]",
          "xuống dòng và thụt lề trước '- ', hoặc viết danh sách trong ngoặc vuông: [a, b]")),
    (re.compile(r"^but found another document|^expected a single document"), None,
     Text("the file holds more than one YAML document (a second '---' line)",
          "tệp có nhiều hơn một tài liệu YAML (có dòng '---' thứ hai)"),
     Text("keep one document per record file: delete the second '---'",
          "mỗi tệp hồ sơ chỉ có một tài liệu: xóa dòng '---' thứ hai")),
    (re.compile(r"(special|control) characters are not allowed"), None,
     Text("YAML does not allow this control character", "YAML không cho phép ký tự điều khiển này"),
     Text("delete it (it usually comes with pasted text)", "xóa ký tự này (thường do dán văn bản từ nơi khác)")),
    (re.compile(r"tab character"), None,
     Text("a tab where YAML wants spaces", "ký tự tab ở chỗ YAML cần dấu cách"),
     Text("indent with spaces only", "chỉ thụt lề bằng dấu cách")),
)


def explain(problem: str | None, context: str | None = None) -> tuple[Text, Text]:
    """libyaml's `problem` (and `context`) as a message and advice, each in both languages."""
    problem = problem or ""
    for pattern, context_pattern, message, advice in _KNOWN:
        found = pattern.search(problem) or pattern.search(context or "")
        if found and (context_pattern is None or context_pattern.search(context or "")):
            char = found.groupdict().get("char")
            if char:
                message = Text(f"{message.en}: '{char}'", f"{message.vi}: '{char}'")
            return message, advice
    said = " ".join(p for p in (problem, context) if p) or "cannot parse"
    return Text(said, f"YAML không đọc được chỗ này (thư viện libyaml báo: {said})"), GENERAL


def unclosed_quote(stopped_at: int) -> tuple[Text, Text]:
    """A quote opened on a line and never closed: YAML stumbled lines later."""
    return (Text(f"a quote opened here is not closed (YAML stopped at line {stopped_at})",
                 f"dấu ngoặc mở ở đây chưa được đóng (YAML dừng ở dòng {stopped_at})"),
            Text("close the quote at the end of the value, or remove it",
                 "đóng dấu ngoặc ở cuối giá trị, hoặc bỏ nó đi"))
