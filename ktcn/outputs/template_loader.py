"""Where report templates may be read from: regular files inside their folders, links resolved.

Jinja's own file loader refuses names that climb out (`../../etc/passwd`) but
follows links, so `templates/x.md.j2 -> /etc/passwd` would put a file of the
machine into a report.  Imported only when a report is rendered.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, TemplateError, TemplateNotFound
from jinja2.loaders import split_template_path


class ContainedLoader(FileSystemLoader):
    """Jinja's file loader, reading only regular files that stay inside the folder once links are resolved."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        """The template's source, checked before a byte is read (a link to /dev/zero must not be opened)."""
        pieces = split_template_path(template)  # refuses names with '..'
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if not os.path.lexists(candidate):
                continue
            real = candidate.resolve()
            if not (real.is_relative_to(Path(folder).resolve()) and real.is_file()):
                # Not TemplateNotFound: the next folder's template of that name must not stand in silently.
                raise TemplateError(f"{candidate} is not a regular file inside {folder} (links out are not read)")
            return super().get_source(environment, template)
        raise TemplateNotFound(template)
