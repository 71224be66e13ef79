"""Month and weekday names in Bengali and English, from CLDR (Babel) plus common spellings."""
from __future__ import annotations

import unicodedata

from babel import Locale

from khobor.transforms.entities.inflection import inflected_forms


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# Spellings CLDR does not list (ি/ী endings, অগাস্ট) that are common in Bengali news.
_EXTRA_MONTHS = {
    "জানুয়ারি": 1, "ফেব্রুয়ারি": 2, "আগষ্ট": 8, "অগাস্ট": 8, "অগস্ট": 8, "সেপ্টেম্বার": 9, "সেপ্টম্বর": 9,
    "অক্টোবার": 10, "নভেম্বার": 11, "ডিসেম্বার": 12, "Sept": 9,
}
_EXTRA_WEEKDAYS = {"রোববার": 6, "বিষ্যুদবার": 3, "বৃহষ্পতিবার": 3}


def _names(kind: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for loc in ("bn", "en"):
        table = getattr(Locale(loc), kind)
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in table[ctx][width].items():
                    # "May", "Mar", "Sun" etc. are ordinary English words too; only wide English names count,
                    # except unambiguous abbreviations like "Sept", "Dec".
                    if loc == "en" and width == "abbreviated" and name in ("May", "Mar", "Sun", "Sat", "Wed"):
                        continue
                    # Bengali abbreviations are words with their endings: আগে (before), আগের, জুলই.
                    if loc == "bn" and width == "abbreviated" and name not in table[ctx]["wide"].values():
                        continue
                    names[_nfc(name)] = num
    return names


# The genitive of a name ending in a vowel takes য়ের (জুলাইয়ের), which the general endings lack.
_GENITIVE_AFTER_VOWEL = ("য়ের", "য়েরও", "য়েরই")
_VOWEL_SIGNS = set("ািীুূৃেৈোৌ")


def _with_inflections(names: dict[str, int]) -> dict[str, int]:
    forms: dict[str, int] = {}
    for name, num in names.items():
        for form in inflected_forms(name):
            forms[form] = num
        if name[-1] in _VOWEL_SIGNS or name[-1] in "ইঈউঊ":
            for ending in _GENITIVE_AFTER_VOWEL:
                forms[_nfc(name + ending)] = num
    return forms


# Month names as written, without inflected forms (জুলাই, not জুলাইয়ের).
BARE_MONTHS: dict[str, int] = {**_names("months"), **{_nfc(k): v for k, v in _EXTRA_MONTHS.items()}}
MONTHS: dict[str, int] = _with_inflections(BARE_MONTHS)
# Babel numbers weekdays Monday=0 … Sunday=6, like datetime.weekday().
WEEKDAYS: dict[str, int] = _with_inflections({**_names("days"), **{_nfc(k): v for k, v in _EXTRA_WEEKDAYS.items()}})
