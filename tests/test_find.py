"""Issue 16, item 6: `ktcn find` ignores marks and case, ranks, gives the id for `show`; Vietnamese order.

The collation is checked against a reference ordering written out by hand
from the dictionaries' rules (ICU's Vietnamese tailoring agrees): ă, â, đ, ê,
ô, ơ, ư are letters after their base; tones order words only when their
letters are the same, as ngang, huyền, hỏi, ngã, sắc, nặng; lower case first.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from ktcn.views.collation import fold, sort_key

from conftest import DEMO_AGENCIES, DEMO_SETTINGS

RECORDS = str(Path(__file__).resolve().parent.parent / "records")

REFERENCE = [
    "a", "à", "ả", "ã", "á", "ạ", "an", "án", "ăn", "ắn", "ân", "ấn", "ba", "bà", "Bà", "bả", "bã", "bá", "bạ",
    "ban", "bàn", "bán", "bạn", "băn", "bân", "bận", "cá", "chín", "co", "cô", "cơ", "da", "dạ", "đa", "đá", "e",
    "ê", "gà", "hoa", "hòa", "hóa", "hỏi", "hơi", "i", "o", "ò", "ô", "ồ", "ơ", "ờ", "Sở KH&CN", "Sở Khoa học",
    "Sở Nội vụ", "Sở Tài chính", "u", "ủ", "uy", "ư", "ừ", "Văn phòng", "y", "ý",
]


def test_collation_matches_the_reference_ordering():
    shuffled = REFERENCE[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=sort_key) == REFERENCE


def test_collation_is_not_code_point_order():
    names = ["Ủy ban nhân dân", "Đảng đoàn", "Ban Tuyên giáo", "Sở Giáo dục", "Đoàn Thanh niên", "Ăn uống", "Ban"]
    assert sorted(names, key=sort_key) == ["Ăn uống", "Ban", "Ban Tuyên giáo", "Đảng đoàn", "Đoàn Thanh niên",
                                           "Sở Giáo dục", "Ủy ban nhân dân"]
    assert sorted(names) != sorted(names, key=sort_key)


def test_fold_removes_marks_and_case():
    assert fold("Chuyển Đổi Số") == "chuyen doi so"
    assert fold("Ủy ban nhân dân") == "uy ban nhan dan"


def test_the_scorecard_lists_agencies_in_vietnamese_order(ktcn):
    shown = json.loads(ktcn("status", "--by", "agency", "--records", RECORDS, "--as-of", "2025-12-01", "--all",
                            "--format", "json").stdout)
    import yaml

    names = {a["id"]: a.get("short") or a["name"]
             for a in yaml.safe_load(Path(RECORDS, "agencies.yaml").read_text(encoding="utf-8"))["agencies"]}
    listed = [names[a["id"]] for a in shown["agencies"]]
    assert listed == sorted(listed, key=sort_key)
    assert listed != sorted(listed)  # code-point order would differ (Đ, Ủ, Ư)


@pytest.fixture
def workspace(ws):
    programme = """\
    id: kh-cds-2025
    type: KH
    number: 12/KH-UBND
    title: Kế hoạch chuyển đổi số năm 2025
    issued: 2025-01-10
    issuers: [skhcn]
    period: {from: 2025, to: 2025}
    tasks:
      - id: dao-tao
        title: Đào tạo kỹ năng số cho cán bộ
        lead: [lhh]
        schedule: 2025-Q4
        updates:
          - {date: 2025-03-01, status: in-progress, note: Đã mở lớp đầu tiên về đổi mới sáng tạo,
             evidence: [Công văn 45/SKHCN về chuyển đổi số]}
      - id: doi-thi
        title: Thành lập đội thi sáng tạo
        lead: [snv]
        schedule: 2025-Q3
    """
    return ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/cds.yaml": programme})


def found(ktcn, *query):
    result = ktcn("find", *query, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [(r["kind"], r["id"], r["field"]) for r in json.loads(result.stdout)["results"]]


def test_find_ignores_marks_and_case_and_ranks_the_phrase_first(workspace, ktcn):
    results = found(ktcn, "chuyen doi so")
    assert results[0] == ("programme", "kh-cds-2025", "title")
    assert ("update", "kh-cds-2025/dao-tao", "evidence") in results
    assert found(ktcn, "CHUYỂN ĐỔI SỐ") == results


def test_telex_dd_finds_d_with_a_stroke(workspace, ktcn):
    assert ("task", "kh-cds-2025/dao-tao", "title") in found(ktcn, "ddao tao")
    assert ("task", "kh-cds-2025/doi-thi", "title") in found(ktcn, "ddoi thi")


def test_marks_as_typed_rank_first(workspace, ktcn):
    results = found(ktcn, "đội")  # đội thi (a team) before đổi mới, đổi số
    assert results[0][1] == "kh-cds-2025/doi-thi"


def test_words_match_from_their_start(workspace, ktcn):
    assert found(ktcn, "ao tao") == []  # inside "đào tạo": not a word's start
    assert found(ktcn, "sang tao")  # "sáng tạo"


def test_agencies_and_notes_are_found_with_the_id_to_pass_on(workspace, ktcn):
    assert ("agency", "lhh", "name") in found(ktcn, "lien hiep cac hoi")
    assert ("update", "kh-cds-2025/dao-tao", "note") in found(ktcn, "lop dau tien")
    assert ktcn("show", "kh-cds-2025/dao-tao").exit_code == 0  # the id shown works with show


def test_find_table_in_vietnamese(workspace, ktcn):
    shown = ktcn("find", "chuyen doi so").stdout
    assert shown.startswith("Tìm 'chuyen doi so': 2 kết quả")
    assert "chương trình  kh-cds-2025" in shown
    assert "01/03/2025 · minh chứng: Công văn 45/SKHCN về chuyển đổi số" in shown
    assert "Xem chi tiết: ktcn show MÃ" in shown
    assert "Không tìm thấy gì" in ktcn("find", "khong co tu nay").stdout


def test_find_in_the_bundled_records(ktcn):
    result = ktcn("find", "doi moi sang tao", "--records", RECORDS, "--format", "json")
    ids = [r["id"] for r in json.loads(result.stdout)["results"]]
    assert "ctr-958-2022/4a" in ids and "ctr-958-2022/1" in ids
    agencies = json.loads(ktcn("find", "lien hiep hoi", "--records", RECORDS, "--format", "json").stdout)
    assert agencies["results"][0] == {**agencies["results"][0], "kind": "agency", "id": "lhh-cantho"}
