"""Publication dates into UTC timestamps: from item metadata, or from a date written in the text."""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

from khobor.transforms.text.calendar_names import MONTHS

_BN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


def parse_published(value: str | None, tz: str = "UTC") -> datetime | None:
    """Parse a metadata date; naive values are read in the source's timezone. ``None`` if unparseable."""
    if value is None or not str(value).strip():
        return None
    text = str(value).translate(_BN_DIGITS).strip()
    found = find_date_in_text(text, tz)
    if found is not None and not re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}", text):
        return found  # "২১ নভেম্বর ২০২৬": dateutil knows no Bengali month names
    try:
        dt = dateparser.parse(text)
    except (ValueError, OverflowError):
        return found
    if dt is None:
        return found
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo(tz))
    return dt.astimezone(timezone.utc)


_D = r"[0-9০-৯]"
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# 21 নভেম্বর 2026 / ২১ নভেম্বর, ২০২৬ / November 21, 2026
_DAY_MONTH_YEAR = re.compile(rf"(?<![0-9০-৯])({_D}{{1,2}})\s+({_MONTH_ALT})[\s,]+({_D}{{4}})(?![0-9০-৯])")
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH_ALT})\s+({_D}{{1,2}}),?\s+({_D}{{4}})(?![0-9০-৯])")


DATELINE_REACH = 32
_ORDERS = ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2)))


def find_date_in_text(text: str, tz: str = "UTC", tail: int = 200) -> datetime | None:
    """The date of a dateline (``ঢাকা, ২১ নভেম্বর ২০২৬ —`` near the start of one of the first two
    lines) or of a closing line (``প্রকাশ: ২১ নভেম্বর ২০২৬``), as midnight in the source's timezone,
    in UTC. A date further into a sentence is what the article is about, not when it was published.
    """
    lines = unicodedata.normalize("NFC", text).split("\n")
    for line in lines[:2]:
        found = _first_date(line[: DATELINE_REACH + 40], tz, max_start=DATELINE_REACH)
        if found is not None:
            return found
    return _first_date(lines[-1][-tail:], tz) if len(lines) > 2 else None


def _first_date(part: str, tz: str, max_start: int | None = None) -> datetime | None:
    for rx, order in _ORDERS:
        m = rx.search(part)
        if not m or (max_start is not None and m.start() > max_start):
            continue
        g = m.groups()
        day, month, year = g[order[0]], g[order[1]], g[order[2]]
        try:
            local = datetime(int(year.translate(_BN_DIGITS)), MONTHS[month], int(day.translate(_BN_DIGITS)), tzinfo=ZoneInfo(tz))
        except (ValueError, KeyError):
            continue
        return local.astimezone(timezone.utc)
    return None
