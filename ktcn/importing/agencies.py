"""Agency names in a table cell into ids of agencies.yaml, never guessed.

A name matches an agency when it reads the same as its name, short name or an
alias once case, diacritics, punctuation, "&" against "và", the usual
abbreviations (UBND, Sở KH&CN, LHH, TP...) and the words "các", "những" are set
aside; a name without its place ("Sở Khoa học và Công nghệ" for "... thành phố
Cần Thơ") matches too, and the document's place (else the workspace's) picks
between provinces.  A cell naming several agencies is cut at ";", ",", "/",
"và", " - " and line breaks, and the pieces are joined back as long as they
make one registered name ("Sở Kế hoạch" + "Đầu tư", "Ủy ban nhân dân quận" +
"huyện").  What matches nothing, or more than one agency, is an unknown name:
reported with the closest entries and a proposed id, never replaced by a guess.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ktcn.importing.timing import fold
from ktcn.records.convert import slugify
from ktcn.records.model import Agency

# One word for many: the abbreviations of agency names in plans and letters.
_WORDS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "tp": "thanh pho", "khcn": "khoa hoc va cong nghe",
    "khdt": "ke hoach va dau tu", "gddt": "giao duc va dao tao", "tttt": "thong tin va truyen thong",
    "lhh": "lien hiep hoi khoa hoc va ky thuat", "khkt": "khoa hoc va ky thuat", "mttq": "mat tran to quoc",
    "mttqvn": "mat tran to quoc viet nam", "dh": "dai hoc", "vhttdl": "van hoa the thao va du lich",
    "nnptnt": "nong nghiep va phat trien nong thon", "tnmt": "tai nguyen va moi truong",
    "nnmt": "nong nghiep va moi truong", "ldtbxh": "lao dong thuong binh va xa hoi", "gtvt": "giao thong van tai",
    "vhnt": "van hoc nghe thuat", "kbnn": "kho bac nha nuoc", "bhxh": "bao hiem xa hoi", "tw": "trung uong",
    "pt": "phat thanh", "th": "truyen hinh", "ptth": "phat thanh truyen hinh", "cntt": "cong nghe thong tin",
}
# Abbreviations written with "&" ("KH&CN" reads "kh va cn"), as word sequences.
_PHRASES = {
    ("kh", "va", "cn"): "khoa hoc va cong nghe", ("kh", "va", "dt"): "ke hoach va dau tu",
    ("gd", "va", "dt"): "giao duc va dao tao", ("tt", "va", "tt"): "thong tin va truyen thong",
    ("kh", "va", "kt"): "khoa hoc va ky thuat", ("nn", "va", "ptnt"): "nong nghiep va phat trien nong thon",
    ("tn", "va", "mt"): "tai nguyen va moi truong", ("nn", "va", "mt"): "nong nghiep va moi truong",
    ("vh", "tt", "va", "dl"): "van hoa the thao va du lich", ("ld", "tb", "va", "xh"): "lao dong thuong binh va xa hoi",
    ("ld", "tbxh"): "lao dong thuong binh va xa hoi", ("pt", "th"): "phat thanh truyen hinh",
    # the same, written with a dash or a space instead of "&" ("Sở KH-CN", "Sở GD ĐT")
    ("kh", "cn"): "khoa hoc va cong nghe", ("kh", "dt"): "ke hoach va dau tu", ("gd", "dt"): "giao duc va dao tao",
    ("tt", "tt"): "thong tin va truyen thong", ("kh", "kt"): "khoa hoc va ky thuat",
    ("nn", "ptnt"): "nong nghiep va phat trien nong thon", ("tn", "mt"): "tai nguyen va moi truong",
    ("vh", "tt", "dl"): "van hoa the thao va du lich", ("ld", "tb", "xh"): "lao dong thuong binh va xa hoi",
}
_DROPPED = {"cac", "nhung"}
# A new agency starts at a piece that begins so; a piece that does not continues the unknown name before it.
_HEADS = (
    "so", "ban", "bo", "uy ban", "ubnd", "hdnd", "truong", "lien hiep", "hoi", "vien", "trung tam", "van phong",
    "dai", "bao", "cong an", "cong ty", "cong doan", "cuc", "chi cuc", "kho bac", "ngan hang", "dang uy",
    "dang doan", "mat tran", "mttq", "thanh uy", "thanh doan", "tinh uy", "tinh doan", "cac", "nhung", "tap doan",
    "tong cong ty", "doanh nghiep", "hiep hoi", "quy", "bch", "lhh", "co quan", "don vi", "phong", "benh vien",
    "toa an", "hoi dong", "thuong truc", "tt", "bo chi huy", "ho", "chi nhanh", "nha", "khu", "hoc vien",
)
_PLURAL = re.compile(r"^(?:cac|nhung) |lien quan|so ban nganh|so nganh|quan huyen|xa phuong|huyen thi|bo nganh|"
                     r"dia phuong|co quan don vi|ban nganh")
_SEPARATORS = re.compile(r"(\s*(?:;|,|\n|/|\+|\s[-–]\s|\s+(?:và|va|Và|VÀ)\s+)\s*)")
_BULLET = re.compile(r"^\s*(?:[-+•*–]|\d+[.)]|[a-zđ][)])\s*", re.MULTILINE)
_PARENTHESES = re.compile(r"\([^()]*\)")
_PLACE_TAIL = re.compile(r"\s(?:tinh|thanh pho)\s.*$")
_PLACE_NAME = re.compile(r"(\s(?:tinh|thanh pho))\s.*$")
_WORD = re.compile(r"\w")
MOST_JOINED = 8  # pieces one name may span ("Sở, ban, ngành thành phố" is three)


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """What a name reads as once its spelling is set aside: 'Sở KH&CN' and 'sở khoa học và công nghệ' alike."""
    folded = _PARENTHESES.sub(" ", fold(text)).replace("&", " va ")
    words = re.findall(r"[a-z0-9]+", folded)
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2):
            phrase = _PHRASES.get(tuple(words[i:i + size]))
            if phrase:
                out.extend(phrase.split())
                i += size
                break
        else:
            out.extend(_WORDS.get(words[i], words[i]).split())
            i += 1
    text = " ".join(w for w in out if w not in _DROPPED)
    return text.replace("co lien quan", "lien quan")


def is_plural(text: str) -> bool:
    """A collective name ("Các sở, ban, ngành liên quan", "UBND các quận, huyện"): it should be a group entry."""
    return bool(_PLURAL.search(fold(text)))


@dataclass(frozen=True)
class Unknown:
    """A name the registry does not hold (or holds more than once); `proposal` is the id import would give it."""

    name: str
    proposal: str
    group: bool
    closest: tuple[Agency, ...]
    ambiguous: bool = False


@dataclass(frozen=True)
class CellAgencies:
    """The ids a cell names, in order (an unknown name stands as its proposed id), and the unknown names."""

    ids: tuple[str, ...]
    unknown: tuple[Unknown, ...]
    names: int  # how many names the cell holds


class AgencyMatcher:
    """Names to ids against one registry; `place` is where the document is from (it picks between provinces)."""

    def __init__(self, agencies: Iterable[Agency], place: str | None = None) -> None:
        self.agencies = {a.id: a for a in agencies}
        self.place = name_key(place) if place else ""
        self.index: dict[str, dict[str, int]] = {}  # key -> agency id -> level (0: as written, 1: without place)
        for agency in self.agencies.values():
            for form in (agency.name, agency.short, *agency.aliases):
                if form:
                    self._add(name_key(form), agency.id)
        self.keys = sorted(self.index)
        self.proposed: dict[str, Unknown] = {}  # proposal id -> unknown, one per distinct name
        self.cells: dict[str, CellAgencies] = {}

    def _add(self, key: str, agency_id: str) -> None:
        """Index a name as written (level 0), and without its place (level 1): "Sở Y tế", "UBND tỉnh"."""
        if not key:
            return
        self.index.setdefault(key, {})[agency_id] = 0
        for stripped in (_PLACE_TAIL.sub("", key), _PLACE_NAME.sub(r"\1", key)):
            if stripped != key and " " in stripped:
                level = self.index.setdefault(stripped, {})
                level[agency_id] = min(level.get(agency_id, 1), 1)

    def lookup(self, name: str) -> tuple[str, ...]:
        """The ids a single name may mean, best first: one id is a match, several an ambiguity, none unknown."""
        hits = self.index.get(name_key(name))
        if not hits:
            return ()
        ids = list(hits)
        if self.place:  # a name read without its place is that place's agency: Cần Thơ's "Sở Y tế" is not Nghệ An's
            ids = [i for i in ids if hits[i] == 0 or self._names_place(i)]
            local = [i for i in ids if self._names_place(i)]
            ids = local if len(ids) > 1 and local else ids
        if not ids:
            return ()
        best = min(hits[i] for i in ids)
        ids = [i for i in ids if hits[i] == best]
        if len(ids) > 1:
            plural = is_plural(name)
            fitting = [i for i in ids if self.agencies[i].group == plural]
            ids = fitting or ids
        return tuple(sorted(ids))

    def _names_place(self, agency_id: str) -> bool:
        agency = self.agencies[agency_id]
        return any(self.place in name_key(form) for form in (agency.name, agency.short, *agency.aliases) if form)

    def match_cell(self, text: str, propose: bool = True) -> CellAgencies:
        """Every agency a cell names; `propose`: keep its unknown names among the proposals for agencies.yaml."""
        found = self.cells.get(text) if propose else None
        if found is None:
            found = self._match(text, propose)
            if propose:
                self.cells[text] = found  # a table names the same few agencies in hundreds of cells
        return found

    def _match(self, text: str, propose: bool) -> CellAgencies:
        pieces, separators = _pieces(text)
        ids: list[str] = []
        unknown: list[Unknown] = []
        names = 0
        i = 0
        while i < len(pieces):
            if not _WORD.search(pieces[i]):
                i += 1
                continue
            names += 1
            j, found = self._longest(pieces, separators, i)
            if found and len(found) == 1:
                ids.append(found[0])
            else:
                j = j if found else self._unknown_end(pieces, separators, i)
                name = _join(pieces, separators, i, j)
                entry = self._unknown(name, found, propose)
                unknown.append(entry)
                ids.append(entry.proposal)
            i = j
        return CellAgencies(tuple(dict.fromkeys(ids)), tuple(unknown), names)

    def _longest(self, pieces: list[str], separators: list[str], i: int) -> tuple[int, tuple[str, ...]]:
        for j in range(min(len(pieces), i + MOST_JOINED), i, -1):
            found = self.lookup(_join(pieces, separators, i, j))
            if found:
                return j, found
        return i + 1, ()

    def _unknown_end(self, pieces: list[str], separators: list[str], i: int) -> int:
        """An unknown name runs on over pieces that cannot start a name ("Sở Văn hóa, Thể thao và Du lịch")."""
        j = i + 1
        while j < len(pieces) and not _starts_agency(pieces[j]) and not self._longest(pieces, separators, j)[1]:
            j += 1
        return j

    def _unknown(self, name: str, candidates: tuple[str, ...], propose: bool = True) -> Unknown:
        name = " ".join(_BULLET.sub("", name).split())
        key = name_key(name)
        known = next((u for u in self.proposed.values() if name_key(u.name) == key), None)
        if known is not None:
            return known
        closest = tuple(self.agencies[i] for i in candidates) or self._closest(key)
        proposal = self._proposal(name)
        entry = Unknown(name, proposal, is_plural(name), closest, ambiguous=bool(candidates))
        if propose:
            self.proposed[proposal] = entry
        return entry

    def _closest(self, key: str) -> tuple[Agency, ...]:
        found: list[Agency] = []
        for close in difflib.get_close_matches(key, self.keys, n=6, cutoff=0.6):
            for agency_id in self.index[close]:
                if self.agencies[agency_id] not in found:
                    found.append(self.agencies[agency_id])
        return tuple(found[:3])

    def _proposal(self, name: str) -> str:
        """A slug in the registry's manner: the name, then the place ('so-van-hoa-the-thao-va-du-lich-cantho')."""
        base = re.sub(r"^(?:cac|nhung)-", "", slugify(name))[:60].strip("-") or "co-quan"
        place = self.place.replace(" ", "")
        if place and not base.replace("-", "").endswith(place):
            base = f"{base}-{place}"
        proposal, n = base, 2
        while proposal in self.agencies or proposal in self.proposed:
            proposal, n = f"{base}-{n}", n + 1
        return proposal


def _pieces(text: str) -> tuple[list[str], list[str]]:
    """The cell cut at its separators: pieces, and the separator after each (for joining them back)."""
    text = _BULLET.sub("", _PARENTHESES.sub(" ", text))
    parts = _SEPARATORS.split(text)
    pieces = [p.strip() for p in parts[0::2]]
    separators = [*parts[1::2], ""]
    return pieces, separators


def _join(pieces: list[str], separators: list[str], i: int, j: int) -> str:
    out = pieces[i]
    for k in range(i + 1, j):
        separator = separators[k - 1]
        out += (", " if "\n" in separator else separator) + pieces[k]
    return out


def _starts_agency(piece: str) -> bool:
    folded = fold(piece)
    return any(folded == head or folded.startswith(head + " ") for head in _HEADS)
