"""The one declaration of the tables (warehouse/schema.sql) and what the code derives from it."""
from __future__ import annotations

import duckdb

from khobor.data import schema_sql
from khobor.transforms import schema

SCHEMA_SQL = schema_sql()


def test_arrow_schemas_match_the_ddl():
    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    for name, spec in schema.tables().items():
        ddl_cols = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
        assert ddl_cols == spec.arrow.names, name
        # An empty Arrow table of the schema loads into the table by position without casts failing.
        con.register("empty", schema.empty(name))
        con.execute(f"INSERT INTO {name} SELECT * FROM empty")
        con.unregister("empty")


def test_schema_is_idempotent():
    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))


def test_every_table_states_grain_and_key_and_every_column_is_documented():
    for name, spec in schema.tables().items():
        assert spec.grain.startswith("One row per"), name
        assert spec.key and set(spec.key) <= set(spec.arrow.names), (name, spec.key)
        undocumented = [c.name for c in spec.columns if not c.doc]
        assert not undocumented, (name, undocumented)


def test_batch_tables_carry_the_run_id_they_are_rolled_back_by():
    assert schema.batch_tables()[:2] == ["stg_documents", "documents"]
    for name in schema.batch_tables():
        assert "run_id" in schema.arrow(name).names, name
    assert {"runs", "source_runs"}.isdisjoint(schema.batch_tables())


def test_source_run_rows_follow_the_schema():
    from datetime import datetime, timezone

    from khobor.transforms.documents.source_stats import source_run_rows

    rows = source_run_rows([dict(run_id="r", source_id="s", kind="files", started_at=datetime.now(timezone.utc),
                                 seconds=0.1, items_seen=0, error=None)], schema.empty("stg_documents"), rolled_back=False)
    assert rows.schema == schema.arrow("source_runs")
