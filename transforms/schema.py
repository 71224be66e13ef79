"""The warehouse's tables as the code sees them, derived from the one declaration in ``warehouse/schema.sql``.

The DDL is executed once in an in-memory DuckDB; from its catalogue come each table's columns and
types (as Arrow schemas, so stage outputs load by name with no casting surprises), its grain and
key (the table comment: "<grain>. Key: a, b."), the column documentation, and the table order.
Only what the DDL cannot say lives here: how the loader treats each table (``ROLES``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

# How a run writes each table. "batch": the run's new rows, loaded in one transaction and removed
# by run_id on rollback. "dimension": the same, but a key already stored keeps its first row (a
# later run meets the same entity again). "log": the run's own bookkeeping, never rolled back.
ROLES = {"entities": "dimension", "entity_aliases": "dimension", "runs": "log", "source_runs": "log"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type
    nullable: bool
    doc: str


@dataclass(frozen=True)
class Table:
    name: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    arrow: pa.Schema
    role: str  # batch | dimension | log

    @property
    def doc(self) -> str:
        return f"{self.grain} Key: {', '.join(self.key)}."


_KEY = re.compile(r"\s*Key:\s*([^.]+)\.\s*$")


def _plain_lists(t: pa.DataType) -> pa.DataType:
    """DuckDB names list children ``l``; Arrow's convention is ``item``."""
    if pa.types.is_list(t):
        return pa.list_(_plain_lists(t.value_type))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _plain_lists(f.type)) for f in t])
    return t


@functools.lru_cache(maxsize=1)
def tables() -> dict[str, Table]:
    """Every warehouse table, in declaration order."""
    import duckdb

    from khobor.data import schema_sql

    con = duckdb.connect()
    try:
        con.execute("SET TimeZone = 'UTC'")
        con.execute(schema_sql().read_text(encoding="utf-8"))
        out: dict[str, Table] = {}
        for name, comment in con.sql("SELECT table_name, comment FROM duckdb_tables() ORDER BY table_oid").fetchall():
            m = _KEY.search(comment or "")
            if not m:
                raise ValueError(f"schema.sql: the comment of table {name} must end with 'Key: <columns>.'")
            cols = tuple(
                Column(c, t, nullable, doc or "")
                for c, t, nullable, doc in con.execute(
                    "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
                    "WHERE table_name = ? ORDER BY column_index", [name]).fetchall()
            )
            arrow = con.sql(f'SELECT * FROM "{name}" LIMIT 0').to_arrow_table().schema
            arrow = pa.schema([pa.field(f.name, _plain_lists(f.type)) for f in arrow])
            key = tuple(k.strip() for k in m.group(1).split(","))
            out[name] = Table(name, comment[: m.start()].strip(), key, cols, arrow, ROLES.get(name, "batch"))
        return out
    finally:
        con.close()


def table(name: str) -> Table:
    return tables()[name]


def arrow(name: str) -> pa.Schema:
    return tables()[name].arrow


def batch_tables() -> list[str]:
    """The tables a run's batch fills (and its rollback empties), in load order."""
    return [t.name for t in tables().values() if t.role != "log"]


def empty(name: str) -> pa.Table:
    return arrow(name).empty_table()


def from_rows(rows: list[dict], name: str) -> pa.Table:
    schema = arrow(name)
    return pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()

