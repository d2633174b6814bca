"""A JSON document written as it is made: the same text as `json.dumps(..., indent=2, sort_keys=True)`.

A value of the document that is a `Streamed` is a list whose items are made
and written one at a time (a national list of overdue occurrences is some
120,000 of them), so that the whole document is never held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, TextIO

INDENT = "  "
_LITERALS = {True: "true", False: "false", None: "null"}


class Streamed:
    """A list of a document, made item by item as it is written."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def dumps(value: Any) -> str:
    """`value` as the document's other values are written."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


def write(document: dict[str, Any], out: TextIO) -> None:
    """Write `document` (a dict whose values may be `Streamed`), then a line break."""
    if any(isinstance(value, Streamed) for value in document.values()):
        out.write(_stream(document, out))
    else:
        out.write(dumps(document) + "\n")


def _stream(document: dict[str, Any], out: TextIO) -> str:
    """Write all but the closing brace; return it."""
    if not document:
        return "{}\n"
    out.write("{")
    for n, key in enumerate(sorted(document)):
        out.write(("," if n else "") + f"\n{INDENT}{json.dumps(key, ensure_ascii=False)}: ")
        value = document[key]
        if isinstance(value, Streamed):
            _list(value.items, out)
        else:
            out.write(dumps(value).replace("\n", "\n" + INDENT))
    return "\n}\n"


def _list(items: Iterable[Any], out: TextIO) -> None:
    inner = "\n" + INDENT * 2
    written = False
    for item in items:
        text = _flat(item, inner)
        out.write(("," if written else "[") + inner + (dumps(item).replace("\n", inner) if text is None else text))
        written = True
    out.write("\n" + INDENT + "]" if written else "[]")


def _flat(item: Any, pad: str) -> str | None:
    """A dict of strings, whole numbers, booleans, nulls and lists of strings, as `dumps` writes it at the
    indentation `pad` (a line break and spaces): json's indenting encoder is pure Python, and a national
    list has some 120,000 such items.  None for anything else, which `dumps` writes."""
    if type(item) is not dict:
        return None
    lines = []
    for key in sorted(item):
        value = item[key]
        if type(key) is not str:
            return None
        if type(value) is str:
            text = encode_basestring(value)
        elif type(value) is int:
            text = int.__repr__(value)
        elif value is None or type(value) is bool:
            text = _LITERALS[value]
        elif type(value) is list and all(type(v) is str for v in value):
            inner = pad + INDENT * 2
            text = f"[{inner}{(',' + inner).join(map(encode_basestring, value))}{pad}{INDENT}]" if value else "[]"
        else:
            return None
        lines.append(f"{pad}{INDENT}{encode_basestring(key)}: {text}")
    return "{" + ",".join(lines) + pad + "}" if lines else "{}"
