"""``khobor serve`` (the nightly schedule, with its own Prefect server when none is given) and
``khobor trigger`` (an ad-hoc run of the served deployment, from any shell)."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer

from khobor.flows.cli.common import REGISTRY_OPT, WAREHOUSE_OPT, console, err_console, fail, registry_path, warehouse_layout
from khobor.transforms.run_summary import ExitCode

DEPLOYMENT = "khobor-nightly"
FLOW = "nightly"


def serve_state_path(layout) -> Path:
    return layout.prefect_home / "serve.json"


def next_run(cron: str, tz: str, now: datetime | None = None) -> datetime:
    from cronsim import CronSim

    return next(CronSim(cron, now or datetime.now(ZoneInfo(tz))))


def valid_cron(cron: str) -> bool:
    from cronsim import CronSim, CronSimError

    try:
        CronSim(cron, datetime.now())
    except CronSimError:
        return False
    return True


def serve(
    warehouse: Optional[Path] = WAREHOUSE_OPT,
    cron: str = typer.Option("30 2 * * *", help="When to run, as a cron expression."),
    timezone: str = typer.Option("Asia/Dhaka", help="Timezone the cron expression is read in."),
    registry: Optional[Path] = REGISTRY_OPT,
    port: int = typer.Option(0, help="Port of the local Prefect server khobor starts (0: any free port)."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback when the warehouse cannot be used."),
) -> None:
    """Run the nightly flow on a schedule until stopped (Ctrl-C or SIGTERM).

    Without PREFECT_API_URL, khobor starts a local Prefect server itself (its state under the
    warehouse folder, its UI on 127.0.0.1); with it, the deployment is registered on that server.
    One run at a time: a run in flight when the service stops is cancelled and rolled back.

    The warehouse is checked first, as ``khobor run`` checks it, before any Prefect server starts:
    exit 6 when it cannot be used (damaged, read-only, disk full), 3 when another run or program
    holds it; 2 for a usage or configuration error. Each scheduled run checks it again.
    """
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        fail(f"unknown timezone {timezone!r}", ExitCode.USAGE)
    if not valid_cron(cron):
        fail(f"not a cron expression: {cron!r}", ExitCode.USAGE)
    layout = warehouse_layout(warehouse)
    reg = registry_path(registry)
    if not reg.exists():
        fail(f"source registry {reg} not found (give --registry, or run where sources.toml is)", ExitCode.USAGE)
    # Checked with its lock taken, then released: each scheduled run takes the lock (and checks) itself.
    from khobor.flows.cli.run import usable_warehouse

    with usable_warehouse(layout, "khobor serve (checking the warehouse)",
                          lambda msg: err_console.print(msg, highlight=False, soft_wrap=True), debug):
        pass
    from khobor.flows.runtime_env import configure

    configure(layout)
    server = None
    api = os.environ.get("PREFECT_API_URL")
    if not api:
        from khobor.flows.prefect_server import start_local_server

        server = start_local_server(layout.prefect_home, ui=True, port=port or None)
        os.environ["PREFECT_API_URL"] = api = server.api_url
    # Runs are child processes: they must not start Prefect servers of their own.
    os.environ.setdefault("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "false")

    from khobor.flows.nightly import nightly

    if server is not None:
        server.wait_ready()
    from prefect.schedules import Cron

    deployment = nightly.to_deployment(
        name=DEPLOYMENT, schedules=[Cron(cron, timezone=timezone)], concurrency_limit=1,
        parameters={"warehouse_dir": str(layout.root), "registry_path": str(reg)},
        description="khobor nightly: declared sources to validated marts.",
    )
    ui = api.removesuffix("/api")

    def ready() -> None:  # the deployment is registered: say where everything is
        state = {"api_url": api, "ui_url": ui, "deployment": f"{FLOW}/{DEPLOYMENT}", "pid": os.getpid(),
                 "cron": cron, "timezone": timezone, "warehouse": str(layout.root), "registry": str(reg)}
        serve_state_path(layout).write_text(json.dumps(state, indent=1), encoding="utf-8")
        console.print(f"khobor serve: deployment [bold]{FLOW}/{DEPLOYMENT}[/bold], cron {cron!r} in {timezone}", highlight=False)
        console.print(f"  warehouse: {layout.root}\n  registry:  {reg}", highlight=False)
        console.print(f"  Prefect UI: {ui}" + ("" if server is None else f" (local server started by khobor; log {server.log_path})"), highlight=False)
        console.print(f"  next run:  {next_run(cron, timezone).isoformat(timespec='minutes')}", highlight=False)
        console.print(f"  ad-hoc run from another shell: khobor trigger --warehouse {layout.root}", highlight=False)
        console.print(f"    or: PREFECT_API_URL={api} prefect deployment run '{FLOW}/{DEPLOYMENT}'", highlight=False)
        console.print("  stop with Ctrl-C or SIGTERM", highlight=False)
        sys.stdout.flush()

    try:
        asyncio.run(_serve_until_stopped(deployment, ready))
    finally:
        serve_state_path(layout).unlink(missing_ok=True)
        if server is not None:
            server.stop()
    console.print("khobor serve stopped", highlight=False)


async def _serve_until_stopped(deployment, ready) -> None:
    """Serve until SIGTERM or Ctrl-C, then cancel a run in flight (its flow rolls its rows back) and
    return. Prefect's own SIGTERM handler only exits, leaving runs behind: this one stops them."""
    from prefect.runner import Runner

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    class _Runner(Runner):
        def handle_sigterm(self, *args) -> None:
            loop.call_soon_threadsafe(stop.set)

    runner = _Runner(name="khobor-serve", limit=1, pause_on_shutdown=False)
    await runner.aadd_deployment(deployment)
    ready()
    loop.add_signal_handler(signal.SIGINT, stop.set)
    started = asyncio.create_task(runner.start())
    waiter = asyncio.create_task(stop.wait())
    await asyncio.wait({started, waiter}, return_when=asyncio.FIRST_COMPLETED)
    console.print("khobor serve: stopping (a run in flight is cancelled and rolled back)...", highlight=False)
    if runner.started:
        await runner.astop()
    try:
        await asyncio.wait_for(started, timeout=25)
    except (TimeoutError, asyncio.CancelledError):
        pass


