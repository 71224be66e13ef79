"""Entity extraction for a batch of documents: recognise spans, resolve overlaps, link to entities.

Grains: ``entity_mentions`` one row per mention; ``entities`` one row per canonical entity the batch
refers to (the loader keeps only the ones the warehouse does not know yet).

What this first implementation finds: places and organisations in the gazetteer (CLDR territories
plus khobor's curated list, with Bengali inflections), Latin acronyms, dates, numbers, quantities and
hashtags. Names outside the gazetteer (most people) need the trained model, which plugs in as a
``Recogniser`` whose spans are merged here.
"""
from __future__ import annotations

import functools
import warnings
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa

from khobor.transforms import schema
from khobor.transforms.documents.ids import mention_id
from khobor.transforms.entities import teams
from khobor.transforms.entities.date_context import evening_edition, writer_day
from khobor.transforms.entities.date_narrative import narrative_months, narrative_years, repeated_days, repeated_weekdays
from khobor.transforms.entities.date_speech import carry_speech_days
from khobor.transforms.entities.date_words import DAY_NUMBER_WORDS
from khobor.transforms.entities.dates import ANAPHOR, bounds, date_spans, is_calendar_date, precision, resolve_anaphors
from khobor.transforms.entities.demonyms import demonym_index
from khobor.transforms.entities.english import MISSION_AIDES, MISSION_WORDS
from khobor.transforms.entities.gazetteer import Gazetteer, default_gazetteer, norm_token
from khobor.transforms.entities.inflection import inflected_forms
from khobor.transforms.entities.kinship import kin_spans, split_at_kin
from khobor.transforms.entities.linking import NAME_LABELS, AliasStore, Linker
from khobor.transforms.entities.name_lists import listed_person_spans
from khobor.transforms.entities.name_parts import is_name_part
from khobor.transforms.entities.names import nfc, stem_candidates
from khobor.transforms.entities.patterns import (
    _GENITIVES,
    common_phrase_person,
    common_word,
    common_words_only,
    constituency_spans,
    counted_common_noun,
    descriptive_only,
    generic_head,
    inflected_common_word,
    is_derived,
    is_title,
    org_spans,
    place_spans,
    trim_name,
)
from khobor.transforms.entities.place_rules import (
    area_and_road_spans,
    facility_spans,
    neighbourhood_spans,
    place_led_organisations,
    place_team_spans,
    place_with_direction_spans,
    prison_spans,
)
from khobor.transforms.entities.repeats import person_words, repeated_org_spans, repeated_person_spans, side_by_side_people
from khobor.transforms.entities.rules import acronym_spans, hashtag_spans, number_spans
from khobor.transforms.entities.span_edges import (
    addressed_media_spans,
    bracketed_names,
    desk_initials,
    organisation_without_owner,
    person_as_organisation,
    person_named_institutions,
    person_without_known,
    place_in_a_persons_name,
    split_at_and,
    split_at_genitive,
)
from khobor.transforms.entities.types import Recogniser, SentenceView, Span

# Among overlapping names the longer wins (ঢাকা বিশ্ববিদ্যালয় over ঢাকা), then the more reliable finder.
_PRIORITY = {"gazetteer": 4, "pattern": 3, "model": 2, "rule": 1}
_LABEL_PRIORITY = {"DATE": 4, "HASHTAG": 4, "PERSON": 2, "ORG": 2, "LOC": 2, "QUANTITY": 1, "NUMBER": 0}

_MATCH_PUNCT = set("-.&'")

# No name is this long: a longer span is a run-away match (a 5 MB line without spaces read as one
# place name), not an entity. A token this long (no real word is) is never part of one either.
MAX_ENTITY_CHARS = 200
MAX_TOKEN_CHARS = 100
RECOGNISE_SENTENCES = 2048  # sentences handed to a recogniser at once


