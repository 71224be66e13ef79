"""Publishing marts: build a release folder, validate it, swap it in atomically.

Models are the ``*.sql`` files of ``warehouse/models`` (see ``khobor.flows.models``): ``int_*`` ones
are intermediate views that marts share (computed once, never published); every other file is a
mart, written as ``<name>.parquet`` or, when its YAML says ``partition_by``, as a folder of hive
partitions. A model may select from any other by name; they are built in dependency order, and a
mart read by a later model is read back from its files.

Layout under ``<warehouse>/marts``: ``releases/<run_id>/`` (the marts and ``_release.parquet``, the
release's manifest) and ``current``, a relative symlink to the live release that is replaced with
one ``rename``. The newest ``KEEP_RELEASES`` releases are kept, older ones pruned.

``analytics.duckdb`` holds one view per mart over ``marts/current/...``, a path relative to the
warehouse folder, with the mart's documentation as COMMENTs. So a copied or moved warehouse works
(readers resolve the paths against the warehouse folder: ``khobor sql`` does, other clients run
from that folder or ``SET file_search_path``), and a reader that stays open across publishes reads
each new release as soon as it is live, whatever has been pruned. The file is written in DuckDB's
``v1.0.0`` storage format, which every DuckDB from 1.0 on opens, rebuilt beside the old one and
renamed over it: analysts never hold the writer's lock.

Every step is atomic as far as the filesystem allows: the release is built in
``releases/.building-<run_id>`` (files fsynced), validated, renamed into place, and ``current`` is
swapped with one ``rename``; ``analytics.duckdb`` is written to a temporary file and renamed. A run
killed between two steps leaves either the old state or the new one plus temporary files, and the
next run repairs it before any work (``repair``): it removes the temporary files, publishes again when
the live release is not the one the warehouse last published (the manifest names the run that
built it; ``runs`` names the last run that published), and rewrites ``analytics.duckdb`` when it is
missing, unreadable, lacks a mart's view or is older than the live release.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from khobor.flows import faults
from khobor.flows.models import Model, mart_models, marts
from khobor.flows.paths import WarehouseLayout
from khobor.flows.validation import Verdict, validate_release
from khobor.flows.warehouse_db import bound_memory, connect, duckdb_config

KEEP_RELEASES = 3
# The oldest storage format DuckDB 2 writes: every 1.x client (and 2.x) opens it.
ANALYTICS_STORAGE_VERSION = "v1.0.0"
MANIFEST = "_release.parquet"
CURRENT = "marts/current"  # as the analytics views name it, relative to the warehouse folder
REFRESH_WORK_DB = ".khobor.refresh.duckdb"  # the copy a full refresh works on (khobor.flows.refresh)


class BuildStopped(Exception):
    """A speculative build was told to stop (the run will not publish)."""


class PublishRefused(RuntimeError):
    def __init__(self, verdict: Verdict):
        super().__init__("marts failed validation: " + "; ".join(verdict.failures))
        self.verdict = verdict


def _sql_path(path: Path | str) -> str:
    return str(path).replace("'", "''")


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def staging_dir(layout: WarehouseLayout, run_id: str) -> Path:
    return layout.releases / f".building-{run_id}"


def build_release(layout: WarehouseLayout, run_id: str, models_dir: Path | None = None,
                  stopped: Callable[[], bool] = lambda: False) -> Path:
    """Write every mart of the warehouse to ``releases/.building-<run_id>``. ``stopped`` is asked
    between models; when it says so the build ends with ``BuildStopped`` (see ``SpeculativeBuild``)."""
    staging = staging_dir(layout, run_id)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    with connect(layout.db, read_only=False) as con:
        bound_memory(con)
        for model in mart_models(models_dir):
            if stopped():
                raise BuildStopped(run_id)
            if model.intermediate:
                con.execute(f"CREATE OR REPLACE TEMP VIEW {model.name} AS {model.sql}")
                continue
            target = staging / (model.name if model.partition_by else f"{model.name}.parquet")
            con.execute(f"COPY ({model.sql}) TO '{_sql_path(target)}' ({model.write_options()})")
            con.execute(f"CREATE OR REPLACE TEMP VIEW {model.name} AS SELECT * FROM {model.reader(str(staging))}")
    return staging


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Every file under ``root`` and the folders holding them on disk, before ``root`` is renamed
    into place: a release that is live is complete, whenever the machine stops."""
    for path in sorted(root.rglob("*"), reverse=True):
        _fsync(path)
    _fsync(root)


