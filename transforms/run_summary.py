"""What a run did, in numbers and one status, and the exit code that tells an operator: pure
functions the flow and the CLI feed with what the tasks returned.

Statuses (``runs.status``): ``succeeded`` (new rows validated and published), ``unchanged`` (nothing
new, nothing published), ``failed`` (validation refused the batch or its marts, or an error stopped
the run; rolled back, nothing published), ``sources_failed`` (every source failed; nothing
published, no empty release), ``cancelled`` (Ctrl-C or SIGTERM; rolled back), ``crashed`` (the
process died; the next run rolls it back and says so).
"""
from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

import pyarrow as pa
import pyarrow.compute as pc


class ExitCode(IntEnum):
    """``khobor run``'s exit codes (also in the README and ``khobor run --help``)."""

    OK = 0                # succeeded, or nothing new
    FAILED = 1            # validation failed (nothing published, previous marts intact), or the run stopped on an error
    USAGE = 2             # usage or configuration error (bad option, unreadable registry, unknown source)
    LOCKED = 3            # another run is using the warehouse, or another program has its database open
    SOURCES_PARTIAL = 4   # done, but some sources failed (the others were published)
    SOURCES_FAILED = 5    # every source failed: nothing published
    WAREHOUSE = 6         # the warehouse cannot be used (damaged, read-only, disk full)
    CANCELLED = 130       # Ctrl-C or SIGTERM: the run was rolled back


def exit_code(status: str, sources_failed: int = 0) -> ExitCode:
    if status in ("succeeded", "unchanged"):
        return ExitCode.SOURCES_PARTIAL if sources_failed else ExitCode.OK
    return {"sources_failed": ExitCode.SOURCES_FAILED, "cancelled": ExitCode.CANCELLED}.get(status, ExitCode.FAILED)


# runs-table column for each loaded table's row count
_ADDED_COLUMNS = {
    "documents": "documents_new", "sentences": "sentences_new", "tokens": "tokens_new",
    "entity_mentions": "mentions_new", "entities": "entities_new", "quarantine": "quarantined_new",
    "document_duplicates": "near_duplicates_new",
}


def run_counts(source_stats: Iterable[dict], stg: pa.Table, added: dict[str, int]) -> dict[str, int]:
    """Items seen and staged, rows each table gained, and sources that failed as a whole."""
    stats = list(source_stats)
    counts = {"items_seen": sum(st["items_seen"] for st in stats), "items_new": stg.num_rows,
              "duplicates_new": int(pc.sum(pc.equal(stg["status"], "duplicate")).as_py() or 0) if stg.num_rows else 0,
              "sources_failed": sum(1 for st in stats if st.get("error"))}
    counts.update({col: int(added.get(table, 0)) for table, col in _ADDED_COLUMNS.items()})
    return counts


def every_source_failed(source_stats: Iterable[dict]) -> bool:
    stats = list(source_stats)
    return bool(stats) and all(st.get("error") for st in stats)


def needs_publish(changed: bool, marts_exist: bool, marts_stale: bool = False) -> bool:
    """New rows, no marts yet, or marts that do not show the warehouse (a run killed while publishing)."""
    return changed or not marts_exist or marts_stale


def run_status(changed: bool, validation_ok: bool, release: str | None, marts_exist: bool, all_sources_failed: bool = False,
               marts_stale: bool = False) -> str:
    if all_sources_failed:
        return "sources_failed"
    if not validation_ok:
        return "failed"
    if release is not None:
        return "succeeded"
    if needs_publish(changed, marts_exist, marts_stale):
        return "failed"  # there was something to publish and the marts refused it
    return "unchanged"


def source_results(source_stats: Iterable[dict]) -> dict[str, str]:
    return {st["source_id"]: st["error"] or "ok" for st in source_stats}


def source_report(source_stats: Iterable[dict], source_rows: pa.Table) -> dict[str, dict]:
    """Per source, for the report: ok or failed, what it gave, and its error."""
    rows = {r["source_id"]: r for r in source_rows.to_pylist()}
    out = {}
    for st in source_stats:
        r = rows.get(st["source_id"], {})
        out[st["source_id"]] = {"status": "failed" if st.get("error") else "ok", "kind": st.get("kind"),
                                "items_seen": st["items_seen"], "items_new": r.get("items_new", 0),
                                "documents_new": r.get("documents_new", 0), "quarantined_new": r.get("quarantined_new", 0),
                                "error": st.get("error")}
    return out


def runs_row(status: str, counts: dict[str, int], failures: list[str], release: str | None,
             stage_seconds: dict[str, float], finished_at) -> dict:
    """The fields of the run's ``runs`` row once it ends."""
    return dict(finished_at=finished_at, status=status, validation_success=not failures,
                failed_expectations=failures, release=release, stage_seconds=stage_seconds,
                **{k: v for k, v in counts.items() if k != "near_duplicates_new"})


def markdown(summary: dict, report: dict) -> str:
    """The run summary as a Prefect markdown artifact."""
    lines = [f"# khobor run {summary['run_id']}: {summary['status']}", "",
             f"warehouse `{summary['warehouse']}`; release `{summary.get('release') or '-'}`", "",
             "| source | status | items seen | new | documents | quarantined | error |", "|---|---|---|---|---|---|---|"]
    for sid, r in report.get("sources", {}).items():
        err = (r.get("error") or "").replace("|", "\\|").replace("\n", " ")[:300]
        lines.append(f"| {sid} | {r['status']} | {r['items_seen']} | {r['items_new']} | {r['documents_new']} | {r['quarantined_new']} | {err} |")
    lines += ["", "| count | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in report.get("counts", {}).items()]
    if report.get("failures"):
        lines += ["", "**Failed expectations:** " + "; ".join(report["failures"])]
    if report.get("warnings"):
        lines += ["", "**Warnings:** " + "; ".join(report["warnings"])]
    return "\n".join(lines)
