"""Every query of docs/queries.md runs against the sample warehouse and answers, with khobor's DuckDB
(``khobor sql``) and with the DuckDB 1.x CLI that analysts have (the duckdb-cli package)."""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from khobor.flows.analytics import query
from tests.conftest import PROJECT

DOC = PROJECT / "docs" / "queries.md"
# The doc's examples are for news_bench; on the sample, the same queries ask about what it holds.
SAMPLE_VALUES = {"person": "সেলিনা পারভীন", "entity": "Japan"}


def queries() -> list[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    titles = re.findall(r"^## \d+\. (.+)$", text, re.M)
    blocks = re.findall(r"```sql\n(.*?)```", text, re.S)
    assert len(titles) == len(blocks) == 5, (titles, len(blocks))
    return list(zip(titles, blocks))


def for_sample(sql: str) -> str:
    for name, value in SAMPLE_VALUES.items():
        sql = re.sub(rf"SET VARIABLE {name} = '[^']*';", f"SET VARIABLE {name} = '{value}';", sql)
    return sql


def duckdb_cli() -> str:
    found = Path(sys.executable).with_name("duckdb")
    path = str(found) if found.exists() else shutil.which("duckdb")
    assert path, "the duckdb CLI is not installed: pip install -c constraints.txt -e '.[dev]' installs duckdb-cli"
    return path


@pytest.mark.parametrize("title,sql", queries(), ids=[t for t, _ in queries()])
def test_each_ready_query_answers_on_the_sample(sample_warehouse, title, sql):
    result = query(sample_warehouse, for_sample(sql))
    assert result.rows, f"{title}: no rows on the sample warehouse"
    cli = subprocess.run([duckdb_cli(), "-readonly", "-csv", "analytics.duckdb"], input=for_sample(sql), capture_output=True,
                         text=True, cwd=sample_warehouse.root, timeout=120)
    assert cli.returncode == 0, cli.stderr
    rows = list(csv.reader(io.StringIO(cli.stdout)))
    assert rows[0] == result.columns
    assert [r[0] for r in rows[1:]] == ["" if r[0] is None else str(r[0]) for r in result.rows]


def test_the_cli_is_a_1x_client_and_opens_the_analytics_file(sample_warehouse):
    version = subprocess.run([duckdb_cli(), "--version"], capture_output=True, text=True, timeout=60).stdout
    assert version.startswith("v1."), version
    out = subprocess.run([duckdb_cli(), "-readonly", "-csv", "analytics.duckdb", "-c",
                          "SELECT count(*) AS n FROM dim_entities; SELECT tags FROM duckdb_databases() WHERE database_name = 'analytics'"],
                         capture_output=True, text=True, cwd=sample_warehouse.root, timeout=60)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.splitlines()[1]) > 0


def test_top_people_of_the_week_are_dated_people(sample_warehouse):
    title, sql = queries()[0]
    names = [r[0] for r in query(sample_warehouse, sql).rows]
    assert "সেলিনা পারভীন" in names
    # People named only in undated sample articles are never counted in a week.
    assert "রফিকুল ইসলাম" not in " ".join(names)
