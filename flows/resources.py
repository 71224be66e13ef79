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
        if layout is not None:
            state = fetch_state_path(layout)
            state.parent.mkdir(parents=True, exist_ok=True)
        return HttpFetcher(FetchPolicy(**(fetch or {})), state=state)

    return SourceContext(fetcher=_Lazy(make_fetcher), state_dir=state_dir, base_dir=base_dir)


def fetch_state_path(layout: WarehouseLayout) -> Path:
    return layout.root / ".state" / "http_cache.json"


def take_pending_state(context: SourceContext) -> dict:
    """The conditional-GET validators learnt by this context's fetcher, not yet written, as plain
    data; closes the fetcher. They are written only once the run has stored what it fetched."""
    fetcher = context.fetcher
    if isinstance(fetcher, _Lazy):
        fetcher = fetcher.built
    if fetcher is None:
        return {}
    state = getattr(fetcher, "state", None)
    changes = state.export_pending() if state is not None else {}
    closer = getattr(fetcher, "close", None)
    if closer is not None:
        closer()
    return changes


def commit_fetch_state(layout: WarehouseLayout, changes: dict) -> int:
    if not changes:
        return 0
    from flows.sources.fetch_state import FetchState

    state = FetchState(fetch_state_path(layout))
    state.apply(changes)
    return state.commit()


class _Lazy:
    """Builds the fetcher on first use: runs over local files never import the HTTP stack."""

    def __init__(self, factory):
        self._factory, self._obj = factory, None

    @property
    def built(self):
        return self._obj

    def __getattr__(self, name):
        if self._obj is None:
            self._obj = self._factory()
        return getattr(self._obj, name)
