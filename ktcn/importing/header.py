"""The document's own header, from the lines above its task table (Decree 30/2020 layout).

```
ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      <- issuer | motto
THÀNH PHỐ CẦN THƠ                   Độc lập - Tự do - Hạnh phúc
Số: 231/KH-UBND                 Cần Thơ, ngày 28 tháng 10 năm 2024      <- number | place and date
                        KẾ HOẠCH                                         <- type
        Thực hiện Nghị quyết số 107/NQ-CP ...                            <- summary title (trích yếu)
```

An appendix that travels alone names its document instead: "(Kèm theo Kế
hoạch số 231/KH-UBND ngày 28 tháng 10 năm 2024 của Ủy ban nhân dân thành phố
Cần Thơ)".  Whatever is not there stays None; the command line fills it in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ktcn.importing.tables import Line
from ktcn.importing.timing import fold, year_of

TYPE_WORDS = {
    "ke hoach": "KH", "chuong trinh": "CTr", "quyet dinh": "QĐ", "nghi quyet": "NQ", "chi thi": "CT",
    "thong bao": "TB", "bao cao": "BC", "to trinh": "TTr", "huong dan": "HD", "de an": "ĐA", "phuong an": "PA",
    "quy che": "QC", "quy dinh": "QyĐ", "cong van": "CV",
}
TYPE_NAMES = {
    "KH": "Kế hoạch", "CTr": "Chương trình", "QĐ": "Quyết định", "NQ": "Nghị quyết", "CT": "Chỉ thị",
    "TB": "Thông báo", "BC": "Báo cáo", "TTr": "Tờ trình", "HD": "Hướng dẫn", "ĐA": "Đề án", "PA": "Phương án",
    "QC": "Quy chế", "QyĐ": "Quy định", "CV": "Công văn",
}
_NUMBER = re.compile(r"^s[oố]\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_DAY = r"ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s+|/|-|\.)(?P<m>\d{1,2})\s*(?:năm\s+|/|-|\.)(?P<y>\d{4})"
_DATE_LINE = re.compile(r"^(?P<place>[^,\d]{2,60}?),\s*" + _DAY, re.IGNORECASE)
_ATTACHED = re.compile(r"kèm theo\s+(?P<kind>[^\d]+?)\s+số\s*:?\s*(?P<number>\S+?)\s+" + _DAY
                       + r"(?:\s+của\s+(?P<issuer>[^)]+?))?\s*\)?\s*$", re.IGNORECASE)
_MOTTO = ("cong hoa xa hoi", "chu nghia viet nam", "doc lap - tu do", "doc lap tu do")
_SEPARATOR = re.compile(r"^[\s\-_=*.·–—]*$")
_PERIOD = re.compile(r"(?:giai doan|nhiem ky|thoi ky)\s+((?:19|20)\d{2})\s*-\s*((?:19|20)\d{2})")


@dataclass
class Header:
    """What the document says about itself; None where it says nothing."""

    number: str | None = None
    type: str | None = None
    title: str | None = None
    issued: date | None = None
    place: str | None = None
    issuer: list[str] = field(default_factory=list)  # the issuer's lines as printed (the body above it first)


def read_header(lines: list[Line]) -> Header:
    """The header from the document's lines above its first task table."""
    texts = [" ".join(line.text.split()) for line in lines]
    header = Header()
    number_at = _first(texts, lambda t: bool(_NUMBER.match(t)) and bool(re.search(r"\d|/", t)))
    date_at = _first(texts, lambda t: bool(_DATE_LINE.match(t)))
    motto_at = _first(texts, lambda t: fold(t).startswith(_MOTTO))
    if number_at is not None:
        header.number = _number(texts[number_at])
    if date_at is not None:
        found = _DATE_LINE.match(texts[date_at])
        header.place, header.issued = found["place"].strip(), _date(found)  # type: ignore[index]
    _issuer(header, texts, [i for i in (number_at, date_at, motto_at) if i is not None])
    after = max((i for i in (number_at, date_at) if i is not None), default=-1) + 1
    _type_and_title(header, lines, after)
    if header.title and header.place:  # a title in capitals was put in lower case: the place keeps its capitals
        header.title = header.title.replace(header.place.lower(), header.place)
    _attached(header, texts)
    if header.type is None and header.number:
        header.type = type_of_number(header.number)
    return header


def _first(texts: list[str], test: Callable[[str], bool]) -> int | None:
    return next((i for i, text in enumerate(texts) if test(text)), None)


