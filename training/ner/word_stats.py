"""How often each word is part of a name in the NER corpora: the data behind khobor's generic-word filter.

    python -m khobor.training.ner.word_stats --shared ../shared --out transforms/entities/data/word_entity_rates.tsv

Counts come from the train and dev splits only (the held-out test splits stay unseen), over the raw
annotation (no stop-list), labels PERSON, ORG and LOC. A word seen at least ``--min-count`` times is
written with how often it was seen and how often inside a name.
"""
from __future__ import annotations

import argparse
import collections
import unicodedata
from pathlib import Path

from .evaluate import load_splits

NAME_LABELS = ("PERSON", "ORG", "LOC")


def word_rates(shared: Path, seed: int = 0) -> dict[str, tuple[int, int]]:
    splits = load_splits(shared, seed, stoplist=False)
    seen: collections.Counter = collections.Counter()
    named: collections.Counter = collections.Counter()
    for split in ("train", "dev"):
        for sentences in splits[split].values():
            for s in sentences:
                inside = set()
                for e in s.ents:
                    if e.label in NAME_LABELS:
                        inside.update(range(e.start, e.end))
                for i, w in enumerate(s.words):
                    w = unicodedata.normalize("NFC", w)
                    seen[w] += 1
                    if i in inside:
                        named[w] += 1
    return {w: (n, named[w]) for w, n in seen.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    rates = word_rates(args.shared)
    rows = sorted((w, n, k) for w, (n, k) in rates.items() if n >= args.min_count and w.strip())
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# Words of the NER corpora (train and dev splits: banglakit CC0, rifat MIT, neonp CC BY 4.0) with how often\n")
        fh.write("# each was seen and how often inside a PERSON, ORG or LOC name. Made by khobor.training.ner.word_stats.\n")
        fh.write("word\tseen\tin_name\n")
        for w, n, k in rows:
            fh.write(f"{w}\t{n}\t{k}\n")
    print(f"wrote {len(rows)} words to {args.out}")


if __name__ == "__main__":
    main()
