"""`ktcn diff`: load the workspace at two points of its git history and review the change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ktcn.labels import label
from ktcn.records.loader import load
from ktcn.records.model import Workspace
from ktcn.review.changes import Flag, compare, review_json
from ktcn.review.gitsnap import INDEX, Skipped, repository_of, shown, snapshot
from ktcn.review.render import review_markdown


@dataclass(frozen=True)
class DiffResult:
    markdown: str
    json: dict
    flags: tuple[Flag, ...]


def run_diff(current: Workspace, revisions: str | None, staged: bool, as_of: date, lang: str) -> DiffResult:
    """Compare `A..B`, `A` with the working tree, HEAD with the index (`staged`), or HEAD with the working tree."""
    repository_of(current.root, lang)  # fail early and clearly outside a git repository
    first, second = _ends(revisions, staged)
    skipped: tuple[Skipped, ...] = ()
    with snapshot(current.root, first, lang) as old:
        before = load(old.root, today=as_of, use_cache=False)
        if second is None:
            after, after_name = current, label("diff.working_tree", lang)
        else:
            with snapshot(current.root, second, lang) as new:
                after = load(new.root, today=as_of, use_cache=False)
            after_name = label("diff.staged", lang) if second == INDEX else second
            skipped = tuple(s for s in new.skipped if s not in old.skipped)  # what the change brings
    review = compare(before, after, as_of, lang, (first, after_name), _skipped_flags(skipped, lang))
    return DiffResult(review_markdown(review, lang), review_json(review), review.flags)


def _skipped_flags(skipped: tuple[Skipped, ...], lang: str) -> tuple[Flag, ...]:
    """A file the change adds that could not be laid out safely is a flag: the review cannot vouch for it."""
    return tuple(Flag("path-skipped", "", f"{shown(s.name)} ({label(f'diff.skip.{s.reason}', lang)})")
                 for s in skipped)


def _ends(revisions: str | None, staged: bool) -> tuple[str, str | None]:
    if staged:
        return "HEAD", INDEX
    if not revisions:
        return "HEAD", None
    first, dots, second = revisions.partition("..")
    return (first or "HEAD", second or "HEAD") if dots else (revisions, None)
