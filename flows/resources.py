"""Environment-keyed resources for sources.

``KHOBOR_ENV`` picks the implementations: ``prod`` (default) fetches over HTTP with the
conditional-GET state kept in the warehouse folder; ``snapshot`` serves recorded responses from
``KHOBOR_SNAPSHOT_DIR`` and never touches the network (tests, offline dry runs).
"""
from __future__ import annotations

import os
from pathlib import Path

from flows.paths import WarehouseLayout
from flows.sources.base import SourceContext


def source_context(layout: WarehouseLayout | None, base_dir: Path, fetch: dict | None = None, env: str | None = None) -> SourceContext:
    """``fetch``: FetchPolicy settings from the registry's ``[fetch]`` table."""
    env = env or os.environ.get("KHOBOR_ENV", "prod")
    state_dir = (layout.root / ".state") if layout else None
    if env == "snapshot":
        from flows.sources.http import SnapshotFetcher

        snap = os.environ.get("KHOBOR_SNAPSHOT_DIR")
        if not snap:
            raise RuntimeError("KHOBOR_ENV=snapshot needs KHOBOR_SNAPSHOT_DIR")
        return SourceContext(fetcher=SnapshotFetcher(snap), state_dir=state_dir, base_dir=base_dir)
    if env != "prod":
        raise RuntimeError(f"unknown KHOBOR_ENV {env!r}; use prod or snapshot")

    def make_fetcher():
        from flows.sources.http import FetchPolicy, HttpFetcher

        state = None
        if state_dir is not None:
            state_dir.mkdir(parents=True, exist_ok=True)
            state = state_dir / "http_cache.json"
        return HttpFetcher(FetchPolicy(**(fetch or {})), state=state)

    return SourceContext(fetcher=_Lazy(make_fetcher), state_dir=state_dir, base_dir=base_dir)


class _Lazy:
    """Builds the fetcher on first use: runs over local files never import the HTTP stack."""

    def __init__(self, factory):
        self._factory, self._obj = factory, None

    def __getattr__(self, name):
        if self._obj is None:
            self._obj = self._factory()
        return getattr(self._obj, name)
