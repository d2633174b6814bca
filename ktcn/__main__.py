"""`python -m ktcn` works like `ktcn`."""

from ktcn.cli import main

main()
