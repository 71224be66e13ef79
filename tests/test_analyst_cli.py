"""``khobor sql``: read-only SQL over the published marts, in three formats, also while a run writes."""
from __future__ import annotations

import csv
import io
import json

import duckdb
from typer.testing import CliRunner

from khobor.flows.cli import app
from tests import cli_process

runner = CliRunner()


def sql(layout, *args: str):
    return runner.invoke(app, ["sql", *args, "--warehouse", str(layout.root)])


def test_sql_prints_csv_json_and_a_table(sample_warehouse):
    q = "SELECT publisher, count(*) AS documents FROM mart_documents GROUP BY ALL ORDER BY documents DESC, publisher"
    as_csv = sql(sample_warehouse, q, "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows[0] == {"publisher": "khobor sample corpus", "documents": "4"}
    assert {r["publisher"] for r in rows} == {"khobor sample corpus", "দৈনিক নমুনা", "The Sample Tribune"}
    as_json = sql(sample_warehouse, q, "--format", "json")
    assert json.loads(as_json.stdout)[0] == {"publisher": "khobor sample corpus", "documents": 4}
    table = sql(sample_warehouse, q)
    assert table.exit_code == 0 and "দৈনিক নমুনা" in table.stdout and "documents" in table.stdout


def test_sql_runs_several_statements_and_prints_the_last(sample_warehouse):
    out = sql(sample_warehouse, "SET VARIABLE paper = 'দৈনিক নমুনা'; SELECT count(*) AS n FROM mart_documents WHERE publisher = getvariable('paper')",
              "--format", "json")
    assert json.loads(out.stdout) == [{"n": 2}]


def test_nested_values_are_json_in_csv(sample_warehouse):
    out = sql(sample_warehouse, "SELECT top_entities FROM mart_documents WHERE n_entities > 0 LIMIT 1", "--format", "csv")
    top = json.loads(list(csv.DictReader(io.StringIO(out.stdout)))[0]["top_entities"])
    assert {"entity_id", "canonical", "label", "mentions"} == set(top[0])


def test_writes_and_ddl_are_refused_by_the_read_only_connection(sample_warehouse):
    before = sample_warehouse.analytics_db.read_bytes()
    for statement in ("DROP VIEW dim_entities", "CREATE TABLE t AS SELECT 1", "INSERT INTO mart_documents SELECT * FROM mart_documents",
                      "DELETE FROM mart_documents", "ALTER VIEW dim_entities RENAME TO d", "COMMENT ON VIEW dim_entities IS 'x'"):
        out = sql(sample_warehouse, statement)
        assert out.exit_code == 1, (statement, out.output)
        assert "refused" in out.stderr and "read-only" in out.stderr, out.stderr
    assert sample_warehouse.analytics_db.read_bytes() == before
    # The refusal is DuckDB's own: the connection khobor sql uses is read-only.
    from khobor.flows.analytics import open_analytics

    with open_analytics(sample_warehouse) as con:
        try:
            con.execute("CREATE VIEW v AS SELECT 1")
        except duckdb.InvalidInputException as exc:
            assert "read-only" in str(exc)
        else:
            raise AssertionError("the analytics connection accepted DDL")


def test_a_bad_query_is_an_error_not_a_crash(sample_warehouse):
    out = sql(sample_warehouse, "SELECT nonsense FROM mart_documents")
    assert out.exit_code == 1 and "nonsense" in out.stderr


def test_a_warehouse_without_marts_is_a_usage_error(tmp_path):
    out = runner.invoke(app, ["sql", "SELECT 1", "--warehouse", str(tmp_path)])
    assert out.exit_code == 2 and "no marts have been published" in out.stderr


def test_sql_works_while_a_run_holds_the_warehouse(sample_warehouse):
    from khobor.flows.lock import warehouse_lock

    with warehouse_lock(sample_warehouse.root, "a run in progress"):
        writer = duckdb.connect(str(sample_warehouse.db))  # the run's own write connection
        try:
            writer.execute("CREATE TEMP TABLE busy AS SELECT 1")
            done = cli_process.run("sql", "SELECT count(*) AS n FROM fct_entity_mentions", "--format", "json",
                                   "--warehouse", str(sample_warehouse.root), cwd=sample_warehouse.root.parent, timeout=120)
        finally:
            writer.close()
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["n"] > 0
