"""A review (`ktcn diff`) as Markdown: pasted into a merge request, or shown in the terminal by rich."""

from __future__ import annotations

from ktcn.labels import day_text, label
from ktcn.outputs.templating import md
from ktcn.review.changes import Flag, ProgrammeReview, Review, TaskReview, flag_words
from ktcn.views.terminal import deadline_words, update_words

MOVE_ORDER = ("done", "overdue", "in_progress", "cancelled", "ongoing")


def summary(review: Review, lang: str) -> str:
    """'2 nhiệm vụ chuyển sang hoàn thành; 1 nhiệm vụ trở thành quá hạn.'"""
    moved = review.moved_to
    parts = [label(f"diff.moved.{kind}", lang, n=moved[kind]) for kind in MOVE_ORDER if moved.get(kind)]
    return "; ".join(parts) + "." if parts else label("diff.no_moves", lang)


def review_markdown(review: Review, lang: str) -> str:
    """The whole review: title, summary, flags, then each programme's changes."""
    lines = [f"## {label('diff.title', lang, before=review.before, after=review.after)}", "",
             label("diff.as_of", lang, day=day_text(review.as_of, lang)), ""]
    if not review.programmes and not review.flags:
        return "\n".join([*lines, label("diff.none", lang), ""])
    if review.programmes:  # flags of files that could not be read come without any programme change
        lines += [f"**{label('diff.summary', lang)}:** {summary(review, lang)}", ""]
    if review.flags:
        lines += [f"### ⚑ {label('diff.flags', lang, n=len(review.flags))}", ""]
        lines += [_flag(flag, lang) for flag in review.flags] + [""]
    for programme in review.programmes:
        lines += _programme(programme, lang)
    return "\n".join(lines).rstrip() + "\n"


def _flag(flag: Flag, lang: str) -> str:
    words = md(flag_words(flag, lang))
    return f"- `{flag.task}`: {words}" if flag.task else f"- {words}"  # a file of the tree names no task


def _programme(programme: ProgrammeReview, lang: str) -> list[str]:
    state = "" if programme.state == "changed" else f" — {label(f'diff.programme.{programme.state}', lang)}"
    lines = [f"### {programme.id} · {md(programme.title)}{state}", ""]
    lines += [_change(c.field, c.before, c.after, lang) for c in programme.changes]
    for task in programme.tasks:
        lines += _task(task, lang)
    return [*lines, ""]


def _task(task: TaskReview, lang: str) -> list[str]:
    head = f"- **{task.ref.split('/', 1)[1]}** {md(task.title)}"
    if task.state == "renamed":
        head += f" — {label('diff.task.renamed', lang, ref=f'`{task.renamed_from}`')}"
    elif task.state != "changed":
        head += f" — {label(f'diff.task.{task.state}', lang)}"
    lines = [head]
    lines += ["  " + _change(c.field, c.before, c.after, lang) for c in task.changes]
    for update in task.new_updates:
        key = "diff.extension" if update.extend_to else "diff.new_update"
        day = deadline_words(update.extend_to, lang) if update.extend_to else ""
        lines.append(f"  - {label(key, lang, day=day)} ({day_text(update.date, lang)}):"
                     f" {md(update_words(update, lang))}")
    periods = dict(task.periods)
    for occurrence, before, after in task.moves:
        was = label(before, lang) if before else "—"
        named = periods.get(occurrence, occurrence)
        lines.append(f"  - {label('diff.move', lang, label=named, before=was, after=label(after, lang))}")
    return lines


def _change(field: str, before: str, after: str, lang: str) -> str:
    return f"- {label(f'diff.field.{field}', lang)}: {md(before)} → {md(after)}"
