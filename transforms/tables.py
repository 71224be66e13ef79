"""Arrow schemas of the tables the stages hand to each other and load into DuckDB.

They mirror ``warehouse/schema.sql`` column for column (a test checks it), so a stage's output
loads by name with no casting surprises.
"""
from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

STG_DOCUMENTS = pa.schema(
    [
        ("stg_id", pa.string()),
        ("run_id", pa.string()),
        ("source_id", pa.string()),
        ("item_key", pa.string()),
        ("location", pa.string()),
        ("raw_sha256", pa.string()),
        ("raw_bytes", pa.int64()),
        ("media_type", pa.string()),
        ("encoding", pa.string()),
        ("fetched_at", TS),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published_raw", pa.string()),
        ("external_id", pa.string()),
        ("body_text", pa.string()),
        ("status", pa.string()),  # new | duplicate | quarantined
        ("document_id", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
    ]
)

OFFSET_MAP = pa.list_(pa.struct([("clean", pa.int32()), ("raw", pa.int32())]))

DOCUMENTS = pa.schema(
    [
        ("document_id", pa.string()),
        ("run_id", pa.string()),
        ("stg_id", pa.string()),
        ("source_id", pa.string()),
        ("item_key", pa.string()),
        ("external_id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("published_at", TS),
        ("language", pa.string()),
        ("text", pa.string()),
        ("offset_map", OFFSET_MAP),
        ("n_chars", pa.int32()),
        ("n_sentences", pa.int32()),
        ("n_tokens", pa.int32()),
        ("n_mentions", pa.int32()),
        ("ingested_at", TS),
    ]
)

SENTENCES = pa.schema(
    [
        ("document_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("run_id", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("kind", pa.string()),
        ("text", pa.string()),
    ]
)

TOKENS = pa.schema(
    [
        ("document_id", pa.string()),
        ("token_index", pa.int32()),
        ("run_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("value", pa.float64()),
    ]
)

ENTITY_MENTIONS = pa.schema(
    [
        ("mention_id", pa.string()),
        ("run_id", pa.string()),
        ("document_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("label", pa.string()),
        ("entity_id", pa.string()),
        ("form", pa.string()),
        ("method", pa.string()),
        ("confidence", pa.float32()),
        ("value", pa.string()),
    ]
)

ENTITIES = pa.schema(
    [
        ("entity_id", pa.string()),
        ("run_id", pa.string()),
        ("label", pa.string()),
        ("canonical", pa.string()),
        ("canonical_latin", pa.string()),
        ("source", pa.string()),  # gazetteer | model | rule
        ("created_at", TS),
    ]
)

ENTITY_ALIASES = pa.schema(
    [
        ("alias_key", pa.string()),
        ("entity_id", pa.string()),
        ("alias", pa.string()),
        ("run_id", pa.string()),
        ("created_at", TS),
    ]
)

# A quarantine row is the rejected sighting's identity and reason, as staged, plus when.
QUARANTINE = pa.schema(
    [STG_DOCUMENTS.field(n) for n in ("stg_id", "run_id", "source_id", "item_key", "location", "raw_sha256", "raw_bytes", "reason", "detail")]
    + [("quarantined_at", TS)]
)

DOCUMENT_SIGNATURES = pa.schema(
    [
        ("document_id", pa.string()),
        ("run_id", pa.string()),
        ("minhash", pa.list_(pa.uint64())),
        ("bands", pa.list_(pa.int64())),
    ]
)

DOCUMENT_DUPLICATES = pa.schema(
    [
        ("document_id", pa.string()),
        ("duplicate_of", pa.string()),
        ("run_id", pa.string()),
        ("similarity", pa.float64()),
        ("method", pa.string()),
    ]
)

SOURCE_RUNS = pa.schema(
    [
        ("run_id", pa.string()),
        ("source_id", pa.string()),
        ("kind", pa.string()),
        ("started_at", TS),
        ("seconds", pa.float64()),
        ("items_seen", pa.int32()),
        ("items_new", pa.int32()),
        ("documents_new", pa.int32()),
        ("duplicates_new", pa.int32()),
        ("quarantined_new", pa.int32()),
        ("error", pa.string()),
    ]
)

TABLES = {
    "stg_documents": STG_DOCUMENTS,
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "entity_mentions": ENTITY_MENTIONS,
    "entities": ENTITIES,
    "entity_aliases": ENTITY_ALIASES,
    "quarantine": QUARANTINE,
    "document_signatures": DOCUMENT_SIGNATURES,
    "document_duplicates": DOCUMENT_DUPLICATES,
}


def empty(schema: pa.Schema) -> pa.Table:
    return schema.empty_table()


def from_rows(rows: list[dict], schema: pa.Schema) -> pa.Table:
    if not rows:
        return schema.empty_table()
    return pa.Table.from_pylist(rows, schema=schema)
