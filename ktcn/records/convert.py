"""Turn composed YAML nodes into checked Python values, one field spec at a time.

A `Record` lists its `Field`s; each field has a `ValueType` that converts a node
or reports why it cannot.  The specs themselves live in `ktcn.records.schema`; this
module knows how to walk nodes, not what a programme is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml

from ktcn.records.dateish import DATEISH_FORMS, DateIshError, parse_date, parse_dateish, parse_label
from ktcn.records.diagnostics import Diagnostic, Text, diag, has_control_characters
from ktcn.records.model import Span
from ktcn.records.yamlsource import MERGE_TAG, NULL_TAG, pairs

KeyPath = tuple[str | int, ...]
_SCALAR = yaml.ScalarNode
INVALID: Any = object()  # a value that was reported and must not be used

_CORE = "tag:yaml.org,2002:"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Reader:
    """Walks the nodes of one file and collects its diagnostics."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, code: str, node: yaml.Node, keypath: KeyPath, **args: object) -> None:
        mark = node.start_mark
        self.diagnostics.append(diag(code, self.path, mark.line + 1, mark.column + 1, keypath, **args))

    def span(self, node: yaml.Node, keypath: KeyPath) -> Span:
        return Span(self.path, node.start_mark.line + 1, node.start_mark.column + 1, keypath)


Converter = Callable[[Reader, yaml.Node, KeyPath, str], Any]


@dataclass(frozen=True)
class ValueType:
    """How to read one kind of value, and how to describe it to a person and to JSON Schema."""

    name: str
    expected: Text
    convert: Converter
    json_schema: dict[str, Any]


@dataclass(frozen=True)
class Field:
    """One key of a record: its type, whether it is required, and what it is for."""

    name: str
    type: ValueType
    required: bool = False
    help: str = ""
    attr: str = ""  # dataclass attribute when it differs from the key (`from` -> `start`)

    @property
    def target(self) -> str:
        return self.attr or self.name


@dataclass(frozen=True)
class Record:
    """A mapping with a fixed set of keys (a task, an update, ...)."""

    name: str
    label: Text
    fields: tuple[Field, ...]
    description: str = ""

    @cached_property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}


# --- describing nodes ---------------------------------------------------------


def describe(node: yaml.Node) -> Text:
    """What a node holds, in words, for 'must be X, not Y' messages."""
    if isinstance(node, yaml.MappingNode):
        return Text("a mapping", "một khối khóa")
    if isinstance(node, yaml.SequenceNode):
        return Text("a list", "một danh sách")
    kind = node.tag.removeprefix(_CORE)
    if kind == "null":
        return Text("empty", "giá trị rỗng")
    if kind == "bool":
        return Text(f"the boolean {node.value}", f"giá trị đúng/sai {node.value}")
    if kind in ("int", "float"):
        return Text(f"the number {node.value}", f"số {node.value}")
    return Text(f"'{_clip(node.value)}'", f"'{_clip(node.value)}'")


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def wrong_type(r: Reader, node: yaml.Node, kp: KeyPath, name: str, expected: Text) -> Any:
    r.report("KTCN103", node, kp, field=name, expected=expected, got=describe(node))
    return INVALID


# --- scalar converters ---------------------------------------------------------


