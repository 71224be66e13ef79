"""Where a run reads and writes: the defaults an operator gets, and the layout of a warehouse folder.

Defaults come from ``KHOBOR_HOME`` when it is set, else from the current folder: the registry is
``sources.toml`` there (or ``KHOBOR_SOURCES``) and the warehouse is its ``warehouse/`` folder. Files
that ship with khobor (schema, suites, model, sample) are found through ``khobor.data`` instead.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def home() -> Path:
    return Path(os.environ.get("KHOBOR_HOME") or Path.cwd()).expanduser().resolve()


def default_registry() -> Path:
    env = os.environ.get("KHOBOR_SOURCES")
    return Path(env).expanduser().resolve() if env else home() / "sources.toml"


def default_warehouse() -> Path:
    return home() / "warehouse"


@dataclass(frozen=True)
class WarehouseLayout:
    """Everything a run writes lives under one folder."""

    root: Path
    db_name: str = "khobor.duckdb"

    @property
    def db(self) -> Path:
        return self.root / self.db_name

    def with_db(self, name: str) -> WarehouseLayout:
        """The same folder with another database file (a full refresh builds a copy, then swaps it in)."""
        return WarehouseLayout(self.root, name)

    @property
    def analytics_db(self) -> Path:
        return self.root / "analytics.duckdb"

    @property
    def marts(self) -> Path:
        return self.root / "marts"

    @property
    def releases(self) -> Path:
        return self.marts / "releases"

    @property
    def current(self) -> Path:
        return self.marts / "current"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def prefect_home(self) -> Path:
        return self.root / ".prefect"

    @classmethod
    def at(cls, root: str | os.PathLike) -> WarehouseLayout:
        return cls(Path(root).expanduser().resolve())
