"""Names a document repeats: a person named once (গীতু মোহনদাস, মাহমুদুর রহমান মান্না) is often
named again by a part of the name alone (মান্না, মান্নার) where the model, seeing one sentence,
finds nothing. Those words, found again in the same document outside any other mention, are the
person's mentions too (GUIDELINES.md: a bare first name or surname that refers to a full name
mentioned there is a PERSON).

A word is only carried when it is a known part of people's names that can stand for the person
alone: not a common word (ইসলাম, রবি), a title or a neutral part (মো., শেখ), and not next to
another name part (আসিফ in আসিফ নজরুল is another person's name, not a mention of আসিফ মাহমুদ).
"""
from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Sequence

from khobor.transforms.entities.generic import is_generic
from khobor.transforms.entities.inflection import is_bengali
from khobor.transforms.entities.name_parts import is_name_part
from khobor.transforms.entities.names import bengali_acronym, graphemes, stem_candidates
from khobor.transforms.entities.patterns import COMMON_WORD_ZIPF, MAX_WORD_CHARS, is_title, word_entity_rates, zipf
from khobor.transforms.entities.types import Span

# Parts of many people's names that say nothing about which person is meant.
NEUTRAL_PARTS = frozenset(unicodedata.normalize("NFC", w) for w in (
    "মো. মোঃ মো মোহাম্মদ মুহাম্মদ মোহাম্মাদ মুহাম্মাদ আবু আবদুল আব্দুল আবদুর আব্দুর শেখ সৈয়দ কাজী মির্জা "
    "খন্দকার এম এ কে এস বেগম খাতুন আক্তার আখতার মোছা. মোসা. মোছাঃ মোসাঃ মোসাম্মৎ মোছাম্মৎ"
).split())
MIN_AKSHARAS = 2


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@functools.lru_cache(maxsize=1 << 16)
def carried_part(word: str) -> str | None:
    """The name part a word of a person's name is (মেহেদীকে: মেহেদী), when it can stand for that
    person alone: a known part of people's names (``name_parts.tsv``; the model's other words are
    too often no name at all: আয়নাঘরে, মাইক্রোবাসে), neither neutral nor common nor short."""
    w = _nfc(word)
    if not is_bengali(w) or w in NEUTRAL_PARTS or is_title(w) or is_generic(w):
        return None
    stems = stem_candidates(w)
    if any(zipf(s) >= COMMON_WORD_ZIPF for s in stems):
        return None
    part = next((s for s in stems if is_name_part(s)), None)
    if part is None or part in NEUTRAL_PARTS or graphemes(part) < MIN_AKSHARAS:
        return None
    return part


def repeated_person_spans(sentences: Sequence[tuple[int, Sequence]], found: Sequence[tuple[int, Span]]) -> list[tuple[int, Span]]:
    """(sentence index, span) of every further mention of a person ``found`` names in a document.

    ``sentences``: (index, tokens) of each sentence; ``found``: (sentence index, span) of every
    mention found there, of any label (a word inside one is never taken)."""
    tokens = {si: toks for si, toks in sentences}
    forms: set[str] = set()
    for si, s in found:
        if s.label != "PERSON":
            continue
        for t in tokens.get(si, ()):
            if s.start <= t.start and t.end <= s.end and t.kind == "word" and (part := carried_part(t.text)):
                forms.add(part)
    if not forms:
        return []
    return [(si, Span(t.start, t.end, "PERSON", "pattern", 0.7)) for si, toks, k, t in _free_words(sentences, found)
            if carried_part(t.text) in forms and not any(_name_neighbour(toks, j, t) for j in (k - 1, k + 1))]


def side_by_side_people(sentences: Sequence[tuple[int, Sequence]], found: Sequence[tuple[int, Span]]) -> dict[tuple[int, int, int], list[Span]]:
    """The model's person spans of two words that are two people side by side (রবিন কাজলের প্রতিমাসেই
    দেখা হয়: Robin and Kajol's), keyed by (sentence index, start, end), each with the two spans it
    becomes: the document names each word alone as a person twice or more and the two together only
    there, where a person's full name is written whole as often as it is cut. Arguments as for
    ``repeated_person_spans``."""
    tokens = {si: toks for si, toks in sentences}
    alone: Counter[str] = Counter()
    together: Counter[tuple[str, ...]] = Counter()
    pairs = []
    for si, s in found:
        if s.label != "PERSON":
            continue
        words = [t for t in tokens.get(si, ()) if s.start <= t.start and t.end <= s.end and t.kind != "punct"]
        parts = tuple(carried_part(t.text) for t in words)
        if len(words) == 1 and parts[0]:
            alone[parts[0]] += 1
        elif len(words) == 2 and all(parts) and parts[0] != parts[1]:
            together[parts] += 1
            if s.method != "gazetteer":
                pairs.append((si, s, words, parts))
    return {(si, s.start, s.end): [s._replace(end=words[0].end), s._replace(start=words[1].start)]
            for si, s, words, parts in pairs if together[parts] == 1 and all(alone[p] >= 2 for p in parts)}


