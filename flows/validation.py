"""Great Expectations validation of a run's new rows and of a marts release.

Suites live in ``expectations/`` as pairs, one per table or mart: ``<suite>.yml`` lists the
expectations (GX 1.x expectation types with their arguments, a ``severity`` when a failure should
only warn, a ``why``), and ``<suite>.sql`` is the DuckDB query that produces the rows they check.
``scope`` is ``run`` (a core table: the run's new rows, ``$run_id``, with table-wide key counts
computed in the query) or ``release`` (a mart about to be published: ``READ_MART('name')`` reads a
mart of the release, in the layout its model declares).
GX's SQL datasource does not work on DuckDB, so frames go through GX's pandas datasource.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from khobor.data import suites_dir
from khobor.flows.warehouse_db import connect


@dataclass
class Verdict:
    success: bool
    failures: list[str] = field(default_factory=list)  # critical failures, "suite: type(column)"
    warnings: list[str] = field(default_factory=list)
    suites: dict = field(default_factory=dict)  # suite name -> summary, for the report


@dataclass(frozen=True)
class Suite:
    name: str
    scope: str  # run | release
    query: str
    expectations: list[dict]  # GX expectation configurations: type, kwargs, severity, meta

    def gx_suite(self):
        import great_expectations as gx

        return gx.ExpectationSuite(name=self.name, expectations=self.expectations)


def parse_suite(spec: dict, query: str) -> Suite:
    """A suite from its YAML document and query; every expectation is ``{type: kwargs}`` plus
    optional ``severity`` (default critical) and ``why``."""
    expectations = []
    for item in spec["expectations"]:
        item = dict(item)
        severity = item.pop("severity", "critical")
        why = item.pop("why", None)
        if len(item) != 1:
            raise ValueError(f"suite {spec['suite']}: an expectation needs exactly one type, got {sorted(item)}")
        (etype, kwargs), = item.items()
        expectations.append({"type": etype, "kwargs": kwargs, "severity": severity, "meta": {"why": why} if why else {}})
    return Suite(spec["suite"], spec["scope"], query, expectations)


def load_suites(scope: str, directory: Path | None = None) -> list[Suite]:
    directory = Path(directory or os.environ.get("KHOBOR_EXPECTATIONS_DIR") or suites_dir())
    suites = []
    for path in sorted(directory.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if spec.get("scope") == scope:
            suites.append(parse_suite(spec, path.with_suffix(".sql").read_text(encoding="utf-8")))
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


def validate_frames(frames: dict[str, object], suites: list[Suite]) -> Verdict:
    """Validate each suite against its frame (pandas) and sort failures by severity."""
    verdict = Verdict(success=True)
    for suite in suites:
        name = suite.name
        df = frames[name]
        batch = _batch_definition(name).get_batch(batch_parameters={"dataframe": df})
        result = batch.validate(suite.gx_suite(), result_format="SUMMARY")
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


def run_frames(db: Path, run_id: str, suites: list[Suite]) -> dict[str, object]:
    frames = {}
    with connect(db, read_only=False) as con:
        for suite in suites:
            frames[suite.name] = con.execute(suite.query, {"run_id": run_id}).df()
    return frames


_READ_MART = re.compile(r"READ_MART\('(\w+)'\)", re.I)


def release_query(query: str, release_dir: Path, models_dir: Path | None = None) -> str:
    """A release suite's query with each ``READ_MART('name')`` reading that mart of the release, in
    whatever layout its model declares (one file, or hive partitions)."""
    from khobor.flows.models import marts

    readers = {m.name: m.reader(str(release_dir)) for m in marts(models_dir)}
    return _READ_MART.sub(lambda m: readers[m.group(1)], query).replace("$release", str(release_dir).replace("'", "''"))


def release_frames(release_dir: Path, suites: list[Suite], models_dir: Path | None = None) -> dict[str, object]:
    import duckdb

    frames = {}
    con = duckdb.connect()
    try:
        for suite in suites:
            frames[suite.name] = con.sql(release_query(suite.query, release_dir, models_dir)).df()
    finally:
        con.close()
    return frames


def validate_run(db: Path, run_id: str, directory: Path | None = None) -> Verdict:
    suites = load_suites("run", directory)
    return validate_frames(run_frames(db, run_id, suites), suites)


def validate_release(release_dir: Path, directory: Path | None = None, models_dir: Path | None = None) -> Verdict:
    suites = load_suites("release", directory)
    return validate_frames(release_frames(release_dir, suites, models_dir), suites)
