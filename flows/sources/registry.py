"""The source registry: one declarative file (``sources.toml``) lists every source.

Kinds are looked up by name in the ``khobor.sources`` entry-point group, so a package that
registers a kind there makes it available to the registry file with no change to khobor.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from dataclasses import fields as dc_fields
from importlib.metadata import entry_points
from pathlib import Path

from khobor.flows.sources.base import ConfigError, Source, SourceContext, SourceInfo, check_byte_limit

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
    return _fetch_settings(_read(path), path)


def _fetch_settings(data: dict, path: Path) -> dict:
    from dataclasses import fields as fields_of

    from khobor.flows.sources.http import FetchPolicy

    settings = data.get("fetch", {})
    allowed = {f.name for f in fields_of(FetchPolicy)}
    unknown = set(settings) - allowed
    if unknown:
        raise ConfigError(f"{path} [fetch]: unknown keys {sorted(unknown)}; allowed: {', '.join(sorted(allowed))}")
    try:
        FetchPolicy(**settings)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path} [fetch]: {exc}") from exc
    return settings


@dataclass
class Registry:
    """The registry file, read entry by entry: one wrong entry fails that source only.

    ``problems`` maps each wrong entry's id (or ``#N``) to what is wrong with it; ``disabled_ids``
    says which of all the entries are disabled, so a disabled wrong entry never blocks anything.
    """

    path: Path
    sources: list[SourceInfo] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # every entry's declared kind, wrong ones included
    disabled_ids: set[str] = field(default_factory=set)
    fetch: dict = field(default_factory=dict)
    fetch_problem: str | None = None

    def __iter__(self):
        return iter(self.sources)

    def enabled_problems(self) -> dict[str, str]:
        return {sid: why for sid, why in self.problems.items() if sid not in self.disabled_ids}


def read_registry(path: Path) -> Registry:
    """Parse and check the registry file. A file that cannot be read at all is a ConfigError; a wrong
    entry is recorded in ``problems`` with a message naming the source and the key."""
    data = _read(path)
    unknown_tables = set(data) - {"source", "fetch", "limits"}
    if unknown_tables:
        raise ConfigError(f"source registry {path}: unknown tables {sorted(unknown_tables)}; use [[source]], [fetch] and [limits]")
    limits = _limits(data, path)
    reg = Registry(Path(path))
    try:
        reg.fetch = _fetch_settings(data, path)
    except ConfigError as exc:
        reg.fetch_problem = str(exc)
    for i, entry in enumerate(data.get("source", []), start=1):
        sid = str(entry.get("id", f"#{i}"))
        reg.kinds.setdefault(sid, str(entry.get("kind", "?")))
        if entry.get("enabled", True) is False:
            reg.disabled_ids.add(sid)
        if sid in reg.problems or any(s.id == sid for s in reg.sources):
            reg.problems[sid] = f"source {sid!r} is declared twice"
            reg.sources = [s for s in reg.sources if s.id != sid]
            continue
        try:
            reg.sources.append(_entry({**limits, **entry}, sid))
        except ConfigError as exc:
            reg.problems[sid] = str(exc)
    return reg


LIMIT_KEYS = ("max_item_bytes",)


def _limits(data: dict, path: Path) -> dict:
    """The registry's ``[limits]`` table: defaults for every source's own limit keys."""
    limits = data.get("limits", {})
    if not isinstance(limits, dict):
        raise ConfigError(f"{path}: [limits] must be a table")
    unknown = set(limits) - set(LIMIT_KEYS)
    if unknown:
        raise ConfigError(f"{path} [limits]: unknown keys {sorted(unknown)}; allowed: {', '.join(LIMIT_KEYS)}")
    for key, value in limits.items():
        check_byte_limit(value, f"{path} [limits] {key}")
    return limits


def _entry(entry: dict, sid: str) -> SourceInfo:
    unknown = set(entry) - _INFO_KEYS
    if unknown:
        raise ConfigError(f"source {sid!r}: unknown keys {sorted(unknown)}; allowed: {', '.join(sorted(_INFO_KEYS))}")
    for required in ("id", "kind", "location"):
        if required not in entry:
            raise ConfigError(f"source {sid!r}: {required!r} is required")
    try:
        info = SourceInfo(**entry)
    except TypeError as exc:
        raise ConfigError(f"source {sid!r}: {exc}") from exc
    try:
        kind = load_kind(info.kind)
    except ConfigError as exc:
        raise ConfigError(f"source {sid!r}: {exc}") from None
    check_options(info, kind)
    return info


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


def select(registry: Registry, ids: list[str] | None) -> tuple[list[SourceInfo], dict[str, str]]:
    """The sources to run and the failures to report for the wrong ones among them.

    Without ``ids``: every enabled source; enabled entries that are wrong are returned as failures
    (the others still run). With ``ids``: exactly those sources, enabled or not; naming a wrong or
    unknown one is a ConfigError (the operator asked for something that cannot run).
    """
    by_id = {i.id: i for i in registry.sources}
    if not ids:
        return [i for i in registry.sources if i.enabled], registry.enabled_problems()
    missing = [s for s in ids if s not in by_id and s not in registry.problems]
    if missing:
        declared = [*by_id, *registry.problems]
        raise ConfigError(f"no source named {', '.join(map(repr, missing))}; declared: {', '.join(declared)}")
    wrong = [registry.problems[s] for s in ids if s in registry.problems]
    if wrong:
        raise ConfigError("; ".join(wrong))
    return [by_id[s] for s in ids], {}
