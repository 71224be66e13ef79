"""What stops a run, and whose fault it is: a signal that lands inside a DuckDB query is a
cancellation (DuckDB replaces whatever the handler raised with RuntimeError("Query interrupted")),
and only a source's own errors make that source "failed" — a batch that cannot be processed or
loaded stops the run instead of being blamed on the source it came from."""
from __future__ import annotations

import signal
from types import SimpleNamespace

import duckdb
import pytest
from prefect.exceptions import TerminationSignal

from khobor.flows import cancel
from khobor.flows.nightly import _guarded, stopped_by_signal


def test_a_sigterm_during_a_duckdb_query_counts_as_a_stop():
    def prefect_like(signum, frame):  # what Prefect's SIGTERM bridge does under serve
        raise TerminationSignal(signal=signum)

    previous = signal.signal(signal.SIGALRM, prefect_like)
    con = duckdb.connect()
    caught = None
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        # A few seconds of work at most: whether or not the signal gets through, the test ends.
        con.sql("SELECT count(*) FROM range(3000000000) t(i) WHERE i % 7 = 3").fetchall()
    except BaseException as exc:  # noqa: BLE001 - what DuckDB turned the signal into is the point
        caught = exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        con.close()
    if caught is None:
        # Seen once inside the full suite: the query ran on with the signal pending and never
        # reached Python's handler (a signal handled after the query raises TerminationSignal
        # itself, which is a stop as before).
        pytest.skip("the signal did not reach the query in this process")
    assert stopped_by_signal(caught), repr(caught)


@pytest.mark.parametrize("exc, stop", [
    (cancel.RunCancelled("x"), True), (KeyboardInterrupt(), True), (TerminationSignal(signal=15), True),
    (RuntimeError("Query interrupted"), True), (RuntimeError("something else"), False),
    (duckdb.IOException("disk full"), False), (ValueError("Query interrupted"), False),
])
def test_which_errors_are_stops(exc, stop):
    assert stopped_by_signal(exc) is stop


@pytest.mark.parametrize("raised, stop", [(TerminationSignal(signal=15), True), (ValueError("TerminationSignal: "), False)])
def test_a_signal_pydantic_swallowed_while_serialising_is_a_stop(raised, stop):
    # Seen under serve on a loaded machine: SIGTERM arrived while Prefect serialised a state, and
    # the run was recorded "failed" (PydanticSerializationError ... TerminationSignal) not "cancelled".
    from pydantic import BaseModel, model_serializer

    class State(BaseModel):
        @model_serializer(mode="wrap")
        def _ser_model(self, handler):
            raise raised

    with pytest.raises(Exception) as caught:
        State().model_dump()
    assert stopped_by_signal(caught.value) is stop


class _Source:
    def __init__(self, fail_after: int | None):
        self.fail_after = fail_after

    def items(self):
        for i in range(5):
            if self.fail_after is not None and i == self.fail_after:
                raise OSError("the feed went away")
            yield i


def _run_guarded(monkeypatch, source, consume, stat):
    import khobor.flows.nightly as nightly

    monkeypatch.setattr(nightly, "build_source", lambda info, context: source)
    monkeypatch.setattr(nightly, "get_run_logger", lambda: __import__("logging").getLogger("test"))
    got = []
    for item in _guarded(SimpleNamespace(id="feed"), None, stat):
        consume(item)
        got.append(item)
    return got, stat


def test_a_source_error_ends_that_source_and_is_recorded(monkeypatch):
    stat = {"error": None}
    got, _ = _run_guarded(monkeypatch, _Source(fail_after=3), lambda item: None, stat)
    assert got == [0, 1, 2] and stat["error"] == "OSError: the feed went away"


def test_an_error_while_processing_a_batch_is_not_the_sources(monkeypatch):
    def load(item):
        if item == 2:
            raise duckdb.IOException("could not write to the warehouse")

    stat = {"error": None}
    with pytest.raises(duckdb.IOException):
        _run_guarded(monkeypatch, _Source(fail_after=None), load, stat)
    assert stat["error"] is None  # the run stops (and is rolled back); the source did nothing wrong


def _empty_batch():
    from khobor.transforms import schema

    return {name: schema.empty(name) for name in schema.batch_tables()}


@pytest.mark.parametrize("stop", [duckdb.InterruptException("INTERRUPT Error: Interrupted!"), TerminationSignal(signal=15)])
def test_a_stop_inside_a_batchs_transaction_rolls_back_and_stays_a_stop(tmp_path, monkeypatch, stop):
    # Seen under serve: SIGTERM interrupted a batch's query; DuckDB had ended the transaction, so the
    # rollback raised "no transaction is active", which hid the stop and recorded the run "failed".
    from khobor.flows import warehouse_db as wdb

    db = tmp_path / "khobor.duckdb"
    wdb.ensure_schema(db)
    real_insert, calls = wdb._insert, []

    def insert_then_stop(con, name):
        calls.append(name)
        if len(calls) == 1:
            con.execute("CREATE TABLE written_in_batch AS SELECT 1 AS x")  # a write the rollback must undo
            return real_insert(con, name)
        if isinstance(stop, duckdb.InterruptException):
            con.execute("ROLLBACK")  # what an interrupted query leaves: no transaction any more
        raise stop

    monkeypatch.setattr(wdb, "_insert", insert_then_stop)
    with pytest.raises(type(stop)) as raised:
        wdb.load_batch(db, "r1", _empty_batch())
    assert stopped_by_signal(raised.value)
    with wdb.connect(db, read_only=True) as con:
        left = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'written_in_batch'").fetchone()[0]
    assert left == 0
