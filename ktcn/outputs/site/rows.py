"""The rows the site repeats by the hundred thousand: links, chips, occurrences, log entries, list rows.

Each is plain data for a template (`{{ row.title }}`, `{{ row.deadline_text }}`)
and also markup of its own (`__html__`), so that `{{ row }}` writes it whole.
The built-in templates write them whole: a national site has some 300,000
such rows, and making each in a few string operations instead of a dozen
template expressions halves the build.  A workspace's own template can still
lay a row out field by field.  Every piece of text is escaped here.

Links start at the site's top (`TOP`); each page makes them relative to itself
(`ktcn.outputs.site.links.relink`), so a row is the same markup on every page.  Rows
travel back from the worker processes by the hundred thousand: they have
slots and pickle as their constructor's arguments, as the records do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TypeVar

from ktcn.labels import label
from ktcn.outputs.site.words import say
from ktcn.records.model import pickled_by_arguments

TOP = "@/"  # links made here start at the site's top; each page replaces it with its own way up
SYMBOL = {"done_on_time": "✓", "done_late": "✓", "in_progress": "…", "overdue": "!", "ongoing": "↻",
          "cancelled": "–", "upcoming": "○"}


def escaped(text: str) -> str:
    """`text` as HTML, with the entities markupsafe's `escape` writes, but as a plain string.

    A national site escapes some two million strings here; `escape` makes a
    `Markup` object of each (a Python-level constructor in markupsafe 3),
    which cost a fifth of the build.
    """
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
            .replace("'", "&#39;"))


try:  # markupsafe 3's own escaping in C, the same entities as a plain string: a tenth of a task page's rendering
    from markupsafe._speedups import _escape_inner as esc
except ImportError:  # older markupsafe, or its pure-Python build: the five replaces
    esc = escaped


@lru_cache(maxsize=4)
def words(lang: str) -> dict[str, str]:
    """The column names and small words the rows carry, escaped once per language."""
    keys = {"occurrence": "col.occurrence", "window": "col.window", "deadline": "col.deadline",
            "status": "col.status", "done_on": "col.done_on", "lead": "col.lead", "due_soon": "show.due_soon",
            "period": "update.period", "by": "update.by", "evidence": "col.evidence", "days_late": "col.days_late",
            "days_left": "col.days_left", "task": "col.task", "note": "col.last_note", "programme": "col.programme",
            "occurrences": "col.occurrences", "card.lead": "show.lead", "card.lead_now": "task.lead_now",
            "card.support": "show.support", "card.schedule": "show.schedule", "card.source": "show.source",
            "card.updates": "show.updates"}
    found = {name: esc(say(key, lang).replace("\n", " ")) for name, key in keys.items()}
    for state in ("draft", "active", "closed", "superseded"):
        found[f"state.{state}"] = esc(label(f"state.{state}", lang))
    return found


@dataclass(frozen=True, slots=True)
class Link:
    """A link: where it goes ('' when nowhere), its text, and an optional title; `{{ link }}` writes <a>."""

    __reduce__ = pickled_by_arguments

    href: str
    text: str
    title: str = ""

    def __html__(self) -> str:
        return _link(self.href, self.text, self.title)


@lru_cache(maxsize=1 << 16)
def _link(href: str, text: str, title: str) -> str:
    """A link's markup, made once: the same few thousand agencies and programmes are linked from every list."""
    if not href:
        return esc(text)
    title = f' title="{esc(title)}"' if title else ""
    return f'<a href="{TOP}{esc(href)}"{title}>{esc(text)}</a>'


def links(items: tuple[Link, ...] | list[Link]) -> str:
    return ", ".join([link.__html__() for link in items])


def more_words(lang: str, more: int, some_shown: bool) -> str:
    """The link to a task's page for the occurrences a timeline leaves out: 'và 10 kỳ khác' after the chips
    shown, '10 kỳ' when none is (ongoing work of a programme whose last year is past shows none)."""
    return say("task.chips_more" if some_shown else "task.chips_all", lang, n=more)


