"""DATE mentions with their calendar value, resolved against the publisher's local day.

What a date means:
- A year written in the phrase wins (২০১৯ সালের ৯ এপ্রিল → 2019-04-09; গত বছরের ১১ অক্টোবর → last
  year), then a year written elsewhere in the same sentence (one year only), then the year the
  phrase points at: আগামী (next) and গত (last) say which way; otherwise a day or month without a
  year is the nearest such day before the publication day (news reports what happened), unless
  that is more than nine months back or the sentence speaks of the future.
- আজ, গতকাল, আগামীকাল and their weekday (আগামীকাল বুধবার) count from the publication day; a bare
  weekday is the last one on or before it, or the next one when the sentence speaks of the future.
- Ranges are ``start/end`` (২০০৮ থেকে ২০২৩ সাল → 2008/2023; ২০২৩-২৪ অর্থবছর → 2023/2024).
- Numbers that name things are not dates: ৭ মার্চ ভবন, ২১ আগস্ট সড়ক; nor is a bare month that names
  an event (জুলাই বিপ্লব, জুলাই সনদ) or the English word march (লং মার্চ, মার্চ টু ঢাকা).
- A weekday followed by its date in brackets (সোমবার (১২ আগস্ট)) is that date. A weekday written
  with a day and month (আগামী ১২ আগস্ট সোমবার, সোমবার (১২ আগস্ট)) picks the year
  in which that day is that weekday, when the inferred year does not agree.
- A landmark day written without a year (৫ আগস্ট: 2024, the fall of the government) is that day,
  unless the text speaks of the instance near the publication day (within two months) or says আগামী
  or চলতি.
- Whether a sentence speaks of the future is read from the clause that holds the date when that
  clause ends in a verb (শনিবার সংস্থাটি বলেছে, … বন্ধ থাকবে: Saturday is past); a day up to two
  weeks before the publication day is this year's even then (a plan reported before its day).
- A day of an unnamed month (৭ তারিখে) is the nearest such day; counts back (তিন দিন আগে, দুই বছর
  আগে) count from the publication day, unless a genitive says from what (নির্বাচনের চার দিন আগে); a
  range of counts (চার-পাঁচ বছর আগে) is the range between them.
- Dates of one sentence that name each other (সোমবার (১২ আগস্ট), আজ ২৫ ফেব্রুয়ারি, গতকাল … তিনি বলেন,
  ‘আজ …’): see ``date_links``.
- Anaphors (এদিন, পরদিন, আগের দিন, ২০০৯ সালের এই দিনে, ওই বছর) and the writer's own day (গতকাল মঙ্গলবার in a
  text dated Thursday) are the document's: see ``date_context``.
Values are ISO (``2024-08-12``, ``2024-08``, ``2024``); ``precision`` reads which. A date that
cannot be resolved (no publication date) has no value.
"""
from __future__ import annotations

from datetime import date, timedelta

from khobor.transforms.entities.date_context import resolve_anaphors
from khobor.transforms.entities.date_links import link_dates
from khobor.transforms.entities.date_words import (
    _DAUGHTER,
    _GENITIVE,
    AFTER,
    AGO,
    ANAPHOR,
    ANAPHORS,
    DATE_UNIT,
    DATE_WORD,
    DAY_UNIT,
    DAY_WORDS,
    EVERY,
    FISCAL_YEAR_FIRST_MONTH,
    FISCAL_YEAR_UNIT,
    HYPHEN_ENDINGS,
    LAST,
    MONTH_UNIT,
    NAMED_THING,
    NEW,
    NEXT,
    NEXT_DAY,
    PREV,
    PREV_DAY,
    RANGE_WORDS,
    SAME_YEAR,
    THAT,
    THIS,
    WEEK_UNIT,
    YEAR_AND,
    YEAR_NAME_ALONE,
    YEAR_NAMES,
    YEAR_UNIT,
    YEAR_WORDS,
    _after_genitive,
    _count,
    _day,
    _day_at,
    _day_month,
    _falls_on,
    _first_last_day,
    _forms,
    _genitive_year_end,
    _is_every_unit,
    _iso,
    _law_after,
    _law_year,
    _month,
    _month_of_year,
    _names_event,
    _nfc,
    _shift_month,
    _short_year,
    _two_digit_year,
    _year,
    bounds,
    precision,
)
from khobor.transforms.entities.types import Span
from khobor.transforms.text.calendar_names import MONTHS, WEEKDAYS

__all__ = ["ANAPHOR", "bounds", "date_spans", "infer_year", "is_calendar_date", "precision", "resolve_anaphors"]

NEW_YEAR_MONTHS = 3
# Days Bangladeshi news names without a year: the day of the event, unless the text speaks of the
# instance near the publication day (see _landmark_year): the government's fall, the killing of
# Bangabandhu (১৫ আগস্টের ঘটনা), Hamas's attack on Israel (৭ অক্টোবর দক্ষিণ ইসরায়েলে হামাসের হামলা).
LANDMARKS = {(8, 5): 2024, (8, 15): 1975, (10, 7): 2023}
LANDMARK_NEAR_DAYS = 60
# Events news names by what happened on a landmark day: over the dated news_bench articles outside the
# evaluation sets, all 14 সরকার পতনের দিন / পরদিন (the government's fall: 10 with সরকার, 4 with সরকারের)
# are 5 August 2024. Genitive word -> the word before it -> the day.
LANDMARK_EVENTS = {_nfc("পতনের"): {_nfc("সরকার"): date(2024, 8, 5), _nfc("সরকারের"): date(2024, 8, 5)}}
# Words that make a sentence speak of the future.
_FUTURE_ENDINGS = tuple(_nfc(e) for e in ("বে", "বেন", "বো", "বেই", "বেনই", "বেও"))
# The first person's future written -ব (করব, খেলব: "we will play"), which many nouns end in too (সম্ভব,
# দায়িত্ব, সাকিব): the verbs news ends a sentence with most, over news_bench.
_FIRST_PERSON_FUTURE = frozenset(_nfc(w) for w in (
    "করব", "যাব", "দেব", "দিব", "পারব", "নেব", "নিব", "থাকব", "দেখব", "হব", "বলব", "পাব", "রাখব", "তুলব", "লড়ব",
    "খেলব", "আসব", "জানাব", "চাইব", "ফেলব", "যাইব", "ফিরব", "ধরব", "নামব", "হইব", "দেখাব", "চালাব", "কিনব", "ছাড়ব",
    "শুনব", "হাঁটব", "পাঠাব", "বসব", "চলব", "বাঁচব", "জিতব", "হারব", "লিখব", "ভাবব"))
