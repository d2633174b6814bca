"""The "what changed" page: the last commits that changed the records, in the words of `ktcn diff`.

Each commit is compared with its parent exactly as `ktcn diff PARENT..COMMIT`
would (`ktcn.review.changes.compare`, worded by `ktcn.review.render`); each revision
is read from git once, even when it is one commit's parent and the next
one's child.  The review's Markdown becomes HTML through markdown-it with raw
HTML switched off, so record text stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from ktcn.errors import KtcnError
from ktcn.records.model import Programme, Workspace


@dataclass(frozen=True)
class Change:
    """One commit: its id, day and subject, and the review of what it changed (HTML), or None for the first."""

    commit: str
    day: date
    subject: str
    review: Markup | None


def recent_changes(root: Path, as_of: date, lang: str, count: int) -> list[Change] | None:
    """The last `count` commits that touched the records, newest first; None when the records are not in git
    (or `count` is 0: no page then)."""
    from ktcn.review.gitsnap import git, repository_of

    if count <= 0:
        return None
    try:
        top, prefix = repository_of(root, lang)
        log = git(["log", f"-n{count}", "--no-color", "--format=%H%x1f%P%x1f%ad%x1f%s%x1e", "--date=short", "--",
                   prefix or "."], top, lang=lang).decode("utf-8", "replace")
    except KtcnError:
        return None
    loaded: dict[str, Workspace] = {}
    changes = []
    for record in filter(None, (r.strip("\n") for r in log.split("\x1e"))):
        commit, parents, day, subject = record.split("\x1f", 3)
        parent = parents.split()[0] if parents.split() else None
        review = _review(root, parent, commit, as_of, lang, loaded) if parent else None
        changes.append(Change(commit, date.fromisoformat(day), subject, review))
    return changes


def _review(root: Path, before: str, after: str, as_of: date, lang: str, loaded: dict[str, Workspace]) -> Markup:
    from ktcn.review.changes import compare
    from ktcn.review.render import review_markdown

    review = compare(_at(root, before, as_of, lang, loaded), _at(root, after, as_of, lang, loaded), as_of, lang,
                     (before[:10], after[:10]), ())
    # The review's first line is its title, which names the two revisions by their ids ("Thay đổi hồ sơ:
    # 383eb57ebe → 76e4d7000f"): on the page each commit is already headed by its day and gives its id once.
    _title, _, body = review_markdown(review, lang).partition("\n")
    programmes = {**loaded[before].programme_index, **loaded[after].programme_index}
    agencies = {a.id: a.label for a in (*loaded[before].agencies, *loaded[after].agencies)}
    return to_html(_named(body, programmes, agencies, lang))


def _named(markdown: str, programmes: dict[str, Programme], agencies: dict[str, str], lang: str) -> str:
    """The review with its programmes and agencies named as the site names them (231/KH-UBND, Sở KH&CN), not
    by their ids: its headings ('### kh-231-2024 · title'), its flags' tasks ('- `kh-231-2024/9`: ...'), the
    agencies of its 'ceased agency' flags ('skhdt-cantho (28/02/2025 → stc-cantho)') and of a task's lead,
    support and report-to changed ('Phối hợp: snv → snv, lhh')."""
    from ktcn.labels import label
    from ktcn.outputs.site.pages import programme_label
    from ktcn.outputs.templating import md

    ceased = re.escape(md(label("diff.flag.ceased-agency", lang, detail="")).strip())

    def agency(found: re.Match[str]) -> str:
        named = agencies.get(found.group(2))
        successor = found.group(4) and f" → {md(agencies.get(found.group(4), found.group(4)))}"
        return f"{found.group(1)}{md(named)} ({found.group(3)}{successor or ''})" if named else found.group(0)

    def heading(found: re.Match[str]) -> str:
        programme = programmes.get(found.group(1))
        return f"### {md(programme_label(programme, lang))} · " if programme else found.group(0)

    def flagged(found: re.Match[str]) -> str:
        programme = programmes.get(found.group(1))
        return f"- {md(programme_label(programme, lang))} · {md(found.group(2))}:" if programme else found.group(0)

    def agency_list(found: re.Match[str]) -> str:
        def names(ids: str) -> str:
            return ", ".join(md(agencies.get(i.strip(), i.strip())) for i in ids.split(","))
        return f"{found.group(1)}{names(found.group(2))} → {names(found.group(3))}"

    fields = "|".join(re.escape(label(f"diff.field.{f}", lang)) for f in ("lead", "support", "to"))
    markdown = re.sub(rf"^(\s*- (?:{fields}): )([a-z0-9, -]+|—) → ([a-z0-9, -]+|—)$", agency_list, markdown,
                      flags=re.M)
    markdown = re.sub(r"^### (\S+) · ", heading, markdown, flags=re.M)
    markdown = re.sub(rf"^(- .*{ceased} )([a-z0-9-]+) \(([^)→]*?)(?: → ([a-z0-9-]+))?\)$", agency, markdown,
                      flags=re.M)
    return re.sub(r"^- `([^`/]+)/([^`]+)`:", flagged, markdown, flags=re.M)


def _at(root: Path, revision: str, as_of: date, lang: str, loaded: dict[str, Workspace]) -> Workspace:
    """The records at `revision`, read from git objects once per build."""
    from ktcn.records.loader import load
    from ktcn.review.gitsnap import snapshot

    if revision not in loaded:
        with snapshot(root, revision, lang) as found:
            loaded[revision] = load(found.root, today=as_of, use_cache=False)
    return loaded[revision]


def to_html(markdown: str) -> Markup:
    """A review's Markdown as HTML, raw HTML off; its headings one level down, under the commit's own."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": False}).render(markdown)
    html = re.sub(r"<(/?)h([1-4])>", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 1)}>", html)
    return Markup(html)  # markdown-it escaped every piece of text, and raw HTML is off
