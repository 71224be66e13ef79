"""Record files: JSONL and CSV exports with a field mapping (title/body/date/url/id columns)."""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from khobor.flows.sources.base import SourceContext, SourceError, SourceInfo
from khobor.flows.sources.files import RECORD, jsonl_lines, now_utc
from khobor.transforms.documents.items import RawItem, field_map
from khobor.transforms.text.decoding import UndecodableInput, decode_bytes


def _id_keys(info: SourceInfo) -> tuple[str, ...]:
    return field_map(info.fields)["id"]


class _RecordFiles:
    """Record files named by ``location`` (one path or a list), read relative to the registry."""

    network = False
    options: dict = {}

    def __init__(self, info: SourceInfo, paths: list[Path]):
        self.info, self.paths = info, paths

    @classmethod
    def from_config(cls, info: SourceInfo, context: SourceContext):
        return cls(info, [context.resolve(loc) for loc in info.locations])


class JsonlSource(_RecordFiles):
    """kind ``jsonl``: one item per line; ``fields`` maps khobor's fields to the record's keys.

    Item keys are ``<file>#<id>`` (the mapped id field) or ``<file>#L<line>``.
    """

    def items(self, limit: int | None = None) -> Iterator[RawItem]:
        n = 0
        for path in self.paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from exc
            for lineno, line, rid in jsonl_lines(data, _id_keys(self.info)):
                yield RawItem(
                    source_id=self.info.id, item_key=f"{path.name}#{rid if rid is not None else f'L{lineno}'}",
                    location=f"{path}:{lineno}", raw=line, media_type=RECORD, fetched_at=now_utc(),
                    extra={"fields": self.info.fields},
                )
                n += 1
                if limit is not None and n >= limit:
                    return


class CsvSource(_RecordFiles):
    """kind ``csv``: one item per row (header row required); ``fields`` maps columns.

    A row's raw bytes are the row as a JSON object with sorted keys, so its hash does not depend on
    column order; options: ``delimiter`` (default ``,``), ``encoding`` (default: detected).
    """

    options = {"delimiter": str, "encoding": str}

    def items(self, limit: int | None = None) -> Iterator[RawItem]:
        n = 0
        id_keys = _id_keys(self.info)
        for path in self.paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from exc
            try:
                text = decode_bytes(data, self.info.options.get("encoding")).text
            except UndecodableInput as exc:
                raise SourceError(f"{path}: {exc}") from exc
            reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=self.info.options.get("delimiter", ","))
            # The csv module stops the whole file at a field over 128 KiB. The file is in memory
            # already, so any field may be read; a row over max_item_bytes is quarantined by staging.
            limit = csv.field_size_limit(sys.maxsize)
            try:
                if not reader.fieldnames:
                    raise SourceError(f"{path}: no header row")
                rows = list(enumerate(reader, start=2))
            finally:
                csv.field_size_limit(limit)
            for rowno, row in rows:
                extra_cols = row.pop(None, None)
                rid = next((row[k] for k in id_keys if row.get(k)), None)
                key = f"{path.name}#{rid if rid else f'R{rowno}'}"
                raw = json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8")
                error = f"row {rowno} has {len(extra_cols)} more cells than the header" if extra_cols else None
                yield RawItem(
                    source_id=self.info.id, item_key=key, location=f"{path}:{rowno}", raw=raw, media_type=RECORD,
                    fetched_at=now_utc(), extra={"fields": self.info.fields},
                    error=error, error_reason="malformed-row" if error else None,
                )
                n += 1
                if limit is not None and n >= limit:
                    return
