"""The same report gives the same bytes: timestamps pinned to the report's date and the zip written stably."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document


def deterministic_bytes(document: Document, day: date) -> bytes:
    """The saved document with every timestamp taken from `day` and a stable zip.

    python-docx stamps the current time into the core properties and into each zip entry; both are pinned
    so that the same report gives the same bytes (reviewable in git, reproducible in tests).
    """
    stamp = datetime.combine(day, time(0, 0))
    properties = document.core_properties
    properties.created = properties.modified = properties.last_printed = stamp
    properties.author, properties.last_modified_by = "ktcn", "ktcn"
    properties.comments, properties.revision = "", 1
    _drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


def _drop_thumbnail(document: Document) -> None:
    """The default template carries a thumbnail of some other document; file browsers would show it."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    package_rels = document.part.package.rels
    for key, relationship in list(package_rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package_rels[key]


def stable_zip(data: bytes, stamp: datetime, core_modified: bool = False) -> bytes:
    """The zip re-written with `[Content_Types].xml` first, then the entries by name, all dated `stamp`.

    With `core_modified`, the document's last-modified time (docProps/core.xml) is set to `stamp` too: openpyxl
    writes the time of saving there whatever the workbook's properties say.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    if core_modified and "docProps/core.xml" in entries:
        when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        entries["docProps/core.xml"] = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                              rb"\g<1>" + when + rb"\g<2>", entries["docProps/core.xml"])
    order = sorted(entries, key=lambda name: (name != "[Content_Types].xml", name))
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)  # zip cannot date before 1980
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # not the platform of the day: the same bytes everywhere
            info.external_attr = 0
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
