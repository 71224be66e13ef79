"""Linking mentions to canonical entities, stable across runs: one entity per real-world thing.

Every name mention is reduced to its name form (``names.name_form``: no quotes, titles or case
ending) and its identity key (``names.name_key``: spelling variants and Muhammad's spellings fold
together). Identity does not depend on the predicted label: a name is one entity whether the model
called it a person or an organisation; each mention keeps its own label.

The rules, in order:

1. A gazetteer name decides: its entry is the entity (a country adjective too, in adjective form).
   Except where the name says more than the entry (``_qualified``): a number of its own
   (ট্রাইব্যুনাল-১), a country abroad owning a body named as Bangladesh's is (a ministry, court,
   commission, force: রাশিয়ার / রুশ প্রতিরক্ষা মন্ত্রণালয়, জাপান কোস্টগার্ড, দেশটির সুপ্রিম কোর্ট, the
   next body of the sentence, that body's later bare mentions, and every bare one in a report of
   one country abroad), a place and unit words right before a party (বরিশাল মহানগর ছাত্রলীগ: the
   local unit) make an entity of their own, derived from the entry (its id from the longer name).
   ``A (B)`` makes one entity only when one side is an acronym or one word beside a longer name:
   বগুড়া-৭ (গাবতলী) names two places; a known organisation's own ``A (ACR)`` says what ACR means in
   the document from there on (পাকিস্তান তেহরিক-ই-ইনসাফ (পিটিআই), not Press Trust of India).
2. An acronym finds its expansion: the gazetteer's abbreviations, ``long name (ACR)`` anywhere in the
   warehouse, and Bengali-spelt Latin acronyms (এসসিও = SCO).
3. A name already known (from the gazetteer, or learnt in an earlier document or run) is that
   entity, with two exceptions for people, whose names repeat:
   - a single-word person name (তামিম, রাহুল, জিয়া, কাদের) links to a full name in the same
     document only (the nearest earlier mention whose first or last word it is); across documents,
     only a curated alias of a well-known person (হাসিনা) counts, or, in a report of one sport,
     a word only one curated player of that sport has (সাকিব: Shakib Al Hasan; a foreign player
     only where the report names his country; ``players.py``);
   - a common full name (every word among the most frequent name parts: জসিম উদ্দিন, আবদুর
     রাজ্জাক) links across documents only to an entity whose documents mentioned at least one of
     the same specific entities (an organisation, a place below country level, a person): of
     several such namesakes, the one sharing the most of them (then the smallest id); otherwise it
     is a new entity.
   A one-word organisation in a sports report (or one naming a known club) that is the first word
   of only one curated club's name is that club (রিয়াল: Real Madrid; ``players.club``).
4. What is left becomes a new entity. Its id derives from its name key, so reruns and other
   spellings give the same id; a single-word person name nothing explains, and a common full name
   in a new context, get an id that also depends on their document.

New aliases are returned so later documents and runs find the entity by any of its forms.

Where what is known comes from: an ``AliasStore``. The linker holds the name, acronym and person
keys (they grow with the names met). The contexts that keep namesakes apart are nearly all the
aliases and grow with the documents: a run asks the warehouse for them once per batch, only for
the namesakes that batch names and only the items it can share (``prefetch``), and lets them go
once the batch is stored (``forget``). ``MemoryAliases`` holds a dict of aliases for ``khobor
extract`` and the tests.
"""
from __future__ import annotations

import functools
import hashlib
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from khobor.transforms.entities import players, teams
from khobor.transforms.entities.demonyms import demonym_index
from khobor.transforms.entities.english import english_name
from khobor.transforms.entities.gazetteer import Gazetteer, GazetteerEntry, common_name_word, norm_token
from khobor.transforms.entities.name_parts import is_name_part, name_part_count, ranks
from khobor.transforms.entities.names import MUHAMMAD, bengali_acronym, name_form, name_key, nfc, romanize, stem_candidates
from khobor.transforms.entities.span_edges import CONNECTIVES
from khobor.transforms.entities.types import Span

NAME_LABELS = ("PERSON", "ORG", "LOC")
_PREFIX = {"PERSON": "per", "ORG": "org", "LOC": "loc"}
_LATIN_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&-]{1,7}$")
# Name parts this frequent (rank in name_parts.tsv) make a full name common when all its words are.
COMMON_PART_RANK = 300
# Honorific parts that say nothing about who a person is.
_NEUTRAL_PARTS = {nfc(w) for w in "মো. মোঃ মো মোহাম্মদ মুহাম্মদ মোহাম্মাদ আবু আবদুল আব্দুল আবদুর আব্দুর শেখ সৈয়দ কাজী মির্জা খন্দকার".split()}
_COUNTRY = re.compile(r"^loc:[A-Z]{2}$")
# A name with a number of its own (ট্রাইব্যুনাল-১, বগুড়া-৭) is not the name without it.
_AGE_AFTER = re.compile(r"\s*\([০-৯0-9]{1,3}\)")
_COMMA_AFTER = re.compile(r"\s*,")
_COMMA_BEFORE = re.compile(r",\s*$")
_NUMBERED = re.compile(r"^(.*\S)\s*-\s*([০-৯0-9]+)$")
_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
# Words between a place and a party that make the pair a local unit of the party (বরিশাল মহানগর ছাত্রলীগ).
_UNIT_WORDS = {nfc(k): v for k, v in {
    "উপজেলা": "Upazila", "জেলা": "District", "মহানগর": "Metropolitan", "মহানগরী": "Metropolitan", "পৌর": "Municipal",
    "পৌরসভা": "Municipality", "থানা": "Thana", "ইউনিয়ন": "Union", "ওয়ার্ড": "Ward", "উত্তর": "North", "দক্ষিণ": "South",
    "সদর": "Sadar", "শহর": "City", "নগর": "City", "পূর্ব": "East", "পশ্চিম": "West"}.items()}
# Kinds of gazetteer organisation whose Bengali name another country's such body shares (স্বরাষ্ট্র
# মন্ত্রণালয়, সুপ্রিম কোর্ট, নির্বাচন কমিশন, কোস্টগার্ড): the entry is Bangladesh's, and a country
# abroad's body of that name is an entity of its own (``Linker._qualified``).
_STATE_KINDS = {"ministry", "division", "court", "parliament", "armed_force", "police", "commission"}
# An international body a country has a namesake of (the UN's নিরাপত্তা পরিষদ, রাশিয়ার নিরাপত্তা
# পরিষদ): the country's only when its genitive or adjective stands right before the name.
_SHARED_KINDS = {"international"}
_UN = nfc("জাতিসংঘ ")
# Bangladesh's missions abroad, by the English names ``english._mission`` gives them.
_BANGLADESH_MISSION = re.compile(r"^Bangladesh (?:Assistant |Deputy )?(?:Embassy|High Commission|Consulate)$")
# The English of a Bangladeshi body's name as another country's such body is called (High Court
# Division is Bangladesh's own: Lahore High Court, High Court of India).
_FOREIGN_LATIN = {"org:high-court": "High Court"}
_BARE_ACRONYM = "org:acr-"  # the entity of an acronym met with no expansion (``Linker._new_entity``)
# "That country's" (দেশটির পররাষ্ট্র মন্ত্রণালয়): the country named last before it.
_THAT_COUNTRY = re.compile(nfc(r"(?:দেশটির|দেশটিরও|সে দেশের|ওই দেশের)\s*$"))
# Country names English writes with "the" after "of" (Supreme Court of the United States).
_NEEDS_THE = re.compile(r"^United\s|(?:Republic|Islands|Netherlands|Philippines|Maldives|Bahamas|Gambia|Comoros|Seychelles|Emirates)$")
_GENITIVE = {nfc(x) for x in ("র", "ের", "এর", "-এর", "রও", "েরও")}
# The BPL's sides: one named makes a short report cricket news for its cities (``Linker._teams``).
_BPL_CLUBS = frozenset(teams.BPL_FRANCHISES.values())
# Kinds of gazetteer places in Bangladesh (bd_admin's levels, its haors).
_HOME_KINDS = {"division", "district", "upazila", "thana", "city_corporation", "haor"}
# How far after a country's adjective or genitive a person is still the one it describes (ফরাসি
# স্বরাষ্ট্রমন্ত্রী নিকোলাস, মার্কিন নৌবাহিনীর পঞ্চম বহরের মুখপাত্র কমান্ডার টিম: about six words).
_FOREIGN_REACH = 60
_SENTENCE_END = re.compile(r"[।?!\n]")