# A clause news ends with হয় tells what was done (বৃহস্পতিবার দেওয়া নোটিশে উল্লেখ করা হয়, …): not the future
# the sentence's last verb may speak of.
_REPORTED = frozenset({_nfc("হয়")})
# The future of হওয়া, "will be", which may precede its predicate, and how many words before the end.
_WILL_BE = frozenset(_nfc(w) for w in ("হবেন", "হবে"))
_COPULA_REACH = 5
_NOT = _nfc("নি")  # ভাবেনি, হয়নি: a past verb denied
_SAYING = frozenset(_nfc(w) for w in ("বলে", "বলেও"))  # হবেন বলে জানান: a report of the future, in the past
# Endings of a finite past or present verb (বলেছে, জানিয়েছেন, ছিল, করলেন, বলেন): a clause ending in one
# does not speak of the future.
_PAST_ENDINGS = tuple(_nfc(e) for e in ("ছে", "ছেন", "ছিল", "ছিলেন", "ছিলো", "লেন", "লো", "েন", "েছি", "লাম"))
# A past perfect (গিয়েছিল, জানিয়েছিলেন) or "was" (খবর ছিল) closing a clause: what the next clause says will
# happen was expected then (see _after_past_report).
_PAST_PERFECT = tuple(_nfc(e) for e in ("ছিল", "ছিলো", "ছিলেন"))
# Times and days a sentence may add after its verb (… হবে বৃহস্পতিবার রাত ৮টায়).
_AFTER_VERB = _forms("টা", "রাত", "সকাল", "দুপুর", "বিকেল", "বিকাল", "সন্ধ্যা", "ভোর", "মিনিট", "দিকে") | frozenset(
    WEEKDAYS) | frozenset(_nfc(w) for w in ("টায়", "টার", "রাতে", "সকালে", "দুপুরে", "বিকেলে", "বিকালে", "সন্ধ্যায়", "ভোরে"))
_CLAUSE_BREAKS = frozenset((",", ";", ":", "‘", "’", "“", "”", '"'))
MAX_PAST_MONTHS = 9
# A day this many days before the publication day, in a sentence about the future, is this year's.
REPORTED_PLAN_DAYS = 14
# Weekdays short in a list (শুক্র ও শনিবার, রবি, সোম ও মঙ্গলবার).
WEEKDAY_SHORT = frozenset(_nfc(w) for w in ("শনি", "রবি", "রোব", "সোম", "মঙ্গল", "বুধ", "বৃহস্পতি", "শুক্র"))
# Words before a weekday that make it a weekly one (সপ্তাহে দুই দিন: per week; সাপ্তাহিক ছুটি).
_WEEKLY = frozenset(_nfc(w) for w in ("সপ্তাহে", "সাপ্তাহিক"))
_HOLIDAY = _nfc("ছুটি")
_MAY = _nfc("মে")
_AND = frozenset(_nfc(w) for w in ("অ্যান্ড", "এন্ড", "&"))
# "By" a day: সোমবারের মধ্যে.
_WITHIN = frozenset(_nfc(w) for w in ("মধ্যে", "মধ্যেই"))
_GENITIVE_END = _nfc("র")  # সোমবারের: a genitive ends so
# "Is due to" (a verbal noun's genitive, then কথা রয়েছে / আছে: যোগ দেওয়ার কথা রয়েছে); কথা ছিল (was due)
# looks forward from a past day, so it says nothing of the publication day's future.
_DUE = _nfc("কথা")
_IS = frozenset(_nfc(w) for w in ("রয়েছে", "আছে"))
_WHOSE = frozenset(_nfc(w) for w in ("তার", "তাঁর", "তাদের", "তাঁদের", "তাহার"))
_ABOUT = frozenset(_nfc(w) for w in ("প্রায়", "আনুমানিক", "অন্তত", "কমপক্ষে", "সাড়ে", "সোয়া", "পৌনে"))


def future_verb(word: str) -> bool:
    """Whether a word (NFC) is a verb in the future tense."""
    return word.endswith(_FUTURE_ENDINGS) or word in _FIRST_PERSON_FUTURE


def future_sentence(tokens) -> bool:
    """Whether the sentence's verb is in the future tense. Bengali puts the verb last, so the last
    word decides (a future verb inside a clause, or a subject after the verb, does not); and what
    is due to happen (পৌঁছানোর কথা রয়েছে, "is due to arrive") is the future too."""
    words = [t for t in tokens if t.kind in ("word", "latin")]
    while len(words) > 1 and ((w := _nfc(words[-1].text)) in _AFTER_VERB or (w in MONTHS and not w.startswith(_DAUGHTER))):
        words.pop()  # শপথ হবে বৃহস্পতিবার রাত ৮টায়, নির্বাচন হবে নভেম্বরে: a time or day said after the verb
    if len(words) > 3 and _nfc(words[-1].text) in _WHOSE:
        words.pop()  # … পৌঁছানোর কথা রয়েছে তার: the one it is due of, after the verb
    if len(words) >= 3 and _nfc(words[-2].text) == _DUE and _nfc(words[-1].text) in _IS and _nfc(words[-3].text).endswith(_GENITIVE_END):
        return True
    if bool(words) and words[-1].kind == "word" and future_verb(_nfc(words[-1].text)):
        return True
    # "Will be" before its predicate (… করলে তিনি হবেন যুক্তরাষ্ট্রের প্রথম নারী প্রেসিডেন্ট): the copula
    # need not come last, when no verb follows it.
    tail = [_nfc(t.text) for t in words[-_COPULA_REACH - 1 :]]
    if any(w in _WILL_BE for w in tail[:-1]):
        after = tail[max(i for i, w in enumerate(tail) if w in _WILL_BE) + 1 :]
        return not any(w.endswith(_PAST_ENDINGS) or w.endswith(_NOT) or w in _SAYING or future_verb(w) for w in after)
    return False


