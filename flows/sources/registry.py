"""The source registry: one declarative file (``sources.toml``) lists every source.

Kinds are looked up by name in the ``khobor.sources`` entry-point group, so a package that
registers a kind there makes it available to the registry file with no change to khobor.
"""
from __future__ import annotations

import tomllib
from dataclasses import fields as dc_fields
from importlib.metadata import entry_points
from pathlib import Path

from khobor.flows.sources.base import ConfigError, Source, SourceContext, SourceInfo

ENTRY_POINT_GROUP = "khobor.sources"
_INFO_KEYS = {f.name for f in dc_fields(SourceInfo)}


def available_kinds() -> dict[str, object]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def load_kind(kind: str):
    eps = available_kinds()
    if kind not in eps:
        raise ConfigError(f"unknown source kind {kind!r}; installed kinds: {', '.join(sorted(eps)) or 'none'}")
    return eps[kind].load()


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"source registry {path} not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"source registry {path}: {exc}") from exc


def fetch_settings(path: Path) -> dict:
    """The registry's ``[fetch]`` table: HTTP policy for every network source (see FetchPolicy)."""
    from dataclasses import fields as fields_of

    from khobor.flows.sources.http import FetchPolicy

    settings = _read(path).get("fetch", {})
    allowed = {f.name for f in fields_of(FetchPolicy)}
    unknown = set(settings) - allowed
    if unknown:
        raise ConfigError(f"[fetch]: unknown keys {sorted(unknown)}; allowed: {', '.join(sorted(allowed))}")
    return settings


def read_registry(path: Path) -> list[SourceInfo]:
    """Parse and check the registry file; every problem is a ConfigError naming the source."""
    data = _read(path)
    unknown_tables = set(data) - {"source", "fetch"}
    if unknown_tables:
        raise ConfigError(f"source registry {path}: unknown tables {sorted(unknown_tables)}; use [[source]] and [fetch]")
    infos, seen = [], set()
    for i, entry in enumerate(data.get("source", []), start=1):
        sid = entry.get("id", f"#{i}")
        unknown = set(entry) - _INFO_KEYS
        if unknown:
            raise ConfigError(f"source {sid!r}: unknown keys {sorted(unknown)}; allowed: {', '.join(sorted(_INFO_KEYS))}")
        for required in ("id", "kind", "location"):
            if required not in entry:
                raise ConfigError(f"source {sid!r}: {required!r} is required")
        info = SourceInfo(**entry)
        if info.id in seen:
            raise ConfigError(f"source {info.id!r} is declared twice")
        seen.add(info.id)
        check_options(info, load_kind(info.kind))  # fail at load time, not in the middle of a run
        infos.append(info)
    return infos


def check_options(info: SourceInfo, kind) -> None:
    allowed: dict = getattr(kind, "options", {})
    unknown = sorted(set(info.options) - set(allowed))
    if unknown:
        listed = ", ".join(sorted(allowed)) or "none"
        raise ConfigError(f"source {info.id!r}: unknown options {unknown} for kind {info.kind!r}; allowed: {listed}")
    for key, value in info.options.items():
        want = allowed[key]
        if isinstance(value, bool) and want is int or not isinstance(value, want):
            names = " or ".join(t.__name__ for t in (want if isinstance(want, tuple) else (want,)))
            raise ConfigError(f"source {info.id!r}: option {key!r} must be {names}, not {type(value).__name__}")


def uses_network(infos: list[SourceInfo]) -> bool:
    """Whether any of these sources fetches over the network (so the [fetch] policy applies)."""
    return any(getattr(load_kind(i.kind), "network", False) for i in infos)


def build_source(info: SourceInfo, context: SourceContext) -> Source:
    return load_kind(info.kind).from_config(info, context)


def input_info(path: str | Path, timezone: str = "UTC") -> SourceInfo:
    """The ad-hoc source behind ``khobor run --input PATH``; its id is stable for the same path."""
    p = Path(path).expanduser().resolve()
    return SourceInfo(id=f"input:{p.name.lower()[:50] or 'root'}".replace(" ", "-"), kind="files", location=str(p), timezone=timezone)


def select(infos: list[SourceInfo], ids: list[str] | None) -> list[SourceInfo]:
    """The enabled sources, or exactly the named ones (enabled or not) when ids are given."""
    if not ids:
        return [i for i in infos if i.enabled]
    by_id = {i.id: i for i in infos}
    missing = [s for s in ids if s not in by_id]
    if missing:
        raise ConfigError(f"no source named {', '.join(map(repr, missing))}; declared: {', '.join(by_id)}")
    return [by_id[s] for s in ids]
