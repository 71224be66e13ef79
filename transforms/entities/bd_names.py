"""Bangladeshi people's name parts as Bangladeshis spell them: সুজয় Sujoy, কাকলী Kakoli, রাজিয়া Razia.

The curated name-part table (``name_parts``) knows the commonest 2,800 parts of names in the news; a
rarer part was romanised letter by letter, in one convention for every name (Suzay, Kakli), or spelt
as an English word it resembles (রাজিয়া Rajya, রিমন Ryman), where people, and the press after them,
spell each name their own customary way. ``data/bd_names.tsv`` lists about 14,500 given names and
surnames with their rank among the names people in Bangladesh write (names-dataset; see
data/SOURCES.md); ranks up to ``MAX_RANK`` are used. A Bengali word is matched to them by sound with
the English-word search of ``transliterate`` (each letter's usual Latin spellings, cheapest first),
and among the spellings close to its sound the commoner wins: সাগর would be Sagor (rank 87), not
Sagar (433), were it not in the table. The plain romanisation is kept when it is a listed spelling
nothing beats by a margin, and nothing is said (the caller goes on) when nothing listed is close or
when the plain romanisation is a spelling people or English text use (Swapnil, Ramzan).

Only for a person's word the name-part table does not know, and not for a person the document shows
to be foreign (``foreign_names`` spells those). Over 1,500 articles outside the evaluation sets it
changed 29 of 10,475 names: about 15 for the better, 9 to an equal spelling, 5 for the worse (Jishan
for Zishan, Pijush for Piyush, where English text and the list disagree). Pure and deterministic; the
list loads once per process and results are cached.
"""
from __future__ import annotations

import csv
import functools
import math
from importlib import resources

from khobor.transforms.entities.names import nfc, stem_candidates
from khobor.transforms.entities.transliterate import candidates, english_spelling, native_word, romanize_name

MAX_COST = 0.8  # a dearer spelling is another name
TOP_RANK = 20_000  # a rank's weight is log10(TOP_RANK / rank): 2.4 for rank 87, 1.7 for 433
RANK_WEIGHT = 1.0  # spelling cost one step of that weight is worth
MARGIN = 0.5  # how much better than the plain romanisation, when that is listed, a spelling must score
MIN_LETTERS = 4  # shorter words have too many near spellings
MAX_RANK = 2000  # a rarer spelling is one person's, or a common name's spelling by someone else (Nawaj, Jeson)
WINDOW = 0.8


@functools.lru_cache(maxsize=1)
def bd_names() -> tuple[list[str], dict[str, float], dict[str, str], frozenset[str]]:
    """(sorted lower-case names up to ``MAX_RANK``, their weight, their spelling, every listed name
    in lower case) of ``data/bd_names.tsv``."""
    text = resources.files("khobor.transforms.entities").joinpath("data/bd_names.tsv").read_text(encoding="utf-8")
    weight: dict[str, float] = {}
    spelt: dict[str, str] = {}
    listed: set[str] = set()
    for r in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        key, rank = r["name"].lower(), int(r["rank"])
        listed.add(key)
        if rank <= MAX_RANK:
            weight[key] = math.log10(TOP_RANK / max(rank, 1))
            spelt[key] = r["name"]
    return sorted(weight), weight, spelt, frozenset(listed)


@functools.lru_cache(maxsize=1 << 14)
def bd_spelling(word: str) -> str | None:
    """The commonest Bangladeshi spelling of a Bengali name part that sounds like the word, or None
    when no listed spelling is close (or the word is a common Bengali word)."""
    word = nfc(word)
    if not word or word.isascii() or native_word(word) or len(stem_candidates(word)) > 1:
        return None  # an inflected form spells other names by accident (সিংয়ের is no Singer)
    words, weight, spelt, listed = bd_names()
    plain = romanize_name(word).lower()
    if plain not in weight and (plain in listed or english_spelling(plain)):
        # The plain romanisation is a spelling people use (Swapnil, Khabir) or English text writes
        # (Ramzan, Smriti, Roshan): a commoner way to spell the sound (Sopnil, Kobir) is another
        # convention, not a better spelling.
        return None
    best: tuple[float, str] | None = (-RANK_WEIGHT * weight[plain] - MARGIN, spelt[plain]) if plain in weight else None
    for name, cost, _ in candidates(word, limit=8, lexicon=(words, weight), window=WINDOW):
        if cost > MAX_COST or len(name) < MIN_LETTERS:
            continue
        score = cost - RANK_WEIGHT * weight[name]
        if best is None or score < best[0]:
            best = (score, spelt[name])
    return best[1] if best else None
