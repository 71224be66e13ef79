"""Publication dates from item metadata into UTC timestamps."""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

_BN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


def parse_published(value: str | None, tz: str = "UTC") -> datetime | None:
    """Parse a metadata date; naive values are read in the source's timezone. ``None`` if unparseable."""
    if not value or not str(value).strip():
        return None
    try:
        dt = dateparser.parse(str(value).translate(_BN_DIGITS))
    except (ValueError, OverflowError):
        return None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo(tz))
    return dt.astimezone(timezone.utc)
