"""What every command shares: the console, options, errors, and where the defaults point."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import NoReturn, Optional

import typer
from rich.console import Console
from rich.markup import escape

from khobor.flows.paths import WarehouseLayout, default_registry, default_warehouse

# Piped output (logs, CI) is not squeezed to 80 columns: tables of sources and runs need room.
console = Console(width=None if sys.stdout.isatty() else max(shutil.get_terminal_size((160, 24)).columns, 120))
err_console = Console(stderr=True)

REGISTRY_OPT = typer.Option(None, "--registry", help="The source registry file. Default: sources.toml in $KHOBOR_HOME or the current folder (or $KHOBOR_SOURCES).")
WAREHOUSE_OPT = typer.Option(None, "--warehouse", "-w", help="Folder for the DuckDB file, marts and reports. Default: warehouse/ in $KHOBOR_HOME or the current folder.")


def fail(message: str, code: int = 2) -> NoReturn:
    err_console.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True, highlight=False)
    raise typer.Exit(code)


def registry_path(path: Optional[Path]) -> Path:
    return (path or default_registry()).expanduser().resolve()


def warehouse_layout(path: Optional[Path]) -> WarehouseLayout:
    return WarehouseLayout.at(path or default_warehouse())
