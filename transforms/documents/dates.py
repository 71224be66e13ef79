"""Publication dates: from item metadata, or from a dateline or byline written in the text.

A date is read as a ``Published``: the UTC instant, the publisher's local calendar day and the
precision the source gave. A date-only value (``2024/08/12``, a JSON-LD ``datePublished`` of
``2024-08-12``, a byline ``২১ নভেম্বর ২০২৬``) has precision ``day``: its day is the day as written,
whatever the timezone, and its instant is the start of that day in the source's timezone. A value
with a time of day (``2024-01-02 04:37:50``, ``২১ নভেম্বর ২০২৬, ১০:৩০``) has precision ``time``:
naive times are read in the source's timezone, and the day is the instant's day there.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

from khobor.transforms.text.calendar_names import MONTHS

_BN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


@dataclass(frozen=True)
class Published:
    at: datetime  # UTC; for precision "day", the start of that day in the source's timezone
    day: date  # the publisher's local calendar day
    precision: str  # "day" (only a date was given) | "time"
    local_time: time | None = None  # the publisher's wall-clock time; None for precision "day"

    @classmethod
    def of(cls, local: datetime, precision: str) -> Published:
        """From an aware local datetime: the day is its own calendar day."""
        return cls(local.astimezone(timezone.utc), local.date(), precision, local.time() if precision == "time" else None)


def read_published(value: str | None, tz: str = "UTC") -> Published | None:
    """A metadata date as a ``Published``; ``None`` when it is not a whole date (no year, month and
    day) or cannot be read."""
    if value is None or not str(value).strip():
        return None
    text = str(value).translate(_BN_DIGITS).strip()
    found = find_published_in_text(text, tz)
    if found is not None and not text.isascii():
        return found  # "২১ নভেম্বর ২০২৬, ১০:৩০": dateutil knows no Bengali month names
    try:
        # Two different defaults show which parts the value lacks: a part that changes with the
        # default was not given.
        a = dateparser.parse(text, default=datetime(2000, 1, 1, 0, 0, 0))
        b = dateparser.parse(text, default=datetime(2001, 2, 2, 1, 1, 0))
    except (ValueError, OverflowError):
        return found
    if a is None or b is None:
        return found
    if a.date() != b.date():
        return found  # "August 2024", "2024": not a day
    zone = ZoneInfo(tz)
    try:
        if (a.hour, a.minute) != (b.hour, b.minute):
            return Published.of(datetime(a.year, a.month, a.day, tzinfo=zone), "day")
        if a.tzinfo is None:
            return Published.of(a.replace(tzinfo=zone), "time")
        return Published.of(a.astimezone(zone), "time")
    except (ValueError, OverflowError):
        # 9999-12-31T23:00:00-05:00 is a valid string but no instant Python can hold in UTC.
        return found


def parse_published(value: str | None, tz: str = "UTC") -> datetime | None:
    """The UTC instant of a metadata date (see ``read_published``); ``None`` if unparseable."""
    found = read_published(value, tz)
    return found.at if found else None


_D = r"[0-9০-৯]"
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# 21 নভেম্বর 2026 / ২১ নভেম্বর, ২০২৬ / November 21, 2026
_DAY_MONTH_YEAR = re.compile(rf"(?<![0-9০-৯])({_D}{{1,2}})\s+({_MONTH_ALT})[\s,]+({_D}{{4}})(?![0-9০-৯])")
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH_ALT})\s+({_D}{{1,2}}),?\s+({_D}{{4}})(?![0-9০-৯])")
# A time right after the date: ", ১০:৩০", " 10.30 PM", ", রাত ৯:১৫", ", ১০:৩০ পিএম"
_TIME = re.compile(
    rf"^[\s,।|–—-]*(?:(সকাল|ভোর|দুপুর|বিকাল|বিকেল|সন্ধ্যা|রাত)\s*)?({_D}{{1,2}})\s*[:.]\s*({_D}{{2}})(?!{_D})"
    r"(?:\s*(am|pm|a\.m\.|p\.m\.|এএম|পিএম))?",
    re.I,
)
_AFTERNOON = {"দুপুর", "বিকাল", "বিকেল", "সন্ধ্যা"}


DATELINE_REACH = 32
_ORDERS = ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2)))


def find_published_in_text(text: str, tz: str = "UTC", tail: int = 200) -> Published | None:
    """The date of a dateline (``ঢাকা, ২১ নভেম্বর ২০২৬ —`` near the start of one of the first two
    lines that are not blank: a headline, then the dateline) or of a closing line (``প্রকাশ: ২১
    নভেম্বর ২০২৬``), with the time when one follows it. A date further into a sentence is what the
    article is about, not when it was published.
    """
    lines = [line for line in unicodedata.normalize("NFC", text).split("\n") if line.strip()]
    for line in lines[:2]:
        found = _first_date(line[: DATELINE_REACH + 60], tz, max_start=DATELINE_REACH)
        if found is not None:
            return found
    return _first_date(lines[-1][-tail:], tz) if len(lines) > 2 else None


def find_date_in_text(text: str, tz: str = "UTC", tail: int = 200) -> datetime | None:
    """The UTC instant of ``find_published_in_text``."""
    found = find_published_in_text(text, tz, tail)
    return found.at if found else None


def _hour(hour: int, period: str | None, suffix: str | None) -> int:
    suffix = (suffix or "").lower().replace(".", "")
    if suffix in ("pm", "পিএম") or period in _AFTERNOON or (period == "রাত" and hour >= 6):
        return hour + 12 if hour < 12 else hour
    if suffix in ("am", "এএম") and hour == 12:
        return 0
    return hour


def _first_date(part: str, tz: str, max_start: int | None = None) -> Published | None:
    for rx, order in _ORDERS:
        m = rx.search(part)
        if not m or (max_start is not None and m.start() > max_start):
            continue
        g = m.groups()
        day, month, year = g[order[0]], g[order[1]], g[order[2]]
        zone = ZoneInfo(tz)
        try:
            local = datetime(int(year.translate(_BN_DIGITS)), MONTHS[month], int(day.translate(_BN_DIGITS)), tzinfo=zone)
        except (ValueError, KeyError):
            continue
        t = _TIME.match(part[m.end():])
        try:
            if t:
                period, hh, mm, suffix = t.groups()
                hour, minute = _hour(int(hh.translate(_BN_DIGITS)), period, suffix), int(mm.translate(_BN_DIGITS))
                if hour < 24 and minute < 60:
                    return Published.of(local.replace(hour=hour, minute=minute), "time")
            return Published.of(local, "day")
        except OverflowError:  # a day at the very edge of the calendar, out of range in UTC
            continue
    return None