def write_manifest(release_dir: Path, run_id: str, models_dir: Path | None = None) -> None:
    """``_release.parquet``: one row per mart of the release, with its rows and when it was built."""
    con = duckdb.connect(config=duckdb_config())
    try:
        rows = [(m.name, con.sql(f"SELECT count(*) FROM {m.reader(str(release_dir))}").fetchall()[0][0])
                for m in marts(models_dir)]
    finally:
        con.close()
    now = datetime.now(timezone.utc)
    table = pa.table({
        "release": [run_id] * len(rows),
        "published_at": pa.array([now] * len(rows), type=pa.timestamp("us", tz="UTC")),
        "mart": [r[0] for r in rows],
        "rows": pa.array([r[1] for r in rows], type=pa.int64()),
    })
    pq.write_table(table, release_dir / MANIFEST)


def swap_in(layout: WarehouseLayout, staging: Path, run_id: str, models_dir: Path | None = None) -> Path:
    release = layout.releases / run_id
    _fsync_tree(staging)
    os.replace(staging, release)
    _fsync(layout.releases)
    faults.point("release-moved")
    tmp_link = layout.marts / f".current-{run_id}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(Path("releases") / run_id, tmp_link)
    os.replace(tmp_link, layout.current)
    _fsync(layout.marts)
    faults.point("current-swapped")
    rebuild_analytics(layout, models_dir)
    faults.point("analytics-written")
    _prune(layout, keep=release)
    return release


def analytics_views(models: list[Model]) -> list[str]:
    """The statements that make ``analytics.duckdb``: a documented view per mart over the live
    release, by a path relative to the warehouse folder, and ``khobor_release``."""
    out = []
    for m in models:
        out.append(f"CREATE VIEW {m.name} AS SELECT * FROM {m.reader(CURRENT)}")
        key = ", ".join(m.key)
        out.append(f"COMMENT ON VIEW {m.name} IS {_sql_text(f'{m.grain} Key: {key}.')}")
        for col, doc in m.columns.items():
            out.append(f'COMMENT ON COLUMN {m.name}."{col}" IS {_sql_text(str(doc))}')
    out.append(f"CREATE VIEW khobor_release AS SELECT * FROM read_parquet('{CURRENT}/{MANIFEST}')")
    out.append("COMMENT ON VIEW khobor_release IS 'One row per mart of the live release: its rows, the release (run id) and when it was published. Key: mart.'")
    return out


def _analytics_tmp(layout: WarehouseLayout) -> Path:
    return layout.analytics_db.with_name(f".{layout.analytics_db.name}.tmp")


def rebuild_analytics(layout: WarehouseLayout, models_dir: Path | None = None) -> None:
    tmp = _analytics_tmp(layout)
    tmp.unlink(missing_ok=True)
    Path(f"{tmp}.wal").unlink(missing_ok=True)
    con = bound_memory(duckdb.connect(config={"file_search_path": str(layout.root), **duckdb_config()}))
    try:
        con.execute(f"ATTACH '{_sql_path(tmp)}' AS analytics (STORAGE_VERSION '{ANALYTICS_STORAGE_VERSION}')")
        con.execute("USE analytics")
        for statement in analytics_views(marts(models_dir)):
            con.execute(statement)
        con.execute("USE memory")
        con.execute("DETACH analytics")
    finally:
        con.close()
    _fsync(tmp)
    os.replace(tmp, layout.analytics_db)
    _fsync(layout.root)


def _prune(layout: WarehouseLayout, keep: Path) -> None:
    releases = sorted(p for p in layout.releases.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in releases[:-KEEP_RELEASES]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


class SpeculativeBuild:
    """A run's marts built in a thread while the run's rows are validated, and published only if
    they pass. Building is DuckDB's work (off the GIL, on its own threads) and validation is mostly
    Python (Great Expectations), so the two overlap: the tail of a 1x news_bench run, one core busy
    after the workers are done, was validation then building, one after the other.

    The folder it writes is ``releases/.building-<run>``, which a run that is not published never
    keeps: ``discard`` stops the build at its next model and removes it, and a killed run's is removed
    by the next run's repair (``clean_leftovers``). Nothing is live until ``swap_in``."""

    def __init__(self, layout: WarehouseLayout, run_id: str, models_dir: Path | None = None):
        self.layout, self.run_id = layout, run_id
        self.seconds = 0.0
        self._stop = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"build-marts-{run_id}")
        self._future = self._pool.submit(self._build, models_dir)
        self._pool.shutdown(wait=False)  # the thread ends with its one job

    def _build(self, models_dir: Path | None) -> Path:
        t0 = time.perf_counter()
        try:
            return build_release(self.layout, self.run_id, models_dir, stopped=self._stop.is_set)
        finally:
            self.seconds = round(time.perf_counter() - t0, 3)

    def result(self) -> Path:
        """The built release folder (waits for it); the build's own error if it failed."""
        return self._future.result()

    def discard(self) -> None:
        """Stop the build (at its next model), wait for it, and remove what it wrote."""
        self._stop.set()
        try:
            self._future.result()
        except BaseException:  # noqa: BLE001 - stopped, or failed: either way nothing of it is kept
            pass
        shutil.rmtree(staging_dir(self.layout, self.run_id), ignore_errors=True)


