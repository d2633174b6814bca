"""A Jinja extension that writes each `{{ t('key') }}` of a site template as the word itself, when compiled.

A word with no values is the same on every page of a build (one language per
build), yet as an expression it costs a call through Jinja's runtime and an
escape on each of a national site's 66,000 pages: some twenty per task page.
Written into the template's text once, it costs nothing per page.  Only that
exact form is replaced (a literal key, no values, no filter); anything else,
and a word that would read as Jinja syntax, is left to run as written.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

from ktcn.outputs.site.rows import esc
from ktcn.outputs.site.words import say

_CONSTANT = re.compile(r"\{\{\s*t\(\s*'([A-Za-z0-9_.]+)'\s*\)\s*\}\}")
_SYNTAX = ("{{", "}}", "{%", "%}", "{#", "#}")


class ConstantWords(Extension):
    """Replaces `{{ t('key') }}` by the escaped word in the environment's language (`globals['lang']`)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        lang = self.environment.globals["lang"]
        return _CONSTANT.sub(lambda found: _word(found, lang), source)


def _word(found: re.Match[str], lang: str) -> str:
    try:
        text = esc(say(found.group(1), lang))
    except KeyError:
        return found.group(0)  # an unknown key fails at render time, with the template's name
    return found.group(0) if any(mark in text for mark in _SYNTAX) else text
