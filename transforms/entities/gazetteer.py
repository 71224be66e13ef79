"""Known entities, from pinned and curated data (see ``data/SOURCES.md``):

- countries and territories from CLDR (Babel), in Bengali and English;
- khobor's first curated list (``gazetteer.tsv``: its ids stay stable);
- Bangladesh's administrative geography (divisions, districts, upazilas, city corporations,
  metropolitan thanas; unions are kept aside, for the place patterns), world cities from CLDR,
  rivers and other natural places, and places abroad in the news that CLDR and GeoNames do not
  name in Bengali (cities of the wars in Gaza and Ukraine, Kashmir, the Suez Canal);
- institutions (ministries, courts, banks, universities, parties, forces, media, clubs,
  international bodies) with their Bengali and Latin abbreviations;
- well-known people with their conventional English names.

The index maps a sequence of normalised token texts to the entries that have that name; the last
token of every Bengali name also matches its inflected forms. A form that names several entries of
one label (দুর্গাপুর: two upazilas) is still recognised, but not tied to any of them; a form that
is also an ordinary word (আশা, বিকাশ, যমুনা) is only recognised as part of a longer name. Matching
keeps the full spelling: চাঁদ is not চাদ.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from babel import Locale

from khobor.transforms.entities.inflection import inflected_forms
from khobor.transforms.text.cleaning import clean_text
from khobor.transforms.text.tokens import tokenize

# CLDR territory codes that are not places, or not real territories.
_CLDR_SKIP = {"EZ", "QO", "ZZ", "XA", "XB", "XK",
              "019",  # Americas: আমেরিকা is the United States in Bangladeshi news (131 mentions, counted as gazetteer.tsv says)
              "001",  # World: পৃথিবী is a generic noun as বিশ্ব is (GUIDELINES.md marks neither)
              "MF"}  # Saint Martin (Caribbean): সেন্ট মার্টিন is Bangladesh's island in all 19 mentions of news_bench (rivers.tsv)
_CLDR_AS_ORG = {"UN": "org:un", "EU": "org:eu"}
# Administrative levels recognised anywhere; unions (4,524, many of them ordinary words) only in patterns.
_ADMIN_LEVELS = {"division", "district", "upazila", "city_corporation", "thana"}
_MATCH_PUNCT = "-.&'"


@dataclass
class GazetteerEntry:
    entity_id: str
    label: str  # LOC | ORG | PERSON
    canonical: str  # Bengali where known
    canonical_latin: str  # English
    aliases: set[str] = field(default_factory=set)
    kind: str = ""  # country, district, upazila, city, river, ministry, party, person, ...
    # What an institution's English name says in brackets: whose body it is (Lok Sabha (India)) or
    # what it is (Bangabhaban (President's Residence)); "" when it says nothing.
    qualifier: str = ""

    def names(self) -> set[str]:
        return {n for n in (self.canonical, self.canonical_latin, *self.aliases) if n}


@dataclass(frozen=True)
class Match:
    """A name found in the gazetteer: its entry, or ``None`` when the name is shared by several."""

    entry: GazetteerEntry | None
    label: str


def norm_token(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u200c", "").replace("\u200d", "")


def token_key(text: str) -> tuple[str, ...]:
    clean = clean_text(text).text
    return tuple(norm_token(t.text) for t in tokenize(clean) if t.kind != "punct" or t.text in _MATCH_PUNCT)


def _variants(key: tuple[str, ...]) -> tuple[str, ...]:
    from khobor.transforms.entities.names import variant_key

    return tuple(variant_key(t) for t in key)


def _without_titles(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name is matched without its titles (ড. মুহাম্মদ ইউনূস → মুহাম্মদ ইউনূস): mentions keep them outside."""
    from khobor.transforms.entities.patterns import LEADING_ONLY_TITLES, is_title

    while len(key) > 1 and (is_title(key[0]) or key[0] in LEADING_ONLY_TITLES):
        key = key[1:]
    return key


COMMON_WORD_ZIPF = 4.0  # a name part this frequent in Bengali text (খান 5.6, সুমন 4.3) names many people


def common_name_word(token: str) -> bool:
    from khobor.transforms.entities.patterns import zipf

    return zipf(token) >= COMMON_WORD_ZIPF


