"""The `ktcn` console script: answers `--version` at once, hands everything else to the command line.

`ktcn --version` is what scripts and bug reports ask first; it should not wait
for the command-line framework and every command to load.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        from ktcn import __version__

        sys.stdout.write(f"ktcn {__version__}\n")
        return
    if sys.implementation.cache_tag is not None:  # an interpreter that keeps bytecode: keep the record classes' too
        from ktcn.classcode import install

        install()
    from ktcn.cli import main as run

    run()
