"""Linking mentions to canonical entities, stable across runs.

For each document: every name mention's forms are its surface and the stems its last word leaves
without a case ending (পুতিনের → পুতিন). A form found in the gazetteer, or among the aliases the
warehouse already knows (``known_aliases``), decides the entity. Otherwise, within the document:
a one-word person mention joins the longer person mention ending in the same name (পুতিন →
ভ্লাদিমির পুতিন); an acronym in brackets joins the name before it (... অর্গানাইজেশন (এসসিও));
Bengali-spelt and Latin acronyms share one key (এসসিও = SCO). What is left becomes a new entity
named by its longest form, with an id derived from its spelling-variant key, so reruns and other
spellings (ল্যাভরভ / লাভরভ) give the same id. New aliases are returned so later documents and runs
find the entity by any of its forms.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from khobor.transforms.entities.gazetteer import Gazetteer, GazetteerEntry
from khobor.transforms.entities.names import bengali_acronym, graphemes, nfc, romanize, stem_candidates, variant_key
from khobor.transforms.entities.types import Span

NAME_LABELS = ("PERSON", "ORG", "LOC")
_PREFIX = {"PERSON": "per", "ORG": "org", "LOC": "loc"}
_LATIN_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&-]{1,7}$")

# Name parts shared by very many people: a mention of one alone never links across documents.
COMMON_NAME_PARTS = {
    nfc(w)
    for w in (
        "মোহাম্মদ মোহাম্মাদ মুহাম্মদ মো. মো আহমেদ আহমদ হোসেন হোসাইন ইসলাম রহমান খান চৌধুরী আলী আলি উদ্দিন "
        "বেগম আক্তার আক্তারুজ্জামান খাতুন শেখ মিয়া সরকার দাস রায় সাহা পাল দত্ত ঘোষ বসু সেন কুমার সিং সিংহ "
        "হক কবির আলম করিম হাসান হাসান মাহমুদ বিশ্বাস মল্লিক শাহ Khan Ahmed Hossain Islam Rahman Ali"
    ).split()
}


def alias_key(label: str, form: str) -> str:
    group = "PERSON" if label == "PERSON" else "PLACE_ORG"
    return f"{group}|{variant_key(form)}"


def acronym_key(acr: str) -> str:
    return f"ACR|{acr.replace('.', '').upper()}"


def entity_id_for(label: str, canonical: str) -> str:
    return f"{_PREFIX[label]}:" + hashlib.sha256(variant_key(canonical).encode("utf-8")).hexdigest()[:12]


@dataclass
class Linked:
    entity_id: str | None
    form: str = "name"  # name | acronym | adjective


@dataclass
class LinkOutput:
    links: list[Linked]
    new_entities: dict[str, dict] = field(default_factory=dict)
    new_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (entity_id, surface)


class Linker:
    def __init__(self, gazetteer: Gazetteer, known_aliases: dict[str, str] | None = None):
        self.gazetteer = gazetteer
        self.index: dict[str, str] = {}
        for e in gazetteer.entries.values():
            for name in {e.canonical, e.canonical_latin, *e.aliases}:
                if not name:
                    continue
                if _LATIN_ACRONYM.match(name):
                    self.index.setdefault(acronym_key(name), e.entity_id)
                acr = bengali_acronym(name)
                if acr:
                    self.index.setdefault(acronym_key(acr), e.entity_id)
                self.index.setdefault(alias_key(e.label, name), e.entity_id)
        self.index.update(known_aliases or {})
        self.entities: dict[str, dict] = {}  # entities this linker created or used, by id

    # -- forms ---------------------------------------------------------------------------------
    @staticmethod
    def forms(surface: str) -> list[str]:
        words = nfc(surface).split()
        if not words:
            return []
        return [" ".join(words[:-1] + [stem]) for stem in stem_candidates(words[-1])]

    def _acronym(self, surface: str) -> str | None:
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

    def _lookup(self, label: str, surface: str) -> str | None:
        acr = self._acronym(surface)
        if acr and acronym_key(acr) in self.index:
            return self.index[acronym_key(acr)]
        for form in self.forms(surface):
            eid = self.index.get(alias_key(label, form))
            if eid is not None and self._label_of(eid) in (label, None):
                return eid
        return None

    def _label_of(self, eid: str) -> str | None:
        if eid in self.gazetteer.entries:
            return self.gazetteer.entries[eid].label
        if eid in self.entities:
            return self.entities[eid]["label"]
        return {"per": "PERSON", "org": "ORG", "loc": "LOC"}.get(eid.split(":", 1)[0])

    # -- documents -----------------------------------------------------------------------------
    def link_document(self, text: str, spans: list[tuple[Span, str | None]]) -> LinkOutput:
        out = LinkOutput(links=[Linked(None) for _ in spans])
        pending: list[int] = []
        for i, (span, gaz_id) in enumerate(spans):
            if span.label == "HASHTAG":
                key = (span.value or text[span.start : span.end].lstrip("#")).casefold()
                eid = f"tag:{key}"
                out.links[i] = Linked(eid)
                self._use(out, eid, dict(label="HASHTAG", canonical=key, canonical_latin=key if key.isascii() else romanize(key).lower(), source="rule"))
                continue
            if span.label not in NAME_LABELS:
                continue
            surface = text[span.start : span.end]
            if span.value == "adjective" and gaz_id:
                out.links[i] = Linked(gaz_id, "adjective")
                self._use_gazetteer(out, gaz_id)
                continue
            eid = gaz_id or self._lookup(span.label, surface)
            if eid is not None:
                out.links[i] = Linked(eid, "acronym" if self._acronym(surface) else "name")
                self._use_known(out, eid)
                continue
            pending.append(i)
        self._parenthetical_aliases(text, spans, out, pending)
        self._person_chains(text, spans, out, pending)
        self._register_aliases(text, spans, out)
        for i in pending:
            if out.links[i].entity_id is not None:
                continue
            span = spans[i][0]
            # An earlier mention of this document may have taught the index this form (BEPC after
            # "... পরিষদ (বিইপিসি)").
            eid = self._lookup(span.label, text[span.start : span.end])
            if eid is not None:
                out.links[i] = Linked(eid, "acronym" if self._acronym(text[span.start : span.end]) else "name")
            else:
                self._new_entity(text, spans, out, [i])
            self._register_aliases(text, [spans[i]], out, [out.links[i]])
        return out

    def _parenthetical_aliases(self, text, spans, out, pending) -> None:
        """``long name (ACR)`` or ``ACR (long name)``: both sides are one entity."""
        order = sorted(range(len(spans)), key=lambda k: spans[k][0].start)
        for a, b in zip(order, order[1:]):
            sa, sb = spans[a][0], spans[b][0]
            if sa.label not in ("ORG", "LOC") or sb.label not in ("ORG", "LOC"):
                continue
            between, after = text[sa.end : sb.start], text[sb.end : sb.end + 2]
            if not re.fullmatch(r"\s*\(\s*", between) or not after.lstrip().startswith(")"):
                continue
            ea, eb = out.links[a].entity_id, out.links[b].entity_id
            if ea and not eb:
                out.links[b] = Linked(ea, "acronym")
            elif eb and not ea:
                out.links[a] = Linked(eb)
            elif not ea and not eb:
                self._new_entity(text, spans, out, [a, b], canonical_from=a)
                out.links[b].form = "acronym"

    def _person_chains(self, text, spans, out, pending) -> None:
        """One-word person mentions join the longer person mention that ends in the same name."""
        people = [i for i in range(len(spans)) if spans[i][0].label == "PERSON"]
        long_by_last: dict[str, int] = {}
        for i in people:
            words = nfc(text[spans[i][0].start : spans[i][0].end]).split()
            if len(words) > 1:
                for form in self.forms(words[-1]):
                    long_by_last.setdefault(variant_key(form), i)
        for i in people:
            if out.links[i].entity_id is not None:
                continue
            words = nfc(text[spans[i][0].start : spans[i][0].end]).split()
            if len(words) != 1:
                continue
            head = next((long_by_last[variant_key(f)] for f in self.forms(words[0]) if variant_key(f) in long_by_last), None)
            if head is None or head == i:
                continue
            if out.links[head].entity_id is None:
                self._new_entity(text, spans, out, [head])
            out.links[i] = Linked(out.links[head].entity_id)

    def _new_entity(self, text, spans, out, members: list[int], canonical_from: int | None = None) -> None:
        span = spans[canonical_from if canonical_from is not None else members[0]][0]
        surface = text[span.start : span.end]
        acr = self._acronym(surface)
        if acr and len(members) == 1:
            eid = f"org:acr-{acr.lower()}"
            canonical, latin = surface if not surface.isascii() else acr, acr
        else:
            forms = self.forms(surface)
            canonical = forms[1] if len(forms) > 1 and not surface.isascii() else forms[0]
            eid = self.index.get(alias_key(span.label, canonical)) or entity_id_for(span.label, canonical)
            latin = canonical if canonical.isascii() else romanize(canonical)
        for m in members:
            out.links[m] = Linked(eid, "acronym" if acr and m != members[0] else "name")
        self._use(out, eid, dict(label=span.label, canonical=canonical, canonical_latin=latin, source=span.method))

    def _register_aliases(self, text, spans, out, links=None) -> None:
        for (span, _), link in zip(spans, links if links is not None else out.links):
            if link.entity_id is None or span.label not in NAME_LABELS or link.form == "adjective":
                continue
            surface = text[span.start : span.end]
            acr = self._acronym(surface)
            forms = self.forms(surface)
            chosen = forms[1] if len(forms) > 1 and not surface.isascii() else forms[0]
            words = chosen.split()
            pairs = [(acronym_key(acr), acr)] if acr else []
            if not (span.label == "PERSON" and len(words) == 1 and chosen in COMMON_NAME_PARTS):
                pairs.append((alias_key(span.label, chosen), chosen))
            if span.label == "PERSON" and len(words) > 1 and words[-1] not in COMMON_NAME_PARTS and graphemes(words[-1]) >= 2:
                # The surname alone (পেসকভ) finds the person in later documents; common ones never do.
                pairs.append((alias_key(span.label, words[-1]), words[-1]))
            for key, alias in pairs:
                if key not in self.index:
                    self.index[key] = link.entity_id
                    out.new_aliases[key] = (link.entity_id, alias)

    def _use_known(self, out, eid: str) -> None:
        if eid in self.gazetteer.entries:
            self._use_gazetteer(out, eid)

    def _use_gazetteer(self, out, eid: str) -> None:
        e: GazetteerEntry = self.gazetteer.entries[eid]
        self._use(out, eid, dict(label=e.label, canonical=e.canonical, canonical_latin=e.canonical_latin, source="gazetteer"))

    def _use(self, out, eid: str, row: dict) -> None:
        if eid not in self.entities:
            self.entities[eid] = dict(row, entity_id=eid)
            out.new_entities[eid] = self.entities[eid]
