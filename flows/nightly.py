"""The ``nightly`` flow: ingest → clean → tokenize → extract → load → validate → publish.

Tasks hand each other Arrow tables and paths, never connections. Each task's work is a call into
``khobor.transforms`` (pure) or ``khobor.flows.warehouse_db`` / ``khobor.flows.publish`` (I/O); the
flow only orders them. What the run's numbers and status are is decided by
``khobor.transforms.run_summary``.

One run at a time per warehouse (``khobor.flows.lock``); a cancel request stops the run at the next
stage boundary with its rows rolled back (``khobor.flows.cancel``).
"""
from __future__ import annotations

import contextlib
import json
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.exceptions import TerminationSignal
from prefect.runtime import flow_run
from prefect.states import Cancelled, Failed

from khobor.flows import cancel, faults, progress
from khobor.flows import publish as publishing
from khobor.flows import warehouse_db as wdb
from khobor.flows.lock import WarehouseLocked, holds
from khobor.flows.models import mart_names
from khobor.flows.paths import WarehouseLayout, default_registry
from khobor.flows.pipeline import BatchLimits, DocumentPipeline
from khobor.flows.pipeline import executor as batch_executor
from khobor.flows.resources import commit_fetch_state, source_context, take_pending_state
from khobor.flows.sources.base import SourceInfo
from khobor.flows.sources.registry import build_source, input_info, read_registry, select, uses_network
from khobor.flows.validation import Verdict, validate_run
from khobor.flows.warehouse_health import WarehouseUnusable, checked_and_locked, explain
from khobor.transforms import run_summary
from khobor.transforms.documents.source_stats import source_run_rows
from khobor.transforms.documents.staging import SourceDefaults, stage_items
from khobor.transforms.entities.model import describe as describe_model

# I/O tasks retry with backoff; pure stages do not, since a retry would fail the same way.
IO_RETRIES = dict(retries=2, retry_delay_seconds=[2, 8], cache_policy=NONE)


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@dataclass
class Plan:
    infos: list[SourceInfo]
    base_dir: Path
    fetch: dict
    config_failures: dict[str, tuple[str, str]]  # source id -> (kind, error): wrong entries that fail alone


@task(name="plan-sources", cache_policy=NONE)
def plan_sources(input_path: str | None, source_ids: list[str] | None, registry_path: str | None, timezone_name: str) -> Plan:
    """The sources of this run, the folder relative locations are read from, and the fetch policy."""
    if input_path:
        return Plan([input_info(input_path, timezone_name)], Path.cwd(), {}, {})
    registry = read_registry(Path(registry_path) if registry_path else default_registry())
    infos, wrong = select(registry, source_ids)
    failures = {sid: (registry.kinds.get(sid, "?"), f"ConfigError: {why}") for sid, why in wrong.items()}
    fetch = {}
    if uses_network(infos):
        if registry.fetch_problem:  # a wrong [fetch] table fails the network sources, not the local ones
            net = [i for i in infos if uses_network([i])]
            failures.update({i.id: (i.kind, f"ConfigError: {registry.fetch_problem}") for i in net})
            infos = [i for i in infos if i not in net]
        fetch = registry.fetch
    return Plan(infos, registry.path.resolve().parent, fetch, failures)


@task(name="start-run", **IO_RETRIES)
def start_run(layout: WarehouseLayout, run_id: str, started_at: datetime, inputs: list[str]) -> tuple[bool, list[str]]:
    """Schema in place, runs left ``running`` by dead processes closed, the run's row written.
    Returns whether marts were published before, and the crashed runs found."""
    wdb.ensure_schema(layout.db)
    crashed = wdb.close_crashed_runs(layout.db, started_at)
    wdb.start_run(layout.db, run_id, flow_run.get_id(), started_at, inputs)
    return layout.current.exists(), crashed


@task(name="repair", **IO_RETRIES)
def repair(layout: WarehouseLayout, started_at: datetime) -> tuple[list[str], publishing.Repair]:
    """Before any work, with the lock held: what killed runs left is put right. Their ``runs`` rows
    are closed as ``crashed`` (their rows rolled back, so their items are retried), their temporary
    files removed, ``analytics.duckdb`` rewritten if it is behind the live release; and whether the
    live marts show the warehouse's last published state is found out (if not, this run publishes
    again, even with nothing new)."""
    wdb.ensure_schema(layout.db)
    crashed = wdb.close_crashed_runs(layout.db, started_at)
    last, published = wdb.published_releases(layout.db)
    return crashed, publishing.repair(layout, last, published)


def crashed_warnings(crashed: list[str], fixed: publishing.Repair) -> list[str]:
    out = [f"run {r} had been left running by a process that no longer exists: marked crashed, its rows rolled back" for r in crashed]
    if fixed.republish:
        out.append(f"republished: {fixed.republish}")
    return out + fixed.warnings()


