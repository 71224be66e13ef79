"""DuckDB I/O for the writer: schema, what is already known, the one-transaction load, and run rows.

Every function opens its own short-lived connection: tasks pass paths, never connections. While a
run loads its batches, ``hold_open`` keeps the database open in the run's process, so those
connections join it instead of opening the file again.
"""
from __future__ import annotations

import contextlib
import json
import os
import socket
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from khobor.data import schema_sql
from khobor.transforms import schema

HEAVY_MEMORY = "1GB"
# What loading one batch needs (its inserts, the checkpoints they trigger, the per-batch lookups).
# More only caches what those read, and that grows with the warehouse.
LOAD_MEMORY = "64MB"


def duckdb_config() -> dict[str, str]:
    """DuckDB's limits for khobor's connections: ``KHOBOR_DUCKDB_MEMORY`` (DuckDB's size syntax, e.g.
    ``2GB``) caps the memory DuckDB uses in a run, on every connection. Without it, the phases that
    read a whole run or the whole warehouse are capped at ``HEAVY_MEMORY`` (``bound_memory``)."""
    limit = os.environ.get("KHOBOR_DUCKDB_MEMORY")
    return {"memory_limit": limit} if limit else {}


def bound_memory(con: duckdb.DuckDBPyConnection, limit: str = HEAVY_MEMORY) -> duckdb.DuckDBPyConnection:
    """Cap DuckDB's memory at ``limit`` (``HEAVY_MEMORY``, 1GB) unless ``KHOBOR_DUCKDB_MEMORY`` says
    otherwise, for the connections whose work grows with the warehouse: validation and building the
    marts (and, at ``LOAD_MEMORY``, the warehouse held open while batches load). DuckDB spills to
    disk beyond it. Left to itself DuckDB takes up to 80% of RAM: 6.8 GB to validate and publish
    47,000 news_bench articles, 1.3 GB with the cap (and 33 s instead of 27 s to validate); 512MB is
    too little there ("failed to pin block")."""
    if not os.environ.get("KHOBOR_DUCKDB_MEMORY"):
        con.execute(f"SET memory_limit = '{limit}'")
    return con


@contextlib.contextmanager
def connect(db: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(db), read_only=read_only, config=duckdb_config())
    try:
        yield con
    finally:
        con.close()


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Undo a batch's open transaction, whatever stopped it (a stop signal too). A query a signal
    interrupted, or a commit that failed, has already ended it in DuckDB: rolling back again raises
    "no transaction is active", which would hide why the batch stopped and record a cancelled run as
    failed."""
    try:
        con.rollback()
    except duckdb.TransactionException:
        pass


def hold_open(db: Path) -> duckdb.DuckDBPyConnection:
    """A connection that keeps the database open in this process while a run loads batch after
    batch; close it when the batches are done. Every ``connect`` meanwhile joins the open database
    instead of opening the file again, and closing the last connection no longer checkpoints after
    every batch (the opens and checkpoints took 5.7% of a 1x news_bench run's samples).

    It is capped at ``LOAD_MEMORY``: with 1GB, the checkpoints a batch's commit sets off left what
    they had read cached: loading 24 batches of 100 documents raised the process by up to 176 MB
    into a 10x news_bench warehouse, against 52 MB into a 1x one. At 64MB the highest point is 175 MB
    lower at 10x (57 MB at 1x), for 18% more time loading at 10x and none at 1x, in a process that
    mostly waits for the workers."""
    return bound_memory(duckdb.connect(str(db), config=duckdb_config()), LOAD_MEMORY)


def ensure_schema(db: Path) -> None:
    """Create what is missing: tables from the DDL, and columns a newer khobor declares on an older
    warehouse (added with their declared type; existing rows get NULL)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    statements = duckdb.extract_statements(schema_sql().read_text(encoding="utf-8"))
    with connect(db) as con:
        # Tables first, then the columns an older warehouse lacks, then the comments (a comment on a
        # column that is not there yet would fail).
        for st in statements:
            if st.type.name == "CREATE":
                con.execute(st.query)
        for name, spec in schema.tables().items():
            have = {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [name]).fetchall()}
            for col in spec.columns:
                if col.name not in have:
                    con.execute(f'ALTER TABLE {name} ADD COLUMN "{col.name}" {col.type}')
        for st in statements:
            if st.type.name != "CREATE":
                con.execute(st.query)


