"""The run's process keeps large blocks off glibc's heap (see ``pipeline.keep_large_blocks_off_the_heap``),
and DuckDB's cache small while batches load (``warehouse_db.hold_open``)."""
from __future__ import annotations

import platform
import subprocess
import sys

import pyarrow as pa
import pytest

# In a fresh process: free a 1 MB block (glibc then raises its threshold above it), trim the heap,
# and see whether a 900 KB block gets pages of its own.
PROBE = """
import ctypes, sys
class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL("libc.so.6"); libc.mallinfo2.restype = MallInfo2
from khobor.flows import pipeline
if sys.argv[1] == "kept":
    pipeline.keep_large_blocks_off_the_heap()
first = bytearray(1 << 20); del first
libc.malloc_trim(0)
before = libc.mallinfo2().hblkhd
block = bytearray(900 * 1024)
print(libc.mallinfo2().hblkhd - before)
"""


def _mapped_by_a_block(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_a_batch_sized_block_gets_pages_of_its_own():
    assert _mapped_by_a_block("kept") >= 900 * 1024
    assert _mapped_by_a_block("glibc default") == 0  # what the run's heap did before


def _setting(con) -> str:
    return con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0].replace(" ", "")


def test_the_warehouse_held_open_for_loading_has_a_small_cap(tmp_path, monkeypatch):
    from khobor.flows import warehouse_db as wdb

    monkeypatch.delenv("KHOBOR_DUCKDB_MEMORY", raising=False)
    wdb.ensure_schema(tmp_path / "w.duckdb")
    con = wdb.hold_open(tmp_path / "w.duckdb")
    try:
        assert wdb.LOAD_MEMORY == "64MB" and _setting(con) in ("61.0MiB", "64.0MB", "64MB")
    finally:
        con.close()
    monkeypatch.setenv("KHOBOR_DUCKDB_MEMORY", "300MB")  # the operator's own limit wins
    con = wdb.hold_open(tmp_path / "w.duckdb")
    try:
        assert _setting(con) in ("286.1MiB", "300.0MB", "300MB")
    finally:
        con.close()


def test_batches_larger_than_the_load_cap_still_load_and_checkpoint(tmp_path, monkeypatch):
    """DuckDB spills or streams what does not fit: a cap below one batch's size is slower, never an error."""
    from khobor.flows import warehouse_db as wdb
    from khobor.transforms import schema

    monkeypatch.delenv("KHOBOR_DUCKDB_MEMORY", raising=False)
    monkeypatch.setattr(wdb, "LOAD_MEMORY", "16MB")
    db = tmp_path / "w.duckdb"
    wdb.ensure_schema(db)
    n = 400_000  # about 40 MB of tokens a batch
    keeper = wdb.hold_open(db)
    try:
        for k in range(2):
            batch = {name: schema.empty(name) for name in schema.batch_tables()}
            batch["tokens"] = pa.table({
                "document_id": pa.array([f"d{k}-{i // 400}" for i in range(n)]), "token_index": pa.array(range(n), pa.int32()),
                "run_id": pa.array(["r"] * n), "sentence_index": pa.array([0] * n, pa.int32()),
                "start": pa.array(range(n), pa.int32()), "end": pa.array(range(1, n + 1), pa.int32()),
                "text": pa.array([f"শব্দ{i}" * 8 for i in range(n)]), "kind": pa.array(["word"] * n),
                "value": pa.array([None] * n, pa.float64())}, schema=schema.arrow("tokens"))
            assert wdb.load_batch(db, "r", batch)["tokens"] == n
        assert _setting(keeper) in ("15.2MiB", "16.0MB", "16MB")
        keeper.execute("CHECKPOINT")
        assert keeper.execute("SELECT count(*) FROM tokens").fetchall()[0][0] == 2 * n
    finally:
        keeper.close()
