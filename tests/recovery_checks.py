"""What a warehouse holds, as a reader sees it, for comparing a repaired warehouse with a clean one."""
from __future__ import annotations

from pathlib import Path

import duckdb
import psutil

from tests.warehouse_checks import _RUN_COLUMNS, warehouse_contents

# Also the manifest's: which run built the release and when.
_IGNORED = _RUN_COLUMNS | {"release", "published_at"}


def _rows(con, relation: str) -> list[tuple]:
    cols = [r[0] for r in con.sql(f"DESCRIBE SELECT * FROM {relation}").fetchall()]
    keep = ", ".join(f'"{c}"' for c in cols if c not in _IGNORED)
    return con.sql(f"SELECT {keep} FROM {relation} ORDER BY ALL").fetchall()


def mart_contents(root: Path) -> dict[str, list[tuple]]:
    """Every file of the live release (marts/current), rows sorted, run ids and times left out."""
    current = root / "marts" / "current"
    con = duckdb.connect()
    try:
        out = {}
        for f in sorted(current.resolve().glob("*.parquet")):
            out[f.name] = _rows(con, f"read_parquet('{f}')")
        return out
    finally:
        con.close()


def analytics_contents(root: Path) -> dict[str, object]:
    """analytics.duckdb as an analyst opens it: its views, their SQL and comments, and their rows."""
    con = duckdb.connect(str(root / "analytics.duckdb"), read_only=True, config={"file_search_path": str(root)})
    try:
        views = con.sql("SELECT view_name, sql, comment FROM duckdb_views() WHERE NOT internal ORDER BY 1").fetchall()
        out: dict[str, object] = {"views": views}
        for name, _, _ in views:
            out[name] = _rows(con, name)
        return out
    finally:
        con.close()


def everything(root: Path) -> dict[str, object]:
    return {"tables": warehouse_contents(root / "khobor.duckdb"), "marts": mart_contents(root),
            "analytics": analytics_contents(root)}


def run_statuses(root: Path) -> list[str]:
    con = duckdb.connect(str(root / "khobor.duckdb"), read_only=True)
    try:
        return [r[0] for r in con.sql("SELECT status FROM runs ORDER BY started_at").fetchall()]
    finally:
        con.close()


def leftovers(root: Path) -> list[str]:
    """Temporary files and folders a killed run can leave behind."""
    pats = ["marts/releases/.building-*", "marts/.current-*", ".analytics.duckdb.tmp", ".khobor.refresh.duckdb*"]
    return sorted(str(p.relative_to(root)) for pat in pats for p in root.glob(pat))


def processes_of(root: Path) -> list[psutil.Process]:
    """Live processes started for runs on this warehouse (the Prefect server, its workers, batch
    workers): they all carry the warehouse's PREFECT_HOME."""
    home = str(root / ".prefect")
    out = []
    for p in psutil.process_iter():
        try:
            if p.status() != psutil.STATUS_ZOMBIE and p.environ().get("PREFECT_HOME") == home:
                out.append(p)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return out
