"""The site's templates compiled once, kept in the workspace's cache: a build loads them instead of compiling.

Compiling the fourteen page templates cost every build about half a second
(a province's site takes three).  Jinja can keep a template's compiled code
(`BytecodeCache`); here it lives in the workspace's `.ktcn-cache/`, sealed
with the user's key like the cache's entries (`ktcn.records.cache.Cache.blob`): the
code is run when loaded, so a file planted in the folder must never be.

Jinja itself checks that the stored code was compiled from the template's
present source (its checksum) and by this Python and Jinja.  What it cannot
see is stored in the key: the language (`ConstantWords` writes the words into
the code), whether the templates render in the sandbox, and the code that
shapes the compiled text (the words, the extension, the environment's options).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

from ktcn.records.cache import Cache, blake2b

# The modules whose text decides what a template compiles to, besides its own source.
SHAPING = ("ktcn.labels", "ktcn.labels.commands", "ktcn.labels.importing", "ktcn.labels.review", "ktcn.labels.reports",
           "ktcn.outputs.site.words", "ktcn.outputs.site.constant_words", "ktcn.outputs.site.render")


class SealedTemplates(BytecodeCache):
    """Compiled templates in the workspace's cache, under a key of what shaped them."""

    def __init__(self, cache: Cache, kind: str, lang: str) -> None:
        self.cache = cache
        self.salt = f"site-template|{kind}|{lang}|{_shaping()}"

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return f"{self.salt}|{name}|{filename or ''}"

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.cache.blob(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # Jinja resets the bucket when the source or the versions differ

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.cache.store_blob(bucket.key, bucket.bytecode_to_string())


@lru_cache(maxsize=1)
def _shaping() -> str:
    """A digest of the source of the modules that shape compiled templates, and of Jinja's version."""
    import jinja2

    digest = blake2b(jinja2.__version__.encode(), digest_size=16)
    for name in SHAPING:
        module: Any = sys.modules.get(name) or __import__(name, fromlist=["_"])
        with open(module.__file__, "rb") as source:
            digest.update(source.read())
    return digest.hexdigest()
