"""The declared sources. For now one: the bundled sample corpus; ``--input`` adds an ad-hoc one."""
from __future__ import annotations

from pathlib import Path

from flows.paths import SAMPLE_DIR
from flows.sources.base import Source, SourceInfo
from flows.sources.files import FileSource


def declared_sources() -> list[Source]:
    return [FileSource(SourceInfo(id="sample", kind="files", location=str(SAMPLE_DIR), timezone="Asia/Dhaka", publisher="khobor sample"), SAMPLE_DIR)]


def input_source(path: str | Path, timezone: str = "UTC") -> Source:
    """An ad-hoc source for ``khobor run --input PATH``; its id is stable for the same path."""
    p = Path(path).expanduser().resolve()
    return FileSource(SourceInfo(id=f"input:{p.name}", kind="files", location=str(p), timezone=timezone), p)
