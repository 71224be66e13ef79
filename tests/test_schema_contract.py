"""The Arrow schemas stages hand each other match the DuckDB DDL column for column."""
from __future__ import annotations

import duckdb

from flows.paths import SCHEMA_SQL
from transforms import tables

EXTRA = {"source_runs": tables.SOURCE_RUNS}


def test_arrow_schemas_match_the_ddl():
    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    for name, schema in {**tables.TABLES, **EXTRA}.items():
        ddl_cols = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
        assert ddl_cols == schema.names, name
        # An empty Arrow table of the schema loads into the table by position without casts failing.
        con.register("empty", schema.empty_table())
        con.execute(f"INSERT INTO {name} SELECT * FROM empty")
        con.unregister("empty")


def test_schema_is_idempotent():
    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
