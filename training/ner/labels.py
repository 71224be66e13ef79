"""Label mapping and the generic-noun stop-list applied to every corpus when converting.

The three corpora use different label sets. khobor ships four model labels:

    PER, PERSON          -> PERSON
    ORG                  -> ORG
    LOC, GPE             -> LOC    (GPE is a subset of what the others call LOC)
    TIM, TIME, DATE      -> DATE
    LAW, UNIT            -> dropped (O)

LAW (banglakit: names of acts) is too rare (255 tokens, one corpus) to learn and has no khobor
label. UNIT (neonp: money, counts, measures such as "১০ লাখ টাকা") is a quantity, which khobor
finds with rules (transforms.entities: NUMBER/QUANTITY), not a name; keeping it would teach the
model to tag numbers.

"Entities are names": the corpora also tag generic nouns such as পুলিশ, সরকার or প্রধানমন্ত্রী
as ORG/PERSON. Those words are not names, so the converters turn them to O (see ``clean_spans``).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

LABELS = ("PERSON", "ORG", "LOC", "DATE")

LABEL_MAP = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "TIM": "DATE",
    "TIME": "DATE",
    "DATE": "DATE",
    "LAW": None,
    "UNIT": None,
}


class Ent(NamedTuple):
    """A token-indexed span: tokens ``start`` .. ``end - 1``."""

    start: int
    end: int
    label: str


def map_label(raw: str) -> str | None:
    """Corpus label -> khobor label, or None to drop. Unknown labels raise: a new tag set must be decided on."""
    try:
        return LABEL_MAP[raw]
    except KeyError:
        raise ValueError(f"unknown corpus label {raw!r}") from None


from khobor.transforms.entities.generic import (  # noqa: E402 - the lists are shared with the run-time filter
    _forms,
    is_title,
    only_generic,
)


def clean_spans(words: list[str], ents: Iterable[Ent]) -> tuple[list[Ent], int]:
    """Apply the stop-list; return the kept spans and how many spans were changed or dropped.

    - a span made only of generic words is dropped (পুলিশ/ORG, সরকারের/ORG, মানুষ/PERSON, চীনা/LOC, a lone বছর/DATE);
    - a PERSON span loses title words and is split around them ("প্রধানমন্ত্রী শেখ হাসিনা" -> "শেখ হাসিনা");
    - a longer ORG/LOC span keeps its generic words: "বাংলাদেশ ব্যাংক" is a name, "ব্যাংক" alone is not.
    """
    out: list[Ent] = []
    changed = 0
    for e in ents:
        toks = words[e.start : e.end]
        if only_generic(toks):
            changed += 1
            continue
        if e.label != "PERSON" or not any(is_title(t) for t in toks):
            out.append(e)
            continue
        changed += 1
        start = None
        for i in range(e.start, e.end + 1):
            if i < e.end and not is_title(words[i]):
                if start is None:
                    start = i
            elif start is not None:
                out.append(Ent(start, i, e.label))
                start = None
    return out, changed


# Words that can be part of a date or time expression. banglakit tags only weekday names as DATE and
# leaves "গতকাল", months, years and times of day untagged, which contradicts the other corpora; its
# tokens that look like date words are therefore marked missing (no supervision) instead (see
# corpora.read_banglakit).
DATE_WORDS = frozenset(
    """
    রবিবার রোববার সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার বৃহস্পতি শুক্র
    জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর
    বৈশাখ জ্যৈষ্ঠ আষাঢ় শ্রাবণ ভাদ্র আশ্বিন কার্তিক অগ্রহায়ণ পৌষ মাঘ ফাল্গুন চৈত্র
    গতকাল আজ কাল পরশু গত আগামী চলতি বর্তমান সাল বছর মাস সপ্তাহ দিন সকাল দুপুর বিকেল সন্ধ্যা রাত ভোর শতাব্দী দশক
    """.split()
)
_DATE_FORMS = _forms(DATE_WORDS)


def is_date_word(token: str) -> bool:
    return token in _DATE_FORMS or any(c.isdigit() for c in token)
