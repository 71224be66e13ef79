"""``khobor report``: one self-contained HTML page about a run and the live marts.

The run's part (summary, validation) comes from ``reports/<run_id>.json``; the rest from the
published marts through ``analytics.duckdb``, read-only, so a report can be made while a run writes.
The Vega bundle comes from vl-convert (the Vega, Vega-Lite and vega-embed builds it carries) and
the Bengali font ships with khobor; both are inlined, so the page fetches nothing.
"""
from __future__ import annotations

import base64
import functools
import json
from datetime import date, datetime, timezone
from pathlib import Path

from khobor.data import path as data_path
from khobor.flows.analytics import open_analytics
from khobor.flows.paths import WarehouseLayout
from khobor.transforms.report import charts
from khobor.transforms.report.page import Page, Section, render

TOP_ENTITIES = 15
TREND_ENTITIES = 5
TOP_PAIRS = 15


class ReportMissing(RuntimeError):
    """The run asked for has no report in this warehouse."""


def run_report(layout: WarehouseLayout, run_id: str | None) -> dict:
    """The JSON report of ``run_id``, or of the latest run when it is None."""
    reports = sorted(layout.reports.glob("*.json")) if layout.reports.exists() else []
    if run_id is None:
        if not reports:
            raise ReportMissing(f"no run has reported in {layout.root} yet (run khobor run first)")
        return json.loads(reports[-1].read_text(encoding="utf-8"))
    path = layout.reports / f"{run_id}.json"
    if not path.exists():
        known = ", ".join(p.stem for p in reports[-5:]) or "none"
        raise ReportMissing(f"no report for run {run_id!r} in {layout.reports} (latest runs: {known})")
    return json.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    import vl_convert

    # The Vega-Lite that Altair writes specs for, when vl-convert carries it; else vl-convert's default.
    wanted = charts.alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]
    return vl_convert.javascript_bundle(vl_version=wanted if wanted in vl_convert.get_vegalite_versions() else None)


def fonts() -> dict[str, str]:
    return {weight: base64.b64encode(data_path("khobor.transforms.report", "data", f"NotoSansBengali-{name}.woff2").read_bytes()).decode("ascii")
            for weight, name in (("400", "Regular"), ("700", "Bold"))}


