"""What each page of the site shows, as plain data for its template: the view models of the site.

Nothing here counts: occurrences and their statuses come from `ktcn.engine.status`,
counts from the standings (`ktcn.engine.standing`) and the status views
(`ktcn.views.viewmodel`), the same functions `ktcn status` and `ktcn show` use, so the
figures on a page are those of the terminal.  This module only says them:
dates in the reader's style, agencies by name, periods in words (where each
page lives is `ktcn.outputs.site.links`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ktcn.engine.status import DONE_LATE, DONE_ON_TIME, Counts, Occurrence, counted
from ktcn.labels import day_text, in_force_text, label
from ktcn.outputs.site.links import agency_href, programme_href, task_href
from ktcn.outputs.site.rows import (
    Chip,
    ItemRow,
    Link,
    Links,
    OccurrenceRow,
    Rows,
    TaskCard,
    TaskRow,
    UpdateEntry,
    made,
    more_words,
)
from ktcn.outputs.site.words import SITE_LABELS, say
from ktcn.records.model import Agency, Programme, Task, Update
from ktcn.views.describe import describe_schedule, occurrence_words, span_words
from ktcn.views.viewmodel import last_note

STATUS_ORDER = ("overdue", "in_progress", "done_late", "done_on_time", "ongoing", "cancelled", "upcoming")
_ROMAN = re.compile(r"(?i)^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$")


# --- the context every page shares ----------------------------------------------------------------


_DAYS: dict[tuple[date, str], str] = {}
_AGENCY_LINKS: dict[tuple[int, str], Link] = {}
_TOLD_APART: list[tuple[Mapping[str, Agency], dict[str, str]]] = []  # the last registry asked about


def told_apart(agencies: Mapping[str, Agency], keeper: str = "") -> dict[str, str]:
    """Names for the agencies whose short name another agency of the registry has too (provinces merged: each
    had its 'Sở Tài chính'): the short name and what tells their full names apart, 'Sở Tài chính (Hà Nam)';
    the full name when that cannot be found.  The one whose name ends as the keeper's does ('... tỉnh Ninh
    Bình', the keeper being 'Sở Khoa học và Công nghệ tỉnh Ninh Bình') is the reader's own and keeps its short
    name.  By agency id; found once per registry."""
    if _TOLD_APART and _TOLD_APART[0][0] is agencies:
        return _TOLD_APART[0][1]
    groups: dict[str, list[Agency]] = {}
    for agency in agencies.values():
        if agency.short:
            groups.setdefault(_nfc(agency.short), []).append(agency)
    named = {}
    for group in (g for g in groups.values() if len(g) > 1):
        words = [_nfc(a.name).split() for a in group]
        same = 0
        while all(len(w) > same + 1 for w in words) and len({w[same] for w in words}) == 1:
            same += 1
        tails = [" ".join(w[same:]) for w in words]
        for agency, tail in zip(group, tails, strict=True):
            if tails.count(tail) == 1 and len(tail) <= 24:
                if not _nfc(keeper).endswith(f" {tail}"):
                    named[agency.id] = f"{agency.short} ({tail})"
            else:
                named[agency.id] = agency.name
    _TOLD_APART[:] = [(agencies, named)]
    return named


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Site:
    """What every page knows: the language, the day, the keeper, the registry and the programmes by id."""

    lang: str
    as_of: date
    name: str
    agencies: Mapping[str, Agency]
    programmes: Mapping[str, Programme]
    warn_days: int
    days: int  # how far ahead the upcoming page looks
    version: str

    def day(self, value: date | None) -> str:
        """A date in the reader's style ('' for none); the same few thousand dates recur on every page."""
        if not value:
            return ""
        said = _DAYS.get((value, self.lang))
        if said is None:
            said = _DAYS[(value, self.lang)] = day_text(value, self.lang)
        return said

    def agency_name(self, agency_id: str, full: bool = False) -> str:
        """The agency as tables name it: its short name, told apart from another agency's of the same short name
        (`told_apart`); its full name when `full`."""
        agency = self.agencies.get(agency_id)
        if agency is None:
            return agency_id
        if full:
            return agency.name
        return told_apart(self.agencies, self.name).get(agency_id) or agency.label

    def agency_link(self, agency_id: str) -> Link:
        """A link to the agency's page, named as tables name it, its full name as the title (made once per id)."""
        found = _AGENCY_LINKS.get((id(self), agency_id))
        if found is None:
            agency = self.agencies.get(agency_id)
            title = agency.name if agency and agency.short else ""
            found = Link(agency_href(agency_id) if agency else "", self.agency_name(agency_id), title)
            _AGENCY_LINKS[(id(self), agency_id)] = found
        return found

    def programme_label(self, programme_id: str) -> str:
        """`programme_label` of the programme by that id: the whole programme's (a status view's heading of it
        has no term), its id when it is not in the records."""
        programme = self.programmes.get(programme_id)
        return programme_label(programme, self.lang) if programme else programme_id

    def programme_link(self, programme_id: str) -> Link:
        programme = self.programmes.get(programme_id)
        if programme is None:
            return Link("", programme_id)
        return Link(programme_href(programme_id), programme_label(programme, self.lang), programme.title)


