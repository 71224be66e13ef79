"""The ``khobor`` command line."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from flows.paths import DEFAULT_WAREHOUSE, WarehouseLayout
from flows.runtime_env import configure

app = typer.Typer(add_completion=False, no_args_is_help=True, help="khobor: Bengali-first news to a validated DuckDB warehouse.")
# Piped output (logs, CI) is not squeezed to 80 columns: tables of sources and runs need room.
console = Console(width=None if sys.stdout.isatty() else max(shutil.get_terminal_size((160, 24)).columns, 120))


@app.callback()
def _root() -> None:
    """khobor: Bengali-first news to a validated DuckDB warehouse."""


sources_app = typer.Typer(no_args_is_help=True, help="Inspect and check the declared sources.")
app.add_typer(sources_app, name="sources")

REGISTRY_OPT = typer.Option(None, "--registry", help="The source registry file. Default: sources.toml (or $KHOBOR_SOURCES).")


def _registry(path: Optional[Path]) -> Path:
    from flows.sources.registry import DEFAULT_REGISTRY

    return (path or DEFAULT_REGISTRY).resolve()


def _fail(message: str, code: int = 2) -> None:
    console.print(f"[red]error:[/red] {message}", soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def run(
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="A file or folder of .txt/.md/.html/.jsonl news files, instead of the declared sources."),
    source: Optional[list[str]] = typer.Option(None, "--source", "-s", help="Run only this declared source (repeatable)."),
    warehouse: Path = typer.Option(DEFAULT_WAREHOUSE, "--warehouse", "-w", help="Folder for the DuckDB file, marts and reports."),
    timezone: str = typer.Option("UTC", "--timezone", help="Timezone of dates without one in --input items."),
    registry: Optional[Path] = REGISTRY_OPT,
) -> None:
    """Run the nightly flow once and print a summary."""
    if input is not None and not input.exists():
        _fail(f"input {input} does not exist")
    if input is not None and source:
        _fail("give --input or --source, not both")
    from flows.sources.base import ConfigError
    from flows.sources.registry import read_registry, select

    if input is None:
        try:
            select(read_registry(_registry(registry)), source)
        except ConfigError as exc:
            _fail(str(exc))
    layout = WarehouseLayout.at(warehouse)
    configure(layout)
    from flows.nightly import nightly

    summary = nightly(warehouse_dir=str(layout.root), input_path=str(input) if input else None,
                      source_ids=source or None, registry_path=str(_registry(registry)), timezone_name=timezone)
    _print_summary(summary)
    if summary.get("status") == "failed":
        raise typer.Exit(1)


def _jsonl_io(input: Optional[Path], output: Optional[Path]):
    src = open(input, encoding="utf-8", errors="surrogateescape") if input else sys.stdin
    dst = open(output, "w", encoding="utf-8") if output else sys.stdout
    return src, dst


@app.command()
def tokenize(
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="JSONL file of {\"id\", \"text\"}; default stdin."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Where to write JSONL; default stdout."),
) -> None:
    """Sentences and tokens for JSONL records, offsets into each text exactly as given."""
    from transforms.text_jsonl import tokenize_records

    src, dst = _jsonl_io(input, output)
    for line in tokenize_records(src):
        dst.write(line + "\n")
    dst.flush()


@app.command()
def extract(
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="JSONL file of {\"id\", \"text\"}; default stdin."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Where to write JSONL; default stdout."),
) -> None:
    """Entity mentions with canonical entities for JSONL records, offsets into each text as given."""
    from transforms.entities.extract import default_extractor
    from transforms.entities.extract_jsonl import extract_records

    src, dst = _jsonl_io(input, output)
    for line in extract_records(src, default_extractor()):
        dst.write(line + "\n")
    dst.flush()


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


@sources_app.command("list")
def sources_list(
    registry: Optional[Path] = REGISTRY_OPT,
    warehouse: Path = typer.Option(DEFAULT_WAREHOUSE, "--warehouse", "-w", help="Warehouse whose runs to report."),
) -> None:
    """Each declared source with its last run, new items and errors."""
    from flows.source_check import last_source_runs
    from flows.sources.base import ConfigError
    from flows.sources.registry import read_registry

    try:
        infos = read_registry(_registry(registry))
    except ConfigError as exc:
        _fail(str(exc))
    last = last_source_runs(WarehouseLayout.at(warehouse).db)
    t = Table(title=f"sources in {_registry(registry)}")
    for col in ("id", "kind", "enabled", "location", "last run", "seen", "new", "quarantined", "documents", "error"):
        t.add_column(col, overflow="fold")
    for i in infos:
        r = last.get(i.id, {})
        loc = i.location if isinstance(i.location, str) else f"{i.locations[0]} (+{len(i.locations) - 1})"
        t.add_row(i.id, i.kind, "yes" if i.enabled else "no", loc,
                  str(r["started_at"])[:19] if r else "never", str(r.get("items_seen", "")), str(r.get("items_new", "")),
                  str(r.get("quarantined_new", "")), str(r.get("documents_total", "")), r.get("error") or "")
    console.print(t)


@sources_app.command("check")
def sources_check(
    source_id: str = typer.Argument(..., help="The id of a declared source."),
    limit: int = typer.Option(3, "--limit", "-n", help="How many items to fetch."),
    registry: Optional[Path] = REGISTRY_OPT,
) -> None:
    """Fetch a few items of a source and show what would be loaded, writing nothing."""
    from flows.source_check import check_source
    from flows.sources.base import ConfigError
    from flows.sources.registry import fetch_settings, read_registry, select

    reg = _registry(registry)
    try:
        (info,) = select(read_registry(reg), [source_id])
        fetch = fetch_settings(reg)
    except ConfigError as exc:
        _fail(str(exc))
    try:
        previews = check_source(info, reg.parent, limit, fetch)
    except Exception as exc:  # noqa: BLE001 - a check reports what went wrong; it never crashes
        _fail(f"source {source_id!r} failed: {type(exc).__name__}: {exc}", code=1)
    if not previews:
        console.print(f"source {source_id!r} returned no items")
    bad = 0
    for p in previews:
        t = Table(show_header=False, title=p["item_key"], title_justify="left")
        t.add_column(style="bold")
        t.add_column(overflow="fold")
        if "error" in p:
            bad += 1
            t.add_row("[red]rejected[/red]", p["error"])
        else:
            t.add_row("title", p.get("title") or "(none)")
            t.add_row("published", str(p.get("published_at") or "unknown"))
            t.add_row("language", p.get("language") or "?")
            t.add_row("first sentence", (p.get("first_sentence") or "")[:200])
            t.add_row("entities", ", ".join(p.get("entities") or []) or "(none)")
        console.print(t)
    console.print(f"{len(previews) - bad} of {len(previews)} items would load; nothing was written.", soft_wrap=True)
    if previews and bad == len(previews):
        raise typer.Exit(1)


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
    t.add_row("sources", ", ".join(f"{k}: {v}" for k, v in (s.get("sources") or {}).items()))
    t.add_row("report", s.get("report", ""))
    t.add_row("stage seconds", ", ".join(f"{k} {v:.2f}" for k, v in (s.get("stage_seconds") or {}).items()))
    console.print(t)


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
