"""Bengali case endings and classifiers, used to generate the inflected forms of a known name.

Generating forms from a name (ভারত → ভারতের, ভারতে) rather than cutting endings off a word
means a name is never cut: ভারত can match ভারতে but ভার never matches ভারত.
"""
from __future__ import annotations

import unicodedata

# After a consonant-final stem (ভারত, ক্রেমলিন) and after a vowel-final stem (রাশিয়া, মোদি).
_AFTER_CONSONANT = ("ের", "েরও", "েরই", "ে", "েই", "েও", "কে", "কেই", "রা", "দের")
# A glide before ের after a vowel is written too: খিলগাঁওয়ের, আগারগাঁওয়ের, জুলাইয়ের.
_AFTER_VOWEL = ("র", "রও", "রই", "য়", "য়ে", "য়ও", "য়ের", "য়েরও", "তে", "তেই", "কে", "কেই", "রা", "দের", "ও", "ই")
# সহ ("and others", "including") is written on the name (ঢাকা বিশ্ববিদ্যালয়সহ, বিএনপিসহ) and, like a case
# ending, is inside its mention (GUIDELINES.md).
_ALWAYS = ("এর", "এ", "ও", "ই", "-এর", "-এ", "-কে", "সহ", "-সহ")
# A silent final h (আল্লাহ, হিজবুল্লাহ, সালেহ) takes a vowel's endings too (আল্লাহর, সালেহর) as well as
# a consonant's.
SILENT_H = ("াহ", "েহ")

_VOWEL_SIGNS = set("ািীুূৃেৈোৌ")
_INDEPENDENT_VOWELS = set("অআইঈউঊঋএঐওঔ")


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


SUFFIXES_AFTER_CONSONANT = tuple(_nfc(s) for s in _AFTER_CONSONANT + _ALWAYS)
SUFFIXES_AFTER_VOWEL = tuple(_nfc(s) for s in _AFTER_VOWEL + _ALWAYS)


def is_bengali(word: str) -> bool:
    return any("\u0980" <= ch <= "\u09ff" for ch in word)


def inflected_forms(word: str) -> list[str]:
    """The word itself and its inflected forms; non-Bengali words only get their hyphenated suffixes."""
    word = _nfc(word)
    if not word:
        return []
    if not is_bengali(word):
        return [word]
    last = word[-1]
    vowel_final = last in _VOWEL_SIGNS or last in _INDEPENDENT_VOWELS
    suffixes = SUFFIXES_AFTER_VOWEL if vowel_final else SUFFIXES_AFTER_CONSONANT
    if word.endswith(SILENT_H):
        suffixes = tuple(dict.fromkeys(SUFFIXES_AFTER_CONSONANT + SUFFIXES_AFTER_VOWEL))
    return [word] + [word + s for s in suffixes]
