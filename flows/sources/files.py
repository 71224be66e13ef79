"""Local files: a file, a folder, or a glob of .txt / .md / .html / .jsonl news files."""
from __future__ import annotations

import glob as globlib
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from khobor.flows.sources.base import SourceContext, SourceError, SourceInfo
from khobor.transforms.documents.items import RawItem

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
RECORD = "application/x-jsonl-record"


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


class FileSource:
    """kind ``files``: reads a file, walks a folder (recursively, in name order, hidden files
    skipped), or expands a glob (``location = "feeds/**/*.txt"``).

    Item keys are paths relative to the folder (``name.jsonl#<id>`` for JSONL records, by the
    record's ``id`` when it has one, else ``L<line>``), so a moved folder keeps its keys. A file of
    a type khobor cannot read is quarantined as ``unsupported-type``, not skipped silently.
    """

    network = False
    options: dict = {}

    def __init__(self, info: SourceInfo, root: Path):
        self.info = info
        self.root = Path(root)

    @classmethod
    def from_config(cls, info: SourceInfo, context: SourceContext) -> FileSource:
        return cls(info, context.resolve(info.locations[0]))

    def _files(self) -> tuple[Path, list[Path]]:
        text = str(self.root)
        if any(ch in text for ch in "*?["):
            base = Path(text.split("*")[0].split("?")[0].split("[")[0])
            base = base if base.is_dir() else base.parent
            return base, sorted(Path(p) for p in globlib.glob(text, recursive=True) if Path(p).is_file())
        if not self.root.exists():
            raise SourceError(f"{self.root} does not exist")
        if self.root.is_file():
            return self.root.parent, [self.root]
        return self.root, sorted(
            p for p in self.root.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(self.root).parts)
        )

    def items(self, limit: int | None = None) -> Iterator[RawItem]:
        base, files = self._files()
        n = 0
        for path in files:
            for item in self._file_items(path, path.relative_to(base).as_posix()):
                yield item
                n += 1
                if limit is not None and n >= limit:
                    return

    def _item(self, path: Path, key: str, raw: bytes, media: str, **kw) -> RawItem:
        return RawItem(source_id=self.info.id, item_key=key, location=str(path), raw=raw, media_type=media,
                       fetched_at=now_utc(), **kw)

    def _file_items(self, path: Path, key: str) -> Iterator[RawItem]:
        media = MEDIA_BY_SUFFIX.get(path.suffix.lower())
        if media is None:
            yield self._item(path, key, b"", "application/octet-stream", error_reason="unsupported-type",
                             error=f"unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(MEDIA_BY_SUFFIX))}")
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield self._item(path, key, b"", media, error_reason="unreadable", error=f"cannot read file: {exc.strerror or exc}")
            return
        if media != RECORD:
            yield self._item(path, key, data, media)
            return
        for lineno, line, rid in jsonl_lines(data):
            yield self._item(path, f"{key}#{rid if rid is not None else f'L{lineno}'}", line, RECORD,
                             extra={"fields": self.info.fields} if self.info.fields else {})


def jsonl_lines(data: bytes, id_keys: tuple[str, ...] = ("id",)) -> Iterator[tuple[int, bytes, str | None]]:
    """(line number, raw line, record id if it has one) for every non-blank line."""
    for lineno, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        rid = None
        try:
            rec = json.loads(line)
        except ValueError:
            rec = None  # staging rejects the line with the parse error
        if isinstance(rec, dict):
            for k in id_keys:
                if rec.get(k) not in (None, ""):
                    rid = str(rec[k])
                    break
        yield lineno, line, rid
