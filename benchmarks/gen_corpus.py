#!/usr/bin/env python3
"""Generate a synthetic ktcn workspace in the records.md format, for benchmarks.

    python benchmarks/gen_corpus.py --size province --seed 1 --out /tmp/corpus

`province` is one province's records after the 2025 mergers (the keeper plus the
provinces merged into it): ~50 programme files, ~1,500 tasks, ~8,000 updates,
~2.7 MB.  `national` is a roll-up of all 63 pre-merger provinces, one folder per
province: ~2,000 files, ~60,000 tasks, ~330,000 updates, ~105 MB.  (`tiny`, ~3
files that walk through every schedule form, is for the tests.)

Everything comes from one `random.Random(seed)`, so a seed always gives the same
bytes.  The files are built as strings in the style of the bundled records
(block style, flow lists for ids and evidence; yaml.dump is far too slow at
national size), and are meant to validate clean as of 2026-06-30:
`ktcn validate --records DIR --as-of 2026-06-30 --strict`.  This module does not
import ktcn: it computes occurrences itself, from records.md, so that a
disagreement between the two shows up as a validation finding.
"""

from __future__ import annotations

import argparse
import calendar
import os
import random
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

TODAY = date(2026, 6, 30)  # the as-of day the corpus is consistent with
LAST_ISSUE = date(2026, 5, 31)
FIRST_ISSUE = date(2016, 1, 4)
DEPARTMENTS_MERGED = date(2025, 2, 28)  # last day of Sở TT&TT, Sở KH&ĐT, Sở LĐ-TB&XH, ... (Resolution 190/2025)
PROVINCES_MERGED = date(2025, 6, 30)  # last day of the 63 provinces and of the district level


@dataclass(frozen=True)
class Size:
    files: int
    tasks: tuple[int, int]  # tasks per file, inclusive range
    national: bool = False
    cycle: bool = False  # walk through every schedule form in order (tiny)