class Rows(tuple):
    """Rows, chips, entries or links that write themselves whole: `{{ rows }}` is their markup one after another.

    A template may still loop over them, or join them; the built-in ones write
    a list in one expression instead of escaping each of its rows on its own.
    """

    __slots__ = ()
    separator = ""

    def __html__(self) -> str:
        return self.separator.join([row.__html__() for row in self])


class Links(Rows):
    """Links written as a list: 'A, B'."""

    __slots__ = ()
    separator = ", "


@dataclass(frozen=True, slots=True)
class Chip:
    """An occurrence on a timeline: its period in words, its status, and a tip with the status and deadline.

    As markup, a list item: colour (by class), a symbol and the words, so that colour is never the only sign.
    """

    __reduce__ = pickled_by_arguments

    text: str
    status: str
    words: str  # the status, short
    tip: str

    def __html__(self) -> str:
        return (f'<li class="chip s-{self.status}" title="{esc(self.tip)}"><span class="sym" aria-hidden="true">'
                f'{SYMBOL[self.status]}</span> {esc(self.text)}: <span class="st">{esc(self.words)}</span></li>')


@dataclass(frozen=True, slots=True)
class OccurrenceRow:
    """One row of a task's table of occurrences."""

    __reduce__ = pickled_by_arguments

    lang: str
    label: str
    period: str
    window: str
    deadline: str
    extended: str  # 'gia hạn từ ...' when extended, else ''
    status: str
    status_text: str
    due_soon: bool
    done_on: str
    lead: tuple[Link, ...]  # after mergers, when they differ from the task's
    lead_column: bool  # whether the table has a lead column (some occurrence's lead differs)
    chip: Chip

    def __html__(self) -> str:
        w = words(self.lang)
        extended = f' <span class="muted">({esc(self.extended)})</span>' if self.extended else ""
        soon = f' <span class="tag">{w["due_soon"]}</span>' if self.due_soon else ""
        lead = f'<td data-label="{w["lead"]}">{links(self.lead)}</td>' if self.lead_column else ""
        return (f'<tr data-occurrence="{esc(self.label)}" data-status="{self.status}">'
                f'<th scope="row" data-label="{w["occurrence"]}">{esc(self.period)}</th>'
                f'<td data-label="{w["window"]}">{esc(self.window)}</td>'
                f'<td data-label="{w["deadline"]}">{esc(self.deadline)}{extended}</td>'
                f'<td data-label="{w["status"]}"><span class="status s-{self.status}"><span class="sym"'
                f' aria-hidden="true">{SYMBOL[self.status]}</span> {esc(self.status_text)}</span>{soon}</td>'
                f'<td data-label="{w["done_on"]}">{esc(self.done_on or "—")}</td>{lead}</tr>\n')


@dataclass(frozen=True, slots=True)
class UpdateEntry:
    """One entry of a progress log: its date, what it says, the note and the evidence."""

    __reduce__ = pickled_by_arguments

    lang: str
    date: str
    status: str
    progress: str
    extend_to: str
    period: str
    by: Link | None
    note: str
    evidence: tuple[str, ...]
    markup: str = ""  # made once (`made`): an entry is on its task's page and on its programme's

    def __html__(self) -> str:
        return self.markup or self.render()

    def render(self) -> str:
        """The entry as a list item of a progress log."""
        w = words(self.lang)
        tags = "".join(f' <span class="tag">{esc(t)}</span>' for t in (self.status, self.progress, self.extend_to)
                       if t)
        period = f' <span class="muted">{w["period"]} {esc(self.period)}</span>' if self.period else ""
        by = f' <span class="muted">{w["by"]} {self.by.__html__()}</span>' if self.by else ""
        note = f"<p>{esc(self.note)}</p>" if self.note else ""
        evidence = (f'<p class="evidence"><span class="k">{w["evidence"]}:</span> '
                    f'{esc("; ".join(self.evidence))}</p>') if self.evidence else ""
        return f'<li><span class="date">{esc(self.date)}</span>{tags}{period}{by}{note}{evidence}</li>\n'


