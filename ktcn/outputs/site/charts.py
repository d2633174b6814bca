"""The site's charts as inline SVG, made here: no library, no script, nothing fetched.

Every chart is readable without colour: each status has a pattern as well as
a colour, every bar carries its number in text, and the figure comes with a
title, a description and a table of the same data (its text equivalent).
Horizontal positions are percentages and vertical ones pixels, so a chart
stretches to the width of the screen while its text keeps its size: a phone
shows the same chart, narrower, never a tiny one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ktcn.engine.status import Counts

CATEGORIES = ("done_on_time", "done_late", "in_progress", "overdue", "ongoing", "cancelled")
# colour (each at least 4.5:1 against white) and the texture drawn over it in white
STYLE = {
    "done_on_time": ("#1a7f37", ""),
    "done_late": ("#8a5a00", "stripes"),
    "in_progress": ("#0969da", "dots"),
    "overdue": ("#c61f2b", "cross"),
    "ongoing": ("#7a47d6", "rows"),
    "cancelled": ("#59636e", "columns"),
    "upcoming": ("#ffffff", ""),
}
ROW = 46  # pixels per bar: its label line, then the bar
BAR = 18
FONT = 13


@dataclass(frozen=True)
class Chart:
    """A chart and its text equivalent: the table `head` / `rows` shows the same numbers."""

    key: str  # unique on its page: prefixes the SVG's ids
    title: str
    desc: str
    svg: Markup
    head: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    legend: tuple[tuple[str, Markup], ...] = field(default=())  # (label, swatch)
    empty_words: str = ""  # what an empty chart says instead: why there is nothing to draw

    @property
    def empty(self) -> bool:
        return not self.rows


def pattern(key: str, category: str) -> str:
    """The SVG pattern of a status: its colour, and a white texture that tells it apart without colour."""
    colour, texture = STYLE[category]
    shapes = {
        "": "",
        "stripes": '<path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" stroke="#fff" stroke-width="1.6"/>',
        "dots": '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
        "cross": '<path d="M0,0 L8,8 M8,0 L0,8" stroke="#fff" stroke-width="1.3"/>',
        "rows": '<path d="M0,2 H8 M0,6 H8" stroke="#fff" stroke-width="1.2"/>',
        "columns": '<path d="M2,0 V8 M6,0 V8" stroke="#fff" stroke-width="1.2"/>',
    }[texture]
    return (f'<pattern id="{key}-{category}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{colour}"/>{shapes}</pattern>')


def swatch(key: str, category: str) -> Markup:
    """A small square in a status's pattern, for legends and chips."""
    return Markup(f'<svg class="swatch" width="14" height="14" aria-hidden="true" focusable="false"><defs>'
                  f'{pattern(key, category)}</defs><rect width="14" height="14" fill="url(#{key}-{category})"'
                  f' stroke="#1f2328" stroke-width="1"/></svg>')


def _svg(key: str, height: int, body: str, categories: Sequence[str] = ()) -> Markup:
    defs = "".join(pattern(key, c) for c in categories)
    return Markup(f'<svg class="chart" width="100%" height="{height}" role="img" aria-labelledby="{key}-t {key}-d"'
                  f' focusable="false" font-size="{FONT}">{f"<defs>{defs}</defs>" if defs else ""}{body}</svg>')


def _titled(key: str, title: str, desc: str) -> str:
    return f'<title id="{key}-t">{escape(title)}</title><desc id="{key}-d">{escape(desc)}</desc>'


