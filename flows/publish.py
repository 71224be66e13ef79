"""Publishing marts: build a release folder, validate it, swap it in atomically.

Models are the ``*.sql`` files of ``warehouse/models``: ``int_*`` ones are intermediate views that
marts share (computed once, never published); every other file is a mart, written as
``<name>.parquet``. A model may select from any other by name; they are built in dependency order,
and a mart read by a later model is read back from its parquet file.

Layout under ``<warehouse>/marts``: ``releases/<run_id>/<mart>.parquet`` and ``current``, a symlink
to the live release that is replaced with one ``rename``. Readers resolve ``current`` once and see
a whole release or the previous one, never a half-written file. The analytics DuckDB file holds
views over the live release's absolute paths and is rebuilt beside the old one and renamed over it,
so analysts never hold the writer's lock.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from khobor.flows.models import mart_models, mart_names
from khobor.flows.paths import WarehouseLayout
from khobor.flows.validation import Verdict, validate_release
from khobor.flows.warehouse_db import connect

KEEP_RELEASES = 3


class PublishRefused(RuntimeError):
    def __init__(self, verdict: Verdict):
        super().__init__("marts failed validation: " + "; ".join(verdict.failures))
        self.verdict = verdict


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


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
            target = _sql_path(staging / f"{model.name}.parquet")
            con.execute(f"COPY ({model.sql}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
            con.execute(f"CREATE OR REPLACE TEMP VIEW {model.name} AS SELECT * FROM read_parquet('{target}')")
    return staging


def swap_in(layout: WarehouseLayout, staging: Path, run_id: str) -> Path:
    release = layout.releases / run_id
    os.replace(staging, release)
    tmp_link = layout.marts / f".current-{run_id}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(Path("releases") / run_id, tmp_link)
    os.replace(tmp_link, layout.current)
    _rebuild_analytics(layout, release)
    _prune(layout, keep=release)
    return release


def _rebuild_analytics(layout: WarehouseLayout, release: Path) -> None:
    tmp = layout.analytics_db.with_name(f".{layout.analytics_db.name}.tmp")
    if tmp.exists():
        tmp.unlink()
    con = duckdb.connect(str(tmp))
    try:
        for mart in mart_names():
            path = _sql_path(release / f"{mart}.parquet")
            con.execute(f"CREATE VIEW {mart} AS SELECT * FROM read_parquet('{path}')")
        con.execute("CREATE TABLE khobor_release AS SELECT ? AS release, now() AS published_at", [release.name])
    finally:
        con.close()
    os.replace(tmp, layout.analytics_db)


def _prune(layout: WarehouseLayout, keep: Path) -> None:
    releases = sorted(p for p in layout.releases.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in releases[:-KEEP_RELEASES]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def publish(layout: WarehouseLayout, run_id: str) -> tuple[Path, Verdict]:
    staging = build_release(layout, run_id)
    verdict = validate_release(staging)
    if not verdict.success:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishRefused(verdict)
    return swap_in(layout, staging, run_id), verdict