@dataclass(frozen=True, slots=True)
class TaskCard:
    """A task on its programme's page: heading, leads, schedule, the latest occurrences as chips, the log's latest.

    A programme's page holds a card per task (some thirty on a national
    programme's): made here, a card costs a tenth of the template's loop.
    """

    lang: str
    id: str
    title: str
    href: str
    lead: Links
    lead_now: Links  # after mergers, when they differ
    support: Links
    schedule: str
    schedule_text: str
    chips: Rows
    more: int  # occurrences not among the chips
    log: Rows  # the latest updates (all, on a programme with a short log)
    log_more: int  # updates not shown
    filters: dict[str, str]  # what the page's filters read: agency, cat, year
    level: int = 3  # the heading's level: 4 inside a section of the document

    def __html__(self) -> str:
        w, href = words(self.lang), f"{TOP}{esc(self.href)}"
        now = f' <span class="muted">({w["card.lead_now"]}: {self.lead_now.__html__()})</span>' if self.lead_now else ""
        support = (f'<div><dt>{w["card.support"]}</dt><dd>{self.support.__html__()}</dd></div>' if self.support
                   else "")
        source = (f' <span class="muted">— {w["card.source"]}: “{esc(self.schedule_text)}”</span>'
                  if self.schedule_text else "")
        more = (f'<li class="chip more"><a href="{href}">{esc(more_words(self.lang, self.more, bool(self.chips)))}'
                "</a></li>" if self.more else "")
        return (f'<article class="task" id="task-{esc(self.id)}" data-agency="{esc(self.filters["agency"])}"'
                f' data-cat="{self.filters["cat"]}" data-year="{self.filters["year"]}">\n'
                f'<h{self.level}><span class="task-id">{esc(self.id)}</span> <a href="{href}">{esc(self.title)}</a>'
                f'</h{self.level}>\n<dl class="fields compact">\n'
                f'<div><dt>{w["card.lead"]}</dt><dd>{self.lead.__html__()}{now}</dd></div>\n{support}'
                f'<div><dt>{w["card.schedule"]}</dt><dd>{esc(self.schedule)}{source}</dd></div>\n</dl>\n'
                f'<ul class="chips">{self.chips.__html__()}{more}</ul>\n{self._log(href)}</article>\n')

    def _log(self, href: str) -> str:
        if not self.log:
            return ""
        w = words(self.lang)
        more = (f'<p><a href="{href}">{esc(say("task.log_more", self.lang, n=self.log_more))}</a></p>'
                if self.log_more else "")
        return (f'<details class="log-box"><summary>{w["card.updates"]} ({len(self.log) + self.log_more})</summary>'
                f'<ol class="log">{self.log.__html__()}</ol>{more}</details>\n')


@dataclass(frozen=True, slots=True)
class TaskRow:
    """A task in lists (agency pages, the search): small enough to gather from every programme."""

    __reduce__ = pickled_by_arguments

    lang: str
    programme: str
    task: str
    href: str
    title: str
    programme_label: str
    programme_href: str
    state: str  # the programme's
    lead: tuple[str, ...]  # after mergers: every agency that leads one of its occurrences
    lead_names: str
    support: tuple[str, ...]  # likewise, those not leading
    chips: tuple[Chip, ...]
    more: int  # occurrences not among the chips
    more_words: str  # 'và N kỳ khác...' when `more`
    categories: tuple[str, ...]
    years: tuple[int, ...]
    markup: str = ""  # made once (`made`), where the row is made: lists write the same row two or three times

    def __html__(self) -> str:
        return self.markup or self.render()

    def lean(self) -> TaskRow:
        """The row with its markup and what the lists and the search use, without what only its markup needed
        (the chips above all): a national site sends 60,000 rows back from its workers, unpickled in one process."""
        return TaskRow(self.lang, self.programme, self.task, self.href, self.title, self.programme_label,
                       self.programme_href, self.state, self.lead, "", self.support, (), self.more, "",
                       self.categories, self.years, self.markup)  # the constructor: dataclasses.replace is slower

    def render(self) -> str:
        """The row as a table row of a list of tasks."""
        w = words(self.lang)
        state = f' <span class="tag">{w["state." + self.state]}</span>' if self.state != "active" else ""
        more = (f'<li class="chip more"><a href="{TOP}{esc(self.href)}">{esc(self.more_words)}</a></li>'
                if self.more else "")
        chips = "".join(c.__html__() for c in self.chips)
        return (f'<tr data-agency="{esc(" ".join(self.lead))}" data-cat="{" ".join(self.categories)}"'
                f' data-year="{" ".join(map(str, self.years))}">'
                f'<th scope="row" data-label="{w["task"]}"><a href="{TOP}{esc(self.href)}">{esc(self.title)}</a>'
                f' <span class="muted">{esc(self.task)}</span></th>'
                f'<td data-label="{w["programme"]}"><a href="{TOP}{esc(self.programme_href)}">'
                f'{esc(self.programme_label)}</a>{state}</td>'
                f'<td data-label="{w["lead"]}">{esc(self.lead_names)}</td>'
                f'<td data-label="{w["occurrences"]}"><ul class="chips">{chips}{more}</ul></td></tr>\n')


