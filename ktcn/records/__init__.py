"""The records: the model, reading YAML safely into it, checking it, and caching what reading gave."""