def programme_label(programme: Programme, lang: str) -> str:
    """A programme as lists name it: its number (231/KH-UBND); a draft has none, and its id
    (ctr-hoptac-bkhcn-cantho-2021) is no name for a director: its type and term ('Chương trình 2021–2025')."""
    if programme.number:
        return programme.number
    term = period_words(programme, lang)
    return say("programme.unnumbered", lang, type=type_words(programme, lang), term=term) if term else \
        say("programme.unnumbered_no_term", lang, type=type_words(programme, lang))


def type_words(programme: Programme, lang: str) -> str:
    """'Chương trình', 'Kế hoạch'... (the type's code when the site has no words for it)."""
    return say(f"doc.{programme.type}", lang) if f"doc.{programme.type}" in SITE_LABELS else programme.type


# --- figures ----------------------------------------------------------------------------------------


def percent(part: int, base: int) -> str:
    """'72%' of a base; '—' for a base of nothing."""
    return f"{round(100 * part / base)}%" if base else "—"


def figures(counts: Counts, lang: str) -> dict[str, Any]:
    """The key numbers of some counts, each rate with its base (`Counts.due`, `Counts.with_deadline`)."""
    from ktcn.outputs.site.render import grouped

    return {
        "counts": counts,
        "total": counts.total,
        "done": counts.done,
        "split": say("figure.done_split", lang, on_time=grouped(counts.done_on_time, lang),
                     late=grouped(counts.done_late, lang)),
        "rate": percent(counts.done_on_time, counts.due),
        "rate_words": say("figure.rate_of", lang, part=grouped(counts.done_on_time, lang),
                          base=grouped(counts.due, lang)) if counts.due else say("figure.no_base", lang),
        "progress": percent(counts.done, counts.with_deadline),
        "progress_share": round(100 * counts.done / counts.with_deadline) if counts.with_deadline else 0,
        "progress_words": say("figure.progress_of", lang, part=grouped(counts.done, lang),
                              base=grouped(counts.with_deadline, lang))
        if counts.with_deadline else say("figure.no_deadline_base", lang),
    }


# --- occurrences and the log ---------------------------------------------------------------------------


def chip(site: Site, occurrence: Occurrence) -> Chip:
    lang = site.lang
    deadline = (say("chip.deadline", lang, day=_in_force(site, occurrence)) if occurrence.deadline
                else say("chip.no_deadline", lang))
    words = say(f"chip.{occurrence.status}", lang)
    if occurrence.due_soon:
        words += f", {say('chip.due_soon', lang)}"
    tip = f"{label(occurrence.status, lang)} · {deadline}"
    if occurrence.done_on:
        tip += f" · {label('col.date', lang)} {site.day(occurrence.done_on)}"
    return Chip(occurrence_words(occurrence, lang), occurrence.status, words, tip)


def _in_force(site: Site, occurrence: Occurrence) -> str:
    """The deadline in force, after the written one when the deadline rule moved it off a day off."""
    if occurrence.moved_from:
        return in_force_text(occurrence.deadline, occurrence.moved_from, site.lang)
    return site.day(occurrence.deadline)


def occurrence_view(site: Site, occurrence: Occurrence, its_chip: Chip | None = None,
                    lead_column: bool = False) -> OccurrenceRow:
    """One row of a task's table of occurrences."""
    lang = site.lang
    extended = ""
    if occurrence.extended and occurrence.original_deadline and occurrence.original_deadline != occurrence.deadline:
        extended = label("show.extended_from", lang, day=site.day(occurrence.original_deadline))
    lead = occurrence.lead
    return OccurrenceRow(
        lang, occurrence.label, occurrence_words(occurrence, lang),
        f"{site.day(occurrence.window_start)} – {site.day(occurrence.window_end)}",
        _in_force(site, occurrence) or label("ongoing", lang), extended, occurrence.status,
        label(occurrence.status, lang), occurrence.due_soon, site.day(occurrence.done_on),
        tuple(site.agency_link(a) for a in lead) if lead != occurrence.task.lead else (), lead_column,
        its_chip or chip(site, occurrence))


