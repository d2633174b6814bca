"""`ktcn schema`: one source of truth with the checker; check-jsonschema accepts the bundled records.

The JSON Schema is generated from the field specs ktcn reads with, so on
structure (fields, types, enums, ids, required fields, schedule forms) the two
must agree; a corpus of good and bad files proves it.  What a schema cannot say
(a 30 February, references across files, YAML 1.1 booleans, which check-jsonschema
reads as YAML 1.2 strings) stays with `ktcn validate` alone.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader

from ktcn.records.loader import load
from ktcn.records.schema_export import json_schema

from conftest import PROGRAMME, write_workspace

RECORDS = Path(__file__).resolve().parent.parent / "records"
P = "programmes/p.yaml"


def edit(old: str, new: str) -> str:
    assert old in PROGRAMME
    return PROGRAMME.replace(old, new, 1)


AGREEMENT = [  # (why, programme file, valid?)
    ("the base programme", PROGRAMME, True),
    ("every schedule form", PROGRAMME + "  - {id: a, title: A, lead: [skhcn], schedule: ongoing}\n"
     "  - {id: b, title: B, lead: [skhcn], schedule: {every: 6m, from: 2025, offset: 15d}}\n"
     "  - {id: c, title: C, lead: [skhcn], schedule: {rrule: 'FREQ=MONTHLY', from: 2025, until: 2025-06}}\n"
     "  - {id: d, title: D, lead: [skhcn], schedule: {ongoing: true, from: 2025-H2}}\n", True),
    ("a log", PROGRAMME + "    updates:\n      - {date: 2025-03-01, status: done, progress: 100, evidence: [QĐ 1]}\n",
     True),
    ("one agency without a list", edit("lead: [skhcn]", "lead: skhcn"), True),
    ("a numeric id", edit('id: "1"', "id: 1"), True),
    ("a draft without number", edit("number: 1/KH-UBND\n", ""), True),
    ("an unknown field", edit("    title: Nhiệm vụ một", "    titel: Nhiệm vụ một"), False),
    ("a missing title", edit("    title: Nhiệm vụ một\n", ""), False),
    ("no lead", edit("lead: [skhcn]", "lead: []"), False),
    ("issuers as a mapping", edit("issuers: [skhcn]", "issuers: {a: 1}"), False),
    ("an unknown type code", edit("type: KH", "type: XYZ"), False),
    ("an id that is not a slug", edit('id: "1"', 'id: "Một"'), False),
    ("two schedule forms", edit("schedule: 2025-06-30", "schedule: {due: 2025-06-30, every: 1y}"), False),
    ("no schedule form", edit("schedule: 2025-06-30", "schedule: {from: 2025}"), False),
    ("a repeat in words", edit("schedule: 2025-06-30", "schedule: {every: 6 tháng}"), False),
    ("a misspelt shorthand", edit("schedule: 2025-06-30", "schedule: ongoin"), False),
    ("progress over 100", PROGRAMME + "    updates:\n      - {date: 2025-03-01, progress: 150}\n", False),
    ("an unknown status", PROGRAMME + "    updates:\n      - {date: 2025-03-01, status: finished}\n", False),
    ("a date typed dd/mm/yyyy", edit("issued: 2025-01-10", "issued: 10/01/2025"), False),
    ("a negative number as an id", edit('id: "1"', "id: -1"), False),
]


def schema_says(kind: str, text: str) -> bool:
    data = impl2loader(construct_yaml_implementation())(io.BytesIO(text.encode("utf-8")))
    return jsonschema.Draft202012Validator(json_schema(kind)).is_valid(data)


@pytest.mark.parametrize(("why", "text", "valid"), AGREEMENT, ids=[a[0] for a in AGREEMENT])
def test_schema_and_checker_agree(tmp_path, monkeypatch, why, text, valid):
    monkeypatch.chdir(tmp_path)
    errors = [d for d in load(write_workspace(tmp_path, {P: text})).diagnostics if d.severity == "error"]
    assert (not errors) is valid, [d.message() for d in errors]
    assert schema_says("programme", text) is valid


def test_every_field_of_the_format_is_in_the_schema():
    from ktcn.records.schema import RECORDS as SPECS

    document = json_schema("programme")
    for record in SPECS:
        target = document if record.name == "programme" else document["$defs"].get(record.name)
        if target is None:
            continue  # agencies.yaml and ktcn.yaml have schemas of their own
        assert set(target["properties"]) == {f.name for f in record.fields}, record.name


def test_schema_is_draft_2020_12_and_valid():
    for kind in ("programme", "agencies", "settings"):
        document = json_schema(kind)
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(document)


def test_check_jsonschema_accepts_the_bundled_records(tmp_path, ktcn):
    files = {}
    for kind in ("programme", "agencies", "settings"):
        files[kind] = tmp_path / f"{kind}.json"
        assert ktcn("schema", kind, "-o", str(files[kind])).exit_code == 0
    runs = [(files["programme"], sorted(str(p) for p in (RECORDS / "programmes").glob("*.yaml"))),
            (files["agencies"], [str(RECORDS / "agencies.yaml")]), (files["settings"], [str(RECORDS / "ktcn.yaml")])]
    for schema_file, targets in runs:
        result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema_file), *targets],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_schema_output_is_json(ktcn):
    result = ktcn("schema", "agencies")
    assert json.loads(result.stdout)["required"] == ["agencies"]
    assert ktcn("schema", "tasks").exit_code == 2
