"""A day written without a year that a past sentence tells of but that has not come yet (১০ আগস্ট দ্বিতীয়
দফায় রিমান্ডে পাঠান আদালত, published on 6 August) belongs to the past the document narrates: the year
it last wrote out (২০২১ সালে ৪ আগস্ট পরীমণিকে গ্রেপ্তার করেছিল …), not this one. Runs over the document,
after its anaphors (``dates.date_spans`` values each sentence alone)."""
from __future__ import annotations

from datetime import date

from khobor.transforms.entities.date_links import _genitive_date
from khobor.transforms.entities.date_words import LAST, NEXT, _month, _nfc, _year, bounds, precision
from khobor.transforms.entities.dates import future_clauses, future_sentence, future_verb
from khobor.transforms.entities.types import Span
from khobor.transforms.text.calendar_names import WEEKDAYS

# A date with দিবস (day of …) this near names a day kept every year (জাতীয় শোক দিবস ১৫ আগস্ট), not a day of the
# narrated past.
_DAY_NAME = _nfc("দিবস")
_DAY_NAME_WORDS = 3
# Endings of a verb in the simple or perfect past (ছিল, করেছিলেন, বললেন): a story told.
_PAST = tuple(_nfc(e) for e in ("ছিল", "ছিলো", "ছিলেন", "লেন", "লাম"))


def _inside(tokens, span: Span) -> list:
    """The tokens of a sentence that lie within ``span``."""
    return [t for t in tokens if span.start <= t.start and t.end <= span.end]


def narrative_years(sentences, dates: list[tuple[int, Span]], published: date | None) -> list[str | None] | None:
    """New values for ``dates`` (the document's DATE spans in text order, with their sentence index),
    or None when none changes. ``sentences`` are the document's (sentence index, tokens)."""
    if published is None:
        return None
    today = published.isoformat()
    if not any(precision(s.value) == "day" and "/" not in s.value and s.value > today for _, s in dates):
        return None
    tokens_of = dict(sentences)
    out = [s.value for _, s in dates]
    written = None  # (year, first day) of the last date with its year written out, before this year
    for k, (si, s) in enumerate(dates):
        tokens = tokens_of.get(si, [])
        inside = _inside(tokens, s)
        if any(_year(t) is not None for t in inside):
            if precision(s.value) in ("day", "month") and int(s.value[:4]) < published.year:
                written = (int(s.value[:4]), s.value.split("/")[0])
            continue
        if (written is None or precision(s.value) != "day" or "/" in s.value or s.value <= today or not inside
                or not any(_month(t) for t in inside) or _nfc(inside[0].text) in NEXT
                or any(future_verb(_nfc(t.text)) for t in tokens if t.kind == "word")
                or any(_year(t) is not None for t in tokens) or _genitive_date(_nfc(inside[-1].text))):
            # a future verb anywhere (a verb said before its subject leaves the sentence's tense unread),
            # and a genitive day, which names what a noun is of (৭ জানুয়ারির নির্বাচন উপলক্ষে … করা হয়েছে),
            # not when the verb happened
            continue
        at = tokens.index(inside[0])
        near = tokens[max(0, at - _DAY_NAME_WORDS) : at + len(inside) + _DAY_NAME_WORDS]
        if future_clauses(tokens, future_sentence(tokens))[at] or any(_nfc(t.text).startswith(_DAY_NAME) for t in near):
            continue  # জাতীয় শোক দিবস ১৫ আগস্ট পালন করুন: a day kept every year, this year's
        value = f"{written[0]:04d}{s.value[4:]}"
        if value >= written[1] and bounds(value):
            out[k] = value
    return out if out != [s.value for _, s in dates] else None


def repeated_days(sentences, dates: list[tuple[int, Span]], published: date | None) -> list[str | None] | None:
    """A day and month written again without a year (বিষয়টি ১৭ ডিসেম্বর কার্যতালিকায় আসবে) is the day
    the document already named with গত/আগামী (গত ১৭ ডিসেম্বর, published on 3 January: 2023), not the
    one its own sentence's tense would pick. Only when every such naming of that day agrees; a day
    written with its year does not count (২০০৯ সালের ২৫ ফেব্রুয়ারি: the bare ২৫ ফেব্রুয়ারি may be this
    year's anniversary). New values for ``dates`` (as ``narrative_years``), or None when none changes."""
    if published is None:
        return None
    tokens_of = dict(sentences)
    settled: dict[str, set[str]] = {}  # MM-DD -> the years the document gave it explicitly
    bare: list[int] = []
    for k, (si, s) in enumerate(dates):
        if precision(s.value) != "day" or "/" in s.value:
            continue
        inside = _inside(tokens_of.get(si, []), s)
        if not inside or not any(_month(t) for t in inside):
            continue  # a weekday or a day word names no day and month
        if any(_year(t) is not None for t in inside):
            continue  # ২০০৯ সালের ২৫ ফেব্রুয়ারি: the event's day, whose anniversary the bare day may be
        if _nfc(inside[0].text) in NEXT or _nfc(inside[0].text) in LAST:
            settled.setdefault(s.value[5:], set()).add(s.value[:4])
        elif len(inside) <= 2:  # ১৭ ডিসেম্বর, ১৭ ডিসেম্বরের: nothing but the day and its month
            bare.append(k)
    out = [s.value for _, s in dates]
    for k in bare:
        years = settled.get(out[k][5:])
        if years and len(years) == 1 and (year := next(iter(years))) != out[k][:4]:
            out[k] = year + out[k][4:]
    return out if out != [s.value for _, s in dates] else None


