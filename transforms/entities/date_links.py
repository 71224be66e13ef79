"""How the dates of one sentence name each other (``dates.date_spans`` finds them first): a weekday
and its date in brackets, a day word and the date after it, পরদিন after a dated event, a day word
in speech said on a day the sentence names."""
from __future__ import annotations

from datetime import date, timedelta

from khobor.transforms.entities.date_context import MAX_WRITER_OFFSET
from khobor.transforms.entities.date_words import (
    _GENITIVE,
    AGO,
    ANAPHORS,
    DATE_WORD,
    DAY_WORDS,
    NEXT_DAY,
    SPEECH_VERBS,
    _after_genitive,
    _nfc,
    precision,
)
from khobor.transforms.entities.types import Span
from khobor.transforms.text.calendar_names import MONTHS, WEEKDAYS

# What may stand between a day word and the date that says which day it is (আজ (২২ ফেব্রুয়ারি)).
_DAY_WORD_LINKS = frozenset(_nfc(w) for w in ("(", ",", "যেহেতু", "হলো", "হল"))
# What follows a speech verb that opens the words it reports (বলেন, ‘…; জানান, …).
_SPEECH_OPENERS = frozenset((",", ":", "‘", "“", "'", '"'))


def link_dates(spans: list[Span], at: list[int], tokens, words) -> None:
    """Give the spans of one sentence (``at``: the first token of each) the values their neighbours
    say they have, in place."""
    n = len(tokens)
    _day_after_dated_event(spans, at, tokens, words)
    # সোমবার (১২ আগস্ট): the weekday is the date in brackets when that date is such a weekday, in the
    # week the weekday alone would name
    for k in range(len(spans) - 1):
        j = at[k]
        if (words[j] in WEEKDAYS and spans[k].end == tokens[j].end and j + 2 < n and tokens[j + 1].text == "("
                and at[k + 1] == j + 2 and precision(v := spans[k + 1].value) == "day" and "/" not in v
                and date.fromisoformat(v).weekday() == WEEKDAYS[words[j]]
                and (spans[k].value is None or abs((date.fromisoformat(v) - date.fromisoformat(spans[k].value)).days) <= 7)):
            spans[k] = spans[k]._replace(value=v, confidence=0.9)
    # ১২ তারিখ (১২ ফেব্রুয়ারি), পরদিন (৬ আগস্ট): a day of an unnamed month, or a day named by
    # reference, is the date in brackets after it
    for k in range(len(spans) - 1):
        j = at[k + 1]
        if (words[j - 1 if j else 0] == "(" and j >= 2 and spans[k].end == tokens[j - 2].end
                and precision(v := spans[k + 1].value) == "day" and "/" not in v
                and ((words[j - 2] in DATE_WORD and spans[k].value and spans[k].value[8:] == v[8:])
                     or (words[j - 2] in NEXT_DAY or words[j - 2] in ANAPHORS) and not (spans[k].value or "@")[:1].isdigit())):
            spans[k] = spans[k]._replace(value=v)
    # আজ ২৫ ফেব্রুয়ারি, আজ (২২ ফেব্রুয়ারি), আজ (সোমবার), আজকে যেহেতু ৭ আগস্ট: the date says which day
    # the day word is (a quote of the day before, an edition dated after the day it was written); not a
    # genitive, which is of something else (আজ ১৫ আগস্টের ছুটির বিষয়ে)
    for k in range(len(spans) - 1):
        j, nx = at[k], at[k + 1]
        if (words[j] in DAY_WORDS and spans[k].end == tokens[j].end and spans[k].value and spans[k].value[:1].isdigit()
                and all(words[x] in _DAY_WORD_LINKS for x in range(j + 1, nx))
                and not _genitive_date(words[max(x for x in range(nx, n) if tokens[x].end <= spans[k + 1].end)])
                and precision(v := spans[k + 1].value) == "day" and "/" not in v
                and 0 < abs((date.fromisoformat(v) - date.fromisoformat(spans[k].value)).days) <= MAX_WRITER_OFFSET):
            spans[k] = spans[k]._replace(value=v)
    # ২১ মার্চ (শনিবার), ১৩ জানুয়ারি, শনিবার: the weekday in brackets or after a comma after a date is that
    # date, when it falls on it
    for k in range(1, len(spans)):
        j = at[k]
        if (words[j] in WEEKDAYS and spans[k].end == tokens[j].end and j >= 2 and tokens[j - 1].text in ("(", ",")
                and spans[k - 1].end == tokens[j - 2].end and precision(v := spans[k - 1].value) == "day" and "/" not in v
                and date.fromisoformat(v).weekday() == WEEKDAYS[words[j]]):
            spans[k] = spans[k]._replace(value=v, confidence=0.9)
    _said_on_a_named_day(spans, at, tokens, words)


