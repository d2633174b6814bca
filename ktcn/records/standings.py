"""Each programme's standing on a board's day, as a load gathers them: from the cache, or computed and stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ktcn.engine.standing import Rows, Standing, Trim, rows_maker, standing
from ktcn.records.cache import Cache
from ktcn.records.model import Agency, Programme, Settings


class Standings:
    """Each programme's standing on the board's day: from the cache when one holds, else computed and stored.

    When the view's trim has `rows` (`ktcn.engine.standing.Rows`), the rows it makes of each standing are kept
    too, from the cache beside the standing when they were made from it: then only the standing's head is read.
    """

    def __init__(self, cache: Cache, key: str, as_of: date, settings: Settings, agencies: tuple[Agency, ...],
                 trim: Trim | None) -> None:
        from ktcn.engine.working_days import calendar_version, deadline_shift

        self.shift = deadline_shift(settings)
        key += "|" + calendar_version(settings)  # deadlines in force and working-day counts follow its calendar
        self.cache, self.key, self.as_of, self.trim = cache, key, as_of, trim
        self.warn_days = settings.warn_days
        self.agencies = {a.id: a for a in agencies}
        self.found: dict[Path, Standing] = {}
        self.maker: Rows | None = rows_maker(trim, settings, agencies)
        self.rows: dict[Path, Any] = {}
        self._fresh: dict[Path, tuple[Standing, Any]] = {}  # rows just made with the standing computed here

    def reuse(self, file: Path, content: str) -> bool:
        """Keep the stored standing of this content of `file` if it holds on the day (and the rows made of it)."""
        maker = self.maker
        latest = 0 if maker is not None else self.trim.latest_overdue if self.trim else None
        found = self.cache.standing(file, content, self.key, self.as_of, latest)
        if found is None:
            return False
        rows = None
        if maker is not None:
            rows = self.cache.rows(file, content, self.key, found, maker.tag)
            if rows is None:  # made from the whole standing, then kept beside it
                found = self.cache.standing(file, content, self.key, self.as_of)
                if found is None:
                    return False
                rows = self._made(file, content, found)
        self.keep(file, found, rows)
        return True

    def compute(self, file: Path, content: str | None, programme: Programme) -> Standing:
        """The programme's standing on the day, stored for the days it holds (`content`: the file's digest)."""
        found = standing(programme, self.as_of, self.warn_days, self.agencies, self.shift)
        if content is not None:
            self.cache.store_standing(file, content, self.key, found)
            if self.maker is not None:
                self._fresh[file] = (found, self._made(file, content, found))  # for `keep`, when in this process
        return found

    def keep(self, file: Path, found: Standing, rows: Any = None) -> None:
        """Keep a standing as the view trims it; with a rows maker, its rows too (made now unless given)."""
        if self.maker is not None:
            made_for, made = self._fresh.pop(file, (None, None))
            self.rows[file] = rows if rows is not None else made if made_for is found else self.maker.make(found)
        self.found[file] = self.trim(found) if self.trim else found

    def _made(self, file: Path, content: str, found: Standing) -> Any:
        """The view's rows of a whole standing, stored beside it."""
        rows = self.maker.make(found)  # type: ignore[union-attr]
        self.cache.store_rows(file, content, self.key, found, self.maker.tag, rows)  # type: ignore[union-attr]
        return rows
