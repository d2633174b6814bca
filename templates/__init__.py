"""The built-in report templates (installed as the package data `ktcn.templates`)."""
