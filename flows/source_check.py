"""Dry runs of a source: what it would load, without touching the warehouse."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb

from khobor.flows.resources import entity_extractor, source_context
from khobor.flows.sources.base import SourceInfo
from khobor.flows.sources.registry import build_source
from khobor.transforms.chain import process_items
from khobor.transforms.documents.staging import SourceDefaults


def check_source(info: SourceInfo, base_dir: Path, limit: int = 3, fetch: dict | None = None) -> list[dict]:
    """Preview up to ``limit`` items: title, date, language, first sentence, entities, or the error.

    Raises whatever the source raises when it fails as a whole; the caller shows it.
    """
    now = datetime.now(timezone.utc)
    context = source_context(None, base_dir, fetch)
    items = list(build_source(info, context).items(limit=limit))
    result = process_items(items, "check", now, {info.id: SourceDefaults(info.timezone, info.language, info.publisher, info.max_item_bytes)}, entity_extractor())
    stg, docs, sentences, mentions = result.stg, result.documents, result.tables.sentences, result.tables.mentions
    by_doc = {d: r for d, r in zip(docs["document_id"].to_pylist(), docs.to_pylist())}
    first_sentence = {}
    for d, t in zip(*sentences.select(["document_id", "text"]).to_pydict().values()):
        first_sentence.setdefault(d, t)
    ents: dict[str, list[str]] = {}
    for d, text, label in zip(*mentions.select(["document_id", "text", "label"]).to_pydict().values()):
        if label in ("PERSON", "ORG", "LOC", "DATE"):
            ents.setdefault(d, []).append(f"{text} [{label}]")
    out = []
    for row in stg.to_pylist():
        preview = {"item_key": row["item_key"], "status": row["status"]}
        if row["status"] == "quarantined":
            preview["error"] = f"{row['reason']}: {row['detail']}"
        else:
            doc = by_doc.get(row["document_id"], {})
            preview.update(
                title=row["title"],
                published_at=doc.get("published_at"),
                language=doc.get("language"),
                first_sentence=first_sentence.get(row["document_id"]),
                entities=ents.get(row["document_id"], [])[:12],
            )
        out.append(preview)
    return out


def last_source_runs(db: Path) -> dict[str, dict]:
    """The latest run of each source, with its counts and error, from a warehouse (if any)."""
    if not db.exists():
        return {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.sql(
            """
            SELECT source_id, started_at, items_seen, items_new, documents_new, quarantined_new, error,
                   (SELECT count(*) FROM documents d WHERE d.source_id = s.source_id) AS documents_total
            FROM source_runs s
            QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY started_at DESC) = 1
            """
        ).fetchall()
        cols = ["source_id", "started_at", "items_seen", "items_new", "documents_new", "quarantined_new", "error", "documents_total"]
    except duckdb.CatalogException:
        return {}
    finally:
        con.close()
    return {r[0]: dict(zip(cols, r)) for r in rows}
