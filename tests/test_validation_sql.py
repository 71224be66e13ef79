"""Validation checked in DuckDB: every expectation is also a SQL predicate whose count is exact,
GX sees the rejected rows and a sample, and offsets are checked in Python in one pass."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from khobor.data import sample_dir
from khobor.flows.validation import MAX_REJECTED, SAMPLE_ROWS, checked_frame, offset_failures, parse_suite, validate_frames, validate_run

SPEC = {"suite": "t", "scope": "run", "expectations": [
    {"expect_column_values_to_not_be_null": {"column": "k"}},
    {"expect_column_values_to_be_between": {"column": "n", "min_value": 1, "max_value": 5}},
    {"expect_column_values_to_be_in_set": {"column": "label", "value_set": ["a", "b's"]}},
    {"expect_column_values_to_be_in_set": {"column": "ok", "value_set": [True]}},
    {"expect_column_value_lengths_to_equal": {"column": "code", "value": 2}},
]}
ROWS = 5000


@pytest.fixture()
def con():
    c = duckdb.connect()
    yield c
    c.close()


def _table(con, bad_rows: dict[int, str]):
    """ROWS good rows; row i broken as bad_rows says (the last rows, past any sample)."""
    con.execute("CREATE TABLE t AS SELECT range AS i, 'k' || range AS k, 3 AS n, 'a' AS label, TRUE AS ok, 'xy' AS code, "
                "NULL::VARCHAR AS spare FROM range(?)", [ROWS]).fetchall()
    for i, how in bad_rows.items():
        con.execute(f"UPDATE t SET {how} WHERE i = ?", [i]).fetchall()


@pytest.mark.parametrize("how, failing", [
    ("k = NULL", "expect_column_values_to_not_be_null(k)"),
    ("n = 9", "expect_column_values_to_be_between(n)"),
    ("label = 'c'", "expect_column_values_to_be_in_set(label)"),
    ("ok = FALSE", "expect_column_values_to_be_in_set(ok)"),
    ("code = 'xyz'", "expect_column_value_lengths_to_equal(code)"),
])
def test_a_rejected_row_past_the_sample_is_seen_counted_and_named(con, how, failing):
    _table(con, {ROWS - 1: how, ROWS - 2: how})
    suite = parse_suite(SPEC, "")
    frame, counted = checked_frame(con, suite, "SELECT * FROM t")
    assert counted.rows == ROWS and len(frame) == SAMPLE_ROWS + 2
    assert sorted(counted.rejected, reverse=True)[:2] == [2, 0]
    verdict = validate_frames({"t": frame}, [suite], {"t": counted})
    assert verdict.failures == [f"t: {failing}"]
    (failed,) = verdict.suites["t"]["failed"]
    assert failed["unexpected_count"] == 2 and verdict.suites["t"]["rows"] == ROWS


def test_nulls_pass_what_gx_lets_pass_and_quotes_are_escaped(con):
    _table(con, {1: "n = NULL", 2: "label = NULL", 3: "label = 'b''s'"})
    suite = parse_suite(SPEC, "")
    frame, counted = checked_frame(con, suite, "SELECT * FROM t")
    assert counted.rejected == [0, 0, 0, 0, 0]
    assert validate_frames({"t": frame}, [suite], {"t": counted}).success


def test_the_frame_is_bounded_however_many_rows_are_rejected(con):
    _table(con, {})
    con.execute("UPDATE t SET n = 0").fetchall()
    frame, counted = checked_frame(con, parse_suite(SPEC, ""), "SELECT * FROM t")
    assert len(frame) == MAX_REJECTED + SAMPLE_ROWS and counted.rejected[1] == ROWS


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    from khobor.flows.nightly import nightly

    src = tmp_path_factory.mktemp("val") / "in"
    shutil.copytree(sample_dir(), src)
    wh = src.parent / "wh"
    s = nightly(warehouse_dir=str(wh), input_path=str(src), workers=0)
    assert s["status"] == "succeeded", s
    return wh / "khobor.duckdb", s["run_id"]


@pytest.mark.parametrize("table, key, fix", [
    ("sentences", "sentence_index", "text = text || 'x'"),
    ("tokens", "token_index", '"end" = "end" + 1'),
    ("entity_mentions", "mention_id", '"start" = -1'),
])
def test_offsets_are_checked_in_python_against_the_documents_text(tmp_path, warehouse, table, key, fix):
    db = tmp_path / "copy.duckdb"
    shutil.copy(warehouse[0], db)
    run_id = warehouse[1]
    con = duckdb.connect(str(db))
    try:
        assert all(t.num_rows == 0 for t in offset_failures(con, run_id).values())
        (target,) = con.execute(f"SELECT {key} FROM {table} ORDER BY document_id DESC, {key} DESC LIMIT 1").fetchall()[0:1]
        con.execute(f"UPDATE {table} SET {fix} WHERE {key} = ? AND document_id = (SELECT max(document_id) FROM {table})",
                    [target[0]]).fetchall()
        failures = offset_failures(con, run_id)
    finally:
        con.close()
    assert failures[table].num_rows == 1 and failures[table][key].to_pylist() == [target[0]]
    verdict = validate_run(db, run_id)
    assert f"{table}: expect_column_values_to_be_in_set(offsets_ok)" in verdict.failures


def test_duckdb_memory_is_capped_for_heavy_work_and_as_asked(tmp_path, monkeypatch):
    from khobor.flows.warehouse_db import HEAVY_MEMORY, bound_memory, connect, duckdb_config

    def limit(con) -> str:
        return con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0].replace(" ", "")

    monkeypatch.delenv("KHOBOR_DUCKDB_MEMORY", raising=False)
    assert duckdb_config() == {} and HEAVY_MEMORY == "1GB"
    with connect(tmp_path / "w.duckdb") as con:
        assert limit(con) not in ("953.6MiB", "1.0GB")  # a plain connection: DuckDB's own default
        assert limit(bound_memory(con)) in ("953.6MiB", "1.0GB", "1GB")
    monkeypatch.setenv("KHOBOR_DUCKDB_MEMORY", "300MB")
    with connect(tmp_path / "w.duckdb") as con:
        assert limit(bound_memory(con)) in ("286.1MiB", "300.0MB", "300MB")