def publish(layout: WarehouseLayout, run_id: str, models_dir: Path | None = None,
            staging: Path | None = None) -> tuple[Path, Verdict]:
    """Build (unless ``staging`` holds this run's built release already), validate and swap in."""
    if staging is None or not staging.is_dir():
        staging = build_release(layout, run_id, models_dir)
    faults.point("release-built")
    verdict = validate_release(staging, models_dir=models_dir)
    if not verdict.success:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishRefused(verdict)
    write_manifest(staging, run_id, models_dir)
    faults.point("release-validated")
    return swap_in(layout, staging, run_id, models_dir), verdict


# -- repairing what a killed run left ---------------------------------------------------------------

def live_release(layout: WarehouseLayout) -> str | None:
    """The run that built the live release, as its manifest says; None when nothing is live (or the
    manifest cannot be read, which the next publish repairs)."""
    manifest = layout.current / MANIFEST
    if not manifest.exists():
        return None
    try:
        names = pq.read_table(manifest, columns=["release"])["release"].to_pylist()
    except (OSError, pa.ArrowException):
        return None
    return names[0] if names else None


def clean_leftovers(layout: WarehouseLayout, keep_releases: set[str] | None = None) -> list[str]:
    """Remove what a killed run leaves half-done: release folders being built, temporary ``current``
    links, a half-written analytics file, a full refresh's working copy; and, given the releases the
    warehouse's runs published (``keep_releases``), release folders of runs that never finished
    publishing (the live one always stays). Returns what was removed, relative to the warehouse."""
    removed: list[Path] = []
    if layout.releases.is_dir():
        live = layout.current.resolve() if layout.current.exists() else None
        for path in layout.releases.iterdir():
            stray = keep_releases is not None and not path.name.startswith(".") and path.name not in keep_releases \
                and path.resolve() != live
            if path.name.startswith(".building-") or stray:
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() and not path.is_symlink() else path.unlink(missing_ok=True)
                removed.append(path)
    if layout.marts.is_dir():
        for path in layout.marts.glob(".current-*"):
            path.unlink(missing_ok=True)
            removed.append(path)
    tmp = _analytics_tmp(layout)
    for path in (tmp, Path(f"{tmp}.wal"), layout.root / REFRESH_WORK_DB, layout.root / f"{REFRESH_WORK_DB}.wal"):
        if path.exists() or path.is_symlink():
            path.unlink()
            removed.append(path)
    return [str(p.relative_to(layout.root)) for p in removed]


def analytics_problem(layout: WarehouseLayout, models_dir: Path | None = None) -> str | None:
    """Why ``analytics.duckdb`` does not show the live release, or None when it does (or nothing is live)."""
    if not layout.current.exists():
        return None
    db = layout.analytics_db
    if not db.exists():
        return f"{db.name} was missing"
    if db.stat().st_mtime_ns < layout.current.lstat().st_mtime_ns:
        return f"{db.name} was older than the live release (written before it was swapped in)"
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        finally:
            con.close()
    except duckdb.Error as exc:
        return f"{db.name} could not be read ({str(exc).splitlines()[0][:200]})"
    wanted = {m.name for m in marts(models_dir)} | {"khobor_release"}
    if views != wanted:
        return f"{db.name} did not have one view per mart (missing {sorted(wanted - views)}, extra {sorted(views - wanted)})"
    return None


@dataclass
class Repair:
    """What a run found and did before its work: for the summary's warnings."""

    removed: list[str] = field(default_factory=list)
    republish: str | None = None   # why the marts must be published again, if they must
    analytics: str | None = None   # why analytics.duckdb was rewritten, if it was

    def warnings(self) -> list[str]:
        out = []
        if self.removed:
            out.append("removed what a killed run left behind: " + ", ".join(sorted(self.removed)))
        if self.analytics:
            out.append(f"analytics.duckdb rewritten: {self.analytics}")
        return out


def repair(layout: WarehouseLayout, last_published: str | None, published: set[str], models_dir: Path | None = None) -> Repair:
    """Called with the warehouse lock held and crashed runs already rolled back. ``last_published``:
    the release of the warehouse's last run that published (``runs``); ``published``: every release
    a run of the warehouse published. The marts themselves are published again by the run (it has
    to validate them); ``analytics.duckdb`` is rewritten here when only it is behind."""
    out = Repair(removed=clean_leftovers(layout, published))
    live = live_release(layout)
    if live != last_published and (live is not None or last_published is not None):
        out.republish = (f"the marts did not show the warehouse (live release {live or 'none'}, "
                         f"last published by run {last_published or 'none'})")
        return out
    out.analytics = analytics_problem(layout, models_dir)
    if out.analytics:
        rebuild_analytics(layout, models_dir)
    return out
