"""Foreign people's names as English writes them: হকিন্স Hawkins, ক্রো Crowe, গ্রের Gray.

Bengali writes a foreign name by its sound, so romanising it letter by letter gives Hakins, Kro,
Grer. ``data/foreign_names.tsv`` lists about 30,000 given names and surnames of the world in their
Latin spelling (Faker's person providers, with wordfreq's English frequency; see data/SOURCES.md).
A Bengali word is matched to them by sound with the English-word search of ``transliterate``
(each letter's usual Latin spellings, cheapest first, pruned to prefixes of a listed name), with the
spellings foreign names have besides (aw, ow, a silent e: ``transliterate._FOREIGN``; এ as a with a
silent e after the next consonant, বেটস Bates: ``transliterate._magic_e``). The best name
is taken when it is spelt close to the word's sound and, if rare in English, closer still; else
nothing is said and the caller romanises. A case ending English does not write is tried off too
(গ্রের → গ্রে → Gray), at a price, so a name that ends so keeps its letters (বাটলার Butler).

Only for a person the document shows to be foreign (``linking.Linker._foreign_people``: a country
abroad's adjective or genitive just before the name, or a report of places abroad only): without that
gate, over 600 articles, 15 of 40 changed names were wrong (Bangladeshi names no table knows: সাগর is
no Sagor's namesake abroad); with it, about 3 of 79, most changes right or the same spelling.
Only for what the Bangladeshi name-part table does not know: the caller asks after it, so a
Bangladeshi name keeps the table's spelling; and not inside a name with a part the table knows and
the list does not (ইসলাম, হোসেন, আবু: ``english.english_name``), whose other words are Bangladeshi too. Pure and deterministic; the list loads once per process
(about 0.1 s, a few MB) and results are cached.
"""
from __future__ import annotations

import csv
import functools
from importlib import resources

from khobor.transforms.entities.names import graphemes, nfc
from khobor.transforms.entities.transliterate import candidates, native_word, romanize_name

MAX_COST = 1.2  # a dearer spelling is another name (ফ্লুইড Fluid is no Floyd, 1.5)
RARE_ZIPF = 2.5  # a name rarer than this in English text ...
RARE_MAX_COST = 0.3  # ... is taken only spelt this close to the sound (ইতু is no Eetu, 0.4)
SHORT_LETTERS = 4  # a name this short (Tim, Jeff, Josh) ...
SHORT_MAX_COST = 0.5  # ... only this close: short words have many near spellings (জুর is no Jure)
FLOOR_ZIPF = 1.5  # the frequency of a listed name English text never writes
STEM_COST = 0.5  # the price of taking a case ending off (গ্রের → গ্রে) ...
STEM_ZIPF = 3.5  # ... done for a famous name only: many Bengali names end so (মাদুর is no Madu, নিসার no Nisa)
# Among names spelt close to the sound, the commoner in English wins, more so than for English words
# (transliterate.FREQ_WEIGHT, FREQ_CAP): a famous name is the one the press means (পেরি Perry, not Peri).
FREQ_WEIGHT = 1.0
FREQ_CAP = 4.5
MARGIN = 0.4  # how much better than the plain romanisation, when that is a listed name, a name must score
WINDOW = 1.2  # names spelt up to this much dearer than the cheapest compete (পেরি: Perry 0.7 with Peri 0)


@functools.lru_cache(maxsize=1)
def foreign_names() -> tuple[list[str], dict[str, float], dict[str, str]]:
    """(sorted lower-case names, their Zipf, their spelling) of ``data/foreign_names.tsv``."""
    text = resources.files("khobor.transforms.entities").joinpath("data/foreign_names.tsv").read_text(encoding="utf-8")
    freq: dict[str, float] = {}
    spelt: dict[str, str] = {}
    for r in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        name = r["name"]
        key = name.lower()
        if not key.isalpha():
            continue  # the search spells letters only (O'Brien, Smith-Jones are left out)
        zipf = max(float(r["zipf"]), FLOOR_ZIPF)
        if zipf >= freq.get(key, 0.0):
            freq[key], spelt[key] = zipf, spelt.get(key) or name
    return sorted(freq), freq, spelt


def listed(name: str) -> bool:
    """Whether a Latin name (one word) is in the list."""
    return name.lower() in foreign_names()[1]


def _found(word: str) -> list[tuple[str, float, float]]:
    words, freq, _ = foreign_names()
    return candidates(word, limit=8, lexicon=(words, freq), foreign=True, window=WINDOW, short_u=True)


# Endings English does not write after a foreign name (গ্রের Gray's, পেরিকে Perry): only those of
# case (``stem_candidates`` also takes off plurals and classifiers, জেসিরা → জেসি), and after one
# akshara too (গ্রে), which Bengali words seldom are but foreign names often.
_ENDINGS = tuple(nfc(e) for e in ("য়ের", "ের", "এর", "কে", "র"))
_VOWEL_SIGNS = set("ািীুূেৈোৌ")


def _stems(word: str) -> list[str]:
    """The word, then the word without each ending of ``_ENDINGS`` that fits (র only after a vowel
    sign; another ending leaves two aksharas at least, so গ্রের is no গ্র)."""
    out = [word]
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and (stem[-1:] in _VOWEL_SIGNS and len(stem) >= 2 if ending == "র" else graphemes(stem) >= 2):
            out.append(stem)
    return list(dict.fromkeys(out))


def _acceptable(name: str, cost: float, zipf: float, stripped: bool) -> bool:
    """Whether a name spelt at ``cost`` (its letters' spelling) is the word's, ``stripped`` of an ending."""
    total = cost + (STEM_COST if stripped else 0.0)
    if total > MAX_COST or zipf < RARE_ZIPF and total > RARE_MAX_COST or stripped and zipf < STEM_ZIPF:
        return False
    return len(name) > SHORT_LETTERS or cost <= SHORT_MAX_COST


@functools.lru_cache(maxsize=1 << 14)
def foreign_spelling(word: str) -> str | None:
    """The Latin spelling of a foreign person's name written in Bengali (হকিন্স → Hawkins), or None
    when no listed name sounds close enough (or the word is a common Bengali word)."""
    word = nfc(word)
    if not word or word.isascii() or native_word(word):
        return None
    _, freq, spelt = foreign_names()
    # Romanised, the word may be a listed name already (হরিশ Harish, আর্য Arya, টিম Tim): it is that name
    # unless another beats it by a margin (পেরি: Perry, not Peri; লুকাস Lucas, not Lukas).
    plain = romanize_name(word).lower()
    best: tuple[float, str] | None = (-FREQ_WEIGHT * min(freq[plain], FREQ_CAP) - MARGIN, spelt[plain]) if plain in freq else None
    for k, stem in enumerate(_stems(word)):
        for name, cost, zipf in _found(stem):
            score = cost + (STEM_COST if k else 0.0) - FREQ_WEIGHT * min(zipf, FREQ_CAP)
            if _acceptable(name, cost, zipf, k > 0) and (best is None or score < best[0]):
                best = (score, spelt[name])
    return best[1] if best else None
