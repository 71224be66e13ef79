"""Local files: one file or a folder of .txt / .md / .html / .jsonl news files."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from flows.sources.base import SourceInfo
from transforms.items import RawItem

MEDIA_BY_SUFFIX = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".jsonl": "application/x-jsonl-record",
    ".ndjson": "application/x-jsonl-record",
}


class FileSource:
    """Reads a file or walks a folder (recursively, in name order, hidden files skipped).

    Item keys are paths relative to the source root (``name.jsonl#<id>`` for JSONL records, by
    the record's ``id`` when it has one, else its line number), so a moved folder keeps its keys.
    """

    def __init__(self, info: SourceInfo, root: Path):
        self.info = info
        self.root = Path(root)

    def items(self) -> Iterator[RawItem]:
        if not self.root.exists():
            raise FileNotFoundError(f"source {self.info.id}: {self.root} does not exist")
        files = [self.root] if self.root.is_file() else sorted(
            p for p in self.root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(self.root).parts)
        )
        base = self.root.parent if self.root.is_file() else self.root
        for path in files:
            yield from self._file_items(path, path.relative_to(base).as_posix())

    def _item(self, path: Path, key: str, raw: bytes, media: str, error: str | None = None, **meta) -> RawItem:
        return RawItem(
            source_id=self.info.id,
            item_key=key,
            location=str(path),
            raw=raw,
            media_type=media,
            fetched_at=datetime.now(timezone.utc),
            error=error,
            **meta,
        )

    def _file_items(self, path: Path, key: str) -> Iterator[RawItem]:
        media = MEDIA_BY_SUFFIX.get(path.suffix.lower())
        if media is None:
            yield self._item(path, key, b"", "application/octet-stream", error=f"unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(MEDIA_BY_SUFFIX))}")
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield self._item(path, key, b"", media, error=f"cannot read file: {exc.strerror or exc}")
            return
        if media != "application/x-jsonl-record":
            yield self._item(path, key, data, media)
            return
        yield from self._jsonl_items(path, key, data)

    def _jsonl_items(self, path: Path, key: str, data: bytes) -> Iterator[RawItem]:
        import json

        for lineno, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            rid = None
            try:
                rec = json.loads(line)
                if isinstance(rec, dict) and rec.get("id") not in (None, ""):
                    rid = str(rec["id"])
            except ValueError:
                pass  # the staging step rejects the line with the parse error
            yield self._item(path, f"{key}#{rid if rid is not None else f'L{lineno}'}", line, "application/x-jsonl-record")
