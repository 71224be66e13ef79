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
"""
from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from khobor.flows.models import Model, mart_models, marts
from khobor.flows.paths import WarehouseLayout
from khobor.flows.validation import Verdict, validate_release
from khobor.flows.warehouse_db import connect, duckdb_config

KEEP_RELEASES = 3
# The oldest storage format DuckDB 2 writes: every 1.x client (and 2.x) opens it.
ANALYTICS_STORAGE_VERSION = "v1.0.0"
MANIFEST = "_release.parquet"
CURRENT = "marts/current"  # as the analytics views name it, relative to the warehouse folder


class PublishRefused(RuntimeError):
    def __init__(self, verdict: Verdict):
        super().__init__("marts failed validation: " + "; ".join(verdict.failures))
        self.verdict = verdict


def _sql_path(path: Path | str) -> str:
    return str(path).replace("'", "''")


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def build_release(layout: WarehouseLayout, run_id: str, models_dir: Path | None = None) -> Path:
    staging = layout.releases / f".building-{run_id}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    with connect(layout.db, read_only=False) as con:
        for model in mart_models(models_dir):
            if model.intermediate:
                con.execute(f"CREATE OR REPLACE TEMP VIEW {model.name} AS {model.sql}")
                continue
            target = staging / (model.name if model.partition_by else f"{model.name}.parquet")
            con.execute(f"COPY ({model.sql}) TO '{_sql_path(target)}' ({model.write_options()})")
            con.execute(f"CREATE OR REPLACE TEMP VIEW {model.name} AS SELECT * FROM {model.reader(str(staging))}")
    return staging


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
    os.replace(staging, release)
    tmp_link = layout.marts / f".current-{run_id}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(Path("releases") / run_id, tmp_link)
    os.replace(tmp_link, layout.current)
    rebuild_analytics(layout, models_dir)
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


def rebuild_analytics(layout: WarehouseLayout, models_dir: Path | None = None) -> None:
    tmp = layout.analytics_db.with_name(f".{layout.analytics_db.name}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(config={"file_search_path": str(layout.root), **duckdb_config()})
    try:
        con.execute(f"ATTACH '{_sql_path(tmp)}' AS analytics (STORAGE_VERSION '{ANALYTICS_STORAGE_VERSION}')")
        con.execute("USE analytics")
        for statement in analytics_views(marts(models_dir)):
            con.execute(statement)
        con.execute("USE memory")
        con.execute("DETACH analytics")
    finally:
        con.close()
    os.replace(tmp, layout.analytics_db)


def _prune(layout: WarehouseLayout, keep: Path) -> None:
    releases = sorted(p for p in layout.releases.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in releases[:-KEEP_RELEASES]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def publish(layout: WarehouseLayout, run_id: str, models_dir: Path | None = None) -> tuple[Path, Verdict]:
    staging = build_release(layout, run_id, models_dir)
    verdict = validate_release(staging, models_dir=models_dir)
    if not verdict.success:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishRefused(verdict)
    write_manifest(staging, run_id, models_dir)
    return swap_in(layout, staging, run_id, models_dir), verdict
