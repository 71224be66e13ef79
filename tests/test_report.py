"""``khobor report``: one self-contained HTML page (no network references, the Bengali font inline)
with the run's summary and validation and four charts from the marts. The browser test that loads
it in Chromium is tests/test_report_browser.py (slow)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from typer.testing import CliRunner

from khobor.flows.cli import app
from khobor.flows.report import build_page, mart_data, run_report
from khobor.transforms.report.page import render

runner = CliRunner()


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.refs += [(tag, v) for k, v in attrs if k in ("src", "href", "srcset", "data") and v and not v.startswith(("#", "data:"))]


def references(page: str) -> list[tuple[str, str]]:
    """Every element attribute that would make a browser fetch something (script text is not markup)."""
    parser = _Refs()
    parser.feed(page)
    return parser.refs
SECTIONS = ("run", "validation", "entities", "trend", "pairs", "coverage")


def test_report_is_one_self_contained_page(sample_warehouse, tmp_path):
    out = tmp_path / "report.html"
    done = runner.invoke(app, ["report", "--warehouse", str(sample_warehouse.root), "--out", str(out)])
    assert done.exit_code == 0, done.output
    page = out.read_text(encoding="utf-8")
    assert references(page) == [], "the page refers to another file"
    assert not re.search(r"""url\(\s*['"]?(https?:)?//""", page, re.I) and "@import" not in page
    assert page.count("data:font/woff2;base64,") == 2 and "font-family: 'Khobor Bengali'" in page
    assert "window.vegaEmbed=" in page  # the Vega bundle is inline
    for section in SECTIONS:
        assert f'id="{section}"' in page, section
    specs = json.loads(re.search(r"const specs = (\{.*?\});\n", page, re.S).group(1))
    assert sorted(specs) == [f"chart-{s}" for s in ("coverage", "entities", "pairs", "trend")]
    assert all("$schema" not in spec and spec["config"]["font"].startswith("Khobor Bengali") for spec in specs.values())


def test_report_shows_the_run_and_the_marts(sample_warehouse):
    report = run_report(sample_warehouse, None)
    data = mart_data(sample_warehouse)
    page = build_page(report, data, sample_warehouse)
    facts = dict(page.facts)
    assert facts["run"] == report["run_id"] and facts["status"] == "succeeded" and facts["validation"] == "passed"
    assert report["release"] in facts["live release"]
    publishers = {r["publisher"] for r in data["coverage"]}
    assert publishers == {"khobor sample corpus", "দৈনিক নমুনা", "The Sample Tribune"}
    assert data["trend"] and all(r["day"] for r in data["trend"])  # undated documents are on no day
    days = sorted({r["day"] for r in data["trend"]})
    per_entity = {}
    for r in data["trend"]:
        per_entity.setdefault(r["canonical"], []).append(r["day"])
    assert all(sorted(v) == days for v in per_entity.values())  # every entity has every day (0 when none)
    html = render(page, "window.vegaEmbed=function(){};", {"400": "AAAA"})
    assert "সেলিনা পারভীন" in html or "জাপান" in html


def test_report_of_an_unknown_run_is_a_usage_error(sample_warehouse):
    done = runner.invoke(app, ["report", "--warehouse", str(sample_warehouse.root), "--run", "no-such-run"])
    assert done.exit_code == 2 and "no report for run 'no-such-run'" in done.stderr


def test_report_defaults_to_the_latest_run_beside_its_json(sample_warehouse):
    done = runner.invoke(app, ["report", "--warehouse", str(sample_warehouse.root)])
    assert done.exit_code == 0, done.output
    path = done.stdout.strip()
    latest = sorted(sample_warehouse.reports.glob("*.json"))[-1]
    assert path == str(latest.with_suffix(".html"))