def update_view(site: Site, update: Update) -> UpdateEntry:
    """One entry of a progress log, each part on its own."""
    lang = site.lang
    return made(UpdateEntry(
        lang, site.day(update.date),
        label(f"update.{update.status}", lang) if update.status else "",
        label("update.progress", lang, n=_number(update.progress)) if update.progress is not None else "",
        label("update.extend_to", lang, day=site.day(update.extend_to.end)) if update.extend_to else "",
        span_words(update.period, lang) if update.period else "",
        site.agency_link(update.by) if update.by else None, update.note or "", tuple(update.evidence)))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- tasks ------------------------------------------------------------------------------------------------


CHIPS_IN_LISTS = 4  # a monthly duty over ten years has 120 occurrences: lists show the latest few and the next


class _Chips(dict):
    """The chips of a task's occurrences, each made when first asked for: most of a long duty's are never shown."""

    def __init__(self, site: Site, found: Sequence[Occurrence]) -> None:
        super().__init__()
        self.site, self.found = site, found

    def __missing__(self, index: int) -> Chip:
        made = self[index] = chip(self.site, self.found[index])
        return made


def task_row(site: Site, programme: Programme, task: Task, found: Sequence[Occurrence],
             chips: Mapping[int, Chip] | None = None) -> TaskRow:
    """A task as lists show it: its leads and supports after mergers, its latest occurrences, what filters see."""
    lead = tuple(dict.fromkeys(a for o in found for a in o.lead)) if found else task.lead  # the engine's succession
    support = tuple(a for a in supports_after_mergers(task, found, site.agencies) if a not in lead)
    chips = chips if chips is not None else _Chips(site, found)
    shown = timeline(range(len(found)), found, site.as_of, CHIPS_IN_LISTS)
    more = len(found) - len(shown)
    return made(TaskRow(site.lang, programme.id, task.id, task_href(programme.id, task.id), task.title,
                   site.programme_label(programme.id), programme_href(programme.id), programme.state, lead,
                   ", ".join(map(site.agency_name, lead)), support, tuple(chips[i] for i in shown), more,
                   more_words(site.lang, more, bool(shown)) if more else "", _categories(found),
                        _years(found)))


def leads_in_force(found: Sequence[Occurrence], as_of: date) -> tuple[str, ...] | None:
    """Who leads the task on `as_of`, after mergers: the leads of its latest begun occurrence, else of its first.

    A task that ran across a merger has both the old and the new agency among its occurrences' leads; the
    reader asks who answers for it now (None: the task has no occurrence).
    """
    if not found:
        return None
    begun = [o for o in found if o.window_start <= as_of]
    return (begun[-1] if begun else found[0]).lead


def _leads_now(site: Site, task: Task, found: Sequence[Occurrence]) -> Links:
    """The card's "lead after mergers" line: shown only when mergers changed who leads the task now."""
    now = leads_in_force(found, site.as_of)
    return Links(site.agency_link(a) for a in now) if now is not None and now != task.lead else Links()


def supports_after_mergers(task: Task, found: Sequence[Occurrence], agencies: Mapping[str, Agency]) -> tuple[str, ...]:
    """The supporting agencies answering for the occurrences: the succession `Occurrence.lead` follows, applied to
    `support` on the same day (the deadline, else the window's end)."""
    from ktcn.engine.status import successor

    if not found:
        return task.support
    return tuple(dict.fromkeys(successor(a, o.deadline or o.window_end, agencies) for o in found for a in task.support))


def timeline(indices: Sequence[int], found: Sequence[Occurrence], as_of: date,
             limit: int | None = None) -> list[int]:
    """Which occurrences a timeline shows: those begun (the latest `limit` less one, when given) and the next one.

    Ongoing work has no status per past year (records.md): only the year that counts, and any stopped, are shown.
    """
    if found and found[0].task.schedule.form == "ongoing":
        now = str(as_of.year)
        return [i for i in indices if found[i].label == now or found[i].status == "cancelled"]
    begun = [i for i in indices if found[i].window_start <= as_of]
    ahead = [i for i in indices if found[i].window_start > as_of][:1]
    if limit is not None and len(begun) + len(ahead) > limit:
        begun = begun[len(begun) - (limit - len(ahead)):]
    return begun + ahead


