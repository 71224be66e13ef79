"""Rule-based mentions: dates with a normalised value, numbers and quantities, hashtags, acronyms.

Rules see the tokens of one sentence. Dates come first so a year inside a date is not also a NUMBER.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from khobor.transforms.entities.inflection import inflected_forms
from khobor.transforms.entities.types import Span
from khobor.transforms.text.calendar_names import MONTHS, WEEKDAYS


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


_YEAR_WORDS = {_nfc(w) for base in ("সাল", "সন", "খ্রিস্টাব্দ", "খ্রিষ্টাব্দ") for w in inflected_forms(base)}
_RANGE_WORDS = {_nfc(w) for w in ("থেকে", "হতে", "to", "-", "–", "—")}

# Words that make a number a QUANTITY (Bengali and English units, multipliers and currency).
_UNITS = {
    _nfc(w)
    for w in (
        "কোটি লাখ লক্ষ হাজার শত টাকা ডলার রুপি ইউরো শতাংশ % জন কেজি গ্রাম টন লিটার কিলোমিটার মিটার "
        "সেন্টিমিটার মিলিমিটার ঘণ্টা মিনিট সেকেন্ড দিন দিনের মাস বছর বছরের ডিগ্রি মেগাওয়াট ইউনিট কোচ "
        "টি টা টির জনের টাকার ডলারের percent per cent million billion crore lakh thousand kg km tonnes "
        "tons dollars taka USD BDT Tk riders people"
    ).split()
}
_CURRENCY_PREFIX = {"USD", "BDT", "Tk", "$", "৳", "€", "£", "Rs"}
_MULTIPLIERS = {_nfc(w): m for w, m in {
    "হাজার": 1e3, "লাখ": 1e5, "লক্ষ": 1e5, "কোটি": 1e7, "thousand": 1e3, "lakh": 1e5, "crore": 1e7,
    "million": 1e6, "billion": 1e9,
}.items()}


def _number_value(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)

_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|[A-Z]\d{1,3}|[A-Z]{1,4}-?\d{1,3})$")
_NOT_ORG_ACRONYMS = {"USD", "BDT", "GDP", "CEO", "AM", "PM", "TV", "OK", "EPL", "FM", "MP", "II", "III", "IV"}


def _year(tok) -> int | None:
    if tok.kind == "number" and tok.value is not None and len(tok.text) == 4 and 1800 <= tok.value <= 2200:
        return int(tok.value)
    return None


def _day(tok) -> int | None:
    if tok.kind == "number" and tok.value is not None and tok.value == int(tok.value) and 1 <= tok.value <= 31:
        return int(tok.value)
    return None


def _month(tok) -> int | None:
    return MONTHS.get(_nfc(tok.text))


def _iso(y: int | None, m: int, d: int | None) -> str | None:
    if y is None:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _forms(*words: str) -> set[str]:
    return {_nfc(f) for w in words for f in inflected_forms(_nfc(w))}


_NEXT = _forms("আগামী", "next", "Next")
_LAST = _forms("গত", "বিগত", "last", "Last")
_THIS = _forms("চলতি", "এ", "এই", "this", "This", "চলমান")
_YEAR_UNIT = _forms("বছর", "সাল", "year")
_MONTH_UNIT = _forms("মাস", "month")
_WEEK_UNIT = _forms("সপ্তাহ", "week")
_DAY_WORDS = {**{f: 0 for f in _forms("আজ", "today", "Today")}, **{f: -1 for f in _forms("গতকাল", "yesterday", "Yesterday")},
              **{f: 1 for f in _forms("আগামীকাল", "tomorrow", "Tomorrow")}}


def _shift_month(d: date, months: int) -> str:
    m = d.year * 12 + (d.month - 1) + months
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def relative_spans(tokens, published: date | None, taken: list[tuple[int, int]]) -> list[Span]:
    """Relative dates (আগামী বছর, গত মাসে, বুধবার, গতকাল, আগামী ডিসেম্বর), resolved against the
    publication date when it is known and left without a value otherwise."""
    spans: list[Span] = []
    n = len(tokens)
    free = lambda k: not any(s <= tokens[k].start < e for s, e in taken)  # noqa: E731
    i = 0
    while i < n:
        t = _nfc(tokens[i].text)
        if not free(i):
            i += 1
            continue
        nxt = _nfc(tokens[i + 1].text) if i + 1 < n and free(i + 1) else None
        shift = 1 if t in _NEXT else -1 if t in _LAST else 0 if t in _THIS else None
        span_end, value = None, None
        if shift is not None and nxt is not None:
            if nxt in _YEAR_UNIT:
                span_end, value = i + 1, (str(published.year + shift) if published else None)
                after = _nfc(tokens[i + 2].text) if i + 2 < n and free(i + 2) else None
                if after in MONTHS:  # আগামী বছরের জানুয়ারিতে: January of next year
                    span_end = i + 2
                    value = f"{published.year + shift:04d}-{MONTHS[after]:02d}" if published else None
            elif nxt in _MONTH_UNIT:
                span_end, value = i + 1, (_shift_month(published, shift) if published else None)
            elif nxt in _WEEK_UNIT:
                span_end = i + 1
                if published:
                    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
                    value = f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
            elif nxt in MONTHS and published:
                month = MONTHS[nxt]
                year = published.year + (1 if shift == 1 and month <= published.month else -1 if shift == -1 and month >= published.month else 0)
                span_end, value = i + 1, f"{year:04d}-{month:02d}"
            elif nxt in MONTHS:
                span_end = i + 1
            elif nxt in WEEKDAYS:
                span_end, value = i + 1, _weekday(published, WEEKDAYS[nxt], shift or None)
        elif t in WEEKDAYS and t[:1].isalpha():
            span_end, value = i, _weekday(published, WEEKDAYS[t], None)
        elif t in _DAY_WORDS:
            span_end, value = i, ((published + timedelta(days=_DAY_WORDS[t])).isoformat() if published else None)
        if span_end is not None:
            spans.append(Span(tokens[i].start, tokens[span_end].end, "DATE", "rule", 0.7 if value else 0.6, value))
            i = span_end + 1
        else:
            i += 1
    return spans


def _weekday(published: date | None, weekday: int, direction: int | None) -> str | None:
    """The named weekday nearest the publication date: the last one on or before it (news reports
    what happened), the next one after it with আগামী, the previous one with গত."""
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    if direction == 1:
        return (published + timedelta(days=(weekday - published.weekday()) % 7 or 7)).isoformat()
    if direction == -1:
        return (published - timedelta(days=back or 7)).isoformat()
    return (published - timedelta(days=back)).isoformat()


def date_spans(tokens, published: date | None) -> list[Span]:
    """DATE spans: day-month-year, ranges (25 থেকে 29 ডিসেম্বর), month-year, day-month, year + সাল."""
    spans: list[Span] = []
    i, n = 0, len(tokens)
    default_year = published.year if published else None
    while i < n:
        t = tokens[i]
        matched = None
        d1 = _day(t)
        # day [to day] month [year]
        if d1 is not None and i + 1 < n:
            j, d2 = i + 1, None
            if tokens[j].text in _RANGE_WORDS and j + 2 < n and _day(tokens[j + 1]) is not None and _month(tokens[j + 2]):
                d2 = _day(tokens[j + 1])
                j += 2
            m = _month(tokens[j]) if j < n else None
            if m:
                y = _year(tokens[j + 1]) if j + 1 < n else None
                end_tok = j + 1 if y is not None else j
                year = y if y is not None else default_year
                if d2 is not None:
                    a, b = _iso(year, m, d1), _iso(year, m, d2)
                    value = f"{a}/{b}" if a and b else None
                else:
                    value = _iso(year, m, d1)
                matched = (end_tok, value)
        # month day[,] year (English order)
        if matched is None and _month(t) and i + 1 < n and _day(tokens[i + 1]) is not None and not _year(tokens[i + 1]):
            j = i + 2
            if j < n and tokens[j].text == ",":
                j += 1
            y = _year(tokens[j]) if j < n else None
            if y is not None:
                matched = (j, _iso(y, _month(t), _day(tokens[i + 1])))
        # month year
        if matched is None and _month(t) and i + 1 < n and _year(tokens[i + 1]) is not None:
            matched = (i + 1, _iso(_year(tokens[i + 1]), _month(t), None))
        # year সাল [month]
        if matched is None and _year(t) is not None and i + 1 < n and _nfc(tokens[i + 1].text) in _YEAR_WORDS:
            y, end_tok, value = _year(t), i + 1, str(_year(t))
            if i + 2 < n and _month(tokens[i + 2]):
                end_tok, value = i + 2, _iso(y, _month(tokens[i + 2]), None)
            matched = (end_tok, value)
        if matched is not None:
            end_tok, value = matched
            spans.append(Span(t.start, tokens[end_tok].end, "DATE", "rule", 0.9, value))
            i = end_tok + 1
            continue
        i += 1
    return spans


def number_spans(tokens, taken: list[tuple[int, int]]) -> list[Span]:
    spans = []
    for i, t in enumerate(tokens):
        if t.kind != "number" or t.value is None or any(s <= t.start < e for s, e in taken):
            continue
        value = _number_value(t.value)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1] if i > 0 else None
        if nxt is not None and _nfc(nxt.text) in _UNITS and nxt.start - t.end <= 1:
            scaled = _number_value(round(t.value * _MULTIPLIERS.get(_nfc(nxt.text), 1), 6))
            spans.append(Span(t.start, nxt.end, "QUANTITY", "rule", 0.85, scaled))
        elif prev is not None and prev.text in _CURRENCY_PREFIX and t.start - prev.end <= 1:
            spans.append(Span(prev.start, t.end, "QUANTITY", "rule", 0.85, value))
        else:
            spans.append(Span(t.start, t.end, "NUMBER", "rule", 0.95, value))
    return spans


def hashtag_spans(tokens) -> list[Span]:
    return [Span(t.start, t.end, "HASHTAG", "rule", 1.0, t.text.lstrip("#")) for t in tokens if t.kind == "hashtag"]


def acronym_spans(tokens) -> list[Span]:
    """Latin acronyms (BRICS, SCO, G20) not otherwise known are organisations more often than not."""
    return [
        Span(t.start, t.end, "ORG", "rule", 0.6, None)
        for t in tokens
        if t.kind in ("latin", "word") and _ACRONYM.match(t.text) and t.text not in _NOT_ORG_ACRONYMS
    ]
