"""``khobor sources list`` and ``khobor sources check``."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from khobor.flows.cli.common import REGISTRY_OPT, WAREHOUSE_OPT, console, fail, registry_path, warehouse_layout

app = typer.Typer(no_args_is_help=True, help="Inspect and check the declared sources.")


@app.command("list")
def sources_list(registry: Optional[Path] = REGISTRY_OPT, warehouse: Optional[Path] = WAREHOUSE_OPT) -> None:
    """Each declared source with its last run, new items and errors."""
    from khobor.flows.source_check import last_source_runs
    from khobor.flows.sources.base import ConfigError
    from khobor.flows.sources.registry import read_registry

    reg = registry_path(registry)
    try:
        registry_ = read_registry(reg)
    except ConfigError as exc:
        fail(str(exc))
    infos = registry_.sources
    last = last_source_runs(warehouse_layout(warehouse).db)
    t = Table(title=f"sources in {reg}")
    for col in ("id", "kind", "enabled", "location", "last run", "seen", "new", "quarantined", "documents", "error"):
        t.add_column(col, overflow="fold")
    for i in infos:
        r = last.get(i.id, {})
        loc = i.location if isinstance(i.location, str) else f"{i.locations[0]} (+{len(i.locations) - 1})"
        t.add_row(i.id, i.kind, "yes" if i.enabled else "no", loc,
                  str(r["started_at"])[:19] if r else "never", str(r.get("items_seen", "")), str(r.get("items_new", "")),
                  str(r.get("quarantined_new", "")), str(r.get("documents_total", "")), r.get("error") or "")
    for sid, why in registry_.problems.items():
        state = "no" if sid in registry_.disabled_ids else "yes"
        t.add_row(sid, registry_.kinds.get(sid, "?"), state, "", "", "", "", "", "", f"[red]entry is wrong:[/red] {why}")
    console.print(t)


@app.command("check")
def sources_check(
    source_id: str = typer.Argument(..., help="The id of a declared source."),
    limit: int = typer.Option(3, "--limit", "-n", help="How many items to fetch."),
    registry: Optional[Path] = REGISTRY_OPT,
) -> None:
    """Fetch a few items of a source and show what would be loaded, writing nothing."""
    from khobor.flows.source_check import check_source
    from khobor.flows.sources.base import ConfigError
    from khobor.flows.sources.registry import read_registry, select, uses_network

    reg = registry_path(registry)
    try:
        registry_ = read_registry(reg)
        (info,), _ = select(registry_, [source_id])
        if registry_.fetch_problem and uses_network([info]):
            raise ConfigError(registry_.fetch_problem)
    except ConfigError as exc:
        fail(str(exc))
    fetch = registry_.fetch
    try:
        previews = check_source(info, reg.parent, limit, fetch)
    except Exception as exc:  # noqa: BLE001 - a check reports what went wrong; it never crashes
        fail(f"source {source_id!r} failed: {type(exc).__name__}: {exc}", code=1)
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
