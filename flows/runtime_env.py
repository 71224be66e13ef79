"""Environment for Prefect and GX, set before either is imported.

Without a Prefect server, every process starts a temporary local one; keeping its home inside the
warehouse folder keeps runs self-contained and leaves the user's ~/.prefect alone.
"""
from __future__ import annotations

import os
from pathlib import Path

from khobor.flows.paths import WarehouseLayout


def configure(layout: WarehouseLayout) -> None:
    apply_defaults(layout.prefect_home)


def apply_defaults(prefect_home: Path) -> None:
    """Set (unless already set) every variable khobor's runs need; tests call it with a temp home."""
    os.environ.setdefault("PREFECT_HOME", str(prefect_home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # The temporary server can take longer than Prefect's 20 s to start on a busy 2-core machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("TQDM_DISABLE", "1")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
