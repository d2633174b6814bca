"""`python -m ktcn` works like `ktcn`."""

from ktcn.launch import main

main()
