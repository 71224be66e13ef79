"""Fault injection for tests: ``KHOBOR_FAULT=<point>`` makes the run SIGKILL itself at that point.

A SIGKILL cannot be caught, so nothing of the run's own clean-up happens: what is left is exactly
what a power cut, an OOM kill or ``kill -9`` leaves, and the next run has to repair it. The points
are the stage boundaries of a run and the steps of publishing (``POINTS``); an unset or unknown
value does nothing. ``<point>:enospc`` raises a "No space left on device" ``OSError`` there instead,
as a disk that fills up during a run would.
"""
from __future__ import annotations

import errno
import os
import signal

ENV = "KHOBOR_FAULT"

POINTS = (
    "ingest",             # sources read, items staged (first batches may be loaded)
    "batch-loaded",       # the first batch of the run committed to the warehouse
    "load",               # every batch committed
    "validate",           # the run's rows validated
    "release-built",      # marts written to releases/.building-<run>
    "release-validated",  # the built marts validated, manifest written
    "release-moved",      # releases/<run> in place, marts/current not yet pointing at it
    "current-swapped",    # marts/current points at the new release, analytics.duckdb not rewritten
    "analytics-written",  # analytics.duckdb renamed into place, old releases not pruned
    "published",          # publishing done, the run's row not yet finished
)


def point(name: str) -> None:
    """Die here (SIGKILL, no clean-up) when ``KHOBOR_FAULT`` names this point."""
    wanted = os.environ.get(ENV)
    if wanted == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if wanted == f"{name}:enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"(fault injected at {name})")
