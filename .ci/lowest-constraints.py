"""Print pip constraints that pin each runtime dependency to the lowest version pyproject.toml allows.

Every entry of ``[project].dependencies`` must carry a lower bound (``>=X``, ``~=X`` or ``==X``); the
constraint is then ``name==X`` (with the entry's environment marker, if any). CI installs the package
with these constraints in a second virtual environment and runs the test suite, so each lower bound
in pyproject.toml is a tested promise.  Only the standard library is used (tomllib, Python 3.11+).

Usage: ``python .ci/lowest-constraints.py [pyproject.toml] > constraints.txt``
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

# name, optional [extras], version specifiers, optional "; marker" (PEP 508 without direct URLs).
REQUIREMENT = re.compile(
    r"""^\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*
        (?:\[[^\]]*\])?\s*
        (?P<specifiers>[^;]*?)\s*
        (?:;\s*(?P<marker>.+?))?\s*$""",
    re.VERBOSE,
)
CLAUSE = re.compile(r"^\s*(?P<op>~=|===|==|!=|<=|>=|<|>)\s*(?P<version>[^\s,]+)\s*$")
LOWER = ("~=", "==", ">=")


def lowest_pin(requirement: str) -> str:
    """Return the ``name==lowest`` constraint line for one PEP 508 requirement string."""
    match = REQUIREMENT.match(requirement)
    if match is None:
        raise ValueError(f"cannot read requirement {requirement!r}")
    name, specifiers, marker = match["name"], match["specifiers"].strip(), match["marker"]
    if specifiers.startswith("(") and specifiers.endswith(")"):
        specifiers = specifiers[1:-1]
    lows: list[str] = []
    for clause in filter(None, (part.strip() for part in specifiers.split(","))):
        found = CLAUSE.match(clause)
        if found is None:
            raise ValueError(f"cannot read version clause {clause!r} in {requirement!r}")
        if found["op"] in LOWER:
            if "*" in found["version"]:
                raise ValueError(f"wildcard lower bound in {requirement!r}")
            lows.append(found["version"])
    if len(lows) != 1:
        raise ValueError(f"{requirement!r} needs exactly one lower bound (>=, ~= or ==), found {len(lows)}")
    pin = f"{name}=={lows[0]}"
    return f"{pin}; {marker}" if marker else pin


def constraints(pyproject: Path) -> list[str]:
    """Return one constraint line per entry of ``[project].dependencies`` in *pyproject*."""
    with pyproject.open("rb") as file:
        data = tomllib.load(file)
    dependencies: list[str] = data.get("project", {}).get("dependencies", [])
    return [lowest_pin(requirement) for requirement in dependencies]


def main(argv: list[str]) -> int:
    """Print the constraints for the pyproject.toml named in *argv* (default: the repository's own)."""
    pyproject = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        lines = constraints(pyproject)
    except (OSError, tomllib.TOMLDecodeError, ValueError) as error:
        print(f"lowest-constraints: {pyproject}: {error}", file=sys.stderr)
        return 1
    print(f"# .ci/lowest-constraints.py: the lowest versions {pyproject.name} [project].dependencies allows")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
