"""Words, thresholds and the name lexicon the weak labeller (``weak.py``) works with."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from khobor.transforms.entities.generic import _forms, is_title
from khobor.transforms.entities.inflection import inflected_forms

from . import lexicon as L

ACCEPT = 0.90
ACCEPT_AFTER_TITLE = 0.50
DOUBT = 0.10
MIN_PHRASE = 3
CLEAR_SHARE = 0.5
MAX_RUN = 6
RARE_SHARE = 0.30
MOSTLY_SHARE = 0.70
MIN_TYPE_COUNT = 5
AFTER_TITLE_SPAN = 3
NAME_PART_SHARE = 0.05
STOP_TOP = 1500  # the most frequent words of the pool that are not known names are function words


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# Function words and determiners that end a name run on its left (hand-written; the pool's most
# frequent words are added at run time).
STOP = frozenset(
    nfc(w)
    for w in """
    ও এবং বা আর কিন্তু তবে যে যা যার যাদের এই ওই এ সেই সে তিনি তারা তাঁরা তার তাঁর তাদের তাঁদের আমি আমরা আমাদের আমার
    এক একটি একটা কয়েকটি দুটি তিনটি সব সকল প্রতিটি প্রত্যেক কোনো কোন উক্ত বিভিন্ন সংশ্লিষ্ট অন্য অন্যান্য নিজ নিজস্ব
    থেকে হতে দিয়ে নিয়ে জন্য কাছে সঙ্গে সাথে মধ্যে পর পরে আগে বিরুদ্ধে পক্ষে অধীনে অধীন মাধ্যমে চেয়ে মতো
    করে করেন করেছে করেছেন হয় হয়েছে হয়েছেন বলে বলেন জানান জানিয়েছে জানিয়েছেন ছিল ছিলেন না নয় তো
    """.split()
)
_AND = frozenset(nfc(w) for w in ("ও", "এবং", "অ্যান্ড", "&"))
_DIRECTIONS = frozenset(nfc(w) for w in ("উত্তর", "দক্ষিণ", "পূর্ব", "পশ্চিম", "মধ্য"))
_GENITIVE_VOWELS = set("ািীোৈৌে")
_BAZAR = nfc("বাজার")
_KIND_FILLERS = frozenset(nfc(w) for w in ("সদর", "মডেল"))


def _form_map(stems: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in stems:
        for f in inflected_forms(s):
            out.setdefault(nfc(f), s)
    return out


ORG_HEAD_FORMS = _form_map(L.ORG_HEADS)
LOC_KIND_FORMS = _form_map(L.LOC_KINDS)
_HONORIFIC_FORMS = frozenset(L.HONORIFICS)
_MODIFIER_FORMS = _forms(L.GENERIC_MODIFIERS)
_UNIT_FORMS = frozenset(L.UNIT_WORDS) | {nfc("সিটি")}
_NOT_NAME_FORMS = _forms(L.NOT_NAMES)


def is_word(w: str) -> bool:
    return any(ch.isalpha() for ch in w) and not any(ch.isdigit() for ch in w)


def is_genitive(w: str) -> bool:
    """-ের, or -র after a vowel sign (ঢাকার, মোদির); not -ুর (জামালপুর, ফরিদপুর) or -বাজার (names)."""
    if w.endswith(_BAZAR):
        return False  # কক্সবাজার, মৌলভীবাজার
    return w.endswith("ের") or (len(w) > 2 and w.endswith("র") and w[-2] in _GENITIVE_VOWELS)


# Endings that close a name run on its left: locatives, accusatives, -সহ, verb endings (ঢাকায়, রোগীকে, নামবে).
_RUN_BREAK_ENDINGS = tuple(nfc(x) for x in ("কে", "তে", "ায়", "য়ে", "ে", "সহ", "ছে", "ছেন", "ছিল", "বে", "লে", "েই", "রই", "েও", "তেও"))
_NAME_EXCEPTIONS = frozenset(nfc(w) for w in ("জামায়াতে",))


def breaks_run(w: str) -> bool:
    return w not in _NAME_EXCEPTIONS and w.endswith(_RUN_BREAK_ENDINGS)


_MINISTER = nfc("মন্ত্রী")


def is_honorific(w: str) -> bool:
    return w in _HONORIFIC_FORMS or is_title(w) or w.endswith(_MINISTER)


# --- lexicon ----------------------------------------------------------------------------------------


class Lexicon:
    """Token sequences -> label; the last token of a Bengali name also matches its inflected forms."""

    def __init__(self, entries: Iterable[tuple[str, str]]):
        self.index: dict[tuple[str, ...], str] = {}
        self.max_len = 1
        for name, label in entries:
            toks = tuple(nfc(name).split())
            if not toks:
                continue
            for last in inflected_forms(toks[-1]):
                self.index.setdefault(toks[:-1] + (nfc(last),), label)
            self.max_len = max(self.max_len, len(toks))

    def find(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        out, i = [], 0
        while i < len(words):
            for n in range(min(self.max_len, len(words) - i), 0, -1):
                lab = self.index.get(tuple(words[i : i + n]))
                if lab:
                    out.append((i, i + n, lab))
                    i += n
                    break
            else:
                i += 1
        return out

    def __contains__(self, word: str) -> bool:
        return (word,) in self.index


def default_lexicon() -> Lexicon:
    entries: list[tuple[str, str]] = []
    places = L.BD_DIVISIONS + L.BD_DISTRICTS + L.BD_PLACES + L.RIVERS + L.WORLD_PLACES + L.cldr_places()
    entries += [(p, "LOC") for p in places] + [(o, "ORG") for o in L.KNOWN_ORGS]
    try:  # khobor's curated gazetteer (people, organisations, places) where installed
        from khobor.transforms.entities.gazetteer import default_gazetteer

        for e in default_gazetteer().entries.values():
            for name in {e.canonical, *e.aliases}:
                if name and any("\u0980" <= ch <= "\u09ff" for ch in name) and nfc(name) not in _NOT_NAME_FORMS:
                    entries.append((name, e.label))
    except Exception:  # noqa: BLE001 - the lists above suffice for tests
        pass
    return Lexicon(entries)
