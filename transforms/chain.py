"""The document chain: staged items → distinct clean documents → sentences and tokens → entities.

One definition of the order, used by the nightly flow, ``khobor sources check``, ``khobor extract``
and the tests. Stages that need the warehouse (what it already holds) get that knowledge passed
in as data; nothing here does I/O.

For a run the chain is cut in two: ``prepare_batch`` (clean, tokenize, recognise, MinHash) needs
nothing but the batch, so batches are prepared in parallel, in other processes or on other
machines; ``finish_batch`` (what the warehouse already holds, near-duplicates, entity linking)
is ordered, one batch after another, so ids never depend on the parallelism.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import pyarrow as pa

from khobor.transforms import schema
from khobor.transforms.documents.build import build_documents, drop_known_documents, with_warnings, within_window
from khobor.transforms.documents.items import RawItem
from khobor.transforms.documents.near_duplicates import batch_signatures, link_batch
from khobor.transforms.documents.staging import SourceDefaults, stage_items
from khobor.transforms.documents.text_tables import analyse_documents
from khobor.transforms.entities.extract import EntityExtractor, LinkSession


@dataclass
class DocumentTables:
    """What the chain derives from a batch of documents, with the seconds each stage took."""

    sentences: pa.Table
    tokens: pa.Table
    mentions: pa.Table
    entities: pa.Table
    aliases: pa.Table
    seconds: dict[str, float] = field(default_factory=dict)


def empty_document_tables() -> DocumentTables:
    return DocumentTables(*(schema.empty(t) for t in ("sentences", "tokens", "entity_mentions", "entities", "entity_aliases")))


def process_documents(docs: pa.Table, extractor: EntityExtractor, now: datetime,
                      known_aliases: dict[str, str] | None = None) -> DocumentTables:
    """Sentences, tokens and linked entity mentions of ``docs`` (a ``documents`` table)."""
    t0 = time.perf_counter()
    sentences, tokens = analyse_documents(docs)
    t1 = time.perf_counter()
    mentions, entities, aliases = extractor.extract_tables(docs, sentences, tokens, now, known_aliases)
    t2 = time.perf_counter()
    return DocumentTables(sentences, tokens, mentions, entities, aliases,
                          {"tokenize": round(t1 - t0, 3), "extract": round(t2 - t1, 3)})


@dataclass
class ChainResult:
    stg: pa.Table  # one row per sighting, status settled (new | duplicate | quarantined)
    documents: pa.Table
    tables: DocumentTables


def process_items(items: Iterable[RawItem], run_id: str, now: datetime, defaults: dict[str, SourceDefaults],
                  extractor: EntityExtractor, known_aliases: dict[str, str] | None = None) -> ChainResult:
    """The whole chain for items nothing is known about yet (a dry run, a test, a fresh batch)."""
    stg = stage_items(items, run_id, set(), defaults)
    stg, docs = build_documents(stg, run_id, now)
    return ChainResult(stg, docs, process_documents(docs, extractor, now, known_aliases))


@dataclass
class PreparedBatch:
    """A batch of sightings after the work that needs nothing but the batch."""

    stg: pa.Table  # sightings, status settled within the batch (new | duplicate | quarantined)
    documents: pa.Table  # distinct documents of the batch (within the run window)
    sentences: pa.Table
    tokens: pa.Table
    spans: pa.Table  # recognised spans, not yet linked (``extract.SPANS``)
    signatures: dict  # document id -> MinHash signature
    bands: dict  # document id -> LSH band hashes
    seconds: dict[str, float] = field(default_factory=dict)


def prepare_batch(stg: pa.Table, run_id: str, now: datetime, extractor: EntityExtractor,
                  since=None, until=None) -> PreparedBatch:
    """Clean, tokenize, recognise and sign one batch of staged sightings (pure; parallel-safe)."""
    t0 = time.perf_counter()
    stg, docs = build_documents(stg, run_id, now)
    if since or until:
        stg, docs = within_window(stg, docs, since, until)
    t1 = time.perf_counter()
    sentences, tokens = analyse_documents(docs)
    t2 = time.perf_counter()
    spans, failed = extractor.find_spans(docs, sentences, tokens)
    stg = with_warnings(stg, docs, failed)  # kept, text and tokens and all, without entities
    t3 = time.perf_counter()
    sigs, bands = batch_signatures(docs)
    t4 = time.perf_counter()
    return PreparedBatch(stg, docs, sentences, tokens, spans, sigs, bands,
                         {"clean": t1 - t0, "tokenize": t2 - t1, "extract": t3 - t2, "near_duplicates": t4 - t3})


@dataclass
class FinishedBatch:
    stg: pa.Table
    documents: pa.Table
    signatures: pa.Table  # document_signatures rows
    duplicates: pa.Table  # document_duplicates rows
    tables: DocumentTables


def finish_batch(prepared: PreparedBatch, known_documents: set[str], known_signatures: tuple[dict, dict],
                 session: LinkSession, now: datetime) -> FinishedBatch:
    """The ordered half: documents the warehouse already holds become duplicate sightings and are
    dropped with everything derived from them; near-duplicates are found against the stored
    candidates (``known_signatures``: signatures and bands sharing a band with the batch); the
    remaining spans are linked by ``session``, which carries what earlier batches learnt."""
    t0 = time.perf_counter()
    stg, docs = drop_known_documents(prepared.stg, prepared.documents, known_documents)
    keep = set(docs["document_id"].to_pylist())
    sentences, tokens, spans = (_only(t, keep) for t in (prepared.sentences, prepared.tokens, prepared.spans))
    sigs = {d: v for d, v in prepared.signatures.items() if d in keep}
    bands = {d: v for d, v in prepared.bands.items() if d in keep}
    sig_rows, dups = link_batch(docs, sigs, bands, *known_signatures)
    t1 = time.perf_counter()
    mentions, entities, aliases = session.link(docs, spans, now)
    t2 = time.perf_counter()
    seconds = dict(prepared.seconds)
    seconds["near_duplicates"] = seconds.get("near_duplicates", 0.0) + t1 - t0
    seconds["link"] = t2 - t1
    return FinishedBatch(stg, docs, sig_rows, dups, DocumentTables(sentences, tokens, mentions, entities, aliases, seconds))


def _only(table: pa.Table, document_ids: set[str]) -> pa.Table:
    if table.num_rows == 0:
        return table
    import pyarrow.compute as pc

    return table.filter(pc.is_in(table["document_id"], value_set=pa.array(sorted(document_ids), type=pa.string())))
