"""From staged bodies to distinct clean documents.

Grain of the output: one row per distinct document (by whitespace-insensitive clean text).
A staged row whose clean text matches an earlier row of the same batch becomes a ``duplicate``
sighting pointing at that document; ``drop_known_documents`` does the same for documents the
warehouse already holds.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pyarrow as pa
import pyarrow.compute as pc

from khobor.transforms import schema
from khobor.transforms.documents.dates import Published, find_published_in_text, read_published
from khobor.transforms.documents.ids import document_id
from khobor.transforms.text.cleaning import clean_text
from khobor.transforms.text.language import detect_language


def build_documents(stg: pa.Table, run_id: str, now: datetime) -> tuple[pa.Table, pa.Table]:
    """Returns (staging rows with status and document_id settled, new documents). Dates without a
    timezone are read in each sighting's source timezone, and the publisher's local day is the day
    there; the source's default language is the fallback."""
    stg_rows = stg.to_pylist()
    docs = []
    seen: set[str] = set()
    for row in stg_rows:
        if row["status"] != "new":
            continue
        cleaned = clean_text(row["body_text"])
        if not cleaned.text.strip():
            row.update(status="quarantined", reason="empty", detail="no text left after cleaning")
            continue
        doc_id = document_id(cleaned.text)
        row["document_id"] = doc_id
        if doc_id in seen:
            row["status"] = "duplicate"
            continue
        seen.add(doc_id)
        tz = row.get("timezone") or "UTC"
        fetched = row["fetched_at"] or now
        given = read_published(row["published_raw"], tz)
        published = plausible_published(given or find_published_in_text(cleaned.text, tz), fetched)
        if row["published_raw"] and str(row["published_raw"]).strip() and plausible_published(given, fetched) is None:
            _warn(row, _bad_date(row["published_raw"], given))
        docs.append(
            dict(
                document_id=doc_id,
                run_id=run_id,
                stg_id=row["stg_id"],
                source_id=row["source_id"],
                item_key=row["item_key"],
                external_id=row["external_id"],
                url=row["url"],
                title=row["title"],
                published_at=published.at if published else None,
                published_date=published.day if published else None,
                published_precision=published.precision if published else None,
                published_local_time=published.local_time if published else None,
                publisher=row.get("publisher"),
                language=detect_language(cleaned.text, default=row.get("language_default")),
                text=cleaned.text,
                offset_map=[{"clean": c, "raw": r} for c, r in cleaned.offset_map.pairs()],
                n_chars=len(cleaned.text),
                n_sentences=None,
                n_tokens=None,
                n_mentions=None,
                ingested_at=now,
            )
        )
    return schema.from_rows(stg_rows, "stg_documents"), schema.from_rows(docs, "documents")


def with_warnings(stg: pa.Table, docs: pa.Table, by_document: dict[str, str]) -> pa.Table:
    """``stg`` with each warning of ``by_document`` (document id -> warning) added to the sighting
    its document came from."""
    if not by_document:
        return stg
    by_stg = {s: by_document[d] for d, s in zip(docs["document_id"].to_pylist(), docs["stg_id"].to_pylist()) if d in by_document}
    rows = stg.select(["stg_id", "warnings"]).to_pylist()
    for row in rows:
        if row["stg_id"] in by_stg:
            _warn(row, by_stg[row["stg_id"]])
    i = stg.schema.get_field_index("warnings")
    return stg.set_column(i, stg.schema.field(i), pa.array([r["warnings"] for r in rows], type=stg.schema.field(i).type))


def _warn(row: dict, warning: str) -> None:
    row["warnings"] = f"{row['warnings']}; {warning}" if row.get("warnings") else warning


def _bad_date(raw: str, given: Published | None) -> str:
    """Why a date the source gave was not used; the article is kept, undated unless its text has one."""
    shown = raw if len(raw) <= 60 else raw[:59] + "…"
    why = "is not a whole day that can be read" if given is None else f"is before {EARLIEST.year} or after the item was fetched"
    return f"bad-date: {shown!r} {why}"


def quarantine_rows(stg: pa.Table, now: datetime) -> pa.Table:
    q = stg.filter(pc.equal(stg["status"], "quarantined"))
    cols = {name: q[name] for name in schema.arrow("quarantine").names if name in q.column_names}
    cols["quarantined_at"] = pa.array([now] * q.num_rows, type=schema.TS)
    return pa.table(cols).select(schema.arrow("quarantine").names).cast(schema.arrow("quarantine"))


EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
MAX_AHEAD = timedelta(days=2)


def plausible(published: datetime | None, fetched_at: datetime) -> datetime | None:
    """A publication date, or None when it cannot be one: before 1990 or after the item was fetched
    (two days' grace for clocks and timezones). The raw value stays in stg_documents.published_raw."""
    if published is None or published < EARLIEST or published > fetched_at + MAX_AHEAD:
        return None
    return published


def plausible_published(published: Published | None, fetched_at: datetime) -> Published | None:
    return published if published is not None and plausible(published.at, fetched_at) is not None else None


def drop_known_documents(stg: pa.Table, docs: pa.Table, known: set[str]) -> tuple[pa.Table, pa.Table]:
    """Turn sightings of documents the warehouse already holds into duplicates, and drop those documents."""
    if not known:
        return stg, docs
    value_set = pa.array(sorted(known), type=pa.string())
    is_known = pc.fill_null(pc.is_in(stg["document_id"], value_set=value_set), False)
    status = pc.if_else(pc.and_(is_known, pc.equal(stg["status"], "new")), "duplicate", stg["status"])
    stg = stg.set_column(stg.schema.get_field_index("status"), "status", status)
    return stg, docs.filter(pc.invert(pc.is_in(docs["document_id"], value_set=value_set)))


def within_window(stg: pa.Table, docs: pa.Table, since: date | None, until: date | None) -> tuple[pa.Table, pa.Table]:
    """Keep the documents published on local days ``since``..``until`` (inclusive; the local day in
    the source's timezone) and their sightings; undated ones and the rest are left unstaged, so a
    later run still sees them. Rejected sightings stay (they are reported either way)."""
    keep: set[str] = set()
    for d in docs.select(["document_id", "published_date"]).to_pylist():
        day = d["published_date"]
        if day is None:
            continue
        if (since is None or day >= since) and (until is None or day <= until):
            keep.add(d["document_id"])
    value_set = pa.array(sorted(keep), type=pa.string())
    in_window = pc.fill_null(pc.is_in(stg["document_id"], value_set=value_set), False)
    stg = stg.filter(pc.or_(in_window, pc.equal(stg["status"], "quarantined")))
    return stg, docs.filter(pc.is_in(docs["document_id"], value_set=value_set))
