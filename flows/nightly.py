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
from flows.resources import commit_fetch_state, source_context, take_pending_state
from flows.sources.base import SourceInfo
from flows.sources.registry import DEFAULT_REGISTRY, build_source, fetch_settings, input_info, read_registry, select
from flows.validation import Verdict, validate_run
from transforms.documents import SourceDefaults, build_documents, drop_known_documents, quarantine_rows
from transforms.analysis import analyse_documents
from transforms.entities.extract import default_extractor
from transforms.near_duplicates import band_probe, batch_signatures, link_batch
from transforms.source_stats import source_run_rows
from transforms.staging import stage_items
from transforms import tables

# I/O tasks retry with backoff; pure stages do not, since a retry would fail the same way.
IO_RETRIES = dict(retries=2, retry_delay_seconds=[2, 8], cache_policy=NONE)
PURE = dict(cache_policy=NONE)


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@task(name="prepare-warehouse", **IO_RETRIES)
def prepare_warehouse(db: Path) -> None:
    wdb.ensure_schema(db)


@task(name="ingest", **IO_RETRIES)
def ingest(infos: list[SourceInfo], base_dir: Path, fetch: dict, layout: WarehouseLayout, run_id: str) -> tuple[pa.Table, list[dict], dict]:
    """Stage every item not seen before, source by source; also returns the HTTP validators learnt.

    A source that fails as a whole (unreachable feed, missing folder, broken plugin) is recorded
    with its error and skipped; the other sources go on. Items it yielded before failing are kept.
    """
    seen = wdb.known_sightings(layout.db)
    context = source_context(layout, base_dir, fetch)
    context.known_keys = wdb.known_item_keys(layout.db)
    parts, stats = [], []
    for info in infos:
        t0 = time.perf_counter()
        stat = dict(run_id=run_id, source_id=info.id, kind=info.kind, started_at=datetime.now(timezone.utc), items_seen=0, error=None)
        items = []
        try:
            for item in build_source(info, context).items():
                stat["items_seen"] += 1
                items.append(item)
        except Exception as exc:  # noqa: BLE001 - a SourceError, or a broken plugin: never fails the others
            stat["error"] = f"{type(exc).__name__}: {exc}"[:2000]
            get_run_logger().error("source %s failed: %s", info.id, stat["error"])
        parts.append(stage_items(items, run_id, seen))
        stat["seconds"] = round(time.perf_counter() - t0, 3)
        stats.append(stat)
    stg = pa.concat_tables(parts) if parts else tables.empty(tables.STG_DOCUMENTS)
    return stg, stats, take_pending_state(context)


@task(name="clean", **IO_RETRIES)
def clean(stg: pa.Table, db: Path, run_id: str, defaults: dict[str, SourceDefaults], now: datetime) -> tuple[pa.Table, pa.Table]:
    stg, docs = build_documents(stg, set(), run_id, now, defaults)
    known = wdb.known_document_ids(db, docs["document_id"].to_pylist())
    return drop_known_documents(stg, docs, known)


@task(name="near-duplicates", **IO_RETRIES)
def near_duplicates(docs: pa.Table, db: Path) -> tuple[pa.Table, pa.Table]:
    sigs, bands = batch_signatures(docs)
    known_sigs, known_bands = wdb.candidate_signatures(db, band_probe(bands))
    return link_batch(docs, sigs, bands, known_sigs, known_bands)


@task(name="tokenize", **PURE)
def tokenize(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    return analyse_documents(docs)


@task(name="extract", **IO_RETRIES)
def extract(docs: pa.Table, sentences: pa.Table, tokens: pa.Table, db: Path, now: datetime) -> tuple[pa.Table, pa.Table, pa.Table]:
    return default_extractor().extract_tables(docs, sentences, tokens, now, wdb.known_aliases(db))


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
def nightly(
    warehouse_dir: str,
    input_path: str | None = None,
    source_ids: list[str] | None = None,
    registry_path: str | None = None,
    timezone_name: str = "UTC",
) -> dict:
    """Run the pipeline once: over ``input_path`` when given, else the registry's enabled sources
    (or exactly ``source_ids``)."""
    layout = WarehouseLayout.at(warehouse_dir)
    now = datetime.now(timezone.utc)
    run_id = new_run_id(now)
    if input_path:
        infos, base_dir, fetch = [input_info(input_path, timezone_name)], Path.cwd(), {}
    else:
        registry = Path(registry_path) if registry_path else DEFAULT_REGISTRY
        infos, base_dir = select(read_registry(registry), source_ids), registry.resolve().parent
        fetch = fetch_settings(registry) if any(i.kind in ("rss", "web") for i in infos) else {}
    defaults = {i.id: SourceDefaults(timezone=i.timezone, language=i.language) for i in infos}
    timings: dict[str, float] = {}

    def timed(stage, fn, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings[stage] = round(time.perf_counter() - t0, 3)

    timed("prepare", prepare_warehouse, layout.db)
    wdb.start_run(layout.db, run_id, flow_run.get_id(), now, [i.id for i in infos])
    summary: dict = {"run_id": run_id, "warehouse": str(layout.root), "database": str(layout.db),
                     "marts": str(layout.current), "analytics_db": str(layout.analytics_db)}
    try:
        stg, source_stats, fetch_state = timed("ingest", ingest, infos, base_dir, fetch, layout, run_id)
        seen = sum(st["items_seen"] for st in source_stats)
        stg, docs = timed("clean", clean, stg, layout.db, run_id, defaults, now)
        signatures, near_dups = timed("near_duplicates", near_duplicates, docs, layout.db)
        sentences, tokens = timed("tokenize", tokenize, docs)
        mentions, entities, aliases = timed("extract", extract, docs, sentences, tokens, layout.db, now)
        batch = {
            "stg_documents": stg, "documents": docs, "sentences": sentences, "tokens": tokens,
            "entity_mentions": mentions, "entities": entities, "entity_aliases": aliases,
            "quarantine": quarantine_rows(stg, now),
            "document_signatures": signatures, "document_duplicates": near_dups,
        }
        added = timed("load", load, layout.db, batch)
        counts = dict(
            items_seen=seen, items_new=stg.num_rows, documents_new=added.get("documents", 0),
            duplicates_new=sum(1 for s in stg["status"].to_pylist() if s == "duplicate"),
            sentences_new=added.get("sentences", 0), tokens_new=added.get("tokens", 0),
            mentions_new=added.get("entity_mentions", 0), entities_new=added.get("entities", 0),
            quarantined_new=added.get("quarantine", 0), near_duplicates_new=added.get("document_duplicates", 0),
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
        wdb.record_source_runs(layout.db, source_run_rows(source_stats, stg, rolled_back=status == "failed"))
        if status != "failed":
            commit_fetch_state(layout, fetch_state)
        summary["sources"] = {st["source_id"]: st["error"] or "ok" for st in source_stats}
        report = _write_report(layout, run_id, {"run_id": run_id, "status": status, "failures": failures,
                                                "warnings": verdict.warnings, "suites": verdict.suites, "counts": counts})
        wdb.finish_run(layout.db, run_id, dict(
            finished_at=datetime.now(timezone.utc), status=status, validation_success=not failures,
            failed_expectations=failures, release=release, stage_seconds=timings,
            **{k: v for k, v in counts.items() if k != "near_duplicates_new"},
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