def future_clauses(tokens, sentence_future: bool) -> list[bool]:
    """For every token, whether the clause holding it speaks of the future: the clause's last word
    when that is a future or a past/present verb (শনিবার সংস্থাটি বলেছে, … থাকবে: the clause with
    শনিবার is past); otherwise the sentence's verb decides (see ``future_sentence``)."""
    out: list[bool] = []
    lo = 0
    for hi in range(len(tokens) + 1):
        if hi < len(tokens) and tokens[hi].text not in _CLAUSE_BREAKS:
            continue
        value = sentence_future
        if lo > 0 or hi < len(tokens):  # a clause, not the whole sentence
            words = [t for t in tokens[lo:hi] if t.kind in ("word", "latin")]
            last = _nfc(words[-1].text) if len(words) >= 2 and words[-1].kind == "word" else None
            if last and not (last in MONTHS or last in WEEKDAYS or last in DAY_WORDS):
                if future_verb(last):
                    value = True
                elif last.endswith(_PAST_ENDINGS) or last in _REPORTED:
                    value = False
        out.extend([value] * (hi - lo + (1 if hi < len(tokens) else 0)))
        lo = hi + 1
    return out


def infer_year(published: date | None, month: int, day: int | None, future: bool) -> int | None:
    """The year of a day or month written without one (see the module docstring)."""
    if published is None:
        return None
    target = (month, day or 0)
    now = (published.month, published.day if day else 0)
    if future:
        # a plan reported before its day (জানিয়েছিল, ৪ আগস্ট থেকে ক্লাস শুরু হবে, published on the 13th;
        # ২২ ডিসেম্বর বাড়ি যাবেন, published on 1 January): news would write the year of a day almost a
        # year ahead
        past = published.year if target < now else published.year - 1
        try:
            reported = day is not None and (published - date(past, month, day)).days <= REPORTED_PLAN_DAYS
        except ValueError:
            reported = False
        if reported:
            return past
        return published.year if target >= now else published.year + 1
    year = published.year if target <= now else published.year - 1
    months_back = (published.year - year) * 12 + published.month - month
    return year if months_back <= MAX_PAST_MONTHS else year + 1


def _weekday(published: date | None, weekday: int, direction: int | None) -> str | None:
    """-1: the last one before the publication day; 1: the next one after it; None: the last one on
    or before it (news reports what happened)."""
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    if direction == 1:
        return (published + timedelta(days=(weekday - published.weekday()) % 7 or 7)).isoformat()
    if direction == 0:  # a future sentence: the next one on or after the publication day
        return (published + timedelta(days=(weekday - published.weekday()) % 7)).isoformat()
    if direction == -1:
        return (published - timedelta(days=back or 7)).isoformat()
    return (published - timedelta(days=back)).isoformat()


def is_calendar_date(tokens, following=None, preceding=()) -> bool:
    """Whether a span the model calls a DATE names a calendar date at all (a month, weekday, year,
    today/yesterday or this/last/next period), rather than a time of day or a duration (সকালে,
    ৪০ মিনিটে, কয়েক সপ্তাহ), which carry no value and are left out, a month that names an event
    (জুলাই বিপ্লব: ``following`` is the token after the span) or a recurring weekday (প্রতি শুক্রবার:
    ``preceding`` are the tokens before it)."""
    before = [_nfc(t.text) for t in preceding]
    words = [_nfc(t.text) for t in tokens] + ([_nfc(following.text)] if following is not None else [])
    for k, (t, w) in enumerate(zip(tokens, words)):
        if w in WEEKDAYS and _every_weekday(before + words, len(before) + k):
            return False
        if k == 0 and len(tokens) == 1 and _year(t) is not None and _law_year(before + words, len(before)):
            return False  # শ্রম বিধিমালা, ২০১৫: a law's name
        if (_month(t) and not _names_event(words, k)) or w in WEEKDAYS or w in DAY_WORDS or w in ANAPHORS or _year(t) is not None:
            return True
        if (w in NEXT or w in LAST or w in THIS or w in NEW) and k + 1 < len(words) and (
                words[k + 1] in YEAR_UNIT or words[k + 1] in MONTH_UNIT or words[k + 1] in WEEK_UNIT):
            return True
    return False


def date_spans(tokens, published: date | None) -> list[Span]:
    """Every DATE of one sentence, explicit and relative, with its value."""
    n = len(tokens)
    # মে অ্যান্ড বেকার (May & Baker, a company): May before "and" is a name's word, not the month.
    tokens = [t._replace(text="") if k + 1 < n and _nfc(t.text) == _MAY and _nfc(tokens[k + 1].text) in _AND else t
              for k, t in enumerate(tokens)]
    future = future_clauses(tokens, future_sentence(tokens))
    words = [_nfc(t.text) for t in tokens]
    written = [(i, y) for i, t in enumerate(tokens)
               if i + 1 < n and (y := _year(t, words[i + 1])) is not None and words[i + 1] in YEAR_WORDS]
    explicit_years = {y for _, y in written}
    sentence_year = next(iter(explicit_years)) if len(explicit_years) == 1 else None
    # A year written with its own day (২০২২ সালের ১২ অক্টোবর) is the year of the days after it in the
    # sentence (… ১৫ অক্টোবর ফল ঘোষণা), not of one said before it (১ জানুয়ারি করা আবেদন … ২০২২ সালের ১২ অক্টোবর).
    with_day = [i for i, _ in written if _day_month(tokens, words, i + 2) is not None]
    # a year said alone (২০২২ সালে … ১২ অক্টোবর) is the whole sentence's
    dated_from = min(with_day) if with_day and len(with_day) == len(written) else None
    spans: list[Span] = []
    at: list[int] = []  # the first token of each span
    i = 0
    while i < n:
        found = _match(tokens, words, i, published, future[i], sentence_year if dated_from is None or i >= dated_from else None)
        if found is None:
            i += 1
            continue
        end, value = found
        start = i
        if i > 0 and (words[i - 1] in NEXT or words[i - 1] in LAST) and _day_at(tokens, words, i) is not None and not (
                spans and spans[-1].end > tokens[i - 1].start):
            start = i - 1  # আগামী ১২ আগস্ট: the modifier is part of the date
        elif i > 0 and words[i - 1] in NEXT_DAY and not (spans and spans[-1].end > tokens[i - 1].start):
            start = i - 1  # পরদিন ১৯ জুলাই
        if value and end == i and words[i] in WEEKDAYS and future[i] and _after_past_report(tokens, words, i):
            value = _weekday(published, WEEKDAYS[words[i]], None)  # প্রথমে শোনা গিয়েছিল, সোমবার রাতেই … রওনা হবেন
        if value is not None and (days := bounds(value)) is not None and days[0] > days[1]:
            value = None  # a range that ends before it starts (২০২৩ থেকে ২০০৮) is not a span of days
        if end + 1 < n and words[end + 1] in NAMED_THING and start == i and _day_at(tokens, words, i) is not None and _month(tokens[end]):
            # ৭ মার্চ ভবন: a building, not a day. Only a bare day and month name things: a weekday
            # or day word (রোববার সড়কের পাশে, আজ সড়কে নেমে) or a modifier (গত ৬ আগস্ট বিদ্যালয়ের)
            # makes it a date
            i = end + 1
            continue
        spans.append(Span(tokens[start].start, tokens[end].end, "DATE", "rule", 0.9 if value else 0.6, value))
        at.append(start)
        i = end + 1
    spans, at = _joined_ranges(spans, at, tokens, words)
    link_dates(spans, at, tokens, words)
    return spans


