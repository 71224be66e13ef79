"""Where things are: the project's own files, and the layout of a warehouse folder."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SCHEMA_SQL = PROJECT_ROOT / "warehouse" / "schema.sql"
MODELS_DIR = PROJECT_ROOT / "warehouse" / "models"
EXPECTATIONS_DIR = Path(os.environ.get("KHOBOR_EXPECTATIONS_DIR", PROJECT_ROOT / "expectations"))
SAMPLE_DIR = PROJECT_ROOT / "sample" / "news"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse"


@dataclass(frozen=True)
class WarehouseLayout:
    """Everything a run writes lives under one folder."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "khobor.duckdb"

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
    def at(cls, root: str | os.PathLike) -> "WarehouseLayout":
        return cls(Path(root).expanduser().resolve())