_BRACKETED = re.compile(r"\s*\(([^)]*)\)\s*$")


def _english(name: str) -> str:
    """English names carry a description in brackets now and then: 'Bangabhaban (President's Residence)'."""
    return _BRACKETED.sub("", name or "").strip()


# Companies took "PLC" into their legal names in 2023-24 (The City Bank PLC, Square Pharmaceuticals
# PLC); news names them without it (City Bank, Square Pharmaceuticals), so it is an alias only.
_PLC = re.compile(r"\s+PLC$")


def _institution(r: dict) -> GazetteerEntry:
    aliases = _split(r["aliases"]) | _split(r["abbr_bn"]) | _split(r["abbr_en"])
    english = _english(r["name_en"])
    if _PLC.search(english):
        aliases.add(english)
        english = _PLC.sub("", english)
    bracket = _BRACKETED.search(r["name_en"] or "")
    return GazetteerEntry(r["id"], "ORG", r["name_bn"], english, aliases, r["type"], bracket.group(1).strip() if bracket else "")


_MINISTRY = "মন্ত্রণালয়"
_AFFAIRS = "বিষয়ক"


def _ministry_short_names(entries: list[GazetteerEntry]) -> None:
    """A Bangladeshi ministry of several subjects is called by one of them too (মৎস্য ও প্রাণিসম্পদ
    মন্ত্রণালয়: প্রাণিসম্পদ মন্ত্রণালয়; সড়ক পরিবহন ও সেতু মন্ত্রণালয়: সড়ক পরিবহন মন্ত্রণালয়; মহিলা ও
    শিশুবিষয়ক মন্ত্রণালয়: মহিলাবিষয়ক মন্ত্রণালয়): each subject with মন্ত্রণালয় is an alias, when no other
    ministry has that subject and no entry that name. A foreign ministry (ভারতের পররাষ্ট্র মন্ত্রণালয়)
    is named with its country, never so."""
    ministries = [e for e in entries if e.kind == "ministry" and "-" not in e.entity_id]
    taken = {norm_token(n) for e in entries for n in e.names()}
    derived: dict[str, list[GazetteerEntry]] = {}
    for e in ministries:
        name = unicodedata.normalize("NFC", e.canonical)
        if not name.endswith(" " + _MINISTRY):
            continue
        subject = name[: -len(_MINISTRY) - 1]
        parts = [p.strip() for p in re.split(r",|\s+ও\s+", subject) if p.strip()]
        if len(parts) < 2:
            continue
        affairs = len(parts) == 2 and parts[-1].endswith(_AFFAIRS)  # মহিলা ও শিশুবিষয়ক, not আইন, বিচার ও সংসদবিষয়ক
        for part in parts:
            if affairs and not part.endswith(_AFFAIRS):
                part += _AFFAIRS  # মহিলা ও শিশুবিষয়ক: মহিলাবিষয়ক
            derived.setdefault(f"{part} {_MINISTRY}", []).append(e)
    for alias, owners in derived.items():
        if len(owners) == 1 and norm_token(alias) not in taken:
            owners[0].aliases.add(alias)


