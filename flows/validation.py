"""Great Expectations validation of a run's new rows and of a marts release.

Suites live in ``expectations/`` as pairs, one per table or mart: ``<suite>.yml`` lists the
expectations (GX 1.x expectation types with their arguments, a ``severity`` when a failure should
only warn, a ``why``), and ``<suite>.sql`` is the DuckDB query that produces the rows they check.
``scope`` is ``run`` (a core table: the run's new rows, ``$run_id``, with table-wide key counts
computed in the query) or ``release`` (a mart about to be published: ``READ_MART('name')`` reads a
mart of the release, in the layout its model declares).
GX's SQL datasource does not work on DuckDB, so frames go through GX's pandas datasource.

Large tables are checked in DuckDB, not in pandas: each suite's rows are computed once into a
temporary table, every expectation is also written as a SQL predicate (``violation_sql``) that
counts the rows it rejects, and GX gets a frame of the rejected rows (up to ``MAX_REJECTED``) plus
a sample (``SAMPLE_ROWS``). GX still runs every expectation and names the failing ones; the report
carries DuckDB's exact counts. So validation costs one pass over the run's rows whatever their
number, and memory does not grow with them.

Offsets (``text[start:end]`` of a sentence, token or mention equals its stored text) are checked
in Python, document by document (``offset_failures``), and handed to the suites' queries as
tables: DuckDB's SUBSTRING counts code points from the start of the string, so checking every
sentence of a long document in SQL takes time quadratic in its length.
"""
from __future__ import annotations

import functools
import itertools
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from khobor.data import suites_dir
from khobor.flows.warehouse_db import bound_memory, connect


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


# libyaml's parser when PyYAML has it: the pure-Python one took 0.6 s of a run's tail for the suites.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_suites(scope: str, directory: Path | None = None) -> list[Suite]:
    directory = Path(directory or os.environ.get("KHOBOR_EXPECTATIONS_DIR") or suites_dir())
    suites = []
    for path in sorted(directory.glob("*.yml")):
        spec = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
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


@dataclass
class Counted:
    """What DuckDB counted for a suite: its rows and, per expectation, the rows it rejects."""

    rows: int
    rejected: list[int]


def validate_frames(frames: dict[str, object], suites: list[Suite], counted: dict[str, Counted] | None = None) -> Verdict:
    """Validate each suite against its frame (pandas) and sort failures by severity. ``counted``:
    DuckDB's exact counts when the frame holds only the rejected rows and a sample."""
    verdict = Verdict(success=True)
    counted = counted or {}
    for suite in suites:
        name = suite.name
        df = frames[name]
        exact = counted.get(name)
        batch = _batch_definition(name).get_batch(batch_parameters={"dataframe": df})
        result = batch.validate(suite.gx_suite(), result_format="SUMMARY")
        failed = []
        reported: set[str] = set()
        for r in result.results:
            if r.success:
                continue
            severity = getattr(r.expectation_config, "severity", None)
            severity = getattr(severity, "value", severity) or "critical"
            desc = f"{name}: {_describe(r)}"
            sample = (r.result or {}).get("partial_unexpected_list") or []
            count = (r.result or {}).get("unexpected_count")
            if exact is not None:
                count = _exact_count(suite, exact, r.expectation_config, count)
            failed.append({"expectation": desc, "severity": severity, "unexpected_sample": [str(s) for s in sample[:5]],
                           "unexpected_count": count,
                           "exception": (r.exception_info or {}).get("exception_message") if r.exception_info else None})
            reported.add(desc)
            if severity == "critical":
                verdict.failures.append(desc)
            else:
                verdict.warnings.append(desc)
        if exact is not None:
            # DuckDB's count is the authority: a rejected row GX did not see still fails the suite.
            for exp, n in zip(suite.expectations, exact.rejected):
                desc = f"{name}: {exp['type']}({exp['kwargs'].get('column', '')})"
                if n and desc not in reported:
                    failed.append({"expectation": desc, "severity": exp["severity"], "unexpected_sample": [],
                                   "unexpected_count": n, "exception": None})
                    (verdict.failures if exp["severity"] == "critical" else verdict.warnings).append(desc)
        verdict.suites[name] = {"rows": exact.rows if exact else int(len(df)), "evaluated": len(result.results), "failed": failed}
    verdict.success = not verdict.failures
    return verdict


