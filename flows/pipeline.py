"""The document pipeline of a run: batches of staged sightings → documents, sentences, tokens and
linked entities, each batch loaded as soon as it is done (inside the run, so a failed or
cancelled run still rolls back as one).

A batch is bounded by documents and characters, so memory does not grow with the input. Each
batch goes through ``prepare-batch`` (clean, tokenize, model and span rules, MinHash: needs
nothing but the batch) on the batch executor, then through ``finish_batch`` here, one batch at a
time in the order they were read (what the warehouse holds, near-duplicates, entity linking,
load), so ids are the same whatever the parallelism.

Executors (``executor``):
- ``None``: every batch in this process.
- a process pool of both cores (the default on a machine with more than one core);
- a Dask cluster through prefect-dask's ``DaskTaskRunner``: local (``--workers N``) or existing
  (``--dask-address``).
A run that turns out to be a single batch never starts the executor.
"""
from __future__ import annotations

import atexit
import collections
import gc
import os
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
from prefect import task
from prefect.cache_policies import NONE
from prefect.task_runners import ProcessPoolTaskRunner

from khobor.flows import cancel, progress
from khobor.flows import warehouse_db as wdb
from khobor.flows.paths import WarehouseLayout
from khobor.flows.resources import entity_extractor
from khobor.transforms.chain import FinishedBatch, PreparedBatch, finish_batch, prepare_batch
from khobor.transforms.documents.build import quarantine_rows
from khobor.transforms.documents.near_duplicates import band_probe
from khobor.transforms.entities.extract import LinkSession
from khobor.transforms.entities.gazetteer import default_gazetteer

KEEP_OPEN_BATCHES = 8  # batches loaded between two closings of the warehouse (see DocumentPipeline._finish)
BATCH_DOCUMENTS = int(os.environ.get("KHOBOR_BATCH_DOCUMENTS", "100"))
BATCH_CHARS = int(os.environ.get("KHOBOR_BATCH_CHARS", "2000000"))


@dataclass(frozen=True)
class BatchLimits:
    """Items per batch, and raw bytes per batch (a batch of long articles closes early)."""

    documents: int = field(default_factory=lambda: int(os.environ.get("KHOBOR_BATCH_DOCUMENTS", BATCH_DOCUMENTS)))
    chars: int = field(default_factory=lambda: int(os.environ.get("KHOBOR_BATCH_CHARS", BATCH_CHARS)))

    def full(self, n_items: int, n_chars: int) -> bool:
        return n_items >= self.documents or n_chars >= self.chars


@task(name="prepare-batch", cache_policy=NONE)
def prepare(stg: pa.Table, run_id: str, now: datetime, model: str | None, since: date | None, until: date | None) -> PreparedBatch:
    """Clean, tokenize, recognise and sign one batch (runs wherever the executor puts it; the
    model is loaded once per worker process)."""
    prepared = prepare_batch(stg, run_id, now, entity_extractor(Path(model) if model else None), since, until)
    give_back_memory()
    return prepared


def settle_long_lived() -> None:
    """Put what is alive now (imports, the gazetteer, the link session's keys: half a million
    objects) out of the cyclic garbage collector's reach, so that ``collect_batch_garbage`` after
    every batch is cheap (a few ms instead of 0.3 s). ``DocumentPipeline.shutdown`` undoes it.
    Only runs with workers need it: their futures make the garbage (see ``collect_batch_garbage``)."""
    gc.collect()
    gc.freeze()


def collect_batch_garbage() -> None:
    """Free the reference cycles a finished batch leaves behind. The task runner's futures and
    states of a batch sit in cycles that hold its pickled result (about 5 MB, at times the unpickled
    batch as well). Python's full collection runs only when the long-lived objects have grown by a
    quarter, so these piled up between two: +10 MB of heap per batch, 150 MB in the run's process
    over 25 batches of news_bench."""
    gc.collect()


MMAP_THRESHOLD = 64 * 1024  # bytes: blocks this large get pages of their own (see keep_large_blocks_off_the_heap)


