"""The ``nightly`` flow: ingest → clean → tokenize → extract → load → validate → publish.

Tasks hand each other Arrow tables and paths, never connections. Each task's work is a call into
``transforms`` (pure) or ``flows.warehouse_db`` / ``flows.publish`` (I/O). The flow records one row
in ``runs`` per run, with the time each stage took.
"""
from __future__ import annotations

import json
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.runtime import flow_run

from flows import publish as publishing
from flows import warehouse_db as wdb
from flows.paths import WarehouseLayout
from flows.sources.base import Source
from flows.sources.registry import declared_sources, input_source
from flows.validation import Verdict, validate_run
from transforms.documents import SourceDefaults, build_documents, drop_known_documents, quarantine_rows
from transforms.analysis import analyse_documents
from transforms.entities.extract import EntityExtractor
from transforms.staging import stage_items

# I/O tasks retry with backoff; pure stages do not, since a retry would fail the same way.
IO_RETRIES = dict(retries=2, retry_delay_seconds=[2, 8], cache_policy=NONE)
PURE = dict(cache_policy=NONE)


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@task(name="prepare-warehouse", **IO_RETRIES)
def prepare_warehouse(db: Path) -> None:
    wdb.ensure_schema(db)


@task(name="ingest", **IO_RETRIES)
def ingest(sources: list[Source], db: Path, run_id: str) -> tuple[pa.Table, int]:
    """Stage every item not seen before; returns the new sightings and how many items were seen."""
    seen = wdb.known_sightings(db)
    before = len(seen)
    counted = {"n": 0}

    def all_items():
        for src in sources:
            for item in src.items():
                counted["n"] += 1
                yield item

    stg = stage_items(all_items(), run_id, seen)
    get_run_logger().info("ingest: %d items seen, %d new (%d already staged)", counted["n"], stg.num_rows, before and counted["n"] - stg.num_rows)
    return stg, counted["n"]


@task(name="clean", **IO_RETRIES)
def clean(stg: pa.Table, db: Path, run_id: str, defaults: dict[str, SourceDefaults], now: datetime) -> tuple[pa.Table, pa.Table]:
    stg, docs = build_documents(stg, set(), run_id, now, defaults)
    known = wdb.known_document_ids(db, docs["document_id"].to_pylist())
    return drop_known_documents(stg, docs, known)


@task(name="tokenize", **PURE)
def tokenize(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    return analyse_documents(docs)


@task(name="extract", **PURE)
def extract(docs: pa.Table, sentences: pa.Table, tokens: pa.Table, now: datetime) -> tuple[pa.Table, pa.Table]:
    return EntityExtractor().extract_tables(docs, sentences, tokens, now)


@task(name="load", **IO_RETRIES)
def load(db: Path, batch: dict[str, pa.Table]) -> dict[str, int]:
    return wdb.load_batch(db, batch)


@task(name="validate", cache_policy=NONE)
def validate(db: Path, run_id: str) -> Verdict:
    return validate_run(db, run_id)


@task(name="publish", **IO_RETRIES)
def publish(layout: WarehouseLayout, run_id: str) -> tuple[str | None, Verdict]:
    try:
        release, verdict = publishing.publish(layout, run_id)
    except publishing.PublishRefused as refused:
        return None, refused.verdict
    return release.name, verdict


@task(name="rollback", **IO_RETRIES)
def rollback(db: Path, run_id: str) -> None:
    wdb.rollback_run(db, run_id)


def _write_report(layout: WarehouseLayout, run_id: str, report: dict) -> Path:
    path = layout.reports / f"{run_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return path


@flow(name="nightly", log_prints=True)
def nightly(warehouse_dir: str, input_path: str | None = None, timezone_name: str = "UTC") -> dict:
    """Run the pipeline once over the declared sources, or over ``input_path`` when given."""
    layout = WarehouseLayout.at(warehouse_dir)
    now = datetime.now(timezone.utc)
    run_id = new_run_id(now)
    sources = [input_source(input_path, timezone_name)] if input_path else declared_sources()
    defaults = {s.info.id: SourceDefaults(timezone=s.info.timezone, language=s.info.language) for s in sources}
    timings: dict[str, float] = {}

    def timed(stage, fn, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings[stage] = round(time.perf_counter() - t0, 3)

    timed("prepare", prepare_warehouse, layout.db)
    wdb.start_run(layout.db, run_id, flow_run.get_id(), now, [s.info.location for s in sources])
    summary: dict = {"run_id": run_id, "warehouse": str(layout.root), "database": str(layout.db),
                     "marts": str(layout.current), "analytics_db": str(layout.analytics_db)}
    try:
        stg, seen = timed("ingest", ingest, sources, layout.db, run_id)
        stg, docs = timed("clean", clean, stg, layout.db, run_id, defaults, now)
        sentences, tokens = timed("tokenize", tokenize, docs)
        mentions, entities = timed("extract", extract, docs, sentences, tokens, now)
        batch = {
            "stg_documents": stg, "documents": docs, "sentences": sentences, "tokens": tokens,
            "entity_mentions": mentions, "entities": entities, "quarantine": quarantine_rows(stg, now),
        }
        added = timed("load", load, layout.db, batch)
        counts = dict(
            items_seen=seen, items_new=stg.num_rows, documents_new=added.get("documents", 0),
            duplicates_new=sum(1 for s in stg["status"].to_pylist() if s == "duplicate"),
            sentences_new=added.get("sentences", 0), tokens_new=added.get("tokens", 0),
            mentions_new=added.get("entity_mentions", 0), entities_new=added.get("entities", 0),
            quarantined_new=added.get("quarantine", 0),
        )
        summary.update(counts)
        changed = stg.num_rows > 0
        verdict = timed("validate", validate, layout.db, run_id) if changed else Verdict(success=True)
        release, status, failures = None, "unchanged", []
        if not verdict.success:
            timed("rollback", rollback, layout.db, run_id)
            status, failures = "failed", verdict.failures
        elif changed or not layout.current.exists():
            release, mart_verdict = timed("publish", publish, layout, run_id)
            verdict.suites.update(mart_verdict.suites)
            if release is None:
                timed("rollback", rollback, layout.db, run_id)
                status, failures = "failed", mart_verdict.failures
            else:
                status = "succeeded"
        report = _write_report(layout, run_id, {"run_id": run_id, "status": status, "failures": failures,
                                                "warnings": verdict.warnings, "suites": verdict.suites, "counts": counts})
        wdb.finish_run(layout.db, run_id, dict(
            finished_at=datetime.now(timezone.utc), status=status, validation_success=not failures,
            failed_expectations=failures, release=release, stage_seconds=timings, **counts,
        ))
        summary.update(status=status, validation_success=not failures, failed_expectations=failures,
                       release=release, published_marts=list(publishing.MARTS) if release else [],
                       report=str(report), stage_seconds=timings)
        if status == "failed":
            get_run_logger().error("run %s failed validation: %s", run_id, "; ".join(failures))
        return summary
    except Exception as exc:
        # Nothing half-done may stay behind: unvalidated rows would be skipped as "seen" next time.
        wdb.rollback_run(layout.db, run_id)
        wdb.finish_run(layout.db, run_id, dict(finished_at=datetime.now(timezone.utc), status="failed",
                                               validation_success=False, stage_seconds=timings, error=repr(exc)[:2000]))
        raise
