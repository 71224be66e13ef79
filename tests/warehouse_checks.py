"""Assertions about a warehouse folder, shared by the end-to-end tests."""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from khobor.transforms import schema


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.sql(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in schema.batch_tables()}
    finally:
        con.close()


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under root, resolving the 'current' symlink like a reader would."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    current = root / "current"
    if current.is_symlink():
        out["current ->"] = str(current.readlink())
    return out


def assert_offsets_exact(db: Path) -> int:
    """text[start:end] == stored text, in Python code points, for every sentence, token and mention."""
    con = duckdb.connect(str(db), read_only=True)
    checked = 0
    try:
        texts = dict(con.sql("SELECT document_id, text FROM documents").fetchall())
        for table in ("sentences", "tokens", "entity_mentions"):
            rows = con.sql(f'SELECT document_id, "start", "end", text FROM {table}').fetchall()
            for doc, s, e, t in rows:
                assert texts[doc][s:e] == t, f"{table}: {doc}[{s}:{e}] is {texts[doc][s:e]!r}, stored {t!r}"
                checked += 1
    finally:
        con.close()
    return checked


# Columns that say when or in which run a row was written, not what it is.
_RUN_COLUMNS = {"run_id", "created_at", "ingested_at", "quarantined_at", "fetched_at"}


def warehouse_contents(db: Path) -> dict[str, list[tuple]]:
    """Every batch table's rows, sorted, without the columns that name the run or its time: two
    warehouses built from the same input are equal here whatever the batching or parallelism."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in schema.batch_tables():
            cols = [f'"{c.name}"' for c in schema.table(t).columns if c.name not in _RUN_COLUMNS]
            out[t] = con.sql(f"SELECT {', '.join(cols)} FROM {t} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()
