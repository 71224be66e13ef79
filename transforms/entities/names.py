"""Name forms: Bengali inflection stripping, spelling-variant keys, Bengali-spelt acronyms, romanisation.

Everything here is a pure function of a string, tested on real forms from news text.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from khobor.transforms.entities.inflection import SILENT_H, is_bengali

HASANTA = "\u09cd"
NUKTA = "\u09bc"
_VOWEL_SIGNS = set("\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c7\u09c8\u09cb\u09cc")
_CONSONANTS = set("কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ") | {"ড়", "ঢ়", "য়", "ৎ"}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def graphemes(word: str) -> int:
    """Bengali aksharas, roughly: consonant clusters with their signs count once."""
    n, prev_hasanta = 0, False
    for ch in word:
        if ch in _CONSONANTS or ch in "অআইঈউঊঋএঐওঔ" or ch.isascii():
            if not prev_hasanta:
                n += 1
        prev_hasanta = ch == HASANTA
    return n


# Endings that follow a vowel-final stem (রাশিয়ার, মোদির, মস্কোতে, ঢাকায়), a consonant-final one
# (ভারতের, ক্রেমলিনে), or either. Longest first, so রাশিয়ার loses র and ক্রেমলিনের loses ের.
_AFTER_VOWEL = {nfc(x) for x in ("র", "রা", "রই", "রও", "য়", "য়ে", "য়ও", "য়েই", "য়ের", "য়েরও", "তে", "তেই", "তেও")}
_AFTER_CONSONANT = {nfc(x) for x in ("ের", "েরও", "েরই", "ে", "েই", "েও", "েরা")}
_EITHER = {nfc(x) for x in ("কে", "কেই", "কেও", "দের", "এর", "এ", "-এর", "-এ", "-কে", "গুলো", "গুলি", "টি", "টা", "খানা",
                             "সহ", "-সহ", "ও", "-ও", "ই", "-ই", "রাও", "দেরও", "জুড়ে", "জুড়েই")}
_RA = nfc("রা")
_CLASSIFIERS = {nfc(x) for x in ("টি", "টা", "খানা", "গুলো", "গুলি")}
_SUFFIXES = sorted(_AFTER_VOWEL | _AFTER_CONSONANT | _EITHER, key=len, reverse=True)
MIN_STEM_AKSHARAS = 2


def _classifier(word: str, stem: str) -> bool:
    """Whether what the stem leaves of the word is a classifier (টি, টা, গুলো), not a case ending."""
    return word[len(stem):].lstrip("-") in _CLASSIFIERS


def _vowel_final(stem: str) -> bool:
    return stem[-1] in _VOWEL_SIGNS or stem[-1] in "অআইঈউঊএঐওঔ"


def stem_candidates(word: str) -> list[str]:
    """The word, then each stem left by removing one case ending or classifier (longest first).

    A stem must keep at least two aksharas and fit its ending: র, য়, তে follow vowel-final stems
    and ের, ে consonant-final ones. So names are never cut: ভারতে gives ভারত (ে after a consonant),
    never ভার (তে needs a vowel before it); শের keeps its form (শ is too short a stem).
    """
    return list(_stem_candidates(word))


# The span rules ask for the stems of most words of every sentence, several times over (290,000
# calls on 600 articles): remembered, they cost a lookup.
@functools.lru_cache(maxsize=1 << 16)
def _stem_candidates(word: str) -> tuple[str, ...]:
    word = nfc(word)
    out = [word]
    if not is_bengali(word):
        m = re.match(r"^(.+?)-?(?:এর|এ|কে|র|য়|ের)$", word)
        if m and not is_bengali(m.group(1)):
            out.append(m.group(1))
        return tuple(out)
    for suf in _SUFFIXES:
        if not word.endswith(suf) or len(word) <= len(suf):
            continue
        stem = word[: -len(suf)].rstrip("-")
        if not stem or graphemes(stem) < MIN_STEM_AKSHARAS or stem.endswith(HASANTA):
            continue
        if suf in _AFTER_VOWEL and not (_vowel_final(stem) or stem.endswith(SILENT_H)):
            continue
        if suf in _AFTER_CONSONANT and _vowel_final(stem):
            continue
        out.append(stem)
    return tuple(dict.fromkeys(out))


# Spelling variants that news outlets use interchangeably.
_VARIANT_MAP = [
    ("\u200c", ""), ("\u200d", ""),
    ("্য", ""),          # য-ফলা: ল্যাভরভ / লাভরভ
    ("্ব", ""),          # ব-ফলা
    ("ী", "ি"), ("ূ", "ু"), ("ঈ", "ই"), ("ঊ", "উ"),
    ("ৈ", "ে"), ("ৌ", "ো"),
    ("ণ", "ন"), ("ষ", "স"), ("শ", "স"), ("ঙ", "ং"), ("ঁ", ""), ("ৎ", "ত"),
    ("য়", "য"), ("ড়", "র"), ("ঢ়", "র"), ("য", "জ"),
    ("-", ""), (" ", " "),
]


_VARIANT_PAIRS = [(nfc(a), b) for a, b in _VARIANT_MAP]


@functools.lru_cache(maxsize=1 << 17)
def variant_key(name: str) -> str:
    """A key equal for the usual spelling variants of one name (ল্যাভরভ / লাভরভ, জানুয়ারি / জানুয়ারী).
    Cached: the same few thousand words come back in every article."""
    s = nfc(name).strip()
    for a, b in _VARIANT_PAIRS:
        s = s.replace(a, b)
    s = s.replace(HASANTA, "")
    return " ".join(s.casefold().split())


# English letter names as Bengali news spells them, for acronyms like এসসিও (SCO), এফএম (FM).
_LETTER_NAMES = {
    "এ": "A", "বি": "B", "সি": "C", "ডি": "D", "ই": "E", "এফ": "F", "জি": "G", "এইচ": "H", "আই": "I",
    "জে": "J", "কে": "K", "এল": "L", "এম": "M", "এন": "N", "ও": "O", "পি": "P", "কিউ": "Q", "আর": "R",
    "এস": "S", "টি": "T", "ইউ": "U", "ভি": "V", "ডব্লিউ": "W", "ডাব্লিউ": "W", "এক্স": "X", "ওয়াই": "Y",
    "জেড": "Z",
}
_LETTER_NAMES = {nfc(k): v for k, v in _LETTER_NAMES.items()}
_LETTER_ORDER = sorted(_LETTER_NAMES, key=len, reverse=True)


def letter_name(word: str) -> str | None:
    """The Latin letter a word names (এম M, আর R, কে K), else None: an initial in a name."""
    return _LETTER_NAMES.get(nfc(word).rstrip("."))


@functools.lru_cache(maxsize=1 << 16)
def bengali_acronym(word: str) -> str | None:
    """SCO for এসসিও, FM for এফএম; None when the word is not wholly English letter names."""
    w = nfc(word)
    out, i = [], 0
    while i < len(w):
        for name in _LETTER_ORDER:
            if w.startswith(name, i):
                out.append(_LETTER_NAMES[name])
                i += len(name)
                break
        else:
            return None
    return "".join(out) if 2 <= len(out) <= 6 else None


# A readable romanisation (close to how Bangladeshi English spells names), for entities with no
# known English name. Inherent vowels are written as "o" inside a word and dropped at its end.
_CONS = {
    "ক": "k", "খ": "kh", "গ": "g", "ঘ": "gh", "ঙ": "ng", "চ": "ch", "ছ": "chh", "জ": "j", "ঝ": "jh", "ঞ": "n",
    "ট": "t", "ঠ": "th", "ড": "d", "ঢ": "dh", "ণ": "n", "ত": "t", "থ": "th", "দ": "d", "ধ": "dh", "ন": "n",
    "প": "p", "ফ": "f", "ব": "b", "ভ": "v", "ম": "m", "য": "j", "র": "r", "ল": "l", "শ": "sh", "ষ": "sh",
    "স": "s", "হ": "h", "ড়": "r", "ঢ়": "rh", "য়": "y", "ৎ": "t",
}
_VOWELS = {"অ": "o", "আ": "a", "ই": "i", "ঈ": "i", "উ": "u", "ঊ": "u", "ঋ": "ri", "এ": "e", "ঐ": "oi", "ও": "o", "ঔ": "ou"}
_SIGNS = {"া": "a", "ি": "i", "ী": "i", "ু": "u", "ূ": "u", "ৃ": "ri", "ে": "e", "ৈ": "oi", "ো": "o", "ৌ": "ou"}
_MARKS = {"ং": "ng", "ঃ": "h", "ঁ": "n"}
_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")


# Endings of place names with a spelling of their own in English (নারায়ণগঞ্জ Narayanganj, শ্রীনগর Srinagar).
_PLACE_ENDINGS = [(nfc("গঞ্জ"), "ganj"), (nfc("নগর"), "nagar")]


def _romanize_place_word(word: str) -> str:
    for ending, latin in _PLACE_ENDINGS:
        if word.endswith(ending) and graphemes(word[: -len(ending)]) >= 1:
            return _romanize_word(word[: -len(ending)]) + latin
    return _romanize_word(word)


def romanize(text: str) -> str:
    words = [_romanize_place_word(w) for w in nfc(text).split()]
    return " ".join(w[:1].upper() + w[1:] if w else w for w in words)


def _units(word: str) -> list[str]:
    units, i, w = [], 0, nfc(word).replace("\u200c", "").replace("\u200d", "")
    while i < len(w):
        if i + 1 < len(w) and w[i + 1] == NUKTA:
            units.append(w[i : i + 2])
            i += 2
        else:
            units.append(w[i])
            i += 1
    return units


def _inherent_vowel(units: list[str], k: int, vowel_seen: bool) -> bool:
    """Whether the consonant at k is read with its inherent vowel (a simple schwa-deletion rule set)."""
    nxt = units[k + 1] if k + 1 < len(units) else None
    conj_end = k > 0 and units[k - 1] == HASANTA
    if nxt is None:
        # Word-final: only clusters with র- or য-ফলা keep it (নরেন্দ্র → Norendro, but ট্রাম্প → Tramp).
        return conj_end and units[k] in ("র", "য")
    if nxt in _SIGNS or nxt == HASANTA:
        return False
    if nxt in _MARKS:
        return True
    if nxt not in _CONS:
        return False
    after = units[k + 2] if k + 2 < len(units) else None
    return (
        not vowel_seen  # the first syllable: জয় → Joy
        or conj_end  # after a cluster: অর্থনীতি → ortho-
        or after is None  # before a word-final consonant: পেসকভ → Peskov, ইউনিয়ন → Iuniyon
        or after == HASANTA  # before a cluster: শঙ্কর → Shongkor
    )


def _romanize_word(word: str) -> str:
    units = _units(word)
    out, vowel_seen = [], False
    for k, u in enumerate(units):
        if u == "য়" and k + 1 < len(units) and units[k + 1] in ("া", "ে", "ি", "ো") and k == 1 and units[0] in ("ও", "ই"):
            out[-1] = "w" if units[0] == "ও" else "y"  # ওয়াহেদ Wahed, ওয়েস্ট West, ইয়াসিন Yasin
            continue
        if u == "য়" and k + 1 < len(units) and units[k + 1] == "া" and k > 0 and units[k - 1] in ("ি", "ু", "ো"):
            continue  # a glide English does not write: বোয়ালিয়া Boalia, কুষ্টিয়া Kushtia, কুয়াকাটা Kuakata
        if u in _CONS:
            glide = u == "য" and k > 0 and units[k - 1] == HASANTA
            out.append("y" if glide else _CONS[u])
            if _inherent_vowel(units, k, vowel_seen):
                out.append("a" if units[k + 1 : k + 2] == ["ঞ"] else "o")  # before ঞ্জ: Sanjay, Anjan, Ranjan
                vowel_seen = True
        elif u in _VOWELS:
            out.append(_VOWELS[u])
            vowel_seen = True
        elif u in _SIGNS:
            out.append(_SIGNS[u])
            vowel_seen = True
        elif u in _MARKS:
            if not (u == "ঁ" and units[k + 1 : k + 2] == ["ন"]):  # চাঁন Chan: the n is spelt once
                out.append(_MARKS[u])
        elif u == HASANTA:
            continue
        elif u.isdigit():
            out.append(u.translate(_DIGITS))
        else:
            out.append(u)
    return "".join(out)


# Spellings of Muhammad that stand for one another in a person's name (মো. আবদুল / মোহাম্মদ আবদুল).
MUHAMMAD = {nfc(x) for x in ("মো.", "মোঃ", "মো", "মোহাম্মদ", "মুহাম্মদ", "মোহাম্মাদ", "মুহাম্মাদ", "মুহম্মদ", "মোহম্মদ", "মুহাম্মেদ")}
WORD_ZIPF = 2.5  # a Bengali word, not a name or a typo: seen at least about once in 300 million words
_EDGE = "\"'‘’“”«»()[]{}<>–—-‐,;:।!?"


# Words that end place names (রংপুর, জোড়পুকুর, কারওয়ান বাজার, খিলগাঁও, হাকালুকি হাওর) and end in
# what looks like a case ending after a vowel (র, ও): a name that ends in one has no ending there.
# The heads of the gazetteer's places that stem_candidates would cut (2026-11: পুর 76, বাজার 7, গাঁও 7,
# হাওর 7 of 218; পুকুর, a pond, is as common a word).
_PLACE_HEADS = tuple(nfc(h) for h in ("পুর", "পুকুর", "বাজার", "গাঁও", "হাওর"))
_PUR = nfc("পুর")


def _cuts_a_head(word: str, stem: str, person: bool = False) -> bool:
    return any(word.endswith(h) and len(word) - len(h) < len(stem) < len(word) for h in _PLACE_HEADS if not (person and h == _PUR))


def name_form(surface: str, known=lambda w: False, zipf=lambda w: 0.0, bare: bool = False, titles: bool = True,
              count=lambda w: 0) -> str:
    """The name a mention says, as it would stand alone: quotes and dashes at its edges, titles before
    it and the case ending or clitic on its last word removed (ঢাকাসহ → ঢাকা, ‘বিএনপি’ → বিএনপি,
    মাওলানা মামুনুল হককে → মামুনুল হক). A name's own letters are never cut: a stem replaces the word
    only when it is a known name (``known``), or a commoner word than the form (``zipf``: টুইটারে →
    টুইটার, but টুইটার stays), or, for names nobody knows, when the ending fits the stem. A ``bare``
    name (the text shows it is no genitive) keeps a final র (মনির is no মনি's). ``titles``: whether
    titles before it go (a person's); a place or institution keeps them, which name it (শেরেবাংলা
    স্টেডিয়াম is no স্টেডিয়াম, শহীদ মিনার no মিনার): so ``titles`` also says the name is a person's.
    ``count``: how often the name-part table saw a word in names; a person's last word that is a
    commoner name than its stem keeps its letters (মোহাম্মদ মনির is Monir, 58 to মনি's 19)."""
    from khobor.transforms.entities.patterns import LEADING_ONLY_TITLES, is_title

    words = nfc(surface).replace("\u200c", "").replace("\u200d", "").strip(_EDGE + " ").split()
    while titles and len(words) > 1 and (is_title(words[0]) or words[0] in LEADING_ONLY_TITLES):
        words = words[1:]
    if not words:
        return ""
    last = words[-1].strip(_EDGE)
    cands = stem_candidates(last)
    # A place's head word keeps its letters (রংপুর); a person's পুর is a name's পু and its genitive
    # (টিপুর is Tipu's), though a বাজার is a place the model took for a person.
    stems = [st for st in cands[1:] if not _cuts_a_head(last, st, person=titles) and not (bare and last[len(st):].startswith("র"))]
    if bengali_acronym(last):  # an acronym's last letter is no classifier: এমআইএসটি is MIST, আইটি IT
        stems = [st for st in stems if not _classifier(last, st)]
    chosen = next((st for st in stems if known(st) and not (titles and count(last) > count(st))), None)
    plural = last[:-2]
    if chosen is None and len(words) > 1 and last.endswith(_RA) and graphemes(plural) >= MIN_STEM_AKSHARAS \
            and not _vowel_final(plural) and not plural.endswith(HASANTA) and known(plural):
        # রা, "and the others", after a full name that ends in a consonant: আকরাম খানরা, মুশফিকুর রহিমরা
        # (a noun takes েরা there, so ``stem_candidates`` does not cut it; one word may be a name of
        # its own, বুশরা)
        chosen = plural
    if chosen is None:
        if known(last) or not stems:
            chosen = last
        else:
            # A stem that is a word of its own is the word (টুইটারে → টুইটার; টুইটার keeps its র:
            # টুইটা is no word); after a classifier, only a commoner word than the form (কমিটি keeps
            # its টি, though কমি is a word). A name nobody knows loses the case ending that fits it
            # (ভ্যাসিলিভের), not a classifier: টি, টা follow nouns, and a place's own letters end so
            # (পানিঘাটা, বাসাবাটি: 76 mentions over news_bench's articles outside the sets were cut,
            # nearly all wrongly).
            chosen = next((st for st in stems if zipf(st) >= WORD_ZIPF and (
                zipf(st) > zipf(last) or not _classifier(last, st))), None)
            if chosen is None:
                cases = [st for st in stems if not _classifier(last, st)]
                chosen = last if zipf(last) >= WORD_ZIPF or not cases else cases[0]
    return " ".join([*words[:-1], chosen])


_HEALTH_COMPLEX = re.compile(nfc(r"^(\S+) স্বাস্থ্য কমপ্লেক্স$"))


def name_key(form: str) -> str:
    """The identity key of a name form: spelling variants and Muhammad's spellings fold together, and
    an upazila's health complex with its name in full (লালমোহন স্বাস্থ্য কমপ্লেক্স is লালমোহন উপজেলা
    স্বাস্থ্য কমপ্লেক্স: health complexes are the upazilas')."""
    form = _HEALTH_COMPLEX.sub(nfc(r"\1 উপজেলা স্বাস্থ্য কমপ্লেক্স"), nfc(form))
    words = ["মোহাম্মদ" if w in MUHAMMAD else w for w in nfc(form).split()]
    return variant_key(" ".join(words))
