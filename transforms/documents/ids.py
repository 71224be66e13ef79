"""Stable identifiers. Every id is derived from content, so reruns reproduce them exactly."""
from __future__ import annotations

import hashlib
import re


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def short_hash(*parts: str, n: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:n]


_WS = re.compile(r"\s+")


def document_id(clean_text: str) -> str:
    # Whitespace-insensitive so the same article syndicated with different line breaks is one document.
    return "doc_" + short_hash(_WS.sub(" ", clean_text).strip())


def staging_id(source_id: str, item_key: str, raw_sha256: str) -> str:
    return "stg_" + short_hash(source_id, item_key, raw_sha256)


def mention_id(doc_id: str, start: int, end: int, label: str) -> str:
    return "men_" + short_hash(doc_id, str(start), str(end), label)
