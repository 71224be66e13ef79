"""Per-source counts of a run (the ``source_runs`` rows), from the run's staged sightings."""
from __future__ import annotations

import polars as pl
import pyarrow as pa

from khobor.transforms import schema

_STATUS_COLUMNS = {"new": "documents_new", "duplicate": "duplicates_new", "quarantined": "quarantined_new"}


def source_run_rows(stats: list[dict], stg: pa.Table, rolled_back: bool) -> pa.Table:
    """One row per source: what ingest saw (``stats``) plus what its sightings became.

    A rolled-back run added nothing, so its counts are zero; its errors are still reported.
    """
    base = pl.DataFrame(stats, schema={
        "run_id": pl.String, "source_id": pl.String, "kind": pl.String, "started_at": pl.Datetime("us", "UTC"),
        "seconds": pl.Float64, "items_seen": pl.Int32, "error": pl.String,
    })
    sightings = pl.from_arrow(stg.select(["source_id", "status"])) if stg.num_rows and not rolled_back else pl.DataFrame(
        schema={"source_id": pl.String, "status": pl.String})
    counts = (
        sightings.group_by("source_id")
        .agg([pl.len().alias("items_new")] + [(pl.col("status") == s).sum().alias(c) for s, c in _STATUS_COLUMNS.items()])
    )
    out = base.join(counts, on="source_id", how="left").with_columns(
        pl.col(c).fill_null(0).cast(pl.Int32) for c in ("items_new", *_STATUS_COLUMNS.values())
    )
    return out.select(schema.arrow("source_runs").names).to_arrow().cast(schema.arrow("source_runs"))