def alias_key(form: str) -> str:
    return f"N|{name_key(form)}"


def acronym_key(acr: str) -> str:
    return f"ACR|{acr.replace('.', '').upper()}"


def person_key(form: str, entity_id: str) -> str:
    """One of possibly several people with a common full name."""
    return f"{person_base(form)}|{entity_id}"


def context_key(entity_id: str, item: str) -> str:
    return f"C|{entity_id}|{item}"


def person_base(form: str) -> str:
    """The part of a person key shared by every person of that full name."""
    return f"P|{name_key(form)}"


def entity_id_for(label: str, canonical: str, scope: str = "") -> str:
    key = name_key(canonical) + (f"@{scope}" if scope else "")
    return f"{_PREFIX[label]}:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


@dataclass
class Linked:
    entity_id: str | None
    form: str = "name"  # name | acronym | adjective
    name: str | None = None  # the name form the mention says
    latin: str | None = None  # its English name
    latin_method: str | None = None  # gazetteer | name_parts | dictionary | lexicon | foreign_names | romanised


@dataclass
class LinkOutput:
    links: list[Linked]
    new_entities: dict[str, dict] = field(default_factory=dict)
    new_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (entity_id, surface)
    # A place that is the first word of a local unit's name (বরিশাল in বরিশাল মহানগর ছাত্রলীগ):
    # place span index -> the unit's span index. The unit's mention covers the place (ADJUDICATION.md 1).
    absorbed: dict[int, int] = field(default_factory=dict)


def common_full_name(form: str) -> bool:
    words = [w for w in nfc(form).split() if w not in _NEUTRAL_PARTS]
    rank = ranks()
    return len(words) >= 1 and all(rank.get(w, 10**9) <= COMMON_PART_RANK for w in words)


_SPORT_ROLES = re.compile(r"cricketer|footballer|captain|coach|player|athlete|bowler|batter", re.I)


@functools.lru_cache(maxsize=1)
def sport_namesakes() -> frozenset[str]:
    """People of ``people.tsv`` whose name many others share (its role says "common name") and who are
    known first for sport (the role's first clause): মোস্তাফিজুর রহমান the bowler, শরিফুল ইসলাম. Their
    name is theirs only in a report of sport; elsewhere it is a namesake (a professor, a local MP): over
    news_bench's articles outside the evaluation sets, all 21 documents naming one without a word of sport."""
    from khobor.transforms.entities.gazetteer import _rows

    return frozenset(r["id"] for r in _rows("people.tsv")
                     if "common name" in r["role"] and _SPORT_ROLES.search(r["role"].split(";")[0]))


class AliasStore(Protocol):
    """What earlier documents and runs learnt (the ``entity_aliases`` rows)."""

    def names(self) -> dict[str, str]:
        """Every name, acronym and person key (N|…, ACR|…, P|…) with its entity: the few that grow
        with the names met, not with the documents."""

    def contexts(self, entity_ids: Collection[str], items: Collection[str]) -> dict[str, set[str]]:
        """For each of these people, which of ``items`` their documents mentioned (context keys,
        C|…: nearly all the aliases, 902,000 of 926,000 at 10x news_bench)."""

    def learn(self, aliases: dict[str, str]) -> None:
        """The aliases a batch returned (key -> entity id). A store its caller fills itself (the
        warehouse, where the batch is loaded before the next one is linked) ignores them."""


class MemoryAliases:
    """An ``AliasStore`` over a dict of alias key -> entity id."""

    def __init__(self, known: dict[str, str] | None = None):
        self.plain: dict[str, str] = {}
        self.by_person: dict[str, set[str]] = defaultdict(set)
        self.learn(known or {})

    def learn(self, aliases: dict[str, str]) -> None:
        for key, eid in aliases.items():
            if key.startswith("C|"):
                self.by_person[eid].add(key.split("|", 2)[2])
            else:
                self.plain.setdefault(key, eid)  # as stored: a key keeps its first entity

    def names(self) -> dict[str, str]:
        return dict(self.plain)

    def contexts(self, entity_ids: Collection[str], items: Collection[str]) -> dict[str, set[str]]:
        items = set(items)
        found = {e: self.by_person[e] & items for e in entity_ids if e in self.by_person}
        return {e: got for e, got in found.items() if got}


@functools.lru_cache(maxsize=4)
def _gazetteer_index(gazetteer: Gazetteer) -> dict[str, str]:
    """Alias keys of every gazetteer name and abbreviation (built once per gazetteer)."""
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for e in gazetteer.entries.values():
        singles = {nfc(n) for n in e.names() if len(n.split()) == 1}
        for name in e.names():
            plain = _plain(name, e)
            if e.label == "PERSON" and len(name.split()) > 1 and " " not in plain and plain not in singles and common_name_word(plain):
                continue  # আমির খান is no খান, ব্যারিস্টার সুমন no সুমন (as the gazetteer's own index)
            keys = [alias_key(plain)]
            if _LATIN_ACRONYM.match(name):
                keys.append(acronym_key(name))
            acr = bengali_acronym(nfc(name))
            if acr:
                keys.append(acronym_key(acr))
            for key in keys:
                if index.get(key, e.entity_id) != e.entity_id:
                    ambiguous.add(key)
                index.setdefault(key, e.entity_id)
    for key in ambiguous:  # one name of several entries names none of them
        del index[key]
    return index