@task(name="ingest", cache_policy=NONE)
def ingest(plan: Plan, layout: WarehouseLayout, run_id: str, pipeline: DocumentPipeline,
           limits: BatchLimits | None = None) -> tuple[list[dict], dict]:
    """Read every source and stage the items not seen before, handing them to ``pipeline`` in
    batches as they come (so the whole input is never in memory); returns per-source stats and
    the HTTP validators learnt.

    A source that fails as a whole (unreachable feed, missing folder, broken plugin, wrong registry
    entry) is recorded with its error and skipped; the other sources go on. Items it yielded
    before failing are kept.
    """
    limits = limits or BatchLimits()
    seen = wdb.known_sightings(layout.db)
    context = source_context(layout, plan.base_dir, plan.fetch)
    context.known_keys = wdb.known_item_keys(layout.db)
    stats = []
    bar = progress.current().stage("ingest", unit="items")
    for sid, (kind, error) in plan.config_failures.items():
        stats.append(dict(run_id=run_id, source_id=sid, kind=kind, started_at=datetime.now(timezone.utc),
                          items_seen=0, error=error[:2000], seconds=0.0))
        get_run_logger().error("source %s is not usable: %s", sid, error)
    for info in plan.infos:
        cancel.checkpoint()
        t0 = time.perf_counter()
        stat = dict(run_id=run_id, source_id=info.id, kind=info.kind, started_at=datetime.now(timezone.utc), items_seen=0, error=None)
        defaults = {info.id: SourceDefaults(info.timezone, info.language, info.publisher, info.max_item_bytes)}
        items, chars = [], 0
        # Only the source's own errors are the source's: a batch that fails to process or load (or
        # is interrupted) stops the run, it does not make the source "failed".
        for item in _guarded(info, context, stat):
            stat["items_seen"] += 1
            items.append(item)
            chars += len(item.raw)
            bar.advance(1)
            if limits.full(len(items), chars):
                pipeline.add(stage_items(items, run_id, seen, defaults))
                items, chars = [], 0
        pipeline.add(stage_items(items, run_id, seen, defaults))
        stat["seconds"] = round(time.perf_counter() - t0, 3)
        stats.append(stat)
    bar.done()
    return stats, take_pending_state(context)


def _guarded(info, context, stat: dict) -> Iterator:
    """The source's items; an error of the source (a SourceError, or a broken plugin) ends them
    and is recorded in ``stat``: it never fails the other sources."""
    # An error the consumer raises between items happens in its own frame, never in here.
    try:
        yield from build_source(info, context).items()
    except Exception as exc:  # noqa: BLE001 - see the docstring
        stat["error"] = f"{type(exc).__name__}: {exc}"[:2000]
        get_run_logger().error("source %s failed: %s", info.id, stat["error"])


@task(name="validate", cache_policy=NONE)
def validate(db: Path, run_id: str) -> Verdict:
    return validate_run(db, run_id)


@task(name="publish", **IO_RETRIES)
def publish(layout: WarehouseLayout, run_id: str, staging: str | None = None) -> tuple[str | None, Verdict]:
    """``staging``: the run's marts built already (``SpeculativeBuild``); built here when absent (a retry)."""
    try:
        release, verdict = publishing.publish(layout, run_id, staging=Path(staging) if staging else None)
    except publishing.PublishRefused as refused:
        return None, refused.verdict
    return release.name, verdict


def _publish_built(layout: WarehouseLayout, run_id: str, build: publishing.SpeculativeBuild | None) -> tuple[str | None, Verdict]:
    staging = build.result() if build is not None else None
    return publish(layout, run_id, str(staging) if staging else None)


@task(name="rollback", **IO_RETRIES)
def rollback(db: Path, run_id: str) -> None:
    wdb.rollback_run(db, run_id)


@task(name="record-stop", **IO_RETRIES)
def record_stop(db: Path, run_id: str, status: str, timings: dict[str, float], error: str) -> None:
    # Nothing half-done may stay behind: unvalidated rows would be skipped as "seen" next time.
    wdb.rollback_run(db, run_id)
    wdb.finish_run(db, run_id, dict(finished_at=datetime.now(timezone.utc), status=status,
                                    validation_success=False, stage_seconds=timings, error=error[:2000]))


@task(name="record-run", **IO_RETRIES)
def record_run(layout: WarehouseLayout, run_id: str, source_rows: pa.Table, runs_row: dict, report: dict, summary: dict) -> Path:
    wdb.record_source_runs(layout.db, source_rows)
    wdb.finish_run(layout.db, run_id, runs_row)
    path = layout.reports / f"{run_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    create_markdown_artifact(run_summary.markdown(summary, report), key="khobor-run", description=f"khobor run {run_id}")
    return path


