"""Conventional English names: how English-language news writes a Bengali name.

In order: the gazetteer's English name (every curated place, organisation and person carries one);
else word by word, a person's name part from the curated table (রহমান → Rahman, তারেক → Tarique,
মো. → Md.), a known one-word place (গাজীপুর → Gazipur), a word of institutional names (হাসপাতাল →
Hospital, থানা → Police Station); then the spelling English text uses for a foreign word, found in
an English word list (গিলেস্পি → Gillespie, কংগ্রেস → Congress, see ``transliterate``); and only what
none of these knows is romanised. A numbered name keeps its number (বরিশাল-৩ → Barishal-3). The
method says which: ``gazetteer``, ``name_parts`` (people's names from the table), ``dictionary``
(institution or place words, with or without name parts), ``lexicon`` (at least one word from the
English word list, none romanised), ``romanised`` (at least one word romanised).
"""
from __future__ import annotations

import functools
import re
import unicodedata

from khobor.transforms.entities.name_parts import is_name_part, name_parts
from khobor.transforms.entities.names import bengali_acronym, romanize, stem_candidates
from khobor.transforms.entities.transliterate import lexicon_spelling, native_word

# Words of institutions' and places' names, as English news writes them.
WORDS = {
    "মন্ত্রণালয়": "Ministry", "বিশ্ববিদ্যালয়": "University", "ব্যাংক": "Bank", "অধিদপ্তর": "Directorate",
    "অধিদফতর": "Directorate", "কমিশন": "Commission", "পরিষদ": "Council", "লীগ": "League", "পার্টি": "Party",
    "বাহিনী": "Force", "কলেজ": "College", "হাসপাতাল": "Hospital", "আদালত": "Court", "ট্রাইব্যুনাল": "Tribunal",
    "বোর্ড": "Board", "সংস্থা": "Agency", "সমিতি": "Association", "ফাউন্ডেশন": "Foundation", "ইনস্টিটিউট": "Institute",
    "একাডেমি": "Academy", "বিদ্যালয়": "School", "মাদ্রাসা": "Madrasa", "ক্লাব": "Club", "সংঘ": "Sangha",
    "ফ্রন্ট": "Front", "জোট": "Alliance", "কাউন্সিল": "Council", "করপোরেশন": "Corporation", "কর্পোরেশন": "Corporation",
    "কোম্পানি": "Company", "লিমিটেড": "Limited", "গ্রুপ": "Group", "গোষ্ঠী": "Group", "মঞ্চ": "Mancha",
    "থানা": "Police Station", "মেডিকেল": "Medical", "সিটি": "City", "সরকারি": "Government", "উচ্চ": "High",
    "প্রাথমিক": "Primary", "মাধ্যমিক": "Secondary", "জেলা": "District", "উপজেলা": "Upazila", "সদর": "Sadar",
    "মডেল": "Model", "জাতীয়": "National", "আন্তর্জাতিক": "International", "কেন্দ্রীয়": "Central",
    "ইসলামী": "Islami", "ইসলামিক": "Islamic", "ছাত্র": "Students", "আন্দোলন": "Movement", "নদী": "River",
    "উত্তর": "North", "দক্ষিণ": "South", "পূর্ব": "East", "পশ্চিম": "West", "মহানগর": "Metropolitan",
    "রেলওয়ে": "Railway", "স্টেশন": "Station", "বিমানবন্দর": "Airport", "বন্দর": "Port", "বাজার": "Bazar",
    "মহিলা": "Women's", "বালিকা": "Girls'", "আলিয়া": "Alia", "সরকার": "Government", "পৌরসভা": "Municipality",
    "ইউনিয়ন": "Union", "গ্রাম": "village", "টেলিভিশন": "Television", "টিভি": "TV", "এক্সচেঞ্জ": "Exchange",
    "চেম্বার": "Chamber", "ফেডারেশন": "Federation", "অ্যাসোসিয়েশন": "Association", "এসোসিয়েশন": "Association",
    "ট্রাস্ট": "Trust", "ব্যুরো": "Bureau", "কার্যালয়": "Office", "দপ্তর": "Office", "কর্তৃপক্ষ": "Authority",
    "প্রেস": "Press", "জজ": "Judge", "ম্যাজিস্ট্রেট": "Magistrate", "চিফ": "Chief", "হাইওয়ে": "Highway",
    "পরিবহন": "Paribahan", "কোতোয়ালি": "Kotwali", "কোতোয়ালী": "Kotwali",
    "এয়ারলাইন্স": "Airlines", "এয়ারলাইনস": "Airlines", "এয়ারওয়েজ": "Airways", "এয়ারলাইন": "Airline", "দি": "The",
}
WORDS = {unicodedata.normalize("NFC", k): v for k, v in WORDS.items()}


