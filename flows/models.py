"""The mart models of ``warehouse/models``, found by name and ordered by what they select from."""
from __future__ import annotations

import re
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

from khobor.data import mart_models_dir


@dataclass(frozen=True)
class Model:
    name: str
    sql: str
    depends_on: frozenset[str]

    @property
    def intermediate(self) -> bool:
        return self.name.startswith("int_")


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
        models[name] = Model(name, sql.strip().rstrip(";"), deps)
    order = TopologicalSorter({m.name: m.depends_on for m in models.values()}).static_order()
    return [models[n] for n in order]


def mart_names(directory: Path | None = None) -> list[str]:
    """The published marts (intermediate models are not), in build order."""
    return [m.name for m in mart_models(directory) if not m.intermediate]