@flow(name="nightly", log_prints=True)
def nightly(
    warehouse_dir: str,
    input_path: str | None = None,
    source_ids: list[str] | None = None,
    registry_path: str | None = None,
    timezone_name: str = "UTC",
    model_dir: str | None = None,
    since: date | None = None,
    until: date | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
):
    """Run the pipeline once: over ``input_path`` when given, else the registry's enabled sources
    (or exactly ``source_ids``). ``model_dir``: the NER model (default: $KHOBOR_NER_MODEL or the
    shipped one). ``since``/``until``: only items published on those local days (a backfill).
    ``workers``: prepare batches on a local Dask cluster of that many workers (0: in this
    process; default: a process pool of every core); ``dask_address``: on that Dask cluster."""
    layout = WarehouseLayout.at(warehouse_dir)
    # ``khobor run`` checked the warehouse and holds its lock; a scheduled run (``khobor serve``, a
    # worker) has no CLI in front of it and checks here, as the CLI does, before any work.
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(checked_and_locked(
                layout.root, layout.db, f"flow run {flow_run.get_id() or 'nightly'}",
                on_takeover=lambda h: get_run_logger().warning("took over the lock left by %s (no longer running)", h.describe()),
                on_unchecked=lambda names: get_run_logger().warning("the integrity check ran out of time; not read in full: %s", ", ".join(names)),
                check=not holds(layout.root)))
        except WarehouseLocked as exc:
            return _refused(f"the run did not start: {exc}; the next one will try again", exc)
        except (WarehouseUnusable, OSError) as exc:
            unusable = explain(exc, layout.db)
            if unusable is None:
                raise
            return _refused(f"the run did not start: {unusable}", exc)
        return _run(layout, input_path, source_ids, registry_path, timezone_name, Path(model_dir) if model_dir else None, since, until,
                    workers, dask_address)


def _refused(message: str, exc: BaseException):
    """A run stopped by a warehouse it cannot use: the log and the run's state say so in one line
    (no traceback in the log or the UI); the state's data is the error, which ``khobor run`` explains."""
    get_run_logger().error("%s", message)
    return Failed(message=message, data=exc)


