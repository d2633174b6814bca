"""`ktcn site`: build the static site of a workspace on a day, page by page.

The work that grows with the records, computing every occurrence and writing
the page of each programme and task, runs per programme, over the CPU cores
for a large workspace (`ktcn.records.fanout`); each programme gives back its standing
and the little the other pages need of it.  The standings make the same
`Board` that `ktcn status` reads, and the overview, the agencies and the
overdue list are built from it by the status views' own functions, so every
count on the site is a count of `ktcn status`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ktcn import __version__
from ktcn.engine.standing import Board, Standing, standing_of
from ktcn.outputs.site.board_pages import BoardPages, categories_chart, quarter_chart, row_filters
from ktcn.outputs.site.links import depth_prefix, programme_href, relink
from ktcn.outputs.site.output import Writer, Written, finish, prepare
from ktcn.outputs.site.pages import (
    ItemRow,
    Site,
    TaskRow,
    TaskViews,
    figures,
    item_row,
    programme_fields,
    quarters_done,
    section_heading,
    sections,
    task_views,
)
from ktcn.outputs.site.render import compile_all, environment, render
from ktcn.outputs.site.rows import Rows
from ktcn.records.cache import Cache
from ktcn.records.model import Programme, Workspace
from ktcn.views.viewmodel import due_between

CHIPS_ON_PROGRAMME_PAGE = 12
FULL_LOG = 120  # updates a programme page shows whole; beyond, each task's latest few
LOG_ON_PROGRAMME_PAGE = 3
CHUNKS = 32  # per worker, of the programmes and of the board's pages (`fan_out`'s pieces)


@dataclass(frozen=True)
class SiteOptions:
    """Where the site goes and what it shows besides the records: the upcoming horizon, the commits reviewed."""

    folder: Path
    lang: str
    days: int
    changes: int
    use_cache: bool = True  # the workspace's cache keeps the compiled templates too (`ktcn.outputs.site.compiled`)


@dataclass(frozen=True)
class Built:
    """What a build did: pages made, files written (the others were already there), old files removed."""

    pages: int
    changed: int
    removed: int


@dataclass(frozen=True)
class _Programme:
    """What one programme gives the rest of the site (it comes back from a worker process)."""

    standing: Standing
    rows: tuple[TaskRow, ...]
    quarters: dict[tuple[int, int], tuple[int, int]]
    upcoming: tuple[ItemRow, ...]
    listed: dict[tuple[str, str], ItemRow]  # its overdue and due-soon occurrences as lists show them, by (task, label)
    written: Written


def build_site(ws: Workspace, as_of: date, options: SiteOptions, problems: Sequence[tuple[str, str]] = ()) -> Built:
    """Build the site of `ws` on `as_of` into `options.folder`; `problems`: files with errors, to name on the overview.

    Files whose bytes are already there are not written again, and files an
    earlier build made that this one does not are removed.
    """
    import gc

    from ktcn.records.collector import gc_paused

    # The workspace, and what the programmes give back, live for the whole build: the collector's passes only
    # walked over them again and again.  Frozen (gc.freeze), the parent's objects were no longer walked by the
    # workers, but the parent still walked what it received, and each worker what it made: counted with
    # gc.callbacks on a national build, 2,000-2,400 collections in each process, some 15 s of CPU in all.
    # Paused here (forked workers inherit the pause); what a page leaves in cycles is freed by `young_garbage`.
    with gc_paused():
        try:
            return _build(ws, as_of, options, problems)
        finally:
            gc.unfreeze()  # what `hand_down` froze can be collected again


def _build(ws: Workspace, as_of: date, options: SiteOptions, problems: Sequence[tuple[str, str]]) -> Built:
    from ktcn.outputs.site.changes import recent_changes
    from ktcn.records.fanout import fan_out

    before = prepare(options.folder)
    site = Site(options.lang, as_of, ws.settings.name, ws.agency_index, {p.id: p for p in ws.programmes},
                ws.settings.warn_days, options.days, __version__)
    env = environment(ws.root, options.lang, Cache(ws.root) if options.use_cache else None)
    compile_all(env)
    # Before any page: whether there is a history decides whether every page links to the "what changed" page.
    changes = recent_changes(ws.root, as_of, options.lang, options.changes)
    shared = _Shared(site, env, options, ws, before, changes)
    work = sum(len(p.tasks) for p in ws.programmes) * 2_000  # fan_out weighs bytes: about that much per task
    hand_down()
    # Programmes weigh from a few tasks to hundreds: in small chunks, no core waits long for the other at the end.
    found: list[_Programme] = list(fan_out(shared.programme, range(len(ws.programmes)), work, pieces=CHUNKS))
    board = Board(ws.root, as_of, ws.settings, ws.agencies, tuple(f.standing for f in found), ws.diagnostics,
                  ws.left_out)
    writer = Writer(options.folder, before)
    for result in found:
        writer.done.merge(result.written)
    pages = BoardPages(shared, writer, board, found, problems)
    pages.write_all()
    removed = finish(options.folder, before, writer.done.files)
    return Built(sum(name.endswith(".html") for name in writer.done.files), writer.done.changed, removed)


def hand_down() -> None:
    """Before workers are forked: what this process made so far is set aside (gc.freeze), where a collection
    in a worker (`young_garbage`) never walks it.  With the collector paused nothing was collected, so all of it
    is still among the youngest objects: the first collection in each worker would walk it all (a national
    board's results: a second or more) and touch every page of it, which the fork had shared.
    """
    import gc

    gc.freeze()


def young_garbage() -> None:
    """Free what the last programme or page left in reference cycles, while the collector is paused.

    A template that imports macros with its context (a programme's page, the lists) leaves that context, and the
    rows it was given, in a cycle (Jinja's Macro and Context).  Nothing has been collected since the last call,
    so all of it is still among the youngest objects: collecting that generation finds it, walking only what
    was made since (on a national build, 0.7 ms a programme against some 37 ms of its work).
    """
    import gc

    gc.collect(0)


def _without_logs(standing: Standing) -> Standing:
    """The standing without its occurrences' updates nor their tasks' logs, to travel back from a worker: a
    national board would carry 118,000 overdue occurrences' logs to one process, where the board needs a task's id.
    """
    tasks: dict[str, Any] = {}

    def bare(occurrence: Any) -> Any:
        task = tasks.get(occurrence.task.id)
        if task is None:
            task = tasks[occurrence.task.id] = replace(occurrence.task, updates=())
        return replace(occurrence, updates=(), task=task)

    return replace(standing, overdue=tuple(map(bare, standing.overdue)), due_soon=tuple(map(bare, standing.due_soon)))


def _lean(row: Any) -> Any:
    return row.lean()


def _whole(row: Any) -> Any:
    return row


def _implemented_by(programmes: Sequence[Programme]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for programme in programmes:
        for target in programme.implements:
            found[target].append(programme.id)
    return found


class _Shared:
    """What every page is made with; forked workers inherit it, so only a programme's index travels to them."""

    def __init__(self, site: Site, env: Any, options: SiteOptions, ws: Workspace, previous: set[str],
                 changes: list[Any] | None) -> None:
        self.site, self.env, self.options, self.ws = site, env, options, ws
        self.folder = options.folder
        self.implemented_by = _implemented_by(ws.programmes)
        self.previous = previous  # the files the previous build made: only those may need no writing
        self.changes = changes  # the reviews of the last commits; None: no such page (the records are not in git)
        self.has_changes = changes is not None
        # Rows travel back from the workers lean (markup and what the lists sort and filter by) unless the
        # workspace has templates of its own (then sandboxed), which may lay a row out field by field.
        self.lean = not env.sandboxed
        self._frames: dict[tuple[str, str, str, bool], Markup] = {}

    def page(self, writer: Writer, href: str, template: str, title: str, nav: str, **context: Any) -> None:
        """Render one page at `href` (relative to the site's top) and write it."""
        root = depth_prefix(href)
        common = {"root": root, "nav": nav, "site": self.site_fields()}
        html = render(self.env, template, {**common, "title": title, "header": self.frame("_header.html.j2", common),
                                           "footer": self.frame("_footer.html.j2", common), **context})
        writer.write(href, relink(html, href))

    def site_fields(self) -> dict[str, Any]:
        site = self.site
        return {"name": site.name, "as_of": site.day(site.as_of), "version": site.version,
                "has_changes": self.has_changes}

    def frame(self, template: str, common: dict[str, Any]) -> Markup:
        """The header or footer of pages at one depth with one current page: the same on thousands of pages."""
        key = (template, common["root"], common["nav"], self.has_changes)
        if key not in self._frames:
            self._frames[key] = Markup(render(self.env, template, common))
        return self._frames[key]

    def programme(self, index: int) -> _Programme:
        """One programme's page and its tasks' pages; its standing and what the other pages need of it."""
        from ktcn.engine.schedule import programme_bounds
        from ktcn.engine.status import task_occurrences
        from ktcn.engine.working_days import deadline_shift

        site, programme = self.site, self.ws.programmes[index]
        bounds, shift = programme_bounds(programme), deadline_shift(self.ws.settings)
        found = [(task, task_occurrences(task, bounds, site.as_of, site.warn_days, site.agencies, shift=shift,
                                         tasks=programme.tasks))
                 for task in programme.tasks]
        standing = standing_of(programme, found, site.as_of, site.warn_days)
        writer = Writer(self.folder, self.previous)
        # A programme with a long log shows each task's latest few updates; the task's page has them all.
        log_limit = None if sum(len(t.updates) for t in programme.tasks) <= FULL_LOG else LOG_ON_PROGRAMME_PAGE
        views = [task_views(site, programme, task, occurrences, CHIPS_ON_PROGRAMME_PAGE, log_limit)
                 for task, occurrences in found]
        for view in views:
            self.page(writer, view.row.href, "task.html.j2", view.row.title, "programmes", task=view.page,
                      crumbs=[view.page["programme"]])
        quarters = quarters_done((o for _, occurrences in found for o in occurrences), site.as_of)
        self._programme_page(writer, programme, standing, quarters, views)
        until = site.as_of + timedelta(days=site.days)
        said = _lean if self.lean else _whole
        upcoming = tuple(said(item_row(site, o)) for _, occurrences in found for o in occurrences
                         if due_between(o, site.as_of, until))
        # The lists' rows are said here, over the cores.
        listed = {(o.task.id, o.label): said(item_row(site, o)) for o in (*standing.overdue, *standing.due_soon)}
        young_garbage()  # what its pages left
        return _Programme(_without_logs(standing), tuple(said(view.row) for view in views), quarters, upcoming,
                          listed, writer.done)

    def _programme_page(self, writer: Writer, programme: Programme, standing: Standing,
                        quarters: dict[tuple[int, int], tuple[int, int]], views: list[TaskViews]) -> None:
        site = self.site
        counts = standing.counts_for(None)
        cards = {view.row.task: view.card for view in views}
        # no heading level skipped: a task in a section of the document is a level-4 heading, else level 3
        groups = [(section_heading(key, site.lang), Rows(replace(cards[t.id], level=4) for t in tasks)) if key
                  else ("", Rows(cards[t.id] for t in tasks)) for key, tasks in sections(programme.tasks)]
        rows = [view.row for view in views]
        self.page(writer, programme_href(programme.id), "programme.html.j2", programme.title, "programmes",
                  programme=programme_fields(site, programme, self.implemented_by.get(programme.id, ())),
                  figures=figures(counts, site.lang), groups=groups, filters=row_filters(site, rows),
                  chart=categories_chart(site, "c1", [(site.programme_label(programme.id), counts)], one=True),
                  quarters=quarter_chart(site, "c2", quarters), year=site.as_of.year)
