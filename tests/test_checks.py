"""Every diagnostic code: a failing input gives it at the right line, the corrected input is clean.

Inputs are written inline: the base programme below, with one edit per case.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from ktcn.records import recordfile
from ktcn.records.diagnostics import CODES
from ktcn.records.loader import load

from conftest import PROGRAMME, SETTINGS, write_workspace

TODAY = date(2025, 7, 1)
P = "programmes/p.yaml"

UPDATES = """\
    updates:
      - date: 2025-02-01
        status: in-progress
"""


def edit(old: str, new: str, base: str = PROGRAMME) -> str:
    assert old in base, old
    return base.replace(old, new, 1)


def with_updates(updates: str) -> str:
    return PROGRAMME + updates


BILLION_LAUGHS = """\
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

# (code, files of the failing workspace, (path, line) expected, files of the corrected workspace)
CASES = [
    ("KTCN001", {P: edit("issuers: [skhcn]", "issuers: [skhcn")}, (P, 6), {P: PROGRAMME}),
    ("KTCN002", {P: edit("issued:", "title: Lại\nissued:")}, (P, 5), {P: PROGRAMME}),
    ("KTCN003", {P: edit("    lead: [skhcn]", "\tlead: [skhcn]")}, (P, 11), {P: PROGRAMME}),
    ("KTCN004", {P: PROGRAMME.encode("utf-8").replace("Kế hoạch thử".encode(), "Thư".encode("cp1258"))},
     (P, 4), {P: PROGRAMME}),
    ("KTCN004", {P: PROGRAMME.encode("utf-16")}, (P, 1), {P: PROGRAMME}),
    ("KTCN005", {P: edit("title: Kế hoạch thử", "title: !!python/object/apply:os.system [echo hi]")},
     (P, 4), {P: PROGRAMME}),
    ("KTCN006", {P: BILLION_LAUGHS}, (P, 5), {P: PROGRAMME}),
    ("KTCN006", {P: edit("issuers: [skhcn]", "issuers: &x [skhcn, *x]")}, (P, 6), {P: PROGRAMME}),
    ("KTCN007", {P: edit("title: Kế hoạch thử", "<<<<<<< HEAD\ntitle: A\n=======\ntitle: B\n>>>>>>> nhanh")},
     (P, 4), {P: PROGRAMME}),
    ("KTCN008", {P: ""}, (P, 1), {P: PROGRAMME}),
    ("KTCN008", {P: "- id: kh-1\n- title: x\n"}, (P, 1), {P: PROGRAMME}),
    ("KTCN009", {P: PROGRAMME, "programmes/thu-muc.yaml/ghi-chu.txt": "x"},
     ("programmes/thu-muc.yaml", 1), {P: PROGRAMME}),
    ("KTCN011", {P: edit("title: Kế hoạch thử", "title: " + "[" * 150 + "]" * 150)}, (P, 4), {P: PROGRAMME}),
    ("KTCN012", {P: PROGRAMME, "programmes/q.yml": PROGRAMME}, ("programmes/q.yml", 1), {P: PROGRAMME}),
    ("KTCN013", {P: PROGRAMME, "agencies.yaml": None}, ("ktcn.yaml", 1), {P: PROGRAMME}),
    ("KTCN014", {P: edit("title: Nhiệm vụ một", 'title: "Nhiệm vụ\u2028một"')}, (P, 10), {P: PROGRAMME}),
    ("KTCN101", {P: edit("    title: Nhiệm vụ một", "    titel: Nhiệm vụ một")}, (P, 10), {P: PROGRAMME}),
    ("KTCN102", {P: edit("    title: Nhiệm vụ một\n", "")}, (P, 9), {P: PROGRAMME}),
    ("KTCN102", {P: edit("    lead: [skhcn]", "    lead: []")}, (P, 11), {P: PROGRAMME}),
    ("KTCN103", {P: edit("issuers: [skhcn]", "issuers: {a: 1}")}, (P, 6), {P: PROGRAMME}),
    ("KTCN104", {P: edit("number: 1/KH-UBND", "number: no")}, (P, 3), {P: PROGRAMME}),
    ("KTCN104", {P: with_updates("    updates:\n      - date: 2025-02-01\n        status: yes\n")},
     (P, 15), {P: with_updates(UPDATES)}),
    ("KTCN105", {P: edit("issued: 2025-01-10", "issued: 2025-02-30")}, (P, 5), {P: PROGRAMME}),
    ("KTCN105", {P: edit("issued: 2025-01-10", "issued: 10/01/2025")}, (P, 5), {P: PROGRAMME}),
    ("KTCN106", {P: edit('id: "1"', 'id: "Một"')}, (P, 9), {P: PROGRAMME}),
    ("KTCN107", {P: edit("type: KH", "type: XYZ")}, (P, 2), {P: PROGRAMME}),
    ("KTCN108", {P: with_updates("    updates:\n      - {date: 2025-02-01, progress: 150}\n")},
     (P, 14), {P: with_updates("    updates:\n      - {date: 2025-02-01, progress: 100}\n")}),
    ("KTCN109", {P: edit("title: Nhiệm vụ một", 'title: "Nhiệm vụ\\x1b[2J một"')}, (P, 10),
     {P: edit("title: Nhiệm vụ một", 'title: "Nhiệm vụ\\tmột"')}),
    ("KTCN201", {P: PROGRAMME + '  - id: "1"\n    title: Hai\n    lead: [lhh]\n    schedule: 2025\n'},
     (P, 13), {P: PROGRAMME + '  - id: "2"\n    title: Hai\n    lead: [lhh]\n    schedule: 2025\n'}),
    ("KTCN201", {P: PROGRAMME, "programmes/q.yaml": PROGRAMME}, ("programmes/q.yaml", 1),
     {P: PROGRAMME, "programmes/q.yaml": edit("id: kh-1", "id: kh-2")}),
    ("KTCN202", {P: edit("lead: [skhcn]", "lead: [skhcm]")}, (P, 11), {P: PROGRAMME}),
    ("KTCN202", {P: edit("lead: [skhcn]", "lead: [lhh, ubnd]")}, (P, 11), {P: PROGRAMME}),
    ("KTCN203", {P: edit("tasks:", "implements: [kh-9]\ntasks:")}, (P, 8), {P: PROGRAMME}),
    ("KTCN301", {P: edit("schedule: 2025-06-30", "schedule: {due: 2025-06-30, ongoing: true}")}, (P, 12),
     {P: PROGRAMME}),
    ("KTCN301", {P: edit("schedule: 2025-06-30", "schedule: {from: 2025}")}, (P, 12), {P: PROGRAMME}),
    ("KTCN302", {P: edit("schedule: 2025-06-30", "schedule: {due: 2025-06-30, day: 06-30}")}, (P, 12),
     {P: PROGRAMME}),
    ("KTCN302", {P: edit("schedule: 2025-06-30", "schedule: {every: 6m, day: 06-30}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {every: 1y, day: 06-30}")}),
    ("KTCN303", {P: edit("schedule: 2025-06-30", "schedule: {every: 0y}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {every: 2y}")}),
    ("KTCN304", {P: edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=SOMETIMES'}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=MONTHLY;BYMONTHDAY=15'}")}),
    ("KTCN305", {P: edit("schedule: 2025-06-30", "schedule: {every: 1y, from: 2026, until: 2025}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {every: 1y, from: 2025, until: 2026}")}),
    ("KTCN305", {P: edit("period: {from: 2025, to: 2026}", "period: {from: 2026, to: 2025}")}, (P, 7),
     {P: PROGRAMME}),
    ("KTCN306", {P: edit("schedule: 2025-06-30", "schedule: {every: 1y, day: 11/30}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {every: 1y, day: 11-30}")}),
    ("KTCN306", {P: edit("schedule: 2025-06-30", "schedule: {every: 1q, offset: 15}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {every: 1q, offset: -5d}")}),
    ("KTCN307", {P: edit("schedule: 2025-06-30", "schedule: {every: 6m}") + UPDATES + "        period: 2025-Q2\n"},
     (P, 16), {P: edit("schedule: 2025-06-30", "schedule: {every: 6m}") + UPDATES + "        period: 2025-H1\n"}),
    ("KTCN308", {P: edit("issued: 2025-01-10\n", "").replace("period: {from: 2025, to: 2026}\n", "state: draft\n")
                 .replace("schedule: 2025-06-30", "schedule: {every: 1y}")}, (P, 11),
     {P: edit("issued: 2025-01-10\n", "").replace("period: {from: 2025, to: 2026}\n", "state: draft\n")
      .replace("schedule: 2025-06-30", "schedule: {every: 1y, from: 2025}")}),
    ("KTCN309", {P: edit("schedule: 2025-06-30", "schedule: {every: 1y, from: 2030}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {every: 1y, from: 2026}")}),
    ("KTCN309", {P: edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=YEARLY;BYMONTH=3', until: 2024}")},
     (P, 12), {P: edit("schedule: 2025-06-30", "schedule: {rrule: 'FREQ=YEARLY;BYMONTH=3'}")}),
    ("KTCN310", {"ktcn.yaml": SETTINGS + "holidays: [2025-12-08]\nworking_days: [2025-12-06, 2025-12-08]\n"},
     ("ktcn.yaml", 6), {"ktcn.yaml": SETTINGS + "holidays: [2025-12-08]\nworking_days: [2025-12-06]\n"}),
    ("KTCN204", {P: edit("schedule: 2025-06-30", "schedule: {within: 10wd, after_task: '9'}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {within: 10wd, after: issued}")}),
    ("KTCN311", {P: edit("schedule: 2025-06-30", "schedule: {within: 10wd, after_task: '1'}")}, (P, 12),
     {P: edit("schedule: 2025-06-30", "schedule: {within: 10wd, after: 2025-03-01}")}),
    ("KTCN312", {"ktcn.yaml": SETTINGS + "public_holidays: none\n",
                 P: edit("schedule: 2025-06-30", "schedule: {within: 15wd, after: issued}")}, (P, 12),
     {"ktcn.yaml": SETTINGS + "public_holidays: none\n",
      P: edit("schedule: 2025-06-30", "schedule: {within: 21d, after: issued}")}),
    ("KTCN501", {P: edit("schedule: 2025-06-30", "schedule: 2027-06-30")}, (P, 12), {P: PROGRAMME}),
    ("KTCN502", {P: with_updates(UPDATES + "      - date: 2025-01-20\n        note: sớm hơn\n")}, (P, 16),
     {P: with_updates(UPDATES + "      - date: 2025-02-20\n        note: sau\n")}),
    ("KTCN503", {P: with_updates(UPDATES.replace("2025-02-01", "2024-12-01"))}, (P, 14),
     {P: with_updates(UPDATES)}),
    ("KTCN504", {P: with_updates(UPDATES.replace("2025-02-01", "2025-08-01"))}, (P, 14),
     {P: with_updates(UPDATES)}),
    ("KTCN505", {P: with_updates("    updates:\n      - {date: 2025-02-01, status: done, progress: 50}\n")},
     (P, 14), {P: with_updates("    updates:\n      - {date: 2025-02-01, status: done, progress: 100}\n")}),
    ("KTCN506", {P: edit("issued: 2025-01-10", "issued: 2025-03-10").replace("lead: [skhcn]", "lead: [sttt]")},
     (P, 11), {P: edit("issued: 2025-01-10", "issued: 2025-03-10")}),
    ("KTCN507", {P: edit("title: Kế hoạch thử", unicodedata.normalize("NFD", "title: Kế hoạch thử"))}, (P, 4),
     {P: PROGRAMME}),
    ("KTCN508", {P: edit("number: 1/KH-UBND", "number: 1/CTr-UBND")}, (P, 3), {P: PROGRAMME}),
    ("KTCN509", {"ktcn.yaml": SETTINGS + "working_days:\n  - 2025-12-06\n  - {date: 2025-12-09, name: Thứ Ba}\n"},
     ("ktcn.yaml", 7), {"ktcn.yaml": SETTINGS + "working_days:\n  - 2025-12-06\n"}),
]


def found(root: Path) -> list[tuple[str, str, int]]:
    return [(d.code, d.path, d.line) for d in load(root, today=TODAY).diagnostics]


def found_in(folder: Path, files: dict, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int]]:
    folder.mkdir()
    monkeypatch.chdir(folder)
    return found(write_workspace(folder, files))


@pytest.mark.parametrize(("code", "bad", "where", "good"), CASES, ids=[c[0] for c in CASES])
def test_each_code_fails_bad_input_at_its_line_and_passes_good_input(tmp_path, monkeypatch, code, bad, where,
                                                                     good):
    assert (code, *where) in found_in(tmp_path / "bad", bad, monkeypatch)
    assert found_in(tmp_path / "good", good, monkeypatch) == []


def test_every_registered_code_has_a_case():
    covered = {case[0] for case in CASES} | {"KTCN010"}
    assert covered == set(CODES)


def test_file_over_the_size_limit_is_refused_without_reading(ws, monkeypatch):
    monkeypatch.setattr(recordfile, "MAX_FILE_BYTES", 100)  # where the bytes are read
    assert ("KTCN010", P, 1) in found(ws({P: PROGRAMME}))


def test_one_broken_file_does_not_stop_the_others(ws):
    root = ws({P: "id: [", "programmes/q.yaml": edit("lead: [skhcn]", "lead: [khong-co]")})
    codes = {(c, p) for c, p, _ in found(root)}
    assert codes == {("KTCN001", P), ("KTCN202", "programmes/q.yaml")}


def test_unknown_field_hint_suggests_the_closest_name(ws):
    diagnostics = load(ws({P: edit("    title: Nhiệm vụ một", "    tittle: Nhiệm vụ một")})).diagnostics
    diagnostic = next(d for d in diagnostics if d.code == "KTCN101")
    assert diagnostic.hint("en") == "did you mean 'title'?"
    assert diagnostic.hint("vi") == "có phải là 'title'?"


def test_agency_named_by_its_name_points_to_its_id(ws):
    diagnostics = load(ws({P: edit("lead: [skhcn]", "lead: [SKHCN]")})).diagnostics
    assert [d.code for d in diagnostics] == ["KTCN106"]
    diagnostics = load(ws({P: edit("lead: [skhcn]", "lead: [lhh-ct]")})).diagnostics
    assert diagnostics[0].code == "KTCN202" and "'lhh'" in diagnostics[0].hint("en")


def test_yaml_booleans_and_octals_keep_their_text_where_text_is_meant(ws):
    text = edit('id: "1"', "id: 010").replace("title: Nhiệm vụ một", "title: 10:30")
    task = load(ws({P: text})).programmes[0].tasks[0]
    assert (task.id, task.title) == ("010", "10:30")


def test_unquoted_and_quoted_dates_mean_the_same(ws):
    quoted = edit("schedule: 2025-06-30", 'schedule: "2025-06-30"').replace("from: 2025", 'from: "2025"')
    first = load(ws({P: PROGRAMME})).programmes[0]
    second = load(ws({P: quoted})).programmes[0]
    assert first.tasks[0].schedule == second.tasks[0].schedule
    assert first.period_from == second.period_from


def test_nfd_text_is_normalised_in_the_model(ws):
    text = edit("title: Kế hoạch thử", unicodedata.normalize("NFD", "title: Kế hoạch thử"))
    assert load(ws({P: text})).programmes[0].title == "Kế hoạch thử"


def test_empty_optional_field_means_absent(ws):
    programme = load(ws({P: edit("number: 1/KH-UBND", "number:")})).programmes[0]
    assert programme.number is None


def test_merge_keys_apply_and_explicit_keys_win(ws):
    text = PROGRAMME.replace("tasks:\n", "tasks:\n  - &base {id: \"0\", title: Gốc, lead: [lhh], schedule: 2025}\n")
    text += "  - <<: *base\n    id: \"2\"\n"
    tasks = load(ws({P: text})).programmes[0].tasks
    assert [(t.id, t.title, t.lead) for t in tasks] == [
        ("0", "Gốc", ("lhh",)), ("1", "Nhiệm vụ một", ("skhcn",)), ("2", "Gốc", ("lhh",))]


@pytest.mark.parametrize("scalar", [
    "", "~", "null", "Null", "yes", "No", "on", "OFF", "y", "n", "true", "False", "010", "0x1F", "0o17", "1_000",
    "10:30", "1e3", ".5", "-.inf", ".NaN", "2025", "2025-11-30", "2025-1-5", "2025-11-30 10:00:00", "2025-06",
    "2025-Q3", "<<", "=", "abc", "Việt", "+1", "-", "1:20:30", "0b101", "12e", "3.14", "0", "-0", "+.5", "2025-02-30"])
def test_the_lean_resolver_gives_pyyaml_tags(scalar):
    import yaml

    from ktcn.records.yamlsource import _Loader

    expected = yaml.SafeLoader("").resolve(yaml.ScalarNode, scalar, (True, False))
    assert _Loader("").resolve(yaml.ScalarNode, scalar, (True, False)) == expected


@pytest.fixture
def compared(monkeypatch) -> list[int]:
    """How many candidates each `did_you_mean` call compared the word with, in call order."""
    from ktcn.records import convert

    sizes: list[int] = []
    real = convert.did_you_mean

    def counting(word, candidates, most=12):
        sizes.append(len(candidates))
        return real(word, candidates, most)

    monkeypatch.setattr(convert, "did_you_mean", counting)
    return sizes


def test_did_you_mean_is_worked_out_once_per_distinct_name_and_on_a_shortlist(compared):
    """1,000 unknown ids against 3,000 agencies took 2.5 minutes: difflib against every id, for every reference."""
    from ktcn.records import convert

    ids = [f"so-{word}-{province}" for word in ("khcn", "tc", "nv", "tttt", "gddt") for province in range(600)]
    whole = convert.did_you_mean("so-khnc-17", ids).en  # the answer of the whole list, not counted below
    compared.clear()
    suggest = convert.Suggester(ids)
    assert suggest("so-khnc-17").en == whole
    for _ in range(50):
        suggest("so-khnc-17")
    assert suggest("khong-ai-biet").en == "no close match"
    assert len(compared) == 2 and max(compared) <= convert.Suggester.SHORTLIST


def test_unknown_programmes_are_suggested_from_one_index(compared):
    """Fifty programmes naming unknown ones in a national workspace: each distinct name is compared once, with a
    shortlist of the 2,100 ids (difflib against them all, again for every reference, took over a second)."""
    from ktcn.records import checks, convert
    from ktcn.records.model import Span

    ids = [f"kh-{n}-{place}-2024" for n in range(300) for place in ("ag", "bg", "ct", "hn", "hue", "sl", "lc")]
    summaries = [checks.Summary(i, Span(f"programmes/{i}.yaml", 1, 1), ()) for i in ids]
    wrong = [checks.Summary(f"ctr-{n}", Span(f"programmes/ctr-{n}.yaml", 1, 1), (f"kh-{n % 5}-ct-2042",))
             for n in range(50)]
    found = list(checks.programme_references(None, summaries + wrong))  # type: ignore[arg-type]
    assert [d.code for d in found] == ["KTCN203"] * 50
    assert dict(found[0].args)["suggestion"].en.startswith("did you mean 'kh-0-ct-2024'")
    assert len(compared) == 5 and max(compared) <= convert.Suggester.SHORTLIST
