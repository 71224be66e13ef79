"""What a whole document says about its own dates: the day its relative dates count from
(``writer_day``), and what its anaphors (এদিন, পরদিন, ওই বছর) refer to (``resolve_anaphors``)."""
from __future__ import annotations

import csv
import functools
from collections import Counter
from datetime import date, time, timedelta
from importlib import resources

from khobor.transforms.entities.date_words import ANAPHOR, DAY_WORDS, _nfc, bounds, precision
from khobor.transforms.text.calendar_names import WEEKDAYS

# A weekday further than this from its day word is a misprint, not a writer a day or two off.
MAX_WRITER_OFFSET = 2


def writer_day(sentences, published: date | None, evening_edition: bool = False) -> date | None:
    """The day the document's relative dates count from: the publication day, unless the document
    names its own day by a day word and a weekday (গতকাল মঙ্গলবার, আজ বুধবার) that disagree with it
    by a day or two. Then the weekday is the writer's: a report written the day before its
    timestamp, or an edition dated the evening before (over the news_bench articles outside the
    evaluation sets, 38 of about 660 such pairs disagree, all but two by one day, and a date written
    beside them, as in গতকাল বুধবার (৭ আগস্ট), sides with the weekday). ``sentences`` holds each
    sentence's tokens; the offset most pairs agree on wins.

    With no such pair, a post that may be the next day's print edition (``evening_edition``, the
    function of that name) and says গতকাল is that edition: its গতকাল is the posting day, so it counts
    from the day after. One that does not say it is an online report of the evening, counting from
    its own day (over Samakal's posts
    from 21:00 outside the evaluation sets, its গতকাল paired with a weekday names the posting day 11
    times of 11, its আজ the posting day 10 times of 12)."""
    if published is None:
        return None
    offsets: Counter = Counter()
    yesterday = False
    for tokens in sentences:
        words = [_nfc(t.text) for t in tokens if t.text != "("]  # আজ (সোমবার) pairs as আজ সোমবার does
        yesterday = yesterday or any(DAY_WORDS.get(w) == -1 for w in words)
        for w, nxt in zip(words, words[1:]):
            if w in DAY_WORDS and nxt in WEEKDAYS:
                day = published + timedelta(days=DAY_WORDS[w])
                offsets[(WEEKDAYS[nxt] - day.weekday() + 3) % 7 - 3] += 1
    if not offsets:
        return published + timedelta(days=1) if evening_edition and yesterday else published
    offset = max(offsets.items(), key=lambda kv: (kv[1], kv[0] == 0))[0]
    return published + timedelta(days=offset) if abs(offset) <= MAX_WRITER_OFFSET else published


@functools.lru_cache(maxsize=1)
def _print_editions() -> dict[str, time]:
    """Each name of a publisher that posts the next day's print edition in the evening (lower case)
    -> the local time those posts start (``data/print_editions.tsv``)."""
    text = resources.files("khobor.transforms.entities").joinpath("data/print_editions.tsv").read_text(encoding="utf-8")
    out: dict[str, time] = {}
    for r in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        for name in r["names"].split("|"):
            out[name.strip().casefold()] = time.fromisoformat(r["evening_from"])
    return out


def evening_edition(publisher: str | None, local_time: time | None) -> bool:
    """Whether a post may be its publisher's next-day print edition: the publisher posts that edition
    in the evening and the post's local time is that hour or later."""
    start = _print_editions().get(publisher.strip().casefold()) if publisher else None
    return start is not None and local_time is not None and local_time >= start


def resolve_anaphors(values: list[str | None], published: date | None, sentences: list[int] | None = None) -> list[str | None]:
    """``values`` of one document's DATE spans in text order. "That day" (ANAPHOR) becomes the last
    day named before it, or the publication day when none was (এদিন in a lead means today); the
    day after (পরদিন) the day after that one, the day before (আগের দিন) the day before it; "this day" of a year written with it (২০০৯ সালের এই
    দিনে) that day's month and day in the year; "that year" (ওই বছর) the year of the last date named
    in another year than the publication day's (a month of a past narrative whose year the text
    leaves out is valued in the present year, and "that year" would not name the present one);
    "the year after" (পরের বছর) the year after the last year named (any year, the present one too);
    "that month" (ওই মাসে) the month of the date just before it, and "this month" (এ মাসে) the month
    named just before it in an earlier sentence (``sentences``: each value's sentence), else the
    publication month: within one sentence এ মাসে is set against the month before it (গত মাসেও ছিল, এই
    মাসেও আছে)."""
    out, last_day, last_year, named_year, last, last_at = [], None, None, None, None, None
    for k, v in enumerate(values):
        at = sentences[k] if sentences else None
        back = bool(v and v.startswith(ANAPHOR + "-") and v[len(ANAPHOR) + 1:].isdigit())
        if v and v.startswith(ANAPHOR + "-month"):
            kind = v[len(ANAPHOR + "-month"):]
            v = _month_anaphor(kind, None if kind and (at is None or at == last_at) else last, published)
        elif v and v.startswith(ANAPHOR):
            v = _anaphor_value(v[len(ANAPHOR):], last_day, last_year, published, named_year)
        last, last_at = v, at
        if v and precision(v) == "day" and "/" not in v and not back:
            last_day = v  # not the day before (আগের দিনের তুলনায়): a look back, the story's day stays
        if v and precision(v) and not (published and v[:4] == f"{published.year:04d}"):
            last_year = v[:4]  # "that year" is never the present one, which would be এ বছর
        if v and precision(v):
            named_year = v.split("/")[-1][:4]  # the year after a range (২০২১-২২, পরের বছর) follows its end
        out.append(v)
    return out


def _month_anaphor(kind: str, last: str | None, published: date | None) -> str | None:
    """ওই মাসে (kind ""): the month of the date named just before, when that date is a day or a month;
    এ মাসে (kind "-this"): the month named just before (ডিসেম্বরে … এ মাসে, in a January report), else
    the publication month."""
    named = last if last and "/" not in last else None
    if not kind:
        return named[:7] if named and precision(named) in ("day", "month") else None
    if named and precision(named) == "month":
        return named
    return f"{published.year:04d}-{published.month:02d}" if published else None


def _anaphor_value(kind: str, last_day: str | None, last_year: str | None, published: date | None,
                   named_year: str | None = None) -> str | None:
    day = last_day or (published.isoformat() if published else None)
    if kind.startswith("-yearafter"):  # পরের বছর: the year after the last year named
        return _valid(f"{int(named_year) + 1:04d}{kind[len('-yearafter'):]}") if named_year else None
    if not kind:
        return day
    if kind.startswith("+"):
        return (date.fromisoformat(last_day) + timedelta(days=int(kind[1:]))).isoformat() if last_day else None
    if kind.startswith("-") and kind[1:].isdigit():  # আগের দিন: the day before the last day named, or before the publication day
        return (date.fromisoformat(day) - timedelta(days=int(kind[1:]))).isoformat() if day else None
    if kind.startswith(":"):  # ২০০৯ সালের এই দিনে
        year = kind[1:]
        return _valid(f"{year}{day[4:]}") or year if day else year
    if kind.startswith("-year"):
        return _valid(f"{last_year}{kind[len('-year'):]}") if last_year else None
    return None

def _valid(value: str) -> str | None:
    """``value`` if it is a real ISO date (no 29 February of a common year)."""
    return value if bounds(value) else None