@dataclass(frozen=True, slots=True)
class ItemRow:
    """An occurrence in the overdue or upcoming list (`ktcn overdue` / `ktcn upcoming`)."""

    __reduce__ = pickled_by_arguments

    lang: str
    deadline: date
    deadline_text: str
    days: int  # late (overdue) or left (upcoming)
    programme: str
    programme_label: str
    task: str
    title: str
    href: str
    period: str
    lead: tuple[str, ...]
    lead_links: tuple[Link, ...]
    status: str
    note: str
    chip: Chip | None  # None only in a lean row (`lean`), whose markup is made
    markup: str = ""  # made once (`made`), where the row is made: lists write the same row two or three times

    @property
    def data(self) -> dict[str, str]:
        """The data attributes the list's filters read: lead agencies, status, year of the deadline."""
        return {"agency": " ".join(self.lead), "cat": self.status, "year": str(self.deadline.year)}

    def __html__(self) -> str:
        return self.markup or self.render()

    def lean(self) -> ItemRow:
        """The row with its markup and what the lists sort, count and filter by (a national site sends 120,000
        overdue rows back from its workers)."""
        return ItemRow(self.lang, self.deadline, "", self.days, self.programme, "", self.task, "", "", "", self.lead,
                       (), self.status, "", None, self.markup)  # the constructor: dataclasses.replace is slower

    def render(self) -> str:
        """The row as a table row of the overdue or upcoming list."""
        w = words(self.lang)
        late = self.status == "overdue"
        note = f'<span class="note"><span class="k">{w["note"]}:</span> {esc(self.note)}</span>' if self.note else ""
        chip = self.chip.__html__() if self.chip else ""
        return (f'<tr data-agency="{esc(" ".join(self.lead))}" data-cat="{self.status}"'
                f' data-year="{self.deadline.year}">'
                f'<td data-label="{w["deadline"]}" class="date">{esc(self.deadline_text)}</td>'
                f'<td data-label="{w["days_late" if late else "days_left"]}" class="num{" alert" if late else ""}">'
                f"{self.days}</td>"
                f'<th scope="row" data-label="{w["task"]}"><a href="{TOP}{esc(self.href)}">{esc(self.title)}</a>'
                f' <span class="muted">{esc(self.programme_label)} · {esc(self.task)}</span>{note}</th>'
                f'<td data-label="{w["occurrence"]}"><ul class="chips">{chip}</ul></td>'
                f'<td data-label="{w["lead"]}">{links(self.lead_links)}</td></tr>\n')


Made = TypeVar("Made", "TaskRow", "ItemRow", "UpdateEntry")


def made(row: Made) -> Made:
    """`row` with its markup made now, once: in the worker process that made the row, rather than on every page
    of the lists that show it (an overdue occurrence is on the overdue list and on its lead agencies' pages; an
    update on its task's page and on its programme's)."""
    object.__setattr__(row, "markup", row.render())  # frozen: set once, before anyone else sees the row
    return row