def gazetteer_spans(gaz: Gazetteer, tokens, sport=lambda: None) -> list[tuple[Span, str | None]]:
    """Longest known names first. A name several entries share is recognised with its label but
    tied to none of them (``None``), so linking decides by the name alone. ``sport``: the sport the
    document reads as news of (asked only for a name ``gaz.sport_only`` knows)."""
    toks = [t for t in tokens if t.kind != "punct" or t.text in _MATCH_PUNCT]
    keys = [norm_token(t.text) for t in toks]
    out = []
    i = 0
    while i < len(toks):
        for n in range(min(gaz.max_len, len(toks) - i) if gaz.may_start(keys[i]) else 1, 0, -1):
            match = gaz.lookup(tuple(keys[i : i + n]))
            if match is not None and n == 1 and (keys[i],) in gaz.sport_only and (
                    sport() != gaz.sport_only[(keys[i],)] or keys[i].endswith(_PARTICLES) or (i and keys[i - 1] in _NEGATIONS)):
                match = None  # পেলে outside football news, or with the verb's particle or negation: "if one gets"
            if match is not None and toks[i].kind != "punct" and toks[i + n - 1].kind != "punct":
                eid = match.entry.entity_id if match.entry else None
                owner = _owner(gaz, keys[i]) if n > 1 and match.label == "ORG" and toks[i + 1].kind != "punct" else None
                if owner is not None and not _named_for(match.entry, owner.entry):
                    # ভারতের | পররাষ্ট্র মন্ত্রণালয়: a known name's genitive before the rest is a mention of
                    # its own (ADJUDICATION.md rule 10); the rest keeps the whole entry's entity.
                    oid = owner.entry.entity_id if owner.entry else None
                    out.append((Span(toks[i].start, toks[i].end, owner.label, "gazetteer", 0.95 if oid else 0.8), oid))
                    out.append((Span(toks[i + 1].start, toks[i + n - 1].end, "ORG", "gazetteer", 0.95 if eid else 0.8), eid))
                else:
                    out.append((Span(toks[i].start, toks[i + n - 1].end, match.label, "gazetteer", 0.95 if eid else 0.8), eid))
                i += n
                break
        else:
            out.extend(_hyphen_parts(gaz, toks[i]))
            i += 1
    return out


# Words that are never a name by themselves, whatever found them: এ ("this": এ গ্রামের, এ আন্দোলনকে),
# the classifiers after a number (১০টি ইউনিয়ন: টি), অব of ব্রিগেডিয়ার জেনারেল (অব.) ("retired").
_NEVER_ALONE = frozenset(norm_token(w) for w in ("এ", "টি", "টা", "জন", "অব", "অব."))
_PARTICLES = ("ও", "ই")  # পেলেও, পেলেই: "even if", "as soon as" one gets
_NEGATIONS = frozenset(("না", "নাই"))


@functools.lru_cache(maxsize=64)
def _document_sport(text: str) -> str | None:
    return teams.sport_of(text)


def _owner(gaz: Gazetteer, key: str):
    """The gazetteer's match for a known place or organisation in the genitive (ভারতের, ঢাকার,
    জাতিসংঘের), or None: a name's own last letter (রংপুর) is no ending."""
    if not any(key.endswith(e) and key[: -len(e)] in gaz.base_tokens for e in _GENITIVES):
        return None
    match = gaz.lookup((key,))
    return match if match is not None and match.label in ("LOC", "ORG") else None


def _named_for(entry, owner) -> bool:
    """A party named for its country (বাংলাদেশের কমিউনিস্ট পার্টি, the Communist Party of Bangladesh):
    the genitive is a word of the party's own name, not a possessor before it."""
    return (entry is not None and owner is not None and entry.kind == "party"
            and bool(owner.canonical_latin) and owner.canonical_latin in (entry.canonical_latin or ""))


def _hyphen_parts(gaz: Gazetteer, tok) -> list[tuple[Span, str | None]]:
    """Names inside a hyphenated compound: ভারত-রাশিয়া mentions both countries."""
    if "-" not in tok.text or tok.kind not in ("word", "latin"):
        return []
    out, pos = [], tok.start
    for part in tok.text.split("-"):
        match = gaz.lookup((norm_token(part),)) if part else None
        if match is not None:
            eid = match.entry.entity_id if match.entry else None
            out.append((Span(pos, pos + len(part), match.label, "gazetteer", 0.9), eid))
        pos += len(part) + 1
    return out


def demonym_spans(tokens) -> list[tuple[Span, str]]:
    """Country adjectives (রাশিয়ান, ভারতীয়, রুশ): mentions of the country in adjective form."""
    index = demonym_index()
    out = []
    for t in tokens:
        eid = index.get(norm_token(t.text))
        if eid is not None:
            label = "ORG" if eid.startswith("org:") else "LOC"
            out.append((Span(t.start, t.end, label, "gazetteer", 0.9, "adjective"), eid))
    return out


# A country's diplomatic mission: the country's name, adjective or genitive right before one of these
# words (চীনা দূতাবাস, মার্কিন দূতাবাসের, ভারতীয় হাইকমিশন, জাপান দূতাবাস, ইইউ দূতাবাস) names the mission,
# an organisation, as the evaluation sets mark it; বাংলাদেশ দূতাবাস is Bangladesh's abroad.
_MISSIONS = frozenset(f for w in MISSION_WORDS for f in inflected_forms(w))


