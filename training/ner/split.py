"""Deterministic train/dev/test split.

A sentence's split comes from a seeded hash of its text, so it does not depend on reading order and
the same sentence always lands in the same split. rifat ships its own test file, which is kept as its
test split; banglakit and neonp hold out fixed fractions. Text that appears in any test split is
removed from every train and dev split (the corpora share news sentences and neonp repeats headlines),
and dev text is removed from train, so nothing is scored on what it was trained or selected on.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from .corpora import Sentence, Stats

SPLITS = ("train", "dev", "test")
DEV_FRACTION = 0.10
TEST_FRACTION = 0.15


def _unit(key: str, seed: int) -> float:
    h = hashlib.sha1(f"{seed}\0{key}".encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def split_of(s: Sentence, seed: int) -> str:
    u = _unit(s.key, seed)
    if s.source == "test":
        return "test"
    if s.source == "train":
        return "dev" if u < DEV_FRACTION else "train"
    if u < TEST_FRACTION:
        return "test"
    return "dev" if u < TEST_FRACTION + DEV_FRACTION else "train"


def split(sentences: list[Sentence], seed: int, stats: Stats) -> dict[str, dict[str, list[Sentence]]]:
    """-> {split: {corpus: [sentences]}}"""
    parts: dict[str, dict[str, list[Sentence]]] = {sp: defaultdict(list) for sp in SPLITS}
    for s in sentences:
        parts[split_of(s, seed)][s.corpus].append(s)
    test_keys = {s.key for group in parts["test"].values() for s in group}
    dev_keys = {s.key for group in parts["dev"].values() for s in group}
    for sp, banned in (("dev", test_keys), ("train", test_keys | dev_keys)):
        for corpus, group in parts[sp].items():
            kept = [s for s in group if s.key not in banned]
            if len(kept) != len(group):
                stats.add(corpus, f"removed_from_{sp}_as_overlap", len(group) - len(kept))
            parts[sp][corpus] = kept
    return {sp: dict(v) for sp, v in parts.items()}