def known_sightings(db: Path) -> set[str]:
    """stg_ids already staged, including quarantined ones: an unchanged item is never processed twice."""
    with connect(db) as con:
        return {r[0] for r in con.sql("SELECT stg_id FROM stg_documents").fetchall()}


def known_item_keys(db: Path) -> dict[str, set[str]]:
    """Item keys per source that were staged without being rejected (rejected ones are retried)."""
    out: dict[str, set[str]] = {}
    with connect(db) as con:
        for sid, key in con.sql("SELECT DISTINCT source_id, item_key FROM stg_documents WHERE status <> 'quarantined'").fetchall():
            out.setdefault(sid, set()).add(key)
    return out


class WarehouseAliases:
    """The linker's ``AliasStore`` over the warehouse's ``entity_aliases``: names once, contexts per
    batch (one query) instead of the run holding every alias in memory (926,000 at 10x news_bench,
    and growing with the warehouse). The run loads each batch before it links the next, so what a
    batch learnt is here for the next one."""

    def __init__(self, db: Path):
        self.db = db

    def names(self) -> dict[str, str]:
        with connect(self.db) as con:
            return dict(con.sql("SELECT alias_key, entity_id FROM entity_aliases WHERE NOT starts_with(alias_key, 'C|')").fetchall())

    def contexts(self, entity_ids, items) -> dict[str, set[str]]:
        if not entity_ids or not items:
            return {}
        out: dict[str, set[str]] = {}
        with connect(self.db) as con:
            con.register("wanted", pa.table({"e": list(entity_ids)}))
            con.register("items", pa.table({"i": list(items)}))
            rows = con.sql(
                """
                SELECT entity_id, substr(alias_key, length(entity_id) + 4) AS item  -- C|<entity id>|<item>
                FROM entity_aliases
                WHERE starts_with(alias_key, 'C|') AND entity_id IN (SELECT e FROM wanted)
                  AND item IN (SELECT i FROM items)
                """
            ).fetchall()
        for eid, item in rows:
            out.setdefault(eid, set()).add(item)
        return out

    def learn(self, aliases: dict[str, str]) -> None:
        pass  # the run loads the batch's aliases itself


def known_document_ids(db: Path, candidates: list[str]) -> set[str]:
    if not candidates:
        return set()
    with connect(db) as con:
        con.register("cand", pa.table({"document_id": candidates}))
        rows = con.sql("SELECT document_id FROM documents WHERE document_id IN (SELECT document_id FROM cand)").fetchall()
    return {r[0] for r in rows}