def _categories(found: Iterable[Occurrence]) -> tuple[str, ...]:
    present = {o.status for o in found}
    return tuple(s for s in STATUS_ORDER if s in present)


def _years(found: Iterable[Occurrence]) -> tuple[int, ...]:
    return tuple(sorted({(o.deadline or o.window_start).year for o in found}))


@dataclass(frozen=True)
class TaskViews:
    """A task three ways: its own page, its card on the programme's page, its row in lists."""

    page: dict[str, Any]
    card: TaskCard
    row: TaskRow


def task_views(site: Site, programme: Programme, task: Task, found: Sequence[Occurrence], chips_limit: int,
               log_limit: int | None) -> TaskViews:
    """Each occurrence and update said once, shared by the task's page, its card and its row.

    The card shows at most `chips_limit` occurrences and `log_limit` updates (the latest; None: all), and
    links to the task's page for the rest.
    """
    lang = site.lang
    chips = _Chips(site, found)
    row = task_row(site, programme, task, found, chips)
    log = Rows(update_view(site, u) for u in task.updates if u.date <= site.as_of)
    shown = timeline(range(len(found)), found, site.as_of, chips_limit)
    common = {
        "id": task.id,
        "title": task.title,
        "href": row.href,
        "kind": label(f"kind.{task.kind}", lang),
        "lead": Links(site.agency_link(a) for a in task.lead),
        "lead_now": _leads_now(site, task, found),
        "support": Links(site.agency_link(a) for a in task.support),
        "to": Links(site.agency_link(a) for a in task.to),
        "schedule": describe_schedule(task.schedule, lang),
        "schedule_text": task.schedule_text or "",
    }
    kept = log if log_limit is None else Rows(log[len(log) - log_limit:] if log_limit else ())
    card = TaskCard(lang, task.id, task.title, row.href, common["lead"], common["lead_now"], common["support"],
                    common["schedule"], common["schedule_text"], Rows(chips[i] for i in shown),
                    len(found) - len(shown), kept, len(log) - len(kept), filter_data(row))
    listed = begun_and_next(found, site.as_of)  # windows years ahead are noise to a reader, and weigh
    page = {**common, "programme": site.programme_link(programme.id), "programme_title": programme.title,
            "log": log, "occurrences": Rows(occurrence_view(site, found[i], chips[i], bool(common["lead_now"]))
                                            for i in listed),
            "later": len(found) - len(listed)}
    return TaskViews(page, card, row)


def begun_and_next(found: Sequence[Occurrence], as_of: date) -> list[int]:
    """The occurrences whose window has begun on `as_of`, and the next one."""
    begun = [i for i, o in enumerate(found) if o.window_start <= as_of]
    return begun + [i for i in range(len(begun), len(found))][:1]


def filter_data(row: TaskRow) -> dict[str, str]:
    """The data attributes the page's filters read: lead agencies, statuses and years."""
    return {"agency": " ".join(row.lead), "cat": " ".join(row.categories), "year": " ".join(map(str, row.years))}


def sections(tasks: Sequence[Task]) -> list[tuple[str, list[Task]]]:
    """Tasks grouped as in the document, by the part of their ids before the last item ('3-1a' in 3-1, '2b' in 2).

    Consecutive tasks of the same part form a group; ids with no part ('1', '14') are left ungrouped.
    """
    groups: list[tuple[str, list[Task]]] = []
    for task in tasks:
        key = section_key(task.id)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(task)
        else:
            groups.append((key, [task]))
    return groups


def section_key(task_id: str) -> str:
    """The section a task id names: '3-1a' → '3-1', '2b' → '2', 'iii-2' → 'iii', '2019-1' → '2019', '14' → ''."""
    letters = re.fullmatch(r"(.*?\d)[a-zđ]+", task_id)
    if letters:
        return letters.group(1)
    return task_id.rsplit("-", 1)[0] if "-" in task_id.strip("-") else ""


def section_heading(key: str, lang: str) -> str:
    """'Mục III', 'Mục 3.1': the group's number as a document writes it."""
    parts = [p.upper() if _ROMAN.match(p) else p for p in key.split("-")]
    return say("programme.section", lang, number=".".join(parts))


# --- a programme --------------------------------------------------------------------------------------------


