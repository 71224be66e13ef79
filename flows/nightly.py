"""The ``nightly`` flow: ingest → clean → tokenize → extract → load → validate → publish.

Tasks hand each other Arrow tables and paths, never connections. Each task's work is a call into
``khobor.transforms`` (pure) or ``khobor.flows.warehouse_db`` / ``khobor.flows.publish`` (I/O); the
flow only orders them. What the run's numbers and status are is decided by
``khobor.transforms.run_summary``.
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

from khobor.flows import publish as publishing
from khobor.flows import warehouse_db as wdb
from khobor.flows.models import mart_names
from khobor.flows.paths import WarehouseLayout, default_registry
from khobor.flows.resources import commit_fetch_state, entity_extractor, source_context, take_pending_state
from khobor.flows.sources.base import SourceInfo
from khobor.flows.sources.registry import build_source, fetch_settings, input_info, read_registry, select, uses_network
from khobor.flows.validation import Verdict, validate_run
from khobor.transforms import run_summary, schema
from khobor.transforms.chain import DocumentTables, process_documents
from khobor.transforms.documents.build import SourceDefaults, build_documents, drop_known_documents, quarantine_rows
from khobor.transforms.documents.near_duplicates import band_probe, batch_signatures, link_batch
from khobor.transforms.documents.source_stats import source_run_rows
from khobor.transforms.documents.staging import stage_items

# I/O tasks retry with backoff; pure stages do not, since a retry would fail the same way.
IO_RETRIES = dict(retries=2, retry_delay_seconds=[2, 8], cache_policy=NONE)


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@task(name="start-run", **IO_RETRIES)
def start_run(layout: WarehouseLayout, run_id: str, started_at: datetime, inputs: list[str]) -> bool:
    """Schema in place and the run's ``runs`` row written; returns whether marts were published before."""
    wdb.ensure_schema(layout.db)
    wdb.start_run(layout.db, run_id, flow_run.get_id(), started_at, inputs)
    return layout.current.exists()


@task(name="load-recognisers", **IO_RETRIES)
def load_recognisers(model: Path | None) -> tuple[list[str], list[str]]:
    """Load the extractor once per process (tasks reuse it); its recognisers and warnings."""
    extractor = entity_extractor(model)
    return extractor.recogniser_names, list(extractor.warnings)


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
    stg = pa.concat_tables(parts) if parts else schema.empty("stg_documents")
    return stg, stats, take_pending_state(context)


@task(name="clean", **IO_RETRIES)
def clean(stg: pa.Table, db: Path, run_id: str, defaults: dict[str, SourceDefaults], now: datetime) -> tuple[pa.Table, pa.Table]:
    stg, docs = build_documents(stg, run_id, now, defaults)
    known = wdb.known_document_ids(db, docs["document_id"].to_pylist())
    return drop_known_documents(stg, docs, known)


@task(name="near-duplicates", **IO_RETRIES)
def near_duplicates(docs: pa.Table, db: Path) -> tuple[pa.Table, pa.Table]:
    sigs, bands = batch_signatures(docs)
    known_sigs, known_bands = wdb.candidate_signatures(db, band_probe(bands))
    return link_batch(docs, sigs, bands, known_sigs, known_bands)


@task(name="analyse", **IO_RETRIES)
def analyse(docs: pa.Table, db: Path, now: datetime, model: Path | None) -> DocumentTables:
    """Tokenize and extract (the model is loaded once per process and reused)."""
    return process_documents(docs, entity_extractor(model), now, wdb.known_aliases(db))


@task(name="load", **IO_RETRIES)
def load(db: Path, run_id: str, batch: dict[str, pa.Table]) -> dict[str, int]:
    return wdb.load_batch(db, run_id, batch)


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


@task(name="record-crash", **IO_RETRIES)
def record_crash(db: Path, run_id: str, timings: dict[str, float], error: str) -> None:
    # Nothing half-done may stay behind: unvalidated rows would be skipped as "seen" next time.
    wdb.rollback_run(db, run_id)
    wdb.finish_run(db, run_id, dict(finished_at=datetime.now(timezone.utc), status="failed",
                                    validation_success=False, stage_seconds=timings, error=error[:2000]))


@task(name="record-run", **IO_RETRIES)
def record_run(layout: WarehouseLayout, run_id: str, source_rows: pa.Table, runs_row: dict, report: dict) -> Path:
    wdb.record_source_runs(layout.db, source_rows)
    wdb.finish_run(layout.db, run_id, runs_row)
    path = layout.reports / f"{run_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return path


