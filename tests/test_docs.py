"""The docs agree with the code: the table of diagnostic codes lists exactly what the registry holds."""

from __future__ import annotations

from pathlib import Path

from ktcn.records.diagnostics import CODES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _table_rows(text: str) -> dict[str, tuple[str, str]]:
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if line.startswith("| KTCN"):
            rows[cells[0]] = (cells[1], cells[2].replace("\\|", "|"))
    return rows


def test_codes_table_matches_the_registry():
    rows = _table_rows((DOCS / "diagnostics.md").read_text(encoding="utf-8"))
    expected = {
        c.code: (str(c.severity), c.message_en.replace("{{", "{").replace("}}", "}")) for c in CODES.values()
    }
    assert rows == expected


def test_every_code_has_both_languages():
    for code in CODES.values():
        assert all((code.message_vi, code.message_en, code.hint_vi, code.hint_en)), code.code
        assert code.message_vi != code.message_en, code.code


def test_every_subpackage_ships_in_the_wheel():
    import tomllib

    root = DOCS.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "ktcn").rglob("__init__.py")}
    assert found | {"ktcn.templates"} == listed
