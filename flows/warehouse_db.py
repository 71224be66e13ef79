"""DuckDB I/O for the writer: schema, what is already known, the one-transaction load, and run rows.

Every function opens its own short-lived connection: tasks pass paths, never connections.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import socket
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from khobor.data import schema_sql
from khobor.transforms import schema


def duckdb_config() -> dict[str, str]:
    """DuckDB's limits for khobor's connections. Left alone, DuckDB may cache up to 80% of RAM, so a
    run's memory would grow with the warehouse it reads; beyond this limit it spills to disk.
    ``KHOBOR_DUCKDB_MEMORY`` (DuckDB's size syntax, e.g. ``2GB``) changes it."""
    return {"memory_limit": os.environ.get("KHOBOR_DUCKDB_MEMORY", "512MB")}


@contextlib.contextmanager
def connect(db: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(db), read_only=read_only, config=duckdb_config())
    try:
        yield con
    finally:
        con.close()


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


def known_aliases(db: Path) -> dict[str, str]:
    with connect(db) as con:
        return dict(con.sql("SELECT alias_key, entity_id FROM entity_aliases").fetchall())


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
        except Exception:
            con.rollback()
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
        except Exception:
            con.rollback()
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


# -- a warehouse that cannot be used ----------------------------------------------------------------

class WarehouseUnusable(RuntimeError):
    """The warehouse cannot be used at all; the message says what happened and what to do, ``code``
    is the exit code (6; 3 when another process holds it)."""

    code = 6


class WarehouseBusy(WarehouseUnusable):
    """Another process has the database open."""

    code = 3


# How much room a run wants in the warehouse folder before it starts (the probe file is written and
# removed; the free space is what statvfs reports). A full disk then fails here, not half-way.
PROBE_BYTES = 4 << 20
MIN_FREE_BYTES = 64 << 20
# The integrity check reads every table in full (DuckDB verifies each block's checksum as it reads
# it): about 0.2 s for news_bench's 65 MB warehouse, roughly 1 s per 300 MB cold. Tables after the
# budget is spent are left unchecked (a run still stops at the first damaged block it meets).
CHECK_SECONDS = float(os.environ.get("KHOBOR_CHECK_SECONDS", "30"))

_FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def _full(root: Path, detail: str) -> WarehouseUnusable:
    return WarehouseUnusable(f"the disk holding the warehouse {root} is full ({detail}): free space there, or raise the "
                             "file size limit (ulimit -f), and run again")


def _read_only(path: Path, detail: str) -> WarehouseUnusable:
    return WarehouseUnusable(f"{path} is read-only ({detail}): give this user write permission (or mount it read-write), "
                             "or use another --warehouse")


def _damaged(db: Path, detail: str) -> WarehouseUnusable:
    return WarehouseUnusable(f"the warehouse file {db} is damaged ({detail}): restore it from a backup, or move it aside "
                             "and run again to reload everything from the sources")


def _first_line(text: str, limit: int = 240) -> str:
    line = text.strip().splitlines()[0] if text.strip() else text
    return line if len(line) <= limit else line[: limit - 1] + "…"


def explain(exc: BaseException, db: Path) -> WarehouseUnusable | None:
    """A ``WarehouseUnusable`` for an error that means the warehouse cannot be used (full, read-only,
    held by another process, damaged), or None for any other error."""
    if isinstance(exc, WarehouseUnusable):
        return exc
    root = db.parent
    if isinstance(exc, OSError) and exc.errno is not None:
        detail = f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
        if exc.errno in _FULL:
            return _full(root, detail)
        if exc.errno in _READ_ONLY:
            return _read_only(Path(exc.filename) if exc.filename else root, detail)
        return None
    if not isinstance(exc, duckdb.Error):
        return None
    msg = str(exc)
    low = msg.lower()
    if "conflicting lock" in low or "could not set lock" in low:
        m = re.search(r"held in (.+?) \(PID (\d+)\)", msg)
        who = f"PID {m.group(2)}, {m.group(1)}" if m else "another process"
        return WarehouseBusy(f"{db} is open in another program ({who}): close it (analysts should open analytics.duckdb, "
                             "which never blocks a run) and run again")
    if "no space left" in low or "file too large" in low or "disk quota" in low:
        return _full(root, _first_line(msg))
    if "read-only file system" in low or "permission denied" in low:
        return _read_only(db, _first_line(msg))
    if any(w in low for w in ("corrupt", "checksum", "not a valid duckdb database", "could not read enough bytes",
                              "serializ", "invalid block", "failed to read database header")):
        return _damaged(db, _first_line(msg))
    return None


def check_writable(root: Path, db: Path) -> None:
    """Before anything else (before the lock, before Prefect): the warehouse folder can be created
    and written, has room, and its database file (if any) is writable. Raises ``WarehouseUnusable``."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise explain(exc, db) or WarehouseUnusable(f"the warehouse folder {root} cannot be created: {exc}") from exc
    for path in (root, db, Path(f"{db}.wal")):
        if path.exists() and not os.access(path, os.W_OK | (os.X_OK if path.is_dir() else 0)):
            if os.statvfs(path).f_flag & os.ST_RDONLY:
                raise _read_only(path, "on a read-only file system")
            raise _read_only(path, "no write permission for this user" if os.access(path, os.R_OK) else "no access for this user")
    probe = root / f".khobor-space-check-{os.getpid()}"
    try:
        with open(probe, "wb") as fh:
            block = b"\0" * (1 << 20)
            for _ in range(PROBE_BYTES // len(block)):
                fh.write(block)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise explain(exc, db) or WarehouseUnusable(f"the warehouse folder {root} cannot be written: {exc}") from exc
    finally:
        try:
            probe.unlink()
        except OSError:
            pass
    st = os.statvfs(root)
    free = st.f_bavail * st.f_frsize
    if free < MIN_FREE_BYTES:
        raise _full(root, f"{free / 2**20:.0f} MiB free, a run wants at least {MIN_FREE_BYTES >> 20} MiB")


def check_database(db: Path, budget_seconds: float | None = None) -> list[str]:
    """With the warehouse lock held, before any work: the database opens for writing (no other
    process holds it) and every table reads back in full (damage anywhere in the file is found
    now, not at validation). Returns the tables left unchecked when the time budget ran out.
    Raises ``WarehouseUnusable`` (``WarehouseBusy`` when another process holds the file)."""
    if not db.exists():
        return []
    budget = CHECK_SECONDS if budget_seconds is None else budget_seconds
    try:
        con = duckdb.connect(str(db), config=duckdb_config())
    except duckdb.Error as exc:
        raise explain(exc, db) or WarehouseUnusable(f"{db} cannot be opened: {_first_line(str(exc))}") from exc
    unchecked: list[str] = []
    table = "the catalog"
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                                           "ORDER BY estimated_size").fetchall()]
        deadline = time.monotonic() + budget
        for table in names:
            if time.monotonic() > deadline:
                unchecked.append(table)
                continue
            con.execute(f'SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM "{table}"').fetchall()
    except duckdb.Error as exc:
        found = explain(exc, db)
        if found is None or "is damaged" in str(found):  # an error reading a table is damage: say which table
            found = _damaged(db, f"table {table}: {_first_line(str(exc))}")
        raise found from exc
    finally:
        con.close()
    return unchecked
