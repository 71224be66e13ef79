"""Batches and parallelism change nothing in the warehouse: the sample in one batch in this process,
in batches of two on a process pool, and in batches of two on a 2-worker local Dask cluster give
the same rows (ids included), and a duplicate in a later batch is still a duplicate."""
from __future__ import annotations

import shutil
import time

import psutil
import pytest
from prefect import flow, task

from khobor.data import sample_dir
from khobor.flows.nightly import nightly
from khobor.flows.pipeline import batch_pool
from tests.warehouse_checks import warehouse_contents


def _input(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(sample_dir(), src)
    # An exact copy read last (a later batch than its original), and a near-copy.
    body = (src / "2026-11-21-cyclone-warning.bn.txt").read_text(encoding="utf-8")
    (src / "zz-cyclone-again.bn.txt").write_text(body, encoding="utf-8")
    (src / "zz-cyclone-edited.bn.txt").write_text(body.replace("।", "। ", 1) + "\nআরও খবর আসছে।\n", encoding="utf-8")
    return src


def _run(tmp_path, name, monkeypatch, batch: int, **kw):
    monkeypatch.setenv("KHOBOR_BATCH_DOCUMENTS", str(batch))
    wh = tmp_path / name
    s = nightly(warehouse_dir=str(wh), input_path=str(tmp_path / "in"), timezone_name="Asia/Dhaka", **kw)
    assert s["status"] == "succeeded", s
    return s, warehouse_contents(wh / "khobor.duckdb")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("reference")
    _input(tmp)
    with pytest.MonkeyPatch.context() as mp:
        return tmp, *_run(tmp, "one-batch", mp, batch=1000, workers=0)


def test_reference_run_sees_the_duplicate_and_the_near_duplicate(reference):
    _, s, rows = reference
    assert s["duplicates_new"] == 1 and s["near_duplicates_new"] == 1, s
    assert len(rows["documents"]) == s["documents_new"] == s["items_new"] - 1


def test_batches_in_this_process_give_the_same_warehouse(reference, monkeypatch):
    from khobor.flows import pipeline
    from khobor.flows import warehouse_db as wdb

    # The warehouse held open while batches load is closed and opened again every few batches.
    opened = []
    hold_open = wdb.hold_open
    monkeypatch.setattr(wdb, "hold_open", lambda db: opened.append(db) or hold_open(db))
    monkeypatch.setattr(pipeline, "KEEP_OPEN_BATCHES", 2)
    tmp, s1, rows1 = reference
    s2, rows2 = _run(tmp, "batches-inline", monkeypatch, batch=1, workers=0)
    assert rows2 == rows1
    assert s2["stage_seconds"]["load"] > 0
    batches = s2["items_seen"]  # one item a batch
    assert batches > 4 and len(opened) == (batches + 1) // 2  # opened for the 1st, 3rd, 5th... batch


def test_batches_on_a_process_pool_give_the_same_warehouse(reference, monkeypatch):
    tmp, _, rows1 = reference
    _, rows2 = _run(tmp, "batches-pool", monkeypatch, batch=2)
    assert rows2 == rows1


@pytest.mark.slow
def test_batches_on_a_local_dask_cluster_give_the_same_warehouse(reference, monkeypatch):
    tmp, _, rows1 = reference
    _, rows2 = _run(tmp, "batches-dask", monkeypatch, batch=2, workers=2)
    assert rows2 == rows1


def test_a_process_pool_run_leaves_no_finished_batch_behind(reference, monkeypatch):
    """The task runner's futures of a finished batch sit in reference cycles that hold its pickled
    result; the run frees them after every batch instead of leaving them to Python's rare full
    collections (switched off here, so only the run's own collections count)."""
    import gc

    from khobor.flows import warehouse_db as wdb

    alive: list[int] = []
    load = wdb.load_batch

    def counting(*args, **kwargs):
        alive.append(sum(1 for o in gc.get_objects() if type(o).__name__ == "_ChainedFuture"))
        return load(*args, **kwargs)

    monkeypatch.setattr(wdb, "load_batch", counting)
    tmp, _, rows1 = reference
    gc.disable()
    try:
        _, rows2 = _run(tmp, "batches-pool-garbage", monkeypatch, batch=1)
    finally:
        gc.enable()
    assert rows2 == rows1
    # In flight: as many batches as workers plus one, and the one being loaded.
    assert len(alive) > 6 and max(alive) <= 5, alive


@task
def _models_loaded() -> int:
    from khobor.transforms.entities.extract import extractor_for

    return extractor_for.cache_info().currsize


def _pool_workers() -> set[int]:
    """This process's live spawned children (earlier tests' may linger as zombies, or still exit)."""
    out = set()
    for p in psutil.Process().children():
        try:
            if p.status() != psutil.STATUS_ZOMBIE and "spawn_main" in " ".join(p.cmdline()):
                out.add(p.pid)
        except psutil.Error:  # gone, or a zombie meanwhile
            pass
    return out


def test_the_process_pool_starts_every_worker_with_the_model_loaded_before_any_batch():
    """Workers start as the pool is entered (not one per submitted batch) and load the model as they
    start, so they get ready while the run loads its linker."""

    @flow
    def probe() -> tuple[int, int]:
        before = _pool_workers()
        with batch_pool(2) as pool:
            deadline = time.monotonic() + 60
            while len(_pool_workers() - before) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            started = len(_pool_workers() - before)
            return started, pool.submit(_models_loaded, {}).result()

    started, loaded = probe()
    assert (started, loaded) == (2, 1)