def _after_past_report(tokens, words, i) -> bool:
    """Whether the clause holding token i follows one that ends in a past perfect (প্রথমে শোনা গিয়েছিল,
    আগে খবর ছিল, …): its future (রওনা হবেন) is the future of that earlier time, so a bare weekday in it is
    the last one, not the next (over the news_bench articles outside the evaluation sets, every such
    weekday is the publication day or before it)."""
    k = i - 1
    while k >= 0 and tokens[k].text not in _CLAUSE_BREAKS:
        k -= 1
    before = [w for t, w in zip(tokens[:k], words[:k]) if t.kind == "word"] if k > 0 else []
    return bool(before) and before[-1].endswith(_PAST_PERFECT)


def _joined_ranges(spans: list[Span], at: list[int], tokens, words) -> tuple[list[Span], list[int]]:
    """Two dates of the same precision joined by থেকে (১৬ জুলাই থেকে গত সোমবার, ১৬ জুলাই থেকে
    গতকাল পর্যন্ত) are one range, when the first comes before the second."""
    out, out_at = [], []
    for k, span in enumerate(spans):
        if out and (prev := out[-1]).value and span.value and ANAPHOR not in prev.value + span.value:
            between = [t for t in tokens if prev.end <= t.start and t.end <= span.start]
            first, second = prev.value.split("/")[0], span.value.split("/")[-1]
            if (len(between) == 1 and _nfc(between[0].text) in RANGE_WORDS and precision(first) == precision(second)
                    and (b1 := bounds(first)) and (b2 := bounds(second)) and b1[1] < b2[0]):
                out[-1] = Span(prev.start, span.end, "DATE", "rule", min(prev.confidence, span.confidence), f"{first}/{second}")
                continue
        out.append(span)
        out_at.append(at[k])
    return out, out_at


