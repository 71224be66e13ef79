"""Word lists and small predicates shared by the sentence splitter and the tokenizer.

Both must agree on abbreviations: a ``.`` that the tokenizer glues onto a word is never a
sentence end, and every ``.`` the splitter ignores as an abbreviation dot is part of a token.
"""
from __future__ import annotations

import re

# Bengali abbreviations written with a Latin full stop (ড. মুহাম্মদ ইউনূস, মো. আবদুল, কি.মি.).
BENGALI_ABBREVIATIONS = frozenset(
    """
    ড ডা ডাঃ মো মোঃ মোসা মোছা মোসাম্মৎ মোহা মুহা মু মি মিসেস মিজ মিস অ্যাড এড অ্যাডভোকেট
    কি মিমি সেমি মিলি লি সে খ্রি খ্রিস্টপূর্ব খ্রিঃ দ্র পৃ নং রা রহ আ স সা প্রফে অধ্যা
    কিমি লে জে মেজ ক্যাপ্টে কর্নে ব্রি জেনা
    """.split()
)

# Latin letter names written in Bengali: the initials of names such as এস. জয়শঙ্কর, এ. কে. এম.
BENGALI_LETTER_NAMES = frozenset(
    """
    এ বি সি ডি ই এফ জি এইচ আই জে কে এল এম এন ও পি কিউ আর এস টি ইউ ভি ডব্লিউ ডাব্লিউ
    এক্স ওয়াই জেড জেট
    """.split()
)

LATIN_ABBREVIATIONS = frozenset(
    """
    Mr Mrs Ms Dr Prof Sr Jr St Mt Gen Col Lt Capt Sgt Maj Gov Sen Rep Hon Rev Fr Pres
    vs Inc Ltd Co Corp No Nos Vol pp Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    approx est fig dept univ Rs Tk Md Mst
    """.split()
)

# A single consonant (optionally with nukta and one vowel sign) or a lone vowel: ক., মো., ডা.
_BENGALI_SHORT = re.compile(r"[\u0995-\u09b9\u09dc-\u09df]\u09bc?[\u09be-\u09cc\u09d7]?|[\u0985-\u0994]")
_LATIN_SINGLE = re.compile(r"[A-Za-z]")


def is_abbreviation(word: str) -> bool:
    """True when ``word`` followed by ``.`` is an abbreviation or an initial, not a sentence end."""
    if word in BENGALI_ABBREVIATIONS or word in LATIN_ABBREVIATIONS or word in BENGALI_LETTER_NAMES:
        return True
    return bool(_BENGALI_SHORT.fullmatch(word) or _LATIN_SINGLE.fullmatch(word))


# Characters that close a quotation or bracket and stay with the sentence they end.
CLOSERS = "\"”’'»)]}›"
END_MARKS = "।॥৷?!"

# Lines that open with these are bylines (when short and without an end mark).
BYLINE_OPENERS = (
    "নিজস্ব প্রতিবেদক",
    "নিজস্ব সংবাদদাতা",
    "স্টাফ রিপোর্টার",
    "সারাক্ষণ রিপোর্ট",
    "বিশেষ প্রতিনিধি",
    "বিশেষ সংবাদদাতা",
    "জেলা প্রতিনিধি",
    "উপজেলা প্রতিনিধি",
    "অনলাইন ডেস্ক",
    "ডেস্ক রিপোর্ট",
    "আন্তর্জাতিক ডেস্ক",
    "বিনোদন ডেস্ক",
    "খেলা ডেস্ক",
    "ঢাকা অফিস",
    "বার্তা সংস্থা",
    "প্রতিবেদক",
    "প্রতিনিধি",
    "সংবাদদাতা",
    "Staff Reporter",
    "Staff Correspondent",
    "Special Correspondent",
    "Online Desk",
    "Desk Report",
    "Reporter",
    "Correspondent",
    "By ",
)
