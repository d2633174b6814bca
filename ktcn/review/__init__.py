"""`ktcn diff`: what a change to the records does, read from git, in the words a reviewer reads."""