def _rows(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [{k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in zip(names, row)} for row in cur.fetchall()]


def mart_data(layout: WarehouseLayout) -> dict[str, list[dict]]:
    with open_analytics(layout) as con:
        return {
            "release": _rows(con, "SELECT release, published_at, mart, rows FROM khobor_release ORDER BY mart"),
            "entities": _rows(con, f"""
                SELECT canonical, canonical_latin, label, mention_count AS mentions, document_count AS documents,
                       first_seen_date, last_seen_date
                FROM dim_entities WHERE label IN ('PERSON', 'ORG', 'LOC')
                ORDER BY mention_count DESC, document_count DESC, entity_id LIMIT {TOP_ENTITIES}"""),
            "trend": _rows(con, f"""
                WITH top AS (
                    SELECT entity_id FROM mart_entity_daily WHERE label IN ('PERSON', 'ORG', 'LOC')
                    GROUP BY entity_id ORDER BY sum(mentions) DESC, entity_id LIMIT {TREND_ENTITIES}
                )
                , daily AS (
                    SELECT entity_id, day, sum(mentions) AS mentions, sum(documents) AS documents
                    FROM mart_entity_daily WHERE entity_id IN (SELECT entity_id FROM top) GROUP BY ALL
                ), days AS (
                    SELECT CAST(unnest(generate_series(min(day), max(day), INTERVAL 1 DAY)) AS DATE) AS day FROM daily
                )
                SELECT days.day, e.canonical, e.canonical_latin, coalesce(d.mentions, 0) AS mentions, coalesce(d.documents, 0) AS documents
                FROM days CROSS JOIN top JOIN dim_entities e USING (entity_id)
                LEFT JOIN daily d ON d.entity_id = top.entity_id AND d.day = days.day
                ORDER BY days.day, e.canonical"""),
            "pairs": _rows(con, f"""
                SELECT canonical_a || ' — ' || canonical_b AS pair, canonical_latin_a || ' — ' || canonical_latin_b AS pair_latin,
                       sum(documents) AS documents, sum(sentences) AS sentences
                FROM mart_entity_cooccurrence
                GROUP BY ALL ORDER BY documents DESC, sentences DESC, pair LIMIT {TOP_PAIRS}"""),
            "coverage": _rows(con, """
                SELECT coalesce(publisher, '(unknown)') AS publisher, count(*) AS documents, count(published_date) AS dated,
                       min(published_date) AS first_day, max(published_date) AS last_day, sum(n_mentions) AS mentions
                FROM mart_documents GROUP BY ALL ORDER BY documents DESC, publisher"""),
        }


def build_page(report: dict, data: dict[str, list[dict]], layout: WarehouseLayout) -> Page:
    counts = report.get("counts") or {}
    failures = report.get("failures") or []
    release = data["release"][0]["release"] if data["release"] else None
    marts = ", ".join(f"{r['mart']} {r['rows']:,}" for r in data["release"])
    facts = [
        ("run", report.get("run_id", "?")),
        ("status", report.get("status", "?")),
        ("validation", "passed" if not failures else f"FAILED: {'; '.join(failures)}"),
        ("sources", ", ".join(f"{sid}: {s.get('status')}" for sid, s in (report.get("sources") or {}).items()) or "-"),
        *[(k.replace("_", " "), f"{counts[k]:,}") for k in ("items_seen", "items_new", "documents_new", "duplicates_new", "sentences_new",
                                                          "tokens_new", "mentions_new", "entities_new", "quarantined_new") if k in counts],
        ("seconds", ", ".join(f"{k} {v:.1f}" for k, v in (report.get("stage_seconds") or {}).items()) or "-"),
        ("live release", f"{release} ({marts})" if release else "none"),
        ("warehouse", str(layout.root)),
    ]
    suites = report.get("suites") or {}
    validation = [[name, s.get("rows"), s.get("evaluated"), len(s.get("failed") or []),
                   "; ".join(f"{f['severity']}: {f['expectation']} ({f.get('unexpected_count')} rows)" for f in s.get("failed") or []) or "passed"]
                  for name, s in sorted(suites.items())]
    coverage_chart = [{"publisher": r["publisher"], "dated": kind, "documents": n}
                      for r in data["coverage"] for kind, n in (("dated", r["dated"]), ("undated", r["documents"] - r["dated"])) if n]
    ents, trend, pairs, cov = data["entities"], data["trend"], data["pairs"], data["coverage"]
    sections = [
        Section("validation", "Validation results", "Every Great Expectations suite the run checked: its rows, the expectations "
                "evaluated and any that failed (critical ones block publishing).",
                table=(["suite", "rows", "expectations", "failed", "result"], validation), empty="The run validated nothing (nothing new)."),
        Section("entities", "Top entities", "People, organisations and places by mentions in every published document.",
                chart=charts.top_entities(ents) if ents else None,
                table=(["entity", "English", "label", "mentions", "documents", "first day", "last day"],
                       [[r["canonical"], r["canonical_latin"], r["label"], r["mentions"], r["documents"], r["first_seen_date"], r["last_seen_date"]]
                        for r in ents])),
        Section("trend", "Mentions over time", "Mentions per publisher's local day of the most-mentioned entities; undated "
                "documents are not counted on any day.", chart=charts.mentions_over_time(trend) if trend else None,
                empty="No dated document mentions an entity."),
        Section("pairs", "Strongest co-occurring pairs", "Entity pairs by the dated documents that mention both.",
                chart=charts.cooccurring_pairs(pairs) if pairs else None,
                table=(["pair", "English", "documents", "sentences"], [[r["pair"], r["pair_latin"], r["documents"], r["sentences"]] for r in pairs])),
        Section("coverage", "Coverage by newspaper", "Documents per publisher, dated and undated.",
                chart=charts.coverage_by_newspaper(coverage_chart) if coverage_chart else None,
                table=(["publisher", "documents", "dated", "first day", "last day", "mentions"],
                       [[r["publisher"], r["documents"], r["dated"], r["first_day"], r["last_day"], r["mentions"]] for r in cov])),
    ]
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return Page(title=f"khobor report: run {report.get('run_id', '?')}", subtitle=f"made {made} from {layout.root}", facts=facts, sections=sections)


def write_report(layout: WarehouseLayout, run_id: str | None = None, out: Path | None = None) -> Path:
    report = run_report(layout, run_id)
    page = build_page(report, mart_data(layout), layout)
    out = out or layout.reports / f"{report.get('run_id', 'report')}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(render(page, vega_bundle(), fonts()), encoding="utf-8")
    tmp.replace(out)
    return out