def _exact_count(suite: Suite, exact: Counted, config, fallback):
    for exp, n in zip(suite.expectations, exact.rejected):
        if exp["type"] == config.type and exp["kwargs"].get("column") == config.kwargs.get("column"):
            return n
    return fallback


# -- frames: rows computed and counted in DuckDB, rejected rows and a sample for GX -------------

SAMPLE_ROWS = 500
MAX_REJECTED = 1000


def _literal(v) -> str:
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + str(v).replace("'", "''") + "'"


def violation_sql(exp: dict) -> str | None:
    """A DuckDB predicate true exactly for the rows the expectation rejects (NULLs pass, as in GX,
    except for not-null), or None for a type that has none here (its suite is then checked whole)."""
    kw, etype = exp["kwargs"], exp["type"]
    if "column" not in kw or kw.get("mostly") is not None:
        return None
    col = '"' + kw["column"].replace('"', '""') + '"'
    if etype == "expect_column_values_to_not_be_null":
        return f"{col} IS NULL"
    if etype == "expect_column_values_to_be_in_set" and kw.get("value_set"):
        return f"{col} IS NOT NULL AND {col} NOT IN ({', '.join(_literal(v) for v in kw['value_set'])})"
    if etype == "expect_column_values_to_be_between" and not kw.get("strict_min") and not kw.get("strict_max"):
        parts = [f"{col} < {_literal(kw['min_value'])}" for _ in [0] if kw.get("min_value") is not None]
        parts += [f"{col} > {_literal(kw['max_value'])}" for _ in [0] if kw.get("max_value") is not None]
        return " OR ".join(parts) if parts else "FALSE"
    if etype == "expect_column_value_lengths_to_equal":
        return f"length({col}) <> {_literal(kw['value'])}"
    return None


def checked_frame(con, suite: Suite, query: str, params: dict | None = None):
    """(frame for GX, DuckDB's counts) for one suite; see the module docstring."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE suite_rows AS {query}", params or {}).fetchall()
    try:
        rows = con.execute("SELECT count(*) FROM suite_rows").fetchall()[0][0]
        preds = [violation_sql(e) for e in suite.expectations]
        if any(p is None for p in preds):
            return con.sql("SELECT * FROM suite_rows").df(), None
        rejected = list(con.execute("SELECT " + ", ".join(f"count(*) FILTER (WHERE {p})" for p in preds) + " FROM suite_rows").fetchall()[0]) if preds else []
        any_rejected = " OR ".join(f"({p})" for p in preds) or "FALSE"
        frame = con.sql(f"(SELECT * FROM suite_rows WHERE {any_rejected} LIMIT {MAX_REJECTED}) "
                        f"UNION ALL (SELECT * FROM suite_rows LIMIT {SAMPLE_ROWS})").df()
        return frame, Counted(rows, [int(n) for n in rejected])
    finally:
        con.execute("DROP TABLE IF EXISTS suite_rows").fetchall()


def run_frames(db: Path, run_id: str, suites: list[Suite], counted: dict[str, Counted] | None = None) -> dict[str, object]:
    """Each run suite's frame; fills ``counted`` with DuckDB's counts when given."""
    frames = {}
    with connect(db, read_only=False) as con:
        bound_memory(con)
        for table, failures in offset_failures(con, run_id).items():
            con.register(f"offset_failures_{table}", failures)
        for suite in suites:
            frames[suite.name], exact = checked_frame(con, suite, suite.query, {"run_id": run_id})
            if counted is not None and exact is not None:
                counted[suite.name] = exact
    return frames


# -- offsets, checked in Python ------------------------------------------------------------------

_OFFSET_TABLES = {
    # table: (its key columns, the query of the run's rows, ordered by document)
    "sentences": (("document_id", "sentence_index"),
                  'SELECT document_id, sentence_index, "start", "end", text FROM sentences WHERE run_id = $run_id ORDER BY document_id'),
    "tokens": (("document_id", "token_index"),
               'SELECT document_id, token_index, "start", "end", text FROM tokens WHERE run_id = $run_id ORDER BY document_id'),
    "entity_mentions": (("mention_id",),
                        'SELECT document_id, mention_id, "start", "end", text FROM entity_mentions WHERE run_id = $run_id ORDER BY document_id'),
}


def offset_failures(con, run_id: str) -> dict[str, object]:
    """Per table, the keys of the run's rows whose stored text is not ``documents.text[start:end]``
    (or whose offsets are out of bounds, or whose document is missing), as Arrow tables.

    Streams each table ordered by document next to the documents' texts: one pass, a document's
    text in memory at a time."""
    import pyarrow as pa

    out = {}
    for table, (key, query) in _OFFSET_TABLES.items():
        bad: list[tuple] = []
        text_cursor, cur = con.cursor(), con.cursor()
        try:  # cursors left open by an error keep the database busy for the rollback that follows
            texts = _document_texts(text_cursor, run_id, table)
            doc_id, text = None, None
            reader = cur.sql(query, params={"run_id": run_id}).to_arrow_reader(65536)
            for batch in reader:
                docs, *keys, starts, ends, stored = batch.to_pydict().values()
                # Rows come ordered by document: each document's run of rows is checked in one pass.
                for d, rows in itertools.groupby(range(len(docs)), docs.__getitem__):
                    while doc_id is None or doc_id < d:
                        doc_id, text = next(texts, (chr(0x10FFFF), None))
                    if doc_id == d and text is not None:
                        n = len(text)
                        wrong = [j for j in rows if not (0 <= starts[j] < ends[j] <= n and text[starts[j]:ends[j]] == stored[j])]
                    else:
                        wrong = list(rows)
                    bad.extend(tuple(([d] if len(key) == 2 else []) + [k[j] for k in keys]) for j in wrong)
        finally:
            cur.close()
            text_cursor.close()
        out[table] = pa.table({c: [b[i] for b in bad] for i, c in enumerate(key)},
                              schema=pa.schema([(c, pa.int32() if c.endswith("_index") else pa.string()) for c in key]))
    return out


def _document_texts(cur, run_id: str, table: str):
    """(document_id, text) of the documents the run's rows of ``table`` point at, ordered by id."""
    reader = cur.sql(
        f"SELECT d.document_id, d.text FROM documents d WHERE d.document_id IN "
        f"(SELECT DISTINCT document_id FROM {table} WHERE run_id = $run_id) ORDER BY d.document_id",
        params={"run_id": run_id}).to_arrow_reader(256)
    for batch in reader:
        yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist())