def scalar_text(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
    """Any scalar's original text (YAML's int/float/date readings are undone), NFC."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == NULL_TAG:
        return wrong_type(r, node, kp, name, TEXT.expected)
    if node.tag == _CORE + "bool":
        r.report("KTCN104", node, kp, field=name, value=node.value)
        return INVALID
    value = node.value
    if value.isascii() and value.isprintable():  # most ids, dates and states: nothing more to look at
        return value
    if not value.isprintable():
        char = has_control_characters(value)
        if char is not None:
            r.report("KTCN109", node, kp, field=name, char=char)
            return INVALID
    if not value.isascii() and not unicodedata.is_normalized("NFC", value):
        r.report("KTCN507", node, kp)
        value = unicodedata.normalize("NFC", value)
    return value


def _slug(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
    value = scalar_text(r, node, kp, name)
    if value is INVALID or SLUG.match(value):
        return value
    r.report("KTCN106", node, kp, field=name, value=_clip(value), suggestion=slugify(value))
    return INVALID


def slugify(text: str) -> str:
    """A slug a person would accept for `text`: 'Sở KH&CN Cần Thơ' -> 'so-kh-cn-can-tho'."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "id"


def _date_converter(parse: Callable[[str], Any], forms: str) -> Converter:
    def convert(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
        text = scalar_text(r, node, kp, name)
        if text is INVALID:
            return INVALID
        try:
            return parse(text)
        except DateIshError as error:
            problem = with_suggestion(error.problem, error.suggestion)
            r.report("KTCN105", node, kp, field=name, value=_clip(text), problem=problem, expected=forms)
            return INVALID

    return convert


# What a required field is for, in Vietnamese (the English is the field's own `help`): KTCN102's hint.
REQUIRED_HELP_VI = {
    ("signer", "name"): "họ tên người ký", ("signer", "position"): "chức vụ, ví dụ Phó Chủ tịch",
    ("settings", "name"): "tên cơ quan lưu giữ hồ sơ", ("agency", "id"): "mã cơ quan, ví dụ skhcn-cantho",
    ("agency", "name"): "tên đầy đủ", ("agencies", "agencies"): "danh sách các cơ quan",
    ("update", "date"): "ngày cập nhật, dạng YYYY-MM-DD",
    ("task", "id"): "mã nhiệm vụ, không trùng trong chương trình, ví dụ \"9\"", ("task", "title"): "nội dung nhiệm vụ",
    ("task", "lead"): "cơ quan chủ trì: ít nhất một mã cơ quan",
    ("task", "schedule"): "thời hạn: due, ongoing, every hoặc rrule", ("period", "from"): "năm hoặc ngày bắt đầu",
    ("programme", "id"): "mã văn bản, không trùng trong kho hồ sơ",
    ("programme", "type"): "mã loại văn bản theo Nghị định 30/2020: CTr, KH, CV, ...",
    ("programme", "title"): "trích yếu của văn bản", ("programme", "issuers"): "mã các cơ quan ban hành",
}


def field_help(record: str, spec: Field) -> Text:
    """What a required field is for, in both languages."""
    return Text(spec.help, REQUIRED_HELP_VI.get((record, spec.name), "xem tài liệu định dạng hồ sơ"))


def with_suggestion(problem: Text | str, suggestion: str | None) -> Text | str:
    """A date's problem, followed by the ISO spelling that was likely meant, in both languages."""
    if not suggestion:
        return problem
    en, vi = (problem.en, problem.vi) if isinstance(problem, Text) else (problem, problem)
    return Text(f"{en} (did you mean {suggestion}?)", f"{vi} (có phải ý bạn là {suggestion}?)")


def _number(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
    if not (isinstance(node, yaml.ScalarNode) and node.tag in (_CORE + "int", _CORE + "float")):
        return wrong_type(r, node, kp, name, NUMBER.expected)
    try:
        value = float(node.value.replace("_", ""))
    except ValueError:
        return wrong_type(r, node, kp, name, NUMBER.expected)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


WHOLE_NUMBER = Text("a whole number", "một số nguyên")


def ranged(low: int, high: int | None, whole: bool = False) -> Converter:
    """A number from `low` to `high` (None: no upper bound); `whole`: an integer only (days, not 1.5 days)."""

    def convert(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
        value = _number(r, node, kp, name)
        if value is INVALID:
            return INVALID
        if whole and not isinstance(value, int):
            return wrong_type(r, node, kp, name, WHOLE_NUMBER)
        if value < low or (high is not None and value > high) or value != value:
            r.report("KTCN108", node, kp, field=name, value=_clip(node.value, 20), low=low,
                     high="∞" if high is None else high)
            return INVALID
        return value

    return convert


def _boolean(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
    if isinstance(node, yaml.ScalarNode) and node.tag == _CORE + "bool":
        return node.value.lower() in ("true", "yes", "on", "y")
    return wrong_type(r, node, kp, name, BOOLEAN.expected)


def _check_merge_sources(r: Reader, node: yaml.MappingNode, kp: KeyPath) -> None:
    """`<<:` merges mappings only; anything else (`<<: 5`) would be dropped without a word."""
    for key, value in node.value:
        if key.tag != MERGE_TAG:
            continue
        sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                r.report("KTCN103", source, (*kp, "<<"), field="<<", got=describe(source),
                         expected=Text("a mapping (or a list of mappings) to merge",
                                       "một khối (hoặc danh sách khối) để gộp"))


def pattern(regex: str, expected: str, example: str, parse: Callable[[re.Match[str]], Any],
            code: str = "KTCN306") -> Converter:
    """Text matching `regex`, turned into a value by `parse` (which may raise ValueError)."""
    compiled = re.compile(regex, re.ASCII)  # \d is 0-9 only: int() would take full-width digits too

    def convert(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
        text = scalar_text(r, node, kp, name)
        if text is INVALID:
            return INVALID
        match = compiled.match(text.strip())
        try:
            if match:
                return parse(match)
        except ValueError:
            pass
        r.report(code, node, kp, field=name, value=_clip(text), expected=expected, example=example)
        return INVALID

    return convert


def choice(values: Sequence[str]) -> Converter:
    """One of a fixed list of words."""

    def convert(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
        text = scalar_text(r, node, kp, name)
        if text is INVALID or text in values:
            return text
        r.report("KTCN107", node, kp, field=name, value=_clip(text), choices=", ".join(values))
        return INVALID

    return convert


# --- collections ------------------------------------------------------------------


def list_of(item: ValueType) -> ValueType:
    """A list of `item`; a single scalar is taken as a one-item list, as people write it."""

    def convert(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL_TAG:
            value = item.convert(r, node, kp, name)
            return INVALID if value is INVALID else (value,)
        if not isinstance(node, yaml.SequenceNode):
            return wrong_type(r, node, kp, name, expected)
        values = [item.convert(r, child, (*kp, i), f"{name}[{i}]") for i, child in enumerate(node.value)]
        if keep_valid:
            return tuple(v for v in values if v is not INVALID)
        # A list of ids with a bad one is reported once, not also as empty.  (Only lists of text are
        # searched with `in`: it compares with ==, a call per item on model objects.)
        return INVALID if INVALID in values else tuple(values)

    keep_valid = item.json_schema.get("$ref") is not None  # records: keep the good ones for the views
    expected = Text(f"a list of {item.expected.en}", f"danh sách {item.expected.vi}")
    schema = {"anyOf": [{"type": "array", "items": item.json_schema}, item.json_schema]}
    return ValueType(f"list[{item.name}]", expected, convert, schema if not keep_valid else schema["anyOf"][0])


def record_of(record: Record, build: Callable[[Reader, dict[str, Any], yaml.Node, KeyPath], Any]) -> ValueType:
    """A nested record, read with `read_record` and turned into a model object by `build`."""

    def convert(r: Reader, node: yaml.Node, kp: KeyPath, name: str) -> Any:
        values = read_record(r, node, kp, record, name)
        return INVALID if values is None else build(r, values, node, kp)

    return ValueType(record.name, Text(f"a {record.name} mapping", record.label.vi), convert,
                     {"$ref": f"#/$defs/{record.name}"})


def read_record(r: Reader, node: yaml.Node, kp: KeyPath, record: Record, name: str = "") -> dict | None:
    """Read a mapping against `record`: unknown keys, duplicates, missing required fields.

    Returns the converted values by attribute name, or None when the record
    cannot be used (not a mapping, or a required field missing or invalid).
    """
    if not isinstance(node, yaml.MappingNode):
        wrong_type(r, node, kp, name or record.name, Text(f"a {record.name} mapping", record.label.vi))
        return None
    fields = record.by_name
    values: dict[str, Any] = {}
    first_lines: dict[str, int] = {}
    empty: set[str] = set()
    usable = True
    entries = pairs(node)
    if entries is not node.value:  # it has merge keys
        _check_merge_sources(r, node, kp)
    # The loop below runs for every key of every mapping of every file: a plain ASCII key is taken as it is.
    for key, value in entries:
        key_name = key.value if key.__class__ is _SCALAR and key.value.isascii() else _key_text(r, key, kp)
        if key_name is None:
            continue
        if key_name in first_lines:
            r.report("KTCN002", key, (*kp, key_name), key=key_name, first_line=first_lines[key_name])
            continue
        first_lines[key_name] = key.start_mark.line + 1
        spec = fields.get(key_name)
        if spec is None:
            r.report("KTCN101", key, (*kp, key_name), field=key_name, record=record.label,
                     suggestion=did_you_mean(key_name, list(fields)))
        elif value.tag == NULL_TAG and value.__class__ is _SCALAR:
            empty.add(key_name)  # `number:` left empty means the same as leaving it out
        else:
            converted = spec.type.convert(r, value, (*kp, key_name), key_name)
            if converted is not INVALID:
                values[spec.attr or key_name] = converted
            elif spec.required:
                usable = False
    for spec in record.fields:
        if spec.required and (spec.name not in first_lines or spec.name in empty):
            r.report("KTCN102", node, kp, field=spec.name, record=record.label, help=field_help(record.name, spec))
            usable = False
    return values if usable else None


def _key_text(r: Reader, key: yaml.Node, kp: KeyPath) -> str | None:
    if not isinstance(key, yaml.ScalarNode):
        wrong_type(r, key, kp, "key", Text("a plain key name", "tên khóa"))
        return None
    return key.value if key.value.isascii() else unicodedata.normalize("NFC", key.value)


def did_you_mean(word: str, candidates: Sequence[str], most: int = 12) -> Text:
    """A hint naming the closest candidates, or listing them when none is close and they are few."""
    import difflib  # here: only a misspelt key needs it, and loading it is a cost on every parse

    close = difflib.get_close_matches(word, candidates, n=2, cutoff=0.6)
    if close:
        names = " or ".join(f"'{c}'" for c in close)
        return Text(f"did you mean {names}?", f"có phải là {names.replace(' or ', ' hoặc ')}?")
    if len(candidates) > most:
        return Text("no close match", "không có giá trị nào gần giống")
    listed = ", ".join(candidates)
    return Text(f"expected one of: {listed}", f"giá trị hợp lệ: {listed}")


class Suggester:
    """`did_you_mean` against one long list, asked many times: once per distinct word, and fast on thousands.

    difflib compares a word with every candidate (some 60 ms against 3,000
    agency ids); a trigram index picks the few dozen candidates that share the
    most of the word's letters, and only those are compared.
    """

    SHORTLIST = 40

    def __init__(self, candidates: Sequence[str]) -> None:
        self.candidates = list(candidates)
        self._index: dict[str, list[int]] = {}
        for i, candidate in enumerate(self.candidates):
            for gram in _trigrams(candidate):
                self._index.setdefault(gram, []).append(i)
        self._asked: dict[str, Text] = {}

    def __call__(self, word: str) -> Text:
        found = self._asked.get(word)
        if found is None:
            found = self._asked[word] = self._suggest(word)
        return found

    def _suggest(self, word: str) -> Text:
        if len(self.candidates) <= self.SHORTLIST:
            return did_you_mean(word, self.candidates)
        return did_you_mean(word, self._shortlist(word), most=-1)  # too many to list when none is close

    def _shortlist(self, word: str) -> list[str]:
        if len(self.candidates) <= self.SHORTLIST:
            return self.candidates
        shared = Counter(i for gram in _trigrams(word) for i in self._index.get(gram, ()))
        return [self.candidates[i] for i, _ in shared.most_common(self.SHORTLIST)]


def _trigrams(text: str) -> set[str]:
    padded = f"  {text.casefold()} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


# --- the value types ------------------------------------------------------------------

# Text fields take numbers too (`id: 9`, `title: 2025` keep their text); booleans they refuse.
TEXT = ValueType("text", Text("text", "văn bản"), scalar_text, {"type": ["string", "number"]})
SLUG_ID = ValueType("slug", Text("an id (slug)", "một mã"), _slug,
                    {"type": ["string", "integer"], "pattern": SLUG.pattern, "minimum": 0})
DATE = ValueType("date", Text("a date YYYY-MM-DD", "một ngày YYYY-MM-DD"),
                 _date_converter(parse_date, "YYYY-MM-DD"),
                 {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"})
DATEISH = ValueType("dateish", Text(f"a date-ish value ({DATEISH_FORMS})", f"mốc thời gian ({DATEISH_FORMS})"),
                    _date_converter(parse_dateish, DATEISH_FORMS),
                    {"type": ["string", "integer"],
                     "pattern": r"^\d{4}(-(\d{2}(-\d{2})?|[QqHh]\d))?$"})
LABEL = ValueType("label", Text("an occurrence label (2025, 2025-H1, 2025-Q3, 2025-07)", "nhãn kỳ"),
                  _date_converter(parse_label, DATEISH_FORMS + ", YYYY-Www"),
                  {"type": ["string", "integer"],
                   "pattern": r"^\d{4}(-(\d{2}(-\d{2})?|[QqHh]\d|[Ww]\d{2}))?$"})
NUMBER = ValueType("number", Text("a number", "một số"), _number, {"type": "number"})
BOOLEAN = ValueType("boolean", Text("true or false", "true hoặc false"), _boolean, {"type": "boolean"})
TEXT_LIST = list_of(TEXT)
SLUG_LIST = list_of(SLUG_ID)


def enum(values: Sequence[str]) -> ValueType:
    """A ValueType accepting one of `values`."""
    return ValueType("enum", Text("one of " + ", ".join(values), "một trong " + ", ".join(values)),
                     choice(values), {"type": "string", "enum": list(values)})


def bounded(low: int, high: int | None, whole: bool = False) -> ValueType:
    """A ValueType for a number in low..high (`whole`: an integer)."""
    schema: dict[str, Any] = {"type": "integer" if whole else "number", "minimum": low}
    if high is not None:
        schema["maximum"] = high
    return ValueType("number", Text(f"a number {low}..{high or '∞'}", f"một số {low}..{high or '∞'}"),
                     ranged(low, high, whole), schema)
