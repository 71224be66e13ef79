"""Known entities: CLDR territory names in Bengali and English (from Babel) and khobor's curated list.

The index maps a sequence of normalised token texts to an entity id; the last token of every
Bengali name also matches its inflected forms.
"""
from __future__ import annotations

import csv
import functools
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from babel import Locale

from khobor.transforms.entities.inflection import inflected_forms
from khobor.transforms.text.cleaning import clean_text
from khobor.transforms.text.tokens import tokenize

# CLDR territory codes that are not places, or not real territories.
_CLDR_SKIP = {"EZ", "QO", "ZZ", "XA", "XB", "XK"}
_CLDR_AS_ORG = {"UN": "org:un", "EU": "org:eu"}


@dataclass
class GazetteerEntry:
    entity_id: str
    label: str
    canonical: str
    canonical_latin: str
    aliases: set[str] = field(default_factory=set)


def token_key(text: str) -> tuple[str, ...]:
    clean = clean_text(text).text
    return tuple(norm_token(t.text) for t in tokenize(clean) if t.kind != "punct" or t.text in "-.&'")


def norm_token(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class Gazetteer:
    def __init__(self, entries: dict[str, GazetteerEntry]):
        self.entries = entries
        self.index: dict[tuple[str, ...], str] = {}
        self.max_len = 1
        for entry in entries.values():
            for name in {entry.canonical, entry.canonical_latin, *entry.aliases}:
                if not name:
                    continue
                key = token_key(name)
                if not key:
                    continue
                for last in inflected_forms(key[-1]):
                    self.index.setdefault(key[:-1] + (last,), entry.entity_id)
                self.max_len = max(self.max_len, len(key))

    def lookup(self, key: tuple[str, ...]) -> GazetteerEntry | None:
        eid = self.index.get(key)
        return self.entries[eid] if eid else None


def _cldr_entries() -> dict[str, GazetteerEntry]:
    bn, en = Locale("bn").territories, Locale("en").territories
    out: dict[str, GazetteerEntry] = {}
    for code, bn_name in bn.items():
        if code in _CLDR_SKIP or code not in en:
            continue
        eid = _CLDR_AS_ORG.get(code, f"loc:{code}")
        label = "ORG" if code in _CLDR_AS_ORG else "LOC"
        out[eid] = GazetteerEntry(eid, label, bn_name, en[code], {bn_name, en[code]})
    return out


def _curated_entries() -> list[GazetteerEntry]:
    text = resources.files("khobor.transforms.entities").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    return [
        GazetteerEntry(
            r["id"], r["label"], r["canonical"], r["canonical_latin"],
            {a for a in (r.get("aliases") or "").split("|") if a},
        )
        for r in rows
    ]


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    entries = _cldr_entries()
    for cur in _curated_entries():
        if cur.entity_id in entries:
            base = entries[cur.entity_id]
            # Curated names win: CLDR's formal name is kept as an alias.
            base.aliases |= {base.canonical, base.canonical_latin} | cur.aliases
            base.canonical, base.canonical_latin = cur.canonical, cur.canonical_latin
        else:
            entries[cur.entity_id] = cur
    return Gazetteer(entries)
