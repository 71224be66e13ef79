"""People named by their kin: news identifies a person by a parent or spouse (আলমগীর হোসেনের ছেলে
আব্দুল্লাহ, করিমের স্ত্রী রাবেয়া), and both sides of the kin word are people's names. The model,
trained on sentences with fewer such lists, misses many of them.

Only words that are parts of people's names (``name_parts.tsv``) are taken, and a run of them that
an unknown word continues is left alone (it may be the rest of a name the table lacks).
"""
from __future__ import annotations

import unicodedata

from khobor.transforms.entities.generic import is_generic
from khobor.transforms.entities.inflection import inflected_forms
from khobor.transforms.entities.name_parts import is_name_part
from khobor.transforms.entities.names import stem_candidates
from khobor.transforms.entities.patterns import COMMON_WORD_ZIPF, MAX_WORD_CHARS, is_title, zipf
from khobor.transforms.entities.types import Span


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# Children and spouses, in any case form; in-laws, parents, siblings and their children uninflected, as
# they stand between two names (মায়ের উত্তম সন্তান is a mother's good child). জামাতা, সহধর্মিণী and
# শাশুড়ি are the kin words the model most often ran into one name with their people, over the articles
# in no evaluation set (তারেক রহমানের শাশুড়ি সৈয়দা ইকবাল).
KIN_WORDS = frozenset(f for w in "ছেলে মেয়ে পুত্র কন্যা স্ত্রী স্বামী".split() for f in inflected_forms(_nfc(w))) | frozenset(
    _nfc(w) for w in ("সহধর্মিণী জামাতা জামাই পুত্রবধূ শ্বশুর শাশুড়ি বাবা মা ভাই বোন ভাতিজা ভাতিজি ভাগনে ভাগ্নে "
                      "ভাগনি ভাগ্নি নাতি নাতনি শ্যালক ভগ্নিপতি দুলাভাই").split())
_GENITIVE = tuple(_nfc(e) for e in ("ের", "এর", "র"))
MAX_WORDS = 5
# A name after a kin word is never one of the language's commonest words (আর "and" 6.8, সারা "whole"
# 5.5; কামাল 4.8, ইকবাল 4.6 are names).
FIRST_MAX_ZIPF = 5.0


def _part(word: str) -> bool:
    """A part of people's names that is not also a title or a generic noun (সরকার: শেখ হাসিনা সরকার
    is her government)."""
    w = _nfc(word)
    return is_name_part(w) and not is_title(w) and not is_generic(w)


def _genitive_part(word: str) -> bool:
    """A name part in the genitive (হোসেনের, করিমের, ননির): the kin's owner's last word."""
    if len(word) > MAX_WORD_CHARS:
        return False
    w = _nfc(word)
    return w.endswith(_GENITIVE) and any(_part(s) for s in stem_candidates(w)[1:])


def _open(tok) -> bool:
    """A word that may continue a name: neither a known part nor a common word, and with no case
    ending (টাঙ্গারীপাড়ার before কামালের ছেলে is where he lives, not his first name)."""
    if len(tok.text) > MAX_WORD_CHARS:
        return False
    w = _nfc(tok.text)
    return tok.kind == "word" and not _part(w) and zipf(w) < COMMON_WORD_ZIPF and len(stem_candidates(w)) == 1


def kin_spans(tokens) -> list[Span]:
    """PERSON spans on each side of a kin word (ছেলে, মেয়ে, স্ত্রী ...)."""
    out = []
    for k, kin in enumerate(tokens):
        if _nfc(kin.text) not in KIN_WORDS:
            continue
        if k > 0 and tokens[k - 1].kind == "word" and _genitive_part(tokens[k - 1].text):
            i = k - 1
            while i > 0 and k - i < MAX_WORDS and tokens[i - 1].kind == "word" and _part(tokens[i - 1].text):
                i -= 1
            if not (i > 0 and _open(tokens[i - 1])):
                out.append(Span(tokens[i].start, tokens[k - 1].end, "PERSON", "pattern", 0.7))
        j = k + 1
        if j < len(tokens) and zipf(_nfc(tokens[j].text)) >= FIRST_MAX_ZIPF:
            continue  # মা আর মা, বাবা সারা জীবন: a word of the language, not a name
        while j < len(tokens) and j - k <= MAX_WORDS and tokens[j].kind == "word" and _part(tokens[j].text):
            j += 1
        if j > k + 1 and not (j < len(tokens) and _open(tokens[j])):
            out.append(Span(tokens[k + 1].start, tokens[j - 1].end, "PERSON", "pattern", 0.7))
    return out


def split_at_kin(span: Span, tokens) -> list[Span]:
    """A person's span run across a kin word (জিয়াউল হক মৃধার জামাতা রেজাউল ইসলাম ভূঁইয়াকে) is two people:
    the owner, in the genitive, and the kin after the word."""
    if span.label != "PERSON":
        return [span]
    inside = [t for t in tokens if span.start <= t.start and t.end <= span.end]
    for k in range(1, len(inside) - 1):
        before, after = inside[k - 1], inside[k + 1]
        if _nfc(inside[k].text) in KIN_WORDS and before.kind == "word" and after.kind == "word" and _nfc(before.text).endswith(_GENITIVE):
            return [span._replace(end=before.end), *split_at_kin(span._replace(start=after.start), tokens)]
    return [span]
