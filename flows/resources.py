"""Resources a run is given, built once at its entry from the environment and passed in.

- the **fetcher** network sources use: ``KHOBOR_ENV=prod`` (default) fetches over HTTP, with the
  conditional-GET state kept in the warehouse folder; ``KHOBOR_ENV=snapshot`` serves recorded
  responses from ``KHOBOR_SNAPSHOT_DIR`` and never touches the network (tests, offline dry runs);
- the **entity extractor**: gazetteer and rules, plus the NER model at ``KHOBOR_NER_MODEL`` or the
  one shipped in the package. A missing model is never dropped silently: the extractor carries a
  warning that the run summary reports.
"""
from __future__ import annotations

import os
from pathlib import Path

from khobor.data import ner_model_dir
from khobor.flows.paths import WarehouseLayout
from khobor.flows.sources.base import SourceContext
from khobor.flows.sources.http import Fetcher
from khobor.transforms.entities.extract import EntityExtractor, extractor_for


def model_dir() -> Path:
    return Path(os.environ.get("KHOBOR_NER_MODEL") or ner_model_dir())


def entity_extractor(model: Path | None = None) -> EntityExtractor:
    return extractor_for(model or model_dir())


def source_context(layout: WarehouseLayout | None, base_dir: Path, fetch: dict | None = None, env: str | None = None) -> SourceContext:
    """``fetch``: FetchPolicy settings from the registry's ``[fetch]`` table."""
    env = env or os.environ.get("KHOBOR_ENV", "prod")
    state_dir = (layout.root / ".state") if layout else None
    if env == "snapshot":
        from khobor.flows.sources.http import SnapshotFetcher

        snap = os.environ.get("KHOBOR_SNAPSHOT_DIR")
        if not snap:
            raise RuntimeError("KHOBOR_ENV=snapshot needs KHOBOR_SNAPSHOT_DIR")
        return SourceContext(fetcher=SnapshotFetcher(snap), state_dir=state_dir, base_dir=base_dir)
    if env != "prod":
        raise RuntimeError(f"unknown KHOBOR_ENV {env!r}; use prod or snapshot")

    def make_fetcher() -> Fetcher:
        from khobor.flows.sources.http import FetchPolicy, HttpFetcher

        state = None
        if layout is not None:
            state = fetch_state_path(layout)
            state.parent.mkdir(parents=True, exist_ok=True)
        return HttpFetcher(FetchPolicy(**(fetch or {})), state=state)

    return SourceContext(fetcher=LazyFetcher(make_fetcher), state_dir=state_dir, base_dir=base_dir)


def fetch_state_path(layout: WarehouseLayout) -> Path:
    return layout.root / ".state" / "http_cache.json"


def take_pending_state(context: SourceContext) -> dict:
    """The conditional-GET validators learnt by this context's fetcher, not yet written, as plain
    data; closes the fetcher. They are written only once the run has stored what it fetched."""
    fetcher = context.fetcher
    if isinstance(fetcher, LazyFetcher):
        fetcher = fetcher.built
    if fetcher is None:
        return {}
    changes = fetcher.pending_state()
    fetcher.close()
    return changes


def commit_fetch_state(layout: WarehouseLayout, changes: dict) -> int:
    if not changes:
        return 0
    from khobor.flows.sources.fetch_state import FetchState

    state = FetchState(fetch_state_path(layout))
    state.apply(changes)
    return state.commit()


class LazyFetcher:
    """A ``Fetcher`` built on first use: runs over local files never import the HTTP stack."""

    def __init__(self, factory):
        self._factory, self._obj = factory, None

    @property
    def built(self) -> Fetcher | None:
        return self._obj

    def _get(self) -> Fetcher:
        if self._obj is None:
            self._obj = self._factory()
        return self._obj

    def fetch(self, url, **kwargs):
        return self._get().fetch(url, **kwargs)

    def fetch_many(self, urls, **kwargs):
        return self._get().fetch_many(urls, **kwargs)

    def forget(self, url, **kwargs) -> None:
        if self._obj is not None:
            self._obj.forget(url, **kwargs)

    def pending_state(self) -> dict:
        return self._obj.pending_state() if self._obj is not None else {}

    def commit_state(self) -> int:
        return self._obj.commit_state() if self._obj is not None else 0

    def close(self) -> None:
        if self._obj is not None:
            self._obj.close()
