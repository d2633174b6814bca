"""Read one YAML file safely, into composed nodes that keep line and column.

We compose (parse to nodes) but never construct Python objects: the nodes keep
every scalar's original text and its position, so `010` stays "010", `no` is
seen to be a YAML 1.1 boolean, and no tag can build an object.  Before libyaml
sees the text we rule out what would crash or hang it: bytes that are not
UTF-8, merge-conflict markers, tabs in indentation, nesting deep enough to
overflow libyaml's recursive composer (it segfaults past ~30,000 levels) and
alias bombs (a billion laughs composes fast but expands without end).  The
bounds are ktcn's own: flow nesting is measured on the text (`ktcn.records.nesting`),
so no limit or message of the installed libyaml decides what a user is told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import yaml

from ktcn.records.diagnostics import Diagnostic, Text, diag
from ktcn.records.nesting import flow_too_deep
from ktcn.records.recordfile import IS_A_DIRECTORY, MAX_FILE_BYTES, NOT_A_FILE, read_bytes  # noqa: F401 - also said from here

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing: slower, same behaviour
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with a leaner scalar resolver: libyaml calls it for every scalar of every file.

    Same rules as PyYAML's (the same regular expressions, tried in the same
    order); it only skips the work the safe schema never needs (path resolvers,
    building a list per call).
    """

    _by_first: ClassVar[dict[str, tuple]] = {}  # shared by every loader: the rules never change
    _short: ClassVar[dict[str, str]] = {}  # tags of short plain scalars (keys, dates, states): they recur endlessly

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            if len(value) <= SHORT_SCALAR:
                tag = self._short.get(value)
                if tag is None:
                    tag = self._plain_tag(value)
                    if len(self._short) < SHORT_SCALARS_KEPT:
                        self._short[value] = tag
                return tag
            return self._plain_tag(value)
        return super().resolve(kind, value, implicit)

    def _plain_tag(self, value: str) -> str:
        key = value[:1]
        candidates = self._by_first.get(key)
        if candidates is None:
            found = self.yaml_implicit_resolvers.get(key or "", [])
            candidates = self._by_first[key] = tuple(found) + tuple(self.yaml_implicit_resolvers.get(None, []))
        for tag, pattern in candidates:
            if pattern.match(value):
                return tag
        return self.DEFAULT_SCALAR_TAG


SHORT_SCALAR = 16  # plain scalars this short have their tag remembered...
SHORT_SCALARS_KEPT = 20_000  # ...up to this many of them (some 2 MB at most)
MAX_DEPTH = 100
MAX_ALIAS_NODES = 10_000
MAX_REPORTED_LINES = 20

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    _CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
) | {"!"}
MERGE_TAG = _CORE + "merge"
NULL_TAG = _CORE + "null"

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?:[ \t].*)?$", re.M)
_CONFLICT_MARKERS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)  # a marker line holds one of these
_TAB_INDENT = re.compile(r"^ *\t", re.M)
_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s*]")
_TAG = re.compile(r"(?:^|[\s\[{,:])!")  # `{"key":!!python/name:x}`: flow style needs no space after ':'
_DEEP_INDENT = re.compile(rf"\n[ ?-]{{{MAX_DEPTH}}}")  # a literal first character lets re search fast
_BRACKETS = re.compile(r"[\[\]{}]")
# An opener and a closer with no bracket between, one pattern a kind (a literal first character is searched fast).
_LEAF_PAIRS = (re.compile(r"\[[^\[\]{}]*[\]}]"), re.compile(r"\{[^\[\]{}]*[\]}]"))
_ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")  # line breaks to libyaml besides LF and CRLF
_BREAK_NAMES = {
    "\r": Text("a carriage return (CR) without a line feed", "ký tự CR (về đầu dòng) không có LF theo sau"),
    "\x85": Text("U+0085 NEXT LINE", "ký tự U+0085 (NEXT LINE)"),
    "\u2028": Text("U+2028 LINE SEPARATOR", "ký tự U+2028 (LINE SEPARATOR)"),
    "\u2029": Text("U+2029 PARAGRAPH SEPARATOR", "ký tự U+2029 (PARAGRAPH SEPARATOR)"),
}