def narrative_months(sentences, dates: list[tuple[int, Span]], published: date | None) -> list[str | None] | None:
    """A month written without a year in a past sentence (এ ছাড়াও জুলাই মাসে … হত্যার অভিযোগ ছিল) right
    after a sentence that dates its story in a distinctly earlier year (১৯৭১ সালের ২৬ মে …) is of that
    year, not the last July before the publication day. New values for ``dates`` (as
    ``narrative_years``), or None when none changes."""
    if published is None:
        return None
    tokens_of = dict(sentences)
    out = [s.value for _, s in dates]
    story: tuple[int, int] | None = None  # (sentence, year) of the last date written with a year
    for k, (si, s) in enumerate(dates):
        tokens = tokens_of.get(si, [])
        inside = _inside(tokens, s)
        if any(_year(t) is not None for t in inside):
            # a day or month of a distinctly earlier year dates a story; a year alone seldom does
            # (২০২২ সাল থেকে … নিয়ন্ত্রণে রয়েছে: since, and the state goes on)
            year = int(s.value[:4]) if precision(s.value) in ("day", "month") and "/" not in s.value else None
            story = (si, year) if year and year < published.year - 1 else None
            continue
        if story is None or si != story[0] + 1 or precision(s.value) != "month" or "/" in s.value:
            story = None if story and si > story[0] + 1 else story
            continue
        if (len(inside) > 2 or not any(_month(t) for t in inside) or _nfc(inside[0].text) in NEXT or _nfc(inside[0].text) in LAST
                or not any(_nfc(t.text).endswith(_PAST) for t in tokens if t.kind == "word")
                or any(future_verb(_nfc(t.text)) for t in tokens if t.kind == "word")):
            continue  # a story is told in the past (… অভিযোগ ছিল, … করেছিলেন), not the present perfect
        out[k] = f"{story[1]:04d}{s.value[4:]}"
    return out if out != [s.value for _, s in dates] else None


# How many days before the publication day a weekday the document names may lie and still be the day
# a later, future-tense naming of the same weekday means (a week less a day: the weekday's last instance).
_LAST_WEEK_DAYS = 6


def repeated_weekdays(sentences, dates: list[tuple[int, Span]], published: date | None) -> list[str | None] | None:
    """A bare weekday a future sentence pushed into the coming week (রোববার রাতে জাহাজটি বন্দরে ঢুকবে,
    published on Monday) is the day the document already named by that weekday in the past (রোববার
    বিকেলে বিজ্ঞপ্তি দেয়): a report written on the day before its publication tells what is to happen
    that night. Only when every past naming of the weekday agrees on a day in the six before the
    publication day, and none is written with গত/আগামী or a date. New values for ``dates`` (as ``narrative_years``), or None when none changes."""
    if published is None:
        return None
    today = published.isoformat()
    tokens_of = dict(sentences)
    bare: dict[int, list[int]] = {}  # weekday -> the dates that are that weekday alone
    for k, (si, s) in enumerate(dates):
        inside = _inside(tokens_of.get(si, []), s)
        words = [_nfc(t.text) for t in inside]
        if len(words) == 1 and words[0] in WEEKDAYS and precision(s.value) == "day" and "/" not in s.value:
            bare.setdefault(WEEKDAYS[words[0]], []).append(k)
        elif any(w in WEEKDAYS for w in words):
            bare.setdefault(next(WEEKDAYS[w] for w in words if w in WEEKDAYS), []).append(-1)  # গত রোববার, রোববার (১১ আগস্ট)
    out = [s.value for _, s in dates]
    for ks in bare.values():
        if -1 in ks:
            continue
        past = {out[k] for k in ks if out[k] <= today}
        ahead = [k for k in ks if out[k] > today]
        if len(past) != 1 or not ahead:
            continue
        day = next(iter(past))
        if 1 <= (published - date.fromisoformat(day)).days <= _LAST_WEEK_DAYS:
            # not the publication day's own weekday: সোমবারের মধ্যে জমা দিতে হবে, said on a Monday, is the next
            for k in ahead:
                out[k] = day
    return out if out != [s.value for _, s in dates] else None
