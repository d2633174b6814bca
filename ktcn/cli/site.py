"""Publishing: `site` builds the records as a static web site (`ktcn.outputs.site`), for any web server or a USB stick.

The command-line side only; registered on the app, in help order, by `ktcn.cli`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ktcn.cli.options import AsOfOption, Context, LangOption, NoCacheOption, RecordsOption


def site(
    output: Annotated[str, typer.Option("-o", "--output", metavar="DIR",
                                        help="The site's folder (made if missing; a rebuild rewrites only what "
                                             "changed).")],
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    days: Annotated[int | None, typer.Option("--days", min=0, max=3660,
                                             help="How far ahead the upcoming page looks (default: warn_days).")]
    = None,
    changes: Annotated[int, typer.Option("--changes", metavar="N", min=0, max=200,
                                         help="Commits the 'what changed' page reviews, when the records are in "
                                              "git (0: none).")] = 10,
) -> None:
    """Build a self-contained static web site of the records: overview, a page per programme, task and agency,
    overdue and upcoming lists, charts, search.

    It needs no server and fetches nothing: open index.html, or publish the folder
    with GitLab Pages, GitHub Pages or an intranet web server (README).

    Example:  ktcn site -o public --as-of 2025-12-31
    """
    from pathlib import Path

    from ktcn.outputs.site.build import SiteOptions, build_site
    from ktcn.outputs.site.output import check
    from ktcn.outputs.site.words import say

    check(Path(output))  # a folder the site may not go to is said before the records are read
    if not no_cache:
        _fill_cache(records, as_of)
    ctx = Context(records, as_of, lang, use_cache=not no_cache)
    ws = ctx.workspace
    horizon = ws.settings.warn_days if days is None else days
    problems = [(f.path, f.first.message(ctx.lang)) for f in ctx.omissions.files]
    options = SiteOptions(Path(output), ctx.lang, horizon, changes, use_cache=not no_cache)
    built = build_site(ws, ctx.as_of, options, problems)
    typer.echo(say("output.done", ctx.lang, folder=output, pages=built.pages, changed=built.changed,
                   removed=built.removed), err=True)
    ctx.finish()


def _fill_cache(records: str | None, as_of: str | None) -> None:
    """Parse what the cache lacks over the CPU cores first (as `validate` does), so that loading the whole
    workspace, which the site needs and which parses in one process, only reads the cache.  With the cache
    full this costs a warm `validate`: a few tenths of a second."""
    from ktcn.cli.options import parse_day
    from ktcn.records.loader import validate_workspace
    from ktcn.records.workspace_files import find_root

    validate_workspace(find_root(records), parse_day(as_of))