# Words between a date and the genitive its পরদিন counts from (৫ আগস্ট স্বৈরাচার তাড়ানোর পরদিন).
DATED_EVENT_WORDS = 4


def _day_after_dated_event(spans: list[Span], at: list[int], tokens, words) -> None:
    """পরদিন after a genitive (ভোটের পরদিন) counts from that event, which has no value; when a day
    is written just before the event (৫ আগস্ট স্বৈরাচার তাড়ানোর পরদিন), it is the day after that day."""
    for k in range(1, len(spans)):
        j = at[k]
        if spans[k].value is not None or words[j] not in NEXT_DAY or not _after_genitive(tokens, words, j):
            continue
        prev = spans[k - 1]
        if (precision(v := prev.value) == "day" and "/" not in v
                and sum(1 for t in tokens if prev.end <= t.start and t.end <= tokens[j].start) <= DATED_EVENT_WORDS + 1):
            spans[k] = spans[k]._replace(value=(date.fromisoformat(v) + timedelta(days=1)).isoformat(), confidence=0.9)


def _said_on_a_named_day(spans: list[Span], at: list[int], tokens, words) -> None:
    """গতকাল জনসভায় তিনি বলেন, ‘আজ …’; বুধবার (২ আগস্ট) ম্যাচের পর তিনি বলেন, ‘আজ সকালে …’: a day word in
    reported speech counts from the day the sentence names before the speech verb, not from the
    publication day (the speech is that day's)."""
    if len(spans) < 2:
        return
    said = verb = None
    for k, span in enumerate(spans):
        j = at[k]
        if verb is None:
            verb = next((x for x in range(j + 1, (at[k + 1] if k + 1 < len(spans) else len(words)))
                         if words[x] in SPEECH_VERBS and x + 1 < len(words) and words[x + 1] in _SPEECH_OPENERS), None)
            if (precision(span.value) == "day" and "/" not in span.value and not _in_quote(tokens, j)
                    and not any(w in AGO for w in words[j : j + 4])):  # সাত দিন আগে এ কথা বলেছেন: another saying
                said = span.value
            elif verb is not None:
                said = None  # the day named just before the verb is not a day
            continue
        if (said and words[j] in DAY_WORDS and span.end == tokens[j].end and span.value and span.value[:1].isdigit()
                and span.value != said):
            spans[k] = span._replace(value=(date.fromisoformat(said) + timedelta(days=DAY_WORDS[words[j]])).isoformat())


def _in_quote(tokens, j) -> bool:
    """Whether token j is inside a quote its sentence opened before it."""
    depth = 0
    for t in tokens[:j]:
        depth += t.text in ("‘", "“")
        depth -= t.text in ("’", "”") and depth > 0
    return depth > 0


def _genitive_date(word: str) -> bool:
    """Whether a date's last word is a genitive (আগস্টের, ফেব্রুয়ারির, সোমবারের), not a name that ends in
    র (সোমবার, নভেম্বর)."""
    return word.endswith(_nfc("ের")) or (word.endswith(_GENITIVE) and word[:-1] in MONTHS)


