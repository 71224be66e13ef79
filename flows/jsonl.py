"""``khobor tokenize`` and ``khobor extract``: JSONL records in, JSONL out, offsets into each text as given.

Input lines are ``{"id", "text"}`` (``extract`` also reads ``published_at`` or ``date``, to resolve
relative dates from the day as written, and ``publisher`` or ``paper``, whose evening posts may be
the next day's print edition). A line that cannot be used gives ``{"id", "error"}``,
never a crash.

- ``tokenize_records`` yields ``{"id", "sentences": [{"start", "end", "kind"}], "tokens": [{"start",
  "end", "kind", "text"}]}``.
- ``extract_records`` yields ``{"id", "entities": [{"start", "end", "text", "label", "entity_id",
  "canonical", "canonical_latin", "value", "form", "name", "name_latin", "latin_method",
  "date_precision"}]}`` (``form``: name, acronym, or adjective for a country adjective such as
  রুশ). Records go through the document chain in batches (the model runs on many sentences at
  once), and entity ids are consistent across the whole stream: a later record finds an entity by
  any form seen earlier.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

import pyarrow as pa

from khobor.transforms import schema
from khobor.transforms.chain import process_documents
from khobor.transforms.documents.dates import parse_published, read_published
from khobor.transforms.entities.extract import EntityExtractor
from khobor.transforms.text.analysis import analyse
from khobor.transforms.text.cleaning import Cleaned, clean_text

BATCH_SENTENCES = 2000
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Record:
    id: object
    text: str | None = None
    published: datetime | None = None
    error: str | None = None
    day: date | None = None  # the writer's calendar day, which relative dates count from
    local_time: time | None = None  # the time of day as written, when one was
    publisher: str | None = None


def local_day(raw: str, published: datetime | None) -> date | None:
    """The calendar day as written: 2024-08-13T00:30+06:00 is the 13th, though 18:30 UTC on the
    12th. Values without an offset are their own day."""
    try:
        return datetime.fromisoformat(raw.strip()).date()
    except ValueError:
        return published.date() if published else None


def local_time(raw: str) -> time | None:
    """The time of day as written (00:30 of 2024-08-13T00:30+06:00), None when only a day was given."""
    try:
        written = datetime.fromisoformat(raw.strip())
        return written.time() if len(raw.strip()) > 10 else None
    except ValueError:
        found = read_published(raw)  # a naive value is read in UTC, so its time is as written
        return found.local_time if found else None


def parse_record(line: str) -> Record:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return Record(None, error=f"invalid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(rec, dict):
        return Record(None, error="a record must be a JSON object")
    rid, text = rec.get("id"), rec.get("text")
    if not isinstance(text, str):
        return Record(rid, error="missing text" if text is None else f"text must be a string, not {type(text).__name__}")
    raw = rec.get("published_at") or rec.get("date")
    published = parse_published(str(raw)) if raw else None
    publisher = rec.get("publisher") or rec.get("paper")
    return Record(rid, text, published, day=local_day(str(raw), published) if raw else None,
                  local_time=local_time(str(raw)) if raw else None, publisher=str(publisher) if publisher else None)


def dumps(obj) -> str:
    """One JSON line; a lone surrogate (from undecodable input bytes) is written as an escape,
    since it cannot be written as UTF-8."""
    line = json.dumps(obj, ensure_ascii=False)
    return json.dumps(obj) if _SURROGATE.search(line) else line


def _records(lines: Iterable[str]) -> Iterator[Record]:
    for line in lines:
        if line.strip():
            yield parse_record(line)


def tokenize_records(lines: Iterable[str]) -> Iterator[str]:
    for rec in _records(lines):
        if rec.error:
            yield dumps({"id": rec.id, "error": rec.error})
            continue
        try:
            result = analyse(rec.text)
            yield dumps({
                "id": rec.id,
                "sentences": [{"start": s.start, "end": s.end, "kind": s.kind} for s in result.raw_sentences()],
                "tokens": [{"start": t.start, "end": t.end, "kind": t.kind, "text": t.text} for t in result.raw_tokens(rec.text)],
            })
        except Exception as exc:  # noqa: BLE001 - one bad record must not end the stream
            yield dumps({"id": rec.id, "error": f"{type(exc).__name__}: {exc}"})


def extract_records(lines: Iterable[str], extractor: EntityExtractor, batch_sentences: int = BATCH_SENTENCES) -> Iterator[str]:
    aliases: dict[str, str] = {}
    names: dict[str, tuple[str, str | None]] = {}
    batch: list[Record] = []
    pending_sentences = 0
    for rec in _records(lines):
        batch.append(rec)
        if rec.text is not None:
            pending_sentences += rec.text.count("\n") + rec.text.count("।") + 1
        if pending_sentences >= batch_sentences:
            yield from _extract_batch(batch, extractor, aliases, names)
            batch, pending_sentences = [], 0
    if batch:
        yield from _extract_batch(batch, extractor, aliases, names)


_DOC_FIELDS = ("document_id", "run_id", "text", "published_at", "published_date", "publisher", "published_local_time")


def _extract_batch(batch: list[Record], extractor: EntityExtractor, aliases: dict, names: dict) -> Iterator[str]:
    now = datetime.now(timezone.utc)
    cleaned: dict[str, Cleaned] = {}
    rows = []
    for k, rec in enumerate(batch):
        if rec.error is None:
            cleaned[f"r{k}"] = c = clean_text(rec.text)
            rows.append(dict(document_id=f"r{k}", run_id="extract", text=c.text, published_at=rec.published,
                             published_date=rec.day, publisher=rec.publisher, published_local_time=rec.local_time))
    by_doc: dict[str, list[dict]] = {}
    if rows:
        fields = [schema.arrow("documents").field(n) for n in _DOC_FIELDS]
        docs = pa.Table.from_pylist(rows, schema=pa.schema(fields))
        out = process_documents(docs, extractor, now, aliases)
        for eid, canonical, latin in zip(*out.entities.select(["entity_id", "canonical", "canonical_latin"]).to_pydict().values()):
            names.setdefault(eid, (canonical, latin))
        aliases.update(zip(out.aliases["alias_key"].to_pylist(), out.aliases["entity_id"].to_pylist()))
        for m in out.mentions.to_pylist():
            by_doc.setdefault(m["document_id"], []).append(m)
    for k, rec in enumerate(batch):
        if rec.error is not None:
            yield dumps({"id": rec.id, "error": rec.error})
            continue
        omap = cleaned[f"r{k}"].offset_map
        ents = []
        for m in by_doc.get(f"r{k}", []):
            a, b = omap.span_to_raw(m["start"], m["end"])
            canonical, latin = names.get(m["entity_id"], (None, None)) if m["entity_id"] else (None, None)
            ents.append(dict(start=a, end=b, text=rec.text[a:b], label=m["label"], entity_id=m["entity_id"],
                             canonical=canonical, canonical_latin=latin, value=m["value"], form=m["form"],
                             name=m["name"], name_latin=m["name_latin"], latin_method=m["latin_method"],
                             date_precision=m["date_precision"]))
        yield dumps({"id": rec.id, "entities": ents})