@functools.lru_cache(maxsize=1)
def _one_word_places() -> dict[str, str]:
    """One-word names the gazetteer knows unambiguously (ঢাকা, গাজীপুর), and their English."""
    from khobor.transforms.entities.gazetteer import default_gazetteer, norm_token

    gaz = default_gazetteer()
    out = {}
    for key, ids in gaz.index.items():
        if len(key) == 1 and len(ids) == 1:
            e = gaz.entries[ids[0]]
            if len(norm_token(e.canonical).split()) == 1 and norm_token(e.canonical) == key[0]:
                out[key[0]] = e.canonical_latin
    return out


_PARISHAD = unicodedata.normalize("NFC", "পরিষদ")
_LOCAL_BODIES = {unicodedata.normalize("NFC", w) for w in ("উপজেলা", "ইউনিয়ন", "জেলা", "পৌর")}
_NUMBERED = re.compile(r"(.+?)-([০-৯0-9]+)")  # a constituency or a tribunal: বরিশাল-৩ → Barishal-3
_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


def _word(token: str, label: str) -> tuple[str, str]:
    """(English, method) of one word of a name."""
    if token.isascii():
        return token, "dictionary"
    numbered = _NUMBERED.fullmatch(token)
    if numbered:
        base, method = _word(numbered.group(1), label)
        return f"{base}-{numbered.group(2).translate(_DIGITS)}", method
    places = _one_word_places()
    for stem in stem_candidates(token):
        if label == "PERSON" and is_name_part(stem):
            return name_parts()[stem].en, "name_parts"
        if stem in WORDS:
            return WORDS[stem], "dictionary"
        if stem in places:
            return places[stem], "dictionary"
        if is_name_part(stem):
            return name_parts()[stem].en, "name_parts"
    if label != "PERSON" and not native_word(token):
        acronym = bengali_acronym(token)  # ইউপিডিএফ → UPDF (people's initials are in the name-part table)
        if acronym:
            return acronym, "dictionary"
    spelt = lexicon_spelling(token)
    if spelt:
        return spelt, "lexicon"
    return romanize(token), "romanised"


def english_name(form: str, label: str, gazetteer_latin: str | None = None) -> tuple[str, str]:
    """(conventional English name, how it was made) of a name form (no case ending, no title)."""
    if gazetteer_latin:
        return gazetteer_latin, "gazetteer"
    tokens = unicodedata.normalize("NFC", form).split()
    words = [_word(t, label) for t in tokens]
    for k in range(1, len(tokens)):  # Upazila Parishad, Union Parishad: a local council keeps its Bengali word
        if tokens[k] == _PARISHAD and tokens[k - 1] in _LOCAL_BODIES:
            words[k] = ("Parishad", words[k][1])
    if not words:
        return "", "romanised"
    methods = {m for _, m in words}
    method = ("romanised" if "romanised" in methods else "lexicon" if "lexicon" in methods
              else "name_parts" if methods == {"name_parts"} else "dictionary")
    return " ".join(w for w, _ in words), method
