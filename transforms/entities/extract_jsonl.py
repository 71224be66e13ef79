"""``khobor extract``: JSONL records in, entity mentions out, offsets into the text as given.

Input lines: ``{"id", "text"}`` (optionally ``published_at`` or ``date``, used to resolve relative
dates). Output lines: ``{"id", "entities": [{"start", "end", "text", "label", "entity_id",
"canonical", "canonical_latin", "value"}]}``, or ``{"id", "error"}`` for a line that cannot be used.
Records are processed in batches (the model runs on many sentences at once), and entity ids are
consistent across the whole stream: a later record finds an entity by any form seen earlier.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Iterable, Iterator

import pyarrow as pa

from transforms import tables
from transforms.analysis import analyse_documents
from transforms.cleaning import clean_text
from transforms.dates import parse_published
from transforms.entities.extract import EntityExtractor

BATCH_SENTENCES = 2000


def extract_records(lines: Iterable[str], extractor: EntityExtractor, batch_sentences: int = BATCH_SENTENCES) -> Iterator[str]:
    aliases: dict[str, str] = {}
    names: dict[str, tuple[str, str | None]] = {}
    batch: list[tuple[object, str | None, dict]] = []  # (id, error, parsed)
    pending_sentences = 0
    for line in lines:
        if not line.strip():
            continue
        parsed, error, rid = _parse(line)
        batch.append((rid, error, parsed))
        if parsed is not None:
            pending_sentences += parsed["text"].count("\n") + parsed["text"].count("।") + 1
        if pending_sentences >= batch_sentences:
            yield from _run(batch, extractor, aliases, names)
            batch, pending_sentences = [], 0
    if batch:
        yield from _run(batch, extractor, aliases, names)


def _parse(line: str):
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg} at column {exc.colno}", None
    if not isinstance(rec, dict):
        return None, "a record must be a JSON object", None
    rid, text = rec.get("id"), rec.get("text")
    if not isinstance(text, str):
        return None, "missing text" if text is None else f"text must be a string, not {type(text).__name__}", rid
    published = rec.get("published_at") or rec.get("date")
    return {"text": text, "published": parse_published(str(published)) if published else None}, None, rid


def _run(batch, extractor: EntityExtractor, aliases: dict, names: dict) -> Iterator[str]:
    now = datetime.now(timezone.utc)
    cleaned, rows = {}, []
    for k, (rid, error, parsed) in enumerate(batch):
        if parsed is None:
            continue
        c = clean_text(parsed["text"])
        cleaned[f"r{k}"] = c
        rows.append(dict(document_id=f"r{k}", run_id="extract", text=c.text, published_at=parsed["published"]))
    schema = pa.schema([tables.DOCUMENTS.field(n) for n in ("document_id", "run_id", "text", "published_at")])
    docs = pa.Table.from_pylist(rows, schema=schema) if rows else None
    by_doc: dict[str, list[dict]] = {}
    if docs is not None:
        sentences, tokens = analyse_documents(docs)
        mentions, entities, new_aliases = extractor.extract_tables(docs, sentences, tokens, now, aliases)
        for eid, canonical, latin in zip(*entities.select(["entity_id", "canonical", "canonical_latin"]).to_pydict().values()):
            names.setdefault(eid, (canonical, latin))
        aliases.update(zip(new_aliases["alias_key"].to_pylist(), new_aliases["entity_id"].to_pylist()))
        for m in mentions.to_pylist():
            by_doc.setdefault(m["document_id"], []).append(m)
    for k, (rid, error, parsed) in enumerate(batch):
        if parsed is None:
            yield _dumps({"id": rid, "error": error})
            continue
        raw, omap = parsed["text"], cleaned[f"r{k}"].offset_map
        ents = []
        for m in by_doc.get(f"r{k}", []):
            a, b = omap.span_to_raw(m["start"], m["end"])
            canonical, latin = names.get(m["entity_id"], (None, None)) if m["entity_id"] else (None, None)
            ents.append(dict(start=a, end=b, text=raw[a:b], label=m["label"], entity_id=m["entity_id"],
                             canonical=canonical, canonical_latin=latin, value=m["value"]))
        yield _dumps({"id": rid, "entities": ents})


def _dumps(obj) -> str:
    try:
        return json.dumps(obj, ensure_ascii=False)
    except UnicodeEncodeError:
        return json.dumps(obj)
