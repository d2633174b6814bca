"""The site's pages made from the whole board: the overview, the lists of programmes and agencies, each
agency's page, the overdue and upcoming lists, the changes and the search index (`build` makes the
programmes' own pages over the cores first)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ktcn.engine.standing import Board
from ktcn.engine.status import Counts
from ktcn.outputs.site import charts
from ktcn.outputs.site.links import agency_href, programme_href
from ktcn.outputs.site.output import Writer, Written
from ktcn.outputs.site.pages import ItemRow, Site, TaskRow, figures, overdue_age
from ktcn.outputs.site.render import ASSETS, asset
from ktcn.outputs.site.rows import Rows
from ktcn.outputs.site.search_index import Entry, shard_names, shards
from ktcn.outputs.site.words import quarter_numeral, say
from ktcn.views.viewmodel import Selection, agency_scorecard, chooses, overdue_items, status_view

if TYPE_CHECKING:
    from ktcn.outputs.site.build import _Programme, _Shared

TASKS_PER_PAGE = 150  # rows of a list of tasks on one page (about 1 KB each): each page stays under 300 KB
ITEMS_PER_PAGE = 150
FIRST_ON_AGENCY_PAGE = 60  # of each of an agency's three lists, on its own page
PROGRAMMES_PER_PAGE = 40
AGENCIES_PER_PAGE = 150
PAGER_REACH = 3  # a pager links the pages this close to its own, and the first and the last
OVERVIEW_PROGRAMMES = 12
OVERVIEW_AGENCIES = 15
OVERVIEW_ITEMS = 10


class BoardPages:
    """The pages made from the whole board: overview, lists, agencies, overdue, upcoming, changes, search."""

    def __init__(self, shared: _Shared, writer: Writer, board: Board, found: list[_Programme],
                 problems: Sequence[tuple[str, str]]) -> None:
        self.shared, self.site, self.writer, self.board = shared, shared.site, writer, board
        self.queue: list[tuple[str, str, str, str, dict[str, Any]]] = []
        self.weight = 0
        self.found, self.problems = found, problems
        self.view = status_view(board, Selection())
        self.everything = status_view(board, Selection(include_all=True))
        card = agency_scorecard(board, Selection())
        self.scorecard = card.rows  # the agencies' scorecard, in its (Vietnamese alphabetical) order
        said = {programme.id: result.listed for programme, result in zip(board.programmes, found, strict=True)}
        self.said = lambda occurrence: said[occurrence.programme][(occurrence.task.id, occurrence.label)]
        self.overdue = [self.said(o) for o in overdue_items(board, Selection())]
        active = {p.id for p in board.programmes if chooses(Selection(), p)}
        self.rows = [row for result in found for row in result.rows]
        self.upcoming = sorted((i for result in found for i in result.upcoming if i.programme in active),
                               key=lambda i: (i.deadline, i.programme, i.task))
        self.quarters = sum_quarters(r.quarters for r, p in zip(found, board.programmes, strict=True)
                                      if p.id in active)

    def write_all(self) -> None:
        self.changes()
        self.overview()
        self.programmes()
        self.agencies()
        self.items("overdue", self.overdue, "overdue.heading", "overdue.intro", until=None)
        self.items("upcoming", self.upcoming, "upcoming.heading", "upcoming.intro",
                   until=self.site.as_of + timedelta(days=self.site.days))
        self.search()
        self.render_queued()
        for name in ASSETS:
            self.writer.write(f"assets/{name}", asset(self.shared.env, name))

    def page(self, href: str, template: str, title: str, nav: str, weight: int = 1, **context: Any) -> None:
        """Queue a page; `render_queued` makes them all, over the cores for a large site."""
        self.queue.append((href, template, title, nav, context))
        self.weight += weight

    def render_queued(self) -> None:
        from ktcn.outputs.site.build import CHUNKS, hand_down
        from ktcn.records.fanout import fan_out

        hand_down()
        # pages weigh unevenly (an agency's holds three lists): small chunks keep both cores busy to the end
        for written in fan_out(self._render, range(len(self.queue)), self.weight * 2_000, pieces=CHUNKS):
            self.writer.done.merge(written)
        self.queue.clear()

    def _render(self, index: int) -> Written:
        """One queued page, here or in a worker process (which inherits the queue: only the index travels)."""
        href, template, title, nav, context = self.queue[index]
        from ktcn.outputs.site.build import young_garbage

        writer = Writer(self.shared.folder, self.shared.previous)
        self.shared.page(writer, href, template, title, nav, **context)
        young_garbage()  # what the page left
        return writer.done

    # --- overview ------------------------------------------------------------------------------------

    def overview(self) -> None:
        site, view = self.site, self.view
        lang = site.lang
        ranked = sorted(view.programmes, key=lambda s: (-s.counts.overdue, -s.counts.total, s.programme.id))
        top = ranked[:OVERVIEW_PROGRAMMES] if len(ranked) > OVERVIEW_PROGRAMMES * 2 else list(view.programmes)
        inactive = [s for s in self.everything.programmes if not chooses(Selection(), s.programme)]
        self.page("index.html", "index.html.j2", say("overview.title", lang), "overview",
                  heading=say("status.title", lang, day=site.day(site.as_of)), figures=figures(view.totals, lang),
                  programmes=[self._programme_row(s) for s in top], all_programmes=len(view.programmes),
                  totals=view.totals, inactive=[self._programme_row(s) for s in inactive[:OVERVIEW_PROGRAMMES]],
                  all_inactive=len(inactive),
                  chart=categories_chart(site, "c1", [(site.programme_label(s.programme.id), s.counts)
                                                       for s in ranked[:OVERVIEW_PROGRAMMES]]),
                  agencies=self._rate_chart("c2", OVERVIEW_AGENCIES), ages=self._age_chart("c3"),
                  quarters=quarter_chart(site, "c4", self.quarters),
                  overdue=Rows(self.overdue[-OVERVIEW_ITEMS:][::-1]),
                  overdue_total=len(self.overdue), due_soon_total=view.due_soon_total,
                  due_soon=Rows(self.said(o) for o in view.due_soon[:OVERVIEW_ITEMS]),
                  warn_days=site.warn_days, problems=self.problems, year=site.as_of.year)

    def _programme_row(self, summary: Any) -> dict[str, Any]:
        programme = summary.programme
        return {"id": programme.id, "link": self.site.programme_link(programme.id), "title": programme.title,
                "state": programme.state, "counts": summary.counts, "figures": figures(summary.counts, self.site.lang)}

    def _rate_chart(self, key: str, limit: int | None) -> charts.Chart:
        """On-time rate per lead agency with its base: the agencies with most occurrences due, lowest rate first."""
        site, lang = self.site, self.site.lang
        rated = [r for r in self.scorecard if r.counts.due]
        if limit is not None:
            rated = sorted(rated, key=lambda r: (-r.counts.due, r.agency))[:limit]
        rated.sort(key=lambda r: (r.counts.done_on_time / r.counts.due, -r.counts.due, r.agency))
        bars = [(site.agency_name(r.agency), 100 * r.counts.done_on_time / r.counts.due,
                 f"{round(100 * r.counts.done_on_time / r.counts.due)}% ({r.counts.done_on_time}/{r.counts.due})")
                for r in rated]
        table = [(site.agency_name(r.agency), f"{round(100 * r.counts.done_on_time / r.counts.due)}%",
                  str(r.counts.done_on_time), str(r.counts.due)) for r in rated]
        chart = charts.value_bars(key, say("chart.on_time", lang), say("chart.on_time_desc", lang), bars,
                                  ("", say("chart.rate", lang), say("done_on_time", lang), say("chart.base", lang)),
                                  table, full=100)
        return replace(chart, empty_words=say("chart.empty.rate", lang))

    def _age_chart(self, key: str) -> charts.Chart:
        lang = self.site.lang
        ages = [0] * 6
        for item in self.overdue:
            ages[overdue_age(item.days) - 1] += 1
        rows = [(say(f"age.{i + 1}", lang), n, str(n)) for i, n in enumerate(ages)] if self.overdue else []
        chart = charts.value_bars(key, say("chart.overdue_age", lang), say("chart.overdue_age_desc", lang), rows,
                                  (say("chart.age", lang), say("chart.count", lang)),
                                  [(name, words) for name, _, words in rows])
        return replace(chart, empty_words=say("chart.empty.age", lang))

    # --- lists -------------------------------------------------------------------------------------------

    def programmes(self) -> None:
        site, lang = self.site, self.site.lang
        summaries = list(self.everything.programmes)
        for number, chunk, pager in paged("programmes", summaries, PROGRAMMES_PER_PAGE):
            rows = [self._programme_row(s) for s in chunk]
            self.page(pager["href"], "programmes.html.j2", say("programmes.title", lang), "programmes",
                      programmes=rows, pager=pager, year=site.as_of.year,
                      chart=categories_chart(site, f"c{number}", [(site.programme_label(s.programme.id), s.counts)
                                                                   for s in chunk]))

    def items(self, name: str, items: list[ItemRow], heading: str, intro: str, until: date | None) -> None:
        site, lang = self.site, self.site.lang
        words = say(intro, lang, n=len(items), day=site.day(site.as_of), until=site.day(until))
        for _, chunk, pager in paged(name, items, ITEMS_PER_PAGE):
            self.page(pager["href"], "items.html.j2", say(heading, lang), name, len(chunk), heading=say(heading, lang),
                      intro=words, items=Rows(chunk), pager=pager,
                      filters=item_filters(site, chunk), days_late=name == "overdue")

    # --- agencies ---------------------------------------------------------------------------------------------

    def agencies(self) -> None:
        from ktcn.views.collation import sort_key

        site, lang = self.site, self.site.lang
        scored = {r.agency: r for r in self.scorecard}
        everyone = sorted(set(site.agencies) | set(scored), key=lambda a: (sort_key(site.agency_name(a, True)), a))
        rows = [{"id": a, "link": site.agency_link(a), "name": site.agency_name(a, True),
                 "agency": site.agencies.get(a), "until_text": site.day(site.agencies[a].until) if a in site.agencies
                 else "",
                 "successor": site.agency_link(site.agencies[a].succeeded_by) if a in site.agencies and
                 site.agencies[a].succeeded_by else None,
                 "figures": figures(scored[a].counts, lang) if a in scored else None} for a in everyone]
        chart = self._rate_chart("c1", None if len(self.scorecard) <= 40 else 40)
        for _, chunk, pager in paged("agencies", rows, AGENCIES_PER_PAGE):
            self.page(pager["href"], "agencies.html.j2", say("agencies.title", lang), "agencies", agencies=chunk,
                      pager=pager, chart=chart if pager["number"] == 1 else None, year=site.as_of.year)
        leads, supports = defaultdict(list), defaultdict(list)
        for row in self.rows:
            for agency in row.lead:
                leads[agency].append(row)
            for agency in row.support:
                supports[agency].append(row)
        overdue = defaultdict(list)
        for item in self.overdue:
            for agency in item.lead:
                overdue[agency].append(item)
        predecessors = defaultdict(list)
        for agency in site.agencies.values():
            if agency.succeeded_by:
                predecessors[agency.succeeded_by].append(agency.id)
        for agency_id in site.agencies:
            self._agency(agency_id, scored.get(agency_id), overdue[agency_id], leads[agency_id],
                         supports[agency_id], predecessors[agency_id])

    def _agency(self, agency_id: str, scored: Any, overdue: list[ItemRow], leads: list[TaskRow],
                supports: list[TaskRow], predecessors: list[str]) -> None:
        site, lang = self.site, self.site.lang
        agency = site.agencies[agency_id]
        href = agency_href(agency_id)
        base = href.removesuffix(".html")
        lists = {}
        for key, rows, per_page in (("overdue", overdue, ITEMS_PER_PAGE), ("leads", leads, TASKS_PER_PAGE),
                                    ("supports", supports, TASKS_PER_PAGE)):
            pages = paged(f"{base}-{key}", rows, per_page, first=href, first_size=FIRST_ON_AGENCY_PAGE)
            filters = item_filters if key == "overdue" else row_filters
            lists[key] = {"rows": Rows(pages[0][1]), "total": len(rows), "more": pages[1][2]["href"] if len(pages) > 1
                          else "", "filters": filters(site, pages[0][1])}
            for _, chunk, pager in pages[1:]:
                self.page(pager["href"], "agency_list.html.j2", site.agency_name(agency_id, True), "agencies",
                          len(chunk), agency=site.agency_link(agency_id), kind=key, rows=Rows(chunk), pager=pager,
                          filters=filters(site, chunk), crumbs=[site.agency_link(agency_id)])
        self.page(href, "agency.html.j2", agency.name, "agencies", sum(len(v["rows"]) for v in lists.values()) + 1,
                  agency=agency,
                  successor=site.agency_link(agency.succeeded_by) if agency.succeeded_by else None,
                  until=site.day(agency.until), predecessors=[site.agency_link(a) for a in predecessors],
                  parent=site.agency_link(agency.parent) if agency.parent else None,
                  figures=figures(scored.counts, lang) if scored else None, lists=lists, year=site.as_of.year)

    # --- what changed, search ---------------------------------------------------------------------------------

    def changes(self) -> None:
        site, lang = self.site, self.site.lang
        found = self.shared.changes
        if found is None:
            return
        self.page("changes.html", "changes.html.j2", say("changes.heading", lang), "changes",
                  changes=[{"day": site.day(c.day), "commit": c.commit[:10], "subject": c.subject,
                            "review": c.review} for c in found])

    def search(self) -> None:
        lang = self.site.lang
        texts = shards(self._entries())
        names = shard_names(len(texts))
        for name, text in zip(names, texts, strict=True):
            self.writer.write(name, text)
        categories = [(c, say(c, lang)) for c in ("overdue", "in_progress", "done_late", "done_on_time", "ongoing",
                                                   "cancelled", "upcoming")]
        years = sorted({y for row in self.rows for y in row.years})
        self.page("search.html", "search.html.j2", say("search.heading", lang), "search", shards=names,
                  categories=categories, years=years)

    def _entries(self) -> list[Entry]:
        site = self.site
        entries = []
        by_programme: dict[str, list[TaskRow]] = defaultdict(list)
        for row in self.rows:
            by_programme[row.programme].append(row)
        for programme in self.board.programmes:
            full = site.programmes[programme.id]
            rows = by_programme[programme.id]
            entries.append(Entry("p", programme_href(programme.id), programme.title,
                                 " · ".join(filter(None, (programme.number, say(f"state.{programme.state}",
                                                                                  site.lang)))),
                                 tuple(dict.fromkeys(a for r in rows for a in r.lead)) or full.issuers,
                                 tuple(dict.fromkeys(c for r in rows for c in r.categories)),
                                 tuple(sorted({y for r in rows for y in r.years})), programme.id))
        for row in self.rows:
            names = ", ".join(site.agency_name(a) for a in row.lead)
            entries.append(Entry("t", row.href, row.title, f"{row.programme_label} · {row.task} · {names}",
                                 row.lead, row.categories, row.years, f"{row.programme}/{row.task}"))
        for agency in site.agencies.values():
            entries.append(Entry("a", agency_href(agency.id), agency.name, agency.short or "", (agency.id,),
                                 extra=" ".join((agency.id, *agency.aliases))))
        return entries


# --- helpers ---------------------------------------------------------------------------------------------------


def paged(name: str, rows: Sequence[Any], per_page: int, first: str | None = None,
           first_size: int | None = None) -> list[tuple[int, Sequence[Any], dict[str, Any]]]:
    """`rows` cut into pages: `name.html` (or `first`), `name-2.html`, ...; each with its pager.

    The first page may hold fewer rows (`first_size`): an agency's page carries three lists.
    """
    head = per_page if first_size is None else first_size
    starts = [0, *range(head, len(rows), per_page)] if len(rows) > head else [0]
    total = len(starts)
    hrefs = [first or f"{name}.html", *(f"{name}-{n}.html" for n in range(2, total + 1))]
    pages = []
    for number, start in enumerate(starts, start=1):
        end = starts[number] if number < total else len(rows)
        pager = {"number": number, "total": total, "href": hrefs[number - 1],
                 "pages": [(n, hrefs[n - 1]) for n in pager_numbers(number, total)] if total > 1 else []}
        pages.append((number, rows[start:end], pager))
    return pages


def pager_numbers(number: int, total: int) -> list[int]:
    """The pages a pager links from page `number` of `total`: the first, the last and those within
    `PAGER_REACH` of this one.  A national overdue list has 700 pages: linking each from each was 1,400 links
    (100 KB) a page and an eighth of the build; from these every page is still a few steps away."""
    near = range(max(1, number - PAGER_REACH), min(total, number + PAGER_REACH) + 1)
    return sorted({1, total, *near})


def row_filters(site: Site, rows: Sequence[TaskRow]) -> dict[str, Any]:
    from ktcn.outputs.site.pages import counts_of_rows, filter_options

    return filter_options(site, *counts_of_rows(rows))


def item_filters(site: Site, items: Sequence[ItemRow]) -> dict[str, Any]:
    from ktcn.outputs.site.pages import filter_options

    return filter_options(site, (a for i in items for a in i.lead), (i.status for i in items),
                          (i.deadline.year for i in items))


def sum_quarters(parts: Any) -> dict[tuple[int, int], tuple[int, int]]:
    total: dict[tuple[int, int], tuple[int, int]] = {}
    for part in parts:
        for key, (on_time, late) in part.items():
            was = total.get(key, (0, 0))
            total[key] = (was[0] + on_time, was[1] + late)
    return total


def categories_chart(site: Site, key: str, rows: list[tuple[str, Counts]], one: bool = False) -> charts.Chart:
    lang = site.lang
    names = {c: say(c, lang) for c in charts.CATEGORIES}
    title = say("chart.categories_one" if one else "chart.categories", lang)
    chart = charts.stacked_bars(key, title, say("chart.categories_desc", lang), [r for r in rows if r[1].total],
                                names, say("chart.total", lang))
    return replace(chart, empty_words=say("chart.empty.categories", lang))


def quarter_chart(site: Site, key: str, quarters: dict[tuple[int, int], tuple[int, int]]) -> charts.Chart:
    """Completion per quarter from the first quarter anything was done to the as-of day's quarter."""
    lang = site.lang
    if not quarters:
        columns: list[tuple[str, str, str, int, int]] = []
    else:
        year, quarter = min(quarters)
        last = (site.as_of.year, (site.as_of.month + 2) // 3)
        columns = []
        while (year, quarter) <= max(last, max(quarters)):
            on_time, late = quarters.get((year, quarter), (0, 0))
            q = quarter_numeral(quarter, lang)
            columns.append((say("quarter", lang, q=q, year=year), say("quarter.short", lang, q=q),
                            str(year), on_time, late))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    chart = charts.quarter_columns(key, say("chart.quarterly", lang), say("chart.quarterly_desc", lang), columns,
                                   (say("done_on_time", lang), say("done_late", lang)),
                                   (say("chart.quarter", lang), say("done_on_time", lang), say("done_late", lang),
                                    say("chart.total", lang)))
    return replace(chart, empty_words=say("chart.empty.quarters", lang))