def _pct(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _clip(text: str, limit: int = 90) -> str:
    """SVG text does not wrap: a long name is cut (the table under the chart has it whole)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def stacked_bars(key: str, title: str, desc: str, rows: Sequence[tuple[str, Counts]], category_names: dict[str, str],
                 total_name: str) -> Chart:
    """One bar per row, its parts the counts of each status; bar lengths share one scale."""
    widest = max((c.total for _, c in rows), default=0)
    body = [_titled(key, title, desc)]
    for i, (name, counts) in enumerate(rows):
        y = i * ROW
        body.append(f'<text x="0" y="{y + FONT + 2}" class="label">{escape(_clip(name))}'
                    f' <tspan class="muted">({counts.total})</tspan></text>')
        left = 0.0
        for category in CATEGORIES:
            value = getattr(counts, category)
            if not value:
                continue
            share = 100 * value / widest
            body.append(f'<rect x="{_pct(left)}" y="{y + 20}" width="{_pct(share)}" height="{BAR}"'
                        f' fill="url(#{key}-{category})"><title>{escape(category_names[category])}: {value}'
                        f'</title></rect>')
            if share >= 3 * len(str(value)) + 2:  # room for the number on its white tab
                body.append(_tab(left + share / 2, y + 20, str(value)))
            left += share
    head = ("", *(category_names[c] for c in CATEGORIES), total_name)
    table = tuple((name, *(str(getattr(c, k)) for k in CATEGORIES), str(c.total)) for name, c in rows)
    legend = tuple((category_names[c], swatch(f"{key}-l", c)) for c in CATEGORIES)
    return Chart(key, title, desc, _svg(key, max(1, len(rows)) * ROW, "".join(body), CATEGORIES), head, table,
                 legend)


def _tab(x: float, y: int, text: str) -> str:
    """A number on a white tab over a bar, readable whatever the pattern under it."""
    width = 7 * len(text) + 6
    return (f'<svg x="{_pct(x)}" y="{y + 2}" width="1" height="1" overflow="visible">'
            f'<rect x="{-width / 2}" y="0" width="{width}" height="{BAR - 4}" rx="3" fill="#fff"/>'
            f'<text x="0" y="{BAR - 8}" text-anchor="middle" font-size="11">{text}</text></svg>')


def value_bars(key: str, title: str, desc: str, rows: Sequence[tuple[str, float, str]], head: tuple[str, ...],
               table: Sequence[tuple[str, ...]], full: float | None = None) -> Chart:
    """One bar per row, its length the value out of `full` (default: the largest), its words after it."""
    scale = full if full else max((v for _, v, _ in rows), default=0) or 1
    body = [_titled(key, title, desc)]
    for i, (name, value, words) in enumerate(rows):
        y = i * ROW
        length = 68 * value / scale  # the bar takes at most 68% of the width: its words follow it
        body.append(f'<text x="0" y="{y + FONT + 2}" class="label">{escape(_clip(name))}</text>')
        if full:
            body.append(f'<rect x="0" y="{y + 20}" width="68%" height="{BAR}" class="track"/>')
        body.append(f'<rect x="0" y="{y + 20}" width="{_pct(length)}" height="{BAR}" class="bar"/>')
        body.append(f'<text x="{_pct((68 if full else length) + 1.5)}" y="{y + 20 + BAR - 5}">{escape(words)}</text>')
    return Chart(key, title, desc, _svg(key, max(1, len(rows)) * ROW, "".join(body)), head, tuple(table))


def quarter_columns(key: str, title: str, desc: str, quarters: Sequence[tuple[str, str, str, int, int]],
                    names: tuple[str, str], head: tuple[str, ...]) -> Chart:
    """One column per quarter (`label`, its short name, `year`, done on time, done late), stacked.

    Under each column its quarter (when there is room), under the first quarter of each year the year; the total
    over each column when they are few enough to read.
    """
    height, top, bottom = 214, 24, 44
    tallest = max((a + b for _, _, _, a, b in quarters), default=0) or 1
    step = nice_step(tallest)
    scale = (height - top - bottom) / (step * -(-tallest // step))
    body = [_titled(key, title, desc)]
    left, room = 7.0, 93.0  # the scale's numbers take the first 7% of the width
    for value in range(0, tallest + step, step):
        y = height - bottom - value * scale
        body.append(f'<line x1="{_pct(left)}" x2="100%" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                    f'<text x="{_pct(left - 1)}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{value}</text>')
    width = room / max(1, len(quarters))
    few = len(quarters) <= 24
    shown_year = ""
    for i, (label, short, year, on_time, late) in enumerate(quarters):
        x = left + i * width
        base = height - bottom
        for category, value in (("done_on_time", on_time), ("done_late", late)):
            if value:
                body.append(f'<rect x="{_pct(x + width * 0.12)}" y="{base - value * scale:.1f}"'
                            f' width="{_pct(width * 0.76)}" height="{value * scale:.1f}"'
                            f' fill="url(#{key}-{category})"><title>{escape(label)}: {value}</title></rect>')
                base -= value * scale
        middle = _pct(x + width / 2)
        if few and on_time + late:
            body.append(f'<text x="{middle}" y="{base - 4:.1f}" text-anchor="middle" font-size="11">'
                        f"{on_time + late}</text>")
        if few:
            body.append(f'<text x="{middle}" y="{height - 26}" text-anchor="middle" font-size="11"'
                        f' class="muted">{escape(short)}</text>')
        if year != shown_year:
            shown_year = year
            body.append(f'<line x1="{_pct(x)}" x2="{_pct(x)}" y1="{top}" y2="{height - 14}" class="grid"/>'
                        f'<text x="{_pct(x + 0.5)}" y="{height - 4}" font-size="11">{escape(year)}</text>')
    rows = tuple((label, str(a), str(b), str(a + b)) for label, _, _, a, b in quarters)
    legend = tuple((n, swatch(f"{key}-l", c)) for n, c in zip(names, ("done_on_time", "done_late"), strict=True))
    return Chart(key, title, desc, _svg(key, height, "".join(body), ("done_on_time", "done_late")), head, rows, legend)


def nice_step(highest: int) -> int:
    """A round step for a scale that reaches `highest` in about four steps: 1, 2, 5, 10, 20, 50..."""
    step = 1
    while highest / step > 5:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if highest / step <= 5:
                break
    return step
