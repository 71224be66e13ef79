"""Stage raw items: hash them, decode and extract their bodies, and mark the ones to reject."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa

from khobor.transforms import schema
from khobor.transforms.documents.ids import sha256_hex, staging_id
from khobor.transforms.documents.items import DEFAULT_MAX_ITEM_BYTES, RawItem, Rejected, extract_body, scrub_surrogates

# An error's text goes into ``detail``; bounded, so no article ends up in an error message.
MAX_DETAIL_CHARS = 300


@dataclass(frozen=True)
class SourceDefaults:
    timezone: str = "UTC"
    language: str | None = None  # used when detection is not confident
    publisher: str | None = None  # the registry's publisher: what a record that names none was published by
    max_item_bytes: int = DEFAULT_MAX_ITEM_BYTES  # bigger items are quarantined as too-large


def stage_items(items: Iterable[RawItem], run_id: str, seen: set[str], defaults: dict[str, SourceDefaults] | None = None) -> pa.Table:
    """One row per raw item not seen before (by source, key and content hash).

    Rejected items stay in the table with ``status='quarantined'`` and the reason, so nothing a
    source handed over is lost silently; that includes items over the source's size cap
    (``too-large``). Repairs made to kept items are listed in ``warnings``. Each row keeps its source's defaults (timezone, language)
    and its publisher (the record's own, else the source's), so documents can be rebuilt from
    staging alone.
    """
    defaults = defaults or {}
    rows = []
    for item in items:
        raw_sha = sha256_hex(item.raw)
        key = scrub_surrogates(item.item_key)[0]  # a JSON id may carry one: ids are hashed as UTF-8
        sid = staging_id(item.source_id, key, raw_sha)
        if sid in seen:
            continue
        seen.add(sid)  # the same item twice in one batch is one sighting
        source = defaults.get(item.source_id, SourceDefaults())
        row = dict(
            stg_id=sid,
            run_id=run_id,
            source_id=item.source_id,
            item_key=key,
            location=scrub_surrogates(item.location)[0],
            raw_sha256=raw_sha,
            raw_bytes=item.size if item.size is not None else len(item.raw),
            media_type=item.media_type,
            fetched_at=item.fetched_at,
            title=item.title,
            url=item.url,
            published_raw=item.published_raw,
            external_id=item.external_id,
            document_id=None,
            timezone=source.timezone,
            language_default=source.language,
            publisher=source.publisher,
            warnings=None,
        )
        try:
            if row["raw_bytes"] > source.max_item_bytes and item.error is None:
                raise Rejected("too-large", f"{row['raw_bytes']} bytes, over the {source.max_item_bytes}-byte cap per item (max_item_bytes)")
            body = extract_body(item)
        except Rejected as exc:
            row.update(encoding=None, body_text=None, status="quarantined", reason=exc.reason, detail=_bounded(exc.detail))
        except Exception as exc:  # noqa: BLE001 - one item must never sink the batch
            row.update(encoding=None, body_text=None, status="quarantined", reason="extract-error",
                       detail=_bounded(f"{type(exc).__name__}: {exc}"))
        else:
            row.update(
                encoding=body.encoding,
                title=body.title,
                url=body.url,
                published_raw=body.published_raw,
                external_id=body.external_id,
                publisher=body.publisher or source.publisher,
                body_text=body.text,
                status="new",
                reason=None,
                detail=None,
                warnings="; ".join(_bounded(w) for w in body.warnings) or None,
            )
        for name in ("title", "url", "published_raw", "external_id", "publisher"):
            # Whatever a source or parser handed over must be storable as UTF-8.
            if isinstance(row[name], str):
                row[name] = scrub_surrogates(row[name])[0]
        rows.append(row)
    return schema.from_rows(rows, "stg_documents")


def _bounded(text: str) -> str:
    return text if len(text) <= MAX_DETAIL_CHARS else text[: MAX_DETAIL_CHARS - 1] + "…"
