"""JSON Schema (draft 2020-12) of the record files, generated from the field specs the loader reads with.

One source of truth: `ktcn.records.schema` lists every field, its type and whether it is
required; this module only translates.  What a schema cannot say (dates that do
not exist, references across files, schedules against periods) stays with
`ktcn validate`.
"""

from __future__ import annotations

from typing import Any

from ktcn.records.convert import Record
from ktcn.records.schema import (
    AGENCIES_FILE,
    AGENCY,
    DAY_NOTE,
    FORMS,
    PERIOD,
    PROGRAMME,
    SCHEDULE,
    SETTINGS,
    SIGNER,
    TASK,
    UPDATE,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
KINDS = {"programme": PROGRAMME, "agencies": AGENCIES_FILE, "settings": SETTINGS}
_NESTED = (TASK, UPDATE, SCHEDULE, PERIOD, SIGNER, AGENCY, DAY_NOTE)


def json_schema(kind: str) -> dict[str, Any]:
    """The schema of one kind of file: `programme`, `agencies` or `settings`."""
    top = KINDS[kind]
    document = {"$schema": DRAFT, "$id": f"https://ktcn.example/schemas/{kind}.schema.json",
                "title": top.description or top.name, **_object(top)}
    document["$defs"] = {record.name: _object(record) for record in _NESTED}
    document["$defs"]["schedule"] = _schedule_object()
    return document


def _object(record: Record) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: {**f.type.json_schema, "description": f.help} if f.help else f.type.json_schema
                       for f in record.fields},
        "additionalProperties": False,
    }
    required = [f.name for f in record.fields if f.required]
    if required:
        schema["required"] = required
    return schema


def _schedule_object() -> dict[str, Any]:
    """A schedule mapping holds exactly one of its four forms, or a `within` count (which `every` may carry)."""
    schema = _object(SCHEDULE)
    schema["oneOf"] = [{"required": [form]} for form in FORMS]
    schema["oneOf"].append({"required": ["within"], "not": {"anyOf": [{"required": [form]} for form in FORMS]}})
    schema["properties"]["ongoing"] = {"const": True, "description": "true: continuous work, no deadline"}
    return schema
