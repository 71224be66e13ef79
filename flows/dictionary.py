"""Reads the catalogue for the data dictionary: each mart's published columns and types (its model
built on an empty warehouse and written to parquet, the way a release is) beside its YAML docs."""
from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from khobor.data import schema_sql
from khobor.flows.models import Model, mart_models
from khobor.transforms import schema
from khobor.transforms.dictionary import MartColumn, MartDoc, render


class MartDocsIncomplete(ValueError):
    """A mart's YAML does not document exactly the columns it publishes."""


def published_columns(models_dir: Path | None = None) -> dict[str, list[tuple[str, str]]]:
    """Each mart's published (column, DuckDB type), in order, as a reader of its parquet sees them."""
    out: dict[str, list[tuple[str, str]]] = {}
    with tempfile.TemporaryDirectory(prefix="khobor-dictionary-") as tmp:
        con = duckdb.connect()
        try:
            con.execute("SET TimeZone = 'UTC'")
            con.execute(schema_sql().read_text(encoding="utf-8"))
            for model in mart_models(models_dir):
                if model.intermediate:
                    con.execute(f"CREATE TEMP VIEW {model.name} AS {model.sql}")
                    continue
                target = Path(tmp) / f"{model.name}.parquet"
                con.execute(f"COPY ({model.sql}) TO '{target}' (FORMAT parquet)")
                con.execute(f"CREATE TEMP VIEW {model.name} AS SELECT * FROM read_parquet('{target}')")
                out[model.name] = [(r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM {model.name}").fetchall()]
        finally:
            con.close()
    return out


def check_docs(model: Model, columns: list[tuple[str, str]]) -> None:
    published = [c for c, _ in columns]
    documented = list(model.columns)
    missing = [c for c in published if not str(model.columns.get(c) or "").strip()]
    unknown = [c for c in documented if c not in published]
    if missing or unknown or published != documented:
        raise MartDocsIncomplete(
            f"warehouse/models/{model.name}.yml must document every published column, in order: "
            f"undocumented {missing}, not published {unknown}; published order {published}")


def mart_docs(models_dir: Path | None = None) -> list[MartDoc]:
    columns = published_columns(models_dir)
    docs = []
    for model in mart_models(models_dir):
        if model.intermediate:
            continue
        check_docs(model, columns[model.name])
        docs.append(MartDoc(model.name, model.grain, tuple(model.key),
                            tuple(MartColumn(c, t, str(model.columns[c])) for c, t in columns[model.name]),
                            model.partition_by, model.row_group_size))
    order = {"mart_documents": 0, "fct_entity_mentions": 1, "mart_entity_daily": 2, "mart_entity_cooccurrence": 3, "dim_entities": 4}
    return sorted(docs, key=lambda d: (order.get(d.name, 99), d.name))


def data_dictionary(models_dir: Path | None = None) -> str:
    return render(mart_docs(models_dir), list(schema.tables().values()))