class Gazetteer:
    def __init__(self, entries: dict[str, GazetteerEntry], context_only: set[str] = frozenset(), never: set[str] = frozenset(),
                 places_in_patterns: set[str] = frozenset(), sport_only: dict[str, str] | None = None):
        self.entries = entries
        # One-word names that are also ordinary words, known only in a report of their sport (পেলে, "if
        # one gets", is Pelé in football news): each of their forms' keys, with the sport.
        self.sport_only = {(form,): sport for name, sport in (sport_only or {}).items()
                           for form in inflected_forms(token_key(name)[0])}
        self.never = {norm_token(w) for w in never}  # forms that are never names (title acronyms)
        # Single words that name a union (or another place only patterns may claim).
        self.pattern_places = {norm_token(w) for w in places_in_patterns}
        skip = {token_key(w) for w in context_only}
        self.index: dict[tuple[str, ...], list[str]] = {}
        self.variant_index: dict[tuple[str, ...], list[str]] = {}
        self.max_len = 1
        base: set[str] = set()
        alone_words: set[str] = set()
        for entry in entries.values():
            singles = {token_key(n) for n in entry.names() if len(token_key(n)) == 1} if entry.label == "PERSON" else set()
            for name in entry.names():
                key = token_key(name)
                if entry.label == "PERSON":
                    bare = _without_titles(key)
                    # A title before a common word is the name (আমির খান is no খান, বেগম মুজিব no মুজিব,
                    # ব্যারিস্টার সুমন no সুমন): only a rare word (ভাসানী, ওসমানী) stands alone for the person.
                    key = key if len(bare) == 1 < len(key) and bare not in singles and common_name_word(bare[0]) else bare
                if not key or key in skip or (len(key) == 1 and key[0] in self.never):
                    continue
                if len(key) == 1 and (_too_short(key[0]) or (entry.kind in _MINOR_KINDS and _ordinary_word(key[0]))):
                    continue
                base.update(key)
                if entry.label == "PERSON" or len(key) == 1:
                    alone_words.update(key)
                for last in inflected_forms(key[-1]):
                    ids = self.index.setdefault(key[:-1] + (last,), [])
                    if entry.entity_id not in ids:
                        ids.append(entry.entity_id)
                    if len(key) > 1:  # সের্গেই ল্যাভরভ for সের্গেই লাভরভ: long names also by their spelling variants
                        vids = self.variant_index.setdefault(_variants(key[:-1] + (last,)), [])
                        if entry.entity_id not in vids:
                            vids.append(entry.entity_id)
                self.max_len = max(self.max_len, len(key))
        self.base_tokens = frozenset(base)  # every word of every name, uninflected
        # The words a one-word person or a place before its kind word may be: a known person's, or a
        # name of one word. A word of an institution's or place's longer name is not (আপিল of আপিল
        # বিভাগ, আন্দোলন of a party's, সাত of ঢাকার সাত কলেজ: no সাত উপজেলা, আমার of আমার বাংলাদেশ পার্টি).
        self.alone_tokens = frozenset(alone_words)
        # First words of longer names: a word that starts none is looked up alone (most words).
        self.starts = frozenset(k[0] for k in self.index if len(k) > 1)
        self.variant_starts = frozenset(k[0] for k in self.variant_index)

    def may_start(self, word: str) -> bool:
        """Whether a name of more than one word can start with ``word`` (normalised)."""
        return word in self.starts or _variants((word,))[0] in self.variant_starts

    def lookup(self, key: tuple[str, ...]) -> Match | None:
        ids = self.index.get(key) or (self.variant_index.get(_variants(key)) if len(key) > 1 else None)
        if not ids:
            return None
        if len(ids) == 1:
            entry = self.entries[ids[0]]
            return Match(entry, entry.label)
        labels = {self.entries[i].label for i in ids}
        if len(labels) > 1:
            return None  # a person's name and a place's, say: the model and the context decide
        return Match(None, labels.pop())


# Small places whose one-word names may be ordinary words (বন্দর: "port") are matched only in patterns.
_MINOR_KINDS = {"upazila", "thana", "city", "river", "lake", "haor", "forest", "island", "mountain", "region", "sea"}


def _ordinary_word(token: str) -> bool:
    """Seldom a name in the NER corpora, or (unseen there) common in Bengali text."""
    from khobor.transforms.entities.patterns import word_entity_rates, zipf

    seen, named = word_entity_rates().get(token, (0, 0))
    if seen >= 5:
        return named / seen < 0.4
    return zipf(token) >= 4.8


def _too_short(token: str) -> bool:
    """Latin abbreviations of one or two letters (EC, AA) name too many things to be matched alone."""
    return token.isascii() and len(token.replace(".", "")) <= 2


def _rows(name: str) -> list[dict]:
    text = resources.files("khobor.transforms.entities").joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str | None) -> set[str]:
    return {a.strip() for a in (value or "").split("|") if a.strip()}


def _cldr_entries() -> dict[str, GazetteerEntry]:
    bn, en = Locale("bn").territories, Locale("en").territories
    out: dict[str, GazetteerEntry] = {}
    for code, bn_name in bn.items():
        if code in _CLDR_SKIP or code not in en:
            continue
        eid = _CLDR_AS_ORG.get(code, f"loc:{code}")
        label = "ORG" if code in _CLDR_AS_ORG else "LOC"
        out[eid] = GazetteerEntry(eid, label, bn_name, en[code], {bn_name, en[code]}, "country")
    return out


