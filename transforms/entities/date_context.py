"""What a whole document says about its own dates, before each sentence's dates are valued."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from khobor.transforms.entities.dates import DAY_WORDS, WEEKDAYS, _nfc

# A weekday further than this from its day word is a misprint, not a writer a day or two off.
MAX_WRITER_OFFSET = 2


def writer_day(sentences, published: date | None) -> date | None:
    """The day the document's relative dates count from: the publication day, unless the document
    names its own day by a day word and a weekday (গতকাল মঙ্গলবার, আজ বুধবার) that disagree with it
    by a day or two. Then the weekday is the writer's: a report written the day before its
    timestamp, or an edition dated the evening before (over the news_bench articles outside the
    evaluation sets, 38 of about 660 such pairs disagree, all but two by one day, and a date written
    beside them, as in গতকাল বুধবার (৭ আগস্ট), sides with the weekday). ``sentences`` holds each
    sentence's tokens; the offset most pairs agree on wins."""
    if published is None:
        return None
    offsets: Counter = Counter()
    for tokens in sentences:
        words = [_nfc(t.text) for t in tokens]
        for w, nxt in zip(words, words[1:]):
            if w in DAY_WORDS and nxt in WEEKDAYS:
                day = published + timedelta(days=DAY_WORDS[w])
                offsets[(WEEKDAYS[nxt] - day.weekday() + 3) % 7 - 3] += 1
    if not offsets:
        return published
    offset = max(offsets.items(), key=lambda kv: (kv[1], kv[0] == 0))[0]
    return published + timedelta(days=offset) if abs(offset) <= MAX_WRITER_OFFSET else published
