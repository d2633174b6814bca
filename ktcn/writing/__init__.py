"""The commands that write records and files: `update`'s splice under its lock, atomic writes, `init`."""
