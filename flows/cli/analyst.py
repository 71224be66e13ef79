"""``khobor sql`` and ``khobor report``: what analysts run against a warehouse's published marts,
read from ``analytics.duckdb`` read-only without the writer's lock, so both work while a run is
writing; and ``khobor dictionary``, the data dictionary generated from the catalogue.
"""
from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from khobor.flows.cli.common import WAREHOUSE_OPT, console, err_console, fail, warehouse_layout
from khobor.transforms.run_summary import ExitCode

FORMATS = ("table", "csv", "json")
# Statements that would change a database: DuckDB's read-only connection refuses them; the CLI
# only names the reason when it does.
_WRITES = {"INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "MERGE_INTO", "COPY_DATABASE", "CREATE_FUNC"}


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _cell(value) -> str:
    if value is None:
        return ""
    value = _plain(value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)


def _writes(query: str) -> list[str]:
    import duckdb

    try:
        return [s.type.name for s in duckdb.extract_statements(query) if s.type.name in _WRITES]
    except Exception:  # noqa: BLE001 - a query that does not parse is reported by DuckDB itself
        return []


def sql(
    query: str = typer.Argument(..., help="The SQL to run (read-only; several statements run in order, the last one's rows are printed). '-' reads it from stdin."),
    warehouse: Optional[Path] = WAREHOUSE_OPT,
    format: str = typer.Option("table", "--format", "-f", help="table | csv | json (a JSON array of objects)."),
    max_rows: Optional[int] = typer.Option(None, "--max-rows", help="Print at most this many rows."),
) -> None:
    """Run read-only SQL against the published marts (analytics.duckdb), also while a run is writing.

    Views: mart_documents, fct_entity_mentions, mart_entity_daily, mart_entity_cooccurrence,
    dim_entities, khobor_release (see docs/data-dictionary.md and docs/queries.md). A statement that
    would change the database is refused by the read-only connection (exit 1).
    """
    import duckdb

    from khobor.flows.analytics import AnalyticsMissing
    from khobor.flows.analytics import query as run_query

    if format not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}", ExitCode.USAGE)
    if query == "-":
        query = sys.stdin.read()
    layout = warehouse_layout(warehouse)
    try:
        result = run_query(layout, query, max_rows)
    except AnalyticsMissing as exc:
        fail(str(exc), ExitCode.USAGE)
    except duckdb.Error as exc:
        message = str(exc).strip()
        writes = _writes(query)
        if writes:
            fail(f"refused: {', '.join(sorted(set(writes)))} would change the database, and khobor sql opens "
                 f"analytics.duckdb read-only (DuckDB: {message})", ExitCode.FAILED)
        fail(message, ExitCode.FAILED)
    if format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
    elif format == "json":
        print(json.dumps([dict(zip(result.columns, map(_plain, row))) for row in result.rows], ensure_ascii=False, indent=2))
    else:
        table = Table(show_lines=False)
        for name, typ in zip(result.columns, result.types):
            table.add_column(f"{name}\n[dim]{typ.lower()}[/dim]", overflow="fold")
        for row in result.rows:
            table.add_row(*(_cell(v) if v is not None else "[dim]NULL[/dim]" for v in row))
        console.print(table)
        err_console.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}", highlight=False)


def dictionary(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write it here (docs/data-dictionary.md) instead of stdout."),
) -> None:
    """Print the data dictionary (every mart and table: grain, key, each column's type and meaning),
    generated from the catalogue: the marts' YAML docs and parquet types, and schema.sql's comments."""
    from khobor.flows.dictionary import MartDocsIncomplete, data_dictionary

    try:
        text = data_dictionary()
    except MartDocsIncomplete as exc:
        fail(str(exc), ExitCode.FAILED)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        err_console.print(f"wrote {out}", highlight=False)


def report(
    warehouse: Optional[Path] = WAREHOUSE_OPT,
    run: Optional[str] = typer.Option(None, "--run", help="The run to report on (its id). Default: the latest run."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Where to write the page. Default: <warehouse>/reports/<run_id>.html."),
) -> None:
    """Write one self-contained HTML page (no network references; the Bengali font is inline): the
    run's summary and validation results, then top entities, mentions over time, the strongest
    co-occurring pairs and coverage by newspaper, as charts, from the live marts."""
    from khobor.flows.analytics import AnalyticsMissing
    from khobor.flows.report import ReportMissing, write_report

    layout = warehouse_layout(warehouse)
    try:
        path = write_report(layout, run, out)
    except (AnalyticsMissing, ReportMissing) as exc:
        fail(str(exc), ExitCode.USAGE)
    print(path)
