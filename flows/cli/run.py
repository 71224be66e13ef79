"""``khobor run``: the nightly flow, once, with a lock, a clean cancel and an honest exit code."""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from khobor.flows.cli.common import REGISTRY_OPT, WAREHOUSE_OPT, console, err_console, fail, registry_path, warehouse_layout
from khobor.transforms.run_summary import ExitCode, exit_code

# Set once a run has printed its summary: main() may then skip the interpreter's teardown.
leave_without_teardown = False

EXIT_CODES_HELP = """
Exit codes: 0 success (or nothing new); 1 validation failed (nothing published, previous marts
intact) or the run stopped on an error; 2 usage or configuration error; 3 another run is using the
warehouse (or another program has its database open); 4 done, but some sources failed (the others
were published); 5 every source failed (nothing published); 6 the warehouse cannot be used
(damaged, read-only, disk full); 130 cancelled (Ctrl-C or SIGTERM; rolled back).
"""


def _day(value: Optional[str], name: str):
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        fail(f"{name} must be a date like 2026-11-01, not {value!r}", ExitCode.USAGE)


def run(
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="A file or folder of .txt/.md/.html/.jsonl news files, instead of the declared sources."),
    sample: bool = typer.Option(False, "--sample", help="Run the sample corpus that ships with khobor (instead of the declared sources)."),
    source: Optional[list[str]] = typer.Option(None, "--source", "-s", help="Run only this declared source (repeatable)."),
    warehouse: Optional[Path] = WAREHOUSE_OPT,
    timezone: str = typer.Option("UTC", "--timezone", help="Timezone of dates without one in --input items."),
    registry: Optional[Path] = REGISTRY_OPT,
    since: Optional[str] = typer.Option(None, "--since", help="Backfill: only items published on or after this local day (YYYY-MM-DD); undated items wait."),
    until: Optional[str] = typer.Option(None, "--until", help="Backfill: only items published on or before this local day (YYYY-MM-DD)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
    as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON (for machines) instead of a table."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback when the run stops on an error."),
    full_refresh: bool = typer.Option(False, "--full-refresh", help="Fetch nothing; rebuild every derived table from staging (after a model, "
                                      "linking or cleaning upgrade), validate and publish. Idempotent; a failure leaves everything as it was."),
    workers: Optional[int] = typer.Option(None, "--workers", "-j", min=0, help="Prepare batches (clean, tokenize, recognise) on a local Dask "
                                          "cluster of N worker processes; 0 does everything in this process. Default: a process pool of every core."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address", help="Prepare batches on an existing Dask cluster (tcp://HOST:PORT); "
                                               "its workers need khobor and the model installed (see docs/scaling.md)."),
) -> None:
    """Run the nightly flow once and print a summary."""
    since_day, until_day = _day(since, "--since"), _day(until, "--until")
    if full_refresh and (input or sample or source or since or until):
        fail("--full-refresh rebuilds from what is staged: it takes no --input, --sample, --source, --since or --until", ExitCode.USAGE)
    if workers is not None and dask_address:
        fail("give --workers or --dask-address, not both", ExitCode.USAGE)
    if since_day and until_day and since_day > until_day:
        fail("--since is after --until", ExitCode.USAGE)
    if sample:
        from khobor.data import sample_dir

        if input is not None:
            fail("give --input or --sample, not both", ExitCode.USAGE)
        input, timezone = sample_dir(), "Asia/Dhaka"
    if input is not None and not input.exists():
        fail(f"input {input} does not exist", ExitCode.USAGE)
    if input is not None and source:
        fail("give --input or --source, not both", ExitCode.USAGE)
    reg = registry_path(registry)
    if input is None and not full_refresh:
        _check_registry(reg, source)
    layout = warehouse_layout(warehouse)
    def say(msg: str) -> None:  # stderr: stdout is the summary (a table, or JSON for machines)
        err_console.print(msg, highlight=False, soft_wrap=True)

    say(f"inputs:    {'staging (full refresh)' if full_refresh else input if input is not None else f'registry {reg}'}")
    say(f"warehouse: {layout.root}")

    # The warehouse is checked before the lock, Prefect and any work: a broken one is one message and
    # exit 6 (3 when another process holds it), not a traceback or a Prefect start-up timeout.
    with usable_warehouse(layout, "khobor run", say, debug):
        summary = _run_flow(layout, input, source, reg, timezone, since_day, until_day, quiet or as_json, debug, full_refresh,
                            dict(workers=workers, dask_address=dask_address))
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
    else:
        print_summary(summary)
    global leave_without_teardown
    leave_without_teardown = True
    raise typer.Exit(exit_code(summary.get("status", "failed"), summary.get("sources_failed", 0)))


