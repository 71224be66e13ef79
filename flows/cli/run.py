"""``khobor run`` and ``khobor serve``: the nightly flow, once or on a schedule."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from khobor.flows.cli.common import REGISTRY_OPT, WAREHOUSE_OPT, console, fail, registry_path, warehouse_layout
from khobor.flows.runtime_env import configure


def run(
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="A file or folder of .txt/.md/.html/.jsonl news files, instead of the declared sources."),
    sample: bool = typer.Option(False, "--sample", help="Run the sample corpus that ships with khobor (instead of the declared sources)."),
    source: Optional[list[str]] = typer.Option(None, "--source", "-s", help="Run only this declared source (repeatable)."),
    warehouse: Optional[Path] = WAREHOUSE_OPT,
    timezone: str = typer.Option("UTC", "--timezone", help="Timezone of dates without one in --input items."),
    registry: Optional[Path] = REGISTRY_OPT,
) -> None:
    """Run the nightly flow once and print a summary."""
    if sample:
        from khobor.data import sample_dir

        if input is not None:
            fail("give --input or --sample, not both")
        input, timezone = sample_dir(), "Asia/Dhaka"
    if input is not None and not input.exists():
        fail(f"input {input} does not exist")
    if input is not None and source:
        fail("give --input or --source, not both")
    from khobor.flows.sources.base import ConfigError
    from khobor.flows.sources.registry import read_registry, select

    reg = registry_path(registry)
    if input is None:
        try:
            select(read_registry(reg), source)
        except ConfigError as exc:
            fail(str(exc))
    layout = warehouse_layout(warehouse)
    console.print(f"inputs:    {input if input is not None else f'registry {reg}'}", highlight=False, soft_wrap=True)
    console.print(f"warehouse: {layout.root}", highlight=False, soft_wrap=True)
    configure(layout)
    from khobor.flows.nightly import nightly

    summary = nightly(warehouse_dir=str(layout.root), input_path=str(input) if input else None,
                      source_ids=source or None, registry_path=str(reg), timezone_name=timezone)
    print_summary(summary)
    if summary.get("status") == "failed":
        raise typer.Exit(1)


def serve(
    warehouse: Optional[Path] = WAREHOUSE_OPT,
    cron: str = typer.Option("30 2 * * *", help="When to run, as a cron expression."),
    timezone: str = typer.Option("Asia/Dhaka", help="Timezone the cron expression is read in."),
    registry: Optional[Path] = REGISTRY_OPT,
) -> None:
    """Serve the nightly flow on a schedule (needs a Prefect server: set PREFECT_API_URL)."""
    layout = warehouse_layout(warehouse)
    configure(layout)
    from prefect.schedules import Cron

    from khobor.flows.nightly import nightly

    nightly.serve(
        name="khobor-nightly",
        schedules=[Cron(cron, timezone=timezone)],
        parameters={"warehouse_dir": str(layout.root), "registry_path": str(registry_path(registry))},
        description="khobor nightly: declared sources to validated marts.",
    )


def print_summary(s: dict) -> None:
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
    t.add_row("sources", ", ".join(f"{k}: {v}" for k, v in (s.get("sources") or {}).items()))
    t.add_row("recognisers", ", ".join(s.get("recognisers") or []))
    for w in s.get("warnings") or []:
        t.add_row("[yellow]warning[/yellow]", w)
    t.add_row("report", s.get("report", ""))
    t.add_row("stage seconds", ", ".join(f"{k} {v:.2f}" for k, v in (s.get("stage_seconds") or {}).items()))
    console.print(t)
