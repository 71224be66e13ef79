"""The mart models of ``warehouse/models``, found by name and ordered by what they select from.

Each published mart is ``<name>.sql`` (its query) beside ``<name>.yml`` (dbt-style: its grain, key,
storage and one line of documentation per published column, in order); ``int_*.sql`` models are
intermediate views that marts share and have no YAML. A mart with ``partition_by`` (a DATE column,
its last) is written as a folder of hive partitions (``<name>/<column>=<value>/data_0.parquet``),
every other one as ``<name>.parquet``; ``reader`` is the one place that says how a mart is read
back. No shipped mart is partitioned: measured, it does not pay at this scale (fct_entity_mentions.yml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from graphlib import TopologicalSorter
from pathlib import Path

import yaml

from khobor.data import mart_models_dir

DEFAULT_ROW_GROUP_SIZE = 100_000


@dataclass(frozen=True)
class Model:
    name: str
    sql: str
    depends_on: frozenset[str]
    spec: dict = field(default_factory=dict, compare=False)

    @property
    def intermediate(self) -> bool:
        return self.name.startswith("int_")

    @property
    def grain(self) -> str:
        return self.spec.get("grain", "")

    @property
    def key(self) -> list[str]:
        return list(self.spec.get("key", []))

    @property
    def columns(self) -> dict[str, str]:
        """Each published column's documentation, in the order the mart has them."""
        return dict(self.spec.get("columns") or {})

    @property
    def partition_by(self) -> str | None:
        return self.spec.get("partition_by")

    @property
    def row_group_size(self) -> int:
        return int(self.spec.get("row_group_size", DEFAULT_ROW_GROUP_SIZE))

    @property
    def relative_path(self) -> str:
        """Where the mart's files are, relative to its release folder (a glob when partitioned)."""
        return f"{self.name}/*/*.parquet" if self.partition_by else f"{self.name}.parquet"

    def reader(self, release: str) -> str:
        """The ``read_parquet(...)`` that reads the mart under ``release`` (a folder path, relative
        or absolute); partition columns come back with their declared type and in their place."""
        path = f"{release.rstrip('/')}/{self.relative_path}".replace("'", "''")
        if not self.partition_by:
            return f"read_parquet('{path}')"
        return f"read_parquet('{path}', hive_partitioning = true, hive_types = {{'{self.partition_by}': DATE}})"

    def write_options(self) -> str:
        opts = ["FORMAT parquet", "COMPRESSION zstd", f"ROW_GROUP_SIZE {self.row_group_size}"]
        if self.partition_by:
            opts.append(f"PARTITION_BY ({self.partition_by})")
        return ", ".join(opts)


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def mart_models(directory: Path | None = None) -> list[Model]:
    """Every model, each after the models it selects from (cycles are an error)."""
    directory = Path(directory or mart_models_dir())
    sources = {p.stem: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.sql"))}
    models = {}
    for name, sql in sources.items():
        body = _strip_comments(sql)
        deps = frozenset(other for other in sources if other != name and re.search(rf"\b{re.escape(other)}\b", body))
        doc = directory / f"{name}.yml"
        spec = yaml.safe_load(doc.read_text(encoding="utf-8")) if doc.exists() else {}
        columns = list(spec.get("columns") or {})
        if spec.get("partition_by") and columns[-1:] != [spec["partition_by"]]:
            # A hive partition column is read back after all the others.
            raise ValueError(f"{doc}: partition_by {spec['partition_by']!r} must be the mart's last column (a DATE)")
        models[name] = Model(name, sql.strip().rstrip(";"), deps, spec)
    order = TopologicalSorter({m.name: m.depends_on for m in models.values()}).static_order()
    return [models[n] for n in order]


def marts(directory: Path | None = None) -> list[Model]:
    """The published marts (intermediate models are not), in build order."""
    return [m for m in mart_models(directory) if not m.intermediate]


def mart_names(directory: Path | None = None) -> list[str]:
    return [m.name for m in marts(directory)]
