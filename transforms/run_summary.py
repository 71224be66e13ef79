"""What a run did, in numbers and one status: pure functions the flow feeds with its results.

Statuses: ``succeeded`` (new rows validated and published), ``unchanged`` (nothing new, nothing
published), ``failed`` (validation refused the batch or its marts; nothing published, rows rolled
back).
"""
from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc

# runs-table column for each loaded table's row count
_ADDED_COLUMNS = {
    "documents": "documents_new", "sentences": "sentences_new", "tokens": "tokens_new",
    "entity_mentions": "mentions_new", "entities": "entities_new", "quarantine": "quarantined_new",
    "document_duplicates": "near_duplicates_new",
}


def run_counts(source_stats: Iterable[dict], stg: pa.Table, added: dict[str, int]) -> dict[str, int]:
    """Items seen and staged, and rows each table gained."""
    counts = {"items_seen": sum(st["items_seen"] for st in source_stats), "items_new": stg.num_rows,
              "duplicates_new": int(pc.sum(pc.equal(stg["status"], "duplicate")).as_py() or 0) if stg.num_rows else 0}
    counts.update({col: int(added.get(table, 0)) for table, col in _ADDED_COLUMNS.items()})
    return counts


def run_status(changed: bool, validation_ok: bool, release: str | None, marts_exist: bool) -> str:
    if not validation_ok:
        return "failed"
    if release is not None:
        return "succeeded"
    if changed or not marts_exist:
        return "failed"  # there was something to publish and the marts refused it
    return "unchanged"


def needs_publish(changed: bool, marts_exist: bool) -> bool:
    return changed or not marts_exist


def source_results(source_stats: Iterable[dict]) -> dict[str, str]:
    return {st["source_id"]: st["error"] or "ok" for st in source_stats}


def runs_row(status: str, counts: dict[str, int], failures: list[str], release: str | None,
             stage_seconds: dict[str, float], finished_at) -> dict:
    """The fields of the run's ``runs`` row once it ends."""
    return dict(finished_at=finished_at, status=status, validation_success=not failures,
                failed_expectations=failures, release=release, stage_seconds=stage_seconds,
                **{k: v for k, v in counts.items() if k != "near_duplicates_new"})
