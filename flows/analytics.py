"""Reading ``analytics.duckdb`` as an analyst does: read-only, never taking the writer's lock.

Its views name the marts by paths relative to the warehouse folder (``marts/current/...``), so a
reader resolves them there (``file_search_path``): a copied or moved warehouse reads its own marts.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

import duckdb

from khobor.flows.paths import WarehouseLayout


class AnalyticsMissing(RuntimeError):
    """No marts have been published in this warehouse yet."""


@contextlib.contextmanager
def open_analytics(layout: WarehouseLayout) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the warehouse's analytics database: DuckDB itself refuses any
    statement that would change it."""
    if not layout.analytics_db.exists():
        raise AnalyticsMissing(f"{layout.analytics_db} does not exist: no marts have been published in {layout.root} yet "
                               "(run khobor run first)")
    con = duckdb.connect(str(layout.analytics_db), read_only=True, config={"file_search_path": str(layout.root)})
    try:
        yield con
    finally:
        con.close()


@dataclass
class Result:
    columns: list[str]
    types: list[str]
    rows: list[tuple]


def query(layout: WarehouseLayout, sql: str, max_rows: int | None = None) -> Result:
    """Run ``sql`` (one or more statements; the last one's rows are returned) read-only."""
    with open_analytics(layout) as con:
        cur = con.execute(sql)
        if cur.description is None:
            cur.fetchall()
            return Result([], [], [])
        columns = [d[0] for d in cur.description]
        types = [str(d[1]) for d in cur.description]
        rows = cur.fetchall() if max_rows is None else cur.fetchmany(max_rows)
        if max_rows is not None:
            cur.fetchall()  # the rest is dropped, but the result must be finished
        return Result(columns, types, rows)