def _run(layout, input_path, source_ids, registry_path, timezone_name, model, since, until, workers=None, dask_address=None):
    now = datetime.now(timezone.utc)
    run_id = new_run_id(now)
    plan = plan_sources(input_path, source_ids, registry_path, timezone_name)
    timings: dict[str, float] = {}

    def timed(stage, fn, *args, **kwargs):
        cancel.checkpoint()
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings[stage] = round(time.perf_counter() - t0, 3)

    crashed, fixed = timed("repair", repair, layout, now)
    marts_exist, _ = timed("prepare", start_run, layout, run_id, now, [*(i.id for i in plan.infos), *plan.config_failures])
    recognisers, warnings = describe_model(model or _default_model())
    warnings += crashed_warnings(crashed, fixed)
    summary: dict = {"run_id": run_id, "warehouse": str(layout.root), "database": str(layout.db),
                     "marts": str(layout.current), "analytics_db": str(layout.analytics_db),
                     "recognisers": recognisers, "warnings": warnings, "stage_seconds": timings}
    if fixed.republish:
        summary["republished"] = fixed.republish
    pipeline = None
    build: publishing.SpeculativeBuild | None = None
    loaded = 0

    def load(batch: dict[str, pa.Table]) -> dict[str, int]:
        nonlocal loaded
        added = wdb.load_batch(layout.db, run_id, batch)
        loaded += 1
        if loaded == 1:
            faults.point("batch-loaded")
        return added

    try:
        pipeline = DocumentPipeline(layout, run_id, now, model, since, until, runner=batch_executor(workers, dask_address, model), loader=load)
        source_stats, fetch_state = timed("ingest", ingest, plan, layout, run_id, pipeline)
        faults.point("ingest")
        totals = timed("process", pipeline.close)
        faults.point("load")
        timings.update(totals.seconds)
        sightings = wdb.run_sightings(layout.db, run_id)
        counts = run_summary.run_counts(source_stats, sightings, totals.added)
        summary.update(counts)
        changed = totals.staged > 0
        all_failed = run_summary.every_source_failed(source_stats)
        stale = fixed.republish is not None
        will_validate = changed and not all_failed
        may_publish = not all_failed and run_summary.needs_publish(changed, marts_exist, stale)
        if will_validate and may_publish:  # built while the run is validated; kept only if it passes
            build = publishing.SpeculativeBuild(layout, run_id)
        verdict = timed("validate", validate, layout.db, run_id) if will_validate else Verdict(success=True)
        faults.point("validate")
        release = None
        if verdict.success and may_publish:
            release, mart_verdict = timed("publish", _publish_built, layout, run_id, build)
            if build is not None:
                timings["build_marts"] = build.seconds  # overlapped validation; "publish" waited for what was left
            verdict.suites.update(mart_verdict.suites)
            verdict.failures += mart_verdict.failures
            faults.point("published")
        elif build is not None:
            build.discard()
        build = None
        status = run_summary.run_status(changed, not verdict.failures, release, marts_exist, all_failed, stale)
        if status in ("failed", "sources_failed"):
            timed("rollback", rollback, layout.db, run_id)
        else:
            commit_fetch_state(layout, fetch_state)
        failures = verdict.failures
        source_rows = source_run_rows(source_stats, sightings, rolled_back=status in ("failed", "sources_failed"))
        summary.update(status=status, validation_success=not failures, failed_expectations=failures,
                       release=release, published_marts=mart_names() if release else [],
                       sources=run_summary.source_results(source_stats))
        report = {"run_id": run_id, "status": status, "failures": failures, "warnings": verdict.warnings + warnings,
                  "recognisers": recognisers, "suites": verdict.suites, "counts": counts,
                  "release": release, "stage_seconds": timings,
                  "sources": run_summary.source_report(source_stats, source_rows)}
        report_path = record_run(layout, run_id, source_rows,
                                 run_summary.runs_row(status, counts, failures, release, timings, datetime.now(timezone.utc)),
                                 report, summary)
        summary["report"] = str(report_path)
        if status == "failed":
            get_run_logger().error("run %s failed validation: %s", run_id, "; ".join(failures))
        elif status == "sources_failed":
            get_run_logger().error("run %s: every source failed; nothing was published", run_id)
        return summary
    except BaseException as exc:
        if build is not None:
            build.discard()
        if stopped_by_signal(exc):
            # Ours (Ctrl-C), or Prefect's SIGTERM bridge (a runner cancelling, or an operator's kill).
            _stop(pipeline)
            why = _why_stopped(exc)
            cancel.say(f"{why}: rolling back run {run_id}")
            record_stop(layout.db, run_id, "cancelled", timings, why)
            summary.update(status="cancelled", validation_success=False, published_marts=[], error=why)
            return Cancelled(message=f"khobor run {run_id} cancelled; its rows were rolled back", data=summary)
        _stop(pipeline)
        record_stop(layout.db, run_id, "failed", timings, f"{type(exc).__name__}: {exc}")
        unusable = explain(exc, layout.db) if isinstance(exc, Exception) else None
        if unusable is not None:  # the disk filled up, another program opened the file...
            return _refused(f"the run stopped (its rows were rolled back): {unusable}", exc)
        raise


_STOPS = (cancel.RunCancelled, KeyboardInterrupt, TerminationSignal)
# pydantic-core reports an exception raised inside a serializer (Prefect serialising a state while
# the signal handler runs) as PydanticSerializationError "Error calling function `f`: Name: message",
# with nothing chained: the stop is known only by its name there.
_STOP_NAMES = "|".join(t.__name__ for t in _STOPS)
_SWALLOWED_STOP = re.compile(rf"Error calling function `[^`]*`: ({_STOP_NAMES}):")


def stopped_by_signal(exc: BaseException) -> bool:
    """Whether the run stopped because it was asked to: our cancel (Ctrl-C), Prefect's SIGTERM
    bridge, or either of them arriving while DuckDB ran a query or Pydantic serialised a state.
    DuckDB runs a signal handler that raises in the middle of a query and replaces what it raised
    with RuntimeError("Query interrupted"), so that error is a stop too."""
    if isinstance(exc, _STOPS):
        return True
    import duckdb
    from pydantic_core import PydanticSerializationError

    if isinstance(exc, PydanticSerializationError) and _SWALLOWED_STOP.search(str(exc)):
        return True
    return isinstance(exc, duckdb.InterruptException) or (isinstance(exc, RuntimeError) and str(exc) == "Query interrupted")


def _why_stopped(exc: BaseException) -> str:
    if isinstance(exc, _STOPS):
        return str(exc) or ("terminated (SIGTERM)" if isinstance(exc, TerminationSignal) else "interrupted")
    swallowed = _SWALLOWED_STOP.search(str(exc))
    if swallowed:
        return "terminated (SIGTERM)" if swallowed.group(1) == "TerminationSignal" else "interrupted"
    return "stopped by a signal during a warehouse query"


def _stop(pipeline: DocumentPipeline | None) -> None:
    if pipeline is not None:
        try:
            pipeline.shutdown()
        except Exception as exc:  # noqa: BLE001 - stopping workers must not hide why the run stopped
            cancel.say(f"stopping the batch workers failed: {exc}")


def _default_model() -> Path:
    from khobor.flows.resources import model_dir

    return model_dir()