def _insert(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """Insert the registered ``new_<name>`` rows by the table's role (see ``schema.ROLES``); returns
    how many were inserted."""
    spec = schema.table(name)
    if name == "documents":
        # Counts per document are settled here, where sentences, tokens and mentions meet.
        return con.execute(
            """
            INSERT INTO documents BY NAME
            SELECT d.* REPLACE (
                coalesce(s.n, 0)::INTEGER AS n_sentences,
                coalesce(t.n, 0)::INTEGER AS n_tokens,
                coalesce(m.n, 0)::INTEGER AS n_mentions)
            FROM new_documents d
            LEFT JOIN (SELECT document_id, count(*) n FROM new_sentences GROUP BY 1) s USING (document_id)
            LEFT JOIN (SELECT document_id, count(*) n FROM new_tokens GROUP BY 1) t USING (document_id)
            LEFT JOIN (SELECT document_id, count(*) n FROM new_entity_mentions GROUP BY 1) m USING (document_id)
            """
        ).fetchall()[0][0]
    if spec.role == "dimension":
        match = " AND ".join(f"x.{k} = n.{k}" for k in spec.key)
        return con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM new_{name} n WHERE NOT EXISTS (SELECT 1 FROM {name} x WHERE {match})").fetchall()[0][0]
    return con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM new_{name}").fetchall()[0][0]


def load_batch(db: Path, run_id: str, batch: dict[str, pa.Table]) -> dict[str, int]:
    """Bulk-load one batch of a run from Arrow in a single transaction; returns rows added per table.

    ``batch`` holds a table for every batch table of the schema. Dimension tables (entities,
    aliases) keep the row already stored for a key; ``documents`` gets its counts here, where
    sentences, tokens and mentions meet.
    """
    missing = set(schema.batch_tables()) - set(batch)
    if missing:
        raise ValueError(f"batch lacks tables {sorted(missing)}")
    added: dict[str, int] = {}
    with connect(db) as con:
        for name, table in batch.items():
            con.register(f"new_{name}", table)
        con.begin()
        try:
            for name in schema.batch_tables():
                added[name] = _insert(con, name)
            con.commit()
        except BaseException:
            _rollback(con)
            raise
    return added


def run_sightings(db: Path, run_id: str) -> pa.Table:
    """(source_id, status) of every sighting a run staged."""
    with connect(db) as con:
        rows = con.execute("SELECT source_id, status FROM stg_documents WHERE run_id = ?", [run_id]).fetchall()
    return pa.table({"source_id": [r[0] for r in rows], "status": [r[1] for r in rows]},
                    schema=pa.schema([("source_id", pa.string()), ("status", pa.string())]))


def candidate_signatures(db: Path, bands: pa.Table) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Signatures and bands of stored documents sharing at least one LSH band hash with ``bands``
    (columns band, hash)."""
    if bands.num_rows == 0:
        return {}, {}
    with connect(db) as con:
        con.register("probe", bands)
        rows = con.sql(
            """
            WITH stored AS (
                SELECT document_id, unnest(range(len(bands))) AS band, unnest(bands) AS hash FROM document_signatures
            ), hits AS (
                SELECT DISTINCT s.document_id FROM stored s JOIN probe p ON s.band = p.band AND s.hash = p.hash
            )
            SELECT d.document_id, d.minhash, d.bands FROM document_signatures d JOIN hits USING (document_id)
            """
        ).fetchall()
    return {r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows}


def record_source_runs(db: Path, rows: pa.Table) -> None:
    with connect(db) as con:
        con.register("new_source_runs", rows)
        con.execute("INSERT INTO source_runs BY NAME SELECT * FROM new_source_runs")


def rollback_run(db: Path, run_id: str) -> None:
    """Remove every row a run added, in one transaction, so its items are retried next time."""
    with connect(db) as con:
        con.begin()
        for name in reversed(schema.batch_tables()):
            con.execute(f"DELETE FROM {name} WHERE run_id = ?", [run_id])
        con.commit()


def start_run(db: Path, run_id: str, flow_run_id: str | None, started_at: datetime, inputs: list[str]) -> None:
    with connect(db) as con:
        con.execute(
            "INSERT INTO runs (run_id, flow_run_id, started_at, status, inputs, pid, host) VALUES (?, ?, ?, 'running', ?, ?, ?)",
            [run_id, flow_run_id, started_at, json.dumps(inputs, ensure_ascii=False), os.getpid(), socket.gethostname()],
        )


def close_crashed_runs(db: Path, now: datetime) -> list[str]:
    """Runs still marked ``running``: called with the warehouse lock held, so their processes are gone.
    Their rows are rolled back (their items are retried) and they are marked ``crashed``."""
    with connect(db) as con:
        stale = [r[0] for r in con.sql("SELECT run_id FROM runs WHERE status = 'running' ORDER BY started_at").fetchall()]
    for run_id in stale:
        rollback_run(db, run_id)
        finish_run(db, run_id, dict(finished_at=now, status="crashed",
                                    error="its process ended without finishing the run (killed, or the machine stopped); "
                                          "its rows were rolled back and its items are retried"))
    return stale


def finish_run(db: Path, run_id: str, fields: dict) -> None:
    cols = ", ".join(f"{k} = ?" for k in fields)
    with connect(db) as con:
        con.execute(f"UPDATE runs SET {cols} WHERE run_id = ?", [*fields.values(), run_id])


def staged_for_refresh(db: Path) -> tuple[list[str], dict[str, datetime]]:
    """The ids of every sighting that had text (new or duplicate), oldest first, and the time each
    existing document was first ingested."""
    with connect(db) as con:
        ids = [r[0] for r in con.sql("SELECT stg_id FROM stg_documents WHERE status <> 'quarantined' "
                                     "ORDER BY fetched_at NULLS FIRST, run_id, stg_id").fetchall()]
        ingested = dict(con.sql("SELECT document_id, ingested_at FROM documents").fetchall())
    return ids, ingested


def staged_rows(db: Path, stg_ids: list[str]) -> pa.Table:
    """Those sightings, in that order, with their status reset to ``new`` (a refresh rebuilds them)."""
    with connect(db) as con:
        con.register("wanted", pa.table({"stg_id": stg_ids, "pos": list(range(len(stg_ids)))}))
        stg = con.sql(
            "SELECT s.* REPLACE ('new' AS status, NULL::VARCHAR AS document_id) FROM stg_documents s "
            "JOIN wanted w USING (stg_id) ORDER BY w.pos"
        ).to_arrow_table()
    return stg.select(schema.arrow("stg_documents").names).cast(schema.arrow("stg_documents"))


def table_counts(db: Path) -> dict[str, int]:
    with connect(db) as con:
        return {name: con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] for name in schema.batch_tables()}


def _derived_tables() -> list[str]:
    return [t for t in schema.batch_tables() if t not in ("stg_documents", "quarantine")]


def clear_derived(db: Path) -> None:
    """Empty every table derived from staging (a full refresh rebuilds them)."""
    with connect(db) as con:
        con.begin()
        for name in reversed(_derived_tables()):
            con.execute(f"DELETE FROM {name}")
        con.commit()


def store_refreshed(db: Path, batch: dict[str, pa.Table]) -> dict[str, int]:
    """One transaction per batch: the rebuilt derived rows in, the sightings' statuses and documents
    updated, and the refresh's own rejections quarantined (earlier ones stay: their raw input did
    not change). Returns the rows each derived table gained."""
    with connect(db) as con:
        for name, table in batch.items():
            con.register(f"new_{name}", table)
        con.begin()
        try:
            con.execute("UPDATE stg_documents s SET status = n.status, document_id = n.document_id, reason = n.reason, "
                        "detail = n.detail FROM new_stg_documents n WHERE s.stg_id = n.stg_id")
            con.execute("INSERT INTO quarantine BY NAME SELECT * FROM new_quarantine n "
                        "WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.stg_id = n.stg_id)")
            added = {}
            for name in _derived_tables():
                added[name] = _insert(con, name)
            con.commit()
        except BaseException:
            _rollback(con)
            raise
    return added


def published_releases(db: Path) -> tuple[str | None, set[str]]:
    """The release of the last run that published (the state the live marts must show), and every
    release a run of this warehouse published."""
    with connect(db) as con:
        rows = con.execute("SELECT release FROM runs WHERE status = 'succeeded' AND release IS NOT NULL "
                           "ORDER BY started_at").fetchall()
    names = [r[0] for r in rows]
    return (names[-1] if names else None), set(names)