class _Builder:
    """Merges the sources into one entry per real-world thing: an id already known, or a Bengali name
    already taken by an entry of the same label from an earlier source, adds aliases instead of a
    second entry. Within one source, two entries with one name are two things (the upazilas
    দুর্গাপুর of Netrokona and of Rajshahi): both stay, and the name is ambiguous."""

    def __init__(self):
        self.entries: dict[str, GazetteerEntry] = {}
        self.by_name: dict[tuple[str, str], tuple[str, str]] = {}  # (PERSON or LOC/ORG, name) -> (entity id, source)

    def add(self, entry: GazetteerEntry, source: str, override: bool = False) -> None:
        eid = entry.entity_id
        # Places and organisations share one namespace: the Kremlin is one thing, as a place or a body.
        name = ("PERSON" if entry.label == "PERSON" else "LOC/ORG", norm_token(entry.canonical))
        if eid not in self.entries and name in self.by_name and self.by_name[name][1] != source:
            eid = self.by_name[name][0]
        elif eid not in self.entries:
            eid = self._same_thing(entry, source, name[0]) or eid
        if eid in self.entries:
            base = self.entries[eid]
            if override:
                base.aliases |= {base.canonical, base.canonical_latin}
                base.canonical, base.canonical_latin = entry.canonical, entry.canonical_latin
            base.aliases |= entry.names() - {base.canonical, base.canonical_latin}
            base.kind = base.kind or entry.kind
        else:
            self.entries[eid] = entry
        self.by_name.setdefault(name, (eid, source))

    def _same_thing(self, entry: GazetteerEntry, source: str, space: str) -> str | None:
        """An earlier source's entry whose Bengali name this one gives as an alias, with the same English
        name: CLDR's কোলকাতা (alias কলকাতা) is the curated কলকাতা, not a second Kolkata that would
        leave the name to neither."""
        for alias in sorted(entry.aliases - {entry.canonical}):
            hit = self.by_name.get((space, norm_token(alias)))
            if hit and hit[1] != source and self.entries[hit[0]].canonical_latin == entry.canonical_latin:
                return hit[0]
        return None


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    b = _Builder()
    for e in _cldr_entries().values():
        b.add(e, "cldr")
    for r in _rows("gazetteer.tsv"):
        b.add(GazetteerEntry(r["id"], r["label"], r["canonical"], r["canonical_latin"], _split(r.get("aliases"))), "curated", override=True)
    institutions = [_institution(r) for r in _rows("institutions.tsv")]
    _ministry_short_names(institutions)
    for entry in institutions:
        b.add(entry, "institutions")
    for r in _rows("people.tsv"):
        b.add(GazetteerEntry(r["id"], "PERSON", r["name_bn"], r["name_en"], _split(r["aliases"]), "person"), "people")
    unions: set[str] = set()
    for r in _rows("bd_admin.tsv"):
        if r["level"] == "union":
            unions |= {r["name_bn"]}
            continue
        if r["level"] in _ADMIN_LEVELS:
            b.add(GazetteerEntry(f"loc:{r['id']}", "LOC", r["name_bn"], r["name_en"], _split(r["aliases"]), r["level"]), "bd_admin")
    for r in _rows("cldr_cities.tsv"):
        b.add(GazetteerEntry(f"loc:{r['id']}", "LOC", r["name_bn"], r["name_en"], _split(r["aliases"]), "city"), "cldr_cities")
    for source in ("rivers", "world_places"):  # places with their kind, one table each
        for r in _rows(f"{source}.tsv"):
            b.add(GazetteerEntry(f"loc:{r['id']}", "LOC", r["name_bn"], r["name_en"], _split(r["aliases"]), r["kind"]), source)
    collisions = _rows("common_word_collisions.tsv")
    context_only = {r["form"] for r in collisions if not r.get("only_in")}
    sport_only = {r["form"]: r["only_in"] for r in collisions if r.get("only_in")}
    never = {r["form"] for r in _rows("title_acronyms.tsv")}
    return Gazetteer(b.entries, context_only, never, unions, sport_only)