run.__doc__ = (run.__doc__ or "") + EXIT_CODES_HELP


@contextlib.contextmanager
def usable_warehouse(layout, purpose: str, say, debug: bool = False) -> Iterator[None]:
    """Check the warehouse (``check_writable`` before the lock, ``check_database`` under it) and hold
    its lock for the ``with`` body. A warehouse that cannot be used, found by the checks or met in
    the body, ends the command with one or two lines and its exit code (6; 3 when another run or
    program holds it); ``debug`` adds the traceback."""
    from khobor.flows.lock import WarehouseLocked
    from khobor.flows.warehouse_health import WarehouseUnusable, checked_and_locked, explain

    try:
        with checked_and_locked(
                layout.root, layout.db, purpose,
                on_takeover=lambda h: say(f"[yellow]took over the lock left by {h.describe()}: that process no longer runs[/yellow]"),
                on_unchecked=lambda names: say(f"[yellow]the integrity check ran out of time; not read in full: {', '.join(names)}[/yellow]")):
            yield
    except WarehouseLocked as exc:
        fail(f"{exc}. Wait for it to finish, or stop it (Ctrl-C or SIGTERM cancels it cleanly).", ExitCode.LOCKED)
    except (WarehouseUnusable, OSError) as exc:
        unusable = explain(exc, layout.db)
        if unusable is None:
            raise
        _fail_with(unusable, exc, debug)


def _check_registry(reg: Path, source: Optional[list[str]]) -> None:
    from khobor.flows.sources.base import ConfigError
    from khobor.flows.sources.registry import read_registry, select

    try:
        registry = read_registry(reg)
        _, wrong = select(registry, source)
    except ConfigError as exc:
        fail(str(exc), ExitCode.USAGE)
    for sid, why in wrong.items():
        err_console.print(f"[yellow]warning:[/yellow] source {sid!r} cannot run and will be reported as failed: {why}", highlight=False, soft_wrap=True)