def keep_large_blocks_off_the_heap() -> None:
    """Give every block of ``MMAP_THRESHOLD`` or more its own pages, returned to the system when it
    is freed. glibc raises its threshold (up to 32 MB) each time a large block is freed, so a run's
    batch-sized blocks (article bodies, lists of a batch's rows) moved into the heap, between
    blocks that live on, and the heap's free but resident space grew with the run: 22 → 148 MB
    over 3× news_bench, 10 MB with the fixed threshold (the run's process 60–100 MB smaller there)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-3, MMAP_THRESHOLD)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def give_back_memory() -> None:
    """Return the freed heap of a finished batch to the system. glibc keeps freed memory in its
    arenas, so without this a process's resident size stays at its largest batch plus fragments, and
    slowly creeps up over a long run."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def executor(workers: int | None = None, dask_address: str | None = None, model: Path | None = None):
    """The task runner batches are prepared on (``None``: in this process). See the module docstring.
    ``model``: the NER model a process pool's workers load as they start."""
    # One BLAS thread per worker process: every core already has a worker, and OpenBLAS threads that
    # spin waiting for work would take turns with them. Workers inherit the environment; this
    # process has loaded OpenBLAS already, so it keeps its threads for a run without workers.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers is not None:
        if workers <= 0:
            return None
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(cluster_class="distributed.LocalCluster",
                              cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    cores = os.cpu_count() or 1
    if cores < 2:
        return None
    return batch_pool(cores, model)


def batch_pool(max_workers: int, model: Path | None = None):
    """Prefect's process pool, with every worker started as the pool is entered, each loading the
    model as it starts. Left to itself the pool starts a worker per submitted batch, and a worker
    loads the model in its first batch: the first results of a 1x news_bench run came ~3 s after
    the first submit. Entered before this process loads the linker's gazetteer (``DocumentPipeline``),
    the workers get ready meanwhile."""
    return BatchProcessPool(max_workers=max_workers, initializer=worker_init, initargs=(str(model) if model else None, True))


class BatchProcessPool(ProcessPoolTaskRunner):
    """See ``batch_pool``."""

    def __enter__(self):
        super().__enter__()
        for _ in range(self._max_workers):  # the executor starts a process per job while none is idle: all of them
            self._executor.submit(os.getpid)
        return self


def worker_init(model: str | None = None, load_model: bool = False) -> None:
    """In each pool worker: die with the run (a SIGKILLed run leaves no workers behind), and leave
    Ctrl-C to the run, which cancels and stops the pool itself. ``load_model``: load the NER model
    now (``batch_pool``)."""
    import ctypes
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:  # not Linux
        pass
    atexit.register(_exit_without_teardown)  # registered first, so it runs after every later handler
    if load_model:
        try:
            entity_extractor(Path(model) if model else None)
        except Exception:  # noqa: BLE001 - the first batch loads it again and fails with the reason, as a task error
            pass


def _exit_without_teardown() -> None:
    """A worker's last step: leave without tearing the interpreter down. Freeing the model, the
    gazetteer and a heap of a gigabyte object by object took a worker 1-2.6 s, which the run waited
    for before validating (the pool's shutdown joins its workers). Nothing is left to save by then:
    results went back through the pool's pipe, log records through its queue (flushed by
    multiprocessing's own exit function, which runs before ``atexit``), and the handlers registered
    after this one (Prefect's) have run; logging's, registered before, is called by ``leave_now``."""
    from khobor.flows.process_exit import leave_now

    leave_now(0)


@dataclass
class Totals:
    staged: int = 0
    added: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    batches: int = 0

    def add(self, added: dict[str, int], seconds: dict[str, float]) -> None:
        self.batches += 1
        for k, v in added.items():
            self.added[k] = self.added.get(k, 0) + v
        for k, v in seconds.items():
            self.seconds[k] = round(self.seconds.get(k, 0.0) + v, 3)


class DocumentPipeline:
    """Feed it staged sightings with ``add``; ``close`` waits for the last batch. One per run."""

    def __init__(self, layout: WarehouseLayout, run_id: str, now: datetime, model: Path | None,
                 since: date | None = None, until: date | None = None, runner=None, loader=None):
        self.layout, self.run_id, self.now = layout, run_id, now
        self.args = (run_id, now, str(model) if model else None, since, until)
        self.runner = runner  # entered when a second batch shows up
        self.started = False
        self.held: pa.Table | None = None  # the first batch, until we know whether there is a second
        self.in_flight: collections.deque = collections.deque()
        self.session: LinkSession | None = None
        self.keeper = None  # the warehouse held open while batches load (wdb.hold_open)
        self.settled = False  # whether settle_long_lived has run (undone in shutdown)
        self.loader = loader or (lambda batch: wdb.load_batch(layout.db, run_id, batch))
        self.totals = Totals()
        self.bar = progress.current().stage("process", unit="items")
        keep_large_blocks_off_the_heap()

    def __reduce__(self):
        # Prefect ships the parameters of the task a batch is submitted from (ingest) along with the
        # batch; the pipeline itself (workers, queues, the link session) stays in this process.
        return (str, (f"<document pipeline of run {self.run_id}>",))

    # -- input ---------------------------------------------------------------------------------
    def add(self, stg: pa.Table) -> None:
        if stg.num_rows == 0:
            return
        self.totals.staged += stg.num_rows
        if self.runner is None:
            self._finish(prepare(stg, *self.args))
            return
        if not self.started and self.held is None:
            self.held = stg
            return
        if not self.started:
            self.runner.__enter__()  # first: the workers start (and load the model) while the linker loads
            self.started = True
            self._link_session()  # loaded before settling, so that it is settled too
            settle_long_lived()
            self.settled = True
            self._submit(self.held)
            self.held = None
        self._submit(stg)

    def _submit(self, stg: pa.Table) -> None:
        self.in_flight.append(self.runner.submit(prepare, parameters=dict(zip(("stg", "run_id", "now", "model", "since", "until"), (stg, *self.args)))))
        # Enough in flight to keep every worker busy while this process links and loads.
        while len(self.in_flight) > self._depth():
            self._finish(self.in_flight.popleft().result())

    def _depth(self) -> int:
        workers = getattr(self.runner, "_max_workers", None) or (os.cpu_count() or 2)
        return workers + 1

    def close(self) -> Totals:
        """Finish every batch; returns the totals. The executor is shut down either way."""
        try:
            if self.held is not None:  # a single batch: never worth starting workers for
                self._finish(prepare(self.held, *self.args))
                self.held = None
            while self.in_flight:
                self._finish(self.in_flight.popleft().result())
        finally:
            self.shutdown()
        # What linking learnt is in the warehouse now: validation and publishing can have the memory
        # of the last batch's linking state and of the gazetteer's index.
        self.session = None
        gc.collect()
        give_back_memory()
        self.bar.done(self.totals.staged)
        return self.totals

    def shutdown(self) -> None:
        if self.settled:  # first, so that nothing below can leave it undone; close collects
            self.settled = False
            gc.unfreeze()
        while self.in_flight:
            future = self.in_flight.popleft()
            inner = getattr(future, "wrapped_future", future)
            if hasattr(inner, "cancel"):
                inner.cancel()
        if self.keeper is not None:
            self.keeper.close()
            self.keeper = None
        if self.started:
            self.started = False
            self.runner.__exit__(None, None, None)

    # -- the ordered half ------------------------------------------------------------------------
    def _finish(self, prepared: PreparedBatch) -> None:
        cancel.checkpoint()
        t0 = time.perf_counter()
        db = self.layout.db
        if self.keeper is not None and self.totals.batches % KEEP_OPEN_BATCHES == 0:
            # DuckDB keeps what it read and wrote in its cache until the database closes: closing it
            # now and then keeps the cache to a few batches' worth, whatever the size of the run.
            self.keeper.close()
            self.keeper = None
        if self.keeper is None:
            self.keeper = wdb.hold_open(db)
        session = self._link_session()
        known = wdb.known_document_ids(db, prepared.documents["document_id"].to_pylist())
        candidates = wdb.candidate_signatures(db, band_probe(prepared.bands))
        done: FinishedBatch = finish_batch(prepared, known, candidates, session, self.now)
        t1 = time.perf_counter()
        added = self.loader({
            "stg_documents": done.stg, "documents": done.documents, "sentences": done.tables.sentences,
            "tokens": done.tables.tokens, "entity_mentions": done.tables.mentions, "entities": done.tables.entities,
            "entity_aliases": done.tables.aliases, "quarantine": quarantine_rows(done.stg, self.now),
            "document_signatures": done.signatures, "document_duplicates": done.duplicates,
        })
        seconds = dict(done.tables.seconds)
        seconds["load"] = time.perf_counter() - t1
        seconds["finish"] = t1 - t0
        self.totals.add(added, seconds)
        self.bar.advance(done.stg.num_rows)
        del done, prepared
        if self.settled:
            collect_batch_garbage()
        give_back_memory()

    def _link_session(self) -> LinkSession:
        if self.session is None:
            self.session = LinkSession(default_gazetteer(), store=wdb.WarehouseAliases(self.layout.db))
        return self.session
