"""``khobor run --full-refresh``: rebuild every derived table from staging, without fetching anything.

For after an upgrade of cleaning, the model or the linking rules: documents, sentences, tokens,
mentions, entities, aliases and near-duplicates are recomputed from the sightings' stored bodies
(each with its source's timezone and language as staged), in the order they were first staged,
with fresh linking. Entity ids come from names, so entities that did not change keep their ids.

The work happens on a copy of the database, which is validated and published from before it
replaces the original in one rename: a refresh that fails leaves the warehouse and the marts
exactly as they were. Running it twice gives the same tables.
"""
from __future__ import annotations

import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.exceptions import TerminationSignal
from prefect.states import Cancelled

from khobor.flows import cancel
from khobor.flows import warehouse_db as wdb
from khobor.flows.lock import warehouse_lock
from khobor.flows.models import mart_names
from khobor.flows.nightly import IO_RETRIES, crashed_warnings, new_run_id, publish, record_run, repair, start_run, validate
from khobor.flows.paths import WarehouseLayout
from khobor.flows.pipeline import BatchLimits, DocumentPipeline
from khobor.flows.pipeline import executor as batch_executor
from khobor.flows.publish import REFRESH_WORK_DB as WORK_DB
from khobor.flows.resources import model_dir as default_model_dir
from khobor.transforms import run_summary, schema
from khobor.transforms.entities.model import describe as describe_model


@task(name="copy-warehouse", **IO_RETRIES)
def copy_warehouse(layout: WarehouseLayout) -> WarehouseLayout:
    if not layout.db.exists():
        raise FileNotFoundError(f"{layout.db} does not exist: there is nothing to refresh")
    work = layout.with_db(WORK_DB)
    work.db.unlink(missing_ok=True)
    shutil.copy2(layout.db, work.db)
    return work


@task(name="read-staging", **IO_RETRIES)
def read_staging(db: Path) -> tuple[list[str], dict]:
    """The sightings with text, oldest first (ids only: their rows are read a batch at a time),
    and when each document was first ingested; the derived tables are emptied so linking and
    near-duplicates start afresh."""
    ids, ingested = wdb.staged_for_refresh(db)
    wdb.clear_derived(db)
    return ids, ingested


@task(name="record-failure", **IO_RETRIES)
def record_failure(db: Path, run_id: str, started_at: datetime, runs_row: dict) -> None:
    """A refresh that was refused leaves its copy behind; its run is recorded in the warehouse kept."""
    wdb.start_run(db, run_id, None, started_at, ["full-refresh"])
    wdb.finish_run(db, run_id, runs_row)


@task(name="swap-in", **IO_RETRIES)
def swap_in(work: WarehouseLayout, layout: WarehouseLayout) -> None:
    work.db.replace(layout.db)


@flow(name="refresh", log_prints=True)
def refresh(warehouse_dir: str, model_dir: str | None = None, workers: int | None = None, dask_address: str | None = None):
    layout = WarehouseLayout.at(warehouse_dir)
    with warehouse_lock(layout.root, "khobor run --full-refresh"):
        return _refresh(layout, Path(model_dir) if model_dir else None, workers, dask_address)


def _refresh(layout: WarehouseLayout, model: Path | None, workers: int | None = None, dask_address: str | None = None):
    now = datetime.now(timezone.utc)
    run_id = new_run_id(now)
    timings: dict[str, float] = {}
    recognisers, warnings = describe_model(model or default_model_dir())
    summary: dict = {"run_id": run_id, "warehouse": str(layout.root), "database": str(layout.db), "marts": str(layout.current),
                     "analytics_db": str(layout.analytics_db), "recognisers": recognisers, "warnings": warnings,
                     "stage_seconds": timings, "full_refresh": True, "sources": {}}

    def timed(stage, fn, *args):
        cancel.checkpoint()
        t0 = time.perf_counter()
        try:
            return fn(*args)
        finally:
            timings[stage] = round(time.perf_counter() - t0, 3)

    if layout.db.exists():
        crashed, fixed = timed("repair", repair, layout, now)  # the marts are published by this run anyway
        warnings += crashed_warnings(crashed, fixed)
    work = timed("copy", copy_warehouse, layout)
    try:
        timed("prepare", start_run, work, run_id, now, ["full-refresh"])
        ids, ingested = timed("read", read_staging, work.db)

        def store(batch: dict[str, pa.Table]) -> dict[str, int]:
            # A document that was there before keeps the time it was first ingested.
            docs = batch["documents"]
            first = pa.array([ingested.get(d, now) for d in docs["document_id"].to_pylist()], type=schema.TS)
            batch["documents"] = docs.set_column(docs.schema.get_field_index("ingested_at"), "ingested_at", first)
            return wdb.store_refreshed(work.db, batch)

        pipeline = DocumentPipeline(work, run_id, now, model, runner=batch_executor(workers, dask_address, model), loader=store)
        try:
            size = BatchLimits().documents
            for i in range(0, len(ids), size):
                pipeline.add(wdb.staged_rows(work.db, ids[i : i + size]))
            timings.update(timed("process", pipeline.close).seconds)
        finally:
            pipeline.shutdown()
        totals = wdb.table_counts(work.db)
        verdict = timed("validate", validate, work.db, run_id)
        release = None
        if verdict.success:
            release, mart_verdict = timed("publish", publish, work, run_id)
            verdict.failures += mart_verdict.failures
            verdict.suites.update(mart_verdict.suites)
        status = "succeeded" if release else "failed"
        counts = {"items_seen": len(ids), "items_new": 0, "duplicates_new": 0, "quarantined_new": 0, "sources_failed": 0,
                  "documents_new": totals["documents"], "sentences_new": totals["sentences"], "tokens_new": totals["tokens"],
                  "mentions_new": totals["entity_mentions"], "entities_new": totals["entities"]}
        summary.update(counts, status=status, validation_success=not verdict.failures, failed_expectations=verdict.failures,
                       release=release, published_marts=mart_names() if release else [])
        report = {"run_id": run_id, "status": status, "full_refresh": True, "failures": verdict.failures,
                  "warnings": verdict.warnings + warnings, "recognisers": recognisers, "suites": verdict.suites,
                  "counts": counts, "sources": {}, "release": release, "stage_seconds": timings}
        runs_row = run_summary.runs_row(status, counts, verdict.failures, release, timings, datetime.now(timezone.utc))
        summary["report"] = str(record_run(work, run_id, schema.empty("source_runs"), runs_row, report, summary))
        if release:
            swap_in(work, layout)
        else:
            record_failure(layout.db, run_id, now, runs_row)
            get_run_logger().error("full refresh %s failed validation (%s); the warehouse is unchanged", run_id, "; ".join(verdict.failures))
        return summary
    except (cancel.RunCancelled, KeyboardInterrupt, TerminationSignal) as exc:
        summary.update(status="cancelled", error=str(exc) or "interrupted", published_marts=[])
        return Cancelled(message=f"full refresh {run_id} cancelled; the warehouse is unchanged", data=summary)
    finally:
        for leftover in (work.db, Path(f"{work.db}.wal")):
            leftover.unlink(missing_ok=True)