def trigger(
    warehouse: Optional[Path] = WAREHOUSE_OPT,
    wait: bool = typer.Option(False, "--wait", help="Wait for the run to finish and exit with its code."),
) -> None:
    """Start an ad-hoc run of the served nightly deployment (``khobor serve`` must be running)."""
    layout = warehouse_layout(warehouse)
    path = serve_state_path(layout)
    if not path.exists():
        fail(f"no khobor serve is running for {layout.root} (start it with: khobor serve --warehouse {layout.root})", ExitCode.USAGE)
    state = json.loads(path.read_text(encoding="utf-8"))
    os.environ["PREFECT_API_URL"] = state["api_url"]
    from khobor.flows.runtime_env import configure

    configure(layout)
    from prefect.deployments import run_deployment

    try:
        fr = run_deployment(state["deployment"], timeout=0)
    except Exception as exc:  # noqa: BLE001 - the server is gone or refuses: say so in one line
        fail(f"could not reach the khobor serve at {state['api_url']}: {type(exc).__name__}: {exc}", ExitCode.USAGE)
    console.print(f"started flow run {fr.name} ({fr.id}) of {state['deployment']}; see {state['ui_url']}/runs/flow-run/{fr.id}", highlight=False)
    if not wait:
        return
    from prefect import get_client

    with get_client(sync_client=True) as client:
        while True:
            run = client.read_flow_run(fr.id)
            if run.state and run.state.is_final():
                break
            time.sleep(2)
    console.print(f"flow run {fr.name}: {run.state.name}", highlight=False)
    raise typer.Exit(0 if run.state.is_completed() else ExitCode.FAILED)