@dataclass(frozen=True, slots=True)
class Source:
    """One file's composed root node (None when unusable) and what reading it found."""

    path: str
    root: yaml.Node | None
    diagnostics: tuple[Diagnostic, ...]


def read_source(file: Path, display: str, data: bytes | None = None) -> Source:
    """Read and compose `file` (or `data`: its content, already read); problems become diagnostics on `display`."""
    if data is None:
        data, problems = read_bytes(file, display)
        if data is None:
            return Source(display, None, problems)
    text, problems = decode(data, display)
    if text is None:
        return Source(display, None, problems)
    return Source(display, *compose_text(text, display))


def decode(data: bytes, display: str) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """Bytes to text: UTF-8 only (a UTF-8 BOM is allowed and dropped)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, (diag("KTCN004", display, 1, 1, problem=Text("UTF-16 byte order mark",
                                                                  "có dấu thứ tự byte của UTF-16")),)
    if b"\x00" in data:
        line, column = _byte_position(data, data.index(b"\x00"))
        return None, (diag("KTCN004", display, line, column, problem=Text("NUL bytes (UTF-16?)",
                                                                          "có byte NUL (UTF-16?)")),)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        byte = data[error.start]
        hexa = f"byte 0x{byte:02X}"
        return None, (diag("KTCN004", display, line, column, problem=Text(hexa, hexa)),)
    return text.removeprefix("\ufeff"), ()


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def compose_text(text: str, display: str) -> tuple[yaml.Node | None, tuple[Diagnostic, ...]]:
    """Compose YAML text into one root node, after the checks that keep libyaml safe."""
    problems = _text_problems(text, display)
    if problems:
        return None, problems
    too_deep = flow_too_deep(text, MAX_DEPTH)
    if too_deep is not None:
        return None, (diag("KTCN011", display, *too_deep, limit=MAX_DEPTH),)
    if _needs_event_scan(text):
        problems = _scan_events(text, display)
        if problems:
            return None, problems
    loader = _Loader(text)
    try:
        return loader.get_single_node(), ()
    except yaml.MarkedYAMLError as error:
        return None, (_unclosed_quote(text, error, display) or _syntax_error(error, display),)
    except yaml.YAMLError as error:
        return None, (_reader_error(error, text, display),)
    finally:
        loader.dispose()


def _text_problems(text: str, display: str) -> tuple[Diagnostic, ...]:
    """Conflict markers, tabs in indentation, odd line breaks.

    Each regular expression runs only when the characters it looks for are in
    the text at all: a substring test is a fast memory search, while these
    line-anchored patterns cost a tenth of a bare parse on every file.
    """
    markers = [
        diag("KTCN007", display, _line_of(text, m.start()), 1, marker=m.group(1))
        for m in _CONFLICT.finditer(text)
    ] if any(marker in text for marker in _CONFLICT_MARKERS) else []
    if markers:
        return tuple(markers[:MAX_REPORTED_LINES])
    tabs = [
        diag("KTCN003", display, _line_of(text, m.start()), m.end() - m.start())
        for m in _TAB_INDENT.finditer(text)
    ] if "\t" in text else []
    odd = _odd_line_breaks(text, display) if any(char in text for char in _BREAK_NAMES) else []
    found = tabs[:MAX_REPORTED_LINES] + odd
    return tuple(sorted(found, key=Diagnostic.sort_key)[:MAX_REPORTED_LINES])


def _odd_line_breaks(text: str, display: str) -> list[Diagnostic]:
    """Each character libyaml counts as a line break that editors, git and ktcn count as part of a line.

    A lone CR, U+0085, U+2028 or U+2029 ends a line for libyaml (YAML 1.1):
    every mark after it is one line further than the line a person sees, so a
    diagnostic would point at the wrong line and `ktcn update`, which splices
    by those marks, would write into the wrong place (a block scalar further
    down).  In a quoted title it silently becomes a space; in a comment it ends
    the comment.  A record has no use for one (it comes with pasted text), so
    the file is refused at the character instead of the marks being re-counted.
    """
    found = []
    for match in _ODD_BREAK.finditer(text):
        start = match.start()
        column = start - text.rfind("\n", 0, start)
        found.append(diag("KTCN014", display, _line_of(text, start), column, char=_BREAK_NAMES[match.group()]))
        if len(found) == MAX_REPORTED_LINES:
            break
    return found


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _needs_event_scan(text: str) -> bool:
    """Cheap text tests: only files that could hold aliases, tags or deep nesting are scanned."""
    if ("*" in text and _ALIAS.search(text)) or ("!" in text and _TAG.search(text)):
        return True
    if _DEEP_INDENT.search("\n" + text if text.startswith((" ", "-", "?")) else text):
        return True
    return text.count("[") + text.count("{") >= MAX_DEPTH and _brackets_reach(text, MAX_DEPTH)


def _brackets_reach(text: str, limit: int) -> bool:
    """Whether bracket characters (in quotes and comments too) nest `limit` deep.

    Records are full of one-line lists (`lead: [a, b]`).  A pair of brackets
    with no bracket between them adds one level where it sits and none after,
    so each pass dropping every such pair takes at most one level off: when
    fewer openers are left than `limit` less one level per pass and the one
    they would open, the answer is no without walking every bracket.
    """
    remaining = text
    for leaf in _LEAF_PAIRS:
        remaining = leaf.sub("", remaining)
    if remaining.count("[") + remaining.count("{") < limit - len(_LEAF_PAIRS):
        return False
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest >= limit


def _scan_events(text: str, display: str) -> tuple[Diagnostic, ...]:
    """Walk the parser's events (libyaml's parser is not recursive) to bound depth, aliases, tags."""
    open_starts: list[tuple[str | None, int]] = []  # (anchor, node count when the collection began)
    sizes: dict[str, int] = {}
    nodes = expanded = 0
    tags: list[Diagnostic] = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                if any(anchor == event.anchor for anchor, _ in open_starts):
                    return (_alias_error(display, event, Text("an alias refers to its own enclosing node",
                                                              "bí danh trỏ tới chính khối chứa nó")),)
                size = sizes.get(event.anchor or "", 1)
                expanded += size
                nodes += size
                if expanded > MAX_ALIAS_NODES:
                    return (_alias_error(display, event, Text(f"more than {MAX_ALIAS_NODES} nodes",
                                                              f"hơn {MAX_ALIAS_NODES} nút")),)
                continue
            if isinstance(event, yaml.NodeEvent) and not _tag_allowed(event):
                tags.append(_at(display, event, "KTCN005", tag=event.tag))
            if isinstance(event, yaml.ScalarEvent):
                nodes += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                nodes += 1
                open_starts.append((event.anchor, nodes))
                if len(open_starts) > MAX_DEPTH:
                    return (_at(display, event, "KTCN011", limit=MAX_DEPTH),)
            elif isinstance(event, yaml.CollectionEndEvent) and open_starts:
                anchor, started = open_starts.pop()
                if anchor:
                    sizes[anchor] = nodes - started + 1
    except yaml.MarkedYAMLError as error:
        return (*tags, _syntax_error(error, display))
    except yaml.YAMLError as error:  # the reader's errors (control characters) carry no mark, only a position
        return (*tags, _reader_error(error, text, display))
    return tuple(tags)


def _tag_allowed(event: yaml.NodeEvent) -> bool:
    tag = getattr(event, "tag", None)
    return tag is None or tag in ALLOWED_TAGS


def _at(display: str, event: yaml.Event, code: str, **args: object) -> Diagnostic:
    mark = event.start_mark
    return diag(code, display, mark.line + 1, mark.column + 1, **args)


def _alias_error(display: str, event: yaml.Event, problem: Text) -> Diagnostic:
    return _at(display, event, "KTCN006", problem=problem)


def _syntax_error(error: yaml.MarkedYAMLError, display: str) -> Diagnostic:
    """A syntax error at the line a person must fix: where an unclosed quote or bracket opens."""
    from ktcn.records.yaml_problems import explain  # here: only a file that cannot be parsed needs the words

    opened = (error.context or "").startswith(("while scanning", "while parsing a flow"))
    mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
    problem, advice = explain(error.problem, error.context)  # in words a person can act on, vi and en
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return diag("KTCN001", display, line, column, problem=problem, advice=advice)


_OPENING_QUOTE = re.compile(r"""(?:^|[:\-\[{,?])\s*(["'])""")


def _unclosed_quote(text: str, error: yaml.MarkedYAMLError, display: str) -> Diagnostic | None:
    """When a syntax error follows a value that opens a quote and never closes it, point at that line.

    A quoted string may span lines in YAML, so libyaml only stumbles where the
    next quote happens to be, often lines later; a person needs the opening line.
    Only quotes that start a value count, so an apostrophe in plain text does not.
    """
    if error.problem_mark is None:
        return None
    for number, line in enumerate(text.splitlines()[: error.problem_mark.line], start=1):
        opening = _OPENING_QUOTE.search(line)
        if opening and not line.lstrip().startswith("#") and _unbalanced(line[opening.start(1):], opening.group(1)):
            from ktcn.records.yaml_problems import unclosed_quote

            problem, advice = unclosed_quote(error.problem_mark.line + 1)
            return diag("KTCN001", display, number, opening.start(1) + 1, problem=problem, advice=advice)
    return None


def _unbalanced(rest: str, quote: str) -> bool:
    escaped = rest.replace('\\\\', "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
    return escaped.count(quote) % 2 == 1


def _reader_error(error: yaml.YAMLError, text: str, display: str) -> Diagnostic:
    from ktcn.records.yaml_problems import explain

    position = getattr(error, "position", 0) or 0
    line = _line_of(text, position)
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    reason = getattr(error, "reason", None) or str(error).splitlines()[0]
    problem, advice = explain(reason)
    return diag("KTCN001", display, line, column, problem=problem, advice=advice)


def pairs(node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
    """A mapping's (key, value) node pairs, with `<<` merge keys applied as YAML defines them.

    Without a merge key (nearly always) this is `node.value` itself, not a
    copy: the converter calls it for every mapping of every file, and tells
    by identity whether merge sources are to be checked.
    """
    entries: list[tuple[yaml.Node, yaml.Node]] = node.value
    for key, _ in entries:
        if key.tag == MERGE_TAG:
            return list(_merged(entries))
    return entries


def _merged(entries: list[tuple[yaml.Node, yaml.Node]]) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    """The pairs of a mapping that has merge keys: its own first, then the merged ones it does not override."""
    merged: list[tuple[yaml.Node, yaml.Node]] = []
    own: list[tuple[yaml.Node, yaml.Node]] = []
    for key, value in entries:
        if key.tag == MERGE_TAG:
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in sources:
                if isinstance(source, yaml.MappingNode):
                    merged.extend(pairs(source))
        else:
            own.append((key, value))
    names = {key.value for key, _ in own if isinstance(key, yaml.ScalarNode)}
    yield from own
    seen: set[str] = set()
    for key, value in merged:
        text = key.value if isinstance(key, yaml.ScalarNode) else None
        if text is None or (text not in names and text not in seen):
            seen.add(text or "")
            yield key, value


def locate(root: yaml.Node | None, keypath: tuple[str | int, ...], at_key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the value at `keypath`, or of its key; the nearest found."""
    node, key_node = root, None
    for part in keypath:
        child = _child(node, part)
        if child is None:
            break
        key_node, node = child
    mark_node = key_node if at_key and key_node is not None else node
    if mark_node is None:
        return 1, 1
    return mark_node.start_mark.line + 1, mark_node.start_mark.column + 1


def _child(node: yaml.Node | None, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(part, int) and isinstance(node, yaml.SequenceNode) and part < len(node.value):
        return None, node.value[part]
    if isinstance(part, str) and isinstance(node, yaml.MappingNode):
        for key, value in pairs(node):
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return key, value
    return None
