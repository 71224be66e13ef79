"""The ``khobor`` command line."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from flows.paths import DEFAULT_WAREHOUSE, WarehouseLayout
from flows.runtime_env import configure

app = typer.Typer(add_completion=False, no_args_is_help=True, help="khobor: Bengali-first news to a validated DuckDB warehouse.")
console = Console(stderr=False)


@app.callback()
def _root() -> None:
    """khobor: Bengali-first news to a validated DuckDB warehouse."""


@app.command()
def run(
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="A file or folder of .txt/.md/.html/.jsonl news files. Default: the declared sources."),
    warehouse: Path = typer.Option(DEFAULT_WAREHOUSE, "--warehouse", "-w", help="Folder for the DuckDB file, marts and reports."),
    timezone: str = typer.Option("UTC", "--timezone", help="Timezone of dates without one in --input items."),
) -> None:
    """Run the nightly flow once and print a summary."""
    if input is not None and not input.exists():
        console.print(f"[red]error:[/red] input {input} does not exist")
        raise typer.Exit(2)
    layout = WarehouseLayout.at(warehouse)
    configure(layout)
    from flows.nightly import nightly

    summary = nightly(warehouse_dir=str(layout.root), input_path=str(input) if input else None, timezone_name=timezone)
    _print_summary(summary)
    if summary.get("status") == "failed":
        raise typer.Exit(1)


@app.command()
def serve(
    warehouse: Path = typer.Option(DEFAULT_WAREHOUSE, "--warehouse", "-w", help="Folder for the DuckDB file, marts and reports."),
    cron: str = typer.Option("30 2 * * *", help="When to run, as a cron expression."),
    timezone: str = typer.Option("Asia/Dhaka", help="Timezone the cron expression is read in."),
) -> None:
    """Serve the nightly flow on a schedule (needs a Prefect server: set PREFECT_API_URL)."""
    layout = WarehouseLayout.at(warehouse)
    configure(layout)
    from prefect.schedules import Cron

    from flows.nightly import nightly

    nightly.serve(
        name="khobor-nightly",
        schedules=[Cron(cron, timezone=timezone)],
        parameters={"warehouse_dir": str(layout.root)},
        description="khobor nightly: declared sources to validated marts.",
    )


def _print_summary(s: dict) -> None:
    t = Table(title=f"khobor run {s['run_id']}", show_header=False)
    t.add_column(style="bold")
    t.add_column()
    t.add_row("status", s.get("status", "?"))
    t.add_row("warehouse", s["database"])
    t.add_row("marts", s["marts"])
    t.add_row("analytics", s["analytics_db"])
    for key in ("items_seen", "items_new", "documents_new", "duplicates_new", "sentences_new", "tokens_new", "mentions_new", "entities_new", "quarantined_new"):
        t.add_row(key.replace("_", " "), str(s.get(key, 0)))
    verdict = "passed" if s.get("validation_success") else "FAILED: " + "; ".join(s.get("failed_expectations") or [])
    t.add_row("validation", verdict)
    t.add_row("published", ", ".join(s.get("published_marts") or []) or "nothing (marts unchanged)")
    t.add_row("report", s.get("report", ""))
    t.add_row("stage seconds", ", ".join(f"{k} {v:.2f}" for k, v in (s.get("stage_seconds") or {}).items()))
    console.print(t)


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
