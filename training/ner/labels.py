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

import unicodedata
from typing import Iterable, NamedTuple

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


# Words that are roles, titles or common nouns, never names on their own. Found by counting the most
# frequent labelled strings per corpus (see training/ner/inspect_corpora.py); the surname-like
# সরকার is deliberately only in GENERIC (dropped when it is the whole span), never in TITLES, so
# "মনোজ সরকার" stays a person.
TITLES = frozenset(
    """
    প্রধানমন্ত্রী রাষ্ট্রপতি প্রেসিডেন্ট মন্ত্রী উপমন্ত্রী প্রতিমন্ত্রী মুখ্যমন্ত্রী পররাষ্ট্রমন্ত্রী স্বরাষ্ট্রমন্ত্রী অর্থমন্ত্রী
    চেয়ারম্যান সভাপতি সম্পাদক সাধারণ মহাসচিব উপাচার্য মেয়র সাংসদ এমপি বিচারপতি বিচারক
    শিক্ষক শিক্ষার্থী ছাত্র ছাত্রী অধ্যাপক চিকিৎসক ডাক্তার পরিচালক কর্মকর্তা কর্মী নেতা নেত্রী
    অধিনায়ক কোচ খেলোয়াড় ব্যাটসম্যান বোলার অভিনেতা অভিনেত্রী গায়ক গায়িকা
    প্রিন্স রাষ্ট্রদূত মুখপাত্র প্রতিনিধি উপদেষ্টা সচিব গভর্নর ওসি পুলিশ সুপার
    মা বাবা ভাই বোন স্ত্রী স্বামী ছেলে মেয়ে
    """.split()
)

NOUNS = frozenset(
    """
    মানুষ লোক জনগণ সরকার পুলিশ সেনাবাহিনী সেনা র‍্যাব প্রশাসন আদালত সংসদ মন্ত্রণালয় দল
    বিরোধী ক্ষমতাসীন বাহিনী কমিটি কমিশন বিশ্ববিদ্যালয় কলেজ স্কুল হাসপাতাল ব্যাংক কোম্পানি
    দেশ রাষ্ট্র শহর গ্রাম জেলা উপজেলা বিভাগ
    """.split()
)

# Nationality adjectives and religious or ethnic groups (OntoNotes' NORP): neonp tags them ORG or LOC,
# rifat sometimes LOC, banglakit leaves them O. They are not names of a place or an organisation, so
# alone they become O; inside a longer name ("মার্কিন যুক্তরাষ্ট্র") they stay.
GROUPS = frozenset(
    """
    মার্কিন ভারতীয় চীনা রুশ ব্রিটিশ ফরাসি জার্মান জাপানি ইতালীয় পাকিস্তানি ইরানি ইসরাইলি ইসরায়েলি ফিলিস্তিনি
    আফগান বাংলাদেশি অস্ট্রেলিয়ান মুসলিম মুসলমান হিন্দু ইহুদি খ্রিস্টান বৌদ্ধ রোহিঙ্গা উইঘুর কৃষ্ণাঙ্গ শ্বেতাঙ্গ
    জঙ্গি বিদ্রোহী জান্তা পশ্চিমা শিক্ষাপ্রতিষ্ঠান
    """.split()
)

# Time words that are not a date by themselves: neonp and rifat tag "সময়", "দৈনিক", a bare "গত"
# ("last", whose date was left untagged) or "বছর" as TIME/TIM.
TIME_WORDS = frozenset(
    """
    সময় দৈনিক মেয়াদ দিন মাস বছর সপ্তাহ ঘণ্টা মিনিট তারিখ সাল বার্ষিক শতবর্ষী আগে আগের পরে আগামী গত প্রতিদিন
    """.split()
)

GENERIC = TITLES | NOUNS | GROUPS

# Bengali inflects nouns by suffix; a stop-listed stem counts with any of these endings.
_SUFFIXES = ("", "র", "ের", "এর", "কে", "েরা", "রা", "দের", "দেরকে", "ও", "ই", "রও", "েরও", "রই", "েরই", "টি", "টির", "গণ", "বৃন্দ", "সহ", "ে", "তে", "য়")


def _forms(stems: Iterable[str]) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", s + suf) for s in stems for suf in _SUFFIXES)


_TITLE_FORMS = _forms(TITLES)
_GENERIC_FORMS = _forms(GENERIC)
_TIME_FORMS = _forms(TIME_WORDS)


def is_title(token: str) -> bool:
    return token in _TITLE_FORMS


def is_generic(token: str) -> bool:
    return token in _GENERIC_FORMS or token in _TIME_FORMS


def only_generic(tokens: list[str]) -> bool:
    # Time words only disqualify a span on their own: "গত বছর" (last year) is a date, "বছর" is not.
    if len(tokens) == 1:
        return is_generic(tokens[0])
    return all(t in _GENERIC_FORMS for t in tokens)


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