@functools.lru_cache(maxsize=4)
def _one_word_names(gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(k[0] for k in gazetteer.index if len(k) == 1)


def _plain(name: str, entry: GazetteerEntry) -> str:
    return name_form(name) if entry.label == "PERSON" else nfc(name)


class Linker:
    def __init__(self, gazetteer: Gazetteer, known_aliases: dict[str, str] | None = None, store: AliasStore | None = None):
        from khobor.transforms.entities.patterns import zipf

        self.gazetteer = gazetteer
        self.store: AliasStore = store if store is not None else MemoryAliases(known_aliases)
        self.index = dict(_gazetteer_index(gazetteer))
        self.people: dict[str, list[str]] = defaultdict(list)  # person base -> entity ids
        self.stored: set[str] = set()  # name, acronym and person keys stored or returned
        self.derived: set[str] = set()  # entities derived from a gazetteer entry (its numbered, foreign or local form)
        self._state_bodies: dict[str, bool] = {}  # gazetteer id -> whether another state's body shares its name
        for key, eid in self.store.names().items():
            self.stored.add(key)
            if key.startswith("P|"):
                self.people[key.rsplit("|", 1)[0]].append(eid)
            else:
                self.index.setdefault(key, eid)
        one_word = _one_word_names(gazetteer)
        self._known = lambda w: w in one_word or is_name_part(w) or bengali_acronym(w) is not None
        self._zipf = zipf
        self.forget()

    def forget(self) -> None:
        """Drop the contexts fetched and learnt (the store has them now: a run's batch is loaded),
        and the entities used so far."""
        self.contexts: dict[str, set[str]] = defaultdict(set)  # person -> context items, as fetched
        self.entities: dict[str, dict] = {}  # entities this linker created or used since ``forget``
        self._forms: dict[tuple[str, bool], str] = {}
        self._acronyms: dict[str, str | None] = {}
        self._foreign: set[str] = set()  # names of the people the document being linked shows to be foreign

    def prefetch(self, documents: Iterable[tuple[str, list[tuple[Span, str | None]]]]) -> None:
        """Ask the store, in one go, for the contexts these documents' common full names need: of
        every known person with one of their names, the items these documents can share."""
        bases, linkable = set(), set()
        for text, spans in documents:
            for span, gaz_id in spans:
                if gaz_id:
                    linkable.add(gaz_id)
                if span.label not in NAME_LABELS:
                    continue
                surface = text[span.start : span.end]
                form = self._span_form(text, span)
                # A document's context is made of what its names link to (and of entities new in
                # this batch, which no stored context holds yet).
                for key in [alias_key(form)] + [acronym_key(a) for a in (self._acronym(surface), self._acronym(form)) if a]:
                    if key in self.index:
                        linkable.add(self.index[key])
                if span.label == "PERSON" and len(form.split()) > 1:
                    bases.add(person_base(form))
        candidates = {e for b in bases for e in self.people.get(b, ())}
        # Only the part of each namesake's context these documents can share: at 10x news_bench
        # the whole contexts of a batch's namesakes are about 170,000 items.
        for eid, items in self.store.contexts(candidates, linkable).items():
            # Context items are entity ids, each in many contexts: one string object for each.
            self.contexts[sys.intern(eid)] |= {sys.intern(i) for i in items}

    def _is_stored(self, key: str) -> bool:
        if key.startswith("C|"):
            _, eid, item = key.split("|", 2)
            return item in self.contexts.get(eid, ())
        return key in self.stored

    # -- forms ---------------------------------------------------------------------------------
    def form(self, surface: str, bare: bool = False, person: bool = True) -> str:
        form = self._forms.get((surface, bare, person))
        if form is None:
            form = name_form(surface, self._known, self._zipf, bare, titles=person, count=name_part_count)
            if person and form != (stem := name_form(surface, self._known, self._zipf, bare, titles=person)) \
                    and alias_key(stem) in self.index:
                form = stem  # a known person's genitive: দীপু মনির is Dipu Moni's, though মনির is a commoner name
            self._forms[(surface, bare, person)] = form
        return form

    def _span_form(self, text: str, span: Span) -> str:
        # A person's age in brackets follows the name (মনিরুজ্জামান মনির (৩৫), the way news reports name
        # the accused and the dead), never a genitive: মনির is no মনি's there. (A score may follow an
        # object, তাওহীদ হৃদয়কে (১৫), so other endings still go.)
        # Nor is a name between two commas, one of a list of names (আহাদ, রিয়া, সামির, হোসাইন: Samir).
        bare = span.label == "PERSON" and (_AGE_AFTER.match(text, span.end) is not None or (
            _COMMA_AFTER.match(text, span.end) is not None and _COMMA_BEFORE.search(text[max(0, span.start - 3) : span.start]) is not None))
        return self.form(text[span.start : span.end], bare, span.label == "PERSON")

    def _acronym(self, surface: str) -> str | None:
        if surface not in self._acronyms:
            self._acronyms[surface] = self._find_acronym(surface)
        return self._acronyms[surface]

    def _find_acronym(self, surface: str) -> str | None:
        s = surface.strip()
        if _LATIN_ACRONYM.match(s) and sum(c.isupper() for c in s) >= 2:
            return s.replace(".", "").upper()
        words = s.split()
        if len(words) == 1:
            for form in stem_candidates(words[0]):
                acr = bengali_acronym(form)
                if acr:
                    return acr
        return None

    # -- documents -----------------------------------------------------------------------------
    def link_document(self, text: str, spans: list[tuple[Span, str | None]], prefetched: bool = False) -> LinkOutput:
        """Link one document's spans. ``prefetched``: the caller already asked the store for this
        document (``prefetch`` over its batch)."""
        if not prefetched:
            self.prefetch([(text, spans)])
        out = LinkOutput(links=[Linked(None) for _ in spans])
        self._foreign = set()
        names = {i: self._span_form(text, s) for i, (s, _) in enumerate(spans) if s.label in NAME_LABELS}
        pending: list[int] = []
        doc_sport: str | None = None  # the document's sport, "" for none, once a player's namesake asks
        for i, (span, gaz_id) in enumerate(spans):
            if span.label == "HASHTAG":
                key = (span.value or text[span.start : span.end].lstrip("#")).casefold()
                out.links[i] = Linked(f"tag:{key}")
                self._use(out, f"tag:{key}", dict(label="HASHTAG", canonical=key, canonical_latin=key if key.isascii() else romanize(key).lower(),
                                                  source="rule", latin_method="dictionary" if key.isascii() else "romanised"))
                continue
            if span.label not in NAME_LABELS:
                continue
            surface = text[span.start : span.end]
            if span.value == "adjective" and gaz_id:
                self._link(out, i, gaz_id, "adjective", names[i])
                continue
            acr = self._acronym(surface)
            eid = gaz_id or (self.index.get(acronym_key(acr)) if acr else None) or self._lookup(span, names[i])
            if eid in sport_namesakes() and not (doc_sport := doc_sport if doc_sport is not None else (teams.sport_of(text, 1) or "")):
                # a namesake of a player in a document that names no sport's word (a short match
                # report names one or two): a person of this document's
                eid = None
            if eid is not None:
                self._link(out, i, eid, "acronym" if acr else "name", names[i])
            else:
                pending.append(i)
        self._parenthetical_aliases(text, spans, out, names, pending)
        self._foreign = self._foreign_people(text, spans, out, names)
        context = self._document_context(out)
        doc_scope = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        nicknames = self._nicknames(text, spans, names, pending)
        one_word_people = [i for i in pending if spans[i][0].label == "PERSON" and len(names[i].split()) == 1 and i not in nicknames]
        # Longer names first, so a shorter one inside a longer one (আমান আযমী in আবদুল্লাহিল আমান
        # আযমী) finds it linked.
        sport = teams.sport_of(text) if pending else None
        if pending and sport is None:  # a short report: two players named by their given names say the sport
            given = [names[i] for i in names if spans[i][0].label == "PERSON" and len(names[i].split()) == 1]
            sport = players.sport_by_players(given, text)
        # A report that names a known club is about sport though it says few of teams.py's words
        # (ফ্রিতে কেনার আশায় রিয়াল বড় অঙ্কের প্রস্তাব দিতে রাজি নয়, beside পিএসজি).
        club_sport = sport or ("club" if any(self._club(link.entity_id) for link in out.links) else None)
        for i in sorted((i for i in pending if i not in one_word_people), key=lambda i: -len(names[i].split())):
            if out.links[i].entity_id is None:
                longer = self._longer_name(i, spans, names, out)
                club = players.club(names[i], club_sport) if spans[i][0].label == "ORG" and len(names[i].split()) == 1 else None
                if longer is not None:
                    self._link(out, i, out.links[longer].entity_id, "name", names[i])
                elif club in self.gazetteer.entries:  # রিয়াল in a football report
                    self._link(out, i, club, "name", names[i])
                else:
                    self._resolve_new(text, spans[i][0], i, out, names[i], context, doc_scope)
        heads = self._full_names(spans, names) if one_word_people else {}
        for i in one_word_people:
            head = self._chain_head(i, spans, names, heads)
            star = players.player(names[i], sport, text) if head is None else None
            if head is not None and out.links[head].entity_id is not None:
                self._link(out, i, out.links[head].entity_id, "name", names[i])
            elif star in self.gazetteer.entries:  # সাকিব in a cricket report, no fuller সাকিব in it
                self._link(out, i, star, "name", names[i])
            else:
                self._resolve_new(text, spans[i][0], i, out, names[i], context, doc_scope)
        for b, a in nicknames.items():
            if out.links[a].entity_id is not None:
                self._link(out, b, out.links[a].entity_id, "name", names[b])
            else:
                self._resolve_new(text, spans[b][0], b, out, names[b], context, doc_scope)
        self._qualified(text, spans, out, names)
        self._missions_abroad(text, spans, out, names)
        self._register(spans, out, names, context)
        self._teams(text, spans, out, names)
        return out

    def _teams(self, text, spans, out: LinkOutput, names) -> None:
        """Countries and cities that stand for their team in sports news (teams.py). After the aliases
        are registered, so the place's name never becomes the team's."""
        sport = teams.sport_of(text)
        # A short team sheet or toss report says its sport's words less than a story does; a club it
        # names after a city (রংপুর রাইডার্স) still makes the bare city (রংপুর টস জিতেছে) that club.
        if sport is None and not any(s.label == "ORG" and self._club(link.entity_id) for (s, _), link in zip(spans, out.links)):
            return
        # A BPL side named makes a city of a short report a BPL side too (খুলনার কাছে হেরে বিদায় নেয়
        # রাইডার্স); a country still needs its sport's words.
        city_sport = sport or ("cricket" if any(link.entity_id in _BPL_CLUBS for link in out.links) else None)
        is_women = teams.women(text)
        for i, ((span, _), link) in enumerate(zip(spans, out.links)):
            entry = self.gazetteer.entries.get(link.entity_id or "")
            if entry is None or entry.label != "LOC" or link.form == "adjective" or span.label != "LOC":
                continue
            country = bool(_COUNTRY.match(entry.entity_id)) or entry.entity_id in teams.CRICKET_NATIONS
            if not country and entry.kind not in teams.BD_ADMIN_KINDS:
                continue
            if self._place_by_neighbour(text, spans, names, i) or country and self._players_country(text, spans, names, i):
                continue
            after = text[span.end : span.end + 24]
            if teams.says_place(self._ending(text[span.start : span.end], names[i]), after) or not teams.about_play(text, span.start, span.end):
                continue
            if country:
                if sport is None:
                    continue
                game = teams.sport_near(text, span.start, span.end) or sport
                if game == "cricket" and entry.entity_id not in teams.CRICKET_NATIONS:
                    continue
                bn, latin = teams.national_team(entry.entity_id, entry.canonical_latin, entry.canonical, game, is_women, teams.a_team(after))
                self._derive(out, i, "ORG", bn, latin, names[i])
                continue
            team = self._city_team(entry, spans, out, names, i, city_sport)
            if isinstance(team, int):
                self._link(out, i, out.links[team].entity_id, "name", names[team])
            elif team is not None:
                self._link(out, i, team, "name", names[i])

    def _place_by_neighbour(self, text, spans, names, i: int) -> bool:
        """Whether the next mention makes this one a place: a place right after it says whose it is
        (অস্ট্রেলিয়ার মেলবোর্নে); one joined to it in the locative says where (ভারত ও শ্রীলঙ্কায়)."""
        span = spans[i][0]
        j = _next_span(spans, i)
        if j is None or spans[j][0].label != "LOC":
            return False
        nxt = spans[j][0]
        between = text[span.end : nxt.start].strip()
        if not between:
            return True
        return between in teams.JOINERS and names.get(j) is not None and self._ending(text[nxt.start : nxt.end], names[j]) in teams.LOCATIVE

    def _players_country(self, text, spans, names, i: int) -> bool:
        """Whether the mention is a genitive right before a person: for a country (পাকিস্তানের ফাহিম
        আশরাফ, নিউজিল্যান্ডের সুজি বেটস) it says where the player is from, as before a player's role
        (``teams.says_place``), not the side that plays (ADJUDICATION.md 13). A city's stays its
        franchise (চট্টগ্রামের ইংলিশ ব্যাটার): a franchise's player is not from the city."""
        span = spans[i][0]
        if names.get(i) is None or self._ending(text[span.start : span.end], names[i]) not in _GENITIVE:
            return False
        j = _next_span(spans, i)
        return j is not None and spans[j][0].label == "PERSON" and not text[span.end : spans[j][0].start].strip()

    def _city_team(self, entry: GazetteerEntry, spans, out: LinkOutput, names, i: int, sport: str):
        """The team a city stands for: the first of the document's teams named after it (a span index;
        the first is the one the story is about when it names the city's past teams too), else in
        cricket news the city's BPL franchise this season (an entity id), else None."""
        head = nfc(entry.canonical) + " "
        here = [j for j, (s, _) in enumerate(spans) if s.label == "ORG" and names.get(j, "").startswith(head) and self._club(out.links[j].entity_id)]
        if here:
            return here[0]
        club = teams.BPL_FRANCHISES.get(nfc(entry.canonical)) if sport == "cricket" else None
        return club if club in self.gazetteer.entries else None

    def _club(self, eid: str | None) -> bool:
        """A known club: a name the gazetteer does not know may be a college's or a theatre's (ঢাকা থিয়েটার)."""
        entry = self.gazetteer.entries.get(eid or "")
        return entry is not None and entry.kind == "sports_club"

    @staticmethod
    def _nicknames(text, spans, names, pending) -> dict[int, int]:
        """A one-word person name in brackets right after a longer one (মোস্তাফিজুর রহমান (বাবু)) is
        that person's nickname: the bracketed mention's index -> the full name's."""
        out = {}
        order = sorted((k for k in names if spans[k][0].label == "PERSON"), key=lambda k: spans[k][0].start)
        for a, b in zip(order, order[1:]):
            sa, sb = spans[a][0], spans[b][0]
            if b not in pending or len(names[b].split()) != 1 or len(names[a].split()) < 2:
                continue
            if re.fullmatch(r"\s*\(\s*", text[sa.end : sb.start]) and text[sb.end : sb.end + 2].lstrip().startswith(")"):
                out[b] = a
        return out

    # -- names longer than the entry they contain --------------------------------------------------
    def _qualified(self, text, spans, out: LinkOutput, names) -> None:
        """Mentions of a gazetteer entry that, with what stands right before them or with a number of
        their own, name something else: its own entity, derived from the entry.

        - a number: আন্তর্জাতিক অপরাধ ট্রাইব্যুনাল-১ is tribunal 1 (International Crimes Tribunal-1);
        - a body of the Bangladeshi state whose name other states' bodies share (``_state_body``) is a
          country abroad's: right after the country's name, genitive or adjective (রাশিয়ার / রুশ
          প্রতিরক্ষা মন্ত্রণালয়, জাপান কোস্টগার্ড), or after দেশটির (the country named last); as the next
          such body of a sentence whose country owned one (রাশিয়ার নিরাপত্তা পরিষদের উপপ্রধান ... এবং
          পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র); as a later bare mention of a body the document gave the
          country; and, bare, in a report naming one country abroad at least twice, more than any
          other, and no place at home (কোস্টগার্ড in a report from Japan) — unless the document names
          Bangladesh's own such body (বাংলাদেশ নৌবাহিনী). A UN council's bare name right after a country
          is that country's council (রাশিয়ার নিরাপত্তা পরিষদ: Security Council of Russia);
        - a place (and unit words) before a party: বরিশাল মহানগর ছাত্রলীগ is the party's local unit.
        """
        order = sorted((k for k in names if out.links[k].entity_id), key=lambda k: spans[k][0].start)
        prev = dict(zip(order[1:], order))  # the name right before each name
        foreign: dict[str, GazetteerEntry] = {}  # gazetteer id -> the country whose body its bare name is, here
        owned_here: dict[str, str] = {}  # gazetteer id -> the entry naming a country's own such body, here
        owners: dict[str, GazetteerEntry] = {}  # derived body -> its country
        abroad = self._country_abroad(out)
        home_bodies = {link.entity_id for k, link in enumerate(out.links) if k in names and link.entity_id in self.gazetteer.entries
                       and ("বাংলাদেশ" in names[k] or link.form == "acronym" and "বাংলাদেশ" in self.gazetteer.entries[link.entity_id].canonical)}
        last_country: GazetteerEntry | None = None
        sentence_owner: tuple[GazetteerEntry, int] | None = None  # the last country abroad said to own a body, where
        for i in order:
            span, link = spans[i][0], out.links[i]
            entry = self.gazetteer.entries.get(link.entity_id)
            surface = text[span.start : span.end]
            if entry is not None and _COUNTRY.match(entry.entity_id):
                last_country = entry
            if link.form == "adjective":
                continue
            if entry is None:
                continue
            latin = entry.canonical_latin
            numbered = _NUMBERED.match(names[i])
            if numbered and not _NUMBERED.match(entry.canonical) and numbered.group(2) not in entry.canonical:  # ধানমন্ডি-৩২ is ধানমন্ডি ৩২
                self._derive(out, i, entry.label, names[i], f"{latin}-{numbered.group(2).translate(_DIGITS)}", names[i])
                continue
            j = prev.get(i)
            before = out.links[j] if j is not None else None
            shared = entry.label == "ORG" and entry.kind in _SHARED_KINDS and link.form != "acronym" \
                and entry.canonical.startswith(_UN) and names[i] == entry.canonical[len(_UN) :]
            if entry.label == "ORG" and entry.kind in _STATE_KINDS or shared:
                country = None
                if before is not None and not text[spans[j][0].end : span.start].strip():
                    if self._owner(text, spans[j][0], before, names[j], nominative=not shared):
                        country = self.gazetteer.entries[before.entity_id]
                    elif before.entity_id in owners and self._ending(text[spans[j][0].start : spans[j][0].end], names[j]) in _GENITIVE:
                        country = owners[before.entity_id]  # পাকিস্তান সেনাবাহিনীর | আইএসপিআর
                direct = country
                if country is None and not shared and last_country is not None and _THAT_COUNTRY.search(nfc(text[max(0, span.start - 12) : span.start])):
                    country = last_country
                if country is None and sentence_owner is not None and sentence_owner[0] is last_country \
                        and not _SENTENCE_END.search(text[sentence_owner[1] : span.start]):
                    # রাশিয়ার নিরাপত্তা পরিষদের ডেপুটি চেয়ারম্যান ... এবং পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র:
                    # the country's genitive reaches the next body of its sentence, no other country between.
                    country = sentence_owner[0]
                if country is not None and country.entity_id != "loc:BD":
                    sentence_owner = (country, span.end)
                if shared:
                    if direct is not None and direct.entity_id != "loc:BD":
                        country = direct
                        self._derive(out, i, "ORG", f"{_genitive(country.canonical)} {names[i]}", _body_latin(latin, country, shared=True), names[i])
                        owners[out.links[i].entity_id] = country
                    continue
                if "বাংলাদেশ" in names[i] or link.form == "acronym" and "বাংলাদেশ" in entry.canonical:
                    country = self.gazetteer.entries.get("loc:BD")  # বাংলাদেশ সেনাবাহিনী, বিজিবি: said to be Bangladesh's
                if country is not None:
                    owned = _genitive(country.canonical)
                    if entry.canonical.startswith(owned + " "):
                        # ভারতের | পররাষ্ট্র মন্ত্রণালয়: the entry names that country's body already, and a
                        # later bare পররাষ্ট্র মন্ত্রণালয় in the document is the same body.
                        bare = self.gazetteer.lookup(tuple(norm_token(w) for w in entry.canonical[len(owned) + 1 :].split()))
                        if bare is not None and bare.entry is not None:
                            owned_here[bare.entry.entity_id] = entry.entity_id
                    elif not self._state_body(entry):
                        pass
                    elif country.entity_id != "loc:BD":
                        foreign[entry.entity_id] = country
                    else:
                        foreign.pop(entry.entity_id, None)
                        owned_here.pop(entry.entity_id, None)
                        continue
                if entry.entity_id in owned_here:
                    self._link(out, i, owned_here[entry.entity_id], link.form, names[i])
                elif not self._state_body(entry):
                    pass
                elif (country := country or (None if entry.entity_id in home_bodies else foreign.get(entry.entity_id) or abroad)) is not None:
                    # A bare name after the country's (the document's body of that country), or in a
                    # report of one country abroad and no place at home (কোস্টগার্ড in a report from Japan);
                    # not where the document names Bangladesh's body too (ফ্রান্স নৌবাহিনী beside বাংলাদেশ নৌবাহিনী).
                    bare = " ".join(w for w in entry.canonical.split() if w != "বাংলাদেশ")
                    latin = _FOREIGN_LATIN.get(entry.entity_id, latin)
                    if before is not None and spans[j][0].label == "LOC" and not _COUNTRY.match(before.entity_id or "") \
                            and entry.entity_id in _FOREIGN_LATIN and self._place(before.entity_id) != "home" \
                            and not text[spans[j][0].end : span.start].strip() and nfc(text[spans[j][0].start : spans[j][0].end]) == names[j]:
                        # পেশোয়ার হাইকোর্ট: a city's court abroad (Peshawar High Court)
                        self._derive(out, i, "ORG", f"{names[j]} {bare}", f"{before.latin or romanize(names[j])} {latin}", names[i])
                    else:
                        self._derive(out, i, "ORG", f"{_genitive(country.canonical)} {bare}", _body_latin(latin, country), names[i])
                    owners[out.links[i].entity_id] = country
                continue
            if entry.label == "ORG" and entry.kind == "party" and before is not None and spans[j][0].label == "LOC" \
                    and not _COUNTRY.match(before.entity_id or ""):
                words = text[spans[j][0].end : span.start].split()
                place_surface = text[spans[j][0].start : spans[j][0].end]
                if all(w in _UNIT_WORDS for w in words) and (words or nfc(place_surface) == names[j]):
                    party = self._acronym(surface) or self._short_latin(entry)
                    eng = " ".join([party, before.latin or names[j], *(_UNIT_WORDS[w] for w in words)])
                    self._derive(out, i, "ORG", self.form(text[spans[j][0].start : span.end]), eng, names[i])
                    out.absorbed[j] = i

    def _missions_abroad(self, text, spans, out: LinkOutput, names) -> None:
        """Bangladesh's mission in a place abroad the document names right before it (কুয়েতে বাংলাদেশ
        দূতাবাস, রিয়াদের বাংলাদেশ দূতাবাস) is that place's: Bangladesh Embassy in Kuwait, one entity per
        place, as are the document's later bare mentions of it. A foreign country's mission, bare, is
        the one in Dhaka (Chinese Embassy)."""
        order = sorted((k for k in names if out.links[k].entity_id), key=lambda k: spans[k][0].start)
        placed: dict[str, tuple[str, str]] = {}  # the mission's English -> (canonical, English) with its place
        for j, i in zip([None, *order], order):
            link = out.links[i]
            latin = link.latin or ""
            if spans[i][0].label != "ORG" or not _BANGLADESH_MISSION.match(latin):
                continue
            if j is not None and spans[j][0].label == "LOC" and not text[spans[j][0].end : spans[i][0].start].strip() \
                    and self._place(out.links[j].entity_id) == "abroad" and out.links[j].form != "adjective":
                place = self.gazetteer.entries[out.links[j].entity_id]
                where = f"the {place.canonical_latin}" if _NEEDS_THE.search(place.canonical_latin) else place.canonical_latin
                placed[latin] = (f"{place.canonical} {names[i]}", f"{latin} in {where}")
            if latin in placed:
                self._derive(out, i, "ORG", *placed[latin], names[i])

    def _ending(self, surface: str, form: str) -> str:
        surface = nfc(surface).replace("\u200c", "").replace("\u200d", "")
        return surface[len(form):] if surface.startswith(form) else ""

    def _owner(self, text, span: Span, link: Linked, form: str, nominative: bool = False) -> bool:
        """Whether a mention right before a name says whose it is: a country, as an adjective (রুশ)
        or in the genitive (রাশিয়ার), or, ``nominative``, by its bare name (জাপান কোস্টগার্ড)."""
        if not _COUNTRY.match(link.entity_id or "") or link.entity_id not in self.gazetteer.entries:
            return False
        ending = self._ending(text[span.start : span.end], form)
        return link.form == "adjective" or ending in _GENITIVE or nominative and not ending and nfc(text[span.start : span.end]) == form

    def _state_body(self, entry: GazetteerEntry) -> bool:
        """Whether a gazetteer organisation is a body of the Bangladeshi state whose Bengali name
        another state's body shares (``_STATE_KINDS``): not a city's (ঢাকা মহানগর পুলিশ), nor another
        country's by its name (ভারতীয় সেনাবাহিনী, মিয়ানমার সেনাবাহিনী) or its English name's
        brackets (Lok Sabha (India))."""
        if entry.label != "ORG" or entry.kind not in _STATE_KINDS or entry.qualifier not in ("", "Bangladesh"):
            return False
        known = self._state_bodies.get(entry.entity_id)
        if known is None:
            first = nfc(entry.canonical.split()[0])
            m = self.gazetteer.lookup((norm_token(first),))
            known = not (m is not None and m.entry is not None and m.entry.label == "LOC" and m.entry.entity_id != "loc:BD") \
                and demonym_index().get(first, "loc:BD") == "loc:BD"
            self._state_bodies[entry.entity_id] = known
        return known

    def _country_abroad(self, out: LinkOutput) -> GazetteerEntry | None:
        """The one country abroad a report is about: it names places abroad and none at home, and
        this country more often than any other."""
        if "home" in {self._place(link.entity_id) for link in out.links}:
            return None
        counts = Counter(link.entity_id for link in out.links if _COUNTRY.match(link.entity_id or "") and link.entity_id in self.gazetteer.entries)
        top = counts.most_common(2)
        # Said once, a country may be the news's only foreign word (a report at home that names no
        # place at home: ... যুক্তরাজ্যের ওয়েবসাইটে, then the ministries of Bangladesh).
        if not top or top[0][1] < 2 or len(top) == 2 and top[0][1] == top[1][1]:
            return None
        return self.gazetteer.entries[top[0][0]]

    @staticmethod
    def _short_latin(entry: GazetteerEntry) -> str:
        """The shortest English name of an organisation, without a leading 'Bangladesh' (Awami League),
        and not a clipping of a longer one (Jamaat-e-Islami, not Jamaat: its local units' names)."""
        names = {re.sub(r"^Bangladesh\s+", "", n) for n in entry.names() if n.isascii() and not _LATIN_ACRONYM.match(n) and "(" not in n}
        names = [n for n in names if not any(o != n and o.startswith(n) for o in names)]
        return min(names, key=lambda n: (len(n.split()), len(n), n)) if names else entry.canonical_latin

    def _derive(self, out: LinkOutput, i: int, label: str, canonical: str, latin: str, name: str) -> None:
        """Link mention ``i`` to an entity derived from a gazetteer entry: its id from its own name, so
        every document that says it finds it."""
        eid = entity_id_for(label, canonical)
        self.derived.add(eid)
        self._use(out, eid, dict(label=label, canonical=canonical, canonical_latin=latin, source="gazetteer", latin_method="gazetteer"))
        out.links[i] = Linked(eid, out.links[i].form, name, latin, "gazetteer")

    def _lookup(self, span: Span, form: str) -> str | None:
        if span.label == "PERSON" and form.split()[0] in MUHAMMAD and len(form.split()) > 3 and (
                eid := self.index.get(alias_key(form.split(" ", 1)[1])) or self.index.get(alias_key(form))):
            entry = self.gazetteer.entries.get(eid)
            if entry is not None and entry.label == "PERSON":
                # a curated person's name of three words or more after মো., as the name alone (rule 1):
                # মো. আসাদুজ্জামান খান কামাল. Not of two (মো. কামাল হোসেন, মো. জসিম উদ্দীন, মো. মতিউর রহমান):
                # outside the sets nearly all of those are namesakes, local officials and the like.
                return eid
        if span.label == "PERSON" and len(form.split()) > 1 and common_full_name(form):
            return None  # decided with the document's context, below
        eid = self.index.get(alias_key(form))
        entry = self.gazetteer.entries.get(eid) if eid else None
        if entry is not None and entry.label != "PERSON" and span.label == "PERSON" and " " not in form and is_name_part(form):
            return None  # খালেদ মাহমুদ সুজন's সুজন is no org:shujan (SUJAN): a given name the model saw as one
        if eid is None or entry is not None:
            return eid
        if span.label == "PERSON" and len(form.split()) == 1:
            return None  # a learnt one-word alias of a person never crosses documents
        return eid

    def _link(self, out: LinkOutput, i: int, eid: str, kind: str, name: str) -> None:
        entry = self.gazetteer.entries.get(eid)
        if entry is not None:
            latin, method = entry.canonical_latin, "gazetteer"
            self._use(out, eid, dict(label=entry.label, canonical=entry.canonical, canonical_latin=latin, source="gazetteer", latin_method=method))
        else:
            # The id says what kind of name it is (an acronym's entity is an organisation).
            label = {"per": "PERSON", "org": "ORG", "loc": "LOC"}.get(eid.split(":", 1)[0], "ORG")
            latin, method = english_name(name, label, foreign=name in self._foreign)
        if kind == "adjective":
            latin, method = (entry.canonical_latin, "gazetteer") if entry else (latin, method)
        out.links[i] = Linked(eid, kind, name, latin, method)

    def _parenthetical_aliases(self, text, spans, out, names, pending) -> None:
        """``long name (ACR)`` or ``ACR (long name)``: both sides are one entity."""
        order = sorted(range(len(spans)), key=lambda k: spans[k][0].start)
        for a, b in zip(order, order[1:]):
            sa, sb = spans[a][0], spans[b][0]
            if sa.label not in ("ORG", "LOC") or sb.label not in ("ORG", "LOC"):
                continue
            between, after = text[sa.end : sb.start], text[sb.end : sb.end + 2]
            if not re.fullmatch(r"\s*\(\s*", between) or not after.lstrip().startswith(")"):
                continue
            if not self._alias_pair(text, sa, sb, names[a], names[b]):
                continue
            ea, eb = out.links[a].entity_id, out.links[b].entity_id
            if ea and not eb:
                self._link(out, b, ea, "acronym", names[b])
            elif eb and not ea and eb.startswith(_BARE_ACRONYM) and self._own_acronym(a, b, names) == b:
                # The bare acronym's entity (ICCB, met alone elsewhere) is no expansion's: this
                # document's says what it means here (ইন্টারন্যাশনাল কনভেনশন সিটি বসুন্ধরা (আইসিসিবি) is
                # not the International Chamber of Commerce of another report), and its later bare
                # mentions with it.
                eid = self._new_entity(out, sa, names[a])
                self._link(out, a, eid, "name", names[a])
                for k in names:
                    if names[k] == names[b] and out.links[k].entity_id == eb:
                        self._link(out, k, eid, "acronym", names[k])
                continue
            elif eb and not ea:
                self._link(out, a, eb, "name", names[a])
            elif not ea and not eb:
                eid = self._new_entity(out, sa, names[a])
                self._link(out, a, eid, "name", names[a])
                self._link(out, b, eid, "acronym", names[b])
            elif ea != eb and (short := self._own_acronym(a, b, names)) is not None \
                    and (entry := self.gazetteer.entries.get(out.links[b if short == a else a].entity_id)) is not None \
                    and entry.label == "ORG" and len(names[b if short == a else a].split()) > 1:
                # পাকিস্তান তেহরিক-ই-ইনসাফ (পিটিআই): the document's own expansion, a known organisation,
                # says what its acronym means here, not the gazetteer's other body of those letters
                # (Press Trust of India).
                full, acr = (b, a) if short == a else (a, b)
                meant, other = out.links[full].entity_id, out.links[acr].entity_id
                for k in names:
                    if names[k] == names[acr] and out.links[k].entity_id == other and spans[k][0].start >= spans[acr][0].start:
                        self._link(out, k, meant, "acronym", names[k])
            acr = self._acronym(names[b])
            if acr and out.links[b].entity_id:
                self.index.setdefault(acronym_key(acr), out.links[b].entity_id)
            if out.links[b].entity_id:  # a later bare বাজুসের in the document is the same body
                self.index.setdefault(alias_key(names[b]), out.links[b].entity_id)

    def _own_acronym(self, a: int, b: int, names) -> int | None:
        """Of ``A (B)``, the side that is an acronym when the other is not (the expansion), else None."""
        acr_a, acr_b = self._acronym(names[a]) is not None, self._acronym(names[b]) is not None
        return b if acr_b and not acr_a else a if acr_a and not acr_b else None

    def _alias_pair(self, text, sa: Span, sb: Span, name_a: str, name_b: str) -> bool:
        """Whether ``A (B)`` gives one name twice: one of them an acronym, or one word beside a longer
        name. Two places (বগুড়া-৭ (গাবতলী)) or two one-word names say where or which, not the same name."""
        if sa.label == sb.label == "LOC":
            return False
        acr_a, acr_b = self._acronym(text[sa.start : sa.end]), self._acronym(text[sb.start : sb.end])
        if acr_a or acr_b:
            # One word spells no acronym of three letters or more: the model found a piece of the
            # name (চিফ অব জেনারেল [স্টাফ] (সিজিএস)), and the acronym is not that piece's.
            # Nor does a piece that starts with a connective (ক্রিকেট অ্যাসোসিয়েশন [অব বেঙ্গল] (সিএবি)).
            short, other = (acr_b, name_a) if acr_b and not acr_a else (acr_a, name_b) if acr_a and not acr_b else (None, "")
            return not (short and len(short.replace(".", "")) >= 3
                        and (len(other.split()) == 1 or nfc(other.split()[0]) in CONNECTIVES))
        na, nb = len(name_a.split()), len(name_b.split())
        return min(na, nb) == 1 and max(na, nb) > 1

    def _longer_name(self, i: int, spans, names, out: LinkOutput) -> int | None:
        """For a person's name of two words or more: the nearest linked longer person name in the
        document that has its words in a row (নওশাবা আহমেদ in কাজী নওশাবা আহমেদ): one person,
        named in full once and shorter after (or before)."""
        if spans[i][0].label != "PERSON":
            return None
        words = [name_key(w) for w in names[i].split()]
        if len(words) < 2:
            return None
        start, best = spans[i][0].start, None
        for j, (s, _) in enumerate(spans):
            if j == i or s.label != "PERSON" or j not in names or out.links[j].entity_id is None:
                continue
            other = [name_key(w) for w in names[j].split()]
            if len(other) <= len(words) or not any(other[k : k + len(words)] == words for k in range(len(other) - len(words) + 1)):
                continue
            if best is None or abs(s.start - start) < abs(spans[best][0].start - start):
                best = j
        return best

    def _chain_head(self, i: int, spans, names, heads: dict | None = None) -> int | None:
        """For a one-word person mention: the nearest earlier (else later) full person name in the
        document whose first or last word it is (তামিম after তামিম ইকবাল, কাদের after ওবায়দুল কাদের).

        ``heads`` (from ``_full_names``) indexes the document's full names by those words once, so a
        long document costs one pass, not one pass per mention."""
        heads = heads if heads is not None else self._full_names(spans, names)
        matches = heads.get(name_key(names[i]))
        if not matches:
            return None
        start = spans[i][0].start
        before = [j for j in matches if spans[j][0].start < start]
        return before[-1] if before else matches[0]

    def _full_names(self, spans, names) -> dict[str, list[int]]:
        """Full person names of a document by the key of their first and of their last word, in span order.
        The first word after a Muhammad (মো. আসাদুজ্জামান খান কামাল, then আসাদুজ্জামান), which says
        nothing alone."""
        heads: dict[str, list[int]] = {}
        for j, (s, _) in enumerate(spans):
            if s.label == "PERSON" and j in names:
                words = names[j].split()
                if len(words) > 1:
                    first = next((w for w in words[:-1] if w not in MUHAMMAD), words[0])
                    for key in dict.fromkeys((name_key(first), name_key(words[-1]))):
                        heads.setdefault(key, []).append(j)
        return heads

    def _place(self, eid: str | None) -> str | None:
        """"abroad" for a country or city abroad, "home" for Bangladesh or a place in it, else None."""
        entry = self.gazetteer.entries.get(eid) if eid else None
        if entry is None or entry.label != "LOC":
            return None
        if eid == "loc:BD" or entry.kind in _HOME_KINDS:
            return "home"
        return "abroad" if entry.kind in ("country", "city") else None

    def _foreign_people(self, text, spans, out: LinkOutput, names) -> set[str]:
        """The names of the people this document shows to be foreign, so that their English names may
        be the foreign names they sound like (সারকোজি Sarkozy) and a Bangladeshi's never is (সাগর
        is Sagar, not Sagor's namesake abroad): a person right after a country abroad's adjective
        or genitive, in the same sentence with no one else between (ফরাসি স্বরাষ্ট্রমন্ত্রী নিকোলাস
        সারকোজি, মার্কিন নৌবাহিনীর মুখপাত্র কমান্ডার টিম হকিন্স); and every person of a report
        that names places abroad and none at home."""
        places = {self._place(link.entity_id) for link in out.links}
        if "abroad" in places and "home" not in places:
            return {names[i] for i, (s, _) in enumerate(spans) if s.label == "PERSON"}
        foreign: set[str] = set()
        last_abroad = None  # end of the last adjective or genitive of a country abroad, in order of the text
        for i in sorted(range(len(spans)), key=lambda k: spans[k][0].start):
            span, link = spans[i][0], out.links[i]
            if span.label == "PERSON":
                between = text[last_abroad : span.start] if last_abroad is not None else None
                if between is not None and len(between) <= _FOREIGN_REACH and not _SENTENCE_END.search(between):
                    foreign.add(names[i])
                last_abroad = None  # a second person is no longer the one the adjective describes
            elif self._place(link.entity_id) == "abroad" and (link.form == "adjective" or self._ending(text[span.start : span.end], names[i]) in _GENITIVE):
                last_abroad = span.end
        return foreign

    def _document_context(self, out: LinkOutput) -> set[str]:
        """The specific entities this document mentions: organisations, places below country level,
        people (countries and the capital say nothing about who a person is)."""
        items = set()
        for link in out.links:
            eid = link.entity_id
            if eid and link.form != "adjective" and not re.fullmatch(r"loc:[A-Z]{2}", eid) and eid not in ("loc:dhaka",):
                items.add(eid)
        return items

    def _resolve_new(self, text, span: Span, i: int, out: LinkOutput, form: str, context: set[str], doc_scope: str) -> None:
        words = form.split()
        if span.label == "PERSON" and len(words) > 1 and common_full_name(form):
            base = person_base(form)
            # The person of that name who shares most of this document's context (then the smallest
            # id: the same choice whatever order the store gives them in).
            shared = sorted((-len(self.contexts.get(e, set()) & context), e) for e in self.people.get(base, ()))
            eid = shared[0][1] if shared and shared[0][0] < 0 else None
            if eid is None:
                eid = self._new_entity(out, span, form, scope=min(context) if context else doc_scope)
                self.people[base].append(eid)
        elif span.label == "PERSON" and len(words) == 1:
            eid = self._new_entity(out, span, form, scope=doc_scope)
        else:
            acr = self._acronym(text[span.start : span.end])
            known = self.index.get(alias_key(form))
            known = None if known in sport_namesakes() else known  # here only outside a report of sport
            eid = (self.index.get(acronym_key(acr)) if acr else None) or known or self._new_entity(out, span, form)
        self._link(out, i, eid, "acronym" if self._acronym(text[span.start : span.end]) else "name", form)

    def _new_entity(self, out: LinkOutput, span: Span, form: str, scope: str = "") -> str:
        acr = self._acronym(form)
        if acr and not scope:
            eid = f"{_BARE_ACRONYM}{acr.lower()}"
            latin, method = acr, "dictionary"
        else:
            eid = entity_id_for(span.label, form, scope)
            latin, method = english_name(form, span.label, foreign=form in self._foreign) if not form.isascii() else (form, "dictionary")
        if not scope:  # later mentions of this document, whatever their label, find it by name
            self.index.setdefault(alias_key(form), eid)
            if acr:
                self.index.setdefault(acronym_key(acr), eid)
        self._use(out, eid, dict(label=span.label, canonical=form, canonical_latin=latin, source=span.method, latin_method=method))
        return eid

    def _register(self, spans, out: LinkOutput, names, context: set[str]) -> None:
        """Aliases that let later documents and runs find these entities."""
        for i, ((span, _), link) in enumerate(zip(spans, out.links)):
            eid = link.entity_id
            if eid is None or span.label not in NAME_LABELS or link.form == "adjective" or eid in self.gazetteer.entries or eid in self.derived:
                continue
            form = names[i]
            words = form.split()
            pairs: list[tuple[str, str]] = []
            acr = self._acronym(form)
            if acr:
                pairs.append((acronym_key(acr), acr))
            if span.label == "PERSON" and len(words) > 1 and common_full_name(form):
                pairs.append((person_key(form, eid), form))
                pairs += [(context_key(eid, c), c) for c in sorted(context - {eid})]
            elif not (span.label == "PERSON" and len(words) == 1):
                pairs.append((alias_key(form), form))
            for key, alias in pairs:
                if self._is_stored(key) or (not key.startswith(("P|", "C|")) and self.index.get(key, eid) != eid):
                    continue
                if not key.startswith(("P|", "C|")):
                    self.index[key] = eid
                if not key.startswith("C|"):  # context keys are remembered in contexts, just below
                    self.stored.add(key)
                out.new_aliases[key] = (eid, alias)
            if span.label == "PERSON" and len(words) > 1 and common_full_name(form):
                self.contexts[sys.intern(eid)] |= {sys.intern(c) for c in context - {eid}}

    def _use(self, out, eid: str, row: dict) -> None:
        if eid not in self.entities:
            self.entities[eid] = dict(row, entity_id=eid)
            out.new_entities[eid] = self.entities[eid]


def _genitive(name: str) -> str:
    """A Bengali name in the genitive: রাশিয়ার, পাকিস্তানের."""
    return f"{name}{'র' if name[-1:] in 'ািীুূেৈোৌ' else 'ের'}"


def _body_latin(latin: str, country: GazetteerEntry, shared: bool = False) -> str:
    """The English name of a country's body named as Bangladesh's or an international one is: Supreme
    Court of Pakistan, Japan Coast Guard, Ministry of Foreign Affairs of Russia, Security Council of Russia."""
    name = country.canonical_latin
    of = f"of the {name}" if _NEEDS_THE.search(name) else f"of {name}"
    if shared:
        latin = re.sub(r"^United Nations\s+", "", latin)
    if re.search(r"\bBangladesh\b", latin):
        return re.sub(r"\bBangladesh\b", name, re.sub(r"\bof Bangladesh\b", of, latin))
    return f"{latin} {of}"


def _next_span(spans, i: int) -> int | None:
    """The index of the first span that starts after span i ends (spans are in text order)."""
    end = spans[i][0].end
    return next((j for j in range(i + 1, len(spans)) if spans[j][0].start >= end), None)