def _match(tokens, words, i, published, future, sentence_year) -> tuple[int, str | None] | None:
    """(last token, value) of the date starting at token i, or None."""
    n, t, w = len(tokens), tokens[i], words[i]
    nxt = words[i + 1] if i + 1 < n else None
    # YEAR থেকে YEAR [সাল] | YEAR-YY (অর্থবছর) | YEAR সালের [DAY] MONTH | YEAR সাল
    y = _year(t, nxt)
    if y is not None:
        if i + 2 < n and words[i + 1] in RANGE_WORDS:
            y2 = _year(tokens[i + 2])
            short = _short_year(tokens[i + 2], y // 100 * 100) if tokens[i + 1].text in ("-", "–") else None
            if (y2 or short) and (y2 or short) > y:
                end = i + 2 + (1 if i + 3 < n and words[i + 3] in YEAR_WORDS else 0)
                return end, f"{y}/{y2 or short}"
        # ২০১৪ ও ২০১৮ সালের: every year of the list is a date
        k = i
        while k + 2 < n and words[k + 1] in YEAR_AND and _year(tokens[k + 2]) is not None:
            k += 2
        if k > i and k + 1 < n and words[k + 1] in YEAR_WORDS:
            return i, str(y)
        if (g := _genitive_year_end(tokens, words, i)) is not None and not _law_year(words, i):
            # ২০২৪ এর ৫ আগস্ট, ১৯৭৫-এর ১৫ আগস্ট, ২০২২ এর আগস্টে: a day or month of that year
            if (dm := _day_month(tokens, words, g + 1)) is not None:
                return dm[2], _iso(y, dm[1], dm[0])
            if (mo := _month_of_year(tokens, words, g + 1, y, named=False)) is not None:
                return mo
        if (i + 2 < n and tokens[i + 1].text == "-" and tokens[i + 1].start == t.end and words[i + 2] in HYPHEN_ENDINGS
                and tokens[i + 2].start == tokens[i + 1].end and not (i > 0 and tokens[i - 1].text == "/") and not _law_year(words, i)):
            return i + 2, str(y)  # ২০২৪-এর, ২০১৬-তে (not নং-১৮/২০১৭-এ, a case number)
        if nxt in YEAR_WORDS:
            j = i + 2
            if j + 1 < n and words[j] in THAT and words[j + 1] in DAY_UNIT:
                return j + 1, f"{ANAPHOR}:{y}"  # ২০০৯ সালের এই দিনে: today's day in that year
            if (dm := _day_month(tokens, words, j)) is not None:
                return dm[2], _iso(y, dm[1], dm[0])
            if (listed := _first_of_days(tokens, words, j)) is not None:
                return listed[2], _iso(y, listed[1], listed[0])  # ২০০৯ সালের ২৫ ও ২৬ ফেব্রুয়ারি: its first day
            if (fl := _first_last_day(words, j)) is not None:
                return fl[2], _iso(y, fl[0], fl[1])
            if (mo := _month_of_year(tokens, words, j, y)) is not None:
                return mo
            if words[i + 1].endswith(_GENITIVE) and _law_after(tokens, words, j):
                return None  # ২০১২ সালের মানি লন্ডারিং প্রতিরোধ আইন: a law's name, not a year
            return i + 1, str(y)
    # ’৭৫-এর ১৫ আগস্ট, ’৯৬ সালের ১৫ ফেব্রুয়ারি, ৭১-এর ডিসেম্বরে, ৭৩ সালে: a year of two digits
    if (short := _two_digit_year(tokens, words, i, published)) is not None:
        year, j = short
        if (dm := _day_month(tokens, words, j + 1)) is not None:
            return dm[2], _iso(year, dm[1], dm[0])
        if (mo := _month_of_year(tokens, words, j + 1, year, named=False)) is not None:
            return mo
        if words[j] in YEAR_WORDS and not _law_after(tokens, words, j + 1):
            return j, str(year)
    # ওই বছর, একই বছরের ১৫ আগস্ট: the year of the last date named (resolve_anaphors)
    if w in SAME_YEAR and nxt in YEAR_UNIT and not any(x in EVERY for x in words[max(0, i - 2) : i]):
        j = i + 2
        if (dm := _day_month(tokens, words, j)) is not None:
            return dm[2], f"{ANAPHOR}-year-{dm[1]:02d}-{dm[0]:02d}"
        if (fl := _first_last_day(words, j)) is not None:
            return fl[2], f"{ANAPHOR}-year-{fl[0]:02d}-{fl[1]:02d}"
        if j < n and (m := _month(tokens[j])):
            return j, f"{ANAPHOR}-year-{m:02d}"
        return i + 1, f"{ANAPHOR}-year"
    # পরের বছর ১৬ ফেব্রুয়ারি: the year after the last year named (resolve_anaphors). Not আগের বছরের, mostly
    # a comparison (আগের বছরের তুলনায়, … মতো) whose year news leaves to the reader, often figuratively.
    if w in AFTER and nxt in YEAR_UNIT and not any(x in EVERY for x in words[max(0, i - 2) : i]):
        kind = f"{ANAPHOR}-yearafter"
        j = i + 2
        if (dm := _day_month(tokens, words, j)) is not None:
            return dm[2], f"{kind}-{dm[1]:02d}-{dm[0]:02d}"
        if j < n and (m := _month(tokens[j])):
            return j, f"{kind}-{m:02d}"
        return i + 1, kind
    # ওই মাসে, একই মাসের: the month of the last date named (resolve_anaphors)
    if w in SAME_YEAR and nxt in MONTH_UNIT and not any(x in EVERY for x in words[max(0, i - 2) : i]):
        return i + 1, f"{ANAPHOR}-month"
    # (গত|চলতি|আগামী) বছরের [DAY] MONTH
    if (w in LAST or w in THIS or w in NEXT) and nxt in YEAR_UNIT and published is not None:
        year = published.year + (1 if w in NEXT else -1 if w in LAST else 0)
        j = i + 2
        if (dm := _day_month(tokens, words, j)) is not None:
            return dm[2], _iso(year, dm[1], dm[0])
        if (fl := _first_last_day(words, j)) is not None:
            return fl[2], _iso(year, fl[0], fl[1])
        if (mo := _month_of_year(tokens, words, j, year)) is not None:
            return mo
    # বছরের প্রথম দিন, বছরের শেষ দিনে: the nearest first or last day of a year (not প্রতি বছরের …)
    if w in YEAR_UNIT and published is not None and (i == 0 or words[i - 1] not in EVERY) and (
            fl := _first_last_day(words, i + 1)) is not None:
        return fl[2], _iso(infer_year(published, fl[0], fl[1], future), fl[0], fl[1])
    # একাত্তরে, একাত্তরের ২৫ মার্চ
    if w in YEAR_NAMES:
        if (dm := _day_month(tokens, words, i + 1)) is not None:
            return dm[2], _iso(YEAR_NAMES[w], dm[1], dm[0])
        if (mo := _month_of_year(tokens, words, i + 1, YEAR_NAMES[w], named=False)) is not None:
            return mo
        if w in YEAR_NAME_ALONE:
            return i, str(YEAR_NAMES[w])
    # তিন দিন আগে, দুই বছর আগের: counted back from the publication day (not এর তিন দিন আগে,
    # নির্বাচনের ১৫ দিন আগে: before something else)
    if (ago := _ago(tokens, words, i, published)) is not None:
        return ago
    # DAY [থেকে DAY] MONTH [YEAR] [WEEKDAY]
    dd = _day_at(tokens, words, i)
    if dd is not None and dd[1] + 1 < n:
        # ২৪ ও ২৫ মার্চ: every day of a list is a date, in the month and year of the last
        k, last = dd[1], None
        while k + 2 < n and words[k + 1] in YEAR_AND and (nx := _day_at(tokens, words, k + 2)) is not None:
            last, k = k + 2, nx[1]
        if last is not None and k + 1 < n and _month(tokens[k + 1]):
            found = _match(tokens, words, last, published, future, sentence_year)
            v = found[1] if found else None
            return dd[1], (_iso(int(v[:4]), int(v[5:7]), dd[0]) if v and precision(v) == "day" and "/" not in v else None)
        # ফেব্রুয়ারি মাসের ২২, ২৫ ও ২৯ তারিখে: the month named before a list of days
        k = i - 1
        while k > 0 and (words[k] in YEAR_AND or _day_at(tokens, words, k) is not None):
            k -= 1
        if k < i - 1 and words[dd[1] + 1] in DATE_WORD and (words[k] in MONTH_UNIT or _month(tokens[k])):
            month = _month(tokens[k]) or (_month(tokens[k - 1]) if k > 0 else None)
            if month:
                year = sentence_year or _directed_year(words[k - 1] if k > 0 else None, published, month, dd[0], future)
                return dd[1] + 1, _iso(year, month, dd[0])
        # ৭ তারিখে: the day of a month the text does not name
        if words[dd[1] + 1] in DATE_WORD and not any(x in EVERY or x in MONTH_UNIT or _is_every_unit(x) for x in words[max(0, i - 3) : i]):
            lead = words[i - 1] if i > 0 else None
            direction = 1 if (lead in NEXT or future) else -1 if lead in LAST else None
            day = _day_of_month(published, dd[0], direction)
            return dd[1] + 1, (day.isoformat() if day else None)
        d1, j, d2 = dd[0], dd[1] + 1, None
        if words[j] in RANGE_WORDS and (dm := _day_month(tokens, words, j + 1)) is not None:
            d2, j = dm[0], dm[2]
        m = _month(tokens[j]) if j < n else None
        if m:
            yr = _year(tokens[j + 1]) if j + 1 < n else None
            end = j + 1 if yr is not None else j
            if yr is not None and end + 1 < n and words[end + 1] in YEAR_WORDS:
                end += 1
            lead = words[i - 1] if i > 0 else None
            directed = _directed_year(lead, published, m, d1, future)
            year = yr or sentence_year or directed
            if d2 is None and not yr and sentence_year and directed and (weekday := _written_weekday(
                    tokens, words, i, end + 1 if end + 1 < n and words[end + 1] in WEEKDAYS else end)) is not None:
                # আজ শনিবার (২১ ফেব্রুয়ারি) … ১৯৫২ সালে: a weekday the sentence's year does not fall on
                # ties the day to the present, not to the year written for something else
                if not _falls_on(sentence_year, m, d1, weekday) and _falls_on(directed, m, d1, weekday):
                    year = directed
            if d2 is None and not yr and year == directed and year:
                if end + 1 < n and words[end + 1] in WEEKDAYS:
                    end += 1  # ১২ আগস্ট সোমবার: one date
                year = _weekday_year(published, year, m, d1, _written_weekday(tokens, words, i, end))
                if lead not in NEXT and lead not in THIS:
                    year = _landmark_year(published, year, m, d1)
            if d2 is not None:
                # ২৬ থেকে ৫ অক্টোবর: a first day after the last one is in the month before
                m1, y1 = (m, year) if d1 <= d2 else ((m - 2) % 12 + 1, year - (m == 1) if year else year)
                a, b = _iso(y1, m1, d1), _iso(year, m, d2)
                return end, f"{a}/{b}" if a and b else None
            return end, _iso(year, m, d1)
    # MONTH DAY, YEAR (English order)
    m = _month(t)
    if m and i + 1 < n and _day(tokens[i + 1]) is not None and not _year(tokens[i + 1]):
        j = i + 2 + (1 if i + 2 < n and tokens[i + 2].text == "," else 0)
        if j < n and (yr := _year(tokens[j])) is not None:
            return j, _iso(yr, m, _day(tokens[i + 1]))
    # MONTH YEAR | MONTH [মাস]
    if m:
        if nxt is not None and (yr := _year(tokens[i + 1])) is not None:
            return i + 1, _iso(yr, m, None)
        if (dt := _month_day_word(tokens, words, i, m, published, future, sentence_year)) is not None:
            return dt
        lead = words[i - 1] if i > 0 else None
        if _names_event(words, i):
            return None  # জুলাই বিপ্লব, লং মার্চ: not a month
        end = i + 1 if nxt in MONTH_UNIT else i
        if lead in NEXT or lead in LAST or lead in THIS:
            return None  # the relative rules take the modifier too
        if t.kind != "word" or not t.text[:1].isalpha():
            return None
        year = sentence_year or infer_year(published, m, None, future)
        return end, _iso(year, m, None) if year else None
    return _relative(tokens, words, i, published, future)


_BAR = _nfc("বার")


def _weekday_pair(tokens, words, j, published, direction) -> tuple[int, str | None] | None:
    """(last token, range) of two weekdays written as one (রোব-সোমবার, শনি-রবিবার) at token j, the
    second's day found as a weekday's (``_weekday``'s direction) and the first the one before it."""
    if not (j + 2 < len(tokens) and tokens[j + 1].text in ("-", "–") and tokens[j + 1].start == tokens[j].end
            and words[j + 2] in WEEKDAYS and (first := WEEKDAYS.get(words[j] + _BAR)) is not None) or _every_weekday(words, j + 2):
        return None
    end = _weekday(published, WEEKDAYS[words[j + 2]], direction)
    if end is None:
        return j + 2, None
    start = date.fromisoformat(end) - timedelta(days=(WEEKDAYS[words[j + 2]] - first) % 7 or 7)
    return j + 2, f"{start.isoformat()}/{end}"


def _first_of_days(tokens, words, j) -> tuple[int, int, int] | None:
    """(day, month, last token of the first day) of a list of days of one month at token j (২৫ ও ২৬
    ফেব্রুয়ারি, ২৪, ২৫ ও ২৬ মার্চ), or None."""
    first = _day_at(tokens, words, j)
    k = first[1] if first else None
    while k is not None and k + 2 < len(tokens) and words[k + 1] in YEAR_AND and (nx := _day_at(tokens, words, k + 2)) is not None:
        k = nx[1]
        if k + 1 < len(tokens) and (m := _month(tokens[k + 1])):
            return first[0], m, first[1]
    return None


def _month_day_word(tokens, words, i, month, published, future, sentence_year) -> tuple[int, str | None] | None:
    """(last token, value) of MONTH[-এর] [মাসের] DAY তারিখ at token i (আগস্টের ১৫ তারিখে, জুলাই
    মাসের ৭ তারিখে), or None."""
    j = i + 1 + (1 if i + 1 < len(words) and words[i + 1] in MONTH_UNIT else 0)
    dd = _day_at(tokens, words, j)
    if dd is None or dd[1] + 1 >= len(words) or words[dd[1] + 1] not in DATE_WORD:
        return None
    lead = words[i - 1] if i > 0 else None
    year = sentence_year or _directed_year(lead, published, month, dd[0], future)
    return dd[1] + 1, _iso(year, month, dd[0])


def _day_of_month(published: date | None, day: int, direction: int | None) -> date | None:
    """The day-th of the month before, this or the next month: on or after the publication day
    (direction 1), before it (-1), or the nearest (None; ties go back)."""
    if published is None:
        return None
    days = []
    for k in (-1, 0, 1, 2):
        m = published.year * 12 + published.month - 1 + k
        try:
            days.append(date(m // 12, m % 12 + 1, day))
        except ValueError:
            continue
    if direction == 1:
        days = [d for d in days if d >= published]
    elif direction == -1:
        days = [d for d in days if d < published]
    return min(days, key=lambda d: (abs((d - published).days), d > published)) if days else None


def _ago(tokens, words, i, published) -> tuple[int, str | None] | None:
    """(last token, value) of COUNT দিন|মাস|বছর আগে at token i, counted back from the publication
    day, or None. Not after a genitive (এর তিন দিন আগে, নির্বাচনের ১৫ দিন আগে): that counts back from
    something else."""
    if (ranged := _ago_range(tokens, words, i, published)) is not None:
        return ranged
    if i + 2 >= len(words) or words[i + 2] not in AGO or (count := _count(tokens, words, i, one=True)) is None:
        return None
    if _after_genitive(tokens, words, i):
        return None
    if i >= 2 and (words[i - 1] in RANGE_WORDS or words[i - 1] in _OR) and _count(tokens, words, i - 2, one=True) is not None:
        return None  # the second count of a range _ago_range did not take (নির্বাচনের ১০-১৫ দিন আগে)
    unit = words[i + 1]
    if published is None or (i > 0 and words[i - 1] in _ABOUT):
        value = None  # প্রায় ২০ বছর আগে: no one day or year
    elif unit in (_nfc("দিন"), "day", "days") or unit in (_nfc("মাস"), "month", "months"):
        value = _back(published, unit, count)
    elif unit in (_nfc("বছর"), "year", "years"):
        value = str(published.year - count)
        # তিন বছর আগে এই ৫ আগস্ট, দুই বছর আগে এই দিনে: that day of the year counted back
        j = i + 3 + (1 if i + 3 < len(words) and words[i + 3] in THAT else 0)
        if (dm := _day_month(tokens, words, j)) is not None:
            return dm[2], _iso(published.year - count, dm[1], dm[0])
        if j > i + 3 and j < len(words) and words[j] in DAY_UNIT:
            return j, f"{ANAPHOR}:{published.year - count}"
    else:
        return None
    return i + 2, value


_OR = frozenset(_nfc(w) for w in ("বা", "কিংবা", "or"))
_BACK_UNITS = frozenset(_nfc(w) for w in ("দিন", "day", "days", "মাস", "month", "months", "বছর", "year", "years"))


def _back(published: date, unit: str, count: int) -> str | None:
    """The day, month or year ``count`` units before the publication day."""
    if unit in (_nfc("দিন"), "day", "days"):
        return (published - timedelta(days=count)).isoformat()
    if unit in (_nfc("মাস"), "month", "months"):
        return _shift_month(published, -count)
    if unit in (_nfc("বছর"), "year", "years"):
        return str(published.year - count)
    return None


def _ago_range(tokens, words, i, published) -> tuple[int, str | None] | None:
    """(last token, value) of COUNT থেকে|-|বা COUNT দিন|মাস|বছর আগে at token i (১৪ থেকে ১৫ দিন আগে,
    চার-পাঁচ বছর আগে): the range between the two counts back, farther first."""
    if (i + 4 >= len(words) or words[i + 4] not in AGO or words[i + 3] not in _BACK_UNITS
            or not (words[i + 1] in RANGE_WORDS or words[i + 1] in _OR)):
        return None
    a, b = _count(tokens, words, i, one=True), _count(tokens, words, i + 2, one=True)
    if a is None or b is None or a == b or _after_genitive(tokens, words, i):
        return None
    if published is None or (i > 0 and words[i - 1] in _ABOUT):
        return i + 4, None
    return i + 4, f"{_back(published, words[i + 3], max(a, b))}/{_back(published, words[i + 3], min(a, b))}"


def _written_weekday(tokens, words, i, end) -> int | None:
    """The weekday written with the date at tokens i..end: after it (১২ আগস্ট সোমবার, ২১ মার্চ
    (শনিবার)) or before it (সোমবার ১২ আগস্ট, সোমবার (১২ আগস্ট), সোমবার, ১২ আগস্ট)."""
    if words[end] in WEEKDAYS:
        return WEEKDAYS[words[end]]
    if end + 2 < len(words) and tokens[end + 1].text == "(" and words[end + 2] in WEEKDAYS:
        return WEEKDAYS[words[end + 2]]
    if i > 0 and words[i - 1] in WEEKDAYS:
        return WEEKDAYS[words[i - 1]]
    if i > 1 and tokens[i - 1].text in ("(", ",") and words[i - 2] in WEEKDAYS:
        return WEEKDAYS[words[i - 2]]
    return None


def _weekday_year(published: date | None, year: int, month: int, day: int, weekday: int | None) -> int:
    """The year in which DAY MONTH falls on the weekday written with it (see _written_weekday),
    when the inferred one does not agree and the year before or after, nearer the publication day,
    does."""
    if weekday is None or published is None:
        return year
    try:
        if date(year, month, day).weekday() == weekday:
            return year
        distance = abs((date(year, month, day) - published).days)
    except ValueError:
        return year
    for y in (year - 1, year + 1):
        try:
            # only a year nearer the publication day: a misprinted weekday does not move a date a year
            if date(y, month, day).weekday() == weekday and abs((date(y, month, day) - published).days) < distance:
                return y
        except ValueError:
            continue
    return year


def _landmark_year(published: date | None, year: int, month: int, day: int) -> int:
    """A landmark day (LANDMARKS) written without a year is the landmark, unless the inferred day is
    within LANDMARK_NEAR_DAYS of the publication day (the text speaks of this year's instance)."""
    landmark = LANDMARKS.get((month, day))
    if published is None or landmark is None or landmark == year:
        return year
    try:
        if published <= date(landmark, month, day) or abs((date(year, month, day) - published).days) <= LANDMARK_NEAR_DAYS:
            return year
    except ValueError:
        return year
    return landmark


def _landmark_event(words, i, published: date | None) -> date | None:
    """The landmark day (LANDMARKS) the event named just before token i is (সরকার পতনের পরদিন: the day after
    the government fell, 5 August 2024), when the text was published after it."""
    if i < 2 or words[i - 1] not in LANDMARK_EVENTS or words[i - 2] not in LANDMARK_EVENTS[words[i - 1]]:
        return None
    day = LANDMARK_EVENTS[words[i - 1]][words[i - 2]]
    return day if published is not None and published > day else None


def _directed_year(lead: str | None, published: date | None, month: int, day: int, future: bool) -> int | None:
    if published is None:
        return None
    if lead in NEXT:  # আগামী ১২ আগস্ট on the 12th: written the day before, it is today
        return published.year if (month, day) >= (published.month, published.day) else published.year + 1
    if lead in LAST:
        return published.year if (month, day) < (published.month, published.day) else published.year - 1
    return infer_year(published, month, day, future)


def _every_weekday(words, i) -> bool:
    """Whether the weekday at token i is a recurring one: প্রতি শুক্রবার, প্রতি শুক্র ও শনিবার (every
    Friday and Saturday), which DATES.md does not count as a date."""
    k = i - 1
    while k >= 0 and (words[k] in WEEKDAY_SHORT or words[k] in YEAR_AND):
        k -= 1
    if k > 0 and words[k] == _HOLIDAY and words[k - 1] in _WEEKLY:
        return True  # সাপ্তাহিক ছুটি শুক্র ও শনিবার
    if k >= 0 and words[k] in _WEEKLY:
        # সপ্তাহে শনি, মঙ্গল ও বৃহস্পতিবার (a timetable), সাপ্তাহিক ছুটি শুক্র ও শনিবার; not এ সপ্তাহে শুক্রবার
        return not (k > 0 and (words[k - 1] in THIS or words[k - 1] in LAST or words[k - 1] in NEXT))
    return k >= 0 and words[k] in EVERY


def _relative(tokens, words, i, published, future) -> tuple[int, str | None] | None:
    """আগামী বছর, গত মাসে, চলতি সপ্তাহ, আগামী ডিসেম্বর, গত সোমবার, আজ, গতকাল বুধবার, বুধবার."""
    n, w = len(tokens), words[i]
    nxt = words[i + 1] if i + 1 < n else None
    shift = 1 if w in NEXT else -1 if w in LAST else 0 if w in THIS else None
    # এ দিন, এই দিনে: "this day" is the day just named (the anaphor below), not a period counted from today
    if shift is not None and nxt is not None and not (w in THAT and nxt in DATE_UNIT):
        if nxt in YEAR_UNIT:
            return i + 1, (str(published.year + shift) if published else None)
        if nxt in MONTH_UNIT:
            if w in THAT:  # এ মাসে: the month just named (ডিসেম্বরে … এ মাসে), else this month (resolve_anaphors)
                return i + 1, f"{ANAPHOR}-month-this"
            return i + 1, (_shift_month(published, shift) if published else None)
        if nxt in FISCAL_YEAR_UNIT:  # চলতি অর্থবছরের, গত অর্থবছরে: the range of the fiscal year's two years
            if not published:
                return i + 1, None
            first = published.year - (published.month < FISCAL_YEAR_FIRST_MONTH) + shift
            return i + 1, f"{first}/{first + 1}"
        if nxt in WEEK_UNIT:
            if not published:
                return i + 1, None
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
            if i + 2 < n and words[i + 2] in WEEKDAYS and tokens[i + 2].text[:1].isalpha():
                # গত সপ্তাহে সোমবার, চলতি সপ্তাহের বৃহস্পতিবার: that weekday of that week
                return i + 2, (monday + timedelta(days=WEEKDAYS[words[i + 2]])).isoformat()
            return i + 1, f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
        if nxt in MONTHS and not nxt.startswith(_DAUGHTER):
            if not published:
                return i + 1, None
            month = MONTHS[nxt]
            if (dt := _month_day_word(tokens, words, i + 1, month, published, shift == 1, None)) is not None:
                return dt
            year = published.year + (1 if shift == 1 and month <= published.month else -1 if shift == -1 and month >= published.month else 0)
            return i + 1, f"{year:04d}-{month:02d}"
        if nxt in WEEKDAYS and shift != 0:
            return i + 1, _weekday(published, WEEKDAYS[nxt], shift)
        if nxt in WEEKDAY_SHORT and shift != 0 and (days := _weekday_pair(tokens, words, i + 1, published, shift)) is not None:
            return days  # গত রোব-সোমবারের: the last Sunday and Monday
        return None
    if w in WEEKDAY_SHORT and (days := _weekday_pair(tokens, words, i, published, 0 if future else None)) is not None:
        return days  # রোব-সোমবার হরতাল হবে
    if w in DAY_WORDS:
        value = (published + timedelta(days=DAY_WORDS[w])).isoformat() if published else None
        if nxt in WEEKDAYS:  # আগামীকাল বুধবার: the day word says which; the weekday only names it
            return i + 1, value
        return i, value
    if w in WEEKDAYS and tokens[i].text[:1].isalpha():
        if _every_weekday(words, i):
            return None
        if nxt in _WITHIN and w.endswith(_GENITIVE_END) and not any(x.endswith(_PAST_PERFECT) for x in words):
            # সোমবারের মধ্যে অস্ত্র জমা দেওয়ার নির্দেশ দেওয়া হয়েছে: a deadline, the next Monday (even
            # on a Monday); one a past perfect reports (… জমা দিতে বলা হয়েছিল) may have passed
            return i, _weekday(published, WEEKDAYS[w], 1)
        return i, _weekday(published, WEEKDAYS[w], 0 if future else None)
    if w in NEW and nxt in YEAR_UNIT:  # নতুন বছরে: the year just begun, or the coming one
        if published is None:
            return i + 1, None
        year = published.year if published.month <= NEW_YEAR_MONTHS else published.year + 1
        if (fl := _first_last_day(words, i + 2)) is not None:  # নতুন বছরের প্রথম দিন: its 1 January
            return fl[2], _iso(year, fl[0], fl[1])
        return i + 1, str(year)
    if w in NEXT_DAY or w in PREV_DAY or ((w in PREV or w in AFTER) and nxt in DAY_UNIT):
        end = i + 1 if w in PREV or w in AFTER else i
        after = words[end + 1] if end + 1 < n else None
        if after is not None and (after in DAY_WORDS or after in WEEKDAYS or _day_month(tokens, words, end + 1) is not None):
            return None  # পরদিন ১৯ জুলাই, আগের দিন সোমবার: the date says which day (and takes পরদিন)
        if _after_genitive(tokens, words, i):
            # ভোটের পরদিন, নির্বাচনের আগের দিন: from an event, not a day named; unless the event is a landmark's
            day = _landmark_event(words, i, published)
            return end, (day + timedelta(days=-1 if w in PREV or w in PREV_DAY else 1)).isoformat() if day else None
        return end, f"{ANAPHOR}{'-1' if w in PREV or w in PREV_DAY else '+1'}"
    if (w in ANAPHORS or (w in THAT and nxt in DATE_UNIT)) and not any(x in EVERY for x in words[max(0, i - 2) : i]):
        return (i if w in ANAPHORS else i + 1), ANAPHOR
    return None