SIZES = {
    "tiny": Size(files=3, tasks=(13, 15), cycle=True),
    "province": Size(files=50, tasks=(12, 48)),
    "national": Size(files=2000, tasks=(12, 48), national=True),
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- provinces and agencies ------------------------------------------------------------------

# (slug, name, city, merged into) -- the 63 provinces and what Resolution 202/2025/QH15 made of them.
PROVINCES: tuple[tuple[str, str, bool, str | None], ...] = (
    ("hanoi", "Hà Nội", True, None), ("hue", "Huế", True, None), ("laichau", "Lai Châu", False, None),
    ("dienbien", "Điện Biên", False, None), ("sonla", "Sơn La", False, None), ("langson", "Lạng Sơn", False, None),
    ("quangninh", "Quảng Ninh", False, None), ("thanhhoa", "Thanh Hóa", False, None),
    ("nghean", "Nghệ An", False, None), ("hatinh", "Hà Tĩnh", False, None), ("caobang", "Cao Bằng", False, None),
    ("tuyenquang", "Tuyên Quang", False, None), ("hagiang", "Hà Giang", False, "tuyenquang"),
    ("laocai", "Lào Cai", False, None), ("yenbai", "Yên Bái", False, "laocai"),
    ("thainguyen", "Thái Nguyên", False, None), ("backan", "Bắc Kạn", False, "thainguyen"),
    ("phutho", "Phú Thọ", False, None), ("vinhphuc", "Vĩnh Phúc", False, "phutho"),
    ("hoabinh", "Hòa Bình", False, "phutho"), ("bacninh", "Bắc Ninh", False, None),
    ("bacgiang", "Bắc Giang", False, "bacninh"), ("hungyen", "Hưng Yên", False, None),
    ("thaibinh", "Thái Bình", False, "hungyen"), ("haiphong", "Hải Phòng", True, None),
    ("haiduong", "Hải Dương", False, "haiphong"), ("ninhbinh", "Ninh Bình", False, None),
    ("hanam", "Hà Nam", False, "ninhbinh"), ("namdinh", "Nam Định", False, "ninhbinh"),
    ("quangtri", "Quảng Trị", False, None), ("quangbinh", "Quảng Bình", False, "quangtri"),
    ("danang", "Đà Nẵng", True, None), ("quangnam", "Quảng Nam", False, "danang"),
    ("quangngai", "Quảng Ngãi", False, None), ("kontum", "Kon Tum", False, "quangngai"),
    ("gialai", "Gia Lai", False, None), ("binhdinh", "Bình Định", False, "gialai"),
    ("khanhhoa", "Khánh Hòa", False, None), ("ninhthuan", "Ninh Thuận", False, "khanhhoa"),
    ("lamdong", "Lâm Đồng", False, None), ("daknong", "Đắk Nông", False, "lamdong"),
    ("binhthuan", "Bình Thuận", False, "lamdong"), ("daklak", "Đắk Lắk", False, None),
    ("phuyen", "Phú Yên", False, "daklak"), ("hcm", "Hồ Chí Minh", True, None),
    ("binhduong", "Bình Dương", False, "hcm"), ("bariavungtau", "Bà Rịa - Vũng Tàu", False, "hcm"),
    ("dongnai", "Đồng Nai", False, None), ("binhphuoc", "Bình Phước", False, "dongnai"),
    ("tayninh", "Tây Ninh", False, None), ("longan", "Long An", False, "tayninh"),
    ("cantho", "Cần Thơ", True, None), ("soctrang", "Sóc Trăng", False, "cantho"),
    ("haugiang", "Hậu Giang", False, "cantho"), ("vinhlong", "Vĩnh Long", False, None),
    ("bentre", "Bến Tre", False, "vinhlong"), ("travinh", "Trà Vinh", False, "vinhlong"),
    ("dongthap", "Đồng Tháp", False, None), ("tiengiang", "Tiền Giang", False, "dongthap"),
    ("camau", "Cà Mau", False, None), ("baclieu", "Bạc Liêu", False, "camau"),
    ("angiang", "An Giang", False, None), ("kiengiang", "Kiên Giang", False, "angiang"),
)


@dataclass(frozen=True)
class Province:
    slug: str
    name: str
    city: bool
    into: str | None

    @property
    def unit(self) -> str:
        """'tỉnh Nghệ An', 'thành phố Cần Thơ', 'Thành phố Hồ Chí Minh'."""
        if self.slug == "hcm":
            return "Thành phố Hồ Chí Minh"
        return f"{'thành phố' if self.city else 'tỉnh'} {self.name}"

    @property
    def level(self) -> str:
        return "thành phố" if self.city else "tỉnh"

    @property
    def place(self) -> str:
        return "TP. Hồ Chí Minh" if self.slug == "hcm" else self.name

    @property
    def last_day(self) -> date | None:
        return PROVINCES_MERGED if self.into else None


# (role, name, short, group, until, successor role, since): one agency per role in every province.
ROLES: tuple[tuple[str, str, str | None, bool, date | None, str | None, date | None], ...] = (
    ("ubnd", "Ủy ban nhân dân {unit}", "UBND {level}", False, None, None, None),
    ("hdnd", "Hội đồng nhân dân {unit}", "HĐND {level}", False, None, None, None),
    ("tu", "{party} {name}", "{party}", False, None, None, None),
    ("skhcn", "Sở Khoa học và Công nghệ {unit}", "Sở KH&CN", False, None, None, None),
    ("stttt", "Sở Thông tin và Truyền thông {unit}", "Sở TT&TT", False, DEPARTMENTS_MERGED, "skhcn", None),
    ("skhdt", "Sở Kế hoạch và Đầu tư {unit}", "Sở KH&ĐT", False, DEPARTMENTS_MERGED, "stc", None),
    ("stc", "Sở Tài chính {unit}", "Sở Tài chính", False, None, None, None),
    ("snv", "Sở Nội vụ {unit}", "Sở Nội vụ", False, None, None, None),
    ("sldtbxh", "Sở Lao động - Thương binh và Xã hội {unit}", "Sở LĐ-TB&XH", False, DEPARTMENTS_MERGED, "snv",
     None),
    ("sgddt", "Sở Giáo dục và Đào tạo {unit}", "Sở GD&ĐT", False, None, None, None),
    ("syt", "Sở Y tế {unit}", "Sở Y tế", False, None, None, None),
    ("sct", "Sở Công Thương {unit}", "Sở Công Thương", False, None, None, None),
    ("snnptnt", "Sở Nông nghiệp và Phát triển nông thôn {unit}", "Sở NN&PTNT", False, DEPARTMENTS_MERGED, "snnmt",
     None),
    ("stnmt", "Sở Tài nguyên và Môi trường {unit}", "Sở TN&MT", False, DEPARTMENTS_MERGED, "snnmt", None),
    ("snnmt", "Sở Nông nghiệp và Môi trường {unit}", "Sở NN&MT", False, None, None, date(2025, 3, 1)),
    ("lhh", "Liên hiệp các Hội Khoa học và Kỹ thuật {unit}", "Liên hiệp Hội", False, None, None, None),
    ("vp-lhh", "Văn phòng Liên hiệp các Hội Khoa học và Kỹ thuật {unit}", "Văn phòng LHH", False, None, None, None),
    ("so-ban-nganh", "Sở, ban, ngành {level}", "Các sở, ban, ngành", True, None, None, None),
    ("ubnd-cap-huyen", "Ủy ban nhân dân các huyện, thị xã, thành phố thuộc {unit}", "UBND cấp huyện", True,
     PROVINCES_MERGED, "ubnd-cap-xa", None),
    ("ubnd-cap-xa", "Ủy ban nhân dân các xã, phường, đặc khu thuộc {unit}", "UBND cấp xã", True, None, None,
     date(2025, 7, 1)),
    ("hoi-thanh-vien-lhh", "Các hội thành viên Liên hiệp các Hội Khoa học và Kỹ thuật {unit}", "Các hội thành viên",
     True, None, None, None),
    ("dvtt-skhcn", "Các đơn vị trực thuộc Sở Khoa học và Công nghệ {unit}", "Đơn vị trực thuộc Sở KH&CN", True, None,
     None, None),
    ("vien-truong", "Các viện, trường đại học, cao đẳng trên địa bàn {unit}", "Các viện, trường", True, None, None,
     None),
    ("bao-dai", "Các cơ quan báo, đài {unit}", "Các cơ quan báo, đài", True, None, None, None),
    ("doanh-nghiep", "Các doanh nghiệp trên địa bàn {unit}", "Các doanh nghiệp", True, None, None, None),
)

CENTRAL: tuple[tuple[str, str, str | None, bool, date | None, str | None], ...] = (
    ("bkhcn", "Bộ Khoa học và Công nghệ", "Bộ KH&CN", False, None, None),
    ("btttt", "Bộ Thông tin và Truyền thông", "Bộ TT&TT", False, DEPARTMENTS_MERGED, "bkhcn"),
    ("bkhdt", "Bộ Kế hoạch và Đầu tư", "Bộ KH&ĐT", False, DEPARTMENTS_MERGED, "btc"),
    ("btc", "Bộ Tài chính", "Bộ Tài chính", False, None, None),
    ("bnv", "Bộ Nội vụ", "Bộ Nội vụ", False, None, None),
    ("bgddt", "Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT", False, None, None),
    ("lhh-vn", "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", "VUSTA", False, None, None),
    ("bo-nganh-lien-quan", "Các bộ, ngành liên quan", None, True, None, None),
)


@dataclass
class Agency:
    id: str
    name: str
    short: str | None = None
    aliases: tuple[str, ...] = ()
    group: bool = False
    until: date | None = None
    succeeded_by: str | None = None
    since: date | None = None  # not written: keeps a new agency out of documents older than it

    def alive(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class Registry:
    """The agencies of the workspace, with the successor chain after the mergers."""

    def __init__(self, provinces: list[Province]) -> None:
        self.agencies: dict[str, Agency] = {}
        for code, name, short, group, until, successor in CENTRAL:
            aliases = (code.upper(),) if not group else ()
            self.add(Agency(code, name, short, aliases, group, until, successor))
        by_slug = {p.slug: p for p in provinces}
        for province in provinces:
            party = "Thành ủy" if province.city else "Tỉnh ủy"
            for role, name, short, group, until, successor, since in ROLES:
                fields = {"unit": province.unit, "level": province.level, "name": province.name, "party": party}
                agency_id = f"{role}-{province.slug}"
                short_text = short.format(**fields) if short else None
                aliases = (f"{short_text} {province.name}",) if short_text and not group else ()
                agency = Agency(agency_id, nfc(name.format(**fields)), nfc(short_text) if short_text else None,
                                tuple(nfc(a) for a in aliases), group, until,
                                f"{successor}-{province.slug}" if successor else None, since)
                if province.into and province.into in by_slug and (until is None or until > PROVINCES_MERGED):
                    target_role = successor or role
                    agency.until = PROVINCES_MERGED
                    agency.succeeded_by = f"{target_role}-{province.into}"
                self.add(agency)

    def add(self, agency: Agency) -> None:
        self.agencies[agency.id] = agency

    def current(self, agency_id: str, day: date) -> str:
        """Who answers for `agency_id` on `day`: the agency itself, or its successor after a merger."""
        agency = self.agencies[agency_id]
        while agency.until and day > agency.until and agency.succeeded_by:
            agency = self.agencies[agency.succeeded_by]
        return agency.id

    def role(self, role: str, province: str, day: date) -> str:
        """The agency holding `role` in `province` on `day` (a department merged away hands over)."""
        agency_id = f"{role}-{province}"
        agency = self.agencies[agency_id]
        if agency.since and day < agency.since:
            agency_id = {"snnmt": "snnptnt", "ubnd-cap-xa": "ubnd-cap-huyen"}[role] + f"-{province}"
        return self.current(agency_id, day)

    def central(self, code: str, day: date) -> str:
        return self.current(code, day)


# --- phrase lists -----------------------------------------------------------------------------------

WORK_VERBS = (
    "Tổ chức triển khai", "Đẩy mạnh", "Tăng cường", "Nâng cao hiệu quả", "Xây dựng và triển khai",
    "Rà soát, hoàn thiện", "Hỗ trợ phát triển", "Tham mưu xây dựng", "Phối hợp thực hiện", "Tiếp tục triển khai",
    "Nghiên cứu, đề xuất", "Đổi mới nội dung, phương thức", "Phát triển", "Củng cố, kiện toàn",
    "Khảo sát, đánh giá thực trạng", "Đầu tư nâng cấp", "Tuyên truyền, phổ biến",
)
OBJECTS = (
    "hoạt động tư vấn, phản biện và giám định xã hội",
    "chương trình phát triển tài sản trí tuệ",
    "hệ sinh thái khởi nghiệp đổi mới sáng tạo",
    "chuyển đổi số trong các cơ quan nhà nước",
    "ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất nông nghiệp",
    "đội ngũ trí thức khoa học và công nghệ",
    "cơ sở dữ liệu về nhiệm vụ khoa học và công nghệ",
    "hoạt động tiêu chuẩn, đo lường, chất lượng",
    "mạng lưới các tổ chức khoa học và công nghệ công lập",
    "thị trường khoa học và công nghệ",
    "năng suất, chất lượng sản phẩm, hàng hóa chủ lực của địa phương",
    "hạ tầng số và các nền tảng số dùng chung",
    "các nhiệm vụ khoa học và công nghệ cấp tỉnh",
    "phong trào lao động sáng tạo, sáng kiến cải tiến kỹ thuật",
    "công tác thông tin, thống kê khoa học và công nghệ",
    "hoạt động chuyển giao công nghệ cho doanh nghiệp nhỏ và vừa",
    "các mô hình nông nghiệp ứng dụng công nghệ cao",
    "công tác bảo đảm an toàn bức xạ và hạt nhân",
    "nhãn hiệu chứng nhận, chỉ dẫn địa lý cho sản phẩm đặc sản",
    "hệ thống truy xuất nguồn gốc sản phẩm, hàng hóa",
    "nguồn nhân lực khoa học và công nghệ chất lượng cao",
    "cơ chế tài chính cho hoạt động khoa học và công nghệ",
    "Quỹ phát triển khoa học và công nghệ",
    "dịch vụ công trực tuyến toàn trình",
    "Trung tâm hỗ trợ khởi nghiệp đổi mới sáng tạo",
    "hợp tác quốc tế về khoa học, công nghệ và đổi mới sáng tạo",
    "công tác phổ biến kiến thức khoa học và công nghệ trong nhân dân",
    "tổ chức và hoạt động của các hội thành viên",
    "trí tuệ nhân tạo và dữ liệu lớn trong quản lý nhà nước",
    "doanh nghiệp khoa học và công nghệ",
)
TAILS = (
    "", "", " trên địa bàn {unit}", " {span}", " đáp ứng yêu cầu phát triển kinh tế - xã hội của địa phương",
    " gắn với chuyển đổi số", " trong các cơ quan, đơn vị", "; bảo đảm đúng tiến độ, chất lượng và hiệu quả",
    ", ưu tiên các lĩnh vực nông nghiệp, y tế, công nghiệp chế biến", " theo hướng thiết thực, hiệu quả",
    "; huy động các nguồn lực xã hội cho khoa học và công nghệ",
)
EVENTS = (
    "Hội thi Sáng tạo kỹ thuật {unit} lần thứ {n}",
    "Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng {unit}",
    "Hội nghị tập huấn nghiệp vụ tư vấn, phản biện và giám định xã hội",
    "Hội thảo khoa học về {obj}",
    "các hoạt động chào mừng Ngày Khoa học và Công nghệ Việt Nam 18 tháng 5",
    "Chợ công nghệ và thiết bị, kết nối cung cầu công nghệ",
    "Lễ tôn vinh trí thức, nhà khoa học tiêu biểu",
    "Diễn đàn khởi nghiệp đổi mới sáng tạo {unit}",
    "Lễ trao Giải thưởng khoa học và công nghệ {unit}",
    "Tọa đàm về {obj}",
)
REPORTS = (
    "Báo cáo kết quả thực hiện {doc}",
    "Báo cáo tình hình hoạt động khoa học và công nghệ",
    "Báo cáo sơ kết việc thực hiện {doc}",
    "Báo cáo tổng kết việc thực hiện {doc}",
    "Báo cáo thống kê cơ sở về khoa học và công nghệ",
    "Báo cáo tiến độ thực hiện các nhiệm vụ khoa học và công nghệ",
)
REPORT_TO = (
    " gửi {recipient} để tổng hợp", " về {recipient}", " gửi {recipient} (qua Sở Khoa học và Công nghệ)", "",
)
NOTES = (
    "Đã ban hành kế hoạch triển khai.",
    "Đã tổ chức hội nghị quán triệt với {n} đại biểu tham dự.",
    "Đang tổng hợp số liệu từ các đơn vị.",
    "Đã trình Ủy ban nhân dân xem xét, phê duyệt.",
    "Đã nghiệm thu {n} nhiệm vụ khoa học và công nghệ cấp tỉnh.",
    "Đã hỗ trợ {n} doanh nghiệp đăng ký bảo hộ nhãn hiệu.",
    "Đã tổ chức {n} lớp tập huấn cho {m} lượt cán bộ.",
    "Chậm do chờ ý kiến góp ý của các sở, ngành.",
    "Đang lấy ý kiến góp ý dự thảo; dự kiến trình trong tháng tới.",
    "Đã phối hợp khảo sát tại {n} huyện, thị xã.",
    "Đã cập nhật {m} hồ sơ vào cơ sở dữ liệu.",
    "Kinh phí được bố trí {n} triệu đồng từ nguồn sự nghiệp khoa học.",
    "Đã ký kết {n} hợp đồng chuyển giao công nghệ.",
    "Đang hoàn thiện hồ sơ theo ý kiến của Hội đồng tư vấn.",
    "Đã gửi báo cáo đúng hạn.",
    "Đã đăng tải {n} tin, bài trên Cổng thông tin điện tử.",
    "Tiếp tục thực hiện theo kế hoạch năm.",
)
LONG_NOTES = (
    "Đã phối hợp với các sở, ngành và Ủy ban nhân dân cấp huyện rà soát, đánh giá kết quả; một số chỉ tiêu chưa đạt "
    "do kinh phí được bố trí muộn, sẽ tiếp tục thực hiện trong kỳ sau.",
    "Đã tổ chức hội đồng tư vấn xác định nhiệm vụ, tuyển chọn tổ chức, cá nhân chủ trì; các nhiệm vụ đang triển khai "
    "đúng tiến độ được phê duyệt.",
    "Sau khi sắp xếp tổ chức bộ máy, nhiệm vụ được giao cho đơn vị kế nhiệm tiếp tục thực hiện; đang bàn giao hồ sơ, "
    "tài liệu liên quan.",
)
CANCEL_NOTES = (
    "Dừng thực hiện theo chỉ đạo của Ủy ban nhân dân do sắp xếp tổ chức bộ máy.",
    "Dừng thực hiện do nội dung đã được lồng ghép vào kế hoạch khác.",
)
EXTEND_NOTES = (
    "Xin gia hạn do điều chỉnh nội dung sau sắp xếp đơn vị hành chính.",
    "Được gia hạn theo đề nghị của đơn vị chủ trì.",
)
OBJECTIVES = (
    "Cụ thể hóa các quan điểm, mục tiêu, nhiệm vụ và giải pháp để tổ chức thực hiện hiệu quả {basis} trên địa bàn "
    "{unit}.",
    "Tạo sự chuyển biến mạnh mẽ về nhận thức của các cấp, các ngành và toàn xã hội về vai trò của khoa học, công nghệ "
    "và đổi mới sáng tạo đối với phát triển kinh tế - xã hội.",
    "Xác định những nội dung, nhiệm vụ chủ yếu để các sở, ban, ngành và địa phương tập trung chỉ đạo, chủ động tổ chức "
    "thực hiện đồng bộ, hiệu quả.",
    "Phân công cụ thể nhiệm vụ cho từng cơ quan, đơn vị; bảo đảm sự phối hợp chặt chẽ, thường xuyên trong quá trình "
    "tổ chức thực hiện.",
    "Huy động các nguồn lực xã hội đầu tư cho khoa học và công nghệ; lấy doanh nghiệp làm trung tâm của hệ thống đổi "
    "mới sáng tạo.",
)
PROGRAMME_TITLES = {
    "KH": (
        "Kế hoạch thực hiện {basis_short} trên địa bàn {unit}",
        "Kế hoạch hoạt động khoa học và công nghệ {unit} năm {a}",
        "Kế hoạch phát triển {obj} {unit} {span}",
        "Kế hoạch triển khai Chương trình phát triển tài sản trí tuệ {unit} {span}",
    ),
    "CTr": (
        "Chương trình hành động thực hiện {basis_short}",
        "Chương trình phối hợp hoạt động khoa học và công nghệ {span}",
        "Chương trình hỗ trợ {obj} {unit} {span}",
        "Chương trình công tác của Liên hiệp các Hội Khoa học và Kỹ thuật {unit} nhiệm kỳ {a}-{term}",
    ),
    "QĐ": (
        "Quyết định phê duyệt Đề án phát triển {obj} {unit} {span}",
        "Quyết định ban hành Kế hoạch hành động về {obj} đến năm {b}",
    ),
    "CV": (
        "V/v triển khai thực hiện {basis_short}",
        "V/v báo cáo tình hình thực hiện nhiệm vụ khoa học và công nghệ năm {a}",
        "V/v đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh thực hiện từ năm {b}",
    ),
    "NQ": ("Nghị quyết quy định chính sách hỗ trợ {obj} trên địa bàn {unit} {span}",),
    "ĐA": ("Đề án phát triển {obj} {unit} đến năm {b}, định hướng đến năm 2035",),
    "HD": ("Hướng dẫn xây dựng kế hoạch và dự toán ngân sách khoa học và công nghệ năm {b}",),
    "TB": ("Thông báo kết luận về việc triển khai {obj} trên địa bàn {unit}",),
}
# (issued, full text, short form): documents a programme can be based on, only after they exist.
BASIS = (
    (date(2013, 6, 18), "Luật Khoa học và Công nghệ ngày 18 tháng 6 năm 2013", "Luật Khoa học và Công nghệ"),
    (date(2014, 1, 27), "Nghị định số 08/2014/NĐ-CP ngày 27 tháng 01 năm 2014 của Chính phủ quy định chi tiết và hướng "
     "dẫn thi hành một số điều của Luật Khoa học và Công nghệ", "Nghị định số 08/2014/NĐ-CP"),
    (date(2015, 6, 19), "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", None),
    (date(2016, 5, 18), "Quyết định số 844/QĐ-TTg ngày 18 tháng 5 năm 2016 của Thủ tướng Chính phủ phê duyệt Đề án "
     "Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến năm 2025", "Đề án 844"),
    (date(2020, 6, 3), "Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương "
     "trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030", "Chương trình Chuyển đổi số quốc gia"),
    (date(2022, 5, 11), "Quyết định số 569/QĐ-TTg ngày 11 tháng 5 năm 2022 của Thủ tướng Chính phủ ban hành Chiến "
     "lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030",
     "Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030"),
    (date(2023, 11, 24), "Nghị quyết số 45-NQ/TW ngày 24 tháng 11 năm 2023 của Ban Chấp hành Trung ương Đảng khóa XIII "
     "về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền "
     "vững trong giai đoạn mới", "Nghị quyết số 45-NQ/TW"),
    (date(2024, 7, 9), "Nghị quyết số 107/NQ-CP ngày 09 tháng 7 năm 2024 của Chính phủ ban hành Chương trình hành động "
     "thực hiện Nghị quyết số 45-NQ/TW", "Nghị quyết số 107/NQ-CP"),
    (date(2024, 12, 22), "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển "
     "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", "Nghị quyết số 57-NQ/TW"),
    (date(2025, 1, 9), "Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ ban hành Chương trình hành động "
     "thực hiện Nghị quyết số 57-NQ/TW", "Nghị quyết số 03/NQ-CP"),
    (date(2025, 6, 27), "Luật Khoa học, công nghệ và đổi mới sáng tạo ngày 27 tháng 6 năm 2025",
     "Luật Khoa học, công nghệ và đổi mới sáng tạo"),
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Ngọc", "Minh", "Thanh", "Quốc", "Hữu", "Đức", "Thu", "Anh", "Hoàng", "Xuân")
GIVEN = ("Hùng", "Hà", "Lan", "Tuấn", "Nam", "Hương", "Dũng", "Thảo", "Bình", "Long", "Phương", "Khoa", "Tín",
         "Nguyên", "Sơn", "Hải", "Trung", "Mai", "Yến", "Thắng", "Hiếu", "Quang")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
SECTION_HEADINGS = (
    "Công tác tuyên truyền, nâng cao nhận thức", "Hoàn thiện cơ chế, chính sách", "Phát triển nguồn nhân lực",
    "Đầu tư hạ tầng khoa học và công nghệ", "Ứng dụng, chuyển giao công nghệ", "Hợp tác và hội nhập quốc tế",
    "Tổ chức thực hiện", "Kiểm tra, giám sát và báo cáo",
)


def span_words(first: int, last: int) -> str:
    return f"năm {first}" if first == last else f"giai đoạn {first}-{last}"


def _normalised(table: object) -> object:
    """Every phrase in NFC, whatever the editor of this file typed."""
    if isinstance(table, str):
        return nfc(table)
    if isinstance(table, tuple):
        return tuple(_normalised(item) for item in table)
    if isinstance(table, dict):
        return {key: _normalised(value) for key, value in table.items()}
    return table


(WORK_VERBS, OBJECTS, TAILS, EVENTS, REPORTS, REPORT_TO, NOTES, LONG_NOTES, CANCEL_NOTES, EXTEND_NOTES, OBJECTIVES,
 PROGRAMME_TITLES, BASIS, FAMILY, MIDDLE, GIVEN, SECTION_HEADINGS) = _normalised(  # type: ignore[assignment]
    (WORK_VERBS, OBJECTS, TAILS, EVENTS, REPORTS, REPORT_TO, NOTES, LONG_NOTES, CANCEL_NOTES, EXTEND_NOTES,
     OBJECTIVES, PROGRAMME_TITLES, BASIS, FAMILY, MIDDLE, GIVEN, SECTION_HEADINGS))


# --- YAML text ------------------------------------------------------------------------------------------

_RESOLVES = re.compile(
    r"^(?:[-+]?[\d_.:]*(?:[eE][-+]?\d+)?|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|"
    r"FALSE|on|On|ON|off|Off|OFF|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN))$"
)
_FIRST_UNSAFE = frozenset("-?:,[]{}#&*!|>'\"%@`")
FOLD_WIDTH = 100


def plain_ok(text: str, flow: bool = False) -> bool:
    """True when `text` can be written as a plain scalar and reads back as the same string."""
    if not text or text != text.strip() or text[0] in _FIRST_UNSAFE or _RESOLVES.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\n" in text:
        return False
    return not (flow and any(c in text for c in ",[]{}"))


def scalar(text: str, flow: bool = False) -> str:
    if plain_ok(text, flow):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(items: list[str] | tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"


def text_field(key: str, text: str, indent: int, out: list[str]) -> None:
    """`key: text`, or a folded block `key: >-` wrapped at FOLD_WIDTH when the text is long."""
    pad = " " * indent
    if len(text) + len(key) + indent + 2 <= FOLD_WIDTH:
        out.append(f"{pad}{key}: {scalar(text)}")
        return
    out.append(f"{pad}{key}: >-")
    _fold(text, indent + 2, out)


def text_item(text: str, indent: int, out: list[str]) -> None:
    """A list item holding text: `- text`, or `- >-` and a folded block."""
    pad = " " * indent
    if len(text) + indent + 2 <= FOLD_WIDTH:
        out.append(f"{pad}- {scalar(text)}")
        return
    out.append(f"{pad}- >-")
    _fold(text, indent + 2, out)


def _fold(text: str, indent: int, out: list[str]) -> None:
    pad = " " * indent
    width = FOLD_WIDTH - indent
    line: list[str] = []
    length = 0
    for word in text.split(" "):
        if line and length + 1 + len(word) > width:
            out.append(pad + " ".join(line))
            line, length = [], 0
        length += len(word) + (1 if line else 0)
        line.append(word)
    if line:
        out.append(pad + " ".join(line))


# --- dates and occurrences ---------------------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class DateIsh:
    text: str
    start: date
    end: date


def dateish(text: str) -> DateIsh:
    """Only the spellings this generator writes: YYYY, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-MM-DD."""
    year = int(text[:4])
    rest = text[5:]
    if not rest:
        return DateIsh(text, date(year, 1, 1), date(year, 12, 31))
    if rest[0] in "QH":
        months = 3 if rest[0] == "Q" else 6
        first = (int(rest[1]) - 1) * months + 1
        return DateIsh(text, date(year, first, 1), month_end(year, first + months - 1))
    if len(rest) == 2:
        return DateIsh(text, date(year, int(rest), 1), month_end(year, int(rest)))
    day = date.fromisoformat(text)
    return DateIsh(text, day, day)


@dataclass(frozen=True)
class Occurrence:
    label: str
    start: date
    end: date
    deadline: date | None


@dataclass
class Schedule:
    form: str  # due | ongoing | every | rrule
    text: str  # the YAML value as written after `schedule: `
    wording: str  # schedule_text
    occurrences: list[Occurrence]
    labels: set[str] = field(default_factory=set)


def every_occurrences(count: int, unit: str, start: date, until: date | None, last: date, day: tuple[int, int] | None,
                      offset: int) -> list[Occurrence]:
    """records.md: calendar-aligned windows from the one containing `start`; deadline = end, or `day`, then offset."""
    length = count * {"y": 12, "q": 3, "m": 1}[unit]
    months_in = start.month - 1
    window = add_months(date(start.year, 1, 1), months_in - months_in % length)
    found = []
    while window <= last:
        natural_end = add_months(window, length) - timedelta(days=1)
        end = min(natural_end, until) if until else natural_end
        deadline = end
        if day:
            month, dom = day
            deadline = min(date(window.year, month, min(dom, month_end(window.year, month).day)), end)
        deadline += timedelta(days=offset)
        if length % 12 == 0:
            label = str(window.year)
        elif length == 6 and window.month in (1, 7):
            label = f"{window.year}-H{1 if window.month == 1 else 2}"
        elif length == 3 and window.month % 3 == 1:
            label = f"{window.year}-Q{(window.month + 2) // 3}"
        else:
            label = f"{window.year}-{window.month:02d}"
        found.append(Occurrence(label, window, end, deadline))
        window = add_months(window, length)
    return found


def rrule_occurrences(rule: str, start: date, until: date | None, last: date) -> list[Occurrence]:
    from dateutil.rrule import rrulestr

    found = []
    window_start = start
    for instance in rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time())):
        day = instance.date()
        if day > last or (until and day > until):
            break
        found.append(Occurrence(day.isoformat(), window_start, day, day))
        window_start = day + timedelta(days=1)
    return found


def ongoing_occurrences(start: date, until: date | None, last: date) -> list[Occurrence]:
    found = []
    for year in range(start.year, last.year + 1):
        first = max(start, date(year, 1, 1))
        end = min(date(year, 12, 31), until) if until else date(year, 12, 31)
        if first <= end:
            found.append(Occurrence(str(year), first, end, None))
    return found


# --- the generator ------------------------------------------------------------------------------------

VARIANTS = (
    # (variant, weight): weights follow the bundled records, with every form present
    ("ongoing-word", 14), ("ongoing-flow", 6), ("ongoing-from", 6), ("ongoing-from-until", 3),
    ("due-year", 9), ("due-half", 4), ("due-quarter", 7), ("due-month", 5), ("due-date", 7), ("due-short", 5),
    ("every-1y", 6), ("every-1y-day", 6), ("every-1y-offset", 2), ("every-2y-day", 2), ("every-6m", 5),
    ("every-6m-offset", 2), ("every-1q", 3), ("every-1q-offset", 2), ("every-1m", 1), ("every-1m-offset", 1),
    ("rrule", 4),
)
_VARIANT_NAMES = [v for v, _ in VARIANTS]
_VARIANT_WEIGHTS = [w for _, w in VARIANTS]
RRULES = (
    ("FREQ=MONTHLY;BYMONTHDAY=25", "Hằng tháng, trước ngày 25"),
    ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "Ba tháng một lần, trước ngày 15"),
    ("FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", "Trước ngày 15 tháng 6 và ngày 15 tháng 12 hằng năm"),
    ("FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30", "Trước ngày 30 tháng 11 hằng năm"),
    ("FREQ=MONTHLY;BYDAY=-1FR", "Thứ Sáu cuối cùng của tháng"),
    ("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=18", "Ngày 18 tháng 5 hằng năm"),
)
TYPE_SLUG = {"KH": "kh", "CTr": "ctr", "QĐ": "qd", "CV": "cv", "NQ": "nq", "ĐA": "da", "HD": "hd", "TB": "tb"}
# (type, issuer role, number format, weight); {n} the number, {y} the year
DOCUMENT_KINDS = (
    ("KH", "ubnd", "{n}/KH-UBND", 18), ("KH", "skhcn", "{n}/KH-SKHCN", 8), ("KH", "lhh", "{n}/KH-LHH", 4),
    ("CTr", "ubnd", "{n}/CTr-UBND", 6), ("CTr", "lhh", "{n}/CTr-LHH", 4), ("CTr", "tu", "{n}-CTr/TU", 3),
    ("CTr", "skhcn+lhh", "{n}/CTr-SKHCN-LHH", 3), ("QĐ", "ubnd", "{n}/QĐ-UBND", 8),
    ("CV", "ubnd", "{n}/UBND-KGVX", 5), ("CV", "skhcn", "{n}/SKHCN-QLKH", 5), ("NQ", "hdnd", "{n}/{y}/NQ-HĐND", 2),
    ("ĐA", "ubnd", "{n}/ĐA-UBND", 2), ("HD", "skhcn", "{n}/HD-SKHCN", 1), ("TB", "ubnd", "{n}/TB-UBND", 1),
)
SIGNERS = {
    "ubnd": (("Chủ tịch", ("TM. ỦY BAN NHÂN DÂN",)), ("Phó Chủ tịch", ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"))),
    "skhcn": (("Giám đốc", ()), ("Phó Giám đốc", ("KT. GIÁM ĐỐC",))),
    "lhh": (("Chủ tịch", ("TM. BAN THƯỜNG VỤ",)), ("Phó Chủ tịch", ("TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"))),
    "tu": (("Bí thư", ("T/M BAN THƯỜNG VỤ",)), ("Phó Bí thư", ("T/M BAN THƯỜNG VỤ",))),
    "hdnd": (("Chủ tịch", ()),),
}
EVIDENCE_CODES = {"ubnd": "UBND", "skhcn": "SKHCN", "lhh": "LHH", "snv": "SNV", "stc": "STC", "sgddt": "SGDĐT",
                  "syt": "SYT", "sct": "SCT", "snnmt": "SNNMT", "stttt": "STTTT", "skhdt": "SKHĐT"}


@dataclass
class Stats:
    files: int = 0
    tasks: int = 0
    updates: int = 0
    bytes: int = 0
    forms: dict[str, int] = field(default_factory=dict)


class Generator:
    def __init__(self, size: Size, seed: int) -> None:
        self.size = size
        self.rng = random.Random(seed)
        self.variant_cursor = 0
        self.numbers: set[tuple[str, int, int, str]] = set()
        self.ids: set[str] = set()
        self.stats = Stats()

    # -- helpers --
    def date_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def person(self) -> str:
        rng = self.rng
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    # -- workspace --
    def provinces(self) -> tuple[list[Province], Province]:
        every = [Province(*p) for p in PROVINCES]
        if self.size.national:
            return every, next(p for p in every if p.slug == "hanoi")
        keepers = [p for p in every if any(q.into == p.slug for q in every)]
        keeper = self.rng.choice(keepers)
        return [keeper, *(p for p in every if p.into == keeper.slug)], keeper

    def write(self, out: Path) -> Stats:
        provinces, keeper = self.provinces()
        registry = Registry(provinces)
        self.registry = registry
        out.mkdir(parents=True, exist_ok=True)
        self._write_file(out / "ktcn.yaml", self.settings(keeper))
        self._write_file(out / "agencies.yaml", self.agencies_file(registry))
        plan = self.file_plan(provinces, keeper)
        for province, count in plan:
            folder = out / "programmes" / province.slug if self.size.national else out / "programmes"
            folder.mkdir(parents=True, exist_ok=True)
            suffix = self.size.national or province is not keeper
            for programme_id, text in self.programmes(province, count, suffix):
                self._write_file(folder / f"{programme_id}.yaml", text)
                self.stats.files += 1
        return self.stats

    def _write_file(self, path: Path, text: str) -> None:
        if not unicodedata.is_normalized("NFC", text):
            text = nfc(text)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.stats.bytes += len(data)

    def file_plan(self, provinces: list[Province], keeper: Province) -> list[tuple[Province, int]]:
        total = self.size.files
        if self.size.national:
            base, extra = divmod(total, len(provinces))
            lucky = set(self.rng.sample(range(len(provinces)), extra))
            return [(p, base + (i in lucky)) for i, p in enumerate(provinces)]
        partners = provinces[1:]
        share = [max(1, round(total * 0.15 / len(partners))) if total > 5 else 1 for _ in partners]
        if total <= 3:
            share = [1] + [0] * (len(partners) - 1)
        return [(keeper, total - sum(share)), *zip(partners, share, strict=True)]

    def settings(self, keeper: Province) -> str:
        if self.size.national:
            name, owner, place = "Bộ Khoa học và Công nghệ", "bkhcn", "Hà Nội"
        else:
            name, owner, place = f"Sở Khoa học và Công nghệ {keeper.unit}", f"skhcn-{keeper.slug}", keeper.place
        lines = [
            "# Thiết lập của kho hồ sơ (records.md, \"ktcn.yaml\"); tạo bởi benchmarks/gen_corpus.py.",
            f"name: {scalar(nfc(name))}", f"owner: {owner}", f"place: {scalar(nfc(place))}", "language: vi",
            "warn_days: 14", "cutoff: calendar", "signer:", f"  name: {self.person()}", "  position: Giám đốc",
            "  authority: []",
        ]
        return "\n".join(lines) + "\n"

    def agencies_file(self, registry: Registry) -> str:
        lines = ["# Cơ quan được nêu trong các văn bản, cùng các cơ quan kế nhiệm sau sắp xếp năm 2025.", "agencies:"]
        for agency in registry.agencies.values():
            lines.append(f"  - id: {agency.id}")
            lines.append(f"    name: {scalar(agency.name)}")
            if agency.short:
                lines.append(f"    short: {scalar(agency.short)}")
            if agency.aliases:
                lines.append(f"    aliases: {flow_list(agency.aliases)}")
            if agency.until:
                lines.append(f"    until: {agency.until.isoformat()}")
            if agency.succeeded_by:
                lines.append(f"    succeeded_by: {agency.succeeded_by}")
            if agency.group:
                lines.append("    group: true")
        return "\n".join(lines) + "\n"

    # -- programmes --
    def programmes(self, province: Province, count: int, suffix: bool) -> Iterator[tuple[str, str]]:
        last = min(LAST_ISSUE, (province.last_day or LAST_ISSUE) - timedelta(days=15))
        days = sorted(self.date_between(FIRST_ISSUE, last) for _ in range(count))
        earlier: list[tuple[str, date]] = []
        for issued in days:
            programme_id, text = self.programme(province, issued, suffix, earlier)
            earlier.append((programme_id, issued))
            yield programme_id, text

    def programme(self, province: Province, issued: date, suffix: bool, earlier: list[tuple[str, date]]) -> tuple[
            str, str]:
        rng = self.rng
        reg = self.registry
        kinds = DOCUMENT_KINDS
        type_code, issuer_role, number_format, _ = rng.choices(kinds, weights=[k[3] for k in kinds])[0]
        state = rng.choices(("active", "closed", "draft", "superseded"), weights=(88, 6, 3, 3))[0]
        year = issued.year
        while True:
            n = rng.randint(1, 3999 if type_code in ("CV", "QĐ") else 400)
            key = (type_code, n, year, province.slug)
            if key not in self.numbers:
                self.numbers.add(key)
                break
        base_id = f"{TYPE_SLUG[type_code]}-{n}-{year}"
        programme_id = f"{base_id}-{province.slug}" if suffix else base_id
        while programme_id in self.ids:
            programme_id += "-b"
        self.ids.add(programme_id)
        number = number_format.format(n=n, y=year)

        # period: documents mostly run from their year; late-year plans from the next one
        start_year = year + 1 if issued.month >= 11 and rng.random() < 0.5 else year
        span = {"CV": (0, 1), "HD": (0, 1), "TB": (0, 1)}.get(type_code, (0, 9))
        end_year = start_year + rng.choice(range(span[0], span[1] + 1))
        period_from_text = issued.isoformat() if start_year == year and rng.random() < 0.1 else str(start_year)
        period_to_text = str(end_year) if rng.random() < 0.9 else f"{end_year}-12-31"
        open_ended = rng.random() < 0.03
        period_start = dateish(period_from_text).start
        period_end = None if open_ended else dateish(period_to_text).end
        if period_end is not None and period_end < issued + timedelta(days=90):
            end_year += 1
            period_to_text = str(end_year)
            period_end = dateish(period_to_text).end
        if state == "closed" and (period_end is None or period_end > TODAY):
            state = "active"
        draft = state == "draft"

        issuers = [reg.role(r, province.slug, issued) for r in issuer_role.split("+")]
        bases = [b for b in BASIS if b[0] < issued]
        basis_short = next((b[2] for b in reversed(bases) if b[2] and rng.random() < 0.6),
                           "Chiến lược phát triển khoa học và công nghệ")
        fill = {"unit": province.unit, "a": start_year, "b": end_year, "obj": rng.choice(OBJECTS),
                "basis_short": basis_short, "span": span_words(start_year, end_year),
                "term": start_year + 5}
        title = rng.choice(PROGRAMME_TITLES[type_code]).format(**fill)
        title = title[0].upper() + title[1:]

        out: list[str] = []
        kind_word = {"KH": "Kế hoạch", "CTr": "Chương trình", "QĐ": "Quyết định", "CV": "Công văn",
                     "NQ": "Nghị quyết", "ĐA": "Đề án", "HD": "Hướng dẫn", "TB": "Thông báo"}[type_code]
        issuer_name = reg.agencies[issuers[0]].name
        if draft:
            out.append(f"# Dự thảo {kind_word.lower()} của {issuer_name}")
        else:
            out.append(f"# {kind_word} số {number} ngày {issued.day}/{issued.month}/{issued.year} của {issuer_name}")
        out.append(f"id: {programme_id}")
        if not draft:
            out.append(f"number: {scalar(number)}")
        out.append(f"type: {type_code}")
        text_field("title", title, 0, out)
        if not draft:
            out.append(f"issued: {issued.isoformat()}")
        out.append(f"place: {scalar(province.place)}")
        out.append(f"issuers: {flow_list(issuers)}")
        if not draft:
            out.append("signers:")
            for issuer, role in zip(issuers, issuer_role.split("+"), strict=True):
                position, authority = rng.choice(SIGNERS[role])
                out.append(f"  - name: {self.person()}")
                out.append(f"    position: {position}")
                out.append(f"    authority: {flow_list(authority)}")
                out.append(f"    agency: {issuer}")
        to_part = "" if open_ended else f", to: {period_to_text}"
        out.append(f"period: {{from: {period_from_text}{to_part}}}")
        out.append(f"state: {state}")
        if bases:
            out.append("basis:")
            for _, text, _ in rng.sample(bases, min(len(bases), rng.randint(1, 4))):
                text_item(text, 2, out)
        implementable = [e for e in earlier if e[1] < issued]
        if implementable and rng.random() < 0.15:
            out.append(f"implements: [{rng.choice(implementable)[0]}]")
        out.append("objectives:")
        for text in rng.sample(OBJECTIVES, rng.randint(1, 3)):
            text_item(text.format(basis=basis_short, unit=province.unit), 2, out)

        ctx = TaskContext(province, issued, draft, period_start, period_end, max(period_start, issued),
                          issuers, title, end_year)
        low, high = self.size.tasks
        count = rng.randint(low, high)
        out.append("tasks:")
        style = rng.choice(("number", "section", "roman"))
        sections = rng.sample(range(len(SECTION_HEADINGS)), min(len(SECTION_HEADINGS), max(1, count // 6)))
        per_section = -(-count // len(sections))
        for index in range(count):
            section, position = divmod(index, per_section)
            if position == 0:
                if index:
                    out.append("")
                out.append(f"  # {ROMAN[section]}. {SECTION_HEADINGS[sections[section]]}")
            task_id = {"number": str(index + 1), "section": f"{section + 1}{chr(97 + position % 26)}",
                       "roman": f"{ROMAN[section].lower()}-{position + 1}"}[style]
            if style == "section" and position >= 26:
                task_id += str(position // 26)
            self.task(ctx, task_id, out)
        return programme_id, "\n".join(out) + "\n"

    # -- tasks --
    def task(self, ctx: TaskContext, task_id: str, out: list[str]) -> None:
        rng = self.rng
        reg = self.registry
        day = ctx.issued
        p = ctx.province.slug
        kind = rng.choices(("work", "event", "report"), weights=(65, 15, 20))[0]
        departments = ("skhcn", "skhcn", "skhcn", "lhh", "stc", "snv", "sgddt", "syt", "sct", "snnmt", "stttt", "skhdt",
                       "sldtbxh", "so-ban-nganh", "ubnd-cap-huyen", "ubnd-cap-xa")
        leads: list[str] = []
        for _ in range(1 if rng.random() < 0.75 else 2):
            role = rng.choice(departments)
            if role in ("snnmt", "ubnd-cap-xa") or reg.agencies[f"{role}-{p}"].alive(day):
                agency = reg.role(role, p, day)
                if agency not in leads:
                    leads.append(agency)
        if not leads:
            leads.append(reg.role("skhcn", p, day))
        support_roles = ("so-ban-nganh", "lhh", "vien-truong", "bao-dai", "doanh-nghiep", "dvtt-skhcn",
                         "hoi-thanh-vien-lhh", "stc", "snv")
        support = []
        for role in rng.sample(support_roles, rng.choice((0, 0, 1, 1, 2, 3))):
            agency = reg.role(role, p, day)
            if agency not in leads and agency not in support:
                support.append(agency)
        if rng.random() < 0.05:
            support.append(reg.central(rng.choice(("bkhcn", "lhh-vn", "bo-nganh-lien-quan")), day))

        fill = {"unit": ctx.province.unit, "a": ctx.period_start.year, "b": ctx.end_year, "obj": rng.choice(OBJECTS),
                "n": rng.randint(2, 12), "doc": ctx.doc_name, "span": span_words(ctx.period_start.year, ctx.end_year)}
        recipients: list[str] = []
        if kind == "work":
            title = f"{rng.choice(WORK_VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS).format(**fill)}"
        elif kind == "event":
            title = "Tổ chức " + rng.choice(EVENTS).format(**fill)
        else:
            recipient = rng.choice(("ubnd", "skhcn", "bkhcn"))
            recipients = [reg.central("bkhcn", day) if recipient == "bkhcn" else reg.role(recipient, p, day)]
            if recipients[0] in leads:
                recipients = [reg.role("ubnd", p, day)]
            name = reg.agencies[recipients[0]].name
            title = rng.choice(REPORTS).format(**fill) + rng.choice(REPORT_TO).format(recipient=name)
        schedule = self.schedule(ctx, kind)
        self.stats.tasks += 1
        self.stats.forms[schedule.form] = self.stats.forms.get(schedule.form, 0) + 1

        out.append(f'  - id: "{task_id}"' if _RESOLVES.match(task_id) else f"  - id: {task_id}")
        out.append(f"    kind: {kind}")
        text_field("title", title, 4, out)
        out.append(f"    lead: {flow_list(leads)}")
        if support:
            out.append(f"    support: {flow_list(support)}")
        if recipients:
            out.append(f"    to: {flow_list(recipients)}")
        out.append(f"    schedule: {schedule.text}")
        out.append(f"    schedule_text: {scalar(schedule.wording)}")
        if not ctx.draft:
            self.updates(ctx, schedule, leads, out)

    def next_variant(self, kind: str) -> str:
        if self.size.cycle:
            variant = _VARIANT_NAMES[self.variant_cursor % len(_VARIANT_NAMES)]
            self.variant_cursor += 1
            return variant
        variant = self.rng.choices(_VARIANT_NAMES, weights=_VARIANT_WEIGHTS)[0]
        if kind == "report" and variant.startswith("ongoing"):  # reports are due somewhere
            variant = self.rng.choice(("every-1y-day", "every-6m", "every-1q-offset", "due-date"))
        return variant

    def schedule(self, ctx: TaskContext, kind: str) -> Schedule:
        variant = self.next_variant(kind)
        for attempt in range(12):
            found = self.try_schedule(ctx, variant)
            if found and self.fits(ctx, found):
                return found
            if attempt % 3 == 2:
                variant = _VARIANT_NAMES[(_VARIANT_NAMES.index(variant) + 1) % len(_VARIANT_NAMES)]
        return self.try_schedule(ctx, "ongoing-word")  # type: ignore[return-value]

    def fits(self, ctx: TaskContext, schedule: Schedule) -> bool:
        """Every deadline inside the programme period, the first not before the issue date."""
        deadlines = [o.deadline for o in schedule.occurrences if o.deadline]
        if schedule.form != "ongoing" and not deadlines:
            return False
        if any(d < ctx.period_start or (ctx.period_end and d > ctx.period_end) for d in deadlines):
            return False
        return not deadlines or deadlines[0] >= ctx.earliest

    def try_schedule(self, ctx: TaskContext, variant: str) -> Schedule | None:
        rng = self.rng
        earliest, end = ctx.earliest, ctx.period_end
        last_day = end or TODAY + timedelta(days=366 * 2)
        horizon = max(TODAY, ctx.period_start) + timedelta(days=366)
        limit = min(last_day, horizon) if end is None else last_day
        if last_day < earliest:
            return None
        first_year, last_year = earliest.year, last_day.year
        year = rng.randint(first_year, min(last_year, first_year + 4))
        quote = rng.random() < 0.15

        def q(text: str) -> str:
            return f'"{text}"' if quote else text

        if variant.startswith("ongoing"):
            start = ctx.period_start
            parts = ["ongoing: true"]
            until = None
            if variant in ("ongoing-from", "ongoing-from-until"):
                start = date(year, 1, 1) if rng.random() < 0.7 else date(year, rng.randint(1, 12), 1)
                parts.append(f"from: {start.year}" if start.month == 1 else f"from: {q(start.isoformat()[:7])}")
                if start < ctx.period_start:
                    return None
            if variant == "ongoing-from-until":
                until_year = rng.randint(start.year, last_year)
                until = date(until_year, 12, 31)
                parts.append(f"until: {until_year}")
            text = "ongoing" if variant == "ongoing-word" else "{" + ", ".join(parts) + "}"
            wording = rng.choice(("Thực hiện thường xuyên", "Thường xuyên",
                                  f"Giai đoạn {ctx.period_start.year}-{ctx.end_year}"))
            if start.year != ctx.period_start.year:
                wording = f"Thực hiện từ năm {start.year}"
            until = until or end
            occurrences = ongoing_occurrences(start, until, min(until, horizon) if until else horizon)
            return Schedule("ongoing", text, wording, occurrences)

        if variant.startswith("due"):
            kind = variant[4:]
            if kind == "short":
                kind = rng.choice(("quarter", "date", "year", "month"))
            if kind == "year":
                value, wording = str(year), rng.choice((f"Năm {year}", f"Trong năm {year}"))
            elif kind == "half":
                half = rng.randint(1, 2)
                value = f"{year}-H{half}"
                wording = f"6 tháng {'đầu' if half == 1 else 'cuối'} năm {year}"
            elif kind == "quarter":
                quarter = rng.randint(1, 4)
                value, wording = f"{year}-Q{quarter}", f"Trong quý {ROMAN[quarter - 1]} năm {year}"
            elif kind == "month":
                month = rng.randint(1, 12)
                value, wording = f"{year}-{month:02d}", f"Trong tháng {month} năm {year}"
            else:
                deadline = self.date_between(earliest + timedelta(days=20), min(last_day, earliest + timedelta(
                    days=365 * 3)))
                value = deadline.isoformat()
                wording = rng.choice((f"Trước ngày {deadline.day} tháng {deadline.month} năm {deadline.year}",
                                      f"Hoàn thành trước ngày {deadline.day:02d}/{deadline.month:02d}/{deadline.year}"))
            due = dateish(value)
            occurrence = Occurrence(value, min(ctx.period_start, due.start), due.end, due.end)
            short = value if rng.random() < 0.8 else f'"{value}"'  # `schedule: 2025-Q4` means `due: 2025-Q4`
            text = short if variant == "due-short" else f"{{due: {q(value)}}}"
            schedule = Schedule("due", text, wording, [occurrence])
            schedule.labels = {value, due.end.isoformat()}
            return schedule

        if variant.startswith("every"):
            unit_part = variant.split("-")[1]
            count, unit = int(unit_part[:-1]), unit_part[-1]
            length = count * {"y": 12, "q": 3, "m": 1}[unit]
            # from: the aligned window that holds the earliest day, written as a year, a month or the day itself
            months_in = earliest.month - 1
            window = add_months(date(earliest.year, 1, 1), months_in - months_in % length)
            if rng.random() < 0.4:
                window = add_months(window, length)
            style = rng.random()
            if window.month == 1 and style < 0.6:
                from_text = str(window.year)
            elif style < 0.85 or window < earliest:
                from_text = q(window.isoformat()[:7])
            else:
                from_text = window.isoformat()
            start = dateish(from_text.strip('"')).start
            parts = [f"every: {count}{unit}"]
            day = None
            offset = 0
            if variant.endswith("day"):
                day = (rng.choice((3, 5, 6, 10, 11, 12)), rng.choice((15, 18, 20, 25, 30)))
                if count == 2:
                    day = (12, 31)
                parts.append(f"day: {day[0]:02d}-{day[1]:02d}")
            if variant.endswith("offset"):
                offset = -rng.choice((5, 10, 15)) if unit != "y" else -rng.choice((15, 30, 45))
                if rng.random() < 0.2:
                    offset = rng.choice((10, 15))
                parts.append(f"offset: {offset:+d}d" if offset > 0 else f"offset: {offset}d")
            parts.append(f"from: {from_text}")
            until = None
            if rng.random() < 0.5 or offset > 0:
                top = (end or last_day) - timedelta(days=max(offset, 0) + 1)
                if top < start:
                    return None
                until_year = rng.randint(start.year, top.year)
                until = date(until_year, 12, 31)
                if until > top:
                    until = month_end(top.year, top.month) if month_end(top.year, top.month) <= top else \
                        date(top.year, top.month, 1) - timedelta(days=1)
                    parts.append(f"until: {q(until.isoformat()[:7])}")
                else:
                    parts.append(f"until: {until_year}")
                if until < start:
                    return None
            occurrences = every_occurrences(count, unit, start, until, min(until or limit, limit), day, offset)
            if not occurrences:
                return None
            first = occurrences[0].deadline
            assert first is not None
            wording = {
                "y": "Hằng năm" if count == 1 else f"Định kỳ {count} năm một lần",
                "q": "Hằng quý", "m": "Hằng tháng",
            }.get(unit, "")
            if unit == "m" and count == 6:
                wording = rng.choice(("Định kỳ 6 tháng một lần", "Báo cáo 6 tháng"))
            if day or offset:
                wording += f", trước ngày {first.day} tháng {first.month}" if unit == "y" else \
                    f", trước ngày {first.day} của tháng cuối kỳ"
            schedule = Schedule("every", "{" + ", ".join(parts) + "}", wording, occurrences)
            schedule.labels = {o.label for o in occurrences}
            return schedule

        rule, wording = rng.choice(RRULES)
        start = date(year, rng.choice((1, 1, 4, 7)), 1)
        if start < ctx.period_start:
            return None
        parts = [f'rrule: "{rule}"', f"from: {start.isoformat()[:7] if start.month > 1 else start.year}"]
        until = None
        if rng.random() < 0.6 or end is None:
            until_year = rng.randint(start.year, min(last_day.year, start.year + 3))
            until = date(until_year, 12, 31)
            if end and until > end:
                return None
            parts.append(f"until: {until_year}")
        occurrences = rrule_occurrences(rule, start, until or end, min(until or limit, limit))
        if not occurrences:
            return None
        schedule = Schedule("rrule", "{" + ", ".join(parts) + "}", wording, occurrences)
        schedule.labels = {o.label for o in occurrences}
        return schedule

    # -- the progress log --
    def updates(self, ctx: TaskContext, schedule: Schedule, leads: list[str], out: list[str]) -> None:
        rng = self.rng
        budget = rng.randint(3, 8)
        first = ctx.issued
        log: list[dict[str, object]] = []
        cursor = first

        def at(day: date) -> date:
            nonlocal cursor
            day = min(max(day, cursor), TODAY)
            cursor = day
            return day

        if schedule.form == "ongoing":
            occ = schedule.occurrences
            begin = max(first, occ[0].start) if occ else first
            stop = min(TODAY, occ[-1].end) if occ else TODAY
            days = sorted(self.date_between(begin, max(begin, stop)) for _ in range(budget))
            progress = 0
            years = {o.label for o in occ}
            for i, day in enumerate(days):
                day = at(day)
                entry: dict[str, object] = {"date": day, "status": "in-progress"}
                progress = min(95, progress + rng.randint(5, 25))
                if rng.random() < 0.6:
                    entry["progress"] = progress
                if str(day.year) in years and rng.random() < 0.3:
                    entry["period"] = str(day.year)
                if i == len(days) - 1 and rng.random() < 0.03:
                    entry = {"date": day, "status": "cancelled", "note": rng.choice(CANCEL_NOTES)}
                log.append(entry)
        elif schedule.form == "due":
            occurrence = schedule.occurrences[0]
            deadline = occurrence.deadline
            assert deadline is not None
            stop = min(TODAY, deadline + timedelta(days=rng.choice((-10, 20, 60))))
            begin = max(first, occurrence.start)
            if stop < begin:
                stop = min(TODAY, begin + timedelta(days=120))
            days = sorted(self.date_between(begin, stop) for _ in range(budget))
            ending = rng.choices(("done", "open", "extend", "cancel"), weights=(60, 25, 11, 4))[0]
            progress = 0
            for i, day in enumerate(days):
                day = at(day)
                last = i == len(days) - 1
                if last and ending == "done":
                    entry = {"date": day, "status": "done", "progress": 100}
                    if rng.random() < 0.3:
                        entry["period"] = rng.choice(sorted(schedule.labels))
                elif last and ending == "cancel":
                    entry = {"date": day, "status": "cancelled", "note": rng.choice(CANCEL_NOTES)}
                elif i == len(days) - 2 and ending == "extend" and ctx.period_end:
                    new = deadline + timedelta(days=rng.choice((30, 60, 90, 180)))
                    if new > ctx.period_end:
                        new = ctx.period_end
                    entry = {"date": day, "extend_to": new.isoformat(), "note": rng.choice(EXTEND_NOTES)}
                else:
                    progress = min(95, progress + rng.randint(5, 30))
                    entry = {"date": day, "status": "in-progress"}
                    if rng.random() < 0.75:
                        entry["progress"] = progress
                log.append(entry)
        else:
            started = [o for o in schedule.occurrences if o.start <= TODAY and o.deadline and o.deadline >= first]
            if started:
                begin_at = rng.randint(0, max(0, len(started) - (budget + 1) // 2))
                started = started[begin_at:]
            for occurrence in started:
                if len(log) >= budget:
                    break
                deadline = occurrence.deadline
                assert deadline is not None
                if rng.random() < 0.5 and len(log) + 2 <= budget:
                    entry = {"date": at(self.date_between(max(occurrence.start, first), deadline)),
                             "status": "in-progress", "progress": rng.choice((20, 30, 50, 60, 70, 80))}
                    log.append(entry)
                if rng.random() < 0.08 and ctx.period_end:
                    new = min(deadline + timedelta(days=rng.choice((15, 30, 45))), ctx.period_end)
                    log.append({"date": at(deadline - timedelta(days=rng.randint(0, 10))),
                                "extend_to": new.isoformat(), "period": occurrence.label,
                                "note": rng.choice(EXTEND_NOTES)})
                    deadline = new
                    if len(log) >= budget:
                        break
                late = rng.random() < 0.25
                when = deadline + timedelta(days=rng.randint(1, 40)) if late else deadline - timedelta(
                    days=rng.randint(0, 20))
                if when > TODAY:
                    log.append({"date": at(TODAY - timedelta(days=rng.randint(0, 20))), "status": "in-progress",
                                "progress": rng.choice((40, 60, 80))})
                    break
                entry = {"date": at(when), "status": "done", "progress": 100}
                if rng.random() < 0.6:
                    entry["period"] = occurrence.label
                log.append(entry)
            while len(log) < budget:  # preparatory work and notes, in order
                log.append({"date": at(self.date_between(cursor, min(TODAY, cursor + timedelta(days=60)))),
                            "status": "in-progress"})

        for entry in log:
            self.decorate(ctx, entry, leads)
        self.write_updates(log, out)

    def decorate(self, ctx: TaskContext, entry: dict[str, object], leads: list[str]) -> None:
        rng = self.rng
        day = entry["date"]
        assert isinstance(day, date)
        if "note" not in entry and rng.random() < 0.85:
            pool = LONG_NOTES if rng.random() < 0.25 else NOTES
            entry["note"] = rng.choice(pool).format(n=rng.randint(2, 40), m=rng.randint(30, 900))
        if rng.random() < 0.6 or entry.get("status") == "done":
            by = self.registry.current(rng.choice(leads), day)
            role = by.rsplit("-", 1)[0] if "-" in by else by
            code = EVIDENCE_CODES.get(role, "UBND")
            items = []
            for _ in range(1 if rng.random() < 0.65 else 2):
                when = day - timedelta(days=rng.randint(0, 10))
                if when < ctx.issued:
                    when = day
                kind = rng.choice(("Báo cáo số {n}/BC-{c}", "Công văn số {n}/{c}-VP", "Quyết định số {n}/QĐ-{c}",
                                   "Kế hoạch số {n}/KH-{c}", "Biên bản nghiệm thu số {n}/BB-{c}"))
                items.append(kind.format(n=rng.randint(1, 2999), c=code) +
                             f" ngày {when.day:02d}/{when.month:02d}/{when.year}")
            entry["evidence"] = items
        if rng.random() < 0.7:
            entry["by"] = self.registry.current(rng.choice(leads), day)

    def write_updates(self, log: list[dict[str, object]], out: list[str]) -> None:
        if not log:
            return
        out.append("    updates:")
        for entry in log:
            day = entry["date"]
            assert isinstance(day, date)
            out.append(f"      - date: {day.isoformat()}")
            for key in ("status", "progress", "extend_to"):
                if key in entry:
                    out.append(f"        {key}: {entry[key]}")
            if "note" in entry:
                text_field("note", str(entry["note"]), 8, out)
            if "evidence" in entry:
                out.append(f"        evidence: {flow_list(entry['evidence'])}")  # type: ignore[arg-type]
            if "by" in entry:
                out.append(f"        by: {entry['by']}")
            if "period" in entry:
                out.append(f"        period: {entry['period']}")
        self.stats.updates += len(log)


@dataclass
class TaskContext:
    province: Province
    issued: date
    draft: bool
    period_start: date
    period_end: date | None
    earliest: date
    issuers: list[str]
    title: str
    end_year: int

    @property
    def doc_name(self) -> str:
        first = self.title.split(" ", 1)[0]
        return {"Kế": "Kế hoạch", "Chương": "Chương trình", "Quyết": "Quyết định", "Đề": "Đề án"}.get(
            first, "Kế hoạch")


def generate(size: str, seed: int, out: Path) -> Stats:
    """Write a workspace of `size` into `out` (created if needed) and return what it holds."""
    return Generator(SIZES[size], seed).write(out)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Generate a synthetic ktcn workspace (records.md format).")
    parser.add_argument("--size", choices=sorted(SIZES), default="province", metavar="province|national",
                        help="province (~50 files, ~2.7 MB) or national (~2,000 files, ~105 MB)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same bytes")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (must be empty or absent)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"gen_corpus: {args.out} is not empty", file=sys.stderr)
        return 2
    began = time.perf_counter()
    stats = generate(args.size, args.seed, args.out)
    seconds = time.perf_counter() - began
    print(f"{args.size} corpus (seed {args.seed}) in {os.fspath(args.out)}: {stats.files} files, {stats.tasks} tasks, "
          f"{stats.updates} updates, {stats.bytes / 1e6:.1f} MB, {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
