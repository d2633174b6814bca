"""The site's templates: Jinja, in the same sandbox as the report templates, overridable by the workspace.

A page template `NAME.html.j2` (and the stylesheet `site.css` and script
`site.js`) is looked up in the workspace's `templates/site/`, then among the
built-in ones; only regular files inside those folders are read, links
resolved (`ktcn.outputs.template_loader`).  A workspace's templates are data, not
code: when it has any, every page renders in Jinja's immutable sandbox.  The
built-in templates alone are ktcn's own code and render without the
sandbox's checks, which cost a national site half its time.  Either way
`StrictUndefined` makes a misspelt field fail loudly, and HTML is escaped
unless a value is markup made here (a link, a chip, a chart).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ktcn.errors import UsageError
from ktcn.outputs.site.words import say
from ktcn.outputs.templating import built_in_folder

if TYPE_CHECKING:
    from ktcn.records.cache import Cache

FOLDER = "site"
ASSETS = ("site.css", "site.js")


def folders(workspace_root: Path) -> list[Path]:
    """Where site templates are looked up, first match wins: the workspace's, then the built-in ones."""
    return [workspace_root / "templates" / FOLDER, built_in_folder() / FOLDER]


def environment(workspace_root: Path, lang: str, cache: Cache | None = None) -> Any:
    """A Jinja environment for the site's pages in `lang`, sandboxed when the workspace has templates of its own;
    with `cache`, templates compiled by an earlier build are loaded from it (`ktcn.outputs.site.compiled`)."""
    from jinja2 import ChoiceLoader, Environment, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from ktcn.outputs.site.compiled import SealedTemplates
    from ktcn.outputs.site.constant_words import ConstantWords
    from ktcn.outputs.template_loader import ContainedLoader

    found = [f for f in folders(workspace_root) if f.is_dir()]
    kind = ImmutableSandboxedEnvironment if overridden(workspace_root) else Environment
    compiled = SealedTemplates(cache, kind.__name__, lang) if cache is not None and cache.enabled else None
    # auto_reload off: a build reads each template once, instead of checking its file before every page
    env = kind(loader=ChoiceLoader([ContainedLoader(str(f)) for f in found]), undefined=StrictUndefined,
               autoescape=True, trim_blocks=True, lstrip_blocks=True, auto_reload=False, cache_size=-1,
               extensions=[ConstantWords], bytecode_cache=compiled)
    env.globals["t"] = lambda key, **values: say(key, lang, **values)
    env.filters["num"] = lambda number: grouped(number, lang)
    env.globals["lang"] = lang  # before any template is compiled: ConstantWords writes the words in it
    return env


def grouped(number: int, lang: str) -> str:
    """169586 as people read it: 169.586 in Vietnamese, 169,586 in English."""
    return f"{number:,}".replace(",", "." if lang == "vi" else ",")


def compile_all(env: Any) -> None:
    """Compile every page template now, once, rather than in each worker process after the fork."""
    from jinja2 import TemplateError

    for name in env.list_templates(filter_func=lambda n: n.endswith(".html.j2")):
        with contextlib.suppress(TemplateError):  # said, with its place, when a page is rendered with it
            env.get_template(name)


def overridden(workspace_root: Path) -> bool:
    """Whether the workspace has site templates of its own (anything at all in its templates/site/)."""
    own = folders(workspace_root)[0]
    return os.path.lexists(own) and (not own.is_dir() or any(own.iterdir()))


def render(env: Any, name: str, context: dict[str, Any]) -> str:
    """Render the page template `name`; a template's own mistake is a usage error naming it, not a crash."""
    from jinja2 import TemplateError, TemplateSyntaxError

    lang = env.globals["lang"]
    try:
        return env.get_template(name).render(**context)
    except TemplateSyntaxError as error:
        problem = f"{error.filename or name}:{error.lineno}: {error.message}"
        raise UsageError(say("template.failed", lang, name=name, problem=problem),
                         say("template.hint", lang)) from error
    except (TemplateError, ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as error:
        raise UsageError(say("template.failed", lang, name=name, problem=f"{type(error).__name__}: {error}"),
                         say("template.hint", lang)) from error


def asset(env: Any, name: str) -> str:
    """The text of a stylesheet or script, the workspace's own if it has one (read, not rendered)."""
    from jinja2 import TemplateError

    try:
        source, _, _ = env.loader.get_source(env, name)
    except TemplateError as error:
        lang = env.globals["lang"]
        raise UsageError(say("template.failed", lang, name=name, problem=str(error)), say("template.hint", lang)) \
            from error
    return source
