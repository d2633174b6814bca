"""ktcn: science-and-technology programmes kept as YAML records in git."""

__version__ = "0.1.0"
