"""Entity extraction for a batch of documents: recognise spans, resolve overlaps, link to entities.

Grains: ``entity_mentions`` one row per mention; ``entities`` one row per canonical entity the batch
refers to (the loader keeps only the ones the warehouse does not know yet).

What this first implementation finds: places and organisations in the gazetteer (CLDR territories
plus khobor's curated list, with Bengali inflections), Latin acronyms, dates, numbers, quantities and
hashtags. Names outside the gazetteer (most people) need the trained model, which plugs in as a
``Recogniser`` whose spans are merged here.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Sequence

import pyarrow as pa

from transforms import tables
from transforms.entities.gazetteer import Gazetteer, default_gazetteer, norm_token
from transforms.entities.rules import acronym_spans, date_spans, hashtag_spans, number_spans
from transforms.entities.types import Recogniser, SentenceView, Span
from transforms.ids import mention_id

# Higher wins when spans overlap; among equals the longer span wins.
_PRIORITY = {"gazetteer": 3, "model": 2, "rule": 1}
_LABEL_PRIORITY = {"DATE": 4, "HASHTAG": 4, "PERSON": 2, "ORG": 2, "LOC": 2, "QUANTITY": 1, "NUMBER": 0}

_MATCH_PUNCT = set("-.&'")


def gazetteer_spans(gaz: Gazetteer, tokens) -> list[tuple[Span, str]]:
    toks = [t for t in tokens if t.kind != "punct" or t.text in _MATCH_PUNCT]
    keys = [norm_token(t.text) for t in toks]
    out = []
    i = 0
    while i < len(toks):
        for n in range(min(gaz.max_len, len(toks) - i), 0, -1):
            entry = gaz.lookup(tuple(keys[i : i + n]))
            if entry is not None and toks[i].kind != "punct" and toks[i + n - 1].kind != "punct":
                out.append((Span(toks[i].start, toks[i + n - 1].end, entry.label, "gazetteer", 0.95), entry.entity_id))
                i += n
                break
        else:
            i += 1
    return out


def resolve_overlaps(spans: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
    ranked = sorted(
        spans,
        key=lambda se: (-_LABEL_PRIORITY.get(se[0].label, 0), -_PRIORITY.get(se[0].method, 0), -(se[0].end - se[0].start), se[0].start),
    )
    kept: list[tuple[Span, str | None]] = []
    for cand in ranked:
        s = cand[0]
        if all(s.end <= k[0].start or s.start >= k[0].end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda se: se[0].start)


class EntityExtractor:
    def __init__(self, gazetteer: Gazetteer | None = None, recognisers: Sequence[Recogniser] = ()):
        self.gazetteer = gazetteer or default_gazetteer()
        self.recognisers = list(recognisers)

    def sentence_spans(self, view: SentenceView, published: date | None, model_spans: list[Span]) -> list[tuple[Span, str | None]]:
        toks = view.tokens
        dates = date_spans(toks, published)
        spans: list[tuple[Span, str | None]] = [(s, None) for s in dates]
        spans += gazetteer_spans(self.gazetteer, toks)
        spans += [(s, None) for s in model_spans]
        spans += [(s, None) for s in hashtag_spans(toks)]
        spans += [(s, None) for s in acronym_spans(toks)]
        spans += [(s, None) for s in number_spans(toks, [(d.start, d.end) for d in dates])]
        return resolve_overlaps(spans)

    def link(self, text: str, span: Span, gaz_id: str | None) -> tuple[str | None, dict | None]:
        """The entity id for a span and, when the entity comes from this span, its row."""
        if span.label in ("DATE", "NUMBER", "QUANTITY"):
            return None, None
        if gaz_id is not None:
            e = self.gazetteer.entries[gaz_id]
            return gaz_id, dict(entity_id=gaz_id, label=e.label, canonical=e.canonical, canonical_latin=e.canonical_latin, source="gazetteer")
        surface = text[span.start : span.end]
        if span.label == "HASHTAG":
            key = (span.value or surface.lstrip("#")).casefold()
            eid = f"tag:{key}"
            return eid, dict(entity_id=eid, label="HASHTAG", canonical=key, canonical_latin=key if key.isascii() else None, source="rule")
        key_entry = self.gazetteer.lookup(tuple(norm_token(w) for w in surface.split()))
        if key_entry is not None:
            e = key_entry
            return e.entity_id, dict(entity_id=e.entity_id, label=e.label, canonical=e.canonical, canonical_latin=e.canonical_latin, source="gazetteer")
        prefix = {"PERSON": "per", "ORG": "org", "LOC": "loc"}[span.label]
        if surface.isascii():
            eid = f"{prefix}:acr-{surface.casefold()}" if span.method == "rule" else f"{prefix}:{surface.casefold().replace(' ', '-')}"
            return eid, dict(entity_id=eid, label=span.label, canonical=surface, canonical_latin=surface, source=span.method)
        eid = f"{prefix}:{surface}"
        return eid, dict(entity_id=eid, label=span.label, canonical=surface, canonical_latin=None, source=span.method)

    def extract_tables(self, docs: pa.Table, sentences: pa.Table, tokens: pa.Table, now: datetime) -> tuple[pa.Table, pa.Table]:
        from transforms.tokens import Token

        texts = dict(zip(docs["document_id"].to_pylist(), docs["text"].to_pylist()))
        run_ids = dict(zip(docs["document_id"].to_pylist(), docs["run_id"].to_pylist()))
        published = {
            d: (p.date() if p is not None else None)
            for d, p in zip(docs["document_id"].to_pylist(), docs["published_at"].to_pylist())
        }
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
            for k, spans in enumerate(rec.recognise([v for _, _, v in views])):
                model_out[k].extend(spans)
        mentions, entities = [], {}
        for (d, si, view), m_spans in zip(views, model_out):
            for span, gaz_id in self.sentence_spans(view, published[d], m_spans):
                eid, erow = self.link(view.text, span, gaz_id)
                if erow is not None and eid not in entities:
                    entities[eid] = dict(erow, run_id=run_ids[d], created_at=now)
                mentions.append(
                    dict(
                        mention_id=mention_id(d, span.start, span.end, span.label),
                        run_id=run_ids[d],
                        document_id=d,
                        sentence_index=si,
                        start=span.start,
                        end=span.end,
                        text=view.text[span.start : span.end],
                        label=span.label,
                        entity_id=eid,
                        method=span.method,
                        confidence=span.confidence,
                        value=span.value,
                    )
                )
        return tables.from_rows(mentions, tables.ENTITY_MENTIONS), tables.from_rows(list(entities.values()), tables.ENTITIES)
