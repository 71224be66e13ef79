"""Great Expectations validation of a run's new rows and of a marts release.

Suites live in ``expectations/*.json`` as plain GX 1.x suite files, one per table. Each suite's
``meta.khobor`` says which rows it checks: ``scope`` is ``run`` (a core table: the run's new rows,
with table-wide key counts computed in the query) or ``release`` (a mart file about to be published),
and ``query`` is the DuckDB SQL that produces the frame GX validates. GX's SQL datasource does not
work on DuckDB, so frames go through GX's pandas datasource.
"""
from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from flows.paths import EXPECTATIONS_DIR
from flows.warehouse_db import connect


@dataclass
class Verdict:
    success: bool
    failures: list[str] = field(default_factory=list)  # critical failures, "suite: type(column)"
    warnings: list[str] = field(default_factory=list)
    suites: dict = field(default_factory=dict)  # suite name -> summary, for the report


def load_suites(scope: str, directory: Path = EXPECTATIONS_DIR) -> list[dict]:
    suites = []
    for path in sorted(directory.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        if spec.get("meta", {}).get("khobor", {}).get("scope") == scope:
            suites.append(spec)
    return suites


@functools.lru_cache(maxsize=1)
def _gx_context():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("TQDM_DISABLE", "1")
    import logging

    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # GX pins this module's logger to INFO and announces a temporary docs folder on every context.
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    return ctx


_assets: dict[str, object] = {}


def _batch_definition(name: str):
    ctx = _gx_context()
    if not _assets:
        _assets["__ds__"] = ctx.data_sources.add_pandas("khobor")
    if name not in _assets:
        asset = _assets["__ds__"].add_dataframe_asset(name)
        _assets[name] = asset.add_batch_definition_whole_dataframe(f"{name}_batch")
    return _assets[name]


def _describe(result) -> str:
    cfg = result.expectation_config
    cols = [cfg.kwargs[k] for k in ("column", "column_A", "column_B", "column_list") if k in cfg.kwargs]
    col = ", ".join(str(c) for c in cols)
    return f"{cfg.type}({col})" if col else cfg.type


def validate_frames(frames: dict[str, object], suites: list[dict]) -> Verdict:
    """Validate each suite against its frame (pandas) and sort failures by severity."""
    import great_expectations as gx

    verdict = Verdict(success=True)
    for spec in suites:
        name = spec["name"]
        df = frames[name]
        suite = gx.ExpectationSuite(**{k: v for k, v in spec.items() if k in ("name", "expectations", "meta")})
        batch = _batch_definition(name).get_batch(batch_parameters={"dataframe": df})
        result = batch.validate(suite, result_format="SUMMARY")
        failed = []
        for r in result.results:
            if r.success:
                continue
            severity = getattr(r.expectation_config, "severity", None)
            severity = getattr(severity, "value", severity) or "critical"
            desc = f"{name}: {_describe(r)}"
            sample = (r.result or {}).get("partial_unexpected_list") or []
            failed.append({"expectation": desc, "severity": severity, "unexpected_sample": [str(s) for s in sample[:5]],
                           "unexpected_count": (r.result or {}).get("unexpected_count"),
                           "exception": (r.exception_info or {}).get("exception_message") if r.exception_info else None})
            if severity == "critical":
                verdict.failures.append(desc)
            else:
                verdict.warnings.append(desc)
        verdict.suites[name] = {"rows": int(len(df)), "evaluated": len(result.results), "failed": failed}
    verdict.success = not verdict.failures
    return verdict


def run_frames(db: Path, run_id: str, suites: list[dict]) -> dict[str, object]:
    frames = {}
    with connect(db, read_only=False) as con:
        for spec in suites:
            query = spec["meta"]["khobor"]["query"]
            frames[spec["name"]] = con.execute(query, {"run_id": run_id}).df()
    return frames


def release_frames(release_dir: Path, suites: list[dict]) -> dict[str, object]:
    import duckdb

    frames = {}
    con = duckdb.connect()
    try:
        for spec in suites:
            query = spec["meta"]["khobor"]["query"].replace("$release", str(release_dir).replace("'", "''"))
            frames[spec["name"]] = con.sql(query).df()
    finally:
        con.close()
    return frames


def validate_run(db: Path, run_id: str, directory: Path = EXPECTATIONS_DIR) -> Verdict:
    suites = load_suites("run", directory)
    return validate_frames(run_frames(db, run_id, suites), suites)


def validate_release(release_dir: Path, directory: Path = EXPECTATIONS_DIR) -> Verdict:
    suites = load_suites("release", directory)
    return validate_frames(release_frames(release_dir, suites), suites)
