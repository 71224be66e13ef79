"""The words of dates (vocabulary and token readers), shared by the sentence rules (``dates``) and
the document rules (``date_context``)."""
from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from khobor.transforms.entities.inflection import inflected_forms
from khobor.transforms.text.calendar_names import BARE_MONTHS, MONTHS


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _forms(*words: str) -> frozenset[str]:
    return frozenset(_nfc(f) for w in words for f in inflected_forms(_nfc(w)))


YEAR_WORDS = _forms("সাল", "সন", "খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "সালটা", "সালটি")
# A year with a case ending after a hyphen (২০২৪-এর, ২০১৬-তে, ২০১৭-এ).
HYPHEN_ENDINGS = frozenset(_nfc(e) for e in ("এর", "এ", "তে", "র", "কে", "এরও", "এও", "তেও", "এই"))
# A year's genitive, written apart (২০২৪ এর ৫ আগস্ট) or after a hyphen or apostrophe (১৯৭৫-এর ১৫ আগস্ট,
# ২০২৪’র জুলাই): the day or month after it is of that year.
YEAR_GENITIVE = frozenset(_nfc(e) for e in ("এর", "র"))
_YEAR_JOINERS = frozenset(("-", "’", "'"))
# A bare year after one of these (শ্রম আইন, ২০০৬; গণপ্রতিনিধিত্ব আদেশ ১৯৭২) is part of a law's name.
LAW_WORDS = _forms("আইন", "বিধিমালা", "নীতিমালা", "আদেশ", "অধ্যাদেশ", "নির্দেশমালা", "প্রবিধানমালা", "বিধি")
RANGE_WORDS = frozenset(_nfc(w) for w in ("থেকে", "হতে", "to", "-", "–", "—"))
# আসন্ন ("upcoming") before a date: over the news_bench articles outside the evaluation sets, all 4 such
# dates (আসন্ন ১৫ আগস্ট, আসন্ন ফেব্রুয়ারি মাসের) are ahead of the publication day.
NEXT = _forms("আগামী", "আসন্ন", "next", "Next")
# গেল বছর, গেল মাসে, গেল রোববার: over the news_bench articles outside the evaluation sets, all 24 গেল
# before a year, month, week or weekday mean "last" (only the bare word: its forms are verbs, গেলে "if one goes").
LAST = _forms("গত", "বিগত", "last", "Last") | {_nfc("গেল")}
THIS = _forms("চলতি", "এ", "এই", "this", "This", "চলমান")
# বছরজুড়ে (all year) is one word
YEAR_UNIT = _forms("বছর", "সাল", "year") | {_nfc(w) for w in ("বছরজুড়ে", "বছরজুড়েই", "বছরজুড়েও")}
MONTH_UNIT = _forms("মাস", "month") | {_nfc(w) for w in ("মাসজুড়ে", "মাসজুড়েই", "মাসজুড়েও")}
WEEK_UNIT = _forms("সপ্তাহ", "week")
# Bangladesh's fiscal year runs from July to June: চলতি অর্থবছর in January 2024 is 2023/2024 (DATES.md).
FISCAL_YEAR_UNIT = _forms("অর্থবছর")
FISCAL_YEAR_FIRST_MONTH = 7
DAY_WORDS = {**{f: 0 for f in _forms("আজ", "আজকে", "আজকের", "today", "Today")},
             **{f: -1 for f in _forms("গতকাল", "গতকালকের", "yesterday", "Yesterday")},
             **{f: 1 for f in _forms("আগামীকাল", "আগামীকালকের", "tomorrow", "Tomorrow")}}
NEW = _forms("নতুন", "new", "New")
DATE_WORD = _forms("তারিখ")
AGO = frozenset(_nfc(w) for w in ("আগে", "আগেও", "আগেই", "আগের"))
# The year 1971 as a word: একাত্তরে (in '71), একাত্তরের ২৫ মার্চ. Alone, একাত্তরের names the war
# (একাত্তরের মুক্তিযুদ্ধ), not a date.
YEAR_NAMES = {_nfc("একাত্তরে"): 1971, _nfc("একাত্তর"): 1971, _nfc("একাত্তরের"): 1971,
              # before a day or month only (পঁচাত্তরের ১৫ আগস্ট, চব্বিশের ৫ আগস্ট, চব্বিশের ডিসেম্বরে):
              # alone they name the events (চব্বিশের গণ-অভ্যুত্থান)
              _nfc("পঁচাত্তরের"): 1975, _nfc("চব্বিশের"): 2024}
YEAR_NAME_ALONE = frozenset({_nfc("একাত্তরে")})
DAY_UNIT = _forms("দিন", "দিনই", "day")
DATE_UNIT = DAY_UNIT | _forms("তারিখ")  # একই তারিখ: that same date
FIRST_LAST = {_nfc("প্রথম"): (1, 1), _nfc("শেষ"): (12, 31)}  # বছরের প্রথম দিন, বছরের শেষ দিন
EVERY = _forms("প্রতি", "প্রত্যেক", "প্রতিটি")
_EVERY_PREFIX = _nfc("প্রতি")  # প্রতিমাসের, প্রতিবছর
# Days written as words (পাঁচ আগস্ট, একুশে ফেব্রুয়ারি, পহেলা বৈশাখ). নয় (also "is not") and বার (also
# "times") are left out.
DAY_NUMBER_WORDS = {_nfc(w): n for n, ws in enumerate((
    (), ("এক", "পহেলা", "পয়লা"), ("দুই", "দু"), ("তিন",), ("চার",), ("পাঁচ",), ("ছয়", "ছয়"), ("সাত",), ("আট",), (),
    ("দশ",), ("এগারো", "এগার"), ("বারো",), ("তেরো", "তের"), ("চৌদ্দ",), ("পনেরো", "পনের"), ("ষোলো", "ষোল"),
    ("সতেরো", "সতের"), ("আঠারো", "আঠার"), ("উনিশ", "ঊনিশ"), ("বিশ", "বিশে"), ("একুশ", "একুশে"), ("বাইশ", "বাইশে"),
    ("তেইশ", "তেইশে"), ("চব্বিশ", "চব্বিশে"), ("পঁচিশ", "পঁচিশে"), ("ছাব্বিশ", "ছাব্বিশে"), ("সাতাশ", "সাতাশে"),
    ("আঠাশ", "আঠাশে"), ("ঊনত্রিশ", "উনত্রিশ", "ঊনত্রিশে", "উনত্রিশে"), ("ত্রিশ", "তিরিশ", "ত্রিশে"), ("একত্রিশ", "একত্রিশে"),
)) for w in ws}
# The ending of a day written as an ordinal: ১৫ই, ২১শে, ১লা, ২রা, ৪ঠা.
ORDINAL_ENDINGS = frozenset(_nfc(e) for e in ("ই", "শে", "লা", "রা", "ঠা", "এ", "th", "st", "nd", "rd"))
YEAR_AND = frozenset(_nfc(w) for w in ("ও", "এবং", "আর", "বা", ",", "অথবা"))
# "That day": the last day the document named before (resolved per document, see resolve_anaphors).
ANAPHORS = _forms("এদিন", "ওইদিন", "সেদিন", "ঐদিন", "একইদিন", "এদিনই", "ওইদিনই", "সেদিনই")
THAT = _forms("ওই", "ঐ", "সেই", "একই", "এ", "এই", "that", "That", "same")
ANAPHOR = "@anaphor"
# Verbs that report speech (তিনি বলেন, …; লিখেছেন, ‘…’): a day word in what they report counts from the
# day they were said on, when the sentence names it before them.
SPEECH_VERBS = frozenset(_nfc(w) for w in (
    "বলেন", "বলেছেন", "বলছেন", "বলেছিলেন", "বললেন", "বলেছে", "বলেছিল", "বলল", "লিখেছেন", "লেখেন", "লিখেছে",
    "লিখেছিলেন", "লিখলেন", "জানান", "জানিয়েছেন", "জানিয়েছে", "জানালেন"))
# The day after the last day named (পরদিন): ANAPHOR + "+1".
NEXT_DAY = _forms("পরদিন", "পরেরদিন")
AFTER = frozenset({_nfc("পরের")})  # পরের দিন, written apart: the same as পরদিন
# The day before it (আগের দিন, আগেরদিন: এদিন … আগের দিন লেনদেন হয়েছিল; গতকাল বুধবার … আগের দিন): ANAPHOR + "-1".
PREV = frozenset({_nfc("আগের")})
PREV_DAY = _forms("আগেরদিন")
# ওই বছর, একই বছরের ১৫ আগস্ট: the year of the last date named (ANAPHOR + "-year", then any "-MM[-DD]").
SAME_YEAR = frozenset(_nfc(w) for w in ("ওই", "ঐ", "সেই", "একই"))
# A date followed by one of these names a thing (৭ মার্চ ভবন), not a day.
NAMED_THING = _forms("ভবন", "সড়ক", "চত্বর", "মঞ্চ", "স্কুল", "বিদ্যালয়", "কলেজ", "স্মৃতিসৌধ", "স্মৃতিস্তম্ভ",
                     "ম্যুরাল", "মোড়", "এভিনিউ", "ঘাঁটি", "পদক", "ট্রফি")
# A bare month followed by one of these names an event (জুলাই বিপ্লব, জুলাই সনদ), not a month.
NAMED_EVENT = _forms("বিপ্লব", "অভ্যুত্থান", "গণঅভ্যুত্থান", "গণ-অভ্যুত্থান", "গণ–অভ্যুত্থান", "গণ", "গণহত্যা", "আন্দোলন", "সনদ",
                     "ঘোষণাপত্র", "যোদ্ধা", "শহীদ", "স্মৃতি", "চেতনা", "হত্যাকাণ্ড")
# Adjectives inside an event's name after its month (জুলাই জাতীয় সনদ: the July National Charter).
_EVENT_ADJECTIVES = frozenset(_nfc(w) for w in ("জাতীয়", "জাতীয়"))
# মার্চ as the English word "march" (লং মার্চ, মার্চ টু ঢাকা), not the month.
MARCH_WORD = {"before": _forms("লং", "রোড"), "after": frozenset(_nfc(w) for w in ("টু", "ফর", "to", "for"))}
_DAUGHTER = _nfc("মেয়")
# মেতে ওঠে (they revel): over the news_bench articles outside the evaluation sets, every মেতে is
# this verb, never "in May" (May is মে মাসে).
_NOT_MAY = frozenset(_nfc(w) for w in ("মেতে", "মেতেই"))
_GENITIVE = _nfc("র")  # আগস্টের, জুলাইয়ের, জানুয়ারির


# A year before 1800 only with the Gregorian year's word after it (১৭৫৭ সালের এই দিনে, the battle of
# Plassey): alone such a number is mostly a count, and সন, হিজরি, বঙ্গাব্দ count other eras' years.
_GREGORIAN_YEAR_WORDS = _forms("সাল", "খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "সালটা", "সালটি")


def _year(tok, following: str | None = None) -> int | None:
    """The year a four-digit number is (1800-2200; from 1000 with ``following``, the next word, a
    Gregorian year's word)."""
    if tok.kind != "number" or tok.value is None or len(tok.text) != 4:
        return None
    if 1800 <= tok.value <= 2200 or (1000 <= tok.value < 1800 and following in _GREGORIAN_YEAR_WORDS):
        return int(tok.value)
    return None


def _short_year(tok, century: int) -> int | None:
    """The ২৪ of ২০২৩-২৪."""
    if tok.kind == "number" and tok.value is not None and len(tok.text) == 2:
        return century + int(tok.value)
    return None


# A year written with two digits (’৭৫-এর ১৫ আগস্ট, ৭৫ এর ১৫ আগস্টে, ’৯৬ সালের ১৫ ফেব্রুয়ারি, ৭৩ সালে): the
# century is the one that puts it no later than a few years after the publication year.
_SHORT_YEAR_AHEAD = 5
# An undated document's two-digit years count from this year (a constant, not today's: the transform stays
# deterministic), so ’২৫ is 2025 and ’৭৫ 1975 up to 2030.
_UNDATED_YEAR = 2025
_QUOTES = frozenset(("’", "'", "‘"))


def _two_digit_year(tokens, words, i, published) -> tuple[int, int] | None:
    """(year, last token of the year and its genitive or year word) of a year written with two digits
    at token i, or None: only after an apostrophe or before সাল or a genitive (এর, -এর), where the
    number cannot be a count; the caller asks for a day or month after a bare genitive."""
    tok, n = tokens[i], len(tokens)
    if tok.kind != "number" or tok.value is None or len(tok.text) != 2 or i + 1 >= n:
        return None
    if i > 0 and tokens[i - 1].text in ("/", "-", "–") and tokens[i - 1].end == tok.start:
        return None  # ১৭২৬/২৭ খ্রিষ্টাব্দ, ২০২৩-২৪: the end of a range another rule reads
    quoted = i > 0 and tokens[i - 1].text in _QUOTES and tokens[i - 1].end == tok.start
    if words[i + 1] in YEAR_WORDS:
        end = i + 1
    elif (g := _genitive_year_end(tokens, words, i)) is not None or (
            quoted and words[i + 1] in YEAR_GENITIVE and tokens[i + 1].start == tok.end):
        end = g if g is not None else i + 1  # ’৭৫এর
    else:
        return None
    limit = (published.year if published else _UNDATED_YEAR) + _SHORT_YEAR_AHEAD
    year = 2000 + int(tok.value) if 2000 + int(tok.value) <= limit else 1900 + int(tok.value)
    return year, end


def _day(tok) -> int | None:
    if tok.kind == "number" and tok.value is not None and tok.value == int(tok.value) and 1 <= tok.value <= 31:
        return int(tok.value)
    return None


def _day_at(tokens, words, j) -> tuple[int, int] | None:
    """(day, last token) of a day of the month at token j: ১৫, ১৫ই, ২১শে, পাঁচ, একুশে, পহেলা."""
    if j >= len(tokens):
        return None
    d = _day(tokens[j])
    if d is not None:
        if j + 1 < len(tokens) and words[j + 1] in ORDINAL_ENDINGS and (
                tokens[j + 1].start == tokens[j].end or (j + 2 < len(tokens) and _month(tokens[j + 2]))):
            return d, j + 1  # ১৫ই, and ১২ ই আগস্ট with the ending typed apart before a month
        return d, j
    if words[j] in DAY_NUMBER_WORDS:
        return DAY_NUMBER_WORDS[words[j]], j
    return None


def _day_month(tokens, words, j) -> tuple[int, int, int] | None:
    """(day, month, last token) of DAY MONTH at token j."""
    dd = _day_at(tokens, words, j)
    if dd is not None and dd[1] + 1 < len(tokens) and (m := _month(tokens[dd[1] + 1])):
        return dd[0], m, dd[1] + 1
    return None


def _month(tok) -> int | None:
    w = _nfc(tok.text)
    if w.startswith(_DAUGHTER) or w in _NOT_MAY:
        return None  # মেয়ে, মেয়েরা: a girl, not May with an ending
    return MONTHS.get(w)


def _law_year(words, i) -> bool:
    """Whether the bare year at token i is part of a law's name (শ্রম আইন, ২০০৬)."""
    k = i - 1 - (1 if i > 0 and words[i - 1] == "," else 0)
    return k >= 0 and words[k] in LAW_WORDS


# Words a law's name may hold between its year and its head (২০১২ সালের মানি লন্ডারিং প্রতিরোধ আইন).
LAW_NAME_WORDS = 4


def _law_after(tokens, words, j) -> bool:
    """Whether a law's head follows YEAR সালের within a few plain words from token j (২০১২ সালের মানি
    লন্ডারিং প্রতিরোধ আইন, ১৯৭২ সালের গণপ্রতিনিধিত্ব আদেশের, ২০১৩ সালের আইনে): the year names the law.
    A genitive or anything but a word ends the name (২০১৮ সালের নির্বাচনের পর আইন …). Only after the
    genitive সালের: ২০১৮ সালে ডিজিটাল নিরাপত্তা আইন পাস হয় is the year the law was passed."""
    for k in range(j, min(j + LAW_NAME_WORDS + 1, len(words))):
        if words[k] in LAW_WORDS:
            return True
        if tokens[k].kind != "word" or words[k].endswith(_GENITIVE) or _month(tokens[k]):
            return False
    return False


def _names_event(words, i) -> bool:
    """Whether the month at token i names an event (জুলাই বিপ্লব, জুলাইয়ের গণহত্যা) or is the English
    word march (লং মার্চ, মার্চ টু ঢাকা), not a month."""
    w, nxt = words[i], (words[i + 1] if i + 1 < len(words) else None)
    lead = words[i - 1] if i > 0 else None
    if nxt in _EVENT_ADJECTIVES and not (lead and (lead[:1].isdigit() or lead in DAY_NUMBER_WORDS)):
        # জুলাই জাতীয় সনদ (a bare month before জাতীয় is the charter; the model's span may not show
        # the word after); ১৫ আগস্ট জাতীয় শোক দিবস is a day
        if i + 2 >= len(words) or words[i + 2] in NAMED_EVENT:
            return True
    return ((w in BARE_MONTHS or w.endswith(_GENITIVE)) and nxt in NAMED_EVENT) or (
        MONTHS.get(w) == 3 and (lead in MARCH_WORD["before"] or nxt in MARCH_WORD["after"]))


def _iso(y: int | None, m: int, d: int | None) -> str | None:
    if y is None:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def precision(value: str | None) -> str | None:
    """day, month or year, from an ISO value or the start of a range; None for no value or a
    reference still to resolve (``@anaphor+1`` has a day's length but is no day)."""
    if not value or not value[:1].isdigit():
        return None
    start = value.split("/", 1)[0]
    return {10: "day", 7: "month", 4: "year"}.get(len(start))


def bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO value or range covers (2024-08 → Aug 1 .. Aug 31)."""
    if not value:
        return None
    try:
        first, _, last = value.partition("/")
        return _first_day(first), _last_day(last or first)
    except ValueError:
        return None


def _first_day(v: str) -> date:
    parts = [int(p) for p in v.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(v: str) -> date:
    parts = [int(p) for p in v.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    y, m = parts
    return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)


_ONE = _nfc("এক")


def _count(tokens, words, i, one: bool = False) -> int | None:
    """A small count at token i: ৩, তিন (not এক: also "a", unless ``one``: এক বছর আগে, a year ago,
    counts back one year all the same)."""
    t = tokens[i]
    if t.kind == "number" and t.value is not None and t.value == int(t.value) and 1 <= t.value <= 100 and len(t.text) <= 3:
        return int(t.value)
    n = DAY_NUMBER_WORDS.get(words[i])
    return n if n and (n > 1 or (one and words[i] == _ONE)) else None


def _is_every_unit(word: str) -> bool:
    """প্রতিমাসের, প্রতিবছর: every month, every year, written as one word."""
    rest = word[len(_EVERY_PREFIX):]
    return word.startswith(_EVERY_PREFIX) and (rest in MONTH_UNIT or rest in YEAR_UNIT or rest in WEEK_UNIT)


def _first_last_day(words, j) -> tuple[int, int, int] | None:
    """(month, day, last token) of প্রথম দিন / শেষ দিন at token j (the first or last day of a year)."""
    if j + 1 < len(words) and words[j] in FIRST_LAST and words[j + 1] in DAY_UNIT:
        return (*FIRST_LAST[words[j]], j + 1)
    return None


def _falls_on(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _shift_month(d: date, months: int) -> str:
    m = d.year * 12 + (d.month - 1) + months
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def _genitive_year_end(tokens, words, i) -> int | None:
    """The last token of the genitive written after the year at token i (২০২৪ এর, ১৯৭৫-এর, ২০২৪’র),
    or None."""
    n = len(tokens)
    if i + 1 < n and words[i + 1] in YEAR_GENITIVE and tokens[i + 1].start > tokens[i].end:
        return i + 1
    if (i + 2 < n and tokens[i + 1].text in _YEAR_JOINERS and tokens[i + 1].start == tokens[i].end
            and words[i + 2] in YEAR_GENITIVE and tokens[i + 2].start == tokens[i + 1].end):
        return i + 2
    return None


def _month_of_year(tokens, words, j, year: int, named: bool = True) -> tuple[int, str] | None:
    """(last token, value) of MONTH or MONTH-MONTH at token j in ``year`` (২০২১ সালের এপ্রিল-জুন:
    2021-04/2021-06; জুলাই-জুন ends in the next year), or None. ``named=False``: not a single month
    that names an event (চব্বিশের জুলাই অভ্যুত্থান); a range (জুলাই-আগস্টের গণ-অভ্যুত্থান) is a period."""
    m = _month(tokens[j]) if j < len(tokens) else None
    if not m:
        return None
    if j + 2 < len(tokens) and tokens[j + 1].text in ("-", "–") and (m2 := _month(tokens[j + 2])) and m2 != m:
        return j + 2, f"{year:04d}-{m:02d}/{year + (m2 < m):04d}-{m2:02d}"
    if not named and _names_event(words, j):
        return None
    return j, _iso(year, m, None)


# Words between a genitive and a count that still tie the count to it: নির্বাচনের ঠিক চার দিন আগে,
# ঘটনার দুই বা তিন দিন আগে.
_COUNT_MODIFIERS = frozenset(_nfc(w) for w in ("ঠিক", "অন্তত", "প্রায়", "মাত্র", "বা", "ও", "কমপক্ষে", "আনুমানিক"))


# Words ending in র that are no genitive: আর পরদিন (and the next day), আবার, ফের.
_NOT_GENITIVE = frozenset(_nfc(w) for w in ("আর", "আবার", "ফের"))


def _after_genitive(tokens, words, i) -> bool:
    """Whether the count or day word at token i belongs to a genitive before it (নির্বাচনের ঠিক চার
    দিন আগে, ঘটনার দুই বা তিন দিন আগে, ভোটের পরদিন, এর তিন দিন আগে): it counts from that, not from
    a date."""
    k = i - 1
    while k >= 0 and (words[k] in _COUNT_MODIFIERS or _count(tokens, words, k) is not None):
        k -= 1
    return (k >= 0 and tokens[k].kind == "word" and words[k].endswith(_GENITIVE) and words[k] not in MONTHS
            and words[k] not in _NOT_GENITIVE)
