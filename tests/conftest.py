"""Test-wide setup: Prefect and GX are pointed at a private temporary home before anything imports them."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from khobor.flows.runtime_env import apply_defaults  # imports no Prefect

_HOME = Path(tempfile.mkdtemp(prefix="khobor-tests-"))
os.environ["PREFECT_HOME"] = str(_HOME / "prefect")
apply_defaults(_HOME / "prefect")

PROJECT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KHOBOR_SHARED", PROJECT.parent / "shared"))
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory):
    """The sample source of the project's registry, run once: the warehouse the analysts' docs,
    queries and report are checked against."""
    from khobor.flows.nightly import nightly
    from khobor.flows.paths import WarehouseLayout

    wh = tmp_path_factory.mktemp("sample-warehouse") / "wh"
    summary = nightly(warehouse_dir=str(wh), registry_path=str(PROJECT / "sources.toml"), source_ids=["sample"])
    assert summary["status"] == "succeeded", summary
    return WarehouseLayout.at(wh)