def programme_fields(site: Site, programme: Programme, implemented_by: Sequence[str]) -> dict[str, Any]:
    """A programme's header: number, type, issuers, dates, state, what it implements and what implements it."""
    lang = site.lang
    return {
        "id": programme.id,
        "title": programme.title,
        "number": programme.number or "",
        "type": type_words(programme, lang),
        "issued": site.day(programme.issued),
        "place": programme.place or "",
        "issuers": Links(site.agency_link(a) for a in programme.issuers),
        "signers": [_signer(s) for s in programme.signers],
        "period": period_words(programme, lang),
        "state": programme.state,
        "state_text": label(f"state.{programme.state}", lang),
        "implements": Links(site.programme_link(p) for p in programme.implements),
        "implemented_by": Links(site.programme_link(p) for p in implemented_by),
        "basis": list(programme.basis),
        "objectives": list(programme.objectives),
    }


def _signer(signer: Any) -> str:
    lines = [*signer.authority, signer.position, signer.name]
    return ", ".join(line for line in lines if line)


def period_words(programme: Programme, lang: str) -> str:
    """A programme's term: '2024–2030', or its bounds in words."""
    start, end = programme.period_from, programme.period_to
    if not (start and end):
        return span_words(start, lang) if start else ""
    if start.precision == end.precision == "year":
        return f"{start.text}–{end.text}"
    return f"{span_words(start, lang)} – {span_words(end, lang)}"


def quarters_done(found: Iterable[Occurrence], as_of: date) -> dict[tuple[int, int], tuple[int, int]]:
    """Occurrences done per quarter of the day they were done: (on time, late), of those the counts include.

    Summed over the quarters they are the counts' `done_on_time` and `done_late`.
    """
    tally: dict[tuple[int, int], tuple[int, int]] = {}
    for occurrence in counted(found, as_of):
        if occurrence.status in (DONE_ON_TIME, DONE_LATE) and occurrence.done_on:
            key = (occurrence.done_on.year, (occurrence.done_on.month + 2) // 3)
            on_time, late = tally.get(key, (0, 0))
            tally[key] = (on_time + (occurrence.status == DONE_ON_TIME), late + (occurrence.status == DONE_LATE))
    return tally


# --- lists of occurrences: overdue, upcoming ------------------------------------------------------------------


def item_row(site: Site, occurrence: Occurrence) -> ItemRow:
    """An overdue or upcoming occurrence as its list shows it (`days`: late when overdue, else left)."""
    deadline = occurrence.deadline or site.as_of
    days = (site.as_of - deadline).days if occurrence.status == "overdue" else (deadline - site.as_of).days
    said = _in_force(site, occurrence) if occurrence.deadline else site.day(deadline)
    return made(ItemRow(site.lang, deadline, said, days, occurrence.programme,
                        site.programme_label(occurrence.programme),
                        occurrence.task.id,
                        occurrence.task.title, task_href(occurrence.programme, occurrence.task.id),
                        occurrence_words(occurrence, site.lang), occurrence.lead,
                        tuple(site.agency_link(a) for a in occurrence.lead), occurrence.status, last_note(occurrence),
                        chip(site, occurrence)))


def overdue_age(days: int) -> int:
    """Which age bucket (1-6) an occurrence this many days late falls in: 1–30, 31–90, 91–180, 181–365, 1–2 y, more."""
    for bucket, limit in enumerate((30, 90, 180, 365, 730), start=1):
        if days <= limit:
            return bucket
    return 6


# --- filters -----------------------------------------------------------------------------------------------------


def filter_options(site: Site, agencies: Iterable[str], categories: Iterable[str],
                   years: Iterable[int]) -> dict[str, list[tuple[str, str]]]:
    """The choices of a list's filters: only what its rows hold, agencies by name in alphabetical order."""
    from ktcn.views.collation import sort_key

    lang = site.lang
    present = set(categories)
    return {
        "agencies": sorted(((a, site.agency_name(a)) for a in set(agencies)), key=lambda p: (sort_key(p[1]), p[0])),
        "categories": [(c, label(c, lang)) for c in STATUS_ORDER if c in present],
        "years": [(str(y), str(y)) for y in sorted(set(years))],
    }


def counts_of_rows(rows: Iterable[TaskRow]) -> tuple[set[str], set[str], set[int]]:
    """Every agency, status and year the rows hold, for their filters."""
    agencies: set[str] = set()
    categories: set[str] = set()
    years: set[int] = set()
    for row in rows:
        agencies.update(row.lead)
        categories.update(row.categories)
        years.update(row.years)
    return agencies, categories, years

