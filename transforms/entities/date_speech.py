"""A day word in reported speech whose own sentence names no day (জয় লিখেছেন, আজ …; তিনি ফেসবুকে লেখেন,
‘আজ …’) is the day of the saying an earlier sentence of its paragraph dates (সোমবার (১২ আগস্ট) রাতে
সামাজিক যোগাযোগমাধ্যমে প্রতিক্রিয়া জানান তিনি।), not the publication day: a report names the
day once and quotes on, often past its first sentence without quote marks (a later sentence of the
paragraph in the first person is still the speaker's). The sentence rule for a day named before the speech verb is
``date_links._said_on_a_named_day``; this one runs over the document, after its anaphors."""
from __future__ import annotations

import re
from datetime import date, timedelta

from khobor.transforms.entities.date_links import _SPEECH_OPENERS
from khobor.transforms.entities.date_words import DAY_WORDS, SPEECH_VERBS, _nfc, precision
from khobor.transforms.entities.types import Span

_QUOTES = frozenset(("‘", "“"))
_FIRST_PERSON = frozenset(_nfc(w) for w in (
    "আমি", "আমিও", "আমরা", "আমরাও", "আমার", "আমারও", "আমাকে", "আমাদের", "আমাদেরও", "আমাদেরকে"))
_FIRST_PERSON_VERB = tuple(_nfc(e) for e in ("ছি", "তাম", "লাম"))  # ঘুরেছি, থাকতাম, গেলাম
_NOT_VERBS = frozenset(_nfc(w) for w in ("ইসলাম", "সালাম", "কালাম", "গোলাম", "মাছি"))


_PARTICIPLES = frozenset(_nfc(w) for w in (
    "দেওয়া", "দেয়া", "করা", "হওয়া", "নেওয়া", "নেয়া", "পাওয়া", "প্রকাশিত", "অনুষ্ঠিত", "ঘোষিত", "প্রদত্ত", "গৃহীত"))
_NEXT_WORD = re.compile(r"\s*([^\s,।]+)")


def _attributive(text: str, end: int) -> bool:
    """Whether the day ending at ``end`` dates a thing (গতকাল দেওয়া বক্তব্য), not the sentence's saying."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and _nfc(m.group(1)) in _PARTICIPLES


def _first_person(word: str) -> bool:
    return word in _FIRST_PERSON or (word.endswith(_FIRST_PERSON_VERB) and len(word) > 3 and word not in _NOT_VERBS)


def carry_speech_days(sentences, dates: list[tuple[int, Span]], text: str, published: date | None) -> list[str | None] | None:
    """New values for ``dates`` (the document's DATE spans in text order, with their sentence index),
    or None when none changes. ``sentences`` are the document's (sentence index, tokens)."""
    if published is None or not any(_nfc(text[s.start : s.end]) in DAY_WORDS for _, s in dates):
        return None
    speech_at: dict[int, int] = {}  # sentence -> where its reported words start
    reports: set[int] = set()  # sentences that tell of a saying (… প্রতিক্রিয়া জানান তিনি)
    paragraph: dict[int, int] = {}
    para, last_end = 0, 0
    speaking = False  # the paragraph's last sentence was reported words (তিনি বলেন, …)
    for si, tokens in sentences:
        if not tokens:
            continue
        new_para = "\n" in text[last_end : tokens[0].start]
        para += new_para
        speaking = speaking and not new_para
        paragraph[si], last_end = para, tokens[-1].end
        words = [_nfc(t.text) for t in tokens]
        for x, w in enumerate(words):
            if w in SPEECH_VERBS:
                reports.add(si)
                if x + 1 < len(words) and words[x + 1] in _SPEECH_OPENERS:
                    speech_at[si] = tokens[x + 1].start
                    break
            if w in _QUOTES:
                speech_at[si] = tokens[x].start
                break
        if si in speech_at:
            speaking = True
        elif si in reports:
            speaking = False
        elif speaking and any(_first_person(w) for w in words):
            # News goes on quoting without marks after তিনি বলেন, …: a later sentence of the paragraph
            # in the first person (… আজ ২০ বার বাইক নিয়ে ঘুরেছি) is still the speaker's.
            speech_at[si] = tokens[0].start
    out = [s.value for _, s in dates]
    said = None  # (day, paragraph, sentence) of the last saying dated outside reported words
    changed = False
    for k, (si, s) in enumerate(dates):
        speech = speech_at.get(si)
        outside = speech is None or s.start < speech
        if outside:
            if (precision(s.value) == "day" and "/" not in s.value and si in reports and date.fromisoformat(s.value) <= published
                    and not _attributive(text, s.end)):
                # (a day ahead is what was said of, not when: ১৫ আগস্টে … যাওয়ার আহ্বান জানিয়েছেন; so is a day
                # before a participle, গতকাল দেওয়া নিজের বক্তব্যের জন্য দুঃখ প্রকাশ করে … বলেন)
                said = (s.value, paragraph.get(si), si)
            continue
        word = _nfc(text[s.start : s.end])
        if (word in DAY_WORDS and said and said[1] == paragraph.get(si) and said[2] < si
                and s.value == (published + timedelta(days=DAY_WORDS[word])).isoformat()
                and not any(t == si and x.start < speech for t, x in dates)):
            out[k] = (date.fromisoformat(said[0]) + timedelta(days=DAY_WORDS[word])).isoformat()
            changed = out[k] != s.value or changed
    return out if changed else None