def person_words(sentences: Sequence[tuple[int, Sequence]], found: Sequence[tuple[int, Span]]) -> set[tuple[int, int, int]]:
    """(sentence index, start, end) of the model's one-word places and organisations that are a
    part of a person the document names (সাদমানের after সাদমান ইসলাম, which the model, seeing one
    sentence, took for a place): that person's mentions. Arguments as for ``repeated_person_spans``."""
    tokens = {si: toks for si, toks in sentences}
    candidates = []  # (sentence index, span, the name part its one word is)
    for si, s in found:
        if s.method != "model" or s.label not in ("LOC", "ORG"):
            continue
        toks = tokens.get(si, ())
        words = [(k, t) for k, t in enumerate(toks) if s.start <= t.start and t.end <= s.end]
        if len(words) == 1 and words[0][1].kind == "word" and (part := carried_part(words[0][1].text)) \
                and not any(_name_neighbour(toks, j, words[0][1]) for j in (words[0][0] - 1, words[0][0] + 1)):
            candidates.append((si, s, part))
    if not candidates:
        return set()
    forms = {p for si, s in found if s.label == "PERSON"
             for t in tokens.get(si, ()) if s.start <= t.start and t.end <= s.end and t.kind == "word" and (p := carried_part(t.text))}
    return {(si, s.start, s.end) for si, s, part in candidates if part in forms}


def _free_words(sentences: Sequence[tuple[int, Sequence]], found: Sequence[tuple[int, Span]]):
    """(sentence index, its tokens, position, token) of every word outside the mentions found (and
    not over-long): where a document may name again what it named before."""
    taken: dict[int, list[tuple[int, int]]] = {}
    for si, s in found:
        taken.setdefault(si, []).append((s.start, s.end))
    for si, toks in sentences:
        spans = taken.get(si, [])
        for k, t in enumerate(toks):
            if t.kind == "word" and len(t.text) <= MAX_WORD_CHARS and not any(a < t.end and t.start < b for a, b in spans):
                yield si, toks, k, t


def _name_neighbour(toks: Sequence, j: int, t) -> bool:
    """A name part right beside the word (only a space between): the word is part of a longer name."""
    if not 0 <= j < len(toks):
        return False
    n = toks[j]
    if n.kind != "word" or max(n.start, t.start) - min(n.end, t.end) > 1:
        return False
    return spells_a_name_part(n.text)


def spells_a_name_part(word: str) -> bool:
    """Whether a word, with any case ending, is a part of people's names (a surname too) and neither
    a title nor a word of the language a name part also spells (কেন, আরও)."""
    return not is_title(word) and any(is_name_part(s) and not rarely_a_name(s) for s in stem_candidates(_nfc(word)))


# A word the NER corpora saw this often and nearly never inside a name is the language's, though a name
# part spells it too (কেন "why" and Ken: নাসের কেন আশাবাদী is Nasser again, not a Nasser Ken).
_SEEN, _NAMED_RATE = 10, 0.05


def rarely_a_name(word: str) -> bool:
    seen, named = word_entity_rates().get(word, (0, 0))
    return seen >= _SEEN and named < _NAMED_RATE * seen


# An organisation's one-word name this rare in Bengali (বাজুস, জামুকা, নেত্রনিউজ) names it wherever
# the document repeats it; commoner words (বিকাশ, আশা) may mean something else there.
ORG_WORD_ZIPF = 3.0


def _org_word(word: str) -> str | None:
    """The stem a one-word organisation name is known by, when it is rare enough to carry."""
    w = _nfc(word)
    if not is_bengali(w) or is_generic(w) or is_title(w):
        return None
    stems = stem_candidates(w)
    if any(zipf(s) >= ORG_WORD_ZIPF for s in stems):
        return None
    return stems[-1]


def repeated_org_spans(sentences: Sequence[tuple[int, Sequence]], found: Sequence[tuple[int, Span]]) -> list[tuple[int, Span]]:
    """(sentence index, span) of every further mention, by the same rare word, of an organisation a
    document names by one word somewhere (the abbreviation in বাংলাদেশ জুয়েলার্স সমিতি (বাজুস), then
    বাজুসের). Arguments as for ``repeated_person_spans``."""
    tokens = {si: toks for si, toks in sentences}
    forms: set[str] = set()
    for si, s in found:
        words = [t for t in tokens.get(si, ()) if s.start <= t.start and t.end <= s.end and t.kind != "punct"]
        if s.label != "ORG" or len(words) != 1 or words[0].kind != "word" or not (stem := _org_word(words[0].text)):
            continue
        # Only names something vouches for: an abbreviation in brackets after its organisation (a
        # rule's span) or letters spelt out (আরটিজিএস); the model's one-word guesses (‘বার্বি’, a film)
        # would be repeated with their errors.
        if s.method != "model" or bengali_acronym(stem):
            forms.add(stem)
    if not forms:
        return []
    return [(si, Span(t.start, t.end, "ORG", "pattern", 0.7)) for si, _, _, t in _free_words(sentences, found)
            if set(stem_candidates(_nfc(t.text))) & forms and _org_word(t.text)]
