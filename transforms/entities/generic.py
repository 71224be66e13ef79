"""Generic nouns that are never names on their own: titles, roles, common nouns, groups, time words.

The NER training data is cleaned with these lists (``training/ner/labels.py``), and the model's
spans are checked against them at run time, so "entities are names" holds both ways.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable

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
    তৃণমূল
    """.split()
)
# (তৃণমূল, the grassroots: the model took it for an organisation 42 times over the 3,012 news_bench
# articles outside the evaluation sets, all in Bangladesh's politics; the parties named with it, তৃণমূল
# কংগ্রেস and তৃণমূল বিএনপি, are the gazetteer's whole names. মানবাধিকার, as often wrong alone, stays out:
# a leading generic word is trimmed off institutions' names, মানবাধিকার সংস্কৃতি ফাউন্ডেশন among them.)

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

# God and the devotional formulae said with His name (আলহামদুলিল্লাহ, ইনশাআল্লাহ): no person (the
# model takes them for one), and GUIDELINES.md marks no religion. আল্লাহ is also a name part, which
# the name tables keep for names built on it (আব্দুল্লাহ, উল্লাহ are other words).
DEVOTIONAL = frozenset(
    """
    আল্লাহ আলহামদুলিল্লাহ ইনশাআল্লাহ ইনশাল্লাহ মাশাআল্লাহ মাশাল্লাহ সুবহানাল্লাহ আস্তাগফিরুল্লাহ বিসমিল্লাহ
    ঈশ্বর ভগবান
    """.split()
)

GENERIC = TITLES | NOUNS | GROUPS | DEVOTIONAL

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




def is_generic_span(words: list[str]) -> bool:
    """A PERSON/ORG/LOC span made only of generic words (পুলিশ, সরকারের, প্রধানমন্ত্রী) is no name."""
    return only_generic([unicodedata.normalize("NFC", w) for w in words])
