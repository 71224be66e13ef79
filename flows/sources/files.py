"""Local files: a file, a folder, or a glob of .txt / .md / .html / .jsonl news files."""
from __future__ import annotations

import errno
import glob as globlib
import json
import os
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
    a type khobor cannot read is quarantined as ``unsupported-type``, not skipped silently; so are
    a symlink pointing nowhere (``broken-symlink``) or into a loop (``symlink-loop``), and a file
    bigger than ``max_item_bytes`` (``too-large``, never read; JSONL files are capped per record).
    Symlinked folders are not followed.
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
            return base, sorted(Path(p) for p in globlib.glob(text, recursive=True) if _is_item(Path(p)))
        if not self.root.exists():
            raise SourceError(f"{self.root} does not exist")
        if self.root.is_file():
            return self.root.parent, [self.root]
        return self.root, sorted(
            p for p in self.root.rglob("*")
            if _is_item(p) and not any(part.startswith(".") for part in p.relative_to(self.root).parts)
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
        if path.is_symlink() and not path.exists():
            yield self._item(path, key, b"", media, **_broken_link(path))
            return
        cap = None if media == RECORD else self.info.max_item_bytes  # records are capped one by one
        try:
            data = _read_capped(path, cap)
        except OSError as exc:
            yield self._item(path, key, b"", media, error_reason="unreadable", error=f"cannot read file: {exc.strerror or exc}")
            return
        if isinstance(data, int):
            yield self._item(path, key, b"", media, size=data, error_reason="too-large",
                             error=f"{data} bytes, over the {cap}-byte cap per item (max_item_bytes); not read")
            return
        if media != RECORD:
            yield self._item(path, key, data, media)
            return
        for lineno, line, rid in jsonl_lines(data):
            yield self._item(path, f"{key}#{rid if rid is not None else f'L{lineno}'}", line, RECORD,
                             extra={"fields": self.info.fields} if self.info.fields else {})


def _is_item(p: Path) -> bool:
    """A regular file, or a symlink that leads nowhere (reported, not skipped); not a folder."""
    return p.is_file() or (p.is_symlink() and not p.exists())


def _broken_link(path: Path) -> dict:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return dict(error_reason="symlink-loop", error=f"symlink loop: {path} -> {os.readlink(path)} leads back to itself")
    return dict(error_reason="broken-symlink", error=f"dangling symlink: {path} -> {os.readlink(path)} does not exist")


def _read_capped(path: Path, cap: int | None) -> bytes | int:
    """The file's bytes, or its size when that is over ``cap`` (nothing more than the cap is read,
    even for a file that grows meanwhile)."""
    with path.open("rb") as f:
        if cap is None:
            return f.read()
        size = os.fstat(f.fileno()).st_size
        if size > cap:
            return size
        data = f.read(cap + 1)
        return max(size, len(data)) if len(data) > cap else data


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
