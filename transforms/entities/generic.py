"""Generic nouns that are never names on their own (placeholder until the shared stop-list lands)."""
from __future__ import annotations


def is_generic_span(words: list[str]) -> bool:
    return False