def _number(line: str) -> str | None:
    """"Số: 3645 /UBND-KGVX" -> "3645/UBND-KGVX"; a draft's "Số: /CTHT-..." has none."""
    rest = _NUMBER.match(line)["rest"]  # type: ignore[index]
    rest = re.sub(r"\s*([/-])\s*", r"\1", rest).split(" ")[0]
    return rest if re.match(r"^\d", rest) else None


def _date(found: re.Match[str]) -> date | None:
    try:
        return date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None


def _issuer(header: Header, texts: list[str], marks: list[int]) -> None:
    """The lines above the number, date line and motto, less separator rules: the issuing body."""
    if not marks:
        return
    names = [t for t in texts[: min(marks)] if not _SEPARATOR.match(t) and not fold(t).startswith(_MOTTO)]
    names = [t for t in names if not re.match(r"^(?:số|v/v)\b", t, re.IGNORECASE)][-4:]
    header.issuer = names


def _type_and_title(header: Header, lines: list[Line], start: int) -> None:
    """The type line ("KẾ HOẠCH") and the summary title under it, or a letter's "V/v ..." line."""
    for index in range(max(start, 0), min(len(lines), start + 15)):
        text = " ".join(lines[index].text.split())
        folded = fold(text)
        if folded.startswith("v/v ") and header.type is None:
            header.type, header.title = "CV", text
            return
        code, rest = _type_word(text, folded)
        if code:
            header.type = code
            summary = [rest] if rest else []
            summary += _summary_lines(lines, index + 1, only_one=not rest and not lines[index].strong)
            if summary:
                header.title = _title(code, " ".join(summary))
            return


def _type_word(text: str, folded: str) -> tuple[str | None, str]:
    """A line that is a type name, or an upper-case line that starts with one ("CHƯƠNG TRÌNH PHỐI HỢP ...")."""
    for word, code in TYPE_WORDS.items():
        if folded == word:
            return code, ""
        if folded.startswith(word + " ") and text.isupper():
            return code, text.split(maxsplit=len(word.split()))[-1]
    return None, ""


def _summary_lines(lines: list[Line], start: int, only_one: bool) -> list[str]:
    """The summary under the type: the bold or centred lines that follow (one line when that is unknown)."""
    found: list[str] = []
    for line in lines[start:start + 6]:
        text = " ".join(line.text.split())
        if not text or _SEPARATOR.match(text) or (found and not line.strong) or fold(text).startswith("can cu"):
            break
        found.append(text)
        if only_one and not line.strong:
            break
    return found


def _title(code: str, summary: str) -> str:
    """"Kế hoạch" and "Thực hiện Nghị quyết ..." -> "Kế hoạch thực hiện Nghị quyết ..."."""
    if summary.isupper():
        summary = _sentence_case(summary)
    first = summary.split(" ", 1)
    if len(first[0]) > 1 and first[0][1:].islower():  # a capital that only starts the sentence
        summary = summary[0].lower() + summary[1:]
    return f"{TYPE_NAMES[code]} {summary}"


def _sentence_case(text: str) -> str:
    """An upper-case title in lower case, but for document numbers and codes ("107/NQ-CP")."""
    words = [w if re.search(r"\d|/", w) else w.lower() for w in text.split()]
    return " ".join(words)


def _attached(header: Header, texts: list[str]) -> None:
    """"(Kèm theo Kế hoạch số 231/KH-UBND ngày 28 tháng 10 năm 2024 của ...)": what an appendix names."""
    for text in texts:
        found = _ATTACHED.search(text)
        if not found:
            continue
        header.number = header.number or found["number"].rstrip(".,;")
        header.issued = header.issued or _date(found)
        code = TYPE_WORDS.get(fold(found["kind"]))
        header.type = header.type or code
        if found["issuer"] and not header.issuer:
            header.issuer = [found["issuer"].strip()]
        return


def type_of_number(number: str) -> str | None:
    """The type code in a number ("231/KH-UBND" -> KH); a letter's number has none ("3645/UBND-KGVX" -> CV)."""
    from ktcn.records.schema import TYPE_CODES

    parts = number.split("/", 1)
    if len(parts) < 2:
        return None
    code = parts[1].split("-")[0]
    if code in TYPE_CODES:
        return code
    return "CV" if code.isupper() else None


def document_year(title: str | None) -> int | None:
    """The one year a title is about ("Kế hoạch ... năm 2025"); dates and numbers it cites do not count."""
    return year_of(title) if title else None


def period_of(title: str | None) -> tuple[str, str] | None:
    """The period a title names: "giai đoạn 2021-2025" -> (2021, 2025); "năm 2025" -> (2025, 2025)."""
    if not title:
        return None
    found = _PERIOD.search(fold(title))
    if found:
        return found[1], found[2]
    year = document_year(title)
    return (str(year), str(year)) if year else None