_READ_MART = re.compile(r"READ_MART\('(\w+)'\)", re.I)


def release_query(query: str, release_dir: Path, models_dir: Path | None = None) -> str:
    """A release suite's query with each ``READ_MART('name')`` reading that mart of the release, in
    whatever layout its model declares (one file, or hive partitions)."""
    from khobor.flows.models import marts

    readers = {m.name: m.reader(str(release_dir)) for m in marts(models_dir)}
    return _READ_MART.sub(lambda m: readers[m.group(1)], query).replace("$release", str(release_dir).replace("'", "''"))


def release_frames(release_dir: Path, suites: list[Suite], models_dir: Path | None = None,
                   counted: dict[str, Counted] | None = None) -> dict[str, object]:
    import duckdb

    from khobor.flows.warehouse_db import duckdb_config

    frames = {}
    con = bound_memory(duckdb.connect(config=duckdb_config()))
    try:
        for suite in suites:
            frames[suite.name], exact = checked_frame(con, suite, release_query(suite.query, release_dir, models_dir))
            if counted is not None and exact is not None:
                counted[suite.name] = exact
    finally:
        con.close()
    return frames


def validate_run(db: Path, run_id: str, directory: Path | None = None) -> Verdict:
    # Great Expectations is imported (2-3 s of Python) while DuckDB computes the suites' frames,
    # which mostly leaves the GIL free. Not earlier: held through the run, its 140 MB would sit on
    # top of the workers' peak.
    warm = threading.Thread(target=_warm_gx, name="import-gx", daemon=True)
    warm.start()
    try:
        suites = load_suites("run", directory)
        counted: dict[str, Counted] = {}
        frames = run_frames(db, run_id, suites, counted)
    finally:
        warm.join()
    return validate_frames(frames, suites, counted)


def _warm_gx() -> None:
    try:
        _gx_context()
    except Exception:  # noqa: BLE001 - validate_frames makes the context again and reports the error
        pass


def validate_release(release_dir: Path, directory: Path | None = None, models_dir: Path | None = None) -> Verdict:
    suites = load_suites("release", directory)
    counted: dict[str, Counted] = {}
    frames = release_frames(release_dir, suites, models_dir, counted)
    return validate_frames(frames, suites, counted)