@task(name="plan-sources", cache_policy=NONE)
def plan_sources(input_path: str | None, source_ids: list[str] | None, registry_path: str | None, timezone_name: str):
    """The sources of this run, the folder relative locations are read from, and the fetch policy."""
    if input_path:
        return [input_info(input_path, timezone_name)], Path.cwd(), {}
    registry = Path(registry_path) if registry_path else default_registry()
    infos = select(read_registry(registry), source_ids)
    return infos, registry.resolve().parent, fetch_settings(registry) if uses_network(infos) else {}


@flow(name="nightly", log_prints=True)
def nightly(
    warehouse_dir: str,
    input_path: str | None = None,
    source_ids: list[str] | None = None,
    registry_path: str | None = None,
    timezone_name: str = "UTC",
    model_dir: str | None = None,
) -> dict:
    """Run the pipeline once: over ``input_path`` when given, else the registry's enabled sources
    (or exactly ``source_ids``). ``model_dir``: the NER model (default: $KHOBOR_NER_MODEL or the shipped one)."""
    layout = WarehouseLayout.at(warehouse_dir)
    now = datetime.now(timezone.utc)
    run_id = new_run_id(now)
    infos, base_dir, fetch = plan_sources(input_path, source_ids, registry_path, timezone_name)
    defaults = {i.id: SourceDefaults(timezone=i.timezone, language=i.language) for i in infos}
    model = Path(model_dir) if model_dir else None
    timings: dict[str, float] = {}

    def timed(stage, fn, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings[stage] = round(time.perf_counter() - t0, 3)

    marts_exist = timed("prepare", start_run, layout, run_id, now, [i.id for i in infos])
    summary: dict = {"run_id": run_id, "warehouse": str(layout.root), "database": str(layout.db),
                     "marts": str(layout.current), "analytics_db": str(layout.analytics_db)}
    try:
        recognisers, warnings = timed("load_model", load_recognisers, model)
        summary.update(recognisers=recognisers, warnings=warnings)
        stg, source_stats, fetch_state = timed("ingest", ingest, infos, base_dir, fetch, layout, run_id)
        stg, docs = timed("clean", clean, stg, layout.db, run_id, defaults, now)
        signatures, near_dups = timed("near_duplicates", near_duplicates, docs, layout.db)
        derived = analyse(docs, layout.db, now, model)
        timings.update(derived.seconds)
        batch = {
            "stg_documents": stg, "documents": docs, "sentences": derived.sentences, "tokens": derived.tokens,
            "entity_mentions": derived.mentions, "entities": derived.entities, "entity_aliases": derived.aliases,
            "quarantine": quarantine_rows(stg, now),
            "document_signatures": signatures, "document_duplicates": near_dups,
        }
        added = timed("load", load, layout.db, run_id, batch)
        counts = run_summary.run_counts(source_stats, stg, added)
        summary.update(counts)
        changed = stg.num_rows > 0
        verdict = timed("validate", validate, layout.db, run_id) if changed else Verdict(success=True)
        release = None
        if verdict.success and run_summary.needs_publish(changed, marts_exist):
            release, mart_verdict = timed("publish", publish, layout, run_id)
            verdict.suites.update(mart_verdict.suites)
            verdict.failures += mart_verdict.failures
        status = run_summary.run_status(changed, not verdict.failures, release, marts_exist)
        if status == "failed":
            timed("rollback", rollback, layout.db, run_id)
        else:
            commit_fetch_state(layout, fetch_state)
        failures = verdict.failures
        report = {"run_id": run_id, "status": status, "failures": failures, "warnings": verdict.warnings + summary["warnings"],
                  "recognisers": recognisers, "suites": verdict.suites, "counts": counts}
        report_path = record_run(layout, run_id, source_run_rows(source_stats, stg, rolled_back=status == "failed"),
                                 run_summary.runs_row(status, counts, failures, release, timings, datetime.now(timezone.utc)),
                                 report)
        summary.update(status=status, validation_success=not failures, failed_expectations=failures,
                       release=release, published_marts=mart_names() if release else [],
                       sources=run_summary.source_results(source_stats), report=str(report_path), stage_seconds=timings)
        if status == "failed":
            get_run_logger().error("run %s failed validation: %s", run_id, "; ".join(failures))
        return summary
    except Exception as exc:
        record_crash(layout.db, run_id, timings, repr(exc))
        raise