def _run_flow(layout, input, source, reg, timezone, since, until, quiet: bool, debug: bool, full_refresh: bool = False,
              parallel: dict | None = None) -> dict:
    from khobor.flows import cancel, progress
    from khobor.flows.runtime_env import configure

    configure(layout)
    if not os.environ.get("PREFECT_API_URL"):
        # Started before the heavy imports below, so its start-up overlaps them.
        from khobor.flows.prefect_server import start_local_server

        server = start_local_server(layout.prefect_home, services=False)
        os.environ["PREFECT_API_URL"] = server.api_url
    else:
        server = None
    cancel.install_handlers()
    reporter = None
    if not quiet:
        if sys.stderr.isatty():
            reporter = progress.RichReporter(err_console)
        else:
            reporter = progress.LineReporter(sys.stderr)
    progress.use(reporter)
    try:
        if full_refresh:
            from khobor.flows.refresh import refresh as flow_fn

            kwargs = dict(warehouse_dir=str(layout.root), **(parallel or {}))
        else:
            from khobor.flows.nightly import nightly as flow_fn

            kwargs = dict(warehouse_dir=str(layout.root), input_path=str(input) if input else None, source_ids=source or None,
                          registry_path=str(reg), timezone_name=timezone, since=since, until=until, **(parallel or {}))
        if not debug:
            _tracebacks_off_the_console()
        if server is not None:
            # The run would load these on its first batches; here they take no time of their own.
            from khobor.transforms.entities.extract import warm_up_linking

            warm_up_linking()
            server.wait_ready()
        state = flow_fn(**kwargs, return_state=True)
    finally:
        if isinstance(reporter, progress.RichReporter):
            reporter.close()
        progress.use(None)
    result = state.result(raise_on_failure=False)
    if isinstance(result, dict):
        return result
    from khobor.flows.lock import WarehouseLocked

    if isinstance(result, WarehouseLocked):
        fail(f"{result}. Wait for it to finish, or stop it.", ExitCode.LOCKED)
    if isinstance(result, BaseException):
        from khobor.flows.warehouse_health import explain

        unusable = explain(result, layout.db)
        if unusable is not None:
            _fail_with(unusable, result, debug, "the run stopped (its rows were rolled back): ")
    if debug and isinstance(result, BaseException):
        import traceback

        traceback.print_exception(result)
    fail(f"the run stopped on an error: {type(result).__name__}: {result} (its rows were rolled back; "
         f"--debug shows the traceback)", ExitCode.FAILED)


class _NoTraceback(logging.Filter):
    """Prefect's console lines keep their one-line message but lose the traceback: the run's own
    last line says what happened, and ``--debug`` shows the traceback (the Prefect server's log
    keeps it either way)."""

    def filter(self, record: logging.LogRecord) -> bool:
        # In place (Python 3.11 filters cannot swap the record): the console handler is the last
        # one a record meets, after the handler that sends it to the Prefect server.
        record.exc_info = record.exc_text = None
        return True


def _tracebacks_off_the_console() -> None:
    names = ["", "prefect", *(n for n in logging.Logger.manager.loggerDict if n.startswith("prefect."))]
    for name in names:
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, logging.StreamHandler) and not any(isinstance(f, _NoTraceback) for f in handler.filters):
                handler.addFilter(_NoTraceback())


def _fail_with(unusable, cause: BaseException, debug: bool, prefix: str = ""):
    """The one or two lines for a warehouse that cannot be used, its exit code; the traceback with --debug."""
    if debug:
        import traceback

        traceback.print_exception(cause)
    fail(prefix + str(unusable), unusable.code)


def print_summary(s: dict) -> None:
    t = Table(title=f"khobor run {s['run_id']}", show_header=False)
    t.add_column(style="bold")
    t.add_column(overflow="fold")
    t.add_row("status", s.get("status", "?"))
    t.add_row("warehouse", s["database"])
    t.add_row("marts", s["marts"])
    t.add_row("analytics", s["analytics_db"])
    for key in ("items_seen", "items_new", "documents_new", "duplicates_new", "sentences_new", "tokens_new", "mentions_new", "entities_new", "quarantined_new"):
        t.add_row(key.replace("_", " "), str(s.get(key, 0)))
    if s.get("status") not in ("cancelled",):
        verdict = "passed" if s.get("validation_success") else "FAILED: " + "; ".join(s.get("failed_expectations") or [])
        t.add_row("validation", verdict)
    t.add_row("published", ", ".join(s.get("published_marts") or []) or "nothing (marts unchanged)")
    t.add_row("sources", ", ".join(f"{k}: {v}" for k, v in (s.get("sources") or {}).items()))
    t.add_row("recognisers", ", ".join(s.get("recognisers") or []))
    for w in s.get("warnings") or []:
        t.add_row("[yellow]warning[/yellow]", w)
    if s.get("error"):
        t.add_row("[red]stopped[/red]", s["error"])
    t.add_row("report", s.get("report", ""))
    t.add_row("stage seconds", ", ".join(f"{k} {v:.2f}" for k, v in (s.get("stage_seconds") or {}).items()))
    console.print(t)
