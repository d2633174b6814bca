"""Where each page of the site lives, and links made relative to the page they are on."""

from __future__ import annotations

import re

from ktcn.outputs.site.rows import TOP

_SAFE = re.compile(r"[a-z0-9][a-z0-9-]*")


def safe(name: str) -> str:
    """An id as a file name: a slug as it is; anything else spelt out, so no id can name another file."""
    if _SAFE.fullmatch(name):
        return name
    return "_" + "".join(c if c.isascii() and (c.isalnum() or c == "-") else f"_{ord(c):x}_" for c in name.lower())


def programme_href(programme_id: str) -> str:
    return f"p/{safe(programme_id)}.html"


def task_href(programme_id: str, task_id: str) -> str:
    return f"t/{safe(programme_id)}/{safe(task_id)}.html"


def agency_href(agency_id: str) -> str:
    return f"a/{safe(agency_id)}.html"


def depth_prefix(href: str) -> str:
    """How a page at `href` reaches the site's top folder: '', '../' or '../../'."""
    return "../" * href.count("/")


def relink(html: str, href: str) -> str:
    """The page at `href` with the links made here (`TOP`) made relative to it, so the site works from any folder.

    Escaped text cannot hold `="@/`: autoescape writes every quote of text as &#34;.
    """
    prefix = depth_prefix(href)
    return html.replace(f'href="{TOP}', f'href="{prefix}').replace(f'src="{TOP}', f'src="{prefix}')
