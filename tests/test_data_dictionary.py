"""docs/data-dictionary.md is generated from the catalogue, documents every column, and matches the
schema a real run publishes."""
from __future__ import annotations

import shutil

import duckdb
import pytest
import yaml

from khobor.data import mart_models_dir
from khobor.flows.analytics import open_analytics
from khobor.flows.dictionary import MartDocsIncomplete, data_dictionary, mart_docs, published_columns
from khobor.transforms import schema
from tests.conftest import PROJECT


def test_the_committed_dictionary_is_the_generated_one():
    committed = (PROJECT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(), "docs/data-dictionary.md is stale: run khobor dictionary --out docs/data-dictionary.md"


def test_every_mart_and_table_column_has_a_doc():
    for mart in mart_docs():
        assert mart.grain and mart.key, mart.name
        assert all(c.doc.strip() for c in mart.columns), mart.name
    for table in schema.tables().values():
        assert all(c.doc.strip() for c in table.columns), table.name


@pytest.mark.parametrize("change", ["drop", "extra"])
def test_a_mart_column_without_a_doc_fails(tmp_path, change):
    models = tmp_path / "models"
    shutil.copytree(mart_models_dir(), models)
    spec_path = models / "mart_entity_daily.yml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    if change == "drop":
        del spec["columns"]["documents"]
    else:
        spec["columns"]["no_such_column"] = "documented but never published"
    spec_path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(MartDocsIncomplete, match="mart_entity_daily"):
        mart_docs(models)


def test_the_dictionary_matches_what_a_run_publishes(sample_warehouse):
    expected = published_columns()
    with open_analytics(sample_warehouse) as con:
        views = sorted(r[0] for r in con.sql("SELECT view_name FROM duckdb_views() WHERE NOT internal AND view_name <> 'khobor_release'").fetchall())
        assert views == sorted(expected)
        for name, columns in expected.items():
            assert [(r[0], r[1]) for r in con.execute(f"DESCRIBE {name}").fetchall()] == columns, name
    con = duckdb.connect(str(sample_warehouse.db), read_only=True)
    try:
        for name, table in schema.tables().items():
            assert [(r[0], r[1]) for r in con.execute(f"DESCRIBE {name}").fetchall()] == [(c.name, c.type) for c in table.columns], name
    finally:
        con.close()