def mission_spans(tokens, named: list[tuple[Span, str | None]], entries) -> list[Span]:
    """ORG spans of diplomatic missions named by their country (``_MISSIONS``); the country's span
    inside gives way to the longer one."""
    countries = {}
    for span, eid in named:
        entry = entries.get(eid or "")
        if entry is not None and (entry.kind == "country" or eid in ("org:eu", "org:un")):
            countries[span.end] = span.start
    out = []
    for h, tok in enumerate(tokens):
        if nfc(tok.text) not in _MISSIONS or h == 0:
            continue
        before = tokens[h - 2] if h >= 2 and nfc(tokens[h - 1].text) in MISSION_AIDES else tokens[h - 1]
        if before.end in countries:
            out.append(Span(countries[before.end], tok.end, "ORG", "pattern", 0.8))
    return out


_BEGUM = nfc("বেগম")


def _without_titles_before_names(text: str, spans: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
    """A title that is also a person's name (বঙ্গবন্ধু, বঙ্গমাতা) right before a person's name is the
    title, outside the name (GUIDELINES.md: বঙ্গবন্ধু শেখ মুজিবুর রহমান is শেখ মুজিবুর রহমান): no mention
    of its own. Alone (বঙ্গমাতার অবদান) it is the person."""
    people = sorted((s for s, _ in spans if s.label == "PERSON"), key=lambda s: s.start)
    titles = {(a.start, a.end) for a, b in zip(people, people[1:])
              if all(is_title(w) or w == _BEGUM for w in text[a.end : b.start].split())  # বঙ্গমাতা বেগম ফজিলাতুন নেছা
              and " " not in text[a.start : a.end].strip() and is_title(text[a.start : a.end])
              and len(stem_candidates(text[a.start : a.end])) == 1  # বঙ্গবন্ধুর বোন আমিনা: his, no title
              and is_name_part(text[b.start : b.end].split()[0])}  # বঙ্গবন্ধু রেলসেতু: a name inside another
    return [(s, g) for s, g in spans if not (s.label == "PERSON" and (s.start, s.end) in titles)]


def _rank(se: tuple[Span, str | None]):
    s = se[0]
    length = s.end - s.start
    # Date rules beat the model's dates: they know where a date ends and give its value.
    return (-_LABEL_PRIORITY.get(s.label, 0), not (s.label == "DATE" and s.method == "rule"),
            -length if s.label in NAME_LABELS else 0, -_PRIORITY.get(s.method, 0), -length, s.start)


def _model_names(model_spans: list[Span], toks, known: list[Span], known_tokens: frozenset[str] = frozenset(),
                 alone_tokens: frozenset[str] | None = None) -> list[Span]:
    """The model's spans, trimmed to the name (titles and trailing words out); derived words
    (ঢাকাগামী) dropped, and a place span that only strings known places together
    (ঢাকা–চট্টগ্রাম মহাসড়কে, ময়মনসিংহের গফরগাঁও) left to those places."""
    alone_tokens = known_tokens if alone_tokens is None else alone_tokens
    out = []
    for s in (piece for span in model_spans for each in split_at_and(span, toks) for part in split_at_kin(each, toks)
              for piece in split_at_genitive(part, toks, known_tokens)):
        if s.label == "DATE":
            if is_calendar_date([x for x in toks if s.start <= x.start and x.end <= s.end], next((x for x in toks if x.start >= s.end), None),
                                [x for x in toks if x.end <= s.start][-8:]):
                out.append(s)
            continue
        if s.label not in NAME_LABELS:
            out.append(s)
            continue
        uncounted = _without_count(s, toks)
        t = _trimmed(person_as_organisation(uncounted, toks), toks, known, known_tokens) if uncounted is not None else None
        if t is None:
            continue
        inner = [k for k in known if t.start <= k.start and k.end <= t.end and (k.start, k.end) != (t.start, t.end)]
        if t.label == "LOC" and sum(1 for k in inner if k.label == "LOC") >= 2:
            continue
        words = [x.text for x in toks if t.start <= x.start and x.end <= t.end and x.kind != "punct"]
        if len(words) == 1 and (is_derived(words[0]) or common_word(words[0], alone_tokens if t.label == "PERSON" else known_tokens)
                                or (t.label != "PERSON" and counted_common_noun(words[0], known_tokens))
                                or (t.label == "PERSON" and inflected_common_word(words[0], known_tokens))):
            continue
        if t.label == "PERSON" and common_phrase_person(words, known_tokens):
            continue  # রেফারেন্স লেটার, আত্মার মাগফিরাত: a phrase of the language
        if t.label == "PERSON" and len(words) > 1 and len({nfc(w) for w in words}) == 1:
            continue  # কমলা কমলা, ডালিম ডালিম: the language's doubling (a list of fruit), no one's name
        if t.label == "ORG" and (generic_head(words[-1]) or descriptive_only(words) or common_words_only(words)):
            continue  # অন্তর্বর্তীকালীন সরকার: a government is not an organisation's name
        out.append(t)
    return out


# জন after a number counts people (৯ হাজার ২৬৪ জন ডেঙ্গু রোগী, দুই জন কারারক্ষী); the model took it for John.
_PEOPLE_COUNTED = norm_token("জন")
_COUNT_WORDS = frozenset(norm_token(w) for w in ("হাজার", "শত", "শো", "লাখ", "লক্ষ", "কোটি", "কয়েক", "অর্ধশত",
                                                 "শতাধিক", "হাজারো", "এগারো", "বারো", "তেরো", "চৌদ্দ", "পনেরো", "বিশ", "ত্রিশ",
                                                 "চল্লিশ", "পঞ্চাশ", "ষাট", "সত্তর", "আশি", "নব্বই", "একশ", "দুইশ"))


def _without_count(span: Span, toks) -> Span | None:
    """A person's span without a জন that counts the people a number before it counts, and none when
    one word is left: the noun counted (৫ জন রাজাকার). A John after no number stays."""
    if span.label != "PERSON":
        return span
    inside = [x for x in toks if span.start <= x.start and x.end <= span.end]
    if len(inside) < 2 or norm_token(inside[0].text) != _PEOPLE_COUNTED:
        return span
    before = [x for x in toks if x.end <= span.start]
    if not before or not (before[-1].kind == "number" or norm_token(before[-1].text) in _COUNT_WORDS
                          or norm_token(before[-1].text) in DAY_NUMBER_WORDS):
        return span
    return span._replace(start=inside[1].start) if len(inside) > 2 else None


def _trimmed(span: Span, toks, known: list[Span], base_tokens: frozenset[str] = frozenset()) -> Span | None:
    """A model's name span trimmed to the name; a person's also cut at the known names at its
    edges, before trimming (whose word-by-word rules would leave half of জাগো নিউজকে) and after it
    (a known full name starts where the titles end)."""
    if span.label == "ORG":
        t = organisation_without_owner(span, toks, known, base_tokens)
        return trim_name(t, toks) if t is not None else None
    if span.label != "PERSON":
        return trim_name(span, toks)
    t = person_without_known(span, toks, known)
    t = trim_name(t, toks) if t is not None else None
    return person_without_known(t, toks, known) if t is not None else None


def bounded_spans(spans: list[tuple[Span, str | None]], tokens) -> list[tuple[Span, str | None]]:
    """The spans no longer than ``MAX_ENTITY_CHARS`` and touching no token longer than
    ``MAX_TOKEN_CHARS`` (the token stays text; it just names nothing)."""
    long = [(t.start, t.end) for t in tokens if t.end - t.start > MAX_TOKEN_CHARS]
    return [(s, e) for s, e in spans
            if s.end - s.start <= MAX_ENTITY_CHARS and not any(a < s.end and s.start < b for a, b in long)]


def resolve_overlaps(spans: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
    ranked = sorted(spans, key=_rank)
    kept: list[tuple[Span, str | None]] = []
    for cand in ranked:
        s = cand[0]
        if all(s.end <= k[0].start or s.start >= k[0].end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda se: se[0].start)


def merge_adjacent_names(text: str, spans: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
    """A first name and a surname the model tagged as two people (সের্গেই | ল্যাভরভের) are one, and so
    are a person and a place beside it that is a word of the name (আনোয়ারা | ইসলাম রানি)."""
    out: list[tuple[Span, str | None]] = []
    for span, gaz in spans:
        if out:
            prev, pgaz = out[-1]
            if (
                prev.label == span.label == "PERSON" and "model" in (prev.method, span.method)
                and pgaz is None and gaz is None and text[prev.end : span.start].isspace()
            ):
                out[-1] = (Span(prev.start, span.end, "PERSON", "model", min(prev.confidence, span.confidence)), None)
                continue
            if "LOC" in (prev.label, span.label) and place_in_a_persons_name(text, *((prev, span) if prev.label == "LOC" else (span, prev))):
                out[-1] = (Span(prev.start, span.end, "PERSON", "model", min(prev.confidence, span.confidence)), None)
                continue
        out.append((span, gaz))
    return out


def _with_abbreviations(spans: list[tuple[Span, str | None]], abbreviations: list[Span]) -> list[tuple[Span, str | None]]:
    """Abbreviations in brackets replace what stood on their word, unless the gazetteer knows it."""
    out = list(spans)
    for a in abbreviations:
        clash = [k for k, (s, _) in enumerate(out) if s.start < a.end and a.start < s.end]
        if any(out[k][0].method == "gazetteer" for k in clash):
            continue
        out = [se for k, se in enumerate(out) if k not in clash] + [(a, None)]
    return sorted(out, key=lambda se: se[0].start)


class EntityExtractor:
    """Gazetteer, rules and any ``Recogniser`` (the NER model), merged and linked.

    ``recogniser_names`` says what ran, for the run's record; ``warnings`` says what is missing
    (a model that could not be found), so a run without the model is never silently worse.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, recognisers: Sequence[Recogniser] = (),
                 warnings: Sequence[str] = ()):
        self.gazetteer = gazetteer or default_gazetteer()
        self.recognisers = list(recognisers)
        self.warnings = list(warnings)

    @property
    def recogniser_names(self) -> list[str]:
        return ["gazetteer", "rules", *(r.name for r in self.recognisers)]

    def sentence_spans(self, view: SentenceView, published: date | None, model_spans: list[Span]) -> list[tuple[Span, str | None]]:
        toks = view.tokens
        dates = date_spans(toks, published)
        spans: list[tuple[Span, str | None]] = [(s, None) for s in dates]
        known = gazetteer_spans(self.gazetteer, toks, lambda: _document_sport(view.text))
        spans += known
        known_spans = [s for s, _ in known]
        adjectives = demonym_spans(toks)
        spans += adjectives
        spans += [(s, None) for s in mission_spans(toks, known + adjectives, self.gazetteer.entries)]
        # A neighbourhood's word is as sure a place as a gazetteer's: the model's names are cut at it too.
        quarters = neighbourhood_spans(toks)
        model = _model_names(model_spans, toks, known_spans + quarters, self.gazetteer.base_tokens, self.gazetteer.alone_tokens)
        spans += [(s, None) for s in model]
        places = place_spans(toks, self.gazetteer.alone_tokens)
        places += area_and_road_spans(toks, known_spans + model, self.gazetteer.base_tokens)
        places += quarters
        spans += [(s, None) for s in places]
        found = known_spans + model + places
        spans += [(s, None) for s in org_spans(toks, found, self.gazetteer.base_tokens)]
        spans += [(s, None) for s in place_team_spans(toks, known_spans)]
        spans += [(s, None) for s in place_with_direction_spans(toks, known_spans)]
        spans += [(s, None) for s in constituency_spans(toks, found)]
        spans += [(s, None) for s in kin_spans(toks)]
        spans += [(s, None) for s in hashtag_spans(toks)]
        spans += [(s, None) for s in addressed_media_spans(toks)]
        spans += [(s, None) for s in acronym_spans(toks)]
        spans += [(s, None) for s in number_spans(toks, [(d.start, d.end) for d in dates])]
        spans = bounded_spans(spans, toks)
        sentence = view.text[view.start : view.end]
        spans = facility_spans(toks, merge_adjacent_names(view.text, resolve_overlaps(spans)), self.gazetteer.base_tokens, sentence)
        spans = person_named_institutions(toks, spans, sentence, self.gazetteer.base_tokens)
        spans = prison_spans(toks, spans, self.gazetteer.base_tokens, sentence)
        spans = place_led_organisations(view.text, spans, self.gazetteer.entries)
        spans = _without_titles_before_names(view.text, spans)
        abbreviations = [a for a in bracketed_names(toks, [s for s, _ in spans])
                         if norm_token(view.text[a.start : a.end]) not in self.gazetteer.never]  # (এপিপি): a job title
        spans = _with_abbreviations(spans, abbreviations)
        initials = set(desk_initials(toks))
        spans = [(s, g) for s, g in spans if not (s.label in NAME_LABELS and (s.start, s.end) in initials)
                 and not (s.label in NAME_LABELS and norm_token(view.text[s.start : s.end]) in _NEVER_ALONE)]
        return bounded_spans(spans, toks)

    def extract_tables(
        self, docs: pa.Table, sentences: pa.Table, tokens: pa.Table, now: datetime, known_aliases: dict[str, str] | None = None
    ) -> tuple[pa.Table, pa.Table, pa.Table]:
        """(mentions, entities first seen here, new aliases) for a batch of documents: spans found
        (``find_spans``) and linked in document order (``LinkSession``)."""
        session = LinkSession(self.gazetteer, known_aliases)
        found = self.find_spans(docs, sentences, tokens)
        for document_id, why in found.failed.items():
            warnings.warn(f"document {document_id}: no entities, {why}", stacklevel=2)
        return session.link(docs, found.spans, now)

    def find_spans(self, docs: pa.Table, sentences: pa.Table, tokens: pa.Table) -> FoundSpans:
        """Every recognised span of a batch (one row per span, ``SPANS``), overlaps resolved and
        dates valued; nothing linked yet. Independent per document, so batches can be found in
        parallel and linked in order afterwards. A document whose rules fail (a bug, never its
        input's fault) gets no spans and is listed in ``failed`` with the error: one document never
        sinks the batch."""
        from khobor.transforms.documents.text_tables import document_chunks

        parts, failed = [], {}
        for d, s, t in document_chunks(docs, sentences, tokens):
            spans, why = self._chunk_spans(d, s, t)
            parts.append(spans)
            failed.update(why)
        return FoundSpans(pa.concat_tables(parts) if parts else SPANS.empty_table(), failed)

    def _chunk_spans(self, docs, sentences, tokens) -> tuple[pa.Table, dict[str, str]]:
        from khobor.transforms.text.tokens import Token

        texts = dict(zip(docs["document_id"].to_pylist(), docs["text"].to_pylist()))
        published = publication_days(docs)
        evening = evening_posts(docs)
        tok_by_sent: dict[tuple[str, int], list] = {}
        tcols = tokens.select(["document_id", "sentence_index", "start", "end", "kind", "text", "value"]).to_pydict()
        for d, si, s, e, k, t, v in zip(*tcols.values()):
            tok_by_sent.setdefault((d, si), []).append(Token(s, e, k, t, v))
        scols = sentences.select(["document_id", "sentence_index", "start", "end"]).to_pydict()
        views = [
            (d, si, SentenceView(texts[d], s, e, tok_by_sent.get((d, si), [])))
            for d, si, s, e in zip(*scols.values())
        ]
        model_out: list[list[Span]] = [[] for _ in views]
        for rec in self.recognisers:
            # In slices: a model holds a parsed copy of every sentence it is given, and one long
            # document would otherwise hold all of its sentences at once.
            for at in range(0, len(views), RECOGNISE_SENTENCES):
                for k, spans in enumerate(rec.recognise([v for _, _, v in views[at : at + RECOGNISE_SENTENCES]]), start=at):
                    model_out[k].extend(spans)
        doc_sentences: dict[str, list[tuple[int, list]]] = {}
        for d, si, view in views:
            doc_sentences.setdefault(d, []).append((si, view.tokens))
        failed: dict[str, str] = {}
        for d, p in published.items():
            try:
                published[d] = writer_day([toks for _, toks in doc_sentences.get(d, [])], p, d in evening)
            except Exception as exc:  # noqa: BLE001 - see find_spans
                failed[d] = _failure(exc)
        by_doc: dict[str, list[tuple[int, Span, str | None]]] = {}
        for (d, si, view), m_spans in zip(views, model_out):
            if d in failed:
                continue
            try:
                by_doc.setdefault(d, []).extend((si, span, gaz_id) for span, gaz_id in self.sentence_spans(view, published[d], m_spans))
            except Exception as exc:  # noqa: BLE001 - see find_spans
                failed[d] = _failure(exc)
        cols: dict[str, list] = {n: [] for n in SPANS.names}
        for d, found in by_doc.items():
            if d in failed:
                continue
            try:
                spans_here = [(si, s) for si, s, _ in found]
                if persons := person_words(doc_sentences[d], spans_here):
                    found[:] = [(si, s._replace(label="PERSON"), None) if (si, s.start, s.end) in persons else (si, s, g)
                                for si, s, g in found]
                    spans_here = [(si, s) for si, s, _ in found]
                repeats = repeated_person_spans(doc_sentences[d], spans_here)
                repeats += listed_person_spans(doc_sentences[d], spans_here + repeats)
                repeats += repeated_org_spans(doc_sentences[d], spans_here + repeats)
                if repeats:
                    found[:] = sorted(found + [(si, s, None) for si, s in repeats], key=lambda x: (x[0], x[1].start))
                if apart := side_by_side_people(doc_sentences[d], [(si, s) for si, s, _ in found]):
                    found[:] = [(si, piece, g) for si, s, g in found for piece in apart.get((si, s.start, s.end), [s])]
                _resolve_date_anaphors(found, published[d])
                _revalue_dates(found, lambda dates, d=d: carry_speech_days(doc_sentences[d], dates, texts[d], published[d]))
                _revalue_dates(found, lambda dates, d=d: narrative_years(doc_sentences[d], dates, published[d]))
                _revalue_dates(found, lambda dates, d=d: repeated_days(doc_sentences[d], dates, published[d]))
                _revalue_dates(found, lambda dates, d=d: repeated_weekdays(doc_sentences[d], dates, published[d]))
                _revalue_dates(found, lambda dates, d=d: narrative_months(doc_sentences[d], dates, published[d]))
            except Exception as exc:  # noqa: BLE001 - see find_spans
                failed[d] = _failure(exc)
                continue
            for si, span, gaz_id in found:
                for name, v in zip(SPANS.names, (d, si, span.start, span.end, span.label, span.method, span.confidence, span.value, gaz_id)):
                    cols[name].append(v)
        return pa.table(cols, schema=SPANS), failed


class FoundSpans(NamedTuple):
    spans: pa.Table  # ``SPANS``
    failed: dict[str, str]  # document id -> why its rules failed (``entities-failed: …``)


def _failure(exc: Exception) -> str:
    return f"entities-failed: {type(exc).__name__}: {exc}"[:300]


# What ``find_spans`` hands to linking: one row per recognised span, in document and text order.
SPANS = pa.schema([
    ("document_id", pa.string()), ("sentence_index", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
    ("label", pa.string()), ("method", pa.string()), ("confidence", pa.float32()), ("value", pa.string()),
    ("gazetteer_id", pa.string()),
])


class LinkSession:
    """Links batches of found spans to entities, in order: what one batch learns (new entities,
    aliases) the next one uses, so ids are the same however the documents were batched or in
    what process their spans were found."""

    def __init__(self, gazetteer: Gazetteer, known_aliases: dict[str, str] | None = None, store: AliasStore | None = None):
        self.linker = Linker(gazetteer, known_aliases, store)

    def link(self, docs: pa.Table, spans: pa.Table, now: datetime) -> tuple[pa.Table, pa.Table, pa.Table]:
        """(mentions, entities these documents created or used, new aliases) of ``docs``.

        The entities may include ones stored before (a gazetteer entry met again): storing them
        keeps the first row. Whatever the previous batch learnt must be in the store by now: the
        linker forgets it and asks the store for what this batch needs."""
        texts = dict(zip(docs["document_id"].to_pylist(), docs["text"].to_pylist()))
        run_ids = dict(zip(docs["document_id"].to_pylist(), docs["run_id"].to_pylist()))
        by_doc: dict[str, list[tuple[int, Span, str | None]]] = {}
        for d, si, st, en, label, method, conf, value, gaz in zip(*spans.to_pydict().values()):
            by_doc.setdefault(d, []).append((si, Span(st, en, label, method, conf, value), gaz))
        mentions, entities, aliases = [], {}, []
        self.linker.forget()
        self.linker.prefetch((texts[d], [(span, gaz_id) for _, span, gaz_id in by_doc.get(d, [])]) for d in texts)
        for d in texts:  # document order, whatever order the spans came in
            found = by_doc.get(d, [])
            result = self.linker.link_document(texts[d], [(span, gaz_id) for _, span, gaz_id in found], prefetched=True)
            for eid, row in result.new_entities.items():
                entities.setdefault(eid, dict(row, run_id=run_ids[d], created_at=now))
            for key, (eid, surface) in result.new_aliases.items():
                aliases.append(dict(alias_key=key, entity_id=eid, alias=surface, run_id=run_ids[d], created_at=now))
            # A local unit's mention takes in its place, unless that would make a run-away span.
            absorbed = {place: unit for place, unit in result.absorbed.items()
                        if found[unit][1].end - found[place][1].start <= MAX_ENTITY_CHARS}
            starts = {unit: found[place][1].start for place, unit in absorbed.items()}
            for k, ((si, span, _), link) in enumerate(zip(found, result.links)):
                if k in absorbed:
                    continue
                if k in starts:
                    span = span._replace(start=starts[k])
                days = bounds(span.value) if span.label == "DATE" else None
                mentions.append(
                    dict(
                        mention_id=mention_id(d, span.start, span.end, span.label),
                        run_id=run_ids[d],
                        document_id=d,
                        sentence_index=si,
                        start=span.start,
                        end=span.end,
                        text=texts[d][span.start : span.end],
                        label=span.label,
                        entity_id=link.entity_id,
                        form=link.form if link.entity_id else None,
                        method=span.method,
                        confidence=span.confidence,
                        value=None if span.value == "adjective" else span.value,
                        name=link.name if link.entity_id else None,
                        name_latin=link.latin if link.entity_id else None,
                        latin_method=link.latin_method if link.entity_id else None,
                        date_start=days[0] if days else None,
                        date_end=days[1] if days else None,
                        date_precision=precision(span.value) if days else None,
                    )
                )
        self.linker.store.learn({a["alias_key"]: a["entity_id"] for a in aliases})
        return (
            schema.from_rows(mentions, "entity_mentions"),
            schema.from_rows(list(entities.values()), "entities"),
            schema.from_rows(aliases, "entity_aliases"),
        )


# A made-up sentence whose names take linking down each of its paths: a gazetteer place and
# organisation, a person of the name-part table, an English loanword and a foreign name (the
# English word list).
_WARM_UP_TEXT = "শেখ হাসিনা ঢাকায় বাংলাদেশ ব্যাংকের আবদুর রউফ তালুকদারের সঙ্গে বৈঠক করেন। ফেসবুকে মার্ক গিলেস্পি লেখেন।"
_WARM_UP_NAMES = (("শেখ হাসিনা", "PERSON"), ("ঢাকায়", "LOC"), ("বাংলাদেশ ব্যাংকের", "ORG"),
                  ("আবদুর রউফ তালুকদারের", "PERSON"), ("ফেসবুকে", "ORG"), ("মার্ক গিলেস্পি", "PERSON"))


def warm_up_linking() -> None:
    """Load what linking loads on its first names (the gazetteer and its indexes, the name tables,
    the English word list: about 2 s), by linking a made-up sentence with a linker of its own, so a
    caller can do it while it waits for something else (``khobor run`` waits for its Prefect server)."""
    spans = []
    for name, label in _WARM_UP_NAMES:
        i = _WARM_UP_TEXT.index(name)
        spans.append((Span(i, i + len(name), label, "model", 1.0), None))
    Linker(default_gazetteer()).link_document(_WARM_UP_TEXT, spans)


def _resolve_date_anaphors(found: list[tuple[int, Span, str | None]], published: date | None) -> None:
    """"That day" (এদিন, ওই দিন) takes the last day the document named before it."""
    at = [k for k, (_, s, _) in enumerate(found) if s.label == "DATE"]
    if not any((found[k][1].value or "").startswith(ANAPHOR) for k in at):
        return
    values = resolve_anaphors([found[k][1].value for k in at], published, [found[k][0] for k in at])
    for k, v in zip(at, values):
        si, s, g = found[k]
        found[k] = (si, s._replace(value=v, confidence=s.confidence if v else 0.6), g)


def _revalue_dates(found: list[tuple[int, Span, str | None]], revalue) -> None:
    """The values a document-wide date rule (``date_speech``, ``date_narrative``) gives the
    document's DATE spans, given as (sentence index, span) in text order; None: none changes."""
    at = [k for k, (_, s, _) in enumerate(found) if s.label == "DATE"]
    values = revalue([(found[k][0], found[k][1]) for k in at])
    for k, v in zip(at, values or ()):
        si, s, g = found[k]
        found[k] = (si, s._replace(value=v), g)


def publication_days(docs: pa.Table) -> dict[str, date | None]:
    """The day each document's relative dates count from: the publisher's local day
    (``published_date``) when the batch carries it, else the UTC day of ``published_at``."""
    ids = docs["document_id"].to_pylist()
    if "published_date" in docs.column_names:
        return dict(zip(ids, docs["published_date"].to_pylist()))
    return {d: (p.date() if p is not None else None) for d, p in zip(ids, docs["published_at"].to_pylist())}


def evening_posts(docs: pa.Table) -> set[str]:
    """Documents posted when their publisher posts the next day's print edition (``date_context.evening_edition``)."""
    if "publisher" not in docs.column_names or "published_local_time" not in docs.column_names:
        return set()
    cols = docs.select(["document_id", "publisher", "published_local_time"]).to_pydict().values()
    return {d for d, p, t in zip(*cols) if evening_edition(p, t)}


@functools.lru_cache(maxsize=2)
def extractor_for(model_dir: Path | None) -> EntityExtractor:
    """Gazetteer and rules, plus the NER model at ``model_dir`` (None: rules and gazetteer only).

    Cached per model: loading it takes seconds, and every batch of a process shares it.
    """
    from khobor.transforms.entities.model import load_recogniser, missing_model_warning

    if model_dir is None:
        return EntityExtractor()
    rec = load_recogniser(model_dir)
    if rec is None:
        return EntityExtractor(warnings=[missing_model_warning(model_dir)])
    return EntityExtractor(recognisers=[rec])
