"""The document chain: staged items → distinct clean documents → sentences and tokens → entities.

One definition of the order, used by the nightly flow, ``khobor sources check``, ``khobor extract``
and the tests. Stages that need the warehouse (what it already holds) get that knowledge passed
in as data; nothing here does I/O.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import pyarrow as pa

from khobor.transforms import schema
from khobor.transforms.documents.build import build_documents
from khobor.transforms.documents.items import RawItem
from khobor.transforms.documents.staging import SourceDefaults, stage_items
from khobor.transforms.documents.text_tables import analyse_documents
from khobor.transforms.entities.extract import EntityExtractor


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
